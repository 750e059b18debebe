/**
 * The document port's contract: every adapter reads the same document into the same snapshot, and
 * the snapshot reads the way a person sees each cell, whatever markup Word used.
 */
import { openDocx } from "../../src/adapters/docx/docx-file";
import type { DocumentSnapshot } from "../../src/domain/snapshot";
import { editDocument, splitRuns, wingdingsRunsToSym } from "../helpers/make-docx";
import { templateBytes, templateIds } from "../helpers/fixtures";
import { adapterCases, comparable, snapshotThrough } from "./adapters";
import * as variants from "./variants";

function cellTexts(s: DocumentSnapshot, table: number): string[][] {
  return (s.tables[table]?.rows ?? []).map((r) => r.cells.map((c) => c.text));
}

function withoutGlyphSources(s: DocumentSnapshot): unknown {
  return JSON.parse(
    JSON.stringify(comparable(s), (k, v: unknown) =>
      k === "source" || k === "font" ? undefined : v,
    ),
  );
}

describe.each(adapterCases)("the $name", (adapter) => {
  it.each(templateIds)(
    "reads the %s replica into the same snapshot as the .docx reader",
    async (id) => {
      const bytes = templateBytes(id);
      const reference = openDocx(bytes);
      if (!reference.ok) throw new Error(reference.error.message);
      const snapshot = await snapshotThrough(adapter, bytes);
      expect(snapshot.tables.length).toBeGreaterThan(0);
      expect(comparable(snapshot)).toEqual(comparable(reference.value.read.snapshot));
    },
  );

  it.each(templateIds)(
    "reads the %s replica with every run split in two (proofing marks, bookmarks, rsids, smart tags) as the original",
    async (id) => {
      const original = templateBytes(id);
      const split = editDocument(original, splitRuns);
      expect(split).not.toEqual(original);
      expect(comparable(await snapshotThrough(adapter, split))).toEqual(
        comparable(await snapshotThrough(adapter, original)),
      );
    },
  );

  it("reads the CLNA rating circles stored as w:sym like those stored as Wingdings runs", async () => {
    const original = templateBytes("clna");
    const sym = editDocument(original, wingdingsRunsToSym);
    const a = await snapshotThrough(adapter, original);
    const b = await snapshotThrough(adapter, sym);
    const sources = b.tables.flatMap((t) =>
      t.rows.flatMap((r) =>
        r.cells.flatMap((c) => c.paragraphs.flatMap((p) => p.glyphs.map((g) => g.source))),
      ),
    );
    expect(sources).toContain("sym");
    expect(sources).not.toContain("symbol-font");
    expect(withoutGlyphSources(b)).toEqual(withoutGlyphSources(a));
  });

  it("joins a label typed in several runs and keeps its bold emphasis", async () => {
    const s = await snapshotThrough(adapter, variants.splitLabel);
    const cell = s.tables[0]?.rows[0]?.cells[0];
    expect(cell?.text).toBe("Owner: Dana Lee");
    expect(cell?.paragraphs[0]?.runs).toEqual([
      { text: "Owner:", bold: true, italic: false },
      { text: " Dana Lee", bold: false, italic: false },
    ]);
  });

  it("shows Wingdings circles, as w:sym or as a symbol-font run, as ○ and ●", async () => {
    const s = await snapshotThrough(adapter, variants.symCircles);
    const cells = s.tables[0]?.rows[0]?.cells ?? [];
    expect(cells.map((c) => c.text)).toEqual(["○", "●", "○"]);
    expect(cells.map((c) => c.paragraphs[0]?.glyphs[0]?.kind)).toEqual([
      "radio-empty",
      "radio-filled",
      "radio-empty",
    ]);
    expect(cells.map((c) => c.paragraphs[0]?.glyphs[0]?.source)).toEqual([
      "sym",
      "sym",
      "symbol-font",
    ]);
  });

  it("knows a cell spanning two grid columns and a cell merged down over two rows", async () => {
    const s = await snapshotThrough(adapter, variants.mergedCells);
    const t = s.tables[0];
    expect(t?.gridColumns).toBe(3);
    const [first, second, third] = t?.rows ?? [];
    expect(first?.cells.map((c) => [c.gridColumn, c.gridSpan])).toEqual([
      [0, 2],
      [2, 1],
    ]);
    expect(second?.cells[0]).toMatchObject({ vMerge: "restart", rowSpan: 2, text: "Goal 1" });
    expect(third?.cells[0]).toMatchObject({ vMerge: "continue", rowSpan: 0, text: "" });
    expect(third?.cells.map((c) => c.gridColumn)).toEqual([0, 1, 2]);
  });

  it("marks header rows repeated across pages and not a row whose header mark is off", async () => {
    const s = await snapshotThrough(adapter, variants.headerRows);
    expect(s.tables[0]?.rows.map((r) => r.header)).toEqual([true, true, false]);
  });

  it("reads text inside content controls around text, around a cell's paragraphs and around a row", async () => {
    const s = await snapshotThrough(adapter, variants.contentControls);
    expect(cellTexts(s, 0)).toEqual([
      ["Deadline: June 30, 2026", "Dana Lee\nPrincipal"],
      ["Step 2", "Sam"],
      ["☒ Priority", ""],
    ]);
    expect(s.tables[0]?.rows[2]?.cells[0]?.paragraphs[0]?.glyphs[0]).toMatchObject({
      kind: "box-checked",
      source: "checkbox-control",
    });
  });

  it("reads a cell with tracked changes as if they were accepted and says there are some", async () => {
    const s = await snapshotThrough(adapter, variants.trackedChanges);
    expect(s.tables[0]?.rows[0]?.cells[0]?.text).toBe("Owner: Dana");
    expect(s.facts.trackedChanges).toBe(true);
  });

  it("lists a nested table after its parent, knows its cell, and keeps its text out of the parent cell", async () => {
    const s = await snapshotThrough(adapter, variants.nestedTable);
    expect(s.tables).toHaveLength(3);
    expect(s.tables[1]?.parent).toEqual({ table: 0, row: 0, cell: 1 });
    expect(cellTexts(s, 1)).toEqual([["Inner 1"], ["Inner 2"]]);
    const outer = s.tables[0]?.rows[0]?.cells[1];
    expect(outer?.text).toBe("Before\nAfter");
    expect(outer?.nestedTables).toEqual([1]);
    expect(s.tables.map((t) => t.bodyTableIndex)).toEqual([0, undefined, 1]);
    expect(cellTexts(s, 2)).toEqual([["Second"]]);
  });

  it("keeps a labelled paragraph outside tables, with its blanks, in document order", async () => {
    const s = await snapshotThrough(adapter, variants.labelOutsideTables);
    expect(s.paragraphs.map((p) => p.text)).toEqual([
      "Action Plan",
      "District/School Name: ____________\tDate: ______",
    ]);
    expect(s.paragraphs[1]?.runs[0]).toEqual({
      text: "District/School Name: ",
      bold: true,
      italic: false,
    });
    expect(s.blocks.slice(0, 3)).toEqual([
      { kind: "paragraph", paragraph: 0 },
      { kind: "paragraph", paragraph: 1 },
      { kind: "table", table: 0 },
    ]);
  });

  it("reads the same snapshot twice in a row", async () => {
    const port = adapter.make(variants.mergedCells);
    const a = await port.read();
    const b = await port.read();
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(b.value).toEqual(a.value);
  });
});

describe("every adapter", () => {
  it.each(Object.keys(variants))(
    "reads the %s variant into one and the same snapshot",
    async (name) => {
      const bytes = (variants as Record<string, Uint8Array>)[name] as Uint8Array;
      const [first, ...rest] = await Promise.all(
        adapterCases.map((a) => snapshotThrough(a, bytes)),
      );
      for (const other of rest)
        expect(comparable(other)).toEqual(comparable(first as DocumentSnapshot));
    },
  );
});
