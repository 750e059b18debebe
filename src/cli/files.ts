/**
 * The command line's file system rules, in one place:
 *
 * - Inputs are read only when they are ordinary files, and only up to a size limit that is
 *   checked before a byte is read: a named pipe, a device, a socket or a folder named `x.docx`
 *   is refused at once (a pipe opened for reading would otherwise wait forever for a writer).
 * - Every output is written atomically: to a temporary file in the same folder, flushed to disk,
 *   then renamed over the target. A kill, a full disk or a failing write at any moment leaves
 *   either the old file or the complete new one.
 * - An output is never one of the inputs (the same file by device and inode, so a symbolic or
 *   hard link to an input counts as the input), and never an existing file unless the person
 *   said so (`--force`, or `--in-place` for the input itself).
 */
import { randomBytes } from "crypto";
import { constants, promises as fs } from "fs";
import path from "path";
import { PlanAssistFailure, type PlanAssistError } from "../domain/result";

/** What a path names, following symbolic links. */
export type FileInfo = {
  readonly kind: "file" | "directory" | "fifo" | "device" | "socket" | "other";
  readonly size: number;
  /** Device and inode: the same file whatever name or link reaches it. */
  readonly id: string;
};

/** Largest input read, in bytes (a plan is a few hundred kilobytes; the zip budget is 256 MB). */
const maxInputBytes = 256 * 1024 * 1024;

function kindOf(s: import("fs").Stats): FileInfo["kind"] {
  if (s.isFile()) return "file";
  if (s.isDirectory()) return "directory";
  if (s.isFIFO()) return "fifo";
  if (s.isCharacterDevice() || s.isBlockDevice()) return "device";
  if (s.isSocket()) return "socket";
  return "other";
}

function infoOf(s: import("fs").Stats): FileInfo {
  return { kind: kindOf(s), size: s.size, id: `${s.dev}:${s.ino}` };
}

/** What `file` names (links followed), or undefined when nothing has that name. */
export async function statPath(file: string): Promise<FileInfo | undefined> {
  try {
    return infoOf(await fs.stat(file));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw e;
  }
}

const kindWords: Record<Exclude<FileInfo["kind"], "file">, string> = {
  directory: "a folder",
  fifo: "a named pipe (FIFO)",
  device: "a device",
  socket: "a socket",
  other: "not an ordinary file",
};

function notAFile(kind: Exclude<FileInfo["kind"], "file">): PlanAssistFailure {
  return new PlanAssistFailure(
    "file_unreadable",
    `It is ${kindWords[kind]}, not a file. PlanAssist reads only ordinary files; give the .docx file itself.`,
    { kind },
  );
}

function tooLarge(size: number, limit: number): PlanAssistFailure {
  const mb = (n: number) => Math.round(n / (1024 * 1024));
  return new PlanAssistFailure(
    "file_too_large",
    `The file is ${mb(size)} MB, larger than the ${mb(limit)} MB PlanAssist reads; no plan is that large. Check that it is the right file.`,
    { size, limit },
  );
}

/**
 * Reads an ordinary file whole. The file is opened without waiting (so a named pipe does not
 * block), its kind and size are checked on the open handle (so what is checked is what is read),
 * and no more than `limit` bytes are ever held.
 */
export async function readRegularFile(
  file: string,
  limit: number = maxInputBytes,
): Promise<Uint8Array> {
  let handle: import("fs").promises.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as { code?: string }).code;
    // Opening a socket fails with ENXIO; its kind is told from a stat.
    if (code === "ENXIO" || code === "EOPNOTSUPP") {
      const info = await statPath(file).catch(() => undefined);
      if (info && info.kind !== "file") throw notAFile(info.kind);
    }
    throw e;
  }
  try {
    const info = infoOf(await handle.stat());
    if (info.kind !== "file") throw notAFile(info.kind);
    if (info.size > limit) throw tooLarge(info.size, limit);
    // Read what the file holds now (it may have grown since the stat), never past the limit.
    const parts: Buffer[] = [];
    let chunk = Buffer.allocUnsafe(info.size + 1);
    let used = 0;
    let total = 0;
    for (;;) {
      if (used === chunk.length) {
        parts.push(chunk);
        chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, limit + 1 - total));
        used = 0;
      }
      const { bytesRead } = await handle.read(chunk, used, chunk.length - used, total);
      if (bytesRead === 0) break;
      used += bytesRead;
      total += bytesRead;
      if (total > limit) throw tooLarge(total, limit);
    }
    parts.push(chunk.subarray(0, used));
    const all = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, total);
    return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The file operations an atomic write uses (tests pass ones that fail). */
export type WriteOps = {
  readonly open: (file: string, flags: string, mode: number) => Promise<WriteHandle>;
  readonly rename: (from: string, to: string) => Promise<void>;
  readonly unlink: (file: string) => Promise<void>;
  /** The mode bits of an existing file, undefined when there is none. */
  readonly modeOf: (file: string) => Promise<number | undefined>;
  /** Flushes a folder's entries to disk (after a rename); failures are ignored. */
  readonly syncDir: (dir: string) => Promise<void>;
};

type WriteHandle = {
  write(data: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
};

export const nodeWriteOps: WriteOps = {
  open: async (file, flags, mode) => {
    const h = await fs.open(file, flags, mode);
    return {
      write: (data, offset, length) => h.write(data, offset, length),
      sync: () => h.sync(),
      close: () => h.close(),
    };
  },
  rename: (from, to) => fs.rename(from, to),
  unlink: (file) => fs.unlink(file),
  modeOf: async (file) => {
    try {
      return (await fs.stat(file)).mode & 0o7777;
    } catch {
      return undefined;
    }
  },
  syncDir: async (dir) => {
    try {
      const h = await fs.open(dir, constants.O_RDONLY);
      try {
        await h.sync();
      } finally {
        await h.close();
      }
    } catch {
      // Some file systems cannot flush a folder; the rename itself is still atomic.
    }
  },
};

/** Bytes written per call, so a failure part-way is a failure of one call, not of a huge one. */
const writeStep = 1024 * 1024;

/**
 * Writes `data` to `file` atomically: a temporary file beside it (same folder, so the rename
 * never crosses file systems), every byte written and flushed, then renamed over `file`. On any
 * failure the temporary file is removed and `file` is as it was.
 */
export async function writeFileAtomic(
  file: string,
  data: Uint8Array | string,
  ops: WriteOps = nodeWriteOps,
): Promise<void> {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const dir = path.dirname(file);
  const temp = path.join(
    dir,
    `.${path.basename(file).slice(0, 80)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
  const mode = (await ops.modeOf(file)) ?? 0o666;
  const handle = await ops.open(temp, "wx", mode);
  let renamed = false;
  try {
    try {
      let at = 0;
      while (at < bytes.length) {
        const { bytesWritten } = await handle.write(
          bytes,
          at,
          Math.min(writeStep, bytes.length - at),
        );
        if (bytesWritten <= 0) {
          throw Object.assign(new Error("no bytes were written"), { code: "EIO" });
        }
        at += bytesWritten;
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await ops.rename(temp, file);
    renamed = true;
    await ops.syncDir(dir);
  } finally {
    if (!renamed) await ops.unlink(temp).catch(() => undefined);
  }
}

/** A sentence for an error met writing `file`. */
export function writeFailure(e: unknown, file: string, what: string): PlanAssistError {
  if (e instanceof PlanAssistFailure) return e.failure;
  const code = (e as { code?: string }).code;
  const why =
    code === "ENOSPC" || code === "EDQUOT"
      ? "the disk is full"
      : code === "EACCES" || code === "EPERM"
        ? "permission to write there was denied"
        : code === "ENOENT" || code === "ENOTDIR"
          ? "its folder does not exist"
          : code === "EROFS"
            ? "the disk is read-only"
            : code === "EISDIR"
              ? "a folder has that name"
              : `the system said ${code ?? "it failed"}`;
  return {
    code: "write_failed",
    message: `${what} cannot be written to "${file}": ${why}. Nothing there was changed.`,
    ...(code ? { detail: { errno: code } } : {}),
  };
}

/** A sentence for an error met reading an input (a missing file, a folder, a pipe...). */
export function readFailure(e: unknown): PlanAssistError {
  if (e instanceof PlanAssistFailure) return e.failure;
  const code = (e as { code?: string }).code;
  const message =
    code === "ENOENT" || code === "ENOTDIR"
      ? "The file does not exist. Check the path."
      : code === "EACCES" || code === "EPERM"
        ? "Permission to read the file was denied."
        : code === "EISDIR"
          ? "It is a folder, not a file. Give the .docx file itself."
          : code === "ELOOP"
            ? "It is a symbolic link that leads round in a loop. Give the file itself."
            : code === "ENAMETOOLONG"
              ? "The file name is too long for the system."
              : "The file cannot be read. Check that it exists and is not open in another program.";
  return code
    ? { code: "file_unreadable", message, detail: { errno: code } }
    : {
        code: "file_unreadable",
        message,
      };
}

/**
 * Checks that `target` may be written: it is none of `inputs` (by device and inode), it is not
 * a folder, pipe or device, and it does not exist unless `replace` allows that. Returns the
 * path to write (a symbolic link's own target, so the link stays a link), or an error.
 */
export async function checkOutput(
  target: string,
  inputs: readonly { readonly name: string; readonly id?: string }[],
  replace: "never" | "allowed",
  stat: (file: string) => Promise<FileInfo | undefined> = statPath,
): Promise<{ ok: true; path: string } | { ok: false; error: PlanAssistError }> {
  let info: FileInfo | undefined;
  try {
    info = await stat(target);
  } catch (e) {
    return { ok: false, error: writeFailure(e, target, "The output") };
  }
  if (!info) {
    const resolved = path.resolve(target);
    const same = inputs.find((i) => path.resolve(i.name) === resolved);
    if (same) return { ok: false, error: sameAsInput(target, same.name) };
    return { ok: true, path: target };
  }
  const same = inputs.find((i) => i.id !== undefined && i.id === info.id);
  if (same) return { ok: false, error: sameAsInput(target, same.name) };
  if (info.kind !== "file") {
    return {
      ok: false,
      error: {
        code: "output_refused",
        message: `"${target}" is ${kindWords[info.kind]}, not a file, so PlanAssist will not write there. Give a file name.`,
      },
    };
  }
  if (replace === "never") {
    return {
      ok: false,
      error: {
        code: "output_exists",
        message: `"${target}" already exists and PlanAssist does not write over a file it did not make. Give another name, or add --force to replace it.`,
      },
    };
  }
  try {
    return { ok: true, path: await fs.realpath(target) };
  } catch {
    return { ok: true, path: target };
  }
}

function sameAsInput(target: string, input: string): PlanAssistError {
  return {
    code: "output_is_input",
    message:
      path.resolve(target) === path.resolve(input)
        ? `"${target}" is one of the files being read; PlanAssist will not write over it. Give another name for the output.`
        : `"${target}" is the same file as the input "${input}" (a link to it); PlanAssist will not write over it. Give another name for the output.`,
  };
}
