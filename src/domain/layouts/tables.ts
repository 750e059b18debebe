/**
 * Finding a section's table: the anchors it must hold (any alias, `{n}` for a block number), the
 * optional ones that raise its score, and the paragraph it must follow. Shared by the layouts that
 * live in tables (rows, form, fixed rows, choice matrix); each adds its own score of the table.
 */
import { memoKey, type DocumentContext } from "../document-context";
import type { DocumentSnapshot, TableSnapshot } from "../snapshot";
import type { TableMatch } from "../template-definition";
import {
  cleanCellTexts,
  literalPrefix,
  startsWithLabel,
  startsWithLabelClean,
} from "../text-match";
import { keyOf, type Candidate, type Positions } from "./layout";

/** The memos of this module (see `DocumentContext`). */
const anchorKeys = memoKey<readonly string[], readonly string[] | null>("anchor keys");

const anchorIndexes = memoKey<DocumentSnapshot, AnchorIndex>("anchor index");

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

/**
 * Whether a table may have a cell paragraph that starts with one of `texts`: false only when none
 * of its paragraphs does (the document's paragraphs are looked through once per list, by their
 * first characters). A list given more than once should be the same array each time.
 */
export function mayStartWith(
  snapshot: DocumentSnapshot,
  table: TableSnapshot,
  texts: readonly string[],
  ctx: DocumentContext,
): boolean {
  return anchorHits(snapshot, texts, ctx).has(table.index);
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

/** How a layout scores a table that holds its section's anchors (undefined: not a candidate). */
type TableScore = (
  table: TableSnapshot,
  score: number,
  matched: string[],
) => { score: number; hasGuidanceRow?: boolean } | undefined;

/** The tables that may hold a section found by its table's anchors, scored by its layout. */
export function tableCandidates(
  snapshot: DocumentSnapshot,
  section: { readonly table: TableMatch },
  pos: Positions,
  ctx: DocumentContext,
  scoreTable: TableScore,
): Candidate[] {
  const out: Candidate[] = [];
  // A table is a candidate only if it holds every required anchor: look those up first.
  const required = section.table.anchors.map((a) => anchorHits(snapshot, a, ctx));
  for (const table of snapshot.tables) {
    if (required.some((hits) => !hits.has(table.index))) continue;
    const matched: string[] = [];
    const base = tableMatchScore(snapshot, table, section.table, matched, ctx);
    if (!base) continue;
    const scored = scoreTable(table, base.score, matched);
    if (!scored) continue;
    const c: Candidate = {
      key: keyOf({ table: table.index }),
      table: table.index,
      pos: pos.table(table.index),
      score: scored.score,
      matched,
    };
    if (base.n !== undefined) c.n = base.n;
    if (scored.hasGuidanceRow !== undefined) c.hasGuidanceRow = scored.hasGuidanceRow;
    out.push(c);
  }
  return out;
}
