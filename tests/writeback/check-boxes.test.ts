/**
 * Check boxes as forms distributed protected hold them: legacy check box form fields
 * (`w:ffData/w:checkBox`) and `w14:checkbox` content controls. They are read as choices, and a
 * fill sets their state: the field stays a field, the control a control.
 */
import { fillBytes, revertBytes } from "../helpers/docx-use-cases";
import { readDocument } from "../../src/domain/plan-reader";
import { templates } from "../../src/templates";
import { sfssPriorities } from "../../src/templates/sfss-action-plan.template";
import { joinedDocx } from "../helpers/join-tables";
import { controlBox, formBox, priorities, withBoxes } from "./form-controls";
import { documentXml, now, snapshotOf } from "./helpers";

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
