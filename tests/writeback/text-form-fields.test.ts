/**
 * Legacy text form fields, as forms distributed protected hold them: `FORMTEXT` between a
 * `w:fldChar` begin (with `w:ffData/w:textInput`) and its end. The field's result (the runs between
 * its separate and end marks) is its value. A fill writes the value there, also when the result is
 * empty or holds Word's five en-space placeholder, so the field stays a field: the person can still
 * tab to it in a protected form, and revert gives back the original bytes.
 */
import { fillBytes, revertBytes } from "../helpers/docx-use-cases";
import { joinedDocx } from "../helpers/join-tables";
import { firstStepRow, PLACEHOLDER, read, results, values, withFields } from "./form-controls";
import { documentXml, now } from "./helpers";

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
