/**
 * The engine: definition + document snapshot -> plan data.
 *
 * `recognise` (recognition.ts) finds which tables and paragraphs hold each section; this module
 * reads the values out of them, each with its exact location (table index in document order,
 * nested tables included; row index; cell index within the row; paragraph index within the cell).
 * The value of a field never includes its label, the template's prompts, or placeholders such as
 * "____", "<Insert district name>", a "$" alone in a cost cell or the "1." that numbers a row.
 * A placeholder that starts a cell ("$", "1.") is kept by the document: the value's location
 * starts after it (`start`).
 */
import type { DocumentPlanData, FieldData, PlanData, SectionData } from "./plan-data";
import { PLAN_DATA_FORMAT, PLAN_DATA_VERSION } from "./plan-data";
import { findLabel, labelsOf } from "./text-match";
import {
  recognise,
  type PlanMatch,
  type RecognitionReport,
  type SectionMatch,
  type TemplateMatch,
} from "./recognition";
import { documentContext, type DocumentContext } from "./document-context";
import { layoutFor } from "./layouts";
import { afterPrompt, emptyValue, fieldData, stripPlaceholders } from "./layouts/values";
import type { BodyParagraph, DocumentSnapshot } from "./snapshot";
import type { FieldDefinition, SectionDefinition, TemplateDefinition } from "./template-definition";

// ---------------------------------------------------------------------------------------------
// Fields

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

// ---------------------------------------------------------------------------------------------
// Fixed rows, ratings, choice matrices

// ---------------------------------------------------------------------------------------------
// Sections and plans

function emptySection(section: SectionDefinition, ctx: DocumentContext): SectionData {
  const base: { -readonly [K in keyof SectionData]: SectionData[K] } = {
    id: section.id,
    label: section.label,
    fields: [],
  };
  const layout = layoutFor(section);
  if (layout) return Object.assign(base, layout.empty(section, ctx));
  switch (section.layout) {
    case "rows":
    case "form":
    case "fixed-rows":
    case "choice-matrix":
    case "rating":
      break;
    default:
      base.fields = section.fields.map((f) => fieldData(f, emptyValue(f), undefined));
  }
  return base;
}

function readSection(
  snapshot: DocumentSnapshot,
  m: SectionMatch,
  used: Set<number>,
  ctx: DocumentContext,
): SectionData {
  const section = m.section;
  const out = emptySection(section, ctx);
  if (m.block !== undefined && section.repeats) out.block = m.block;
  const layout = layoutFor(section);
  if (layout) {
    Object.assign(out, layout.read(snapshot, section, m, used, ctx));
    return out;
  }
  if (section.layout === "paragraph") {
    const p = m.paragraph !== undefined ? snapshot.paragraphs[m.paragraph] : undefined;
    const below = section.fields[0]?.slot === "below" ? section.fields[0] : undefined;
    if (p && below) out.fields = [readTextBelow(snapshot, p, below, ctx)];
    else if (p) out.fields = readParagraphFields(p, section.fields, ctx);
  }
  return out;
}

/** Reads one matched plan into plan data: every section of the definition, in the document's order. */
export function readPlan(
  snapshot: DocumentSnapshot,
  definition: TemplateDefinition,
  plan: PlanMatch,
  /** Sections found in another plan of the same file (such as signature lines closing the file): not listed here. */
  elsewhere: ReadonlySet<string> = new Set(),
  /** The document's context (see `recognise`). */
  ctx: DocumentContext = documentContext(),
): PlanData {
  const used = new Set<number>();
  const order = new Map(definition.sections.map((s, i) => [s.id, i]));
  const entries: { index: number; data: SectionData }[] = plan.sections.map((m) => ({
    index: order.get(m.section.id) ?? 0,
    data: readSection(snapshot, m, used, ctx),
  }));
  // Sections not found keep their place in the definition's order, with empty values.
  for (const missing of plan.missing) {
    if (elsewhere.has(missing.id)) continue;
    const index = order.get(missing.id) ?? 0;
    let at = entries.length;
    for (let k = entries.length - 1; k >= 0; k--) {
      if ((entries[k]?.index ?? 0) < index) {
        at = k + 1;
        break;
      }
      at = k;
    }
    entries.splice(at, 0, { index, data: emptySection(missing, ctx) });
  }
  return {
    template: definition.id,
    instance: plan.instance,
    label: plan.label,
    sections: entries.map((e) => e.data),
  };
}

/** Reads every plan of a matched template. */
export function readPlans(
  snapshot: DocumentSnapshot,
  match: TemplateMatch,
  ctx: DocumentContext = documentContext(),
): PlanData[] {
  return match.plans.map((p) => {
    const elsewhere = new Set(
      match.plans.filter((o) => o !== p).flatMap((o) => o.sections.map((m) => m.section.id)),
    );
    return readPlan(snapshot, match.definition, p, elsewhere, ctx);
  });
}

export type DocumentReading = {
  readonly recognition: RecognitionReport;
  readonly data: DocumentPlanData;
};

/**
 * Recognises a document and reads its plans (none when it is no known template), both with one
 * context for the document (a fresh one unless given).
 */
export function readDocument(
  snapshot: DocumentSnapshot,
  definitions: readonly TemplateDefinition[],
  ctx: DocumentContext = documentContext(),
): DocumentReading {
  const recognition = recognise(snapshot, definitions, ctx);
  const best = recognition.recognised
    ? recognition.matches.find((m) => m.definition.id === recognition.recognised?.template)
    : undefined;
  const plans = best ? readPlans(snapshot, best, ctx) : [];
  return { recognition, data: { format: PLAN_DATA_FORMAT, version: PLAN_DATA_VERSION, plans } };
}
