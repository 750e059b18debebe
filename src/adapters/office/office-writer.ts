/**
 * Applying an edit plan in Word with native calls (the same plan the .docx writer applies).
 *
 * One section costs two `context.sync()` calls: a check (every target is loaded and compared with
 * what the plan expects; if one differs, nothing is written and the answer is `document_changed`
 * with the differences), then one batch that writes and reads back what it wrote. A batch is not
 * all-or-nothing: when the write sync fails, one more sync reads every target again so the report
 * says exactly which edits are in the document and which are not.
 *
 * Cells are found again from the snapshot's indexes (top-level tables through `body.tables` in
 * order, nested tables through their parent cell); no proxy outlives its `Word.run`. Values go in
 * with `insertText(..., "Replace")` on the slot's paragraphs, then the paragraph's captured style
 * and font are put back (empty cells can take the default style in Word). The journal of fills is
 * a custom XML part (WordApi 1.4), shared with the .docx writer's format: it is read with the check
 * and written in one more sync after the values are confirmed, so a recorded fill costs three
 * syncs (check, write + read-back, journal). Where WordApi 1.4 is missing, or the document part's
 * XML was not given, the fill is written but not recorded, and the report says it cannot be
 * reverted.
 */
import {
  normaliseSlotText,
  leadingMarkLength,
  prefixLength,
  type ContentEdit,
  type Edit,
  type EditPlan,
  type Location,
} from "../../domain/edits";
import { err, ok, type ErrorCode, type Result } from "../../domain/result";
import type { DocumentSnapshot } from "../../domain/snapshot";
import type { EditOutcome, JournalChange } from "../../ooxml/edit/apply";
import { readWordDocument } from "../../ooxml/wordml";
import { parseXml } from "../../ooxml/xml";
import {
  JOURNAL_NAMESPACE,
  parseJournal,
  serialiseJournal,
  type FillRecord,
  type Journal,
} from "../../ooxml/journal";

// ------------------------------------------------------------------------------------------
// The slice of the Word API the writer uses (the real Word API satisfies it structurally).

export interface WFont {
  name: string;
  size: number;
  color: string;
  bold: boolean;
  italic: boolean;
  set(properties: Partial<Pick<WFont, "name" | "size" | "color" | "bold" | "italic">>): void;
}

export interface WRange {
  insertText(text: string, location: "Replace" | "Start" | "End"): WRange;
  readonly font: WFont;
}

export interface WRangeCollection {
  readonly items: WRange[];
  load(properties?: string): WRangeCollection;
}

export interface WParagraph {
  text: string;
  style: string;
  readonly font: WFont;
  load(properties: string): WParagraph;
  getNext(): WParagraph;
  insertText(text: string, location: "Replace" | "Start" | "End"): WRange;
  search(
    text: string,
    options?: { matchCase?: boolean; matchWildcards?: boolean },
  ): WRangeCollection;
  set(properties: { style?: string }): void;
  /** Used by revert, to give a cell back paragraphs a fill took away. */
  insertParagraph(text: string, location: "After" | "Before"): WParagraph;
  /** Used by revert, to take away paragraphs a fill added. */
  delete(): void;
}

export interface WBody {
  readonly paragraphs: { getFirst(): WParagraph };
  readonly tables: { getFirst(): WTable };
}

export interface WCell {
  readonly isNullObject: boolean;
  readonly body: WBody;
  readonly parentRow: WRow;
  load(properties: string): WCell;
}

export interface WRow {
  insertRows(location: "After" | "Before", rowCount: number, values?: string[][]): unknown;
  delete(): void;
}

export interface WTable {
  getNext(): WTable;
  getCellOrNullObject(rowIndex: number, cellIndex: number): WCell;
}

export interface WCustomXmlPart {
  getXml(): { value: string };
  setXml(xml: string): void;
}

/** The journal part, reached in one step (WordApi 1.4 `getOnlyItemOrNullObject`). */
export interface WJournalPart {
  readonly isNullObject: boolean;
  load(properties?: string): unknown;
  getXml(): { value: string };
  setXml(xml: string): void;
  delete(): void;
}

export interface WCustomXmlParts {
  getByNamespace(ns: string): {
    items: WCustomXmlPart[];
    load(properties?: string): unknown;
    getOnlyItemOrNullObject(): WJournalPart;
  };
  add(xml: string): WCustomXmlPart;
}

export interface WContext {
  readonly document: { readonly body: WBody; readonly customXmlParts?: WCustomXmlParts };
  sync(): Promise<void>;
}

export interface WordWriteHost {
  run<T>(batch: (context: WContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

// ------------------------------------------------------------------------------------------

export type OfficeFillReport = {
  /** Edits found in the document after writing. */
  readonly written: readonly EditOutcome[];
  /** Edits not in the document (not written, or the batch failed before them). */
  readonly notWritten: readonly EditOutcome[];
  /** When the write batch failed: what went wrong (the lists above say exactly what is in). */
  readonly error?: { readonly code: ErrorCode; readonly message: string };
  /** Notices such as "no journal: revert is not available in this Word". */
  readonly notices: readonly string[];
  readonly syncs: number;
};

/** Proxies for the paragraphs of one location, found again from the snapshot's indexes. */
export function tableProxy(
  body: WBody,
  snapshot: DocumentSnapshot,
  table: number,
): WTable | undefined {
  const t = snapshot.tables[table];
  if (!t) return undefined;
  if (t.parent) {
    const parentTable = tableProxy(body, snapshot, t.parent.table);
    const parentCell = snapshot.tables[t.parent.table]?.rows[t.parent.row]?.cells[t.parent.cell];
    if (!parentTable || !parentCell) return undefined;
    const k = parentCell.nestedTables.indexOf(table);
    let nested = parentTable
      .getCellOrNullObject(t.parent.row, t.parent.cell)
      .body.tables.getFirst();
    for (let i = 0; i < k; i++) nested = nested.getNext();
    return nested;
  }
  let proxy = body.tables.getFirst();
  for (let i = 0; i < (t.bodyTableIndex ?? 0); i++) proxy = proxy.getNext();
  return proxy;
}

export function nth(first: WParagraph, k: number): WParagraph {
  let p = first;
  for (let i = 0; i < k; i++) p = p.getNext();
  return p;
}

type Target = {
  edit: Edit;
  /** Paragraph proxies the edit reads and writes, in order. */
  paragraphs: WParagraph[];
  cells: WCell[];
  /** For a blank in a body paragraph: the search for it, queued with the check. */
  hits?: { collection: WRangeCollection; index: number };
};

const PARAGRAPH_PROPS = "text,style,font/name,font/size,font/color,font/bold,font/italic";

/** Finds the proxies of every edit's targets (no sync). */
function targets(context: WContext, snapshot: DocumentSnapshot, edits: readonly Edit[]): Target[] {
  const body = context.document.body;
  const cellOf = (table: number, row: number, cell: number) =>
    tableProxy(body, snapshot, table)?.getCellOrNullObject(row, cell);
  return edits.map((edit) => {
    const out: Target = { edit, paragraphs: [], cells: [] };
    const addCell = (table: number, row: number, cell: number, from: number, count: number) => {
      const c = cellOf(table, row, cell);
      if (!c) return;
      out.cells.push(c);
      const first = nth(c.body.paragraphs.getFirst(), from);
      for (let k = 0; k < count; k++) out.paragraphs.push(k === 0 ? first : nth(first, k));
    };
    const cellParagraphs = (table: number, row: number, cell: number) =>
      snapshot.tables[table]?.rows[row]?.cells[cell]?.paragraphs.length ?? 1;
    switch (edit.kind) {
      case "set-text": {
        const l = edit.location;
        if (l.kind === "paragraph") {
          const docIndex = snapshot.paragraphs[l.paragraph]?.documentIndex ?? 0;
          out.paragraphs.push(nth(body.paragraphs.getFirst(), docIndex));
        } else {
          const from = l.paragraph ?? 0;
          const count =
            edit.keepPrefix !== undefined
              ? 1
              : (l.paragraphCount ?? cellParagraphs(l.table, l.row, l.cell) - from);
          addCell(l.table, l.row, l.cell, from, count);
        }
        break;
      }
      case "set-choice":
        for (const c of edit.cells) addCell(edit.table, edit.row, c, 0, 1);
        break;
      case "set-marks":
        for (const k of edit.paragraphs)
          addCell(edit.cell.table, edit.cell.row, edit.cell.cell, k, 1);
        break;
      case "insert-rows":
        snapshot.tables[edit.table]?.rows[edit.templateRow]?.cells.forEach((c, i) =>
          addCell(edit.table, edit.templateRow, i, 0, c.paragraphs.length),
        );
        break;
      case "remove-rows":
        for (const r of edit.rows) {
          snapshot.tables[edit.table]?.rows[r]?.cells.forEach((_, i) =>
            addCell(edit.table, r, i, 0, 1),
          );
        }
        break;
      case "insert-block":
        break;
    }
    return out;
  });
}

/** What each edit's target holds now, as the .docx side compares it. */
function foundText(t: Target): string {
  return t.paragraphs.map((p) => p.text).join("\n");
}

function expectedText(e: Edit, snapshot: DocumentSnapshot): string {
  switch (e.kind) {
    case "set-text": {
      // Compare whole paragraphs: Word gives paragraph texts, not spans.
      const l = e.location;
      if (l.kind === "paragraph") return snapshot.paragraphs[l.paragraph]?.text ?? "";
      const cell = snapshot.tables[l.table]?.rows[l.row]?.cells[l.cell];
      const from = l.paragraph ?? 0;
      const count =
        e.keepPrefix !== undefined
          ? 1
          : (l.paragraphCount ?? (cell?.paragraphs.length ?? 1) - from);
      return (cell?.paragraphs.slice(from, from + count) ?? []).map((p) => p.text).join("\n");
    }
    case "set-choice":
      return e.cells.map((c) => firstParagraphText(snapshot, e.table, e.row, c)).join("\n");
    case "set-marks": {
      const cell = snapshot.tables[e.cell.table]?.rows[e.cell.row]?.cells[e.cell.cell];
      return e.paragraphs.map((k) => cell?.paragraphs[k]?.text ?? "").join("\n");
    }
    case "insert-rows": {
      const row = snapshot.tables[e.table]?.rows[e.templateRow];
      return (row?.cells ?? []).flatMap((c) => c.paragraphs.map((p) => p.text)).join("\n");
    }
    case "remove-rows":
      return e.rows
        .map((r) =>
          (snapshot.tables[e.table]?.rows[r]?.cells ?? [])
            .map((c) => c.paragraphs[0]?.text ?? "")
            .join("\n"),
        )
        .join("\n");
    case "insert-block":
      return "";
  }
}

function firstParagraphText(s: DocumentSnapshot, t: number, r: number, c: number): string {
  return s.tables[t]?.rows[r]?.cells[c]?.paragraphs[0]?.text ?? "";
}

/** Word reads symbol-font characters back as "(" (office-js #2368): compare them loosely. */
export function sameText(word: string, expected: string): boolean {
  const norm = (s: string) =>
    normaliseSlotText(s)
      .replace(/[\uF000-\uF0FF○●◯⚪⬤⚫(]/g, "◦")
      .replace(/\u000b|\r/g, "\n");
  return norm(word) === norm(expected);
}

/** The text after the edit as Word will show it, for the read-back. */
function wantedText(e: ContentEdit, before: readonly string[], all: readonly Edit[]): string[] {
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

/** Queues the writes of one content edit on its loaded paragraphs. */
function queueContent(e: ContentEdit, t: Target, wanted: readonly string[]): void {
  const restore = (p: WParagraph) => {
    // Put back the captured look (Word may give an emptied paragraph the default style).
    if (p.style) p.set({ style: p.style });
    p.font.set({
      name: p.font.name,
      size: p.font.size,
      color: p.font.color,
      bold: p.font.bold,
      italic: p.font.italic,
    });
  };
  if (e.kind === "set-text" && e.location.kind === "paragraph") {
    const p = t.paragraphs[0];
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
  t.paragraphs.forEach((p, i) => {
    const want = (wanted[i] ?? "").replace(/\n/g, "\v");
    // Circles read back alike through .text (office-js #2368): always write them.
    if (e.kind === "set-choice" && e.style.kind === "radio") {
      const r = p.insertText(i === e.chosen ? "\uF06C" : "\uF0A1", "Replace");
      r.font.set({ name: "Wingdings" });
      return;
    }
    if (sameText(p.text, wanted[i] ?? "")) return;
    p.insertText(want, "Replace");
    restore(p);
  });
}

/** Which non-overlapping occurrence of `needle` in `text` starts at `start` (0 when none does). */
function occurrence(text: string, needle: string, start: number): number {
  let k = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    if (at === start) return k;
    k++;
  }
  return 0;
}

export type OfficeFillOptions = {
  readonly label: string;
  readonly now: Date;
  /**
   * The document part's XML as read (from `body.getOoxml()`), so the journal records each cell's
   * exact earlier XML. Without it, the fill is not recorded and cannot be reverted.
   */
  readonly source?: string;
};

/**
 * Writes an edit plan into the document open in Word. Answers `document_changed` (nothing
 * written) when a target differs from what the plan expects, `office_read_only` when Word
 * refuses to write; otherwise a report of what is and is not in the document.
 */
export async function writePlanInWord(
  host: WordWriteHost,
  snapshot: DocumentSnapshot,
  plan: EditPlan,
  options: OfficeFillOptions,
): Promise<Result<OfficeFillReport>> {
  const edits: Edit[] = [...plan.structure, ...plan.content];
  const notices: string[] = [];
  let syncs = 0;
  const blocks = edits.filter((e) => e.kind === "insert-block");
  if (blocks.length > 0) {
    return err(
      "office_requirement_missing",
      "Adding a whole block of tables (a new challenge or strategy) is not done from inside Word yet. Copy the last block in Word, or fill the file with the command line or the preview, then continue here.",
    );
  }
  if (plan.structure.length > 0 && plan.content.length > 0) {
    // Content coordinates assume the rows exist; do the rows first, then the values.
    const rows = await writePlanInWord(
      host,
      snapshot,
      { structure: plan.structure, content: [] },
      options,
    );
    if (!rows.ok || rows.value.error) return rows;
    return err(
      "document_changed",
      "The rows were added. Read the document again to write the values into them.",
    );
  }
  const journalOk = host.isSetSupported("WordApi", "1.4");
  if (!journalOk)
    notices.push(
      "This version of Word cannot keep the record of fills (WordApi 1.4), so this fill cannot be reverted from PlanAssist.",
    );
  try {
    return await host.run(async (context) => {
      const ts = targets(context, snapshot, edits);
      // The journal is read with the check, so recording the fill costs one more sync only.
      const parts = journalOk && options.source ? context.document.customXmlParts : undefined;
      const journalPart = parts?.getByNamespace(JOURNAL_NAMESPACE).getOnlyItemOrNullObject();
      journalPart?.load("isNullObject");
      // On a null object the method answers null at the sync instead of failing the batch.
      const journalXml = journalPart?.getXml();
      // 1. Check: load every target.
      for (const t of ts) {
        for (const c of t.cells) c.load("isNullObject");
        for (const p of t.paragraphs) p.load(PARAGRAPH_PROPS);
        const e = t.edit;
        if (e.kind === "set-text" && e.location.kind === "paragraph" && t.paragraphs[0]) {
          // The blank is found by searching for it; its occurrence counted left to right.
          const text = snapshot.paragraphs[e.location.paragraph]?.text ?? "";
          const span = text.slice(e.location.start ?? 0, e.location.end ?? text.length);
          if (span.length > 0) {
            const collection = t.paragraphs[0].search(span, { matchCase: true });
            collection.load("items");
            t.hits = { collection, index: occurrence(text, span, e.location.start ?? 0) };
          }
        }
      }
      await context.sync();
      syncs++;
      const differences: string[] = [];
      for (const t of ts) {
        if (t.cells.some((c) => c.isNullObject)) {
          differences.push(`${where(t.edit)}: the cell is gone (deleted by someone else?)`);
          continue;
        }
        const expected = expectedText(t.edit, snapshot);
        if (!sameText(foundText(t), expected)) {
          differences.push(
            `${where(t.edit)}: expected "${clip(expected)}", found "${clip(foundText(t))}"`,
          );
        }
      }
      if (differences.length > 0) {
        return err(
          "document_changed",
          `The document changed since it was read, so nothing was written: ${differences.slice(0, 5).join("; ")}${differences.length > 5 ? `; and ${differences.length - 5} more` : ""}. PlanAssist reads it again; check the values and write again.`,
          { differences: differences.length },
        );
      }
      // 2. One batch: write, then read back.
      const before = ts.map((t) => t.paragraphs.map((p) => p.text));
      const wanted = ts.map((t, i) =>
        isContent(t.edit) ? wantedText(t.edit, before[i] ?? [], edits) : [],
      );
      ts.forEach((t, i) => {
        const e = t.edit;
        if (isContent(e)) queueContent(e, t, wanted[i] ?? []);
        else if (e.kind === "insert-rows") {
          const first = t.cells[0];
          if (first) {
            const values = e.rows.map((labels) =>
              (snapshot.tables[e.table]?.rows[e.templateRow]?.cells ?? []).map((c, ci) =>
                c.paragraphs
                  .map((_, k) => labels.find((l) => l.cell === ci && l.paragraph === k)?.text ?? "")
                  .join("\n")
                  .replace(/\n+$/, ""),
              ),
            );
            first.parentRow.insertRows("After", e.rows.length, values);
          }
        } else if (e.kind === "remove-rows") {
          const cells = t.cells;
          // One cell per cell of each row: delete each row once, through its first cell.
          let k = 0;
          for (const r of e.rows) {
            const n = snapshot.tables[e.table]?.rows[r]?.cells.length ?? 1;
            cells[k]?.parentRow.delete();
            k += n;
          }
        }
      });
      for (const t of ts) for (const p of t.paragraphs) p.load(PARAGRAPH_PROPS);
      let failure: unknown;
      try {
        await context.sync();
        syncs++;
      } catch (e) {
        syncs++;
        failure = e;
      }
      if (failure !== undefined) {
        // A failed batch may be half applied: read every target again.
        for (const t of ts) for (const p of t.paragraphs) p.load(PARAGRAPH_PROPS);
        try {
          await context.sync();
          syncs++;
        } catch {
          syncs++;
          return err(
            "office_sync_failed",
            `Word stopped while writing (${describe(failure)}) and could not be read again, so what was written is unknown. Read the document again and check it before writing.`,
          );
        }
      }
      const written: EditOutcome[] = [];
      const notWritten: EditOutcome[] = [];
      ts.forEach((t, i) => {
        const e = t.edit;
        if (!isContent(e)) {
          (failure === undefined ? written : notWritten).push({
            edit: e,
            status: failure === undefined ? "written" : "failed",
          });
          return;
        }
        const now = t.paragraphs.map((p) => p.text);
        const want = wanted[i] ?? [];
        const holds = now.length === want.length && now.every((x, k) => sameText(x, want[k] ?? ""));
        if (holds) written.push({ edit: e, status: "written" });
        else
          notWritten.push({
            edit: e,
            status: "failed",
            message: `${where(e)} holds "${clip(now.join(" / "))}"`,
          });
      });
      if (failure !== undefined) {
        const readOnly = isReadOnly(failure);
        return ok({
          written,
          notWritten,
          error: {
            code: readOnly ? "office_read_only" : "office_sync_failed",
            message: readOnly
              ? `Word did not allow changes to this document (it is read-only or protected). ${written.length === 0 ? "Nothing was written." : `${written.length} value(s) were written before Word refused; the rest were not.`} Save a copy you can edit, or ask its owner, then write again.`
              : `Word stopped while writing (${describe(failure)}). ${written.length} edit(s) are in the document and ${notWritten.length} are not; the list says which. Write again to finish.`,
          },
          notices,
          syncs,
        });
      }
      // 3. The journal (its own sync, after the values are safe).
      if (journalOk && !options.source)
        notices.push(
          "The document's XML was not given, so this fill was not recorded and cannot be reverted from PlanAssist.",
        );
      if (journalOk && options.source && !parts)
        notices.push(
          "This Word does not give access to the document's custom XML parts, so this fill was not recorded and cannot be reverted from PlanAssist.",
        );
      if (journalOk && options.source && parts && written.length > 0) {
        const after = ts.map((t) => t.paragraphs.map((p) => p.text));
        const record: FillRecord = {
          at: options.now.toISOString(),
          label: options.label,
          changes: journalChanges(snapshot, written, after, ts, options.source),
        };
        const earlier = journalPart && !journalPart.isNullObject ? journalXml?.value : undefined;
        if (earlier) {
          const journal = parseJournal(earlier);
          const fills: Journal["fills"] = journal.ok ? journal.value.fills : [];
          journalPart?.setXml(serialiseJournal({ fills: [...fills, record] }));
        } else {
          parts.add(serialiseJournal({ fills: [record] }));
        }
        await context.sync();
        syncs++;
      }
      return ok({ written, notWritten, notices, syncs });
    });
  } catch (e) {
    if (isReadOnly(e)) {
      return err(
        "office_read_only",
        "Word did not allow changes to this document (it is read-only or protected). Nothing was written. Save a copy you can edit, then write again.",
      );
    }
    return err(
      "office_sync_failed",
      `Word could not be reached while writing (${describe(e)}). Nothing is known to be written; read the document again.`,
    );
  }
}

function isContent(e: Edit): e is ContentEdit {
  return e.kind === "set-text" || e.kind === "set-choice" || e.kind === "set-marks";
}

function where(e: Edit): string {
  switch (e.kind) {
    case "set-text": {
      const l: Location = e.location;
      return l.kind === "paragraph"
        ? `paragraph ${l.paragraph + 1}`
        : `table ${l.table + 1}, row ${l.row + 1}, cell ${l.cell + 1}`;
    }
    case "set-choice":
      return `table ${e.table + 1}, row ${e.row + 1}`;
    case "set-marks":
      return `table ${e.cell.table + 1}, row ${e.cell.row + 1}, cell ${e.cell.cell + 1}`;
    case "insert-rows":
    case "remove-rows":
      return `table ${e.table + 1}`;
    case "insert-block":
      return `table ${e.firstTable + 1}`;
  }
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function describe(e: unknown): string {
  const x = e as { code?: string; message?: string };
  return x?.code ?? x?.message ?? "unknown error";
}

function isReadOnly(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? "";
  return code === "AccessDenied" || code === "EditModeCannotBeChanged" || code === "ReadOnly";
}

/** Journal entries for what was written: each cell's earlier XML (from the read OOXML) and text. */
function journalChanges(
  snapshot: DocumentSnapshot,
  written: readonly EditOutcome[],
  after: readonly (readonly string[])[],
  ts: readonly Target[],
  source: string,
): JournalChange[] {
  const doc = parseXml(source);
  const { index } = readWordDocument(doc);
  const xmlOf = (el: { start: number; end: number } | undefined) =>
    el ? source.slice(el.start, el.end) : "";
  const out: JournalChange[] = [];
  const seen = new Set<string>();
  for (const o of written) {
    const i = ts.findIndex((t) => t.edit === o.edit);
    const e = o.edit;
    if (e.kind === "insert-rows") {
      out.push({ kind: "rows-added", table: e.table, row: e.after + 1, count: e.rows.length });
      continue;
    }
    if (e.kind === "remove-rows") {
      // As the .docx writer records them: each run of adjacent rows with its XML, placed where
      // it goes back in the document without them.
      const rows = index.tables[e.table]?.rows ?? [];
      let removedBefore = 0;
      let group: number[] = [];
      const flush = () => {
        const first = rows[group[0] ?? -1];
        const last = rows[group[group.length - 1] ?? -1];
        if (first && last) {
          out.push({
            kind: "rows-removed",
            table: e.table,
            row: (group[0] ?? 0) - removedBefore,
            xml: source.slice(first.element.start, last.element.end),
          });
        }
        removedBefore += group.length;
        group = [];
      };
      for (const r of [...e.rows].sort((a, b) => a - b)) {
        if (group.length > 0 && r !== (group[group.length - 1] ?? 0) + 1) flush();
        group.push(r);
      }
      flush();
      continue;
    }
    if (e.kind !== "set-text" && e.kind !== "set-choice" && e.kind !== "set-marks") continue;
    const cells: [number, number, number][] =
      e.kind === "set-text"
        ? e.location.kind === "cell"
          ? [[e.location.table, e.location.row, e.location.cell]]
          : []
        : e.kind === "set-choice"
          ? e.cells.map((c) => [e.table, e.row, c])
          : [[e.cell.table, e.cell.row, e.cell.cell]];
    if (e.kind === "set-text" && e.location.kind === "paragraph") {
      const p = snapshot.paragraphs[e.location.paragraph];
      void p;
      out.push({
        kind: "paragraph",
        paragraph: e.location.paragraph,
        before: xmlOf(index.paragraphs[e.location.paragraph]),
        after: ts[i]?.paragraphs[0]?.text ?? "",
      });
      continue;
    }
    for (const [t, r, c] of cells) {
      const key = `${t}/${r}/${c}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const cell = snapshot.tables[t]?.rows[r]?.cells[c];
      // The cell's text after the fill: the written slot in place of the slot's old paragraphs.
      const slot = ts[i]?.paragraphs.length ?? 0;
      const from =
        e.kind === "set-text" && e.location.kind === "cell" ? (e.location.paragraph ?? 0) : 0;
      const texts = (cell?.paragraphs ?? []).map((p) => p.text);
      if (e.kind === "set-text") texts.splice(from, slot, ...(after[i] ?? []));
      if (e.kind === "set-marks")
        e.paragraphs.forEach((k, j) => (texts[k] = after[i]?.[j] ?? texts[k] ?? ""));
      if (e.kind === "set-choice") texts[0] = after[i]?.[e.cells.indexOf(c)] ?? texts[0] ?? "";
      out.push({
        kind: "cell",
        table: t,
        row: r,
        cell: c,
        before: xmlOf(index.tables[t]?.rows[r]?.cells[c]?.element),
        after: texts.join("\n"),
      });
    }
  }
  return out;
}
