/**
 * Findings: what a check says about a plan, field by field.
 *
 * A finding has a stable snake_case code (reports and scripts depend on it; never reworded), a
 * severity, a message in plain language that says how to fix it, and where it is: template, plan
 * instance, section, field, row, and the cell or paragraph in the document. Messages never quote
 * what was typed (plans hold student data and staff names); the typed text and how PlanAssist read
 * it travel in `value` and `reading`, which reports leave out unless asked to show values.
 */
import { z } from "zod";
import {
  locationSchema,
  valueText,
  type FieldData,
  type PlanData,
  type RowData,
  type SectionData,
} from "./plan-data";

const severitySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof severitySchema>;

const findingCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/, "codes are snake_case");

export const findingSchema = z.object({
  code: findingCodeSchema,
  severity: severitySchema,
  message: z.string().min(1),
  /** The named rule that produced it. */
  rule: z.string().min(1),
  template: z.string().min(1),
  /** Plan instance within the document (0 for the first plan of its template). */
  plan: z.number().int().nonnegative(),
  planLabel: z.string().optional(),
  section: z.string().optional(),
  sectionLabel: z.string().optional(),
  /** Block number of a repeated section (challenge #2). */
  block: z.number().int().positive().optional(),
  field: z.string().optional(),
  fieldLabel: z.string().optional(),
  /** Data row index within the section (0-based). */
  row: z.number().int().nonnegative().optional(),
  rowLabel: z.string().optional(),
  location: locationSchema.optional(),
  /** What was typed (only shown with --show-values / in the task pane). */
  value: z.string().optional(),
  /** How PlanAssist read the value (may hold names; shown with values). */
  reading: z.string().optional(),
});
export type Finding = z.infer<typeof findingSchema>;

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** What a rule reports before the plan's identity is attached. */
export type FindingDraft = {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly section?: SectionData;
  readonly field?: FieldData;
  readonly row?: RowData;
  /** Overrides the field's location (a row without the field, a section). */
  readonly location?: Finding["location"];
  readonly reading?: string;
};

/** Attaches the plan, section, field and row to a draft. */
export function completeFinding(plan: PlanData, rule: string, d: FindingDraft): Finding {
  const f: Finding = {
    code: d.code,
    severity: d.severity,
    message: d.message,
    rule,
    template: plan.template,
    plan: plan.instance,
    planLabel: plan.label,
  };
  if (d.section) {
    f.section = d.section.id;
    f.sectionLabel = d.section.label;
    if (d.section.block !== undefined) f.block = d.section.block;
  }
  if (d.field) {
    f.field = d.field.id;
    f.fieldLabel = d.field.label;
    const v = valueText(d.field.value, "; ");
    if (notBlank.test(v)) f.value = v;
  }
  if (d.row) {
    f.row = d.row.index;
    if (d.row.label !== undefined) f.rowLabel = d.row.label;
  }
  const location =
    d.location ?? d.field?.location ?? firstLocation(d.row) ?? firstLocation(d.section);
  if (location) f.location = location;
  if (d.reading !== undefined) f.reading = d.reading;
  return f;
}

/** Any character but white space (what `trim` leaves). */
const notBlank = /\S/;

function firstLocation(holder: RowData | SectionData | undefined): Finding["location"] | undefined {
  if (!holder) return undefined;
  if ("cells" in holder) return holder.cells.find((c) => c.location)?.location;
  // The section's fields, then its rows' cells, in order.
  const field = holder.fields.find((c) => c.location);
  if (field) return field.location;
  for (const r of holder.rows ?? []) {
    const cell = r.cells.find((c) => c.location);
    if (cell) return cell.location;
  }
  return undefined;
}

/** Findings sorted by document position (plan, section order kept), then severity. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      (a.template === b.template ? 0 : a.template.localeCompare(b.template)) ||
      a.plan - b.plan ||
      locationKey(a) - locationKey(b) ||
      severityOrder[a.severity] - severityOrder[b.severity],
  );
}

function locationKey(f: Finding): number {
  const l = f.location;
  if (!l) return Number.MAX_SAFE_INTEGER;
  if (l.kind === "paragraph") return l.paragraph * 1e6;
  return l.table * 1e6 + l.row * 1e3 + l.cell;
}

/** Without what was typed: for reports that must not carry a plan's contents. */
export function withoutValues(f: Finding): Finding {
  const { value: _value, reading: _reading, ...rest } = f;
  return rest;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
