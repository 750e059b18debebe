/**
 * CDE CIM Plan for Improvement: measurable student outcomes with dated baselines, strategies that
 * name their problems of practice, activities with Start <= End and monitoring dates in between.
 */
import type { FindingDraft } from "../findings";
import { measureFindings } from "./common.rules";
import { describeDate, parseDate, type IsoDate } from "../parse/date";
import {
  contentWords,
  dateIn,
  defineRule,
  eachUsedRowField,
  fieldOf,
  filled,
  sectionOf,
  sectionsOf,
  text,
  usedRows,
  type PlanRule,
  type RowFieldFinding,
} from "./rule";

const studentWords =
  /\b(students?|learners?|pupils?|children|youth|graduates?|seniors|freshmen|kids|SWDs?|ELs?|ELLs?|English learners?|special education|IEPs?|grade|graders?|kindergarten|proficien\w*|graduat\w*|attendance|absentee\w*|suspensions?|expulsions?|referrals?|achievement|reading|math|ELA|scores?|assessments?|CAASPP|dropout|enrollment|placement|LRE|inclusion|regular class)\b/i;

const cdeMeasurableOutcome: PlanRule = defineRule({
  name: "cde_measurable_outcome",
  description:
    "Each measurable outcome is quantifiable (a number or percentage) and about students.",
  check(plan) {
    const section = sectionOf(plan, "problems-of-practice");
    return eachUsedRowField(section, "measurable-outcome", (field) => {
      const value = text(field);
      const found: RowFieldFinding[] = [];
      if (!/\d|%|\bpercent\b/i.test(value)) {
        found.push({
          code: "outcome_not_quantifiable",
          severity: "warning",
          message:
            'Make the outcome quantifiable: give a number or a percentage and a date, such as "SWD proficient in ELA rises from 18% to 25% by June 2027".',
        });
      }
      if (!studentWords.test(value)) {
        found.push({
          code: "outcome_not_about_students",
          severity: "warning",
          message:
            "Focus the outcome on students: name the student group or the student outcome it measures.",
        });
      }
      return found;
    });
  },
});

const cdeBaselineDated: PlanRule = defineRule({
  name: "cde_baseline_dated",
  description: "Baseline data gives the date (or school year) of the data.",
  check(plan) {
    const section = sectionOf(plan, "problems-of-practice");
    return eachUsedRowField(section, "baseline", (field) => {
      if (/\b(19|20)\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/.test(text(field))) return undefined;
      return {
        code: "baseline_without_date",
        severity: "warning",
        message:
          'Give the date or school year of the baseline data, such as "2024-25 CAASPP" or "as of 10/1/2025".',
      };
    });
  },
});

const cdeStrategiesNameProblems: PlanRule = defineRule({
  name: "cde_strategies_name_problems",
  description: "Every High-Leverage Strategy names the problem(s) of practice it addresses.",
  check(plan) {
    const problems = usedRows(sectionOf(plan, "problems-of-practice"));
    const problemWords = problems.map((r) => contentWords(text(fieldOf(r, "problem-of-practice"))));
    const out: FindingDraft[] = [];
    for (const section of sectionsOf(plan, "strategy")) {
      const field = fieldOf(section, "problems-addressed");
      if (!field || !filled(field)) continue;
      const value = text(field);
      const numbers = [...value.matchAll(/\d+/g)].map((m) => Number(m[0]));
      const byNumber =
        numbers.length > 0 && numbers.every((n) => n >= 1 && n <= Math.max(problems.length, 1));
      const words = contentWords(value);
      const byWords = problemWords.some((pw) => [...words].filter((w) => pw.has(w)).length >= 2);
      if (byNumber || byWords) continue;
      out.push({
        section,
        field,
        code: "strategy_names_no_problem",
        severity: "warning",
        message:
          numbers.length > 0
            ? "The strategy refers to a problem of practice the plan does not have. Use the numbers of the problems listed in Part 1."
            : 'Name the problem(s) of practice this strategy addresses, by number ("Problem of Practice 1") or by its words.',
      });
    }
    return out;
  },
});

const cdeActivityDates: PlanRule = defineRule({
  name: "cde_activity_dates",
  description:
    "Each activity starts on or before its end, and its progress-monitoring dates fall between start and end.",
  check(plan, ctx) {
    const out: FindingDraft[] = [];
    for (const section of sectionsOf(plan, "activities")) {
      for (const row of usedRows(section)) {
        const startField = fieldOf(row, "start-date");
        const endField = fieldOf(row, "end-date");
        const start = dateIn(startField, ctx.memos);
        const end = dateIn(endField, ctx.memos);
        if (start && end && endField && start > end) {
          out.push({
            section,
            row,
            field: endField,
            code: "activity_dates_reversed",
            severity: "error",
            message: "The activity ends before it starts. Check the Start and End dates.",
          });
          continue;
        }
        const monitoring = fieldOf(row, "monitoring-dates");
        if (!monitoring || !filled(monitoring)) continue;
        const parts = text(monitoring)
          .split(/\n|;|,(?!\s*\d{4})|\band\b/)
          .map((p) => p.trim())
          .filter((p) => p !== "");
        const dates: IsoDate[] = [];
        let unreadable = 0;
        for (const p of parts) {
          const r = parseDate(p, {}, ctx.memos);
          if (r.ok) dates.push(r.value.iso);
          else unreadable++;
        }
        if (dates.length === 0 || unreadable > 0) {
          out.push({
            section,
            row,
            field: monitoring,
            code: "monitoring_dates_unreadable",
            severity: "error",
            message:
              "Give the progress-monitoring dates as dates separated by commas or semicolons, such as 10/15/2026; 1/15/2027; 4/15/2027.",
          });
          continue;
        }
        const outside = dates.filter(
          (d) => (start !== undefined && d < start) || (end !== undefined && d > end),
        );
        if (outside.length > 0) {
          out.push({
            section,
            row,
            field: monitoring,
            code: "monitoring_date_outside_activity",
            severity: "warning",
            message:
              "A progress-monitoring date falls outside the activity's Start and End dates. Move it inside them.",
            reading: outside.map(describeDate).join("; "),
          });
        }
      }
    }
    return out;
  },
});

const cdeTargetsObservable: PlanRule = defineRule({
  name: "cde_targets_observable",
  description:
    "The short-term benchmark and the long-term target are measurable (a number or a percentage).",
  check(plan) {
    return eachUsedRowField(
      sectionOf(plan, "problems-of-practice"),
      ["short-term-benchmark", "long-term-target"],
      (field, row, section) => measureFindings(section, field, undefined, row, "target"),
    );
  },
});

export const cdeRules: readonly PlanRule[] = [
  cdeTargetsObservable,
  cdeMeasurableOutcome,
  cdeBaselineDated,
  cdeStrategiesNameProblems,
  cdeActivityDates,
];
