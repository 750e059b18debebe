/**
 * Applying an edit plan in Word with native calls (the same plan the .docx writer applies).
 *
 * One section costs two `context.sync()` calls, whatever it holds:
 * 1. the check: every target is loaded (with the fill journal) and compared with what the plan
 *    expects; if one differs, nothing is written and the answer is `document_changed`;
 * 2. one batch: the record of the fill (the journal, a custom XML part shared with the .docx
 *    writer's format) goes first, so a batch cut short can still be reverted; then the values in
 *    rows as read, the rows added or removed, the values in added rows, and the read-back of
 *    every target.
 *
 * A batch is not all-or-nothing: when it fails, the targets are read again (one sync, two when
 * rows changed, to learn which row changes are in) and the record is corrected to what is in
 * the document (one more), so the report and "Revert last fill" are exact. A pane closed
 * mid-batch leaves the record in the document: `accountLastFillInWord` reads what it reached.
 *
 * Cells are found again from the snapshot's indexes (top-level tables through `body.tables` in
 * order, nested tables through their parent cell); no proxy outlives its `Word.run`. Values go in
 * with `insertText(..., "Replace")` on the slot's paragraphs, then the paragraph's captured style
 * and font are put back (empty cells can take the default style in Word). Where WordApi 1.4 is
 * missing, or the document part's XML was not given, the fill is written but not recorded, and
 * the report says it cannot be reverted.
 */
import type { Edit, EditPlan, Location } from "../../domain/edits";
import { err, ok, type ErrorCode, type Result } from "../../domain/result";
import type { DocumentSnapshot } from "../../domain/snapshot";
import {
  applyEditPlan,
  type AppliedPlan,
  type EditOutcome,
  type JournalChange,
} from "../../ooxml/edit/apply";
import { flatOpcPackage } from "../../ooxml/package";
import { readWordDocument, type WordIndex } from "../../ooxml/wordml";
import { parseXml } from "../../ooxml/xml";
import { addedTablesRange, serialiseJournal, type FillRecord } from "../../ooxml/journal";
import { describeOfficeError } from "./office-reader";
import { queueRecordRead, type PendingRecord, type RecordParts } from "./record-parts";
import { wordRefusal } from "./word-host";
import { readPackage } from "./word-texts";
import {
  clip,
  isReadOnly,
  Proxies,
  sameText,
  tableProxy,
  type WBody,
  type WContext,
  type WCustomXmlParts,
  type WordWriteHost,
  type WTable,
  wordRowCount,
} from "./word-api";
import {
  isContent,
  occurrence,
  PARAGRAPH_PROPS,
  queueContent,
  queueStructure,
  slotParagraphTexts,
  slotTexts,
  structureMap,
  structurePosition,
  targets,
  textsWith,
  wantedText,
  type Slot,
  type StructureMap,
  type Target,
} from "./write-targets";

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

export type OfficeFillOptions = {
  readonly label: string;
  readonly now: Date;
  /**
   * The document part's XML as read (from `body.getOoxml()`), so the journal records each cell's
   * exact earlier XML, and rows and values can go in one batch. Without it, the fill is not
   * recorded (it cannot be reverted), and a plan that adds or removes rows is refused.
   */
  readonly source?: string;
};

/** The journal's XML and record of this fill, as queued in the write batch. */
type Recording = {
  readonly earlier: readonly FillRecord[];
  readonly record: FillRecord;
  /** The record's parts as read with the check (written into one part). */
  readonly parts: RecordParts;
};

/**
 * Writes an edit plan into the document open in Word. Answers `document_changed` (nothing
 * written) when a target differs from what the plan expects; otherwise a report of what is and
 * is not in the document, with the error when Word stopped or refused part of the way.
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
  // Nothing to write (the document already holds the data): no round trip, nothing recorded.
  if (edits.length === 0) return ok({ written: [], notWritten: [], notices, syncs });
  // The fill as the .docx code applies it to the XML read: the record of what it changes and,
  // when rows or tables are added or removed, the document the values are written into.
  const applied = options.source ? applyEditPlan(options.source, plan) : undefined;
  if (applied && !applied.ok) return applied;
  const layout = structureLayout(snapshot, plan, options.source, applied?.value);
  if (!layout.ok) return layout;
  const { after, map, blocks, final } = layout.value;
  const journalOk = host.isSetSupported("WordApi", "1.4");
  if (!journalOk)
    notices.push(
      "This version of Word cannot keep the record of fills (WordApi 1.4), so this fill cannot be reverted from PlanAssist.",
    );
  else if (!options.source)
    notices.push(
      "The document's XML was not given, so this fill was not recorded and cannot be reverted from PlanAssist.",
    );
  try {
    return await host.run(async (context) => {
      const body = context.document.body;
      // Every proxy of the document as read is made once and reused by the check and the write.
      const proxies = new Proxies(body, snapshot);
      const ts = targets(proxies, after, plan, map);
      // The journal is read with the check, so recording the fill costs no sync of its own.
      const parts = journalOk && options.source ? context.document.customXmlParts : undefined;
      if (journalOk && options.source && !parts)
        notices.push(
          "This Word does not give access to the document's custom XML parts, so this fill was not recorded and cannot be reverted from PlanAssist.",
        );
      const pendingRecord = parts ? queueRecordRead(parts) : undefined;

      // 1. The check: Word's own OOXML of the body (read with the .docx code and compared with
      // what was read before, never Word's `.text`: see word-texts.ts) and every target's look,
      // in one sync.
      const now = body.getOoxml();
      for (const t of ts) {
        for (const c of t.cells) c.load("isNullObject");
        for (const p of t.checked) p.load(PARAGRAPH_PROPS);
        const e = t.edit;
        if (e.kind === "set-text" && e.location.kind === "paragraph" && t.checked[0]) {
          // The blank is found by searching for it; its occurrence counted left to right.
          const text = snapshot.paragraphs[e.location.paragraph]?.text ?? "";
          const span = text.slice(e.location.start ?? 0, e.location.end ?? text.length);
          if (span.length > 0) {
            const collection = t.checked[0].search(span, { matchCase: true });
            collection.load("items");
            t.hits = { collection, index: occurrence(text, span, e.location.start ?? 0) };
          }
        }
      }
      try {
        await context.sync();
        syncs++;
      } catch (e) {
        syncs++;
        // Only reads were queued: nothing is in the document. Word answers ItemNotFound when a
        // cell or paragraph the check reaches is not there (a null cell's body, a row deleted).
        if ((e as { code?: string })?.code === "ItemNotFound")
          return err(
            "document_changed",
            "The document changed since it was read, so nothing was written: a cell the plan writes to is gone (deleted by someone else?). PlanAssist reads it again; check the values and write again.",
          );
        return ok({
          written: [],
          notWritten: edits.map((edit) => ({ edit, status: "failed" as const })),
          error: {
            code: isReadOnly(e) ? "office_read_only" : "office_sync_failed",
            message: `Word stopped before anything was written (${describeOfficeError(e)}). Nothing was written; write again.`,
          },
          notices,
          syncs,
        });
      }
      // A ClientResult's value is set by the sync above (the rule does not see through try).
      // eslint-disable-next-line office-addins/load-object-before-read
      const fresh = readPackage(now.value);
      if (!fresh) {
        return ok({
          written: [],
          notWritten: edits.map((edit) => ({ edit, status: "failed" as const })),
          error: {
            code: "office_sync_failed" as const,
            message:
              "Word's description of the document could not be read, so nothing was written. Read the document again and write again.",
          },
          notices,
          syncs,
        });
      }
      const differences: string[] = [];
      for (const t of ts) {
        const found = slotParagraphTexts(t.read, fresh);
        if (t.cells.some((c) => c.isNullObject) || found.some((x) => x === undefined)) {
          differences.push(`${where(t.edit)}: the cell is gone (deleted by someone else?)`);
          continue;
        }
        const expected = slotParagraphTexts(t.read, snapshot).join("\n");
        if (found.join("\n") !== expected) {
          differences.push(
            `${where(t.edit)}: expected "${clip(expected)}", found "${clip(found.join("\n"))}"`,
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

      // 2. What each written paragraph holds before and will hold after.
      for (const t of ts) {
        if (isContent(t.edit))
          t.before = t.inAdded
            ? slotTexts(t, after)
            : slotParagraphTexts(t.read, fresh).map((x) => x ?? "");
      }
      const wanted = ts.map((t) => (isContent(t.edit) ? wantedText(t.edit, t.before, edits) : []));
      // Cells of added rows get their whole text with the rows; cells of added tables with the
      // tables' XML (the .docx writer's, values included).
      const rowCells = textsWith(ts, after, (t, i) => (t.inAdded ? wanted[i] : undefined)).cells;
      const expect = ts.map((t, i) =>
        !isContent(t.edit)
          ? []
          : t.inAdded
            ? distinctCells(t).map(([tb, r, c]) =>
                (
                  rowCells.get(`${tb}/${r}/${c}`) ??
                  final?.tables[tb]?.rows[r]?.cells[c]?.paragraphs.map((p) => p.text) ??
                  []
                ).join("\n"),
              )
            : (wanted[i] ?? []),
      );
      let recording: Recording | undefined;
      const recordParts =
        parts && applied?.ok && applied.value.changed
          ? await pendingRecord?.settle(context)
          : undefined;
      syncs += recordParts?.syncs ?? 0;
      if (recordParts && applied?.ok && applied.value.changed) {
        const journal = recordParts.journal;
        if (!journal.ok)
          notices.push(
            "The record of earlier fills kept in this document was damaged, so it was started again: earlier fills cannot be reverted from PlanAssist.",
          );
        recording = {
          earlier: journal.ok ? journal.value.fills : [],
          parts: recordParts,
          record: {
            at: options.now.toISOString(),
            label: options.label,
            changes: journalChanges(applied.value.changes, after, ts, wanted),
          },
        };
      }

      // 3. One batch: the record of the fill first (so a fill cut short can still be reverted),
      // the values in rows as read (their places hold until the structure changes), then the
      // structural edits from the end of the document back (each leaves the places of those
      // before it alone), with the values of added rows and tables, then the read-back.
      if (recording) {
        const xml = serialiseJournal({ fills: [...recording.earlier, recording.record] });
        recording.parts.write(xml);
      }
      ts.forEach((t, i) => {
        if (isContent(t.edit) && !t.inAdded) queueContent(t.edit, t, wanted[i] ?? []);
      });
      const structure = ts
        .filter((t) => !isContent(t.edit))
        .sort((x, y) => {
          const [a1, a2] = structurePosition(x.edit);
          const [b1, b2] = structurePosition(y.edit);
          return b1 - a1 || b2 - a2;
        });
      for (const t of structure) {
        const rows = rowValues(t.edit, after, map, rowCells);
        const ooxml = blocks.get(t.edit);
        queueStructure(t, proxies, {
          ...(rows ? { rows } : {}),
          ...(ooxml !== undefined ? { ooxml } : {}),
        });
      }
      const all: States = { blocks: "all", rows: () => "all", body: "all" };
      // The read-back: the body's OOXML after the writes (one more full-body getOoxml).
      const backRead = bodyRead(body.getOoxml());
      const back = ts.map((t) => locateReading(backRead, map, t, all));
      // Each table written in is counted again: rows added or deleted by someone else between the
      // check and this batch would move the values to other rows. The tables are found where the
      // structural edits queued above leave them.
      const proxiesAfter = after === snapshot ? proxies : new Proxies(body, after);
      const counted = [
        ...new Set(ts.flatMap((t) => t.slots.flatMap((s) => (s.kind === "cell" ? [s.table] : [])))),
      ].map((table) => ({ table, proxy: proxiesAfter.table(table) }));
      for (const c of counted) c.proxy?.load("rowCount");
      let failure: unknown;
      try {
        await context.sync();
        syncs++;
      } catch (e) {
        syncs++;
        failure = e;
      }
      if (failure === undefined) {
        const moved = counted
          .filter((c) => c.proxy && c.proxy.rowCount !== wordRowCount(after, c.table))
          .map((c) => c.table);
        const { written, notWritten } = account(ts, expect, back, all);
        if (moved.length === 0) return ok({ written, notWritten, notices, syncs });
        const inMoved = (o: EditOutcome) =>
          isContent(o.edit) &&
          (ts.find((t) => t.edit === o.edit)?.slots ?? []).some(
            (s) => s.kind === "cell" && moved.includes(s.table),
          );
        const names = moved.map((t) => `table ${t + 1}`).join(", ");
        return ok({
          written: written.filter((o) => !inMoved(o)),
          notWritten: [
            ...notWritten,
            ...written.filter(inMoved).map((o) => ({
              ...o,
              status: "failed" as const,
              message: `${names} gained or lost rows while PlanAssist wrote, so this value may be in another row`,
            })),
          ],
          error: {
            code: "document_changed",
            message: `Someone changed the rows of ${names} while PlanAssist wrote, so some values may have gone into other rows. Check ${names}, or use Revert last fill, then write again.`,
          },
          notices,
          syncs,
        });
      }

      // 4. A batch is not all-or-nothing: read again what is in the document.
      const again = await readAgain(context, body, ts, snapshot, after, map, parts);
      syncs += again.syncs;
      if (!again.ok) {
        return err(
          "office_sync_failed",
          `Word stopped while writing (${describeOfficeError(failure)}) and could not be read again, so what was written is unknown.${recording ? " The fill is recorded in the document: Revert last fill undoes whatever of it was written." : ""} Read the document again and check it before writing.`,
        );
      }
      const { written, notWritten } = account(ts, expect, again.readings, again.states);
      if (recording) {
        const fixed = await fixRecording(
          context,
          recording,
          again.journal,
          ts,
          again.readings,
          after,
          again.states,
          map,
        );
        syncs += fixed.syncs;
        if (!fixed.ok)
          notices.push(
            "The record of this fill could not be corrected, so it may list cells that were not written; Revert last fill leaves those as they are.",
          );
      }
      const readOnly = isReadOnly(failure);
      // Protection and Viewing mode are said as such (word-host.ts), read-only as before.
      const refusal = readOnly
        ? undefined
        : wordRefusal(failure, undefined, { nothingWritten: written.length === 0 });
      if (refusal) return ok({ written, notWritten, error: refusal, notices, syncs });
      return ok({
        written,
        notWritten,
        error: {
          code: readOnly ? "office_read_only" : "office_sync_failed",
          message: readOnly
            ? `Word did not allow changes to this document (it is read-only or protected). ${written.length === 0 ? "Nothing was written." : `${written.length} edit(s) were written before Word refused; the rest were not.`} Save a copy you can edit, or ask its owner, then write again.`
            : `Word stopped while writing (${describeOfficeError(failure)}). ${written.length} edit(s) are in the document and ${notWritten.length} are not; the list says which. Write again to finish.`,
        },
        notices,
        syncs,
      });
    });
  } catch (e) {
    if (isReadOnly(e)) {
      return err(
        "office_read_only",
        "Word did not allow changes to this document (it is read-only or protected). Nothing was written. Save a copy you can edit, then write again.",
      );
    }
    const refusal = wordRefusal(e, undefined);
    if (refusal) return err(refusal.code, refusal.message);
    return err(
      "office_sync_failed",
      `Word could not be reached while writing (${describeOfficeError(e)}). Nothing is known to be written; read the document again.`,
    );
  }
}

/** Whether structural edits are in the document: all of them, none, or some. */
type State = "all" | "none" | "some";

/**
 * The state of the added blocks of tables, of each table's row edits (table as read), and of
 * the body paragraphs, which move with every structural edit above them.
 */
type States = {
  readonly blocks: State;
  readonly rows: (table: number) => State;
  readonly body: State;
};

/** The document after the plan's structural edits, and how it relates to the document as read. */
type Layout = {
  readonly after: DocumentSnapshot;
  readonly map: StructureMap;
  /** Each insert-block edit's XML to insert (a flat OPC package), values included. */
  readonly blocks: ReadonlyMap<Edit, string>;
  /** The document after the whole plan (for the texts of added tables). */
  readonly final?: DocumentSnapshot;
};

function structureLayout(
  snapshot: DocumentSnapshot,
  plan: EditPlan,
  source: string | undefined,
  applied: AppliedPlan | undefined,
): Result<Layout> {
  if (plan.structure.length === 0)
    return ok({ after: snapshot, map: structureMap(snapshot, plan), blocks: new Map() });
  // The .docx code's pass over the structure gives the document the values are written into.
  const parsed = applied?.structured?.read;
  if (!source || !applied || !parsed) {
    return err(
      "office_requirement_missing",
      "Adding or removing rows in Word needs the document as it was read. Read the document again, then write again.",
    );
  }
  const spans = (changes: readonly JournalChange[], index: WordIndex) =>
    changes.flatMap((c) => {
      if (c.kind !== "tables-added") return [];
      // The added tables with the paragraphs the .docx writer put around them.
      const range = addedTablesRange(index, c.table, c.count, c.separators ?? 0);
      return range ? [{ start: range[0], end: range[1] }] : [];
    });
  const map = structureMap(snapshot, plan, {
    index: parsed.index,
    // Content edits add no tables: the whole plan's records of added tables count the same.
    added: spans(applied.changes, parsed.index),
  });
  const blockEdits = plan.structure.filter((e) => e.kind === "insert-block");
  if (blockEdits.length === 0) return ok({ after: parsed.snapshot, map, blocks: new Map() });
  // The blocks go in as the .docx writer makes them from the whole plan: labels and values.
  const full = readWordDocument(parseXml(applied.source));
  const fullSpans = spans(applied.changes, full.index);
  const body = full.index.body;
  const root = body.parent;
  const open = (el: { start: number; openEnd: number }) =>
    applied.source.slice(el.start, el.openEnd);
  const blocks = new Map<Edit, string>();
  blockEdits.forEach((e, i) => {
    const span = fullSpans[i];
    if (!span || !root) return;
    blocks.set(
      e,
      flatOpcPackage(
        `${open(root)}${open(body)}${applied.source.slice(span.start, span.end)}</${body.name}></${root.name}>`,
      ),
    );
  });
  return ok({ after: parsed.snapshot, map, blocks, final: full.snapshot });
}

/** The cells (table, row, cell) a content edit's slots are in, each once. */
function distinctCells(t: Target): [number, number, number][] {
  const seen = new Set<string>();
  const out: [number, number, number][] = [];
  for (const s of t.slots) {
    if (s.kind !== "cell" || seen.has(`${s.table}/${s.row}/${s.cell}`)) continue;
    seen.add(`${s.table}/${s.row}/${s.cell}`);
    out.push([s.table, s.row, s.cell]);
  }
  return out;
}

/** The table after the structural edits that a table as read is. */
function tableAfter(map: StructureMap, after: DocumentSnapshot, table: number): number {
  const k = after.tables.findIndex((_, i) => map.table(i) === table);
  return k < 0 ? table : k;
}

/**
 * For insert-rows: each new row's cell texts, as `insertRows` takes them (paragraphs on their own
 * lines, line breaks inside a paragraph as vertical tabs): labels, with values where given.
 */
function rowValues(
  e: Edit,
  after: DocumentSnapshot,
  map: StructureMap,
  rowCells: ReadonlyMap<string, readonly string[]>,
): string[][] | undefined {
  if (e.kind !== "insert-rows") return undefined;
  const table = tableAfter(map, after, e.table);
  const out: string[][] = [];
  map.rows(e.table).forEach((o, r) => {
    if (!("added" in o) || o.added !== e) return;
    out.push(
      (after.tables[table]?.rows[r]?.cells ?? []).map((c, ci) =>
        (rowCells.get(`${table}/${r}/${ci}`) ?? c.paragraphs.map((p) => p.text))
          .map((x) => x.replace(/\n/g, "\v"))
          .join("\n"),
      ),
    );
  });
  return out;
}

/**
 * Where a target's read-back finds its texts in the body as Word gives it after the write (its
 * OOXML, read with the .docx code; never Word's `.text`): its slots, given the states of the
 * structural edits, or (in an added row or table) its cells' whole texts. `absent` when its row
 * or table is not in the document; `unknown` when where it is cannot be told.
 */
type Reading =
  | { readonly kind: "paragraphs" | "cells"; readonly texts: () => string[] | undefined }
  | { readonly kind: "absent" | "unknown" | "none" };

/** The body's OOXML fetched by a sync, read once when first asked. */
type BodyRead = { readonly doc: () => DocumentSnapshot | undefined };

function bodyRead(ooxml: { value: string }): BodyRead {
  let doc: DocumentSnapshot | undefined | null = null;
  return {
    doc: () => {
      if (doc === null) doc = readPackage(ooxml.value);
      return doc;
    },
  };
}

function locateReading(back: BodyRead, map: StructureMap, t: Target, states: States): Reading {
  if (!isContent(t.edit)) return { kind: "none" };
  if (t.inAdded) {
    const cells = distinctCells(t);
    for (const [table] of cells) {
      const read = map.table(table);
      const rowsState = read === undefined ? states.blocks : states.rows(read);
      if (states.blocks === "some" || rowsState === "some") return { kind: "unknown" };
      if (states.blocks === "none" || rowsState === "none") return { kind: "absent" };
    }
    return {
      kind: "cells",
      texts: () => {
        const doc = back.doc();
        if (!doc) return undefined;
        const out: string[] = [];
        for (const [table, row, cell] of cells) {
          const c = doc.tables[table]?.rows[row]?.cells[cell];
          if (!c) return undefined;
          out.push(c.paragraphs.map((p) => p.text).join("\n"));
        }
        return out;
      },
    };
  }
  // Each slot where the document now has it (the body after all or none of the structural edits).
  const slots: Slot[] = [];
  for (const s of t.slots) {
    if (s.kind === "paragraph") {
      if (states.body === "all") slots.push(s);
      else if (states.body === "none") {
        const k = map.paragraph(s.paragraph);
        if (k === undefined) return { kind: "absent" };
        slots.push({ ...s, paragraph: k });
      } else return { kind: "unknown" };
      continue;
    }
    const read = map.table(s.table);
    if (read === undefined) return { kind: "absent" };
    const rowsState = states.rows(read);
    if (states.blocks === "some" || rowsState === "some") return { kind: "unknown" };
    // The table is found where the blocks left it; the row where the row edits left it.
    const table = states.blocks === "all" ? s.table : read;
    let row = s.row;
    if (rowsState === "none") {
      const origin = map.rows(read)[s.row];
      if (!origin || "added" in origin) return { kind: "absent" };
      row = origin.before;
    }
    slots.push({ ...s, table, row });
  }
  return {
    kind: "paragraphs",
    texts: () => {
      const doc = back.doc();
      if (!doc) return undefined;
      const texts = slotParagraphTexts(slots, doc);
      return texts.some((x) => x === undefined) ? undefined : (texts as string[]);
    },
  };
}

/** Which edits are in the document, from what was read back and the structural states. */
function account(
  ts: readonly Target[],
  expect: readonly (readonly string[])[],
  readings: readonly Reading[],
  states: States,
): { written: EditOutcome[]; notWritten: EditOutcome[] } {
  const written: EditOutcome[] = [];
  const notWritten: EditOutcome[] = [];
  ts.forEach((t, i) => {
    const e = t.edit;
    if (!isContent(e)) {
      const state = e.kind === "insert-block" ? states.blocks : states.rows(e.table);
      if (state === "all") written.push({ edit: e, status: "written" });
      else
        notWritten.push({
          edit: e,
          status: "failed",
          ...(state === "some"
            ? { message: `${where(e)} has only some of its changes; check it` }
            : {}),
        });
      return;
    }
    const r = readings[i];
    if (!r || (r.kind !== "paragraphs" && r.kind !== "cells")) {
      notWritten.push({
        edit: e,
        status: "failed",
        message:
          r?.kind === "absent"
            ? `${where(e)} is in a row or table that was not added`
            : `${where(e)} could not be read again`,
      });
      return;
    }
    const now = r.texts();
    if (!now) {
      notWritten.push({
        edit: e,
        status: "failed",
        message: `${where(e)} could not be read again`,
      });
      return;
    }
    const want = expect[i] ?? [];
    const holds = now.length === want.length && now.every((x, k) => sameText(x, want[k] ?? ""));
    if (holds) written.push({ edit: e, status: "written" });
    else
      notWritten.push({
        edit: e,
        status: "failed",
        message: `${where(e)} holds "${clip(now.join(" / "))}"`,
      });
  });
  return { written, notWritten };
}

type ReadAgain =
  | {
      readonly ok: true;
      readonly syncs: number;
      readonly readings: readonly Reading[];
      readonly states: States;
      readonly journal?: PendingRecord;
    }
  | { readonly ok: false; readonly syncs: number };

/**
 * After a failed batch: which structural edits are in (by the number of tables and each changed
 * table's row count), then every target read where it now is. One sync, two when the plan adds
 * or removes rows or tables.
 */
async function readAgain(
  context: WContext,
  body: WBody,
  ts: readonly Target[],
  snapshot: DocumentSnapshot,
  after: DocumentSnapshot,
  map: StructureMap,
  parts: WCustomXmlParts | undefined,
): Promise<ReadAgain> {
  let syncs = 0;
  const record = parts ? queueRecordRead(parts) : undefined;
  const hasBlocks = ts.some((t) => t.edit.kind === "insert-block");
  const changed = [
    ...new Set(
      ts.flatMap((t) =>
        t.edit.kind === "insert-rows" || t.edit.kind === "remove-rows" ? [t.edit.table] : [],
      ),
    ),
  ];
  let blocks: State = "all";
  const rows = new Map<number, State>();
  // Each changed table's rows, counted where it is without the blocks (first sync) and, once the
  // blocks are known to be in, where they left it (second sync: a table proxy past the last table
  // would make Word refuse the whole batch, ItemNotFound).
  const proxies = changed.map((table) => ({
    table,
    before: tableProxy(body, snapshot, table),
    after: undefined as WTable | undefined,
  }));
  if (changed.length > 0 || hasBlocks) {
    for (const p of proxies) p.before?.load("rowCount");
    if (hasBlocks) body.tables.load("items");
    try {
      await context.sync();
      syncs++;
    } catch {
      return { ok: false, syncs: syncs + 1 };
    }
    if (hasBlocks) {
      // Word's top-level tables: one for each run of tables it joined.
      const topLevel = (s: DocumentSnapshot) =>
        new Set(s.tables.filter((t) => !t.parent).map((t, i) => t.bodyTableIndex ?? `t${i}`)).size;
      const n = body.tables.items.length;
      blocks = n === topLevel(after) ? "all" : n === topLevel(snapshot) ? "none" : "some";
    }
  }
  if (hasBlocks && blocks === "all") {
    const made = new Proxies(body, after);
    for (const p of proxies) {
      p.after = made.table(tableAfter(map, after, p.table));
      p.after?.load("rowCount");
    }
  }
  const backRead = bodyRead(body.getOoxml());
  try {
    await context.sync();
    syncs++;
  } catch {
    return { ok: false, syncs: syncs + 1 };
  }
  for (const p of proxies) {
    const proxy =
      blocks === "all" ? (p.after ?? p.before) : blocks === "none" ? p.before : undefined;
    const count = proxy?.rowCount;
    // Word's table, which holds more than this table's rows where Word joined tables.
    const expected = wordRowCount(after, tableAfter(map, after, p.table));
    rows.set(
      p.table,
      count === undefined
        ? "some"
        : count === expected
          ? "all"
          : count === wordRowCount(snapshot, p.table)
            ? "none"
            : "some",
    );
  }
  const every = [...(hasBlocks ? [blocks] : []), ...rows.values()];
  const states: States = {
    blocks,
    rows: (table) => rows.get(table) ?? "all",
    body: every.every((x) => x === "all")
      ? "all"
      : every.every((x) => x === "none")
        ? "none"
        : "some",
  };
  const readings = ts.map((t) => locateReading(backRead, map, t, states));
  return { ok: true, syncs, readings, states, ...(record ? { journal: record } : {}) };
}

/**
 * After a failed batch: makes the record of the fill say what is in the document (or takes it
 * away when nothing is), so "Revert last fill" undoes exactly this fill. One sync.
 */
async function fixRecording(
  context: WContext,
  recording: Recording,
  journal: PendingRecord | undefined,
  ts: readonly Target[],
  readings: readonly Reading[],
  after: DocumentSnapshot,
  states: States,
  map: StructureMap,
): Promise<{ ok: boolean; syncs: number }> {
  if (!journal) return { ok: false, syncs: 0 };
  // Where the read could not tell, the record stays as it was (a forced revert restores them).
  const unknown = new Set<string>();
  ts.forEach((t, i) => {
    const r = readings[i];
    const unreadable = r?.kind === "unknown" || (r?.kind === "paragraphs" && !r.texts());
    if (!t.inAdded && unreadable)
      for (const s of t.slots)
        unknown.add(s.kind === "cell" ? `${s.table}/${s.row}/${s.cell}` : `p${s.paragraph}`);
  });
  // What each cell and body paragraph the fill reached holds now (an edit cut short can have
  // changed some of its paragraphs): those stay recorded, with what they hold as their "after".
  const { cells, paragraphs } = textsWith(ts, after, (t, i) => {
    const r = readings[i];
    if (t.inAdded || r?.kind !== "paragraphs") return undefined;
    const now = r.texts();
    if (!now) return undefined;
    return now.every((x, k) => sameText(x, t.before[k] ?? "")) ? undefined : now;
  });
  // The record names places in the document as the fill left it: where a block or a table's
  // row edits are not in, the tables and rows after them are where they were read.
  const tableNow = (table: number) =>
    states.blocks === "all" || states.blocks === "some" ? table : map.table(table);
  const changes = recording.record.changes.flatMap((c): JournalChange[] => {
    switch (c.kind) {
      case "cell": {
        const key = `${c.table}/${c.row}/${c.cell}`;
        const now = cells.get(key);
        const kept = now ? { ...c, after: now.join("\n") } : unknown.has(key) ? c : undefined;
        if (!kept) return [];
        const read = map.table(c.table);
        const table = tableNow(c.table);
        if (read === undefined || table === undefined) return [];
        if (states.rows(read) !== "none") return [{ ...kept, table }];
        const origin = map.rows(read)[c.row];
        return origin && !("added" in origin) ? [{ ...kept, table, row: origin.before }] : [];
      }
      case "paragraph": {
        const now = paragraphs.get(c.paragraph);
        const kept =
          now !== undefined ? { ...c, after: now } : unknown.has(`p${c.paragraph}`) ? c : undefined;
        if (!kept) return [];
        if (states.body !== "none") return [kept];
        const k = map.paragraph(c.paragraph);
        return k === undefined ? [] : [{ ...kept, paragraph: k }];
      }
      case "rows-added":
      case "rows-removed": {
        // Recorded in the coordinates of the filled document.
        const read = map.table(c.table);
        const table = tableNow(c.table);
        return read !== undefined && table !== undefined && states.rows(read) === "all"
          ? [{ ...c, table }]
          : [];
      }
      case "tables-added":
        return states.blocks === "all" ? [c] : [];
    }
  });
  const fills = [
    ...recording.earlier,
    ...(changes.length > 0 ? [{ ...recording.record, changes }] : []),
  ];
  let record: RecordParts;
  try {
    record = await journal.settle(context);
  } catch {
    return { ok: false, syncs: 1 };
  }
  if (fills.length > 0) record.write(serialiseJournal({ fills }));
  else if (record.count > 0) record.remove();
  else return { ok: true, syncs: record.syncs };
  try {
    await context.sync();
    return { ok: true, syncs: record.syncs + 1 };
  } catch {
    return { ok: false, syncs: record.syncs + 1 };
  }
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

/**
 * The record of this fill: the changes the .docx code computes from the XML read (each cell's
 * exact earlier XML, rows added or removed, in the coordinates of the filled document), with each
 * cell's text after the fill as Word will show it (what revert compares before restoring).
 */
function journalChanges(
  changes: readonly JournalChange[],
  after: DocumentSnapshot,
  ts: readonly Target[],
  wanted: readonly (readonly string[])[],
): JournalChange[] {
  const { cells, paragraphs } = textsWith(ts, after, (_, i) => wanted[i]);
  return changes.map((c) => {
    if (c.kind === "cell") {
      const texts = cells.get(`${c.table}/${c.row}/${c.cell}`);
      return texts ? { ...c, after: texts.join("\n") } : c;
    }
    if (c.kind === "paragraph") {
      const text = paragraphs.get(c.paragraph);
      return text !== undefined ? { ...c, after: text } : c;
    }
    return c;
  });
}
