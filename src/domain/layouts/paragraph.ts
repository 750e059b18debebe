/**
 * The paragraph layout: labelled blanks in one body paragraph outside tables ("District/School
 * Name: ____ Today's Date: ____" is one paragraph with two fields). A single field with
 * `slot: "below"` is free text under a heading instead: the paragraph that is exactly the field's
 * label, and the paragraphs after it up to the next heading or table.
 */
import type { DocumentContext } from "../document-context";
import type { FieldData } from "../plan-data";
import type { BodyParagraph, DocumentSnapshot } from "../snapshot";
import type { FieldDefinition } from "../template-definition";
import { findLabel, labelsOf, matchesAny } from "../text-match";
import {
  guidanceById,
  keyOf,
  type Candidate,
  type Layout,
  type Positions,
  type SectionOf,
} from "./layout";
import { afterPrompt, emptyFields, emptyValue, fieldData, stripPlaceholders } from "./values";

type ParagraphSection = SectionOf<"paragraph">;

/** Body paragraphs with the section's first label (or the heading, for text below it). */
function paragraphCandidates(
  snapshot: DocumentSnapshot,
  section: ParagraphSection,
  pos: Positions,
  ctx: DocumentContext,
): Candidate[] {
  const out: Candidate[] = [];
  for (const p of snapshot.paragraphs) {
    const c = paragraphCandidate(p, section.fields, ctx);
    if (c) out.push({ ...c, key: keyOf(c), pos: pos.paragraph(p.index) });
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
  if (p.text.replace(/_{2 }/g, "").length >= 200) return undefined;
  return {
    paragraph: p.index,
    score: found.length / fields.length,
    matched: found.map((f) => `“${f.label}:”`),
  };
}

function readParagraphFields(
  p: BodyParagraph,
  fields: readonly FieldDefinition[],
  ctx: DocumentContext,
): FieldData[] {
  const found: { f: FieldDefinition; start: number; end: number }[] = [];
  let from = 0;
  for (const f of fields) {
    let hit: { start: number; end: number } | undefined;
    for (const l of labelsOf(f, ctx)) {
      const h = findLabel(p.text, l, from, true, ctx);
      if (h && (!hit || h.start < hit.start)) hit = h;
    }
    if (hit) {
      found.push({ f, start: hit.start, end: hit.end });
      from = hit.end;
    }
  }
  return fields.map((f) => {
    const i = found.findIndex((x) => x.f === f);
    const here = found[i];
    if (!here) return fieldData(f, emptyValue(f), undefined);
    const limit = found[i + 1]?.start ?? p.text.length;
    let start = here.end;
    while (start < limit && /[ \t]/.test(p.text[start] as string)) start++;
    let end = limit;
    while (end > start && /[ \t\n]/.test(p.text[end - 1] as string)) end--;
    const raw = p.text.slice(start, end);
    return fieldData(f, stripPlaceholders(raw, f.placeholders, ctx), {
      kind: "paragraph",
      paragraph: p.index,
      start,
      end,
    });
  });
}

/**
 * Free text below a heading ("Current Status / Notes"): the body paragraphs after it up to the next
 * heading or table, without prompts and placeholders. The slot is the first paragraph after the
 * last prompt (a value written there keeps its lines as line breaks).
 */
function readTextBelow(
  snapshot: DocumentSnapshot,
  heading: BodyParagraph,
  f: FieldDefinition,
  ctx: DocumentContext,
): FieldData {
  const below: BodyParagraph[] = [];
  const at = snapshot.blocks.findIndex(
    (b) => b.kind === "paragraph" && b.paragraph === heading.index,
  );
  for (let k = at + 1; at >= 0 && k < snapshot.blocks.length; k++) {
    const b = snapshot.blocks[k];
    const p = b?.kind === "paragraph" ? snapshot.paragraphs[b.paragraph] : undefined;
    if (!p || /^(heading|title)/i.test(p.style ?? "")) break;
    below.push(p);
  }
  let from = 0;
  below.forEach((p, i) => {
    if (afterPrompt(p.text, f.prompts ?? [], ctx) !== undefined) from = i + 1;
  });
  const slot = below.slice(from);
  const first = slot[0];
  if (!first) return fieldData(f, emptyValue(f), undefined);
  const value = slot
    .map((p) => stripPlaceholders(p.text, f.placeholders, ctx))
    .filter((t) => t !== "")
    .join("\n");
  return fieldData(f, value, { kind: "paragraph", paragraph: first.index, start: 0 });
}

export const paragraphLayout: Layout<ParagraphSection> = Object.freeze({
  kind: "paragraph",
  candidates: paragraphCandidates,
  empty: (section: ParagraphSection) => ({ fields: emptyFields(section.fields) }),
  read: (
    snapshot: DocumentSnapshot,
    section: ParagraphSection,
    found: { readonly paragraph?: number },
    _used: Set<number>,
    ctx: DocumentContext,
  ) => {
    const p = found.paragraph !== undefined ? snapshot.paragraphs[found.paragraph] : undefined;
    const below = section.fields[0]?.slot === "below" ? section.fields[0] : undefined;
    if (p && below) return { fields: [readTextBelow(snapshot, p, below, ctx)] };
    if (p) return { fields: readParagraphFields(p, section.fields, ctx) };
    return undefined;
  },
  fieldGuidance: (section: ParagraphSection, field: string) => guidanceById(section.fields, field),
});
