/**
 * The tests' Word: a model of Word's JavaScript object model that holds the document as OOXML
 * (the main part as a mutable XML tree, the other parts as text) and answers every call the way
 * Word documents it or the way the OfficeDev/office-js issues report it. Each behaviour names its
 * source in a comment ("docs:" a Microsoft Learn page, "#N" an office-js issue).
 *
 * Like Word (docs: "Word JavaScript object model in Office Add-ins", "context.sync"):
 * - calls are queued and run in order at `context.sync()`; a proxy made by a call (getFirst,
 *   getNext, getCellOrNullObject...) is bound to its object when that call runs, and keeps
 *   pointing at the same paragraph, row or table after edits elsewhere;
 * - loaded properties can be read only after the sync that loads them;
 * - a batch stops at the first call Word refuses: the calls before it are applied (nothing
 *   says a batch is all-or-nothing), and the error carries Word's code.
 *
 * What Word does not document has variants (`WordVariant`); every Word test runs under each.
 * A capture from the diagnostics page (src/diagnostics) sets them for a real Word.
 */
import type { WordHost } from "../../src/adapters/office/word-host";
import type { WordPaneHost } from "../../src/adapters/office/office-revert";
import type { WordWriteHost } from "../../src/adapters/office/word-api";
import { readFlatOpc } from "../../src/ooxml/package";
import { readParts } from "../helpers/make-docx";
import {
  ancestors,
  append,
  attr,
  child,
  children,
  clone,
  descendants,
  detach,
  el,
  insertAfter,
  insertAt,
  insertBefore,
  parseTree,
  serialise,
  text,
  textContent,
  type XEl,
  type XNode,
} from "./xml-tree";

/** What Word does where its documentation is silent: each test runs under every combination. */
export type WordVariant = {
  /**
   * `body.paragraphs` also counts the end-of-row mark of every table row (Word keeps one per row
   * in its own text; whether the collection gives it is not documented).
   */
  readonly rowEndParagraphs: boolean;
  /** `body.tables` also holds tables nested in cells, in document order (not documented). */
  readonly nestedTablesInBody: boolean;
};

export const WORD_VARIANTS: readonly { readonly name: string; readonly variant: WordVariant }[] = [
  { name: "paragraphs without row ends, top-level tables", variant: v(false, false) },
  { name: "paragraphs with row ends, top-level tables", variant: v(true, false) },
  { name: "paragraphs without row ends, nested tables in body.tables", variant: v(false, true) },
  { name: "paragraphs with row ends, nested tables in body.tables", variant: v(true, true) },
];

function v(rowEndParagraphs: boolean, nestedTablesInBody: boolean): WordVariant {
  return { rowEndParagraphs, nestedTablesInBody };
}

/** Requirement sets of a Word that has everything the add-in may use. */
export const ALL_SETS = ["WordApi 1.1", "WordApi 1.2", "WordApi 1.3", "WordApi 1.4", "WordApi 1.5"];
/**
 * Office LTSC 2021 and Office 2019 (perpetual licences) stop at WordApi 1.3 (docs: "Word
 * JavaScript API requirement sets", the table of which Office versions support which set).
 */
export const WORDAPI_13_ONLY = ["WordApi 1.1", "WordApi 1.2", "WordApi 1.3"];

export type WordModelOptions = {
  readonly variant?: WordVariant;
  readonly supported?: readonly string[];
  /** `document.changeTrackingMode` is "TrackAll": edits stay as tracked revisions (docs, WordApi 1.4). */
  readonly trackChanges?: boolean;
  /**
   * Revisions shown inline ("All Markup"): `.text` then includes tracked deletions (#1267,
   * #2314, #5286).
   */
  readonly revisionsInline?: boolean;
  /**
   * Word joins tables with nothing between them, when a document opens and when content is
   * inserted next to a table (python-docx #1072, pandoc #4315, dolanmiu/docx #494): the
   * transform of document.xml that does it (tests/helpers/join-tables.ts), or none.
   */
  readonly join?: (documentXml: string) => string;
  /**
   * A read-only document: every write is refused with AccessDenied (docs: Word.ErrorCodes and
   * "Error handling with the application-specific JavaScript APIs": the action is not allowed for
   * the current user); `Office.context.document.mode` is then "readOnly" (docs: Office.DocumentMode).
   */
  readonly readOnly?: boolean;
  /**
   * Opened in Viewing mode: writes fail with GeneralException, and nothing an add-in can read
   * says so (#5484: document.mode stays "readWrite"; #3831: changeTrackingMode as in Reviewing).
   */
  readonly viewMode?: boolean;
  /**
   * Tables (document order) in a protected region (Restrict Editing): writes inside fail with
   * NotAllowed, Word's code for an action it does not allow there (docs: Word.ErrorCodes;
   * office-js-docs #981, office-js-docs-reference #251 for NotAllowed on Word on the web).
   */
  readonly protectedTables?: readonly number[];
  /** The n-th sync(s) (1-based) apply only the first half of their calls, then fail. */
  readonly failSyncAt?: number | readonly number[];
  /** The pane is closed while the n-th sync runs: Word applies its calls (all, or half). */
  readonly abandonAt?: { readonly at: number; readonly half?: boolean };
  /** Runs just before the n-th sync (1-based), to change the document as a co-author would. */
  readonly beforeSync?: { readonly at: number; readonly change: (m: WordModel) => void };
};

export type WordLog = {
  syncs: number;
  calls: string[];
  /** Per sync: how many `getNext` calls and full-body `getOoxml` calls the batch held. */
  batches: { getNext: number; bodyOoxml: number; calls: number }[];
  /** Font properties the add-in tried to set to null (Word's "mixed" answer). */
  nullSets: string[];
};

/** An error as Word raises it: `code` is one of Word's error codes (docs: "Error handling"). */
export class WordError extends Error {
  constructor(
    readonly code: string,
    message = code,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const PKG_NS = "http://schemas.microsoft.com/office/2006/xmlPackage";
const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_DOC =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

/** Elements whose content is not part of the paragraph's text flow. */
const SKIP = new Set([
  "w:pPr",
  "w:rPr",
  "w:instrText",
  "w:fldData",
  "mc:Fallback",
  "w:txbxContent",
]);

type Item = { kind: "p"; el: XEl } | { kind: "row-end"; el: XEl };

export class WordModel {
  readonly log: WordLog = { syncs: 0, calls: [], batches: [], nullSets: [] };
  readonly variant: WordVariant;
  readonly supported: Set<string>;
  /** The main part (w:document) as a tree. */
  doc: XEl;
  /** Every other XML part, by name. */
  readonly parts: Map<string, string>;
  /** The custom XML parts (WordApi 1.4), as text. */
  readonly customXml: string[];
  trackChanges: boolean;

  constructor(
    parts: ReadonlyMap<string, string>,
    readonly options: WordModelOptions = {},
  ) {
    this.variant = options.variant ?? v(false, false);
    this.supported = new Set(options.supported ?? ALL_SETS);
    this.trackChanges = options.trackChanges ?? false;
    this.parts = new Map();
    this.customXml = [];
    let main = "";
    for (const [name, xml] of parts) {
      if (name === "word/document.xml") main = xml;
      else if (/^customXml\/item\d+\.xml$/.test(name)) this.customXml.push(xml);
      else this.parts.set(name, xml);
    }
    // Word joins touching tables when it opens a document.
    this.doc = parseTree(options.join ? options.join(main) : main);
  }

  /** A model of the .docx `bytes` open in Word. */
  static fromDocx(bytes: Uint8Array, options: WordModelOptions = {}): WordModel {
    return new WordModel(readParts(bytes), options);
  }

  get body(): XEl {
    const b = child(this.doc, "w:body");
    if (!b) throw new Error("no body");
    return b;
  }

  /** The main part as Word would save it. */
  documentXml(): string {
    return serialise(this.doc);
  }

  /**
   * Joins touching tables again (after an insert), when the model joins. The join is done in
   * place: the first table of each run takes the others' rows, so proxies made before (cells,
   * rows, paragraphs) keep pointing at what they pointed at, as Word's do (docs: "Word
   * JavaScript object model", proxy objects track their object).
   */
  rejoin(): void {
    const join = this.options.join;
    if (!join) return;
    const open = serialise(el(this.doc.name, this.doc.attrs)).replace(/\/>$/, ">");
    const visit = (x: XEl) => {
      const kids = children(x);
      for (let i = 0; i < kids.length; i++) {
        const k = kids[i] as XEl;
        if (k.name !== "w:tbl") {
          if (!SKIP.has(k.name) && k.name !== "w:p") visit(k);
          continue;
        }
        const run = [k];
        while (
          i + 1 < kids.length &&
          kids[i + 1]?.name === "w:tbl" &&
          touches(run.at(-1) as XEl, kids[i + 1] as XEl)
        )
          run.push(kids[++i] as XEl);
        if (run.length > 1) {
          const mini = `${open}<w:body>${run.map((t) => serialise(t)).join("")}</w:body></${this.doc.name}>`;
          const fresh = child(child(parseTree(join(mini)), "w:body") ?? el("x"), "w:tbl");
          if (fresh) graftJoined(run, fresh);
        }
        visit(k);
      }
    };
    visit(this.body);
    this.version++;
  }

  /** Flat OPC around body content (Word's getOoxml: the document with its styles and numbering). */
  packageOf(bodyKids: readonly XNode[]): string {
    const docEl = el(
      this.doc.name,
      this.doc.attrs.map(([k, x]) => [k, x]),
      [
        el(
          "w:body",
          [],
          bodyKids.map((k) => clone(k)),
        ),
      ],
    );
    const part = (name: string, type: string, xml: string) =>
      `<pkg:part pkg:name="/${name}" pkg:contentType="${type}"><pkg:xmlData>${xml.replace(/^<\?xml[^>]*\?>\s*/, "")}</pkg:xmlData></pkg:part>`;
    const extra: string[] = [];
    const docRels: string[] = [];
    const styles = this.parts.get("word/styles.xml");
    if (styles !== undefined) {
      extra.push(
        part(
          "word/styles.xml",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
          styles,
        ),
      );
      docRels.push(
        `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`,
      );
    }
    const numbering = this.parts.get("word/numbering.xml");
    if (numbering !== undefined) {
      extra.push(
        part(
          "word/numbering.xml",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
          numbering,
        ),
      );
      docRels.push(
        `<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>`,
      );
    }
    return (
      `<pkg:package xmlns:pkg="${PKG_NS}">` +
      part(
        "_rels/.rels",
        "application/vnd.openxmlformats-package.relationships+xml",
        `<Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${OFFICE_DOC}" Target="word/document.xml"/></Relationships>`,
      ) +
      part(
        "word/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        serialise(docEl),
      ) +
      part(
        "word/_rels/document.xml.rels",
        "application/vnd.openxmlformats-package.relationships+xml",
        `<Relationships xmlns="${REL_NS}">${docRels.join("")}</Relationships>`,
      ) +
      extra.join("") +
      "</pkg:package>"
    );
  }

  // ---- Reading the tree as Word's collections see it ----

  /**
   * The paragraphs of a body (the document's or a cell's) as `body.paragraphs` gives them: every
   * paragraph in document order, those inside tables included (docs: Paragraph.tableNestingLevel),
   * and under the `rowEndParagraphs` variant an end-of-row mark after each row.
   */
  /** Bumped by every change, so the collections below are worked out once per state. */
  version = 0;
  private itemsCache = new WeakMap<XEl, { version: number; list: Item[]; at: Map<XEl, number> }>();
  private tablesCache = new WeakMap<XEl, { version: number; list: XEl[] }>();

  /** Where an item is in `items(container)` (-1 when it is not there). */
  indexOf(container: XEl, item: Item): number {
    this.items(container);
    const c = this.itemsCache.get(container);
    const at = c?.at.get(item.el);
    return at === undefined ? -1 : at;
  }

  items(container: XEl): Item[] {
    const cached = this.itemsCache.get(container);
    if (cached && cached.version === this.version) return cached.list;
    const list = this.computeItems(container);
    const at = new Map<XEl, number>();
    list.forEach((x, i) => at.set(x.el, i));
    this.itemsCache.set(container, { version: this.version, list, at });
    return list;
  }

  private computeItems(container: XEl): Item[] {
    const out: Item[] = [];
    const walk = (x: XEl) => {
      for (const k of x.kids) {
        if (k.kind !== "el" || SKIP.has(k.name)) continue;
        if (k.name === "w:p") out.push({ kind: "p", el: k });
        else {
          walk(k);
          if (k.name === "w:tr" && this.variant.rowEndParagraphs)
            out.push({ kind: "row-end", el: k });
        }
      }
    };
    walk(container);
    return out;
  }

  /** The tables of a body as `body.tables` gives them (nested ones too under the variant). */
  tablesIn(container: XEl): XEl[] {
    const cached = this.tablesCache.get(container);
    if (cached && cached.version === this.version) return cached.list;
    const list = this.computeTables(container);
    this.tablesCache.set(container, { version: this.version, list });
    return list;
  }

  private computeTables(container: XEl): XEl[] {
    const out: XEl[] = [];
    const walk = (x: XEl) => {
      for (const k of x.kids) {
        if (k.kind !== "el" || SKIP.has(k.name) || k.name === "w:p") continue;
        if (k.name === "w:tbl") {
          out.push(k);
          if (this.variant.nestedTablesInBody) walk(k);
        } else walk(k);
      }
    };
    walk(container);
    return out;
  }

  /** Every table in document order (nested included), as the reader numbers them. */
  allTables(): XEl[] {
    return descendants(this.body, "w:tbl");
  }

  rows(table: XEl): XEl[] {
    return children(table, "w:tr");
  }

  cells(row: XEl): XEl[] {
    return children(row, "w:tc");
  }

  /** How many tables the paragraph or cell is inside (docs: Paragraph.tableNestingLevel). */
  nesting(x: XEl): number {
    return ancestors(x).filter((a) => a.name === "w:tbl").length;
  }

  /**
   * A paragraph's `.text` as Word gives it: a symbol-font run's raw characters (a Wingdings
   * circle is "¡" or "l"), "(" for a `w:sym` (#2368, #4477), "\t" for a tab, "\v" for a line
   * break, U+001E for a no-break hyphen and U+001F for an optional hyphen (Word's own characters
   * for them; not documented for Office.js), hidden text included, field codes left out, and
   * tracked deletions only when revisions show inline (#1267, #2314, #5286).
   */
  paragraphText(p: XEl): string {
    let out = "";
    const inline = this.options.revisionsInline ?? false;
    // Complex fields: the code (begin..separate) is left out, the result (separate..end) kept.
    const fields: ("code" | "result")[] = [];
    const walk = (x: XEl, deleted: boolean) => {
      for (const k of x.kids) {
        if (k.kind !== "el") continue;
        if (SKIP.has(k.name)) continue;
        const del = deleted || k.name === "w:del" || k.name === "w:moveFrom";
        if (k.name === "w:r") {
          if (del && !inline) continue;
          for (const c of children(k)) {
            if (c.name === "w:fldChar") {
              const type = attr(c, "w:fldCharType");
              if (type === "begin") fields.push("code");
              else if (type === "separate") fields[fields.length - 1] = "result";
              else if (type === "end") fields.pop();
              continue;
            }
            if (fields[fields.length - 1] === "code") continue;
            out += runChildText(c);
          }
          continue;
        }
        walk(k, del);
      }
    };
    walk(p, false);
    return out;
  }

  /** The style a paragraph names (its id), or the default paragraph style. */
  styleIdOf(p: XEl): string {
    return (
      attr(child(child(p, "w:pPr") ?? el("x"), "w:pStyle") ?? el("x"), "w:val") ??
      this.defaultStyle()
    );
  }

  private stylesCache?: { xml: string; tree: XEl; byId: Map<string, XEl> };

  private stylesTree(): XEl | undefined {
    const xml = this.parts.get("word/styles.xml");
    if (xml === undefined) return undefined;
    if (this.stylesCache?.xml !== xml) {
      const tree = parseTree(xml);
      const byId = new Map(children(tree, "w:style").map((s) => [attr(s, "w:styleId") ?? "", s]));
      this.stylesCache = { xml, tree, byId };
    }
    return this.stylesCache.tree;
  }

  defaultStyle(): string {
    const styles = this.stylesTree();
    const def = styles
      ? children(styles, "w:style").find(
          (s) => attr(s, "w:type") === "paragraph" && attr(s, "w:default") === "1",
        )
      : undefined;
    return (def && attr(def, "w:styleId")) ?? "Normal";
  }

  /** A style's name as Word's `paragraph.style` gives it (its w:name, or its id). */
  styleName(id: string): string {
    const s = this.styleById(id);
    const name = s ? attr(child(s, "w:name") ?? el("x"), "w:val") : undefined;
    return name ?? id;
  }

  styleById(id: string): XEl | undefined {
    return this.stylesTree() ? this.stylesCache?.byId.get(id) : undefined;
  }

  styleIdByName(name: string): string | undefined {
    const styles = this.stylesTree();
    if (!styles) return undefined;
    const low = name.toLowerCase();
    const s = children(styles, "w:style").find(
      (x) =>
        (attr(child(x, "w:name") ?? el("x"), "w:val") ?? "").toLowerCase() === low ||
        (attr(x, "w:styleId") ?? "").toLowerCase() === low,
    );
    return s ? attr(s, "w:styleId") : undefined;
  }

  /** A run property as it shows: the run's own, else its paragraph style's (basedOn followed). */
  runProperty(run: XEl | undefined, p: XEl, prop: FontProp): string | number | boolean {
    const direct = run ? readProp(child(run, "w:rPr"), prop) : undefined;
    if (direct !== undefined) return direct;
    const mark = readProp(child(child(p, "w:pPr") ?? el("x"), "w:rPr"), prop);
    if (!run && mark !== undefined) return mark;
    let id: string | undefined = this.styleIdOf(p);
    for (let i = 0; id && i < 10; i++) {
      const s = this.styleById(id);
      const got = readProp(child(s ?? el("x"), "w:rPr"), prop);
      if (got !== undefined) return got;
      id = s ? attr(child(s, "w:basedOn") ?? el("x"), "w:val") : undefined;
    }
    const styles = this.stylesTree();
    const defaults = styles
      ? child(child(child(styles, "w:docDefaults") ?? el("x"), "w:rPrDefault") ?? el("x"), "w:rPr")
      : undefined;
    const d = readProp(defaults, prop);
    if (d !== undefined) return d;
    return { name: "Calibri", size: 11, color: "#000000", bold: false, italic: false }[prop];
  }
}

type FontProp = "name" | "size" | "color" | "bold" | "italic";
const FONT_PROPS: readonly FontProp[] = ["name", "size", "color", "bold", "italic"];

function onOff(x: XEl | undefined): boolean | undefined {
  if (!x) return undefined;
  const val = attr(x, "w:val");
  return !(val === "0" || val === "false" || val === "off");
}

function readProp(rPr: XEl | undefined, prop: FontProp): string | number | boolean | undefined {
  if (!rPr) return undefined;
  switch (prop) {
    case "name": {
      const f = child(rPr, "w:rFonts");
      return f ? (attr(f, "w:ascii") ?? attr(f, "w:hAnsi") ?? undefined) : undefined;
    }
    case "size": {
      const s = attr(child(rPr, "w:sz") ?? el("x"), "w:val");
      return s === undefined ? undefined : Number(s) / 2;
    }
    case "color": {
      const c = attr(child(rPr, "w:color") ?? el("x"), "w:val");
      return c === undefined ? undefined : c === "auto" ? "#000000" : `#${c.toUpperCase()}`;
    }
    case "bold":
      return onOff(child(rPr, "w:b"));
    case "italic":
      return onOff(child(rPr, "w:i"));
  }
}

/** One run child's contribution to `.text` (see `paragraphText`). */
function runChildText(c: XEl): string {
  switch (c.name) {
    case "w:t":
    case "w:delText":
      return textContent(c);
    case "w:tab":
      return "\t";
    case "w:br":
    case "w:cr":
      return attr(c, "w:type") === "page" ? "\f" : "\v";
    case "w:sym":
      // #2368, #4477: a symbol inserted as w:sym reads back as "(".
      return "(";
    case "w:noBreakHyphen":
      return "\u001e";
    case "w:softHyphen":
      return "\u001f";
    default:
      return "";
  }
}

/** Run children in text order with their length in `.text`. */
function textLength(c: XEl): number {
  return runChildText(c).length;
}

/** The runs of a paragraph that carry its text, in order (deleted ones left out). */
function runsOf(p: XEl): XEl[] {
  const out: XEl[] = [];
  const walk = (x: XEl) => {
    for (const k of x.kids) {
      if (k.kind !== "el" || SKIP.has(k.name) || k.name === "w:del" || k.name === "w:moveFrom")
        continue;
      if (k.name === "w:r") out.push(k);
      else walk(k);
    }
  };
  walk(p);
  return out;
}

/**
 * The runs split off each run (a range made before a split keeps covering the same text, as
 * Word's ranges do).
 */
const splitOff = new WeakMap<XEl, { run: XEl; seq: number }[]>();
let splitSeq = 0;

/** A range's runs with every part split off them since `since`, in document order. */
function expand(runs: readonly XEl[], since: number): XEl[] {
  const out: XEl[] = [];
  const add = (r: XEl) => {
    out.push(r);
    for (const x of splitOff.get(r) ?? []) if (x.seq > since) add(x.run);
  };
  for (const r of runs) add(r);
  return out.sort((a, b) => (a === b ? 0 : precedes(a, b) ? -1 : 1));
}

/** Runs captured now, as a range holds them: later splits inside them stay in the range. */
function captured(runs: readonly XEl[]): () => XEl[] {
  const since = splitSeq;
  return () => expand(runs, since);
}

/** Splits a paragraph's runs so that one starts at `.text` offset `at`. */
function splitAt(p: XEl, at: number): void {
  let pos = 0;
  for (const r of runsOf(p)) {
    const kids = children(r).filter((c) => c.name !== "w:rPr");
    for (let i = 0; i < kids.length; i++) {
      const c = kids[i] as XEl;
      const len = textLength(c);
      if (at > pos && at < pos + len && c.name === "w:t") {
        // Split inside this text element.
        const s = textContent(c);
        const cut = at - pos;
        c.kids = [];
        append(c, text(s.slice(0, cut)));
        const rest = el("w:t", [["xml:space", "preserve"]], [text(s.slice(cut))]);
        insertAfter(c, rest);
        splitAt(p, at);
        return;
      }
      if (at === pos && i > 0) {
        // Move kids[i..] into a new run after r, with the same properties.
        const rPr = child(r, "w:rPr");
        const next = el("w:r", [], rPr ? [clone(rPr)] : []);
        for (const k of kids.slice(i)) append(next, k);
        insertAfter(r, next);
        splitOff.set(r, [...(splitOff.get(r) ?? []), { run: next, seq: ++splitSeq }]);
        return;
      }
      pos += len;
    }
  }
}

/** The runs covering `.text` offsets [start, end) of a paragraph (split as needed). */
function runsBetween(p: XEl, start: number, end: number): XEl[] {
  splitAt(p, start);
  splitAt(p, end);
  const out: XEl[] = [];
  let pos = 0;
  for (const r of runsOf(p)) {
    const len = children(r).reduce((n, c) => n + (c.name === "w:rPr" ? 0 : textLength(c)), 0);
    if (pos >= start && pos + len <= end && (len > 0 || (pos > start && pos < end))) out.push(r);
    pos += len;
  }
  return out;
}

/** Run content for text as Word's insertText makes it: tabs and line breaks as elements. */
function runKids(s: string): XEl[] {
  const out: XEl[] = [];
  for (const piece of s.split(/(\t|\v)/)) {
    if (piece === "\t") out.push(el("w:tab"));
    else if (piece === "\v") out.push(el("w:br"));
    else if (piece !== "") out.push(el("w:t", [["xml:space", "preserve"]], [text(piece)]));
  }
  return out;
}

function newRun(rPr: XEl | undefined, s: string): XEl {
  return el("w:r", [], [...(rPr ? [clone(rPr)] : []), ...runKids(s)]);
}

let revisionId = 1000;

/** Marks runs as a tracked deletion: wrapped in w:del, their text as w:delText. */
function trackDelete(run: XEl): void {
  for (const t of children(run, "w:t")) t.name = "w:delText";
  const del = el("w:del", [
    ["w:id", String(++revisionId)],
    ["w:author", "PlanAssist test"],
  ]);
  insertBefore(run, del);
  append(del, run);
}

function trackInsert(run: XEl): XEl {
  const ins = el("w:ins", [
    ["w:id", String(++revisionId)],
    ["w:author", "PlanAssist test"],
  ]);
  insertBefore(run, ins);
  append(ins, run);
  return ins;
}

/** The node to place new runs next to (a run's outermost inline wrapper inside the paragraph). */
function topIn(p: XEl, x: XEl): XEl {
  let at = x;
  while (at.parent && at.parent !== p) at = at.parent;
  return at;
}

// ---------------------------------------------------------------------------------------------
// The object model

type Op = { write: boolean; name: string; run: () => void };
type Ref = { el?: XEl; item?: Item };

export function wordModelHost(model: WordModel): {
  host: WordWriteHost & WordPaneHost;
  readHost: WordHost;
  log: WordLog;
} {
  const log = model.log;
  const o = model.options;
  let queue: Op[] = [];
  let batch = { getNext: 0, bodyOoxml: 0, calls: 0 };
  const has14 = () => model.supported.has("WordApi 1.4");

  const queueOp = (name: string, write: boolean, run: () => void) => {
    log.calls.push(name);
    batch.calls++;
    queue.push({
      name,
      write,
      run: write
        ? () => {
            model.version++;
            run();
          }
        : run,
    });
  };
  const fail = (code: string): never => {
    throw new WordError(code);
  };
  /** Whether a write inside `x` is refused, and with which code. */
  const guardWrite = (x: XEl | undefined) => {
    if (o.readOnly) fail("AccessDenied");
    if (o.viewMode) fail("GeneralException");
    if (x && o.protectedTables?.length) {
      const all = model.allTables();
      for (const a of [x, ...ancestors(x)])
        if (a.name === "w:tbl" && o.protectedTables.includes(all.indexOf(a))) fail("NotAllowed");
    }
  };
  const loaded = <T>(box: { v?: T; set: boolean }, what: string): T => {
    if (!box.set)
      throw new Error(`PropertyNotLoaded: ${what} was read before it was loaded and synced`);
    return box.v as T;
  };
  const need14 = (what: string) => {
    if (!has14()) queueOp(`${what}:1.4`, false, () => fail("ApiNotFound"));
  };

  // ---- fonts and ranges ----
  type Span = { p: () => XEl | undefined; runs: () => XEl[] };

  const fontOf = (span: Span, path: string) => {
    const values: Partial<Record<FontProp, { v?: unknown; set: boolean }>> = {};
    const font = {
      set(props: Record<string, unknown>) {
        for (const [k, val] of Object.entries(props))
          if (val === null || val === undefined) log.nullSets.push(`${path}.${k}`);
        queueOp(`font.set:${path}:${JSON.stringify(props)}`, true, () => {
          const p = span.p();
          if (!p) fail("ItemNotFound");
          guardWrite(p);
          // Null is Word's answer for "mixed" (docs: null property values), not a value to set:
          // what Word does with it is not documented, so the model only records it (log.nullSets).
          for (const r of span.runs()) setRunProps(r, props);
        });
      },
    } as Record<string, unknown>;
    for (const prop of FONT_PROPS) {
      const box = { set: false } as { v?: unknown; set: boolean };
      values[prop] = box;
      Object.defineProperty(font, prop, {
        get: () => loaded(box, `${path}.font.${prop}`),
        enumerable: true,
      });
    }
    const load = () =>
      queueOp(`load:${path}/font`, false, () => {
        const p = span.p();
        for (const prop of FONT_PROPS) {
          const box = values[prop] as { v?: unknown; set: boolean };
          if (!p) {
            box.v = null;
            box.set = true;
            continue;
          }
          const runs = span.runs();
          // docs ("null property values"): a property whose value differs across the range is null.
          const seen = new Set(
            (runs.length ? runs : [undefined]).map((r) =>
              JSON.stringify(model.runProperty(r, p, prop)),
            ),
          );
          box.v = seen.size === 1 ? JSON.parse([...seen][0] as string) : null;
          box.set = true;
        }
      });
    return { font, load };
  };

  const setRunProps = (r: XEl, props: Record<string, unknown>) => {
    let rPr = child(r, "w:rPr");
    if (!rPr) {
      rPr = el("w:rPr");
      insertAt(r, 0, rPr);
    }
    const put = (name: string, attrs: [string, string][]) => {
      const old = child(rPr as XEl, name);
      if (old) detach(old);
      append(rPr as XEl, el(name, attrs));
    };
    if (typeof props.name === "string")
      put("w:rFonts", [
        ["w:ascii", props.name],
        ["w:hAnsi", props.name],
        ["w:cs", props.name],
      ]);
    if (typeof props.size === "number") put("w:sz", [["w:val", String(props.size * 2)]]);
    if (typeof props.color === "string") put("w:color", [["w:val", props.color.replace(/^#/, "")]]);
    if (typeof props.bold === "boolean") put("w:b", props.bold ? [] : [["w:val", "0"]]);
    if (typeof props.italic === "boolean") put("w:i", props.italic ? [] : [["w:val", "0"]]);
  };

  /** Replaces a span's runs with text taking the formatting of its start (#4276). */
  const replaceRuns = (p: XEl, runs: XEl[], s: string, where: "Replace" | "Start" | "End") => {
    const all = runsOf(p);
    const anchor = where === "End" ? runs[runs.length - 1] : runs[0];
    const rPr = anchor
      ? child(anchor, "w:rPr")
      : (child(child(p, "w:pPr") ?? el("x"), "w:rPr") ?? undefined);
    const lines = s.split(/\r\n|\r|\n/);
    const made: XEl[] = [];
    const first = newRun(rPr, lines[0] ?? "");
    if (anchor) {
      if (where === "End") insertAfter(topIn(p, anchor), first);
      else insertBefore(topIn(p, anchor), first);
    } else {
      const pPr = child(p, "w:pPr");
      if (where === "Start" && all[0]) insertBefore(topIn(p, all[0]), first);
      else if (where === "Start" && pPr) insertAfter(pPr, first);
      else append(p, first);
    }
    made.push(first);
    if (where === "Replace")
      for (const r of runs) {
        if (model.trackChanges) trackDelete(r);
        else detach(r);
      }
    // Removes content controls and fields emptied by the replace.
    for (const sdt of descendants(p, "w:sdt"))
      if (runsOf(sdt).length === 0 && descendants(sdt, "w:delText").length === 0) detach(sdt);
    for (const f of descendants(p, "w:fldSimple")) if (runsOf(f).length === 0) detach(f);
    if (model.trackChanges) for (const r of made) trackInsert(r);
    // Further lines become paragraphs of their own after this one (docs: insertText, "\n").
    let after = p;
    for (const line of lines.slice(1)) {
      const pPr = child(p, "w:pPr");
      const np = el("w:p", [], [...(pPr ? [clone(pPr)] : []), newRun(rPr, line)]);
      insertAfter(after, np);
      after = np;
    }
    return made;
  };

  const rangeProxy = (span: Span, path: string) => {
    const { font, load: loadFont } = fontOf(span, path);
    const self = {
      font,
      insertText(s: string, location: "Replace" | "Start" | "End") {
        let made: () => XEl[] = () => [];
        queueOp(`range.insertText:${location}:${path}`, true, () => {
          const p = span.p();
          if (!p) fail("ItemNotFound");
          guardWrite(p);
          made = captured(replaceRuns(p as XEl, span.runs(), s, location));
        });
        return rangeProxy({ p: span.p, runs: () => made() }, `${path}+text`);
      },
      load(props?: string) {
        if (!props || props.includes("font")) loadFont();
        return self;
      },
      select() {
        queueOp(`select:${path}`, false, () => undefined);
      },
      insertComment(s: string) {
        need14("insertComment");
        queueOp(`insertComment:${path}`, true, () => {
          guardWrite(span.p());
          void s;
        });
        return {};
      },
    };
    return self;
  };

  // ---- paragraphs ----
  const paragraphProxy = (ref: Ref, path: string, scope: () => XEl): Record<string, unknown> => {
    const textBox = { set: false } as { v?: string; set: boolean };
    const styleBox = { set: false } as { v?: string; set: boolean };
    const nestBox = { set: false } as { v?: number; set: boolean };
    const pEl = () => (ref.item?.kind === "p" ? ref.item.el : undefined);
    const whole: Span = { p: pEl, runs: () => (pEl() ? runsOf(pEl() as XEl) : []) };
    const { font, load: loadFont } = fontOf(whole, path);
    const step = (fromItem: Item | undefined): Item | undefined => {
      if (!fromItem) return undefined;
      const list = model.items(scope());
      const i = model.indexOf(scope(), fromItem);
      return i < 0 ? undefined : list[i + 1];
    };
    const self: Record<string, unknown> = {
      get text() {
        return loaded(textBox, `${path}.text`);
      },
      get style() {
        return loaded(styleBox, `${path}.style`);
      },
      get tableNestingLevel() {
        return loaded(nestBox, `${path}.tableNestingLevel`);
      },
      get isNullObject() {
        return ref.item === undefined;
      },
      font,
      load(props = "") {
        queueOp(`load:${path}:${props}`, false, () => {
          const it = ref.item;
          textBox.v = it?.kind === "p" ? model.paragraphText(it.el) : "";
          textBox.set = true;
          styleBox.v = it?.kind === "p" ? model.styleName(model.styleIdOf(it.el)) : "";
          styleBox.set = true;
          nestBox.v = it ? model.nesting(it.el) : 0;
          nestBox.set = true;
        });
        if (props.includes("font")) loadFont();
        return self;
      },
      getNext() {
        batch.getNext++;
        const next: Ref = {};
        queueOp(`getNext:${path}`, false, () => {
          next.item = step(ref.item);
          if (!next.item) fail("ItemNotFound");
        });
        return paragraphProxy(next, `${path}+1`, scope);
      },
      getNextOrNullObject() {
        batch.getNext++;
        const next: Ref = {};
        queueOp(`getNextOrNull:${path}`, false, () => (next.item = step(ref.item)));
        return paragraphProxy(next, `${path}+1`, scope);
      },
      getOoxml() {
        const box = { value: "" };
        queueOp(`getOoxml:${path}`, false, () => {
          const p = pEl();
          box.value = model.packageOf(p ? [p] : []);
        });
        return box;
      },
      getRange(location?: string) {
        const range = rangeProxy(whole, `${path}/range`);
        if (location !== "Content") return range;
        return {
          ...range,
          insertOoxml(ooxml: string, where: "Replace") {
            queueOp(`insertOoxml:${where}:${path}/content`, true, () => {
              const p = pEl();
              if (!p) fail("ItemNotFound");
              guardWrite(p);
              if (where !== "Replace") fail("InvalidArgument");
              replaceContentWithOoxml(p as XEl, ooxml);
            });
            return {};
          },
        };
      },
      insertText(s: string, location: "Replace" | "Start" | "End") {
        let made: () => XEl[] = () => [];
        queueOp(`insertText:${location}:${path}`, true, () => {
          const p = pEl();
          if (!p) fail("ItemNotFound");
          guardWrite(p);
          made = captured(replaceRuns(p as XEl, runsOf(p as XEl), s, location));
        });
        return rangeProxy({ p: pEl, runs: () => made() }, `${path}/inserted`);
      },
      search(needle: string, options?: { matchCase?: boolean }) {
        const items: unknown[] = [];
        const collection = {
          items,
          load() {
            queueOp(`search:${path}`, false, () => {
              const p = pEl();
              if (!p) return;
              const hay = model.paragraphText(p);
              const a = options?.matchCase === false ? hay.toLowerCase() : hay;
              const b = options?.matchCase === false ? needle.toLowerCase() : needle;
              const starts: number[] = [];
              for (let at = a.indexOf(b); at >= 0 && b.length > 0; at = a.indexOf(b, at + b.length))
                starts.push(at);
              for (const at of starts) {
                const runs = runsBetween(p, at, at + needle.length);
                items.push(rangeProxy({ p: pEl, runs: captured(runs) }, `${path}/hit${at}`));
              }
            });
            return collection;
          },
        };
        return collection;
      },
      set(props: { style?: string }) {
        queueOp(`paragraph.set:${path}:${JSON.stringify(props)}`, true, () => {
          const p = pEl();
          if (!p) fail("ItemNotFound");
          guardWrite(p);
          if (props.style === undefined) return;
          if (props.style === null) fail("InvalidArgument");
          const id = model.styleIdByName(props.style);
          if (!id) fail("ItemNotFound");
          let pPr = child(p as XEl, "w:pPr");
          if (!pPr) {
            pPr = el("w:pPr");
            insertAt(p as XEl, 0, pPr);
          }
          const old = child(pPr, "w:pStyle");
          if (old) detach(old);
          insertAt(pPr, 0, el("w:pStyle", [["w:val", id as string]]));
        });
      },
      insertParagraph(s: string, location: "After" | "Before") {
        const made: Ref = {};
        queueOp(`insertParagraph:${location}:${path}`, true, () => {
          const p = pEl();
          if (!p) fail("ItemNotFound");
          guardWrite(p);
          const pPr = child(p as XEl, "w:pPr");
          const firstRun = runsOf(p as XEl)[0];
          const rPr = firstRun ? child(firstRun, "w:rPr") : undefined;
          const np = el("w:p", [], [...(pPr ? [clone(pPr)] : []), ...(s ? [newRun(rPr, s)] : [])]);
          if (location === "After") insertAfter(p as XEl, np);
          else insertBefore(p as XEl, np);
          made.item = { kind: "p", el: np };
        });
        return paragraphProxy(made, `${path}+new`, scope);
      },
      delete() {
        queueOp(`deleteParagraph:${path}`, true, () => {
          const p = pEl();
          if (!p) fail("ItemNotFound");
          guardWrite(p);
          if (model.trackChanges) for (const r of runsOf(p as XEl)) trackDelete(r);
          else detach(p as XEl);
        });
      },
    };
    return self;
  };

  const firstParagraph = (scope: () => XEl, path: string) => {
    const ref: Ref = {};
    queueOp(`paragraphs.getFirst:${path}`, false, () => {
      ref.item = model.items(scope())[0];
      if (!ref.item) fail("ItemNotFound");
    });
    return paragraphProxy(ref, `${path}/p0`, scope);
  };

  // ---- bodies, tables, cells, rows ----
  const bodyProxy = (scope: () => XEl | undefined, path: string, isDocument: boolean) => {
    const need = () => {
      const s = scope();
      if (!s) fail("ItemNotFound");
      return s as XEl;
    };
    const tables = tablesProxy(need, path);
    const textBox = { set: false } as { v?: string; set: boolean };
    const self = {
      get text() {
        return loaded(textBox, `${path}.text`);
      },
      load() {
        queueOp(`load:${path}.text`, false, () => {
          textBox.v = model
            .items(need())
            .map((i) => (i.kind === "p" ? model.paragraphText(i.el) : ""))
            .join("\r");
          textBox.set = true;
        });
        return self;
      },
      getOoxml() {
        if (isDocument) batch.bodyOoxml++;
        const box = { value: "" };
        queueOp(`getOoxml:${path}`, false, () => {
          const s = need();
          box.value = model.packageOf(s.kids.filter((k) => k.kind !== "el" || k.name !== "w:tcPr"));
        });
        return box;
      },
      getRange() {
        return rangeProxy({ p: () => undefined, runs: () => [] }, `${path}/range`);
      },
      /**
       * `body.insertOoxml(..., "Replace")` (the diagnostics page's probes use it on a scratch
       * document): the package's body takes the place of the content (the section properties
       * stay), and touching tables are joined (python-docx #1072, pandoc #4315).
       */
      insertOoxml(ooxml: string, location: "Replace") {
        queueOp(`body.insertOoxml:${location}:${path}`, true, () => {
          guardWrite(undefined);
          const main = (() => {
            try {
              return readFlatOpc(ooxml).get("word/document.xml");
            } catch {
              return undefined;
            }
          })();
          const inserted = main === undefined ? undefined : child(parseTree(main), "w:body");
          if (!inserted || location !== "Replace") fail("InvalidArgument");
          const s = need();
          const kept = s.kids.filter((k) => k.kind === "el" && k.name === "w:sectPr");
          s.kids = [];
          for (const k of (inserted as XEl).kids)
            if (k.kind === "el" && k.name !== "w:sectPr") append(s, clone(k));
          for (const k of kept) append(s, k);
          if (isDocument) model.rejoin();
        });
      },
      paragraphs: { getFirst: () => firstParagraph(need, path) },
      tables,
    };
    return self;
  };

  const tablesProxy = (scope: () => XEl, path: string) => {
    const items: unknown[] = [];
    const self = {
      items,
      getFirst: () => {
        const ref: Ref = {};
        queueOp(`tables.getFirst:${path}`, false, () => {
          ref.el = model.tablesIn(scope())[0];
          if (!ref.el) fail("ItemNotFound");
        });
        return tableProxy(ref, `${path}/t0`, scope);
      },
      load() {
        queueOp(`load:${path}/tables`, false, () => {
          items.length = 0;
          for (const t of model.tablesIn(scope())) items.push({ el: t });
        });
        return self;
      },
    };
    return self;
  };

  const tableProxy = (ref: Ref, path: string, scope: () => XEl): Record<string, unknown> => {
    const rowCount = { set: false } as { v?: number; set: boolean };
    const need = () => {
      if (!ref.el) fail("ItemNotFound");
      return ref.el as XEl;
    };
    const self: Record<string, unknown> = {
      get rowCount() {
        return loaded(rowCount, `${path}.rowCount`);
      },
      get isNullObject() {
        return ref.el === undefined;
      },
      load() {
        queueOp(`load:${path}/rowCount`, false, () => {
          // Rows deleted under Track Changes are still rows until the deletion is accepted.
          rowCount.v = ref.el ? model.rows(ref.el).length : 0;
          rowCount.set = true;
        });
        return self;
      },
      getNext() {
        batch.getNext++;
        const next: Ref = {};
        queueOp(`table.getNext:${path}`, false, () => {
          const list = model.tablesIn(scope());
          next.el = list[list.indexOf(need()) + 1];
          if (!next.el) fail("ItemNotFound");
        });
        return tableProxy(next, `${path}+1`, scope);
      },
      getParagraphAfterOrNullObject() {
        const next: Ref = {};
        queueOp(`table.getParagraphAfter:${path}`, false, () => {
          const t = need();
          const list = model.items(model.body);
          const after = list.findIndex(
            (i) => i.kind === "p" && !ancestors(i.el).includes(t) && precedes(t, i.el),
          );
          next.item = after < 0 ? undefined : list[after];
        });
        return paragraphProxy(next, `${path}/after`, () => model.body);
      },
      getCellOrNullObject(r: number, c: number) {
        const cellRef: Ref = {};
        queueOp(`getCell:${path}/r${r}/c${c}`, false, () => {
          const row = ref.el ? model.rows(ref.el)[r] : undefined;
          cellRef.el = row ? model.cells(row)[c] : undefined;
        });
        return cellProxy(cellRef, `${path}/r${r}/c${c}`);
      },
      getRange() {
        return {
          insertOoxml(ooxml: string, location: "After") {
            queueOp(`insertOoxml:${location}:${path}`, true, () => {
              const t = need();
              guardWrite(t);
              insertOoxmlAfter(t, ooxml);
            });
            return {};
          },
        };
      },
      delete() {
        queueOp(`deleteTable:${path}`, true, () => {
          const t = need();
          guardWrite(t);
          if (model.trackChanges) for (const row of model.rows(t)) trackDeleteRow(row);
          else detach(t);
        });
      },
    };
    return self;
  };

  const trackDeleteRow = (row: XEl) => {
    let trPr = child(row, "w:trPr");
    if (!trPr) {
      trPr = el("w:trPr");
      insertAt(row, 0, trPr);
    }
    append(
      trPr,
      el("w:del", [
        ["w:id", "1"],
        ["w:author", "PlanAssist test"],
      ]),
    );
    for (const r of descendants(row, "w:r"))
      if (!ancestors(r).some((a) => a.name === "w:del")) trackDelete(r);
  };

  const cellProxy = (ref: Ref, path: string) => {
    const value = { set: false } as { v?: string; set: boolean };
    const body = bodyProxy(() => ref.el, path, false);
    const rowOf = () => {
      if (!ref.el?.parent) fail("ItemNotFound");
      return (ref.el as XEl).parent as XEl;
    };
    const self = {
      get isNullObject() {
        return ref.el === undefined;
      },
      get value() {
        return loaded(value, `${path}.value`);
      },
      body,
      parentRow: {
        insertRows(location: "After" | "Before", count: number, values?: string[][]) {
          queueOp(`insertRows:${location}:${path}`, true, () => {
            const row = rowOf();
            guardWrite(row);
            const made = Array.from({ length: count }, (_, k) => rowFrom(row, values?.[k]));
            if (location === "After") insertAfter(row, ...made);
            else insertBefore(row, ...made);
          });
          return {};
        },
        delete() {
          queueOp(`deleteRow:${path}`, true, () => {
            const row = rowOf();
            guardWrite(row);
            if (model.trackChanges) trackDeleteRow(row);
            else detach(row);
          });
        },
      },
      load(props = "") {
        queueOp(`load:${path}:${props}`, false, () => {
          value.v = ref.el
            ? model
                .items(ref.el)
                .map((i) => (i.kind === "p" ? model.paragraphText(i.el) : ""))
                .join("\n")
            : "";
          value.set = true;
        });
        return self;
      },
    };
    return self;
  };

  /**
   * A row made by `insertRows` from a template row: Word uses the row "as a template" (docs:
   * TableRow.insertRows); the model copies its properties, each cell's properties and its first
   * paragraph's paragraph and run properties, with the given text ("\n" starts a paragraph).
   */
  const rowFrom = (template: XEl, values: readonly string[] | undefined): XEl => {
    const trPr = child(template, "w:trPr");
    const row = el("w:tr", [], trPr ? [clone(trPr)] : []);
    if (model.trackChanges) {
      const pr = child(row, "w:trPr") ?? el("w:trPr");
      if (!pr.parent) insertAt(row, 0, pr);
      append(
        pr,
        el("w:ins", [
          ["w:id", "1"],
          ["w:author", "PlanAssist test"],
        ]),
      );
    }
    model.cells(template).forEach((tc, ci) => {
      const tcPr = child(tc, "w:tcPr");
      const firstP = descendants(tc, "w:p")[0];
      const pPr = firstP ? child(firstP, "w:pPr") : undefined;
      const firstRun = firstP ? runsOf(firstP)[0] : undefined;
      const rPr = firstRun ? child(firstRun, "w:rPr") : undefined;
      const cell = el("w:tc", [], tcPr ? [clone(tcPr)] : []);
      const vMerge = child(child(cell, "w:tcPr") ?? el("x"), "w:vMerge");
      if (vMerge) detach(vMerge);
      for (const line of (values?.[ci] ?? "").split("\n")) {
        const run = line ? newRun(rPr, line) : undefined;
        const p = el("w:p", [], [...(pPr ? [clone(pPr)] : []), ...(run ? [run] : [])]);
        if (run && model.trackChanges) trackInsert(run);
        append(cell, p);
      }
      append(row, cell);
    });
    return row;
  };

  /**
   * `insertOoxml(..., "After")` on a table's range: the package's body goes in after the table.
   * Without a styles part in the package, the style information of its main part is ignored
   * "regardless of whether or not that style is in use in the user's document"; with one, a
   * style the document already uses keeps its resident definition (docs: "Understand when and
   * how to use Office Open XML in your Word add-in", Working with styles; #272), and a style
   * neither has is ignored. Numbering goes the same way: without a numbering part in the package
   * its list numbering is dropped (#5243, #5381, #6843: insertOoxml does not take numbering from
   * the document). A trailing empty paragraph comes with it (#874, #116, #6904), and touching
   * tables are joined.
   */
  const insertOoxmlAfter = (t: XEl, ooxml: string) => {
    let parts: Map<string, string>;
    try {
      parts = readFlatOpc(ooxml);
    } catch {
      fail("InvalidArgument");
      return;
    }
    const main = parts.get("word/document.xml");
    if (!main) fail("InvalidArgument");
    const inserted = parseTree(main as string);
    const body = child(inserted, "w:body");
    if (!body) fail("InvalidArgument");
    const kids = (body as XEl).kids.filter(
      (k): k is XEl => k.kind === "el" && k.name !== "w:sectPr",
    );
    const carried = parts.get("word/styles.xml");
    mergeStyles(carried);
    const known = new Set(
      carried === undefined
        ? []
        : descendants(
            parseTree(model.parts.get("word/styles.xml") ?? "<w:styles/>"),
            "w:style",
          ).map((s) => attr(s, "w:styleId") ?? ""),
    );
    const numbering = parts.get("word/numbering.xml");
    const nums = numbering === undefined ? new Set<string>() : numberingIds(numbering);
    for (const k of kids) {
      for (const ref of [
        ...descendants(k, "w:pStyle"),
        ...descendants(k, "w:rStyle"),
        ...descendants(k, "w:tblStyle"),
      ])
        if (!known.has(attr(ref, "w:val") ?? "")) detach(ref);
      for (const numPr of descendants(k, "w:numPr")) {
        const id = attr(child(numPr, "w:numId") ?? el("x"), "w:val") ?? "";
        if (!nums.has(id)) detach(numPr);
      }
    }
    insertAfter(t, ...kids, el("w:p"));
    model.rejoin();
  };

  /**
   * `insertOoxml(..., "Replace")` on a paragraph's "Content" range (docs: Word.RangeLocation,
   * WordApi 1.3: the range between the paragraph's start and end, before its mark): what the
   * range held gives way to the inline content of the package's paragraph; the paragraph keeps
   * its mark and properties. Styles the document does not have are dropped (docs: "Understand
   * when and how to use Office Open XML in your Word add-in"). With Track Changes on, what goes
   * out stays as a tracked deletion and what comes in is a tracked insertion (docs:
   * changeTrackingMode). The add-in only ever inserts one paragraph's content this way: more
   * than one is a slip the model reports.
   */
  const replaceContentWithOoxml = (p: XEl, ooxml: string) => {
    let parts: Map<string, string>;
    try {
      parts = readFlatOpc(ooxml);
    } catch {
      fail("InvalidArgument");
      return;
    }
    const main = parts.get("word/document.xml");
    if (!main) fail("InvalidArgument");
    const body = child(parseTree(main as string), "w:body");
    const ps = body ? children(body, "w:p") : [];
    if (ps.length !== 1)
      throw new Error(`insertOoxml over a paragraph's content with ${ps.length} paragraphs`);
    const known = new Set(
      descendants(parseTree(model.parts.get("word/styles.xml") ?? "<w:styles/>"), "w:style").map(
        (x) => attr(x, "w:styleId") ?? "",
      ),
    );
    const inline = (ps[0] as XEl).kids.filter((k) => k.kind !== "el" || k.name !== "w:pPr");
    for (const k of inline)
      if (k.kind === "el")
        for (const ref of descendants(k, "w:rStyle"))
          if (!known.has(attr(ref, "w:val") ?? "")) detach(ref);
    const old = p.kids.filter((k) => k.kind !== "el" || k.name !== "w:pPr");
    if (model.trackChanges) {
      for (const r of runsOf(p)) trackDelete(r);
      for (const k of old) if (k.kind === "el" && k.name !== "w:del" && k.name !== "w:r") detach(k);
    } else for (const k of old) detach(k);
    for (const k of inline) {
      const made = clone(k);
      append(p, made);
      if (model.trackChanges && made.kind === "el" && made.name === "w:r") trackInsert(made);
    }
  };

  const mergeStyles = (xml: string | undefined) => {
    if (xml === undefined) return;
    const ours = parseTree(model.parts.get("word/styles.xml") ?? `<w:styles xmlns:w="${W_NS}"/>`);
    const have = new Set(children(ours, "w:style").map((s) => attr(s, "w:styleId")));
    for (const s of children(parseTree(xml), "w:style"))
      if (!have.has(attr(s, "w:styleId"))) append(ours, clone(s));
    model.parts.set("word/styles.xml", serialise(ours));
  };

  /** The numbering ids the document has once the package's numbering is taken in. */
  const numberingIds = (xml: string | undefined): Set<string> => {
    const ids = (x: string | undefined) =>
      x === undefined ? [] : children(parseTree(x), "w:num").map((n) => attr(n, "w:numId") ?? "");
    if (xml !== undefined && !model.parts.has("word/numbering.xml"))
      model.parts.set("word/numbering.xml", xml);
    return new Set([...ids(model.parts.get("word/numbering.xml")), ...ids(xml)]);
  };

  // ---- custom XML parts (WordApi 1.4) ----
  const namespaceOf = (xml: string): string | undefined => {
    try {
      const root = parseTree(xml);
      const prefix = root.name.includes(":") ? root.name.split(":")[0] : undefined;
      return attr(root, prefix ? `xmlns:${prefix}` : "xmlns");
    } catch {
      return undefined;
    }
  };
  // Deleting a part moves the later ones down; a proxy keeps pointing at its own part (docs:
  // "Word JavaScript object model", a proxy tracks its object), so each proxy's position is
  // taken when it is found and moved past the deletions made since.
  const deletions: number[] = [];
  const found = (i: number | undefined) => {
    if (i === undefined) return () => undefined;
    const since = deletions.length;
    return () => {
      let at: number | undefined = i;
      for (const d of deletions.slice(since)) {
        if (at === undefined) break;
        at = d === at ? undefined : d < at ? at - 1 : at;
      }
      return at;
    };
  };
  const partProxy = (index: () => number | undefined, path: string) => {
    const self = {
      get isNullObject() {
        return index() === undefined;
      },
      load() {
        queueOp(`load:${path}`, false, () => undefined);
        return self;
      },
      getXml() {
        const box = { value: null as unknown as string };
        queueOp(`getXml:${path}`, false, () => {
          const i = index();
          box.value = i === undefined ? (null as unknown as string) : (model.customXml[i] ?? "");
        });
        return box;
      },
      setXml(xml: string) {
        queueOp(`customXml.setXml:${path}`, true, () => {
          const i = index();
          if (i === undefined) fail("ItemNotFound");
          guardWrite(undefined);
          model.customXml[i as number] = xml;
        });
      },
      delete() {
        queueOp(`customXml.delete:${path}`, true, () => {
          const i = index();
          if (i === undefined) fail("ItemNotFound");
          guardWrite(undefined);
          model.customXml.splice(i as number, 1);
          deletions.push(i as number);
        });
      },
    };
    return self;
  };
  const customXmlParts = {
    getByNamespace(ns: string) {
      need14("customXmlParts");
      const items: unknown[] = [];
      return {
        items,
        load() {
          queueOp(`load:customXml:${ns}`, false, () => {
            model.customXml.forEach((x, i) => {
              if (namespaceOf(x) === ns) items.push(partProxy(found(i), `customXml${i}`));
            });
          });
        },
        // docs (CustomXmlPartScopedCollection.getOnlyItemOrNullObject): null when the
        // collection is empty or holds more than one part.
        getOnlyItemOrNullObject() {
          let k: () => number | undefined = () => undefined;
          queueOp(`customXml.getOnlyItem:${ns}`, false, () => {
            const hits = model.customXml.flatMap((x, i) => (namespaceOf(x) === ns ? [i] : []));
            k = found(hits.length === 1 ? hits[0] : undefined);
          });
          return partProxy(() => k(), `customXml(${ns})`);
        },
      };
    },
    add(xml: string) {
      need14("customXmlParts.add");
      let at: () => number | undefined = () => undefined;
      queueOp("customXml.add", true, () => {
        guardWrite(undefined);
        model.customXml.push(xml);
        at = found(model.customXml.length - 1);
      });
      return partProxy(() => at(), "customXml+new");
    },
  };

  // ---- the document and the context ----
  const trackingBox = { set: false } as { v?: string; set: boolean };
  const document = {
    body: bodyProxy(() => model.body, "body", true),
    get customXmlParts() {
      return customXmlParts;
    },
    get changeTrackingMode() {
      return loaded(trackingBox, "document.changeTrackingMode");
    },
    set changeTrackingMode(mode: string) {
      need14("changeTrackingMode");
      queueOp(`changeTrackingMode=${mode}`, true, () => {
        guardWrite(undefined);
        model.trackChanges = mode !== "Off";
      });
    },
    load(props = "") {
      if (props.includes("changeTrackingMode")) need14("changeTrackingMode");
      queueOp(`load:document:${props}`, false, () => {
        trackingBox.v = model.trackChanges ? "TrackAll" : "Off";
        trackingBox.set = true;
      });
      return document;
    },
  };

  const context = {
    document,
    sync: async () => {
      log.syncs++;
      log.calls.push(`sync#${log.syncs}`);
      log.batches.push(batch);
      batch = { getNext: 0, bodyOoxml: 0, calls: 0 };
      if (o.beforeSync?.at === log.syncs) {
        o.beforeSync.change(model);
        model.version++;
      }
      const ops = queue;
      queue = [];
      if (o.abandonAt?.at === log.syncs) {
        const upTo = o.abandonAt.half ? Math.floor(ops.length / 2) : ops.length;
        for (const op of ops.slice(0, upTo)) {
          try {
            op.run();
          } catch {
            break;
          }
        }
        log.calls.push("abandoned");
        return new Promise<void>(() => undefined);
      }
      const failing = ([] as number[]).concat(o.failSyncAt ?? []).includes(log.syncs);
      const upTo = failing ? Math.floor(ops.length / 2) : ops.length;
      for (const op of ops.slice(0, upTo)) {
        try {
          op.run();
        } catch (e) {
          if (e instanceof WordError) throw e;
          // A slip of the model itself: say which call met it.
          throw new Error(`The model failed on ${op.name}: ${(e as Error).message}`);
        }
      }
      if (failing) throw new WordError("GeneralException");
    },
  };

  const run = <T>(b: (c: typeof context) => Promise<T>): Promise<T> => {
    queue = [];
    return b(context);
  };
  const isSetSupported = (name: string, version: string) =>
    model.supported.has(`${name} ${version}`);
  // Office.context.document.mode (docs: Office.DocumentMode): "readOnly" for a document opened
  // read-only; Viewing mode still says "readWrite" (#5484), so view mode cannot be seen here.
  const documentMode = () => (o.readOnly ? "readOnly" : "readWrite");
  return {
    host: { run, isSetSupported, documentMode } as unknown as WordWriteHost & WordPaneHost,
    readHost: { run, isSetSupported, documentMode } as unknown as WordHost,
    log,
  };
}

/** Whether two sibling elements have nothing but white space between them. */
function touches(a: XEl, b: XEl): boolean {
  const kids = a.parent?.kids ?? [];
  const between = kids.slice(kids.indexOf(a) + 1, kids.indexOf(b));
  return between.every((n) => n.kind === "text" && n.text.trim() === "");
}

/**
 * Makes the first table of a run of touching tables the joined table `fresh` (the join as Word
 * does it, worked out on their XML), keeping every row, cell and paragraph element: the grid and
 * table properties, each row's properties and exceptions and each cell's properties come from
 * `fresh`, the rows of the later tables move into the first.
 */
function graftJoined(run: readonly XEl[], fresh: XEl): void {
  const first = run[0] as XEl;
  const isPr = (k: XEl) => k.name === "w:tblPr" || k.name === "w:tblGrid";
  const oldRows = run.flatMap((t) => children(t).filter((k) => !isPr(k)));
  const newRows = children(fresh).filter((k) => !isPr(k));
  if (oldRows.length !== newRows.length) throw new Error("the join changed the rows of the tables");
  for (const k of children(first).filter(isPr)) detach(k);
  insertAt(first, 0, ...children(fresh).filter(isPr));
  oldRows.forEach((o, i) => graftRowLevel(o, newRows[i] as XEl));
  for (const t of run.slice(1)) {
    for (const k of [...t.kids]) if (k.kind === "el" && !isPr(k)) append(first, k);
    detach(t);
  }
}

function graftRowLevel(o: XEl, n: XEl): void {
  if (o.name !== "w:tr") {
    const [ok, nk] = [children(o), children(n)];
    if (ok.length === nk.length) ok.forEach((k, i) => graftRowLevel(k, nk[i] as XEl));
    return;
  }
  const props = (r: XEl) =>
    children(r).filter((k) => k.name === "w:tblPrEx" || k.name === "w:trPr");
  for (const k of props(o)) detach(k);
  insertAt(o, 0, ...props(n));
  const [oc, nc] = [children(o, "w:tc"), children(n, "w:tc")];
  oc.forEach((c, i) => {
    const made = nc[i] ? child(nc[i] as XEl, "w:tcPr") : undefined;
    const had = child(c, "w:tcPr");
    if (had) detach(had);
    if (made) insertAt(c, 0, made);
  });
}

/** Whether `a` comes before `b` in document order (and does not contain it). */
function precedes(a: XEl, b: XEl): boolean {
  const pathOf = (x: XEl) => {
    const out: number[] = [];
    for (let n: XEl = x; n.parent; n = n.parent) out.unshift(n.parent.kids.indexOf(n));
    return out;
  };
  const pa = pathOf(a);
  const pb = pathOf(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if ((pa[i] as number) !== (pb[i] as number)) return (pa[i] as number) < (pb[i] as number);
  }
  return false;
}

/** Every paragraph's `.text`, in document order (what Word's own text shows, not the reader's). */
export function modelParagraphTexts(model: WordModel): string[] {
  return model
    .items(model.body)
    .flatMap((i) => (i.kind === "p" ? [model.paragraphText(i.el)] : []));
}
