/**
 * `planassist next-cycle FILE.docx --out NEW.docx [--shift 1y] [--blank-deadlines] [--keep-done]
 * [--today YYYY-MM-DD]`: next year's plan from this one, in the same template. The input is never
 * changed; the new file is written through a temporary file in the same folder, then renamed.
 */
import { promises as fs } from "fs";
import path from "path";
import { DocxDocument } from "../adapters/docx/docx-document.adapter";
import { nextCycle, shiftText } from "../app/next-cycle";
import { ONE_YEAR, parseShift, type Shift } from "../domain/progress/next-cycle";
import { writeFileAtomic } from "./files";
import type { CliIo } from "./io";
import { isIsoDay, localToday } from "./options";

function nextCycleUsage(): string {
  return [
    "Usage: planassist next-cycle FILE.docx --out NEW.docx [options]",
    "",
    "Makes next year's plan from this one, in the same template: steps not done are carried over",
    'with their deadlines moved on, steps done are dropped (or kept as "Done last cycle"), the',
    "plan's dates (Today's Date, Plan Start, Date Submitted ...) move on, and the Perkins Year 2",
    "milestone becomes Year 1. Everything else is kept. It is a fill: `planassist revert NEW.docx`",
    "gives back this cycle's plan.",
    "",
    "Options:",
    "  --out NEW.docx       where to write the new plan (a new file; never FILE.docx)",
    "  --shift N(y|m|w|d)   how far dates move on: years, months, weeks or days (default 1y)",
    "  --blank-deadlines    leave the carried steps' deadlines blank instead of moving them on",
    '  --keep-done          keep steps done, marked "Done last cycle" (default: drop them)',
    "  --today YYYY-MM-DD   the day steps are judged done or not (default: the current date)",
    "",
    "Exit code: 0 written, 2 nothing written (bad input, or --out is the input or exists).",
    "",
  ].join("\n");
}

async function samePath(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [x, y] = await Promise.all([fs.realpath(a), fs.realpath(b)]);
    return x === y;
  } catch {
    return false;
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}

export async function runNextCycle(args: readonly string[], io: CliIo): Promise<number> {
  let input: string | undefined;
  let out: string | undefined;
  let shift: Shift = ONE_YEAR;
  let blankDeadlines = false;
  let keepDone = false;
  let today = localToday();
  const usage = (message: string) => {
    io.err(`planassist next-cycle: ${message}\n\n${nextCycleUsage()}`);
    return 2;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const value = () => args[++i];
    if (a === "--help" || a === "-h") {
      io.out(nextCycleUsage());
      return 0;
    } else if (a === "--out") {
      out = value();
      if (!out) return usage("--out needs a file name.");
    } else if (a === "--shift") {
      const s = parseShift(value() ?? "");
      if (!s) return usage("--shift takes a number and a unit: 1y, 6m, 2w or 30d.");
      shift = s;
    } else if (a === "--today") {
      const v = value() ?? "";
      if (!isIsoDay(v)) return usage("--today takes a date written as YYYY-MM-DD.");
      today = v;
    } else if (a === "--blank-deadlines") blankDeadlines = true;
    else if (a === "--keep-done") keepDone = true;
    else if (a.startsWith("-")) return usage(`unknown option ${a}.`);
    else if (input === undefined) input = a;
    else return usage("give exactly one .docx file.");
  }
  if (input === undefined) return usage("give the plan to start from.");
  if (out === undefined) return usage("give --out NEW.docx: the input is never changed.");
  if (await samePath(input, out)) {
    io.err(
      `planassist next-cycle: output_is_input: --out names the input file ${input}. The plan you start from is never changed: choose a new file name.\n`,
    );
    return 2;
  }
  if (await exists(out)) {
    io.err(
      `planassist next-cycle: output_is_input: ${out} already exists and is not replaced. Choose a new file name, or move that file away first.\n`,
    );
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(input);
  } catch {
    io.err(`planassist next-cycle: file_unreadable: ${input}: the file cannot be read.\n`);
    return 2;
  }
  // The new plan is written into a copy held in memory; the file read is never changed.
  const document = new DocxDocument(bytes);
  const r = await nextCycle(document, {
    shift,
    blankDeadlines,
    done: keepDone ? "keep" : "drop",
    today,
  });
  if (!r.ok) {
    io.err(`planassist next-cycle: ${r.error.code}: ${input}: ${r.error.message}\n`);
    return 2;
  }
  try {
    await writeFileAtomic(out, document.current());
  } catch {
    io.err(
      `planassist next-cycle: the new plan cannot be written to ${out}. Check the folder exists and can be written to.\n`,
    );
    return 2;
  }
  const v = r.value;
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
  io.out(
    [
      `Wrote the next cycle's plan to ${out}.`,
      `${count(v.carried, "step")} carried over${blankDeadlines ? " with blank deadlines" : ` with deadlines moved on by ${shiftText(shift)}`}; ${count(v.dropped, "step")} done dropped; ${count(v.kept, "step")} done kept as "Done last cycle".`,
      `To undo: planassist revert ${out} --out OTHER.docx`,
      "",
    ].join("\n"),
  );
  return 0;
}
