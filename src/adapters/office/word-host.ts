/**
 * The slice of Office.js the Office adapter uses, as typed interfaces. The real Word API satisfies
 * them (see `officeWordHost`); tests pass typed fakes that count `context.sync()` calls.
 */

/** A value Word fills in at the next `context.sync()` (reading `.value` before that throws). */
export interface WordClientResult<T> {
  readonly value: T;
}

export interface WordRangeLike {
  select(): void;
  /** WordApi 1.4. */
  insertComment(text: string): unknown;
}

export interface WordParagraphLike {
  getNext(): WordParagraphLike;
  getRange(location: "Whole"): WordRangeLike;
}

export interface WordTableLike {
  getNext(): WordTableLike;
  getCell(rowIndex: number, cellIndex: number): WordTableCellLike;
}

interface WordTableCellLike {
  readonly body: WordBodyLike;
}

export interface WordBodyLike {
  getOoxml(): WordClientResult<string>;
  getRange(location: "Whole"): WordRangeLike;
  readonly tables: { getFirst(): WordTableLike };
  readonly paragraphs: { getFirst(): WordParagraphLike };
}

interface WordDocumentLike {
  readonly body: WordBodyLike;
  /**
   * WordApi 1.4: "Off", "TrackAll" or "TrackMineOnly" (docs: Word.Document.changeTrackingMode).
   * Loaded only where `isSetSupported("WordApi", "1.4")` says so.
   */
  readonly changeTrackingMode?: string;
  load?(properties: string): unknown;
}

export interface WordRequestContextLike {
  readonly document: WordDocumentLike;
  sync(): Promise<void>;
}

/** Word as the adapter sees it: batches run through `run`, requirement sets through `isSetSupported`. */
export interface WordHost {
  run<T>(batch: (context: WordRequestContextLike) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
  /**
   * `Office.context.document.mode` (Common API, every Word): "readOnly" when the document is open
   * for reading only, "readWrite" otherwise; undefined when the host does not say.
   */
  documentMode?(): "readOnly" | "readWrite" | undefined;
}

/** What the page's globals hold when Office.js has loaded inside Word. */
type OfficeGlobals = {
  Office?: {
    context?: {
      requirements?: { isSetSupported(name: string, version?: string): boolean };
      document?: { mode?: unknown };
    };
  };
  Word?: { run<T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T> };
};

/**
 * The real Word, when the page runs inside Word with Office.js loaded; undefined otherwise (the
 * browser preview, tests).
 */
export function officeWordHost(globals: unknown = globalThis): WordHost | undefined {
  const g = globals as OfficeGlobals;
  const requirements = g.Office?.context?.requirements;
  const word = g.Word;
  if (!requirements || !word || typeof word.run !== "function") return undefined;
  const office = g.Office;
  return {
    run: (batch) => word.run((context) => batch(context)),
    isSetSupported: (name, version) => requirements.isSetSupported(name, version),
    documentMode: () => modeOf(office?.context?.document?.mode),
  };
}

/** Office.DocumentMode's values ("readOnly", "readWrite"); anything else is not known. */
function modeOf(mode: unknown): "readOnly" | "readWrite" | undefined {
  return mode === "readOnly" || mode === "readWrite" ? mode : undefined;
}

/** Whether Word has a requirement set, false when asking throws (an old Office.js). */
export function hasSet(
  host: Pick<WordHost, "isSetSupported"> | undefined,
  version: string,
): boolean {
  try {
    return host?.isSetSupported("WordApi", version) ?? false;
  } catch {
    return false;
  }
}

/**
 * What the add-in uses above WordApi 1.3, the version it needs to run at all (tables, OOXML).
 * Office LTSC 2021 and Office 2019 stop at 1.3 (docs: "Word JavaScript API requirement sets").
 */
export const ABOVE_13 = {
  /** The fill record (custom XML parts, `getOnlyItemOrNullObject`), so Revert last fill. */
  revert: "1.4",
  /** `Range.insertComment`. */
  comments: "1.4",
  /** `Document.changeTrackingMode`. */
  trackChanges: "1.4",
} as const;

/** Which of Word's refusals a failed batch met, told apart so the pane can say which it is. */
type WordRefusal = {
  readonly code: "office_read_only" | "office_protected" | "office_view_mode";
  readonly message: string;
};

/**
 * Tells Word's refusals apart (docs: "Error handling with the application-specific JavaScript
 * APIs" and Word.ErrorCodes; office-js issues):
 * - `AccessDenied`: the document is read-only to this person (opened read-only, view-only
 *   permission, marked as final);
 * - `NotAllowed`: this part of the document is protected (Restrict Editing, a locked content
 *   control), or this Word does not allow the action (Word on the web: office-js-docs #981,
 *   comments on some tenants #6746);
 * - `GeneralException` on a batch that changed nothing yet: Word answers so in Viewing mode
 *   (#5484), which an add-in cannot see (#3831: `changeTrackingMode` is the same as in Reviewing,
 *   and #5484: `Office.context.document.mode` stays "readWrite"). With `mode` "readOnly", or
 *   `nothingWritten`, it is said as view mode; a GeneralException after part of a write is an
 *   ordinary failure and gives undefined.
 */
export function wordRefusal(
  e: unknown,
  mode: "readOnly" | "readWrite" | undefined,
  options: { readonly nothingWritten?: boolean } = {},
): WordRefusal | undefined {
  const code = (e as { code?: unknown } | undefined)?.code;
  if (code === "AccessDenied" || code === "ReadOnly" || code === "EditModeCannotBeChanged")
    return {
      code: "office_read_only",
      message:
        "Word says this document is read-only for you (it was opened read-only, you may only view it, or it is marked as final). Nothing was changed. Save a copy you can edit, or ask its owner for edit access, then try again.",
    };
  if (code === "NotAllowed")
    return {
      code: "office_protected",
      message:
        "Word did not allow the change: this part of the document is protected (Review > Restrict Editing, or a locked content control), or this Word does not let add-ins do it. Ask whoever protected the document to allow editing there, then try again.",
    };
  if (code === "GeneralException" && (mode === "readOnly" || options.nothingWritten))
    return {
      code: "office_view_mode",
      message:
        "Word refused the change without giving a reason, which is what it does when the document is open for viewing. Switch Word to Editing (the Editing / Reviewing / Viewing menu, or Edit Document in Word on the web), then try again. If Word is in Editing already, save, reopen the document and retry.",
    };
  return undefined;
}
