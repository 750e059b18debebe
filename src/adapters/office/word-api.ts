/**
 * The slice of Word's JavaScript API that writing and reverting use (the real Word API satisfies
 * it structurally; the tests' fakes implement it), and how cells are found again from a
 * snapshot's indexes.
 */
import { normaliseSlotText } from "../../domain/edits";
import type { DocumentSnapshot } from "../../domain/snapshot";

export interface WFont {
  name: string;
  size: number;
  color: string;
  bold: boolean;
  italic: boolean;
  set(properties: Partial<Pick<WFont, "name" | "size" | "color" | "bold" | "italic">>): void;
}

export interface WRange {
  insertText(text: string, location: "Replace" | "Start" | "End"): WRange;
  readonly font: WFont;
}

export interface WRangeCollection {
  readonly items: WRange[];
  load(properties?: string): WRangeCollection;
}

export interface WParagraph {
  text: string;
  style: string;
  readonly font: WFont;
  load(properties: string): WParagraph;
  getNext(): WParagraph;
  insertText(text: string, location: "Replace" | "Start" | "End"): WRange;
  search(
    text: string,
    options?: { matchCase?: boolean; matchWildcards?: boolean },
  ): WRangeCollection;
  set(properties: { style?: string }): void;
  /** Used by revert, to give a cell back paragraphs a fill took away. */
  insertParagraph(text: string, location: "After" | "Before"): WParagraph;
  /** Used by revert, to take away paragraphs a fill added. */
  delete(): void;
}

export interface WBody {
  /** Word's own OOXML of the body (the document's, or a cell's), as a flat OPC package. */
  getOoxml(): { value: string };
  readonly paragraphs: { getFirst(): WParagraph };
  readonly tables: WTables;
}

/** A body's tables (top-level ones for the document's body); `items` after a load. */
export interface WTables {
  getFirst(): WTable;
  readonly items: readonly unknown[];
  load(properties: string): unknown;
}

export interface WCell {
  readonly isNullObject: boolean;
  /** The cell's text, paragraphs joined by line ends. */
  readonly value: string;
  readonly body: WBody;
  readonly parentRow: WRow;
  load(properties: string): WCell;
}

export interface WRow {
  insertRows(location: "After" | "Before", rowCount: number, values?: string[][]): unknown;
  delete(): void;
}

export interface WTable {
  readonly rowCount: number;
  /** WordApi 1.3: the paragraph just after the table (a null object when there is none). */
  getParagraphAfterOrNullObject(): WParagraph;
  load(properties: string): WTable;
  /** Used to add a block of tables after this one (as XML: Word has no native copy). */
  getRange(location: "Whole"): { insertOoxml(ooxml: string, location: "After"): unknown };
  /** Used by revert, to take away tables a fill added. */
  delete(): void;
  getNext(): WTable;
  getCellOrNullObject(rowIndex: number, cellIndex: number): WCell;
}

export interface WCustomXmlPart {
  getXml(): { value: string };
  setXml(xml: string): void;
}

/** The journal part, reached in one step (WordApi 1.4 `getOnlyItemOrNullObject`). */
export interface WJournalPart {
  readonly isNullObject: boolean;
  load(properties?: string): unknown;
  getXml(): { value: string };
  setXml(xml: string): void;
  delete(): void;
}

export interface WCustomXmlParts {
  getByNamespace(ns: string): {
    items: WCustomXmlPart[];
    load(properties?: string): unknown;
    getOnlyItemOrNullObject(): WJournalPart;
  };
  add(xml: string): WCustomXmlPart;
}

export interface WContext {
  readonly document: { readonly body: WBody; readonly customXmlParts?: WCustomXmlParts };
  sync(): Promise<void>;
}

export interface WordWriteHost {
  run<T>(batch: (context: WContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

/** Proxies for the paragraphs of one location, found again from the snapshot's indexes. */
export function tableProxy(
  body: WBody,
  snapshot: DocumentSnapshot,
  table: number,
): WTable | undefined {
  const t = snapshot.tables[table];
  if (!t) return undefined;
  if (t.parent) {
    const parentTable = tableProxy(body, snapshot, t.parent.table);
    const parentCell = snapshot.tables[t.parent.table]?.rows[t.parent.row]?.cells[t.parent.cell];
    if (!parentTable || !parentCell) return undefined;
    const k = parentCell.nestedTables.indexOf(table);
    let nested = parentTable
      .getCellOrNullObject(wordRow(snapshot, t.parent.table, t.parent.row), t.parent.cell)
      .body.tables.getFirst();
    for (let i = 0; i < k; i++) nested = nested.getNext();
    return nested;
  }
  let proxy = body.tables.getFirst();
  for (let i = 0; i < (t.bodyTableIndex ?? 0); i++) proxy = proxy.getNext();
  return proxy;
}

/**
 * A row's position in Word's table. A table the reader cut out of a table Word joined (see
 * `TableSnapshot.firstRow`) begins part-way down Word's table.
 */
export function wordRow(snapshot: DocumentSnapshot, table: number, row: number): number {
  // Rows deleted with Track Changes on are still rows in Word (see `TableSnapshot.trackedRows`).
  const at = snapshot.tables[table]?.trackedRows?.at;
  if (at && at.length > 0)
    return row < at.length
      ? (at[row] as number)
      : (at[at.length - 1] as number) + 1 + row - at.length;
  return (snapshot.tables[table]?.firstRow ?? 0) + row;
}

/** How many rows Word's table holds that a table of the snapshot is read from. */
export function wordRowCount(snapshot: DocumentSnapshot, table: number): number {
  const t = snapshot.tables[table];
  if (!t) return 0;
  if (t.trackedRows) return t.trackedRows.count;
  if (t.firstRow === undefined || t.parent) return t.rows.length;
  return snapshot.tables
    .filter((o) => !o.parent && o.bodyTableIndex === t.bodyTableIndex)
    .reduce((n, o) => n + o.rows.length, 0);
}

/**
 * A proxy for a body paragraph (outside tables), reached from the nearest top-level table before
 * it (`getParagraphAfterOrNullObject`, then `getNext` over the body paragraphs between) or from
 * the body's first paragraph when no table comes before it. Never by counting every paragraph
 * from the top: whether `body.paragraphs` counts a mark at the end of each table row is not
 * documented, and a chain of hundreds of `getNext` calls is slow on the web.
 */
export function bodyParagraphProxy(
  body: WBody,
  snapshot: DocumentSnapshot,
  paragraph: number,
): WParagraph {
  const at = snapshot.blocks.findIndex((b) => b.kind === "paragraph" && b.paragraph === paragraph);
  if (at < 0) {
    const docIndex = snapshot.paragraphs[paragraph]?.documentIndex ?? 0;
    return nth(body.paragraphs.getFirst(), docIndex);
  }
  let between = 0;
  for (let i = at - 1; i >= 0; i--) {
    const b = snapshot.blocks[i];
    if (b?.kind === "table") {
      const table = tableProxy(body, snapshot, b.table);
      if (table) return nth(table.getParagraphAfterOrNullObject(), between);
      return nth(body.paragraphs.getFirst(), snapshot.paragraphs[paragraph]?.documentIndex ?? 0);
    }
    between++;
  }
  return nth(body.paragraphs.getFirst(), between);
}

export function nth(first: WParagraph, k: number): WParagraph {
  let p = first;
  for (let i = 0; i < k; i++) p = p.getNext();
  return p;
}

/**
 * Compares two texts the reader made (never Word's `.text`, which gives a Wingdings circle's raw
 * characters and "(" for a `w:sym`: office-js #2368, #4477): line ends, spaces at the ends and
 * the look-alike circle characters count alike.
 */
export function sameText(word: string, expected: string): boolean {
  // Line breaks inside a paragraph (vertical tabs in Word's text) count as line ends.
  const norm = (s: string) =>
    normaliseSlotText(s.replace(/\u000b|\r\n?/g, "\n")).replace(/[\uF000-\uF0FF○●◯⚪⬤⚫(]/g, "◦");
  return norm(word) === norm(expected);
}

/** A cell's text cut short for messages. */
export function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** Whether Word refused a batch because the document cannot be changed. */
export function isReadOnly(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? "";
  return code === "AccessDenied" || code === "EditModeCannotBeChanged" || code === "ReadOnly";
}
