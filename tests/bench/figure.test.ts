/**
 * The bench's report: one printed line per figure (name, value, unit, baseline, ratio) and the same
 * figures as JSON. Timing itself is never asserted in tests; only the reporting is.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
// @ts-expect-error: the bench is plain JavaScript (ESM) without type declarations.
import { figure, figures, writeFigures } from "../../bench/figure.mjs";

type Figure = {
  name: string;
  value: number;
  unit: string;
  baseline: string | null;
  baselineValue: number | null;
  ratio: number | null;
  note?: string;
};

const recorded = figures as Figure[];
const record = figure as (
  name: string,
  value: number,
  unit: string,
  options?: {
    baseline?: string;
    baselineValue?: number;
    higherIsBetter?: boolean;
    note?: string;
  },
) => Figure;

let lines: string[];
let log: jest.SpyInstance;
beforeEach(() => {
  recorded.length = 0;
  lines = [];
  log = jest.spyOn(console, "log").mockImplementation((line: string) => {
    lines.push(line);
  });
});
afterEach(() => log.mockRestore());

describe("bench figures", () => {
  it("gives a rate its ratio to the baseline and prints name, value, unit, baseline and ratio", () => {
    const f = record("check", 189.4, "docs/s", { baseline: "mammoth", baselineValue: 9.88 });
    expect(f).toEqual({
      name: "check",
      value: 189,
      unit: "docs/s",
      baseline: "mammoth",
      baselineValue: 9.88,
      ratio: 19.2,
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^check\s+189 docs\/s\s+vs mammoth \(9\.88 docs\/s\)\s+x19\.2$/);
  });

  it("reads a time or size against a target as how many times better it is", () => {
    const f = record("pane start", 693, "ms", {
      baseline: "target",
      baselineValue: 1000,
      higherIsBetter: false,
      note: "median of 5",
    });
    expect(f.ratio).toBe(1.44);
    expect(lines[0]).toMatch(/x1\.44 {2}\[median of 5\]$/);
  });

  it("has no ratio without a baseline, or against a baseline of zero", () => {
    expect(record("fill", 234, "CPU ms").ratio).toBeNull();
    expect(record("x", 5, "ms", { baseline: "none", baselineValue: 0 }).ratio).toBeNull();
    expect(lines[0]).toBe("fill".padEnd(46) + " 234 CPU ms");
  });

  it("rounds to three significant places at most", () => {
    expect(record("a", 1234.56, "u").value).toBe(1235);
    expect(record("b", 12.345, "u").value).toBe(12.3);
    expect(record("c", 1.2345, "u").value).toBe(1.23);
  });

  it("writes the figures it printed as JSON", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planassist-figures-"));
    try {
      record("read", 449, "docs/s", { baseline: "floor", baselineValue: 338 });
      record("size", 165, "KB", { baseline: "target", baselineValue: 200, higherIsBetter: false });
      const file = path.join(dir, "bench-results.json");
      (writeFigures as (file: string) => void)(file);
      const json = JSON.parse(readFileSync(file, "utf8")) as {
        date: string;
        node: string;
        figures: Figure[];
      };
      expect(json.node).toBe(process.version);
      expect(Number.isNaN(Date.parse(json.date))).toBe(false);
      expect(json.figures).toEqual(recorded);
      expect(json.figures.map((f) => [f.name, f.ratio])).toEqual([
        ["read", 1.33],
        ["size", 1.21],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
