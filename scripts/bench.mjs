// `npm run bench`: measures PlanAssist against a baseline and against the floor in one run, prints
// one line per figure (name, value, unit, baseline, ratio) and writes the same to bench-results.json.
//
// Usage: node scripts/bench.mjs [--quick] [--wall] [--only=word,reading,taskpane,writing]
//   --quick  shorter runs and fewer document sizes
//   --only   run some suites only (the JSON then holds only their figures)
//   --wall   time by the clock instead of by CPU time (CPU time is the default: it stays steady
//            when other work shares the machine; elapsed time is what a person waits on an idle one)
// To add figures, write a suite in bench/ exporting `run({ lib, root, figure, quick })` and list it
// below.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildReader } from "../bench/build.mjs";
import { figure, writeFigures } from "../bench/figure.mjs";
import * as reading from "../bench/reading.mjs";
import * as roundTrips from "../bench/round-trips.mjs";
import * as taskpane from "../bench/taskpane.mjs";
import * as writing from "../bench/writing.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const quick = process.argv.includes("--quick");
const wall = process.argv.includes("--wall");
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const suites = [
  ["round trips to Word", roundTrips, "word"],
  ["reading and checking .docx files", reading, "reading"],
  ["task pane", taskpane, "taskpane"],
  ["writing", writing, "writing"],
].filter(([, , key]) => !only || only.split(",").includes(key));

const lib = await import(pathToFileURL(await buildReader()).href);
console.log(
  `PlanAssist bench (node ${process.version}${quick ? ", quick" : ""}, ${wall ? "elapsed" : "CPU"} time)`,
);
for (const [title, suite] of suites) {
  console.log(`\n## ${title}`);
  await suite.run({ lib, root, figure, quick, wall });
}
const out = path.join(root, "bench-results.json");
writeFigures(out);
console.log(`\nWrote ${path.relative(root, out)}`);
