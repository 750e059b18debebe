/**
 * Each rule with a failing case (one value changed in a correctly filled plan) and a passing case
 * (the correctly filled plan itself, or a variant that the rule accepts).
 */
import { checkPlans } from "../../../src/domain/rules";
import { findingSchema, type Finding } from "../../../src/domain/findings";
import type { DocumentPlanData } from "../../../src/domain/plan-data";
import {
  cdePlanForImprovement,
  ddttActionPlan,
  perkinsActionPlan,
  sfssActionPlan,
} from "../../../src/templates";
import { buildPlan, type PlanValues, type SectionValues } from "../helpers/plan-builder";
import {
  cdeValues,
  correctPlans,
  ddttValues,
  perkinsValues,
  sfssChallenge,
  TODAY,
} from "../helpers/correct-plans";
import type { TemplateDefinition } from "../../../src/domain/template-definition";

function doc(def: TemplateDefinition, values: PlanValues): DocumentPlanData {
  return { format: "planassist.plan-data", version: 1, plans: [buildPlan(def, values)] };
}

function setRow(
  values: PlanValues,
  section: string,
  row: number,
  patch: Record<string, string>,
): PlanValues {
  const s = values[section] as SectionValues;
  const rows = [...(s.rows ?? [])];
  rows[row] = { ...rows[row], ...patch };
  return { ...values, [section]: { ...s, rows } };
}

function setField(
  values: PlanValues,
  section: string,
  patch: Record<string, string | string[]>,
): PlanValues {
  const s = values[section] as SectionValues;
  return { ...values, [section]: { ...s, fields: { ...s.fields, ...patch } } };
}

function clnaFrom(patch: (d: DocumentPlanData) => void): DocumentPlanData {
  const d = structuredClone(correctPlans().clna!);
  patch(d);
  return d;
}

function clnaField(d: DocumentPlanData, section: string, field: string) {
  const f = d.plans[0]?.sections.find((s) => s.id === section)?.fields.find((x) => x.id === field);
  if (!f) throw new Error(`no ${section}/${field}`);
  return f;
}

function clnaRowCell(d: DocumentPlanData, section: string, row: number, field: string) {
  const f = d.plans[0]?.sections
    .find((s) => s.id === section)
    ?.rows?.[row]?.cells.find((x) => x.id === field);
  if (!f) throw new Error(`no ${section}/${row}/${field}`);
  return f;
}

function codes(d: DocumentPlanData, today = TODAY): Finding[] {
  return checkPlans(d, { currentDate: today });
}

type Case = {
  rule: string;
  code: string;
  severity: Finding["severity"];
  failing: () => DocumentPlanData;
  passing: () => DocumentPlanData;
  field?: string;
};

const good = correctPlans();

const cases: Case[] = [
  // Common rules
  {
    rule: "field_values",
    code: "field_blank",
    severity: "error",
    field: "district-school-name",
    failing: () =>
      doc(ddttActionPlan, setField(ddttValues, "plan-header", { "district-school-name": "" })),
    passing: () => good["ddtt-action-plan"]!,
  },
  {
    rule: "field_values",
    code: "field_placeholder",
    severity: "error",
    field: "district-name",
    failing: () =>
      doc(sfssActionPlan, {
        ...correctSfss(),
        district: { fields: { "district-name": "<Insert district name>" } },
      }),
    passing: () => good["sfss-action-plan"]!,
  },
  {
    rule: "field_values",
    code: "field_not_applicable",
    severity: "error",
    field: "resources",
    failing: () => doc(ddttActionPlan, setRow(ddttValues, "action-steps", 1, { resources: "N/A" })),
    passing: () => good["ddtt-action-plan"]!,
  },
  {
    rule: "field_values",
    code: "date_unreadable",
    severity: "error",
    field: "deadline",
    failing: () =>
      doc(
        ddttActionPlan,
        setRow(ddttValues, "action-steps", 1, { deadline: "after the holidays" }),
      ),
    passing: () => good["ddtt-action-plan"]!,
  },
  {
    rule: "field_values",
    code: "date_month_only",
    severity: "warning",
    field: "deadline",
    failing: () =>
      doc(ddttActionPlan, setRow(ddttValues, "action-steps", 3, { deadline: "December 2026" })),
    passing: () => good["ddtt-action-plan"]!,
  },
  {
    rule: "field_values",
    code: "person_is_group",
    severity: "error",
    field: "owner",
    failing: () =>
      doc(ddttActionPlan, setRow(ddttValues, "action-steps", 0, { owner: "all staff" })),
    passing: () => good["ddtt-action-plan"]!,
  },
  {
    rule: "field_values",
    code: "field_placeholder",
    severity: "error",
    field: "owner",
    failing: () => doc(ddttActionPlan, setRow(ddttValues, "action-steps", 0, { owner: "TBD" })),
    passing: () => good["ddtt-action-plan"]!,
  },
  {
    rule: "field_values",
    code: "person_title_only",
    severity: "warning",
    field: "owner",
    failing: () =>
      doc(ddttActionPlan, setRow(ddttValues, "action-steps", 0, { owner: "Principal" })),
    passing: () => good["ddtt-action-plan"]!,
  },
  {
    rule: "field_values",
    code: "amount_unreadable",
    severity: "error",
    field: "anticipated-costs",
    failing: () =>
      doc(sfssActionPlan, {
        ...correctSfss(),
        resources: {
          rows: [
            {
              expenditure: "Stipends",
              "anticipated-costs": "some money",
              "funding-source": "Title I",
            },
          ],
        },
      }),
    passing: () => good["sfss-action-plan"]!,
  },
  {
    rule: "field_values",
    code: "field_blank",
    severity: "error",
    field: "funding-source",
    failing: () =>
      doc(sfssActionPlan, {
        ...correctSfss(),
        resources: {
          rows: [{ expenditure: "Stipends", "anticipated-costs": "$1,000", "funding-source": "" }],
        },
      }),
    passing: () => good["sfss-action-plan"]!,
  },
  {
    rule: "field_values",
    code: "choice_missing",
    severity: "error",
    field: "criterion-1-1",
    failing: () =>
      clnaFrom((d) => void (clnaField(d, "component-1-ratings", "criterion-1-1").value = [])),
    passing: () => good.clna!,
  },
  {
    rule: "field_values",
    code: "choice_multiple",
    severity: "error",
    field: "criterion-1-1",
    failing: () =>
      clnaFrom(
        (d) =>
          void (clnaField(d, "component-1-ratings", "criterion-1-1").value = [
            "Exemplar",
            "Developing",
          ]),
      ),
    passing: () => good.clna!,
  },
  {
    rule: "field_values",
    code: "choice_missing",
    severity: "error",
    field: "item-7-1-1",
    failing: () => clnaFrom((d) => void (clnaField(d, "compliance", "item-7-1-1").value = [])),
    passing: () => good.clna!,
  },
  {
    rule: "field_values",
    code: "ratio_unreadable",
    severity: "error",
    field: "staff-ratio-all-students",
    failing: () =>
      clnaFrom(
        (d) =>
          void (clnaField(d, "component-1-review", "staff-ratio-all-students").value =
            "about twelve"),
      ),
    passing: () => good.clna!,
  },
  {
    rule: "field_values",
    code: "percentage_without_sign",
    severity: "warning",
    field: "ela-mcas-all-students",
    failing: () =>
      clnaFrom(
        (d) => void (clnaField(d, "component-1-review", "ela-mcas-all-students").value = "64"),
      ),
    passing: () => good.clna!,
  },
  {
    rule: "field_values",
    code: "count_not_whole",
    severity: "error",
    field: "enrollment-all-students",
    failing: () =>
      clnaFrom(
        (d) =>
          void (clnaField(d, "component-1-review", "enrollment-all-students").value = "1240.5"),
      ),
    passing: () => good.clna!,
  },
  {
    rule: "field_values",
    code: "field_blank",
    severity: "error",
    field: "review-date",
    failing: () =>
      doc(cdePlanForImprovement, {
        ...cdeValues,
        "monitoring-log": {
          rows: [{ "review-date": "", "data-reviewed": "Interim ELA", progress: "On track" }],
        },
      }),
    passing: () =>
      doc(cdePlanForImprovement, {
        ...cdeValues,
        "monitoring-log": {
          rows: [
            { "review-date": "1/15/2027", "data-reviewed": "Interim ELA", progress: "On track" },
          ],
        },
      }),
  },
  {
    rule: "rows_minimum",
    code: "rows_missing",
    severity: "error",
    field: "action-step",
    failing: () => doc(ddttActionPlan, { ...ddttValues, "action-steps": { rows: [] } }),
    passing: () => good["ddtt-action-plan"]!,
  },
  {
    rule: "one_owner_for_everything",
    code: "one_owner_for_everything",
    severity: "warning",
    field: "owner",
    failing: () =>
      doc(
        ddttActionPlan,
        [0, 1, 2, 3].reduce(
          (v, i) =>
            setRow(v, "action-steps", i, {
              owner: i % 2 ? "maria lopez" : "Dr. Maria Lopez, Principal",
            }),
          ddttValues,
        ),
      ),
    passing: () =>
      doc(ddttActionPlan, {
        ...ddttValues,
        "action-steps": {
          rows: (ddttValues["action-steps"] as SectionValues)
            .rows!.slice(0, 3)
            .map((r) => ({ ...r, owner: "Maria Lopez" })),
        },
      }),
  },
  // DDTT
  {
    rule: "ddtt_steps_in_order",
    code: "step_out_of_order",
    severity: "warning",
    field: "deadline",
    failing: () =>
      doc(ddttActionPlan, setRow(ddttValues, "action-steps", 2, { deadline: "10/1/2026" })),
    passing: () => good["ddtt-action-plan"]!,
  },
  {
    rule: "ddtt_deadline_before_today",
    code: "deadline_before_today",
    severity: "warning",
    field: "deadline",
    failing: () =>
      doc(ddttActionPlan, setRow(ddttValues, "action-steps", 0, { deadline: "8/15/2026" })),
    passing: () => good["ddtt-action-plan"]!,
  },
  {
    rule: "ddtt_measures_observable",
    code: "measure_not_observable",
    severity: "warning",
    field: "measures",
    failing: () =>
      doc(
        ddttActionPlan,
        setRow(ddttValues, "action-steps", 1, { measures: "Teachers feel more confident" }),
      ),
    passing: () => good["ddtt-action-plan"]!,
  },
  {
    rule: "ddtt_measures_observable",
    code: "measure_restates_action",
    severity: "warning",
    field: "measures",
    failing: () =>
      doc(
        ddttActionPlan,
        setRow(ddttValues, "action-steps", 1, { measures: "Teachers trained on item analysis" }),
      ),
    passing: () => good["ddtt-action-plan"]!,
  },
  // Perkins
  {
    rule: "perkins_theory_if_then",
    code: "theory_not_if_then",
    severity: "warning",
    field: "theory-of-action",
    failing: () =>
      doc(
        perkinsActionPlan,
        setField(perkinsValues, "theory-of-action", {
          "theory-of-action": "Better advisory input improves credentials.",
        }),
      ),
    passing: () => doc(perkinsActionPlan, perkinsValues),
  },
  {
    rule: "perkins_completion_status",
    code: "completion_status_invalid",
    severity: "warning",
    field: "completion",
    failing: () =>
      doc(perkinsActionPlan, setRow(perkinsValues, "actions", 0, { completion: "mostly" })),
    passing: () =>
      doc(
        perkinsActionPlan,
        setRow(perkinsValues, "actions", 0, { completion: "Completed 12/1/2026" }),
      ),
  },
  {
    rule: "perkins_participation_roles",
    code: "participation_names_nobody",
    severity: "warning",
    field: "participation",
    failing: () =>
      doc(
        perkinsActionPlan,
        setRow(perkinsValues, "actions", 0, { participation: "everyone helps out" }),
      ),
    passing: () => doc(perkinsActionPlan, perkinsValues),
  },
  {
    rule: "perkins_timeline_in_plan_window",
    code: "date_outside_plan_window",
    severity: "warning",
    field: "timeline",
    failing: () =>
      doc(perkinsActionPlan, setRow(perkinsValues, "actions", 0, { timeline: "Sept-Dec 2029" })),
    passing: () => doc(perkinsActionPlan, perkinsValues),
  },
  {
    rule: "field_values",
    code: "date_range_unreadable",
    severity: "error",
    field: "timeline",
    failing: () =>
      doc(perkinsActionPlan, setRow(perkinsValues, "actions", 0, { timeline: "over the year" })),
    passing: () => doc(perkinsActionPlan, perkinsValues),
  },
  {
    rule: "perkins_evidence_names_data",
    code: "evidence_names_no_data",
    severity: "warning",
    field: "evidence-of-progress",
    failing: () =>
      doc(
        perkinsActionPlan,
        setField(perkinsValues, "progress", { "evidence-of-progress": "We will see how it goes." }),
      ),
    passing: () => doc(perkinsActionPlan, perkinsValues),
  },
  {
    rule: "perkins_year_attainment",
    code: "year_2_before_year_1",
    severity: "warning",
    field: "year-2-attainment",
    failing: () =>
      doc(perkinsActionPlan, setField(perkinsValues, "progress", { "year-2-attainment": "Done." })),
    passing: () =>
      doc(
        perkinsActionPlan,
        setField(perkinsValues, "progress", {
          "year-1-attainment": "Met.",
          "year-2-attainment": "Met.",
        }),
      ),
  },
  {
    rule: "field_values",
    code: "field_blank",
    severity: "error",
    field: "milestone-2",
    failing: () =>
      doc(perkinsActionPlan, setField(perkinsValues, "theory-of-action", { "milestone-2": "" })),
    passing: () => doc(perkinsActionPlan, perkinsValues),
  },
  // CLNA
  {
    rule: "clna_plan_dates_in_order",
    code: "plan_dates_out_of_order",
    severity: "error",
    field: "next-revisit-date",
    failing: () =>
      clnaFrom(
        (d) => void (clnaField(d, "action-plan-goals", "next-revisit-date").value = "8/1/2026"),
      ),
    passing: () => good.clna!,
  },
  {
    rule: "clna_three_month_next_steps",
    code: "next_step_beyond_three_months",
    severity: "warning",
    field: "by-when",
    failing: () =>
      clnaFrom((d) => void (clnaRowCell(d, "school-next-steps", 1, "by-when").value = "3/1/2027")),
    passing: () => good.clna!,
  },
  {
    rule: "clna_three_month_next_steps",
    code: "date_outside_plan_window",
    severity: "warning",
    field: "by-when",
    failing: () =>
      clnaFrom((d) => void (clnaRowCell(d, "school-next-steps", 0, "by-when").value = "8/1/2026")),
    passing: () => good.clna!,
  },
  {
    rule: "clna_quality_component",
    code: "quality_component_unknown",
    severity: "error",
    field: "quality-component",
    failing: () =>
      clnaFrom(
        (d) =>
          void (clnaField(d, "action-plan-goals", "quality-component").value = "Student happiness"),
      ),
    passing: () =>
      clnaFrom(
        (d) =>
          void (clnaField(d, "action-plan-goals", "quality-component").value =
            "3: Equitable access"),
      ),
  },
  {
    rule: "clna_weak_ratings_addressed",
    code: "weak_rating_not_addressed",
    severity: "warning",
    field: "quality-component",
    failing: () =>
      clnaFrom(
        (d) =>
          void (clnaField(d, "action-plan-goals", "quality-component").value =
            "Teaching & Learning"),
      ),
    passing: () => good.clna!,
  },
  {
    rule: "clna_weak_ratings_addressed",
    code: "weak_rating_not_addressed",
    severity: "warning",
    field: "quality-component",
    failing: () => clnaFrom((d) => void (clnaField(d, "compliance", "item-7-2-1").value = ["No"])),
    passing: () =>
      clnaFrom((d) => {
        clnaField(d, "compliance", "item-7-2-1").value = ["No"];
        clnaField(d, "action-plan-goals", "quality-component").value =
          "Compliance/Regulatory Requirements";
      }),
  },
  {
    rule: "clna_metric_target_observable",
    code: "measure_not_observable",
    severity: "warning",
    field: "metric-target",
    failing: () =>
      clnaFrom(
        (d) =>
          void (clnaField(d, "action-plan-goals", "metric-target").value =
            "Students get better choices"),
      ),
    passing: () => good.clna!,
  },
  // SFSS
  {
    rule: "sfss_target_outcomes_observable",
    code: "measure_not_observable",
    severity: "warning",
    field: "target-outcomes",
    failing: () =>
      doc(sfssActionPlan, {
        ...correctSfss(),
        challenge: [
          {
            ...sfssChallenge(1).challenge,
            fields: {
              ...sfssChallenge(1).challenge.fields,
              "target-outcomes": "Students feel welcome",
            },
          },
          sfssChallenge(2).challenge,
        ],
      }),
    passing: () => good["sfss-action-plan"]!,
  },
  {
    rule: "sfss_challenge_count",
    code: "challenges_too_few",
    severity: "warning",
    failing: () => doc(sfssActionPlan, sfssWith(1)),
    passing: () => doc(sfssActionPlan, sfssWith(4)),
  },
  {
    rule: "sfss_challenge_count",
    code: "challenges_too_many",
    severity: "warning",
    failing: () => doc(sfssActionPlan, sfssWith(5)),
    passing: () => doc(sfssActionPlan, sfssWith(2)),
  },
  {
    rule: "field_values",
    code: "choice_missing",
    severity: "error",
    field: "priorities",
    failing: () =>
      doc(sfssActionPlan, {
        ...correctSfss(),
        strategies: [
          {
            ...sfssChallenge(1).strategies,
            rows: [{ ...sfssChallenge(1).strategies.rows[0]!, priorities: "" }],
          },
          sfssChallenge(2).strategies,
        ],
      }),
    passing: () => good["sfss-action-plan"]!,
  },
  {
    rule: "field_values",
    code: "field_blank",
    severity: "error",
    field: "root-cause-a",
    failing: () =>
      doc(sfssActionPlan, {
        ...correctSfss(),
        "root-causes": [
          { block: 1, fields: { "root-cause-a": "" } },
          sfssChallenge(2)["root-causes"],
        ],
      }),
    passing: () => good["sfss-action-plan"]!,
  },
  // CDE
  {
    rule: "cde_targets_observable",
    code: "measure_not_observable",
    severity: "warning",
    field: "long-term-target",
    failing: () =>
      doc(
        cdePlanForImprovement,
        setRow(cdeValues, "problems-of-practice", 0, { "long-term-target": "Closing the gap" }),
      ),
    passing: () => good["cde-plan-for-improvement"]!,
  },
  {
    rule: "cde_measurable_outcome",
    code: "outcome_not_quantifiable",
    severity: "warning",
    field: "measurable-outcome",
    failing: () =>
      doc(
        cdePlanForImprovement,
        setRow(cdeValues, "problems-of-practice", 0, {
          "measurable-outcome": "Students with disabilities do better in ELA",
        }),
      ),
    passing: () => good["cde-plan-for-improvement"]!,
  },
  {
    rule: "cde_measurable_outcome",
    code: "outcome_not_about_students",
    severity: "warning",
    field: "measurable-outcome",
    failing: () =>
      doc(
        cdePlanForImprovement,
        setRow(cdeValues, "problems-of-practice", 0, {
          "measurable-outcome": "Hold 12 co-teaching trainings",
        }),
      ),
    passing: () => good["cde-plan-for-improvement"]!,
  },
  {
    rule: "cde_baseline_dated",
    code: "baseline_without_date",
    severity: "warning",
    field: "baseline",
    failing: () =>
      doc(
        cdePlanForImprovement,
        setRow(cdeValues, "problems-of-practice", 0, { baseline: "12% proficient" }),
      ),
    passing: () => good["cde-plan-for-improvement"]!,
  },
  {
    rule: "cde_strategies_name_problems",
    code: "strategy_names_no_problem",
    severity: "warning",
    field: "problems-addressed",
    failing: () =>
      doc(
        cdePlanForImprovement,
        setField(cdeValues, "strategy", { "problems-addressed": "Problem of Practice 3" }),
      ),
    passing: () =>
      doc(
        cdePlanForImprovement,
        setField(cdeValues, "strategy", { "problems-addressed": "SWD ELA scores far below peers" }),
      ),
  },
  {
    rule: "cde_activity_dates",
    code: "activity_dates_reversed",
    severity: "error",
    field: "end-date",
    failing: () =>
      doc(cdePlanForImprovement, setRow(cdeValues, "activities", 0, { "end-date": "9/1/2026" })),
    passing: () => good["cde-plan-for-improvement"]!,
  },
  {
    rule: "cde_activity_dates",
    code: "monitoring_date_outside_activity",
    severity: "warning",
    field: "monitoring-dates",
    failing: () =>
      doc(
        cdePlanForImprovement,
        setRow(cdeValues, "activities", 0, { "monitoring-dates": "11/15/2026; 8/15/2027" }),
      ),
    passing: () => good["cde-plan-for-improvement"]!,
  },
  {
    rule: "cde_activity_dates",
    code: "monitoring_dates_unreadable",
    severity: "error",
    field: "monitoring-dates",
    failing: () =>
      doc(
        cdePlanForImprovement,
        setRow(cdeValues, "activities", 0, { "monitoring-dates": "quarterly" }),
      ),
    passing: () => good["cde-plan-for-improvement"]!,
  },
  {
    rule: "field_values",
    code: "person_is_group",
    severity: "error",
    field: "oversight",
    failing: () =>
      doc(
        cdePlanForImprovement,
        setRow(cdeValues, "activities", 0, { oversight: "SPED department" }),
      ),
    passing: () => good["cde-plan-for-improvement"]!,
  },
];

function correctSfss(): PlanValues {
  return sfssWith(2);
}

function sfssWith(n: number): PlanValues {
  const blocks = Array.from({ length: n }, (_, i) => sfssChallenge(i + 1));
  return {
    district: { fields: { "district-name": "Springfield Public Schools" } },
    challenge: blocks.map((b) => b.challenge),
    "root-causes": blocks.map((b) => b["root-causes"]),
    strategies: blocks.map((b) => b.strategies),
  };
}

describe.each(cases)("rule $rule: $code", (c) => {
  it(`reports ${c.code} (${c.severity}) on the field it is about`, () => {
    const found = codes(c.failing()).filter((f) => f.code === c.code);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]?.severity).toBe(c.severity);
    expect(found[0]?.rule).toBe(c.rule);
    if (c.field) expect(found.map((f) => f.field)).toContain(c.field);
    for (const f of found) expect(findingSchema.safeParse(f).success).toBe(true);
  });
  it(`does not report ${c.code} when the plan is right`, () => {
    expect(codes(c.passing()).filter((f) => f.code === c.code)).toEqual([]);
  });
});

describe("findings", () => {
  it("carry the cell location of the field they are about", () => {
    const f = codes(
      doc(ddttActionPlan, setRow(ddttValues, "action-steps", 2, { owner: "team" })),
    ).find((x) => x.code === "person_is_group");
    expect(f?.location).toMatchObject({ kind: "cell", row: 3, cell: 3 });
    expect(f?.row).toBe(2);
  });
  it("never quote what was typed in the message", () => {
    const all = codes(
      doc(
        ddttActionPlan,
        setRow(ddttValues, "action-steps", 0, {
          owner: "Principal Skinner committee",
          measures: "Zyxwv happens",
        }),
      ),
    );
    expect(all.length).toBeGreaterThan(0);
    for (const f of all) expect(f.message).not.toMatch(/Skinner|Zyxwv/);
  });
  it("use today's date written in the plan before the current date", () => {
    const v = setField(ddttValues, "plan-header", { "todays-date": "12/1/2026" });
    const found = codes(doc(ddttActionPlan, v), "2026-01-01").filter(
      (f) => f.code === "deadline_before_today",
    );
    expect(found.length).toBe(3);
  });
  it("fall back to the current date when the plan has none", () => {
    const v = setField(ddttValues, "plan-header", { "todays-date": "" });
    expect(
      codes(doc(ddttActionPlan, v), "2026-10-01").filter((f) => f.code === "deadline_before_today")
        .length,
    ).toBe(1);
    expect(
      codes(doc(ddttActionPlan, v), "2026-01-01").filter((f) => f.code === "deadline_before_today")
        .length,
    ).toBe(0);
  });
  it("show the date the strategy is fully operational as info", () => {
    const f = codes(good["ddtt-action-plan"]!).find((x) => x.code === "strategy_operational_date");
    expect(f?.severity).toBe("info");
    expect(f?.reading).toContain("December 15, 2026");
  });
  it("list the signature lines of a Perkins file once, with its last plan, as to-do items", () => {
    const sig = codes(good["perkins-action-plan"]!).filter((x) => x.code === "signature_to_do");
    expect(sig.length).toBeGreaterThan(0);
    expect(new Set(sig.map((s) => `${s.severity} ${s.plan}`))).toEqual(new Set(["info 1"]));
  });
});
