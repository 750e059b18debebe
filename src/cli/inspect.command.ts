/**
 * `planassist inspect FILE.docx [--json]`: which plan a document holds, its sections and what is
 * filled; `--json` prints the plan data. Exit code: 0 a plan was found, 1 the document is no
 * known template, 2 the file could not be read.
 */
import { DocxDocument } from "../adapters/docx/docx-document.adapter";
import { formatInspection, inspectDocument } from "../app/inspect";
import { DEFAULT_DUE_WITHIN_DAYS } from "../domain/progress/step-status";
import type { PlanAssistError } from "../domain/result";
import type { CliIo } from "./io";
import { errorLine, readInput } from "./output";
import { isIsoDay, localToday } from "./options";

function inspectUsage(): string {
  return [
    "Usage: planassist inspect FILE.docx [--json] [--today YYYY-MM-DD] [--due-within DAYS]",
    "",
    "Shows which plan template the document is, each plan, and its sections with how many",
    "required fields are filled.",
    "",
    "Options:",
    "  --json               print the plan data (the format `planassist fill --data` takes), each",
    "                       dated step with its status on its row; an unreadable file prints",
    '                       {"file", "error": {"code", "message"}} instead',
    "  --today YYYY-MM-DD   the day step statuses are computed for (default: the current date)",
    `  --due-within DAYS    a step due within DAYS days is "due soon" (default ${DEFAULT_DUE_WITHIN_DAYS})`,
    "  --                   what follows is the file name, even if it starts with -",
    "",
    "Exit code: 0 a plan was found, 1 the document is no known template, 2 the file could not be read.",
    "",
  ].join("\n");
}

export async function runInspect(args: readonly string[], io: CliIo): Promise<number> {
  let json = false;
  let today = localToday();
  let dueWithinDays = DEFAULT_DUE_WITHIN_DAYS;
  let optionsEnded = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (optionsEnded) files.push(a);
    else if (a === "--") optionsEnded = true;
    else if (a === "--json") json = true;
    else if (a === "--today" || a === "--due-within") {
      const v = args[++i] ?? "";
      if (a === "--today") {
        if (!isIsoDay(v)) {
          io.err("planassist inspect: --today takes a date written as YYYY-MM-DD.\n");
          return 2;
        }
        today = v;
      } else {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 366) {
          io.err("planassist inspect: --due-within takes a whole number of days from 0 to 366.\n");
          return 2;
        }
        dueWithinDays = n;
      }
    } else if (a === "--help" || a === "-h") {
      io.out(inspectUsage());
      return 0;
    } else if (a.startsWith("-") && a !== "-") {
      io.err(`planassist inspect: unknown option "${a}".\n\n${inspectUsage()}`);
      return 2;
    } else files.push(a);
  }
  const file = files[0];
  if (file === undefined || files.length > 1) {
    io.err(`planassist inspect: give exactly one .docx file.\n\n${inspectUsage()}`);
    return 2;
  }
  /** An unreadable file: a line on standard error, and with --json the error as JSON too. */
  const failed = (error: PlanAssistError): number => {
    if (json) {
      io.out(
        `${JSON.stringify({ file, error: { code: error.code, message: error.message } }, null, 2)}\n`,
      );
    }
    io.err(errorLine("inspect", error, file));
    return 2;
  };
  const bytes = await readInput(io, file);
  if (!bytes.ok) return failed(inspectWording(bytes.error));
  const result = await inspectDocument(new DocxDocument(bytes.bytes), {
    steps: { today, dueWithinDays },
  });
  if (!result.ok) return failed(result.error);
  const inspection = result.value;
  for (const w of result.warnings) io.err(`${file}: warning ${w.code}: ${w.message}\n`);
  if (json) {
    io.out(`${JSON.stringify(inspection.data, null, 2)}\n`);
    if (!inspection.recognised) io.err(`${file}: ${inspection.message}\n`);
  } else {
    io.out(formatInspection(file, inspection));
  }
  return inspection.recognised ? 0 : 1;
}

/** The command's own short wording for the commonest reasons a file cannot be opened. */
function inspectWording(error: PlanAssistError): PlanAssistError {
  const errno = error.detail?.errno;
  const reason =
    errno === "ENOENT"
      ? "there is no such file"
      : errno === "EISDIR"
        ? "it is a folder, not a file"
        : errno === "EACCES"
          ? "permission to read it was denied"
          : undefined;
  return reason ? { ...error, message: `${reason}.` } : error;
}
