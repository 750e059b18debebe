/**
 * Writing one section from the pane, whichever host holds the document: read it through the port,
 * plan the section's edits with the shared planner (with any edits the request adds beyond plan
 * data), write the plan through the port, and name each edit's field in the report.
 */
import { describeEdit, describeLocation, editSubject, type Edit } from "../domain/edits";
import type { FillPlanning } from "../domain/fill-planner";
import type { PlanData } from "../domain/plan-data";
import { ok, type Result } from "../domain/result";
import type { DocumentSnapshot } from "../domain/snapshot";
import type { DocumentPort } from "../ports/document.port";
import { planDocumentFill } from "./fill";
import {
  sectionFields,
  type FillEntry,
  type FillRequest,
  type SectionFillReport,
} from "./plan-session";

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

/**
 * Writes one section into the document behind the port and reports, for the person, every value:
 * written, left as it was (already held, typed text kept, no place) or not written (with why).
 */
export async function fillSection(
  port: DocumentPort,
  request: FillRequest,
  now: Date = new Date(),
): Promise<Result<SectionFillReport>> {
  const read = await port.read();
  if (!read.ok) return read;
  const planning = planSectionFill(read.value, request);
  if (!planning.ok) return planning;
  const label = fieldLabeller(request.data.plans[request.plan]);
  const { section } = request;
  const filled = await port.fill(planning.value.plan, {
    label: `Section ${section.id}${section.block ? ` #${section.block}` : ""}`,
    now,
    skipped: planning.value.skipped,
  });
  if (!filled.ok) return filled;
  const r = filled.value;
  const entry = (edit: Edit, reason?: string): FillEntry => ({
    label: `${label(editSubject(edit))} (${describeEdit(edit)})`,
    ...("location" in edit ? { location: edit.location } : {}),
    ...(reason ? { reason } : {}),
  });
  return ok({
    written: r.written.map((o) => entry(o.edit)),
    skipped: [
      ...r.unchanged.map((o) => entry(o.edit, "it already held this value")),
      ...r.skipped.map((s) => ({
        label: `${label(s.field)}${s.location ? ` (${describeLocation(s.location)})` : ""}`,
        reason: s.message,
        ...(s.location ? { location: s.location } : {}),
      })),
      // Plainly, when the fill was written but not recorded (so it cannot be reverted).
      ...r.notices.map((n) => ({ label: "Revert last fill", reason: n })),
    ],
    failed: r.failed.map((o) => entry(o.edit, o.message)),
    rowsAdded: planning.value.rowsAdded,
    rowsRemoved: planning.value.rowsRemoved,
  });
}
