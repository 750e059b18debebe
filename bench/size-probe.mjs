// Reads (or checks) one document in a fresh process: median time over several reads (CPU time, or elapsed
// time with "wall") and the peak memory growth (resident set) of one read. Prints JSON. Used by
// bench/reading.mjs. The per-file time limit is lifted: this measures speed, not limits.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { clockFor } from "./clock.mjs";

const [, , readerPath, file, repsArg, clockArg, mode, warmFile] = process.argv;
const lib = await import(pathToFileURL(readerPath).href);
const bytes = new Uint8Array(readFileSync(file));
const reps = Number(repsArg);
const limits = { ...lib.defaultDocxLimits, maxMillis: Number.POSITIVE_INFINITY };
// "check": what `planassist check` does with the file (Node's zlib inflating); otherwise the full
// read a writer uses.
const read =
  mode === "check"
    ? (b) =>
        lib.checkDocument(b, {
          currentDate: "2026-01-15",
          limits: { ...limits, codec: lib.zlibCodec },
        })
    : (b) => lib.openDocx(b, limits);
const clock = clockFor(clockArg);

globalThis.gc?.();
const before = process.resourceUsage().maxRSS;
let r = read(bytes);
if (!r.ok) throw new Error(r.error.message);
const peakMb = (process.resourceUsage().maxRSS - before) / 1024;
r = undefined;

// Warm up on a small document first, so every size is timed with the code already compiled: a
// cold start would weigh on small documents most and make growth look better than it is.
if (warmFile) {
  const warm = new Uint8Array(readFileSync(warmFile));
  const until = clock() + 2000;
  while (clock() < until) read(warm);
}

const times = [];
// No collection is forced between the timed reads: a forced full collection also throws away
// compiled code and type feedback, and made small documents look three times slower than they
// are. What a read leaves behind is collected while the reads go on, as in a real run.
for (let i = 0; i < reps; i++) {
  const t = clock();
  const x = read(bytes);
  times.push(clock() - t);
  if (!x.ok) throw new Error(x.error.message);
}
times.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ medianMs: times[Math.floor(times.length / 2)], peakMb }));
