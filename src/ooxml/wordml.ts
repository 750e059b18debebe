/**
 * Reads a WordprocessingML main document part into the document model.
 *
 * The same code reads a .docx file's `word/document.xml` and the OOXML that Office.js returns, so
 * both hosts see the same tables. Alongside the snapshot it returns an index from each table, row,
 * cell and paragraph to its XML element, which the writer uses to splice edits into the source.
 */
import type {
  Block,
  BodyParagraph,
  CellSnapshot,
  DocumentSnapshot,
  Glyph,
  ParagraphSnapshot,
  RowSnapshot,
  RunSnapshot,
  TableSnapshot,
} from "../domain/snapshot";
import { PlanAssistFailure } from "../domain/result";
import { firstGlyphCode, isSymbolFont, symbolGlyph, unicodeGlyph } from "./glyphs";
import { attr, attributes, textOf, type NameTable, type XmlDocument, type XmlElement } from "./xml";
import type { StyleSheet } from "./styles";
import { templateTableTitle, type TitleTest } from "../templates/table-starts";

export const TRANSITIONAL_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
export const STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main";

/** Element names with the document's own prefix for the WordprocessingML namespace. */
export type WordNames = ReturnType<typeof wordNames>;

/**
 * The names, as the document's own strings when its name table is given (so that comparing a
 * name compares references, see `NameTable`).
 */
export function wordNames(prefix: string, names?: NameTable) {
  const q = (local: string) => {
    const name = prefix === "" ? local : `${prefix}:${local}`;
    return names ? names.intern(name) : name;
  };
  return {
    prefix,
    q,
    body: q("body"),
    p: q("p"),
    pPr: q("pPr"),
    pStyle: q("pStyle"),
    numPr: q("numPr"),
    r: q("r"),
    rPr: q("rPr"),
    rStyle: q("rStyle"),
    rFonts: q("rFonts"),
    b: q("b"),
    i: q("i"),
    t: q("t"),
    tab: q("tab"),
    ptab: q("ptab"),
    br: q("br"),
    cr: q("cr"),
    sym: q("sym"),
    noBreakHyphen: q("noBreakHyphen"),
    softHyphen: q("softHyphen"),
    fldChar: q("fldChar"),
    fldSimple: q("fldSimple"),
    tbl: q("tbl"),
    tblGrid: q("tblGrid"),
    gridCol: q("gridCol"),
    tr: q("tr"),
    trPr: q("trPr"),
    tblHeader: q("tblHeader"),
    gridBefore: q("gridBefore"),
    tc: q("tc"),
    tcPr: q("tcPr"),
    gridSpan: q("gridSpan"),
    tcW: q("tcW"),
    w: q("w"),
    type: q("type"),
    vMerge: q("vMerge"),
    hMerge: q("hMerge"),
    shd: q("shd"),
    sdt: q("sdt"),
    sdtPr: q("sdtPr"),
    sdtContent: q("sdtContent"),
    customXml: q("customXml"),
    smartTag: q("smartTag"),
    hyperlink: q("hyperlink"),
    ins: q("ins"),
    del: q("del"),
    moveTo: q("moveTo"),
    moveFrom: q("moveFrom"),
    bdo: q("bdo"),
    dir: q("dir"),
    val: q("val"),
    font: q("font"),
    char: q("char"),
    ascii: q("ascii"),
    hAnsi: q("hAnsi"),
    fill: q("fill"),
    fldCharType: q("fldCharType"),
    ffData: q("ffData"),
    checkBox: q("checkBox"),
    default: q("default"),
    checked: q("checked"),
  };
}

/**
 * Local names of the elements `readWordDocument` looks at: the names above, and a checkbox content
 * control's `checkbox` and `checked` (in a Word 2010 namespace). Nothing else affects a snapshot.
 */
const readLocalNames: ReadonlySet<string> = new Set([
  ...Object.values(wordNames("")).filter((v): v is string => typeof v === "string" && v !== ""),
  "checkbox",
  "checked",
]);

/**
 * Whether `readWordDocument` may look at an element of this name, for a parse that keeps only
 * those (see `parseXml`'s `keep`). Whatever is inside an element it never looks at is left out
 * with it, which is safe because the reader only descends through elements it knows.
 */
export function readsElement(name: string): boolean {
  return readLocalNames.has(name.slice(name.indexOf(":") + 1));
}

/** Where each table, row, cell and paragraph of the snapshot sits in the XML. */
export type WordIndex = {
  readonly names: WordNames;
  readonly body: XmlElement;
  readonly tables: readonly TableIndex[];
  /** Body paragraphs, by body paragraph index. */
  readonly paragraphs: readonly XmlElement[];
};

export type TableIndex = {
  readonly element: XmlElement;
  readonly rows: readonly RowIndex[];
  /**
   * Where the table's first row is among the rows of its `w:tbl`, when the element holds more
   * than one table of the snapshot (tables Word joined, read apart again).
   */
  readonly firstRow?: number;
};

export type RowIndex = {
  readonly element: XmlElement;
  readonly cells: readonly CellIndex[];
};

type CellIndex = {
  readonly element: XmlElement;
  /** The cell's paragraphs in order (including those inside content controls), not those of nested tables. */
  readonly paragraphs: readonly XmlElement[];
};

export type ReadResult = { readonly snapshot: DocumentSnapshot; readonly index: WordIndex };

/** Finds the prefix bound to the WordprocessingML namespace on the root element. */
export function wordPrefix(root: XmlElement): { prefix: string; strict: boolean } {
  for (const [k, v] of attributes(root)) {
    if (v === TRANSITIONAL_W || v === STRICT_W) {
      const prefix = k === "xmlns" ? "" : k.startsWith("xmlns:") ? k.slice(6) : undefined;
      if (prefix !== undefined) return { prefix, strict: v === STRICT_W };
    }
  }
  throw new PlanAssistFailure(
    "docx_not_wordprocessing",
    "The document part is not a Word document body. Open the file in Word and save it as a Word Document (.docx).",
  );
}

function isOn(el: XmlElement | undefined, names: WordNames): boolean {
  if (!el) return false;
  const v = attr(el, names.val);
  return v === undefined || !(v === "0" || v === "false" || v === "off");
}

type MutableTable = {
  index: number;
  parent?: { table: number; row: number; cell: number };
  bodyTableIndex?: number;
  firstRow?: number;
  trackedRows?: TableSnapshot["trackedRows"];
  gridColumns: number;
  rows: RowSnapshot[];
  precedingParagraph: number;
};

type RunContext = { bold: boolean; italic: boolean; font: string | undefined };

class Reader {
  readonly tables: MutableTable[] = [];
  readonly tableIndex: TableIndex[] = [];
  readonly paragraphs: BodyParagraph[] = [];
  readonly paragraphElements: XmlElement[] = [];
  readonly blocks: Block[] = [];
  documentParagraphs = 0;
  bodyTables = 0;
  trackedChanges = false;

  constructor(
    readonly doc: XmlDocument,
    readonly n: WordNames,
    readonly styles: StyleSheet | undefined,
    readonly titleOf: TitleTest,
  ) {}

  /** Walks block-level content (body, cell, content control). */
  blocksIn(
    container: XmlElement,
    onParagraph: (p: XmlElement) => void,
    onTable: (t: XmlElement) => void,
  ): void {
    // (A table element may give several tables of the snapshot: see `table`.)
    const n = this.n;
    for (const ch of container.children) {
      if (ch.kind !== "element") continue;
      const name = ch.name;
      if (name === n.p) onParagraph(ch);
      else if (name === n.tbl) onTable(ch);
      else if (name === n.sdt) {
        for (const c of ch.children) {
          if (c.kind === "element" && c.name === n.sdtContent)
            this.blocksIn(c, onParagraph, onTable);
        }
      } else if (name === n.customXml || name === n.ins || name === n.moveTo) {
        if (name !== n.customXml) this.trackedChanges = true;
        this.blocksIn(ch, onParagraph, onTable);
      } else if (name === n.del || name === n.moveFrom) {
        this.trackedChanges = true;
      }
    }
  }

  readBody(body: XmlElement): void {
    let lastBodyParagraph = -1;
    this.blocksIn(
      body,
      (p) => {
        const index = this.paragraphs.length;
        this.paragraphs.push(
          this.paragraph(p, { index, documentIndex: this.documentParagraphs++ }),
        );
        this.paragraphElements.push(p);
        this.blocks.push({ kind: "paragraph", paragraph: index });
        lastBodyParagraph = index;
      },
      (t) => {
        const tables = this.table(t, undefined, lastBodyParagraph, this.bodyTables++);
        for (const table of tables) this.blocks.push({ kind: "table", table });
      },
    );
  }

  /**
   * Reads a table element. Word joins touching tables into one element (see
   * `src/ooxml/join-tables.ts`); such an element is read as the tables it was made of, cut
   * before each row that starts a template's table (`startsTable` on the row's first cell).
   * Returns the snapshot indexes of the tables read.
   */
  table(
    el: XmlElement,
    parent: MutableTable["parent"],
    precedingParagraph: number,
    bodyTableIndex: number | undefined,
  ): number[] {
    const n = this.n;
    const grid = el.children.find(
      (c): c is XmlElement => c.kind === "element" && c.name === n.tblGrid,
    );
    let gridColumns = 0;
    if (grid)
      for (const c of grid.children)
        if (c.kind === "element" && c.name === n.gridCol) gridColumns++;
    const allRows: XmlElement[] = [];
    this.collect(el, n.tr, allRows);
    const rowElements = allRows.filter((tr) => !this.deletedRow(tr));
    const cuts = [0];
    if (rowElements.length > 1) {
      let previous = this.titleOf(this.firstCellText(rowElements[0] as XmlElement));
      for (let r = 1; r < rowElements.length; r++) {
        const title = this.titleOf(this.firstCellText(rowElements[r] as XmlElement));
        if (title && !(title.runs && previous?.title === title.title)) cuts.push(r);
        previous = title;
      }
    }
    const out: number[] = [];
    cuts.forEach((from, k) => {
      const to = cuts[k + 1] ?? rowElements.length;
      const segment =
        cuts.length > 1
          ? { firstRow: allRows.indexOf(rowElements[from] as XmlElement) }
          : undefined;
      out.push(
        this.tableRows(
          el,
          rowElements.slice(from, to),
          gridColumns,
          parent,
          precedingParagraph,
          bodyTableIndex,
          segment,
        ),
      );
    });
    return out;
  }

  /** Whether a row is a tracked deletion (`w:trPr/w:del`): not a row once changes are accepted. */
  deletedRow(tr: XmlElement): boolean {
    const trPr = firstElement(tr, this.n.trPr);
    if (!trPr || !firstElement(trPr, this.n.del)) return false;
    this.trackedChanges = true;
    return true;
  }

  /**
   * The text of a row's first paragraph with text, in its first cell that has some ("" when
   * none): a table's title, or the first header of a table whose corner cell is blank.
   */
  firstCellText(tr: XmlElement): string {
    const cells: XmlElement[] = [];
    this.collect(tr, this.n.tc, cells);
    let text = "";
    const counted = this.documentParagraphs;
    const tracked = this.trackedChanges;
    for (const cell of cells) {
      this.blocksIn(
        cell,
        (p) => {
          if (text === "") text = this.paragraph(p).text.trim();
        },
        () => undefined,
      );
      if (text !== "") break;
    }
    this.documentParagraphs = counted;
    this.trackedChanges = tracked;
    return text;
  }

  /** Reads one table of the snapshot from some of a table element's rows. */
  tableRows(
    el: XmlElement,
    rowElements: readonly XmlElement[],
    gridColumns: number,
    parent: MutableTable["parent"],
    precedingParagraph: number,
    bodyTableIndex: number | undefined,
    segment: { firstRow: number } | undefined,
  ): number {
    const n = this.n;
    const index = this.tables.length;
    const gridWidths = this.gridWidths(el);
    const mt: MutableTable = { index, gridColumns, rows: [], precedingParagraph };
    if (parent) mt.parent = parent;
    if (bodyTableIndex !== undefined) mt.bodyTableIndex = bodyTableIndex;
    if (segment) mt.firstRow = segment.firstRow;
    const allRows: XmlElement[] = [];
    this.collect(el, n.tr, allRows);
    if (allRows.some((tr) => this.deletedRow(tr)))
      mt.trackedRows = { at: rowElements.map((tr) => allRows.indexOf(tr)), count: allRows.length };
    this.tables.push(mt);
    const rowsIndex: RowIndex[] = [];
    this.tableIndex.push(
      segment
        ? { element: el, rows: rowsIndex, firstRow: segment.firstRow }
        : { element: el, rows: rowsIndex },
    );
    type MutableCell = { -readonly [K in keyof CellSnapshot]: CellSnapshot[K] };
    const rows: { header: boolean; cells: MutableCell[] }[] = [];
    rowElements.forEach((tr, rowNumber) => {
      const trPr = firstElement(tr, n.trPr);
      const header = trPr ? isOn(firstElement(trPr, n.tblHeader), n) : false;
      const gridBefore = trPr ? Number(attrOf(firstElement(trPr, n.gridBefore), n.val) ?? 0) : 0;
      let column = Number.isFinite(gridBefore) ? gridBefore : 0;
      const cellElements: XmlElement[] = [];
      this.collect(tr, n.tc, cellElements);
      const cells: MutableCell[] = [];
      const cellIndexes: CellIndex[] = [];
      cellElements.forEach((tc, cellNumber) => {
        const tcPr = firstElement(tc, n.tcPr);
        const spanRaw = Number(attrOf(tcPr && firstElement(tcPr, n.gridSpan), n.val) ?? 1);
        const gridSpan = Number.isFinite(spanRaw) && spanRaw >= 1 ? Math.floor(spanRaw) : 1;
        const vm = tcPr && firstElement(tcPr, n.vMerge);
        const vMerge = vm ? (attr(vm, n.val) === "restart" ? "restart" : "continue") : undefined;
        const shd = tcPr && firstElement(tcPr, n.shd);
        const fill = shd ? attr(shd, n.fill) : undefined;
        const paragraphs: ParagraphSnapshot[] = [];
        const paragraphElements: XmlElement[] = [];
        const nestedTables: number[] = [];
        this.blocksIn(
          tc,
          (p) => {
            paragraphs.push(this.paragraph(p));
            paragraphElements.push(p);
            this.documentParagraphs++;
          },
          (t) => {
            nestedTables.push(
              ...this.table(
                t,
                { table: index, row: rowNumber, cell: cellNumber },
                precedingParagraph,
                undefined,
              ),
            );
          },
        );
        const cell: MutableCell = {
          index: cellNumber,
          gridColumn: column,
          gridSpan,
          rowSpan: vMerge === "continue" ? 0 : 1,
          paragraphs,
          text: paragraphs.map((p) => p.text).join("\n"),
          nestedTables,
        };
        if (vMerge) cell.vMerge = vMerge;
        if (fill && fill !== "auto" && fill !== "FFFFFF") cell.shading = fill;
        const width = this.cellWidth(tcPr, gridWidths, column, gridSpan);
        if (width !== undefined) cell.width = width;
        cells.push(cell);
        cellIndexes.push({ element: tc, paragraphs: paragraphElements });
        column += gridSpan;
      });
      rows.push({ header, cells });
      rowsIndex.push({ element: tr, cells: cellIndexes });
    });
    // Row spans of vertical merges. Cells are looked up by grid column through a per-row map
    // (built only for tables that merge), so a hostile table of wide rows stays linear.
    let byColumn: Map<number, MutableCell>[] | undefined;
    rows.forEach((row, r) => {
      for (const cell of row.cells) {
        if (cell.vMerge !== "restart") continue;
        byColumn ??= rows.map((rw) => {
          const m = new Map<number, MutableCell>();
          for (const c of rw.cells) if (!m.has(c.gridColumn)) m.set(c.gridColumn, c);
          return m;
        });
        let span = 1;
        for (let below = r + 1; below < rows.length; below++) {
          const under = byColumn[below]?.get(cell.gridColumn);
          if (under?.vMerge === "continue") span++;
          else break;
        }
        cell.rowSpan = span;
      }
    });
    if (segment) compactGrid(rows, mt);
    mt.rows = rows.map((row, i) => ({ index: i, header: row.header, cells: row.cells }));
    if (mt.gridColumns === 0) {
      // A loop, not Math.max(...rows): spreading a table of 100,000+ rows overflows the stack.
      let widest = 0;
      for (const r of mt.rows)
        widest = Math.max(
          widest,
          r.cells.reduce((s, c) => s + c.gridSpan, 0),
        );
      mt.gridColumns = widest;
    }
    return index;
  }

  /** The widths of a table element's grid columns in twips (`w:gridCol/@w:w`; NaN when not given). */
  gridWidths(el: XmlElement): number[] {
    const n = this.n;
    const grid = firstElement(el, n.tblGrid);
    const out: number[] = [];
    if (grid)
      for (const c of grid.children)
        if (c.kind === "element" && c.name === n.gridCol) out.push(Number(attr(c, n.w)));
    return out;
  }

  /**
   * A cell's width in twips: its own `w:tcW` when given in twips, else the grid columns it covers;
   * undefined when neither says (a width in percent or "auto" and no grid).
   */
  cellWidth(
    tcPr: XmlElement | undefined,
    gridWidths: readonly number[],
    column: number,
    span: number,
  ): number | undefined {
    const n = this.n;
    const tcW = tcPr && firstElement(tcPr, n.tcW);
    const type = attrOf(tcW, n.type) ?? "dxa";
    const own = Number(attrOf(tcW, n.w));
    if (tcW && type === "dxa" && Number.isFinite(own) && own > 0) return Math.round(own);
    let sum = 0;
    for (let k = column; k < column + span; k++) {
      const w = gridWidths[k];
      if (w === undefined || !Number.isFinite(w) || w < 0) return undefined;
      sum += w;
    }
    return sum > 0 ? Math.round(sum) : undefined;
  }

  /** Collects elements named `name` below `el`, looking through content controls and custom XML. */
  collect(el: XmlElement, name: string, out: XmlElement[]): void {
    const n = this.n;
    for (const ch of el.children) {
      if (ch.kind !== "element") continue;
      if (ch.name === name) out.push(ch);
      else if (ch.name === n.sdt) {
        const content = firstElement(ch, n.sdtContent);
        if (content) this.collect(content, name, out);
      } else if (ch.name === n.customXml) this.collect(ch, name, out);
    }
  }

  /** A paragraph's snapshot; `place` is given for body paragraphs, which carry their position. */
  paragraph(p: XmlElement): ParagraphSnapshot;
  paragraph(p: XmlElement, place: { index: number; documentIndex: number }): BodyParagraph;
  paragraph(
    p: XmlElement,
    place?: { index: number; documentIndex: number },
  ): ParagraphSnapshot | BodyParagraph {
    const n = this.n;
    const pPr = firstElement(p, n.pPr);
    const style = pPr ? attrOf(firstElement(pPr, n.pStyle), n.val) : undefined;
    const listItem = pPr ? firstElement(pPr, n.numPr) !== undefined : false;
    const base = this.styles?.paragraphStyle(style);
    const acc: ParagraphAccumulator = { text: "", runs: [], glyphs: [], field: 0 };
    this.inline(p, acc, {
      bold: base?.bold ?? false,
      italic: base?.italic ?? false,
      font: undefined,
    });
    const snap: { -readonly [K in keyof BodyParagraph]?: BodyParagraph[K] } = {
      text: acc.text,
      runs: acc.runs,
      listItem,
      glyphs: acc.glyphs,
    };
    if (style !== undefined) snap.style = style;
    if (place) {
      snap.index = place.index;
      snap.documentIndex = place.documentIndex;
    }
    return snap as BodyParagraph;
  }

  inline(el: XmlElement, acc: ParagraphAccumulator, base: RunContext): void {
    const n = this.n;
    for (const ch of el.children) {
      if (ch.kind !== "element") continue;
      const name = ch.name;
      if (name === n.r) this.run(ch, acc, base);
      else if (name === n.del || name === n.moveFrom) this.trackedChanges = true;
      else if (name === n.ins || name === n.moveTo) {
        this.trackedChanges = true;
        this.inline(ch, acc, base);
      } else if (name === n.sdt) this.inlineContentControl(ch, acc, base);
      else if (
        name === n.hyperlink ||
        name === n.smartTag ||
        name === n.customXml ||
        name === n.fldSimple ||
        name === n.bdo ||
        name === n.dir
      ) {
        this.inline(ch, acc, base);
      }
    }
  }

  inlineContentControl(sdt: XmlElement, acc: ParagraphAccumulator, base: RunContext): void {
    const n = this.n;
    const sdtPr = firstElement(sdt, n.sdtPr);
    const checkbox = sdtPr?.children.find(
      (c): c is XmlElement => c.kind === "element" && c.name.endsWith(":checkbox"),
    );
    const content = firstElement(sdt, n.sdtContent);
    if (checkbox) {
      const checked = checkbox.children.find(
        (c): c is XmlElement => c.kind === "element" && c.name.endsWith(":checked"),
      );
      const v = checked ? attributes(checked).values().next().value : undefined;
      appendBox(acc, v === "1" || v === "true", "checkbox-control", base);
      return;
    }
    if (content) this.inline(content, acc, base);
  }

  run(r: XmlElement, acc: ParagraphAccumulator, base: RunContext): void {
    const n = this.n;
    const rPr = firstElement(r, n.rPr);
    let ctx = base;
    if (rPr) {
      const charStyle = this.styles?.characterStyle(attrOf(firstElement(rPr, n.rStyle), n.val));
      const bEl = firstElement(rPr, n.b);
      const iEl = firstElement(rPr, n.i);
      const fonts = firstElement(rPr, n.rFonts);
      ctx = {
        bold: bEl ? isOn(bEl, n) : (charStyle?.bold ?? base.bold),
        italic: iEl ? isOn(iEl, n) : (charStyle?.italic ?? base.italic),
        font: fonts ? (attr(fonts, n.ascii) ?? attr(fonts, n.hAnsi)) : base.font,
      };
    }
    for (const ch of r.children) {
      if (ch.kind !== "element") continue;
      const name = ch.name;
      if (name === n.fldChar) {
        const type = attr(ch, n.fldCharType);
        if (type === "begin" && acc.field === 0) this.formCheckBox(ch, acc, ctx);
        if (type === "begin") acc.field++;
        else if (type === "separate" || type === "end") acc.field = Math.max(0, acc.field - 1);
        continue;
      }
      if (acc.field > 0) continue; // field instructions are not visible
      if (name === n.t) {
        let text = "";
        for (const t of ch.children) if (t.kind === "text") text += textOf(this.doc, t);
        this.text(text, acc, ctx);
      } else if (name === n.tab || name === n.ptab) appendRun(acc, "\t", ctx);
      else if (name === n.br || name === n.cr) {
        if (attr(ch, n.q("type")) !== "page") appendRun(acc, "\n", ctx);
      } else if (name === n.noBreakHyphen) appendRun(acc, "-", ctx);
      else if (name === n.sym) {
        const font = attr(ch, n.font) ?? "";
        const code = parseInt(attr(ch, n.char) ?? "", 16);
        const g = Number.isFinite(code) ? symbolGlyph(font, code) : undefined;
        if (g) {
          acc.glyphs.push({
            kind: g.kind,
            char: g.char,
            source: "sym",
            font,
            offset: acc.text.length,
          });
          appendRun(acc, g.char, ctx);
        }
      }
    }
  }

  /**
   * A legacy check box form field (forms distributed protected): Word draws the box itself, and
   * the field's result holds no text, so the box is read from `w:ffData/w:checkBox` (checked when
   * `w:checked` is on, else as its `w:default`).
   */
  formCheckBox(fldChar: XmlElement, acc: ParagraphAccumulator, ctx: RunContext): void {
    const n = this.n;
    const box = firstElement(firstElement(fldChar, n.ffData) ?? fldChar, n.checkBox);
    if (!box) return;
    const checked = firstElement(box, n.checked);
    const on = checked ? isOn(checked, n) : isOn(firstElement(box, n.default), n);
    appendBox(acc, on, "form-field", ctx);
  }

  text(text: string, acc: ParagraphAccumulator, ctx: RunContext): void {
    if (text.length === 0) return;
    if (isSymbolFont(ctx.font)) {
      let shown = "";
      for (const ch of text) {
        const g = symbolGlyph(ctx.font as string, ch.codePointAt(0) ?? 0);
        if (g) {
          acc.glyphs.push({
            kind: g.kind,
            char: g.char,
            source: "symbol-font",
            font: ctx.font as string,
            offset: acc.text.length + shown.length,
          });
          shown += g.char;
        } else shown += ch;
      }
      appendRun(acc, shown, ctx);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) < firstGlyphCode) continue;
      const g = unicodeGlyph(text[i] as string);
      if (g) {
        acc.glyphs.push({
          kind: g.kind,
          char: text[i] as string,
          source: "unicode",
          offset: acc.text.length + i,
        });
      }
    }
    appendRun(acc, text, ctx);
  }
}

type ParagraphAccumulator = {
  text: string;
  runs: RunSnapshot[];
  glyphs: Glyph[];
  /** Depth of complex fields whose instructions are being skipped. */
  field: number;
};

/** A check box (a control or a form field) shown as ☒ or ☐, with its glyph. */
function appendBox(
  acc: ParagraphAccumulator,
  on: boolean,
  source: "checkbox-control" | "form-field",
  ctx: RunContext,
): void {
  const char = on ? "☒" : "☐";
  acc.glyphs.push({
    kind: on ? "box-checked" : "box-empty",
    char,
    source,
    offset: acc.text.length,
  });
  appendRun(acc, char, ctx);
}

function appendRun(acc: ParagraphAccumulator, text: string, ctx: RunContext): void {
  acc.text += text;
  const last = acc.runs[acc.runs.length - 1];
  if (last && last.bold === ctx.bold && last.italic === ctx.italic) {
    acc.runs[acc.runs.length - 1] = {
      text: last.text + text,
      bold: last.bold,
      italic: last.italic,
    };
  } else {
    acc.runs.push({ text, bold: ctx.bold, italic: ctx.italic });
  }
}

/**
 * A table read from some rows of a joined table sits on the joined table's grid: its columns are
 * renumbered to the column edges its own rows use, as the table had before it was joined.
 */
function compactGrid(
  rows: readonly { cells: { gridColumn: number; gridSpan: number }[] }[],
  table: MutableTable,
): void {
  const edges = new Set<number>();
  for (const row of rows) {
    for (const c of row.cells) {
      edges.add(c.gridColumn);
      edges.add(c.gridColumn + c.gridSpan);
    }
  }
  const sorted = [...edges].sort((a, b) => a - b);
  const at = new Map(sorted.map((e, i) => [e, i]));
  for (const row of rows) {
    for (const c of row.cells) {
      const from = at.get(c.gridColumn) ?? 0;
      const to = at.get(c.gridColumn + c.gridSpan) ?? from + 1;
      c.gridColumn = from;
      c.gridSpan = Math.max(1, to - from);
    }
  }
  table.gridColumns = Math.max(0, sorted.length - 1);
}

function firstElement(el: XmlElement, name: string): XmlElement | undefined {
  for (const ch of el.children) if (ch.kind === "element" && ch.name === name) return ch;
  return undefined;
}

function attrOf(el: XmlElement | undefined, name: string): string | undefined {
  return el ? attr(el, name) : undefined;
}

/** Reads a parsed main document part. Throws `PlanAssistFailure` when it is not one. */
export function readWordDocument(
  doc: XmlDocument,
  options: {
    styles?: StyleSheet;
    macros?: boolean;
    /** Which rows start a table where a joined table is cut apart (the templates' titles unless given). */
    titleOf?: TitleTest;
  } = {},
): ReadResult {
  const { prefix, strict } = wordPrefix(doc.root);
  const names = wordNames(prefix, doc.names);
  const body = firstElement(doc.root, names.body);
  if (!body) {
    throw new PlanAssistFailure(
      "docx_not_wordprocessing",
      "The document part has no body. Open the file in Word and save it again.",
    );
  }
  const reader = new Reader(doc, names, options.styles, options.titleOf ?? templateTableTitle);
  reader.readBody(body);
  const tables: TableSnapshot[] = reader.tables.map((t) => {
    const out: { -readonly [K in keyof TableSnapshot]: TableSnapshot[K] } = {
      index: t.index,
      gridColumns: t.gridColumns,
      rows: t.rows,
      precedingParagraph: t.precedingParagraph,
    };
    if (t.parent) out.parent = t.parent;
    if (t.bodyTableIndex !== undefined) out.bodyTableIndex = t.bodyTableIndex;
    if (t.firstRow !== undefined) out.firstRow = t.firstRow;
    if (t.trackedRows) out.trackedRows = t.trackedRows;
    return out;
  });
  return {
    snapshot: {
      tables,
      paragraphs: reader.paragraphs,
      blocks: reader.blocks,
      facts: { strict, macros: options.macros ?? false, trackedChanges: reader.trackedChanges },
    },
    index: { names, body, tables: reader.tableIndex, paragraphs: reader.paragraphElements },
  };
}
