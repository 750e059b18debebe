/**
 * The choice-matrix layout: items as rows, options as columns (CLNA compliance). An item's row is
 * found by its text; its options are the cells under the options' headers.
 */
import { documentContext, type DocumentContext } from "../document-context";
import type { FieldData } from "../plan-data";
import {
  cellAtGridColumn,
  type DocumentSnapshot,
  type RowSnapshot,
  type TableSnapshot,
} from "../snapshot";
import type { FieldDefinition } from "../template-definition";
import { cleanLabel, cleanRowTexts, findHeaderRow, labelsOf, wholeCellText } from "../text-match";
import {
  guidanceById,
  type Candidate,
  type Layout,
  type Positions,
  type SectionOf,
} from "./layout";
import { tableCandidates } from "./tables";
import { choiceField, fieldData } from "./values";

type MatrixSection = SectionOf<"choice-matrix">;

/** A table is the matrix when it has two of its options' headers and one of its items. */
function matrixCandidates(
  snapshot: DocumentSnapshot,
  section: MatrixSection,
  pos: Positions,
  ctx: DocumentContext,
): Candidate[] {
  return tableCandidates(snapshot, section, pos, ctx, (table, base, matched) => {
    let score = base;
    const header = findHeaderRow(table, section.options, ctx);
    if (!header || header.matched < 2) return undefined;
    const found = section.fields.filter((f) => findItemRow(table, f, ctx) !== undefined).length;
    if (found === 0) return undefined;
    score = (score + found / section.fields.length) / 2;
    matched.push(`${found} of ${section.fields.length} items`);
    return { score };
  });
}

/** The row of a choice-matrix item: its first cell's text and the item text agree (one a prefix of the other). */
function findItemRow(
  table: TableSnapshot,
  f: FieldDefinition,
  ctx: DocumentContext = documentContext(),
): number | undefined {
  for (let ri = 0; ri < table.rows.length; ri++) {
    const row = table.rows[ri] as RowSnapshot;
    const text = wholeCellText(cleanRowTexts(table, ri, ctx), 0, ctx);
    if (text.length < 8) continue;
    for (const l of labelsOf(f, ctx)) {
      const item = cleanLabel(l, ctx);
      const short = Math.min(text.length, item.length, 60);
      if (short >= 8 && text.slice(0, short) === item.slice(0, short)) return row.index;
    }
  }
  return undefined;
}

function readChoiceMatrix(
  snapshot: DocumentSnapshot,
  tableIndex: number,
  section: MatrixSection,
  ctx: DocumentContext,
): FieldData[] {
  const table = snapshot.tables[tableIndex];
  const header = table ? findHeaderRow(table, section.options, ctx) : undefined;
  const headerRow = header ? table?.rows[header.row] : undefined;
  return section.fields.map((f) => {
    const options = section.options.map((o) => o.label);
    const r = table ? findItemRow(table, f, ctx) : undefined;
    const row = r !== undefined ? table?.rows[r] : undefined;
    if (!table || !row || !header || !headerRow) {
      return fieldData({ ...f, options: f.options ?? options }, [], undefined);
    }
    const cells = section.options.map((_, i) => {
      const hi = header.cells[i];
      const grid = hi !== undefined ? headerRow.cells[hi]?.gridColumn : undefined;
      const cell = grid !== undefined ? cellAtGridColumn(row, grid) : undefined;
      return { table: tableIndex, row: row.index, cell };
    });
    return choiceField(f, f.options ?? options, cells);
  });
}

export const choiceMatrixLayout: Layout<MatrixSection> = Object.freeze({
  kind: "choice-matrix",
  candidates: matrixCandidates,
  empty: (section: MatrixSection) => ({
    fields: section.fields.map((f) =>
      fieldData({ ...f, options: f.options ?? section.options.map((o) => o.label) }, [], undefined),
    ),
  }),
  read: (
    snapshot: DocumentSnapshot,
    section: MatrixSection,
    found: { readonly table?: number },
    _used: Set<number>,
    ctx: DocumentContext,
  ) =>
    found.table !== undefined
      ? { fields: readChoiceMatrix(snapshot, found.table, section, ctx) }
      : undefined,
  fieldGuidance: (section: MatrixSection, field: string) => guidanceById(section.fields, field),
});
