/**
 * Recognition: which template a document is, found from its tables and labelled paragraphs.
 *
 * For every section of a definition the matcher looks for the table (by anchor labels and header
 * texts with their aliases) or the body paragraph (by its labels) that holds it, scores each
 * candidate, and assigns sections to tables in document order. Texts are compared after
 * normalising case, curly quotes, dashes, spaces, bullets and trailing colons/asterisks, so a label
 * split across runs, retyped with straight quotes or given an extra space still matches.
 *
 * Recognition tolerates what districts do: a renamed column (aliases), an added column (ignored),
 * extra or fewer rows, deleted instructions (only tables and labels are used), a second copy of a
 * table (a repeating block, or ignored with a note), and a template pasted into a longer document.
 */
import type {
  FieldDefinition,
  SectionDefinition,
  TableMatch,
  TemplateDefinition,
} from "./template-definition";
import type {
  BodyParagraph,
  CellSnapshot,
  DocumentSnapshot,
  RowSnapshot,
  TableSnapshot,
} from "./snapshot";
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
const anchorKeys = memoKey<readonly string[], readonly string[] | null>("anchor keys");
const cellTexts = memoKey<TableSnapshot, string[]>("cleaned cell paragraphs");
const anchorIndexes = memoKey<DocumentSnapshot, AnchorIndex>("anchor index");
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
export function textPattern(text: string, ctx?: DocumentContext): RegExp {
  const make = (t: string) =>
    new RegExp(escapeRegExp(cleanLabel(t, ctx)).replace(/\\\{n\\\}/g, "(\\d+)"));
  return ctx ? ctx.of(patterns, text, make) : make(text);
}

/** The literal start of a template text's cleaned form (up to its first `{n}`). */
function literalPrefix(text: string, ctx: DocumentContext): string {
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
function startsWithLabelClean(
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
function matchesAnyClean(
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
// Document positions

/** A comparable position of each table and body paragraph in document order. */
export type Positions = {
  table(index: number): number;
  paragraph(index: number): number;
};

export function positionsOf(snapshot: DocumentSnapshot): Positions {
  const tablePos = new Map<number, number>();
  const paraPos = new Map<number, number>();
  snapshot.blocks.forEach((b, i) => {
    if (b.kind === "paragraph") paraPos.set(b.paragraph, i);
    else tablePos.set(b.table, i);
  });
  const top = (t: number): number => {
    let table = snapshot.tables[t];
    while (table?.parent) table = snapshot.tables[table.parent.table];
    return table?.index ?? t;
  };
  return {
    table: (index) => {
      const root = top(index);
      return (tablePos.get(root) ?? 0) + (index - root) / 1000;
    },
    paragraph: (index) => paraPos.get(index) ?? 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Matching sections

/** A section found in the document. */
export type SectionMatch = {
  readonly section: SectionDefinition;
  /** Block number for repeating sections (from `{n}` in the table's title, else 1, 2, ...). */
  readonly block?: number;
  readonly table?: number;
  readonly paragraph?: number;
  readonly score: number;
  /** Position in document order (for ordering sections as the document has them). */
  readonly pos: number;
  /** What matched, for people ("headers Action Steps, Owner"). */
  readonly matched: readonly string[];
};

/** One plan found for a template. */
export type PlanMatch = {
  readonly instance: number;
  readonly label: string;
  readonly sections: readonly SectionMatch[];
  readonly missing: readonly SectionDefinition[];
  /** Share of weighted sections found, 0..1. */
  readonly confidence: number;
};

export type TemplateMatch = {
  readonly definition: TemplateDefinition;
  readonly plans: readonly PlanMatch[];
  readonly confidence: number;
  /** Tables matching a section that were not used (a second copy of a table). */
  readonly notes: readonly string[];
};

/** Every text of a text list field (label, then aliases). */
export function labelsOf(
  f: Pick<FieldDefinition, "label" | "match">,
  ctx?: DocumentContext,
): string[] {
  // The same list for the same field each time, so what is worked out for a list is kept.
  return f.match ?? (ctx ? (labelListOf(f, ctx) as string[]) : [f.label]);
}

/** `labelsOf` for any labelled definition (a column, an option, a fixed row). */
function labelListOf(
  f: {
    readonly label: string;
    readonly match?: readonly string[] | undefined;
  },
  ctx: DocumentContext,
): readonly string[] {
  if (f.match) return f.match;
  return ctx.of(ownLabels, f, () => [f.label]);
}

type Candidate = {
  /** `t<table>` or `p<paragraph>`: what the candidate takes, so no other section takes it too. */
  key: string;
  table?: number;
  paragraph?: number;
  pos: number;
  score: number;
  n?: number;
  matched: string[];
  hasGuidanceRow?: boolean;
};

/**
 * The cleaned texts of all of a table's cell paragraphs, row by row, cell by cell, paragraph by
 * paragraph (computed once per table). A blank paragraph cleans to "".
 */
function cleanCellTexts(table: TableSnapshot, ctx: DocumentContext): string[] {
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

/**
 * Finds an anchor (any alias) at the start of a cell paragraph of a table; returns the `{n}` number
 * when found. The first paragraph of the table (in order) that starts with any of the texts wins.
 */
function findAnchor(
  snapshot: DocumentSnapshot,
  table: TableSnapshot,
  texts: readonly string[],
  ctx: DocumentContext,
): number | undefined {
  const hit = anchorHits(snapshot, texts, ctx).get(table.index);
  return hit === undefined ? undefined : hit.n;
}

/** Per anchor list, the tables of a document that hold it: table index to first paragraph and `{n}`. */
type AnchorHits = Map<number, { i: number; n: number }>;

/** A document's cleaned cell texts, indexed once for every anchor lookup of every template. */
type AnchorIndex = {
  /** Cleaned non-blank cell paragraph texts of each table (by table index). */
  readonly texts: (readonly string[])[];
  /** Paragraphs by the first two characters of their cleaned text: table, paragraph pairs. */
  readonly buckets: Map<string, number[]>;
  readonly hits: Map<readonly string[], AnchorHits>;
};

function anchorIndexOf(snapshot: DocumentSnapshot, ctx: DocumentContext): AnchorIndex {
  let index = ctx.memo(anchorIndexes).get(snapshot);
  if (!index) {
    const texts: (readonly string[])[] = [];
    const buckets = new Map<string, number[]>();
    for (const table of snapshot.tables) {
      const all = cleanCellTexts(table, ctx);
      texts[table.index] = all;
      for (let i = 0; i < all.length; i++) {
        const key = (all[i] as string).slice(0, 2);
        const list = buckets.get(key);
        if (list) list.push(table.index, i);
        else buckets.set(key, [table.index, i]);
      }
    }
    index = { texts, buckets, hits: new Map() };
    ctx.memo(anchorIndexes).set(snapshot, index);
  }
  return index;
}

/** The distinct first two characters of an anchor list's literal starts (undefined: one is shorter). */
function keysOf(texts: readonly string[], ctx: DocumentContext): readonly string[] | undefined {
  const keys = ctx.of(anchorKeys, texts, () =>
    texts.every((t) => literalPrefix(t, ctx).length >= 2)
      ? [...new Set(texts.map((t) => literalPrefix(t, ctx).slice(0, 2)))]
      : null,
  );
  return keys ?? undefined;
}

function anchorHits(
  snapshot: DocumentSnapshot,
  texts: readonly string[],
  ctx: DocumentContext,
): AnchorHits {
  const index = anchorIndexOf(snapshot, ctx);
  let hits = index.hits.get(texts);
  if (hits) return hits;
  hits = new Map();
  const test = (table: number, i: number, clean: string) => {
    const known = hits!.get(table);
    if (known !== undefined && known.i <= i) return;
    for (const t of texts) {
      const hit = startsWithLabelClean(clean, t, ctx);
      if (hit) {
        hits!.set(table, { i, n: hit.n });
        return;
      }
    }
  };
  const keys = keysOf(texts, ctx);
  if (keys) {
    // Only texts that start with a label's first two characters can start with the label.
    for (const key of keys) {
      const list = index.buckets.get(key);
      if (!list) continue;
      for (let k = 0; k < list.length; k += 2) {
        const table = list[k] as number;
        const i = list[k + 1] as number;
        test(table, i, index.texts[table]?.[i] ?? "");
      }
    }
  } else {
    index.texts.forEach((all, table) => {
      for (let i = 0; i < all.length && !hits!.has(table); i++) test(table, i, all[i] as string);
    });
  }
  index.hits.set(texts, hits);
  return hits;
}

/** A row's cleaned cell texts: each cell's first paragraph, and the whole cell when asked for. */
type RowTexts = {
  readonly cells: readonly CellSnapshot[];
  readonly first: readonly string[];
  readonly whole: (string | undefined)[];
};

/** A table's rows' cleaned texts, worked out when first asked for (by row index). */
function cleanRowTexts(table: TableSnapshot, r: number, ctx: DocumentContext): RowTexts {
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
function wholeCellText(texts: RowTexts, k: number, ctx: DocumentContext): string {
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

function uniqueHeaderTexts(
  columns: readonly FieldDefinition[],
  ctx: DocumentContext,
): FieldDefinition[] {
  const seen = new Set<string>();
  return columns.filter((c) => {
    const key = cleanLabel(labelsOf(c, ctx)[0] ?? c.label, ctx);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function tableMatchScore(
  snapshot: DocumentSnapshot,
  table: TableSnapshot,
  match: TableMatch,
  matched: string[],
  ctx: DocumentContext,
): { score: number; n?: number } | undefined {
  let n: number | undefined;
  for (const anchor of match.anchors) {
    const hit = findAnchor(snapshot, table, anchor, ctx);
    if (hit === undefined) return undefined;
    if (anchor.some((a) => a.includes("{n}"))) n = hit;
    matched.push(`“${anchor[0]}”`);
  }
  let optional = 0;
  for (const anchor of match.optionalAnchors) {
    const hit = findAnchor(snapshot, table, anchor, ctx);
    if (hit !== undefined) {
      optional++;
      matched.push(`“${anchor[0]}”`);
      if (n === undefined && anchor.some((a) => a.includes("{n}"))) n = hit;
    }
  }
  if (match.precededBy) {
    const p = snapshot.paragraphs[table.precedingParagraph];
    if (!p || !match.precededBy.some((t) => startsWithLabel(p.text, t, ctx))) return undefined;
    matched.push(`after “${match.precededBy[0]}”`);
  }
  const total = match.anchors.length + match.optionalAnchors.length;
  const score = total === 0 ? 0.5 : (match.anchors.length + optional) / total;
  return n === undefined ? { score } : { score, n };
}

function sectionCandidates(
  snapshot: DocumentSnapshot,
  section: SectionDefinition,
  pos: Positions,
  ctx: DocumentContext,
): Candidate[] {
  const out: Candidate[] = [];
  if (section.layout === "paragraph") {
    for (const p of snapshot.paragraphs) {
      const c = paragraphCandidate(p, section.fields, ctx);
      if (c) out.push({ ...c, key: keyOf(c), pos: pos.paragraph(p.index) });
    }
    return out;
  }
  if (section.layout === "signature-line") {
    const caption = section.fields[0];
    const cleaned = cleanParagraphTexts(snapshot, ctx);
    snapshot.paragraphs.forEach((p, i) => {
      if (!caption) return;
      // A paragraph of one line is its own only line, already cleaned.
      const found = p.text.includes("\n")
        ? signatureCaptionLine(p.text, labelsOf(caption, ctx), ctx) >= 0
        : p.text.trim() !== "" &&
          matchesAnyClean(cleaned[i] ?? "", labelsOf(caption, ctx), ctx, false, true) !== undefined;
      if (!found) return;
      out.push({
        key: keyOf({ paragraph: p.index }),
        paragraph: p.index,
        pos: pos.paragraph(p.index),
        score: 1,
        matched: [`“${caption.label}”`],
      });
    });
    return out;
  }
  if (section.layout === "rating") {
    // Criteria live in small tables of their own: one candidate, where the first criterion is.
    const found: { id: string; table: number }[] = [];
    for (const f of section.fields) {
      for (const table of snapshot.tables) {
        const row = table.rows.find(
          (r, ri) =>
            r.cells.length >= section.options.length + 1 &&
            matchesAnyClean(
              cleanRowTexts(table, ri, ctx).first[0] ?? "",
              labelsOf(f, ctx),
              ctx,
              false,
              true,
            ) !== undefined,
        );
        if (row) {
          found.push({ id: f.id, table: table.index });
          break;
        }
      }
    }
    const first = found[0];
    if (first) {
      out.push({
        key: keyOf({ table: first.table }),
        table: first.table,
        pos: pos.table(first.table),
        score: found.length / section.fields.length,
        matched: [`${found.length} of ${section.fields.length} criteria`],
      });
    }
    return out;
  }
  // A table is a candidate only if it holds every required anchor: look those up first.
  const required = section.table.anchors.map((a) => anchorHits(snapshot, a, ctx));
  for (const table of snapshot.tables) {
    if (required.some((hits) => !hits.has(table.index))) continue;
    const matched: string[] = [];
    const base = tableMatchScore(snapshot, table, section.table, matched, ctx);
    if (!base) continue;
    let score = base.score;
    let hasGuidanceRow: boolean | undefined;
    if (section.layout === "rows") {
      const columns = uniqueHeaderTexts(section.columns, ctx);
      const header = findHeaderRow(table, columns, ctx);
      if (!header) continue;
      const found = header.cells.filter((c) => c !== undefined).length;
      if (found < Math.ceil(columns.length / 2)) continue;
      matched.push(
        `headers ${columns
          .filter((_, i) => header.cells[i] !== undefined)
          .map((c) => `“${c.label}”`)
          .join(", ")}`,
      );
      score = (score + found / columns.length) / 2;
      if (section.guidanceRow) {
        const next = table.rows[header.row + 1];
        hasGuidanceRow = Boolean(
          next?.cells.some(
            (cell) => matchesAny(cell.text, section.guidanceRow ?? [], false, ctx) !== undefined,
          ),
        );
        if (hasGuidanceRow) matched.push("guiding questions");
      }
    } else if (section.layout === "form") {
      const found = section.fields.filter(
        (f) => findFormLabel(table, f, undefined, ctx) !== undefined,
      ).length;
      if (found === 0) continue;
      score = (score + found / section.fields.length) / 2;
      matched.push(`${found} of ${section.fields.length} labels`);
    } else if (section.layout === "fixed-rows") {
      const found = section.rows.filter((r) =>
        table.rows.some(
          (_, ri) =>
            matchesAnyClean(
              wholeCellText(cleanRowTexts(table, ri, ctx), 0, ctx),
              labelListOf(r, ctx),
              ctx,
              false,
              true,
            ) !== undefined,
        ),
      ).length;
      if (found === 0) continue;
      score = (score + found / section.rows.length) / 2;
      matched.push(`${found} of ${section.rows.length} rows`);
    } else if (section.layout === "choice-matrix") {
      const header = findHeaderRow(table, section.options, ctx);
      if (!header || header.matched < 2) continue;
      const found = section.fields.filter((f) => findItemRow(table, f, ctx) !== undefined).length;
      if (found === 0) continue;
      score = (score + found / section.fields.length) / 2;
      matched.push(`${found} of ${section.fields.length} items`);
    }
    const c: Candidate = {
      key: keyOf({ table: table.index }),
      table: table.index,
      pos: pos.table(table.index),
      score,
      matched,
    };
    if (base.n !== undefined) c.n = base.n;
    if (hasGuidanceRow !== undefined) c.hasGuidanceRow = hasGuidanceRow;
    out.push(c);
  }
  return out;
}

function paragraphCandidate(
  p: BodyParagraph,
  fields: readonly FieldDefinition[],
  ctx: DocumentContext,
): Omit<Candidate, "pos" | "key"> | undefined {
  const first = fields[0];
  if (!first) return undefined;
  // A heading with free text below it ("Current Status / Notes"): the whole paragraph is the label.
  if (first.slot === "below") {
    if (matchesAny(p.text, labelsOf(first, ctx), true, ctx) === undefined) return undefined;
    return { paragraph: p.index, score: 1, matched: [`“${first.label}”`] };
  }
  if (!p.text.includes(":")) return undefined;
  const labelled = (f: FieldDefinition) =>
    labelsOf(f, ctx).some((l) => findLabel(p.text, l, 0, true, ctx) !== undefined);
  if (!labelled(first)) return undefined;
  const found = fields.filter(labelled);
  // A long paragraph of instructions that mentions a label is not the labelled line.
  if (p.text.replace(/_{2,}/g, "").length >= 200) return undefined;
  return {
    paragraph: p.index,
    score: found.length / fields.length,
    matched: found.map((f) => `“${f.label}:”`),
  };
}

/** Index of the line (split at line breaks) of `text` that starts with a caption, or -1. */
export function signatureCaptionLine(
  text: string,
  captions: readonly string[],
  ctx: DocumentContext = documentContext(),
): number {
  const lines = text.split("\n");
  return lines.findIndex(
    (line) => line.trim() !== "" && matchesAny(line, captions, false, ctx) !== undefined,
  );
}

/** The first cell paragraph that starts with one of the field's labels. */
export function findFormLabel(
  table: TableSnapshot,
  f: Pick<FieldDefinition, "label" | "match">,
  from?: { row: number; cell: number; paragraph: number },
  ctx: DocumentContext = documentContext(),
): { row: number; cell: number; paragraph: number; n: number } | undefined {
  const labels = labelsOf(f, ctx);
  const cleaned = cleanCellTexts(table, ctx);
  let k = 0; // index of the cell's first paragraph in `cleaned`
  for (const row of table.rows) {
    for (const cell of row.cells) {
      const first = k;
      k += cell.paragraphs.length;
      if (cell.vMerge === "continue") continue;
      if (from && (row.index < from.row || (row.index === from.row && cell.index < from.cell)))
        continue;
      for (let i = 0; i < cell.paragraphs.length; i++) {
        // A blank paragraph (cleaned to "") starts with no label.
        const clean = cleaned[first + i] ?? "";
        if (clean === "") continue;
        for (const l of labels) {
          const hit = startsWithLabelClean(clean, l, ctx);
          if (hit) return { row: row.index, cell: cell.index, paragraph: i, n: hit.n };
        }
      }
    }
  }
  return undefined;
}

/** The row of a choice-matrix item: its first cell's text and the item text agree (one a prefix of the other). */
export function findItemRow(
  table: TableSnapshot,
  f: FieldDefinition,
  ctx: DocumentContext = documentContext(),
): number | undefined {
  for (let ri = 0; ri < table.rows.length; ri++) {
    const row = table.rows[ri] as RowSnapshot;
    const text = wholeCellText(cleanRowTexts(table, ri, ctx), 0, ctx);
    if (text.length < 8) continue;
    for (const l of labelsOf(f, ctx)) {
      const item = cleanLabel(l, ctx);
      const short = Math.min(text.length, item.length, 60);
      if (short >= 8 && text.slice(0, short) === item.slice(0, short)) return row.index;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Assigning sections to tables

const MIN_SECTION_SCORE = 0.34;

/** The heading a section's table follows, when the definition names one. */
function afterHeading(section: SectionDefinition): readonly string[] | undefined {
  return "table" in section ? section.table.after : undefined;
}

function headingRange(
  snapshot: DocumentSnapshot,
  pos: Positions,
  definition: TemplateDefinition,
  index: number,
  ctx: DocumentContext,
): { from: number; to: number } | undefined {
  const section = definition.sections[index];
  const after = section ? afterHeading(section) : undefined;
  if (!after) return undefined;
  const cleaned = cleanParagraphTexts(snapshot, ctx);
  const find = (texts: readonly string[]) => {
    const i = cleaned.findIndex((t) => matchesAnyClean(t, texts, ctx, true, true) !== undefined);
    return i >= 0 ? snapshot.paragraphs[i] : undefined;
  };
  const heading = find(after);
  if (!heading) return undefined;
  let to = Number.POSITIVE_INFINITY;
  const laterAfter = definition.sections
    .slice(index + 1)
    .map(afterHeading)
    .find(
      (a) => a !== undefined && cleanLabel(a[0] ?? "", ctx) !== cleanLabel(after[0] ?? "", ctx),
    );
  if (laterAfter) {
    const next = find(laterAfter);
    if (next) to = pos.paragraph(next.index);
  }
  return { from: pos.paragraph(heading.index), to };
}

/** The cleaned texts of a document's body paragraphs (computed once per document). */
function cleanParagraphTexts(snapshot: DocumentSnapshot, ctx: DocumentContext): string[] {
  return ctx.of(paragraphTexts, snapshot, (s) => s.paragraphs.map((p) => cleanText(p.text, ctx)));
}

/** Matches a definition against a document: the plans found and how sure the match is. */
export function matchTemplate(
  definition: TemplateDefinition,
  snapshot: DocumentSnapshot,
  ctx: DocumentContext = documentContext(),
): TemplateMatch {
  const pos = positionsOf(snapshot);
  const candidates = definition.sections.map((s) => sectionCandidates(snapshot, s, pos, ctx));
  const notes: string[] = [];

  // Plan instances: each match of the plan-start paragraph section starts a plan.
  let ranges: { from: number; to: number; start?: Candidate }[] = [
    { from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY },
  ];
  const startIndex = definition.planStartsAt
    ? definition.sections.findIndex((s) => s.id === definition.planStartsAt)
    : -1;
  if (startIndex >= 0) {
    const starts = (candidates[startIndex] ?? [])
      .filter((c) => c.score >= 0.5)
      .sort((a, b) => a.pos - b.pos);
    if (starts.length > 0) {
      ranges = starts.map((s, i) => ({
        from: i === 0 ? Number.NEGATIVE_INFINITY : s.pos,
        to: starts[i + 1]?.pos ?? Number.POSITIVE_INFINITY,
        start: s,
      }));
    }
  }

  const headingRanges: ({ from: number; to: number } | undefined)[] = [];
  const headingsKnown: boolean[] = [];
  const plans: PlanMatch[] = ranges.map((range, instance) => {
    const used = new Set<string>();
    const matches: SectionMatch[] = [];
    const missing: SectionDefinition[] = [];
    let cursor = range.from;
    const bySection = new Map<string, SectionMatch[]>();
    const sameTable: [SectionDefinition, number][] = [];
    // Tables that look like a section's own but were not read: a second copy, unless another
    // section (one that looks the same, such as every CLNA component's Identify table) took it.
    const copies: { section: SectionDefinition; table: number; key: string }[] = [];
    definition.sections.forEach((section, i) => {
      if (section.sameTableAs) {
        sameTable.push([section, i]);
        return;
      }
      // The same for every plan of the document: worked out once.
      if (!headingsKnown[i]) {
        headingsKnown[i] = true;
        headingRanges[i] = headingRange(snapshot, pos, definition, i, ctx);
      }
      const headings = headingRanges[i];
      let pool = (candidates[i] ?? []).filter(
        (c) =>
          c.pos >= range.from &&
          c.pos < range.to &&
          c.score >= MIN_SECTION_SCORE &&
          !used.has(c.key) &&
          (!headings || (c.pos > headings.from && c.pos < headings.to)),
      );
      if (
        section.layout === "rows" &&
        section.preferGuidanceRow &&
        pool.some((c) => c.hasGuidanceRow)
      ) {
        const dropped = pool.filter((c) => !c.hasGuidanceRow);
        for (const d of dropped) {
          notes.push(
            `Table ${(d.table ?? 0) + 1} looks like the “${section.label}” table but has no guiding questions: read as the template’s illustration, not as a plan.`,
          );
        }
        pool = pool.filter((c) => c.hasGuidanceRow);
      } else if (section.layout === "rows" && section.preferGuidanceRow) {
        // The guiding questions were deleted: the plan's tables are those after its labelled
        // header line (the illustration comes before it), when there is such a table.
        const header = matches.find((m) => m.section.layout === "paragraph");
        if (header && pool.some((c) => c.pos > header.pos)) {
          for (const d of pool.filter((c) => c.pos < header.pos)) {
            notes.push(
              `Table ${(d.table ?? 0) + 1} looks like the “${section.label}” table but comes before “${header.section.label}”: read as the template’s illustration, not as a plan.`,
            );
          }
          pool = pool.filter((c) => c.pos > header.pos);
        }
      }
      if (pool.length === 0) {
        missing.push(section);
        bySection.set(section.id, []);
        return;
      }
      if (section.repeats) {
        const chosen = [...pool].sort((a, b) => a.pos - b.pos);
        const numbered = chosen.every((c) => c.n !== undefined && c.n > 0);
        const found = chosen.map((c, k) => {
          used.add(c.key);
          return toMatch(section, c, numbered ? (c.n as number) : k + 1);
        });
        matches.push(...found);
        bySection.set(section.id, found);
        return;
      }
      const after = pool.filter((c) => c.pos >= cursor);
      const from = after.length > 0 ? after : pool;
      const best = from.reduce((a, b) => (b.score > a.score + 1e-9 ? b : a));
      for (const other of pool) {
        if (other !== best && other.score >= best.score - 1e-9 && other.table !== undefined) {
          copies.push({ section, table: other.table, key: other.key });
        }
      }
      used.add(best.key);
      cursor = best.pos;
      const m = toMatch(section, best, undefined);
      matches.push(m);
      bySection.set(section.id, [m]);
    });
    for (const copy of copies) {
      if (used.has(copy.key)) continue;
      notes.push(
        `A second copy of the “${copy.section.label}” table (table ${copy.table + 1}) was found; PlanAssist reads the first one.`,
      );
    }
    for (const [section, i] of sameTable) {
      const found: SectionMatch[] = [];
      for (const b of bySection.get(section.sameTableAs ?? "") ?? []) {
        const own = (candidates[i] ?? []).find((c) => c.table === b.table);
        if (!own || b.table === undefined) continue;
        found.push(toMatch(section, own, b.block));
      }
      if (found.length === 0) missing.push(section);
      else matches.push(...found);
      bySection.set(section.id, found);
    }
    const order = new Map(definition.sections.map((s, k) => [s.id, k]));
    matches.sort(
      (a, b) => a.pos - b.pos || (order.get(a.section.id) ?? 0) - (order.get(b.section.id) ?? 0),
    );
    missing.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    const total = definition.sections.reduce((s, x) => s + x.weight, 0);
    const score = definition.sections.reduce((s, x) => {
      const found = matches.filter((m) => m.section.id === x.id);
      if (found.length === 0) return s;
      return s + x.weight * Math.max(...found.map((f) => Math.min(1, f.score)));
    }, 0);
    const startParagraph = range.start?.paragraph;
    const label =
      startParagraph !== undefined
        ? planLabel(snapshot.paragraphs[startParagraph]?.text ?? "", definition, ctx)
        : definition.shortName;
    return {
      instance,
      label,
      sections: matches,
      missing,
      confidence: total === 0 ? 0 : score / total,
    };
  });
  const confidence = Math.max(0, ...plans.map((p) => p.confidence));
  return { definition, plans, confidence, notes: [...new Set(notes)] };
}

function keyOf(c: Pick<Candidate, "table" | "paragraph">): string {
  return c.table !== undefined ? `t${c.table}` : `p${c.paragraph ?? -1}`;
}

function toMatch(
  section: SectionDefinition,
  c: Candidate,
  block: number | undefined,
): SectionMatch {
  const m: { -readonly [K in keyof SectionMatch]: SectionMatch[K] } = {
    section,
    score: c.score,
    pos: c.pos,
    matched: c.matched,
  };
  if (block !== undefined) m.block = block;
  if (c.table !== undefined) m.table = c.table;
  if (c.paragraph !== undefined) m.paragraph = c.paragraph;
  return m;
}

/** A plan's label from the text before the first label of its start line ("Action Plan: Program Improvement"). */
function planLabel(text: string, definition: TemplateDefinition, ctx: DocumentContext): string {
  const start = definition.sections.find((s) => s.id === definition.planStartsAt);
  if (!start || start.layout !== "paragraph") return definition.shortName;
  let cut = text.length;
  for (const f of start.fields) {
    for (const l of labelsOf(f, ctx)) {
      const hit = findLabel(text, l, 0, true, ctx);
      if (hit && hit.start < cut) cut = hit.start;
    }
  }
  const label = text.slice(0, cut).replace(/\s+/g, " ").trim();
  return label.length > 0 ? label : definition.shortName;
}

// ---------------------------------------------------------------------------------------------
// Recognising a document

export type Recognition = {
  readonly template: string;
  readonly name: string;
  /** 0..1: the share of the template's (weighted) sections found. */
  readonly confidence: number;
  readonly plans: number;
  /** What matched, one line per section found. */
  readonly matched: readonly string[];
  /** Sections not found. */
  readonly missing: readonly string[];
  readonly notes: readonly string[];
};

export type RecognitionReport = {
  /** The template the document is, when one matched well enough. */
  readonly recognised?: Recognition;
  /** Every template, best first. */
  readonly candidates: readonly Recognition[];
  /** A sentence for people. */
  readonly message: string;
  readonly matches: readonly TemplateMatch[];
};

function describe(match: TemplateMatch): Recognition {
  const first = match.plans.reduce(
    (a, b) => (b.confidence > a.confidence ? b : a),
    match.plans[0]!,
  );
  const matched = first.sections.map((s) => {
    const where =
      s.table !== undefined
        ? `table ${s.table + 1}`
        : s.paragraph !== undefined
          ? `paragraph ${s.paragraph + 1}`
          : "";
    const block = s.block !== undefined ? ` #${s.block}` : "";
    return `${s.section.label}${block}: ${where}${s.matched.length ? ` (${s.matched.join(", ")})` : ""}`;
  });
  return {
    template: match.definition.id,
    name: match.definition.name,
    confidence: Math.round(match.confidence * 100) / 100,
    plans: match.plans.filter((p) => p.sections.length > 0).length,
    matched,
    // A section counts as missing when no plan of the file has it (signature lines close the
    // file and belong to its last plan only).
    missing: first.missing
      .filter((s) => match.plans.every((p) => p.missing.includes(s)))
      .map((s) => s.label),
    notes: match.notes,
  };
}

/**
 * Recognises which template a document is. What is worked out on the way is kept in `ctx`, the
 * document's context: give the same one to the plan reader to reuse it.
 */
export function recognise(
  snapshot: DocumentSnapshot,
  definitions: readonly TemplateDefinition[],
  ctx: DocumentContext = documentContext(),
): RecognitionReport {
  const matches = definitions
    .map((d) => matchTemplate(d, snapshot, ctx))
    .sort((a, b) => b.confidence - a.confidence);
  const candidates = matches.map(describe);
  const best = matches[0];
  const top = candidates[0];
  if (best && top && best.confidence >= best.definition.threshold && best.confidence > 0) {
    return {
      recognised: top,
      candidates,
      matches,
      message: `This is the ${best.definition.name} (${Math.round(best.confidence * 100)}% of its sections found).`,
    };
  }
  const missing = top && top.missing.length > 0 ? ` Missing: ${top.missing.join(", ")}.` : "";
  return {
    candidates,
    matches,
    message:
      top && top.confidence > 0
        ? `This document is not one of the plan templates PlanAssist knows. The closest is the ${top.name} (${Math.round(top.confidence * 100)}% of its sections found).${missing}`
        : "This document is not one of the plan templates PlanAssist knows: none of their tables or labels were found.",
  };
}
