/**
 * Checking plans in .docx files: open, recognise, read the plan data, run every rule, measure
 * completeness. Bytes in, results out (no file system), so the command line and the browser
 * preview share it. A batch function checks many files with bounded parallelism.
 */
import { readDocxSnapshot, type DocxLimits } from "../adapters/docx/docx-file";
import { documentCompleteness, type PlanCompleteness } from "../domain/completeness";
import { sortFindings, withoutValues, type Finding } from "../domain/findings";
import type { DocumentPlanData } from "../domain/plan-data";
import { recognise, type RecognitionReport } from "../domain/recognition";
import { readDocument } from "../domain/plan-reader";
import { ok, PlanAssistFailure, type PlanAssistError, type Result } from "../domain/result";
import { checkPlans } from "../domain/rules";
import { documentFindings, placeToDos } from "../domain/rules/document.rules";
import type { DocumentSnapshot } from "../domain/snapshot";
import { templates } from "../templates";

/** What recognition found, in short. */
export type RecognitionSummary = {
  /** The template id, when the document is one of the known templates. */
  readonly template?: string;
  readonly name?: string;
  /** 0..1: share of the template's sections found. */
  readonly confidence: number;
  readonly message: string;
};

/** Recognises a snapshot and reads its plan data. */
export type PlanReader = (snapshot: DocumentSnapshot) => {
  readonly recognition: RecognitionSummary;
  readonly data: DocumentPlanData;
};

export type CheckOptions = {
  /** Today's date where a plan has none written (YYYY-MM-DD). */
  readonly currentDate: string;
  /** Keep what was typed (`value`, `reading`) in findings. Off by default: plans hold student data. */
  readonly showValues?: boolean;
  /** Recognition and plan reading (the plan reader by default). */
  readonly reader?: PlanReader;
  readonly limits?: DocxLimits;
};

export type DocumentCheck = {
  readonly recognition: RecognitionSummary;
  readonly plans: DocumentPlanData;
  readonly findings: readonly Finding[];
  readonly completeness: readonly PlanCompleteness[];
};

const emptyData = (): DocumentPlanData => ({
  format: "planassist.plan-data",
  version: 1,
  plans: [],
});

/** Recognition only, with no plan data. */
export const recognitionOnlyReader: PlanReader = (snapshot) => ({
  recognition: summarise(recognise(snapshot, templates)),
  data: emptyData(),
});

/** The plan reader over the known templates. */
export const defaultPlanReader: PlanReader = (snapshot) => {
  const reading = readDocument(snapshot, templates);
  return { recognition: summarise(reading.recognition), data: reading.data };
};

export function summarise(report: RecognitionReport): RecognitionSummary {
  const r = report.recognised;
  return r
    ? { template: r.template, name: r.name, confidence: r.confidence, message: report.message }
    : { confidence: report.candidates[0]?.confidence ?? 0, message: report.message };
}

/** Checks the plans in one .docx file. */
export function checkDocument(bytes: Uint8Array, options: CheckOptions): Result<DocumentCheck> {
  const opened = readDocxSnapshot(bytes, options.limits);
  if (!opened.ok) return opened;
  return ok(checkSnapshot(opened.value, options), opened.warnings);
}

/** Checks the plans of a document already read. */
export function checkSnapshot(snapshot: DocumentSnapshot, options: CheckOptions): DocumentCheck {
  const reader = options.reader ?? defaultPlanReader;
  const { recognition, data } = reader(snapshot);
  let findings = placeToDos(
    [
      ...checkPlans(data, { currentDate: options.currentDate }),
      ...documentFindings(data, snapshot, templates),
    ],
    snapshot,
  );
  if (!recognition.template) {
    findings = [
      {
        code: "template_not_recognised",
        severity: "error",
        message: `${recognition.message} Check that the file is one of the supported plan templates, with its tables in place.`,
        rule: "recognition",
        template: "unknown",
        plan: 0,
      },
    ];
  }
  const completeness = documentCompleteness(data, findings);
  const shown = options.showValues ? findings : findings.map(withoutValues);
  return { recognition, plans: data, findings: sortFindings(shown), completeness };
}

/** One file of a batch. */
export type BatchInput = {
  /** How the file is named in reports (a path). */
  readonly name: string;
  readonly read: () => Promise<Uint8Array>;
};

export type BatchItem =
  | {
      readonly name: string;
      readonly ok: true;
      readonly check: DocumentCheck;
      readonly bytes: Uint8Array;
    }
  | { readonly name: string; readonly ok: false; readonly error: PlanAssistError };

export type BatchOptions = CheckOptions & {
  /** Files read and checked at once (default 4). */
  readonly concurrency?: number;
  /** Called after each file, with how many are done. */
  readonly onProgress?: (done: number, total: number, name: string) => void;
  /** Keep each file's bytes in the result (for annotated copies). */
  readonly keepBytes?: boolean;
};

/** Checks many files, at most `concurrency` at a time; results keep the input order. */
export async function checkBatch(
  inputs: readonly BatchInput[],
  options: BatchOptions,
): Promise<BatchItem[]> {
  const results: BatchItem[] = new Array(inputs.length);
  const limit = Math.max(1, Math.min(options.concurrency ?? 4, inputs.length || 1));
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      const input = inputs[i];
      if (!input) return;
      results[i] = await checkOne(input, options);
      done++;
      options.onProgress?.(done, inputs.length, input.name);
      // Let reads of other files progress between CPU-bound checks.
      await new Promise<void>((r) => setTimeout(r, 0));
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

async function checkOne(input: BatchInput, options: BatchOptions): Promise<BatchItem> {
  let bytes: Uint8Array;
  try {
    bytes = await input.read();
  } catch (e) {
    // A reader that refuses a file (a pipe, a folder, too large) says why in its own words.
    if (e instanceof PlanAssistFailure) return { name: input.name, ok: false, error: e.failure };
    const code = (e as { code?: string }).code;
    return {
      name: input.name,
      ok: false,
      error: {
        code: "file_unreadable",
        message:
          code === "ENOENT"
            ? "The file does not exist. Check the path."
            : code === "EACCES" || code === "EPERM"
              ? "The file cannot be opened: permission denied."
              : "The file cannot be read. Check that it exists and is not open in another program.",
      },
    };
  }
  const r = checkDocument(bytes, options);
  if (!r.ok) return { name: input.name, ok: false, error: r.error };
  return {
    name: input.name,
    ok: true,
    check: r.value,
    bytes: options.keepBytes ? bytes : new Uint8Array(0),
  };
}
