/**
 * A document held in memory, behind the document port: fast and deterministic for UI tests.
 *
 * It holds a snapshot and, when built from a file, the .docx bytes, which its writes change (a
 * fill, a revert, an inserted template are applied to the bytes by the .docx code, and the
 * snapshot is read again from them). Every call through the port is recorded (`selections`,
 * `comments`, `fills`, `reverts`), so tests can assert on what the pane asked for.
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
import { DocxDocument } from "../docx/docx-document.adapter";
import { openDocx } from "../docx/docx-file";

export class MemoryDocument implements DocumentPort {
  readonly host = "memory" as const;
  /** Locations passed to `select`, in order. */
  readonly selections: Location[] = [];
  /** Comments added, in order. */
  readonly comments: DocumentComment[] = [];
  /** Fill plans written, with their options, in order. */
  readonly fills: { readonly plan: EditPlan; readonly options: WriteOptions }[] = [];
  /** Reverts asked for, in order. */
  readonly reverts: RevertRequest[] = [];
  /** How many times `read` was called. */
  reads = 0;
  /** How many times `clearFillHistory` was called. */
  clears = 0;
  /** The file behind the snapshot, when there is one: writes go into it. */
  private readonly file: DocxDocument | undefined;

  constructor(
    private snapshot: DocumentSnapshot,
    /** The .docx the snapshot was read from, when there is one. */
    bytes?: Uint8Array,
  ) {
    this.file = bytes ? new DocxDocument(bytes) : undefined;
  }

  /** Reads a .docx once and serves its snapshot from memory afterwards (until a write). */
  static fromDocx(bytes: Uint8Array): Result<MemoryDocument> {
    const opened = openDocx(bytes);
    if (!opened.ok) return opened;
    return ok(new MemoryDocument(opened.value.read.snapshot, bytes), opened.warnings);
  }

  /** The .docx bytes as they are now (after writes), when the document came from a file. */
  get bytes(): Uint8Array | undefined {
    return this.file?.current();
  }

  capabilities(): DocumentCapabilities {
    const file = this.file !== undefined;
    return { write: file, comments: true, select: true, revert: file, insert: file };
  }

  async read(): Promise<Result<DocumentSnapshot>> {
    this.reads++;
    return ok(this.snapshot);
  }

  async select(location: Location): Promise<Result<void>> {
    if (!exists(this.snapshot, location)) return missing(location);
    this.selections.push(location);
    return ok(undefined);
  }

  async addComments(comments: readonly DocumentComment[]): Promise<Result<CommentOutcome>> {
    const skipped: { index: number; reason: string }[] = [];
    comments.forEach((c, index) => {
      if (exists(this.snapshot, c.location)) this.comments.push(c);
      else skipped.push({ index, reason: "location not found" });
    });
    return ok({ added: comments.length - skipped.length, skipped });
  }

  async fill(plan: EditPlan, options: WriteOptions): Promise<Result<FillResult>> {
    this.fills.push({ plan, options });
    const file = this.file;
    if (!file) return noFile("written into");
    // The plan was made against the snapshot served: the file is read to the same snapshot.
    const read = await file.read();
    if (!read.ok) return read;
    return this.after(await file.fill(plan, options));
  }

  async revert(request: RevertRequest = {}): Promise<Result<RevertResult>> {
    this.reverts.push(request);
    const file = this.file;
    if (!file) return err("no_fill_to_revert", "There is no fill to revert in this document.");
    return this.after(await file.revert(request));
  }

  async lastFill(): Promise<Result<LastFill | undefined>> {
    return this.file ? this.file.lastFill() : ok(undefined);
  }

  async insertTemplate(bytes: Uint8Array): Promise<Result<void>> {
    const file = this.file;
    if (!file) return noFile("given a template");
    return this.after(await file.insertTemplate(bytes));
  }

  /** Clears the record of fills in the file; a snapshot with no file behind it has none. */
  async clearFillHistory(): Promise<Result<ClearedHistory>> {
    this.clears++;
    return this.file ? this.after(await this.file.clearFillHistory()) : ok({ cleared: 0 });
  }

  /** After a write into the file: the snapshot served is read again from the new bytes. */
  private async after<T>(r: Result<T>): Promise<Result<T>> {
    if (!r.ok || !this.file) return r;
    const read = await this.file.read();
    if (read.ok) this.snapshot = read.value;
    return r;
  }
}

function exists(s: DocumentSnapshot, l: Location): boolean {
  if (l.kind === "paragraph") return s.paragraphs[l.paragraph] !== undefined;
  return s.tables[l.table]?.rows[l.row]?.cells[l.cell] !== undefined;
}

function missing(l: Location): Result<never> {
  return err(
    "cell_missing",
    `That place is not in the document (${l.kind === "cell" ? `table ${l.table + 1}, row ${l.row + 1}, cell ${l.cell + 1}` : `paragraph ${l.paragraph + 1}`}). Refresh and retry.`,
  );
}

function noFile(what: string): Result<never> {
  return err(
    "office_requirement_missing",
    `This document is a snapshot held in memory with no file behind it, so it cannot be ${what}. Nothing was changed.`,
  );
}
