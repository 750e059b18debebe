/**
 * Check boxes as forms distributed protected hold them: legacy check box form fields
 * (`w:ffData/w:checkBox`) and `w14:checkbox` content controls. They are read as choices, and a
 * fill sets their state: the field stays a field, the control a control.
 */
import { fillBytes, revertBytes } from "../helpers/docx-use-cases";
import type { DocumentPlanData, FieldData } from "../../src/domain/plan-data";
import { readDocument } from "../../src/domain/plan-reader";
import { readWordDocument } from "../../src/ooxml/wordml";
import { parseXml } from "../../src/ooxml/xml";
import { templates } from "../../src/templates";
import { sfssPriorities } from "../../src/templates/sfss-action-plan.template";
import { templateBytes } from "../helpers/fixtures";
import { joinedDocx } from "../helpers/join-tables";
import { editDocument } from "../helpers/make-docx";
import { documentXml, now, snapshotOf } from "./helpers";

const W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
const formBox = (on: boolean) =>
  `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/><w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="${on ? 1 : 0}"/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>`;
const controlBox = (on: boolean) =>
  `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="${on ? 1 : 0}"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr><w:t>${on ? "☒" : "☐"}</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t xml:space="preserve"> </w:t></w:r>`;

/** The SFSS replica with a box of the given kind before every priority of the first strategy row. */
function withBoxes(box: (on: boolean) => string): Uint8Array {
  const data = readDocument(snapshotOf(templateBytes("sfss-action-plan")), templates).data;
  const cell = priorities(data);
  const l = cell.location;
  if (l?.kind !== "cell") throw new Error("no priorities cell");
  return editDocument(templateBytes("sfss-action-plan"), (xml) => {
    const { index } = readWordDocument(parseXml(xml));
    const paragraphs = index.tables[l.table]!.rows[l.row]!.cells[l.cell]!.paragraphs;
    // The replica declares the Word 2010 namespace already; a document that does not gets it.
    let out = xml.includes("xmlns:w14=")
      ? xml
      : xml.replace(/<w:document /, `<w:document xmlns:w14="${W14}" `);
    const shift = out.length - xml.length;
    for (const p of [...paragraphs].reverse()) {
      const pPr = p.children.find((c) => c.kind === "element" && c.name === "w:pPr");
      const at = (pPr && pPr.kind === "element" ? pPr.end : p.openEnd) + shift;
      out = out.slice(0, at) + box(false) + out.slice(at);
    }
    return out;
  });
}

function priorities(data: DocumentPlanData): FieldData {
  const s = data.plans[0]?.sections.find((x) => x.id === "strategies" && x.block === 1);
  const f = s?.rows?.[0]?.cells.find((c) => c.id === "priorities");
  if (!f) throw new Error("no priorities");
  return f;
}

describe.each([
  ["legacy check box form fields", formBox, /FORMCHECKBOX/g, /<w:checked\/>/],
  ["check box content controls", controlBox, /<w14:checkbox>/g, /<w14:checked w14:val="1"\/>/],
])("SFSS priorities as %s", (_kind, box, kept, checked) => {
  describe.each([
    ["split", withBoxes(box)],
    ["joined", joinedDocx(withBoxes(box))],
  ])("(%s form)", (_form, original) => {
    const read = (bytes: Uint8Array) => readDocument(snapshotOf(bytes), templates).data;

    it("are read as choices, none checked", () => {
      expect(priorities(read(original)).value).toEqual([]);
    });

    it("are set by a fill, stay boxes, read back as chosen, and revert to the original", async () => {
      const data = read(original);
      const field = priorities(data);
      const options = sfssPriorities;
      field.value = [options[1]!, options[3]!];
      const r = await fillBytes(original, data, { now });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.report.failed).toEqual([]);
      const xml = documentXml(r.value.report.bytes);
      expect(xml.match(kept)?.length).toBe(documentXml(original).match(kept)?.length);
      expect(xml).toMatch(checked);
      expect(xml).not.toContain("☒ ");
      expect(priorities(read(r.value.report.bytes)).value).toEqual([options[1], options[3]]);
      const back = await revertBytes(r.value.report.bytes);
      if (!back.ok) throw new Error(back.error.message);
      expect(documentXml(back.value.bytes)).toBe(documentXml(original));
    });
  });
});
