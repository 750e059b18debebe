/**
 * CLNA self-assessment: the action plan's dates in order, three-month next steps inside the plan
 * window, the Quality Component one of the seven, and the weakest ratings addressed by it.
 */
import type { FindingDraft } from "../findings";
import { measureFindings } from "./common.rules";
import type { FieldData } from "../plan-data";
import { addMonthsIso, describeDate } from "../parse/date";
import {
  dateIn,
  defineRule,
  eachUsedRowField,
  fieldOf,
  filled,
  sectionOf,
  text,
  todayFor,
  type PlanRule,
} from "./rule";
import { clnaComponents } from "../../templates/clna.template";

/** The seven components, as the template names them (the Quality Component options). */
const clnaComponentNames: readonly string[] = clnaComponents;

const nextStepSections: readonly string[] = [
  "school-next-steps",
  "district-next-steps",
  "dese-next-steps",
  "partner-next-steps",
];

function normaliseComponent(value: string): string {
  return value
    .toLowerCase()
    .replace(/^\s*(component\s*)?\d\s*[:.)-]?\s*/, "")
    .replace(/&/g, "and")
    .replace(/[^a-z]+/g, " ")
    .replace(/\b(and|the)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The component number (1-7) a Quality Component value names, or undefined. */
function componentNumber(value: string): number | undefined {
  const n = normaliseComponent(value);
  if (n === "") return undefined;
  const i = clnaComponentNames.findIndex((c) => {
    const cn = normaliseComponent(c);
    return cn === n || cn.startsWith(n) || (n.length > 6 && cn.includes(n)) || n.includes(cn);
  });
  if (i >= 0) return i + 1;
  if (/^(compliance|regulatory)/.test(n)) return 7;
  const digit = /^\s*(?:component\s*)?([1-7])\b/i.exec(value);
  return digit ? Number(digit[1]) : undefined;
}

const clnaPlanDatesInOrder: PlanRule = defineRule({
  name: "clna_plan_dates_in_order",
  description: "Plan Start <= Current <= Next revisit <= Plan End.",
  check(plan, ctx) {
    const section = sectionOf(plan, "action-plan-goals");
    if (!section) return [];
    const order = ["plan-start-date", "current-date", "next-revisit-date", "plan-end-date"];
    const dated = order
      .map((id) => ({ id, field: fieldOf(section, id) }))
      .map((x) => ({ ...x, iso: dateIn(x.field, ctx.memos) }))
      .filter(
        (x): x is { id: string; field: FieldData; iso: string } =>
          x.iso !== undefined && x.field !== undefined,
      );
    const out: FindingDraft[] = [];
    for (let i = 1; i < dated.length; i++) {
      const prev = dated[i - 1];
      const cur = dated[i];
      if (!prev || !cur || cur.iso >= prev.iso) continue;
      out.push({
        section,
        field: cur.field,
        code: "plan_dates_out_of_order",
        severity: "error",
        message:
          cur.id === "plan-end-date" && dated[0]?.id === "plan-start-date" && cur.iso < dated[0].iso
            ? `The plan ends before it starts: ${cur.field.label} is earlier than ${dated[0].field.label}. Check both dates.`
            : `${cur.field.label} is earlier than ${prev.field.label}. The dates should run Plan Start, Current, Next revisit, Plan End.`,
        reading: describeDate(cur.iso),
      });
    }
    return out;
  },
});

const clnaThreeMonthNextSteps: PlanRule = defineRule({
  name: "clna_three_month_next_steps",
  description:
    "Each next step's By When falls within three months of the Plan Start date (or of the Current date when there is no start), and inside the plan window.",
  check(plan, ctx) {
    const goals = sectionOf(plan, "action-plan-goals");
    const start = dateIn(fieldOf(goals, "plan-start-date"), ctx.memos);
    const end = dateIn(fieldOf(goals, "plan-end-date"), ctx.memos);
    const from = start ?? todayFor(plan, ctx, "current-date").iso;
    const limit = addMonthsIso(from, 3);
    const fromName = start ? "Plan Start date" : "Current date";
    return nextStepSections.flatMap((id) =>
      eachUsedRowField(sectionOf(plan, id), "by-when", (field) => {
        const iso = dateIn(field, ctx.memos);
        if (!iso) return undefined;
        const reading = describeDate(iso);
        if (iso > limit) {
          return {
            code: "next_step_beyond_three_months",
            severity: "warning",
            message: `Next steps should not extend beyond three months of the ${fromName}. Move this date earlier, or split the step.`,
            reading,
          };
        }
        if (iso < from) {
          return {
            code: "date_outside_plan_window",
            severity: "warning",
            message: `This date is before the ${fromName}. Next steps come after the plan starts.`,
            reading,
          };
        }
        if (end && iso > end) {
          return {
            code: "date_outside_plan_window",
            severity: "warning",
            message:
              "This date is after the Plan End date. Keep next steps inside the plan's dates.",
            reading,
          };
        }
        return undefined;
      }),
    );
  },
});

const clnaQualityComponent: PlanRule = defineRule({
  name: "clna_quality_component",
  description: "The Quality Component is one of the seven components.",
  check(plan) {
    const section = sectionOf(plan, "action-plan-goals");
    const field = fieldOf(section, "quality-component");
    if (!section || !field || !filled(field)) return [];
    if (componentNumber(text(field)) !== undefined) return [];
    return [
      {
        section,
        field,
        code: "quality_component_unknown",
        severity: "error",
        message: `Name one of the seven components: ${clnaComponentNames.join("; ")}.`,
      },
    ];
  },
});

const ratingScore: Record<string, number> = {
  exemplar: 4,
  established: 3,
  developing: 2,
  challenge: 1,
};
const complianceScore: Record<string, number> = {
  yes: 4,
  "a plan is in place to address": 2,
  no: 1,
};

function chosen(field: FieldData): string | undefined {
  const values = (Array.isArray(field.value) ? field.value : [field.value]).filter(
    (v) => v.trim() !== "",
  );
  return values.length === 1 ? values[0]?.trim().toLowerCase() : undefined;
}

const clnaWeakRatingsAddressed: PlanRule = defineRule({
  name: "clna_weak_ratings_addressed",
  description:
    "When criteria are rated Developing or Challenge (or compliance items No / A plan is in place), the action plan's Quality Component is one of the weakest rated components.",
  check(plan) {
    const lowest = new Map<number, number>();
    for (let n = 1; n <= 6; n++) {
      for (const f of sectionOf(plan, `component-${n}-ratings`)?.fields ?? []) {
        const c = chosen(f);
        const score = c ? ratingScore[c] : undefined;
        if (score !== undefined) lowest.set(n, Math.min(lowest.get(n) ?? 5, score));
      }
    }
    for (const f of sectionOf(plan, "compliance")?.fields ?? []) {
      const c = chosen(f);
      const score = c ? complianceScore[c] : undefined;
      if (score !== undefined) lowest.set(7, Math.min(lowest.get(7) ?? 5, score));
    }
    const floor = Math.min(...lowest.values());
    if (!Number.isFinite(floor) || floor > 2) return [];
    const weakest = [...lowest.entries()].filter(([, s]) => s === floor).map(([n]) => n);
    const section = sectionOf(plan, "action-plan-goals");
    const field = fieldOf(section, "quality-component");
    if (!section || !field) return [];
    const chosenComponent = filled(field) ? componentNumber(text(field)) : undefined;
    if (chosenComponent !== undefined && weakest.includes(chosenComponent)) return [];
    if (filled(field) && chosenComponent === undefined) return []; // the quality component rule reports it
    return [
      {
        section,
        field,
        code: "weak_rating_not_addressed",
        severity: "warning",
        message: `The weakest ratings (${floor === 1 ? "Challenge or No" : "Developing or A plan is in place"}) are in ${weakest
          .map((n) => `${n}: ${clnaComponentNames[n - 1]}`)
          .join(
            "; ",
          )}, but the action plan does not address ${weakest.length === 1 ? "it" : "any of them"}. You design one action plan: make its Quality Component one of the weakest rated.`,
      },
    ];
  },
});

const clnaMetricTargetObservable: PlanRule = defineRule({
  name: "clna_metric_target_observable",
  description: "The Metric Target is measurable: a number or a percentage to reach.",
  check(plan) {
    const section = sectionOf(plan, "action-plan-goals");
    const field = fieldOf(section, "metric-target");
    return section && field
      ? measureFindings(section, field, fieldOf(section, "related-metric"), undefined, "target")
      : [];
  },
});

export const clnaRules: readonly PlanRule[] = [
  clnaMetricTargetObservable,
  clnaPlanDatesInOrder,
  clnaThreeMonthNextSteps,
  clnaQualityComponent,
  clnaWeakRatingsAddressed,
];
