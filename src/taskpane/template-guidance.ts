/** Guidance quoted from the template definitions, looked up by the ids plan data uses. */
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
  if (!s) return undefined;
  switch (s.layout) {
    case "rows":
      return s.columns.find((c) => c.id === field)?.guidance;
    case "fixed-rows": {
      const row = s.rows.find((r) => field.startsWith(`${r.id}-`));
      return row?.guidance;
    }
    default:
      return s.fields.find((f) => f.id === field)?.guidance;
  }
}

export function sectionGuidance(template: string, section: string): string | undefined {
  return sectionOf(template, section)?.guidance;
}

export function templateSummaries(): TemplateSummary[] {
  return templates.map((t) => ({ id: t.id, label: t.shortName }));
}
