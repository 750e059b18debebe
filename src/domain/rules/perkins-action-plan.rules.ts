/**
 * Perkins action plans (Program Improvement; Recruitment, Retention, & Training).
 */
import type { FindingDraft } from "../findings";
import { addMonthsIso, parseDate } from "../parse/date";
import { parseDateRange } from "../parse/date-range";
import { parsePerson } from "../parse/person";
import { measureFindings } from "./common.rules";
import {
  defineRule,
  eachUsedRowField,
  filled,
  isSignatureSection,
  planField,
  sectionOf,
  text,
  todayFor,
  type PlanRule,
} from "./rule";

const TODAY_FIELD = "date";
const perkinsCompletionValues = ["Completed", "In progress", "Not started"] as const;

const perkinsTheoryIfThen: PlanRule = defineRule({
  name: "perkins_theory_if_then",
  description: "The Theory of Action is an If/Then statement.",
  check(plan) {
    const found = planField(plan, "theory-of-action");
    if (!found || !filled(found.field)) return [];
    const t = text(found.field).toLowerCase();
    const hasIf = /\bif\b/.test(t);
    const hasThen = /\bthen\b/.test(t);
    if (hasIf && hasThen) return [];
    return [
      {
        section: found.section,
        field: found.field,
        code: "theory_not_if_then",
        severity: "warning",
        message: `The Theory of Action should read "If we ..., then ... (and ...)". Add the ${hasIf ? '"then"' : hasThen ? '"if"' : '"if" and "then"'} part.`,
      },
    ];
  },
});

const perkinsCompletionStatus: PlanRule = defineRule({
  name: "perkins_completion_status",
  description:
    "An action's completion is blank until done, then a date, Completed, In progress or Not started.",
  check(plan, ctx) {
    return eachUsedRowField(sectionOf(plan, "actions"), "completion", (field) => {
      const value = text(field).trim().replace(/[.!]$/, "");
      if (perkinsCompletionValues.some((v) => v.toLowerCase() === value.toLowerCase())) {
        return undefined;
      }
      const withDate = value.replace(/^(completed|done|finished)\s*(on|:)?\s*/i, "");
      if (parseDate(withDate, {}, ctx.memos).ok) return undefined;
      return {
        code: "completion_status_invalid",
        severity: "warning",
        message:
          'Write the completion as a date (9/15/2026), "Completed", "In progress" or "Not started", or leave it blank until the action is done.',
      };
    });
  },
});

const perkinsParticipationRoles: PlanRule = defineRule({
  name: "perkins_participation_roles",
  description: "Participation and Commitments names who is involved and the role each plays.",
  check(plan, ctx) {
    return eachUsedRowField(sectionOf(plan, "actions"), "participation", (field) => {
      const value = text(field);
      const lines = value
        .split(/\n|;/)
        .map((l) => l.trim())
        .filter((l) => l !== "");
      const anyone = lines.some((l) => {
        const p = parsePerson(l.split(/[:–-]/)[0] ?? l, ctx.memos);
        return p.ok;
      });
      const words = value.split(/\s+/).filter((w) => w !== "").length;
      if (!anyone) {
        return {
          code: "participation_names_nobody",
          severity: "warning",
          message:
            'Name who is involved (a person, or at least a role such as CTE Director) and the part each plays, such as "Maria Lopez, CTE Director: leads the training".',
        };
      }
      if (words < 4 && !/[:(–-]/.test(value)) {
        return {
          code: "participation_without_role",
          severity: "warning",
          message:
            'Say what role each person plays, such as "Maria Lopez, CTE Director: leads the training".',
        };
      }
      return undefined;
    });
  },
});

const perkinsTimelineInWindow: PlanRule = defineRule({
  name: "perkins_timeline_in_plan_window",
  description: "Action timelines fall within the two plan years that start at the plan's Date.",
  check(plan, ctx) {
    const today = todayFor(plan, ctx, TODAY_FIELD);
    if (!today.fromPlan) return [];
    const windowStart = addMonthsIso(today.iso, -3);
    const windowEnd = addMonthsIso(today.iso, 24);
    return eachUsedRowField(sectionOf(plan, "actions"), "timeline", (field) => {
      const r = parseDateRange(text(field), {}, ctx.memos);
      if (!r.ok) return undefined;
      if (r.value.end < windowStart || r.value.start > windowEnd) {
        return {
          code: "date_outside_plan_window",
          severity: "warning",
          message:
            "The timeline falls outside the two years of the plan (from its Date through Milestone 2). Check the dates.",
          reading: r.reading,
        };
      }
      return undefined;
    });
  },
});

const perkinsEvidenceNamesData: PlanRule = defineRule({
  name: "perkins_evidence_names_data",
  description: "Evidence of Progress names the data points or sources to be analyzed.",
  check(plan) {
    const found = planField(plan, "evidence-of-progress");
    if (!found || !filled(found.field)) return [];
    const dataWords =
      /\b(data|rates?|scores?|results?|surveys?|reports?|enrollment|attendance|completion|placement|credential|credentials|IRC|MCAS|assessment|assessments|grades?|counts?|numbers?|percent|percentage|retention|recruitment|applications?|dashboard|records?|logs?|feedback|evaluations?|Edwin|CTE-ART|SIMS|EPIMS|profiles)\b/i;
    if (dataWords.test(text(found.field)) || /\d|%/.test(text(found.field))) return [];
    return measureFindings(found.section, found.field, undefined).map((d) => ({
      ...d,
      code: "evidence_names_no_data",
      message:
        "Name the data points or sources to be analyzed, such as enrollment by student group, credential attainment rates or survey results.",
    }));
  },
});

const perkinsYearAttainment: PlanRule = defineRule({
  name: "perkins_year_attainment",
  description:
    "End of Year 1 and Year 2 attainment may stay blank until that year ends (info); Year 2 is not reported before Year 1.",
  check(plan) {
    const y1 = planField(plan, "year-1-attainment");
    const y2 = planField(plan, "year-2-attainment");
    const out: FindingDraft[] = [];
    if (y1 && !filled(y1.field)) {
      out.push({
        section: y1.section,
        field: y1.field,
        code: "attainment_pending",
        severity: "info",
        message:
          "End of Year 1 attainment is still blank: fill it in when Year 1 ends, with evidence of how Milestone 1 was met.",
      });
    }
    if (y2 && !filled(y2.field)) {
      out.push({
        section: y2.section,
        field: y2.field,
        code: "attainment_pending",
        severity: "info",
        message:
          "End of Year 2 attainment is still blank: fill it in when Year 2 ends, with evidence of how Milestone 2 was met.",
      });
    }
    if (y1 && y2 && filled(y2.field) && !filled(y1.field)) {
      out.push({
        section: y2.section,
        field: y2.field,
        code: "year_2_before_year_1",
        severity: "warning",
        message: "Year 2 attainment is filled in while Year 1 is blank. Report Year 1 first.",
      });
    }
    return out;
  },
});

const perkinsSignatures: PlanRule = defineRule({
  name: "perkins_signature_lines",
  description:
    "The signature and date lines are shown as to-do items; PlanAssist never fills them.",
  check(plan, ctx) {
    // The signature lines close the file: they are listed once, with its last plan.
    const last = Math.max(
      ...ctx.document.plans.filter((p) => p.template === plan.template).map((p) => p.instance),
    );
    if (plan.instance !== last) return [];
    const lines = plan.sections.filter(isSignatureSection);
    if (lines.length > 0) {
      return lines.flatMap((section) =>
        section.fields
          .filter((field) => !filled(field))
          .map((field) => ({
            section,
            field,
            code: "signature_to_do",
            severity: "info" as const,
            message: `To do: ${field.label} is signed or dated by hand on the printed plan. PlanAssist does not fill signature lines.`,
          })),
      );
    }
    // Without signature sections in the plan data: one reminder.
    return [
      {
        code: "signature_to_do",
        severity: "info",
        message:
          "To do: the Superintendent/Consortium Director signs and dates the plan, and the District Perkins Director (if applicable). PlanAssist does not fill signature lines.",
      },
    ];
  },
});

export const perkinsRules: readonly PlanRule[] = [
  perkinsTheoryIfThen,
  perkinsCompletionStatus,
  perkinsParticipationRoles,
  perkinsTimelineInWindow,
  perkinsEvidenceNamesData,
  perkinsYearAttainment,
  perkinsSignatures,
];
