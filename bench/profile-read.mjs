// Reads one .docx many times, for profiling the reader:
//   node --cpu-prof bench/profile-read.mjs some.docx [times]
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { buildReader } from "./build.mjs";

const lib = await import(pathToFileURL(await buildReader()).href);
const bytes = new Uint8Array(readFileSync(process.argv[2]));
const times = Number(process.argv[3] ?? 30);
const t = performance.now();
for (let i = 0; i < times; i++) {
  const r = lib.openDocx(bytes);
  if (!r.ok) throw new Error(r.error.message);
}
console.log(`${((performance.now() - t) / times).toFixed(2)} ms per read`);
