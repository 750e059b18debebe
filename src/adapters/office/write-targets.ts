/**
 * Where each edit of a plan reads and writes in Word: the proxies the check loads (in the
 * document as read), the values each paragraph will hold, and the calls that write them.
 *
 * Content edits address the document after the plan's structural edits (as the planner gives
 * them); each is mapped back to the row or table it was read from, or marked as being in a row
 * or table the plan adds (nothing to check there: it is written after the rows in the same batch).
 */
import {
  leadingMarkLength,
  normaliseSlotText,
  prefixLength,
  type ContentEdit,
  type Edit,
  type EditPlan,
  type Location,
} from "../../domain/edits";
import type { DocumentSnapshot } from "../../domain/snapshot";
import {
  sameText,
  type Proxies,
  type WCell,
  type WParagraph,
  type WRangeCollection,
} from "./word-api";
import type { WordIndex } from "../../ooxml/wordml";
import { queueParagraphOoxml } from "./word-controls";

/** Where a content edit reads and writes, in the coordinates of the document after `structure`. */
export type Slot =
  | { readonly kind: "paragraph"; readonly paragraph: number }
  | {
      readonly kind: "cell";
      readonly table: number;
      readonly row: number;
      readonly cell: number;
      readonly from: number;
      readonly count: number;
    };

/** Where each row of a table comes from once the structural edits are applied. */
type RowOrigin = { readonly before: number } | { readonly added: InsertRows };
type InsertRows = Extract<Edit, { kind: "insert-rows" }>;

function rowOrigins(snapshot: DocumentSnapshot, structure: readonly Edit[], table: number) {
  const removed = new Set(
    structure.flatMap((e) => (e.kind === "remove-rows" && e.table === table ? e.rows : [])),
  );
  const inserts = structure.filter(
    (e): e is InsertRows => e.kind === "insert-rows" && e.table === table,
  );
  const out: RowOrigin[] = [];
  (snapshot.tables[table]?.rows ?? []).forEach((_, r) => {
    if (!removed.has(r)) out.push({ before: r });
    for (const e of inserts) if (e.after === r) for (const _ of e.rows) out.push({ added: e });
  });
  return out;
}

/** How the document after the plan's structural edits relates to the document as read. */
export type StructureMap = {
  /** The table as read that a table after the structural edits is (undefined: the plan adds it). */
  readonly table: (t: number) => number | undefined;
  /** The body paragraph as read that a body paragraph after the edits is (undefined: added). */
  readonly paragraph: (k: number) => number | undefined;
  /** Where each row of a table as read comes from once the row edits are applied. */
  readonly rows: (table: number) => readonly RowOrigin[];
};

/**
 * The map for a plan, from the document after its structural edits as the .docx code makes it
 * (its index) and the source spans of the tables the plan adds (with what lies between them).
 */
export function structureMap(
  snapshot: DocumentSnapshot,
  plan: EditPlan,
  after?: { readonly index: WordIndex; readonly added: readonly { start: number; end: number }[] },
): StructureMap {
  const origins = new Map<number, RowOrigin[]>();
  const rows = (table: number) => {
    let o = origins.get(table);
    if (!o) origins.set(table, (o = rowOrigins(snapshot, plan.structure, table)));
    return o;
  };
  if (!after || after.added.length === 0) return { table: (t) => t, paragraph: (k) => k, rows };
  const inAdded = (offset: number) => after.added.some((a) => offset >= a.start && offset < a.end);
  const order = (offsets: readonly number[]) => {
    let k = 0;
    return offsets.map((o) => (inAdded(o) ? undefined : k++));
  };
  const tables = order(after.index.tables.map((t) => t.element.start));
  const paragraphs = order(after.index.paragraphs.map((p) => p.start));
  return { table: (t) => tables[t], paragraph: (k) => paragraphs[k], rows };
}

function slotsOf(e: ContentEdit, after: DocumentSnapshot): Slot[] {
  const paragraphsIn = (t: number, r: number, c: number) =>
    after.tables[t]?.rows[r]?.cells[c]?.paragraphs.length ?? 1;
  switch (e.kind) {
    case "set-text": {
      const l = e.location;
      if (l.kind === "paragraph") return [{ kind: "paragraph", paragraph: l.paragraph }];
      const from = l.paragraph ?? 0;
      const count =
        e.keepPrefix !== undefined
          ? 1
          : (l.paragraphCount ?? paragraphsIn(l.table, l.row, l.cell) - from);
      return [{ kind: "cell", table: l.table, row: l.row, cell: l.cell, from, count }];
    }
    case "set-choice":
      return e.cells.map((cell) => ({
        kind: "cell",
        table: e.table,
        row: e.row,
        cell,
        from: 0,
        count: 1,
      }));
    case "set-marks":
      return e.paragraphs.map((k) => ({ kind: "cell", ...e.cell, from: k, count: 1 }));
  }
}

/** Proxies for a slot's paragraphs (and its cell), found from a snapshot's indexes (no sync). */
function slotProxies(proxies: Proxies, slot: Slot): { cell?: WCell; paragraphs: WParagraph[] } {
  if (slot.kind === "paragraph") return { paragraphs: [proxies.bodyParagraph(slot.paragraph)] };
  const cell = proxies.cell(slot.table, slot.row, slot.cell);
  if (!cell) return { paragraphs: [] };
  const paragraphs = Array.from({ length: slot.count }, (_, k) =>
    proxies.cellParagraph(slot.table, slot.row, slot.cell, slot.from + k),
  ).filter((p): p is WParagraph => p !== undefined);
  return { cell, paragraphs };
}

/** One edit with the proxies it reads and writes. */
export type Target = {
  readonly edit: Edit;
  /** Content edits: where they write, after the structural edits. */
  readonly slots: readonly Slot[];
  /**
   * A content edit in a row or table this plan adds: nothing to check; its values go in with the
   * rows (`insertRows` values) or the tables (their XML), in the same batch.
   */
  readonly inAdded: boolean;
  /** Proxies loaded by the check, in the document as read (none for an edit in an added row). */
  readonly checked: WParagraph[];
  /** Where `checked` are, in the document as read: their texts are found in the reader's model. */
  readonly read: Slot[];
  readonly cells: WCell[];
  /** Per paragraph written: its text before the write. */
  before: string[];
  /** For a blank in a body paragraph: the search for it, queued with the check. */
  hits?: { collection: WRangeCollection; index: number };
  /**
   * Per paragraph written, where a text call would lose what it holds (see word-controls.ts):
   * the paragraph's OOXML as the .docx path leaves it, or null when that path leaves it as it is.
   */
  ooxml?: readonly (string | null | undefined)[];
  /** Not written: it holds a check box the write cannot keep (see `unwritableBoxes`). */
  skip?: boolean;
  /**
   * Per paragraph written with text calls: the direct run formatting the .docx path gives its
   * text (none where the template's style gives it), put back on a paragraph that was empty.
   */
  looks?: readonly (RunFont | undefined)[];
};

/** Font properties a run sets itself, as `font.set` takes them. */
export type RunFont = Partial<
  Pick<WParagraph["font"], "name" | "size" | "color" | "bold" | "italic">
>;

export const PARAGRAPH_PROPS = "text,style,font/name,font/size,font/color,font/bold,font/italic";

/**
 * Finds the proxies of every edit's targets in the document as read (no sync). Content edits
 * address the document after the structural edits: each is mapped back to where it was read, or
 * marked as being in a row or table the plan adds.
 */
export function targets(
  proxies: Proxies,
  after: DocumentSnapshot,
  plan: EditPlan,
  map: StructureMap,
): Target[] {
  const blank = (edit: Edit, slots: Slot[] = []): Target => ({
    edit,
    slots,
    inAdded: false,
    checked: [],
    read: [],
    cells: [],
    before: [],
  });
  const load = (t: Target, slot: Slot) => {
    t.read.push(slot);
    const p = slotProxies(proxies, slot);
    if (p.cell) t.cells.push(p.cell);
    t.checked.push(...p.paragraphs);
  };
  const cellSlot = (table: number, row: number, cell: number, count: number): Slot => ({
    kind: "cell",
    table,
    row,
    cell,
    from: 0,
    count,
  });
  const snapshot = proxies.snapshot;
  const out: Target[] = [];
  for (const edit of plan.structure) {
    const t = blank(edit);
    if (edit.kind === "insert-block") {
      // The block's first cell, as the .docx writer checks it.
      const n = snapshot.tables[edit.firstTable]?.rows[0]?.cells[0]?.paragraphs.length ?? 1;
      load(t, cellSlot(edit.firstTable, 0, 0, n));
    } else {
      for (const r of edit.kind === "insert-rows" ? [edit.templateRow] : edit.rows) {
        (snapshot.tables[edit.table]?.rows[r]?.cells ?? []).forEach((c, i) =>
          load(
            t,
            cellSlot(edit.table, r, i, edit.kind === "insert-rows" ? c.paragraphs.length : 1),
          ),
        );
      }
    }
    out.push(t);
  }
  for (const edit of plan.content) {
    const t = blank(edit, slotsOf(edit, after));
    for (const s of t.slots) {
      if (s.kind === "paragraph") {
        const k = map.paragraph(s.paragraph);
        if (k === undefined) (t as { inAdded: boolean }).inAdded = true;
        else load(t, { kind: "paragraph", paragraph: k });
        continue;
      }
      const table = map.table(s.table);
      const origin = table === undefined ? undefined : map.rows(table)[s.row];
      if (table === undefined || !origin || "added" in origin)
        (t as { inAdded: boolean }).inAdded = true;
      else load(t, { ...s, table, row: origin.before });
    }
    out.push(t);
  }
  return out;
}

/** What cells and body paragraphs hold once some targets' slots hold given texts. */
type SlotTexts = {
  /** By cell (`table/row/cell`, after the structural edits): every paragraph of the cell. */
  readonly cells: Map<string, string[]>;
  /** By body paragraph. */
  readonly paragraphs: Map<number, string>;
};

/**
 * The whole texts of the cells and body paragraphs the targets write, once each target for which
 * `texts` answers holds those texts in its slots (the rest of each cell as in `after`).
 */
export function textsWith(
  ts: readonly Target[],
  after: DocumentSnapshot,
  texts: (t: Target, i: number) => readonly string[] | undefined,
): SlotTexts {
  const cells = new Map<string, string[]>();
  const paragraphs = new Map<number, string>();
  ts.forEach((t, i) => {
    const given = isContent(t.edit) ? texts(t, i) : undefined;
    if (!given) return;
    let k = 0;
    for (const s of t.slots) {
      if (s.kind === "paragraph") {
        paragraphs.set(s.paragraph, given[k++] ?? "");
        continue;
      }
      const key = `${s.table}/${s.row}/${s.cell}`;
      const cell =
        cells.get(key) ??
        (after.tables[s.table]?.rows[s.row]?.cells[s.cell]?.paragraphs ?? []).map((p) => p.text);
      for (let j = 0; j < s.count; j++, k++) cell[s.from + j] = given[k] ?? "";
      cells.set(key, cell);
    }
  });
  return { cells, paragraphs };
}

/**
 * The texts of paragraphs at slots of a document as the reader made it, one per paragraph (a
 * slot in a cell or body paragraph that is not there gives undefined).
 */
export function slotParagraphTexts(
  slots: readonly Slot[],
  doc: DocumentSnapshot,
): (string | undefined)[] {
  return slots.flatMap((s) => {
    if (s.kind === "paragraph") return [doc.paragraphs[s.paragraph]?.text];
    const ps = doc.tables[s.table]?.rows[s.row]?.cells[s.cell]?.paragraphs;
    return Array.from({ length: s.count }, (_, k) => ps?.[s.from + k]?.text);
  });
}

/** The paragraph texts of a target's slots in a snapshot (for edits in added rows). */
export function slotTexts(t: Target, after: DocumentSnapshot): string[] {
  return t.slots.flatMap((s) =>
    s.kind === "paragraph"
      ? [after.paragraphs[s.paragraph]?.text ?? ""]
      : (after.tables[s.table]?.rows[s.row]?.cells[s.cell]?.paragraphs ?? [])
          .slice(s.from, s.from + s.count)
          .map((p) => p.text),
  );
}

/** The text after the edit as Word will show it, for the read-back. */
export function wantedText(
  e: ContentEdit,
  before: readonly string[],
  all: readonly Edit[],
): string[] {
  switch (e.kind) {
    case "set-text": {
      const l = e.location;
      const text = normaliseSlotText(e.text);
      if (l.kind === "paragraph") {
        // Every blank of this paragraph the plan fills, right to left.
        let p = before[0] ?? "";
        const spans = all
          .filter(
            (o): o is typeof e =>
              o.kind === "set-text" &&
              o.location.kind === "paragraph" &&
              o.location.paragraph === l.paragraph,
          )
          .map((o) => ({
            loc: o.location as Extract<Location, { kind: "paragraph" }>,
            text: normaliseSlotText(o.text),
          }))
          .sort((a, b) => (b.loc.start ?? 0) - (a.loc.start ?? 0));
        for (const sp of spans) {
          const start = sp.loc.start ?? 0;
          p = p.slice(0, start) + sp.text + p.slice(sp.loc.end ?? p.length);
        }
        return [p];
      }
      const start =
        e.keepPrefix !== undefined ? prefixLength(before[0] ?? "", e.keepPrefix) : l.start;
      const lines = text.split("\n");
      return before.map((p, i) => {
        const line = i < before.length - 1 ? (lines[i] ?? "") : lines.slice(i).join("\n");
        return i === 0 && start !== undefined ? p.slice(0, start) + line : line;
      });
    }
    case "set-choice":
      return e.cells.map((_, i) =>
        e.style.kind === "radio"
          ? i === e.chosen
            ? "●"
            : "○"
          : i === e.chosen
            ? e.style.mark
            : "",
      );
    case "set-marks":
      return e.paragraphs.map((_, i) => {
        const p = before[i] ?? "";
        const rest = p.slice(markLength(p));
        const any = e.marked.some(Boolean) || markLength(p) > 0;
        return e.marked[i] ? `☒ ${rest}` : any ? `☐ ${rest}` : rest;
      });
  }
}

function markLength(text: string): number {
  return (
    leadingMarkLength({ text, runs: [], listItem: false, glyphs: [] }) ||
    (/^[☒☐☑] /.test(text) ? 2 : 0)
  );
}

/**
 * Queues the writes of one content edit on the paragraphs the check loaded: each keeps its
 * captured style and font.
 */
export function queueContent(e: ContentEdit, t: Target, wanted: readonly string[]): void {
  const write = t.checked;
  const restore = (
    p: WParagraph,
    look: WParagraph | undefined,
    wasEmpty: boolean,
    direct?: RunFont,
  ) => {
    // Word may give a paragraph that was empty the document's default style or font (#5221,
    // #6232): only there is the captured look put back. A paragraph that held text keeps the
    // formatting insertText gives it (that of its start, #4276), so no direct formatting is
    // stamped where the template's style gave it. A property Word answered null for (mixed
    // across the paragraph: docs, "null property values") is never set.
    if (!look || !wasEmpty) return;
    if (look.style) p.set({ style: look.style });
    if (direct) {
      // The formatting the .docx path gives the value: only what the runs set themselves.
      if (Object.keys(direct).length > 0) p.font.set(direct);
      return;
    }
    const font: Partial<Pick<WParagraph["font"], "name" | "size" | "color" | "bold" | "italic">> =
      {};
    const f = look.font;
    if (f.name !== null && f.name !== undefined) font.name = f.name;
    if (f.size !== null && f.size !== undefined) font.size = f.size;
    if (f.color !== null && f.color !== undefined) font.color = f.color;
    if (f.bold !== null && f.bold !== undefined) font.bold = f.bold;
    if (f.italic !== null && f.italic !== undefined) font.italic = f.italic;
    if (Object.keys(font).length > 0) p.font.set(font);
  };
  if (e.kind === "set-text" && e.location.kind === "paragraph") {
    const p = write[0];
    if (!p) return;
    const text = normaliseSlotText(e.text).replace(/\n/g, "\v");
    if (!t.hits) {
      p.insertText(text, "End");
      return;
    }
    const hit = t.hits.collection.items[t.hits.index] ?? t.hits.collection.items[0];
    hit?.insertText(text, "Replace");
    return;
  }
  if (t.skip) return;
  write.forEach((p, i) => {
    const ooxml = t.ooxml?.[i];
    if (ooxml === null) return;
    if (ooxml !== undefined) {
      queueParagraphOoxml(p, ooxml);
      return;
    }
    const want = (wanted[i] ?? "").replace(/\n/g, "\v");
    // Circles read back alike through .text (office-js #2368): always write them.
    if (e.kind === "set-choice" && e.style.kind === "radio") {
      const r = p.insertText(i === e.chosen ? "\uF06C" : "\uF0A1", "Replace");
      r.font.set({ name: "Wingdings" });
      return;
    }
    if (sameText(t.before[i] ?? "", wanted[i] ?? "")) return;
    p.insertText(want, "Replace");
    restore(p, p, (t.before[i] ?? "") === "", t.looks?.[i]);
  });
}

/** Which non-overlapping occurrence of `needle` in `text` starts at `start` (0 when none does). */
export function occurrence(text: string, needle: string, start: number): number {
  let k = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    if (at === start) return k;
    k++;
  }
  return 0;
}

/**
 * Queues a structural edit: rows added after the template row with their texts (labels and the
 * values written into them), rows removed (last first), or a block of tables inserted after the
 * block as its XML.
 */
export function queueStructure(
  t: Target,
  proxies: Proxies,
  given: { readonly rows?: readonly (readonly string[])[]; readonly ooxml?: string },
): void {
  const e = t.edit;
  if (e.kind === "insert-rows") {
    t.cells[0]?.parentRow.insertRows(
      "After",
      e.rows.length,
      (given.rows ?? []).map((r) => [...r]),
    );
  } else if (e.kind === "remove-rows") {
    // One cell per cell of each row: delete each row once, through its first cell, last first
    // (so the rows above keep their places).
    let k = 0;
    const firsts = e.rows.map((r) => {
      const first = t.cells[k];
      k += proxies.snapshot.tables[e.table]?.rows[r]?.cells.length ?? 1;
      return { r, first };
    });
    for (const { first } of firsts.sort((a, b) => b.r - a.r)) first?.parentRow.delete();
  } else if (e.kind === "insert-block" && given.ooxml !== undefined) {
    proxies
      .table(e.firstTable + e.tableCount - 1)
      ?.getRange("Whole")
      .insertOoxml(given.ooxml, "After");
  }
}

/** Where a structural edit acts, to queue them from the end of the document back. */
export function structurePosition(e: Edit): [number, number] {
  switch (e.kind) {
    case "insert-block":
      return [e.firstTable + e.tableCount - 1, Number.MAX_SAFE_INTEGER];
    case "insert-rows":
      return [e.table, e.after + 0.5];
    case "remove-rows":
      return [e.table, Math.max(...e.rows)];
    default:
      return [-1, -1];
  }
}

export function isContent(e: Edit): e is ContentEdit {
  return e.kind === "set-text" || e.kind === "set-choice" || e.kind === "set-marks";
}
