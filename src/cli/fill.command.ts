/**
 * `planassist fill FILE.docx --data PLAN.json --out OUT.docx [--overwrite] [--in-place] [--json]`
 * `planassist revert FILE.docx --out OUT.docx [--in-place] [--force]`
 *
 * Argument parsing, one call into the app layer, then a short account of what was written,
 * skipped or not written. The input file is never changed unless `--in-place` is given.
 */
import path from "path";
import { describeFill, fillDocxWithPlanData, parsePlanData, revertDocxFill } from "../app/fill";
import { describeEdit, editSubject } from "../domain/edits";
import type { CliIo } from "./io";

export function fillUsage(): string {
  return [
    "Usage: planassist fill FILE.docx --data PLAN.json --out OUT.docx [options]",
    "",
    "Writes plan data (the format `planassist inspect --json` prints: edit values, add row objects)",
    "into the document's own tables, keeping the template's formatting. Cells that already hold",
    "typed text are kept unless --overwrite is given; every skipped cell is listed.",
    "",
    "Options:",
    "  --data PLAN.json   the plan data to write",
    "  --out OUT.docx     where to write the filled document (must differ from FILE.docx)",
    "  --in-place         write the filled document over FILE.docx instead of --out",
    "  --overwrite        replace text that people typed in cells",
    "  --json             print the report as JSON",
    "",
    "Exit code: 0 written, 1 some values skipped or not written, 2 nothing written (bad input).",
    "",
  ].join("\n");
}

export function revertUsage(): string {
  return [
    "Usage: planassist revert FILE.docx --out OUT.docx [options]",
    "",
    "Undoes the last fill PlanAssist recorded in the document, restoring the earlier contents of",
    "every cell it wrote and removing the rows it added.",
    "",
    "Options:",
    "  --out OUT.docx     where to write the reverted document (must differ from FILE.docx)",
    "  --in-place         write over FILE.docx instead of --out",
    "  --force            revert even cells that were edited after the fill",
    "",
  ].join("\n");
}

type Parsed = {
  input?: string;
  data?: string;
  out?: string;
  inPlace: boolean;
  overwrite: boolean;
  json: boolean;
  force: boolean;
  help: boolean;
};

function parse(args: readonly string[], allowed: ReadonlySet<string>): Parsed | string {
  const p: Parsed = { inPlace: false, overwrite: false, json: false, force: false, help: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const value = () => {
      const v = args[i + 1];
      if (v === undefined || v.startsWith("--")) return undefined;
      i++;
      return v;
    };
    if (a === "--help" || a === "-h") p.help = true;
    else if (a.startsWith("--") && !allowed.has(a)) return `unknown option ${a}`;
    else if (a === "--data") {
      const v = value();
      if (v === undefined) return "--data needs a file name";
      p.data = v;
    } else if (a === "--out") {
      const v = value();
      if (v === undefined) return "--out needs a file name";
      p.out = v;
    } else if (a === "--in-place") p.inPlace = true;
    else if (a === "--overwrite") p.overwrite = true;
    else if (a === "--json") p.json = true;
    else if (a === "--force") p.force = true;
    else if (p.input === undefined) p.input = a;
    else return `only one document can be given (got "${p.input}" and "${a}")`;
  }
  return p;
}

/** Where to write: `--out`, or the input with `--in-place`; an error sentence otherwise. */
function target(p: Parsed): string | { error: string } {
  const input = p.input as string;
  if (p.inPlace && p.out !== undefined && path.resolve(p.out) !== path.resolve(input)) {
    return { error: "give either --out or --in-place, not both" };
  }
  if (p.inPlace) return input;
  if (p.out === undefined)
    return { error: "--out OUT.docx is required (or --in-place to write over the input)" };
  if (path.resolve(p.out) === path.resolve(input)) {
    return { error: "--out is the input file; give another name, or --in-place to write over it" };
  }
  return p.out;
}

async function readInput(io: CliIo, file: string, what: string): Promise<Uint8Array | string> {
  try {
    return await io.readFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    return code === "ENOENT"
      ? `the ${what} "${file}" does not exist`
      : `the ${what} "${file}" cannot be read (${code ?? "error"})`;
  }
}

/** `planassist fill`. */
export async function runFill(args: readonly string[], io: CliIo): Promise<number> {
  const p = parse(
    args,
    new Set(["--data", "--out", "--in-place", "--overwrite", "--json", "--help"]),
  );
  if (typeof p === "string") {
    io.err(`planassist fill: ${p}.\n\n${fillUsage()}`);
    return 2;
  }
  if (p.help) {
    io.out(fillUsage());
    return 0;
  }
  if (p.input === undefined || p.data === undefined) {
    io.err(`planassist fill: give the document and --data PLAN.json.\n\n${fillUsage()}`);
    return 2;
  }
  const out = target(p);
  if (typeof out !== "string") {
    io.err(`planassist fill: ${out.error}.\n`);
    return 2;
  }
  const bytes = await readInput(io, p.input, "document");
  if (typeof bytes === "string") {
    io.err(`planassist fill: ${bytes}.\n`);
    return 2;
  }
  const dataBytes = await readInput(io, p.data, "plan data file");
  if (typeof dataBytes === "string") {
    io.err(`planassist fill: ${dataBytes}.\n`);
    return 2;
  }
  const data = parsePlanData(new TextDecoder("utf-8").decode(dataBytes).replace(/^\uFEFF/, ""));
  if (!data.ok) {
    io.err(`planassist fill: ${data.error.message}\n`);
    return 2;
  }
  const result = fillDocxWithPlanData(bytes, data.value, p.overwrite ? { overwrite: "all" } : {});
  if (!result.ok) {
    io.err(`planassist fill: ${p.input}: ${result.error.message}\n`);
    return 2;
  }
  const { report } = result.value;
  try {
    await io.writeFile(out, report.bytes);
  } catch (e) {
    io.err(
      `planassist fill: the filled document could not be written to "${out}" (${(e as { code?: string }).code ?? "error"}).\n`,
    );
    return 2;
  }
  if (p.json) {
    const entry = (o: (typeof report.written)[number]) => ({
      subject: editSubject(o.edit),
      kind: o.edit.kind,
      where: describeEdit(o.edit),
      ...(o.message ? { message: o.message } : {}),
    });
    io.out(
      `${JSON.stringify(
        {
          file: out,
          written: report.written.map(entry),
          unchanged: report.unchanged.map(entry),
          skipped: report.skipped,
          failed: report.failed.map(entry),
          rowsAdded: result.value.planning.rowsAdded,
          rowsRemoved: result.value.planning.rowsRemoved,
          blocksAdded: result.value.planning.blocksAdded,
        },
        null,
        2,
      )}\n`,
    );
  } else {
    io.out(`${describeFill(result.value)}\nSaved ${out}.\n`);
  }
  return report.failed.length > 0 || report.skipped.length > 0 ? 1 : 0;
}

/** `planassist revert`. */
export async function runRevert(args: readonly string[], io: CliIo): Promise<number> {
  const p = parse(args, new Set(["--out", "--in-place", "--force", "--help"]));
  if (typeof p === "string") {
    io.err(`planassist revert: ${p}.\n\n${revertUsage()}`);
    return 2;
  }
  if (p.help) {
    io.out(revertUsage());
    return 0;
  }
  if (p.input === undefined) {
    io.err(`planassist revert: give the document to revert.\n\n${revertUsage()}`);
    return 2;
  }
  const out = target(p);
  if (typeof out !== "string") {
    io.err(`planassist revert: ${out.error}.\n`);
    return 2;
  }
  const bytes = await readInput(io, p.input, "document");
  if (typeof bytes === "string") {
    io.err(`planassist revert: ${bytes}.\n`);
    return 2;
  }
  const result = revertDocxFill(bytes, { force: p.force });
  if (!result.ok) {
    io.err(`planassist revert: ${p.input}: ${result.error.message}\n`);
    return 2;
  }
  try {
    await io.writeFile(out, result.value.bytes);
  } catch (e) {
    io.err(
      `planassist revert: the document could not be written to "${out}" (${(e as { code?: string }).code ?? "error"}).\n`,
    );
    return 2;
  }
  const { fill, remaining } = result.value;
  io.out(
    `Reverted the fill of ${fill.at} (${fill.label}). ${remaining === 0 ? "No earlier fill is recorded." : `${remaining} earlier fill(s) can still be reverted.`}\nSaved ${out}.\n`,
  );
  return 0;
}
