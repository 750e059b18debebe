/**
 * Named plan rules and the helpers they share.
 *
 * A rule looks at one plan (and the document's other plans, when it needs them) and returns
 * finding drafts; the engine attaches the plan's identity. "Today" is passed in explicitly: the
 * date written in the plan where it has one (`todayField`), else `RuleContext.currentDate`.
 */
import type { FindingDraft } from "../findings";
import type { DocumentPlanData, FieldData, PlanData, RowData, SectionData } from "../plan-data";
import { parseDate, type IsoDate } from "../parse/date";
import { hasEntry } from "../parse/placeholder";
import type { DocumentContext } from "../document-context";

export type RuleContext = {
  /** The current date (the CLI's --today, the task pane's clock). */
  readonly currentDate: IsoDate;
  /** The whole document, for rules that relate plans. */
  readonly document: DocumentPlanData;
  /** What is worked out once for the document (parsed dates, people, placeholder kinds). */
  readonly memos?: DocumentContext;
};

export type PlanRule = {
  /** Stable snake_case name. */
  readonly name: string;
  /** What the rule checks, in a sentence (shown in reports and docs). */
  readonly description: string;
  check(plan: PlanData, ctx: RuleContext): FindingDraft[];
};

export function defineRule(rule: PlanRule): PlanRule {
  return rule;
}

/** All sections with an id (one per block for repeated sections), in order. */
export function sectionsOf(plan: PlanData, id: string): SectionData[] {
  return plan.sections.filter((s) => s.id === id);
}

export function sectionOf(plan: PlanData, id: string): SectionData | undefined {
  return plan.sections.find((s) => s.id === id);
}

/** A field of a section (form fields), or of a row (row cells). */
export function fieldOf(
  holder: SectionData | RowData | undefined,
  id: string,
): FieldData | undefined {
  if (!holder) return undefined;
  return "cells" in holder
    ? holder.cells.find((c) => c.id === id)
    : holder.fields.find((f) => f.id === id);
}

/** The first field with this id anywhere in the plan (section fields, not row cells). */
export function planField(
  plan: PlanData,
  id: string,
): { section: SectionData; field: FieldData } | undefined {
  for (const section of plan.sections) {
    const field = section.fields.find((f) => f.id === id);
    if (field) return { section, field };
  }
  return undefined;
}

export function text(field: FieldData | undefined): string {
  if (!field) return "";
  return Array.isArray(field.value) ? field.value.join("; ") : field.value;
}

export function filled(field: FieldData | undefined): boolean {
  if (!field) return false;
  if (Array.isArray(field.value)) return field.value.some((v) => hasEntry(v));
  return hasEntry(field.value);
}

/** Rows where anything is typed (rows left blank are not used). */
export function usedRows(section: SectionData | undefined): RowData[] {
  return (section?.rows ?? []).filter((r) => r.cells.some((c) => filled(c)));
}

/** What a per-row test reports about a field, before it is placed on that row's field. */
export type RowFieldFinding = Omit<FindingDraft, "section" | "row" | "field">;

/** A per-row test: nothing when the field is right, else what to report about it. */
type RowFieldTest = (
  field: FieldData,
  row: RowData,
  section: SectionData,
) => RowFieldFinding | readonly RowFieldFinding[] | undefined;

/**
 * Runs `test` on a field (or several, in the order given) of every used row of a section, row by
 * row, and places what it reports on that row's field. Fields left blank are not tested.
 */
export function eachUsedRowField(
  section: SectionData | undefined,
  fieldIds: string | readonly string[],
  test: RowFieldTest,
): FindingDraft[] {
  if (!section) return [];
  const ids = typeof fieldIds === "string" ? [fieldIds] : fieldIds;
  const out: FindingDraft[] = [];
  for (const row of usedRows(section)) {
    for (const id of ids) {
      const field = fieldOf(row, id);
      if (!field || !filled(field)) continue;
      const found = test(field, row, section) ?? [];
      for (const f of ([] as RowFieldFinding[]).concat(found)) {
        out.push({ ...f, section, row, field });
      }
    }
  }
  return out;
}

/** The date in a field, when it reads as one. */
export function dateIn(field: FieldData | undefined, memos?: DocumentContext): IsoDate | undefined {
  if (!field || !filled(field)) return undefined;
  const r = parseDate(text(field), {}, memos);
  return r.ok ? r.value.iso : undefined;
}

/** Today's date for a plan: the date written in the plan's field, else the current date. */
export function todayFor(
  plan: PlanData,
  ctx: RuleContext,
  todayField?: string,
): { iso: IsoDate; fromPlan: boolean } {
  if (todayField) {
    const found = planField(plan, todayField);
    const iso = dateIn(found?.field, ctx.memos);
    if (iso) return { iso, fromPlan: true };
  }
  return { iso: ctx.currentDate, fromPlan: false };
}

/** Content words of a text, for comparing a measure with its action. */
export function contentWords(value: string): Set<string> {
  const stop = new Set(
    "a an the and or of to for in on at by with from into our their its is are be will all each this that these those as it we they".split(
      " ",
    ),
  );
  return new Set(
    value
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2 && !stop.has(w))
      .map((w) => (w.length > 4 ? w.replace(/(ing|ed|es|s)$/, "") : w)),
  );
}

/** Signature lines are to-do items for people, never checked as fields nor filled by PlanAssist. */
export function isSignatureSection(section: SectionData): boolean {
  return /(^|-)signatures?(-|$)/.test(section.id);
}
