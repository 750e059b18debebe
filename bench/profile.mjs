// Where `planassist check` spends its time: the corpus checked under the V8 sampling profiler, in
// a fresh process (first pass) and after warming up (in-process, through the inspector), each sample's time charged to the source
// file of the function it was in (the bundle keeps a `// src/...` line before each module), then
// to a stage: unzip, XML, snapshot, recognition, plan reading, rules, garbage collection, other.
//   node bench/profile.mjs [--quick] [--files]   (--files also lists the ten busiest files)
// Also runs as a bench suite (`--only=profile`), printing each stage's share as a figure.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildReader, outDir } from "./build.mjs";
import { corpusFolder } from "./corpus.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Stages by source file: the first pattern that matches a file names its stage. */
const stages = [
  ["unzip", /adapters\/docx\/zip|fflate|^node:zlib|zlib/],
  ["XML", /ooxml\/xml\.ts/],
  ["snapshot", /ooxml\/(wordml|styles|glyphs|package|join-tables)\.ts|adapters\/docx\/docx-file/],
  ["recognition", /domain\/recognition|templates\/|document-memo/],
  ["plan reading", /domain\/(plan-reader|parse\/|snapshot)/],
  ["rules", /domain\/(rules\/|findings|completeness|progress)|app\/check/],
  ["garbage collection", /^\(garbage collector\)$/],
];

/** Line where each bundled module starts, from the bundle's `// path` comments. */
function moduleStarts(bundle) {
  const starts = [];
  readFileSync(bundle, "utf8")
    .split("\n")
    .forEach((line, i) => {
      const m = /^\/\/ ((?:src|node_modules|tests|bench)\/\S+)$/.exec(line);
      if (m) starts.push([i, m[1]]);
    });
  return starts;
}

function fileOf(frame, bundleUrl, starts) {
  if (frame.url === bundleUrl) {
    let file = "bundle";
    for (const [line, name] of starts) {
      if (line > frame.lineNumber) break;
      file = name;
    }
    return file;
  }
  if (frame.url) return frame.url.replace(/^file:\/\/.*\/node_modules\//, "node_modules/");
  return `(${frame.functionName.replace(/^\(|\)$/g, "")})`;
}

/** Self time by source file, in milliseconds. */
function selfTime(profile, bundleUrl, starts) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ms = new Map();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const file = fileOf(node.callFrame, bundleUrl, starts);
    ms.set(file, (ms.get(file) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return ms;
}

function stageOf(file) {
  for (const [stage, re] of stages) if (re.test(file)) return stage;
  return "other";
}

/** Profiles one run; returns { docs, ms, byStage, byFile } with times in ms. */
function profileRun(bundle, corpusDir, mode, seconds) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "planassist-profile-"));
  try {
    const file = path.join(dir, "check.cpuprofile");
    const out = execFileSync(
      process.execPath,
      [path.join(here, "profile-probe.mjs"), bundle, corpusDir, mode, String(seconds), file],
      { encoding: "utf8" },
    );
    const { docs, ms } = JSON.parse(out);
    const profile = JSON.parse(readFileSync(file, "utf8"));
    const byFile = selfTime(profile, pathToFileURL(bundle).href, moduleStarts(bundle));
    // The profiler's own work and idle time are left out.
    for (const k of ["(program)", "(idle)", "(root)"]) byFile.delete(k);
    const byStage = new Map(stages.map(([s]) => [s, 0]).concat([["other", 0]]));
    for (const [f, t] of byFile) byStage.set(stageOf(f), byStage.get(stageOf(f)) + t);
    return { docs, ms, byStage, byFile };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function print(title, r, files) {
  const total = [...r.byStage.values()].reduce((a, b) => a + b, 0);
  console.log(
    `# ${title}: ${r.docs} documents, ${(r.ms / r.docs).toFixed(2)} CPU ms each (profiler on)`,
  );
  for (const [stage, t] of [...r.byStage].sort((a, b) => b[1] - a[1]))
    console.log(`  ${stage.padEnd(20)} ${((100 * t) / total).toFixed(1).padStart(5)} %`);
  if (files) {
    for (const [f, t] of [...r.byFile].sort((a, b) => b[1] - a[1]).slice(0, 10))
      console.log(`    ${f.padEnd(48)} ${((100 * t) / total).toFixed(1).padStart(5)} %`);
  }
  return total;
}

export async function run({ lib, root, figure, quick, files = false }) {
  const bundle = path.join(outDir, "reader.mjs");
  const dir = corpusFolder(lib, root, path.join(outDir, "corpus"));
  for (const [mode, title] of [
    ["cold", "first pass in a fresh process"],
    ["warm", "steady, after warming up"],
  ]) {
    const r = profileRun(bundle, dir, mode, quick ? 2 : 3);
    const total = print(title, r, files);
    for (const [stage, t] of r.byStage)
      figure(`check profile, ${mode}: ${stage}`, (100 * t) / total, "%");
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(here, "..");
  const lib = await import(pathToFileURL(await buildReader()).href);
  const { figure } = await import("./figure.mjs");
  await run({
    lib,
    root,
    figure: () => undefined,
    quick: process.argv.includes("--quick"),
    files: process.argv.includes("--files"),
  });
  void figure;
}
