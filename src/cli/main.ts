/**
 * The planassist command: argument parsing, one call into the app layer, then formatting.
 * Each command lives in its own file; this one only dispatches.
 */
import { runCheck } from "./check.command";
import { runFill, runRevert } from "./fill.command";
import { runInspect } from "./inspect.command";
import { runNextCycle } from "./next-cycle.command";
import { runStatus } from "./status.command";
import type { CliIo } from "./io";
import { nodeIo } from "./io";

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

const commands: Record<string, Command> = {
  inspect: runInspect,
  check: runCheck,
  fill: runFill,
  revert: runRevert,
  status: runStatus,
  "next-cycle": runNextCycle,
};

export async function main(argv: readonly string[], io: CliIo = nodeIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(usage());
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.err(`planassist: unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  let code: number;
  try {
    code = await command(rest, io);
  } catch (e) {
    // A fault in PlanAssist itself: a sentence, never a stack trace.
    io.err(
      `planassist ${name}: internal_error: PlanAssist met a problem it did not expect (${describe(e)}). No input was changed. Please report it, with the file if you can share it.\n`,
    );
    code = 2;
  }
  const failure = await io.finish?.();
  if (failure) {
    io.err(`planassist ${name}: ${failure.code}: ${failure.message}\n`);
    return 2;
  }
  return code;
}

function describe(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.replace(/\s+/g, " ").slice(0, 200);
}

export function usage(): string {
  return [
    "Usage: planassist <command> [options]",
    "",
    "Commands:",
    "  inspect FILE.docx [--json]            which plan a document holds, its sections and what is filled",
    "  check FILE.docx|FOLDER... [options]   check plans and report findings (--help for options)",
    "  fill FILE.docx --data PLAN.json --out OUT.docx",
    "                                        write plan data into the document's tables",
    "  revert FILE.docx --out OUT.docx       undo the last fill",
    "  status FILE.docx|FOLDER... [options]  where each plan's dated steps stand today (--help for options)",
    "  next-cycle FILE.docx --out NEW.docx [--shift 1y]",
    "                                        next year's plan from this one (--help for options)",
    "",
  ].join("\n");
}
