/**
 * `planassist status FILE|FOLDER... [--format text|json|csv|html] [--out FILE] [--today D]
 * [--due-within DAYS] [--show-values]`: every plan's dated steps with their status, per plan the
 * counts and the next deadline. Files are only read.
 */
import { DocxDocument } from "../adapters/docx/docx-document.adapter";
import { progressBatch } from "../app/progress";
import { DEFAULT_DUE_WITHIN_DAYS } from "../domain/progress/step-status";
import { collectFiles } from "./check.command";
import type { CliIo } from "./io";
import { parseReportArgs } from "./options";
import {
  buildStatusReport,
  formatStatusCsv,
  formatStatusJson,
  formatStatusText,
  statusExitCode,
  statusFile,
  type StatusFile,
} from "./report/status";
import { formatStatusHtml } from "./report/status-html";

const formats = {
  text: formatStatusText,
  json: formatStatusJson,
  csv: formatStatusCsv,
  html: formatStatusHtml,
} as const;
type Format = keyof typeof formats;

type StatusArgs = {
  readonly inputs: string[];
  readonly format: Format;
  readonly out?: string;
  readonly showValues: boolean;
  readonly today: string;
  readonly dueWithinDays: number;
};

function statusUsage(): string {
  return [
    "Usage: planassist status FILE.docx|FOLDER... [options]",
    "",
    "Lists every plan's dated steps (action steps, actions, next steps, activities) with where each",
    "stands: done, due soon, overdue, not started or no date; per plan the counts and the next",
    "deadline. A step is done when the template's completion column or a Status column the",
    'district added says so ("Completed", "done 10/3", a date, a check mark).',
    "",
    "Options:",
    "  --format text|json|csv|html   report format (default text); csv has one row per step",
    "  --out FILE                    write the report to FILE instead of standard output",
    "  --today YYYY-MM-DD            the day to compare deadlines with (default: the current date)",
    `  --due-within DAYS             a step due within DAYS days is "due soon" (default ${DEFAULT_DUE_WITHIN_DAYS})`,
    "  --show-values                 include what cells hold: steps, owner names, status cells",
    "",
    "Exit code: 0 nothing overdue, 1 some step is overdue or some file is no known plan, 2 some file could not be read.",
    "",
  ].join("\n");
}

/** Reads `--name value` and `--name=value` options; a string is a usage error to show. */
export function parseStatusArgs(args: readonly string[]): StatusArgs | string {
  let dueWithinDays = DEFAULT_DUE_WITHIN_DAYS;
  const common = parseReportArgs(args, {
    formats: Object.keys(formats) as [Format, ...Format[]],
    noInputs: "Give at least one .docx file or folder.",
    options: {
      "--due-within": (value) => {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 0 || v > 366)
          return "--due-within takes a whole number of days from 0 to 366.";
        dueWithinDays = v;
        return undefined;
      },
    },
  });
  if (typeof common === "string") return common;
  const { inputs, format, out, showValues, today } = common;
  return { inputs, format, ...(out ? { out } : {}), showValues, today, dueWithinDays };
}

export async function runStatus(args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.out(statusUsage());
    return 0;
  }
  const parsed = parseStatusArgs(args);
  if (typeof parsed === "string") {
    io.err(`planassist status: ${parsed}\n\n${statusUsage()}`);
    return 2;
  }
  const { files, missing } = await collectFiles(parsed.inputs);
  const items = await progressBatch(
    files.map((f) => ({ name: f, read: () => io.readFile(f) })),
    {
      today: parsed.today,
      dueWithinDays: parsed.dueWithinDays,
      open: (bytes) => new DocxDocument(bytes),
    },
  );
  const reports: StatusFile[] = missing.map((m) => ({
    path: m,
    readable: false,
    error: {
      code: "file_unreadable",
      message: "No file or folder with this name exists. Check the path.",
    },
    warnings: [],
    plans: [],
  }));
  for (const item of items) reports.push(statusFile(item, parsed.showValues));
  if (reports.length === 0) {
    io.err("planassist status: no .docx files were found in what was given.\n");
    return 2;
  }
  const report = buildStatusReport(reports, parsed);
  const text = formats[parsed.format](report);
  if (parsed.out) {
    try {
      await io.writeFile(parsed.out, text);
    } catch {
      io.err(
        `planassist status: the report cannot be written to ${parsed.out}. Check the folder exists and can be written to.\n`,
      );
      return 2;
    }
    io.err(`planassist status: wrote the report to ${parsed.out}\n`);
  } else io.out(text);
  return statusExitCode(report);
}
