// `npm run bench`: measures PlanAssist against a baseline and against the floor in one run, prints
// one line per figure (name, value, unit, baseline, ratio) and writes the same to bench-results.json.
//
// Usage: node scripts/bench.mjs [--quick]
// To add figures, write a suite in bench/ exporting `run({ lib, root, figure, quick })` and list it
// below.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildReader } from "../bench/build.mjs";
import { figure, writeFigures } from "../bench/figure.mjs";
import * as reading from "../bench/reading.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const quick = process.argv.includes("--quick");
const suites = [["reading .docx files", reading]];

const lib = await import(pathToFileURL(await buildReader()).href);
console.log(`PlanAssist bench (node ${process.version}${quick ? ", quick" : ""})`);
for (const [title, suite] of suites) {
  console.log(`\n## ${title}`);
  await suite.run({ lib, root, figure, quick });
}
const out = path.join(root, "bench-results.json");
writeFigures(out);
console.log(`\nWrote ${path.relative(root, out)}`);
