/**
 * What both hosts (Word and the preview's .docx) do before writing one section from the pane:
 * plan the section's edits with the shared planner (with any edits the request adds beyond plan
 * data), and name each edit's field for the report.
 */
import type { FillPlanning } from "../domain/fill-planner";
import type { PlanData } from "../domain/plan-data";
import { ok, type Result } from "../domain/result";
import type { DocumentSnapshot } from "../domain/snapshot";
import { planDocumentFill } from "./fill";
import { sectionFields, type FillRequest } from "./plan-session";

/** Plans the edits of the requested section (hand-signed sections excluded, as everywhere). */
export function planSectionFill(
  snapshot: DocumentSnapshot,
  request: FillRequest,
): Result<FillPlanning> {
  const planning = planDocumentFill(snapshot, request.data, {
    overwrite: request.overwrite,
    only: {
      plan: request.plan,
      section: request.section.id,
      ...(request.section.block !== undefined ? { block: request.section.block } : {}),
    },
  });
  if (!planning.ok || !request.extra?.length) return planning;
  // Edits beyond plan data (a district's own Status column) go last, in the same fill.
  const { plan } = planning.value;
  return ok({
    ...planning.value,
    plan: { structure: plan.structure, content: [...plan.content, ...request.extra] },
  });
}

/** The label of a section or field id (or a dotted path ending in one), for write reports. */
export function fieldLabeller(plan: PlanData | undefined): (field: string) => string {
  const labels = new Map<string, string>();
  for (const section of plan?.sections ?? []) {
    labels.set(section.id, section.label);
    for (const { field } of sectionFields(section)) labels.set(field.id, field.label);
  }
  return (field) =>
    labels.get(field) ?? labels.get(field.slice(field.lastIndexOf(".") + 1)) ?? field;
}
