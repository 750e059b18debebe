/**
 * Legacy text form fields, as forms distributed protected hold them: `FORMTEXT` between a
 * `w:fldChar` begin (with `w:ffData/w:textInput`) and its end. The field's result (the runs between
 * its separate and end marks) is its value. A fill writes the value there, also when the result is
 * empty or holds Word's five en-space placeholder, so the field stays a field: the person can still
 * tab to it in a protected form, and revert gives back the original bytes.
 */
import { fillBytes, revertBytes } from "../helpers/docx-use-cases";
import type { DocumentPlanData, FieldData } from "../../src/domain/plan-data";
import { readDocument } from "../../src/domain/plan-reader";
import { readWordDocument } from "../../src/ooxml/wordml";
import { parseXml } from "../../src/ooxml/xml";
import { templates } from "../../src/templates";
import { templateBytes } from "../helpers/fixtures";
import { joinedDocx } from "../helpers/join-tables";
import { editDocument } from "../helpers/make-docx";
import { documentXml, now, snapshotOf } from "./helpers";

const PLACEHOLDER = "\u2002".repeat(5);

/** A text form field whose result is `result` (runs' XML between separate and end). */
const textField = (name: string, result: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="${name}"/><w:enabled/><w:calcOnExit w:val="0"/><w:textInput/></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${result}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;

const results = {
  "Word's en-space placeholder": `<w:r><w:rPr><w:noProof/></w:rPr><w:t>${PLACEHOLDER}</w:t></w:r>`,
  "an empty result": "",
};

const read = (bytes: Uint8Array) => readDocument(snapshotOf(bytes), templates).data;

function firstStepRow(data: DocumentPlanData): FieldData[] {
  const s = data.plans[0]?.sections.find((x) => x.id === "action-steps" && x.block === 1);
  const row = s?.rows?.[0];
  if (!row) throw new Error("no action step row");
  return row.cells;
}

/** The DDTT replica with a text form field as the whole content of each first action-step cell. */
function withFields(result: string): Uint8Array {
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

const values = [
  "Hire two reading coaches",
  "Title I & district funds",
  "Walkthrough data",
  "Ana Ruiz, principal",
  "10/30/2026",
];

describe.each(Object.entries(results))(
  "DDTT action steps as text form fields with %s",
  (_k, result) => {
    describe.each([
      ["split", withFields(result)],
      ["joined", joinedDocx(withFields(result))],
    ])("(%s form)", (_form, original) => {
      const fields = (xml: string) => xml.match(/ FORMTEXT /g)?.length ?? 0;

      it("are read as empty values, not as the placeholder", () => {
        expect(fields(documentXml(original))).toBe(5);
        expect(firstStepRow(read(original)).map((c) => c.value)).toEqual(["", "", "", "", ""]);
      });

      it("are filled between the field's separate and end marks, and stay fields", async () => {
        const data = read(original);
        firstStepRow(data).forEach((c, i) => (c.value = values[i]!));
        const r = await fillBytes(original, data, { now });
        if (!r.ok) throw new Error(r.error.message);
        expect(r.value.report.failed).toEqual([]);
        const xml = documentXml(r.value.report.bytes);
        expect(fields(xml)).toBe(5);
        for (const v of values) {
          const escaped = v.replace(/&/g, "&amp;");
          const inResult = new RegExp(
            `fldCharType="separate"/></w:r><w:r>(?:<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?<w:t xml:space="preserve">${escaped.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/>`,
          );
          expect(xml).toMatch(inResult);
        }
        expect(xml).not.toContain(PLACEHOLDER);
        expect(firstStepRow(read(r.value.report.bytes)).map((c) => c.value)).toEqual(values);

        const again = await fillBytes(r.value.report.bytes, data, { now });
        if (!again.ok) throw new Error(again.error.message);
        expect(again.value.planning.plan.content).toEqual([]);

        const reverted = await revertBytes(r.value.report.bytes);
        if (!reverted.ok) throw new Error(reverted.error.message);
        expect(documentXml(reverted.value.bytes)).toBe(documentXml(original));
      });
    });
  },
);
