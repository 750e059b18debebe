/**
 * Use cases: fill a document from plan data, and revert the last fill.
 *
 * The planning is the same for every host: read the document's plans (the plan reader), compare
 * with the plan data wanted, plan the edits (the fill planner). Then a host applies the plan: the
 * .docx writer here (command line, browser preview), the Office.js writer in Word.
 */
import {
  fillDocx,
  revertDocx,
  type FillReport,
  type RevertReport,
} from "../adapters/docx/docx-writer";
import { openDocx } from "../adapters/docx/docx-file";
import { describeEdit, editSubject, type Skip } from "../domain/edits";
import { planFill, type FillOptions, type FillPlanning } from "../domain/fill-planner";
import { documentPlanDataSchema, type DocumentPlanData } from "../domain/plan-data";
import { readDocument } from "../domain/plan-reader";
import { err, ok, PlanAssistFailure, type Result } from "../domain/result";
import type { DocumentSnapshot } from "../domain/snapshot";
import type { TemplateDefinition } from "../domain/template-definition";
import { templates } from "../templates";

/** Checks plan data given as JSON text or a parsed value. */
export function parsePlanData(input: unknown): Result<DocumentPlanData> {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input) as unknown;
    } catch (e) {
      return err(
        "plan_data_invalid",
        `The plan data is not valid JSON (${(e as Error).message}). Use the output of "planassist inspect --json" as a starting point.`,
      );
    }
  }
  const parsed = documentPlanDataSchema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`)
      .join("; ");
    return err(
      "plan_data_invalid",
      `The plan data does not have the expected shape (${first}). Use the output of "planassist inspect --json" as a starting point.`,
    );
  }
  const listInText = textFieldWithList(parsed.data);
  if (listInText) {
    return err(
      "plan_data_invalid",
      `The plan data gives a list where a text field takes text (${listInText}). Write the value as one string; lists are only for choice fields.`,
    );
  }
  return ok(parsed.data);
}

/** Where a field that is not a choice is given a list of values, if anywhere. */
function textFieldWithList(data: DocumentPlanData): string | undefined {
  const choice = (t: string) => t === "single-choice" || t === "multiple-choice";
  for (const [pi, plan] of data.plans.entries()) {
    for (const [si, section] of plan.sections.entries()) {
      for (const [fi, f] of section.fields.entries()) {
        if (Array.isArray(f.value) && !choice(f.type))
          return `plans.${pi}.sections.${si}.fields.${fi} "${f.id}"`;
      }
      for (const [ri, row] of (section.rows ?? []).entries()) {
        for (const [ci, c] of row.cells.entries()) {
          if (Array.isArray(c.value) && !choice(c.type))
            return `plans.${pi}.sections.${si}.rows.${ri}.cells.${ci} "${c.id}"`;
        }
      }
    }
  }
  return undefined;
}

/** Plans a fill against a snapshot: read the plans there, compare with the data wanted. */
export function planDocumentFill(
  snapshot: DocumentSnapshot,
  desired: DocumentPlanData,
  options: FillOptions = {},
  definitions: readonly TemplateDefinition[] = templates,
): Result<FillPlanning> {
  const reading = readDocument(snapshot, definitions);
  if (reading.data.plans.length === 0) {
    return err(
      "plan_data_mismatch",
      "PlanAssist does not recognise this document as one of its templates, so it cannot fill it. Check that it is the right file.",
    );
  }
  return planFill(snapshot, reading.data, desired, {
    neverFill: handSigned(definitions),
    ...options,
  });
}

/** Sections people sign by hand, which a fill never writes. */
function handSigned(definitions: readonly TemplateDefinition[]): Map<string, Set<string>> {
  return new Map(
    definitions.map((d) => [
      d.id,
      new Set(d.sections.filter((s) => s.layout === "signature-line").map((s) => s.id)),
    ]),
  );
}

export type DocxFillResult = {
  readonly report: FillReport;
  readonly planning: FillPlanning;
};

/**
 * Runs a fill or a revert so that whatever goes wrong ends as a result with a code and a
 * sentence, never as an exception: nothing was written, and the person is told so.
 */
function guarded<T>(what: "fill" | "revert", run: () => Result<T>): Result<T> {
  try {
    return run();
  } catch (e) {
    if (e instanceof PlanAssistFailure) return { ok: false, error: e.failure };
    const reason = e instanceof Error ? e.message : String(e);
    return err(
      "internal_error",
      `PlanAssist could not ${what} this document (${reason}). Nothing was written: the file is as it was. Check the plan data with "planassist inspect --json", and report this problem with the file if it happens again.`,
    );
  }
}

/** Fills a .docx file's bytes with plan data. */
export function fillDocxWithPlanData(
  bytes: Uint8Array,
  desired: DocumentPlanData,
  options: FillOptions & { readonly now?: Date } = {},
): Result<DocxFillResult> {
  return guarded("fill", () => fillUnguarded(bytes, desired, options));
}

function fillUnguarded(
  bytes: Uint8Array,
  desired: DocumentPlanData,
  options: FillOptions & { readonly now?: Date },
): Result<DocxFillResult> {
  const opened = openDocx(bytes);
  if (!opened.ok) return opened;
  const planning = planDocumentFill(opened.value.read.snapshot, desired, options);
  if (!planning.ok) return planning;
  const label = desired.plans.map((p) => p.label).join(", ") || "plan data";
  const report = fillDocx(bytes, planning.value.plan, {
    label,
    now: options.now ?? new Date(),
    skipped: planning.value.skipped,
    opened: opened.value,
  });
  if (!report.ok) return report;
  return ok({ report: report.value, planning: planning.value });
}

export function revertDocxFill(
  bytes: Uint8Array,
  options: { force?: boolean } = {},
): Result<RevertReport> {
  return guarded("revert", () => revertDocx(bytes, options));
}

/** A few lines a person reads after a fill. */
export function describeFill(result: DocxFillResult): string {
  const { report, planning } = result;
  const lines: string[] = [];
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
  const values = report.written.filter(
    (o) =>
      o.edit.kind === "set-text" || o.edit.kind === "set-choice" || o.edit.kind === "set-marks",
  );
  lines.push(
    `Wrote ${count(values.length, "value")}; added ${count(planning.rowsAdded, "row")} and ${count(planning.blocksAdded, "block")}; removed ${count(planning.rowsRemoved, "row")}.`,
  );
  if (report.unchanged.length > 0)
    lines.push(`${count(report.unchanged.length, "value")} already held what was asked.`);
  for (const s of report.skipped) lines.push(`Skipped ${s.field}: ${s.message}`);
  for (const f of report.failed) {
    lines.push(
      `Not written: ${editSubject(f.edit)} at ${describeEdit(f.edit)}: ${f.message ?? "unknown reason"}`,
    );
  }
  return lines.join("\n");
}

export type { Skip };
