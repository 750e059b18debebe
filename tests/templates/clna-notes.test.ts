/**
 * The CLNA's closing paragraphs: "Current Status / Notes / Future Considerations" (free text in the
 * paragraphs below its heading) and "Additional Information" (what the school or district has
 * agreed to address, after that prompt). Both are read with a location, written by fill and read
 * back; the headings, the prompt and the template's example items stay as they are.
 */
import { fillBytes } from "../helpers/docx-use-cases";
import type { DocumentPlanData, FieldData } from "../../src/domain/plan-data";
import { readDocument } from "../../src/domain/plan-reader";
import type { DocumentSnapshot } from "../../src/domain/snapshot";
import { templates } from "../../src/templates";
import { templateBytes } from "../helpers/fixtures";
import { must, now, setFields, snapshotOf } from "../writeback/helpers";

const notes = { section: "current-status", field: "current-status-notes" };
const agreed = { section: "additional-information", field: "agreed-to-address" };

function read(bytes: Uint8Array): { snapshot: DocumentSnapshot; data: DocumentPlanData } {
  const snapshot = snapshotOf(bytes);
  return { snapshot, data: readDocument(snapshot, templates).data };
}

function fieldIn(data: DocumentPlanData, at: { section: string; field: string }): FieldData {
  const f = data.plans[0]?.sections
    .find((s) => s.id === at.section)
    ?.fields.find((x) => x.id === at.field);
  if (!f) throw new Error(`no ${at.section}/${at.field}`);
  return f;
}

const paragraphIndex = (snapshot: DocumentSnapshot, text: string) =>
  snapshot.paragraphs.findIndex((p) => p.text.trim() === text);

describe("the CLNA's closing paragraphs", () => {
  const blank = read(templateBytes("clna"));

  it("are fields of the plan, empty in the blank template", () => {
    expect(fieldIn(blank.data, notes)).toMatchObject({ type: "long-text", value: "" });
    expect(fieldIn(blank.data, agreed)).toMatchObject({ type: "long-text", value: "" });
  });

  it("point at the paragraph below the heading and the blank after the prompt", () => {
    const heading = paragraphIndex(
      blank.snapshot,
      "Current Status / Notes / Future Considerations",
    );
    const prompt = paragraphIndex(blank.snapshot, "School/district has agreed to address:");
    expect(heading).toBeGreaterThanOrEqual(0);
    expect(prompt).toBeGreaterThanOrEqual(0);
    expect(fieldIn(blank.data, notes).location).toEqual({
      kind: "paragraph",
      paragraph: heading + 1,
      start: 0,
    });
    const promptLength = blank.snapshot.paragraphs[prompt]?.text.length;
    expect(fieldIn(blank.data, agreed).location).toEqual({
      kind: "paragraph",
      paragraph: prompt,
      start: promptLength,
      end: promptLength,
    });
  });

  it("are written by fill and read back, keeping the heading, the prompt and the example items", async () => {
    const values = setFields({
      [`${notes.section}.${notes.field}`]: "Admissions rubric revised.\nRevisit in January.",
      [`${agreed.section}.${agreed.field}`]: "Replace the shop ventilation\nUpdate the PAC roster",
    });
    const result = must(await fillBytes(templateBytes("clna"), values(blank.data), { now }));
    expect(result.report.failed).toEqual([]);
    const filled = read(result.report.bytes);
    expect(fieldIn(filled.data, notes).value).toBe(
      "Admissions rubric revised.\nRevisit in January.",
    );
    expect(fieldIn(filled.data, agreed).value).toBe(
      "Replace the shop ventilation\nUpdate the PAC roster",
    );
    const texts = (s: DocumentSnapshot) => s.paragraphs.map((p) => p.text);
    const before = texts(blank.snapshot);
    const after = texts(filled.snapshot);
    const heading = paragraphIndex(
      blank.snapshot,
      "Current Status / Notes / Future Considerations",
    );
    const prompt = paragraphIndex(blank.snapshot, "School/district has agreed to address:");
    expect(after[heading]).toBe(before[heading]);
    expect(after[prompt]?.startsWith("School/district has agreed to address:")).toBe(true);
    expect(after.slice(prompt + 1)).toEqual(before.slice(prompt + 1));
  });
});
