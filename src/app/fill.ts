/**
 * Use cases: fill a document from plan data, and revert the last fill.
 *
 * The planning is the same for every host: read the document's plans (the plan reader), compare
 * with the plan data wanted, plan the edits (the fill planner). Then the host behind the port
 * applies the plan: the .docx writer (command line, browser preview), the Office.js writer in Word.
 */
import { describeEdit, editSubject } from "../domain/edits";
import { planFill, type FillOptions, type FillPlanning } from "../domain/fill-planner";
import { documentPlanDataSchema, type DocumentPlanData } from "../domain/plan-data";
import { readDocument } from "../domain/plan-reader";
import { err, ok, PlanAssistFailure, type Result } from "../domain/result";
import type { DocumentSnapshot } from "../domain/snapshot";
import type { TemplateDefinition } from "../domain/template-definition";
import type { DocumentPort, FillResult, RevertRequest, RevertResult } from "../ports/document.port";
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

/** A fill of plan data: what the host wrote, and what the planner planned. */
type PlanDataFill = {
  readonly report: FillResult;
  readonly planning: FillPlanning;
};

/**
 * Runs a fill or a revert so that whatever goes wrong ends as a result with a code and a
 * sentence, never as an exception: nothing was written, and the person is told so.
 */
async function guarded<T>(
  what: "fill" | "revert",
  run: () => Promise<Result<T>>,
): Promise<Result<T>> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof PlanAssistFailure) return { ok: false, error: e.failure };
    const reason = e instanceof Error ? e.message : String(e);
    return err(
      "internal_error",
      `PlanAssist could not ${what} this document (${reason}). Nothing was written: the file is as it was. Check the plan data with "planassist inspect --json", and report this problem with the file if it happens again.`,
    );
  }
}

/** Fills the document behind the port with plan data (the whole document, every plan given). */
export function fillWithPlanData(
  document: DocumentPort,
  desired: DocumentPlanData,
  options: FillOptions & { readonly now?: Date } = {},
): Promise<Result<PlanDataFill>> {
  return guarded("fill", async () => {
    const read = await document.read();
    if (!read.ok) return read;
    const planning = planDocumentFill(read.value, desired, options);
    if (!planning.ok) return planning;
    const report = await document.fill(planning.value.plan, {
      label: desired.plans.map((p) => p.label).join(", ") || "plan data",
      now: options.now ?? new Date(),
      skipped: planning.value.skipped,
    });
    if (!report.ok) return report;
    return ok({ report: report.value, planning: planning.value });
  });
}

/** Reverts the last fill recorded in the document behind the port. */
export function revertLastFill(
  document: DocumentPort,
  request: RevertRequest = {},
): Promise<Result<RevertResult>> {
  return guarded("revert", () => document.revert(request));
}

/** A few lines a person reads after a fill. */
export function describeFill(result: PlanDataFill): string {
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
    lines.push(`Not written: ${editSubject(f.edit)} at ${describeEdit(f.edit)}: ${f.message}`);
  }
  return lines.join("\n");
}
