// Reads one document in a fresh process: median time over several reads and the peak memory
// growth (resident set) of one read. Prints JSON. Used by bench/reading.mjs.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const [, , readerPath, file, repsArg] = process.argv;
const lib = await import(pathToFileURL(readerPath).href);
const bytes = new Uint8Array(readFileSync(file));
const reps = Number(repsArg);

globalThis.gc?.();
const before = process.resourceUsage().maxRSS;
let r = lib.openDocx(bytes);
if (!r.ok) throw new Error(r.error.message);
const peakMb = (process.resourceUsage().maxRSS - before) / 1024;
r = undefined;

const times = [];
for (let i = 0; i < reps; i++) {
  globalThis.gc?.();
  const t = performance.now();
  const x = lib.openDocx(bytes);
  times.push(performance.now() - t);
  if (!x.ok) throw new Error(x.error.message);
}
times.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ medianMs: times[Math.floor(times.length / 2)], peakMb }));
