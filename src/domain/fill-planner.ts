/**
 * The fill planner: plan data as a person wants it + the document as read -> an edit plan.
 *
 * `current` is what the plan reader read from `snapshot` (values with their locations); `desired`
 * is the same format with new values and added rows or blocks. Only what differs is planned, so
 * planning the same data twice plans nothing the second time. A slot that holds text a person
 * typed is only changed when the caller confirms that slot (`overwrite`); otherwise it is skipped
 * and reported.
 */
import {
  clip,
  leadingMarkLength,
  slotText,
  type BlockLabel,
  type ContentEdit,
  type EditPlan,
  type Location,
  type Skip,
  type StructureEdit,
} from "./edits";
import {
  blank,
  isEmpty,
  labelsOfCell,
  valueSlots,
  type Pending,
  type Planning,
} from "./fill-parts";
import { planRowChanges } from "./layouts/rows";
import { stripPlaceholders } from "./layouts/values";
import {
  sectionKey,
  valueText,
  type DocumentPlanData,
  type FieldData,
  type PlanData,
  type RowData,
  type SectionData,
} from "./plan-data";
import { err, ok, type Result } from "./result";
import type { DocumentSnapshot } from "./snapshot";

export type FillOptions = {
  /** Slots holding typed text the person agreed to replace: `"all"` (`--overwrite`) or a list. */
  readonly overwrite?: "all" | readonly Location[];
  /** Plan only one section (the task pane writes a section at a time). */
  readonly only?: { readonly plan: number; readonly section: string; readonly block?: number };
  /** Sections never written, by template id: signature lines are signed by hand. */
  readonly neverFill?: ReadonlyMap<string, ReadonlySet<string>>;
};

export type FillPlanning = {
  readonly plan: EditPlan;
  readonly skipped: readonly Skip[];
  readonly rowsAdded: number;
  readonly rowsRemoved: number;
  readonly blocksAdded: number;
};

function clean(s: string): string {
  return s
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .trim();
}

function sameLocation(a: Location, b: Location): boolean {
  if (a.kind === "paragraph" || b.kind === "paragraph") {
    return a.kind === b.kind && a.paragraph === (b as typeof a).paragraph;
  }
  return (
    a.table === b.table &&
    a.row === b.row &&
    a.cell === b.cell &&
    (a.paragraph ?? 0) === (b.paragraph ?? 0)
  );
}

/** The cell locations a section's fields and rows use. */
function sectionTables(s: SectionData): number[] {
  const out: number[] = [];
  const add = (f: FieldData) => {
    if (f.location?.kind === "cell") out.push(f.location.table);
    for (const o of f.optionLocations ?? []) if (o.kind === "cell") out.push(o.table);
  };
  s.fields.forEach(add);
  for (const r of s.rows ?? []) r.cells.forEach(add);
  return out;
}

/**
 * Rows of the desired data that claim an index another row of their section already has. A row
 * copied and stripped of its locations (how docs/plan-data.md says to add one) is a new row: it
 * takes the next index after the section's last. Two rows that both still say where they are in
 * the document cannot both be there: that is refused, naming them.
 */
function placeCopiedRows(desired: DocumentPlanData): Result<DocumentPlanData> {
  let changed = false;
  const plans: PlanData[] = [];
  for (const plan of desired.plans) {
    const sections: SectionData[] = [];
    for (const section of plan.sections) {
      const rows = section.rows;
      if (!rows || rows.length < 2) {
        sections.push(section);
        continue;
      }
      const located = (r: RowData) => r.cells.some((c) => c.location !== undefined);
      const byIndex = new Map<number, RowData>();
      let next = Math.max(...rows.map((r) => r.index)) + 1;
      const placed: RowData[] = [];
      for (const [k, r] of rows.entries()) {
        const other = byIndex.get(r.index);
        if (other === undefined) {
          byIndex.set(r.index, r);
          placed.push(r);
          continue;
        }
        if (located(r) && located(other)) {
          const first = rows.indexOf(other) + 1;
          return err(
            "plan_data_invalid",
            `Rows ${first} and ${k + 1} of "${section.label}"${section.block !== undefined ? ` #${section.block}` : ""} both say they are row ${r.index + 1} of the document. Remove one of them, or remove the "location" of each cell of the one that is new so that a row is added for it.`,
          );
        }
        changed = true;
        // The row without locations is the new one (the other keeps its place).
        if (located(r)) {
          placed[placed.indexOf(other)] = r;
          byIndex.set(r.index, r);
          placed.push({ ...other, index: next++ });
        } else placed.push({ ...r, index: next++ });
      }
      sections.push({ ...section, rows: placed });
    }
    plans.push({ ...plan, sections });
  }
  return ok(changed ? { ...desired, plans } : desired);
}

// Content edits in added rows and blocks use post-structure coordinates directly.
const identity = (l: Location) => l;

/** Plans the edits that make the document hold `desired`. */
export function planFill(
  snapshot: DocumentSnapshot,
  current: DocumentPlanData,
  wanted: DocumentPlanData,
  options: FillOptions = {},
): Result<FillPlanning> {
  const placedRows = placeCopiedRows(wanted);
  if (!placedRows.ok) return placedRows;
  const desired = placedRows.value;
  const planning: Planning = {
    snapshot,
    structure: [],
    pending: [],
    skipped: [],
    rowsAdded: 0,
    rowsRemoved: 0,
    blocksAdded: 0,
  };

  for (const [pi, want] of desired.plans.entries()) {
    const have: PlanData | undefined = current.plans.find(
      (p) => p.template === want.template && p.instance === want.instance,
    );
    if (!have) {
      return err(
        "plan_data_mismatch",
        `The data is for plan ${want.instance + 1} of template "${want.template}", which this document does not hold. Run "planassist inspect --json" on this document to get data that fits it.`,
      );
    }
    if (options.only && options.only.plan !== pi) continue;
    planPlan(planning, have, want, options);
  }

  const { structure, skipped, rowsAdded, rowsRemoved, blocksAdded } = planning;
  const content = contentEdits(planning, options);
  return ok({ plan: { structure, content }, skipped, rowsAdded, rowsRemoved, blocksAdded });
}

/** One plan of the document: its new blocks, then each section it already has. */
function planPlan(planning: Planning, have: PlanData, want: PlanData, options: FillOptions): void {
  const currentSections = new Map(have.sections.map((s) => [sectionKey(s), s]));
  // Blocks beyond the document's: copy the last block once per new number.
  const lastBlock = Math.max(0, ...have.sections.map((s) => s.block ?? 0));
  const newBlocks = [
    ...new Set(
      want.sections
        .filter((s) => s.block !== undefined && s.block > lastBlock)
        .map((s) => s.block as number),
    ),
  ].sort((a, b) => a - b);
  if (newBlocks.length > 0 && (!options.only || newBlocks.includes(options.only.block ?? -1))) {
    planNewBlocks(planning, have, want, lastBlock, newBlocks);
  }

  const never = options.neverFill?.get(want.template);
  for (const ws of want.sections) {
    if (ws.block !== undefined && ws.block > lastBlock) continue;
    if (never?.has(ws.id)) continue;
    if (
      options.only &&
      (options.only.section !== ws.id ||
        (options.only.block ?? undefined) !== (ws.block ?? undefined))
    ) {
      continue;
    }
    const hs = currentSections.get(sectionKey(ws));
    if (!hs) {
      planning.skipped.push({
        field: ws.id,
        reason: "no-location",
        message: `The section "${ws.label}" was not found in the document.`,
      });
      continue;
    }
    pendSectionValues(planning, ws, hs);
    planRowChanges(planning, ws, hs);
  }
}

/**
 * New blocks: the document's last block (its tables) is copied once per new block number, with
 * its labels renumbered; the new blocks' values are written into the copies.
 */
function planNewBlocks(
  planning: Planning,
  have: PlanData,
  want: PlanData,
  lastBlock: number,
  newBlocks: readonly number[],
): void {
  const { snapshot } = planning;
  const source = have.sections.filter((s) => s.block === lastBlock);
  const tables = source.flatMap(sectionTables);
  const first = Math.min(...tables);
  const last = Math.max(...tables);
  const topLevel =
    tables.length > 0 &&
    snapshot.tables.slice(first, last + 1).every((t) => t.parent === undefined);
  if (!topLevel) {
    for (const b of newBlocks)
      planning.skipped.push({
        field: `block ${b}`,
        reason: "no-location",
        message: `Block ${b} cannot be added: the block to copy was not found.`,
      });
    return;
  }
  const count = last - first + 1;
  const slots = valueSlots(
    source.flatMap((s) => [...s.fields, ...(s.rows ?? []).flatMap((r) => r.cells)]),
    snapshot,
  );
  const copies: BlockLabel[][] = newBlocks.map((b) => {
    const renumber = (t: string) =>
      t.replace(new RegExp(`#(\\s*)${lastBlock}(?!\\d)`, "g"), `#$1${b}`);
    return blockLabels(snapshot, first, last, slots, renumber);
  });
  planning.structure.push({
    kind: "insert-block",
    section: source[0]?.id ?? "block",
    firstTable: first,
    tableCount: count,
    copies,
    expected: snapshot.tables[first]?.rows[0]?.cells[0]?.text ?? "",
  });
  planning.blocksAdded += newBlocks.length;
  pendNewBlockValues(planning, want, source, newBlocks, count);
}

/** The labels a copy of the tables `first` to `last` keeps, renumbered, relative to `first`. */
function blockLabels(
  snapshot: DocumentSnapshot,
  first: number,
  last: number,
  slots: Map<string, number>,
  renumber: (text: string) => string,
): BlockLabel[] {
  const labels: BlockLabel[] = [];
  for (let t = first; t <= last; t++) {
    snapshot.tables[t]?.rows.forEach((row, r) =>
      row.cells.forEach((_, c) => {
        for (const l of labelsOfCell(snapshot, t, r, c, slots, renumber)) {
          labels.push({
            table: t - first,
            row: r,
            cell: c,
            paragraph: l.paragraph,
            text: l.text,
          });
        }
      }),
    );
  }
  return labels;
}

/** Values of the new blocks: the source block's locations, moved to the copy's tables. */
function pendNewBlockValues(
  planning: Planning,
  want: PlanData,
  source: readonly SectionData[],
  newBlocks: readonly number[],
  count: number,
): void {
  const { pending, skipped } = planning;
  newBlocks.forEach((b, j) => {
    const moveTo = (l: Location): Location =>
      l.kind === "cell" ? { ...l, table: l.table + count * (j + 1) } : l;
    for (const ws of want.sections.filter((s) => s.block === b)) {
      const src = source.find((s) => s.id === ws.id);
      if (!src) continue;
      // Map to post-structure coordinates after all structure is known (see `contentEdits`).
      for (const f of ws.fields) {
        const cf = src.fields.find((x) => x.id === f.id);
        if (cf)
          pending.push({
            field: `${ws.id}#${b}.${f.id}`,
            desired: f,
            current: blank(cf),
            map: moveTo,
            fresh: true,
          });
      }
      for (const r of ws.rows ?? []) {
        const sr = src.rows?.[r.index];
        for (const f of r.cells) {
          const cf = sr?.cells.find((x) => x.id === f.id);
          if (!cf) {
            if (!isEmpty(f.value))
              skipped.push({
                field: `${ws.id}#${b}.${f.id}`,
                reason: "no-location",
                message: `Row ${r.index + 1} of the new block ${b} has no place yet: write the block first, then add rows to it.`,
              });
            continue;
          }
          pending.push({
            field: `${ws.id}#${b}[${r.index}].${f.id}`,
            desired: f,
            current: blank(cf),
            map: moveTo,
            fresh: true,
          });
        }
      }
    }
  });
}

/** A section's fields and the values of the rows the document already has, in place. */
function pendSectionValues(planning: Planning, ws: SectionData, hs: SectionData): void {
  const { pending } = planning;
  for (const f of ws.fields) {
    pending.push({
      field: `${ws.id}.${f.id}`,
      desired: f,
      current: hs.fields.find((x) => x.id === f.id),
      map: identity,
      fresh: false,
    });
  }
  const wantRows = ws.rows ?? [];
  const haveRows = hs.rows ?? [];
  for (const r of wantRows.filter((x) => x.index < haveRows.length)) {
    const hr = haveRows[r.index] as RowData;
    for (const f of r.cells) {
      pending.push({
        field: `${ws.id}[${r.index}].${f.id}`,
        desired: f,
        current: hr.cells.find((x) => x.id === f.id),
        map: identity,
        fresh: false,
      });
    }
  }
}

/** Content edits, in post-structure coordinates: once all structure is known. */
function contentEdits(planning: Planning, options: FillOptions): ContentEdit[] {
  const { snapshot, structure, pending, skipped } = planning;
  const content: ContentEdit[] = [];
  for (const p of pending) {
    const edit = contentEdit(snapshot, structure, p, options, skipped);
    if (edit) content.push(edit);
  }
  return content;
}

/** Moves a location of the document as read to the document after the structural edits. */
function afterStructure(structure: readonly StructureEdit[], l: Location): Location {
  if (l.kind !== "cell") return l;
  let table = l.table;
  let row = l.row;
  for (const e of structure) {
    if (e.kind === "insert-block" && e.firstTable + e.tableCount <= l.table)
      table += e.tableCount * e.copies.length;
    if (e.kind === "insert-rows" && e.table === l.table && e.after < l.row) row += e.rows.length;
    if (e.kind === "remove-rows" && e.table === l.table)
      row -= e.rows.filter((x) => x < l.row).length;
  }
  return { ...l, table, row };
}

function contentEdit(
  snapshot: DocumentSnapshot,
  structure: readonly StructureEdit[],
  p: Pending,
  options: FillOptions,
  skipped: Skip[],
): ContentEdit | undefined {
  const { desired, current } = p;
  const loc = current?.location;
  if (!current || !loc) {
    if (!isEmpty(desired.value)) {
      skipped.push({
        field: p.field,
        reason: "no-location",
        message: `"${desired.label}" has no place in the document, so it was not written.`,
      });
    }
    return undefined;
  }
  // Locations read are moved past the structural edits; a fresh copy's then into the copy.
  const toPost = (l: Location): Location => p.map(afterStructure(structure, l));
  if (desired.type === "single-choice" || desired.type === "multiple-choice") {
    return choiceEdit(snapshot, p, toPost, skipped);
  }
  const want = valueText(desired.value);
  const have = valueText(current.value);
  // What the reader would read back: placeholders such as "<name>" or "____" are not values.
  if (clean(want) === clean(have) || clean(stripPlaceholders(want)) === clean(have))
    return undefined;
  if (!isEmpty(current.value) && !p.fresh) {
    const confirmed =
      options.overwrite === "all" || (options.overwrite ?? []).some((o) => sameLocation(o, loc));
    if (!confirmed) {
      skipped.push({
        field: p.field,
        reason: "typed-text",
        message: `"${desired.label}" already holds "${clip(have)}", which was kept. Confirm this cell (--overwrite on the command line) to replace it.`,
        location: loc,
      });
      return undefined;
    }
  }
  const expected = p.fresh ? "" : (slotText(snapshot, loc) ?? "");
  const text = standApart(snapshot, loc, want);
  return { kind: "set-text", field: p.field, location: toPost(loc), text, expected };
}

/** What follows a value written before another entry's label on the same line. */
const APART = "   ";

/**
 * A value written over the blank of "District/School Name: ____ Today's Date: ____" would end
 * one space from the next label once the underscores are gone. As a person typing would, the
 * value is followed by a few spaces (`APART`, part of the edit's text, so every host writes it;
 * spaces rather than a tab, whose width depends on where the value ends) unless the gap after
 * the blank already holds a tab or two spaces or more. The reader leaves them out of the value.
 */
function standApart(snapshot: DocumentSnapshot, loc: Location, value: string): string {
  if (loc.kind !== "paragraph" || loc.end === undefined) return value;
  if (value.trim() === "" || /[ \t\u00a0]$/.test(value)) return value;
  const text = snapshot.paragraphs[loc.paragraph]?.text ?? "";
  const after = text.slice(loc.end);
  const gap = /^[ \t\u00a0]*/.exec(after)?.[0] ?? "";
  if (gap.length === after.length || gap.includes("\t") || gap.length >= 2) return value;
  return `${value}${APART}`;
}

type CellLoc = Extract<Location, { kind: "cell" }>;

function choiceEdit(
  snapshot: DocumentSnapshot,
  p: Pending,
  toPost: (l: Location) => Location,
  skipped: Skip[],
): ContentEdit | undefined {
  const { desired, current } = p;
  if (!current) return undefined;
  const options = current.options ?? desired.options ?? [];
  const chosen =
    typeof desired.value === "string" ? (desired.value ? [desired.value] : []) : desired.value;
  const unknown = chosen.filter((c) => !options.some((o) => same(o, c)));
  if (unknown.length > 0) {
    skipped.push({
      field: p.field,
      reason: "unknown-option",
      message: `"${desired.label}" has no option "${clip(unknown.join(", "))}"; the options are ${options.join(", ")}.`,
    });
    return undefined;
  }
  const have = p.fresh
    ? []
    : typeof current.value === "string"
      ? current.value
        ? [current.value]
        : []
      : current.value;
  const sameChoice =
    have.length === chosen.length && have.every((h) => chosen.some((c) => same(h, c)));
  if (sameChoice) return undefined;
  // Option locations as read (the source row or block for a fresh copy).
  const src = (current.optionLocations ?? []) as CellLoc[];
  if (src.length !== options.length || src.some((l) => l.kind !== "cell")) {
    skipped.push({
      field: p.field,
      reason: "no-location",
      message: `The options of "${desired.label}" were not all found in the document.`,
    });
    return undefined;
  }
  const first = src[0] as CellLoc;
  const post = toPost(first) as CellLoc;
  const row = snapshot.tables[first.table]?.rows[first.row];
  if (desired.type === "single-choice") {
    const index =
      chosen[0] === undefined ? undefined : options.findIndex((o) => same(o, chosen[0] as string));
    const radio = src.some((l) =>
      row?.cells[l.cell]?.paragraphs.some((q) =>
        q.glyphs.some((g) => g.kind === "radio-empty" || g.kind === "radio-filled"),
      ),
    );
    return {
      kind: "set-choice",
      field: p.field,
      table: post.table,
      row: post.row,
      cells: src.map((c) => c.cell),
      chosen: index,
      style: radio ? { kind: "radio" } : { kind: "text", mark: "X" },
      expected: src.map((l) => (p.fresh ? "" : (row?.cells[l.cell]?.text ?? ""))),
    };
  }
  // Options as paragraphs of one cell (SFSS priorities).
  const cell = row?.cells[first.cell];
  const paragraphs = src.map((l) => l.paragraph ?? 0);
  return {
    kind: "set-marks",
    field: p.field,
    cell: { table: post.table, row: post.row, cell: post.cell },
    paragraphs,
    marked: options.map((o) => chosen.some((c) => same(o, c))),
    expected: paragraphs.map((k) => {
      const para = cell?.paragraphs[k];
      if (!para) return "";
      return p.fresh ? para.text.slice(leadingMarkLength(para)) : para.text;
    }),
  };
}

function same(a: string, b: string): boolean {
  return clean(a).toLowerCase() === clean(b).toLowerCase();
}
