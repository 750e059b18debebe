/**
 * Planning a revert: what undoing one recorded fill takes, decided once for both hosts. The
 * .docx revert turns the plan into splices of the document part (`revert.ts`); Word's revert
 * turns it into Word calls (`adapters/office/office-revert.ts`).
 *
 * The plan is made on the document as it is now (its XML, parsed and read) and the record of the
 * fill. It checks the record against the document before anything is undone: an entry that points
 * outside the tables it names, removes a table's first or header rows or the first table, or would
 * put back markup the document never had is refused (`journal_invalid`); a cell edited since the
 * fill is named (`document_changed`) unless the revert is forced. Recorded XML (a cell's or
 * paragraph's earlier contents, rows the fill removed) is read by the document reader, inside the
 * document's own namespace declarations: one reader, one run-text walker, for both hosts.
 */
import { clip } from "../../domain/edits";
import { err, ok, PlanAssistFailure, type Result } from "../../domain/result";
import type { DocumentSnapshot, ParagraphSnapshot } from "../../domain/snapshot";
import type { FillRecord } from "../journal";
import { localName } from "../package";
import { readWordDocument, TRANSITIONAL_W, type ReadResult, type WordIndex } from "../wordml";
import {
  attributes,
  childElements,
  escapeXml,
  parseXml,
  type XmlDocument,
  type XmlElement,
} from "../xml";
import { rowItem, spanOf } from "./apply";
import { comparableText, rowsFingerprint, tablesFingerprint } from "./revert-fingerprint";
import { sourceOf } from "./paragraph-xml";

/** A run's text with the look its own properties give it (what is not set comes from styles). */
export type RunLook = {
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly font?: string;
  /** Points. */
  readonly size?: number;
  /** `#RRGGBB`. */
  readonly color?: string;
};

/** One recorded cell or body paragraph to give its earlier contents back. */
export type RestoreStep = {
  readonly kind: "cell" | "paragraph";
  /** "table 5, row 4, cell 1" or "paragraph 9", for messages. */
  readonly name: string;
  readonly table?: number;
  readonly row?: number;
  readonly cell?: number;
  readonly paragraph?: number;
  /** The element now in the document. */
  readonly element: XmlElement;
  /** The earlier XML (checked: one element of the right kind, no markup the document lacks). */
  readonly before: string;
  /** Whether the element is already, byte for byte, its earlier XML. */
  readonly unchanged: boolean;
  /** The earlier paragraphs, as the reader reads them. */
  readonly earlier: readonly ParagraphSnapshot[];
  /** Each earlier paragraph's runs with their fonts, sizes and colours. */
  readonly looks: readonly (readonly RunLook[])[];
};

/** Rows a fill added, to take away. */
type RowsRemoval = {
  readonly table: number;
  readonly row: number;
  readonly count: number;
  /** The rows in the source (with a repeating section item's control around them). */
  readonly range: readonly [number, number];
};

/** Rows a fill removed, to put back before row `row` of `table` (or at its end). */
type RowsReturn = {
  readonly table: number;
  readonly row: number;
  readonly xml: string;
  /** Where the XML goes in the source. */
  readonly at: number;
  /** Each row's cell texts, as the reader reads them. */
  readonly values: readonly (readonly string[])[];
  /** Tables nested in the rows. */
  readonly nestedTables: number;
};

/** A block of tables a fill added, to take away with the empty paragraphs put around it. */
type TablesRemoval = {
  readonly table: number;
  readonly count: number;
  readonly separators: number;
  readonly range: readonly [number, number];
};

export type RevertPlan = {
  readonly restores: readonly RestoreStep[];
  readonly rowsAdded: readonly RowsRemoval[];
  readonly rowsBack: readonly RowsReturn[];
  readonly tablesAdded: readonly TablesRemoval[];
  /** What changed after the fill (only when forced: otherwise the plan is `document_changed`). */
  readonly changedSince: readonly string[];
  /**
   * Rows and tables the fill added that stay, because they no longer hold what the fill wrote
   * (a forced revert still never takes away what someone typed, or a template's own rows).
   */
  readonly kept: readonly string[];
};

/** The document as a revert meets it: its XML parsed, and read. */
export type ReadDocument = { readonly doc: XmlDocument; readonly result: ReadResult };

function refused(message: string): never {
  throw new PlanAssistFailure(
    "journal_invalid",
    `The record of the last fill asks for a change no fill makes (${message}), so it has been damaged or altered. Nothing was reverted; the document is unharmed.`,
  );
}

export function cellName(t: number, r: number, c: number): string {
  return `table ${t + 1}, row ${r + 1}, cell ${c + 1}`;
}

/**
 * Compares two texts the reader made: line ends (and Word's vertical tab), spaces at the ends and
 * the look-alike circle characters count alike.
 */
export function sameText(a: string, b: string): boolean {
  return comparableText(a) === comparableText(b);
}

// ------------------------------------------------------------------------------------------
// Recorded XML, read inside the document's own namespace declarations

/**
 * `inner` as block content of a document with the root and body of `doc` (its namespace
 * declarations), so that recorded XML is read as the document's own.
 */
function inDocument(doc: XmlDocument, index: WordIndex, inner: string): XmlDocument {
  const root = doc.root;
  const open = doc.source.slice(root.start, root.openEnd).replace(/\s*\/>$/, ">");
  const body = index.body.name;
  return parseXml(`${open}<${body}>${inner}</${body}></${root.name}>`);
}

/**
 * Markup a fill never writes and a revert never puts back unless the document already holds it
 * word for word: fields (an `INCLUDEPICTURE` field can fetch a file from a network path),
 * embedded objects and pictures, links, sub-documents and imported chunks, controls.
 */
const activeMarkup: ReadonlySet<string> = new Set([
  "fldSimple",
  "fldChar",
  "instrText",
  "fldData",
  "object",
  "embed",
  "pict",
  "drawing",
  "imagedata",
  "hyperlink",
  "altChunk",
  "subDoc",
  "control",
  "OLEObject",
  "movie",
  "attachedTemplate",
]);

/**
 * Checks XML a revert would put into the document: well-formed under the document's namespace
 * declarations, made of `expected` elements only, and holding no active markup (see
 * `activeMarkup`) unless that very markup is already in the document.
 */
function checkInsertedXml(
  xml: string,
  expected: string,
  doc: XmlDocument,
  what: string,
  many: boolean,
): void {
  const decls = [...attributes(doc.root)]
    .filter(([k]) => k === "xmlns" || k.startsWith("xmlns:"))
    .map(([k, v]) => `${k}="${escapeXml(v)}"`)
    .join(" ");
  let parsed: XmlDocument;
  try {
    parsed = parseXml(`<planassist-check ${decls}>${xml}</planassist-check>`);
  } catch (x) {
    if (x instanceof PlanAssistFailure)
      refused(`the earlier contents of ${what} are not valid XML`);
    throw x;
  }
  const top = parsed.root.children;
  const elements = top.filter((n): n is XmlElement => n.kind === "element");
  const strayText = top.some(
    (n) => n.kind === "text" && parsed.source.slice(n.start, n.end).trim() !== "",
  );
  if (
    strayText ||
    elements.length === 0 ||
    (!many && elements.length !== 1) ||
    elements.some((e) => e.name !== expected)
  ) {
    refused(`the earlier contents of ${what} are not ${many ? "table rows" : `one ${expected}`}`);
  }
  const walk = (el: XmlElement): void => {
    const local = localName(el.name);
    const linked = [...attributes(el).keys()].some((k) => k.startsWith("r:"));
    if (activeMarkup.has(local) || linked) {
      const text = parsed.source.slice(el.start, el.end);
      if (!doc.source.includes(text)) {
        refused(
          `the earlier contents of ${what} hold ${local === "instrText" || local === "fldSimple" || local === "fldChar" ? "a field" : `<${el.name.slice(0, 40)}>`} the document does not have`,
        );
      }
      return;
    }
    for (const ch of el.children) if (ch.kind === "element") walk(ch);
  };
  elements.forEach(walk);
}

/** The paragraphs of a recorded cell (`<w:tc>`) or body paragraph (`<w:p>`), as read. */
function earlierParagraphs(
  read: ReadDocument,
  fragment: string,
  kind: "cell" | "paragraph",
): ParagraphSnapshot[] {
  const n = read.result.index.names;
  const inner = kind === "cell" ? `<${n.tbl}><${n.tr}>${fragment}</${n.tr}></${n.tbl}>` : fragment;
  const { snapshot } = readWordDocument(inDocument(read.doc, read.result.index, inner));
  return kind === "cell"
    ? [...(snapshot.tables[0]?.rows[0]?.cells[0]?.paragraphs ?? [])]
    : snapshot.paragraphs.slice(0, 1);
}

/**
 * The runs of each paragraph of a recorded cell or body paragraph, with their fonts, sizes and
 * colours. Each run's text is what the reader makes of it (the same walker as every other text:
 * a no-break hyphen is "-", deleted text is left out); a run showing a symbol-font glyph gives
 * no looks (the paragraph's runs as read are used instead).
 */
function earlierRunLooks(
  read: ReadDocument,
  fragment: string,
  kind: "cell" | "paragraph",
): RunLook[][] {
  const n = read.result.index.names;
  const inner = kind === "cell" ? `<${n.tbl}><${n.tr}>${fragment}</${n.tr}></${n.tbl}>` : fragment;
  const doc = inDocument(read.doc, read.result.index, inner);
  const body = doc.root.children.find(
    (c): c is XmlElement => c.kind === "element" && c.name === n.body,
  );
  const child = (el: XmlElement | undefined, name: string) =>
    el ? childElements(el).filter((c) => c.name === name) : [];
  const cell = child(child(child(body, n.tbl)[0], n.tr)[0], n.tc)[0];
  const own = kind === "cell" ? child(cell, n.p) : child(body, n.p).slice(0, 1);
  // Every run of every paragraph, each as a paragraph of its own, read in one pass.
  const runs: XmlElement[][] = own.map((p) => {
    const out: XmlElement[] = [];
    const walk = (el: XmlElement) => {
      for (const c of childElements(el)) {
        if (c.name === n.r) out.push(c);
        else if (c.name === n.del || c.name === n.moveFrom || c.name === n.pPr || c.name === n.tbl)
          continue;
        else walk(c);
      }
    };
    walk(p);
    return out;
  });
  const alone = runs
    .flat()
    .map((r) => `<${n.p}>${doc.source.slice(r.start, r.end)}</${n.p}>`)
    .join("");
  const texts = readWordDocument(inDocument(read.doc, read.result.index, alone)).snapshot
    .paragraphs;
  let k = 0;
  const prop = (r: XmlElement, name: string) => {
    const rPr = childElements(r).find((x) => x.name === n.rPr);
    return rPr ? childElements(rPr).find((x) => localName(x.name) === name) : undefined;
  };
  const val = (el: XmlElement | undefined, name: string) => {
    if (!el) return undefined;
    for (const [key, v] of attributes(el)) if (localName(key) === name) return v;
    return undefined;
  };
  const on = (el: XmlElement | undefined) => {
    const v = val(el, "val");
    return el !== undefined && v !== "0" && v !== "false" && v !== "off";
  };
  return runs.map((rs) => {
    const looks: RunLook[] = [];
    let glyphs = false;
    for (const r of rs) {
      const shown = texts[k++];
      if (!shown || shown.text === "") continue;
      if (shown.glyphs.some((g) => g.source === "sym" || g.source === "symbol-font")) glyphs = true;
      const size = Number(val(prop(r, "sz"), "val"));
      const color = val(prop(r, "color"), "val");
      const font = val(prop(r, "rFonts"), "ascii");
      looks.push({
        text: shown.text,
        bold: on(prop(r, "b")),
        italic: on(prop(r, "i")),
        ...(font ? { font } : {}),
        ...(Number.isFinite(size) && size > 0 ? { size: size / 2 } : {}),
        ...(color && /^[0-9a-fA-F]{6}$/.test(color) ? { color: `#${color.toUpperCase()}` } : {}),
      });
    }
    return glyphs ? [] : looks;
  });
}

/** The cell texts of recorded rows (`<w:tr>` elements), and the tables nested in them. */
function earlierRows(
  read: ReadDocument,
  fragment: string,
): { values: string[][]; nestedTables: number } {
  const tbl = read.result.index.names.tbl;
  const { snapshot } = readWordDocument(
    inDocument(read.doc, read.result.index, `<${tbl}>${fragment}</${tbl}>`),
  );
  return {
    values: (snapshot.tables[0]?.rows ?? []).map((r) =>
      r.cells.map((c) => c.paragraphs.map((p) => p.text).join("\n")),
    ),
    nestedTables: Math.max(0, snapshot.tables.length - 1),
  };
}

// ------------------------------------------------------------------------------------------
// Tables a fill added

function siblingElement(el: XmlElement, step: 1 | -1): XmlElement | undefined {
  const siblings = el.parent?.children ?? [];
  for (let i = siblings.indexOf(el) + step; i >= 0 && i < siblings.length; i += step) {
    const c = siblings[i] as (typeof siblings)[number];
    if (c.kind === "element") return c;
  }
  return undefined;
}

/**
 * The source range of tables a fill added: whole table elements, or rows when the tables are
 * part of a table Word joined, with the empty paragraphs the fill put around them. Undefined when
 * the separators are no longer empty paragraphs beside the tables.
 */
export function addedTablesRange(
  index: WordIndex,
  table: number,
  count: number,
  separators: number,
): [number, number] | undefined {
  const added = index.tables.slice(table, table + count);
  const elements = new Set(added.map((t) => t.element));
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  for (const el of elements) {
    // An element is removed whole when every table read from it is one of those added.
    const whole = index.tables.every((t) => t.element !== el || added.includes(t));
    const spans = whole
      ? [{ start: el.start, end: el.end }]
      : added.filter((t) => t.element === el).map(spanOf);
    for (const sp of spans) {
      start = Math.min(start, sp.start);
      end = Math.max(end, sp.end);
    }
  }
  if (separators === 0) return [start, end];
  const first = added[0]?.element;
  const last = added[added.length - 1]?.element;
  const names = index.names;
  const emptyParagraph = (el: XmlElement | undefined) =>
    el !== undefined &&
    el.name === names.p &&
    !el.children.some((c) => c.kind === "element" && c.name !== names.pPr);
  const before = first && siblingElement(first, -1);
  if (!emptyParagraph(before) || !before || before.end > start) return undefined;
  start = before.start;
  if (separators === 2) {
    const after = last && siblingElement(last, 1);
    if (!emptyParagraph(after) || !after) return undefined;
    end = after.end;
  }
  return [start, end];
}

// ------------------------------------------------------------------------------------------
// The plan

/**
 * Plans undoing `fill` on the document `read`. `document_changed` (naming what changed) when the
 * document no longer holds what the fill wrote and the revert is not forced; `journal_invalid`
 * when the record asks for what no fill does.
 */
export function planRevert(
  read: ReadDocument,
  fill: FillRecord,
  options: { readonly force?: boolean } = {},
): Result<RevertPlan> {
  try {
    return planOrThrow(read, fill, options.force ?? false);
  } catch (x) {
    if (x instanceof PlanAssistFailure) return { ok: false, error: x.failure };
    throw x;
  }
}

function planOrThrow(read: ReadDocument, fill: FillRecord, force: boolean): Result<RevertPlan> {
  const { doc } = read;
  const { snapshot, index } = read.result;
  const changedSince: string[] = [];
  const rowsAdded: RowsRemoval[] = [];
  const rowsBack: RowsReturn[] = [];
  const tablesAdded: TablesRemoval[] = [];
  const restores: RestoreStep[] = [];
  const kept: string[] = [];
  const tableName = index.tables[0]?.element.name ?? index.names.tbl;
  const prefix = tableName.includes(":") ? tableName.slice(0, tableName.indexOf(":") + 1) : "";
  for (const c of fill.changes) {
    if (c.kind === "rows-added") {
      const table = index.tables[c.table];
      const rows = table?.rows.slice(c.row, c.row + c.count) ?? [];
      if (!table || rows.length !== c.count) {
        changedSince.push(`the rows added to table ${c.table + 1} are gone`);
        continue;
      }
      if (c.row === 0 || c.count >= table.rows.length)
        refused(`removing the first row of table ${c.table + 1}`);
      const shown = snapshot.tables[c.table]?.rows ?? [];
      if (shown.slice(c.row, c.row + c.count).some((r) => r.header))
        refused(`removing a header row of table ${c.table + 1}`);
      // A row added with its own content control (a repeating section's item) goes with it.
      const first = (rows[0] as (typeof rows)[number]).element;
      const last = (rows[rows.length - 1] as (typeof rows)[number]).element;
      const start = (rowItem(first, index.names) ?? first).start;
      const end = (rowItem(last, index.names) ?? last).end;
      // Taken away only while they hold what the fill wrote, even when forced. Every fill notes
      // what it wrote in the rows it adds; an entry without that note could name any rows.
      if (c.written === undefined)
        refused(`rows of table ${c.table + 1} to take away, without what the fill wrote in them`);
      if (rowsFingerprint(snapshot, c.table, c.row, c.count) !== c.written) {
        const what = `the rows added to table ${c.table + 1} hold other text than the fill wrote`;
        changedSince.push(what);
        kept.push(what);
        continue;
      }
      rowsAdded.push({ table: c.table, row: c.row, count: c.count, range: [start, end] });
    } else if (c.kind === "tables-added") {
      const tables = index.tables.slice(c.table, c.table + c.count);
      if (tables.length !== c.count) {
        changedSince.push(`the tables added after table ${c.table} are gone`);
        continue;
      }
      if (c.table === 0) refused("removing the document's first table");
      const separators = c.separators ?? 0;
      const range = addedTablesRange(index, c.table, c.count, separators);
      if (!range) {
        changedSince.push(`the tables added after table ${c.table} were changed`);
        continue;
      }
      if (c.written === undefined)
        refused(`tables after table ${c.table} to take away, without what the fill wrote in them`);
      if (tablesFingerprint(snapshot, c.table, c.count) !== c.written) {
        const what = `the tables added after table ${c.table} hold other text than the fill wrote`;
        changedSince.push(what);
        kept.push(what);
        continue;
      }
      tablesAdded.push({ table: c.table, count: c.count, separators, range });
    } else if (c.kind === "rows-removed") {
      const t = index.tables[c.table];
      if (!t) {
        changedSince.push(`table ${c.table + 1} is gone`);
        continue;
      }
      if (c.row > t.rows.length) refused(`a row past the end of table ${c.table + 1}`);
      checkInsertedXml(c.xml, `${prefix}tr`, doc, `rows of table ${c.table + 1}`, true);
      const before = t.rows[c.row];
      const at = before
        ? before.element.start
        : (t.rows[t.rows.length - 1]?.element.end ?? t.element.closeStart);
      rowsBack.push({ table: c.table, row: c.row, xml: c.xml, at, ...earlierRows(read, c.xml) });
    }
  }
  const removed = [...rowsAdded, ...tablesAdded].map((r) => r.range);
  const inRemoved = (s: number) => removed.some(([a, b]) => s >= a && s < b);
  for (const c of fill.changes) {
    if (c.kind !== "cell" && c.kind !== "paragraph") continue;
    const name =
      c.kind === "cell" ? cellName(c.table, c.row, c.cell) : `paragraph ${c.paragraph + 1}`;
    const el =
      c.kind === "cell"
        ? index.tables[c.table]?.rows[c.row]?.cells[c.cell]?.element
        : index.paragraphs[c.paragraph];
    const now =
      c.kind === "cell"
        ? snapshot.tables[c.table]?.rows[c.row]?.cells[c.cell]?.text
        : snapshot.paragraphs[c.paragraph]?.text;
    if (!el || now === undefined) {
      changedSince.push(`${name} is gone`);
      continue;
    }
    if (inRemoved(el.start)) continue;
    checkInsertedXml(c.before, el.name, doc, name, false);
    const earlier = earlierParagraphs(read, c.before, c.kind);
    // A fill cut short (the pane closed mid-batch) can leave a recorded cell unwritten: it
    // already holds its earlier contents, and counts as restored.
    const earlierText = earlier.map((p) => p.text).join("\n");
    if (!sameText(now, c.after) && !sameText(now, earlierText)) {
      changedSince.push(`${name} was edited after the fill (it holds "${clip(now)}")`);
      if (!force) continue;
    }
    restores.push({
      kind: c.kind,
      name,
      ...(c.kind === "cell"
        ? { table: c.table, row: c.row, cell: c.cell }
        : { paragraph: c.paragraph }),
      element: el,
      before: c.before,
      unchanged: sourceOf(doc, el) === c.before,
      earlier,
      looks: earlierRunLooks(read, c.before, c.kind),
    });
  }
  if (changedSince.length > 0 && !force) {
    return err(
      "document_changed",
      `The document changed after the last fill, so reverting it could lose later work: ${changedSince.slice(0, 5).join("; ")}${changedSince.length > 5 ? `; and ${changedSince.length - 5} more` : ""}. Nothing was reverted. Revert by hand, or force the revert to put back every cell the fill wrote.`,
      { changed: changedSince.length },
    );
  }
  return ok({ restores, rowsAdded, rowsBack, tablesAdded, changedSince, kept });
}

// ------------------------------------------------------------------------------------------
// Where things are once the plan is carried out

/**
 * Where a restored cell or paragraph is in the document once the plan is carried out: tables
 * and rows taken away before it move it up, rows put back before it move it down.
 */
function placeAfterRevert(
  read: ReadDocument,
  plan: RevertPlan,
): (r: RestoreStep) => { table?: number; row?: number; cell?: number; paragraph?: number } {
  const { index } = read.result;
  const removed = [...plan.rowsAdded, ...plan.tablesAdded].map((r) => r.range);
  const inRemoved = (s: number) => removed.some(([a, b]) => s >= a && s < b);
  const tableStart = (t: number) => {
    const ti = index.tables[t];
    return ti ? spanOf(ti).start : Number.POSITIVE_INFINITY;
  };
  return (r) => {
    if (r.paragraph !== undefined) {
      let gone = 0;
      for (let k = 0; k < r.paragraph; k++) {
        const el = index.paragraphs[k];
        if (el && inRemoved(el.start)) gone++;
      }
      return { paragraph: r.paragraph - gone };
    }
    const t = r.table ?? 0;
    const row = r.row ?? 0;
    const start = tableStart(t);
    let table = t;
    for (let k = 0; k < t; k++) if (inRemoved(tableStart(k))) table--;
    for (const b of plan.rowsBack) if (b.at < start) table += b.nestedTables;
    let at = row;
    for (const a of plan.rowsAdded) if (a.table === t && a.row < row) at -= a.count;
    for (const b of plan.rowsBack) if (b.table === t && b.row <= row) at += b.values.length;
    return { table, row: at, ...(r.cell !== undefined ? { cell: r.cell } : {}) };
  };
}

/** How many tables the document holds once the plan is carried out. */
export function tablesAfterRevert(read: ReadDocument, plan: RevertPlan): number {
  const removed = [...plan.rowsAdded, ...plan.tablesAdded].map((r) => r.range);
  const gone = read.result.index.tables.filter((t) => {
    const s = spanOf(t).start;
    return removed.some(([a, b]) => s >= a && s < b);
  }).length;
  const back = plan.rowsBack.reduce((n, b) => n + b.nestedTables, 0);
  return read.result.snapshot.tables.length - gone + back;
}

/**
 * Reads back a reverted document: which restored cells and paragraphs hold their earlier
 * contents, and which do not (with what they hold).
 */
export function checkReverted(
  read: ReadDocument,
  plan: RevertPlan,
  after: DocumentSnapshot,
): { readonly restored: readonly string[]; readonly notRestored: readonly string[] } {
  const place = placeAfterRevert(read, plan);
  const restored: string[] = [];
  const notRestored: string[] = [];
  for (const r of plan.restores) {
    const p = place(r);
    const now =
      p.paragraph !== undefined
        ? after.paragraphs[p.paragraph]?.text
        : after.tables[p.table ?? 0]?.rows[p.row ?? 0]?.cells[p.cell ?? 0]?.paragraphs
            .map((x) => x.text)
            .join("\n");
    const want = r.earlier.map((x) => x.text).join("\n");
    if (now !== undefined && sameText(now, want)) restored.push(r.name);
    else
      notRestored.push(now === undefined ? `${r.name} is gone` : `${r.name} holds "${clip(now)}"`);
  }
  return { restored, notRestored };
}

// ------------------------------------------------------------------------------------------
// For a host that deletes whole tables and paragraphs (Word)

/** A top-level table or body paragraph that goes with a block of tables a fill added. */
type BlockPart =
  | { readonly kind: "table"; readonly table: number; readonly documentIndex: number }
  | { readonly kind: "paragraph"; readonly paragraph: number; readonly documentIndex: number };

/** How many paragraphs a table holds (its cells', nested tables' included). */
function paragraphsInTable(snapshot: DocumentSnapshot, table: number): number {
  return (snapshot.tables[table]?.rows ?? []).reduce(
    (n, row) =>
      n +
      row.cells.reduce(
        (k, c) =>
          k +
          c.paragraphs.length +
          c.nestedTables.reduce((m, t) => m + paragraphsInTable(snapshot, t), 0),
        0,
      ),
    0,
  );
}

/**
 * The top-level tables of the blocks a fill added, the body paragraphs between them, and the
 * empty paragraphs the fill put around them, each with its place in document order (to take
 * them away from the end back). A table Word holds as one, read as several (see
 * `TableSnapshot.firstRow`), is one table to delete.
 */
export function blockParts(
  snapshot: DocumentSnapshot,
  tables: readonly TablesRemoval[],
): BlockPart[] {
  const starts = new Map<number, number>();
  let at = 0;
  for (const b of snapshot.blocks) {
    if (b.kind === "paragraph") at = (snapshot.paragraphs[b.paragraph]?.documentIndex ?? at) + 1;
    else {
      starts.set(b.table, at);
      at += paragraphsInTable(snapshot, b.table);
    }
  }
  const out: BlockPart[] = [];
  const paragraphPart = (paragraph: number): BlockPart => ({
    kind: "paragraph",
    paragraph,
    documentIndex: snapshot.paragraphs[paragraph]?.documentIndex ?? 0,
  });
  for (const added of tables) {
    const inBlock = (t: number) => t >= added.table && t < added.table + added.count;
    let open = false;
    let between: BlockPart[] = [];
    let lastParagraph: number | undefined;
    for (const b of snapshot.blocks) {
      if (b.kind === "table" && inBlock(b.table)) {
        if (!open && added.separators > 0 && lastParagraph !== undefined)
          out.push(paragraphPart(lastParagraph));
        out.push(...between);
        between = [];
        open = true;
        if ((snapshot.tables[b.table]?.firstRow ?? 0) > 0) continue;
        out.push({ kind: "table", table: b.table, documentIndex: starts.get(b.table) ?? 0 });
      } else if (b.kind === "table") {
        if (open) break;
        lastParagraph = undefined;
      } else if (open) {
        between.push(paragraphPart(b.paragraph));
      } else lastParagraph = b.paragraph;
    }
    // The paragraph just after the block, when the fill put one there too.
    if (added.separators === 2 && between[0]) out.push(between[0]);
  }
  return out;
}

/** A document with nothing in it, declaring the usual prefixes (for a record read on its own). */
const bareDocument = (() => {
  const ns: Record<string, string> = {
    w: TRANSITIONAL_W,
    w14: "http://schemas.microsoft.com/office/word/2010/wordml",
    r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  };
  const decls = Object.entries(ns)
    .map(([k, v]) => `xmlns:${k}="${v}"`)
    .join(" ");
  return `<w:document ${decls}><w:body/></w:document>`;
})();

/**
 * The text of a recorded cell (`<w:tc>`) or body paragraph (`<w:p>`), as the reader reads it:
 * inside the document's declarations when `read` is given, else the usual ones.
 */
export function recordedText(
  fragment: string,
  kind: "cell" | "paragraph",
  read?: ReadDocument,
): string {
  let within = read;
  if (!within) {
    const doc = parseXml(bareDocument);
    within = { doc, result: readWordDocument(doc) };
  }
  return earlierParagraphs(within, fragment, kind)
    .map((p) => p.text)
    .join("\n");
}
