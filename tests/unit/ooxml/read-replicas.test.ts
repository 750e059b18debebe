import { openDocx } from "../../../src/adapters/docx/docx-file";
import { templateBytes } from "../../helpers/fixtures";

function snapshotOf(id: Parameters<typeof templateBytes>[0]) {
  const r = openDocx(templateBytes(id));
  if (!r.ok) throw new Error(r.error.message);
  return r.value.read.snapshot;
}

describe("reading the replica templates", () => {
  it("finds every table of the CLNA in document order with its rating circles", () => {
    const s = snapshotOf("clna");
    expect(s.tables).toHaveLength(40);
    const rubric = s.tables[3];
    const circles = rubric?.rows[0]?.cells.slice(2).map((c) => c.paragraphs[0]?.glyphs[0]?.kind);
    expect(circles).toEqual(["radio-empty", "radio-empty", "radio-empty", "radio-empty"]);
    expect(rubric?.rows[0]?.cells[2]?.text).toBe("○");
  });

  it("knows merged cells and bold labels in the DDTT plan table", () => {
    const s = snapshotOf("ddtt-action-plan");
    const plan = s.tables[4];
    expect(plan?.gridColumns).toBe(5);
    const strategy = plan?.rows[0]?.cells[0];
    expect(strategy?.gridSpan).toBe(5);
    expect(strategy?.paragraphs[0]?.runs[0]).toEqual({
      text: "Strategy:",
      bold: true,
      italic: false,
    });
    expect(plan?.rows[1]?.cells.map((c) => c.text)).toEqual([
      "Action Steps",
      "Resources",
      "Measures of Implementation (Outputs)",
      "Owner",
      "Deadline",
    ]);
  });

  it("keeps labelled paragraphs outside tables", () => {
    const s = snapshotOf("ddtt-action-plan");
    const label = s.paragraphs.find((p) => p.text.startsWith("District/School Name:"));
    expect(label?.text).toMatch(/Today’s Date: _+/);
  });
});
