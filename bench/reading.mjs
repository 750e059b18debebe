// Reading .docx files: PlanAssist's reader beside mammoth.extractRawText and beside the floor
// (inflate word/document.xml and one pass of a streaming XML parser, nothing else), then time and
// peak memory against document size.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { contenders } from "./contenders.mjs";
import { documentOfTables, filledCorpus } from "./corpus.mjs";
import { outDir } from "./build.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Documents per second for each contender. Each is measured in a process of its own (see
 * bench/rate-probe.mjs), in rounds that take the contenders in turn, so a change in the machine's
 * load touches all of them alike; the figure is the median of the rounds. Time is CPU time by
 * default (steady on a shared machine); `wall` uses elapsed time instead.
 *
 * Sharing one process made each contender pay for the others: the garbage mammoth leaves behind
 * was collected while the next contender ran, and charged to it.
 */
function rates(corpusDir, names, { warm, seconds, rounds, wall }) {
  const runs = Object.fromEntries(names.map((n) => [n, []]));
  const colds = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    const order = names.map((_, i) => names[(i + r) % names.length]);
    for (const name of order) {
      const out = execFileSync(
        process.execPath,
        [
          path.join(here, "rate-probe.mjs"),
          path.join(outDir, "reader.mjs"),
          corpusDir,
          name,
          String(warm),
          String(seconds),
          wall ? "wall" : "cpu",
        ],
        { encoding: "utf8" },
      );
      const measured = JSON.parse(out);
      runs[name].push(measured.rate);
      colds[name].push(measured.cold);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    steady: Object.fromEntries(names.map((n) => [n, median(runs[n])])),
    cold: Object.fromEntries(names.map((n) => [n, median(colds[n])])),
  };
}

export async function run({ lib, root, figure, quick, wall }) {
  const perTemplate = 45;
  const corpus = filledCorpus(lib, root, perTemplate);
  const mb = corpus.reduce((s, d) => s + d.bytes.length, 0) / 1048576;
  console.log(`# corpus: ${corpus.length} filled plans from 5 templates, ${mb.toFixed(1)} MB`);
  const read = contenders(lib);
  for (const d of corpus) read.ours(d.bytes); // every corpus document must read and check
  for (const d of corpus) read.check(d.bytes);
  const corpusDir = path.join(outDir, "corpus");
  rmSync(corpusDir, { recursive: true, force: true });
  mkdirSync(corpusDir, { recursive: true });
  corpus.forEach((d, i) =>
    writeFileSync(path.join(corpusDir, `${String(i).padStart(4, "0")}.docx`), d.bytes),
  );

  const { steady: r, cold } = rates(corpusDir, ["ours", "check", "mammoth", "floor"], {
    // Checking reaches its steady rate after about 300 documents (two seconds or so): four seconds
    // of warm-up and three of measuring, three rounds, keep the suite near a minute and a half
    // and the whole bench under five minutes (the steady rates vary by a few per cent between
    // rounds; the median takes the middle one).
    warm: quick ? 3 : 4,
    seconds: quick ? 2 : 3,
    rounds: quick ? 1 : 3,
    wall,
  });
  const per = wall ? "docs/s" : "docs/CPU-s";
  const { ours, check, mammoth: mammothRate, floor } = r;
  figure("read .docx to snapshot (PlanAssist)", ours, per, {
    baseline: "mammoth.extractRawText",
    baselineValue: mammothRate,
    note: "target x10",
  });
  figure("read .docx to snapshot (PlanAssist)", ours, per, {
    baseline: "floor: fflate + saxes",
    baselineValue: floor,
    note: "target x0.5",
  });
  figure("planassist check (read, recognise, check)", check, per, {
    baseline: "mammoth.extractRawText",
    baselineValue: mammothRate,
    note: "target x10",
  });
  figure("planassist check (read, recognise, check)", check, per, {
    baseline: "floor: fflate + saxes",
    baselineValue: floor,
    note: "target x0.5",
  });
  // The first pass in a fresh process: what one run of `planassist check` over this corpus meets.
  figure("planassist check, first pass in a fresh process", cold.check, per, {
    baseline: "mammoth, first pass",
    baselineValue: cold.mammoth,
    note: "compiler warm-up included",
  });
  figure("planassist check, first pass in a fresh process", cold.check, per, {
    baseline: "floor, first pass",
    baselineValue: cold.floor,
    note: "compiler warm-up included",
  });
  figure("mammoth.extractRawText", mammothRate, per);
  figure("floor: inflate document.xml + saxes pass", floor, per);

  // Time and peak memory against document size, each size in a fresh process: the full read a
  // writer uses, and `planassist check`.
  // Growth is read from the largest against a few hundred tables: the sizes between add time, not
  // information.
  const sizes = quick ? [10, 100, 1000] : [10, 100, 500, 2000];
  const dir = path.join(outDir, "sizes");
  mkdirSync(dir, { recursive: true });
  const files = sizes.map((n) => {
    const file = path.join(dir, `tables-${n}.docx`);
    const bytes = documentOfTables(lib, root, n);
    writeFileSync(file, bytes);
    return { n, file, kb: bytes.length / 1024 };
  });
  for (const mode of ["read", "check"]) {
    const rows = [];
    for (const { n, file, kb } of files) {
      const out = execFileSync(
        process.execPath,
        [
          "--expose-gc",
          path.join(here, "size-probe.mjs"),
          path.join(outDir, "reader.mjs"),
          file,
          String(3),
          wall ? "wall" : "cpu",
          mode,
          files[1].file,
        ],
        { encoding: "utf8" },
      );
      const m = JSON.parse(out);
      rows.push({ n, ms: m.medianMs, peakMb: m.peakMb });
      figure(
        `${mode} ${n} tables (${Math.round(kb)} KB .docx)`,
        m.medianMs,
        wall ? "ms" : "CPU ms",
        {
          note: `peak +${m.peakMb.toFixed(1)} MB`,
        },
      );
    }
    // Against a document of a few hundred tables: below that, fixed costs and the memory the
    // process already holds weigh more than the document.
    const large = rows[rows.length - 1];
    const small =
      rows.find((r) => r.n >= 250 && r !== large) ?? rows.find((r) => r.n >= 100) ?? rows[0];
    figure(
      `${mode}: time per table, largest vs ${small.n}-table document`,
      large.ms / large.n / (small.ms / small.n),
      "ratio",
      {
        note: "about 1 or less means linear growth",
      },
    );
    figure(
      `${mode}: memory per table, largest vs ${small.n}-table document`,
      large.peakMb / large.n / (small.peakMb / small.n),
      "ratio",
      { note: "about 1 or less means linear growth" },
    );
    figure(
      `${mode}: peak memory per table (largest document)`,
      (large.peakMb * 1024) / large.n,
      "KB",
    );
  }
}
