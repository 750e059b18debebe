/**
 * The domain services behind the pane, whichever host holds the document: recognition and plan
 * reading, the checks, guidance and the template list.
 */
import type { DocumentPlanData } from "../domain/plan-data";
import type { DocumentSnapshot } from "../domain/snapshot";
import { readDocument } from "../domain/plan-reader";
import { checkPlans } from "../domain/rules";
import { templates } from "../templates";
import type { PaneFinding, PlanServices } from "../app/plan-session";
import { fieldGuidance, sectionGuidance, templateSummaries } from "./template-guidance";

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Every finding for the plan data, placed on the plan's index in `data.plans`. */
export function checkForPane(data: DocumentPlanData): PaneFinding[] {
  return checkPlans(data, { currentDate: today() }).map((f) => {
    const plan = Math.max(
      0,
      data.plans.findIndex((p) => p.template === f.template && p.instance === f.plan),
    );
    return {
      code: f.code,
      severity: f.severity,
      message: f.message,
      plan,
      ...(f.section !== undefined ? { section: f.section } : {}),
      ...(f.block !== undefined ? { block: f.block } : {}),
      ...(f.field !== undefined ? { field: f.field } : {}),
      ...(f.fieldLabel !== undefined
        ? {
            fieldLabel:
              f.rowLabel || f.row !== undefined
                ? `${f.fieldLabel} (${f.rowLabel ?? `row ${(f.row ?? 0) + 1}`})`
                : f.fieldLabel,
          }
        : {}),
      ...(f.row !== undefined ? { row: f.row } : {}),
      ...(f.location !== undefined ? { location: f.location } : {}),
    };
  });
}

/** Whether a document has nothing in it (no tables, no text): a blank template may go in. */
export function isEmptyDocument(snapshot: DocumentSnapshot): boolean {
  return snapshot.tables.length === 0 && snapshot.paragraphs.every((p) => p.text.trim() === "");
}

/** Recognises the document's plans and reads their data. */
export function recogniseForPane(
  snapshot: DocumentSnapshot,
): ReturnType<PlanServices["recognise"]> {
  const { recognition, data } = readDocument(snapshot, templates);
  if (recognition.recognised && data.plans.length > 0) return { kind: "plans", data };
  const top = recognition.candidates[0];
  return {
    kind: "unknown",
    empty: isEmptyDocument(snapshot),
    ...(top && top.confidence > 0
      ? { closest: { template: top.template, label: top.name, missing: top.missing } }
      : {}),
  };
}

/** The services every host shares (each edge adds where blank templates come from). */
export type DomainServices = Omit<PlanServices, "blankTemplate">;

export function domainServices(): DomainServices {
  return {
    recognise: (snapshot) => recogniseForPane(snapshot),
    check: (data) => checkForPane(data),
    guidance: fieldGuidance,
    sectionGuidance,
    templates: templateSummaries,
  };
}
