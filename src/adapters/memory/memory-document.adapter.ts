/**
 * A document held in memory, behind the document port: fast and deterministic for UI tests.
 *
 * It holds a snapshot (and, when built from a file, the .docx bytes so a test can hand them on).
 * `select` and `addComments` record what was asked so tests can assert on it.
 */
import { err, ok, type Result } from "../../domain/result";
import type { DocumentSnapshot, Location } from "../../domain/snapshot";
import type {
  CommentOutcome,
  DocumentCapabilities,
  DocumentComment,
  DocumentPort,
} from "../../ports/document.port";
import { openDocx } from "../docx/docx-file";

export class MemoryDocument implements DocumentPort {
  readonly host = "memory" as const;
  /** Locations passed to `select`, in order. */
  readonly selections: Location[] = [];
  /** Comments added, in order. */
  readonly comments: DocumentComment[] = [];
  /** How many times `read` was called. */
  reads = 0;

  constructor(
    private snapshot: DocumentSnapshot,
    /** The .docx the snapshot was read from, when there is one. */
    readonly bytes?: Uint8Array,
  ) {}

  /** Reads a .docx once and serves its snapshot from memory afterwards. */
  static fromDocx(bytes: Uint8Array): Result<MemoryDocument> {
    const opened = openDocx(bytes);
    if (!opened.ok) return opened;
    return ok(new MemoryDocument(opened.value.read.snapshot, bytes), opened.warnings);
  }

  capabilities(): DocumentCapabilities {
    return { write: false, comments: true, select: true };
  }

  /** Replaces the held snapshot (a test simulating an edit made outside the pane). */
  replace(snapshot: DocumentSnapshot): void {
    this.snapshot = snapshot;
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
