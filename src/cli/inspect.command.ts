import type { CliIo } from "./io";

/** `planassist inspect`: not available in this build yet. */
export async function runInspect(_args: readonly string[], io: CliIo): Promise<number> {
  io.err("planassist inspect: this command is not available in this build yet.\n");
  return 2;
}
