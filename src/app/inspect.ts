/**
 * Inspecting a document: which template it is, its plans, their sections and what is filled.
 * The document comes through the port (the command line hands it a .docx file's adapter).
 */
import type { DocumentPlanData, FieldData, SectionData } from "../domain/plan-data";
import { readDocument } from "../domain/plan-reader";
import { planSteps, withStepStatus, type StepOptions } from "../domain/progress/step-status";
import type { Recognition } from "../domain/recognition";
import { ok, type Result } from "../domain/result";
import type { DocumentSnapshot } from "../domain/snapshot";
import type { TemplateDefinition } from "../domain/template-definition";
import type { DocumentPort } from "../ports/document.port";
import { templates } from "../templates";

type SectionOutline = {
  readonly id: string;
  readonly label: string;
  readonly block?: number;
  /** Required fields (and required cells of rows in use) that hold a value. */
  readonly filled: number;
  readonly required: number;
  /** All values (required or not) that hold something, and how many there are. */
  readonly values: number;
  readonly valuesFilled: number;
  /** Data rows, for a table whose rows repeat. */
  readonly rows?: number;
  readonly maxRows?: number;
  /** False when the section's table or labels were not found in the document. */
  readonly found: boolean;
};

type PlanOutline = {
  readonly template: string;
  readonly instance: number;
  readonly label: string;
  readonly filled: number;
  readonly required: number;
  readonly sections: readonly SectionOutline[];
};

type Inspection = {
  /** The template the document is, when it is one. */
  readonly recognised?: Recognition;
  /** The closest template when it is none. */
  readonly closest?: Recognition;
  readonly message: string;
  readonly data: DocumentPlanData;
  readonly outline: readonly PlanOutline[];
};

function hasValue(f: FieldData): boolean {
  return Array.isArray(f.value) ? f.value.length > 0 : f.value.trim() !== "";
}

/** Counts required values: a section's required fields, and required cells of rows in use. */
function sectionCounts(section: SectionData): {
  filled: number;
  required: number;
  values: number;
  valuesFilled: number;
} {
  let filled = 0;
  let required = 0;
  const all = [...section.fields, ...(section.rows ?? []).flatMap((r) => r.cells)];
  const values = all.length;
  const valuesFilled = all.filter(hasValue).length;
  const count = (f: FieldData) => {
    if (!f.required) return;
    required++;
    if (hasValue(f)) filled++;
  };
  section.fields.forEach(count);
  const rows = section.rows ?? [];
  const used = rows.filter((r) => r.cells.some(hasValue));
  const counted =
    used.length > 0 ? used : (section.rowLimits?.min ?? 0) > 0 ? rows.slice(0, 1) : [];
  for (const r of counted) r.cells.forEach(count);
  return { filled, required, values, valuesFilled };
}

function outlineOf(data: DocumentPlanData, recognised: Recognition | undefined): PlanOutline[] {
  const missing = new Set(recognised?.missing ?? []);
  return data.plans.map((plan) => {
    const sections = plan.sections.map((s): SectionOutline => {
      const counts = sectionCounts(s);
      const located = s.fields.some((f) => f.location !== undefined) || (s.rows ?? []).length > 0;
      const out: { -readonly [K in keyof SectionOutline]: SectionOutline[K] } = {
        id: s.id,
        label: s.label,
        ...counts,
        found: located || !missing.has(s.label),
      };
      if (s.block !== undefined) out.block = s.block;
      if (s.rows) out.rows = s.rows.length;
      if (s.rowLimits) out.maxRows = s.rowLimits.max;
      return out;
    });
    return {
      template: plan.template,
      instance: plan.instance,
      label: plan.label,
      filled: sections.reduce((n, s) => n + s.filled, 0),
      required: sections.reduce((n, s) => n + s.required, 0),
      sections,
    };
  });
}

type InspectOptions = {
  readonly definitions?: readonly TemplateDefinition[];
  /** Give each dated step's status on its row (`rows[].status`), as of this day. */
  readonly steps?: StepOptions;
};

/** Reads a document and describes its plans. A document that cannot be read gives the reader's error. */
export async function inspectDocument(
  document: DocumentPort,
  options: InspectOptions = {},
): Promise<Result<Inspection>> {
  const read = await document.read();
  if (!read.ok) return read;
  return ok(inspectSnapshot(read.value, options), read.warnings);
}

/** Describes the plans of a document already read. */
export function inspectSnapshot(
  snapshot: DocumentSnapshot,
  options: InspectOptions = {},
): Inspection {
  const reading = readDocument(snapshot, options.definitions ?? templates);
  const data = options.steps
    ? withStepStatus(
        reading.data,
        planSteps(reading.data, snapshot, options.steps),
        options.steps.today,
      )
    : reading.data;
  const recognised = reading.recognition.recognised;
  const closest = recognised ? undefined : reading.recognition.candidates[0];
  const inspection: { -readonly [K in keyof Inspection]: Inspection[K] } = {
    message: reading.recognition.message,
    data,
    outline: outlineOf(data, recognised),
  };
  if (recognised) inspection.recognised = recognised;
  if (closest && closest.confidence > 0) inspection.closest = closest;
  return inspection;
}

/** The outline as text a person reads. */
export function formatInspection(file: string, inspection: Inspection): string {
  const lines: string[] = [];
  const r = inspection.recognised;
  if (!r) {
    lines.push(`${file}: ${inspection.message}`);
    const c = inspection.closest;
    if (c && c.matched.length > 0) {
      lines.push("", `Found of the ${c.name}:`, ...c.matched.map((m) => `  - ${m}`));
    }
    return `${lines.join("\n")}\n`;
  }
  lines.push(
    `${file}`,
    `Template: ${r.name} (${r.template}), confidence ${Math.round(r.confidence * 100)}%`,
  );
  const plans = inspection.outline;
  plans.forEach((plan, i) => {
    lines.push(
      "",
      `${plans.length > 1 ? `Plan ${i + 1} of ${plans.length}: ` : "Plan: "}${plan.label}  (${plan.filled}/${plan.required} required filled)`,
    );
    const width = Math.min(
      60,
      Math.max(...plan.sections.map((s) => s.label.length + (s.block !== undefined ? 3 : 0))),
    );
    for (const s of plan.sections) {
      const name = `${s.label}${s.block !== undefined ? ` #${s.block}` : ""}`;
      const rows =
        s.rows !== undefined
          ? `  ${s.rows} row${s.rows === 1 ? "" : "s"} (up to ${s.maxRows})`
          : "";
      const status = s.found ? "" : "  not found in the document";
      const counts =
        s.required > 0
          ? `${`${s.filled}/${s.required}`.padStart(7)} filled`
          : `${String(s.valuesFilled).padStart(7)} of ${s.values} filled (optional)`;
      lines.push(`  ${name.padEnd(width)}  ${counts}${rows}${status}`);
    }
  });
  if (r.missing.length > 0) lines.push("", `Not found: ${r.missing.join(", ")}`);
  if (r.notes.length > 0) lines.push("", "Notes:", ...r.notes.map((n) => `  - ${n}`));
  return `${lines.join("\n")}\n`;
}
