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
import { readWordDocument, type WordIndex } from "../../ooxml/wordml";
import { parseXml } from "../../ooxml/xml";
import { addedTablesRange, serialiseJournal, type FillRecord } from "../../ooxml/journal";
import { blockPackager } from "./office-insert";
import { describeOfficeError } from "./office-reader";
import { queueRecordRead, type PendingRecord, type RecordParts } from "./record-parts";
import { wordRefusal } from "./word-host";
import { readPackage } from "./word-texts";
import { markControlWrites, unwritableBoxes } from "./word-controls";
import {
  clip,
  isReadOnly,
  Proxies,
  sameText,
  tableProxy,
  type WBody,
  type WContext,
  type WCustomXmlPart,
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
 *
 * The steps, each a function below: the check before the write (`queueCheck`, `runCheck`,
 * `differencesFrom`), what each target holds after the write (`expectations`), the record of
 * the fill (`startRecording`), the write batch with its read-back (`queueWrite`,
 * `queueReadBack`), and the account of what is in (`accountWritten`, or `accountFailedBatch`
 * after a batch Word stopped).
 */
export async function writePlanInWord(
  host: WordWriteHost,
  snapshot: DocumentSnapshot,
  plan: EditPlan,
  options: OfficeFillOptions,
): Promise<Result<OfficeFillReport>> {
  const edits: Edit[] = [...plan.structure, ...plan.content];
  // Nothing to write (the document already holds the data): no round trip, nothing recorded.
  if (edits.length === 0) return ok({ written: [], notWritten: [], notices: [], syncs: 0 });
  const prepared = prepareWrite(host, snapshot, plan, options);
  if (!prepared.ok) return prepared;
  const w = prepared.value;
  try {
    return await host.run(async (context) => {
      const body = context.document.body;
      // Every proxy of the document as read is made once and reused by the check and the write.
      const proxies = new Proxies(body, snapshot);
      const ts = targets(proxies, w.after, plan, w.map);
      // The journal is read with the check, so recording the fill costs no sync of its own.
      const parts = w.journalOk && options.source ? context.document.customXmlParts : undefined;
      if (w.journalOk && options.source && !parts)
        w.notices.push(
          "This Word does not give access to the document's custom XML parts, so this fill was not recorded and cannot be reverted from PlanAssist.",
        );
      const check = queueCheck(body, ts, snapshot, parts);
      const checked = await runCheck(context, check, w);
      if (!checked.ok) return checked.result;
      const fresh = checked.fresh;
      const changed = differencesFrom(ts, fresh, snapshot);
      if (changed) return changed;
      const expected = expectations(ts, w, fresh, edits);
      const recording = parts
        ? await startRecording(context, w, check, ts, expected.wanted, options)
        : undefined;
      const journal = queueWrite(ts, proxies, w, expected, recording, check);
      const back = queueReadBack(body, ts, proxies, snapshot, w);
      let failure: unknown;
      try {
        await context.sync();
        w.syncs++;
      } catch (e) {
        w.syncs++;
        failure = e;
      }
      if (failure === undefined)
        return accountWritten(context, body, ts, expected, back, w, { recording, journal });
      // A batch is not all-or-nothing: read again what is in the document.
      return accountFailedBatch(context, body, ts, snapshot, w, expected.expect, {
        failure,
        recording,
        parts,
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

/** What a write knows before its first round trip, and what it gathers as it goes. */
type Write = Layout & {
  readonly edits: readonly Edit[];
  /** The fill as the .docx code applies it to the XML read (when that XML was given). */
  readonly applied?: AppliedPlan;
  /** Whether this Word keeps custom XML parts (WordApi 1.4), where the fill is recorded. */
  readonly journalOk: boolean;
  readonly options: OfficeFillOptions;
  readonly notices: string[];
  syncs: number;
};

/**
 * Before any round trip: the fill as the .docx code applies it to the XML read (the record of
 * what it changes and, when rows or tables are added or removed, the document the values are
 * written into), and the notices on what this Word cannot record.
 */
function prepareWrite(
  host: WordWriteHost,
  snapshot: DocumentSnapshot,
  plan: EditPlan,
  options: OfficeFillOptions,
): Result<Write> {
  const applied = options.source ? applyEditPlan(options.source, plan) : undefined;
  if (applied && !applied.ok) return applied;
  const layout = structureLayout(snapshot, plan, options.source, applied?.value);
  if (!layout.ok) return layout;
  const notices: string[] = [];
  const journalOk = host.isSetSupported("WordApi", "1.4");
  if (!journalOk)
    notices.push(
      "This version of Word cannot keep the record of fills (WordApi 1.4), so this fill cannot be reverted from PlanAssist.",
    );
  else if (!options.source)
    notices.push(
      "The document's XML was not given, so this fill was not recorded and cannot be reverted from PlanAssist.",
    );
  return ok({
    ...layout.value,
    edits: [...plan.structure, ...plan.content],
    ...(applied ? { applied: applied.value } : {}),
    journalOk,
    options,
    notices,
    syncs: 0,
  });
}

/** What the check queued: the body's OOXML and the record's parts. */
type Check = {
  readonly now: { value: string };
  readonly record?: PendingRecord;
};

/**
 * Queues the check: Word's own OOXML of the body (read with the .docx code and compared with
 * what was read before, never Word's `.text`: see word-texts.ts), every target's look, and the
 * journal, for one sync.
 */
function queueCheck(
  body: WBody,
  ts: readonly Target[],
  snapshot: DocumentSnapshot,
  parts: WCustomXmlParts | undefined,
): Check {
  const record = parts ? queueRecordRead(parts) : undefined;
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
  return { now, ...(record ? { record } : {}) };
}

/**
 * The check's sync, and the document Word gave for it (read with the .docx code); or the answer
 * when Word stopped or gave nothing readable (nothing is written then).
 */
async function runCheck(
  context: WContext,
  check: Check,
  w: Write,
): Promise<
  { ok: true; fresh: DocumentSnapshot } | { ok: false; result: Result<OfficeFillReport> }
> {
  const nothingWritten = (code: ErrorCode, message: string) => ({
    ok: false as const,
    result: ok({
      written: [],
      notWritten: w.edits.map((edit) => ({ edit, status: "failed" as const })),
      error: { code, message },
      notices: w.notices,
      syncs: w.syncs,
    }),
  });
  try {
    await context.sync();
    w.syncs++;
  } catch (e) {
    w.syncs++;
    // Only reads were queued: nothing is in the document. Word answers ItemNotFound when a
    // cell or paragraph the check reaches is not there (a null cell's body, a row deleted).
    if ((e as { code?: string })?.code === "ItemNotFound")
      return {
        ok: false,
        result: err(
          "document_changed",
          "The document changed since it was read, so nothing was written: a cell the plan writes to is gone (deleted by someone else?). PlanAssist reads it again; check the values and write again.",
        ),
      };
    return nothingWritten(
      isReadOnly(e) ? "office_read_only" : "office_sync_failed",
      `Word stopped before anything was written (${describeOfficeError(e)}). Nothing was written; write again.`,
    );
  }
  // A ClientResult's value is set by the sync above.
  const fresh = readPackage(check.now.value);
  if (!fresh)
    return nothingWritten(
      "office_sync_failed",
      "Word's description of the document could not be read, so nothing was written. Read the document again and write again.",
    );
  return { ok: true, fresh };
}

/** `document_changed` naming what differs, when a target no longer holds what was read. */
function differencesFrom(
  ts: readonly Target[],
  fresh: DocumentSnapshot,
  snapshot: DocumentSnapshot,
): Result<never> | undefined {
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
  if (differences.length === 0) return undefined;
  return err(
    "document_changed",
    `The document changed since it was read, so nothing was written: ${differences.slice(0, 5).join("; ")}${differences.length > 5 ? `; and ${differences.length - 5} more` : ""}. PlanAssist reads it again; check the values and write again.`,
    { differences: differences.length },
  );
}

/** What each written paragraph will hold, and what the read-back expects of each target. */
type Expected = {
  /** Per target: the texts of its paragraphs after the write. */
  readonly wanted: readonly (readonly string[])[];
  /** The whole texts of the cells of added rows (they go in with the rows). */
  readonly rowCells: ReadonlyMap<string, readonly string[]>;
  /** Per target: what the read-back must find (its paragraphs, or its added cells' texts). */
  readonly expect: readonly (readonly string[])[];
};

function expectations(
  ts: readonly Target[],
  w: Write,
  fresh: DocumentSnapshot,
  edits: readonly Edit[],
): Expected {
  const { after, final } = w;
  for (const t of ts) {
    if (isContent(t.edit))
      t.before = t.inAdded
        ? slotTexts(t, after)
        : slotParagraphTexts(t.read, fresh).map((x) => x ?? "");
  }
  const wanted = ts.map((t) => (isContent(t.edit) ? wantedText(t.edit, t.before, edits) : []));
  // Check boxes, form fields and labelled answers: as the .docx path writes them.
  markControlWrites(ts, wanted, w.applied, w.options.source);
  const boxes = unwritableBoxes(ts, after, w.applied);
  for (const t of boxes) t.skip = true;
  if (boxes.size > 0)
    w.notices.push(
      "Check boxes were not set: the document's XML was not given, and writing them as text would break them. Read the document again and write again.",
    );
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
  return { wanted, rowCells, expect };
}

/** The record of this fill, with the earlier fills the journal holds (when the fill changes anything). */
async function startRecording(
  context: WContext,
  w: Write,
  check: Check,
  ts: readonly Target[],
  wanted: readonly (readonly string[])[],
  options: OfficeFillOptions,
): Promise<Recording | undefined> {
  const applied = w.applied;
  if (!applied?.changed || !check.record) return undefined;
  // Two or more record parts cost one more sync, of reads only (record-parts.ts).
  const parts = await check.record.settle(context);
  w.syncs += parts.syncs;
  const journal = parts.journal;
  if (!journal.ok)
    w.notices.push(
      "The record of earlier fills kept in this document was damaged, so it was started again: earlier fills cannot be reverted from PlanAssist.",
    );
  return {
    earlier: journal.ok ? journal.value.fills : [],
    parts,
    record: {
      at: options.now.toISOString(),
      label: options.label,
      changes: journalChanges(applied.changes, w.after, ts, wanted),
    },
  };
}

/**
 * Queues the write batch: the record of the fill first (so a fill cut short can still be
 * reverted), the values in rows as read (their places hold until the structure changes), then
 * the structural edits from the end of the document back (each leaves the places of those
 * before it alone), with the values of added rows and tables.
 */
function queueWrite(
  ts: readonly Target[],
  proxies: Proxies,
  w: Write,
  expected: Expected,
  recording: Recording | undefined,
  check: Check,
): WCustomXmlPart | undefined {
  let journal: WCustomXmlPart | undefined;
  if (recording)
    journal = recording.parts.write(
      serialiseJournal({ fills: [...recording.earlier, recording.record] }),
    );
  ts.forEach((t, i) => {
    if (isContent(t.edit) && !t.inAdded) queueContent(t.edit, t, expected.wanted[i] ?? []);
  });
  const structure = ts
    .filter((t) => !isContent(t.edit))
    .sort((x, y) => {
      const [a1, a2] = structurePosition(x.edit);
      const [b1, b2] = structurePosition(y.edit);
      return b1 - a1 || b2 - a2;
    });
  // Blocks go in with the styles, numbering and relationships of the document as Word gave it
  // at the check.
  const pack = blockPackager(check.now.value);
  for (const t of structure) {
    const rows = rowValues(t.edit, w.after, w.map, expected.rowCells);
    const main = w.blocks.get(t.edit);
    const ooxml = main !== undefined ? pack(main) : undefined;
    queueStructure(t, proxies, {
      ...(rows ? { rows } : {}),
      ...(ooxml !== undefined ? { ooxml } : {}),
    });
  }
  return journal;
}

/** What the write batch reads back: the targets' readings and each written table's row count. */
type Back = {
  readonly body: BodyRead;
  readonly counted: readonly { table: number; proxy: WTable | undefined }[];
};

/**
 * Queues the read-back in the write batch: the body's OOXML after the writes (one more
 * full-body getOoxml), and the row count of each table written in (rows added or deleted by
 * someone else between the check and this batch would move the values to other rows). The
 * tables are found where the structural edits queued before leave them.
 */
function queueReadBack(
  body: WBody,
  ts: readonly Target[],
  proxies: Proxies,
  snapshot: DocumentSnapshot,
  w: Write,
): Back {
  const backRead = bodyRead(body.getOoxml());
  const proxiesAfter = w.after === snapshot ? proxies : new Proxies(body, w.after);
  const counted = [
    ...new Set(ts.flatMap((t) => t.slots.flatMap((s) => (s.kind === "cell" ? [s.table] : [])))),
  ].map((table) => ({ table, proxy: proxiesAfter.table(table) }));
  for (const c of counted) c.proxy?.load("rowCount");
  return { body: backRead, counted };
}

/** Every structural edit is in (the write batch went through). */
const ALL_IN: States = { blocks: "all", rows: () => "all", body: "all" };

/**
 * The account after a write batch that went through: what the read-back found, with the values
 * of a table whose rows someone else changed meanwhile claimed as not written. The record then
 * names those tables' rows where the read-back found them (one more sync), so that revert finds
 * the values where they went.
 */
async function accountWritten(
  context: WContext,
  body: WBody,
  ts: readonly Target[],
  expected: Expected,
  back: Back,
  w: Write,
  recorded: { readonly recording?: Recording; readonly journal?: WCustomXmlPart },
): Promise<Result<OfficeFillReport>> {
  const { notices } = w;
  const now = await removeWordsParagraphs(context, body, ts, back.body, w);
  const moved = back.counted
    .filter((c) => c.proxy && c.proxy.rowCount !== wordRowCount(w.after, c.table))
    .map((c) => c.table);
  const readings = ts.map((t) => locateReading(now, w.map, t, ALL_IN));
  const { written, notWritten } = account(ts, expected.expect, readings, ALL_IN);
  if (moved.length === 0) return ok({ written, notWritten, notices, syncs: w.syncs });
  const { recording, journal } = recorded;
  if (recording && journal) {
    const found = now.doc();
    const record = found
      ? relocatedRecord(recording.record, moved, w.after, ts, expected.wanted, found)
      : undefined;
    let fixed = false;
    if (record) {
      journal.setXml(serialiseJournal({ fills: [...recording.earlier, record] }));
      try {
        await context.sync();
        fixed = true;
      } catch {
        fixed = false;
      }
      w.syncs++;
    }
    if (!fixed)
      notices.push(
        "The record of this fill could not be corrected to the rows someone else moved, so Revert last fill may leave some of its values in those tables.",
      );
  }
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
    syncs: w.syncs,
  });
}

/**
 * Takes away the empty paragraph Word adds after the content `insertOoxml` puts in (#874, #116,
 * #6904), so that the body is as the .docx writer leaves it: each one the read-back finds that
 * the document after the plan does not have (one more sync, only when there is one). Answers
 * the body as it is then. Nothing is taken away unless the read-back is the document after the
 * plan with only empty paragraphs more.
 */
async function removeWordsParagraphs(
  context: WContext,
  body: WBody,
  ts: readonly Target[],
  back: BodyRead,
  w: Write,
): Promise<BodyRead> {
  if (!w.final || !ts.some((t) => t.edit.kind === "insert-block")) return back;
  const found = back.doc();
  const extra = found ? addedParagraphs(w.final, found) : [];
  if (!found || extra.length === 0) return back;
  const proxies = new Proxies(body, found);
  for (const k of [...extra].sort((a, b) => b - a)) proxies.bodyParagraph(k).delete();
  try {
    await context.sync();
    w.syncs++;
  } catch {
    w.syncs++;
    w.notices.push(
      "Word added an empty paragraph after the new block of tables, and it could not be taken away; delete it by hand if it shows.",
    );
    return back;
  }
  const without = new Set(extra);
  const doc: DocumentSnapshot = {
    ...found,
    paragraphs: found.paragraphs.filter((_, k) => !without.has(k)),
  };
  return { doc: () => doc };
}

/**
 * The body paragraphs of `found` that `expected` does not have, when `found` is `expected` with
 * only empty paragraphs more (else none): the two bodies are walked block by block, a table
 * matching a table and a paragraph a paragraph of the same text.
 */
function addedParagraphs(expected: DocumentSnapshot, found: DocumentSnapshot): number[] {
  const e = expected.blocks;
  const f = found.blocks;
  const more = f.length - e.length;
  if (more <= 0) return [];
  const text = (s: DocumentSnapshot, k: number) => s.paragraphs[k]?.text ?? "";
  const out: number[] = [];
  let i = 0;
  for (const b of f) {
    const want = e[i];
    const same =
      want !== undefined &&
      (b.kind === "table"
        ? want.kind === "table"
        : want.kind === "paragraph" &&
          sameText(text(found, b.paragraph), text(expected, want.paragraph)));
    if (same) i++;
    else if (b.kind === "paragraph" && text(found, b.paragraph) === "" && out.length < more)
      out.push(b.paragraph);
    else return [];
  }
  return i === e.length ? out : [];
}

/**
 * The record of a fill with the rows of the `moved` tables named where the read-back `found`
 * them. Someone else added or deleted rows there between the check and the write: the values
 * went into the cells they were read from (Word's proxies stay bound to their objects: docs,
 * "Word JavaScript object model"), which no longer have the places the record gave them. Each
 * row the fill left (the document after the plan, with the values written) is matched to a row
 * found (the longest common run of equal rows, and rows between two matches taken in order when
 * there are as many on both sides); a recorded cell or row whose row is not found (deleted) is
 * left out, as there is nothing there to revert.
 */
function relocatedRecord(
  record: FillRecord,
  moved: readonly number[],
  after: DocumentSnapshot,
  ts: readonly Target[],
  wanted: readonly (readonly string[])[],
  found: DocumentSnapshot,
): FillRecord {
  const { cells } = textsWith(ts, after, (_, i) => wanted[i]);
  const maps = new Map<number, (number | undefined)[]>();
  for (const table of moved) {
    const rowTexts = (s: DocumentSnapshot, key: boolean) =>
      (s.tables[table]?.rows ?? []).map((row, r) =>
        row.cells.map((c, ci) =>
          (
            (key ? cells.get(`${table}/${r}/${ci}`) : undefined) ?? c.paragraphs.map((p) => p.text)
          ).join("\n"),
        ),
      );
    maps.set(table, alignRows(rowTexts(after, true), rowTexts(found, false)));
  }
  const rowNow = (table: number, row: number): number | undefined => {
    const m = maps.get(table);
    return m ? m[row] : row;
  };
  const changes = record.changes.flatMap((c): JournalChange[] => {
    if (c.kind === "cell") {
      const row = rowNow(c.table, c.row);
      return row === undefined ? [] : [{ ...c, row }];
    }
    if (c.kind === "rows-added") {
      const rows = Array.from({ length: c.count }, (_, k) => rowNow(c.table, c.row + k));
      const first = rows[0];
      return first !== undefined && rows.every((r, k) => r === first + k)
        ? [{ ...c, row: first }]
        : [];
    }
    if (c.kind === "rows-removed") {
      // Put back before the row that followed them (or after the table's last row).
      if (!maps.has(c.table)) return [c];
      const m = maps.get(c.table) ?? [];
      const next = m.slice(c.row).find((r) => r !== undefined);
      return [{ ...c, row: next ?? found.tables[c.table]?.rows.length ?? c.row }];
    }
    return [c];
  });
  return { ...record, changes };
}

/**
 * For each row expected, the index of the row found that it is (undefined: not found). Rows
 * match when every cell's text is the same; between two matched rows (or the ends), rows left
 * over on both sides are taken in order when there are as many on each.
 */
function alignRows(
  expected: readonly (readonly string[])[],
  found: readonly (readonly string[])[],
): (number | undefined)[] {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((x, k) => sameText(x, b[k] ?? ""));
  const n = expected.length;
  const m = found.length;
  // Longest common subsequence of rows, by dynamic programming from the ends.
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      (lcs[i] as number[])[j] = same(expected[i] ?? [], found[j] ?? [])
        ? ((lcs[i + 1] as number[])[j + 1] as number) + 1
        : Math.max((lcs[i + 1] as number[])[j] as number, (lcs[i] as number[])[j + 1] as number);
  const out: (number | undefined)[] = new Array<number | undefined>(n).fill(undefined);
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    if (same(expected[i] ?? [], found[j] ?? [])) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (((lcs[i + 1] as number[])[j] as number) >= ((lcs[i] as number[])[j + 1] as number))
      i++;
    else j++;
  }
  let [pi, pj] = [-1, -1];
  for (const [i, j] of [...pairs, [n, m] as [number, number]]) {
    if (i - pi === j - pj) for (let k = 1; k < i - pi; k++) out[pi + k] = pj + k;
    if (i < n) out[i] = j;
    [pi, pj] = [i, j];
  }
  return out;
}

/**
 * After a write batch Word stopped: what is in the document (read again), the record corrected
 * to it, and the error said as Word gave it (read-only, protection, Viewing mode, or a stop).
 */
async function accountFailedBatch(
  context: WContext,
  body: WBody,
  ts: readonly Target[],
  snapshot: DocumentSnapshot,
  w: Write,
  expect: readonly (readonly string[])[],
  batch: {
    readonly failure: unknown;
    readonly recording: Recording | undefined;
    readonly parts: WCustomXmlParts | undefined;
  },
): Promise<Result<OfficeFillReport>> {
  const { failure, recording } = batch;
  const { after, map, notices } = w;
  const again = await readAgain(context, body, ts, snapshot, after, map, batch.parts);
  w.syncs += again.syncs;
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
    w.syncs += fixed.syncs;
    if (!fixed.ok)
      notices.push(
        "The record of this fill could not be corrected, so it may list cells that were not written; Revert last fill leaves those as they are.",
      );
  }
  const syncs = w.syncs;
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
  /**
   * Each insert-block edit's main part to insert (the tables with the paragraphs around them,
   * values included); it goes in as a package with the parts it uses (`blockPackager`).
   */
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
      `${open(root)}${open(body)}${applied.source.slice(span.start, span.end)}</${body.name}></${root.name}>`,
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
 * After a failed batch: which structural edits are in (by the top-level tables of the body's
 * OOXML and each changed table's row count), then every target read where it now is. One sync,
 * two when the plan adds blocks of tables and rows to a table.
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
  // The body's OOXML is read with the first sync: whether the blocks are in is told by its
  // top-level tables (`body.tables` may give nested tables too, which is not documented).
  const backRead = bodyRead(body.getOoxml());
  for (const p of proxies) p.before?.load("rowCount");
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
    const now = backRead.doc();
    const n = now ? topLevel(now) : undefined;
    blocks = n === topLevel(after) ? "all" : n === topLevel(snapshot) ? "none" : "some";
  }
  if (hasBlocks && blocks === "all" && proxies.length > 0) {
    const made = new Proxies(body, after);
    for (const p of proxies) {
      p.after = made.table(tableAfter(map, after, p.table));
      p.after?.load("rowCount");
    }
    try {
      await context.sync();
      syncs++;
    } catch {
      return { ok: false, syncs: syncs + 1 };
    }
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
