/**
 * Use cases for plans over the year: where each step stands today (for the `status` command, the
 * pane's Progress view and plan data), and marking a step done in the template's own completion
 * or status column, written as a fill (recorded in the document, so it can be reverted).
 */
import type { DocumentPlanData } from "../domain/plan-data";
import { readDocument } from "../domain/plan-reader";
import { planMarkDone, sameStep, type StepRef } from "../domain/progress/mark-done";
import {
  planSteps,
  withStepStatus,
  type PlanStep,
  type StepOptions,
} from "../domain/progress/step-status";
import { err, ok, type Notice, type PlanAssistError, type Result } from "../domain/result";
import type { DocumentSnapshot } from "../domain/snapshot";
import type { DocumentPort, FillResult } from "../ports/document.port";
import { templates } from "../templates";
import { summarise, type RecognitionSummary } from "./check";

export type DocumentProgress = {
  readonly recognition: RecognitionSummary;
  /** Plan data with each step's status on its row. */
  readonly data: DocumentPlanData;
  readonly steps: readonly PlanStep[];
};

/** The steps of the plans in a document already read. */
export function progressOfSnapshot(
  snapshot: DocumentSnapshot,
  options: StepOptions,
): DocumentProgress {
  const reading = readDocument(snapshot, templates);
  const steps = planSteps(reading.data, snapshot, options);
  return {
    recognition: summarise(reading.recognition),
    data: withStepStatus(reading.data, steps, options.today),
    steps,
  };
}

/** The steps of the plans in a document. */
export async function progressOfDocument(
  document: DocumentPort,
  options: StepOptions,
): Promise<Result<DocumentProgress>> {
  const read = await document.read();
  if (!read.ok) return read;
  return ok(progressOfSnapshot(read.value, options), read.warnings);
}

export type ProgressItem =
  | {
      readonly name: string;
      readonly ok: true;
      readonly progress: DocumentProgress;
      readonly warnings: readonly Notice[];
    }
  | { readonly name: string; readonly ok: false; readonly error: PlanAssistError };

/**
 * The progress of many files, one after the other, in the order given; `open` gives the port for
 * a file's bytes (the command line's .docx adapter).
 */
export async function progressBatch(
  inputs: readonly { readonly name: string; readonly read: () => Promise<Uint8Array> }[],
  options: StepOptions & { readonly open: (bytes: Uint8Array) => DocumentPort },
): Promise<ProgressItem[]> {
  const out: ProgressItem[] = [];
  for (const input of inputs) {
    let bytes: Uint8Array;
    try {
      bytes = await input.read();
    } catch {
      out.push({
        name: input.name,
        ok: false,
        error: {
          code: "file_unreadable",
          message:
            "The file cannot be read. Check that it exists and is not open in another program.",
        },
      });
      continue;
    }
    const r = await progressOfDocument(options.open(bytes), options);
    out.push(
      r.ok
        ? { name: input.name, ok: true, progress: r.value, warnings: r.warnings }
        : { name: input.name, ok: false, error: r.error },
    );
  }
  return out;
}

/**
 * Marks a step done in a document: the fill is recorded, so `revert` puts the cell back. A cell
 * that holds typed text is only replaced with `overwrite` (the person agreed).
 */
export async function markStepDone(
  document: DocumentPort,
  ref: StepRef,
  options: StepOptions & { readonly overwrite?: boolean; readonly now?: Date },
): Promise<Result<FillResult & { readonly step: PlanStep; readonly text: string }>> {
  const read = await document.read();
  if (!read.ok) return read;
  const snapshot = read.value;
  const { steps } = progressOfSnapshot(snapshot, options);
  const step = steps.find((s) => sameStep(s, ref));
  if (!step) {
    return err(
      "plan_data_mismatch",
      "There is no dated step at that place in the document. List the steps with `planassist status` and use one of them.",
    );
  }
  const planned = planMarkDone(snapshot, step, options.today);
  if (!planned.ok) return planned;
  if (planned.value.needsConsent && !options.overwrite) {
    return err(
      "document_changed",
      "The step's status cell already holds text a person typed; it was left as it is. Confirm replacing it to mark the step done.",
    );
  }
  const report = await document.fill(planned.value.plan, {
    label: `Marked done: ${step.rowLabel ?? `${step.sectionLabel}, row ${step.row + 1}`}`,
    now: options.now ?? new Date(),
  });
  if (!report.ok) return report;
  return ok({ ...report.value, step, text: planned.value.after });
}
