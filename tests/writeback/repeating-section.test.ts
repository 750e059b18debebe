/**
 * Rows inside content controls, as Word writes a repeating section: each data row is an item
 * (`w:sdt` holding one `w:tr`), all of them inside the section's control. The rows are read
 * through the controls, and a new row is a copy of an item.
 */
import { fillBytes, revertBytes } from "../helpers/docx-use-cases";
import type { DocumentPlanData, RowData } from "../../src/domain/plan-data";
import { readDocument } from "../../src/domain/plan-reader";
import { readWordDocument } from "../../src/ooxml/wordml";
import { parseXml } from "../../src/ooxml/xml";
import { templates } from "../../src/templates";
import { templateBytes } from "../helpers/fixtures";
import { joinedDocx } from "../helpers/join-tables";
import { editDocument } from "../helpers/make-docx";
import { documentXml, now, snapshotOf } from "./helpers";

const W15 = "http://schemas.microsoft.com/office/word/2012/wordml";
const read = (bytes: Uint8Array): DocumentPlanData =>
  readDocument(snapshotOf(bytes), templates).data;
const steps = (data: DocumentPlanData) => {
  const s = data.plans[0]?.sections.find((x) => x.id === "action-steps");
  if (!s?.rows) throw new Error("no action steps");
  return s as typeof s & { rows: RowData[] };
};

/** The DDTT replica with its action-step rows made a repeating section, one item per row. */
function repeating(): Uint8Array {
  const original = templateBytes("ddtt-action-plan");
  const rows = steps(read(original)).rows;
  const first = rows[0]?.cells[0]?.location;
  const last = rows[rows.length - 1]?.cells[0]?.location;
  if (first?.kind !== "cell" || last?.kind !== "cell") throw new Error("no rows");
  return editDocument(original, (xml) => {
    const { index } = readWordDocument(parseXml(xml));
    const t = index.tables[first.table]!;
    const items = t.rows.slice(first.row, last.row + 1).map((r) => r.element);
    let out = xml;
    // From the last row back, so the offsets of the earlier ones hold.
    items.reverse().forEach((tr, k) => {
      const item = `<w:sdt><w:sdtPr><w:id w:val="${700 + k}"/><w15:repeatingSectionItem/></w:sdtPr><w:sdtContent>${out.slice(tr.start, tr.end)}</w:sdtContent></w:sdt>`;
      out = out.slice(0, tr.start) + item + out.slice(tr.end);
    });
    const firstStart = out.indexOf("<w:sdt><w:sdtPr><w:id");
    const lastEnd = out.lastIndexOf("</w:sdtContent></w:sdt>") + "</w:sdtContent></w:sdt>".length;
    out =
      out.slice(0, firstStart) +
      `<w:sdt><w:sdtPr><w:id w:val="699"/><w15:repeatingSection/></w:sdtPr><w:sdtContent>` +
      out.slice(firstStart, lastEnd) +
      `</w:sdtContent></w:sdt>` +
      out.slice(lastEnd);
    return out.includes("xmlns:w15=")
      ? out
      : out.replace(/<w:document /, `<w:document xmlns:w15="${W15}" `);
  });
}

describe.each([
  ["split", repeating()],
  ["joined", joinedDocx(repeating())],
])("DDTT action steps as a repeating section (%s form)", (_form, original) => {
  it("are read through the controls: the same rows as the plain template", () => {
    expect(steps(read(original)).rows).toHaveLength(
      steps(read(templateBytes("ddtt-action-plan"))).rows.length,
    );
  });

  it("get a new row as a copy of an item, read back, and revert to the original", async () => {
    const data = read(original);
    const s = steps(data);
    const added: RowData = {
      index: s.rows.length,
      cells: s.rows[0]!.cells.map(({ location: _l, ...c }) => ({ ...c, value: `new ${c.id}` })),
    };
    s.rows.push(added);
    const r = await fillBytes(original, data, { now });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.report.failed).toEqual([]);
    const xml = documentXml(r.value.report.bytes);
    const items = (x: string) => x.match(/<w15:repeatingSectionItem\/>/g)?.length ?? 0;
    expect(items(xml)).toBe(items(documentXml(original)) + 1);
    // The copy's control has no id of its own (ids are unique; Word gives one).
    expect(xml.match(/<w:id w:val="700"\/>/g)).toHaveLength(1);
    const back = steps(read(r.value.report.bytes));
    expect(back.rows[back.rows.length - 1]?.cells[0]?.value).toBe("new action-step");
    const reverted = await revertBytes(r.value.report.bytes);
    if (!reverted.ok) throw new Error(reverted.error.message);
    expect(documentXml(reverted.value.bytes)).toBe(documentXml(original));
  });
});
