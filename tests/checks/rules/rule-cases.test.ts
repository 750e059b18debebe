/**
 * Each rule with a failing case (one value changed in a correctly filled plan) and a passing case
 * (the correctly filled plan itself, or a variant that the rule accepts). The cases are a table:
 * each names its plans through the builders below, so a case reads as the change it makes.
 */
import { checkPlans } from "../../../src/domain/rules";
import { findingSchema, type Finding } from "../../../src/domain/findings";
import type { DocumentPlanData, FieldData } from "../../../src/domain/plan-data";
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

/** Makes a case's plan afresh each time it is asked for. */
type Plan = () => DocumentPlanData;

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

/** Plans of one template built from its values: as they are, or with a change. */
function plansFrom(def: TemplateDefinition, values: PlanValues) {
  const from =
    (change: (v: PlanValues) => PlanValues): Plan =>
    () =>
      doc(def, change(values));
  return {
    /** The values as they are. */
    as: from((v) => v),
    from,
    /** Whole sections replaced. */
    with: (patch: PlanValues) => from((v) => ({ ...v, ...patch })),
    /** Cells of one row changed. */
    row: (section: string, row: number, patch: Record<string, string>) =>
      from((v) => setRow(v, section, row, patch)),
    /** Form fields of one section changed. */
    field: (section: string, patch: Record<string, string | string[]>) =>
      from((v) => setField(v, section, patch)),
  };
}

function findField(d: DocumentPlanData, section: string, field: string): FieldData {
  const f = d.plans[0]?.sections.find((s) => s.id === section)?.fields.find((x) => x.id === field);
  if (!f) throw new Error(`no ${section}/${field}`);
  return f;
}

function findRowCell(d: DocumentPlanData, section: string, row: number, field: string): FieldData {
  const f = d.plans[0]?.sections
    .find((s) => s.id === section)
    ?.rows?.[row]?.cells.find((x) => x.id === field);
  if (!f) throw new Error(`no ${section}/${row}/${field}`);
  return f;
}

/** The CLNA's correctly filled plan data (it has no values of its own), changed in place. */
const clna = {
  as: (): DocumentPlanData => structuredClone(correctPlans().clna!),
  edit:
    (patch: (d: DocumentPlanData) => void): Plan =>
    () => {
      const d = clna.as();
      patch(d);
      return d;
    },
  /** Form fields set: [section, field, value] each. */
  field: (...changes: readonly [string, string, FieldData["value"]][]): Plan =>
    clna.edit((d) => {
      for (const [section, field, value] of changes) findField(d, section, field).value = value;
    }),
  /** One cell of a row set. */
  cell: (section: string, row: number, field: string, value: string): Plan =>
    clna.edit((d) => void (findRowCell(d, section, row, field).value = value)),
};

function sfssWith(n: number): PlanValues {
  const blocks = Array.from({ length: n }, (_, i) => sfssChallenge(i + 1));
  return {
    district: { fields: { "district-name": "Springfield Public Schools" } },
    challenge: blocks.map((b) => b.challenge),
    "root-causes": blocks.map((b) => b["root-causes"]),
    strategies: blocks.map((b) => b.strategies),
  };
}

const good = correctPlans();
/** The correctly filled plans, as the passing side of most cases. */
const ddttGood: Plan = () => good["ddtt-action-plan"]!;
const sfssGood: Plan = () => good["sfss-action-plan"]!;
const cdeGood: Plan = () => good["cde-plan-for-improvement"]!;
const clnaGood: Plan = () => good.clna!;

const ddtt = plansFrom(ddttActionPlan, ddttValues);
const perkins = plansFrom(perkinsActionPlan, perkinsValues);
/** Two challenges, without the resources table. */
const sfss = plansFrom(sfssActionPlan, sfssWith(2));
const sfssChallenges = (n: number): Plan => plansFrom(sfssActionPlan, sfssWith(n)).as;
const cde = plansFrom(cdePlanForImprovement, cdeValues);

function codes(d: DocumentPlanData, today = TODAY): Finding[] {
  return checkPlans(d, { currentDate: today });
}

type Case = {
  rule: string;
  code: string;
  severity: Finding["severity"];
  /** The field the finding is about (a finding about a whole plan names none). */
  field?: string;
  failing: Plan;
  passing: Plan;
};

const cases: Case[] = [
  // Common rules
  {
    rule: "field_values",
    code: "field_blank",
    severity: "error",
    field: "district-school-name",
    failing: ddtt.field("plan-header", { "district-school-name": "" }),
    passing: ddttGood,
  },
  {
    rule: "field_values",
    code: "field_placeholder",
    severity: "error",
    field: "district-name",
    failing: sfss.with({ district: { fields: { "district-name": "<Insert district name>" } } }),
    passing: sfssGood,
  },
  {
    rule: "field_values",
    code: "field_not_applicable",
    severity: "error",
    field: "resources",
    failing: ddtt.row("action-steps", 1, { resources: "N/A" }),
    passing: ddttGood,
  },
  {
    rule: "field_values",
    code: "date_unreadable",
    severity: "error",
    field: "deadline",
    failing: ddtt.row("action-steps", 1, { deadline: "after the holidays" }),
    passing: ddttGood,
  },
  {
    rule: "field_values",
    code: "date_month_only",
    severity: "warning",
    field: "deadline",
    failing: ddtt.row("action-steps", 3, { deadline: "December 2026" }),
    passing: ddttGood,
  },
  {
    rule: "field_values",
    code: "person_is_group",
    severity: "error",
    field: "owner",
    failing: ddtt.row("action-steps", 0, { owner: "all staff" }),
    passing: ddttGood,
  },
  {
    rule: "field_values",
    code: "field_placeholder",
    severity: "error",
    field: "owner",
    failing: ddtt.row("action-steps", 0, { owner: "TBD" }),
    passing: ddttGood,
  },
  {
    rule: "field_values",
    code: "person_title_only",
    severity: "warning",
    field: "owner",
    failing: ddtt.row("action-steps", 0, { owner: "Principal" }),
    passing: ddttGood,
  },
  {
    rule: "field_values",
    code: "amount_unreadable",
    severity: "error",
    field: "anticipated-costs",
    failing: sfss.with({
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
    passing: sfssGood,
  },
  {
    rule: "field_values",
    code: "field_blank",
    severity: "error",
    field: "funding-source",
    failing: sfss.with({
      resources: {
        rows: [{ expenditure: "Stipends", "anticipated-costs": "$1,000", "funding-source": "" }],
      },
    }),
    passing: sfssGood,
  },
  {
    rule: "field_values",
    code: "choice_missing",
    severity: "error",
    field: "criterion-1-1",
    failing: clna.field(["component-1-ratings", "criterion-1-1", []]),
    passing: clnaGood,
  },
  {
    rule: "field_values",
    code: "choice_multiple",
    severity: "error",
    field: "criterion-1-1",
    failing: clna.field(["component-1-ratings", "criterion-1-1", ["Exemplar", "Developing"]]),
    passing: clnaGood,
  },
  {
    rule: "field_values",
    code: "choice_missing",
    severity: "error",
    field: "item-7-1-1",
    failing: clna.field(["compliance", "item-7-1-1", []]),
    passing: clnaGood,
  },
  {
    rule: "field_values",
    code: "ratio_unreadable",
    severity: "error",
    field: "staff-ratio-all-students",
    failing: clna.field(["component-1-review", "staff-ratio-all-students", "about twelve"]),
    passing: clnaGood,
  },
  {
    rule: "field_values",
    code: "percentage_without_sign",
    severity: "warning",
    field: "ela-mcas-all-students",
    failing: clna.field(["component-1-review", "ela-mcas-all-students", "64"]),
    passing: clnaGood,
  },
  {
    rule: "field_values",
    code: "count_not_whole",
    severity: "error",
    field: "enrollment-all-students",
    failing: clna.field(["component-1-review", "enrollment-all-students", "1240.5"]),
    passing: clnaGood,
  },
  {
    rule: "field_values",
    code: "field_blank",
    severity: "error",
    field: "review-date",
    failing: cde.with({
      "monitoring-log": {
        rows: [{ "review-date": "", "data-reviewed": "Interim ELA", progress: "On track" }],
      },
    }),
    passing: cde.with({
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
    failing: ddtt.with({ "action-steps": { rows: [] } }),
    passing: ddttGood,
  },
  {
    rule: "one_owner_for_everything",
    code: "one_owner_for_everything",
    severity: "warning",
    field: "owner",
    failing: ddtt.from((values) =>
      [0, 1, 2, 3].reduce(
        (v, i) =>
          setRow(v, "action-steps", i, {
            owner: i % 2 ? "maria lopez" : "Dr. Maria Lopez, Principal",
          }),
        values,
      ),
    ),
    passing: ddtt.with({
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
    failing: ddtt.row("action-steps", 2, { deadline: "10/1/2026" }),
    passing: ddttGood,
  },
  {
    rule: "ddtt_deadline_before_today",
    code: "deadline_before_today",
    severity: "warning",
    field: "deadline",
    failing: ddtt.row("action-steps", 0, { deadline: "8/15/2026" }),
    passing: ddttGood,
  },
  {
    rule: "ddtt_deadline_within_window",
    code: "deadline_far_ahead",
    severity: "warning",
    field: "deadline",
    failing: ddtt.row("action-steps", 2, { deadline: "12/15/2036" }),
    passing: ddttGood,
  },
  {
    rule: "ddtt_measures_observable",
    code: "measure_not_observable",
    severity: "warning",
    field: "measures",
    failing: ddtt.row("action-steps", 1, { measures: "Teachers feel more confident" }),
    passing: ddttGood,
  },
  {
    rule: "ddtt_measures_observable",
    code: "measure_restates_action",
    severity: "warning",
    field: "measures",
    failing: ddtt.row("action-steps", 1, { measures: "Teachers trained on item analysis" }),
    passing: ddttGood,
  },
  // Perkins
  {
    rule: "perkins_theory_if_then",
    code: "theory_not_if_then",
    severity: "warning",
    field: "theory-of-action",
    failing: perkins.field("theory-of-action", {
      "theory-of-action": "Better advisory input improves credentials.",
    }),
    passing: perkins.as,
  },
  {
    rule: "perkins_completion_status",
    code: "completion_status_invalid",
    severity: "warning",
    field: "completion",
    failing: perkins.row("actions", 0, { completion: "mostly" }),
    passing: perkins.row("actions", 0, { completion: "Completed 12/1/2026" }),
  },
  {
    rule: "perkins_participation_roles",
    code: "participation_names_nobody",
    severity: "warning",
    field: "participation",
    failing: perkins.row("actions", 0, { participation: "everyone helps out" }),
    passing: perkins.as,
  },
  {
    rule: "perkins_timeline_in_plan_window",
    code: "date_outside_plan_window",
    severity: "warning",
    field: "timeline",
    failing: perkins.row("actions", 0, { timeline: "Sept-Dec 2029" }),
    passing: perkins.as,
  },
  {
    rule: "field_values",
    code: "date_range_unreadable",
    severity: "error",
    field: "timeline",
    failing: perkins.row("actions", 0, { timeline: "over the year" }),
    passing: perkins.as,
  },
  {
    rule: "perkins_evidence_names_data",
    code: "evidence_names_no_data",
    severity: "warning",
    field: "evidence-of-progress",
    failing: perkins.field("progress", { "evidence-of-progress": "We will see how it goes." }),
    passing: perkins.as,
  },
  {
    rule: "perkins_year_attainment",
    code: "year_2_before_year_1",
    severity: "warning",
    field: "year-2-attainment",
    failing: perkins.field("progress", { "year-2-attainment": "Done." }),
    passing: perkins.field("progress", {
      "year-1-attainment": "Met.",
      "year-2-attainment": "Met.",
    }),
  },
  {
    rule: "field_values",
    code: "field_blank",
    severity: "error",
    field: "milestone-2",
    failing: perkins.field("theory-of-action", { "milestone-2": "" }),
    passing: perkins.as,
  },
  // CLNA
  {
    rule: "clna_plan_dates_in_order",
    code: "plan_dates_out_of_order",
    severity: "error",
    field: "next-revisit-date",
    failing: clna.field(["action-plan-goals", "next-revisit-date", "8/1/2026"]),
    passing: clnaGood,
  },
  {
    rule: "clna_three_month_next_steps",
    code: "next_step_beyond_three_months",
    severity: "warning",
    field: "by-when",
    failing: clna.cell("school-next-steps", 1, "by-when", "3/1/2027"),
    passing: clnaGood,
  },
  {
    rule: "clna_three_month_next_steps",
    code: "date_outside_plan_window",
    severity: "warning",
    field: "by-when",
    failing: clna.cell("school-next-steps", 0, "by-when", "8/1/2026"),
    passing: clnaGood,
  },
  {
    rule: "clna_quality_component",
    code: "quality_component_unknown",
    severity: "error",
    field: "quality-component",
    failing: clna.field(["action-plan-goals", "quality-component", "Student happiness"]),
    passing: clna.field(["action-plan-goals", "quality-component", "3: Equitable access"]),
  },
  {
    rule: "clna_weak_ratings_addressed",
    code: "weak_rating_not_addressed",
    severity: "warning",
    field: "quality-component",
    failing: clna.field(["action-plan-goals", "quality-component", "Teaching & Learning"]),
    passing: clnaGood,
  },
  {
    rule: "clna_weak_ratings_addressed",
    code: "weak_rating_not_addressed",
    severity: "warning",
    field: "quality-component",
    failing: clna.field(["compliance", "item-7-2-1", ["No"]]),
    passing: clna.field(
      ["compliance", "item-7-2-1", ["No"]],
      ["action-plan-goals", "quality-component", "Compliance/Regulatory Requirements"],
    ),
  },
  {
    rule: "clna_metric_target_observable",
    code: "measure_not_observable",
    severity: "warning",
    field: "metric-target",
    failing: clna.field(["action-plan-goals", "metric-target", "Students get better choices"]),
    passing: clnaGood,
  },
  // SFSS
  {
    rule: "sfss_target_outcomes_observable",
    code: "measure_not_observable",
    severity: "warning",
    field: "target-outcomes",
    failing: sfss.with({
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
    passing: sfssGood,
  },
  {
    rule: "sfss_challenge_count",
    code: "challenges_too_few",
    severity: "warning",
    failing: sfssChallenges(1),
    passing: sfssChallenges(4),
  },
  {
    rule: "sfss_challenge_count",
    code: "challenges_too_many",
    severity: "warning",
    failing: sfssChallenges(5),
    passing: sfssChallenges(2),
  },
  {
    rule: "field_values",
    code: "choice_missing",
    severity: "error",
    field: "priorities",
    failing: sfss.with({
      strategies: [
        {
          ...sfssChallenge(1).strategies,
          rows: [{ ...sfssChallenge(1).strategies.rows[0]!, priorities: "" }],
        },
        sfssChallenge(2).strategies,
      ],
    }),
    passing: sfssGood,
  },
  {
    rule: "field_values",
    code: "field_blank",
    severity: "error",
    field: "root-cause-a",
    failing: sfss.with({
      "root-causes": [
        { block: 1, fields: { "root-cause-a": "" } },
        sfssChallenge(2)["root-causes"],
      ],
    }),
    passing: sfssGood,
  },
  // CDE
  {
    rule: "cde_targets_observable",
    code: "measure_not_observable",
    severity: "warning",
    field: "long-term-target",
    failing: cde.row("problems-of-practice", 0, { "long-term-target": "Closing the gap" }),
    passing: cdeGood,
  },
  {
    rule: "cde_measurable_outcome",
    code: "outcome_not_quantifiable",
    severity: "warning",
    field: "measurable-outcome",
    failing: cde.row("problems-of-practice", 0, {
      "measurable-outcome": "Students with disabilities do better in ELA",
    }),
    passing: cdeGood,
  },
  {
    rule: "cde_measurable_outcome",
    code: "outcome_not_about_students",
    severity: "warning",
    field: "measurable-outcome",
    failing: cde.row("problems-of-practice", 0, {
      "measurable-outcome": "Hold 12 co-teaching trainings",
    }),
    passing: cdeGood,
  },
  {
    rule: "cde_baseline_dated",
    code: "baseline_without_date",
    severity: "warning",
    field: "baseline",
    failing: cde.row("problems-of-practice", 0, { baseline: "12% proficient" }),
    passing: cdeGood,
  },
  {
    rule: "cde_strategies_name_problems",
    code: "strategy_names_no_problem",
    severity: "warning",
    field: "problems-addressed",
    failing: cde.field("strategy", { "problems-addressed": "Problem of Practice 3" }),
    passing: cde.field("strategy", { "problems-addressed": "SWD ELA scores far below peers" }),
  },
  {
    rule: "cde_activity_dates",
    code: "activity_dates_reversed",
    severity: "error",
    field: "end-date",
    failing: cde.row("activities", 0, { "end-date": "9/1/2026" }),
    passing: cdeGood,
  },
  {
    rule: "cde_activity_dates",
    code: "monitoring_date_outside_activity",
    severity: "warning",
    field: "monitoring-dates",
    failing: cde.row("activities", 0, { "monitoring-dates": "11/15/2026; 8/15/2027" }),
    passing: cdeGood,
  },
  {
    rule: "cde_activity_dates",
    code: "monitoring_dates_unreadable",
    severity: "error",
    field: "monitoring-dates",
    failing: cde.row("activities", 0, { "monitoring-dates": "quarterly" }),
    passing: cdeGood,
  },
  {
    rule: "field_values",
    code: "person_is_group",
    severity: "error",
    field: "oversight",
    failing: cde.row("activities", 0, { oversight: "SPED department" }),
    passing: cdeGood,
  },
];

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
    const f = codes(ddtt.row("action-steps", 2, { owner: "team" })()).find(
      (x) => x.code === "person_is_group",
    );
    expect(f?.location).toMatchObject({ kind: "cell", row: 3, cell: 3 });
    expect(f?.row).toBe(2);
  });
  it("never quote what was typed in the message", () => {
    const all = codes(
      ddtt.row("action-steps", 0, {
        owner: "Principal Skinner committee",
        measures: "Zyxwv happens",
      })(),
    );
    expect(all.length).toBeGreaterThan(0);
    for (const f of all) expect(f.message).not.toMatch(/Skinner|Zyxwv/);
  });
  it("use today's date written in the plan before the current date", () => {
    const plan = ddtt.field("plan-header", { "todays-date": "12/1/2026" });
    const found = codes(plan(), "2026-01-01").filter((f) => f.code === "deadline_before_today");
    expect(found.length).toBe(3);
  });
  it("fall back to the current date when the plan has none", () => {
    const plan = ddtt.field("plan-header", { "todays-date": "" });
    const late = (today: string) =>
      codes(plan(), today).filter((f) => f.code === "deadline_before_today").length;
    expect(late("2026-10-01")).toBe(1);
    expect(late("2026-01-01")).toBe(0);
  });
  it("accept a named artifact such as a presentation delivered as an observable measure", () => {
    const found = codes(
      ddtt.row("action-steps", 1, { measures: "Presentation delivered to the board" })(),
    ).filter((f) => f.code === "measure_not_observable");
    expect(found).toEqual([]);
  });
  it("ask a metric target for a number or a percentage, not a date or an artifact", () => {
    const f = codes(
      clna.field(["action-plan-goals", "metric-target", "Students get better choices"])(),
    ).find((x) => x.code === "measure_not_observable");
    expect(f?.message).toMatch(/number or a percentage/);
    expect(f?.message).not.toMatch(/date|artifact/);
  });
  it("say the plan ends before it starts when Plan End is before Plan Start", () => {
    const f = codes(clna.field(["action-plan-goals", "plan-end-date", "6/30/2026"])()).find(
      (x) => x.code === "plan_dates_out_of_order" && x.field === "plan-end-date",
    );
    expect(f?.message).toMatch(/^The plan ends before it starts/);
  });
  it("warn about a deadline years past the plan's date, and not about one inside it", () => {
    const far = (deadline: string) =>
      codes(ddtt.row("action-steps", 2, { deadline })()).filter(
        (f) => f.code === "deadline_far_ahead",
      ).length;
    expect(far("12/15/2036")).toBe(1);
    expect(far("6/15/2029")).toBe(0);
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
