// Reading .docx files: PlanAssist's reader beside mammoth.extractRawText and beside the floor
// (inflate word/document.xml and one pass of a streaming XML parser, nothing else), then time and
// peak memory against document size.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { unzipSync } from "fflate";
import mammoth from "mammoth";
import { SaxesParser } from "saxes";
import { documentOfTables, filledCorpus } from "./corpus.mjs";
import { outDir } from "./build.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const decoder = new TextDecoder();

/** The floor: inflate the main part and run one streaming parse over it, keeping nothing. */
export function floorRead(bytes) {
  const files = unzipSync(bytes, { filter: (f) => f.name === "word/document.xml" });
  const xml = decoder.decode(files["word/document.xml"]);
  const parser = new SaxesParser();
  let elements = 0;
  parser.on("opentag", () => elements++);
  parser.write(xml).close();
  return elements;
}

/** Our reader: bytes to document snapshot. */
function ourRead(lib, bytes) {
  const r = lib.openDocx(bytes);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value.read.snapshot.tables.length;
}

/** Milliseconds of CPU time this process has used (user + system, all its threads). */
function cpuMs() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Documents per second for each contender, measured interleaved: in each round every contender
 * reads the same slice of the corpus, so a change in machine load affects all of them alike.
 * Time is CPU time by default (steady on a shared machine); `wall` uses elapsed time instead.
 * @param {{ bytes: Uint8Array }[]} corpus
 * @param {Record<string, (bytes: Uint8Array) => unknown>} contenders
 */
async function rates(corpus, contenders, seconds, wall) {
  const clock = wall ? () => performance.now() : cpuMs;
  const names = Object.keys(contenders);
  const time = Object.fromEntries(names.map((n) => [n, 0]));
  const docs = Object.fromEntries(names.map((n) => [n, 0]));
  for (const n of names) for (const d of corpus.slice(0, 10)) await contenders[n](d.bytes); // warm up
  const slice = 15;
  const start = clock();
  let at = 0;
  let passes = 0;
  while (clock() - start < seconds * 1000 || passes < 1) {
    const part = corpus.slice(at, at + slice);
    for (const n of names) {
      const t = clock();
      for (const d of part) await contenders[n](d.bytes);
      time[n] += clock() - t;
      docs[n] += part.length;
    }
    at += slice;
    if (at >= corpus.length) {
      at = 0;
      passes++;
    }
  }
  return Object.fromEntries(names.map((n) => [n, (docs[n] / time[n]) * 1000]));
}

export async function run({ lib, root, figure, quick, wall }) {
  const perTemplate = 45;
  const corpus = filledCorpus(lib, root, perTemplate);
  const mb = corpus.reduce((s, d) => s + d.bytes.length, 0) / 1048576;
  console.log(`# corpus: ${corpus.length} filled plans from 5 templates, ${mb.toFixed(1)} MB`);
  const seconds = quick ? 5 : 30;
  for (const d of corpus) ourRead(lib, d.bytes); // every corpus document must read
  const refused = corpus.filter(
    (d) => !lib.checkDocument(d.bytes, { currentDate: "2026-01-15" }).ok,
  );
  if (refused.length > 0) console.log(`# check refused ${refused.length} corpus documents`);

  const r = await rates(
    corpus,
    {
      ours: (b) => ourRead(lib, b),
      check: (b) => lib.checkDocument(b, { currentDate: "2026-01-15" }),
      mammoth: (b) => mammoth.extractRawText({ buffer: Buffer.from(b) }),
      floor: (b) => floorRead(b),
    },
    seconds,
    wall,
  );
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
  figure("mammoth.extractRawText", mammothRate, per);
  figure("floor: inflate document.xml + saxes pass", floor, per);

  // Time and peak memory against document size, each size in a fresh process.
  const sizes = quick ? [10, 100, 1000] : [10, 100, 250, 500, 1000, 2000];
  const dir = path.join(outDir, "sizes");
  mkdirSync(dir, { recursive: true });
  const rows = [];
  for (const n of sizes) {
    const file = path.join(dir, `tables-${n}.docx`);
    const bytes = documentOfTables(lib, root, n);
    writeFileSync(file, bytes);
    const out = execFileSync(
      process.execPath,
      [
        "--expose-gc",
        path.join(here, "size-probe.mjs"),
        path.join(outDir, "reader.mjs"),
        file,
        String(quick ? 3 : 7),
        wall ? "wall" : "cpu",
      ],
      { encoding: "utf8" },
    );
    const m = JSON.parse(out);
    rows.push({ n, ms: m.medianMs, peakMb: m.peakMb, kb: bytes.length / 1024 });
    figure(
      `read ${n} tables (${Math.round(bytes.length / 1024)} KB .docx)`,
      m.medianMs,
      wall ? "ms" : "CPU ms",
      {
        note: `peak +${m.peakMb.toFixed(1)} MB`,
      },
    );
  }
  const small = rows.find((r) => r.n >= 100) ?? rows[0];
  const large = rows[rows.length - 1];
  figure(
    "time per table, largest vs 100-table document",
    large.ms / large.n / (small.ms / small.n),
    "ratio",
    {
      note: "about 1 means linear growth",
    },
  );
  figure(
    "memory per table, largest vs 100-table document",
    large.peakMb / large.n / (small.peakMb / small.n),
    "ratio",
    {
      note: "about 1 or less means linear growth",
    },
  );
  figure("peak memory per table (largest document)", (large.peakMb * 1024) / large.n, "KB");
}
