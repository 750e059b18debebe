/**
 * What both hosts (Word and the preview's .docx) do before writing one section from the pane:
 * plan the section's edits with the shared planner, and name each edit's field for the report.
 */
import type { FillPlanning } from "../domain/fill-planner";
import type { PlanData } from "../domain/plan-data";
import type { Result } from "../domain/result";
import type { DocumentSnapshot } from "../domain/snapshot";
import { planDocumentFill } from "./fill";
import { sectionFields, type FillRequest } from "./plan-session";

/** Plans the edits of the requested section (hand-signed sections excluded, as everywhere). */
export function planSectionFill(
  snapshot: DocumentSnapshot,
  request: FillRequest,
): Result<FillPlanning> {
  return planDocumentFill(snapshot, request.data, {
    overwrite: request.overwrite,
    only: {
      plan: request.plan,
      section: request.section.id,
      ...(request.section.block !== undefined ? { block: request.section.block } : {}),
    },
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
