// How the benchmarks bundle bench/entry.ts (the reader, the use cases and the tests' Word), shared
// by bench/build.mjs and the test that builds the same bundle (tests/bench/bundle.test.ts).
import path from "node:path";

/** esbuild's options for the bench's bundle of `root`/bench/entry.ts written to `outfile`. */
export function benchBundleOptions(root, outfile) {
  return {
    entryPoints: [path.join(root, "bench", "entry.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    outfile,
    logLevel: "warning",
    minify: false,
  };
}
