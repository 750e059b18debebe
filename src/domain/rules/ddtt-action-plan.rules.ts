/**
 * DDTT Action Plan 5.3.1T: steps in order of completion, deadlines after today's date, the last
 * deadline as the date the strategy is fully operational, observable measures.
 */
import type { FindingDraft } from "../findings";
import { addMonthsIso, describeDate } from "../parse/date";
import { measureFindings } from "./common.rules";
import {
  dateIn,
  defineRule,
  eachUsedRowField,
  fieldOf,
  sectionsOf,
  todayFor,
  usedRows,
  type PlanRule,
} from "./rule";

const TODAY_FIELD = "todays-date";

const ddttStepsInOrder: PlanRule = defineRule({
  name: "ddtt_steps_in_order",
  description:
    "Action steps are listed in order of completion: no deadline is earlier than the step above it.",
  check(plan, ctx) {
    return sectionsOf(plan, "action-steps").flatMap((section) => {
      let previous: string | undefined;
      return eachUsedRowField(section, "deadline", (field) => {
        const iso = dateIn(field, ctx.memos);
        if (!iso) return undefined;
        const earlier = previous !== undefined && iso < previous;
        previous = previous === undefined || iso > previous ? iso : previous;
        if (!earlier) return undefined;
        return {
          code: "step_out_of_order",
          severity: "warning",
          message:
            "This step's deadline is earlier than the step above it. List the steps in order of completion, or check the deadline.",
        };
      });
    });
  },
});

const ddttDeadlineAfterToday: PlanRule = defineRule({
  name: "ddtt_deadline_before_today",
  description: "Deadlines are not before Today's Date (the plan describes future work).",
  check(plan, ctx) {
    const today = todayFor(plan, ctx, TODAY_FIELD);
    return sectionsOf(plan, "action-steps").flatMap((section) =>
      eachUsedRowField(section, "deadline", (field) => {
        const iso = dateIn(field, ctx.memos);
        if (!iso || iso >= today.iso) return undefined;
        return {
          code: "deadline_before_today",
          severity: "warning",
          message: today.fromPlan
            ? "This deadline is before the plan's Today's Date. A plan describes future work: check the deadline or the date of the plan."
            : "This deadline has already passed. Check the deadline, or mark the step as done.",
          reading: describeDate(iso),
        };
      }),
    );
  },
});

/** How far ahead of the plan's date a deadline may fall before it looks like a typing slip. */
const WINDOW_YEARS = 3;

const ddttDeadlineWithinWindow: PlanRule = defineRule({
  name: "ddtt_deadline_within_window",
  description: `Deadlines fall within ${WINDOW_YEARS} years of Today's Date (an action plan covers the next steps, not a decade).`,
  check(plan, ctx) {
    const today = todayFor(plan, ctx, TODAY_FIELD);
    const limit = addMonthsIso(today.iso, WINDOW_YEARS * 12);
    return sectionsOf(plan, "action-steps").flatMap((section) =>
      eachUsedRowField(section, "deadline", (field) => {
        const iso = dateIn(field, ctx.memos);
        if (!iso || iso <= limit) return undefined;
        return {
          code: "deadline_far_ahead",
          severity: "warning",
          message: `This deadline is more than ${WINDOW_YEARS} years after ${today.fromPlan ? "the plan's Today's Date" : "today"}. Check the year.`,
          reading: describeDate(iso),
        };
      }),
    );
  },
});

const ddttOperationalDate: PlanRule = defineRule({
  name: "ddtt_strategy_operational_date",
  description:
    "The last step's deadline is when the strategy is expected to be fully operational (shown).",
  check(plan, ctx) {
    const out: FindingDraft[] = [];
    for (const section of sectionsOf(plan, "action-steps")) {
      const rows = usedRows(section);
      const last = rows[rows.length - 1];
      const field = fieldOf(last, "deadline");
      const iso = dateIn(field, ctx.memos);
      if (!last || !field || !iso) continue;
      out.push({
        section,
        row: last,
        field,
        code: "strategy_operational_date",
        severity: "info",
        message:
          "The last step's deadline is the date by which the strategy is expected to be fully operational and its measures available for analysis.",
        reading: describeDate(iso),
      });
    }
    return out;
  },
});

const ddttMeasuresObservable: PlanRule = defineRule({
  name: "ddtt_measures_observable",
  description:
    "Each measure of implementation is observable and does not only restate the action step.",
  check(plan) {
    return sectionsOf(plan, "action-steps").flatMap((section) =>
      eachUsedRowField(section, "measures", (measure, row) =>
        measureFindings(section, measure, fieldOf(row, "action-step"), row),
      ),
    );
  },
});

export const ddttRules: readonly PlanRule[] = [
  ddttStepsInOrder,
  ddttDeadlineAfterToday,
  ddttDeadlineWithinWindow,
  ddttOperationalDate,
  ddttMeasuresObservable,
];
