/**
 * `planassist inspect FILE.docx [--json]`: which plan a document holds, its sections and what is
 * filled; `--json` prints the plan data. Exit code: 0 a plan was found, 1 the document is no
 * known template, 2 the file could not be read.
 */
import { formatInspection, inspectDocx } from "../app/inspect";
import type { CliIo } from "./io";

export function inspectUsage(): string {
  return [
    "Usage: planassist inspect FILE.docx [--json]",
    "",
    "Shows which plan template the document is, each plan, and its sections with how many",
    "required fields are filled.",
    "",
    "Options:",
    "  --json   print the plan data (the format `planassist fill --data` takes)",
    "",
    "Exit code: 0 a plan was found, 1 the document is no known template, 2 the file could not be read.",
    "",
  ].join("\n");
}

export async function runInspect(args: readonly string[], io: CliIo): Promise<number> {
  let json = false;
  const files: string[] = [];
  for (const a of args) {
    if (a === "--json") json = true;
    else if (a === "--help" || a === "-h") {
      io.out(inspectUsage());
      return 0;
    } else if (a.startsWith("-")) {
      io.err(`planassist inspect: unknown option "${a}".\n\n${inspectUsage()}`);
      return 2;
    } else files.push(a);
  }
  const file = files[0];
  if (file === undefined || files.length > 1) {
    io.err(`planassist inspect: give exactly one .docx file.\n\n${inspectUsage()}`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const reason =
      code === "ENOENT"
        ? "there is no such file"
        : code === "EISDIR"
          ? "it is a folder, not a file"
          : code === "EACCES"
            ? "permission to read it was denied"
            : "it could not be read";
    io.err(`planassist inspect: file_unreadable: ${file}: ${reason}.\n`);
    return 2;
  }
  const result = inspectDocx(bytes);
  if (!result.ok) {
    io.err(`planassist inspect: ${result.error.code}: ${file}: ${result.error.message}\n`);
    return 2;
  }
  const inspection = result.value;
  if (json) {
    io.out(`${JSON.stringify(inspection.data, null, 2)}\n`);
    if (!inspection.recognised) io.err(`${file}: ${inspection.message}\n`);
  } else {
    io.out(formatInspection(file, inspection));
  }
  return inspection.recognised ? 0 : 1;
}
