/**
 * The edit plan: a pure description of what a fill changes in a document, by location.
 *
 * Planning code builds it from plan data and a snapshot; each host applies it (the .docx writer by
 * splicing XML, the Office.js writer with native Word calls). Every edit carries what was read at
 * its target (`expected`), so a host can refuse to write when the document changed in between.
 *
 * Coordinates: structural edits (`insert-rows`, `insert-block`, `remove-rows`) use the snapshot's
 * coordinates, the document as it was read. Content edits (`set-text`, `set-choice`,
 * `set-marks`) use the coordinates of the document after the structural edits, so a value for a
 * row that is being added addresses that row. `tableShift` and `rowAfterInsert` help the planner
 * compute them.
 */
import { isCellMarked, readOptionParagraph } from "./choices";
import type { Location } from "./plan-data";
import type { DocumentSnapshot, ParagraphSnapshot } from "./snapshot";

/** Where a value lives (see plan-data.ts). */
export type { Location } from "./plan-data";

/** A cell by table (document order, nested included), row and cell index within the row. */
type CellRef = { readonly table: number; readonly row: number; readonly cell: number };

/** Sets the text of a value slot; `\n` separates paragraphs (or line breaks inside a span). */
export type SetTextEdit = {
  readonly kind: "set-text";
  /** The field this edit writes (for reports). */
  readonly field: string;
  /**
   * Where the value goes: cell paragraphs `paragraph .. paragraph+paragraphCount-1` (all the
   * cell's paragraphs when `paragraph` is absent), or the span `start..end` of a body paragraph
   * (the blank after "District/School Name:"; `end` absent means to the end of the paragraph).
   */
  readonly location: Location;
  /**
   * For a cell slot whose first paragraph starts with a label the value follows ("1. "): the
   * label's text, which is kept; the value is written after it in the same paragraph.
   */
  readonly keepPrefix?: string;
  readonly text: string;
  /** The slot's text as it was read ("" for an empty slot). */
  readonly expected: string;
};

/** How a choice is marked in its cells. */
type ChoiceMarkStyle =
  /** A circle glyph (Wingdings or Unicode) already in each option cell; filled for the choice. */
  | { readonly kind: "radio" }
  /** Text typed in the chosen cell (such as "X"); the other option cells are emptied. */
  | { readonly kind: "text"; readonly mark: string };

/** Marks one option cell of a row (a rubric rating, a compliance answer) and clears the others. */
export type SetChoiceEdit = {
  readonly kind: "set-choice";
  readonly field: string;
  readonly table: number;
  readonly row: number;
  /** The option cells (cell indexes within the row), in option order. */
  readonly cells: readonly number[];
  /** Index into `cells` of the chosen option; undefined clears the choice. */
  readonly chosen: number | undefined;
  readonly style: ChoiceMarkStyle;
  /** The text of each option cell as read, in the order of `cells`. */
  readonly expected: readonly string[];
};

/**
 * Marks some of the option paragraphs of one cell (the SFSS priority list) with a checked box
 * at the start of each chosen paragraph, and removes the mark from the others.
 */
export type SetMarksEdit = {
  readonly kind: "set-marks";
  readonly field: string;
  readonly cell: CellRef;
  /** The option paragraphs (paragraph indexes within the cell), in option order. */
  readonly paragraphs: readonly number[];
  /** For each entry of `paragraphs`, whether it is marked. */
  readonly marked: readonly boolean[];
  /** The text of each option paragraph as read. */
  readonly expected: readonly string[];
};

/** A paragraph of a cloned row that keeps (or gets) a label; every other paragraph is emptied. */
export type RowLabel = {
  readonly cell: number;
  readonly paragraph: number;
  readonly text: string;
};

/** Adds rows cloned from a template row: same properties, text emptied, labels renumbered. */
type InsertRowsEdit = {
  readonly kind: "insert-rows";
  /** The section the rows belong to (for reports). */
  readonly section: string;
  readonly table: number;
  /** The row whose properties the new rows copy. */
  readonly templateRow: number;
  /** The new rows go after this row. */
  readonly after: number;
  /** One entry per new row: the labels it carries. */
  readonly rows: readonly (readonly RowLabel[])[];
  /** The template row's cell texts as read (the safety check). */
  readonly expected: readonly string[];
};

/** A label inside a cloned block of tables, by table offset within the block. */
export type BlockLabel = {
  /** 0 for the block's first table. */
  readonly table: number;
  readonly row: number;
  readonly cell: number;
  readonly paragraph: number;
  readonly text: string;
};

/**
 * Adds copies of a block of consecutive top-level tables ("Challenge/Problem #2" and its two
 * tables) after the block; each copy keeps only its labels (renumbered), everything else emptied.
 */
type InsertBlockEdit = {
  readonly kind: "insert-block";
  readonly section: string;
  /** The block's first table and how many tables it has. */
  readonly firstTable: number;
  readonly tableCount: number;
  /** One entry per copy: the labels it carries. */
  readonly copies: readonly (readonly BlockLabel[])[];
  /** The text of the block's first cell as read. */
  readonly expected: string;
};

/** Removes rows that PlanAssist added and that are still empty. */
type RemoveRowsEdit = {
  readonly kind: "remove-rows";
  readonly section: string;
  readonly table: number;
  readonly rows: readonly number[];
  /** For each row, its cell texts as read; labels are allowed, values must be empty. */
  readonly expected: readonly (readonly string[])[];
};

export type StructureEdit = InsertRowsEdit | InsertBlockEdit | RemoveRowsEdit;
export type ContentEdit = SetTextEdit | SetChoiceEdit | SetMarksEdit;
export type Edit = StructureEdit | ContentEdit;

export type EditPlan = {
  /** Applied first, in snapshot coordinates. */
  readonly structure: readonly StructureEdit[];
  /** Applied second, in the coordinates of the document after `structure`. */
  readonly content: readonly ContentEdit[];
};

/** Why a value was not planned for writing. */
type SkipReason =
  /** The slot holds text a person typed and the caller did not confirm overwriting it. */
  | "typed-text"
  /** The plan data names a place the document does not have. */
  | "no-location"
  /** The value cannot be written there (an option the template does not offer). */
  | "unknown-option";

export type Skip = {
  readonly field: string;
  readonly reason: SkipReason;
  readonly message: string;
  readonly location?: Location;
};

export function isEmptyPlan(plan: EditPlan): boolean {
  return plan.structure.length === 0 && plan.content.length === 0;
}

/** A short description of where an edit writes, for reports ("table 4, row 3, cell 1"). */
export function describeEdit(edit: Edit): string {
  switch (edit.kind) {
    case "set-text":
      return describeLocation(edit.location);
    case "set-choice":
      return `table ${edit.table + 1}, row ${edit.row + 1}`;
    case "set-marks":
      return `table ${edit.cell.table + 1}, row ${edit.cell.row + 1}, cell ${edit.cell.cell + 1}`;
    case "insert-rows":
      return `${edit.rows.length} new row(s) in table ${edit.table + 1} after row ${edit.after + 1}`;
    case "insert-block":
      return `${edit.copies.length} new copy(ies) of tables ${edit.firstTable + 1}-${edit.firstTable + edit.tableCount}`;
    case "remove-rows":
      return `${edit.rows.length} added row(s) removed from table ${edit.table + 1}`;
  }
}

export function describeLocation(location: Location): string {
  if (location.kind === "paragraph") return `paragraph ${location.paragraph + 1}`;
  const base = `table ${location.table + 1}, row ${location.row + 1}, cell ${location.cell + 1}`;
  return location.paragraph === undefined ? base : `${base}, paragraph ${location.paragraph + 1}`;
}

/** The field or section an edit belongs to. */
export function editSubject(edit: Edit): string {
  return "field" in edit ? edit.field : edit.section;
}

/**
 * Continues a numbered label: `nextLabel("Action 3:", 1)` is "Action 4:", `nextLabel("3. ", 2)`
 * is "5. ", `nextLabel("Challenge/Problem #2", 1)` is "Challenge/Problem #3". The last number in
 * the label is the one counted; a label without a number is returned as it is.
 */
export function nextLabel(label: string, step: number): string {
  const m = /^(.*?)(\d+)(\D*)$/s.exec(label);
  if (!m) return label;
  return `${m[1] ?? ""}${Number(m[2]) + step}${m[3] ?? ""}`;
}

/**
 * Replaces every number `from` standing alone in a label with `to` ("Root Causes Contributing to
 * Challenge #2" -> "... #3"); used to renumber the labels of a copied block.
 */
export function renumberLabel(label: string, from: number, to: number): string {
  return label.replace(new RegExp(`(?<!\\d)${from}(?!\\d)`, "g"), String(to));
}

// ---------------------------------------------------------------------------------------------
// Reading slots back from a snapshot: the safety check before writing and the check after it.

/** A text cut short for messages (the value of a cell, what a cell holds). */
export function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** Line endings unified, trailing empty lines dropped: how slot texts are compared. */
export function normaliseSlotText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/\n+$/, "");
}

/**
 * How many characters at the start of `text` are the label `prefix` (0 when the label is not
 * there). Spaces and no-break spaces count as the same, and a label whose trailing space was
 * removed still counts.
 */
export function prefixLength(text: string, prefix: string): number {
  const norm = (x: string) => x.replace(/\u00a0/g, " ");
  const t = norm(text);
  const p = norm(prefix);
  if (t.startsWith(p)) return p.length;
  const bare = p.trimEnd();
  if (bare.length > 0 && t.startsWith(bare)) {
    let k = bare.length;
    while (k < t.length && t[k] === " ") k++;
    return k;
  }
  return 0;
}

/** The text a set-text edit's slot holds in a snapshot, or undefined when the slot is missing. */
export function slotText(
  snapshot: DocumentSnapshot,
  location: Location,
  keepPrefix?: string,
): string | undefined {
  if (location.kind === "paragraph") {
    const p = snapshot.paragraphs[location.paragraph];
    if (!p) return undefined;
    const start = Math.min(location.start ?? 0, p.text.length);
    const end = Math.min(location.end ?? p.text.length, p.text.length);
    return p.text.slice(start, Math.max(start, end));
  }
  const cell = snapshot.tables[location.table]?.rows[location.row]?.cells[location.cell];
  if (!cell) return undefined;
  const from = location.paragraph ?? 0;
  if (from >= cell.paragraphs.length && from > 0) return undefined;
  if (keepPrefix !== undefined) {
    const text = cell.paragraphs[from]?.text ?? "";
    return text.slice(prefixLength(text, keepPrefix));
  }
  const count = location.paragraphCount ?? cell.paragraphs.length - from;
  return cell.paragraphs
    .slice(from, from + count)
    .map((p, i) =>
      i === 0 && location.start !== undefined ? p.text.slice(location.start) : p.text,
    )
    .join("\n");
}

/** Which option cell of a choice row is marked (radio filled or a typed mark), or -1 for none. */
export function chosenCell(
  snapshot: DocumentSnapshot,
  table: number,
  row: number,
  cells: readonly number[],
): number | undefined {
  const r = snapshot.tables[table]?.rows[row];
  if (!r) return undefined;
  let chosen = -1;
  for (let i = 0; i < cells.length; i++) {
    const c = r.cells[cells[i] as number];
    if (!c) return undefined;
    if (isCellMarked(c.paragraphs)) {
      chosen = i;
      break;
    }
  }
  return chosen;
}

/** Whether an option paragraph is checked (a leading checked glyph or typed mark). */
export function paragraphMarked(p: ParagraphSnapshot): boolean {
  return readOptionParagraph(p).checked;
}

/**
 * How many characters at the start of an option paragraph are its mark (a box or circle glyph, or
 * a typed "X ", with the spaces after it); 0 when it has none.
 */
export function leadingMarkLength(p: ParagraphSnapshot): number {
  const g = p.glyphs[0];
  if (g && g.offset === 0) {
    let k = 1;
    while (k < p.text.length && /[ \u00a0]/.test(p.text[k] as string)) k++;
    return k;
  }
  const m = /^([xX✓✔☒☑●■√○☐◯□])(?:[ \u00a0)]+)/.exec(p.text);
  return m ? m[0].length : 0;
}

/** The cell texts of a row, or undefined when it is missing. */
export function rowTexts(
  snapshot: DocumentSnapshot,
  table: number,
  row: number,
): readonly string[] | undefined {
  return snapshot.tables[table]?.rows[row]?.cells.map((c) => c.text);
}

/**
 * How far the spans written before a body-paragraph span (in the same paragraph) move it: the
 * "Today's Date" blank moves when the name before it is filled.
 */
function spanShift(edit: SetTextEdit, all: readonly ContentEdit[]): number {
  const loc = edit.location;
  if (loc.kind !== "paragraph") return 0;
  let shift = 0;
  for (const o of all) {
    if (o === edit || o.kind !== "set-text" || o.location.kind !== "paragraph") continue;
    if (o.location.paragraph !== loc.paragraph) continue;
    const oStart = o.location.start ?? 0;
    if (oStart >= (loc.start ?? 0) || o.location.end === undefined) continue;
    shift += normaliseSlotText(o.text).length - (o.location.end - oStart);
  }
  return shift;
}

/**
 * Whether a content edit's target holds what the edit wrote (the check after writing). For a
 * value longer than its slot (more lines than the slot's paragraphs), the added paragraphs count.
 */
export function holdsWritten(
  snapshot: DocumentSnapshot,
  edit: ContentEdit,
  all: readonly ContentEdit[] = [],
): boolean {
  switch (edit.kind) {
    case "set-text": {
      const want = normaliseSlotText(edit.text);
      let loc: Location = edit.location;
      if (loc.kind === "paragraph") {
        const start = (loc.start ?? 0) + spanShift(edit, all);
        loc =
          loc.end === undefined ? { ...loc, start } : { ...loc, start, end: start + want.length };
      }
      const found = slotText(snapshot, loc, edit.keepPrefix);
      return found !== undefined && normaliseSlotText(found) === want;
    }
    case "set-choice":
      return chosenCell(snapshot, edit.table, edit.row, edit.cells) === (edit.chosen ?? -1);
    case "set-marks": {
      const cell = snapshot.tables[edit.cell.table]?.rows[edit.cell.row]?.cells[edit.cell.cell];
      if (!cell) return false;
      return edit.paragraphs.every((k, i) => {
        const p = cell.paragraphs[k];
        return p !== undefined && paragraphMarked(p) === (edit.marked[i] ?? false);
      });
    }
  }
}
