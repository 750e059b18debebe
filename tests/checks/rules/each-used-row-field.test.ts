/**
 * The per-row helper the rules share: it tests a field of every used row, row by row, skips blank
 * fields and rows, and places what the test reports on that row's field.
 */
import { eachUsedRowField, sectionOf, text } from "../../../src/domain/rules/rule";
import { ddttActionPlan } from "../../../src/templates";
import { ddttValues } from "../helpers/correct-plans";
import { buildPlan, type SectionValues } from "../helpers/plan-builder";

const steps = (ddttValues["action-steps"] as SectionValues).rows!;

/** The DDTT action steps with these rows (the first of the correct plan's rows, changed). */
function actionSteps(rows: readonly Readonly<Record<string, string>>[]) {
  const plan = buildPlan(ddttActionPlan, { ...ddttValues, "action-steps": { rows } });
  const section = sectionOf(plan, "action-steps");
  if (!section) throw new Error("no action steps");
  return section;
}

const report = { code: "seen", severity: "info", message: "Seen." } as const;

describe("eachUsedRowField", () => {
  it("tests the field of every used row in order and places each finding on that row's field", () => {
    const section = actionSteps(steps);
    const found = eachUsedRowField(section, "deadline", () => report);
    expect(found.map((f) => [f.row?.index, f.field?.id, text(f.field)])).toEqual(
      steps.map((r, i) => [i, "deadline", r.deadline]),
    );
    expect(found.every((f) => f.section === section && f.code === "seen")).toBe(true);
  });

  it("leaves out blank fields and rows nobody typed in", () => {
    const rows = [steps[0]!, { ...steps[1]!, deadline: "" }, {}, steps[3]!];
    const tested: number[] = [];
    eachUsedRowField(actionSteps(rows), "deadline", (_field, row) => {
      tested.push(row.index);
      return undefined;
    });
    expect(tested).toEqual([0, 3]);
  });

  it("reports nothing where the test finds nothing, and every finding where it finds several", () => {
    const section = actionSteps(steps);
    expect(eachUsedRowField(section, "deadline", () => undefined)).toEqual([]);
    const two = eachUsedRowField(section, "owner", (_f, row) =>
      row.index === 1 ? [report, report] : [],
    );
    expect(two.map((f) => f.row?.index)).toEqual([1, 1]);
  });

  it("tests several fields row by row, in the order given", () => {
    const found = eachUsedRowField(
      actionSteps(steps.slice(0, 2)),
      ["owner", "deadline"],
      () => report,
    );
    expect(found.map((f) => `${f.row?.index}:${f.field?.id}`)).toEqual([
      "0:owner",
      "0:deadline",
      "1:owner",
      "1:deadline",
    ]);
  });

  it("finds nothing in a section the plan does not have", () => {
    expect(eachUsedRowField(undefined, "deadline", () => report)).toEqual([]);
  });
});
