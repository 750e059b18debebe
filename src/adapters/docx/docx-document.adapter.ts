/**
 * A .docx file's bytes behind the document port (command line and browser preview).
 * Bytes in, bytes out; no file system. A write replaces the bytes held (`current()` gives them),
 * only once the written package has been read back.
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
import {
  defaultDocxLimits,
  openDocx,
  readDocxSnapshot,
  type DocxLimits,
  type DocxPackage,
} from "./docx-file";

/** The writer and the comments, loaded when first used (a page that only reads opens without them). */
const writer = () => import("./docx-writer");
const annotator = () => import("./annotate");

export class DocxDocument implements DocumentPort {
  readonly host = "docx" as const;
  /** The package of the latest read of the current bytes. */
  private opened: DocxPackage | undefined;

  constructor(
    private bytes: Uint8Array,
    private readonly limits: DocxLimits = defaultDocxLimits,
    /**
     * Reads keep only what a snapshot needs, not the package (checking a batch of files: less
     * memory, a faster read); a write then opens the file again.
     */
    private readonly readOnly = false,
  ) {}

  /** A file opened to be read (and checked) rather than written: see `readOnly`. */
  static forReading(bytes: Uint8Array, limits: DocxLimits = defaultDocxLimits): DocxDocument {
    return new DocxDocument(bytes, limits, true);
  }

  /** The current bytes of the file (after any write through the port). */
  current(): Uint8Array {
    return this.bytes;
  }

  capabilities(): DocumentCapabilities {
    return { write: true, comments: true, select: false, revert: true, insert: true };
  }

  async read(): Promise<Result<DocumentSnapshot>> {
    if (this.readOnly) return readDocxSnapshot(this.bytes, this.limits);
    const r = openDocx(this.bytes, this.limits);
    if (!r.ok) return r;
    this.opened = r.value;
    return ok(r.value.read.snapshot, r.warnings);
  }

  async select(_location: Location): Promise<Result<void>> {
    return err(
      "office_unavailable",
      "A .docx file has no selection to move. Open the document in Word to go to a field.",
    );
  }

  /** Writes the comments into the file (one Word comment per paragraph, its texts in order). */
  async addComments(comments: readonly DocumentComment[]): Promise<Result<CommentOutcome>> {
    const { annotateDocxWithTexts } = await annotator();
    const r = annotateDocxWithTexts(this.bytes, comments, {
      author: comments[0]?.author ?? "PlanAssist",
      date: new Date().toISOString(),
    });
    if (!r.ok) return r;
    if (r.value.comments > 0) this.change(r.value.bytes);
    return ok({
      added: comments.length - r.value.unplaced.length,
      skipped: r.value.unplaced.map((index) => ({
        index,
        reason: "the finding has no place in the document",
      })),
    });
  }

  async fill(plan: EditPlan, options: WriteOptions): Promise<Result<FillResult>> {
    const { fillDocx } = await writer();
    const r = fillDocx(this.bytes, plan, {
      label: options.label,
      now: options.now,
      ...(options.skipped ? { skipped: options.skipped } : {}),
      ...(this.opened ? { opened: this.opened } : {}),
    });
    if (!r.ok) return r;
    const { bytes, changedParts, ...report } = r.value;
    if (changedParts.length > 0) this.change(bytes);
    return ok(report);
  }

  async revert(request: RevertRequest = {}): Promise<Result<RevertResult>> {
    const { revertDocx } = await writer();
    const r = revertDocx(this.bytes, { force: request.force ?? false });
    if (!r.ok) return r;
    const { bytes, names: _names, ...report } = r.value;
    this.change(bytes);
    return ok(report);
  }

  async lastFill(): Promise<Result<LastFill | undefined>> {
    return (await writer()).lastFillOfDocx(this.bytes);
  }

  async insertTemplate(bytes: Uint8Array): Promise<Result<void>> {
    const here = openDocx(this.bytes, this.limits);
    if (here.ok && !isEmpty(here.value.read.snapshot)) {
      return err(
        "document_not_empty",
        "This document already holds text, so the template was not inserted. Start from a new blank document and try again.",
      );
    }
    const template = openDocx(bytes, this.limits);
    if (!template.ok) return template;
    this.change(bytes);
    return ok(undefined);
  }

  async clearFillHistory(): Promise<Result<ClearedHistory>> {
    const r = (await writer()).clearFillHistoryOfDocx(this.bytes);
    if (!r.ok) return r;
    if (r.value.bytes !== this.bytes) this.change(r.value.bytes);
    return ok({ cleared: r.value.cleared });
  }

  private change(bytes: Uint8Array): void {
    this.bytes = bytes;
    this.opened = undefined;
  }
}

function isEmpty(snapshot: DocumentSnapshot): boolean {
  return snapshot.tables.length === 0 && snapshot.paragraphs.every((p) => p.text.trim() === "");
}
