/**
 * The document port: the one interface the app layer uses to reach a document, whichever host
 * holds it. Three adapters implement it:
 *
 * - `src/adapters/office`: the document open in Word, through Office.js (the only code that
 *   touches Word);
 * - `src/adapters/docx`: a .docx file's bytes (command line and browser preview);
 * - `src/adapters/memory`: a snapshot held in memory (fast UI tests).
 *
 * Every method returns a `Result`: what goes wrong in a document or a host is reported with a
 * stable code and a sentence, never thrown. One contract test suite (tests/contract) pins down that
 * every adapter reads the same document into the same snapshot.
 *
 * Everything the app does to a document goes through this interface: reading, writing a fill plan,
 * reverting the last fill, saying what the last fill was, going to a place, adding comments and
 * inserting a blank template. Nothing else of an adapter is used by the app (no side doors); the
 * pane, the preview and the command line choose the adapter at their edge and hand it on.
 *
 * Extending the port: add methods here with a doc comment, implement them in every adapter, and
 * add a case to the contract suite (tests/contract). Writes take locations from a snapshot
 * returned by `read`, never proxies; an adapter plans nothing itself: the plan comes from the core.
 */
import type { EditPlan, Skip } from "../domain/edits";
import type { ErrorCode, Result } from "../domain/result";
import type { DocumentSnapshot, Location } from "../domain/snapshot";
import type { EditOutcome } from "../ooxml/edit/apply";
import type { RevertSummary } from "../ooxml/edit/revert";

/** Which host an adapter talks to. */
type DocumentHost = "word" | "docx" | "memory";

/** What the host behind an adapter can do, found by feature detection when the adapter starts. */
export type DocumentCapabilities = {
  /** Writing into cells and paragraphs is possible (false for a read-only document). */
  readonly write: boolean;
  /** Comments can be added (WordApi 1.4 in Word; always in a .docx). */
  readonly comments: boolean;
  /** The selection can be moved to a location (Word only). */
  readonly select: boolean;
  /** A fill is recorded in the document, so that it can be reverted (WordApi 1.4 in Word). */
  readonly revert: boolean;
  /** A blank template can be put into an empty document. */
  readonly insert: boolean;
  /**
   * Why writing is not possible, when `write` is false: the host's Word is older than the add-in
   * needs, or the document is open read-only. Absent when writing is possible.
   */
  readonly noWrite?: "requirement" | "read-only";
  /**
   * Word's requirement sets above the minimum that this Word lacks, as "WordApi 1.4" (Office LTSC
   * 2021 and 2019 stop at 1.3). Absent or empty elsewhere.
   */
  readonly missingSets?: readonly string[];
  /**
   * Whether Track Changes was on at the latest read (Word's `changeTrackingMode` is not "Off");
   * undefined when the host cannot tell (WordApi 1.3) or has not read yet.
   */
  readonly trackChanges?: boolean;
};

/** How a fill is written: its label in the record of fills, and when it was made. */
export type WriteOptions = {
  /** What the fill is called in the record ("Section action-steps"), shown on revert. */
  readonly label: string;
  readonly now: Date;
  /** Values the planner left out (typed text without consent, no place), handed on to the report. */
  readonly skipped?: readonly Skip[];
};

/** A failure that stopped a write part of the way: the lists of a report say what is in. */
type StoppedWrite = { readonly code: ErrorCode; readonly message: string };

/**
 * What a host wrote of a fill plan, edit by edit, as read back from the document after writing.
 * Every edit of the plan is in exactly one of `written`, `unchanged` and `failed`; every value the
 * planner left out is in `skipped`.
 */
export type FillResult = {
  /** Edits found in the document after writing. */
  readonly written: readonly EditOutcome[];
  /** Edits whose target already held the value (nothing was written there). */
  readonly unchanged: readonly EditOutcome[];
  /** Edits that are not in the document, each with a sentence saying why. */
  readonly failed: readonly (EditOutcome & { readonly message: string })[];
  readonly skipped: readonly Skip[];
  /** Sentences for the person (the fill was written but could not be recorded, so no revert). */
  readonly notices: readonly string[];
  /** When the host stopped part of the way. */
  readonly stopped?: StoppedWrite;
};

/** `force`: put back every cell the fill wrote, even cells edited after it (the person agreed). */
export type RevertRequest = { readonly force?: boolean };

/** What a revert of the last fill put back. */
export type RevertResult = {
  /** The fill undone. */
  readonly fill: { readonly label: string; readonly at: string };
  /** Cells and body paragraphs whose text is what it was before the fill. */
  readonly restored: number;
  /** Rows (and tables) the fill had added, taken away again. */
  readonly rowsRemoved: number;
  /** Places that did not read back as before (empty when the revert is whole). */
  readonly notRestored: readonly string[];
  /** Fills still recorded (revert again to undo them). */
  readonly remaining: number;
  /** What was put back, by kind, where the host counts it so (a .docx does; Word does not). */
  readonly byKind?: RevertSummary;
  /**
   * Rows and tables the fill added that were left in place, because they no longer hold what it
   * wrote ("table 5, row 4"), where the host tells them apart (in Word they are in `notRestored`).
   */
  readonly kept?: readonly string[];
};

/** The last recorded fill and how much of it is in the document (a fill can be cut short). */
export type LastFill = {
  readonly label: string;
  readonly at: string;
  /** Cells holding what the fill wrote. */
  readonly written: number;
  /** Cells still holding their earlier contents: the fill did not reach them. */
  readonly notWritten: number;
};

/** What clearing the record of fills took away. */
export type ClearedHistory = {
  /** Fills that were recorded (none can be reverted any more); 0 when there was no record. */
  readonly cleared: number;
};

/** A review comment to anchor on a location. `text` is plain text, never markup. */
export type DocumentComment = {
  readonly location: Location;
  readonly text: string;
  /** Author shown in Word; defaults to "PlanAssist". */
  readonly author?: string;
};

/** What happened to each comment asked for, in the order given. */
export type CommentOutcome = {
  readonly added: number;
  /** Indexes (into the list given) of comments that could not be placed, with the reason. */
  readonly skipped: readonly { readonly index: number; readonly reason: string }[];
};

export interface DocumentPort {
  readonly host: DocumentHost;

  /** What this host can do. */
  capabilities(): DocumentCapabilities;

  /**
   * Reads every table (nested ones included, in document order) and every paragraph outside
   * tables into a snapshot. Reading twice without changes gives equal snapshots. In Word this costs
   * a fixed number of round trips however large the document is.
   */
  read(): Promise<Result<DocumentSnapshot>>;

  /**
   * Moves the selection to a location from the latest snapshot so the person sees it ("Go to").
   * Hosts without a selection return an `Err` with code `office_unavailable`.
   */
  select(location: Location): Promise<Result<void>>;

  /**
   * Anchors plain-text review comments on locations from the latest snapshot. Comments that cannot
   * be placed (the location no longer exists, the host refuses) are listed in `skipped`; the others
   * are still added.
   */
  addComments(comments: readonly DocumentComment[]): Promise<Result<CommentOutcome>>;

  /**
   * Writes a fill plan made against the latest snapshot, records the fill in the document (so it
   * can be reverted) and reads the result back. Answers `document_changed`, having written
   * nothing, when a target no longer holds what the plan expects.
   */
  fill(plan: EditPlan, options: WriteOptions): Promise<Result<FillResult>>;

  /**
   * Undoes the last recorded fill. Cells edited since the fill are left alone (`document_changed`)
   * unless `force`; `no_fill_to_revert` when no fill is recorded.
   */
  revert(request?: RevertRequest): Promise<Result<RevertResult>>;

  /** The last recorded fill and how much of it is in the document; undefined when there is none. */
  lastFill(): Promise<Result<LastFill | undefined>>;

  /**
   * Puts a blank template (a .docx file's bytes) into the document, which must be empty
   * (`document_not_empty` otherwise: nothing a person wrote is ever replaced).
   */
  insertTemplate(bytes: Uint8Array): Promise<Result<void>>;

  /**
   * Removes the record of fills kept in the document (every record part), after the person
   * agreed: no earlier fill can be reverted afterwards, and the earlier cell contents the record
   * held are gone from the file. The document's text is not touched. `cleared: 0` when there was
   * no record; `office_requirement_missing` where the host cannot keep a record (WordApi 1.3).
   */
  clearFillHistory(): Promise<Result<ClearedHistory>>;
}
