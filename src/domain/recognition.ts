/**
 * Recognition: which template a document is, found from its tables and labelled paragraphs.
 *
 * For every section of a definition the matcher looks for the table (by anchor labels and header
 * texts with their aliases) or the body paragraph (by its labels) that holds it, scores each
 * candidate, and assigns sections to tables in document order. How a section's candidates are
 * found and scored is its layout's (`layouts/`, one module per layout); texts are compared with
 * the helpers of `text-match.ts`.
 *
 * Recognition tolerates what districts do: a renamed column (aliases), an added column (ignored),
 * extra or fewer rows, deleted instructions (only tables and labels are used), a second copy of a
 * table (a repeating block, or ignored with a note), and a template pasted into a longer document.
 */
import type { SectionDefinition, TemplateDefinition } from "./template-definition";
import type { DocumentSnapshot } from "./snapshot";
import { documentContext, type DocumentContext } from "./document-context";
import {
  cleanLabel,
  cleanParagraphTexts,
  findLabel,
  labelsOf,
  matchesAnyClean,
} from "./text-match";
import { layoutOf } from "./layouts";
import { type Candidate, type Positions } from "./layouts/layout";

// ---------------------------------------------------------------------------------------------
// Document positions

function positionsOf(snapshot: DocumentSnapshot): Positions {
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

function sectionCandidates(
  snapshot: DocumentSnapshot,
  section: SectionDefinition,
  pos: Positions,
  ctx: DocumentContext,
): Candidate[] {
  return layoutOf(section).candidates(snapshot, section, pos, ctx);
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

/** Matches a definition against a document: the plans found and how sure the match is. */
function matchTemplate(
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
      const narrow = layoutOf(section).narrow;
      if (narrow) pool = narrow(section, pool, matches, notes);
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
