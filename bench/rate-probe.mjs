// Reads the bench corpus with one contender in a fresh process and prints its rate as JSON. Used
// by bench/reading.mjs, which runs each contender in a process of its own so that no contender's
// heap (mammoth's is large) or compiled code slows another.
//   node bench/rate-probe.mjs <reader bundle> <corpus dir> <contender> <seconds> <cpu|wall>
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { contenders } from "./contenders.mjs";

const [, , readerPath, corpusDir, name, secondsArg, clockArg] = process.argv;
const lib = await import(pathToFileURL(readerPath).href);
const read = contenders(lib)[name];
if (!read) throw new Error(`no contender ${name}`);
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith(".docx"))
  .sort()
  .map((f) => new Uint8Array(readFileSync(path.join(corpusDir, f))));
const clock =
  clockArg === "wall"
    ? () => performance.now()
    : () => {
        const u = process.cpuUsage();
        return (u.user + u.system) / 1000;
      };

// Warm up first: read the corpus in order (every template) twice, or for four seconds when that
// is sooner, so the measured time is the steady rate, not the compiler's work on first use.
const warmUntil = performance.now() + 4000;
for (let i = 0; i < corpus.length * 2 && performance.now() < warmUntil; i++)
  await read(corpus[i % corpus.length]);

const seconds = Number(secondsArg);
const start = clock();
let docs = 0;
let i = 0;
while (clock() - start < seconds * 1000) {
  await read(corpus[i]);
  docs++;
  i = (i + 1) % corpus.length;
}
process.stdout.write(JSON.stringify({ rate: (docs / (clock() - start)) * 1000, docs }));
