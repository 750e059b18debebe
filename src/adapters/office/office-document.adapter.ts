/**
 * The document open in Word, behind the document port.
 *
 * Every method is one `Word.run` batch with a fixed number of `context.sync()` calls; no proxy
 * object outlives its batch (tables and cells are found again from the snapshot's indexes each
 * time). Writing, reverting and the account of the last fill wrap the Office.js writer
 * (office-writer.ts) and revert (office-revert.ts), loaded when first used; inserting a blank
 * template wraps office-insert.ts.
 */
import type { EditPlan } from "../../domain/edits";
import { err, ok, type Result } from "../../domain/result";
import type { DocumentSnapshot, Location } from "../../domain/snapshot";
import type {
  ClearedHistory,
  CommentOutcome,
  DocumentCapabilities,
  DocumentComment,
  DocumentPort,
  FillResult,
  LastFill,
  RevertRequest,
  RevertResult,
  WriteOptions,
} from "../../ports/document.port";
import type { WordInsertHost } from "./office-insert";
import type { WordPaneHost } from "./office-revert";
import { describeOfficeError, readOfficeDocument } from "./office-reader";
import {
  ABOVE_13,
  hasSet,
  type WordBodyLike,
  type WordHost,
  type WordRangeLike,
  type WordTableLike,
} from "./word-host";
import type { ReadResult } from "../../ooxml/wordml";

export class OfficeDocument implements DocumentPort {
  readonly host = "word" as const;
  private last: ReadResult | undefined;
  private lastSource: string | undefined;
  /** A write or revert went in since the latest read: that snapshot no longer says what is there. */
  private written = false;
  /** Whether Track Changes was on at the latest read (undefined: this Word cannot tell). */
  private tracking: boolean | undefined;

  /**
   * `word` is Word as reading uses it; `edit` as writing and revert use it, and `insert` as
   * inserting a template does (the real Word API is all three). Without `edit` the document can
   * be read but not written; without `insert` no template goes in.
   */
  constructor(
    private readonly word: WordHost | undefined,
    private readonly edit?: WordPaneHost,
    private readonly insert?: WordInsertHost,
  ) {}

  capabilities(): DocumentCapabilities {
    const has = (v: string) => hasSet(this.word, v);
    const base = has("1.3");
    const readOnly = this.word?.documentMode?.() === "readOnly";
    const missingSets = base
      ? [...new Set(Object.values(ABOVE_13))].filter((v) => !has(v)).map((v) => `WordApi ${v}`)
      : [];
    return {
      write: base && !readOnly && this.edit !== undefined,
      comments: base && has(ABOVE_13.comments) && !readOnly,
      select: base,
      revert: base && has(ABOVE_13.revert) && !readOnly && this.edit !== undefined,
      insert: this.insert !== undefined,
      ...(!base
        ? { noWrite: "requirement" as const }
        : readOnly
          ? { noWrite: "read-only" as const }
          : {}),
      missingSets,
      ...(this.tracking === undefined ? {} : { trackChanges: this.tracking }),
    };
  }

  async read(): Promise<Result<DocumentSnapshot>> {
    const r = await readOfficeDocument(this.word);
    if (!r.ok) return r;
    this.last = r.value.read;
    this.lastSource = r.value.source;
    this.written = false;
    this.tracking = r.value.trackChanges;
    return ok(r.value.read.snapshot, r.warnings);
  }

  async select(location: Location): Promise<Result<void>> {
    const word = this.word;
    if (!word) return unavailable();
    const snapshot = this.last?.snapshot;
    if (!snapshot) return err("document_changed", "Read the document before going to a field.");
    try {
      await word.run(async (context) => {
        const range = rangeOf(context.document.body, snapshot, location);
        range.select();
        await context.sync();
      });
      return ok(undefined);
    } catch (e) {
      return syncFailure(e, "move to the field");
    }
  }

  async addComments(comments: readonly DocumentComment[]): Promise<Result<CommentOutcome>> {
    const word = this.word;
    if (!word) return unavailable();
    if (!this.capabilities().comments) {
      return err(
        "office_requirement_missing",
        "This version of Word cannot add comments from an add-in (WordApi 1.4). Copy the findings as text instead.",
        { requirement: "WordApi 1.4" },
      );
    }
    const snapshot = this.last?.snapshot;
    if (!snapshot) return err("document_changed", "Read the document before adding comments.");
    // One batch for all comments; if Word refuses it, place them one by one to learn which failed.
    try {
      await word.run(async (context) => {
        for (const c of comments) {
          rangeOf(context.document.body, snapshot, c.location).insertComment(c.text);
        }
        await context.sync();
      });
      return ok({ added: comments.length, skipped: [] });
    } catch {
      const skipped: { index: number; reason: string }[] = [];
      let added = 0;
      for (const [index, c] of comments.entries()) {
        try {
          await word.run(async (context) => {
            rangeOf(context.document.body, snapshot, c.location).insertComment(c.text);
            // One batch per comment on purpose: only after Word refused the single batch, to learn which failed.
            // eslint-disable-next-line office-addins/no-context-sync-in-loop
            await context.sync();
          });
          added++;
        } catch (e) {
          skipped.push({ index, reason: describeOfficeError(e) });
        }
      }
      return ok({ added, skipped });
    }
  }

  /** Two syncs: the check that every target holds what was read, then one batch and its read-back. */
  async fill(plan: EditPlan, options: WriteOptions): Promise<Result<FillResult>> {
    const edit = this.edit;
    if (!edit) return notWritable();
    const snapshot = this.last?.snapshot;
    if (!snapshot) return err("document_changed", "Read the document before writing into it.");
    const { writePlanInWord } = await import("./office-writer");
    const source = this.lastSource;
    if (plan.structure.length + plan.content.length > 0) this.written = true;
    const written = await writePlanInWord(edit, snapshot, plan, {
      label: options.label,
      now: options.now,
      ...(source !== undefined ? { source } : {}),
    });
    if (!written.ok) return written;
    const r = written.value;
    // Word stopped before anything was in: the fill failed as a whole.
    if (r.error && r.written.length === 0) return err(r.error.code, r.error.message);
    return ok({
      written: r.written,
      unchanged: [],
      failed: r.notWritten.map((o) => ({
        ...o,
        message: o.message ?? r.error?.message ?? "it is not in the document",
      })),
      skipped: options.skipped ?? [],
      notices: r.notices,
      ...(r.error ? { stopped: r.error } : {}),
    });
  }

  /** Three syncs: the record and the document, the batch that puts the cells back, the read-back. */
  async revert(request: RevertRequest = {}): Promise<Result<RevertResult>> {
    const edit = this.edit;
    if (!edit) return err("no_fill_to_revert", "There is no fill to revert in this document.");
    const { revertLastFillInWord } = await import("./office-revert");
    this.written = true;
    const r = await revertLastFillInWord(edit, { force: request.force ?? false });
    if (!r.ok) return r;
    const v = r.value;
    if (v.error) {
      const missed = v.notRestored.length > 0 ? ` Not restored: ${v.notRestored.join("; ")}.` : "";
      return err(v.error.code, `${v.error.message}${missed}`);
    }
    if (v.notRestored.length > 0) {
      return err(
        "office_sync_failed",
        `The last fill was reverted, but these did not read back as before: ${v.notRestored.join("; ")}. Check them in the document.`,
      );
    }
    return ok({
      fill: v.fill,
      restored: v.restored.length,
      rowsRemoved: v.rowsRemoved,
      notRestored: [],
      remaining: v.remaining,
    });
  }

  /** One small sync after a read: only the record of fills is read. */
  async lastFill(): Promise<Result<LastFill | undefined>> {
    const edit = this.edit;
    if (!edit) return ok(undefined);
    const { accountLastFillInWord } = await import("./office-revert");
    // Just after a read, only the record of fills is read; after a write, the document too.
    const r = await accountLastFillInWord(edit, this.written ? undefined : this.last?.snapshot);
    if (!r.ok) return r.error.code === "no_fill_to_revert" ? ok(undefined) : r;
    const v = r.value;
    return ok({
      label: v.fill.label,
      at: v.fill.at,
      written: v.written.length,
      notWritten: v.notWritten.length,
    });
  }

  /** Two syncs: the record's parts (three when there are two or more), then their deletion. */
  async clearFillHistory(): Promise<Result<ClearedHistory>> {
    const edit = this.edit;
    if (!edit || !this.capabilities().revert) {
      return err(
        "office_requirement_missing",
        "This Word cannot keep a record of fills (WordApi 1.4), so there is no record to clear here. Nothing was changed.",
        { requirement: "WordApi 1.4" },
      );
    }
    const { clearFillRecordInWord } = await import("./office-revert");
    return clearFillRecordInWord(edit);
  }

  /** Two syncs: the body's text (a document holding anything is never replaced), then the insert. */
  async insertTemplate(bytes: Uint8Array): Promise<Result<void>> {
    const insert = this.insert;
    if (!insert) {
      return err(
        "office_requirement_missing",
        "Inserting a template is not available here. Open a blank copy of the template instead.",
      );
    }
    const { insertTemplateInWord } = await import("./office-insert");
    const inserted = await insertTemplateInWord(insert, bytes);
    return inserted.ok ? ok(undefined) : inserted;
  }
}

function notWritable(): Result<never> {
  return err(
    "office_requirement_missing",
    "Writing into this document is not available in this build. Nothing was changed.",
  );
}

/**
 * The Word range of a location, reached through proxies only (no sync): top-level tables by their
 * position in the body, nested tables through their parent cell.
 */
function rangeOf(
  body: WordBodyLike,
  snapshot: DocumentSnapshot,
  location: Location,
): WordRangeLike {
  if (location.kind === "paragraph") {
    const p = snapshot.paragraphs[location.paragraph];
    if (!p) throw new RangeError(`No body paragraph ${location.paragraph}.`);
    let para = body.paragraphs.getFirst();
    for (let i = 0; i < p.documentIndex; i++) para = para.getNext();
    return para.getRange("Whole");
  }
  const table = tableProxy(body, snapshot, location.table);
  return table
    .getCell((t0(snapshot, location.table) ?? 0) + location.row, location.cell)
    .body.getRange("Whole");
}

/** Where a table's first row is in Word's table (tables Word joined are read apart). */
function t0(snapshot: DocumentSnapshot, index: number): number | undefined {
  return snapshot.tables[index]?.firstRow;
}

function tableProxy(body: WordBodyLike, snapshot: DocumentSnapshot, index: number): WordTableLike {
  const t = snapshot.tables[index];
  if (!t) throw new RangeError(`No table ${index}.`);
  if (t.parent) {
    const parent = tableProxy(body, snapshot, t.parent.table);
    const cell = parent.getCell((t0(snapshot, t.parent.table) ?? 0) + t.parent.row, t.parent.cell);
    const siblings =
      snapshot.tables[t.parent.table]?.rows[t.parent.row]?.cells[t.parent.cell]?.nestedTables ?? [];
    let table = cell.body.tables.getFirst();
    for (let i = 0; i < siblings.indexOf(index); i++) table = table.getNext();
    return table;
  }
  let table = body.tables.getFirst();
  for (let i = 0; i < (t.bodyTableIndex ?? 0); i++) table = table.getNext();
  return table;
}

function unavailable(): Result<never> {
  return err(
    "office_unavailable",
    "Word is not available here. Open the add-in from Word's Home tab, or use the browser preview with a .docx file.",
  );
}

function syncFailure(e: unknown, what: string): Result<never> {
  const reason = e instanceof RangeError ? "ItemNotFound" : describeOfficeError(e);
  if (reason === "ItemNotFound") {
    return err(
      "cell_missing",
      `Word could not ${what}: that part of the document is gone (someone may have deleted it). Refresh and retry.`,
      { reason },
    );
  }
  return err("office_sync_failed", `Word could not ${what} (${reason}). Retry in a moment.`, {
    reason,
  });
}
