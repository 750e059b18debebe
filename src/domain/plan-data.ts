/**
 * Plan data: a document's plans as structured, versioned JSON.
 *
 * `planassist inspect --json` prints it, `planassist fill --data` takes it back, and the task pane
 * edits it; reading, editing and writing round-trip. Ids are stable (templates, sections, fields);
 * labels are for people and may change.
 */
import { z } from "zod";

export const PLAN_DATA_FORMAT = "planassist.plan-data";
export const PLAN_DATA_VERSION = 1;

export const fieldTypeSchema = z.enum([
  "text",
  "long-text",
  "person",
  "date",
  "date-range",
  "number",
  "percent",
  "ratio",
  "money",
  "single-choice",
  "multiple-choice",
]);
export type FieldType = z.infer<typeof fieldTypeSchema>;

const cellLocationSchema = z.object({
  kind: z.literal("cell"),
  table: z.number().int().nonnegative(),
  row: z.number().int().nonnegative(),
  cell: z.number().int().nonnegative(),
  paragraph: z.number().int().nonnegative().optional(),
  /** How many paragraphs from `paragraph` hold the value (for a value between two labels). */
  paragraphCount: z.number().int().positive().optional(),
  /**
   * Character offset in paragraph `paragraph` where the value begins, when the value follows a
   * label in the same paragraph ("Milestone 1 (...): <value>"); the label before it is kept.
   */
  start: z.number().int().nonnegative().optional(),
});

const paragraphLocationSchema = z.object({
  kind: z.literal("paragraph"),
  paragraph: z.number().int().nonnegative(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
});

export const locationSchema = z.discriminatedUnion("kind", [
  cellLocationSchema,
  paragraphLocationSchema,
]);

/**
 * Where a value lives in the document: a cell's paragraphs (from character `start` of the first
 * one when a label comes first in it), or a span of a body paragraph. The one location type of
 * the plan data, the snapshot, edits and findings.
 */
export type Location = z.infer<typeof locationSchema>;
export type CellLocation = z.infer<typeof cellLocationSchema>;

/** A text value, or the chosen options of a choice field (one for single choice). */
const fieldValueSchema = z.union([z.string(), z.array(z.string())]);
export type FieldValue = z.infer<typeof fieldValueSchema>;

/** A value as one text (plan-keys.ts, which the pane's first paint loads alone). */
export { valueText } from "./plan-keys";

const fieldDataSchema = z.object({
  id: z.string().min(1),
  label: z.string(),
  type: fieldTypeSchema,
  required: z.boolean(),
  value: fieldValueSchema,
  /** Options of a choice field, in the template's order. */
  options: z.array(z.string()).optional(),
  /** Where the value lives; absent for a value in a row that is still to be added. */
  location: locationSchema.optional(),
  /**
   * For a choice field, where each option's mark lives, in `options` order: the option's cell
   * (a rating circle, a compliance column) or its paragraph in a cell (an SFSS priority).
   */
  optionLocations: z.array(locationSchema).optional(),
});
export type FieldData = z.infer<typeof fieldDataSchema>;

/**
 * Where a dated step stands (computed for `asOf`; `inspect --json` adds it, a fill ignores it).
 * The status is never stored: the template's own completion or status column holds it.
 */
const stepStatusSchema = z.object({
  state: z.enum(["overdue", "due-soon", "not-started", "no-date", "done"]),
  /** The day the state was computed for (yyyy-MM-dd). */
  asOf: z.string(),
  /** The deadline compared with it (yyyy-MM-dd), when the row gives one. */
  deadline: z.string().optional(),
  /** The completion date the status column gives, when it gives one. */
  doneOn: z.string().optional(),
});
export type StepStatus = z.infer<typeof stepStatusSchema>;

const rowDataSchema = z.object({
  /** Position among the section's data rows (0-based). */
  index: z.number().int().nonnegative(),
  /** True for a row PlanAssist added (it may be removed again while empty). */
  added: z.boolean().optional(),
  /** Row label the template gives a row (a metric name, "Action 2", "Root Cause B"), when it has one. */
  label: z.string().optional(),
  cells: z.array(fieldDataSchema),
  /** For a row that is a dated step (an action step, a next step, an activity): its status. */
  status: stepStatusSchema.optional(),
});
export type RowData = z.infer<typeof rowDataSchema>;

const sectionDataSchema = z.object({
  id: z.string().min(1),
  label: z.string(),
  /** For blocks the template repeats (challenge #1, #2, ...): the block number, from 1. */
  block: z.number().int().positive().optional(),
  fields: z.array(fieldDataSchema),
  /** Data rows of a table whose rows repeat. */
  rows: z.array(rowDataSchema).optional(),
  /** How many data rows the section may have (rows beyond the document's are added). */
  rowLimits: z
    .object({ min: z.number().int().nonnegative(), max: z.number().int().positive() })
    .optional(),
});
export type SectionData = z.infer<typeof sectionDataSchema>;

/** A section named as text (plan-keys.ts, loaded alone by the pane). */
export { sectionKey } from "./plan-keys";

const planDataSchema = z.object({
  template: z.string().min(1),
  /** 0 for the first plan of this template in the document, 1 for the second, ... */
  instance: z.number().int().nonnegative(),
  label: z.string(),
  sections: z.array(sectionDataSchema),
});
export type PlanData = z.infer<typeof planDataSchema>;

export const documentPlanDataSchema = z.object({
  format: z.literal(PLAN_DATA_FORMAT),
  version: z.literal(PLAN_DATA_VERSION),
  plans: z.array(planDataSchema),
});
export type DocumentPlanData = z.infer<typeof documentPlanDataSchema>;
