/**
 * A .docx file's bytes behind the document port (command line and browser preview).
 * Bytes in, bytes out; no file system. Write methods are added by the write-back work.
 */
import { err, ok, type Result } from "../../domain/result";
import type { DocumentSnapshot, Location } from "../../domain/snapshot";
import type {
  CommentOutcome,
  DocumentCapabilities,
  DocumentComment,
  DocumentPort,
} from "../../ports/document.port";
import { openDocx, type DocxPackage } from "./docx-file";

export class DocxDocument implements DocumentPort {
  readonly host = "docx" as const;
  private opened: DocxPackage | undefined;

  constructor(private bytes: Uint8Array) {}

  /** The current bytes of the file. */
  current(): Uint8Array {
    return this.bytes;
  }

  /** The package of the latest successful read. */
  lastPackage(): DocxPackage | undefined {
    return this.opened;
  }

  capabilities(): DocumentCapabilities {
    return { write: true, comments: false, select: false };
  }

  async read(): Promise<Result<DocumentSnapshot>> {
    const r = openDocx(this.bytes);
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

  async addComments(comments: readonly DocumentComment[]): Promise<Result<CommentOutcome>> {
    return ok({
      added: 0,
      skipped: comments.map((_c, index) => ({
        index,
        reason: "comments are not written into .docx files in this build",
      })),
    });
  }
}
