/** Guidance quoted from the template definitions, looked up by the ids plan data uses. */
import { layoutOf } from "../domain/layouts";
import type { SectionDefinition } from "../domain/template-definition";
import { templateById, templates } from "../templates";
import type { TemplateSummary } from "../app/plan-session";

function sectionOf(template: string, section: string): SectionDefinition | undefined {
  return templateById(template)?.sections.find((s) => s.id === section);
}

export function fieldGuidance(
  template: string,
  section: string,
  field: string,
): string | undefined {
  const s = sectionOf(template, section);
  // Where a field's guidance is depends on the section's layout (see src/domain/layouts).
  return s ? layoutOf(s).fieldGuidance(s, field) : undefined;
}

export function sectionGuidance(template: string, section: string): string | undefined {
  return sectionOf(template, section)?.guidance;
}

export function templateSummaries(): TemplateSummary[] {
  return templates.map((t) => ({ id: t.id, label: t.shortName }));
}
