/**
 * The document model: what PlanAssist knows about a document's tables and labelled paragraphs.
 *
 * Both hosts produce exactly this shape: the .docx adapter from a file's bytes and the Office.js
 * adapter from the OOXML Word returns. Text is what a person sees: tracked deletions are left out,
 * tracked insertions kept, text split over many runs joined, symbol-font glyphs shown as the
 * Unicode characters they look like.
 */

/** How a choice mark looks. */
export type GlyphKind = "radio-empty" | "radio-filled" | "box-empty" | "box-checked" | "check";

export type Glyph = {
  readonly kind: GlyphKind;
  /** The Unicode character shown in `text` for this glyph (○ ● ☐ ☒ ✓). */
  readonly char: string;
  /**
   * Where the glyph came from: a `w:sym` element, a symbol-font run, a Unicode character, a check
   * box content control, or a legacy check box form field (`w:ffData/w:checkBox`).
   */
  readonly source: "sym" | "symbol-font" | "unicode" | "checkbox-control" | "form-field";
  /** The symbol font when there is one (Wingdings, Wingdings 2, MS Gothic, ...). */
  readonly font?: string;
  /** Offset of the glyph in the paragraph's `text`. */
  readonly offset: number;
};

export type RunSnapshot = {
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
};

export type ParagraphSnapshot = {
  /** Visible text; tabs are `\t`, line breaks `\n`. */
  readonly text: string;
  /** Visible runs with their emphasis; adjacent runs of the same emphasis are joined. */
  readonly runs: readonly RunSnapshot[];
  /** The paragraph style id, when one is set. */
  readonly style?: string;
  /** Whether the paragraph is a list item (bullets or numbering). */
  readonly listItem: boolean;
  readonly glyphs: readonly Glyph[];
};

export type CellSnapshot = {
  /** Index of this cell within its row (what Word's `TableCell.cellIndex` counts). */
  readonly index: number;
  /** First grid column the cell covers. */
  readonly gridColumn: number;
  /** How many grid columns it covers (`w:gridSpan`). */
  readonly gridSpan: number;
  /** `restart` starts a vertical merge, `continue` is covered by the cell above. */
  readonly vMerge?: "restart" | "continue";
  /** Rows covered by a vertical merge that starts here (1 when not merged, 0 for `continue`). */
  readonly rowSpan: number;
  readonly paragraphs: readonly ParagraphSnapshot[];
  /** The paragraphs' text joined with `\n`. */
  readonly text: string;
  /**
   * The cell's width in twips (1/1440 inch): its `w:tcW` when given in twips, else the widths of
   * the grid columns it covers; absent when the document gives neither.
   */
  readonly width?: number;
  /** Background fill (hex without `#`), when the cell is shaded. */
  readonly shading?: string;
  /** Document-order indexes of tables nested in this cell. */
  readonly nestedTables: readonly number[];
};

export type RowSnapshot = {
  readonly index: number;
  /** Repeated as a header row across pages (`w:tblHeader`). */
  readonly header: boolean;
  readonly cells: readonly CellSnapshot[];
};

export type TableSnapshot = {
  /** Position among all tables in document order, nested tables included (pre-order). */
  readonly index: number;
  /** The cell a nested table sits in. */
  readonly parent?: { readonly table: number; readonly row: number; readonly cell: number };
  /** Position among top-level tables in the body (what `body.tables` counts in Word), for top-level tables. */
  readonly bodyTableIndex?: number;
  /**
   * Set when this table is part of a larger table element: Word joins touching tables into one,
   * and such a table is read as the tables it was made of. The position of this table's first
   * row among the element's rows (what Word's `table.rows` counts); later tables of the same
   * element share its `bodyTableIndex`.
   */
  readonly firstRow?: number;
  /**
   * Set when the table element holds rows deleted with Track Changes on (`w:trPr/w:del`): they
   * are not rows of the snapshot, but Word counts them (`rowCount`, `getCell`) until the deletion
   * is accepted. `at[r]` is row r's position in Word's table, `count` the rows Word counts in it.
   */
  readonly trackedRows?: { readonly at: readonly number[]; readonly count: number };
  readonly gridColumns: number;
  readonly rows: readonly RowSnapshot[];
  /** Index of the body paragraph just before the table (-1 when none), to find headings such as "School will:". */
  readonly precedingParagraph: number;
};

export type BodyParagraph = ParagraphSnapshot & {
  /** Position among body paragraphs (paragraphs outside tables), in document order. */
  readonly index: number;
  /** Position among all paragraphs in document order, table cells included (what `body.paragraphs` counts in Word). */
  readonly documentIndex: number;
};

export type Block =
  | { readonly kind: "paragraph"; readonly paragraph: number }
  | { readonly kind: "table"; readonly table: number };

type DocumentFacts = {
  /** The document was saved as Strict Open XML. */
  readonly strict: boolean;
  /** The package is macro-enabled (.docm). */
  readonly macros: boolean;
  /** Tracked changes were found; text is read as if they were accepted. */
  readonly trackedChanges: boolean;
};

export type DocumentSnapshot = {
  readonly tables: readonly TableSnapshot[];
  readonly paragraphs: readonly BodyParagraph[];
  /** The body's top-level blocks in order. */
  readonly blocks: readonly Block[];
  readonly facts: DocumentFacts;
};

/** Where a value lives in the document: one definition, the plan data's (see plan-data.ts). */
export type { CellLocation, Location } from "./plan-data";

/** The cell covering a grid column in a row, or undefined. */
export function cellAtGridColumn(row: RowSnapshot, column: number): CellSnapshot | undefined {
  return row.cells.find((c) => column >= c.gridColumn && column < c.gridColumn + c.gridSpan);
}
