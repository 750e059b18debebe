/**
 * Reading inputs and writing outputs through a command's `CliIo`, with the rules of `files.ts`:
 * an output is never an input, never an existing file without consent, and always written whole.
 */
import type { PlanAssistError } from "../domain/result";
import { checkOutput, readFailure, writeFailure } from "./files";
import type { CliIo } from "./io";

/** An input as named on the command line, with its device and inode when the system has them. */
export type InputFile = { readonly name: string; readonly id?: string };

/** Names an input by its identity (device and inode), so links to it are recognised. */
export async function identify(io: CliIo, name: string): Promise<InputFile> {
  try {
    const info = await io.stat?.(name);
    return info ? { name, id: info.id } : { name };
  } catch {
    return { name };
  }
}

/** Reads an input, or says in a sentence why it cannot be read. */
export async function readInput(
  io: CliIo,
  name: string,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; error: PlanAssistError }> {
  try {
    return { ok: true, bytes: await io.readFile(name) };
  } catch (e) {
    return { ok: false, error: readFailure(e) };
  }
}

/**
 * Writes one output atomically after checking it may be written (see `checkOutput`).
 * `replace: "allowed"` is what `--force` (or `--in-place` for the input itself) gives.
 */
export async function writeOutput(
  io: CliIo,
  target: string,
  data: Uint8Array | string,
  options: {
    readonly inputs: readonly InputFile[];
    readonly replace: "never" | "allowed";
    /** What is written, for the sentence ("The report"). */
    readonly what: string;
  },
): Promise<{ ok: true; path: string } | { ok: false; error: PlanAssistError }> {
  const checked = await checkOutput(
    target,
    options.inputs,
    options.replace,
    io.stat ? (p) => (io.stat as NonNullable<CliIo["stat"]>)(p) : async () => undefined,
  );
  if (!checked.ok) return checked;
  try {
    await io.writeFile(checked.path, data);
    return { ok: true, path: target };
  } catch (e) {
    return { ok: false, error: writeFailure(e, target, options.what) };
  }
}

/** Writes over an input itself (`--in-place`), atomically. */
export async function writeInPlace(
  io: CliIo,
  input: string,
  data: Uint8Array,
  what: string,
): Promise<{ ok: true; path: string } | { ok: false; error: PlanAssistError }> {
  return writeOutput(io, input, data, { inputs: [], replace: "allowed", what });
}

/** One line for an error about a file: `code: file: sentence`. */
export function errorLine(command: string, error: PlanAssistError, file?: string): string {
  return `planassist ${command}: ${error.code}: ${file !== undefined ? `${file}: ` : ""}${error.message}\n`;
}
