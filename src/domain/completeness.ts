/**
 * Completeness: per section and per plan, how many required fields are filled and how many of
 * those are also valid (no error finding on them).
 *
 * Required fields are a section's required fields, plus the required cells of every row in use;
 * a table that needs rows and has none counts its first row's required cells as unfilled.
 */
import { z } from "zod";
import type { Finding } from "./findings";
import type { DocumentPlanData, FieldData, PlanData, RowData, SectionData } from "./plan-data";
import { filled, isSignatureSection, usedRows } from "./rules/rule";

const sectionCompletenessSchema = z.object({
  section: z.string(),
  label: z.string(),
  block: z.number().int().positive().optional(),
  required: z.number().int().nonnegative(),
  filled: z.number().int().nonnegative(),
  valid: z.number().int().nonnegative(),
  complete: z.boolean(),
});
type SectionCompleteness = z.infer<typeof sectionCompletenessSchema>;

export const planCompletenessSchema = z.object({
  template: z.string(),
  plan: z.number().int().nonnegative(),
  label: z.string(),
  required: z.number().int().nonnegative(),
  filled: z.number().int().nonnegative(),
  valid: z.number().int().nonnegative(),
  /** Share of required fields filled and valid, 0-100 (100 for a plan with nothing required). */
  percent: z.number().min(0).max(100),
  complete: z.boolean(),
  sections: z.array(sectionCompletenessSchema),
});
export type PlanCompleteness = z.infer<typeof planCompletenessSchema>;

function key(
  section: string,
  block: number | undefined,
  field: string,
  row: number | undefined,
): string {
  return `${section}|${block ?? ""}|${field}|${row ?? ""}`;
}

function sectionCompleteness(
  section: SectionData,
  errors: ReadonlySet<string>,
): SectionCompleteness {
  let required = 0;
  let nFilled = 0;
  let valid = 0;
  const count = (field: FieldData, row?: RowData) => {
    if (!field.required) return;
    required++;
    if (!filled(field)) return;
    nFilled++;
    if (!errors.has(key(section.id, section.block, field.id, row?.index))) valid++;
  };
  for (const f of section.fields) count(f);
  const rows = usedRows(section);
  for (const r of rows) for (const c of r.cells) count(c, r);
  const min = section.rowLimits?.min ?? 0;
  if (rows.length < min) {
    const template = section.rows?.[0]?.cells ?? [];
    required += (min - rows.length) * template.filter((c) => c.required).length;
  }
  const out: SectionCompleteness = {
    section: section.id,
    label: section.label,
    required,
    filled: nFilled,
    valid,
    complete: valid === required,
  };
  if (section.block !== undefined) out.block = section.block;
  return out;
}

/** Completeness of one plan, given the findings about it. */
export function planCompleteness(plan: PlanData, findings: readonly Finding[]): PlanCompleteness {
  const errors = new Set(
    findings
      .filter(
        (f) =>
          f.severity === "error" &&
          f.template === plan.template &&
          f.plan === plan.instance &&
          f.field,
      )
      .map((f) => key(f.section ?? "", f.block, f.field ?? "", f.row)),
  );
  // Signature lines are signed by hand on paper: not part of what a plan needs to be complete.
  const sections = plan.sections
    .filter((s) => !isSignatureSection(s))
    .map((s) => sectionCompleteness(s, errors));
  const required = sections.reduce((n, s) => n + s.required, 0);
  const nFilled = sections.reduce((n, s) => n + s.filled, 0);
  const valid = sections.reduce((n, s) => n + s.valid, 0);
  return {
    template: plan.template,
    plan: plan.instance,
    label: plan.label,
    required,
    filled: nFilled,
    valid,
    percent: required === 0 ? 100 : Math.floor((valid / required) * 1000) / 10,
    complete: valid === required,
    sections,
  };
}

/** Completeness of every plan in a document. */
export function documentCompleteness(
  document: DocumentPlanData,
  findings: readonly Finding[],
): PlanCompleteness[] {
  return document.plans.map((p) => planCompleteness(p, findings));
}
