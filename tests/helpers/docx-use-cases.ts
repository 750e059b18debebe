/**
 * The app's use cases run on a .docx file's bytes, as the command line runs them: each call opens
 * the bytes with the .docx adapter, runs the use case through the port and gives back the bytes
 * the document holds afterwards (the input bytes themselves when nothing was written).
 */
import { DocxDocument } from "../../src/adapters/docx/docx-document.adapter";
import { nextCycle } from "../../src/app/next-cycle";
import { markStepDone, progressOfDocument, type DocumentProgress } from "../../src/app/progress";
import type { NextCycleOptions } from "../../src/domain/progress/next-cycle";
import type { StepRef } from "../../src/domain/progress/mark-done";
import type { StepOptions } from "../../src/domain/progress/step-status";
import { ok, type Result } from "../../src/domain/result";

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
