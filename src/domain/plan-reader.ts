/**
 * The engine: definition + document snapshot -> plan data.
 *
 * `recognise` (recognition.ts) finds which tables and paragraphs hold each section; this module
 * reads the values out of them, each with its exact location (table index in document order,
 * nested tables included; row index; cell index within the row; paragraph index within the cell).
 * How a section is read is its layout's (`layouts/`, one module per layout; `layouts/values.ts`
 * says what a value is); this module puts the sections of each plan in order.
 */
import type { DocumentPlanData, PlanData, SectionData } from "./plan-data";
import { PLAN_DATA_FORMAT, PLAN_DATA_VERSION } from "./plan-data";
import {
  recognise,
  type PlanMatch,
  type RecognitionReport,
  type SectionMatch,
  type TemplateMatch,
} from "./recognition";
import { documentContext, type DocumentContext } from "./document-context";
import { layoutOf } from "./layouts";
import type { DocumentSnapshot } from "./snapshot";
import type { SectionDefinition, TemplateDefinition } from "./template-definition";

// ---------------------------------------------------------------------------------------------
// Sections and plans

function emptySection(section: SectionDefinition, ctx: DocumentContext): SectionData {
  const base: { -readonly [K in keyof SectionData]: SectionData[K] } = {
    id: section.id,
    label: section.label,
    fields: [],
  };
  return Object.assign(base, layoutOf(section).empty(section, ctx));
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
  Object.assign(out, layoutOf(section).read(snapshot, section, m, used, ctx));
  return out;
}

/** Reads one matched plan into plan data: every section of the definition, in the document's order. */
function readPlan(
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
