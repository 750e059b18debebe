/**
 * The app's use cases run on a .docx file's bytes, as the command line runs them: each call opens
 * the bytes with the .docx adapter, runs the use case through the port and gives back the bytes
 * the document holds afterwards (the input bytes themselves when nothing was written).
 */
import { DocxDocument } from "../../src/adapters/docx/docx-document.adapter";
import { openDocx, readDocxSnapshot, type DocxLimits } from "../../src/adapters/docx/docx-file";
import { checkReading, type CheckOptions, type DocumentCheck } from "../../src/app/check";
import { fillDocx, type DocxFill } from "../../src/adapters/docx/docx-writer";
import { fillWithPlanData, planDocumentFill, revertLastFill } from "../../src/app/fill";
import { nextCycle } from "../../src/app/next-cycle";
import { markStepDone, progressOfDocument, type DocumentProgress } from "../../src/app/progress";
import type { FillOptions, FillPlanning } from "../../src/domain/fill-planner";
import type { DocumentPlanData } from "../../src/domain/plan-data";
import type { NextCycleOptions } from "../../src/domain/progress/next-cycle";
import type { StepRef } from "../../src/domain/progress/mark-done";
import type { StepOptions } from "../../src/domain/progress/step-status";
import { ok, type Result } from "../../src/domain/result";
import type { FillResult, RevertRequest } from "../../src/ports/document.port";

type WithBytes<T> = T & { readonly bytes: Uint8Array };

/** Runs a use case on a document made from `bytes`; adds the bytes it holds afterwards. */
async function onBytes<T extends object>(
  bytes: Uint8Array,
  run: (document: DocxDocument) => Promise<Result<T>>,
): Promise<Result<WithBytes<T>>> {
  const document = new DocxDocument(bytes);
  const r = await run(document);
  return r.ok ? ok({ ...r.value, bytes: document.current() }, r.warnings) : r;
}

export function progressOfBytes(
  bytes: Uint8Array,
  options: StepOptions,
): Promise<Result<DocumentProgress>> {
  return progressOfDocument(new DocxDocument(bytes), options);
}

export function markDoneInBytes(
  bytes: Uint8Array,
  ref: StepRef,
  options: Parameters<typeof markStepDone>[2],
) {
  return onBytes(bytes, (d) => markStepDone(d, ref, options));
}

export function nextCycleOfBytes(
  bytes: Uint8Array,
  options: NextCycleOptions & { readonly now?: Date },
) {
  return onBytes(bytes, (d) => nextCycle(d, options));
}

/** A fill of plan data into bytes, with the filled file as `report.bytes`. */
export type FilledBytes = {
  readonly report: WithBytes<FillResult>;
  readonly planning: FillPlanning;
};

/** Fills the bytes with plan data; `report.bytes` is the filled file. */
export async function fillBytes(
  bytes: Uint8Array,
  desired: DocumentPlanData,
  options: Parameters<typeof fillWithPlanData>[2] = {},
): Promise<Result<FilledBytes>> {
  const document = new DocxDocument(bytes);
  const r = await fillWithPlanData(document, desired, options);
  if (!r.ok) return r;
  return ok({ ...r.value, report: { ...r.value.report, bytes: document.current() } }, r.warnings);
}

/** Reverts the last fill recorded in the bytes; `bytes` is the reverted file. */
export function revertBytes(bytes: Uint8Array, request: RevertRequest = {}) {
  return onBytes(bytes, (d) => revertLastFill(d, request));
}

/**
 * A fill of plan data into bytes, synchronously, for a test that builds its input (at collection
 * time or in a helper) and for the benchmarks: the use case's own planning, written by the .docx
 * writer without the port's promises.
 */
export function fillDocxNow(
  bytes: Uint8Array,
  desired: DocumentPlanData,
  options: FillOptions & { readonly now?: Date } = {},
): Result<{ readonly report: DocxFill; readonly planning: FillPlanning }> {
  const opened = openDocx(bytes);
  if (!opened.ok) return opened;
  const planning = planDocumentFill(opened.value.read.snapshot, desired, options);
  if (!planning.ok) return planning;
  const filled = fillDocx(bytes, planning.value.plan, {
    label: desired.plans.map((p) => p.label).join(", ") || "plan data",
    now: options.now ?? new Date(),
    skipped: planning.value.skipped,
    opened: opened.value,
  });
  return filled.ok ? ok({ report: filled.value, planning: planning.value }) : filled;
}

/** The bytes of a filled copy of a document (see `fillDocxNow`); throws when it cannot be filled. */
export function filledDocx(
  bytes: Uint8Array,
  desired: DocumentPlanData,
  options: FillOptions & { readonly now?: Date } = {},
): Uint8Array {
  const r = fillDocxNow(bytes, desired, options);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value.report.bytes;
}

/**
 * The check of a .docx file's bytes, synchronously (tests, benchmarks): the file read as the
 * command line reads it (`DocxDocument.forReading`), then the use case's own check of what was read.
 */
export function checkDocxNow(
  bytes: Uint8Array,
  options: CheckOptions & { readonly limits?: DocxLimits },
): Result<DocumentCheck> {
  const read = readDocxSnapshot(bytes, options.limits);
  return read.ok ? checkReading(read.value, read.warnings, options) : read;
}
