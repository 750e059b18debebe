// Reads the bench corpus with one contender in a fresh process and prints its rate as JSON. Used
// by bench/reading.mjs, which runs each contender in a process of its own so that no contender's
// heap (mammoth's is large) or compiled code slows another.
//   node bench/rate-probe.mjs <reader bundle> <corpus dir> <contender> <warm-up s> <seconds> <cpu|wall>
// Prints two rates: `cold`, the first pass over the corpus (what one fresh run meets, the
// compiler's work on first use included), and `rate`, the steady rate measured after warming up.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { contenders } from "./contenders.mjs";
import { clockFor } from "./clock.mjs";

const [, , readerPath, corpusDir, name, warmArg, secondsArg, clockArg] = process.argv;
const lib = await import(pathToFileURL(readerPath).href);
const read = contenders(lib)[name];
if (!read) throw new Error(`no contender ${name}`);
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith(".docx"))
  .sort()
  .map((f) => new Uint8Array(readFileSync(path.join(corpusDir, f))));
const clock = clockFor(clockArg);

// First pass: every document once, in order (every template).
const first = clock();
for (const bytes of corpus) await read(bytes);
const cold = (corpus.length / (clock() - first)) * 1000;

// Warm up until the compiler has done its work (checking keeps speeding up for several seconds
// while the engine optimises the code each template uses), then measure the steady rate.
let i = 0;
while (clock() - first < Number(warmArg) * 1000) {
  await read(corpus[i]);
  i = (i + 1) % corpus.length;
}
const seconds = Number(secondsArg);
const start = clock();
let docs = 0;
while (clock() - start < seconds * 1000) {
  await read(corpus[i]);
  docs++;
  i = (i + 1) % corpus.length;
}
process.stdout.write(JSON.stringify({ rate: (docs / (clock() - start)) * 1000, cold, docs }));
