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
 * Extending the port: add methods here with a doc comment, implement them in every adapter (the
 * memory adapter may record calls instead of acting), and add a case to the contract suite.
 * Methods that write (filling cells, adding rows, reverting) belong to the write-back work and are
 * added alongside `read`; they take locations from a snapshot returned by `read`, never proxies.
 */
import type { Result } from "../domain/result";
import type { DocumentSnapshot, Location } from "../domain/snapshot";

/** Which host an adapter talks to. */
export type DocumentHost = "word" | "docx" | "memory";

/** What the host behind an adapter can do, found by feature detection when the adapter starts. */
export type DocumentCapabilities = {
  /** Writing into cells and paragraphs is possible (false for a read-only document). */
  readonly write: boolean;
  /** Comments can be added (WordApi 1.4 in Word; always in a .docx). */
  readonly comments: boolean;
  /** The selection can be moved to a location (Word only). */
  readonly select: boolean;
  /**
   * A fill can be recorded and reverted (WordApi 1.4 in Word: the record is a custom XML part;
   * always in a .docx). Absent means yes.
   */
  readonly revert?: boolean;
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
}
