/**
 * The slice of Word's JavaScript API that writing and reverting use (the real Word API satisfies
 * it structurally; the tests' fakes implement it), and how cells are found again from a
 * snapshot's indexes.
 */
import type { DocumentSnapshot } from "../../domain/snapshot";

interface WFont {
  name: string;
  size: number;
  color: string;
  bold: boolean;
  italic: boolean;
  set(properties: Partial<Pick<WFont, "name" | "size" | "color" | "bold" | "italic">>): void;
}

interface WRange {
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
interface WTables {
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

interface WRow {
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
  delete(): void;
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

/**
 * The proxies of one document as a snapshot numbers it, each made once and reused for the rest
 * of the `Word.run` (docs: "Word JavaScript object model": a proxy stays bound to its object, and
 * every call queued is a step of the batch). The n-th table of the body is the (n-1)-th's
 * `getNext()`, a cell's k-th paragraph the (k-1)-th's, so reaching every target of a section costs
 * one step per table and paragraph, not one chain from the top per target. A proxy is bound when
 * the batch runs the call that makes it: make the proxies of a document as it will be after some
 * edits (another snapshot) after queueing those edits.
 */
export class Proxies {
  private readonly bodyTables: WTable[] = [];
  private readonly tables = new Map<number, WTable | undefined>();
  private readonly cells = new Map<string, WCell | undefined>();
  private readonly nested = new Map<string, WTable[]>();
  private readonly paragraphs = new Map<string, WParagraph>();

  constructor(
    readonly body: WBody,
    readonly snapshot: DocumentSnapshot,
  ) {}

  /** The k-th top-level table of the body (as `body.tables` counts them without nesting). */
  private bodyTable(k: number): WTable {
    for (let i = this.bodyTables.length; i <= k; i++)
      this.bodyTables.push(
        i === 0 ? this.body.tables.getFirst() : (this.bodyTables[i - 1] as WTable).getNext(),
      );
    return this.bodyTables[k] as WTable;
  }

  table(table: number): WTable | undefined {
    if (this.tables.has(table)) return this.tables.get(table);
    const t = this.snapshot.tables[table];
    let proxy: WTable | undefined;
    if (t?.parent) {
      const key = `${t.parent.table}/${t.parent.row}/${t.parent.cell}`;
      const parentCell =
        this.snapshot.tables[t.parent.table]?.rows[t.parent.row]?.cells[t.parent.cell];
      const cell = this.cell(t.parent.table, t.parent.row, t.parent.cell);
      const k = parentCell?.nestedTables.indexOf(table) ?? -1;
      if (cell && k >= 0) {
        const list = this.nested.get(key) ?? [];
        this.nested.set(key, list);
        for (let i = list.length; i <= k; i++)
          list.push(i === 0 ? cell.body.tables.getFirst() : (list[i - 1] as WTable).getNext());
        proxy = list[k];
      }
    } else if (t) proxy = this.bodyTable(t.bodyTableIndex ?? 0);
    this.tables.set(table, proxy);
    return proxy;
  }

  /** A cell of a table of the snapshot (its row as the snapshot numbers it). */
  cell(table: number, row: number, cell: number): WCell | undefined {
    const key = `${table}/${row}/${cell}`;
    if (!this.cells.has(key))
      this.cells.set(
        key,
        this.table(table)?.getCellOrNullObject(wordRow(this.snapshot, table, row), cell),
      );
    return this.cells.get(key);
  }

  /** The k-th paragraph of a cell. */
  cellParagraph(table: number, row: number, cell: number, k: number): WParagraph | undefined {
    const key = `${table}/${row}/${cell}/${k}`;
    const had = this.paragraphs.get(key);
    if (had) return had;
    const c = this.cell(table, row, cell);
    if (!c) return undefined;
    const p =
      k === 0
        ? c.body.paragraphs.getFirst()
        : this.cellParagraph(table, row, cell, k - 1)?.getNext();
    if (p) this.paragraphs.set(key, p);
    return p;
  }

  /**
   * A body paragraph (outside tables), reached from the nearest top-level table before it
   * (`getParagraphAfterOrNullObject`, then `getNext` over the body paragraphs between) or from
   * the body's first paragraph when no table comes before it. Never by counting every paragraph
   * from the top: whether `body.paragraphs` counts a mark at the end of each table row is not
   * documented, and a chain of hundreds of `getNext` calls is slow on the web.
   */
  bodyParagraph(paragraph: number): WParagraph {
    const snapshot = this.snapshot;
    const at = snapshot.blocks.findIndex(
      (b) => b.kind === "paragraph" && b.paragraph === paragraph,
    );
    if (at < 0) {
      const docIndex = snapshot.paragraphs[paragraph]?.documentIndex ?? 0;
      return this.chain("top", () => this.body.paragraphs.getFirst(), docIndex);
    }
    let between = 0;
    for (let i = at - 1; i >= 0; i--) {
      const b = snapshot.blocks[i];
      if (b?.kind === "table") {
        const table = this.table(b.table);
        if (table)
          return this.chain(
            `after${b.table}`,
            () => table.getParagraphAfterOrNullObject(),
            between,
          );
        const docIndex = snapshot.paragraphs[paragraph]?.documentIndex ?? 0;
        return this.chain("top", () => this.body.paragraphs.getFirst(), docIndex);
      }
      between++;
    }
    return this.chain("top", () => this.body.paragraphs.getFirst(), between);
  }

  /** The k-th paragraph after a first one, each step made once. */
  private chain(name: string, first: () => WParagraph, k: number): WParagraph {
    const key = `${name}+${k}`;
    const had = this.paragraphs.get(key);
    if (had) return had;
    const p = k === 0 ? first() : this.chain(name, first, k - 1).getNext();
    this.paragraphs.set(key, p);
    return p;
  }
}

/** A table's proxy, found again from the snapshot's indexes (a fresh chain of proxies). */
export function tableProxy(
  body: WBody,
  snapshot: DocumentSnapshot,
  table: number,
): WTable | undefined {
  return new Proxies(body, snapshot).table(table);
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

/** A body paragraph's proxy (see `Proxies.bodyParagraph`), from a fresh chain of proxies. */
export function bodyParagraphProxy(
  body: WBody,
  snapshot: DocumentSnapshot,
  paragraph: number,
): WParagraph {
  return new Proxies(body, snapshot).bodyParagraph(paragraph);
}

export function nth(first: WParagraph, k: number): WParagraph {
  let p = first;
  for (let i = 0; i < k; i++) p = p.getNext();
  return p;
}

/**
 * Compares two texts the reader made (never Word's `.text`, which gives a Wingdings circle's raw
 * characters and "(" for a `w:sym`: office-js #2368, #4477): the comparison revert uses too.
 */
export { sameText } from "../../ooxml/edit/revert-plan";

export { clip } from "../../domain/edits";

/** Whether Word refused a batch because the document cannot be changed. */
export function isReadOnly(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? "";
  return code === "AccessDenied" || code === "EditModeCannotBeChanged" || code === "ReadOnly";
}
