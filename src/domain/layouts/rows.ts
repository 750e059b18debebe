/**
 * The rows layout: a header row and data rows that repeat (an action plan's steps). Columns are
 * found by their header texts and aliases; several fields can share a cell, each below its own
 * label (`cellLabel`); a row of guiding questions may sit under the header (`guidanceRow`).
 */
import { readOptionParagraph } from "../choices";
import type { DocumentContext } from "../document-context";
import { nextLabel, type RowLabel } from "../edits";
import { blank, isEmpty, labelsOfCell, valueSlots, type Planning } from "../fill-parts";
import type { FieldData, Location, RowData, SectionData } from "../plan-data";
import type { CellSnapshot, DocumentSnapshot, TableSnapshot } from "../snapshot";
import type { FieldDefinition } from "../template-definition";
import { cleanLabel, findHeaderRow, labelsOf, matchesAny, startsWithLabel } from "../text-match";
import type { Candidate, Layout, Placed, Positions, SectionOf } from "./layout";
import { tableCandidates } from "./tables";
import {
  cellLocation,
  emptyValue,
  fieldData,
  nextLabelParagraph,
  readBelow,
  readWholeCell,
  type ValueRules,
} from "./values";

type RowsSection = SectionOf<"rows">;

// ---------------------------------------------------------------------------------------------
// Recognition

function uniqueHeaderTexts(
  columns: readonly FieldDefinition[],
  ctx: DocumentContext,
): FieldDefinition[] {
  const seen = new Set<string>();
  return columns.filter((c) => {
    const key = cleanLabel(labelsOf(c, ctx)[0] ?? c.label, ctx);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A table is a rows table when it has a header row with at least half of the columns. */
function rowsCandidates(
  snapshot: DocumentSnapshot,
  section: RowsSection,
  pos: Positions,
  ctx: DocumentContext,
): Candidate[] {
  // The same columns for every table: worked out once per section.
  const columns = uniqueHeaderTexts(section.columns, ctx);
  return tableCandidates(snapshot, section, pos, ctx, (table, base, matched) => {
    let score = base;
    let hasGuidanceRow: boolean | undefined;
    const header = findHeaderRow(table, columns, ctx);
    if (!header) return undefined;
    const found = header.cells.filter((c) => c !== undefined).length;
    if (found < Math.ceil(columns.length / 2)) return undefined;
    matched.push(
      `headers ${columns
        .filter((_, i) => header.cells[i] !== undefined)
        .map((c) => `“${c.label}”`)
        .join(", ")}`,
    );
    score = (score + found / columns.length) / 2;
    if (section.guidanceRow) {
      const next = table.rows[header.row + 1];
      hasGuidanceRow = Boolean(
        next?.cells.some(
          (cell) => matchesAny(cell.text, section.guidanceRow ?? [], false, ctx) !== undefined,
        ),
      );
      if (hasGuidanceRow) matched.push("guiding questions");
    }
    return hasGuidanceRow === undefined ? { score } : { score, hasGuidanceRow };
  });
}

/**
 * A section that prefers its guiding questions: the tables without them are the template's
 * illustration, not a plan (or, when the questions were deleted, the tables before the plan's
 * labelled header line).
 */
function preferGuidanceRow(
  section: RowsSection,
  pool: Candidate[],
  placed: readonly Placed[],
  notes: string[],
): Candidate[] {
  if (!section.preferGuidanceRow) return pool;
  if (pool.some((c) => c.hasGuidanceRow)) {
    const dropped = pool.filter((c) => !c.hasGuidanceRow);
    for (const d of dropped) {
      notes.push(
        `Table ${(d.table ?? 0) + 1} looks like the “${section.label}” table but has no guiding questions: read as the template’s illustration, not as a plan.`,
      );
    }
    return pool.filter((c) => c.hasGuidanceRow);
  }
  // The guiding questions were deleted: the plan's tables are those after its labelled
  // header line (the illustration comes before it), when there is such a table.
  const header = placed.find((m) => m.section.layout === "paragraph");
  if (header && pool.some((c) => c.pos > header.pos)) {
    for (const d of pool.filter((c) => c.pos < header.pos)) {
      notes.push(
        `Table ${(d.table ?? 0) + 1} looks like the “${section.label}” table but comes before “${header.section.label}”: read as the template’s illustration, not as a plan.`,
      );
    }
    return pool.filter((c) => c.pos > header.pos);
  }
  return pool;
}

// ---------------------------------------------------------------------------------------------
// Reading

type ColumnCells = { header: number; cells: (number | undefined)[] };

/** Whether a row lines up with the header's columns (a data row, not a closing full-width row). */
function isDataRow(table: TableSnapshot, rowIndex: number, needed: number): boolean {
  const row = table.rows[rowIndex];
  if (!row) return false;
  if (row.cells.length < needed) return false;
  if (
    table.gridColumns > 1 &&
    row.cells.length === 1 &&
    (row.cells[0]?.gridSpan ?? 1) >= table.gridColumns
  ) {
    return false;
  }
  return true;
}

function readColumnCell(
  tableIndex: number,
  rowIndex: number,
  cell: CellSnapshot,
  column: FieldDefinition,
  siblings: readonly FieldDefinition[],
  ctx: DocumentContext,
): { value: FieldData["value"]; location: Location | undefined } {
  const rules: ValueRules = { prompts: column.prompts, placeholders: column.placeholders };
  if (column.type === "multiple-choice" && column.options) {
    // An option is checked when its paragraph starts with a mark (see choices.ts).
    const options = cell.paragraphs.map(readOptionParagraph);
    const checked = column.options.filter((option) =>
      options.some((o) => o.checked && matchesAny(o.text, [option], false, ctx) !== undefined),
    );
    return { value: checked, location: cellLocation(tableIndex, rowIndex, cell.index) };
  }
  if (column.cellLabel) {
    const labelIndex = cell.paragraphs.findIndex((p) =>
      column.cellLabel?.some((l) => startsWithLabel(p.text, l, ctx)),
    );
    if (labelIndex < 0) {
      // The label was deleted. Alone in its cell, the value is the cell; beside another label
      // (Perkins' "Action 1:" and "Resources Required:"), it has no place of its own.
      const shared = siblings.some((s) => s !== column && s.cellLabel);
      return {
        value: "",
        location: shared ? undefined : cellLocation(tableIndex, rowIndex, cell.index),
      };
    }
    const text = cell.paragraphs[labelIndex]?.text ?? "";
    const label = column.cellLabel.find((l) => startsWithLabel(text, l, ctx)) ?? column.label;
    const others = siblings.filter((s) => s !== column).flatMap((s) => s.cellLabel ?? []);
    const to = nextLabelParagraph(cell, labelIndex, others, ctx);
    const slot = readBelow(tableIndex, rowIndex, cell, labelIndex, label, to, rules, ctx);
    return slot;
  }
  return readWholeCell(tableIndex, rowIndex, cell, rules, ctx);
}

function optionLocationsFor(
  tableIndex: number,
  rowIndex: number,
  cell: CellSnapshot,
  column: FieldDefinition,
  ctx: DocumentContext,
): Location[] | undefined {
  if (column.type !== "multiple-choice" || !column.options) return undefined;
  return column.options.map((option) => {
    const i = cell.paragraphs.findIndex(
      (p) => matchesAny(readOptionParagraph(p).text, [option], false, ctx) !== undefined,
    );
    // An option whose paragraph was deleted points at the whole cell.
    if (i < 0) return cellLocation(tableIndex, rowIndex, cell.index);
    return { ...cellLocation(tableIndex, rowIndex, cell.index), paragraph: i, paragraphCount: 1 };
  });
}

function readRows(
  snapshot: DocumentSnapshot,
  tableIndex: number,
  section: RowsSection,
  ctx: DocumentContext,
): RowData[] {
  const table = snapshot.tables[tableIndex];
  if (!table) return [];
  const header = findHeaderRow(table, section.columns, ctx);
  if (!header) return [];
  const map: ColumnCells = { header: header.row, cells: header.cells };
  let first = header.row + 1;
  const next = table.rows[first];
  if (
    next &&
    section.guidanceRow &&
    next.cells.some((c) => matchesAny(c.text, section.guidanceRow ?? [], false, ctx) !== undefined)
  ) {
    first++;
  }
  const needed = Math.max(0, ...map.cells.filter((c): c is number => c !== undefined)) + 1;
  const rows: RowData[] = [];
  for (let r = first; r < table.rows.length; r++) {
    if (!isDataRow(table, r, needed)) break;
    const row = table.rows[r];
    if (!row) break;
    const cells: FieldData[] = section.columns.map((column, j) => {
      const ci = map.cells[j];
      const cell = ci !== undefined ? row.cells[ci] : undefined;
      if (!cell) return fieldData(column, emptyValue(column), undefined);
      const siblings = section.columns.filter((c, k) => map.cells[k] === ci);
      const read = readColumnCell(tableIndex, r, cell, column, siblings, ctx);
      const data = fieldData(column, read.value, read.location);
      const options = optionLocationsFor(tableIndex, r, cell, column, ctx);
      return options ? { ...data, optionLocations: options } : data;
    });
    const data: { -readonly [K in keyof RowData]: RowData[K] } = { index: rows.length, cells };
    if (section.rowLabel) {
      const text = row.cells[0]?.paragraphs[0]?.text ?? "";
      const colon = text.indexOf(":");
      if (startsWithLabel(text, section.rowLabel, ctx)) {
        data.label = (colon >= 0 ? text.slice(0, colon) : text).trim();
      }
    }
    rows.push(data);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Planning a fill

/** A section's rows in a fill: rows added beyond the document's, then rows the data dropped. */
export function planRowChanges(planning: Planning, ws: SectionData, hs: SectionData): void {
  planAddedRows(planning, ws, hs);
  planRemovedRows(planning, ws, hs);
}

/**
 * Rows beyond the document's: copies of the section's last row, up to the section's maximum,
 * with numbered labels counted on; their values are written into the copies.
 */
function planAddedRows(planning: Planning, ws: SectionData, hs: SectionData): void {
  const { snapshot, skipped } = planning;
  const wantRows = ws.rows ?? [];
  const haveRows = hs.rows ?? [];
  const extra = wantRows
    .filter((x) => x.index >= haveRows.length)
    .sort((a, b) => a.index - b.index);
  const template = haveRows[haveRows.length - 1];
  const anchor = template?.cells.find((c) => c.location?.kind === "cell")?.location;
  if (extra.length === 0) return;
  if (!template || !anchor || anchor.kind !== "cell") {
    skipped.push({
      field: ws.id,
      reason: "no-location",
      message: `Rows cannot be added to "${ws.label}": no row to copy was found.`,
    });
    return;
  }
  const max = ws.rowLimits?.max ?? hs.rowLimits?.max ?? Infinity;
  const allowed = extra.filter((x) => x.index < max);
  if (allowed.length < extra.length) {
    skipped.push({
      field: ws.id,
      reason: "no-location",
      message: `"${ws.label}" takes at most ${max} rows; ${extra.length - allowed.length} were not added.`,
    });
  }
  const slots = valueSlots(template.cells, snapshot);
  const tplNumber = haveRows.length;
  const rows: RowLabel[][] = allowed.map((x, k) => {
    const n = haveRows.length + k + 1;
    const renumber = (t: string) =>
      /\d/.test(t) && new RegExp(`(?<!\\d)${tplNumber}(?!\\d)`).test(t)
        ? nextLabel(t, n - tplNumber)
        : t;
    const labels: RowLabel[] = [];
    snapshot.tables[anchor.table]?.rows[anchor.row]?.cells.forEach((_, c) => {
      for (const l of labelsOfCell(snapshot, anchor.table, anchor.row, c, slots, renumber)) {
        labels.push({ cell: c, paragraph: l.paragraph, text: l.text });
      }
    });
    return labels;
  });
  if (rows.length > 0) {
    planning.structure.push({
      kind: "insert-rows",
      section: ws.id,
      table: anchor.table,
      templateRow: anchor.row,
      after: anchor.row,
      rows,
      expected: snapshot.tables[anchor.table]?.rows[anchor.row]?.cells.map((c) => c.text) ?? [],
    });
    planning.rowsAdded += rows.length;
  }
  pendAddedRowValues(planning, ws, template, allowed, rows);
}

/** Values of the added rows: the copied row's locations, moved down to each copy. */
function pendAddedRowValues(
  planning: Planning,
  ws: SectionData,
  template: RowData,
  allowed: readonly RowData[],
  rows: readonly RowLabel[][],
): void {
  allowed.forEach((r, k) => {
    for (const f of r.cells) {
      const tf = template.cells.find((x) => x.id === f.id);
      if (!tf?.location) continue;
      const rowLabels = rows[k] ?? [];
      const relocate = (l: Location): Location => {
        if (l.kind !== "cell") return l;
        const moved: Location = { ...l, row: l.row + k + 1 };
        // A label before the value in the same paragraph may have changed length ("9." -> "10.").
        if (l.start !== undefined) {
          const label = rowLabels.find(
            (x) => x.cell === l.cell && x.paragraph === (l.paragraph ?? 0),
          );
          return { ...moved, start: label?.text.length ?? l.start };
        }
        return moved;
      };
      planning.pending.push({
        field: `${ws.id}[${r.index}].${f.id}`,
        desired: f,
        current: blank(tf),
        map: relocate,
        fresh: true,
      });
    }
  });
}

/** Rows the data no longer has: removed when empty and the minimum allows it. */
function planRemovedRows(planning: Planning, ws: SectionData, hs: SectionData): void {
  const { snapshot, skipped } = planning;
  const wantRows = ws.rows ?? [];
  const haveRows = hs.rows ?? [];
  if (!(wantRows.length > 0 || (ws.rows !== undefined && haveRows.length > 0))) return;
  const min = ws.rowLimits?.min ?? hs.rowLimits?.min ?? 0;
  const gone = haveRows.filter((r) => !wantRows.some((w) => w.index === r.index));
  const removable = gone.filter((r) => r.index >= min && r.cells.every((c) => isEmpty(c.value)));
  for (const r of gone.filter((x) => !removable.includes(x))) {
    skipped.push({
      field: `${ws.id}[${r.index}]`,
      reason: "typed-text",
      message: `Row ${r.index + 1} of "${ws.label}" was left: it still holds text or the template needs it.`,
    });
  }
  const locs = removable
    .map((r) => r.cells.find((c) => c.location?.kind === "cell")?.location)
    .filter((l): l is Extract<Location, { kind: "cell" }> => l?.kind === "cell");
  if (locs.length > 0) {
    const table = (locs[0] as (typeof locs)[number]).table;
    const rowsToRemove = locs.filter((l) => l.table === table).map((l) => l.row);
    planning.structure.push({
      kind: "remove-rows",
      section: ws.id,
      table,
      rows: rowsToRemove,
      expected: rowsToRemove.map(
        (r) => snapshot.tables[table]?.rows[r]?.cells.map((c) => c.text) ?? [],
      ),
    });
    planning.rowsRemoved += rowsToRemove.length;
  }
}

// ---------------------------------------------------------------------------------------------
// The layout

export const rowsLayout: Layout<RowsSection> = Object.freeze({
  kind: "rows",
  candidates: rowsCandidates,
  narrow: preferGuidanceRow,
  empty: (section: RowsSection) => ({ fields: [], rows: [], rowLimits: { ...section.rows } }),
  read: (
    snapshot: DocumentSnapshot,
    section: RowsSection,
    found: { readonly table?: number },
    _used: Set<number>,
    ctx: DocumentContext,
  ) =>
    found.table !== undefined ? { rows: readRows(snapshot, found.table, section, ctx) } : undefined,
  fieldGuidance: (section: RowsSection, field: string) =>
    section.columns.find((c) => c.id === field)?.guidance,
});
