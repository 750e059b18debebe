/**
 * Paragraph-level XML for writing values: which properties a written paragraph keeps, how text
 * becomes runs, and where each character of a paragraph's visible text sits in the source.
 */
import { isSymbolFont, symbolGlyph } from "../glyphs";
import type { WordNames } from "../wordml";
import {
  attr,
  escapeXml,
  stripInvalidXmlChars,
  textOf,
  type XmlDocument,
  type XmlElement,
} from "../xml";

export function firstChildNamed(el: XmlElement, name: string): XmlElement | undefined {
  for (const ch of el.children) if (ch.kind === "element" && ch.name === name) return ch;
  return undefined;
}

export function sourceOf(doc: XmlDocument, el: XmlElement): string {
  return doc.source.slice(el.start, el.end);
}

/** Attributes that must stay unique in a document and so are dropped from copies. */
const UNIQUE_ATTRS = /\s+w14:(paraId|textId)\s*=\s*("[^"]*"|'[^']*')/g;

/** An element's start tag, without the attributes that must be unique. */
export function startTagForCopy(doc: XmlDocument, el: XmlElement): string {
  const tag = doc.source.slice(el.start, el.openEnd);
  const open = tag.endsWith("/>") ? `${tag.slice(0, -2)}>` : tag;
  return open.replace(UNIQUE_ATTRS, "");
}

function localName(name: string): string {
  const c = name.indexOf(":");
  return c === -1 ? name : name.slice(c + 1);
}

/** Runs of a paragraph in order, looking through insertions, hyperlinks, smart tags and controls. */
export function runsOf(p: XmlElement, n: WordNames): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (el: XmlElement) => {
    for (const ch of el.children) {
      if (ch.kind !== "element") continue;
      if (ch.name === n.r) out.push(ch);
      else if (
        ch.name === n.ins ||
        ch.name === n.moveTo ||
        ch.name === n.hyperlink ||
        ch.name === n.smartTag ||
        ch.name === n.customXml ||
        ch.name === n.fldSimple
      ) {
        walk(ch);
      } else if (ch.name === n.sdt) {
        const content = firstChildNamed(ch, n.sdtContent);
        if (content) walk(content);
      }
    }
  };
  walk(p);
  return out;
}

function runFont(r: XmlElement, n: WordNames): string | undefined {
  const rPr = firstChildNamed(r, n.rPr);
  const fonts = rPr && firstChildNamed(rPr, n.rFonts);
  return fonts ? (attr(fonts, n.ascii) ?? attr(fonts, n.hAnsi)) : undefined;
}

const MARK_REVISIONS: ReadonlySet<string> = new Set([
  "ins",
  "del",
  "moveFrom",
  "moveTo",
  "rPrChange",
]);

/**
 * The run properties a written value takes: those of the paragraph's first text run (not a
 * symbol-font mark), else the paragraph mark's, without revision marks. "" when there are none.
 */
export function valueRunProperties(doc: XmlDocument, p: XmlElement, n: WordNames): string {
  const runs = runsOf(p, n);
  const textRun =
    runs.find(
      (r) =>
        !isSymbolFont(runFont(r, n)) &&
        r.children.some((c) => c.kind === "element" && c.name === n.t),
    ) ?? runs.find((r) => !isSymbolFont(runFont(r, n)));
  const rPr = textRun ? firstChildNamed(textRun, n.rPr) : undefined;
  if (rPr) return sourceOf(doc, rPr);
  const pPr = firstChildNamed(p, n.pPr);
  const markRPr = pPr && firstChildNamed(pPr, n.rPr);
  if (!markRPr) return "";
  return withoutRevisionMarks(doc, markRPr);
}

function withoutRevisionMarks(doc: XmlDocument, rPr: XmlElement): string {
  if (rPr.closeStart === rPr.end) return sourceOf(doc, rPr);
  let out = doc.source.slice(rPr.start, rPr.openEnd);
  for (const ch of rPr.children) {
    if (ch.kind === "element" && MARK_REVISIONS.has(localName(ch.name))) continue;
    out += doc.source.slice(ch.start, ch.end);
  }
  return out + doc.source.slice(rPr.closeStart, rPr.end);
}

/** Run content for a line of text: `w:t` pieces and `w:tab` for tabs. */
function runContent(text: string, n: WordNames): string {
  const parts = stripInvalidXmlChars(text).split("\t");
  return parts
    .map((part, i) => {
      const t = part.length > 0 ? `<${n.t} xml:space="preserve">${escapeXml(part)}</${n.t}>` : "";
      return i === 0 ? t : `<${n.tab}/>${t}`;
    })
    .join("");
}

/** One run holding text; `\n` becomes a line break inside the run. */
export function textRun(text: string, rPr: string, n: WordNames): string {
  if (text.length === 0) return "";
  const lines = text.split("\n");
  return `<${n.r}>${rPr}${lines.map((l) => runContent(l, n)).join(`<${n.br}/>`)}</${n.r}>`;
}

/** Elements of a paragraph that a rewrite keeps: bookmarks and comment anchors. */
function keptMarkers(doc: XmlDocument, p: XmlElement, n: WordNames): string {
  let out = "";
  for (const ch of p.children) {
    if (ch.kind !== "element") continue;
    const ln = localName(ch.name);
    if (
      ln === "bookmarkStart" ||
      ln === "bookmarkEnd" ||
      ln === "commentRangeStart" ||
      ln === "commentRangeEnd"
    ) {
      out += sourceOf(doc, ch);
    } else if (
      ch.name === n.r &&
      ch.children.some((c) => c.kind === "element" && localName(c.name) === "commentReference")
    ) {
      out += sourceOf(doc, ch);
    }
  }
  return out;
}

/**
 * The paragraph rewritten to hold `text`: same start tag and properties, one run with the value's
 * run properties, bookmarks and comment anchors kept.
 */
export function rewrittenParagraph(
  doc: XmlDocument,
  p: XmlElement,
  text: string,
  n: WordNames,
  rPr: string = valueRunProperties(doc, p, n),
): string {
  const pPr = firstChildNamed(p, n.pPr);
  const open = doc.source.slice(p.start, p.openEnd);
  const startTag = open.endsWith("/>") ? `${open.slice(0, -2)}>` : open;
  return `${startTag}${pPr ? sourceOf(doc, pPr) : ""}${textRun(text, rPr, n)}${keptMarkers(doc, p, n)}</${n.p}>`;
}

/** A piece of a paragraph's visible text and the element it comes from. */
export type TextPiece = {
  readonly run: XmlElement;
  readonly element: XmlElement;
  /** Offset of the piece in the paragraph's visible text. */
  readonly offset: number;
  /** Visible text of the piece ("\t" for a tab, a glyph's look-alike for a symbol). */
  readonly text: string;
  /** For `w:t`: the decoded text as stored (symbol-font characters as stored, not their look). */
  readonly stored?: string;
  readonly kind: "t" | "other";
};

/** Where each character of a paragraph's visible text comes from (the reader's rules). */
export function textPieces(doc: XmlDocument, p: XmlElement, n: WordNames): TextPiece[] {
  const pieces: TextPiece[] = [];
  let offset = 0;
  let field = 0;
  for (const r of runsOf(p, n)) {
    const font = runFont(r, n);
    for (const ch of r.children) {
      if (ch.kind !== "element") continue;
      if (ch.name === n.fldChar) {
        const type = attr(ch, n.fldCharType);
        if (type === "begin") field++;
        else if (type === "separate" || type === "end") field = Math.max(0, field - 1);
        continue;
      }
      if (field > 0) continue;
      let text: string | undefined;
      let stored: string | undefined;
      if (ch.name === n.t) {
        stored = "";
        for (const t of ch.children) if (t.kind === "text") stored += textOf(doc, t);
        text = stored;
        if (isSymbolFont(font)) {
          let shown = "";
          for (const c of stored) {
            const g = symbolGlyph(font as string, c.codePointAt(0) ?? 0);
            shown += g ? g.char : c;
          }
          text = shown;
        }
      } else if (ch.name === n.tab || ch.name === n.ptab || ch.name === n.noBreakHyphen) {
        text = ch.name === n.noBreakHyphen ? "-" : "\t";
      } else if (ch.name === n.br || ch.name === n.cr) {
        if (attr(ch, n.q("type")) !== "page") text = "\n";
      } else if (ch.name === n.sym) {
        const code = parseInt(attr(ch, n.char) ?? "", 16);
        const g = Number.isFinite(code) ? symbolGlyph(attr(ch, n.font) ?? "", code) : undefined;
        if (g) text = g.char;
      }
      if (text === undefined || text.length === 0) continue;
      pieces.push(
        stored !== undefined
          ? { run: r, element: ch, offset, text, stored, kind: "t" }
          : { run: r, element: ch, offset, text, kind: "other" },
      );
      offset += text.length;
    }
  }
  return pieces;
}
