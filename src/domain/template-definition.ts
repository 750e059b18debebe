/**
 * Template definitions: what a template looks like, as data.
 *
 * A definition says how to recognise each of the template's tables (header texts with aliases,
 * anchor labels), its sections in order, and for every field its stable id, label, type, whether
 * it is required and the guidance quoted from the template. The engine (`plan-reader.ts`) turns a
 * definition plus a document snapshot into plan data; no template has code paths of its own.
 *
 * Texts used for matching are compared after normalising (case, curly quotes, dashes, spaces,
 * trailing colons and asterisks), so a definition quotes the template as printed.
 */
import { z } from "zod";
import { fieldTypeSchema } from "./plan-data";

const kebabId = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    "ids are kebab-case: lower-case letters, digits and hyphens",
  );

/** A text as printed in the template, then aliases districts use for it. */
const textsSchema = z.array(z.string().min(1)).min(1);

/**
 * Where a field's value sits relative to its label.
 * - `right`: in the next cell of the same row (label/value cell pairs).
 * - `below`: in the paragraphs below the label inside the same cell, up to the next label; when
 *   there is no paragraph below, after the label in its own paragraph (`inline`).
 * - `inline`: after the label in the label's own paragraph.
 * - `next-row`: in the cell below the label's cell (label row, then value row).
 * - `cell`: the whole cell (header + data rows; the cell is found by its column).
 */
const slotSchema = z.enum(["right", "below", "inline", "next-row", "cell"]);

const fieldDefinitionSchema = z
  .object({
    /** Stable id, kebab-case; never reworded once published. */
    id: kebabId,
    /** What a person sees. */
    label: z.string().min(1),
    type: fieldTypeSchema,
    required: z.boolean(),
    /** Guidance quoted from the template's own prompts and directions. */
    guidance: z.string().optional(),
    /** Options of a choice field, in the template's order (also suggested values for a text field). */
    options: z.array(z.string().min(1)).optional(),
    /**
     * The label as printed in the document, then aliases. For a row column, the column header
     * texts. `{n}` stands for a number (Action {n}:). Defaults to the label.
     */
    match: textsSchema.optional(),
    /** For a column holding several labelled fields (Perkins "Action 1:" and "Resources Required:"), the label inside the cell. */
    cellLabel: textsSchema.optional(),
    slot: slotSchema.optional(),
    /** Template prompts that sit in the value slot; they are never the answer. */
    prompts: z.array(z.string().min(1)).optional(),
    /** Template text in the value slot that is not an answer (`$`, `1.`, `<Insert district name>`). */
    placeholders: z.array(z.string().min(1)).optional(),
  })
  .superRefine((f, ctx) => {
    if ((f.type === "single-choice" || f.type === "multiple-choice") && !f.options?.length) {
      ctx.addIssue({ code: "custom", message: `choice field "${f.id}" needs options` });
    }
  });
export type FieldDefinition = z.infer<typeof fieldDefinitionSchema>;

/** How to find a section's table. */
const tableMatchSchema = z.object({
  /**
   * Texts that must appear in the table (a cell or a cell paragraph starting with the text).
   * `{n}` stands for a block number (Challenge/Problem #{n}).
   */
  anchors: z.array(textsSchema).default([]),
  /** Anchors that make a match more certain but may be deleted by a district. */
  optionalAnchors: z.array(textsSchema).default([]),
  /**
   * The table comes after a body paragraph starting with one of these texts (a component heading).
   * Tables after the next `after` heading of a later section are not taken.
   */
  after: textsSchema.optional(),
  /** The table is the first after a body paragraph starting with one of these texts ("School will:"). */
  precededBy: textsSchema.optional(),
  /**
   * The text of the table's first cell (its title) when that is not the first anchor. Word joins
   * a table into the one above it when nothing stands between them; a row whose first cell is a
   * template table's title is where the joined table is read apart again.
   */
  startsWith: textsSchema.optional(),
});
export type TableMatch = z.infer<typeof tableMatchSchema>;

const rowLimitsSchema = z.object({
  min: z.number().int().nonnegative(),
  max: z.number().int().positive(),
});

const fixedRowSchema = z.object({
  id: kebabId,
  label: z.string().min(1),
  match: textsSchema.optional(),
  /** Type of the row's value cells (a rate is a percent, a ratio "n:1", a count a number). */
  type: fieldTypeSchema,
  required: z.boolean().default(false),
  guidance: z.string().optional(),
});

const sectionBase = {
  id: kebabId,
  label: z.string().min(1),
  guidance: z.string().optional(),
  /**
   * The section's table(s) repeat as numbered blocks (Challenge/Problem #1, #2; High-Leverage
   * Strategy #1, #2). Every table that matches is a block; sections of one block share its number.
   */
  repeats: z.boolean().default(false),
  /** Weight in recognition (0 leaves it out: optional sections). */
  weight: z.number().nonnegative().default(1),
  /** The section lives in the table(s) found for another section (DDTT Strategy row above the action steps). */
  sameTableAs: kebabId.optional(),
};

/** Labelled blanks in one body paragraph outside tables ("District/School Name: ____ Today's Date: ____"). */
const paragraphSectionSchema = z.object({
  ...sectionBase,
  layout: z.literal("paragraph"),
  fields: z.array(fieldDefinitionSchema).min(1),
});

/**
 * A signature line outside tables: a line of blanks ("________   ______") above its caption
 * ("Superintendent/Consortium Director Signature   Date"). The section's first field's `match` is
 * the caption; the fields take the line's blanks in order. Shown as to-do items, never filled.
 */
const signatureSectionSchema = z.object({
  ...sectionBase,
  layout: z.literal("signature-line"),
  fields: z.array(fieldDefinitionSchema).min(1),
});

/** Labelled cells in one table: label/value pairs, value below a label, label row then value row. */
const formSectionSchema = z.object({
  ...sectionBase,
  layout: z.literal("form"),
  table: tableMatchSchema,
  fields: z.array(fieldDefinitionSchema).min(1),
});

/** A header row and data rows that repeat (action steps, activities, next steps). */
const rowsSectionSchema = z.object({
  ...sectionBase,
  layout: z.literal("rows"),
  table: tableMatchSchema,
  /** One field per column (`match` = the header and its aliases). Columns may share a header (`cellLabel`). */
  columns: z.array(fieldDefinitionSchema).min(1),
  /** The row below the header holds guiding questions (not data). */
  guidanceRow: textsSchema.optional(),
  /** Label the template prints in each data row's first column ("Action {n}:"); data rows keep it. */
  rowLabel: z.string().optional(),
  rows: rowLimitsSchema,
  /**
   * When several tables match and some of them have the guidance row, keep only those (a blank
   * illustration of the table elsewhere in the template is not a plan).
   */
  preferGuidanceRow: z.boolean().default(false),
});

/** Rows the template labels (metrics, Root Cause A-D): one field per row and value column. */
const fixedRowsSectionSchema = z.object({
  ...sectionBase,
  layout: z.literal("fixed-rows"),
  table: tableMatchSchema,
  /** Value columns: `match` = header texts (or, without a header row, the column position via `column`). */
  columns: z.array(
    z.object({
      id: kebabId,
      label: z.string().min(1),
      match: textsSchema.optional(),
      /** Grid column when there is no header for it. */
      column: z.number().int().nonnegative().optional(),
      /** Type of this column's cells when it differs from the row's type (free text for student groups). */
      type: fieldTypeSchema.optional(),
    }),
  ),
  rows: z.array(fixedRowSchema).min(1),
});

/** A rating per criterion (CLNA rubric): the criterion's row ends with one cell per option. */
const ratingSectionSchema = z.object({
  ...sectionBase,
  layout: z.literal("rating"),
  options: z.array(z.string().min(1)).min(2),
  /** Each criterion: a single-choice field; `match` = the criterion's label as printed (prefix). */
  fields: z.array(fieldDefinitionSchema).min(1),
});

/** Items as rows, options as columns (CLNA compliance): a mark in one column is the answer. */
const choiceMatrixSectionSchema = z.object({
  ...sectionBase,
  layout: z.literal("choice-matrix"),
  table: tableMatchSchema,
  /** Options with their column headers. */
  options: z.array(z.object({ label: z.string().min(1), match: textsSchema.optional() })).min(2),
  /** Each item: a single-choice field; `match` = the item text as printed (prefix). */
  fields: z.array(fieldDefinitionSchema).min(1),
});

export const sectionDefinitionSchema = z.discriminatedUnion("layout", [
  paragraphSectionSchema,
  signatureSectionSchema,
  formSectionSchema,
  rowsSectionSchema,
  fixedRowsSectionSchema,
  ratingSectionSchema,
  choiceMatrixSectionSchema,
]);
export type SectionDefinition = z.infer<typeof sectionDefinitionSchema>;
export type SectionDefinitionInput = z.input<typeof sectionDefinitionSchema>;

export const templateDefinitionSchema = z
  .object({
    id: kebabId,
    /** Name as the template prints it. */
    name: z.string().min(1),
    /** Short label for lists. */
    shortName: z.string().min(1),
    description: z.string(),
    /** Where the template comes from (publisher, document number). */
    source: z.string(),
    /**
     * A document may hold several plans of this template (the Perkins file holds two): each match
     * of this paragraph section starts a new plan; later sections belong to it.
     */
    planStartsAt: kebabId.optional(),
    /** Share of weighted sections that must be found to call the document this template. */
    threshold: z.number().min(0).max(1).default(0.5),
    sections: z.array(sectionDefinitionSchema).min(1),
  })
  .superRefine((t, ctx) => {
    const ids = new Set<string>();
    for (const s of t.sections) {
      if (ids.has(s.id)) ctx.addIssue({ code: "custom", message: `section id "${s.id}" repeats` });
      ids.add(s.id);
      const fields =
        s.layout === "rows"
          ? s.columns
          : s.layout === "fixed-rows"
            ? s.rows.flatMap((r) => s.columns.map((c) => ({ id: `${r.id}-${c.id}` })))
            : s.fields;
      const fieldIds = new Set<string>();
      for (const f of fields) {
        if (fieldIds.has(f.id)) {
          ctx.addIssue({
            code: "custom",
            message: `field id "${f.id}" repeats in section "${s.id}"`,
          });
        }
        fieldIds.add(f.id);
      }
    }
    if (t.planStartsAt !== undefined) {
      const start = t.sections.find((s) => s.id === t.planStartsAt);
      if (!start || start.layout !== "paragraph") {
        ctx.addIssue({
          code: "custom",
          message: `planStartsAt "${t.planStartsAt}" must name a paragraph section`,
        });
      }
    }
  });
export type TemplateDefinition = z.infer<typeof templateDefinitionSchema>;
type TemplateDefinitionInput = z.input<typeof templateDefinitionSchema>;

/**
 * Validates a definition when it loads. A definition that does not parse is a bug in the
 * definition, reported with every problem found.
 */
export function defineTemplate(input: TemplateDefinitionInput): TemplateDefinition {
  const parsed = templateDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join(".") || "(definition)"}: ${i.message}`)
      .join("; ");
    throw new Error(`Template definition "${String(input.id)}" is not valid: ${problems}`);
  }
  return parsed.data;
}

/** Every field definition of a section, with the ids plan data uses. */
export function sectionFieldIds(section: SectionDefinition): string[] {
  switch (section.layout) {
    case "rows":
      return section.columns.map((c) => c.id);
    case "fixed-rows":
      return section.rows.flatMap((r) => section.columns.map((c) => `${r.id}-${c.id}`));
    default:
      return section.fields.map((f) => f.id);
  }
}
