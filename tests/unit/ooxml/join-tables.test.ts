import { hasTouchingTables, joinTouchingTables } from "../../../src/ooxml/join-tables";
import { readWordDocument } from "../../../src/ooxml/wordml";
import { parseXml } from "../../../src/ooxml/xml";
import { p, tc, tr } from "../../helpers/make-docx";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const doc = (body: string) => `<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
const grid = (...widths: number[]) =>
  `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
const table = (tblPr: string, widths: number[], rows: string) =>
  `<w:tbl><w:tblPr>${tblPr}</w:tblPr>${grid(...widths)}${rows}</w:tbl>`;
const span = (n: number) => `<w:tcW w:w="0" w:type="auto"/><w:gridSpan w:val="${n}"/>`;

describe("joining touching tables as Word does", () => {
  const first = table(
    '<w:tblW w:w="2000" w:type="dxa"/>',
    [1000, 1000],
    tr(tc(p("A1")) + tc(p("A2"))) + tr(tc(p("A wide"), span(2))),
  );
  const second = table(
    '<w:tblW w:w="2000" w:type="dxa"/><w:tblBorders><w:top w:val="single"/></w:tblBorders>',
    [500, 1500],
    tr(tc(p("B1")) + tc(p("B2"))),
  );
  const narrow = table('<w:tblW w:w="2000" w:type="dxa"/>', [500], tr(tc(p("C1"))));

  it("puts both tables on one grid made of the union of their column edges", () => {
    const xml = doc(first + second);
    expect(hasTouchingTables(xml)).toBe(true);
    const joined = joinTouchingTables(xml);
    expect(hasTouchingTables(joined)).toBe(false);
    const { snapshot } = readWordDocument(parseXml(joined));
    expect(snapshot.tables).toHaveLength(1);
    const t = snapshot.tables[0]!;
    expect(t.gridColumns).toBe(3); // edges 0, 500, 1000, 2000
    expect(joined).toContain('<w:gridCol w:w="500"/><w:gridCol w:w="500"/><w:gridCol w:w="1000"/>');
    const cells = t.rows.map((r) => r.cells.map((c) => [c.text, c.gridColumn, c.gridSpan]));
    expect(cells).toEqual([
      [
        ["A1", 0, 2],
        ["A2", 2, 1],
      ],
      [["A wide", 0, 3]],
      [
        ["B1", 0, 1],
        ["B2", 1, 2],
      ],
    ]);
  });

  it("keeps the first table's properties and carries a later table's own on its rows", () => {
    const joined = joinTouchingTables(doc(first + second));
    const tblPr = joined.match(/<w:tblPr>.*?<\/w:tblPr>/)?.[0];
    expect(tblPr).toBe('<w:tblPr><w:tblW w:w="2000" w:type="dxa"/></w:tblPr>');
    // Only the property that differs rides on the later table's rows, before their properties.
    expect(joined).toContain(
      '<w:tr><w:tblPrEx><w:tblBorders><w:top w:val="single"/></w:tblBorders></w:tblPrEx>',
    );
    expect(joined.match(/<w:tblPrEx>/g)).toHaveLength(1);
  });

  it("marks a row that ends inside the joined grid with gridAfter", () => {
    const joined = joinTouchingTables(doc(first + narrow));
    const { snapshot } = readWordDocument(parseXml(joined));
    expect(snapshot.tables[0]?.rows[2]?.cells.map((c) => c.gridSpan)).toEqual([1]);
    expect(joined).toContain('<w:trPr><w:gridAfter w:val="2"/></w:trPr>');
  });

  it("joins touching tables inside a cell and leaves tables with a paragraph between them apart", () => {
    const outer = table("", [4000], tr(tc(first + second + p(""))));
    const xml = doc(outer + p("between") + first);
    const { snapshot } = readWordDocument(parseXml(joinTouchingTables(xml)));
    expect(snapshot.tables.map((t) => t.rows.length)).toEqual([1, 3, 2]);
    expect(snapshot.tables[1]?.parent).toEqual({ table: 0, row: 0, cell: 0 });
  });

  it("changes nothing in a part without touching tables", () => {
    const xml = doc(first + p("") + second);
    expect(joinTouchingTables(xml)).toBe(xml);
  });
});
