/**
 * Next year's plan from this one, as plan data: the same template, steps not done carried over with
 * their deadlines moved on by a shift (or left blank when asked), steps done dropped or kept as
 * "done last cycle", the plan's own dates (Today's Date, Plan Start, Date Submitted ...) moved on
 * by the shift and the Perkins plan's Year 2 milestone made Year 1. Everything else is kept.
 *
 * Pure: the plans as read, their steps and the snapshot in; the plan data wanted and the few edits
 * plan data cannot say (a Status column a district added) out. The caller writes it as a fill.
 */
import { addDays, addMonths, addYears, format, isValid } from "date-fns";
import type { ContentEdit, SetTextEdit } from "../edits";
import { slotText } from "../edits";
import { planFill } from "../fill-planner";
import { isoToDate, parseDate, type IsoDate } from "../parse/date";
import { parseDateRange } from "../parse/date-range";
import type { DocumentPlanData, FieldData, PlanData, RowData, SectionData } from "../plan-data";
import { err, ok, type Result } from "../result";
import type { DocumentSnapshot } from "../snapshot";
import { statusColumnOf, templateSteps, type PlanStep } from "./step-status";

/** How far the new cycle's dates move on. */
export type Shift = { readonly years: number; readonly months: number; readonly days: number };

export const ONE_YEAR: Shift = { years: 1, months: 0, days: 0 };

/** Reads "1y", "6m", "2w", "30d" (or "+1y"); undefined when it is none of them. */
export function parseShift(text: string): Shift | undefined {
  const m = /^\+?(\d{1,3})\s*([ymwd])$/i.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  if (n === 0) return undefined;
  switch ((m[2] ?? "").toLowerCase()) {
    case "y":
      return { years: n, months: 0, days: 0 };
    case "m":
      return { years: 0, months: n, days: 0 };
    case "w":
      return { years: 0, months: 0, days: 7 * n };
    default:
      return { years: 0, months: 0, days: n };
  }
}

function shiftDate(d: Date, shift: Shift): Date {
  return addDays(addMonths(addYears(d, shift.years), shift.months), shift.days);
}

export function shiftIso(iso: IsoDate, shift: Shift): IsoDate {
  return format(shiftDate(isoToDate(iso), shift), "yyyy-MM-dd");
}

function validDay(y: number, m: number, d: number): number {
  const last = new Date(y, m, 0).getDate();
  return Math.min(d, last);
}

/** Whole years: every year in the text moves on, written as it was (9/15/26, Sept 2026, SY 2026-27). */
function shiftYears(text: string, years: number): string {
  return text.replace(
    /\b(\d{4})-(\d{1,2})-(\d{1,2})\b|\b(\d{1,2})([/.-])(\d{1,2})\5(\d{4}|\d{2})(?!\d)|\b(\d{4})(\s*[-–/]\s*)(\d{2})(?![\d/])|\b(19\d{2}|20\d{2})\b/g,
    (whole, iy, im, id, nm, sep, nd, ny, sy, ssep, sy2, bare) => {
      if (iy !== undefined) {
        const y = Number(iy) + years;
        return `${y}-${im}-${String(validDay(y, Number(im), Number(id))).padStart(id.length, "0")}`;
      }
      if (nm !== undefined) {
        const two = (ny as string).length === 2;
        const y = Number(ny) + years;
        const full = two ? 2000 + (y % 100) : y;
        const day = validDay(full, Number(nm), Number(nd));
        const yText = two ? String(y % 100).padStart(2, "0") : String(y);
        return `${nm}${sep}${String(day).padStart((nd as string).length, "0")}${sep}${yText}`;
      }
      if (sy !== undefined) {
        return `${Number(sy) + years}${ssep}${String((Number(sy2) + years) % 100).padStart(2, "0")}`;
      }
      if (bare !== undefined) return String(Number(bare) + years);
      return whole;
    },
  );
}

const us = (d: Date) => format(d, "M/d/yyyy");

/** Moves every date a text gives on by the shift; a text with no date it can read stays as it is. */
export function shiftDateText(text: string, shift: Shift, reference: IsoDate): string {
  if (text.trim() === "") return text;
  const options = { reference };
  const before = parseDateRange(text, options);
  if (shift.months === 0 && shift.days === 0) {
    const moved = shiftYears(text, shift.years);
    // Keep the result only if it still reads as dates when the original did (February 29th).
    if (!before.ok || parseDateRange(moved, options).ok) return moved;
  }
  if (before.ok) {
    const start = shiftDate(isoToDate(before.value.start), shift);
    const end = shiftDate(isoToDate(before.value.end), shift);
    if (!isValid(start) || !isValid(end)) return text;
    return before.value.single ? us(end) : `${us(start)} - ${us(end)}`;
  }
  // A list of dates (CDE progress monitoring).
  const parts = text.split(/(\s*[,;]\s*|\s+and\s+)/);
  let any = false;
  const out = parts.map((p, i) => {
    if (i % 2 === 1) return p;
    const d = parseDate(p, options);
    if (!d.ok) return p;
    any = true;
    return us(shiftDate(isoToDate(d.value.iso), shift));
  });
  return any ? out.join("") : text;
}

export type NextCycleOptions = {
  readonly shift: Shift;
  /** Leave the carried steps' deadlines blank instead of moving them on. */
  readonly blankDeadlines?: boolean;
  /** What becomes of steps done: dropped (the default), or kept and marked "Done last cycle". */
  readonly done?: "drop" | "keep";
  /** For reading two-digit years. */
  readonly today: IsoDate;
};

/** Plan-level dates that move on with the cycle, by template. Signature dates are never filled. */
const planDates: Readonly<Record<string, readonly string[]>> = {
  "ddtt-action-plan": ["plan-header.todays-date"],
  "perkins-action-plan": ["plan-header.date"],
  clna: [
    "action-plan-goals.plan-start-date",
    "action-plan-goals.plan-end-date",
    "action-plan-goals.current-date",
    "action-plan-goals.next-revisit-date",
  ],
  "cde-plan-for-improvement": ["plan-header.date-submitted"],
};

/** Year 2 becomes Year 1: `[to, from]` pairs within a section; `from` is then emptied. */
const yearFields: Readonly<Record<string, readonly [string, string, string][]>> = {
  "perkins-action-plan": [
    ["theory-of-action", "milestone-1", "milestone-2"],
    ["progress", "year-1-attainment", "year-2-attainment"],
  ],
};

export const DONE_LAST_CYCLE = "Done last cycle";

type NextCycle = {
  readonly data: DocumentPlanData;
  /** Edits for Status columns a district added (plan data has no place for them). */
  readonly extra: readonly ContentEdit[];
  readonly carried: number;
  readonly dropped: number;
  readonly kept: number;
};

function setValue(f: FieldData, value: FieldData["value"]): FieldData {
  return { ...f, value };
}

function text(f: FieldData | undefined): string {
  if (!f) return "";
  return Array.isArray(f.value) ? f.value.join(", ") : f.value;
}

function emptyRow(row: RowData): RowData {
  return {
    ...row,
    cells: row.cells.map((c) => setValue(c, Array.isArray(c.value) ? [] : "")),
  };
}

/** The next cycle's plan data, built from what was read and each step's status. */
export function planNextCycle(
  current: DocumentPlanData,
  steps: readonly PlanStep[],
  snapshot: DocumentSnapshot,
  options: NextCycleOptions,
): NextCycle {
  const done = options.done ?? "drop";
  const extra: ContentEdit[] = [];
  let carried = 0;
  let dropped = 0;
  let kept = 0;
  const shiftText = (t: string) => shiftDateText(t, options.shift, options.today);

  const plans = current.plans.map((plan, pi): PlanData => {
    const columns = templateSteps[plan.template];
    const dates = new Set(planDates[plan.template] ?? []);
    const years = yearFields[plan.template] ?? [];
    const sections = plan.sections.map((section): SectionData => {
      let fields = section.fields.map((f) =>
        dates.has(`${section.id}.${f.id}`) ? setValue(f, shiftText(text(f))) : f,
      );
      for (const [sid, to, from] of years) {
        if (sid !== section.id) continue;
        const source = fields.find((f) => f.id === from);
        if (!source || text(source).trim() === "") continue;
        fields = fields.map((f) =>
          f.id === to ? setValue(f, text(source)) : f.id === from ? setValue(f, "") : f,
        );
      }
      if (!columns || !columns.sections.includes(section.id) || !section.rows) {
        return { ...section, fields };
      }
      const stepOf = (row: RowData) =>
        steps.find(
          (s) =>
            s.plan === pi &&
            s.section === section.id &&
            (s.block ?? 0) === (section.block ?? 0) &&
            s.row === row.index,
        );
      // The rows the new plan keeps, in order; the template's rows below them are emptied.
      const keep: { row: RowData; status: string | undefined }[] = [];
      for (const row of section.rows) {
        const step = stepOf(row);
        const status = statusColumnOf(snapshot, row, columns)?.text;
        if (!step) {
          if (row.cells.some((c) => text(c).trim() !== "")) keep.push({ row, status });
          continue;
        }
        if (step.state === "done") {
          if (done === "drop") {
            dropped++;
            continue;
          }
          kept++;
          const where = step.statusColumn;
          if (where) {
            const cells = row.cells.map((c) =>
              c.id === columns.completion ? setValue(c, DONE_LAST_CYCLE) : c,
            );
            keep.push({
              row: { ...row, cells },
              status: where.kind === "added" ? DONE_LAST_CYCLE : status,
            });
          } else {
            const cells = row.cells.map((c) =>
              c.id === columns.text
                ? setValue(c, `${text(c)} (${DONE_LAST_CYCLE.toLowerCase()})`)
                : c,
            );
            keep.push({ row: { ...row, cells }, status });
          }
          continue;
        }
        carried++;
        const moved = [...columns.deadline, ...(columns.start ? [columns.start] : [])];
        const cells = row.cells.map((c) =>
          moved.includes(c.id) ? setValue(c, options.blankDeadlines ? "" : shiftText(text(c))) : c,
        );
        keep.push({ row: { ...row, cells }, status });
      }
      const rows = section.rows.map((row, i): RowData => {
        const source = keep[i];
        const target = source
          ? {
              ...row,
              cells: row.cells.map((c) => {
                const from = source.row.cells.find((x) => x.id === c.id);
                return from ? setValue(c, from.value) : c;
              }),
            }
          : emptyRow(row);
        // A Status column the district added moves with its step.
        const column = statusColumnOf(snapshot, row, columns);
        if (column?.kind === "added" && column.location) {
          const want = source?.status ?? "";
          const have = slotText(snapshot, column.location) ?? "";
          if (want !== have) {
            extra.push({
              kind: "set-text",
              field: column.header,
              location: column.location,
              text: want,
              expected: have,
            });
          }
        }
        return target;
      });
      return { ...section, fields, rows };
    });
    return { ...plan, sections };
  });
  return { data: { ...current, plans }, extra, carried, dropped, kept };
}

/**
 * The next cycle as one list of text edits on the document as read (the pane writes them as one
 * fill). The next cycle changes values only: no row or block is added or removed.
 */
export function nextCycleEdits(
  snapshot: DocumentSnapshot,
  current: DocumentPlanData,
  steps: readonly PlanStep[],
  options: NextCycleOptions,
): Result<{ readonly edits: readonly SetTextEdit[] } & Omit<NextCycle, "data" | "extra">> {
  const next = planNextCycle(current, steps, snapshot, options);
  const planned = planFill(snapshot, current, next.data, { overwrite: "all" });
  if (!planned.ok) return planned;
  const { structure, content } = planned.value.plan;
  const edits = [...content, ...next.extra];
  const texts = edits.filter((e): e is SetTextEdit => e.kind === "set-text");
  if (structure.length > 0 || texts.length !== edits.length) {
    return err(
      "plan_data_mismatch",
      "The next cycle of this plan would change more than values, which the pane does not do. Use `planassist next-cycle` on the saved file.",
    );
  }
  return ok({ edits: texts, carried: next.carried, dropped: next.dropped, kept: next.kept });
}
