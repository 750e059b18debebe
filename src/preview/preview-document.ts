/**
 * The document the preview works on: a .docx file's bytes in memory, through the .docx adapter.
 * This wraps the adapter with what the page needs around it: it tells the page when the bytes
 * change (so it renders them again), and "Go to" scrolls the rendering to the cell. Nothing
 * leaves the browser.
 */
import { DocxDocument } from "../adapters/docx/docx-document.adapter";
import type { EditPlan } from "../domain/edits";
import { err, ok, type Result } from "../domain/result";
import type { DocumentSnapshot, Location } from "../domain/snapshot";
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
} from "../ports/document.port";
import { loadSample, samples } from "./samples";

type BytesListener = (bytes: Uint8Array) => void;

/** A .docx in memory behind the document port, whose bytes change when the pane writes. */
export class PreviewDocument implements DocumentPort {
  readonly host = "docx" as const;
  private readonly docx: DocxDocument;
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
    return this.changing(() => this.docx.addComments(comments));
  }

  async fill(plan: EditPlan, options: WriteOptions): Promise<Result<FillResult>> {
    // The plan was made against the latest read: the adapter writes on the package read then.
    await this.docx.read();
    return this.changing(() => this.docx.fill(plan, options));
  }

  revert(request?: RevertRequest): Promise<Result<RevertResult>> {
    return this.changing(() => this.docx.revert(request));
  }

  lastFill(): Promise<Result<LastFill | undefined>> {
    return this.docx.lastFill();
  }

  insertTemplate(bytes: Uint8Array): Promise<Result<void>> {
    return this.changing(() => this.docx.insertTemplate(bytes));
  }

  clearFillHistory(): Promise<Result<ClearedHistory>> {
    return this.changing(() => this.docx.clearFillHistory());
  }

  /** Runs a write; when the bytes changed, the next read reads them and the page renders them. */
  private async changing<T>(write: () => Promise<Result<T>>): Promise<Result<T>> {
    const before = this.docx.current();
    const r = await write();
    const after = this.docx.current();
    if (after !== before) {
      this.reading = undefined;
      for (const l of this.listeners) l(after);
    }
    return r;
  }
}

/** The preview's blank templates: the product's sample files, served next to the page. */
export async function previewBlankTemplate(template: string): Promise<Result<Uint8Array>> {
  const sample = samples.find((s) => s.template === template);
  if (!sample) return err("plan_data_invalid", "PlanAssist has no blank copy of that template.");
  try {
    return ok(await loadSample(sample));
  } catch {
    return err(
      "file_empty",
      "The blank template could not be loaded. Reload the page and try again.",
    );
  }
}
