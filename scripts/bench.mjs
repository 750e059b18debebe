// `npm run bench`: measures PlanAssist against a baseline and against the floor in one run, prints
// one line per figure (name, value, unit, baseline, ratio) and writes the same to bench-results.json.
//
// Usage: node scripts/bench.mjs [--quick] [--wall]
//          [--only=word,office,reading,batch,profile,taskpane,writing]
//   --quick  shorter runs and fewer document sizes
//   --only   run some suites only (the JSON then holds only their figures); each suite runs in a
//            process of its own
//   --out    where to write the JSON (default bench-results.json)
//   --wall   time by the clock instead of by CPU time (CPU time is the default: it stays steady
//            when other work shares the machine; elapsed time is what a person waits on an idle one)
// To add figures, write a suite in bench/ exporting `run({ lib, root, figure, quick })` and list it
// below.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildReader } from "../bench/build.mjs";
import { figure, writeFigures } from "../bench/figure.mjs";
import * as batch from "../bench/batch.mjs";
import * as officeRead from "../bench/office-read.mjs";
import * as profile from "../bench/profile.mjs";
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
  ["reading through Word (getOoxml) with a large picture", officeRead, "office"],
  ["reading and checking .docx files", reading, "reading"],
  ["checking a folder with the command (elapsed time)", batch, "batch"],
  ["where checking spends its time (profile)", profile, "profile"],
  ["task pane", taskpane, "taskpane"],
  ["writing", writing, "writing"],
].filter(([, , key]) => !only || only.split(",").includes(key));

const out = process.argv.find((a) => a.startsWith("--out="))?.slice("--out=".length);
const child = process.env.PLANASSIST_BENCH_CHILD === "1";
if (!child)
  console.log(
    `PlanAssist bench (node ${process.version}${quick ? ", quick" : ""}, ${wall ? "elapsed" : "CPU"} time)`,
  );

if (suites.length > 1) {
  // Each suite runs in a process of its own, so one suite's heap and compiled code do not slow the
  // next (the checks measured after the Word suite in one process ran about a third slower).
  const figures = [];
  const began = performance.now();
  for (const [, , key] of suites) {
    const part = path.join(os.tmpdir(), `planassist-bench-${process.pid}-${key}.json`);
    const args = [fileURLToPath(import.meta.url), `--only=${key}`, `--out=${part}`];
    if (quick) args.push("--quick");
    if (wall) args.push("--wall");
    const r = spawnSync(process.execPath, args, {
      stdio: "inherit",
      env: { ...process.env, PLANASSIST_BENCH_CHILD: "1" },
    });
    if (r.status !== 0) process.exit(r.status ?? 1);
    figures.push(...JSON.parse(readFileSync(part, "utf8")).figures);
    rmSync(part, { force: true });
  }
  // The whole bench against the time it may take (five minutes on a 2-core machine).
  const seconds = (performance.now() - began) / 1000;
  const total = figure("the whole bench (elapsed)", seconds, "s", {
    baseline: "five minutes",
    baselineValue: 300,
    higherIsBetter: false,
    target: 1,
  });
  figures.push(total);
  const file = path.join(root, "bench-results.json");
  writeFileSync(
    file,
    JSON.stringify({ date: new Date().toISOString(), node: process.version, figures }, null, 2) +
      "\n",
  );
  console.log(`\nWrote ${path.relative(root, file)}`);
} else {
  const lib = await import(pathToFileURL(await buildReader()).href);
  for (const [title, suite] of suites) {
    console.log(`\n## ${title}`);
    const began = performance.now();
    await suite.run({ lib, root, figure, quick, wall });
    console.log(`# (${((performance.now() - began) / 1000).toFixed(0)} s)`);
  }
  const file = out ?? path.join(root, "bench-results.json");
  writeFigures(file);
  if (!child) console.log(`\nWrote ${path.relative(root, file)}`);
}
