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

export interface WordTableCellLike {
  readonly body: WordBodyLike;
}

export interface WordBodyLike {
  getOoxml(): WordClientResult<string>;
  getRange(location: "Whole"): WordRangeLike;
  readonly tables: { getFirst(): WordTableLike };
  readonly paragraphs: { getFirst(): WordParagraphLike };
}

export interface WordRequestContextLike {
  readonly document: { readonly body: WordBodyLike };
  sync(): Promise<void>;
}

/** Word as the adapter sees it: batches run through `run`, requirement sets through `isSetSupported`. */
export interface WordHost {
  run<T>(batch: (context: WordRequestContextLike) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

/** What the page's globals hold when Office.js has loaded inside Word. */
type OfficeGlobals = {
  Office?: {
    context?: { requirements?: { isSetSupported(name: string, version?: string): boolean } };
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
  return {
    run: (batch) => word.run((context) => batch(context)),
    isSetSupported: (name, version) => requirements.isSetSupported(name, version),
  };
}
