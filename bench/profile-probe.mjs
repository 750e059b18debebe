// Checks the corpus in a fresh process under the V8 sampling profiler, for bench/profile.mjs.
// With "cold" it profiles the first pass over every document (what one fresh run meets); with
// "warm" it checks for `seconds` first and then profiles as long again. Prints the documents checked and\n// the CPU time they took. The profile (only the
// checking: not the loading of modules nor the warm-up) is written to `out`.
//   node bench/profile-probe.mjs <reader bundle> <corpus dir> <cold|warm> <seconds> <out>
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
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
if (mode === "warm") {
  const until = performance.now() + seconds * 1000;
  for (; performance.now() < until; i = (i + 1) % corpus.length) check(corpus[i]);
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
const t = performance.now();
const cpu = process.cpuUsage();
let docs = 0;
if (mode === "cold") {
  for (const bytes of corpus) check(bytes);
  docs = corpus.length;
} else {
  const until = t + seconds * 1000;
  for (; performance.now() < until; i = (i + 1) % corpus.length, docs++) check(corpus[i]);
}
const used = process.cpuUsage(cpu);
const ms = (used.user + used.system) / 1000;
const { profile } = await post("Profiler.stop");
writeFileSync(out, JSON.stringify(profile));
process.stdout.write(JSON.stringify({ docs, ms }));
