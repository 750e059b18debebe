/**
 * Text matching: how a document's texts are compared with a template's labels, headers and
 * anchors. Texts are compared after normalising case, curly quotes, dashes, spaces, bullets and
 * trailing colons/asterisks, so a label split across runs, retyped with straight quotes or given an
 * extra space still matches. Recognition and the layouts' readers share these helpers; what they
 * work out for a document is kept in its `DocumentContext`.
 */
import type { FieldDefinition } from "./template-definition";
import type { CellSnapshot, DocumentSnapshot, TableSnapshot } from "./snapshot";
import { documentContext, memoKey, type DocumentContext } from "./document-context";

// ---------------------------------------------------------------------------------------------
// Text normalisation

const charMap: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u201b": "'",
  "\u2032": "'",
  "`": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u2013": "-",
  "\u2014": "-",
  "\u2012": "-",
  "\u2011": "-",
  "\u2212": "-",
  "&": "and",
};

/**
 * Normalises text for matching and keeps, for every character of the result, the offset of the
 * character it came from (`map[i]`; `map[result.length]` is the source length).
 */
export function normalizeWithMap(text: string): { text: string; map: number[] } {
  let out = "";
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const raw = text[i] as string;
    if (/\s/.test(raw) || raw === "\u00a0" || raw === "\u200b") {
      if (out.length > 0 && !out.endsWith(" ") && !out.endsWith("/")) {
        out += " ";
        map.push(i);
      }
      continue;
    }
    const mapped = (charMap[raw] ?? raw).toLowerCase();
    if (mapped === "/" && out.endsWith(" ")) {
      out = out.slice(0, -1);
      map.pop();
    }
    for (const c of mapped) {
      out += c;
      map.push(i);
    }
  }
  if (out.endsWith(" ")) {
    out = out.slice(0, -1);
    map.pop();
  }
  map.push(text.length);
  return { text: out, map };
}

/** White space as `\s` sees it, and the zero-width space. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Any character outside ASCII. */
const nonAscii = /[^\x00-\x7f]/;
/** What an ASCII text (already lower case) needs changed to be normalised. */
const asciiWork = /^[\t-\r ]|[\t-\r ]$|[\t-\r ]{2}|[\t\n\v\f\r&`]| \/|\/ /;

/** Text normalised for comparison: case, quotes, dashes, spaces, `&`/"and", spacing around `/`. */
export function normalize(text: string): string {
  // The same result as `normalizeWithMap(text).text`, without building the offset map.
  if (!nonAscii.test(text)) {
    // ASCII only: lower case it whole, then fix spaces, `&`, "`" and spaces around `/`.
    const lower = text.toLowerCase();
    if (!asciiWork.test(lower)) return lower;
    let out = lower
      .replace(/[\t-\r ]+/g, " ")
      .replace(/&/g, "and")
      .replace(/`/g, "'")
      .replace(/ ?\/ ?/g, "/");
    if (out.startsWith(" ")) out = out.slice(1);
    if (out.endsWith(" ")) out = out.slice(0, -1);
    return out;
  }
  let out = "";
  let last = 0; // char code of the last character of `out` (0: empty)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (last !== 0 && last !== 32 && last !== 47) {
        out += " ";
        last = 32;
      }
      continue;
    }
    if (c < 128 && c !== 38 && c !== 96) {
      if (c === 47 && last === 32) out = out.slice(0, -1);
      const lower = c >= 65 && c <= 90 ? c + 32 : c;
      out += String.fromCharCode(lower);
      last = lower;
      continue;
    }
    const raw = text[i] as string;
    const mapped = (charMap[raw] ?? raw).toLowerCase();
    if (mapped.length === 0) continue;
    if (mapped === "/" && last === 32) out = out.slice(0, -1);
    out += mapped;
    last = mapped.charCodeAt(mapped.length - 1);
  }
  if (last === 32) out = out.slice(0, -1);
  return out;
}

/**
 * A document's text normalised, without leading bullets and numbering marks or trailing colons,
 * asterisks and spaces. Answers are kept while the document is worked on (see `DocumentMemo`).
 */
export function cleanText(text: string, ctx?: DocumentContext): string {
  return ctx ? ctx.of(cleaned, text, cleanUncached) : cleanUncached(text);
}

/** `cleanText` for a template's own texts (labels, aliases, anchors). */
export function cleanLabel(label: string, ctx?: DocumentContext): string {
  return cleanText(label, ctx);
}

/** The memos of this module (see `DocumentContext`). */
const cleaned = memoKey<string, string>("cleaned text");
const normalised = memoKey<string, { text: string; map: number[] }>("normalised with map");
const patterns = memoKey<string, RegExp>("text pattern");
const anchoredPatterns = memoKey<string, RegExp>("anchored text pattern");
const labelPatterns = memoKey<string, RegExp>("label pattern");
const prefixes = memoKey<string, string>("literal prefix");
const plainLists = memoKey<readonly string[], string[]>("plain texts of a list");
const ownLabels = memoKey<object, string[]>("own labels");
const cellTexts = memoKey<TableSnapshot, string[]>("cleaned cell paragraphs");
const rowTexts = memoKey<TableSnapshot, { starts: number[]; rows: (RowTexts | undefined)[] }>(
  "cleaned row texts",
);
const paragraphTexts = memoKey<DocumentSnapshot, string[]>("cleaned body paragraphs");

function cleanUncached(text: string): string {
  let clean = normalize(text);
  // Normalised text has no white space but single spaces inside: test the ends before replacing.
  if (leadingMark.test(clean)) clean = clean.replace(/^[·•▪◦‣∙\-*\s]+/, "");
  if (trailingMark.test(clean)) clean = clean.replace(/[\s:*]+$/, "");
  return clean;
}

const leadingMark = /^[·•▪◦‣∙\-*\s]/;
const trailingMark = /[\s:*]$/;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A pattern for a template text; `{n}` matches a number (captured). */
function textPattern(text: string, ctx?: DocumentContext): RegExp {
  const make = (t: string) =>
    new RegExp(escapeRegExp(cleanLabel(t, ctx)).replace(/\\\{n\\\}/g, "(\\d+)"));
  return ctx ? ctx.of(patterns, text, make) : make(text);
}

/** The literal start of a template text's cleaned form (up to its first `{n}`). */
export function literalPrefix(text: string, ctx: DocumentContext): string {
  return ctx.of(prefixes, text, (t) => cleanLabel(t, ctx).split("{n}")[0] ?? "");
}

function anchoredPattern(text: string, ctx: DocumentContext): RegExp {
  return ctx.of(anchoredPatterns, text, (t) => new RegExp(`^${textPattern(t, ctx).source}`));
}

/**
 * Whether `text` starts with `label` as whole words (after cleaning both). Returns the number
 * captured by `{n}` (or 0) and the length of the match in the normalised text, or undefined.
 */
export function startsWithLabel(
  text: string,
  label: string,
  ctx: DocumentContext = documentContext(),
): { n: number; length: number } | undefined {
  return startsWithLabelClean(cleanText(text, ctx), label, ctx);
}

/** `startsWithLabel` for a text already cleaned. */
export function startsWithLabelClean(
  t: string,
  label: string,
  ctx: DocumentContext,
): { n: number; length: number } | undefined {
  if (!t.startsWith(literalPrefix(label, ctx))) return undefined;
  const m = anchoredPattern(label, ctx).exec(t);
  if (!m) return undefined;
  const next = t[m[0].length];
  if (next !== undefined && /[a-z0-9]/.test(next) && /[a-z0-9]$/.test(m[0])) return undefined;
  return { n: m[1] !== undefined ? Number(m[1]) : 0, length: m[0].length };
}

/** Whether a cell text is one of the given texts (equal after cleaning, or starting with it as words). */
export function matchesAny(
  text: string,
  texts: readonly string[],
  exact = false,
  ctx: DocumentContext = documentContext(),
): number | undefined {
  return matchesAnyClean(cleanText(text, ctx), texts, ctx, exact);
}

/** `matchesAny` for a text already cleaned. */
export function matchesAnyClean(
  clean: string,
  texts: readonly string[],
  ctx: DocumentContext,
  exact = false,
  /** The list is kept (a definition's own), so its cleaned texts may be remembered. */
  stable = false,
): number | undefined {
  if (clean.length === 0) return undefined;
  if (stable || texts.length > 2) {
    const plain = plainTexts(texts, ctx);
    for (let i = 0; i < plain.length; i++) if (plain[i] === clean) return 0;
  } else {
    for (const t of texts) if (!t.includes("{n}") && cleanLabel(t, ctx) === clean) return 0;
  }
  if (exact) return undefined;
  for (const t of texts) {
    const hit = startsWithLabelClean(clean, t, ctx);
    if (hit) return hit.n;
  }
  return undefined;
}

/** The cleaned texts of a list without `{n}` (each list prepared once). */
function plainTexts(texts: readonly string[], ctx: DocumentContext): string[] {
  return ctx.of(plainLists, texts, (list) =>
    list.filter((t) => !t.includes("{n}")).map((t) => cleanLabel(t, ctx)),
  );
}

/**
 * Finds a label in a paragraph's text at or after `from` (source offsets): the label must start
 * the text or follow a space or tab, and may be followed by `*` and must be followed by `:` unless
 * `colon` is false. Returns the source offsets of the label and of the end of its colon.
 */
export function findLabel(
  text: string,
  label: string,
  from = 0,
  colon = true,
  ctx: DocumentContext = documentContext(),
): { start: number; end: number; n: number } | undefined {
  const { text: norm, map } = ctx.of(normalised, text, normalizeWithMap);
  // A match starts with the label's literal start: most texts hold no such thing.
  if (!norm.includes(literalPrefix(label, ctx))) return undefined;
  const pattern = textPattern(label, ctx);
  const key = `${colon ? ":" : ""}${label}`;
  const re = ctx.of(
    labelPatterns,
    key,
    () => new RegExp(pattern.source + (colon ? "\\s?\\*?\\s?:" : ""), "g"),
  );
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(norm)) !== null) {
    const startSource = map[m.index] ?? 0;
    if (startSource < from) {
      re.lastIndex = m.index + 1;
      continue;
    }
    const before = norm[m.index - 1];
    const okBefore =
      before === undefined || before === " " || /[\s>:]/.test(text[startSource - 1] ?? " ");
    const endNorm = m.index + m[0].length;
    const after = norm[endNorm];
    const okAfter = colon || after === undefined || !/[a-z0-9]/.test(after);
    if (okBefore && okAfter) {
      const endSource = (map[endNorm - 1] ?? 0) + 1;
      return { start: startSource, end: endSource, n: m[1] !== undefined ? Number(m[1]) : 0 };
    }
    re.lastIndex = m.index + 1;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Labels and cleaned texts of a document

/** Every text of a text list field (label, then aliases). */
export function labelsOf(
  f: Pick<FieldDefinition, "label" | "match">,
  ctx?: DocumentContext,
): string[] {
  // The same list for the same field each time, so what is worked out for a list is kept.
  return f.match ?? (ctx ? (labelListOf(f, ctx) as string[]) : [f.label]);
}

/** `labelsOf` for any labelled definition (a column, an option, a fixed row). */
export function labelListOf(
  f: {
    readonly label: string;
    readonly match?: readonly string[] | undefined;
  },
  ctx: DocumentContext,
): readonly string[] {
  if (f.match) return f.match;
  return ctx.of(ownLabels, f, () => [f.label]);
}

/**
 * The cleaned texts of all of a table's cell paragraphs, row by row, cell by cell, paragraph by
 * paragraph (computed once per table). A blank paragraph cleans to "".
 */
export function cleanCellTexts(table: TableSnapshot, ctx: DocumentContext): string[] {
  return ctx.of(cellTexts, table, () => {
    const texts: string[] = [];
    for (const row of table.rows) {
      for (const cell of row.cells) {
        for (const p of cell.paragraphs) texts.push(cleanText(p.text, ctx));
      }
    }
    return texts;
  });
}

/** A row's cleaned cell texts: each cell's first paragraph, and the whole cell when asked for. */
type RowTexts = {
  readonly cells: readonly CellSnapshot[];
  readonly first: readonly string[];
  readonly whole: (string | undefined)[];
};

/** A table's rows' cleaned texts, worked out when first asked for (by row index). */
export function cleanRowTexts(table: TableSnapshot, r: number, ctx: DocumentContext): RowTexts {
  let known = ctx.memo(rowTexts).get(table);
  if (!known) {
    // Where each row's paragraphs start in `cleanCellTexts(table)`.
    const starts: number[] = [];
    let k = 0;
    for (const row of table.rows) {
      starts.push(k);
      for (const cell of row.cells) k += cell.paragraphs.length;
    }
    known = { starts, rows: [] };
    ctx.memo(rowTexts).set(table, known);
  }
  let texts = known.rows[r];
  if (!texts) {
    // The first paragraphs are already cleaned with the table's other paragraphs.
    const cleaned = cleanCellTexts(table, ctx);
    let k = known.starts[r] ?? 0;
    const cells = table.rows[r]?.cells ?? [];
    const first: string[] = [];
    for (const cell of cells) {
      first.push(cell.paragraphs.length > 0 ? (cleaned[k] ?? "") : "");
      k += cell.paragraphs.length;
    }
    texts = { cells, first, whole: [] };
    known.rows[r] = texts;
  }
  return texts;
}

/** The cleaned text of a whole cell of a row ("" when the row has no such cell). */
export function wholeCellText(texts: RowTexts, k: number, ctx: DocumentContext): string {
  let whole = texts.whole[k];
  if (whole === undefined) {
    const cell = texts.cells[k];
    if (!cell) return "";
    // A cell of one paragraph has that paragraph's text.
    const only = cell.paragraphs.length === 1 && cell.text === cell.paragraphs[0]?.text;
    whole = only ? (texts.first[k] ?? "") : cleanText(cell.text, ctx);
    texts.whole[k] = whole;
  }
  return whole;
}

/** The header row of a table for a list of columns: the row with most matched headers. */
export function findHeaderRow(
  table: TableSnapshot,
  columns: readonly {
    match?: readonly string[] | undefined;
    label: string;
    column?: number | undefined;
  }[],
  ctx: DocumentContext = documentContext(),
): { row: number; cells: (number | undefined)[]; matched: number } | undefined {
  let best: { row: number; cells: (number | undefined)[]; matched: number } | undefined;
  const limit = Math.min(table.rows.length, 8);
  for (let r = 0; r < limit; r++) {
    const row = table.rows[r];
    if (!row) continue;
    const texts = cleanRowTexts(table, r, ctx);
    const { first } = texts;
    const cells = columns.map((c) => {
      if (c.match === undefined && c.column !== undefined) return undefined;
      const labels = labelListOf(c, ctx);
      const exact = first.findIndex(
        (t) => matchesAnyClean(t, labels, ctx, true, true) !== undefined,
      );
      if (exact >= 0) return row.cells[exact]?.index;
      const loose = first.findIndex(
        (t, k) =>
          matchesAnyClean(t, labels, ctx, false, true) !== undefined ||
          matchesAnyClean(wholeCellText(texts, k, ctx), labels, ctx, true, true) !== undefined,
      );
      return loose >= 0 ? row.cells[loose]?.index : undefined;
    });
    const matched = cells.filter((c) => c !== undefined).length;
    if (matched > 0 && (!best || matched > best.matched)) best = { row: r, cells, matched };
  }
  if (!best) return undefined;
  // A renamed column: an unmatched column takes the one unmatched cell between its neighbours.
  const row = table.rows[best.row];
  if (row) {
    const used = new Set(best.cells.filter((c): c is number => c !== undefined));
    best.cells = best.cells.map((c, j) => {
      if (c !== undefined || (columns[j]?.match === undefined && columns[j]?.column !== undefined))
        return c;
      const prev =
        best!.cells
          .slice(0, j)
          .filter((x): x is number => x !== undefined)
          .pop() ?? -1;
      const next =
        best!.cells.slice(j + 1).find((x): x is number => x !== undefined) ?? row.cells.length;
      const free = row.cells.filter(
        (cell) => cell.index > prev && cell.index < next && !used.has(cell.index),
      );
      if (free.length === 1 && free[0]) {
        used.add(free[0].index);
        return free[0].index;
      }
      return undefined;
    });
  }
  return best;
}

/** The cleaned texts of a document's body paragraphs (computed once per document). */
export function cleanParagraphTexts(snapshot: DocumentSnapshot, ctx: DocumentContext): string[] {
  return ctx.of(paragraphTexts, snapshot, (s) => s.paragraphs.map((p) => cleanText(p.text, ctx)));
}
