import { checkPlans } from "../../../src/domain/rules";
import { documentCompleteness } from "../../../src/domain/completeness";
import { correctPlans, TODAY } from "../helpers/correct-plans";

describe("a correctly filled plan", () => {
  const plans = correctPlans();
  it.each(Object.keys(plans))("of %s gives no error and no warning findings", (id) => {
    const doc = plans[id]!;
    const findings = checkPlans(doc, { currentDate: TODAY });
    expect(
      findings
        .filter((f) => f.severity !== "info")
        .map((f) => `${f.code} ${f.section}/${f.field}#${f.row ?? ""}`),
    ).toEqual([]);
  });
  it.each(Object.keys(plans))("of %s is complete", (id) => {
    const doc = plans[id]!;
    const findings = checkPlans(doc, { currentDate: TODAY });
    for (const c of documentCompleteness(doc, findings)) {
      expect(c.required).toBeGreaterThan(0);
      expect(c.valid).toBe(c.required);
      expect(c.complete).toBe(true);
    }
  });
});
