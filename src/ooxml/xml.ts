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

export type XmlText = {
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
  /** Raw attribute text between the name and the end of the start tag. */
  readonly attrSource: string;
  readonly children: XmlNode[];
  readonly parent: XmlElement | undefined;
};

export type XmlNode = XmlElement | XmlText;

export type XmlLimits = {
  /** Deepest element nesting accepted. */
  readonly maxDepth: number;
  /** Largest source accepted, in characters. */
  readonly maxLength: number;
  /** A time (as `Date.now()`) after which parsing stops with `time_limit`; checked every few thousand tags. */
  readonly deadline?: number;
};

export const defaultXmlLimits: XmlLimits = { maxDepth: 256, maxLength: 200_000_000 };

export type XmlDocument = {
  readonly source: string;
  readonly root: XmlElement;
};

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

function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === GT || c === SLASH;
}

/** Parses a whole XML document. Throws `PlanAssistFailure` for anything it refuses. */
export function parseXml(source: string, limits: XmlLimits = defaultXmlLimits): XmlDocument {
  if (source.length > limits.maxLength) {
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
    closeStart: source.length,
    end: source.length,
    attrSource: "",
    children: [],
    parent: undefined,
  };
  let current = rootHolder;
  let depth = 0;
  let pos = 0;
  let sawRoot = false;
  /** Prefixes declared on the root element, where Word declares all of them. */
  let declared: Set<string> | undefined;
  /** Element names whose prefix is known to be declared on the root (checked once per name). */
  const knownNames = new Set<string>();
  let tags = 0;
  const len = source.length;
  // Skip a byte order mark.
  if (source.charCodeAt(0) === 0xfeff) pos = 1;

  while (pos < len) {
    const lt = source.indexOf("<", pos);
    const textEnd = lt === -1 ? len : lt;
    if (textEnd > pos) {
      if (current !== rootHolder) {
        current.children.push({ kind: "text", start: pos, end: textEnd, cdata: false });
      } else if (source.slice(pos, textEnd).trim() !== "") {
        fail("The XML has text outside its root element.");
      }
    }
    if (lt === -1) break;
    const c1 = source.charCodeAt(lt + 1);
    if (c1 === SLASH) {
      // End tag
      const gt = source.indexOf(">", lt + 2);
      if (gt === -1) fail("The XML ends inside an end tag.");
      const name = source.slice(lt + 2, gt).trimEnd();
      if (current === rootHolder || name !== current.name) {
        fail(
          `The XML has a mismatched end tag </${name.slice(0, 40)}> where </${current.name.slice(0, 40)}> was expected.`,
        );
      }
      current.closeStart = lt;
      current.end = gt + 1;
      current = current.parent ?? rootHolder;
      depth--;
      pos = gt + 1;
      continue;
    }
    if (c1 === QUESTION) {
      const endPi = source.indexOf("?>", lt + 2);
      if (endPi === -1) fail("The XML ends inside a processing instruction.");
      pos = endPi + 2;
      continue;
    }
    if (c1 === BANG) {
      if (source.startsWith("<!--", lt)) {
        const endC = source.indexOf("-->", lt + 4);
        if (endC === -1) fail("The XML ends inside a comment.");
        pos = endC + 3;
        continue;
      }
      if (source.startsWith("<![CDATA[", lt)) {
        const endC = source.indexOf("]]>", lt + 9);
        if (endC === -1) fail("The XML ends inside a CDATA section.");
        if (current === rootHolder) fail("The XML has a CDATA section outside its root element.");
        current.children.push({ kind: "text", start: lt + 9, end: endC, cdata: true });
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
    while (i < len && !isNameEnd(source.charCodeAt(i))) i++;
    if (i === lt + 1) fail("The XML has a '<' that does not start a tag.");
    const name = source.slice(lt + 1, i);
    const attrStart = i;
    // Find the end of the start tag, stepping over quoted attribute values.
    let quote = 0;
    for (; i < len; i++) {
      const c = source.charCodeAt(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
        else if (c === LT) fail(`The XML has a '<' inside an attribute of <${name.slice(0, 40)}>.`);
      } else if (c === QUOTE || c === APOS) quote = c;
      else if (c === GT) break;
    }
    if (i >= len) fail(`The XML ends inside the start tag <${name.slice(0, 40)}>.`);
    const selfClosing = source.charCodeAt(i - 1) === SLASH;
    const attrSource = source.slice(attrStart, selfClosing ? i - 1 : i);
    if (current === rootHolder) {
      if (sawRoot) fail("The XML has more than one root element.");
      sawRoot = true;
    }
    const el: XmlElement = {
      kind: "element",
      name,
      start: lt,
      openEnd: i + 1,
      closeStart: i + 1,
      end: i + 1,
      attrSource,
      children: [],
      parent: current === rootHolder ? undefined : current,
    };
    current.children.push(el);
    if (++tags % 8192 === 0 && limits.deadline !== undefined && Date.now() > limits.deadline) {
      throw new PlanAssistFailure(
        "time_limit",
        "Reading the document's XML took longer than PlanAssist allows for one file, far longer than any plan needs. PlanAssist stopped.",
      );
    }
    if (!knownNames.has(name)) {
      if (declared === undefined) declared = rootPrefixes(el);
      const p = prefixOf(name);
      if (p !== undefined && !declared.has(p)) {
        // Declared lower down (rare in Word's output): look along the element's ancestors.
        if (!declaredOnPath(el, p)) undeclaredPrefix(p);
      } else knownNames.add(name);
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
      current = el;
    }
  }
  if (current !== rootHolder) fail(`The XML ends before <${current.name.slice(0, 40)}> is closed.`);
  const root = rootHolder.children.find((n): n is XmlElement => n.kind === "element");
  if (!root) fail("The XML has no root element.");
  return { source, root };
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
  const src = el.attrSource;
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

/** One attribute of an element, decoded, or undefined. */
export function attr(el: XmlElement, name: string): string | undefined {
  const src = el.attrSource;
  if (src.length === 0) return undefined;
  let from = 0;
  for (;;) {
    const at = src.indexOf(name, from);
    if (at === -1) return undefined;
    const before = at === 0 ? 32 : src.charCodeAt(at - 1);
    let j = at + name.length;
    while (src.charCodeAt(j) === 32) j++;
    if ((before === 32 || before === 9 || before === 10 || before === 13) && src[j] === "=") {
      j++;
      while (src.charCodeAt(j) === 32) j++;
      const q = src[j];
      if (q === '"' || q === "'") {
        const close = src.indexOf(q, j + 1);
        if (close === -1) return undefined;
        const raw = src.slice(j + 1, close);
        return raw.includes("&") ? decodeEntities(raw) : raw;
      }
    }
    from = at + name.length;
  }
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references; anything else is refused. */
export function decodeEntities(raw: string): string {
  if (!raw.includes("&")) return raw;
  return raw.replace(/&([^;&\s]{0,12});/g, (whole, body: string) => {
    if (body.startsWith("#x") || body.startsWith("#X")) {
      const code = /^[0-9a-fA-F]+$/.test(body.slice(2)) ? parseInt(body.slice(2), 16) : NaN;
      if (!Number.isFinite(code) || code > 0x10ffff)
        fail(`The XML has a bad character reference ${whole}.`);
      return String.fromCodePoint(code);
    }
    if (body.startsWith("#")) {
      const code = /^[0-9]+$/.test(body.slice(1)) ? parseInt(body.slice(1), 10) : NaN;
      if (!Number.isFinite(code) || code > 0x10ffff)
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
  const raw = doc.source.slice(node.start, node.end);
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

/** The first child element with a given name. */
export function firstChild(el: XmlElement, name: string): XmlElement | undefined {
  for (const ch of el.children) {
    if (ch.kind === "element" && ch.name === name) return ch;
  }
  return undefined;
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

function declaredOnPath(el: XmlElement, prefix: string): boolean {
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    if (e.attrSource.includes(`xmlns:${prefix}`) && attr(e, `xmlns:${prefix}`) !== undefined) {
      return true;
    }
  }
  return false;
}

/** The namespace URI a prefix is bound to on the root element. */
export function namespaceOf(root: XmlElement, prefix: string): string | undefined {
  return attr(root, `xmlns:${prefix}`);
}

/** Characters that may not appear in XML 1.0 text. */
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Removes characters XML 1.0 cannot carry (a pasted control character would break the file). */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, "");
}
