/**
 * Checks that need the document itself, not only its plan data: the template's own prompts are
 * still in place (answers go beside or below them, never over them), and to-do items (signature
 * lines) are placed on the paragraphs they are about.
 */
import { completeFinding, type Finding } from "../findings";
import type { DocumentPlanData, FieldData, PlanData, SectionData } from "../plan-data";
import { normalize } from "../text-match";
import type { DocumentSnapshot } from "../snapshot";
import type { TemplateDefinition } from "../template-definition";

function promptsOf(
  definition: TemplateDefinition,
  sectionId: string,
  fieldId: string,
): readonly string[] {
  const section = definition.sections.find((s) => s.id === sectionId);
  if (!section) return [];
  const fields =
    section.layout === "rows"
      ? section.columns
      : section.layout === "fixed-rows"
        ? []
        : section.fields;
  return fields.find((f) => f.id === fieldId)?.prompts ?? [];
}

function cellText(snapshot: DocumentSnapshot, field: FieldData): string | undefined {
  const l = field.location;
  if (!l) return undefined;
  if (l.kind === "paragraph") return snapshot.paragraphs[l.paragraph]?.text;
  return snapshot.tables[l.table]?.rows[l.row]?.cells[l.cell]?.text;
}

/** A warning for each template prompt that is no longer in its cell. */
export function promptFindings(
  plan: PlanData,
  definition: TemplateDefinition,
  snapshot: DocumentSnapshot,
): Finding[] {
  const out: Finding[] = [];
  const visit = (section: SectionData, field: FieldData) => {
    const prompts = promptsOf(definition, section.id, field.id);
    if (prompts.length === 0) return;
    const text = cellText(snapshot, field);
    if (text === undefined) return;
    const have = normalize(text);
    const missing = prompts.filter((p) => !have.includes(normalize(p).replace(/[?:]+$/, "")));
    if (missing.length === 0) return;
    out.push(
      completeFinding(plan, "template_prompts_kept", {
        section,
        field,
        code: "template_prompt_overwritten",
        severity: "warning",
        message:
          "The template's guiding question in this cell was overwritten. Put the question back and write the answer below it, so reviewers see what was asked.",
      }),
    );
  };
  for (const section of plan.sections) {
    for (const field of section.fields) visit(section, field);
  }
  return out;
}

/** Places location-less to-do findings (signature lines) on the paragraph they are about. */
export function placeToDos(findings: readonly Finding[], snapshot: DocumentSnapshot): Finding[] {
  const signature = snapshot.paragraphs.filter((p) => /signature/i.test(p.text));
  let next = 0;
  return findings.map((f) => {
    if (f.code !== "signature_to_do" || f.location) return f;
    const p = signature[next] ?? signature[0];
    next++;
    return p ? { ...f, location: { kind: "paragraph", paragraph: p.index } } : f;
  });
}

/** Every document-level finding for plan data read from a snapshot. */
export function documentFindings(
  data: DocumentPlanData,
  snapshot: DocumentSnapshot,
  definitions: readonly TemplateDefinition[],
): Finding[] {
  const findings = data.plans.flatMap((plan) => {
    const definition = definitions.find((d) => d.id === plan.template);
    return definition ? promptFindings(plan, definition, snapshot) : [];
  });
  const first = data.plans[0];
  if (first && snapshot.facts.trackedChanges) findings.unshift(trackedChangesFinding(first));
  return findings;
}

/**
 * The document holds tracked changes: it is read as it will be once they are accepted (text and
 * rows deleted with Track Changes on are not read), which a reviewer of the file may not see.
 */
function trackedChangesFinding(plan: PlanData): Finding {
  return completeFinding(plan, "document_tracked_changes", {
    code: "document_tracked_changes",
    severity: "warning",
    message:
      "This document holds tracked changes that were not accepted or rejected. PlanAssist reads the plan as it will be once every change is accepted (deleted text and rows are left out). In Word, review the changes (Review > Accept or Reject) before you submit the plan, so everyone reads the same plan.",
  });
}
