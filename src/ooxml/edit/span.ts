/**
 * Replacing a span of a paragraph's visible text (the blank after "District/School Name:", the
 * value after "1. ", a mark at the start of an option) while every other run stays as it is.
 */
import { isSymbolFont } from "../glyphs";
import type { WordNames } from "../wordml";
import { attr, escapeXml, stripInvalidXmlChars, type XmlDocument, type XmlElement } from "../xml";
import {
  firstChildNamed,
  runsOf,
  sourceOf,
  textPieces,
  textRun,
  valueRunProperties,
  type TextPiece,
} from "./paragraph-xml";
import type { Splice } from "./splice";

/** `w:t` content for text that may hold tabs and line breaks, to stand in place of one `w:t`. */
function tContent(text: string, n: WordNames): string {
  const clean = stripInvalidXmlChars(text);
  return clean
    .split("\n")
    .map((line) =>
      line
        .split("\t")
        .map((part) =>
          part.length > 0 ? `<${n.t} xml:space="preserve">${escapeXml(part)}</${n.t}>` : "",
        )
        .join(`<${n.tab}/>`),
    )
    .join(`<${n.br}/>`);
}

function runFontOf(run: XmlElement, n: WordNames): string | undefined {
  const rPr = firstChildNamed(run, n.rPr);
  const f = rPr && firstChildNamed(rPr, n.rFonts);
  return f ? (attr(f, n.ascii) ?? attr(f, n.hAnsi)) : undefined;
}

function runRPr(doc: XmlDocument, run: XmlElement, n: WordNames): string {
  const rPr = firstChildNamed(run, n.rPr);
  return rPr ? sourceOf(doc, rPr) : "";
}

/**
 * Splices that replace `start..end` of paragraph `p`'s visible text with `text`. Runs left with
 * nothing visible are removed whole.
 */
export function spanSplices(
  doc: XmlDocument,
  p: XmlElement,
  n: WordNames,
  start: number,
  end: number,
  text: string,
): Splice[] {
  const pieces = textPieces(doc, p, n);
  const total = pieces.reduce((s, x) => s + x.text.length, 0);
  start = Math.max(0, Math.min(start, total));
  end = Math.max(start, Math.min(end, total));
  const overlapping = pieces.filter((x) => x.offset < end && x.offset + x.text.length > start);

  if (overlapping.length === 0) {
    if (text.length === 0) return [];
    return [insertAt(doc, p, n, pieces, start, text)];
  }

  // Per run: the replacement of each of its overlapping pieces.
  type Change = { piece: TextPiece; replacement: string };
  const byRun = new Map<XmlElement, Change[]>();
  let extraRun: Splice | undefined;
  overlapping.forEach((piece, i) => {
    const first = i === 0;
    let replacement = "";
    const symbolRun = isSymbolFont(runFontOf(piece.run, n));
    const insertHere = first && text.length > 0 && !symbolRun;
    if (first && text.length > 0 && symbolRun) {
      // Text never goes into a symbol-font run: it would print as pictures.
      const last = overlapping[overlapping.length - 1] as TextPiece;
      extraRun = {
        start: last.run.end,
        end: last.run.end,
        text: textRun(text, valueRunProperties(doc, p, n), n),
      };
    }
    if (piece.kind === "t") {
      const stored = piece.stored ?? piece.text;
      const prefix = stored.slice(0, Math.max(0, start - piece.offset));
      const suffix = stored.slice(Math.min(stored.length, end - piece.offset));
      const content = insertHere ? prefix + text + suffix : prefix + suffix;
      replacement = content.length > 0 ? tContent(content, n) : "";
    } else {
      replacement = insertHere ? tContent(text, n) : "";
    }
    const list = byRun.get(piece.run) ?? [];
    list.push({ piece, replacement });
    byRun.set(piece.run, list);
  });

  const splices: Splice[] = [];
  for (const [run, changes] of byRun) {
    const visibleChildren = pieces.filter((x) => x.run === run).length;
    const emptied =
      changes.length === visibleChildren && changes.every((c) => c.replacement === "");
    const onlyVisible = run.children.every(
      (c) =>
        c.kind !== "element" ||
        c.name === n.rPr ||
        changes.some((ch) => ch.piece.element === c) ||
        c.name === n.q("lastRenderedPageBreak"),
    );
    if (emptied && onlyVisible) {
      splices.push({ start: run.start, end: run.end, text: "" });
    } else {
      for (const c of changes) {
        splices.push({
          start: c.piece.element.start,
          end: c.piece.element.end,
          text: c.replacement,
        });
      }
    }
  }
  if (extraRun) splices.push(extraRun);
  return splices;
}

/** A legacy text form field (`FORMTEXT`) of a paragraph: its begin, separate and end runs. */
type TextFormField = {
  readonly begin: XmlElement;
  readonly separate?: XmlElement;
  readonly end: XmlElement;
  /** Offset in the paragraph's visible text where the field's result starts. */
  readonly offset: number;
  /** Whether the result holds visible text. */
  readonly empty: boolean;
};

function fieldCharType(run: XmlElement, n: WordNames): string | undefined {
  const fc = firstChildNamed(run, n.fldChar);
  return fc ? attr(fc, n.fldCharType) : undefined;
}

/** A run that begins a text form field (`w:fldChar` begin with `w:ffData/w:textInput`). */
function isTextFormBegin(run: XmlElement, n: WordNames): boolean {
  const fc = firstChildNamed(run, n.fldChar);
  if (!fc || attr(fc, n.fldCharType) !== "begin") return false;
  const ff = firstChildNamed(fc, n.ffData);
  return ff !== undefined && firstChildNamed(ff, n.q("textInput")) !== undefined;
}

/**
 * The paragraph's top-level text form fields, with where their results sit in its visible text
 * (`pieces`: the paragraph's text pieces).
 */
function textFormFields(
  p: XmlElement,
  n: WordNames,
  pieces: readonly TextPiece[],
): TextFormField[] {
  const runs = runsOf(p, n);
  const runIndex = new Map(runs.map((r, i) => [r, i]));
  const indexOf = (x: TextPiece) => runIndex.get(x.run) ?? -1;
  const out: TextFormField[] = [];
  for (let i = 0; i < runs.length; i++) {
    const begin = runs[i] as XmlElement;
    if (!isTextFormBegin(begin, n)) continue;
    let depth = 0;
    let separate: number | undefined;
    for (let j = i; j < runs.length; j++) {
      const type = fieldCharType(runs[j] as XmlElement, n);
      if (type === "begin") depth++;
      else if (type === "separate" && depth === 1) separate = j;
      else if (type === "end" && --depth === 0) {
        const from = separate ?? j;
        const offset = pieces
          .filter((x) => indexOf(x) < from)
          .reduce((sum, x) => sum + x.text.length, 0);
        const empty = !pieces.some((x) => indexOf(x) > from && indexOf(x) < j);
        const end = runs[j] as XmlElement;
        out.push({
          begin,
          end,
          offset,
          empty,
          ...(separate !== undefined ? { separate: runs[separate] as XmlElement } : {}),
        });
        i = j;
        break;
      }
    }
  }
  return out;
}

/** Whether a paragraph holds a text form field, whose result a value is written into. */
export function hasTextFormField(p: XmlElement, n: WordNames): boolean {
  return runsOf(p, n).some((r) => isTextFormBegin(r, n));
}

/** Inserts a run holding `text` at visible offset `at` where no piece overlaps. */
function insertAt(
  doc: XmlDocument,
  p: XmlElement,
  n: WordNames,
  pieces: readonly TextPiece[],
  at: number,
  text: string,
): Splice {
  // An empty text form field here takes the value as its result, so it stays a field.
  const field = textFormFields(p, n, pieces).find((f) => f.empty && f.offset === at);
  if (field) {
    const run = textRun(text, runRPr(doc, field.begin, n), n);
    if (field.separate) return { start: field.separate.end, end: field.separate.end, text: run };
    const separate = `<${n.r}><${n.fldChar} ${n.fldCharType}="separate"/></${n.r}>`;
    return { start: field.end.start, end: field.end.start, text: separate + run };
  }
  const inside = pieces.find(
    (x) => x.kind === "t" && x.offset < at && at < x.offset + x.text.length,
  );
  if (inside && !isSymbolFont(runFontOf(inside.run, n))) {
    const stored = inside.stored ?? inside.text;
    const k = at - inside.offset;
    return {
      start: inside.element.start,
      end: inside.element.end,
      text: tContent(stored.slice(0, k) + text + stored.slice(k), n),
    };
  }
  const before = [...pieces].reverse().find((x) => x.offset + x.text.length <= at);
  if (before) {
    const rPr = isSymbolFont(runFontOf(before.run, n))
      ? valueRunProperties(doc, p, n)
      : runRPr(doc, before.run, n);
    return { start: before.run.end, end: before.run.end, text: textRun(text, rPr, n) };
  }
  const after = pieces.find((x) => x.offset >= at);
  if (after && !isSymbolFont(runFontOf(after.run, n))) {
    return {
      start: after.run.start,
      end: after.run.start,
      text: textRun(text, runRPr(doc, after.run, n), n),
    };
  }
  const pPr = firstChildNamed(p, n.pPr);
  const rPr = valueRunProperties(doc, p, n);
  if (p.closeStart === p.end) {
    // `<w:p/>`: rewrite as a full paragraph.
    const open = doc.source.slice(p.start, p.openEnd - 2) + ">";
    return { start: p.start, end: p.end, text: `${open}${textRun(text, rPr, n)}</${n.p}>` };
  }
  const pos = pPr ? pPr.end : p.openEnd;
  return { start: pos, end: pos, text: textRun(text, rPr, n) };
}
