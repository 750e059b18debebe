/**
 * Cell widths in the snapshot (w:tcW, else the grid columns a cell covers, in twips) and the
 * decision that a value goes into a cell too narrow to read it.
 */
import { readOfficeDocument } from "../../../src/adapters/office/office-reader";
import { charactersPerLine, narrowCell } from "../../../src/domain/cell-fit";
import type { DocumentSnapshot } from "../../../src/domain/snapshot";
import { templateBytes } from "../../helpers/fixtures";
import { joinedDocx } from "../../helpers/join-tables";
import { minimalDocx, p, tbl, tc, tr } from "../../helpers/make-docx";
import { WordModel, wordModelHost } from "../../office/word-model";
import { must, snapshotOf } from "../../writeback/helpers";

/** The cell right of the first cell holding `label`, and the label's own cell. */
function besideLabel(s: DocumentSnapshot, label: string) {
  for (const [t, table] of s.tables.entries())
    for (const [r, row] of table.rows.entries())
      for (const [c, cell] of row.cells.entries())
        if (cell.text.trim() === label)
          return {
            label: cell,
            value: row.cells[c + 1]!,
            location: { kind: "cell" as const, table: t, row: r, cell: c + 1 },
          };
  throw new Error(`no cell ${label}`);
}

describe("cell widths", () => {
  it("gives the CLNA's cells their widths in twips, from w:tcW", () => {
    const s = snapshotOf(templateBytes("clna"));
    const start = besideLabel(s, "Plan Start Date:");
    expect(start.label.width).toBe(4928);
    expect(start.value.width).toBe(259);
    const wages = besideLabel(s, "(Total) Mean Wages:");
    expect(wages.value.width).toBe(186);
    // A cell over three grid columns: its own w:tcW.
    expect(besideLabel(s, "Quality Component:").value.width).toBe(5276);
  });

  it("are the same when Word joined the tables, and when read through Word", async () => {
    const split = snapshotOf(templateBytes("clna"));
    const joined = snapshotOf(joinedDocx(templateBytes("clna")));
    const widths = (s: DocumentSnapshot) =>
      s.tables.map((t) => t.rows.map((r) => r.cells.map((c) => c.width)));
    expect(widths(joined)).toEqual(widths(split));
    const model = WordModel.fromDocx(templateBytes("clna"));
    const word = must(await readOfficeDocument(wordModelHost(model).readHost)).read.snapshot;
    expect(widths(word)).toEqual(widths(split));
  });

  it("come from the grid when a cell gives none, or gives a percentage; absent when neither says", () => {
    const grid = `<w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="600"/><w:gridCol w:w="900"/></w:tblGrid>`;
    const body = tbl(
      3,
      tr(tc(p("a")) + tc(p("b"), `<w:tcW w:w="50" w:type="pct"/><w:gridSpan w:val="2"/>`)) +
        tr(tc(p("c"), `<w:tcW w:w="0" w:type="auto"/>`)),
    ).replace(/<w:tblGrid>.*?<\/w:tblGrid>/, grid);
    const s = snapshotOf(minimalDocx(body));
    expect(s.tables[0]!.rows[0]!.cells.map((c) => c.width)).toEqual([2000, 1500]);
    expect(s.tables[0]!.rows[1]!.cells[0]!.width).toBe(2000);
    const bare = snapshotOf(
      minimalDocx(tbl(1, tr(tc(p("x")))).replace(/<w:tblGrid>.*?<\/w:tblGrid>/, "")),
    );
    expect(bare.tables[0]!.rows[0]!.cells[0]!.width).toBeUndefined();
  });
});

describe("a value too narrow for its cell", () => {
  const s = snapshotOf(templateBytes("clna"));

  it("a date in the Goals & Targets cell beside Plan Start Date is (0.18 inch holds no character)", () => {
    const at = besideLabel(s, "Plan Start Date:").location;
    expect(narrowCell(s, at, "9/1/2026")).toEqual({ width: 259, perLine: 0, needed: 8 });
    expect(narrowCell(s, at, "1")).toEqual({ width: 259, perLine: 0, needed: 1 });
  });

  it("a Workforce answer beside its label is", () => {
    const at = besideLabel(s, "(Total) Mean Wages:").location;
    expect(narrowCell(s, at, "$52,000")).toMatchObject({ width: 186, perLine: 0 });
  });

  it("a long text in a wide cell is not, nor an empty value, nor a body paragraph", () => {
    const at = besideLabel(s, "Quality Component:").location;
    expect(charactersPerLine(5276)).toBe(46);
    expect(
      narrowCell(s, at, "Program Components: a sequence of courses built with local employers"),
    ).toBeUndefined();
    expect(narrowCell(s, besideLabel(s, "Plan Start Date:").location, "  ")).toBeUndefined();
    expect(narrowCell(s, { kind: "paragraph", paragraph: 0 }, "9/1/2026")).toBeUndefined();
  });

  it("a word longer than a readable line needs only a readable line", () => {
    // 1,600 twips hold 12 characters: a 30-character word breaks, as it would in any cell.
    const body = tbl(1, tr(tc(p(""), `<w:tcW w:w="1600" w:type="dxa"/>`)));
    const one = snapshotOf(minimalDocx(body));
    const at = { kind: "cell" as const, table: 0, row: 0, cell: 0 };
    expect(narrowCell(one, at, "x".repeat(30))).toBeUndefined();
    expect(narrowCell(one, at, "x".repeat(12))).toBeUndefined();
    const thin = snapshotOf(minimalDocx(body.replace('w:w="1600"', 'w:w="1200"')));
    expect(narrowCell(thin, at, "x".repeat(12))).toEqual({ width: 1200, perLine: 8, needed: 12 });
    expect(narrowCell(thin, at, "12 May")).toBeUndefined();
  });
});
