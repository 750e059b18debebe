/**
 * What the fill planner's steps share: the planning record they add to, a value still to be
 * written, and how a copy of a row or block keeps its labels. The planner (`fill-planner.ts`)
 * and the rows layout's fill step (`layouts/rows.ts`) both use it, so neither imports the other.
 */
import { leadingMarkLength, type Location, type Skip, type StructureEdit } from "./edits";
import type { FieldData } from "./plan-data";
import type { DocumentSnapshot } from "./snapshot";

/** A value to write, with where it is read and how its location moves to the edited document. */
export type Pending = {
  field: string;
  desired: FieldData;
  current: FieldData | undefined;
  map: (l: Location) => Location;
  fresh: boolean;
};

/** What the steps of a fill plan add to as they go: structure, values to write, skips, counts. */
export type Planning = {
  readonly snapshot: DocumentSnapshot;
  readonly structure: StructureEdit[];
  readonly pending: Pending[];
  readonly skipped: Skip[];
  rowsAdded: number;
  rowsRemoved: number;
  blocksAdded: number;
};

/** Paragraphs of a cell that hold values (not labels), by `cell:paragraph`, with a label prefix length. */
export function valueSlots(
  fields: readonly FieldData[],
  snapshot: DocumentSnapshot,
): Map<string, number> {
  const slots = new Map<string, number>();
  for (const f of fields) {
    if (f.type === "multiple-choice" || f.type === "single-choice") continue;
    const loc = f.location;
    if (!loc || loc.kind !== "cell") continue;
    const cell = snapshot.tables[loc.table]?.rows[loc.row]?.cells[loc.cell];
    const from = loc.paragraph ?? 0;
    const count = loc.paragraphCount ?? (cell ? cell.paragraphs.length - from : 1);
    for (let k = from; k < from + count; k++) {
      slots.set(`${loc.table}:${loc.row}:${loc.cell}:${k}`, k === from ? (loc.start ?? 0) : 0);
    }
  }
  return slots;
}

/** The labels a copy of a cell keeps: every non-empty paragraph outside the value slots. */
export function labelsOfCell(
  snapshot: DocumentSnapshot,
  table: number,
  row: number,
  cell: number,
  slots: Map<string, number>,
  renumber: (text: string) => string,
): { paragraph: number; text: string }[] {
  const out: { paragraph: number; text: string }[] = [];
  const c = snapshot.tables[table]?.rows[row]?.cells[cell];
  c?.paragraphs.forEach((p, k) => {
    const slot = slots.get(`${table}:${row}:${cell}:${k}`);
    let text: string;
    if (slot === undefined) text = p.text.slice(leadingMarkLength(p));
    else text = p.text.slice(0, slot);
    if (text.length === 0) return;
    out.push({ paragraph: k, text: renumber(text) });
  });
  return out;
}

export function isEmpty(v: FieldData["value"]): boolean {
  return typeof v === "string" ? v.trim() === "" : v.length === 0;
}

/** A field as it reads in a fresh copy of its row or block: empty, same locations. */
export function blank(f: FieldData): FieldData {
  return { ...f, value: typeof f.value === "string" ? "" : [] };
}
