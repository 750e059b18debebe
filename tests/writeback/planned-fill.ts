import { planDocumentFill } from "../../src/app/fill";
import type { DocumentPlanData } from "../../src/domain/plan-data";
import { readDocument } from "../../src/domain/plan-reader";
import { templates } from "../../src/templates";
import { templateBytes, type TemplateId } from "../helpers/fixtures";
import { documentXml, must, snapshotOf } from "./helpers";

/**
 * A replica read, its plan data changed by `change`, and the edit plan for that data: what the
 * Word writer's tests write (`source` is the replica's document part, as Word's OOXML gives it).
 */
export function plannedFill(id: TemplateId, change: (d: DocumentPlanData) => DocumentPlanData) {
  return plannedFillOf(templateBytes(id), change);
}

/** The same for any .docx (a replica's joined form, a variant). */
export function plannedFillOf(
  bytes: Uint8Array,
  change: (d: DocumentPlanData) => DocumentPlanData,
) {
  const snapshot = snapshotOf(bytes);
  const data = readDocument(snapshot, templates).data;
  const plan = must(planDocumentFill(snapshot, change(data))).plan;
  return { bytes, snapshot, plan, source: documentXml(bytes) };
}
