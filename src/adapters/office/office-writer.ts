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
import { applyEditPlan, type EditOutcome, type JournalChange } from "../../ooxml/edit/apply";
import { readWordDocument } from "../../ooxml/wordml";
import { parseXml } from "../../ooxml/xml";
import {
  JOURNAL_NAMESPACE,
  parseJournal,
  serialiseJournal,
  type FillRecord,
  type Journal,
} from "../../ooxml/journal";
import {
  sameText,
  tableProxy,
  type WBody,
  type WContext,
  type WCustomXmlParts,
  type WJournalPart,
  type WParagraph,
  type WordWriteHost,
} from "./word-api";
import {
  addedRowLooks,
  expectedText,
  foundText,
  isContent,
  occurrence,
  PARAGRAPH_PROPS,
  queueContent,
  queueStructure,
  rowOrigins,
  slotProxies,
  slotTexts,
  targets,
  wantedText,
  type RowOrigin,
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
  /** Whether the part existed before this fill (else the batch added it). */
  readonly existed: boolean;
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
  if (plan.structure.some((e) => e.kind === "insert-block")) {
    return err(
      "office_requirement_missing",
      "Adding a whole block of tables (a new challenge or strategy) is not done from inside Word yet. Copy the last block in Word, or fill the file with the command line or the preview, then continue here.",
    );
  }
  // The fill as the .docx code applies it to the XML read: the record of what it changes and,
  // when rows are added or removed, the document the values are written into.
  const applied = options.source ? applyEditPlan(options.source, plan) : undefined;
  if (applied && !applied.ok) return applied;
  let after = snapshot;
  if (plan.structure.length > 0) {
    if (!options.source) {
      return err(
        "office_requirement_missing",
        "Adding or removing rows in Word needs the document as it was read. Read the document again, then write again.",
      );
    }
    const rows = applyEditPlan(options.source, { structure: plan.structure, content: [] });
    if (!rows.ok) return rows;
    after = readWordDocument(parseXml(rows.value.source)).snapshot;
  }
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
      const ts = targets(body, snapshot, after, plan);
      // The journal is read with the check, so recording the fill costs no sync of its own.
      const parts = journalOk && options.source ? context.document.customXmlParts : undefined;
      if (journalOk && options.source && !parts)
        notices.push(
          "This Word does not give access to the document's custom XML parts, so this fill was not recorded and cannot be reverted from PlanAssist.",
        );
      const journalPart = parts?.getByNamespace(JOURNAL_NAMESPACE).getOnlyItemOrNullObject();
      journalPart?.load("isNullObject");
      // On a null object the method answers null at the sync instead of failing the batch.
      const journalXml = journalPart?.getXml();

      // 1. The check: every target the plan reads, loaded in one sync.
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
        // Only reads were queued: nothing is in the document.
        return ok({
          written: [],
          notWritten: edits.map((edit) => ({ edit, status: "failed" as const })),
          error: {
            code: isReadOnly(e) ? "office_read_only" : "office_sync_failed",
            message: `Word stopped before anything was written (${describe(e)}). Nothing was written; write again.`,
          },
          notices,
          syncs,
        });
      }
      const differences: string[] = [];
      for (const t of ts) {
        if (t.cells.some((c) => c.isNullObject)) {
          differences.push(`${where(t.edit)}: the cell is gone (deleted by someone else?)`);
          continue;
        }
        if (t.inAddedRow) continue;
        const expected = expectedText(t, snapshot, after);
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

      // 2. What each written paragraph holds before and will hold after.
      for (const t of ts) {
        if (!isContent(t.edit)) continue;
        if (t.inAddedRow) {
          t.before = slotTexts(t, after);
          t.looks = addedRowLooks(ts, plan, snapshot, t);
        } else {
          t.before = t.checked.map((p) => p.text);
          t.looks = t.checked;
        }
      }
      const wanted = ts.map((t) => (isContent(t.edit) ? wantedText(t.edit, t.before, edits) : []));
      let recording: Recording | undefined;
      if (parts && applied?.ok && applied.value.changed) {
        const earlierXml = journalPart && !journalPart.isNullObject ? journalXml?.value : undefined;
        const journal = earlierXml ? parseJournal(earlierXml) : ok<Journal>({ fills: [] });
        if (!journal.ok)
          notices.push(
            "The record of earlier fills kept in this document was damaged, so it was started again: earlier fills cannot be reverted from PlanAssist.",
          );
        recording = {
          earlier: journal.ok ? journal.value.fills : [],
          existed: earlierXml !== undefined,
          record: {
            at: options.now.toISOString(),
            label: options.label,
            changes: journalChanges(applied.value.changes, after, ts, wanted),
          },
        };
      }

      // 3. One batch: the record of the fill first (so a fill cut short can still be reverted),
      // the values in rows as read (their coordinates hold until the rows change), the rows,
      // the values in added rows, then the read-back of every target.
      if (recording) {
        const xml = serialiseJournal({ fills: [...recording.earlier, recording.record] });
        if (recording.existed) journalPart?.setXml(xml);
        else parts?.add(xml);
      }
      ts.forEach((t, i) => {
        if (isContent(t.edit) && !t.inAddedRow) queueContent(t.edit, t.checked, t, wanted[i] ?? []);
      });
      for (const t of ts) queueStructure(t, snapshot);
      ts.forEach((t, i) => {
        if (!isContent(t.edit) || !t.inAddedRow) return;
        const fresh = t.slots.flatMap((s) => slotProxies(body, after, s).paragraphs);
        queueContent(t.edit, fresh, t, wanted[i] ?? []);
      });
      const back = ts.map((t) =>
        isContent(t.edit) ? t.slots.flatMap((s) => slotProxies(body, after, s).paragraphs) : [],
      );
      for (const ps of back) for (const p of ps) p.load("text");
      let failure: unknown;
      try {
        await context.sync();
        syncs++;
      } catch (e) {
        syncs++;
        failure = e;
      }
      if (failure === undefined) {
        const { written, notWritten } = account(
          ts,
          wanted,
          (i) => back[i],
          () => "all",
        );
        return ok({ written, notWritten, notices, syncs });
      }

      // 4. A batch is not all-or-nothing: read again what is in the document.
      const again = await readAgain(context, body, ts, snapshot, after, parts);
      syncs += again.syncs;
      if (!again.ok) {
        return err(
          "office_sync_failed",
          `Word stopped while writing (${describe(failure)}) and could not be read again, so what was written is unknown.${recording ? " The fill is recorded in the document: Revert last fill undoes whatever of it was written." : ""} Read the document again and check it before writing.`,
        );
      }
      const { written, notWritten } = account(ts, wanted, again.texts, again.tableState);
      if (recording) {
        const fixed = await fixRecording(
          context,
          recording,
          again.journal,
          written,
          ts,
          again.tableState,
        );
        syncs += fixed.syncs;
        if (!fixed.ok)
          notices.push(
            "The record of this fill could not be corrected, so it may list cells that were not written; Revert last fill leaves those as they are.",
          );
      }
      const readOnly = isReadOnly(failure);
      return ok({
        written,
        notWritten,
        error: {
          code: readOnly ? "office_read_only" : "office_sync_failed",
          message: readOnly
            ? `Word did not allow changes to this document (it is read-only or protected). ${written.length === 0 ? "Nothing was written." : `${written.length} edit(s) were written before Word refused; the rest were not.`} Save a copy you can edit, or ask its owner, then write again.`
            : `Word stopped while writing (${describe(failure)}). ${written.length} edit(s) are in the document and ${notWritten.length} are not; the list says which. Write again to finish.`,
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
    return err(
      "office_sync_failed",
      `Word could not be reached while writing (${describe(e)}). Nothing is known to be written; read the document again.`,
    );
  }
}

/** Whether a table's structural edits are in the document: all of them, none, or some. */
type TableState = "all" | "none" | "some";

/** Which edits are in the document, from the texts read back and the tables' row counts. */
function account(
  ts: readonly Target[],
  wanted: readonly (readonly string[])[],
  textsOf: (i: number) => readonly WParagraph[] | undefined,
  tableState: (table: number) => TableState,
): { written: EditOutcome[]; notWritten: EditOutcome[] } {
  const written: EditOutcome[] = [];
  const notWritten: EditOutcome[] = [];
  ts.forEach((t, i) => {
    const e = t.edit;
    if (!isContent(e)) {
      if (e.kind === "insert-block") return;
      const state = tableState(e.table);
      if (state === "all") written.push({ edit: e, status: "written" });
      else
        notWritten.push({
          edit: e,
          status: "failed",
          ...(state === "some"
            ? { message: `${where(e)} has some of its row changes only; check it` }
            : {}),
        });
      return;
    }
    const ps = textsOf(i);
    const want = wanted[i] ?? [];
    if (!ps) {
      notWritten.push({
        edit: e,
        status: "failed",
        message: `${where(e)} could not be read again`,
      });
      return;
    }
    const now = ps.map((p) => p.text);
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
      readonly texts: (i: number) => readonly WParagraph[] | undefined;
      readonly tableState: (table: number) => TableState;
      readonly journal?: { part: WJournalPart; xml: { value: string } };
    }
  | { readonly ok: false; readonly syncs: number };

/**
 * After a failed batch: which row changes are in (by each changed table's row count), then the
 * targets' texts, each read where it now is. One sync, two when the plan adds or removes rows.
 */
async function readAgain(
  context: WContext,
  body: WBody,
  ts: readonly Target[],
  snapshot: DocumentSnapshot,
  after: DocumentSnapshot,
  parts: WCustomXmlParts | undefined,
): Promise<ReadAgain> {
  let syncs = 0;
  const part = parts?.getByNamespace(JOURNAL_NAMESPACE).getOnlyItemOrNullObject();
  part?.load("isNullObject");
  const xml = part?.getXml();
  const changed = [
    ...new Set(
      ts.flatMap((t) =>
        t.edit.kind === "insert-rows" || t.edit.kind === "remove-rows" ? [t.edit.table] : [],
      ),
    ),
  ];
  const states = new Map<number, TableState>();
  if (changed.length > 0) {
    const tables = changed.map((table) => ({ table, proxy: tableProxy(body, snapshot, table) }));
    for (const { proxy } of tables) proxy?.load("rowCount");
    try {
      await context.sync();
      syncs++;
    } catch {
      return { ok: false, syncs: syncs + 1 };
    }
    for (const { table, proxy } of tables) {
      const rows = proxy?.rowCount;
      states.set(
        table,
        rows === after.tables[table]?.rows.length
          ? "all"
          : rows === snapshot.tables[table]?.rows.length
            ? "none"
            : "some",
      );
    }
  }
  const tableState = (table: number): TableState => states.get(table) ?? "all";
  const everywhere = [...states.values()];
  const bodyState: TableState = everywhere.every((s) => s === "all")
    ? "all"
    : everywhere.every((s) => s === "none")
      ? "none"
      : "some";
  const origins = new Map<number, RowOrigin[]>();
  const read = ts.map((t): WParagraph[] | undefined => {
    if (!isContent(t.edit)) return [];
    const out: WParagraph[] = [];
    for (const s of t.slots) {
      const state = s.kind === "cell" ? tableState(s.table) : bodyState;
      if (state === "some") return undefined;
      if (state === "all") {
        out.push(...slotProxies(body, after, s).paragraphs);
        continue;
      }
      // The rows did not change: read the slot where it was read before the fill.
      if (s.kind === "paragraph") {
        out.push(...slotProxies(body, snapshot, s).paragraphs);
        continue;
      }
      let o = origins.get(s.table);
      if (!o) origins.set(s.table, (o = rowOrigins(snapshot, [...ts.map((x) => x.edit)], s.table)));
      const origin = o[s.row];
      if (!origin || "added" in origin) return undefined;
      out.push(...slotProxies(body, snapshot, { ...s, row: origin.before }).paragraphs);
    }
    return out;
  });
  for (const ps of read) for (const p of ps ?? []) p.load("text");
  try {
    await context.sync();
    syncs++;
  } catch {
    return { ok: false, syncs: syncs + 1 };
  }
  return {
    ok: true,
    syncs,
    texts: (i) => read[i],
    tableState,
    ...(part && xml ? { journal: { part, xml } } : {}),
  };
}

/**
 * After a failed batch: makes the record of the fill say what is in the document (or takes it
 * away when nothing is), so "Revert last fill" undoes exactly this fill. One sync.
 */
async function fixRecording(
  context: WContext,
  recording: Recording,
  journal: { part: WJournalPart; xml: { value: string } } | undefined,
  written: readonly EditOutcome[],
  ts: readonly Target[],
  tableState: (table: number) => TableState,
): Promise<{ ok: boolean; syncs: number }> {
  if (!journal) return { ok: false, syncs: 0 };
  const cells = new Set<string>();
  const paragraphs = new Set<number>();
  for (const o of written) {
    for (const s of ts.find((t) => t.edit === o.edit)?.slots ?? []) {
      if (s.kind === "cell") cells.add(`${s.table}/${s.row}/${s.cell}`);
      else paragraphs.add(s.paragraph);
    }
  }
  const changes = recording.record.changes.filter((c) => {
    switch (c.kind) {
      case "cell":
        return cells.has(`${c.table}/${c.row}/${c.cell}`);
      case "paragraph":
        return paragraphs.has(c.paragraph);
      case "rows-added":
      case "rows-removed":
        return tableState(c.table) === "all";
      case "tables-added":
        return false;
    }
  });
  const fills = [
    ...recording.earlier,
    ...(changes.length > 0 ? [{ ...recording.record, changes }] : []),
  ];
  const present = !journal.part.isNullObject;
  if (fills.length > 0) {
    if (present) journal.part.setXml(serialiseJournal({ fills }));
    else context.document.customXmlParts?.add(serialiseJournal({ fills }));
  } else if (present) journal.part.delete();
  else return { ok: true, syncs: 0 };
  try {
    await context.sync();
    return { ok: true, syncs: 1 };
  } catch {
    return { ok: false, syncs: 1 };
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
  const cells = new Map<string, string[]>();
  const paragraphs = new Map<number, string>();
  ts.forEach((t, i) => {
    if (!isContent(t.edit)) return;
    let k = 0;
    for (const s of t.slots) {
      if (s.kind === "paragraph") {
        paragraphs.set(s.paragraph, wanted[i]?.[k] ?? "");
        k++;
        continue;
      }
      const key = `${s.table}/${s.row}/${s.cell}`;
      const texts =
        cells.get(key) ??
        (after.tables[s.table]?.rows[s.row]?.cells[s.cell]?.paragraphs ?? []).map((p) => p.text);
      for (let j = 0; j < s.count; j++, k++) texts[s.from + j] = wanted[i]?.[k] ?? "";
      cells.set(key, texts);
    }
  });
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
