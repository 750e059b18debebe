/**
 * The form layout: labelled cells in one table. Each field's `slot` says where its value is:
 * `right` (the cell beside the label), `below` (paragraphs below the label in the same cell, up to
 * the next label), `inline` (after the label in its paragraph), `next-row` (the cell below).
 */
import { documentContext, type DocumentContext } from "../document-context";
import type { FieldData } from "../plan-data";
import { cellAtGridColumn, type DocumentSnapshot, type TableSnapshot } from "../snapshot";
import type { FieldDefinition } from "../template-definition";
import { cleanCellTexts, labelsOf, startsWithLabel, startsWithLabelClean } from "../text-match";
import {
  guidanceById,
  type Candidate,
  type Layout,
  type Positions,
  type SectionOf,
} from "./layout";
import { mayStartWith, tableCandidates } from "./tables";
import {
  emptyFields,
  emptyValue,
  fieldData,
  nextLabelParagraph,
  readBelow,
  readWholeCell,
  type Slot,
  type ValueRules,
} from "./values";

type FormSection = SectionOf<"form">;

/** A table is the form when it holds at least one of its labels. */
function formCandidates(
  snapshot: DocumentSnapshot,
  section: FormSection,
  pos: Positions,
  ctx: DocumentContext,
): Candidate[] {
  return tableCandidates(snapshot, section, pos, ctx, (table, base, matched) => {
    let score = base;
    // A table none of whose paragraphs starts with a field's label is not walked for it.
    const found = section.fields.filter(
      (f) =>
        mayStartWith(snapshot, table, labelsOf(f, ctx), ctx) &&
        findFormLabel(table, f, undefined, ctx) !== undefined,
    ).length;
    if (found === 0) return undefined;
    score = (score + found / section.fields.length) / 2;
    matched.push(`${found} of ${section.fields.length} labels`);
    return { score };
  });
}

/** The first cell paragraph that starts with one of the field's labels. */
function findFormLabel(
  table: TableSnapshot,
  f: Pick<FieldDefinition, "label" | "match">,
  from?: { row: number; cell: number; paragraph: number },
  ctx: DocumentContext = documentContext(),
): { row: number; cell: number; paragraph: number; n: number } | undefined {
  const labels = labelsOf(f, ctx);
  const cleaned = cleanCellTexts(table, ctx);
  let k = 0; // index of the cell's first paragraph in `cleaned`
  for (const row of table.rows) {
    for (const cell of row.cells) {
      const first = k;
      k += cell.paragraphs.length;
      if (cell.vMerge === "continue") continue;
      if (from && (row.index < from.row || (row.index === from.row && cell.index < from.cell)))
        continue;
      for (let i = 0; i < cell.paragraphs.length; i++) {
        // A blank paragraph (cleaned to "") starts with no label.
        const clean = cleaned[first + i] ?? "";
        if (clean === "") continue;
        for (const l of labels) {
          const hit = startsWithLabelClean(clean, l, ctx);
          if (hit) return { row: row.index, cell: cell.index, paragraph: i, n: hit.n };
        }
      }
    }
  }
  return undefined;
}

function readFormFields(
  snapshot: DocumentSnapshot,
  tableIndex: number,
  fields: readonly FieldDefinition[],
  ctx: DocumentContext,
): FieldData[] {
  const table = snapshot.tables[tableIndex];
  if (!table) return fields.map((f) => fieldData(f, emptyValue(f), undefined));
  const allLabels = fields.flatMap((f) => labelsOf(f, ctx));
  return fields.map((f) => {
    const at = findFormLabel(table, f, undefined, ctx);
    if (!at) return fieldData(f, emptyValue(f), undefined);
    const row = table.rows[at.row];
    const cell = row?.cells[at.cell];
    if (!row || !cell) return fieldData(f, emptyValue(f), undefined);
    const rules: ValueRules = { prompts: f.prompts, placeholders: f.placeholders };
    const labelText = cell.paragraphs[at.paragraph]?.text ?? "";
    const label = labelsOf(f, ctx).find((l) => startsWithLabel(labelText, l, ctx)) ?? f.label;
    const slot = f.slot ?? "right";
    let read: Slot | undefined;
    if (slot === "right") {
      const next = row.cells[at.cell + 1];
      if (next) read = readWholeCell(tableIndex, at.row, next, rules, ctx);
    } else if (slot === "next-row") {
      const below = table.rows[at.row + 1];
      const target = below ? cellAtGridColumn(below, cell.gridColumn) : undefined;
      if (below && target) read = readWholeCell(tableIndex, below.index, target, rules, ctx);
    } else if (slot === "inline") {
      read = readBelow(tableIndex, at.row, cell, at.paragraph, label, at.paragraph + 1, rules, ctx);
    } else {
      const to = nextLabelParagraph(
        cell,
        at.paragraph,
        allLabels.filter((l) => !labelsOf(f, ctx).includes(l)),
        ctx,
      );
      read = readBelow(tableIndex, at.row, cell, at.paragraph, label, to, rules, ctx);
    }
    return read ? fieldData(f, read.value, read.location) : fieldData(f, emptyValue(f), undefined);
  });
}

export const formLayout: Layout<FormSection> = Object.freeze({
  kind: "form",
  candidates: formCandidates,
  empty: (section: FormSection) => ({ fields: emptyFields(section.fields) }),
  read: (
    snapshot: DocumentSnapshot,
    section: FormSection,
    found: { readonly table?: number },
    _used: Set<number>,
    ctx: DocumentContext,
  ) =>
    found.table !== undefined
      ? { fields: readFormFields(snapshot, found.table, section.fields, ctx) }
      : undefined,
  fieldGuidance: (section: FormSection, field: string) => guidanceById(section.fields, field),
});
