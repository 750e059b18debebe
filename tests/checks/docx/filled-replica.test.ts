import { checkDocxNow } from "../../helpers/docx-use-cases";
import { filledCdeDocx } from "../helpers/filled-docx";
import { templateBytes } from "../../helpers/fixtures";

describe("checking a .docx", () => {
  it("finds no errors in a correctly filled CDE Plan for Improvement", () => {
    const r = checkDocxNow(filledCdeDocx(), { currentDate: "2026-09-01" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.recognition.template).toBe("cde-plan-for-improvement");
    expect(
      r.value.findings
        .filter((f) => f.severity === "error")
        .map((f) => `${f.code} ${f.section}/${f.field}`),
    ).toEqual([]);
  });

  it.each([
    "ddtt-action-plan",
    "perkins-action-plan",
    "clna",
    "sfss-action-plan",
    "cde-plan-for-improvement",
  ] as const)(
    "reports the blank %s replica as incomplete, with every error located in the document",
    (id) => {
      const r = checkDocxNow(templateBytes(id), { currentDate: "2026-09-01" });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.recognition.template).toBe(id);
      const errors = r.value.findings.filter((f) => f.severity === "error");
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((f) => f.location !== undefined)).toBe(true);
      for (const c of r.value.completeness) expect(c.complete).toBe(false);
    },
  );

  it("leaves out what was typed unless values are asked for", () => {
    const bytes = filledCdeDocx();
    const hidden = checkDocxNow(bytes, { currentDate: "2027-09-01" });
    const shown = checkDocxNow(bytes, { currentDate: "2027-09-01", showValues: true });
    expect(hidden.ok && shown.ok).toBe(true);
    if (!hidden.ok || !shown.ok) return;
    expect(
      hidden.value.findings.some((f) => f.value !== undefined || f.reading !== undefined),
    ).toBe(false);
    expect(JSON.stringify(hidden.value.findings)).not.toContain("Haddad");
  });
});
