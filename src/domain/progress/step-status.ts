/**
 * Where each step of a plan stands on a given day: done, due soon, overdue, not started, or no date.
 *
 * A step is a row of a template's table of dated work (DDTT action steps, Perkins actions, CLNA
 * three-month next steps, SFSS implementation steps, CDE activities) in which something is typed.
 * Its status comes from the document alone: the template's completion column (Perkins "Indicate
 * completion of actions/tasks") or a status column a district added to the table ("Status",
 * "Done", "Date Completed"), read in the words people write ("Completed", "done 10/3", a date, a
 * check mark); otherwise the deadline against today. Dates are read by the same parsers as the
 * checks, so "June 2027" is the end of June and a range ends on its last day.
 *
 * Pure: plan data and the snapshot in, steps out. The status is never stored anywhere but in the
 * template's own columns.
 */
import { isoToDate, parseDate, type IsoDate } from "../parse/date";
import { parseDateRange } from "../parse/date-range";
import { hasEntry } from "../parse/placeholder";
import type {
  DocumentPlanData,
  FieldData,
  PlanData,
  RowData,
  SectionData,
  StepStatus,
} from "../plan-data";
import {
  cellAtGridColumn,
  type CellLocation,
  type DocumentSnapshot,
  type Location,
} from "../snapshot";

export const stepStates = ["overdue", "due-soon", "not-started", "no-date", "done"] as const;
export type StepState = (typeof stepStates)[number];

/** How a person reads each state (the pane, the reports). */
export const stepStateLabels: Record<StepState, string> = {
  overdue: "Overdue",
  "due-soon": "Due soon",
  "not-started": "Not started",
  "no-date": "No date",
  done: "Done",
};

/** Which columns of a template's rows make a step: its text, owner, deadline and completion. */
type StepColumns = {
  /** Sections whose rows are steps. */
  readonly sections: readonly string[];
  /** The column that says what the step is. */
  readonly text: string;
  /** Who does it. */
  readonly owner?: string;
  /** The date (or date range) by which it is done; the first of these that holds a date. */
  readonly deadline: readonly string[];
  /** When it starts, where the template asks. */
  readonly start?: string;
  /** The template's own completion column, where it has one. */
  readonly completion?: string;
};

/** The dated steps of each template (by template id). A template without an entry has no steps. */
export const templateSteps: Readonly<Record<string, StepColumns>> = {
  "ddtt-action-plan": {
    sections: ["action-steps"],
    text: "action-step",
    owner: "owner",
    deadline: ["deadline"],
  },
  "perkins-action-plan": {
    sections: ["actions"],
    text: "action",
    owner: "participation",
    deadline: ["timeline"],
    completion: "completion",
  },
  clna: {
    sections: ["school-next-steps", "district-next-steps", "dese-next-steps", "partner-next-steps"],
    text: "what",
    owner: "who",
    deadline: ["by-when"],
  },
  "sfss-action-plan": {
    sections: ["strategies"],
    text: "implementation-steps",
    owner: "by-who",
    deadline: ["by-when"],
  },
  "cde-plan-for-improvement": {
    sections: ["activities"],
    text: "activity",
    owner: "oversight",
    deadline: ["end-date", "monitoring-dates", "start-date"],
    start: "start-date",
  },
};

export type StepOptions = {
  /** Today, as `yyyy-MM-dd`. */
  readonly today: IsoDate;
  /** A step due within this many days (today included) is "due soon". Default 14. */
  readonly dueWithinDays?: number;
};

export const DEFAULT_DUE_WITHIN_DAYS = 14;

/** Where a step's done-or-not is written. */
type StatusColumn = {
  /** `template`: the template's completion column; `added`: a column the district added. */
  readonly kind: "template" | "added";
  /** The column's header as printed. */
  readonly header: string;
  /** The cell (absent for a row still to be added). */
  readonly location?: CellLocation;
  /** What the cell holds now. */
  readonly text: string;
};

export type PlanStep = {
  readonly template: string;
  /** Index of the plan in the document's plan data. */
  readonly plan: number;
  readonly planLabel: string;
  readonly section: string;
  readonly sectionLabel: string;
  readonly block?: number;
  /** Data row index within the section. */
  readonly row: number;
  readonly rowLabel?: string;
  readonly state: StepState;
  /** The deadline compared with today (the end of a range, the end of a month given alone). */
  readonly deadline?: IsoDate;
  readonly start?: IsoDate;
  /** Days from today to the deadline (negative when past). */
  readonly daysLeft?: number;
  /** The date written as the completion date, when the status column holds one. */
  readonly doneOn?: IsoDate;
  /** Where the step's text is (for "Go to"). */
  readonly location?: Location;
  /** Field id of the deadline that was read. */
  readonly deadlineField?: string;
  readonly statusColumn?: StatusColumn;
  /** What the cells hold (names, plans' contents): reports leave these out unless asked. */
  readonly text: string;
  readonly owner: string;
  readonly deadlineText: string;
};

function textOf(field: FieldData | undefined): string {
  if (!field) return "";
  return (Array.isArray(field.value) ? field.value.join(", ") : field.value).trim();
}

function cell(row: RowData, id: string | undefined): FieldData | undefined {
  return id === undefined ? undefined : row.cells.find((c) => c.id === id);
}

const notDone =
  /\b(?:not|no|in[\s-]?progress|incomplete|pending|ongoing|started|planned|partial(?:ly)?|delayed|behind|postponed|underway|on[\s-]?going|to do)\b/i;
const doneWords =
  /\b(?:complete[d]?|done|finished|achieved|accomplished|met|closed|yes|implemented|delivered)\b/i;
const checkMark = /^[\s]*(?:[✓✔☑☒●xX]|\[x\])[\s.]*$/u;

/**
 * Whether what a status cell holds says the step is done, and on which date when it gives one.
 * "Completed", "done 10/3", "✓", "X" and a date are done; "In progress", "Not started", "not
 * done" are not.
 */
export function readDone(
  text: string,
  reference?: IsoDate,
): { done: boolean; on?: IsoDate } | undefined {
  const t = text.replace(/\s+/g, " ").trim();
  if (checkMark.test(t)) return { done: true };
  if (!hasEntry(t)) return undefined;
  const lead = t.replace(/^[✓✔☑☒●]\s*/u, "");
  const options = reference !== undefined ? { reference } : {};
  const asDate = parseDate(lead, options);
  if (asDate.ok) return { done: true, on: asDate.value.iso };
  if (notDone.test(t) && !/^\s*(?:completed?|done)\b/i.test(t)) return { done: false };
  if (doneWords.test(t) || /^[✓✔☑☒]/u.test(t)) {
    const rest = lead.replace(
      /^.*?\b(?:completed?|done|finished|closed|met)\b[\s:,-]*(?:on\s+)?/i,
      "",
    );
    const on = rest !== lead ? parseDate(rest, options) : undefined;
    return on?.ok ? { done: true, on: on.value.iso } : { done: true };
  }
  return { done: false };
}

/** Headers of a column a district adds to say a step is done. */
const statusHeader =
  /^(?:status|progress|done|complete[d]?|completion(?: date| status)?|date completed|date done|completed on|current status)\b/i;

/** The column a district added to a step's table to say whether it is done, in this row. */
function addedStatusColumn(
  snapshot: DocumentSnapshot | undefined,
  row: RowData,
): StatusColumn | undefined {
  if (!snapshot) return undefined;
  const located = row.cells.map((c) => c.location).filter((l) => l?.kind === "cell");
  const first = located[0] as CellLocation | undefined;
  if (!first) return undefined;
  const table = snapshot.tables[first.table];
  const here = table?.rows[first.row];
  if (!table || !here) return undefined;
  const used = new Set(
    located.map((l) => {
      const c = here.cells[(l as CellLocation).cell];
      return c ? c.gridColumn : -1;
    }),
  );
  for (let r = 0; r < first.row; r++) {
    for (const header of table.rows[r]?.cells ?? []) {
      const label = header.text.replace(/\s+/g, " ").trim();
      if (!statusHeader.test(label) || used.has(header.gridColumn)) continue;
      const target = cellAtGridColumn(here, header.gridColumn);
      if (!target || used.has(target.gridColumn)) continue;
      return {
        kind: "added",
        header: label,
        location: { kind: "cell", table: first.table, row: first.row, cell: target.index },
        text: target.text.trim(),
      };
    }
  }
  return undefined;
}

/** Where a row says whether its step is done: the template's completion column, or one added. */
export function statusColumnOf(
  snapshot: DocumentSnapshot | undefined,
  row: RowData,
  columns: StepColumns,
): StatusColumn | undefined {
  const completion = cell(row, columns.completion);
  if (!completion) return addedStatusColumn(snapshot, row);
  return {
    kind: "template",
    header: completion.label,
    text: textOf(completion),
    ...(completion.location?.kind === "cell" ? { location: completion.location } : {}),
  };
}

/** Whole days from `from` to `to` (calendar days, local). */
function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = isoToDate(from);
  const b = isoToDate(to);
  const utc = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}

/** The last date a text names: a date, the end of a range, the last of a list of dates. */
function lastDate(text: string, reference: IsoDate): { start?: IsoDate; end: IsoDate } | undefined {
  if (!hasEntry(text)) return undefined;
  const options = { reference };
  const range = parseDateRange(text, options);
  if (range.ok) {
    return range.value.single ? { end: range.value.end } : range.value;
  }
  // A list of dates ("10/1/2026, 1/15/2027, 4/1/2027" for CDE progress monitoring).
  const parts = text.split(/[,;\n]|\band\b/).map((p) => p.trim());
  const dates = parts.map((p) => parseDate(p, options)).filter((d) => d.ok);
  if (dates.length < 2 || dates.length !== parts.filter((p) => p !== "").length) return undefined;
  const isos = dates.map((d) => (d.ok ? d.value.iso : "")).sort();
  return { end: isos[isos.length - 1] as IsoDate };
}

function rowHasEntry(row: RowData): boolean {
  return row.cells.some((c) => hasEntry(textOf(c)));
}

function stepOf(
  plan: PlanData,
  planIndex: number,
  section: SectionData,
  row: RowData,
  columns: StepColumns,
  snapshot: DocumentSnapshot | undefined,
  options: StepOptions,
): PlanStep {
  const today = options.today;
  const window = options.dueWithinDays ?? DEFAULT_DUE_WITHIN_DAYS;
  const textField = cell(row, columns.text);
  let deadline: { start?: IsoDate; end: IsoDate } | undefined;
  let deadlineField: FieldData | undefined;
  for (const id of columns.deadline) {
    const f = cell(row, id);
    const d = f ? lastDate(textOf(f), today) : undefined;
    if (d) {
      deadline = d;
      deadlineField = f;
      break;
    }
  }
  const startField = cell(row, columns.start);
  const start = startField ? lastDate(textOf(startField), today)?.end : deadline?.start;

  const statusColumn = statusColumnOf(snapshot, row, columns);
  const done = statusColumn ? readDone(statusColumn.text, today) : undefined;

  let state: StepState;
  const daysLeft = deadline ? daysBetween(today, deadline.end) : undefined;
  if (done?.done) state = "done";
  else if (daysLeft === undefined) state = "no-date";
  else if (daysLeft < 0) state = "overdue";
  else if (daysLeft <= window) state = "due-soon";
  else state = "not-started";

  const step: { -readonly [K in keyof PlanStep]: PlanStep[K] } = {
    template: plan.template,
    plan: planIndex,
    planLabel: plan.label,
    section: section.id,
    sectionLabel: section.label,
    row: row.index,
    state,
    text: textOf(textField),
    owner: textOf(cell(row, columns.owner)),
    deadlineText: textOf(deadlineField ?? cell(row, columns.deadline[0])),
  };
  if (section.block !== undefined) step.block = section.block;
  if (row.label !== undefined) step.rowLabel = row.label;
  if (deadline) step.deadline = deadline.end;
  if (start !== undefined) step.start = start;
  if (daysLeft !== undefined) step.daysLeft = daysLeft;
  if (done?.on !== undefined) step.doneOn = done.on;
  const where = textField?.location ?? row.cells.find((c) => c.location)?.location;
  if (where) step.location = where;
  if (deadlineField) step.deadlineField = deadlineField.id;
  if (statusColumn) step.statusColumn = statusColumn;
  return step;
}

/** Every dated step of every plan in the document, in document order. */
export function planSteps(
  data: DocumentPlanData,
  snapshot: DocumentSnapshot | undefined,
  options: StepOptions,
): PlanStep[] {
  const out: PlanStep[] = [];
  data.plans.forEach((plan, planIndex) => {
    const columns = templateSteps[plan.template];
    if (!columns) return;
    for (const section of plan.sections) {
      if (!columns.sections.includes(section.id)) continue;
      for (const row of section.rows ?? []) {
        if (!rowHasEntry(row)) continue;
        out.push(stepOf(plan, planIndex, section, row, columns, snapshot, options));
      }
    }
  });
  return out;
}

export type StepCounts = Record<StepState, number>;

export function countSteps(steps: readonly PlanStep[]): StepCounts {
  const counts: StepCounts = {
    overdue: 0,
    "due-soon": 0,
    "not-started": 0,
    "no-date": 0,
    done: 0,
  };
  for (const s of steps) counts[s.state]++;
  return counts;
}

/** The earliest deadline of a step not done, on or after today. */
export function nextDeadline(steps: readonly PlanStep[]): IsoDate | undefined {
  return steps
    .filter((s) => s.state === "due-soon" || s.state === "not-started")
    .map((s) => s.deadline)
    .filter((d): d is IsoDate => d !== undefined)
    .sort()[0];
}

/** Steps in the order a person works through them: overdue first, then due soon, ... done last. */
export function byUrgency(steps: readonly PlanStep[]): PlanStep[] {
  const rank = (s: PlanStep) => stepStates.indexOf(s.state);
  return [...steps].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.deadline ?? "9999").localeCompare(b.deadline ?? "9999") ||
      a.plan - b.plan ||
      a.row - b.row,
  );
}

/** The steps without what cells hold (counts and positions only). */
export function withoutStepValues(step: PlanStep): PlanStep {
  const { statusColumn, ...rest } = step;
  const out: PlanStep = { ...rest, text: "", owner: "", deadlineText: "" };
  if (!statusColumn) return out;
  const { text: _text, ...column } = statusColumn;
  return { ...out, statusColumn: { ...column, text: "" } };
}

/** What "Mark done" writes into a status column: the word the template offers, with the date. */
export function doneText(column: StatusColumn, today: IsoDate): string {
  const d = isoToDate(today);
  const us = `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()}`;
  if (/date/i.test(column.header)) return us;
  return `Completed ${us}`;
}

/** Plan data with each step's status on its row (`rows[].status`), as `inspect --json` prints it. */
export function withStepStatus(
  data: DocumentPlanData,
  steps: readonly PlanStep[],
  today: IsoDate,
): DocumentPlanData {
  const key = (plan: number, section: string, block: number | undefined, row: number) =>
    `${plan}/${section}/${block ?? ""}/${row}`;
  const byRow = new Map(steps.map((s) => [key(s.plan, s.section, s.block, s.row), s]));
  return {
    ...data,
    plans: data.plans.map((plan, pi) => ({
      ...plan,
      sections: plan.sections.map((section) =>
        section.rows
          ? {
              ...section,
              rows: section.rows.map((row) => {
                const step = byRow.get(key(pi, section.id, section.block, row.index));
                if (!step) return row;
                const status: StepStatus = { state: step.state, asOf: today };
                if (step.deadline !== undefined) status.deadline = step.deadline;
                if (step.doneOn !== undefined) status.doneOn = step.doneOn;
                return { ...row, status };
              }),
            }
          : section,
      ),
    })),
  };
}
