import { planCompleteness } from "../../../src/domain/completeness";
import { checkPlans } from "../../../src/domain/rules";
import type { DocumentPlanData } from "../../../src/domain/plan-data";
import { ddttActionPlan } from "../../../src/templates";
import { buildPlan, type SectionValues } from "../helpers/plan-builder";
import { ddttValues, TODAY } from "../helpers/correct-plans";

function ddtt(rows: Record<string, string>[]): DocumentPlanData {
  return {
    format: "planassist.plan-data",
    version: 1,
    plans: [buildPlan(ddttActionPlan, { ...ddttValues, "action-steps": { rows } })],
  };
}

const steps = (ddttValues["action-steps"] as SectionValues).rows!;

describe("completeness", () => {
  it("counts required fields, filled ones, and those also valid, per section and per plan", () => {
    const rows = steps.map((r) => ({ ...r }));
    rows[0]!.owner = "";
    rows[1]!.deadline = "someday soon";
    const doc = ddtt(rows);
    const c = planCompleteness(doc.plans[0]!, checkPlans(doc, { currentDate: TODAY }));
    // Header 2 + strategy 1 + 4 steps x 5 columns.
    expect(c.required).toBe(23);
    expect(c.filled).toBe(22);
    expect(c.valid).toBe(21);
    expect(c.complete).toBe(false);
    expect(c.percent).toBe(91.3);
    const steps_ = c.sections.find((s) => s.section === "action-steps")!;
    expect([steps_.required, steps_.filled, steps_.valid, steps_.block]).toEqual([20, 19, 18, 1]);
    expect(c.sections.find((s) => s.section === "plan-header")?.complete).toBe(true);
  });

  it("counts a table that needs a row and has none as unfilled", () => {
    const doc = ddtt([]);
    const c = planCompleteness(doc.plans[0]!, checkPlans(doc, { currentDate: TODAY }));
    const s = c.sections.find((x) => x.section === "action-steps")!;
    expect([s.required, s.filled, s.complete]).toEqual([5, 0, false]);
  });

  it("leaves rows nobody started out of the count", () => {
    const doc = ddtt([...steps, {}, {}]);
    const c = planCompleteness(doc.plans[0]!, checkPlans(doc, { currentDate: TODAY }));
    expect(c.required).toBe(23);
    expect(c.complete).toBe(true);
  });
});
