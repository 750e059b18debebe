/**
 * A small, strict, non-validating XML reader made for OOXML parts.
 *
 * It builds a light tree in one pass and remembers where every element starts and ends in the
 * source string, so edits can be spliced into the original text and everything outside them stays
 * byte-identical. It refuses what has no place in a Word part: a DOCTYPE (and with it every entity
 * definition, so no entity expansion and no external entity is ever read), undefined entities,
 * mismatched tags, undeclared namespace prefixes and absurd nesting.
 */
import { PlanAssistFailure } from "../domain/result";

type XmlText = {
  readonly kind: "text";
  /** Offsets of the raw (still escaped) text in the source. */
  readonly start: number;
  readonly end: number;
  /** Raw text from a CDATA section is not escaped. */
  readonly cdata: boolean;
};

export type XmlElement = {
  readonly kind: "element";
  /** The qualified name as written, such as `w:tc`. */
  readonly name: string;
  /** Offset of `<` of the start tag. */
  readonly start: number;
  /** Offset just after the `>` of the start tag. */
  readonly openEnd: number;
  /** Offset of `</` of the end tag (equals `end` for an empty element `<x/>`). */
  closeStart: number;
  /** Offset just after the element's last character. */
  end: number;
  /** The piece of the text that holds the start tag (shared, not a copy). */
  readonly source: string;
  /** Where the raw attribute text (between the name and the end of the start tag) lies in `source`. */
  readonly attrStart: number;
  readonly attrEnd: number;
  /** Child nodes in order. Set once the element's end tag is read; shared and empty for `<x/>`. */
  children: readonly XmlNode[];
  readonly parent: XmlElement | undefined;
};

type XmlNode = XmlElement | XmlText;

type XmlLimits = {
  /** Deepest element nesting accepted. */
  readonly maxDepth: number;
  /** Largest source accepted, in characters. */
  readonly maxLength: number;
  /** A time (as `Date.now()`) after which parsing stops with `time_limit`; checked every few thousand tags. */
  readonly deadline?: number;
};

export const defaultXmlLimits: XmlLimits = { maxDepth: 256, maxLength: 200_000_000 };

export type XmlDocument = {
  /** The whole text. */
  readonly source: string;
  readonly root: XmlElement;
  /**
   * The element names of this document, each kept as one string (see `NameTable`): readers take
   * the names they compare from here, so that comparing compares references.
   */
  readonly names?: NameTable;
  /** Work the parser did that grows with the text rather than with the tags (see `parseXml`). */
  readonly work?: { readonly joined: number };
  /**
   * The text as read, in pieces (one for a document given as one string). A large part is read in
   * pieces so that no single string of its whole size is made unless a writer asks for `source`.
   */
  readonly pieces: readonly string[];
  /** Offset of each piece's first character in the whole text. */
  readonly pieceStarts: readonly number[];
};

/** The children of every empty element: one shared array (typed read-only), not one per element. */
const noChildren: readonly XmlNode[] = [];

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const QUOTE = 34; // "
const APOS = 39; // '
const BANG = 33; // !
const QUESTION = 63; // ?

function fail(message: string, code: "xml_malformed" | "xml_doctype" = "xml_malformed"): never {
  throw new PlanAssistFailure(code, message);
}

/** What one parse knows of an element name. */
type NameEntry = {
  readonly name: string;
  /** Whether this name's prefix was found declared (prefixes are checked once per parse). */
  checked: boolean;
  /** Whether `keep` was asked about this name, and its answer. */
  asked: boolean;
  kept: boolean;
};

const maxInterned = 4096;

function hashOf(text: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

/**
 * The element names of one parsed document, each kept as one string. Every element of a name
 * shares that string, and `intern` hands the same string to readers, so comparing names compares
 * two references instead of their characters. The parser finds a name here by a hash of its
 * characters, without cutting it out of the text first. The table stops growing at `maxInterned`
 * names (Word uses a few hundred); names past that are kept as read, which is correct, only
 * slower to compare. Each parse has its own table: nothing is kept between documents.
 */
export class NameTable {
  readonly #buckets: (NameEntry[] | undefined)[] = new Array<NameEntry[] | undefined>(1024);
  #count = 0;

  /** The entry for the name at `start..end` of `text`, added when new (and room is left). */
  entry(text: string, start: number, end: number, hash: number): NameEntry {
    const bucket = (this.#buckets[hash & 1023] ??= []);
    const length = end - start;
    for (const entry of bucket) {
      if (entry.name.length === length && text.startsWith(entry.name, start)) return entry;
    }
    const entry: NameEntry = {
      name: text.slice(start, end),
      checked: false,
      asked: false,
      kept: true,
    };
    if (this.#count < maxInterned) {
      bucket.push(entry);
      this.#count++;
    }
    return entry;
  }

  /** The document's string for an element name (the name itself when the document has none). */
  intern(name: string): string {
    return this.entry(name, 0, name.length, hashOf(name, 0, name.length)).name;
  }
}

/** Whether `text` from `start` to `end` is `name` followed by nothing but white space. */
function closes(text: string, start: number, end: number, name: string): boolean {
  if (!text.startsWith(name, start)) return false;
  for (let i = start + name.length; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === GT || c === SLASH;
}

/**
 * Parses a whole XML document, given as one string or as pieces that each end just after a `>`
 * (see `decodeXmlPieces`). Throws `PlanAssistFailure` for anything it refuses.
 *
 * With `keep`, the tree holds only the elements (below the root) whose names it keeps, with their
 * content: everything else is read and checked as strictly, then left out. A reader that looks at
 * a few kinds of element gets a smaller tree, made sooner; a writer needs the whole tree.
 */
export function parseXml(
  input: string | readonly string[],
  limits: XmlLimits = defaultXmlLimits,
  keep?: (name: string) => boolean,
): XmlDocument {
  const pieces = typeof input === "string" ? [input] : input.length > 0 ? [...input] : [""];
  let total = 0;
  for (const piece of pieces) total += piece.length;
  if (total > limits.maxLength) {
    throw new PlanAssistFailure(
      "xml_too_large",
      `A part of the document is larger than ${limits.maxLength} characters, which PlanAssist does not read.`,
    );
  }
  const rootHolder: XmlElement = {
    kind: "element",
    name: "#document",
    start: 0,
    openEnd: 0,
    closeStart: total,
    end: total,
    source: "",
    attrStart: 0,
    attrEnd: 0,
    children: noChildren,
    parent: undefined,
  };
  let current = rootHolder;
  // Children wait on one stack until their parent's end tag, which then takes them as an array of
  // exactly their number: no array per element grown push by push, and none at all for `<x/>`.
  const pending: XmlNode[] = [];
  let top = 0;
  /** Where the children of each open element start in `pending`, innermost last. */
  const childrenFrom: number[] = [0];
  let depth = 0;
  /** How many left-out elements (see `keep`) are open: their content is left out too. */
  let leftOut = 0;
  let pos = 0;
  let sawRoot = false;
  /** Prefixes declared on the root element, where Word declares all of them. */
  let declared: Set<string> | undefined;
  /** This parse's element names (see `NameTable`), and the prefixes each element declares. */
  const names = new NameTable();
  const declaredBy = new Map<XmlElement, ReadonlySet<string>>();
  /**
   * Work that grows with the text rather than with the tags: the characters of pieces joined for
   * tokens that ran past a piece's end (see `extend`). For tests that show the parse stays linear
   * without timing it.
   */
  const work = { joined: 0 };
  const scratch: AttributeScratch = { starts: new Int32Array(64), ends: new Int32Array(64) };
  let tags = 0;
  // The piece being read, and the offset of its first character in the whole text. Offsets kept in
  // the tree are offsets in the whole text; an element's `source` is its piece.
  let k = 0;
  let source = pieces[0] as string;
  let base = 0;
  let len = source.length;
  /**
   * Joins the next piece onto this one, for a token that runs past the end of this piece (a `>`
   * inside an attribute value or a comment can end a piece). False when this is the last piece.
   */
  // A token that runs on through many pieces (a long text or comment, a long attribute value
  // full of `>`) is joined with twice as many pieces each time it is found unfinished, so it is
  // scanned again only a few times over in all: linear, where joining one piece at a time would
  // scan it again for every piece.
  let joinFor = -1;
  let joinCount = 1;
  const extend = (): boolean => {
    if (k + 1 >= pieces.length) return false;
    const token = base + pos;
    if (token === joinFor) joinCount *= 2;
    else {
      joinFor = token;
      joinCount = 1;
    }
    const upto = Math.min(pieces.length, k + 1 + joinCount);
    source = pieces.slice(k, upto).join("");
    pieces.splice(k, upto - k, source);
    len = source.length;
    work.joined += len;
    checkDeadline();
    return true;
  };
  const checkDeadline = () => {
    if (limits.deadline !== undefined && Date.now() > limits.deadline) {
      throw new PlanAssistFailure(
        "time_limit",
        "Reading the document's XML took longer than PlanAssist allows for one file, far longer than any plan needs. PlanAssist stopped.",
      );
    }
  };
  checkCharacters(pieces, checkDeadline);
  // Skip a byte order mark.
  if (source.charCodeAt(0) === 0xfeff) pos = 1;

  for (;;) {
    if (pos >= len) {
      const next = pieces[k + 1];
      if (next === undefined) break;
      k++;
      base += len;
      source = next;
      len = source.length;
      pos = 0;
      continue;
    }
    const lt = source.indexOf("<", pos);
    // Text, or a tag, that goes on into the next piece: read it again with that piece joined on.
    if ((lt === -1 || lt + 1 === len) && extend()) continue;
    const textEnd = lt === -1 ? len : lt;
    if (textEnd > pos && leftOut === 0) {
      if (current !== rootHolder) {
        pending[top++] = { kind: "text", start: base + pos, end: base + textEnd, cdata: false };
      } else if (source.slice(pos, textEnd).trim() !== "") {
        fail("The XML has text outside its root element.");
      }
    }
    if (lt === -1) break;
    pos = lt; // the text is taken: a tag read again with the next piece joined on starts here
    const c1 = source.charCodeAt(lt + 1);
    if (c1 === SLASH) {
      // End tag
      const gt = source.indexOf(">", lt + 2);
      if (gt === -1 && extend()) continue;
      if (gt === -1) fail("The XML ends inside an end tag.");
      if (current === rootHolder || !closes(source, lt + 2, gt, current.name)) {
        const name = source.slice(lt + 2, gt).trimEnd();
        fail(
          `The XML has a mismatched end tag </${name.slice(0, 40)}> where </${current.name.slice(0, 40)}> was expected.`,
        );
      }
      current.closeStart = base + lt;
      current.end = base + gt + 1;
      if (leftOut > 0) leftOut--;
      else {
        const from = childrenFrom.pop() as number;
        if (top > from) current.children = pending.slice(from, top);
        top = from;
      }
      current = current.parent ?? rootHolder;
      depth--;
      pos = gt + 1;
      continue;
    }
    if (c1 === QUESTION) {
      const endPi = source.indexOf("?>", lt + 2);
      if (endPi === -1 && extend()) continue;
      if (endPi === -1) fail("The XML ends inside a processing instruction.");
      pos = endPi + 2;
      continue;
    }
    if (c1 === BANG) {
      if (lt + 9 > len && extend()) continue; // to tell a comment, CDATA and DOCTYPE apart
      if (source.startsWith("<!--", lt)) {
        const endC = source.indexOf("-->", lt + 4);
        if (endC === -1 && extend()) continue;
        if (endC === -1) fail("The XML ends inside a comment.");
        pos = endC + 3;
        continue;
      }
      if (source.startsWith("<![CDATA[", lt)) {
        const endC = source.indexOf("]]>", lt + 9);
        if (endC === -1 && extend()) continue;
        if (endC === -1) fail("The XML ends inside a CDATA section.");
        if (current === rootHolder) fail("The XML has a CDATA section outside its root element.");
        if (leftOut === 0)
          pending[top++] = { kind: "text", start: base + lt + 9, end: base + endC, cdata: true };
        pos = endC + 3;
        continue;
      }
      if (source.startsWith("<!DOCTYPE", lt) || source.startsWith("<!doctype", lt)) {
        fail(
          "The XML declares a DOCTYPE. Word never writes one, and PlanAssist refuses it so that no entity is expanded and nothing outside the file is read.",
          "xml_doctype",
        );
      }
      fail("The XML has a markup declaration PlanAssist does not accept.");
    }
    // Start tag
    let i = lt + 1;
    let hash = 0; // `hashOf` the name, worked out while the name is scanned
    for (; i < len; i++) {
      const c = source.charCodeAt(i);
      if (isNameEnd(c)) break;
      hash = (Math.imul(hash, 31) + c) | 0;
    }
    if (i === len && extend()) continue;
    if (i === lt + 1) fail("The XML has a '<' that does not start a tag.");
    const entry = names.entry(source, lt + 1, i, hash);
    const name = entry.name;
    const attrStart = i;
    // Find the end of the start tag, stepping over quoted attribute values.
    let quote = 0;
    let values = 0;
    for (; i < len; i++) {
      const c = source.charCodeAt(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
        else if (c === LT) fail(`The XML has a '<' inside an attribute of <${name.slice(0, 40)}>.`);
      } else if (c === QUOTE || c === APOS) {
        quote = c;
        values++;
      } else if (c === GT) break;
    }
    if (i >= len && extend()) continue;
    if (i >= len) fail(`The XML ends inside the start tag <${name.slice(0, 40)}>.`);
    if (values > 1) {
      const twice = duplicateAttribute(source, attrStart, i, scratch);
      if (twice !== undefined) {
        fail(
          `The XML gives the attribute ${twice.slice(0, 40)} twice on one <${name.slice(0, 40)}> element${placeIn(pieces, base + lt)}.`,
        );
      }
    }
    const selfClosing = source.charCodeAt(i - 1) === SLASH;
    if (current === rootHolder) {
      if (sawRoot) fail("The XML has more than one root element.");
      sawRoot = true;
    }
    const el: XmlElement = {
      kind: "element",
      name,
      start: base + lt,
      openEnd: base + i + 1,
      closeStart: base + i + 1,
      end: base + i + 1,
      source,
      attrStart,
      attrEnd: selfClosing ? i - 1 : i,
      children: noChildren,
      parent: current === rootHolder ? undefined : current,
    };
    // Left out: an element whose name is not kept (the root always is), and all inside one.
    let keepThis = leftOut === 0;
    if (keepThis && keep !== undefined && current !== rootHolder) {
      if (!entry.asked) {
        entry.asked = true;
        entry.kept = keep(name);
      }
      keepThis = entry.kept;
    }
    if (keepThis) pending[top++] = el;
    if (++tags % 8192 === 0) checkDeadline();
    if (!entry.checked) {
      if (declared === undefined) declared = rootPrefixes(el);
      const p = prefixOf(name);
      if (p !== undefined && !declared.has(p)) {
        // Declared lower down (rare in Word's output): look along the element's ancestors.
        if (!declaredOnPath(el, p, declaredBy)) undeclaredPrefix(p);
      } else entry.checked = true;
    }
    pos = i + 1;
    if (!selfClosing) {
      depth++;
      if (depth > limits.maxDepth) {
        throw new PlanAssistFailure(
          "xml_too_deep",
          `The XML nests elements more than ${limits.maxDepth} deep, which no Word document does. The file may be damaged or built to attack readers.`,
        );
      }
      if (keepThis) childrenFrom.push(top);
      else leftOut++;
      current = el;
    }
  }
  if (current !== rootHolder) fail(`The XML ends before <${current.name.slice(0, 40)}> is closed.`);
  const root = pending.slice(0, top).find((n): n is XmlElement => n.kind === "element");
  if (!root) fail("The XML has no root element.");
  return new ParsedXml(pieces, root, names, work);
}

/** A parsed document: its text in the pieces it was read in, joined only when asked for whole. */
class ParsedXml implements XmlDocument {
  readonly pieceStarts: readonly number[];
  #whole: string | undefined;

  constructor(
    readonly pieces: readonly string[],
    readonly root: XmlElement,
    readonly names: NameTable,
    readonly work: { readonly joined: number },
  ) {
    const starts: number[] = [];
    let at = 0;
    for (const piece of pieces) {
      starts.push(at);
      at += piece.length;
    }
    this.pieceStarts = starts;
    if (pieces.length === 1) this.#whole = pieces[0];
  }

  get source(): string {
    this.#whole ??= this.pieces.join("");
    return this.#whole;
  }
}

/**
 * The text between two offsets of a document that lie in one piece (a text node, a tag), without
 * joining the pieces.
 */
export function sourceSlice(doc: XmlDocument, start: number, end: number): string {
  const starts = doc.pieceStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= start) lo = mid;
    else hi = mid - 1;
  }
  const at = starts[lo] as number;
  const piece = doc.pieces[lo] as string;
  return end - at <= piece.length
    ? piece.slice(start - at, end - at)
    : doc.source.slice(start, end);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * All attributes of an element, decoded. Reads `name = "value"` pairs in one linear pass (a
 * regular expression here could backtrack for minutes on a hostile start tag); text that is not
 * an attribute is skipped.
 */
export function attributes(el: XmlElement): Map<string, string> {
  const map = new Map<string, string>();
  const src = attrText(el);
  const n = src.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(src.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < n) {
      const c = src.charCodeAt(i);
      if (c === 61 || isSpace(c)) break; // =
      i++;
    }
    if (i === nameStart) {
      i++; // a stray "=": skip it
      continue;
    }
    const name = src.slice(nameStart, i);
    while (i < n && isSpace(src.charCodeAt(i))) i++;
    if (src.charCodeAt(i) !== 61) continue; // a name with no value: skip it
    i++;
    while (i < n && isSpace(src.charCodeAt(i))) i++;
    const q = src.charCodeAt(i);
    if (q !== QUOTE && q !== APOS) continue;
    const close = src.indexOf(q === QUOTE ? '"' : "'", i + 1);
    if (close === -1) break;
    const raw = src.slice(i + 1, close);
    map.set(name, raw.includes("&") ? decodeEntities(raw) : raw);
    i = close + 1;
  }
  return map;
}

/** The raw attribute text of an element's start tag (between its name and the closing `>`). */
export function attrText(el: XmlElement): string {
  return el.source.slice(el.attrStart, el.attrEnd);
}

/**
 * One attribute of an element, decoded, or undefined. Reads the element's own start tag and
 * nothing past it (a search of the whole source would run on through every later part, a base64
 * picture included, for each attribute that is absent).
 */
export function attr(el: XmlElement, name: string): string | undefined {
  const src = el.source.slice(el.attrStart, el.attrEnd);
  const last = src.length;
  let from = 0;
  while (from < last) {
    const at = src.indexOf(name, from);
    if (at === -1) return undefined;
    const before = at === 0 ? 32 : src.charCodeAt(at - 1);
    let j = at + name.length;
    while (j < last && isSpace(src.charCodeAt(j))) j++;
    if (isSpace(before) && j < last && src.charCodeAt(j) === 61) {
      j++;
      while (j < last && isSpace(src.charCodeAt(j))) j++;
      const q = src.charCodeAt(j);
      if (j < last && (q === QUOTE || q === APOS)) {
        const close = src.indexOf(q === QUOTE ? '"' : "'", j + 1);
        if (close === -1) return undefined;
        const raw = src.slice(j + 1, close);
        return raw.includes("&") ? decodeEntities(raw) : raw;
      }
    }
    from = at + name.length;
  }
  return undefined;
}

/** Where each attribute name of the start tag being checked starts and ends (reused by a parse). */
type AttributeScratch = { readonly starts: Int32Array; readonly ends: Int32Array };

/**
 * The first attribute name given twice in `text[start..end)` (a start tag's attributes). Names
 * are compared where they lie, without cutting them out, as this runs for most start tags.
 */
function duplicateAttribute(
  text: string,
  start: number,
  end: number,
  scratch: AttributeScratch,
): string | undefined {
  const { starts: nameStarts, ends: nameEnds } = scratch;
  let count = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === QUOTE || c === APOS) {
      const close = text.indexOf(c === QUOTE ? '"' : "'", i + 1);
      if (close === -1 || close >= end) return undefined;
      i = close + 1;
      continue;
    }
    if (isSpace(c) || c === 61 || c === SLASH) {
      i++;
      continue;
    }
    const from = i;
    while (i < end) {
      const d = text.charCodeAt(i);
      if (d === 61 || isSpace(d) || d === SLASH || d === QUOTE || d === APOS) break;
      i++;
    }
    const length = i - from;
    let eq = i;
    while (eq < end && isSpace(text.charCodeAt(eq))) eq++;
    if (text.charCodeAt(eq) !== 61) continue; // a name with no value is not an attribute
    for (let k = 0; k < count; k++) {
      const s = nameStarts[k] as number;
      if ((nameEnds[k] as number) - s !== length) continue;
      let same = true;
      for (let j = 0; j < length; j++) {
        if (text.charCodeAt(s + j) !== text.charCodeAt(from + j)) {
          same = false;
          break;
        }
      }
      if (same) return text.slice(from, i);
    }
    if (count === nameStarts.length) return undefined; // more than 64 attributes: no Word element
    nameStarts[count] = from;
    nameEnds[count] = i;
    count++;
  }
  return undefined;
}

/** " at line L, column C" for an offset of the whole text, for messages. */
function placeIn(pieces: readonly string[], offset: number): string {
  let line = 1;
  let lineStart = 0;
  let at = 0;
  for (const piece of pieces) {
    const end = Math.min(piece.length, offset - at);
    for (let i = piece.indexOf("\n"); i !== -1 && i < end; i = piece.indexOf("\n", i + 1)) {
      line++;
      lineStart = at + i + 1;
    }
    at += piece.length;
    if (at >= offset) break;
  }
  return ` at line ${line}, column ${offset - lineStart + 1}`;
}

/** Characters XML 1.0 forbids, raw: controls other than tab and line ends, U+FFFE and U+FFFF. */
const FORBIDDEN_RAW = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Whether a code point may appear in an XML 1.0 document (as a character or a reference). */
function allowedCodePoint(c: number): boolean {
  return (
    c === 9 ||
    c === 10 ||
    c === 13 ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

const isWellFormed = (String.prototype as { isWellFormed?: () => boolean }).isWellFormed;

/**
 * Refuses, with the place, what Word refuses anywhere in a part: raw characters XML forbids,
 * lone surrogates, and character references to forbidden characters (`&#0;`, `&#x1F;`,
 * `&#xFFFE;`, a surrogate). One pass over the text, by regular expression and `indexOf`.
 */
function checkCharacters(pieces: readonly string[], checkDeadline: () => void): void {
  let at = 0;
  for (const piece of pieces) {
    const raw = FORBIDDEN_RAW.exec(piece);
    if (raw) {
      const code = piece.charCodeAt(raw.index);
      fail(
        `The XML holds the character U+${code.toString(16).toUpperCase().padStart(4, "0")}, which XML does not allow${placeIn(pieces, at + raw.index)}. The file is damaged; open it in Word and save it again.`,
      );
    }
    if (isWellFormed && !isWellFormed.call(piece)) {
      const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(
        piece,
      );
      fail(
        `The XML holds half of a character (a lone surrogate)${placeIn(pieces, at + (lone?.index ?? 0))}. The file is damaged; open it in Word and save it again.`,
      );
    }
    for (let i = piece.indexOf("&#"); i !== -1; i = piece.indexOf("&#", i + 2)) {
      const hex = piece.charCodeAt(i + 2) === 120; // x
      let j = hex ? i + 3 : i + 2;
      let code = 0;
      const digitsFrom = j;
      for (; j < piece.length && j - digitsFrom < 10; j++) {
        const c = piece.charCodeAt(j);
        const d =
          c >= 48 && c <= 57
            ? c - 48
            : hex && c >= 97 && c <= 102
              ? c - 87
              : hex && c >= 65 && c <= 70
                ? c - 55
                : -1;
        if (d < 0) break;
        code = code * (hex ? 16 : 10) + d;
      }
      if (j === digitsFrom || piece.charCodeAt(j) !== 59) {
        fail(`The XML has a bad character reference${placeIn(pieces, at + i)}.`);
      }
      if (!allowedCodePoint(code)) {
        fail(
          `The XML refers to a character XML does not allow (${piece.slice(i, j + 1).slice(0, 16)})${placeIn(pieces, at + i)}. The file is damaged or was built to attack readers.`,
        );
      }
    }
    at += piece.length;
    checkDeadline();
  }
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references; anything else is refused. */
export function decodeEntities(raw: string): string {
  if (!raw.includes("&")) return raw;
  return raw.replace(/&([^;&\s]{0,12});/g, (whole, body: string) => {
    if (body.startsWith("#x") || body.startsWith("#X")) {
      const code = /^[0-9a-fA-F]+$/.test(body.slice(2)) ? parseInt(body.slice(2), 16) : NaN;
      if (!Number.isFinite(code) || !allowedCodePoint(code))
        fail(`The XML has a bad character reference ${whole}.`);
      return String.fromCodePoint(code);
    }
    if (body.startsWith("#")) {
      const code = /^[0-9]+$/.test(body.slice(1)) ? parseInt(body.slice(1), 10) : NaN;
      if (!Number.isFinite(code) || !allowedCodePoint(code))
        fail(`The XML has a bad character reference ${whole}.`);
      return String.fromCodePoint(code);
    }
    const named = NAMED[body];
    if (named === undefined) {
      throw new PlanAssistFailure(
        "xml_undefined_entity",
        `The XML uses the entity &${body.slice(0, 20)}; which is not defined. Word never writes one; the file may be damaged.`,
      );
    }
    return named;
  });
}

/** Escapes text for use in element content or attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) =>
    c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : "&quot;",
  );
}

/** The decoded text content of a text node. */
export function textOf(doc: XmlDocument, node: XmlText): string {
  const raw = sourceSlice(doc, node.start, node.end);
  return node.cdata ? raw : decodeEntities(raw);
}

/** Concatenated decoded text of all text nodes below an element. */
export function innerText(doc: XmlDocument, el: XmlElement): string {
  let out = "";
  for (const ch of el.children) {
    out += ch.kind === "text" ? textOf(doc, ch) : innerText(doc, ch);
  }
  return out;
}

/** Child elements, optionally only those with a given name. */
export function childElements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const ch of el.children) {
    if (ch.kind === "element" && (name === undefined || ch.name === name)) out.push(ch);
  }
  return out;
}

function prefixOf(name: string): string | undefined {
  const colon = name.indexOf(":");
  return colon === -1 ? undefined : name.slice(0, colon);
}

function rootPrefixes(root: XmlElement): Set<string> {
  const declared = new Set<string>(["xml", "xmlns"]);
  for (const [k] of attributes(root)) {
    if (k.startsWith("xmlns:")) declared.add(k.slice(6));
  }
  return declared;
}

function undeclaredPrefix(p: string): never {
  throw new PlanAssistFailure(
    "xml_undeclared_prefix",
    `The XML uses the namespace prefix "${p.slice(0, 20)}" without declaring it. The file is not well-formed; open it in Word and save it again.`,
  );
}

/** The prefixes an element declares, worked out once per element of a parse (see `declaredOnPath`). */
function prefixesDeclaredBy(
  el: XmlElement,
  declaredBy: Map<XmlElement, ReadonlySet<string>>,
): ReadonlySet<string> {
  let set = declaredBy.get(el);
  if (set === undefined) {
    const text = attrText(el);
    const found = new Set<string>();
    if (text.includes("xmlns:")) {
      for (const [k] of attributes(el)) if (k.startsWith("xmlns:")) found.add(k.slice(6));
    }
    set = found;
    declaredBy.set(el, set);
  }
  return set;
}

/**
 * Whether a prefix is declared on the element or one of its ancestors. Each element's own start
 * tag is read once, however many elements below it ask (Word's `getOoxml()` declares its
 * namespaces on `w:document`, below the package root).
 */
function declaredOnPath(
  el: XmlElement,
  prefix: string,
  declaredBy: Map<XmlElement, ReadonlySet<string>>,
): boolean {
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    if (prefixesDeclaredBy(e, declaredBy).has(prefix)) return true;
  }
  return false;
}

/** Characters that may not appear in XML 1.0 text. */
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Removes characters XML 1.0 cannot carry (a pasted control character would break the file). */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, "");
}
