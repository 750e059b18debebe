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
 * 3. one read-back: the body's OOXML, read by the same code as a .docx, with every restored cell
 *    and paragraph looked for where the revert left it, so the report says exactly what is back.
 *
 * What to undo is planned by the pure revert planner the .docx revert uses too
 * (`ooxml/edit/revert-plan.ts`: the same checks of the record, the same reading of its XML);
 * this module only turns that plan into Word calls.
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
import { capture, err, ok, type ErrorCode, type Result } from "../../domain/result";
import type { DocumentSnapshot, ParagraphSnapshot } from "../../domain/snapshot";
import {
  blockParts,
  cellName,
  checkReverted,
  planRevert,
  recordedText,
  sameText,
  type ReadDocument,
  type RestoreStep,
  type RevertPlan,
  type RunLook,
} from "../../ooxml/edit/revert-plan";
import { serialiseJournal, type FillRecord } from "../../ooxml/journal";
import { wingdingsCodes } from "../../ooxml/glyphs";
import { defaultXmlLimits, parseXml } from "../../ooxml/xml";
import { earlierParagraphPackages, queueParagraphOoxml } from "./word-controls";
import { MAX_OOXML_CHARS, parseFlatOpcPackage, describeOfficeError } from "./office-reader";
import { queueRecordRead, type RecordParts } from "./record-parts";
import {
  bodyParagraphProxy,
  isReadOnly,
  nth,
  tableProxy,
  type WBody,
  type WContext,
  type WCustomXmlParts,
  type WParagraph,
  wordRow,
} from "./word-api";

export interface WRevertContext {
  readonly document: {
    readonly body: WBody & { getOoxml(): { value: string } };
    readonly customXmlParts: WCustomXmlParts;
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

/**
 * Undoes the last fill recorded in the document open in Word. Refuses with `document_changed`
 * (naming the cells) when a cell the fill wrote was changed since, unless `force`;
 * `no_fill_to_revert` when the document holds no recorded fill; `journal_invalid` when the
 * record asks for what no fill does (see `planRevert`, shared with the .docx revert).
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
      syncs += 1 + (recorded.ok ? recorded.value.part.syncs : 0);
      if (!recorded.ok) return recorded;
      const { snapshot, fills, last, part } = recorded.value;
      const read = recorded.value.read;
      if (!read) {
        return err(
          "office_sync_failed",
          "Word did not hand over the document's contents. Save the document, reopen it and retry.",
        );
      }
      const planned = planRevert(read, last, options);
      if (!planned.ok) return planned;
      const plan = planned.value;

      // 2. One write batch: restore, delete the added rows (last first), pop the journal.
      const body = context.document.body;
      queueRevert(body, snapshot, plan, read);
      const rest = fills.slice(0, -1);
      if (rest.length > 0) part.write(serialiseJournal({ fills: rest }));
      else part.remove();
      let failure: unknown;
      try {
        await context.sync();
      } catch (e) {
        failure = e;
      }
      syncs++;

      // 3. One read-back: the body's OOXML, read as the fill reads it, and every restored cell
      // and paragraph looked for where the revert left it.
      const ooxml = body.getOoxml();
      let after: DocumentSnapshot | undefined;
      try {
        await context.sync();
        syncs++;
        // eslint-disable-next-line office-addins/load-object-before-read
        const parsed = capture(() => parseFlatOpcPackage(ooxml.value));
        if (parsed.ok) after = parsed.value.read.snapshot;
      } catch {
        syncs++;
      }
      if (!after) {
        return err(
          "office_sync_failed",
          `Word could not be read again after reverting${failure !== undefined ? ` (${describeOfficeError(failure)})` : ""}, so what was restored is unknown. Read the document again and check it.`,
        );
      }
      const back = checkReverted(read, plan, after);
      const restored = back.restored;
      const notRestored = [...back.notRestored, ...plan.kept];
      const rowsRemoved =
        failure === undefined ? plan.rowsAdded.reduce((n, d) => n + d.count, 0) : 0;
      const rowsRestored =
        failure === undefined ? plan.rowsBack.reduce((n, b) => n + b.values.length, 0) : 0;
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
 * The plan as Word calls, queued in one batch: each recorded cell and paragraph gets its earlier
 * runs back; then, from the end of the document back, rows the fill added are deleted, rows it
 * removed are inserted again with their texts, and blocks of tables it added are deleted with
 * the paragraphs around them.
 */
function queueRevert(
  body: WBody,
  snapshot: DocumentSnapshot,
  plan: RevertPlan,
  read?: ReadDocument,
): void {
  const paragraphsOf = (r: RestoreStep): WParagraph[] => {
    if (r.paragraph !== undefined) return [bodyParagraphProxy(body, snapshot, r.paragraph)];
    const t = r.table ?? 0;
    const cell = tableProxy(body, snapshot, t)?.getCellOrNullObject(
      wordRow(snapshot, t, r.row ?? 0),
      r.cell ?? 0,
    );
    if (!cell) return [];
    const n = snapshot.tables[t]?.rows[r.row ?? 0]?.cells[r.cell ?? 0]?.paragraphs.length ?? 1;
    const first = cell.body.paragraphs.getFirst();
    return Array.from({ length: n }, (_, k) => nth(first, k));
  };
  for (const r of plan.restores) {
    const ps = paragraphsOf(r);
    const current =
      r.paragraph !== undefined
        ? [snapshot.paragraphs[r.paragraph]]
        : (snapshot.tables[r.table ?? 0]?.rows[r.row ?? 0]?.cells[r.cell ?? 0]?.paragraphs ?? []);
    const m = r.earlier.length;
    // Paragraphs that held a check box, form field or bookmark get their earlier XML back.
    const packages = read ? earlierParagraphPackages(read, r.before, r.kind) : [];
    ps.forEach((p, k) => {
      if (k >= m) return;
      const now = current[k];
      const want = r.earlier[k];
      const kinds = (x: ParagraphSnapshot) => x.glyphs.map((g) => g.kind).join();
      if (now && want && now.text === want.text && kinds(now) === kinds(want)) return;
      const ooxml = packages[k];
      if (ooxml !== undefined) queueParagraphOoxml(p, ooxml);
      else queueParagraph(p, want, r.looks[k]);
    });
    // Paragraphs the fill added go (last first); paragraphs it took away come back.
    for (let k = ps.length - 1; k >= m && k > 0; k--) ps[k]?.delete();
    let tail = ps[Math.min(ps.length, m) - 1];
    for (let k = ps.length; k < m && tail; k++) {
      const added: WParagraph = tail.insertParagraph("", "After");
      queueParagraph(added, r.earlier[k], r.looks[k]);
      tail = added;
    }
  }
  const rows = plan.rowsAdded;
  for (const d of [...rows].sort((a, b) => b.table - a.table || b.row - a.row)) {
    const table = tableProxy(body, snapshot, d.table);
    for (let k = d.count - 1; k >= 0; k--)
      table?.getCellOrNullObject(wordRow(snapshot, d.table, d.row + k), 0).parentRow.delete();
  }
  // Rows the fill removed come back (last first, so earlier positions hold), with their texts;
  // Word copies the look of the row they are inserted next to.
  for (const b of [...plan.rowsBack].sort((x, y) => y.table - x.table || y.row - x.row)) {
    // Recorded rows are in the filled document's coordinates; the added rows are gone by now.
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
        b.values.map((v) => [...v]),
      );
  }
  // Blocks of tables the fill added go last, from the end of the document back: each table
  // and the paragraphs between the tables of its block. A paragraph is reached from the table
  // before it, which rows deleted or put back above do not move (and the later tables and
  // paragraphs go first).
  const parts = blockParts(snapshot, plan.tablesAdded);
  for (const g of [...parts].sort((a, b) => b.documentIndex - a.documentIndex)) {
    if (g.kind === "table") tableProxy(body, snapshot, g.table)?.delete();
    else bodyParagraphProxy(body, snapshot, g.paragraph).delete();
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
    /** The body's XML parsed and read (when it was read here). */
    read?: ReadDocument;
    fills: readonly FillRecord[];
    last: FillRecord;
    /** Every record part (merged: see record-parts.ts), to pop the fill from. */
    part: RecordParts;
  }>
> {
  const ooxml = known ? undefined : context.document.body.getOoxml();
  const pending = queueRecordRead(context.document.customXmlParts);
  await context.sync();
  const part = await pending.settle(context);
  const journal = part.journal;
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
  const parsed = capture(() => {
    const flat = parseFlatOpcPackage(text);
    return { ...flat, doc: parseXml(flat.source, defaultXmlLimits) };
  });
  if (!parsed.ok) return parsed;
  const read = { doc: parsed.value.doc, result: parsed.value.read };
  return ok({ snapshot: parsed.value.read.snapshot, read, fills, last, part });
}

/** The refusal when this Word cannot read the record of fills (below WordApi 1.4). */
function recordUnreadable(host: WordRevertHost): Result<never> | undefined {
  return host.isSetSupported("WordApi", "1.4")
    ? undefined
    : err(
        "office_requirement_missing",
        "This version of Word cannot read the record of fills kept in the document (WordApi 1.4).",
        { requirement: "WordApi 1.4" },
      );
}

/**
 * Removes every part of the record of fills from the document open in Word (the person agreed):
 * one sync reads the parts (two when there are two or more), one deletes them. `cleared` is how
 * many fills the record held (0 when it was damaged or absent).
 */
export async function clearFillRecordInWord(
  host: WordRevertHost,
): Promise<Result<{ cleared: number }>> {
  const missing = recordUnreadable(host);
  if (missing) return missing;
  try {
    return await host.run(async (context) => {
      const pending = queueRecordRead(context.document.customXmlParts);
      await context.sync();
      const parts = await pending.settle(context);
      if (parts.count === 0) return ok({ cleared: 0 });
      parts.remove();
      await context.sync();
      return ok({ cleared: parts.journal.ok ? parts.journal.value.fills.length : 0 });
    });
  } catch (e) {
    if (isReadOnly(e))
      return err(
        "office_read_only",
        "Word did not allow changes to this document (it is read-only or protected), so the record of fills was kept. Save a copy you can edit and try again.",
      );
    return err(
      "office_sync_failed",
      `Word could not clear the record of fills (${describeOfficeError(e)}). Read the document again and retry.`,
    );
  }
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
  const missing = recordUnreadable(host);
  if (missing) return missing;
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
        const earlier = capture(() => recordedText(c.before, c.kind, recorded.value.read));
        if (now === undefined || !earlier.ok) changedSince.push(name);
        else if (sameText(now, c.after)) written.push(name);
        else if (sameText(now, earlier.value)) notWritten.push(name);
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
