// Checks the bench corpus many times, for profiling `planassist check`:
//   node --cpu-prof --cpu-prof-dir=<dir> bench/profile-check.mjs [seconds]
// Prints milliseconds per document: reading alone, reading plus checking, and the check alone.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildReader } from "./build.mjs";
import { cliCheckOptions } from "./contenders.mjs";
import { filledCorpus } from "./corpus.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const lib = await import(pathToFileURL(await buildReader()).href);
const corpus = filledCorpus(lib, root, 45);
const seconds = Number(process.argv[2] ?? 5);

function time(label, fn) {
  let docs = 0;
  const t = performance.now();
  while (performance.now() - t < seconds * 1000) {
    for (const d of corpus) fn(d.bytes);
    docs += corpus.length;
  }
  const ms = (performance.now() - t) / docs;
  console.log(`${label}: ${ms.toFixed(2)} ms per document (${(1000 / ms).toFixed(0)} docs/s)`);
}

time("read", (b) => lib.openDocx(b));
const checkOptions = cliCheckOptions(lib);
time("check", (b) => lib.checkDocument(b, checkOptions));
// The check alone, on snapshots read just before (fresh ones each time: what recognition works out
// is kept with a snapshot, so checking one snapshot again would measure that memo, not the work).
{
  let docs = 0;
  let ms = 0;
  const t = performance.now();
  while (performance.now() - t < seconds * 1000) {
    for (const d of corpus) {
      const r = lib.openDocx(d.bytes);
      if (!r.ok) throw new Error(r.error.message);
      const c = performance.now();
      lib.checkSnapshot(r.value.read.snapshot, { currentDate: "2026-01-15" });
      ms += performance.now() - c;
      docs++;
    }
  }
  console.log(`check a snapshot just read: ${(ms / docs).toFixed(2)} ms per document`);
}
