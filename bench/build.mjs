// Bundles bench/entry.ts (the reader and what the corpus builder needs) for the benchmarks.
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchBundleOptions } from "./bundle-options.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const outDir = path.join(root, "node_modules", ".cache", "planassist-bench");

/** Builds the bundle and returns its path. */
export async function buildReader() {
  mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, "reader.mjs");
  await build(benchBundleOptions(root, outfile));
  return outfile;
}
