/**
 * Checking plans: read the document through the port, recognise, read the plan data, run every
 * rule, measure completeness. No file system: the command line hands each file's bytes to the
 * adapter it chose. A batch function checks many files with bounded parallelism.
 */
import { documentCompleteness, type PlanCompleteness } from "../domain/completeness";
import { documentContext, type DocumentContext } from "../domain/document-context";
import { sortFindings, withoutValues, type Finding } from "../domain/findings";
import type { DocumentPlanData } from "../domain/plan-data";
import type { RecognitionReport } from "../domain/recognition";
import { readDocument } from "../domain/plan-reader";
import {
  districtKey,
  districtLinkFindings,
  districtName,
  planForLinks,
} from "../domain/progress/district-links";
import {
  err,
  ok,
  PlanAssistFailure,
  type Notice,
  type PlanAssistError,
  type Result,
} from "../domain/result";
import { checkPlans } from "../domain/rules";
import { documentFindings, placeToDos } from "../domain/rules/document.rules";
import type { DocumentSnapshot } from "../domain/snapshot";
import type { DocumentPort } from "../ports/document.port";
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

/**
 * Recognises a snapshot and reads its plan data; `ctx`, when given, is the document's context the
 * check then goes on with (what reading worked out, the rules need not work out again).
 */
type PlanReader = (
  snapshot: DocumentSnapshot,
  ctx?: DocumentContext,
) => {
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
};

export type DocumentCheck = {
  readonly recognition: RecognitionSummary;
  readonly plans: DocumentPlanData;
  readonly findings: readonly Finding[];
  readonly completeness: readonly PlanCompleteness[];
};

/** The plan reader over the known templates. */
export const defaultPlanReader: PlanReader = (snapshot, ctx) => {
  const reading = readDocument(snapshot, templates, ctx);
  return { recognition: summarise(reading.recognition), data: reading.data };
};

export function summarise(report: RecognitionReport): RecognitionSummary {
  const r = report.recognised;
  return r
    ? { template: r.template, name: r.name, confidence: r.confidence, message: report.message }
    : { confidence: report.candidates[0]?.confidence ?? 0, message: report.message };
}

/** Checks the plans in the document behind the port. */
export async function checkDocument(
  document: DocumentPort,
  options: CheckOptions,
): Promise<Result<DocumentCheck>> {
  const read = await document.read();
  return read.ok ? checkReading(read.value, read.warnings, options) : read;
}

/**
 * Checks a document read, with what the reader warned about the file itself (a macro-enabled
 * package, Strict Open XML): each warning is a warning finding too, so every report shows it.
 */
export function checkReading(
  snapshot: DocumentSnapshot,
  warnings: readonly Notice[],
  options: CheckOptions,
): Result<DocumentCheck> {
  const check = checkSnapshot(snapshot, options);
  if (warnings.length === 0) return ok(check, warnings);
  const template = check.recognition.template ?? "unknown";
  const notices: Finding[] = warnings.map((w) => ({
    code: w.code,
    severity: "warning",
    message: w.message,
    rule: "package",
    template,
    plan: 0,
  }));
  return ok({ ...check, findings: [...notices, ...check.findings] }, warnings);
}

/** Checks the plans of a document already read. */
export function checkSnapshot(snapshot: DocumentSnapshot, options: CheckOptions): DocumentCheck {
  const reader = options.reader ?? defaultPlanReader;
  // One context for reading and checking: dates, people and placeholders read once.
  const context = documentContext();
  const { recognition, data } = reader(snapshot, context);
  let findings = placeToDos(
    [
      ...checkPlans(data, { currentDate: options.currentDate, context }),
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

type BatchOptions = CheckOptions & {
  /** The port for a file's bytes (the command line's .docx adapter), one per file. */
  readonly open: (bytes: Uint8Array) => DocumentPort;
  /** Files read and checked at once (default 4). */
  readonly concurrency?: number;
  /** Called after each file, with how many are done. */
  readonly onProgress?: (done: number, total: number, name: string) => void;
  /** Keep each file's bytes in the result (for annotated copies). */
  readonly keepBytes?: boolean;
  /**
   * Keep of each file's plan data only what linking a district's plans reads (`keptForLinks`):
   * a large batch then holds its findings, not every plan of every file.
   */
  readonly plansForLinksOnly?: boolean;
};

/**
 * A check with its plan data cut to what `linkDistrictPlans` reads (see `planForLinks`): findings,
 * completeness and recognition as they were.
 */
export function keptForLinks(check: DocumentCheck): DocumentCheck {
  return { ...check, plans: { ...check.plans, plans: check.plans.plans.map(planForLinks) } };
}

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
      // No timer between files: awaiting the next file's read already lets other reads progress
      // (a timer of 0 waits a millisecond or more, every file).
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
  const r = await checkDocument(options.open(bytes), options);
  if (!r.ok) return { name: input.name, ok: false, error: r.error };
  return {
    name: input.name,
    ok: true,
    check: options.plansForLinksOnly ? keptForLinks(r.value) : r.value,
    bytes: options.keepBytes ? bytes : new Uint8Array(0),
  };
}

// ---------------------------------------------------------------------------------------------
// Plans of one district, across files.

/** District names a consultant gives by file (`--group-by FILE.csv`), by the file's name in the batch. */
type DistrictGroups = ReadonlyMap<string, string>;

/**
 * Reads a `--group-by` CSV: one row per file, `file,district` (a header row naming "file" is
 * skipped). Each file name is turned by `resolve` into the name the batch gives that file.
 */
export function parseDistrictGroups(
  text: string,
  resolve: (file: string) => string,
): Result<Map<string, string>> {
  const groups = new Map<string, string>();
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === "") continue;
    const cells = splitCsvLine(line);
    if (i === 0 && /^file$/i.test(cells[0] ?? "")) continue;
    const [file, district] = cells;
    if (!file || !district) {
      return err(
        "plan_data_invalid",
        `Line ${i + 1} of the --group-by file does not give a file and a district. Write one "file,district" per line.`,
      );
    }
    groups.set(resolve(file), district);
  }
  return ok(groups);
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

/** The folder part of a batch name (either slash). */
function folderOf(name: string): string {
  const i = Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\"));
  return i < 0 ? "." : name.slice(0, i);
}

function baseName(name: string): string {
  return name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
}

/**
 * Which district each file belongs to: the name `groups` gives it, else the district name its
 * plan gives; a file whose plan names none (the CLNA) joins the district of the other files in its
 * folder when they all name the same one, else the folder is its group.
 */
export function districtOf(
  items: readonly BatchItem[],
  groups: DistrictGroups = new Map(),
): Map<string, string> {
  const named = new Map<string, string>();
  for (const item of items) {
    if (!item.ok) continue;
    const given = groups.get(item.name);
    if (given !== undefined) {
      named.set(item.name, `district:${districtKey(given)}`);
      continue;
    }
    const name = item.check.plans.plans.map(districtName).find((n) => n !== undefined);
    if (name !== undefined && districtKey(name) !== "")
      named.set(item.name, `district:${districtKey(name)}`);
  }
  const byFolder = new Map<string, Set<string>>();
  for (const [name, key] of named) {
    const set = byFolder.get(folderOf(name)) ?? new Set<string>();
    set.add(key);
    byFolder.set(folderOf(name), set);
  }
  const out = new Map(named);
  for (const item of items) {
    if (!item.ok || out.has(item.name)) continue;
    const keys = byFolder.get(folderOf(item.name));
    out.set(
      item.name,
      keys && keys.size === 1 ? ([...keys][0] as string) : `folder:${folderOf(item.name)}`,
    );
  }
  return out;
}

/**
 * Adds to each Perkins plan the findings that link it with its district's CLNA: components the
 * CLNA rates weak that no Perkins action of the district addresses.
 */
export function linkDistrictPlans(
  items: readonly BatchItem[],
  groups: DistrictGroups = new Map(),
): BatchItem[] {
  const district = districtOf(items, groups);
  const members = new Map<string, BatchItem[]>();
  for (const item of items) {
    const key = district.get(item.name);
    if (!item.ok || key === undefined) continue;
    const list = members.get(key);
    if (list) list.push(item);
    else members.set(key, [item]);
  }
  const added = new Map<string, Finding[]>();
  for (const list of members.values()) {
    const ok = list.filter((i): i is Extract<BatchItem, { ok: true }> => i.ok);
    const clnas = ok.flatMap((i) =>
      i.check.plans.plans
        .filter((p) => p.template === "clna")
        .map((plan) => ({ name: baseName(i.name), plan })),
    );
    const perkins = ok
      .map((i) => ({
        name: i.name,
        plans: i.check.plans.plans.filter((p) => p.template === "perkins-action-plan"),
      }))
      .filter((f) => f.plans.length > 0);
    for (const [name, findings] of districtLinkFindings(clnas, perkins)) added.set(name, findings);
  }
  if (added.size === 0) return [...items];
  return items.map((item) => {
    const more = added.get(item.name);
    if (!item.ok || !more) return item;
    return {
      ...item,
      check: { ...item.check, findings: sortFindings([...item.check.findings, ...more]) },
    };
  });
}
