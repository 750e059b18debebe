/** What a command may touch: output streams and files. Tests pass their own. */
import type { PlanAssistError } from "../domain/result";
import { readRegularFile, statPath, writeFileAtomic, type FileInfo } from "./files";

export type CliIo = {
  out(text: string): void;
  err(text: string): void;
  /** Reads an ordinary file whole (refusing pipes, devices, folders and files past the limit). */
  readFile(path: string): Promise<Uint8Array>;
  /** Writes a file atomically (a complete new file or the old one, never a part). */
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  /**
   * What a path names, links followed (undefined when nothing has the name). Without it, an
   * output is compared with the inputs by name only.
   */
  stat?(path: string): Promise<FileInfo | undefined>;
  /** Waits until standard output has taken everything; says why it could not. */
  finish?(): Promise<PlanAssistError | undefined>;
  /** Whether standard error is a terminal (for progress bars). */
  readonly isTty: boolean;
};

/** The error a closed or full standard output gives, as a sentence. */
function stdoutFailure(e: unknown): PlanAssistError {
  const code = (e as { code?: string }).code;
  return {
    code: "output_closed",
    message:
      code === "EPIPE"
        ? "Standard output was closed before everything was written (the program reading it stopped early); the output is incomplete."
        : code === "ENOSPC"
          ? "Standard output could not be written: the disk is full. The output is incomplete; use --out FILE on a disk with room."
          : `Standard output could not be written (${code ?? "error"}); the output is incomplete.`,
    ...(code ? { detail: { errno: code } } : {}),
  };
}

export function nodeIo(): CliIo {
  let failure: PlanAssistError | undefined;
  let last: Promise<void> = Promise.resolve();
  const onError = (e: unknown) => {
    failure ??= stdoutFailure(e);
  };
  process.stdout.on("error", onError);
  // A closed standard error has nowhere left to report to; it must not crash the command.
  process.stderr.on("error", () => undefined);
  return {
    out: (t) => {
      if (failure) return;
      last = new Promise<void>((resolve) => {
        try {
          process.stdout.write(t, (e) => {
            if (e) onError(e);
            resolve();
          });
        } catch (e) {
          onError(e);
          resolve();
        }
      });
    },
    err: (t) => void process.stderr.write(t),
    readFile: (p) => readRegularFile(p),
    writeFile: (p, d) => writeFileAtomic(p, d),
    stat: (p) => statPath(p),
    finish: async () => {
      await last;
      return failure;
    },
    isTty: Boolean(process.stderr.isTTY),
  };
}
