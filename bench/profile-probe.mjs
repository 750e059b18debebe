// Checks the corpus in a fresh process under the V8 sampling profiler, for bench/profile.mjs.
// With "cold" it profiles the first pass over every document (what one fresh run meets); with
// "warm" it checks for three times `seconds` first (checking is steady after some 300 documents)
// and then profiles for `seconds`. Seconds are of CPU time. The profile (only the checking: not
// the loading of modules nor the warm-up) is written to `out`; prints the documents checked and
// the CPU time they took.
//   node bench/profile-probe.mjs <reader bundle> <corpus dir> <cold|warm> <seconds> <out>
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { cpuMs } from "./clock.mjs";
import { cliCheckOptions } from "./contenders.mjs";

const [, , readerPath, corpusDir, mode, secondsArg, out] = process.argv;
const lib = await import(pathToFileURL(readerPath).href);
const options = cliCheckOptions(lib);
const check = (bytes) => {
  const r = lib.checkDocument(bytes, options);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
};
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith(".docx"))
  .sort()
  .map((f) => new Uint8Array(readFileSync(path.join(corpusDir, f))));
const seconds = Number(secondsArg);
let i = 0;
// Seconds of CPU time, not of the clock: on a busy machine the clock runs on while this waits.
if (mode === "warm") {
  const until = cpuMs() + 3 * seconds * 1000;
  for (; cpuMs() < until; i = (i + 1) % corpus.length) check(corpus[i]);
}

const session = new Session();
session.connect();
const post = (method, params) =>
  new Promise((resolve, reject) =>
    session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))),
  );
await post("Profiler.enable");
await post("Profiler.setSamplingInterval", { interval: 200 });
await post("Profiler.start");
const t = cpuMs();
let docs = 0;
if (mode === "cold") {
  for (const bytes of corpus) check(bytes);
  docs = corpus.length;
} else {
  const until = t + seconds * 1000;
  for (; cpuMs() < until; i = (i + 1) % corpus.length, docs++) check(corpus[i]);
}
const ms = cpuMs() - t;
const { profile } = await post("Profiler.stop");
writeFileSync(out, JSON.stringify(profile));
process.stdout.write(JSON.stringify({ docs, ms }));
