/**
 * Applies an edit plan to a main document part by splicing into its source text.
 *
 * Two passes: the structural edits (rows and blocks added or removed) in the coordinates of the
 * document as read, then the content edits (values, choices, marks) in the coordinates of the
 * result. Everything outside the edited cells, paragraphs and added rows is copied as it is.
 * Each pass first checks that every target still holds what the plan expects; if one does not,
 * nothing is written and the answer is `document_changed` with the differences.
 */
import {
  clip,
  chosenCell,
  describeEdit,
  editSubject,
  normaliseSlotText,
  leadingMarkLength,
  paragraphMarked,
  prefixLength,
  rowTexts,
  slotText,
  type BlockLabel,
  type ContentEdit,
  type Edit,
  type EditPlan,
  type SetChoiceEdit,
  type SetMarksEdit,
  type SetTextEdit,
  type StructureEdit,
} from "../../domain/edits";
import { err, ok, PlanAssistFailure, type Result } from "../../domain/result";
import type { DocumentSnapshot } from "../../domain/snapshot";
import { symbolGlyph } from "../glyphs";
import { readWordDocument, type ReadResult, type WordIndex, type WordNames } from "../wordml";
import { attr, parseXml, type XmlDocument, type XmlElement } from "../xml";
import { clonedParagraph, clonedRow, clonedTable, labelKey } from "./clone";
import { joinTouchingTables } from "../join-tables";
import {
  firstChildNamed,
  rewrittenParagraph,
  sourceOf,
  textPieces,
  valueRunProperties,
} from "./paragraph-xml";
import { rowsFingerprint, tablesFingerprint } from "./revert-fingerprint";
import { hasTextFormField, spanSplices } from "./span";
import { applySplices, type Splice } from "./splice";

type EditStatus = "written" | "unchanged" | "failed";

export type EditOutcome = {
  readonly edit: Edit;
  readonly status: EditStatus;
  readonly message?: string;
};

/** What one fill changed, in the coordinates of the document after it: what revert needs. */
export type JournalChange =
  /** A cell's earlier XML and the text it holds after the fill. */
  | {
      readonly kind: "cell";
      readonly table: number;
      readonly row: number;
      readonly cell: number;
      readonly before: string;
      readonly after: string;
    }
  /** A body paragraph's earlier XML and its text after the fill. */
  | {
      readonly kind: "paragraph";
      readonly paragraph: number;
      readonly before: string;
      readonly after: string;
    }
  /** Rows added at `row .. row+count-1` of `table`. */
  | {
      readonly kind: "rows-added";
      readonly table: number;
      readonly row: number;
      readonly count: number;
      /** What the fill wrote in them (`rowsFingerprint`); absent in records of earlier versions. */
      readonly written?: string;
    }
  /** Tables added at `table .. table+count-1` (document order), with what lies between them. */
  | {
      readonly kind: "tables-added";
      readonly table: number;
      readonly count: number;
      /**
       * Empty paragraphs the fill put around the tables so that they touch no other table: one
       * just before them, and a second just after when a table followed.
       */
      readonly separators?: number;
      /** What the fill wrote in them (`tablesFingerprint`); absent in records of earlier versions. */
      readonly written?: string;
    }
  /** Rows removed; their XML goes back before row `row` of `table` (or at the end). */
  | {
      readonly kind: "rows-removed";
      readonly table: number;
      readonly row: number;
      readonly xml: string;
    };

export type AppliedPlan = {
  readonly source: string;
  readonly outcomes: readonly EditOutcome[];
  readonly changes: readonly JournalChange[];
  /** Whether anything was written. */
  readonly changed: boolean;
  /**
   * When the plan adds or removes rows or tables: the document after those edits and before the
   * values, as read (where content edits point; what Word's writer maps back to the document).
   */
  readonly structured?: { readonly source: string; readonly read: ReadResult };
};

type Difference = { readonly edit: Edit; readonly expected: string; readonly found: string };

function read(source: string): { doc: XmlDocument; read: ReadResult } {
  const doc = parseXml(source);
  return { doc, read: readWordDocument(doc) };
}

function changedError(differences: readonly Difference[]): Result<never> {
  const list = differences
    .slice(0, 5)
    .map(
      (d) =>
        `${describeEdit(d.edit)} (${editSubject(d.edit)}): expected "${clip(d.expected)}", found "${clip(d.found)}"`,
    )
    .join("; ");
  return err(
    "document_changed",
    `The document changed since it was read, so nothing was written: ${list}${differences.length > 5 ? `; and ${differences.length - 5} more` : ""}. Read the document again and redo the fill.`,
    { differences: differences.length },
  );
}

// ------------------------------------------------------------------------------------------
// The safety check

/** What each edit's target holds in `snapshot`, compared with what the edit expects. */
function differences(snapshot: DocumentSnapshot, edits: readonly Edit[]): Difference[] {
  const out: Difference[] = [];
  for (const e of edits) {
    const d = difference(snapshot, e);
    if (d) out.push(d);
  }
  return out;
}

function difference(s: DocumentSnapshot, e: Edit): Difference | undefined {
  const cmp = (expected: string, found: string | undefined) =>
    found === undefined
      ? { edit: e, expected, found: "(missing)" }
      : normaliseSlotText(found) === normaliseSlotText(expected)
        ? undefined
        : { edit: e, expected, found };
  switch (e.kind) {
    case "set-text":
      return cmp(e.expected, slotText(s, e.location, e.keepPrefix));
    case "set-choice": {
      const row = s.tables[e.table]?.rows[e.row];
      const found = row ? e.cells.map((c) => row.cells[c]?.text ?? "(missing)") : undefined;
      return cmp(e.expected.join(" | "), found?.join(" | "));
    }
    case "set-marks": {
      const cell = s.tables[e.cell.table]?.rows[e.cell.row]?.cells[e.cell.cell];
      const found = cell
        ? e.paragraphs.map((k) => cell.paragraphs[k]?.text ?? "(missing)")
        : undefined;
      return cmp(e.expected.join(" | "), found?.join(" | "));
    }
    case "insert-rows":
      return cmp(e.expected.join(" | "), rowTexts(s, e.table, e.templateRow)?.join(" | "));
    case "insert-block": {
      const t = s.tables[e.firstTable];
      return cmp(e.expected, t?.rows[0]?.cells[0]?.text);
    }
    case "remove-rows": {
      for (let i = 0; i < e.rows.length; i++) {
        const d = cmp(
          (e.expected[i] ?? []).join(" | "),
          rowTexts(s, e.table, e.rows[i] as number)?.join(" | "),
        );
        if (d) return d;
      }
      return undefined;
    }
  }
}

// ------------------------------------------------------------------------------------------
// Pass 1: structure

type StructurePass = {
  source: string;
  outcomes: EditOutcome[];
  /** Output offsets of the rows and tables added, with what they are. */
  addedRows: { table: number; count: number; offset: number }[];
  addedTables: { count: number; offset: number; separators: number }[];
  removed: { table: number; rowBefore: number; xml: string }[];
};

function structurePass(
  doc: XmlDocument,
  index: WordIndex,
  s: DocumentSnapshot,
  edits: readonly StructureEdit[],
): StructurePass {
  const n = index.names;
  const splices: Splice[] = [];
  const outcomes: EditOutcome[] = [];
  const tags: {
    tag: string;
    kind: "rows" | "tables";
    table: number;
    count: number;
    /** Empty paragraphs put around the added tables (the first one before them). */
    separators?: number;
    /** Characters of the splice before its first row (a content control's start). */
    lead?: number;
  }[] = [];
  const removed: StructurePass["removed"] = [];
  edits.forEach((e, k) => {
    if (e.kind === "insert-rows") {
      const t = index.tables[e.table];
      const template = t?.rows[e.templateRow];
      const after = t?.rows[e.after];
      if (!t || !template || !after || e.rows.length === 0) {
        outcomes.push({
          edit: e,
          status: e.rows.length === 0 ? "unchanged" : "failed",
          message: "The row to copy is not there.",
        });
        return;
      }
      // A row that is an item of its own content control (a repeating section's item) is
      // copied with its control, and the copy goes after the item.
      const item = rowItem(template.element, n);
      const wrap = item ? itemWrapper(doc, item, n) : { open: "", close: "" };
      const xml = e.rows
        .map(
          (labels) =>
            wrap.open +
            clonedRow(
              doc,
              template,
              n,
              new Map(labels.map((l) => [labelKey(l.cell, l.paragraph), l.text])),
            ) +
            wrap.close,
        )
        .join("");
      const tag = `s${k}`;
      const at = (rowItem(after.element, n) ?? after.element).end;
      splices.push({ start: at, end: at, text: xml, tag });
      tags.push({
        tag,
        kind: "rows",
        table: e.table,
        count: e.rows.length,
        lead: wrap.open.length,
      });
      outcomes.push({ edit: e, status: "written" });
    } else if (e.kind === "insert-block") {
      const tables = index.tables.slice(e.firstTable, e.firstTable + e.tableCount);
      const snaps = s.tables.slice(e.firstTable, e.firstTable + e.tableCount);
      if (
        tables.length !== e.tableCount ||
        snaps.some((t) => t.parent !== undefined) ||
        e.copies.length === 0
      ) {
        outcomes.push({
          edit: e,
          status: e.copies.length === 0 ? "unchanged" : "failed",
          message: "The block of tables to copy is not there.",
        });
        return;
      }
      const last = tables[tables.length - 1] as (typeof tables)[number];
      const lastRow = last.rows[last.rows.length - 1];
      // The block ends its table element unless Word joined what follows into the same table.
      const next = index.tables[e.firstTable + e.tableCount];
      const endsElement = !next || next.element !== last.element;
      if (!lastRow || (!endsElement && tables.some((t) => t.element !== last.element))) {
        outcomes.push({
          edit: e,
          status: "failed",
          message: "The block of tables to copy is not there.",
        });
        return;
      }
      const labelsByRow = (labels: readonly BlockLabel[], i: number) => {
        const byRow = new Map<number, Map<string, string>>();
        for (const l of labels.filter((x) => x.table === i)) {
          const m = byRow.get(l.row) ?? new Map<string, string>();
          m.set(labelKey(l.cell, l.paragraph), l.text);
          byRow.set(l.row, m);
        }
        return byRow;
      };
      const tag = `s${k}`;
      if (!endsElement) {
        // Inside a table Word joined: the copies go in as rows after the block's last row.
        const rows = e.copies
          .map((labels) =>
            tables
              .map((t, i) => {
                const byRow = labelsByRow(labels, i);
                return t.rows
                  .map((row, r) => clonedRow(doc, row, n, byRow.get(r) ?? new Map()))
                  .join("");
              })
              .join(""),
          )
          .join("");
        splices.push({ start: lastRow.element.end, end: lastRow.element.end, text: rows, tag });
        tags.push({
          tag,
          kind: "tables",
          table: e.firstTable,
          count: e.tableCount * e.copies.length,
        });
        outcomes.push({ edit: e, status: "written" });
        return;
      }
      // What lies between the block's tables (paragraphs) is copied emptied.
      const between = (a: XmlElement, b: XmlElement) =>
        (a.parent?.children ?? [])
          .filter(
            (c): c is XmlElement =>
              c.kind === "element" && c.start >= a.end && c.end <= b.start && c.name === n.p,
          )
          .map((p) => clonedParagraph(doc, p, n, undefined))
          .join("");
      let copiesXml = "";
      for (const labels of e.copies) {
        tables.forEach((t, i) => {
          if (i > 0) copiesXml += between((tables[i - 1] as typeof t).element, t.element);
          copiesXml += clonedTable(doc, t, n, labelsByRow(labels, i));
        });
      }
      // Word would join the copied tables that touch (and show them so): write them joined, and
      // with a paragraph between the copies and the tables around them, as a Word-authored
      // template has, so that nothing the fill writes touches.
      const joined = joinInDocument(doc, copiesXml);
      const afterLast = nextElement(last.element);
      const spaceAfter = afterLast?.name === n.tbl;
      const xml = `<${n.p}/>${joined}${spaceAfter ? `<${n.p}/>` : ""}`;
      splices.push({ start: last.element.end, end: last.element.end, text: xml, tag });
      tags.push({
        tag,
        kind: "tables",
        table: e.firstTable,
        count: e.tableCount * e.copies.length,
        separators: spaceAfter ? 2 : 1,
      });
      outcomes.push({ edit: e, status: "written" });
    } else {
      const t = index.tables[e.table];
      const rows = [...e.rows].sort((a, b) => a - b);
      if (!t || rows.some((r) => !t.rows[r])) {
        outcomes.push({ edit: e, status: "failed", message: "A row to remove is not there." });
        return;
      }
      // Contiguous groups, each remembered with the row it went before.
      let removedBefore = 0;
      let group: number[] = [];
      const flush = () => {
        if (group.length === 0) return;
        const firstRow = t.rows[group[0] as number] as (typeof t.rows)[number];
        const lastRow = t.rows[group[group.length - 1] as number] as (typeof t.rows)[number];
        const xml = doc.source.slice(firstRow.element.start, lastRow.element.end);
        removed.push({ table: e.table, rowBefore: (group[0] as number) - removedBefore, xml });
        splices.push({ start: firstRow.element.start, end: lastRow.element.end, text: "" });
        removedBefore += group.length;
        group = [];
      };
      for (const r of rows) {
        if (group.length > 0 && r !== (group[group.length - 1] as number) + 1) flush();
        group.push(r);
      }
      flush();
      outcomes.push({ edit: e, status: "written" });
    }
  });
  const result = applySplices(doc.source, splices);
  const addedRows: StructurePass["addedRows"] = [];
  const addedTables: StructurePass["addedTables"] = [];
  for (const t of tags) {
    const offset = result.tagged.get(t.tag);
    if (offset === undefined) continue;
    if (t.kind === "rows")
      addedRows.push({ table: t.table, count: t.count, offset: offset + (t.lead ?? 0) });
    else {
      const lead = t.separators ? `<${n.p}/>`.length : 0;
      addedTables.push({ count: t.count, offset: offset + lead, separators: t.separators ?? 0 });
    }
  }
  return { source: result.text, outcomes, addedRows, addedTables, removed };
}

// ------------------------------------------------------------------------------------------
// Pass 2: content

type CellKey = string;
const cellKey = (t: number, r: number, c: number): CellKey => `${t}/${r}/${c}`;

class ContentWriter {
  readonly splices: Splice[] = [];
  readonly outcomes: EditOutcome[] = [];
  /** Cells and body paragraphs touched, for the journal. */
  readonly cells = new Set<CellKey>();
  readonly paragraphs = new Set<number>();
  readonly n: WordNames;

  constructor(
    readonly doc: XmlDocument,
    readonly index: WordIndex,
    readonly s: DocumentSnapshot,
  ) {
    this.n = index.names;
  }

  apply(e: ContentEdit): void {
    try {
      const before = this.splices.length + this.spanCount;
      if (e.kind === "set-text") this.setText(e);
      else if (e.kind === "set-choice") this.setChoice(e);
      else this.setMarks(e);
      if (this.outcomes.length === 0 || this.outcomes[this.outcomes.length - 1]?.edit !== e) {
        this.outcomes.push({
          edit: e,
          status: this.splices.length + this.spanCount > before ? "written" : "unchanged",
        });
      }
    } catch (x) {
      if (!(x instanceof PlanAssistFailure)) throw x;
      this.outcomes.push({ edit: e, status: "failed", message: x.message });
    }
  }

  fail(message: string): never {
    throw new PlanAssistFailure("cell_missing", message);
  }

  /** Span replacements by paragraph: several in one paragraph are applied one after another. */
  readonly spans = new Map<XmlElement, { start: number; end: number; text: string }[]>();

  spanCount = 0;

  span(p: XmlElement, start: number, end: number, text: string): void {
    this.spanCount++;
    const list = this.spans.get(p) ?? [];
    list.push({ start, end, text });
    this.spans.set(p, list);
  }

  /** Turns the collected span replacements into splices. */
  finish(): void {
    for (const [p, ops] of this.spans) {
      if (ops.length === 1) {
        const op = ops[0] as (typeof ops)[number];
        this.splices.push(...spanSplices(this.doc, p, this.n, op.start, op.end, op.text));
        continue;
      }
      // Right to left, so the offsets of the spans still to do are unchanged.
      const sorted = [...ops].sort((a, b) => b.start - a.start);
      const root = this.doc.root;
      const open = this.doc.source.slice(root.start, root.openEnd);
      let xml = this.doc.source.slice(p.start, p.end);
      for (const op of sorted) {
        const wrapped = parseXml(`${open}${xml}</${root.name}>`);
        const para = wrapped.root.children.find((c): c is XmlElement => c.kind === "element");
        if (!para) break;
        const inner = applySplices(
          wrapped.source,
          spanSplices(wrapped, para, this.n, op.start, op.end, op.text),
        ).text;
        xml = inner.slice(open.length, inner.length - `</${root.name}>`.length);
      }
      this.splices.push({ start: p.start, end: p.end, text: xml });
    }
  }

  cellIndex(t: number, r: number, c: number) {
    const cell = this.index.tables[t]?.rows[r]?.cells[c];
    if (!cell) this.fail(`There is no cell at table ${t + 1}, row ${r + 1}, cell ${c + 1}.`);
    return cell;
  }

  setText(e: SetTextEdit): void {
    const current = slotText(this.s, e.location, e.keepPrefix);
    if (current !== undefined && normaliseSlotText(current) === normaliseSlotText(e.text)) return;
    const text = normaliseSlotText(e.text);
    const loc = e.location;
    if (loc.kind === "paragraph") {
      const p = this.index.paragraphs[loc.paragraph];
      const snap = this.s.paragraphs[loc.paragraph];
      if (!p || !snap) this.fail(`There is no paragraph ${loc.paragraph + 1}.`);
      const start = loc.start ?? 0;
      const end = loc.end ?? snap.text.length;
      this.span(p, start, end, text);
      this.paragraphs.add(loc.paragraph);
      return;
    }
    const cell = this.cellIndex(loc.table, loc.row, loc.cell);
    const snapCell = this.s.tables[loc.table]?.rows[loc.row]?.cells[loc.cell];
    const from = loc.paragraph ?? 0;
    const count =
      e.keepPrefix !== undefined ? 1 : (loc.paragraphCount ?? cell.paragraphs.length - from);
    const slot = cell.paragraphs.slice(from, from + count);
    if (slot.length === 0) {
      this.fail(
        `The cell at table ${loc.table + 1}, row ${loc.row + 1} has no paragraph ${from + 1}.`,
      );
    }
    this.cells.add(cellKey(loc.table, loc.row, loc.cell));
    const firstText = snapCell?.paragraphs[from]?.text ?? "";
    const spanStart =
      e.keepPrefix !== undefined ? prefixLength(firstText, e.keepPrefix) : loc.start;
    // One line per paragraph of the slot; lines beyond the slot's paragraphs go into its last
    // paragraph as line breaks, so a cell never gains paragraphs and later locations stay valid.
    const lines = text.split("\n");
    const perParagraph = slot.map((_, i) =>
      i < slot.length - 1 ? (lines[i] ?? "") : lines.slice(i).join("\n"),
    );
    slot.forEach((p, i) => {
      const line = perParagraph[i] ?? "";
      if (i === 0 && spanStart !== undefined) {
        const ptext = snapCell?.paragraphs[from]?.text ?? "";
        this.span(p, spanStart, ptext.length, line);
      } else if (hasTextFormField(p, this.n)) {
        // A text form field keeps its place: the value becomes its result (its whole text).
        this.span(p, 0, Number.MAX_SAFE_INTEGER, line);
      } else {
        this.splices.push({
          start: p.start,
          end: p.end,
          text: rewrittenParagraph(this.doc, p, line, this.n),
        });
      }
    });
  }

  setChoice(e: SetChoiceEdit): void {
    const chosenNow = chosenCell(this.s, e.table, e.row, e.cells);
    const row = this.s.tables[e.table]?.rows[e.row];
    if (chosenNow === undefined || !row)
      this.fail(`There is no row ${e.row + 1} in table ${e.table + 1}.`);
    const target = e.chosen ?? -1;
    // Unchanged when the chosen cell is the only marked one.
    const markedCount = e.cells.filter((c) => {
      const cs = row.cells[c];
      return cs ? chosenCell(this.s, e.table, e.row, [c]) === 0 : false;
    }).length;
    if (chosenNow === target && markedCount <= (target >= 0 ? 1 : 0)) return;
    if (e.style.kind === "radio")
      this.setRadio(
        e,
        row.cells.map((c) => c.index),
      );
    else {
      const mark = e.style.mark;
      e.cells.forEach((c, i) => {
        const want = i === target ? mark : "";
        const snap = row.cells[c];
        if (!snap || normaliseSlotText(snap.text) === want) return;
        const cell = this.cellIndex(e.table, e.row, c);
        this.cells.add(cellKey(e.table, e.row, c));
        // A cell whose choice is a check box control or form field keeps it: its state is set.
        const k = snap.paragraphs.findIndex((ps) =>
          ps.glyphs.some((g) => g.source === "checkbox-control" || g.source === "form-field"),
        );
        const boxParagraph = k >= 0 ? cell.paragraphs[k] : undefined;
        const toggled = boxParagraph && boxToggle(this.doc, boxParagraph, this.n, i === target);
        if (toggled) {
          const boxed = snap.paragraphs[k];
          const checkedNow = boxed?.glyphs.some((g) => g.kind === "box-checked") ?? false;
          if (checkedNow !== (i === target)) this.splices.push(...toggled);
          return;
        }
        cell.paragraphs.forEach((p, k) => {
          this.splices.push({
            start: p.start,
            end: p.end,
            text: rewrittenParagraph(this.doc, p, k === 0 ? want : "", this.n),
          });
        });
      });
    }
  }

  /** Fills the chosen cell's circle and empties the others, in the form each cell already uses. */
  setRadio(e: SetChoiceEdit, _all: number[]): void {
    const n = this.n;
    const target = e.chosen ?? -1;
    type Found = { p: XmlElement; pieces: ReturnType<typeof textPieces> };
    const found: (Found | undefined)[] = e.cells.map((c) => {
      const cell = this.cellIndex(e.table, e.row, c);
      for (const p of cell.paragraphs) {
        const pieces = textPieces(this.doc, p, n).filter((x) => isRadioPiece(x, n));
        if (pieces.length > 0) return { p, pieces };
      }
      return undefined;
    });
    // The form to write where a cell has lost its circle: the first one found in the row.
    const model = found.find((f) => f !== undefined)?.pieces[0];
    e.cells.forEach((c, i) => {
      const want: "filled" | "empty" = i === target ? "filled" : "empty";
      const f = found[i];
      const key = cellKey(e.table, e.row, c);
      if (f) {
        for (const piece of f.pieces) {
          const sp = radioSplice(this.doc, piece, want, n);
          if (sp) {
            this.splices.push(sp);
            this.cells.add(key);
          }
        }
        return;
      }
      const snap = this.s.tables[e.table]?.rows[e.row]?.cells[c];
      const text = snap?.text.trim() ?? "";
      if (text.length > 1 && !/^[xX✓✔●☒☑■]$/.test(text)) {
        this.fail(
          `The rating cell at table ${e.table + 1}, row ${e.row + 1}, cell ${c + 1} holds text instead of a circle.`,
        );
      }
      const cell = this.cellIndex(e.table, e.row, c);
      const p = cell.paragraphs[0];
      if (!p)
        this.fail(`The rating cell at table ${e.table + 1}, row ${e.row + 1} has no paragraph.`);
      const pPr = firstChildNamed(p, n.pPr);
      const open = this.doc.source.slice(p.start, p.openEnd);
      const startTag = open.endsWith("/>") ? `${open.slice(0, -2)}>` : open;
      const run = radioRun(this.doc, model, want, n);
      this.splices.push({
        start: p.start,
        end: p.end,
        text: `${startTag}${pPr ? sourceOf(this.doc, pPr) : ""}${run}</${n.p}>`,
      });
      cell.paragraphs.slice(1).forEach((q) => {
        this.splices.push({
          start: q.start,
          end: q.end,
          text: rewrittenParagraph(this.doc, q, "", n),
        });
      });
      this.cells.add(key);
    });
  }

  /**
   * Puts a checked box "☒ " before each chosen option and an empty box "☐ " before the others,
   * once any option of the cell is chosen or already carries a box. Unicode characters in the
   * option's own font, so they print in any font (Word substitutes a symbol font when needed).
   */
  setMarks(e: SetMarksEdit): void {
    const n = this.n;
    const cell = this.cellIndex(e.cell.table, e.cell.row, e.cell.cell);
    const snap = this.s.tables[e.cell.table]?.rows[e.cell.row]?.cells[e.cell.cell];
    const anyMarked = e.marked.some(Boolean);
    e.paragraphs.forEach((k, i) => {
      const p = cell.paragraphs[k];
      const ps = snap?.paragraphs[k];
      if (!p || !ps) this.fail(`There is no option paragraph ${k + 1} in that cell.`);
      const markLength = leadingMarkLength(ps);
      const current = paragraphMarked(ps) ? "checked" : markLength > 0 ? "empty" : "none";
      const want = e.marked[i] ? "checked" : anyMarked || markLength > 0 ? "empty" : "none";
      if (want === current) return;
      this.cells.add(cellKey(e.cell.table, e.cell.row, e.cell.cell));
      // A check box control or form field stays one: its state is set, not its text.
      const box = ps.glyphs[0];
      if (
        box &&
        box.offset === 0 &&
        (box.source === "checkbox-control" || box.source === "form-field")
      ) {
        const toggled = boxToggle(this.doc, p, n, want === "checked");
        if (toggled) {
          this.splices.push(...toggled);
          return;
        }
      }
      if (markLength > 0) this.splices.push(...spanSplices(this.doc, p, n, 0, markLength, ""));
      if (want === "none") return;
      const rPr = valueRunProperties(this.doc, p, n);
      const mark = want === "checked" ? CHECKED_MARK : EMPTY_MARK;
      const run = `<${n.r}>${rPr}<${n.t} xml:space="preserve">${mark}</${n.t}></${n.r}>`;
      if (p.closeStart === p.end) {
        const open = this.doc.source.slice(p.start, p.openEnd - 2);
        this.splices.push({ start: p.start, end: p.end, text: `${open}>${run}</${n.p}>` });
      } else {
        const pPr = firstChildNamed(p, n.pPr);
        const at = pPr ? pPr.end : p.openEnd;
        this.splices.push({ start: at, end: at, text: run });
      }
    });
  }
}

/**
 * Sets the first check box in a paragraph, a `w14:checkbox` content control or a legacy check box
 * form field, to checked or not, keeping it a control or a field. Undefined when there is none.
 */
function boxToggle(
  doc: XmlDocument,
  p: XmlElement,
  n: WordNames,
  checked: boolean,
): Splice[] | undefined {
  const local = (el: XmlElement) => el.name.slice(el.name.indexOf(":") + 1);
  const kids = (el: XmlElement) => el.children.filter((c): c is XmlElement => c.kind === "element");
  const find = (el: XmlElement): XmlElement | undefined => {
    for (const ch of kids(el)) {
      if (ch.name === n.sdt) {
        const pr = kids(ch).find((c) => c.name === n.sdtPr);
        if (pr && kids(pr).some((c) => local(c) === "checkbox")) return ch;
      }
      if (ch.name === n.fldChar && attr(ch, n.fldCharType) === "begin") {
        const ff = kids(ch).find((c) => c.name === n.ffData);
        if (ff && kids(ff).some((c) => c.name === n.checkBox)) return ch;
      }
      const inner = find(ch);
      if (inner) return inner;
    }
    return undefined;
  };
  const target = find(p);
  if (!target) return undefined;
  if (target.name === n.fldChar) {
    const box = kids(kids(target).find((c) => c.name === n.ffData) as XmlElement).find(
      (c) => c.name === n.checkBox,
    ) as XmlElement;
    const value = `<${n.checked}${checked ? "" : ` ${n.val}="0"`}/>`;
    const existing = kids(box).find((c) => c.name === n.checked);
    if (existing) return [{ start: existing.start, end: existing.end, text: value }];
    if (box.closeStart === box.end) {
      const open = doc.source.slice(box.start, box.openEnd - 2);
      return [{ start: box.start, end: box.end, text: `${open}>${value}</${n.checkBox}>` }];
    }
    return [{ start: box.closeStart, end: box.closeStart, text: value }];
  }
  // A check box content control: its checked state, and the character it shows for that state.
  const pr = kids(target).find((c) => c.name === n.sdtPr) as XmlElement;
  const box = kids(pr).find((c) => local(c) === "checkbox") as XmlElement;
  const prefix = box.name.slice(0, box.name.indexOf(":") + 1);
  const splices: Splice[] = [];
  const state = kids(box).find((c) => local(c) === "checked");
  const stateXml = `<${prefix}checked ${prefix}val="${checked ? 1 : 0}"/>`;
  if (state) splices.push({ start: state.start, end: state.end, text: stateXml });
  else splices.push({ start: box.openEnd, end: box.openEnd, text: stateXml });
  const shown = kids(box).find((c) => local(c) === (checked ? "checkedState" : "uncheckedState"));
  const code = shown ? parseInt(attr(shown, `${prefix}val`) ?? "", 16) : NaN;
  const char = Number.isFinite(code) ? String.fromCodePoint(code) : checked ? "☒" : "☐";
  const content = kids(target).find((c) => c.name === n.sdtContent);
  const firstText = (el: XmlElement): XmlElement | undefined => {
    for (const ch of kids(el)) {
      if (ch.name === n.t) return ch;
      const inner = firstText(ch);
      if (inner) return inner;
    }
    return undefined;
  };
  const t = content && firstText(content);
  if (t) {
    const open = doc.source.slice(t.start, t.openEnd).replace(/\/>$/, ">");
    splices.push({ start: t.start, end: t.end, text: `${open}${char}</${n.t}>` });
  }
  return splices;
}

/** The marks `set-marks` writes before an option (what the plan reader reads as checked or not). */
const CHECKED_MARK = "☒ ";
const EMPTY_MARK = "☐ ";

const RADIO_CODES: Record<string, { empty: number; filled: number }> = {
  wingdings: { empty: 0xa1, filled: 0x6c },
  "wingdings 2": { empty: 0x99, filled: 0x98 },
};

function isRadioPiece(piece: ReturnType<typeof textPieces>[number], _n: WordNames): boolean {
  return [...piece.text].some(
    (ch) => ch === "○" || ch === "●" || ch === "◯" || ch === "⚪" || ch === "⬤" || ch === "⚫",
  );
}

function radioSplice(
  doc: XmlDocument,
  piece: ReturnType<typeof textPieces>[number],
  want: "filled" | "empty",
  n: WordNames,
): Splice | undefined {
  const el = piece.element;
  if (piece.kind === "other" && el.name === n.sym) {
    const font = attr(el, n.font) ?? "Wingdings";
    const code = parseInt(attr(el, n.char) ?? "", 16);
    const g = symbolGlyph(font, code);
    const isFilled = g?.kind === "radio-filled";
    if ((want === "filled") === isFilled) return undefined;
    const codes = RADIO_CODES[font.toLowerCase()] ?? { empty: 0xa1, filled: 0x6c };
    const value = (0xf000 + (want === "filled" ? codes.filled : codes.empty))
      .toString(16)
      .toUpperCase();
    const tag = sourceOf(doc, el);
    const re = new RegExp(`(${n.char.replace(":", "\\:")}\\s*=\\s*["'])[0-9A-Fa-f]+`);
    return { start: el.start, end: el.end, text: tag.replace(re, `$1${value}`) };
  }
  if (piece.kind !== "t") return undefined;
  const stored = piece.stored ?? piece.text;
  const shown = [...piece.text];
  const chars = [...stored];
  let changed = false;
  const out = chars.map((ch, i) => {
    const look = shown[i];
    if (
      look !== "○" &&
      look !== "●" &&
      look !== "◯" &&
      look !== "⚪" &&
      look !== "⬤" &&
      look !== "⚫"
    )
      return ch;
    const isFilled = look === "●" || look === "⬤" || look === "⚫";
    if ((want === "filled") === isFilled) return ch;
    changed = true;
    if (ch === look) return want === "filled" ? "●" : "○"; // Unicode circle
    const font = fontOfRun(doc, piece.run, n) ?? "Wingdings";
    const codes = RADIO_CODES[font.toLowerCase()] ?? { empty: 0xa1, filled: 0x6c };
    const pua = (ch.codePointAt(0) ?? 0) >= 0xf000;
    return String.fromCodePoint(
      (pua ? 0xf000 : 0) + (want === "filled" ? codes.filled : codes.empty),
    );
  });
  if (!changed) return undefined;
  const open = doc.source.slice(el.start, el.openEnd);
  const startTag = open.endsWith("/>") ? `${open.slice(0, -2)}>` : open;
  return {
    start: el.start,
    end: el.end,
    text: `${startTag}${escapeText(out.join(""))}</${el.name}>`,
  };
}

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function fontOfRun(doc: XmlDocument, run: XmlElement, n: WordNames): string | undefined {
  void doc;
  const rPr = firstChildNamed(run, n.rPr);
  const f = rPr && firstChildNamed(rPr, n.rFonts);
  return f ? (attr(f, n.ascii) ?? attr(f, n.hAnsi)) : undefined;
}

/** A run holding a circle in the form of `model` (or a Wingdings `w:sym`). */
function radioRun(
  doc: XmlDocument,
  model: ReturnType<typeof textPieces>[number] | undefined,
  want: "filled" | "empty",
  n: WordNames,
): string {
  if (model) {
    const rPr = firstChildNamed(model.run, n.rPr);
    const rPrXml = rPr ? sourceOf(doc, rPr) : "";
    if (model.kind === "other" && model.element.name === n.sym) {
      const font = attr(model.element, n.font) ?? "Wingdings";
      const codes = RADIO_CODES[font.toLowerCase()] ?? { empty: 0xa1, filled: 0x6c };
      const value = (0xf000 + (want === "filled" ? codes.filled : codes.empty))
        .toString(16)
        .toUpperCase();
      return `<${n.r}>${rPrXml}<${n.sym} ${n.font}="${font}" ${n.char}="${value}"/></${n.r}>`;
    }
    const font = fontOfRun(doc, model.run, n);
    const codes = font ? RADIO_CODES[font.toLowerCase()] : undefined;
    const ch = codes
      ? String.fromCodePoint(want === "filled" ? codes.filled : codes.empty)
      : want === "filled"
        ? "●"
        : "○";
    return `<${n.r}>${rPrXml}<${n.t}>${escapeText(ch)}</${n.t}></${n.r}>`;
  }
  const value = want === "filled" ? "F06C" : "F0A1";
  return `<${n.r}><${n.rPr}><${n.rFonts} ${n.ascii}="Wingdings" ${n.hAnsi}="Wingdings"/></${n.rPr}><${n.sym} ${n.font}="Wingdings" ${n.char}="${value}"/></${n.r}>`;
}

// ------------------------------------------------------------------------------------------

/**
 * Applies a plan to a main document part's source. Returns the new source, what happened to each
 * edit and the journal changes; `document_changed` (nothing written) when a target differs from
 * what the plan expects.
 */
export function applyEditPlan(source: string, plan: EditPlan): Result<AppliedPlan> {
  try {
    return applyOrThrow(source, plan);
  } catch (x) {
    if (x instanceof PlanAssistFailure) return { ok: false, error: x.failure };
    throw x;
  }
}

function applyOrThrow(source: string, plan: EditPlan): Result<AppliedPlan> {
  const first = read(source);
  const d1 = differences(first.read.snapshot, plan.structure);
  if (d1.length > 0) return changedError(d1);
  let doc = first.doc;
  let index = first.read.index;
  let snapshot = first.read.snapshot;
  let pass: StructurePass | undefined;
  let structured: AppliedPlan["structured"];
  if (plan.structure.length > 0) {
    pass = structurePass(doc, index, snapshot, plan.structure);
    const second = read(pass.source);
    structured = { source: pass.source, read: second.read };
    doc = second.doc;
    index = second.read.index;
    snapshot = second.read.snapshot;
  }
  const d2 = differences(snapshot, plan.content);
  if (d2.length > 0) return changedError(d2);

  // Which rows and tables of the new source were added (their cells need no journal entry).
  const addedRowIds = new Set<string>();
  const changes: JournalChange[] = [];
  if (pass) {
    for (const a of pass.addedRows) {
      const t = index.tables.findIndex((ti) => ti.rows.some((r) => r.element.start === a.offset));
      if (t < 0) continue;
      const row = (index.tables[t] as (typeof index.tables)[number]).rows.findIndex(
        (r) => r.element.start === a.offset,
      );
      changes.push({ kind: "rows-added", table: t, row, count: a.count });
      for (let k = 0; k < a.count; k++) addedRowIds.add(`${t}/${row + k}`);
    }
    for (const a of pass.addedTables) {
      const t = index.tables.findIndex((ti) => startsAt(ti, a.offset));
      if (t < 0) continue;
      // Nested tables inside the copies are counted by document order too.
      const lastAdded = index.tables[t + a.count - 1] ?? index.tables[t];
      const end = lastAdded ? spanOf(lastAdded).end : a.offset;
      const count = index.tables.filter((ti) => {
        const span = spanOf(ti);
        return span.start >= a.offset && span.end <= end;
      }).length;
      changes.push(
        a.separators > 0
          ? { kind: "tables-added", table: t, count, separators: a.separators }
          : { kind: "tables-added", table: t, count },
      );
      for (let k = t; k < t + count; k++) {
        (index.tables[k]?.rows ?? []).forEach((_, r) => addedRowIds.add(`${k}/${r}`));
      }
    }
    for (const r of pass.removed) {
      const shift = tableShiftAfter(pass, r.table, snapshot, index);
      changes.push({ kind: "rows-removed", table: r.table + shift, row: r.rowBefore, xml: r.xml });
    }
  }

  const writer = new ContentWriter(doc, index, snapshot);
  for (const e of plan.content) writer.apply(e);
  writer.finish();
  const result = applySplices(doc.source, writer.splices);
  const after = read(result.text).read.snapshot;
  for (const key of writer.cells) {
    const [t, r, c] = key.split("/").map(Number) as [number, number, number];
    if (addedRowIds.has(`${t}/${r}`)) continue;
    const el = index.tables[t]?.rows[r]?.cells[c]?.element;
    if (!el) continue;
    changes.push({
      kind: "cell",
      table: t,
      row: r,
      cell: c,
      before: sourceOf(doc, el),
      after: after.tables[t]?.rows[r]?.cells[c]?.text ?? "",
    });
  }
  for (const k of writer.paragraphs) {
    const el = index.paragraphs[k];
    if (!el) continue;
    changes.push({
      kind: "paragraph",
      paragraph: k,
      before: sourceOf(doc, el),
      after: after.paragraphs[k]?.text ?? "",
    });
  }
  const outcomes = [...(pass?.outcomes ?? []), ...writer.outcomes];
  const changed = result.text !== source;
  // What the rows and tables added hold once the values are in (revert checks it before it
  // takes them away).
  const recorded = changes.map((c): JournalChange => {
    if (c.kind === "rows-added")
      return { ...c, written: rowsFingerprint(after, c.table, c.row, c.count) };
    if (c.kind === "tables-added")
      return { ...c, written: tablesFingerprint(after, c.table, c.count) };
    return c;
  });
  return ok({
    source: result.text,
    outcomes,
    changes: recorded,
    changed,
    ...(structured ? { structured } : {}),
  });
}

/** How many tables were added before a table of the original (for removed-row records). */
function tableShiftAfter(
  pass: StructurePass,
  table: number,
  _s: DocumentSnapshot,
  index: WordIndex,
): number {
  let shift = 0;
  for (const a of pass.addedTables) {
    const t = index.tables.findIndex((ti) => startsAt(ti, a.offset));
    if (t >= 0 && t <= table + shift) shift += a.count;
  }
  return shift;
}

/** Whether a table of the index begins at a source offset (its element, or its first row in a joined table). */
function startsAt(ti: WordIndex["tables"][number], offset: number): boolean {
  return (
    ti.element.start === offset ||
    (ti.firstRow !== undefined && ti.rows[0]?.element.start === offset)
  );
}

/**
 * Where a table of the index lies in the source: its element, or its rows when it is one of
 * several tables of an element Word joined.
 */
export function spanOf(ti: WordIndex["tables"][number]): { start: number; end: number } {
  const first = ti.rows[0];
  const last = ti.rows[ti.rows.length - 1];
  if (ti.firstRow === undefined || !first || !last)
    return { start: ti.element.start, end: ti.element.end };
  return { start: first.element.start, end: last.element.end };
}

/**
 * The content control a row is the only content of (an item of a repeating section, or a control
 * around one row), when there is one.
 */
export function rowItem(tr: XmlElement, n: WordNames): XmlElement | undefined {
  const content = tr.parent;
  const sdt = content?.parent;
  if (!content || !sdt || content.name !== n.sdtContent || sdt.name !== n.sdt) return undefined;
  const rows = content.children.filter((c) => c.kind === "element");
  return rows.length === 1 ? sdt : undefined;
}

/** The XML around a row item's row, for a copy: its properties without the control's id. */
function itemWrapper(
  doc: XmlDocument,
  item: XmlElement,
  n: WordNames,
): { open: string; close: string } {
  const content = item.children.find(
    (c): c is XmlElement => c.kind === "element" && c.name === n.sdtContent,
  ) as XmlElement;
  let open = doc.source.slice(item.start, content.openEnd);
  const pr = item.children.find((c): c is XmlElement => c.kind === "element" && c.name === n.sdtPr);
  const id = pr?.children.find(
    (c): c is XmlElement => c.kind === "element" && c.name === n.q("id"),
  );
  if (id) {
    const from = id.start - item.start;
    open = open.slice(0, from) + open.slice(from + (id.end - id.start));
  }
  return { open, close: doc.source.slice(content.closeStart, item.end) };
}

/** The element after `el` among its parent's children. */
function nextElement(el: XmlElement): XmlElement | undefined {
  const siblings = el.parent?.children ?? [];
  for (let i = siblings.indexOf(el) + 1; i < siblings.length; i++) {
    const c = siblings[i] as (typeof siblings)[number];
    if (c.kind === "element") return c;
  }
  return undefined;
}

/** Block-level XML written in the document's own namespaces, touching tables joined. */
function joinInDocument(doc: XmlDocument, xml: string): string {
  const root = doc.root;
  const open = doc.source.slice(root.start, root.openEnd).replace(/\/>$/, ">");
  const close = `</${root.name}>`;
  const joined = joinTouchingTables(`${open}${xml}${close}`);
  return joined.slice(open.length, joined.length - close.length);
}
