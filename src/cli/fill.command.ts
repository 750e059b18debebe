/**
 * `planassist fill FILE.docx --data PLAN.json --out OUT.docx [--overwrite] [--in-place] [--json]`
 * `planassist revert FILE.docx --out OUT.docx [--in-place] [--force]`
 *
 * Argument parsing, one call into the app layer, then a short account of what was written,
 * skipped or not written. The input file is never changed unless `--in-place` is given.
 */
import path from "path";
import { DocxDocument } from "../adapters/docx/docx-document.adapter";
import { describeFill, fillWithPlanData, parsePlanData, revertLastFill } from "../app/fill";
import { describeEdit, editSubject } from "../domain/edits";
import type { RevertResult } from "../ports/document.port";
import type { CliIo } from "./io";
import {
  errorLine,
  identify,
  readInput,
  writeInPlace,
  writeOutput,
  type InputFile,
} from "./output";

function fillUsage(): string {
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
    "  --force            write over OUT.docx when it already exists (never over an input)",
    "  --overwrite        replace text that people typed in cells",
    "  --json             print the report as JSON",
    "  --                 what follows is a file name, even if it starts with -",
    "",
    "Files are written whole or not at all: to a temporary file beside OUT.docx, then renamed.",
    "Exit code: 0 written, 1 some values skipped or not written, 2 nothing written (bad input).",
    "",
  ].join("\n");
}

function revertUsage(): string {
  return [
    "Usage: planassist revert FILE.docx --out OUT.docx [options]",
    "",
    "Undoes the last fill PlanAssist recorded in the document, restoring the earlier contents of",
    "every cell it wrote and removing the rows it added.",
    "",
    "Options:",
    "  --out OUT.docx     where to write the reverted document (must differ from FILE.docx)",
    "  --in-place         write over FILE.docx instead of --out",
    "  --replace          write over OUT.docx when it already exists (never over the input)",
    "  --force            revert even cells that were edited after the fill",
    "",
    "The record of the fill is checked before it is used: a damaged or altered record is refused.",
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
  replace: boolean;
  help: boolean;
};

function parse(args: readonly string[], allowed: ReadonlySet<string>): Parsed | string {
  const p: Parsed = {
    inPlace: false,
    overwrite: false,
    json: false,
    force: false,
    replace: false,
    help: false,
  };
  let optionsEnded = false;
  for (let i = 0; i < args.length; i++) {
    let a = args[i] as string;
    let inline: string | undefined;
    if (!optionsEnded && a.startsWith("--") && a.includes("=")) {
      inline = a.slice(a.indexOf("=") + 1);
      a = a.slice(0, a.indexOf("="));
    }
    const value = () => {
      if (inline !== undefined) return inline === "" ? undefined : inline;
      const v = args[i + 1];
      if (v === undefined || v.startsWith("--")) return undefined;
      i++;
      return v;
    };
    if (optionsEnded || a === "-" || !a.startsWith("-")) {
      if (p.input === undefined) p.input = a;
      else return `only one document can be given (got "${p.input}" and "${a}")`;
    } else if (a === "--") optionsEnded = true;
    else if (a === "--help" || a === "-h") p.help = true;
    else if (!allowed.has(a)) return `unknown option ${a}`;
    else if (a === "--data") {
      const v = value();
      if (v === undefined) return "--data needs a file name";
      p.data = v;
    } else if (a === "--out") {
      const v = value();
      if (v === undefined) return "--out needs a file name";
      p.out = v;
    } else if (inline !== undefined) return `${a} takes no value`;
    else if (a === "--in-place") p.inPlace = true;
    else if (a === "--overwrite") p.overwrite = true;
    else if (a === "--json") p.json = true;
    else if (a === "--force") p.force = true;
    else if (a === "--replace") p.replace = true;
  }
  return p;
}

/** Where to write: `--out`, or the input with `--in-place`; an error sentence otherwise. */
function target(p: Parsed): { out: string; inPlace: boolean } | { error: string } {
  const input = p.input as string;
  if (p.inPlace && p.out !== undefined && path.resolve(p.out) !== path.resolve(input)) {
    return { error: "give either --out or --in-place, not both" };
  }
  if (p.inPlace) return { out: input, inPlace: true };
  if (p.out === undefined)
    return { error: "--out OUT.docx is required (or --in-place to write over the input)" };
  if (path.resolve(p.out) === path.resolve(input)) {
    return { error: "--out is the input file; give another name, or --in-place to write over it" };
  }
  return { out: p.out, inPlace: false };
}

/** Writes the command's document: over the input with --in-place, else to a new --out. */
async function save(
  io: CliIo,
  where: { out: string; inPlace: boolean },
  bytes: Uint8Array,
  inputs: readonly InputFile[],
  replace: boolean,
  what: string,
) {
  return where.inPlace
    ? writeInPlace(io, where.out, bytes, what)
    : writeOutput(io, where.out, bytes, { inputs, replace: replace ? "allowed" : "never", what });
}

/** `planassist fill`. */
export async function runFill(args: readonly string[], io: CliIo): Promise<number> {
  const p = parse(
    args,
    new Set(["--data", "--out", "--in-place", "--overwrite", "--json", "--force", "--replace"]),
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
  const where = target(p);
  if ("error" in where) {
    io.err(`planassist fill: ${where.error}.\n`);
    return 2;
  }
  const input = await identify(io, p.input);
  const dataFile = await identify(io, p.data);
  const bytes = await readInput(io, p.input);
  if (!bytes.ok) {
    io.err(errorLine("fill", bytes.error, p.input));
    return 2;
  }
  const dataBytes = await readInput(io, p.data);
  if (!dataBytes.ok) {
    io.err(errorLine("fill", dataBytes.error, p.data));
    return 2;
  }
  const data = parsePlanData(
    new TextDecoder("utf-8").decode(dataBytes.bytes).replace(/^\uFEFF/, ""),
  );
  if (!data.ok) {
    io.err(errorLine("fill", data.error, p.data));
    return 2;
  }
  const document = new DocxDocument(bytes.bytes);
  const result = await fillWithPlanData(
    document,
    data.value,
    p.overwrite ? { overwrite: "all" } : {},
  );
  if (!result.ok) {
    io.err(errorLine("fill", result.error, p.input));
    return 2;
  }
  const { report } = result.value;
  const saved = await save(
    io,
    where,
    document.current(),
    [input, dataFile],
    p.force || p.replace,
    "The filled document",
  );
  if (!saved.ok) {
    io.err(errorLine("fill", saved.error));
    return 2;
  }
  const out = where.out;
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
  const p = parse(args, new Set(["--out", "--in-place", "--force", "--replace"]));
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
  const where = target(p);
  if ("error" in where) {
    io.err(`planassist revert: ${where.error}.\n`);
    return 2;
  }
  const input = await identify(io, p.input);
  const bytes = await readInput(io, p.input);
  if (!bytes.ok) {
    io.err(errorLine("revert", bytes.error, p.input));
    return 2;
  }
  const document = new DocxDocument(bytes.bytes);
  const result = await revertLastFill(document, { force: p.force });
  if (!result.ok) {
    io.err(errorLine("revert", result.error, p.input));
    return 2;
  }
  const saved = await save(
    io,
    where,
    document.current(),
    [input],
    p.replace,
    "The reverted document",
  );
  if (!saved.ok) {
    io.err(errorLine("revert", saved.error));
    return 2;
  }
  const { fill, remaining } = result.value;
  const kept = result.value.kept ?? [];
  io.out(
    `Reverted the fill of ${fill.at} (${fill.label}): ${describeRestored(result.value)}.${kept.length > 0 ? ` Left in place (they no longer hold what the fill wrote): ${kept.join("; ")}.` : ""} ${remaining === 0 ? "No earlier fill is recorded." : `${remaining} earlier fill(s) can still be reverted.`}\nSaved ${where.out}.\n`,
  );
  return 0;
}

/** "3 cells and 1 paragraph restored, 2 added rows removed". */
function describeRestored(result: RevertResult): string {
  const r = result.byKind ?? {
    cells: result.restored,
    paragraphs: 0,
    rowsRemoved: result.rowsRemoved,
    tablesRemoved: 0,
    rowsRestored: 0,
  };
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const parts: string[] = [];
  if (r.cells > 0) parts.push(`${n(r.cells, "cell", "cells")} restored`);
  if (r.paragraphs > 0) parts.push(`${n(r.paragraphs, "paragraph", "paragraphs")} restored`);
  if (r.rowsRemoved > 0) parts.push(`${n(r.rowsRemoved, "added row", "added rows")} removed`);
  if (r.tablesRemoved > 0)
    parts.push(`${n(r.tablesRemoved, "added table", "added tables")} removed`);
  if (r.rowsRestored > 0)
    parts.push(`${n(r.rowsRestored, "removed row", "removed rows")} put back`);
  return parts.length > 0 ? parts.join(", ") : "nothing needed restoring";
}
