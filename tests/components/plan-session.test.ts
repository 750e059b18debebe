import {
  addBlock,
  blockNoun,
  commentText,
  writeData,
  consentItems,
  entriesWithErrors,
  fieldName,
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
  it("lists only the severities shown in a review summary, and says so", () => {
    const text = reviewSummary(
      data,
      [
        finding({
          field: "owner",
          row: 0,
          fieldLabel: "Owner (row 1)",
          message: "Name one person.",
        }),
        finding({ severity: "warning", message: "Steps are not in order." }),
      ],
      new Set(["warning"]),
    );
    expect(text).toContain("Errors: 1, warnings: 1, notes: 0\nListed: warnings\n");
    expect(text).toContain("[Warning] Steps are not in order.");
    expect(text).not.toContain("Name one person.");
  });

  it("calls a section incomplete, not wrong, when its only errors are about empty fields", () => {
    expect(sectionStatus(steps, [finding({ field: "step", row: 1 })])).toBe("incomplete");
  });

  it("calls a section wrong when a filled field has an error", () => {
    expect(sectionStatus(steps, [finding({ field: "owner", row: 0 })])).toBe("has-errors");
  });

  it("calls an untouched section with nothing required optional, not complete", () => {
    const optional: SectionData = {
      id: "notes",
      label: "Notes",
      fields: [{ id: "n", label: "Notes", type: "long-text", required: false, value: "" }],
    };
    expect(sectionStatus(optional, [])).toBe("optional");
    expect(
      sectionStatus({ ...optional, fields: [{ ...optional.fields[0]!, value: "x" }] }, []),
    ).toBe("complete");
  });

  it("calls an untouched section with required fields not started", () => {
    const blank: SectionData = {
      ...steps,
      rowLimits: { min: 1, max: 10 },
      rows: steps.rows!.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, value: "" })) })),
    };
    expect(sectionStatus(blank, [finding({ field: "step", row: 0 })])).toBe("not-started");
  });

  it("names a row's field by its label and row", () => {
    expect(fieldName(steps, "owner", 1)).toBe("Owner, row 2");
    expect(
      fieldName({ ...steps, rows: [{ ...steps.rows![0]!, label: "Action 1:" }] }, "owner", 0),
    ).toBe("Owner, Action 1");
  });

  it("lists entries typed with errors by field and row, leaving out blank required fields", () => {
    const list = entriesWithErrors(steps, [
      finding({ field: "owner", row: 0, message: "Name one person." }),
      finding({ field: "owner", row: 0, message: "Give a name, not a title." }),
      finding({ field: "step", row: 1, message: "Required." }),
      finding({ field: "owner", row: 1, severity: "warning", message: "A title alone." }),
    ]);
    expect(list).toEqual([
      {
        key: "0:owner",
        name: "Owner, row 1",
        messages: ["Name one person.", "Give a name, not a title."],
      },
    ]);
  });

  it("names the field in a comment's text", () => {
    expect(
      commentText({
        location: { kind: "paragraph", paragraph: 0 },
        severity: "warning",
        message: "Give the year.",
        fieldLabel: "Today's Date",
      }),
    ).toBe("Warning (Today's Date): Give the year.");
  });

  it("counts required fields filled and valid", () => {
    expect(planCompleteness(data.plans[0]!, 0, [finding({ field: "owner", row: 1 })])).toEqual({
      filled: 2,
      required: 4,
    });
  });

  it("suggests each person named in the plan once, in order", () => {
    expect(personNames(data.plans[0]!)).toEqual(["Dana Ruiz, Lee Chen", "Sam Ortiz"]);
  });

  it("suggests names with their titles kept whole, and never a placeholder, group or title alone", () => {
    const owners = [
      "Maria Lopez, Principal; James Chen",
      "TBD",
      "Principal",
      "all staff",
      "Maria Lopez",
    ];
    const plan = {
      ...data.plans[0]!,
      sections: [
        {
          ...steps,
          rows: owners.map((value, index) => ({
            index,
            cells: [
              { id: "owner", label: "Owner", type: "person" as const, required: true, value },
            ],
          })),
        },
      ],
    };
    expect(personNames(plan)).toEqual(["James Chen", "Maria Lopez, Principal"]);
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
        "  [Error] Owner (row 1): Name one person.",
        "  [Warning] Steps are not in order.",
        "",
      ].join("\n"),
    );
  });

  it("adds a blank block after the last one, numbered on, and writes it whole", () => {
    const strategy = (block: number, value: string): SectionData => ({
      id: "strategy",
      label: "High-Leverage Strategy",
      block,
      fields: [
        {
          id: "name",
          label: "Strategy",
          type: "long-text",
          required: true,
          value,
          location: { kind: "cell", table: block, row: 0, cell: 1 },
        },
      ],
    });
    const activities = (block: number): SectionData => ({ ...steps, id: "activities", block });
    const tail: SectionData = { id: "log", label: "Monitoring log", fields: [] };
    const plan = {
      ...data.plans[0]!,
      sections: [
        strategy(1, "Co-teaching"),
        activities(1),
        strategy(2, "Tutoring"),
        activities(2),
        tail,
      ],
    };
    expect(blockNoun(plan)).toBe("strategy");
    const added = addBlock(plan)!;
    expect(added.position).toBe(4);
    expect(added.plan.sections.map((s) => `${s.id}#${s.block ?? ""}`)).toEqual([
      "strategy#1",
      "activities#1",
      "strategy#2",
      "activities#2",
      "strategy#3",
      "activities#3",
      "log#",
    ]);
    const fresh = added.plan.sections[4]!;
    expect(fresh.fields[0]).toEqual({
      id: "name",
      label: "Strategy",
      type: "long-text",
      required: true,
      value: "",
    });
    expect(
      added.plan.sections[5]!.rows!.every((r) =>
        r.cells.every((c) => c.value === "" && !c.location),
      ),
    ).toBe(true);
    const original = { ...data, plans: [plan] };
    const typed = { ...fresh, fields: [{ ...fresh.fields[0]!, value: "Mentoring" }] };
    const edited = {
      ...data,
      plans: [
        { ...added.plan, sections: added.plan.sections.map((s, i) => (i === 4 ? typed : s)) },
      ],
    };
    const sent = writeData(original, edited, 0, typed);
    expect(sent.plans[0]!.sections.filter((s) => s.block === 3).map((s) => s.id)).toEqual([
      "strategy",
      "activities",
    ]);
    expect(sent.plans[0]!.sections.find((s) => s.block === 3)!.fields[0]!.value).toBe("Mentoring");
  });
});
