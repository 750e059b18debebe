// What a consultant runs: `planassist check` over a folder of plans, as a command, beside the
// floor script (read each file, inflate word/document.xml, one saxes pass) over the same folder in
// the same run. Elapsed time and peak memory of the whole process; one thread against worker
// threads on a large folder; and what starting through npx costs against the command itself.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { outDir } from "./build.mjs";
import { corpusFolder } from "./corpus.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

/** A folder of `n` plans copied from the reading suite's corpus (written first when missing). */
function folderOf(lib, root, n) {
  const corpus = corpusFolder(lib, root, path.join(outDir, "corpus"));
  const docs = readdirSync(corpus)
    .filter((f) => f.endsWith(".docx"))
    .sort();
  const dir = path.join(outDir, `batch-${n}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const from = docs[i % docs.length];
    copyFileSync(path.join(corpus, from), path.join(dir, `${String(i).padStart(5, "0")}.docx`));
  }
  return dir;
}

/**
 * Runs `node <args>` with bench/process-probe.cjs preloaded; returns the elapsed ms, peak memory
 * (resident set, MB) and CPU ms of the whole process, worker threads included.
 */
function measure(args, env = {}) {
  const report = path.join(os.tmpdir(), `planassist-probe-${process.pid}-${Math.random()}.json`);
  const t = performance.now();
  const r = spawnSync(
    process.execPath,
    ["--require", path.join(here, "process-probe.cjs"), ...args],
    {
      encoding: "utf8",
      env: { ...process.env, ...env, PLANASSIST_PROBE_OUT: report },
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  }
  const probe = JSON.parse(readFileSync(report, "utf8"));
  rmSync(report, { force: true });
  return { ms, peakMb: probe.maxRssKb / 1024, cpuMs: probe.cpuMs };
}

function median(runs, key) {
  const xs = runs.map((r) => r[key]).sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)];
}

/** Median of `times` measurements, taking the contenders in turn so load touches each alike. */
function alternate(contenders, times) {
  const runs = contenders.map(() => []);
  for (let i = 0; i < times; i++) contenders.forEach((c, k) => runs[k].push(c()));
  return runs.map((r) => ({
    ms: median(r, "ms"),
    peakMb: median(r, "peakMb"),
    cpuMs: median(r, "cpuMs"),
  }));
}

function freeCores() {
  const cores =
    typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(0, cores - os.loadavg()[0]);
}

export async function run({ lib, root, figure, quick }) {
  const cli = path.join(root, "bin", "planassist.cjs");
  execFileSync(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { cwd: root });
  const report = path.join(outDir, "batch-report.json");
  const check = (dir, extra = []) => [
    cli,
    "check",
    dir,
    "--format",
    "json",
    "--out",
    report,
    "--force",
    "--today",
    "2026-01-15",
    ...extra,
  ];
  const floor = (dir) => [path.join(here, "floor-batch.mjs"), dir];

  const n = 500;
  const dir = folderOf(lib, root, n);
  console.log(`# a folder of ${n} plans; free cores now ${freeCores().toFixed(1)}`);
  const [ours, base] = alternate(
    [() => measure(check(dir, ["--jobs", "1"])), () => measure(floor(dir))],
    quick ? 1 : 3,
  );
  figure(`planassist check, ${n} plans, one thread (elapsed)`, ours.ms, "ms", {
    baseline: "floor script, same folder",
    baselineValue: base.ms,
    higherIsBetter: false,
    target: 1 / 1.5,
    note: "target at most 1.5x the floor's time",
  });
  figure(`planassist check, ${n} plans, one thread (CPU)`, ours.cpuMs, "CPU ms", {
    baseline: "floor script, same folder",
    baselineValue: base.cpuMs,
    higherIsBetter: false,
  });
  figure(`planassist check, ${n} plans: peak memory`, ours.peakMb, "MB", {
    baseline: "floor script, same folder",
    baselineValue: base.peakMb,
    higherIsBetter: false,
    target: 1 / 1.3,
    note: "target at most 1.3x the floor's peak",
  });

  // Workers: the same command on a large folder with one thread, and as it decides by itself.
  const large = quick ? 1000 : 2000;
  const bigDir = folderOf(lib, root, large);
  const free = freeCores();
  const [one, auto, two] = alternate(
    [
      () => measure(check(bigDir, ["--jobs", "1"])),
      () => measure(check(bigDir)),
      () => measure(check(bigDir, ["--jobs", "2"])),
    ],
    1,
  );
  const note = `${free.toFixed(1)} cores free when it started`;
  figure(`planassist check, ${large} plans, as it decides (elapsed)`, auto.ms, "ms", {
    baseline: "one thread",
    baselineValue: one.ms,
    higherIsBetter: false,
    ...(free >= 2 ? { target: 1 / 0.65 } : {}),
    note: free >= 2 ? `target at most 0.65x one thread; ${note}` : `${note}: no target`,
  });
  figure(`planassist check, ${large} plans, two workers (elapsed)`, two.ms, "ms", {
    baseline: "one thread",
    baselineValue: one.ms,
    higherIsBetter: false,
    note,
  });
  figure(`planassist check, ${large} plans, two workers (CPU)`, two.cpuMs, "CPU ms", {
    baseline: "one thread",
    baselineValue: one.cpuMs,
    higherIsBetter: false,
  });
  figure(`planassist check, ${large} plans, two workers: peak memory`, two.peakMb, "MB", {
    baseline: "one thread",
    baselineValue: one.peakMb,
    higherIsBetter: false,
  });
  rmSync(bigDir, { recursive: true, force: true });

  // Starting the command: through npx, and the command itself (bin/planassist.cjs, which is what
  // `planassist` runs once installed).
  const start = (cmd, args) => () => {
    const t = performance.now();
    const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8" });
    if (r.status !== 0) {
      throw new Error(`${cmd} ${args.join(" ")}: ${r.error?.message ?? r.stderr.slice(0, 500)}`);
    }
    return { ms: performance.now() - t, peakMb: 0, cpuMs: 0 };
  };
  const [viaNpx, direct] = alternate(
    [
      start("npx", ["--no-install", "planassist", "--help"]),
      start(process.execPath, [cli, "--help"]),
    ],
    2,
  );
  figure("planassist --help through npx (elapsed)", viaNpx.ms, "ms");
  figure("planassist --help as node bin/planassist.cjs", direct.ms, "ms", {
    baseline: "through npx",
    baselineValue: viaNpx.ms,
    higherIsBetter: false,
    note: "the difference is npm's own start",
  });
}
