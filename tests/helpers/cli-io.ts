import { promises as fs } from "fs";
import type { CliIo } from "../../src/cli/io";

/** A command's io on the real file system, with what it prints kept for the test to read. */
export function fsIo(): { io: CliIo; out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    readFile: async (p) => new Uint8Array(await fs.readFile(p)),
    writeFile: (p, d) => fs.writeFile(p, d),
    isTty: false,
  };
  return { io, out: () => out.join(""), err: () => err.join("") };
}
