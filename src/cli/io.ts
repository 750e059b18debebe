/** What a command may touch: output streams and files. Tests pass their own. */
import { promises as fs } from "fs";

export type CliIo = {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  /** Whether standard error is a terminal (for progress bars). */
  readonly isTty: boolean;
};

export function nodeIo(): CliIo {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    readFile: async (p) => new Uint8Array(await fs.readFile(p)),
    writeFile: (p, d) => fs.writeFile(p, d),
    isTty: Boolean(process.stderr.isTTY),
  };
}
