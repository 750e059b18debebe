/**
 * Touching tables joined the way Word joins them.
 *
 * Word cannot hold two tables with nothing between them: it shows them as one table and saves one
 * `w:tbl` (python-docx #1072, pandoc #4315, dolanmiu/docx #494). The joined table's grid is the
 * union of the tables' column edges (cumulative `w:gridCol` widths); each cell's `w:gridSpan` is
 * recounted on that grid, a row that starts or ends inside it gets `w:gridBefore` / `w:gridAfter`,
 * the first table's `w:tblPr` is the joined table's, and a later table's own table properties ride
 * on each of its rows as `w:tblPrEx`.
 *
 * The add-in uses this so that what it writes never holds touching tables (a copied block of
 * tables goes in as the one table Word would show), and the tests use it to make the forms the
 * templates take once Word has saved them.
 */
import { STRICT_W, TRANSITIONAL_W, wordNames, type WordNames } from "./wordml";
import { attr, attributes, parseXml, type XmlDocument, type XmlElement } from "./xml";

/** Table properties that `w:tblPrEx` can carry (CT_TblPrEx), in schema order. */
const PR_EX_CHILDREN: readonly string[] = [
  "tblW",
  "jc",
  "tblCellSpacing",
  "tblInd",
  "tblBorders",
  "shd",
  "tblLayout",
  "tblCellMar",
  "tblLook",
];

/** The prefix bound to the WordprocessingML namespace on the root or the first element that declares it. */
function findWordPrefix(root: XmlElement): string | undefined {
  const stack: XmlElement[] = [root];
  let seen = 0;
  while (stack.length > 0 && seen < 64) {
    const el = stack.shift() as XmlElement;
    seen++;
    for (const [k, v] of attributes(el)) {
      if (v !== TRANSITIONAL_W && v !== STRICT_W) continue;
      if (k === "xmlns") return "";
      if (k.startsWith("xmlns:")) return k.slice(6);
    }
    for (const ch of el.children) if (ch.kind === "element") stack.push(ch);
  }
  return undefined;
}

/** How many tables of a part touch the table before them (nothing but white space between), anywhere. */
export function touchingTables(xml: string): number {
  const doc = parseXml(xml);
  const prefix = findWordPrefix(doc.root);
  if (prefix === undefined) return 0;
  const n = wordNames(prefix, doc.names);
  let count = 0;
  const visit = (el: XmlElement): void => {
    let previousWasTable = false;
    for (const ch of el.children) {
      if (ch.kind !== "element") continue;
      const isTable = ch.name === n.tbl;
      if (isTable && previousWasTable) count++;
      previousWasTable = isTable;
      visit(ch);
    }
  };
  visit(doc.root);
  return count;
}

/** Whether a part holds two tables with nothing but white space between them, anywhere. */
export function hasTouchingTables(xml: string): boolean {
  return touchingTables(xml) > 0;
}

/** The part with every run of touching tables (in the body, in cells, in content controls) joined. */
export function joinTouchingTables(xml: string): string {
  const doc = parseXml(xml);
  const prefix = findWordPrefix(doc.root);
  if (prefix === undefined) return xml;
  const n = wordNames(prefix, doc.names);
  return new Joiner(doc, n).element(doc.root);
}

class Joiner {
  constructor(
    readonly doc: XmlDocument,
    readonly n: WordNames,
  ) {}

  get source(): string {
    return this.doc.source;
  }

  /** An element written out again with touching tables below it joined. */
  element(el: XmlElement): string {
    if (el.closeStart === el.end) return this.source.slice(el.start, el.end);
    return (
      this.source.slice(el.start, el.openEnd) +
      this.content(el) +
      this.source.slice(el.closeStart, el.end)
    );
  }

  /** The children of an element (but `skip`), runs of touching tables joined. */
  content(el: XmlElement, skip?: XmlElement): string {
    let out = "";
    let at = el.openEnd;
    const children = el.children;
    for (let i = 0; i < children.length; i++) {
      const ch = children[i] as (typeof children)[number];
      if (ch.kind !== "element") continue;
      out += this.source.slice(at, ch.start);
      if (ch === skip) {
        at = ch.end;
        continue;
      }
      if (ch.name === this.n.tbl) {
        const run = [ch];
        let j = i + 1;
        for (; j < children.length; j++) {
          const next = children[j] as (typeof children)[number];
          if (next.kind === "text") {
            if (this.source.slice(next.start, next.end).trim() !== "") break;
            continue;
          }
          if (next.name !== this.n.tbl) break;
          run.push(next);
        }
        if (run.length > 1) {
          out += this.joined(run);
          at = (run[run.length - 1] as XmlElement).end;
          i = children.indexOf(run[run.length - 1] as XmlElement);
          continue;
        }
      }
      out += this.element(ch);
      at = ch.end;
    }
    return out + this.source.slice(at, el.closeStart);
  }

  joined(tables: readonly XmlElement[]): string {
    const n = this.n;
    const grids = tables.map((t) => this.edges(t));
    const union = [...new Set(grids.flat())].sort((a, b) => a - b);
    const at = new Map(union.map((e, i) => [e, i]));
    const columns = union.length - 1;
    const first = tables[0] as XmlElement;
    const firstPr = child(first, n.q("tblPr"));
    let out = this.source.slice(first.start, first.openEnd);
    if (firstPr) out += this.source.slice(firstPr.start, firstPr.end);
    out += `<${n.tblGrid}>`;
    for (let i = 1; i < union.length; i++) {
      out += `<${n.gridCol} ${n.q("w")}="${(union[i] as number) - (union[i - 1] as number)}"/>`;
    }
    out += `</${n.tblGrid}>`;
    tables.forEach((t, k) => {
      const edges = grids[k] as number[];
      const toUnion = (i: number): number =>
        at.get(edges[Math.min(i, edges.length - 1)] as number) ?? 0;
      const pr = child(t, n.q("tblPr"));
      const prEx = k > 0 ? this.propertyExceptions(pr, firstPr) : "";
      out += this.rowLevel(t, (tr) => this.row(tr, toUnion, columns, prEx));
    });
    return `${out}</${n.tbl}>`;
  }

  /**
   * What a table holds below its properties and grid: rows written by `row`, and the content
   * controls and custom XML around rows written again around their rows.
   */
  rowLevel(el: XmlElement, row: (tr: XmlElement) => string): string {
    const n = this.n;
    let out = "";
    let at = el.openEnd;
    for (const ch of el.children) {
      if (ch.kind !== "element") continue;
      const skipped = el.name === n.tbl && (ch.name === n.q("tblPr") || ch.name === n.tblGrid);
      if (!skipped) out += this.source.slice(at, ch.start);
      at = ch.end;
      if (skipped) continue;
      if (ch.name === n.tr) out += row(ch);
      else if (ch.name === n.sdt || ch.name === n.sdtContent || ch.name === n.customXml) {
        out +=
          this.source.slice(ch.start, ch.openEnd) +
          this.rowLevel(ch, row) +
          this.source.slice(ch.closeStart, ch.end);
      } else out += this.source.slice(ch.start, ch.end);
    }
    return el.name === n.tbl ? out : out + this.source.slice(at, el.closeStart);
  }

  /** A table's column edges: 0 and the running sum of its `w:gridCol` widths. */
  edges(t: XmlElement): number[] {
    const n = this.n;
    const grid = child(t, n.tblGrid);
    const out = [0];
    let x = 0;
    for (const c of grid?.children ?? []) {
      if (c.kind !== "element" || c.name !== n.gridCol) continue;
      const w = Number(attr(c, n.q("w")));
      x += Number.isFinite(w) && w > 0 ? Math.round(w) : 1;
      out.push(x);
    }
    if (out.length === 1) {
      // No grid: the widest row's cell count, one unit each.
      let widest = 0;
      for (const row of rowsOf(t, n)) widest = Math.max(widest, cellsOf(row, n).length);
      for (let i = 1; i <= widest; i++) out.push(i);
    }
    return out;
  }

  /** `w:tblPrEx` for a later table's rows: its table properties where they differ from the first's. */
  propertyExceptions(pr: XmlElement | undefined, firstPr: XmlElement | undefined): string {
    if (!pr) return "";
    const n = this.n;
    let inner = "";
    for (const local of PR_EX_CHILDREN) {
      const mine = child(pr, n.q(local));
      if (!mine) continue;
      const theirs = firstPr ? child(firstPr, n.q(local)) : undefined;
      const text = this.source.slice(mine.start, mine.end);
      if (theirs && this.source.slice(theirs.start, theirs.end) === text) continue;
      inner += text;
    }
    return inner === "" ? "" : `<${n.q("tblPrEx")}>${inner}</${n.q("tblPrEx")}>`;
  }

  row(tr: XmlElement, toUnion: (i: number) => number, columns: number, prEx: string): string {
    const n = this.n;
    const trPr = child(tr, n.trPr);
    const before = numberVal(trPr && child(trPr, n.gridBefore), n);
    let column = before;
    let out = this.source.slice(tr.start, tr.openEnd).replace(/\/>$/, ">");
    let ownPrEx = "";
    for (const ch of tr.children) {
      if (ch.kind === "element" && ch.name === n.q("tblPrEx")) {
        ownPrEx = this.source.slice(ch.start, ch.end);
      }
    }
    out += ownPrEx || prEx;
    const cells: string[] = [];
    let end = toUnion(before);
    let at = trPr ? trPr.end : tr.openEnd;
    let between = "";
    for (const ch of tr.children) {
      if (ch.kind !== "element") continue;
      if (ch === trPr || ch.name === n.q("tblPrEx")) {
        at = ch.end;
        continue;
      }
      between += this.source.slice(at, ch.start);
      at = ch.end;
      if (ch.name !== n.tc) {
        between += this.element(ch);
        continue;
      }
      const span = numberVal(child(child(ch, n.tcPr) ?? ch, n.gridSpan), n) || 1;
      const from = toUnion(column);
      const to = toUnion(column + span);
      column += span;
      end = to;
      cells.push(between + this.cell(ch, Math.max(1, to - from)));
      between = "";
    }
    const gridBefore = toUnion(before);
    const gridAfter = columns - end;
    out += this.rowProperties(trPr, gridBefore, gridAfter);
    return out + cells.join("") + between + this.source.slice(at, tr.closeStart) + `</${n.tr}>`;
  }

  rowProperties(trPr: XmlElement | undefined, gridBefore: number, gridAfter: number): string {
    const n = this.n;
    let inner = "";
    if (gridBefore > 0) inner += `<${n.gridBefore} ${n.val}="${gridBefore}"/>`;
    if (gridAfter > 0) inner += `<${n.q("gridAfter")} ${n.val}="${gridAfter}"/>`;
    if (trPr && trPr.closeStart !== trPr.end) {
      let at = trPr.openEnd;
      for (const ch of trPr.children) {
        if (ch.kind !== "element") continue;
        inner += this.source.slice(at, ch.start);
        at = ch.end;
        if (ch.name === n.gridBefore || ch.name === n.q("gridAfter")) continue;
        inner += this.source.slice(ch.start, ch.end);
      }
      inner += this.source.slice(at, trPr.closeStart);
    }
    if (inner === "" && !trPr) return "";
    const open = trPr
      ? this.source.slice(trPr.start, trPr.openEnd).replace(/\/>$/, ">")
      : `<${n.trPr}>`;
    return `${open}${inner}</${n.trPr}>`;
  }

  /** A cell with its `w:gridSpan` set to `span` on the joined grid. */
  cell(tc: XmlElement, span: number): string {
    const n = this.n;
    const tcPr = child(tc, n.tcPr);
    const spanXml = span > 1 ? `<${n.gridSpan} ${n.val}="${span}"/>` : "";
    let props: string;
    if (!tcPr) props = spanXml === "" ? "" : `<${n.tcPr}>${spanXml}</${n.tcPr}>`;
    else {
      let inner = "";
      let placed = false;
      const tcW = child(tcPr, n.q("tcW"));
      const cnf = child(tcPr, n.q("cnfStyle"));
      if (!tcW && !cnf) {
        inner += spanXml;
        placed = true;
      }
      let at = tcPr.openEnd;
      for (const ch of tcPr.children) {
        if (ch.kind !== "element") continue;
        inner += this.source.slice(at, ch.start);
        at = ch.end;
        if (ch.name === n.gridSpan) continue;
        inner += this.source.slice(ch.start, ch.end);
        if (!placed && (ch === tcW || (!tcW && ch === cnf))) {
          inner += spanXml;
          placed = true;
        }
      }
      if (tcPr.closeStart !== tcPr.end) inner += this.source.slice(at, tcPr.closeStart);
      const open = this.source.slice(tcPr.start, tcPr.openEnd).replace(/\/>$/, ">");
      props = `${open}${inner}</${n.tcPr}>`;
    }
    // The cell's content, its own touching tables joined too.
    const open = this.source.slice(tc.start, tc.openEnd).replace(/\/>$/, ">");
    const content = tc.closeStart === tc.end ? "" : this.content(tc, tcPr);
    return `${open}${props}${content}</${n.tc}>`;
  }
}

function child(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) if (c.kind === "element" && c.name === name) return c;
  return undefined;
}

function numberVal(el: XmlElement | undefined, n: WordNames): number {
  if (!el) return 0;
  const v = Number(attr(el, n.val));
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : 0;
}

/** A table's rows, through content controls and custom XML around them. */
function rowsOf(t: XmlElement, n: WordNames): XmlElement[] {
  return collect(t, n.tr, n);
}

function cellsOf(tr: XmlElement, n: WordNames): XmlElement[] {
  return collect(tr, n.tc, n);
}

function collect(el: XmlElement, name: string, n: WordNames): XmlElement[] {
  const out: XmlElement[] = [];
  for (const ch of el.children) {
    if (ch.kind !== "element") continue;
    if (ch.name === name) out.push(ch);
    else if (ch.name === n.sdt) {
      const content = child(ch, n.sdtContent);
      if (content) out.push(...collect(content, name, n));
    } else if (ch.name === n.customXml) out.push(...collect(ch, name, n));
  }
  return out;
}
