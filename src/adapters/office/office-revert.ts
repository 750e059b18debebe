/**
 * "Revert last fill" in Word: undoes the last fill recorded in the document's fill journal (the
 * custom XML part both writers share), with native Word calls.
 *
 * Three `context.sync()` calls, whatever the size of the fill:
 * 1. one read batch: the body's OOXML (parsed by the same code as a .docx, for the cells' current
 *    texts and the table indexes) and the journal part's XML;
 * 2. one write batch: each recorded paragraph gets its earlier text back with
 *    `insertText(..., "Replace")` (run by run, with each run's bold, italic, font, size and colour
 *    as its XML had them, and symbol-font circles in their font); then, from the end of the
 *    document back, rows the fill added are deleted, rows it removed are inserted again with
 *    their texts, and blocks of tables it added are deleted with the paragraphs between them;
 *    the journal's last entry is popped (queued last, so a batch that fails half-way keeps the
 *    record);
 * 3. one read-back of every restored paragraph, found where the deletions left it, so the report
 *    says exactly what is back.
 *
 * The journal keeps each cell's earlier XML, but Word's API cannot splice XML into a cell safely
 * (`insertOoxml` adds stray paragraphs, can throw GeneralException, is slow on the web and breaks
 * undo: see the project's notes on Office.js), so Word restores the earlier runs and their
 * looks, and keeps the paragraphs' own properties. The command line's revert (on a saved file)
 * puts back the exact earlier XML.
 *
 * A recorded cell that still holds its earlier contents (a fill cut short never reached it) is
 * left as it is and counts as restored; `accountLastFillInWord` tells, after a pane was closed
 * mid-fill, which recorded cells the fill reached.
 */
import { normaliseSlotText } from "../../domain/edits";
import { capture, err, ok, type ErrorCode, type Result } from "../../domain/result";
import type { DocumentSnapshot, ParagraphSnapshot } from "../../domain/snapshot";
import type { JournalChange } from "../../ooxml/edit/apply";
import {
  JOURNAL_NAMESPACE,
  parseJournal,
  serialiseJournal,
  type FillRecord,
} from "../../ooxml/journal";
import { wingdingsCodes } from "../../ooxml/glyphs";
import { readWordDocument, TRANSITIONAL_W } from "../../ooxml/wordml";
import { attributes, childElements, parseXml, textOf, type XmlElement } from "../../ooxml/xml";
import { localName } from "../../ooxml/package";
import { MAX_OOXML_CHARS, parseFlatOpcPackage, describeOfficeError } from "./office-reader";
import {
  bodyParagraphProxy,
  clip,
  isReadOnly,
  nth,
  sameText,
  tableProxy,
  type WBody,
  type WContext,
  type WJournalPart,
  type WParagraph,
  type WTable,
  wordRow,
} from "./word-api";

export interface WRevertContext {
  readonly document: {
    readonly body: WBody & { getOoxml(): { value: string } };
    readonly customXmlParts: {
      getByNamespace(ns: string): { getOnlyItemOrNullObject(): WJournalPart };
    };
  };
  sync(): Promise<void>;
}

/** Word as revert uses it; the real Word API satisfies it structurally. */
export interface WordRevertHost {
  run<T>(batch: (context: WRevertContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

/** Word as the pane uses it to write and to revert (one object serves both). */
export interface WordPaneHost {
  run<T>(batch: (context: WContext & WRevertContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

export type OfficeRevertReport = {
  /** The fill undone. */
  readonly fill: { readonly label: string; readonly at: string };
  /** Cells and body paragraphs that hold their earlier contents again. */
  readonly restored: readonly string[];
  /** Cells and paragraphs that could not be restored (with why). */
  readonly notRestored: readonly string[];
  readonly rowsRemoved: number;
  /** Rows the fill had removed, inserted again with their texts. */
  readonly rowsRestored: number;
  /** Fills still recorded (revert again to undo them). */
  readonly remaining: number;
  readonly error?: { readonly code: ErrorCode; readonly message: string };
  readonly syncs: number;
};

/** One cell or body paragraph to restore, with the proxies written and read back. */
type Restore = {
  readonly name: string;
  readonly table?: number;
  readonly row?: number;
  readonly cell?: number;
  readonly paragraph?: number;
  readonly earlier: readonly ParagraphSnapshot[];
  /** Each earlier paragraph's runs with their fonts, sizes and colours. */
  readonly looks: readonly (readonly RunLook[])[];
};

const W = "w";

/** The prefixes a fragment of XML uses (to declare them around it). */
function prefixesIn(fragment: string): Set<string> {
  const out = new Set<string>();
  for (const m of fragment.matchAll(/<\/?([A-Za-z_][\w.-]*):/g)) if (m[1]) out.add(m[1]);
  for (const m of fragment.matchAll(/\s([A-Za-z_][\w.-]*):[\w.-]+\s*=/g)) if (m[1]) out.add(m[1]);
  out.delete("xml");
  out.delete("xmlns");
  return out;
}

/** A recorded cell (`<w:tc>`) or body paragraph (`<w:p>`) as a document of its own. */
function recordedDocument(fragment: string, kind: "cell" | "paragraph"): string {
  const head = /^\s*<(?:([\w.-]+):)?(tc|p)\b/.exec(fragment);
  const prefix = head?.[1] ?? (head ? "" : W);
  const declarations = [...prefixesIn(fragment), prefix]
    .filter((p, i, all) => p !== "" && all.indexOf(p) === i)
    .map((p) => ` xmlns:${p}="${p === prefix ? TRANSITIONAL_W : `urn:planassist:revert:${p}`}"`)
    .join("");
  const q = prefix === "" ? "" : `${prefix}:`;
  const defaultNs = prefix === "" ? ` xmlns="${TRANSITIONAL_W}"` : "";
  const inner = kind === "cell" ? `<${q}tbl><${q}tr>${fragment}</${q}tr></${q}tbl>` : fragment;
  return `<${q}document${defaultNs}${declarations}><${q}body>${inner}</${q}body></${q}document>`;
}

/** The paragraphs of a recorded cell (`<w:tc>`) or body paragraph (`<w:p>`), read from its XML. */
export function earlierParagraphs(
  fragment: string,
  kind: "cell" | "paragraph",
): ParagraphSnapshot[] {
  const { snapshot } = readWordDocument(parseXml(recordedDocument(fragment, kind)));
  return kind === "cell"
    ? [...(snapshot.tables[0]?.rows[0]?.cells[0]?.paragraphs ?? [])]
    : snapshot.paragraphs.slice(0, 1);
}

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

/**
 * The runs of each paragraph of a recorded cell or body paragraph, with their fonts, sizes and
 * colours, read from its XML (deleted text left out, as the reader does).
 */
export function earlierRunLooks(fragment: string, kind: "cell" | "paragraph"): RunLook[][] {
  const doc = parseXml(recordedDocument(fragment, kind));
  const local = (el: XmlElement) => localName(el.name);
  const val = (el: XmlElement | undefined, name: string) => {
    if (!el) return undefined;
    for (const [k, v] of attributes(el)) if (localName(k) === name) return v;
    return undefined;
  };
  const on = (el: XmlElement | undefined) => {
    const v = val(el, "val");
    return el !== undefined && v !== "0" && v !== "false" && v !== "off";
  };
  // The body's paragraph, or the wrapped cell's own paragraphs (not those of nested tables).
  const child = (el: XmlElement | undefined, name: string) =>
    el ? childElements(el).filter((c) => local(c) === name) : [];
  const body = child(doc.root, "body")[0];
  const cell = child(child(child(body, "tbl")[0], "tr")[0], "tc")[0];
  const own = kind === "cell" ? child(cell, "p") : child(body, "p").slice(0, 1);
  return own.map((p) => {
    const runs: RunLook[] = [];
    const walk = (el: XmlElement) => {
      for (const c of childElements(el)) {
        const n = local(c);
        if (n === "del" || n === "moveFrom" || n === "pPr" || n === "rPr" || n === "tbl") continue;
        if (n !== "r") {
          walk(c);
          continue;
        }
        const rPr = childElements(c).find((x) => local(x) === "rPr");
        const prop = (name: string) =>
          rPr ? childElements(rPr).find((x) => local(x) === name) : undefined;
        let text = "";
        for (const t of childElements(c)) {
          const k = local(t);
          if (k === "t")
            text += t.children.map((x) => (x.kind === "text" ? textOf(doc, x) : "")).join("");
          else if (k === "tab") text += "\t";
          else if (k === "br" || k === "cr") text += "\n";
          else if (k === "noBreakHyphen") text += "\u2011";
        }
        if (text === "") continue;
        const size = Number(val(prop("sz"), "val"));
        const color = val(prop("color"), "val");
        const font = val(prop("rFonts"), "ascii");
        runs.push({
          text,
          bold: on(prop("b")),
          italic: on(prop("i")),
          ...(font ? { font } : {}),
          ...(Number.isFinite(size) && size > 0 ? { size: size / 2 } : {}),
          ...(color && /^[0-9a-fA-F]{6}$/.test(color) ? { color: `#${color.toUpperCase()}` } : {}),
        });
      }
    };
    walk(p);
    return runs;
  });
}

/**
 * Queues one paragraph's earlier contents: its runs with their bold and italic and, where the
 * runs set them, their font, size and colour; circles in their font.
 */
function queueParagraph(
  p: WParagraph,
  earlier: ParagraphSnapshot | undefined,
  looks: readonly RunLook[] = [],
): void {
  const glyph = earlier?.glyphs[0];
  if (
    earlier &&
    earlier.glyphs.length === 1 &&
    glyph &&
    (glyph.source === "sym" || glyph.source === "symbol-font") &&
    (glyph.kind === "radio-empty" || glyph.kind === "radio-filled") &&
    (earlier.text.trim() === glyph.char || earlier.text.trim() === "")
  ) {
    const code =
      glyph.kind === "radio-filled" ? wingdingsCodes.radioFilled : wingdingsCodes.radioEmpty;
    p.insertText(String.fromCharCode(parseInt(code, 16)), "Replace").font.set({
      name: glyph.font ?? "Wingdings",
    });
    return;
  }
  if (!earlier || earlier.text === "") {
    p.insertText("", "Replace");
    return;
  }
  // Adjacent runs with the same look go in together. The runs read from the XML carry fonts,
  // sizes and colours; they are used when they give the same text as the reader's.
  // Bold and italic as the reader saw them (styles included), at each run's offset.
  const emphasis = (offset: number) => {
    let at = 0;
    for (const r of earlier.runs) {
      if (offset < at + r.text.length) return r;
      at += r.text.length;
    }
    return undefined;
  };
  let offset = 0;
  const source: readonly RunLook[] =
    looks.map((r) => r.text).join("") === earlier.text
      ? looks.map((r) => {
          const e = emphasis(offset);
          offset += r.text.length;
          return { ...r, bold: e?.bold ?? r.bold, italic: e?.italic ?? r.italic };
        })
      : earlier.runs;
  const same = (a: RunLook, b: RunLook) =>
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.font === b.font &&
    a.size === b.size &&
    a.color === b.color;
  const runs: RunLook[] = [];
  for (const r of source) {
    const last = runs[runs.length - 1];
    if (last && same(last, r)) runs[runs.length - 1] = { ...last, text: last.text + r.text };
    else runs.push({ ...r });
  }
  const joined = runs.map((r) => r.text).join("");
  if (runs.length === 0 || joined !== earlier.text) {
    p.insertText(earlier.text.replace(/\n/g, "\v"), "Replace");
    return;
  }
  runs.forEach((r, i) => {
    const range = p.insertText(r.text.replace(/\n/g, "\v"), i === 0 ? "Replace" : "End");
    range.font.set({
      bold: r.bold,
      italic: r.italic,
      ...(r.font !== undefined ? { name: r.font } : {}),
      ...(r.size !== undefined ? { size: r.size } : {}),
      ...(r.color !== undefined ? { color: r.color } : {}),
    });
  });
}

function cellName(t: number, r: number, c: number): string {
  return `table ${t + 1}, row ${r + 1}, cell ${c + 1}`;
}

/**
 * Undoes the last fill recorded in the document open in Word. Refuses with `document_changed`
 * (naming the cells) when a cell the fill wrote was changed since, unless `force`;
 * `no_fill_to_revert` when the document holds no recorded fill.
 */
export async function revertLastFillInWord(
  host: WordRevertHost,
  options: { force?: boolean } = {},
): Promise<Result<OfficeRevertReport>> {
  let supported = false;
  try {
    supported = host.isSetSupported("WordApi", "1.4");
  } catch {
    supported = false;
  }
  if (!supported) {
    return err(
      "office_requirement_missing",
      "This version of Word cannot read the record of fills kept in the document (WordApi 1.4), so PlanAssist cannot revert here. Save the document and revert it with the command line (planassist revert), or use a newer Word.",
      { requirement: "WordApi 1.4" },
    );
  }
  let syncs = 0;
  try {
    return await host.run(async (context) => {
      // 1. One read batch: the body's OOXML and the journal.
      const recorded = await readRecordedFill(context);
      syncs++;
      if (!recorded.ok) return recorded;
      const { snapshot, fills, last, part } = recorded.value;
      const planned = planRevert(snapshot, last, options.force ?? false);
      if (!planned.ok) return planned;
      const { restores, rows, removed, tables } = planned.value;

      // 2. One write batch: restore, delete the added rows (last first), pop the journal.
      const body = context.document.body;
      const paragraphsOf = (r: Restore, rowShift = 0): WParagraph[] => {
        if (r.paragraph !== undefined) return [bodyParagraphProxy(body, snapshot, r.paragraph)];
        const t = r.table ?? 0;
        const cell = tableProxy(body, snapshot, t)?.getCellOrNullObject(
          wordRow(snapshot, t, (r.row ?? 0) - rowShift),
          r.cell ?? 0,
        );
        if (!cell) return [];
        const n = snapshot.tables[t]?.rows[r.row ?? 0]?.cells[r.cell ?? 0]?.paragraphs.length ?? 1;
        const first = cell.body.paragraphs.getFirst();
        return Array.from({ length: n }, (_, k) => nth(first, k));
      };
      /** A restore's paragraphs in a table proxy found after tables before it were deleted. */
      const paragraphsIn = (table: WTable | undefined, r: Restore, rowShift: number) => {
        const cell = table?.getCellOrNullObject(
          wordRow(snapshot, r.table ?? 0, (r.row ?? 0) - rowShift),
          r.cell ?? 0,
        );
        if (!cell) return [];
        const n =
          snapshot.tables[r.table ?? 0]?.rows[r.row ?? 0]?.cells[r.cell ?? 0]?.paragraphs.length ??
          1;
        const first = cell.body.paragraphs.getFirst();
        return Array.from({ length: n }, (_, k) => nth(first, k));
      };
      for (const r of restores) {
        const ps = paragraphsOf(r);
        const current =
          r.paragraph !== undefined
            ? [snapshot.paragraphs[r.paragraph]]
            : (snapshot.tables[r.table ?? 0]?.rows[r.row ?? 0]?.cells[r.cell ?? 0]?.paragraphs ??
              []);
        const m = r.earlier.length;
        ps.forEach((p, k) => {
          if (k >= m) return;
          const now = current[k];
          const want = r.earlier[k];
          if (now && want && now.text === want.text && now.glyphs.length === want.glyphs.length)
            return;
          queueParagraph(p, want, r.looks[k]);
        });
        // Paragraphs the fill added go (last first); paragraphs it took away come back.
        for (let k = ps.length - 1; k >= m && k > 0; k--) ps[k]?.delete();
        let tail = ps[Math.min(ps.length, m) - 1];
        for (let k = ps.length; k < m && tail; k++) {
          const want = r.earlier[k];
          const added: WParagraph = tail.insertParagraph("", "After");
          queueParagraph(added, want, r.looks[k]);
          tail = added;
        }
      }
      const deletions = [...rows].sort((a, b) => b.table - a.table || b.row - a.row);
      for (const d of deletions) {
        const table = tableProxy(body, snapshot, d.table);
        for (let k = d.count - 1; k >= 0; k--)
          table?.getCellOrNullObject(wordRow(snapshot, d.table, d.row + k), 0).parentRow.delete();
      }
      // Rows the fill removed come back (last first, so earlier positions hold), with their texts;
      // Word copies the look of the row they are inserted next to.
      for (const b of [...removed].sort((x, y) => y.table - x.table || y.row - x.row)) {
        // Journal rows are in the filled document's coordinates; the added rows are gone by now.
        const gone = (limit: number) =>
          rows.filter((d) => d.table === b.table && d.row < limit).reduce((n, d) => n + d.count, 0);
        const table = tableProxy(body, snapshot, b.table);
        const have = snapshot.tables[b.table]?.rows ?? [];
        const count = have.length - gone(Infinity);
        const row = b.row - gone(b.row);
        // Word copies the look (and the cells) of the row it inserts next to: prefer the row
        // above (the removed rows were copies of a data row), else the row below, when it has
        // as many cells as the rows to put back.
        const width = b.values[0]?.length ?? 0;
        // (A fill adds rows to a table or removes rows from it, not both: `have` indexes hold.)
        const cellsAt = (k: number) => have[k]?.cells.length;
        const after = row > 0 && (cellsAt(row - 1) === width || cellsAt(row) !== width);
        table
          ?.getCellOrNullObject(
            wordRow(snapshot, b.table, after ? row - 1 : Math.min(row, count - 1)),
            0,
          )
          .parentRow.insertRows(
            after || row >= count ? "After" : "Before",
            b.values.length,
            b.values,
          );
      }
      // Blocks of tables the fill added go last, from the end of the document back: each table
      // and the paragraphs between the tables of its block.
      // A paragraph is reached from the table before it, which rows deleted or put back above
      // do not move (and the later tables and paragraphs go first).
      const gone = goneBlocks(snapshot, tables);
      for (const g of [...gone].sort((a, b) => b.documentIndex - a.documentIndex)) {
        if (g.kind === "table") tableProxy(body, snapshot, g.table)?.delete();
        else bodyParagraphProxy(body, snapshot, g.paragraph).delete();
      }
      const rest = fills.slice(0, -1);
      if (rest.length > 0) part.setXml(serialiseJournal({ fills: rest }));
      else part.delete();
      let failure: unknown;
      try {
        await context.sync();
      } catch (e) {
        failure = e;
      }
      syncs++;

      // 3. One read-back of every restored paragraph (rows below deleted ones moved up).
      // (In Word's table: a table read from part of a table Word joined moves with the rows
      // deleted or put back in the parts above it.)
      const at = (table: number, row: number) => wordRow(snapshot, table, row);
      const shift = (r: Restore) =>
        rows
          .filter(
            (d) =>
              sameWordTable(snapshot, d.table, r.table ?? 0) &&
              at(d.table, d.row + d.count) <= at(r.table ?? 0, r.row ?? 0),
          )
          .reduce((n, d) => n + d.count, 0) -
        removed
          .filter(
            (b) =>
              sameWordTable(snapshot, b.table, r.table ?? 0) &&
              at(b.table, b.row) <= at(r.table ?? 0, r.row ?? 0),
          )
          .reduce((n, b) => n + b.values.length, 0);
      const moved = movedBy(snapshot, rows, removed, gone);
      const back = restores.map((r) => {
        const ps =
          r.paragraph !== undefined
            ? // Reached from the table before it, which rows added or deleted do not move;
              // tables taken away do (then counted from the top, as they were read).
              gone.length === 0
              ? [bodyParagraphProxy(body, snapshot, r.paragraph)]
              : [
                  nth(
                    body.paragraphs.getFirst(),
                    moved.paragraph(snapshot.paragraphs[r.paragraph]?.documentIndex ?? 0),
                  ),
                ]
            : moved.table(body, r.table ?? 0)
              ? paragraphsIn(moved.table(body, r.table ?? 0), r, shift(r))
              : paragraphsOf({ ...r }, shift(r));
        const out = ps.slice(0, Math.max(1, r.earlier.length));
        for (const p of out) p.load("text");
        return out;
      });
      try {
        await context.sync();
        syncs++;
      } catch (e) {
        syncs++;
        return err(
          "office_sync_failed",
          `Word could not be read again after reverting (${describeOfficeError(failure ?? e)}), so what was restored is unknown. Read the document again and check it.`,
        );
      }
      const restored: string[] = [];
      const notRestored: string[] = [];
      restores.forEach((r, i) => {
        const now = (back[i] ?? []).map((p) => p.text).join("\n");
        const want = r.earlier.map((p) => p.text).join("\n");
        if (sameText(now, want)) restored.push(r.name);
        else notRestored.push(`${r.name} holds "${clip(now)}"`);
      });
      const rowsRemoved = failure === undefined ? rows.reduce((n, d) => n + d.count, 0) : 0;
      const rowsRestored =
        failure === undefined ? removed.reduce((n, b) => n + b.values.length, 0) : 0;
      const report: OfficeRevertReport = {
        fill: { label: last.label, at: last.at },
        restored,
        notRestored,
        rowsRemoved,
        rowsRestored,
        remaining: failure === undefined ? rest.length : fills.length,
        syncs,
        ...(failure !== undefined
          ? {
              error: isReadOnly(failure)
                ? {
                    code: "office_read_only" as const,
                    message:
                      "Word did not allow changes to this document (it is read-only or protected), so the fill was not reverted. Save a copy you can edit, then revert again.",
                  }
                : {
                    code: "office_sync_failed" as const,
                    message: `Word stopped while reverting (${describeOfficeError(failure)}). ${restored.length} cell(s) hold their earlier contents and ${notRestored.length} do not; the record of the fill was kept. Revert again (forced) to finish.`,
                  },
            }
          : {}),
      };
      return ok(report);
    });
  } catch (e) {
    if (isReadOnly(e)) {
      return err(
        "office_read_only",
        "Word did not allow changes to this document (it is read-only or protected). Nothing was reverted.",
      );
    }
    return err(
      "office_sync_failed",
      `Word could not be reached while reverting (${describeOfficeError(e)}). Nothing is known to be reverted; read the document again.`,
      { syncs },
    );
  }
}

/**
 * One sync: the body's OOXML (parsed as a .docx is) and the journal part, with its last fill.
 * `no_fill_to_revert` when the document holds no recorded fill.
 */
async function readRecordedFill(
  context: WRevertContext,
  /** The document as just read, when the caller has it: then only the journal is read. */
  known?: DocumentSnapshot,
): Promise<
  Result<{
    snapshot: DocumentSnapshot;
    fills: readonly FillRecord[];
    last: FillRecord;
    part: WJournalPart;
  }>
> {
  const ooxml = known ? undefined : context.document.body.getOoxml();
  const part = context.document.customXmlParts
    .getByNamespace(JOURNAL_NAMESPACE)
    .getOnlyItemOrNullObject();
  part.load("isNullObject");
  // On a null object the method answers null at the sync instead of failing the batch.
  const journalXml = part.getXml();
  await context.sync();
  // eslint-disable-next-line office-addins/load-object-before-read
  const xml = part.isNullObject ? "" : (journalXml.value ?? "");
  const journal = xml ? parseJournal(xml) : ok({ fills: [] as FillRecord[] });
  if (!journal.ok) return journal;
  const fills = journal.value.fills;
  const last = fills[fills.length - 1];
  if (!last) {
    return err(
      "no_fill_to_revert",
      "This document has no fill recorded by PlanAssist, so there is nothing to revert. (Fills made where Word could not keep the record are not recorded.)",
    );
  }
  if (known) return ok({ snapshot: known, fills, last, part });
  const text = ooxml?.value;
  if (typeof text !== "string" || text.length === 0 || text.length > MAX_OOXML_CHARS) {
    return err(
      "office_sync_failed",
      "Word did not hand over the document's contents. Save the document, reopen it and retry.",
    );
  }
  const parsed = capture(() => parseFlatOpcPackage(text));
  if (!parsed.ok) return parsed;
  return ok({ snapshot: parsed.value.read.snapshot, fills, last, part });
}

/** What of the last recorded fill is in the document, cell by cell. */
export type FillAccount = {
  readonly fill: { readonly label: string; readonly at: string };
  /** Cells and body paragraphs holding what the fill wrote. */
  readonly written: readonly string[];
  /** Holding their earlier contents: the fill did not reach them (or was cut short). */
  readonly notWritten: readonly string[];
  /** Holding something else: changed after the fill. */
  readonly changedSince: readonly string[];
  /** Tables whose added rows are all there. */
  readonly rowsAdded: number;
};

/**
 * The account of the last fill recorded in the document (one sync), for a pane that was closed
 * or reloaded while a fill was being written: which recorded cells hold the fill's values, which
 * still hold their earlier contents, and which were changed since.
 */
export async function accountLastFillInWord(
  host: WordRevertHost,
  /** The document as the pane just read it: then only the journal (a small part) is read. */
  snapshot?: DocumentSnapshot,
): Promise<Result<FillAccount>> {
  if (!host.isSetSupported("WordApi", "1.4")) {
    return err(
      "office_requirement_missing",
      "This version of Word cannot read the record of fills kept in the document (WordApi 1.4).",
      { requirement: "WordApi 1.4" },
    );
  }
  try {
    return await host.run(async (context) => {
      const recorded = await readRecordedFill(context, snapshot);
      if (!recorded.ok) return recorded;
      const { last } = recorded.value;
      const doc = recorded.value.snapshot;
      const written: string[] = [];
      const notWritten: string[] = [];
      const changedSince: string[] = [];
      let rowsAdded = 0;
      for (const c of last.changes) {
        if (c.kind === "rows-added") {
          if ((doc.tables[c.table]?.rows.length ?? 0) >= c.row + c.count) rowsAdded += c.count;
          continue;
        }
        if (c.kind !== "cell" && c.kind !== "paragraph") continue;
        const name =
          c.kind === "cell" ? cellName(c.table, c.row, c.cell) : `paragraph ${c.paragraph + 1}`;
        const now =
          c.kind === "cell"
            ? doc.tables[c.table]?.rows[c.row]?.cells[c.cell]?.paragraphs
                .map((p) => p.text)
                .join("\n")
            : doc.paragraphs[c.paragraph]?.text;
        const earlier = capture(() => earlierParagraphs(c.before, c.kind));
        if (now === undefined || !earlier.ok) changedSince.push(name);
        else if (sameText(now, c.after)) written.push(name);
        else if (sameText(now, earlier.value.map((p) => p.text).join("\n"))) notWritten.push(name);
        else changedSince.push(name);
      }
      return ok({
        fill: { label: last.label, at: last.at },
        written,
        notWritten,
        changedSince,
        rowsAdded,
      });
    });
  } catch (e) {
    return err(
      "office_sync_failed",
      `Word could not be read (${describeOfficeError(e)}). Read the document again.`,
    );
  }
}

/** A table or body paragraph a reverted fill takes away with its blocks of tables. */
type Gone =
  | { readonly kind: "table"; readonly table: number; readonly documentIndex: number }
  | { readonly kind: "paragraph"; readonly paragraph: number; readonly documentIndex: number };

/** How many paragraphs Word counts in a table (its cells', nested tables' included). */
function paragraphsInTable(snapshot: DocumentSnapshot, table: number): number {
  return (snapshot.tables[table]?.rows ?? []).reduce(
    (n, _, r) => n + paragraphsInRow(snapshot, table, r),
    0,
  );
}

/** How many paragraphs Word counts in a row of a table (nested tables' included). */
function paragraphsInRow(snapshot: DocumentSnapshot, table: number, row: number): number {
  return (snapshot.tables[table]?.rows[row]?.cells ?? []).reduce(
    (n, c) =>
      n +
      c.paragraphs.length +
      c.nestedTables.reduce((k, t) => k + paragraphsInTable(snapshot, t), 0),
    0,
  );
}

/** Where each top-level table starts among all paragraphs (what `body.paragraphs` counts). */
function tableStarts(snapshot: DocumentSnapshot): Map<number, number> {
  const starts = new Map<number, number>();
  let at = 0;
  for (const b of snapshot.blocks) {
    if (b.kind === "paragraph") at = (snapshot.paragraphs[b.paragraph]?.documentIndex ?? at) + 1;
    else {
      starts.set(b.table, at);
      at += paragraphsInTable(snapshot, b.table);
    }
  }
  return starts;
}

/** Whether two tables of the snapshot are read from the same table in Word. */
function sameWordTable(snapshot: DocumentSnapshot, a: number, b: number): boolean {
  if (a === b) return true;
  const x = snapshot.tables[a];
  const y = snapshot.tables[b];
  return (
    x !== undefined &&
    y !== undefined &&
    !x.parent &&
    !y.parent &&
    x.firstRow !== undefined &&
    y.firstRow !== undefined &&
    x.bodyTableIndex === y.bodyTableIndex
  );
}

/** The paragraphs of Word's table that a table of the snapshot is read from (all its parts). */
function paragraphsInWordTable(snapshot: DocumentSnapshot, table: number): number {
  const t = snapshot.tables[table];
  if (!t || t.firstRow === undefined || t.parent) return paragraphsInTable(snapshot, table);
  return snapshot.tables
    .filter((o) => !o.parent && o.bodyTableIndex === t.bodyTableIndex)
    .reduce((n, o) => n + paragraphsInTable(snapshot, o.index), 0);
}

/**
 * The top-level tables of added blocks, the body paragraphs between them, and the empty
 * paragraphs the fill put around them (`separators`). A table Word holds as one, read as several
 * (see `TableSnapshot.firstRow`), is one table to delete.
 */
function goneBlocks(snapshot: DocumentSnapshot, tables: readonly TablesAdded[]): Gone[] {
  const starts = tableStarts(snapshot);
  const out: Gone[] = [];
  const paragraphGone = (paragraph: number): Gone => ({
    kind: "paragraph",
    paragraph,
    documentIndex: snapshot.paragraphs[paragraph]?.documentIndex ?? 0,
  });
  for (const added of tables) {
    const inBlock = (t: number) => t >= added.table && t < added.table + added.count;
    const separators = added.separators ?? 0;
    let open = false;
    let between: Gone[] = [];
    let lastParagraph: number | undefined;
    for (const b of snapshot.blocks) {
      if (b.kind === "table" && inBlock(b.table)) {
        if (!open && separators > 0 && lastParagraph !== undefined)
          out.push(paragraphGone(lastParagraph));
        out.push(...between);
        between = [];
        open = true;
        if ((snapshot.tables[b.table]?.firstRow ?? 0) > 0) continue;
        out.push({ kind: "table", table: b.table, documentIndex: starts.get(b.table) ?? 0 });
      } else if (b.kind === "table") {
        if (open) break;
        lastParagraph = undefined;
      } else if (open) {
        between.push(paragraphGone(b.paragraph));
      } else lastParagraph = b.paragraph;
    }
    // The paragraph just after the block, when the fill put one there too.
    if (separators === 2 && between[0]) out.push(between[0]);
  }
  return out;
}

/**
 * Where things are once the revert's structural changes are done: the `body.paragraphs` index of
 * a paragraph that was at `documentIndex`, and a proxy for a top-level table after the deleted
 * tables before it (undefined when no table before it was deleted).
 */
function movedBy(
  snapshot: DocumentSnapshot,
  rows: readonly RowsAdded[],
  removed: readonly RowsBack[],
  gone: readonly Gone[],
) {
  const starts = tableStarts(snapshot);
  const topOf = (t: number): number => {
    const parent = snapshot.tables[t]?.parent;
    return parent ? topOf(parent.table) : t;
  };
  const goneTables = gone.filter((g) => g.kind === "table");
  return {
    paragraph: (documentIndex: number): number => {
      let shift = 0;
      for (const d of rows) {
        if ((starts.get(topOf(d.table)) ?? Infinity) >= documentIndex) continue;
        for (let k = 0; k < d.count; k++) shift += paragraphsInRow(snapshot, d.table, d.row + k);
      }
      for (const b of removed) {
        if ((starts.get(topOf(b.table)) ?? Infinity) >= documentIndex) continue;
        shift -= b.values.reduce((n, v) => n + v.reduce((m, c) => m + c.split("\n").length, 0), 0);
      }
      for (const g of gone) {
        if (g.documentIndex >= documentIndex) continue;
        shift += g.kind === "table" ? paragraphsInWordTable(snapshot, g.table) : 1;
      }
      return documentIndex - shift;
    },
    table: (body: WBody, table: number): WTable | undefined => {
      const t = snapshot.tables[table];
      if (!t || t.parent || t.bodyTableIndex === undefined) return undefined;
      const before = goneTables.filter(
        (g) => (snapshot.tables[g.table]?.bodyTableIndex ?? Infinity) < (t.bodyTableIndex ?? 0),
      ).length;
      if (before === 0) return undefined;
      let proxy = body.tables.getFirst();
      for (let i = 0; i < t.bodyTableIndex - before; i++) proxy = proxy.getNext();
      return proxy;
    },
  };
}

type RowsAdded = Extract<JournalChange, { kind: "rows-added" }>;
type TablesAdded = Extract<JournalChange, { kind: "tables-added" }>;

/** Rows a fill removed, to insert again: where, and each row's cell texts. */
type RowsBack = { table: number; row: number; values: string[][] };

/** The cell texts of recorded rows (`<w:tr>` elements), read from their XML. */
export function earlierRows(fragment: string): string[][] {
  const head = /^\s*<(?:([\w.-]+):)?tr\b/.exec(fragment);
  const prefix = head?.[1] ?? "w";
  const q = prefix === "" ? "" : `${prefix}:`;
  const declarations = [...prefixesIn(fragment), prefix]
    .filter((p, i, all) => p !== "" && all.indexOf(p) === i)
    .map((p) => ` xmlns:${p}="${p === prefix ? TRANSITIONAL_W : `urn:planassist:revert:${p}`}"`)
    .join("");
  const defaultNs = prefix === "" ? ` xmlns="${TRANSITIONAL_W}"` : "";
  const xml = `<${q}document${defaultNs}${declarations}><${q}body><${q}tbl>${fragment}</${q}tbl></${q}body></${q}document>`;
  const { snapshot } = readWordDocument(parseXml(xml));
  return (snapshot.tables[0]?.rows ?? []).map((r) =>
    r.cells.map((c) => c.paragraphs.map((p) => p.text).join("\n")),
  );
}

/** What to restore and which rows to delete, after checking the document still holds the fill. */
function planRevert(
  snapshot: DocumentSnapshot,
  fill: FillRecord,
  force: boolean,
): Result<{ restores: Restore[]; rows: RowsAdded[]; removed: RowsBack[]; tables: TablesAdded[] }> {
  const changedSince: string[] = [];
  const removed: RowsBack[] = [];
  const rows: RowsAdded[] = [];
  const tables: TablesAdded[] = [];
  const restores: Restore[] = [];
  for (const c of fill.changes) {
    if (c.kind === "tables-added") {
      if (snapshot.tables.length < c.table + c.count) {
        changedSince.push(`the tables added after table ${c.table} are gone`);
        continue;
      }
      tables.push(c);
    }
    if (c.kind === "rows-removed") {
      const t = snapshot.tables[c.table];
      const texts = capture(() => earlierRows(c.xml));
      if (!texts.ok) {
        return err(
          "journal_invalid",
          "The record of the last fill stored in the document is damaged, so PlanAssist cannot revert it. The document itself is unharmed.",
        );
      }
      if (!t || t.rows.length === 0 || c.row > t.rows.length) {
        changedSince.push(`table ${c.table + 1} no longer has room for the rows the fill removed`);
        continue;
      }
      removed.push({ table: c.table, row: c.row, values: texts.value });
    }
    if (c.kind === "rows-added") {
      const t = snapshot.tables[c.table];
      if (!t || t.rows.length < c.row + c.count) {
        changedSince.push(`the rows added to table ${c.table + 1} are gone`);
        continue;
      }
      rows.push(c);
    }
  }
  const inAdded = (t: number, r: number) =>
    rows.some((d) => d.table === t && r >= d.row && r < d.row + d.count) ||
    tables.some((d) => t >= d.table && t < d.table + d.count);
  for (const c of fill.changes) {
    if (c.kind !== "cell" && c.kind !== "paragraph") continue;
    const parsed = capture(() => earlierParagraphs(c.before, c.kind));
    if (!parsed.ok) {
      return err(
        "journal_invalid",
        "The record of the last fill stored in the document is damaged, so PlanAssist cannot revert it. The document itself is unharmed.",
      );
    }
    if (c.kind === "cell") {
      const name = cellName(c.table, c.row, c.cell);
      if (inAdded(c.table, c.row)) continue;
      const cell = snapshot.tables[c.table]?.rows[c.row]?.cells[c.cell];
      if (!cell) {
        changedSince.push(`${name} is gone`);
        continue;
      }
      const now = cell.paragraphs.map((p) => p.text).join("\n");
      const earlier = parsed.value.map((p) => p.text).join("\n");
      // A fill cut short (the pane closed mid-batch) can leave a recorded cell unwritten: it
      // already holds its earlier contents, and the read-back counts it as restored.
      if (!sameText(now, c.after) && !sameText(now, earlier)) {
        changedSince.push(`${name} was edited after the fill (it holds "${clip(now)}")`);
        if (!force) continue;
      }
      restores.push({
        name,
        table: c.table,
        row: c.row,
        cell: c.cell,
        earlier: parsed.value,
        looks: earlierRunLooks(c.before, "cell"),
      });
    } else {
      const name = `paragraph ${c.paragraph + 1}`;
      const p = snapshot.paragraphs[c.paragraph];
      if (!p) {
        changedSince.push(`${name} is gone`);
        continue;
      }
      const earlier = parsed.value[0]?.text ?? "";
      if (
        normaliseSlotText(p.text) !== normaliseSlotText(c.after) &&
        !sameText(p.text, c.after) &&
        !sameText(p.text, earlier)
      ) {
        changedSince.push(`${name} was edited after the fill (it holds "${clip(p.text)}")`);
        if (!force) continue;
      }
      restores.push({
        name,
        paragraph: c.paragraph,
        earlier: parsed.value,
        looks: earlierRunLooks(c.before, "paragraph"),
      });
    }
  }
  if (changedSince.length > 0 && !force) {
    return err(
      "document_changed",
      `The document changed after the last fill, so reverting it could lose later work: ${changedSince.slice(0, 5).join("; ")}${changedSince.length > 5 ? `; and ${changedSince.length - 5} more` : ""}. Nothing was reverted. Revert by hand, or force the revert to put back every cell the fill wrote.`,
      { changed: changedSince.length },
    );
  }
  return ok({ restores, rows, removed, tables });
}
