import {
  consentItems,
  personNames,
  planCompleteness,
  reviewSummary,
  sectionStatus,
  type PaneFinding,
} from "../../src/app/plan-session";
import type { DocumentPlanData, SectionData } from "../../src/domain/plan-data";

const steps: SectionData = {
  id: "action-steps",
  label: "Action steps",
  fields: [],
  rows: [
    {
      index: 0,
      cells: [
        {
          id: "step",
          label: "Action Steps",
          type: "long-text",
          required: true,
          value: "Train staff",
        },
        {
          id: "owner",
          label: "Owner",
          type: "person",
          required: true,
          value: "Dana Ruiz, Lee Chen",
        },
      ],
    },
    {
      index: 1,
      cells: [
        { id: "step", label: "Action Steps", type: "long-text", required: true, value: "" },
        { id: "owner", label: "Owner", type: "person", required: true, value: "Sam Ortiz" },
      ],
    },
  ],
};
const data: DocumentPlanData = {
  format: "planassist.plan-data",
  version: 1,
  plans: [
    { template: "ddtt-action-plan", instance: 0, label: "DDTT Action Plan", sections: [steps] },
  ],
};
const finding = (f: Partial<PaneFinding>): PaneFinding => ({
  code: "x",
  severity: "error",
  message: "Fix it.",
  plan: 0,
  section: "action-steps",
  ...f,
});

describe("the session's view of a plan", () => {
  it("calls a section incomplete, not wrong, when its only errors are about empty fields", () => {
    expect(sectionStatus(steps, [finding({ field: "step", row: 1 })])).toBe("incomplete");
  });

  it("calls a section wrong when a filled field has an error", () => {
    expect(sectionStatus(steps, [finding({ field: "owner", row: 0 })])).toBe("has-errors");
  });

  it("counts required fields filled and valid", () => {
    expect(planCompleteness(data.plans[0]!, 0, [finding({ field: "owner", row: 1 })])).toEqual({
      filled: 2,
      required: 4,
    });
  });

  it("suggests each person named in the plan once, in order", () => {
    expect(personNames(data.plans[0]!)).toEqual(["Dana Ruiz", "Lee Chen", "Sam Ortiz"]);
  });

  it("does not ask consent for choices, whose marks PlanAssist moves itself", () => {
    const before: SectionData = {
      id: "r",
      label: "Ratings",
      fields: [
        {
          id: "c",
          label: "1.1",
          type: "single-choice",
          required: true,
          value: ["Developing"],
          options: ["Exemplar", "Developing"],
        },
      ],
    };
    const after: SectionData = {
      ...before,
      fields: [{ ...before.fields[0]!, value: ["Exemplar"] }],
    };
    expect(consentItems(before, after)).toEqual([]);
  });

  it("summarises a review as plain text with counts and findings by section", () => {
    const text = reviewSummary(data, [
      finding({ field: "owner", row: 0, fieldLabel: "Owner (row 1)", message: "Name one person." }),
      finding({ severity: "warning", message: "Steps are not in order." }),
    ]);
    expect(text).toBe(
      [
        "DDTT Action Plan",
        "Completeness: 2 of 4 required fields filled and valid",
        "Errors: 1, warnings: 1, notes: 0",
        "- Action steps",
        "  [error] Owner (row 1): Name one person.",
        "  [warning] Steps are not in order.",
        "",
      ].join("\n"),
    );
  });
});
