/**
 * The document the preview works on: a .docx file's bytes in memory. Reading goes through the
 * .docx adapter; writing replaces the bytes and tells the page so it can render them again.
 * Nothing leaves the browser.
 */
import { DocxDocument } from "../adapters/docx/docx-document.adapter";
import { err, ok, type Result } from "../domain/result";
import type { DocumentSnapshot, Location } from "../domain/snapshot";
import type {
  CommentOutcome,
  DocumentCapabilities,
  DocumentComment,
  DocumentPort,
} from "../ports/document.port";
import type { Finding } from "../domain/findings";
import { describeEdit, describeLocation, editSubject, type Edit } from "../domain/edits";
import { fieldLabeller, planSectionFill } from "../app/section-fill";
import {
  type CommentReport,
  type ReviewComment,
  type FillEntry,
  type FillReport,
  type FillRequest,
  type RevertOptions,
  type RevertReport,
} from "../app/plan-session";
import type { HostWriter } from "../taskpane/port-deps";
import { samples, loadSample } from "./samples";

/** The .docx writer, loaded when the pane first writes (the page opens without it). */
function writerModule() {
  return import("../adapters/docx/docx-writer");
}

function rowCount(s: DocumentSnapshot): number {
  return s.tables.reduce((n, t) => n + t.rows.length, 0);
}

/** Field labels by id, for the report. */
export type BytesListener = (bytes: Uint8Array) => void;

/** A .docx in memory behind the document port, whose bytes change when the pane writes. */
export class PreviewDocument implements DocumentPort, HostWriter {
  readonly host = "docx" as const;
  private docx: DocxDocument;
  private readonly listeners = new Set<BytesListener>();
  /** The read of the current bytes (the page's check before rendering and the pane's first read share it). */
  private reading: Promise<Result<DocumentSnapshot>> | undefined;

  constructor(bytes: Uint8Array) {
    this.docx = new DocxDocument(bytes);
  }

  bytes(): Uint8Array {
    return this.docx.current();
  }

  onChange(listener: BytesListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private replace(bytes: Uint8Array): void {
    this.docx = new DocxDocument(bytes);
    this.reading = undefined;
    for (const l of this.listeners) l(bytes);
  }

  capabilities(): DocumentCapabilities {
    return { ...this.docx.capabilities(), select: true };
  }

  read(): Promise<Result<DocumentSnapshot>> {
    this.reading ??= this.docx.read();
    return this.reading;
  }

  /** The preview has no selection: it scrolls the rendering to the cell instead (see the page). */
  async select(location: Location): Promise<Result<void>> {
    window.dispatchEvent(new CustomEvent("planassist:goto", { detail: location }));
    return ok(undefined);
  }

  addComments(comments: readonly DocumentComment[]): Promise<Result<CommentOutcome>> {
    return this.docx.addComments(comments);
  }

  /** Writes the comments into the .docx (author PlanAssist), as the command line's annotated copies. */
  async addReviewComments(items: readonly ReviewComment[]): Promise<Result<CommentReport>> {
    const findings: Finding[] = items.map((c) => ({
      code: "review_comment",
      severity: c.severity,
      message: c.message,
      ...(c.fieldLabel ? { fieldLabel: c.fieldLabel } : {}),
      rule: "review",
      template: "review",
      plan: 0,
      location: c.location,
    }));
    const { annotateDocx } = await import("../adapters/docx/annotate");
    const r = annotateDocx(this.docx.current(), findings, {
      author: "PlanAssist",
      date: new Date().toISOString(),
    });
    if (!r.ok) return r;
    if (r.value.comments > 0) this.replace(r.value.bytes);
    return ok({
      added: items.length - r.value.unplaced,
      notAdded: Array.from(
        { length: r.value.unplaced },
        () => "the finding has no place in the document",
      ),
    });
  }

  async fill(request: FillRequest): Promise<Result<FillReport>> {
    const read = await this.docx.read();
    if (!read.ok) return read;
    const planning = planSectionFill(read.value, request);
    if (!planning.ok) return planning;
    const plan = request.data.plans[request.plan];
    const label = fieldLabeller(plan);
    const { fillDocx } = await writerModule();
    const filled = fillDocx(this.docx.current(), planning.value.plan, {
      label: `Section ${request.section.id}${request.section.block ? ` #${request.section.block}` : ""}`,
      now: new Date(),
      skipped: planning.value.skipped,
    });
    if (!filled.ok) return filled;
    if (filled.value.changedParts.length > 0) this.replace(filled.value.bytes);
    const entry = (edit: Edit, reason?: string): FillEntry => ({
      label: `${label(editSubject(edit))} (${describeEdit(edit)})`,
      ...("location" in edit ? { location: edit.location } : {}),
      ...(reason ? { reason } : {}),
    });
    return ok({
      written: filled.value.written.map((o) => entry(o.edit)),
      skipped: [
        ...filled.value.unchanged.map((o) => entry(o.edit, "it already held this value")),
        ...filled.value.skipped.map((s) => ({
          label: `${label(s.field)}${s.location ? ` (${describeLocation(s.location)})` : ""}`,
          reason: s.message,
          ...(s.location ? { location: s.location } : {}),
        })),
      ],
      failed: filled.value.failed.map((o) => entry(o.edit, o.message ?? "it could not be written")),
      rowsAdded: planning.value.rowsAdded,
      rowsRemoved: planning.value.rowsRemoved,
    });
  }

  async revert(options?: RevertOptions): Promise<Result<RevertReport>> {
    const { revertDocx } = await writerModule();
    const r = revertDocx(this.docx.current(), { force: options?.force ?? false });
    if (!r.ok) return r;
    const before = await this.docx.read();
    this.replace(r.value.bytes);
    const afterRead = await this.docx.read();
    let restored = 0;
    if (before.ok && afterRead.ok) {
      // Values put back: cells and body paragraphs (District/School Name: ...) whose text changed,
      // by address (rows the fill added and the revert removed are counted apart).
      const texts = (s: DocumentSnapshot) =>
        new Map<string, string>([
          ...s.tables.flatMap((t) =>
            t.rows.flatMap((row) =>
              row.cells.map((c): [string, string] => [
                `${t.index}:${row.index}:${c.index}`,
                c.text,
              ]),
            ),
          ),
          ...s.paragraphs.map((p): [string, string] => [`p${p.index}`, p.text]),
        ]);
      const after = texts(afterRead.value);
      for (const [key, text] of texts(before.value)) {
        const now = after.get(key);
        if (now !== undefined && now !== text) restored++;
      }
    }
    const rowsRemoved =
      before.ok && afterRead.ok
        ? Math.max(0, rowCount(before.value) - rowCount(afterRead.value))
        : 0;
    return ok({ restored, rowsRemoved });
  }

  async insertTemplate(template: string): Promise<Result<void>> {
    const sample = samples.find((s) => s.template === template);
    if (!sample) return err("plan_data_invalid", "PlanAssist has no blank copy of that template.");
    try {
      this.replace(await loadSample(sample));
      return ok(undefined);
    } catch {
      return err(
        "file_empty",
        "The blank template could not be loaded. Reload the page and try again.",
      );
    }
  }
}
