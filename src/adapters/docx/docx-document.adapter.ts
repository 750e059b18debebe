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
import { defaultDocxLimits, openDocx, type DocxLimits, type DocxPackage } from "./docx-file";

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
  ) {}

  /** The current bytes of the file (after any write through the port). */
  current(): Uint8Array {
    return this.bytes;
  }

  capabilities(): DocumentCapabilities {
    return { write: true, comments: true, select: false, revert: true, insert: true };
  }

  async read(): Promise<Result<DocumentSnapshot>> {
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
    const report = r.value;
    if (report.changedParts.length > 0) this.change(report.bytes);
    return ok({
      written: report.written,
      unchanged: report.unchanged,
      failed: report.failed.map((o) => ({ ...o, message: o.message ?? "it could not be written" })),
      skipped: report.skipped,
      notices: [],
    });
  }

  async revert(request: RevertRequest = {}): Promise<Result<RevertResult>> {
    const { revertDocx } = await writer();
    const before = openDocx(this.bytes, this.limits);
    const r = revertDocx(this.bytes, { force: request.force ?? false });
    if (!r.ok) return r;
    const after = openDocx(r.value.bytes, this.limits);
    this.change(r.value.bytes);
    const counted =
      before.ok && after.ok
        ? restoredBetween(before.value.read.snapshot, after.value.read.snapshot)
        : { restored: 0, rowsRemoved: 0 };
    return ok({
      fill: r.value.fill,
      ...counted,
      notRestored: [],
      remaining: r.value.remaining,
    });
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

function rowCount(s: DocumentSnapshot): number {
  return s.tables.reduce((n, t) => n + t.rows.length, 0);
}

/**
 * Values a revert put back: cells and body paragraphs (District/School Name: ...) whose text
 * changed, by address; rows the fill added and the revert removed are counted apart.
 */
function restoredBetween(
  before: DocumentSnapshot,
  after: DocumentSnapshot,
): { restored: number; rowsRemoved: number } {
  const texts = (s: DocumentSnapshot) =>
    new Map<string, string>([
      ...s.tables.flatMap((t) =>
        t.rows.flatMap((row) =>
          row.cells.map((c): [string, string] => [`${t.index}:${row.index}:${c.index}`, c.text]),
        ),
      ),
      ...s.paragraphs.map((p): [string, string] => [`p${p.index}`, p.text]),
    ]);
  const now = texts(after);
  let restored = 0;
  for (const [key, text] of texts(before)) {
    const t = now.get(key);
    if (t !== undefined && t !== text) restored++;
  }
  return { restored, rowsRemoved: Math.max(0, rowCount(before) - rowCount(after)) };
}
