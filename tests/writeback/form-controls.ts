/**
 * Documents holding forms as forms distributed protected hold them, built from the replicas:
 * SFSS priorities as legacy check box form fields (`w:ffData/w:checkBox`) or `w14:checkbox`
 * content controls, and DDTT action steps as legacy text form fields (`FORMTEXT`).
 */
import type { DocumentPlanData, FieldData } from "../../src/domain/plan-data";
import { readDocument } from "../../src/domain/plan-reader";
import { readWordDocument } from "../../src/ooxml/wordml";
import { parseXml } from "../../src/ooxml/xml";
import { templates } from "../../src/templates";
import { templateBytes } from "../helpers/fixtures";
import { editDocument } from "../helpers/make-docx";
import { snapshotOf } from "./helpers";

export const W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
export const formBox = (on: boolean) =>
  `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/><w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="${on ? 1 : 0}"/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>`;
export const controlBox = (on: boolean) =>
  `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="${on ? 1 : 0}"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr><w:t>${on ? "☒" : "☐"}</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t xml:space="preserve"> </w:t></w:r>`;

/** The SFSS replica with a box of the given kind before every priority of the first strategy row. */
export function withBoxes(box: (on: boolean) => string): Uint8Array {
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

export function priorities(data: DocumentPlanData): FieldData {
  const s = data.plans[0]?.sections.find((x) => x.id === "strategies" && x.block === 1);
  const f = s?.rows?.[0]?.cells.find((c) => c.id === "priorities");
  if (!f) throw new Error("no priorities");
  return f;
}

export const PLACEHOLDER = "\u2002".repeat(5);

/** A text form field whose result is `result` (runs' XML between separate and end). */
export const textField = (name: string, result: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="${name}"/><w:enabled/><w:calcOnExit w:val="0"/><w:textInput/></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${result}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;

export const results = {
  "Word's en-space placeholder": `<w:r><w:rPr><w:noProof/></w:rPr><w:t>${PLACEHOLDER}</w:t></w:r>`,
  "an empty result": "",
};

export const read = (bytes: Uint8Array) => readDocument(snapshotOf(bytes), templates).data;

export function firstStepRow(data: DocumentPlanData): FieldData[] {
  const s = data.plans[0]?.sections.find((x) => x.id === "action-steps" && x.block === 1);
  const row = s?.rows?.[0];
  if (!row) throw new Error("no action step row");
  return row.cells;
}

/** The DDTT replica with a text form field as the whole content of each first action-step cell. */
export function withFields(result: string): Uint8Array {
  const original = templateBytes("ddtt-action-plan");
  const cells = firstStepRow(read(original));
  return editDocument(original, (xml) => {
    const { index } = readWordDocument(parseXml(xml));
    const paragraphs = cells.map((c, i) => {
      const l = c.location;
      if (l?.kind !== "cell") throw new Error("no cell location");
      const p = index.tables[l.table]!.rows[l.row]!.cells[l.cell]!.paragraphs[0]!;
      return { p, i };
    });
    let out = xml;
    for (const { p, i } of [...paragraphs].sort((a, b) => b.p.start - a.p.start)) {
      const pPr = p.children.find((c) => c.kind === "element" && c.name === "w:pPr");
      const from = pPr && pPr.kind === "element" ? pPr.end : p.openEnd;
      const body = textField(`Text${i + 1}`, result);
      out =
        p.closeStart === p.end
          ? `${out.slice(0, p.start)}${out.slice(p.start, p.end - 2)}>${body}</w:p>${out.slice(p.end)}`
          : out.slice(0, from) + body + out.slice(p.closeStart);
    }
    return out;
  });
}

export const values = [
  "Hire two reading coaches",
  "Title I & district funds",
  "Walkthrough data",
  "Ana Ruiz, principal",
  "10/30/2026",
];
