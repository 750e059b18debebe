import type { CliIo } from "./io";

/** `planassist check`: not available in this build yet. */
export async function runCheck(_args: readonly string[], io: CliIo): Promise<number> {
  io.err("planassist check: this command is not available in this build yet.\n");
  return 2;
}
