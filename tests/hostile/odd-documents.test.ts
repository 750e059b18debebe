import { openDocx } from "../../src/adapters/docx/docx-file";
import { cell, partText, replicaWithBody, table } from "./hostile-files";

function snapshotOf(bytes: Uint8Array) {
  const r = openDocx(bytes);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value.read.snapshot;
}

const withBody = (body: string) => snapshotOf(replicaWithBody("ddtt-action-plan", body));

describe("odd but valid documents", () => {
  it("reads vertical and horizontal merges in data rows", () => {
    const s = withBody(
      table(
        [
          [cell("Goal"), cell("Step"), cell("Owner")],
          [cell("Reading", '<w:vMerge w:val="restart"/>'), cell("Tutoring"), cell("Ms. Ames")],
          [
            cell("", "<w:vMerge/>"),
            cell("Library hours and parent nights", '<w:gridSpan w:val="2"/>'),
          ],
          [cell("", "<w:vMerge/>"), cell("Coaching"), cell("Mr. Bell")],
        ],
        3,
      ),
    );
    const rows = s.tables[0]?.rows ?? [];
    expect(rows[1]?.cells[0]).toMatchObject({ vMerge: "restart", rowSpan: 3 });
    expect(rows[2]?.cells[0]).toMatchObject({ vMerge: "continue", rowSpan: 0 });
    expect(rows[2]?.cells[1]).toMatchObject({
      gridColumn: 1,
      gridSpan: 2,
      text: "Library hours and parent nights",
    });
    expect(rows[3]?.cells[2]?.gridColumn).toBe(2);
  });

  it("reads nested tables in document order with their parent cell", () => {
    const inner = table([[cell("inner a"), cell("inner b")]], 2);
    const s = withBody(
      table([[`<w:tc><w:p><w:r><w:t>outer</w:t></w:r></w:p>${inner}<w:p/></w:tc>`, cell("x")]], 2),
    );
    expect(s.tables).toHaveLength(2);
    expect(s.tables[0]?.rows[0]?.cells[0]?.nestedTables).toEqual([1]);
    expect(s.tables[1]?.parent).toEqual({ table: 0, row: 0, cell: 0 });
    expect(s.tables[1]?.rows[0]?.cells.map((c) => c.text)).toEqual(["inner a", "inner b"]);
  });

  it("reads a table holding a picture or only whitespace as cells with no visible text", () => {
    const picture =
      '<w:tc><w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="1" cy="1"/></wp:inline></w:drawing></w:r></w:p></w:tc>';
    const s = withBody(table([[picture, cell("   "), "<w:tc><w:p/></w:tc>"]], 3));
    expect(s.tables[0]?.rows[0]?.cells.map((c) => c.text.trim())).toEqual(["", "", ""]);
  });

  it("reads text inside block and inline content controls and check box controls", () => {
    const sdtBlock =
      '<w:sdt><w:sdtPr><w:alias w:val="Goal"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Raise reading</w:t></w:r></w:p></w:sdtContent></w:sdt>';
    const sdtInline =
      '<w:p><w:r><w:t xml:space="preserve">Owner: </w:t></w:r><w:sdt><w:sdtContent><w:r><w:t>Ms. Ames</w:t></w:r></w:sdtContent></w:sdt></w:p>';
    const box =
      '<w:p><w:sdt><w:sdtPr><w14:checkbox xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☒</w:t></w:r></w:sdtContent></w:sdt></w:p>';
    const s = withBody(
      table([[`<w:tc>${sdtBlock}</w:tc>`, `<w:tc>${sdtInline}</w:tc>`, `<w:tc>${box}</w:tc>`]], 3),
    );
    const cells = s.tables[0]?.rows[0]?.cells ?? [];
    expect(cells.map((c) => c.text)).toEqual(["Raise reading", "Owner: Ms. Ames", "☒"]);
    expect(cells[2]?.paragraphs[0]?.glyphs[0]?.kind).toBe("box-checked");
  });

  it("reads tracked changes as if accepted and says the document has them", () => {
    const tracked =
      '<w:tc><w:p><w:r><w:t xml:space="preserve">Meet </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>monthly</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>weekly</w:t></w:r></w:ins></w:p></w:tc>';
    const s = withBody(table([[tracked]], 1));
    expect(s.tables[0]?.rows[0]?.cells[0]?.text).toBe("Meet weekly");
    expect(s.facts.trackedChanges).toBe(true);
  });

  it("reads a document of 2,000 tables, each in order", () => {
    const body = Array.from({ length: 2000 }, (_, i) =>
      table([[cell(`Table ${i}`), cell("b")]], 2),
    ).join("<w:p/>");
    const s = withBody(body);
    expect(s.tables).toHaveLength(2000);
    expect(s.tables[1999]?.rows[0]?.cells[0]?.text).toBe("Table 1999");
    expect(s.tables[1999]?.bodyTableIndex).toBe(1999);
  });

  it("reads a table with a row of no cells and a cell of no paragraphs", () => {
    const s = withBody(`<w:tbl><w:tr></w:tr><w:tr><w:tc></w:tc>${cell("x")}</w:tr></w:tbl>`);
    expect(s.tables[0]?.rows.map((r) => r.cells.length)).toEqual([0, 2]);
    expect(s.tables[0]?.gridColumns).toBe(2);
  });

  it("keeps the replica's own text when the body is left as it is", () => {
    const xml = partText("ddtt-action-plan", "word/document.xml");
    const body = xml.slice(xml.indexOf("<w:body>") + 8, xml.lastIndexOf("</w:body>"));
    expect(withBody(body).tables.length).toBeGreaterThan(3);
  });
});
