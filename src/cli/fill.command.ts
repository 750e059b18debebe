import type { CliIo } from "./io";

/** `planassist fill`: not available in this build yet. */
export async function runFill(_args: readonly string[], io: CliIo): Promise<number> {
  io.err("planassist fill: this command is not available in this build yet.\n");
  return 2;
}

/** `planassist revert`: not available in this build yet. */
export async function runRevert(_args: readonly string[], io: CliIo): Promise<number> {
  io.err("planassist revert: this command is not available in this build yet.\n");
  return 2;
}
