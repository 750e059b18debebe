/**
 * `planassist check FILE.docx|FOLDER... [--format text|json|csv|html] [--out FILE] [--show-values]
 * [--annotate OUTDIR] [--today YYYY-MM-DD]`
 *
 * Argument parsing, one call into the app layer (checkBatch), then formatting. Files are only
 * read; annotated copies go to OUTDIR.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { isMainThread, parentPort, Worker, workerData } from "worker_threads";
import { annotateDocx } from "../adapters/docx/annotate";
import { DocxDocument } from "../adapters/docx/docx-document.adapter";
import { defaultDocxLimits } from "../adapters/docx/docx-file";
import { zlibCodec } from "../adapters/docx/zip-zlib";
import {
  checkBatch,
  keptForLinks,
  checkDocument,
  linkDistrictPlans,
  type BatchItem,
  type CheckOptions,
} from "../app/check";
import type { PlanAssistError } from "../domain/result";
import { readFailure, readRegularFile } from "./files";
import { readGroupBy } from "./group-by";
import type { CliIo } from "./io";
import { parseReportArgs } from "./options";
import { errorLine, identify, writeOutput } from "./output";
import { formatCsv } from "./report/csv";
import { formatHtml } from "./report/html";
import { formatJson } from "./report/json";
import { buildReport, exitCode, fileReport, type FileReport } from "./report/model";
import { formatText } from "./report/text";

const formats = { text: formatText, json: formatJson, csv: formatCsv, html: formatHtml } as const;
type Format = keyof typeof formats;

type CheckArgs = {
  readonly inputs: string[];
  readonly format: Format;
  readonly out?: string;
  readonly showValues: boolean;
  readonly annotate?: string;
  readonly today: string;
  readonly concurrency: number;
  /** --force: write over an existing report or annotated copy (never over an input). */
  readonly force: boolean;
  /** --jobs was given: use that many worker threads (in the bundled command). */
  readonly jobsGiven: boolean;
  /** A CSV of `file,district` rows that says which files belong to one district. */
  readonly groupBy?: string;
};

function checkUsage(): string {
  return [
    "Usage: planassist check FILE.docx|FOLDER... [options]",
    "",
    "Checks every .docx given or found in the folders (Word's ~$ lock files are skipped).",
    "",
    "Options:",
    "  --format text|json|csv|html   report format (default text)",
    "  --out FILE                    write the report to FILE instead of standard output",
    "  --show-values                 include what cells hold (left out by default: plans hold student data and staff names)",
    "  --annotate OUTDIR             write a copy of each file with findings, with a Word comment on each cell concerned",
    "  --today YYYY-MM-DD            the date used as today where a plan has none written (default: the current date)",
    "  --jobs N                      check N files at once, in worker threads (default: threads only for",
    "                                batches of 800 files or more, on a machine with two cores or more free)",
    "  --group-by FILE.csv           which files belong to one district (file,district rows); by default the",
    "                                district name each plan gives, and a CLNA joins the plans in its folder",
    "  --force                       write over an existing report or annotated copy (never over an input)",
    "  --                            what follows are file names, even if they start with -",
    "",
    "Outputs are written whole or not at all (a temporary file beside each, then renamed).",
    "Exit code: 0 no errors, 1 some file has an error finding, 2 some file could not be read.",
    "",
  ].join("\n");
}

/** Parses the arguments; a string is a usage error to show. */
export function parseCheckArgs(args: readonly string[]): CheckArgs | string {
  let annotate: string | undefined;
  let concurrency = 4;
  let jobsGiven = false;
  let groupBy: string | undefined;
  let force = false;
  const common = parseReportArgs(args, {
    formats: Object.keys(formats) as [Format, ...Format[]],
    noInputs: "Give at least one .docx file or folder to check.",
    endOfOptions: true,
    options: {
      "--annotate": (value) => {
        const v = value();
        if (!v) return "--annotate needs a folder for the annotated copies.";
        annotate = v;
        return undefined;
      },
      "--jobs": (value) => {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 1 || v > 64)
          return "--jobs takes a whole number from 1 to 64.";
        concurrency = v;
        jobsGiven = true;
        return undefined;
      },
      "--group-by": (value) => {
        const v = value();
        if (!v) return "--group-by needs a CSV file of file,district rows.";
        groupBy = v;
        return undefined;
      },
      "--force": () => {
        force = true;
        return undefined;
      },
    },
  });
  if (typeof common === "string") return common;
  const { inputs, format, out, showValues, today } = common;
  return {
    inputs,
    format,
    ...(out ? { out } : {}),
    showValues,
    ...(annotate ? { annotate } : {}),
    today,
    concurrency,
    jobsGiven,
    ...(groupBy ? { groupBy } : {}),
    force,
  };
}

const isLockFile = (name: string) => path.basename(name).startsWith("~$");
/** Word documents and templates, macro-enabled ones included (their macros are never run). */
const isDocx = (name: string) => /\.(?:docx|docm|dotx|dotm)$/i.test(name);

/** An input that cannot be checked at all, with why (no file, a folder that cannot be listed). */
type InputProblem = { readonly name: string; readonly error: PlanAssistError };

/**
 * The files to check: files given (not lock files), and .docx files found in folders, recursively,
 * sorted. `missing` names what does not exist; `problems` what exists but cannot be listed or
 * looked at (a folder without permission is not "missing").
 */
export async function collectFiles(
  inputs: readonly string[],
  list: (dir: string) => Promise<import("fs").Dirent[]> = (dir) =>
    fs.readdir(dir, { withFileTypes: true }),
): Promise<{ files: string[]; missing: string[]; problems: InputProblem[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const problems: InputProblem[] = [];
  const cannotList = (dir: string, e: unknown): InputProblem => {
    const code = (e as { code?: string }).code;
    return {
      name: dir,
      error: {
        code: "file_unreadable",
        message:
          code === "EACCES" || code === "EPERM"
            ? "The folder exists but cannot be listed: permission denied. Check its permissions."
            : `The folder exists but cannot be listed (${code ?? "error"}).`,
        ...(code ? { detail: { errno: code } } : {}),
      },
    };
  };
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await list(dir);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === "ENOENT") missing.push(dir);
      else problems.push(cannotList(dir, e));
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (isDocx(e.name) && !isLockFile(e.name) && !e.isSymbolicLink()) {
        // Pipes, devices and sockets named x.docx are listed too, so each gets its own error.
        files.push(p);
      }
    }
  };
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === "ENOENT" || code === "ENOTDIR") missing.push(input);
      else problems.push({ name: input, error: readFailure(e) });
      continue;
    }
    if (stat.isDirectory()) await walk(input);
    else if (!isLockFile(input)) files.push(input);
  }
  return { files: [...new Set(files)], missing, problems };
}

function progress(io: CliIo, total: number): ((done: number) => void) | undefined {
  if (!io.isTty || total < 8) return undefined;
  const width = 30;
  return (done) => {
    const filled = Math.round((done / total) * width);
    io.err(`\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} files checked`);
    if (done === total) io.err("\n");
  };
}

function copyName(file: string, used: Set<string>): string {
  const base = path.basename(file).replace(/\.docx$/i, "");
  let name = `${base}.annotated.docx`;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}.annotated-${n}.docx`;
  used.add(name.toLowerCase());
  return name;
}

// ---------------------------------------------------------------------------------------------
// Parallel checking in worker threads (only from the bundled command, where this file's code is
// one JavaScript file a worker can load; elsewhere files are checked in bounded async batches).

type WorkerJob = {
  readonly planassistCheckWorker: true;
  readonly files: readonly string[];
  readonly options: CheckOptions;
  /** Send each file's bytes back (for annotated copies). */
  readonly keepBytes: boolean;
};
type WorkerMessage = { readonly index: number; readonly item: BatchItem };

/**
 * Files a worker thread must have to pay for itself: each starts cold, and checking runs several
 * times slower until the engine has compiled it (about 300 documents), so a worker with fewer
 * mostly warms up; its results are also copied back to the main thread.
 */
export const FILES_PER_WORKER = 400;
/** At most this many worker threads, however many cores are free. */
const MAX_WORKERS = 8;

/** What `workerCount` looks at: the batch, the cores and how busy the machine is. */
type Machine = {
  /** `os.availableParallelism()`. */
  readonly cores: number;
  /** The one-minute load average (`os.loadavg()[0]`; 0 where the system does not give it). */
  readonly load: number;
};

/**
 * How many worker threads to check `files` files with (0: check in this thread). Workers only
 * where they pay: at least two cores free beyond what is already running, and enough files that
 * each worker checks `FILES_PER_WORKER` or more.
 */
export function workerCount(files: number, machine: Machine): number {
  // Cores free, to the nearest: an idle machine shows a load of a few tenths.
  const free = Math.round(machine.cores - machine.load);
  const threads = Math.min(free, Math.floor(files / FILES_PER_WORKER), MAX_WORKERS);
  return threads >= 2 ? threads : 0;
}

function thisMachine(): Machine {
  const cores =
    typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return { cores, load: os.loadavg()[0] ?? 0 };
}

function bundlePath(): string | undefined {
  return typeof __filename === "string" && __filename.endsWith(".cjs") ? __filename : undefined;
}

/** A file to check, read with Node's zlib to inflate (a worker opens its own files so). */
function openForCheck(bytes: Uint8Array): DocxDocument {
  return DocxDocument.forReading(bytes, { ...defaultDocxLimits, codec: zlibCodec });
}

if (!isMainThread && parentPort && (workerData as WorkerJob | undefined)?.planassistCheckWorker) {
  const job = workerData as WorkerJob;
  const port = parentPort;
  void (async () => {
    for (let index = 0; index < job.files.length; index++) {
      const name = job.files[index] as string;
      let item: BatchItem;
      let transfer: ArrayBuffer[] = [];
      try {
        const bytes = await readRegularFile(name);
        const r = await checkDocument(openForCheck(bytes), job.options);
        if (r.ok && job.keepBytes) {
          const own = bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
          transfer = [own.buffer as ArrayBuffer];
          item = { name, ok: true, check: keptForLinks(r.value), bytes: own };
        } else {
          item = r.ok
            ? { name, ok: true, check: keptForLinks(r.value), bytes: new Uint8Array(0) }
            : { name, ok: false, error: r.error };
        }
      } catch (e) {
        item = { name, ok: false, error: readFailure(e) };
      }
      port.postMessage({ index, item } satisfies WorkerMessage, transfer);
    }
  })();
}

/** Checks files in worker threads; undefined when workers cannot be used here. */
async function checkInWorkers(
  files: readonly string[],
  options: CheckOptions,
  keepBytes: boolean,
  jobs: number | undefined,
  onProgress?: (done: number) => void,
): Promise<BatchItem[] | undefined> {
  const bundle = bundlePath();
  // By default the batch and the machine decide (workerCount); --jobs N asks for N workers.
  const threads =
    jobs !== undefined ? Math.min(jobs, files.length) : workerCount(files.length, thisMachine());
  if (!bundle || threads < 2) return undefined;
  const results: BatchItem[] = new Array(files.length);
  let done = 0;
  const chunks: number[][] = Array.from({ length: threads }, () => []);
  files.forEach((_f, i) => chunks[i % threads]?.push(i));
  try {
    await Promise.all(
      chunks.map(
        (indexes) =>
          new Promise<void>((resolve, reject) => {
            const job: WorkerJob = {
              planassistCheckWorker: true,
              files: indexes.map((i) => files[i] as string),
              options,
              keepBytes,
            };
            const worker = new Worker(bundle, { workerData: job });
            let received = 0;
            worker.on("message", (m: WorkerMessage) => {
              results[indexes[m.index] as number] = m.item;
              received++;
              done++;
              onProgress?.(done);
              if (received === indexes.length) void worker.terminate().then(() => resolve());
            });
            worker.on("error", reject);
            worker.on("exit", (code) =>
              received === indexes.length ? resolve() : reject(new Error(`worker exit ${code}`)),
            );
          }),
      ),
    );
  } catch {
    return undefined;
  }
  return results;
}

export async function runCheck(args: readonly string[], io: CliIo): Promise<number> {
  const helpAt = args.findIndex((a) => a === "--help" || a === "-h" || a === "--");
  if (helpAt >= 0 && args[helpAt] !== "--") {
    io.out(checkUsage());
    return 0;
  }
  const parsed = parseCheckArgs(args);
  if (typeof parsed === "string") {
    io.err(`planassist check: ${parsed}\n\n${checkUsage()}`);
    return 2;
  }
  const { files, missing, problems } = await collectFiles(parsed.inputs);
  const onProgress = progress(io, files.length);
  const options: CheckOptions = { currentDate: parsed.today, showValues: parsed.showValues };
  const keepBytes = parsed.annotate !== undefined;
  const checked: BatchItem[] =
    (await checkInWorkers(
      files,
      options,
      keepBytes,
      parsed.jobsGiven ? parsed.concurrency : undefined,
      onProgress,
    )) ??
    (await checkBatch(
      files.map((f) => ({ name: f, read: () => io.readFile(f) })),
      {
        ...options,
        open: openForCheck,
        concurrency: parsed.concurrency,
        keepBytes,
        plansForLinksOnly: true,
        ...(onProgress ? { onProgress: (done: number) => onProgress(done) } : {}),
      },
    ));
  const groups = parsed.groupBy ? await readGroupBy(io, parsed.groupBy, files) : new Map();
  if (typeof groups === "string") {
    io.err(`planassist check: ${groups}\n`);
    return 2;
  }
  const items = linkDistrictPlans(checked, groups);
  const reports: FileReport[] = [];
  for (const m of missing) {
    reports.push(
      fileReport({
        name: m,
        ok: false,
        error: {
          code: "file_unreadable",
          message: "No file or folder with this name exists. Check the path.",
        },
      }),
    );
  }
  for (const p of problems) reports.push(fileReport({ name: p.name, ok: false, error: p.error }));
  // Every file read is an input no output may replace, whatever name or link reaches it.
  const inputs = await Promise.all(files.map((f) => identify(io, f)));
  const replace = parsed.force ? "allowed" : "never";
  const used = new Set<string>();
  if (parsed.annotate) {
    try {
      await fs.mkdir(parsed.annotate, { recursive: true });
    } catch {
      io.err(
        `planassist check: output_refused: the folder for annotated copies cannot be created: ${parsed.annotate}\n`,
      );
      return 2;
    }
  }
  for (const item of items) {
    let annotated: string | undefined;
    if (parsed.annotate && item.ok && item.check.findings.some((f) => f.location)) {
      const r = annotateDocx(item.bytes, item.check.findings, {
        date: `${parsed.today}T00:00:00Z`,
      });
      if (r.ok && r.value.comments > 0) {
        const target = path.join(parsed.annotate, copyName(item.name, used));
        const saved = await writeOutput(io, target, r.value.bytes, {
          inputs,
          replace,
          what: `The annotated copy of ${item.name}`,
        });
        if (saved.ok) annotated = target;
        else io.err(errorLine("check", saved.error));
      } else if (!r.ok) {
        io.err(`planassist check: no annotated copy of ${item.name}: ${r.error.message}\n`);
      }
    }
    reports.push(fileReport(item, annotated));
  }
  if (reports.length === 0) {
    io.err("planassist check: no .docx files were found in what was given.\n");
    return 2;
  }
  const report = buildReport(reports, parsed.today, parsed.showValues);
  const text = formats[parsed.format](report);
  if (parsed.out) {
    const saved = await writeOutput(io, parsed.out, text, { inputs, replace, what: "The report" });
    if (!saved.ok) {
      io.err(errorLine("check", saved.error));
      return 2;
    }
    io.err(`planassist check: wrote the report to ${parsed.out}\n`);
  } else io.out(text);
  return exitCode(report);
}
