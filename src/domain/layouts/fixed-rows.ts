/**
 * The fixed-rows layout: rows the template labels (CLNA metrics), one field per row and value
 * column, with the id `<row id>-<column id>`.
 */
import type { DocumentContext } from "../document-context";
import type { FieldData } from "../plan-data";
import { cellAtGridColumn, type DocumentSnapshot, type TableSnapshot } from "../snapshot";
import {
  cleanRowTexts,
  findHeaderRow,
  labelListOf,
  matchesAny,
  matchesAnyClean,
  wholeCellText,
} from "../text-match";
import type { Candidate, Layout, Positions, SectionOf } from "./layout";
import { tableCandidates } from "./tables";
import { fieldData, readWholeCell } from "./values";

type FixedRowsSection = SectionOf<"fixed-rows">;

/** A table is the section's when its first column holds at least one of the rows' labels. */
function fixedRowsCandidates(
  snapshot: DocumentSnapshot,
  section: FixedRowsSection,
  pos: Positions,
  ctx: DocumentContext,
): Candidate[] {
  return tableCandidates(snapshot, section, pos, ctx, (table, base, matched) => {
    let score = base;
    const found = section.rows.filter((r) =>
      table.rows.some(
        (_, ri) =>
          matchesAnyClean(
            wholeCellText(cleanRowTexts(table, ri, ctx), 0, ctx),
            labelListOf(r, ctx),
            ctx,
            false,
            true,
          ) !== undefined,
      ),
    ).length;
    if (found === 0) return undefined;
    score = (score + found / section.rows.length) / 2;
    matched.push(`${found} of ${section.rows.length} rows`);
    return { score };
  });
}

function readFixedRows(
  table: TableSnapshot | undefined,
  section: FixedRowsSection,
  ctx: DocumentContext,
): FieldData[] {
  const tableIndex = table?.index ?? 0;
  const header = table ? findHeaderRow(table, section.columns, ctx) : undefined;
  const headerRow = header ? table?.rows[header.row] : undefined;
  const out: FieldData[] = [];
  for (const r of section.rows) {
    const row = table?.rows.find(
      (x) =>
        x.index !== header?.row &&
        matchesAny(x.cells[0]?.text ?? "", r.match ?? [r.label], false, ctx) !== undefined,
    );
    section.columns.forEach((c, j) => {
      const def = {
        id: `${r.id}-${c.id}`,
        label: `${r.label}: ${c.label}`,
        type: c.type ?? r.type,
        required: r.required,
      };
      if (!table || !row) {
        out.push(fieldData(def, "", undefined));
        return;
      }
      let grid = c.column;
      const hi = header?.cells[j];
      if (grid === undefined && hi !== undefined) grid = headerRow?.cells[hi]?.gridColumn;
      const cell = grid !== undefined ? cellAtGridColumn(row, grid) : undefined;
      if (!cell || cell.index === 0) {
        out.push(fieldData(def, "", undefined));
        return;
      }
      const read = readWholeCell(tableIndex, row.index, cell, {}, ctx);
      out.push(fieldData(def, read.value, read.location));
    });
  }
  return out;
}

export const fixedRowsLayout: Layout<FixedRowsSection> = Object.freeze({
  kind: "fixed-rows",
  candidates: fixedRowsCandidates,
  empty: (section: FixedRowsSection, ctx: DocumentContext) => ({
    fields: readFixedRows(undefined, section, ctx),
  }),
  read: (
    snapshot: DocumentSnapshot,
    section: FixedRowsSection,
    found: { readonly table?: number },
    _used: Set<number>,
    ctx: DocumentContext,
  ) =>
    found.table !== undefined
      ? { fields: readFixedRows(snapshot.tables[found.table], section, ctx) }
      : undefined,
  /** A field's id is `<row id>-<column id>`: the row's guidance. */
  fieldGuidance: (section: FixedRowsSection, field: string) =>
    section.rows.find((r) => field.startsWith(`${r.id}-`))?.guidance,
});
