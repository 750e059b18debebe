import {
  MAX_RECORD_CHARS,
  MAX_RECORDED_FILLS,
  parseJournal,
  serialiseJournal,
  type FillRecord,
} from "../../../src/ooxml/journal";
import { must } from "../../writeback/helpers";

const fill = (k: number, value = "x"): FillRecord => ({
  at: `2026-01-${String((k % 28) + 1).padStart(2, "0")}T10:00:00.000Z`,
  label: `fill ${k}`,
  changes: [
    {
      kind: "cell",
      table: 1,
      row: 2,
      cell: 0,
      before: "<w:tc><w:p/></w:tc>",
      after: value,
    },
    { kind: "rows-added", table: 1, row: 3, count: 1, written: "0a1b2c3d" },
  ],
});

describe("the fill record as stored", () => {
  it("has no XML declaration and reads back as written, fingerprints included", () => {
    const xml = serialiseJournal({ fills: [fill(1), fill(2)] });
    expect(xml.startsWith("<pa:journal ")).toBe(true);
    expect(xml).not.toContain("<?xml");
    expect(must(parseJournal(xml)).fills).toEqual([fill(1), fill(2)]);
  });

  it("keeps the last fills only, by count", () => {
    const many = Array.from({ length: MAX_RECORDED_FILLS + 7 }, (_, k) => fill(k));
    const kept = must(parseJournal(serialiseJournal({ fills: many }))).fills;
    expect(kept).toHaveLength(MAX_RECORDED_FILLS);
    expect(kept[kept.length - 1]).toEqual(many[many.length - 1]);
    expect(kept[0]).toEqual(many[7]);
  });

  it("keeps the last fills only, by size, and always the last fill however large", () => {
    const big = "y".repeat(Math.ceil(MAX_RECORD_CHARS / 3));
    const fills = [fill(1, big), fill(2, big), fill(3, big), fill(4, big)];
    const xml = serialiseJournal({ fills });
    expect(xml.length).toBeLessThanOrEqual(MAX_RECORD_CHARS + 1000);
    const kept = must(parseJournal(xml)).fills;
    expect(kept.map((f) => f.label)).toEqual(["fill 3", "fill 4"]);
    const huge = fill(9, "z".repeat(MAX_RECORD_CHARS * 2));
    expect(must(parseJournal(serialiseJournal({ fills: [fill(1), huge] }))).fills).toEqual([huge]);
  });

  it("refuses a fingerprint that is not one", () => {
    const xml = serialiseJournal({ fills: [fill(1)] }).replace("0a1b2c3d", "not-hex!");
    expect(parseJournal(xml).ok).toBe(false);
  });
});
