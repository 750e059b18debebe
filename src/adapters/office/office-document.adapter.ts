/**
 * The document open in Word, behind the document port.
 *
 * Every method is one `Word.run` batch with a fixed number of `context.sync()` calls; no proxy
 * object outlives its batch (tables and cells are found again from the snapshot's indexes each
 * time). Write methods are added by the write-back work next to these.
 */
import { err, ok, type Result } from "../../domain/result";
import type { DocumentSnapshot, Location } from "../../domain/snapshot";
import type {
  CommentOutcome,
  DocumentCapabilities,
  DocumentComment,
  DocumentPort,
} from "../../ports/document.port";
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
  private tracking: boolean | undefined;

  constructor(private readonly word: WordHost | undefined) {}

  capabilities(): DocumentCapabilities {
    const has = (v: string) => hasSet(this.word, v);
    const base = has("1.3");
    const readOnly = this.word?.documentMode?.() === "readOnly";
    const missingSets = base
      ? [...new Set(Object.values(ABOVE_13))].filter((v) => !has(v)).map((v) => `WordApi ${v}`)
      : [];
    return {
      write: base && !readOnly,
      comments: base && has(ABOVE_13.comments) && !readOnly,
      select: base,
      revert: base && has(ABOVE_13.revert) && !readOnly,
      ...(!base
        ? { noWrite: "requirement" as const }
        : readOnly
          ? { noWrite: "read-only" as const }
          : {}),
      missingSets,
      ...(this.tracking === undefined ? {} : { trackChanges: this.tracking }),
    };
  }

  /** The latest read, with the XML index writers use to plan edits. */
  lastRead(): ReadResult | undefined {
    return this.last;
  }

  /** The document part's XML of the latest read (what the index's offsets point into). */
  lastDocumentXml(): string | undefined {
    return this.lastSource;
  }

  async read(): Promise<Result<DocumentSnapshot>> {
    const r = await readOfficeDocument(this.word);
    if (!r.ok) return r;
    this.last = r.value.read;
    this.lastSource = r.value.source;
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
}

/**
 * The Word range of a location, reached through proxies only (no sync): top-level tables by their
 * position in the body, nested tables through their parent cell.
 */
export function rangeOf(
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
