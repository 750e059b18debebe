/**
 * A guarded zip reader and a copying zip writer for .docx packages.
 *
 * Reading trusts nothing in the file: the central directory is checked against the local headers
 * (same names, no overlapping entries, nothing past the directory), entry names are checked for
 * paths that escape the package, zip64 and split archives are refused, sizes and ratios are
 * checked from the headers before anything is inflated, every entry is inflated within its
 * declared size (small ones in one call into a fixed buffer, larger ones in 16 KB steps that stop
 * at the size, ratio, total and time limits), and its CRC is verified. Entries written with a data
 * descriptor (flag bit 3) are read with the sizes of the central directory. Inflating and the CRC
 * go through a `ZipCodec`: fflate's by default (Node and the browser alike), Node's own zlib where
 * the caller runs in Node and asks for it (`zip-zlib.ts`); both are held to the same limits.
 * Writing copies every
 * entry it was not asked to change byte for byte (compressed data included), so the parts
 * PlanAssist did not touch are identical to the original's.
 */
import { Inflate, deflateSync, inflateSync } from "fflate";
import { PlanAssistFailure } from "../../domain/result";

export type ZipLimits = {
  /** Most entries a package may have. */
  readonly maxEntries: number;
  /** Largest uncompressed size of one entry, in bytes. */
  readonly maxEntryBytes: number;
  /** Largest uncompressed size of all entries read, in bytes. */
  readonly maxTotalBytes: number;
  /** Highest compression ratio accepted for an entry larger than `ratioFloorBytes`. */
  readonly maxRatio: number;
  readonly ratioFloorBytes: number;
  /** What inflates entries and computes their CRC (fflate's when not given). */
  readonly codec?: ZipCodec;
};

/**
 * What inflates an entry's data and computes CRCs, so that the same guarded reading runs on
 * fflate (in the browser) and on Node's zlib (in the command line).
 */
export type ZipCodec = {
  readonly name: string;
  /**
   * Inflates one entry's raw deflate data, which declares `e.uncompressedSize` bytes, counting
   * what it unpacks in `budget` and stopping at the limits (size, ratio, total, time). Returns
   * the bytes (fewer than declared when the data ends early: the caller reports it). Throws a
   * PlanAssistFailure: `zip_size_mismatch` for more than declared, `zip_corrupt` for damaged
   * data, `zip_truncated` for data cut short.
   */
  inflate(
    data: Uint8Array,
    name: string,
    e: ZipEntry,
    limits: ZipLimits,
    budget: InflateBudget,
  ): Uint8Array;
  crc32(data: Uint8Array): number;
};

export const defaultZipLimits: ZipLimits = {
  maxEntries: 5_000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

export type ZipEntry = {
  readonly name: string;
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Offset of the local file header. */
  readonly localHeaderOffset: number;
  /** Offset of the compressed data. */
  readonly dataOffset: number;
  /** General-purpose flags: bit 0 encrypted, bit 3 data descriptor, bit 11 UTF-8 name. */
  readonly flags: number;
  readonly modTime: number;
  readonly modDate: number;
};

export type ZipArchive = {
  readonly bytes: Uint8Array;
  readonly entries: ReadonlyMap<string, ZipEntry>;
  /** Entry names in the order of the central directory. */
  readonly order: readonly string[];
};

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64_LOCATOR = 0x07064b50;

function u16(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, o: number): number {
  return (
    ((b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16) | ((b[o + 3] ?? 0) << 24)) >>> 0
  );
}

const utf8 = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");

function findEndOfCentralDirectory(b: Uint8Array): number {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= min; i--) {
    if (u32(b, i) === SIG_END) return i;
  }
  return -1;
}

/** Rejects names that would escape a folder if anyone ever extracted them. */
function checkEntryName(name: string): void {
  const bad =
    name.length === 0 ||
    name.includes("\\") ||
    name.startsWith("/") ||
    /^[A-Za-z]:/.test(name) ||
    name.split("/").some((seg) => seg === "..") ||
    name.includes("\u0000");
  if (bad) {
    throw new PlanAssistFailure(
      "zip_unsafe_entry_name",
      `The file holds an entry named "${name.slice(0, 80)}", a path that points outside the document. Word never writes such names; the file is damaged or was made to attack readers, so PlanAssist does not open it.`,
    );
  }
}

function zip64(): never {
  throw new PlanAssistFailure(
    "zip_zip64",
    "The file uses the zip64 format for very large archives. Word does not write it for documents of ordinary size and PlanAssist does not read it: open the file in Word and save it again as a Word Document (.docx).",
  );
}

function corrupt(message: string): never {
  throw new PlanAssistFailure("zip_corrupt", message);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Reads the zip directory. Does not inflate anything. */
export function openZip(bytes: Uint8Array, limits: ZipLimits = defaultZipLimits): ZipArchive {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) {
    throw new PlanAssistFailure(
      "zip_truncated",
      "The file ends before its table of contents: it was cut short while copying or downloading. Get the file again from where it came from.",
    );
  }
  if (eocd >= 20 && u32(bytes, eocd - 20) === SIG_END64_LOCATOR) zip64();
  const disk = u16(bytes, eocd + 4);
  const cdDisk = u16(bytes, eocd + 6);
  const countOnDisk = u16(bytes, eocd + 8);
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) zip64();
  if (disk !== 0 || cdDisk !== 0 || countOnDisk !== count) {
    corrupt(
      "The file is one piece of an archive split over several files, which Word never writes. Use the whole .docx as Word saved it.",
    );
  }
  if (count > limits.maxEntries) {
    throw new PlanAssistFailure(
      "zip_too_many_entries",
      `The file holds ${count} parts; PlanAssist reads at most ${limits.maxEntries}. A Word document has a few dozen, so the file is damaged or was made to exhaust readers.`,
      { entries: count, limit: limits.maxEntries },
    );
  }
  if (cdOffset + cdSize > eocd) {
    throw new PlanAssistFailure(
      "zip_truncated",
      "The file's table of contents points past its end: the file was cut short or damaged. Get the file again.",
    );
  }
  const cdEnd = cdOffset + cdSize;
  const entries = new Map<string, ZipEntry>();
  const lower = new Set<string>();
  const order: string[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > cdEnd || u32(bytes, p) !== SIG_CENTRAL) {
      corrupt(
        "The file's table of contents is damaged. Open it in Word, which may repair it, and save it again.",
      );
    }
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const modTime = u16(bytes, p + 12);
    const modDate = u16(bytes, p + 14);
    const crc32 = u32(bytes, p + 16);
    const compressedSize = u32(bytes, p + 20);
    const uncompressedSize = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const localHeaderOffset = u32(bytes, p + 42);
    if (p + 46 + nameLen + extraLen + commentLen > cdEnd) {
      corrupt(
        "The file's table of contents is damaged. Open it in Word, which may repair it, and save it again.",
      );
    }
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    p += 46 + nameLen + extraLen + commentLen;
    checkEntryName(name);
    if (
      compressedSize === 0xffffffff ||
      uncompressedSize === 0xffffffff ||
      localHeaderOffset === 0xffffffff
    ) {
      zip64();
    }
    const l = name.toLowerCase();
    if (entries.has(name) || lower.has(l)) {
      throw new PlanAssistFailure(
        "zip_duplicate_entry",
        `The file holds two parts named "${name.slice(0, 80)}"${entries.has(name) ? "" : " (differing only in case)"}. Word never writes that; the file is damaged or was altered, so PlanAssist cannot tell which one Word would show.`,
      );
    }
    lower.add(l);
    if (flags & 0x1) {
      throw new PlanAssistFailure(
        "zip_encrypted_entry",
        "Parts of the file are encrypted. Remove the password in Word (File > Info > Protect Document) and save it again.",
      );
    }
    if (localHeaderOffset + 30 > cdOffset || u32(bytes, localHeaderOffset) !== SIG_LOCAL) {
      corrupt(
        "A part of the file is missing where the table of contents says it is. The file is damaged; open it in Word, which may repair it, and save it again.",
      );
    }
    const localNameLen = u16(bytes, localHeaderOffset + 26);
    const localExtraLen = u16(bytes, localHeaderOffset + 28);
    // The local header must name the same part: readers that trust one or the other would
    // otherwise see different documents in the same file.
    if (
      !sameBytes(
        bytes.subarray(localHeaderOffset + 30, localHeaderOffset + 30 + localNameLen),
        nameBytes,
      )
    ) {
      corrupt(
        `The part "${name.slice(0, 80)}" has a different name in its own header than in the table of contents. The file is damaged or was altered; open it in Word and save it again.`,
      );
    }
    const dataOffset = localHeaderOffset + 30 + localNameLen + localExtraLen;
    if (dataOffset + compressedSize > bytes.length) {
      throw new PlanAssistFailure(
        "zip_truncated",
        "The file ends in the middle of one of its parts: it was cut short. Get the file again.",
      );
    }
    if (dataOffset + compressedSize > cdOffset) {
      throw new PlanAssistFailure(
        "zip_size_mismatch",
        `The part "${name.slice(0, 80)}" claims more packed bytes than the file holds for it. The file is damaged; open it in Word and save it again.`,
      );
    }
    const entry: ZipEntry = {
      name,
      method,
      crc32,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      dataOffset,
      flags,
      modTime,
      modDate,
    };
    entries.set(name, entry);
    order.push(name);
  }
  // Parts may not overlap: overlapping parts are how the densest zip bombs are built.
  const byOffset = [...entries.values()].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1] as ZipEntry;
    const next = byOffset[i] as ZipEntry;
    if (prev.dataOffset + prev.compressedSize > next.localHeaderOffset) {
      corrupt(
        `The parts "${prev.name.slice(0, 60)}" and "${next.name.slice(0, 60)}" overlap in the file. Word never writes that; the file is damaged or was made to attack readers, so PlanAssist does not open it.`,
      );
    }
  }
  return { bytes, entries, order };
}

/** Running total of bytes inflated, shared by all reads of one package. */
export type InflateBudget = {
  used: number;
  /** A time (as `Date.now()`) after which inflating stops with `time_limit`. */
  deadline?: number;
};

/** The size of one inflate step: what a hostile entry can make us hold beyond the limits is this times the deflate maximum ratio (1032), about 16 MB. */
export const INFLATE_STEP = 16384;

function mb(n: number): number {
  return Math.round(n / 1048576);
}

export function checkBudget(name: string, limits: ZipLimits, budget: InflateBudget): void {
  if (budget.used > limits.maxTotalBytes) {
    throw new PlanAssistFailure(
      "zip_too_large",
      `The file unpacks to more than ${mb(limits.maxTotalBytes)} MB, far more than any plan. PlanAssist stopped reading it at the part "${name.slice(0, 80)}".`,
      { limit: limits.maxTotalBytes },
    );
  }
  if (budget.deadline !== undefined && Date.now() > budget.deadline) {
    throw new PlanAssistFailure(
      "time_limit",
      "Unpacking the file took longer than PlanAssist allows for one file, far longer than any plan needs. PlanAssist stopped.",
    );
  }
}

function ratioTooHigh(name: string, limits: ZipLimits): PlanAssistFailure {
  return new PlanAssistFailure(
    "zip_ratio_too_high",
    `The part "${name.slice(0, 80)}" unpacks to more than ${limits.maxRatio} times its packed size, which is how zip bombs look. PlanAssist did not unpack it.`,
    { limit: limits.maxRatio },
  );
}

/** Inflates one entry within the limits, verifying its size and CRC. */
export function readEntry(
  zip: ZipArchive,
  name: string,
  limits: ZipLimits = defaultZipLimits,
  budget: InflateBudget = { used: 0 },
): Uint8Array {
  const e = zip.entries.get(name);
  if (!e) throw new Error(`readEntry: no entry ${name}`);
  if (e.uncompressedSize > limits.maxEntryBytes) {
    throw new PlanAssistFailure(
      "zip_too_large",
      `The part "${name.slice(0, 80)}" would be ${mb(e.uncompressedSize)} MB unpacked; PlanAssist reads parts up to ${mb(limits.maxEntryBytes)} MB. No plan is that large: the file is damaged or was made to exhaust readers.`,
      { limit: limits.maxEntryBytes },
    );
  }
  if (budget.used + e.uncompressedSize > limits.maxTotalBytes) {
    throw new PlanAssistFailure(
      "zip_too_large",
      `The file unpacks to more than ${mb(limits.maxTotalBytes)} MB, far more than any plan. PlanAssist stopped reading it at the part "${name.slice(0, 80)}".`,
      { limit: limits.maxTotalBytes },
    );
  }
  if (
    e.method === 8 &&
    e.uncompressedSize > limits.ratioFloorBytes &&
    e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxRatio
  ) {
    throw ratioTooHigh(name, limits);
  }
  const data = zip.bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  let out: Uint8Array;
  if (e.method === 0) {
    out = data;
    budget.used += out.length;
    checkBudget(name, limits, budget);
  } else if (e.method === 8) {
    out = (limits.codec ?? fflateCodec).inflate(data, name, e, limits, budget);
  } else {
    throw new PlanAssistFailure(
      "zip_unsupported_method",
      `The part "${name.slice(0, 80)}" is compressed in a way Word does not use (method ${e.method}). Open the file in Word and save it again.`,
    );
  }
  if (out.length !== e.uncompressedSize) {
    throw new PlanAssistFailure(
      "zip_size_mismatch",
      `The part "${name.slice(0, 80)}" is ${out.length} bytes but the file says ${e.uncompressedSize}. The file is damaged; open it in Word and save it again.`,
    );
  }
  if ((limits.codec ?? fflateCodec).crc32(out) !== e.crc32) {
    throw new PlanAssistFailure(
      "zip_bad_crc",
      `The part "${name.slice(0, 80)}" fails its checksum: the file is damaged. Get the file again or open it in Word, which may repair it.`,
    );
  }
  return out;
}

/**
 * Entries packed into at most this many bytes are inflated in one call into a buffer of their
 * declared size (plus one byte to notice overflow), which is quicker than streaming. The buffer
 * never grows, so memory is the declared size; the work an entry that lies about its size can
 * cause is bounded by this size times the deflate maximum ratio (about 260 MB of discarded
 * writes, well under a second).
 */
export const FAST_INFLATE_MAX_PACKED = 256 * 1024;

function inflateInto(
  data: Uint8Array,
  name: string,
  e: ZipEntry,
  limits: ZipLimits,
  budget: InflateBudget,
): Uint8Array {
  budget.used += e.uncompressedSize;
  checkBudget(name, limits, budget);
  let out: Uint8Array;
  try {
    out = inflateSync(data, { out: new Uint8Array(e.uncompressedSize + 1) });
  } catch {
    throw new PlanAssistFailure(
      "zip_corrupt",
      `The part "${name.slice(0, 80)}" cannot be unpacked: its compressed data is damaged. Get the file again or open it in Word, which may repair it.`,
    );
  }
  if (out.length > e.uncompressedSize) {
    throw new PlanAssistFailure(
      "zip_size_mismatch",
      `The part "${name.slice(0, 80)}" unpacks to more than the ${e.uncompressedSize} bytes the file declares. The file is damaged or was made to exhaust memory; PlanAssist stopped reading it.`,
    );
  }
  return out;
}

function inflateBounded(
  data: Uint8Array,
  name: string,
  e: ZipEntry,
  limits: ZipLimits,
  budget: InflateBudget,
): Uint8Array {
  // The declared size is at most maxEntryBytes (checked by the caller), so output is held to it:
  // an entry that unpacks to more than it declares is stopped one step after passing it.
  const cap = e.uncompressedSize;
  // Output goes straight into a buffer of the declared size: no list of pieces to join at the end,
  // and each piece fflate hands over is garbage at once.
  const out = new Uint8Array(cap);
  let total = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    const at = total;
    total += chunk.length;
    budget.used += chunk.length;
    if (total > cap) {
      throw new PlanAssistFailure(
        "zip_size_mismatch",
        `The part "${name.slice(0, 80)}" unpacks to more than the ${e.uncompressedSize} bytes the file declares. The file is damaged or was made to exhaust memory; PlanAssist stopped reading it.`,
      );
    }
    if (total > limits.ratioFloorBytes && total / Math.max(1, data.length) > limits.maxRatio) {
      throw ratioTooHigh(name, limits);
    }
    checkBudget(name, limits, budget);
    out.set(chunk, at);
    if (final) done = true;
  });
  const step = INFLATE_STEP;
  try {
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
    for (let i = 0; i < data.length; i += step) {
      const end = Math.min(data.length, i + step);
      inflater.push(data.subarray(i, end), end === data.length);
    }
  } catch (err) {
    if (err instanceof PlanAssistFailure) throw err;
    throw new PlanAssistFailure(
      "zip_corrupt",
      `The part "${name.slice(0, 80)}" cannot be unpacked: its compressed data is damaged. Get the file again or open it in Word, which may repair it.`,
    );
  }
  if (!done) {
    throw new PlanAssistFailure(
      "zip_truncated",
      `The part "${name.slice(0, 80)}" ends before its compressed data does. The file was cut short; get it again.`,
    );
  }
  // Less than declared: the caller reports the size mismatch.
  return total === cap ? out : out.subarray(0, total);
}

/** fflate's inflate (small entries in one call, larger ones in steps) and the table CRC. */
export const fflateCodec: ZipCodec = {
  name: "fflate",
  inflate: (data, name, e, limits, budget) =>
    data.length > 0 && data.length <= FAST_INFLATE_MAX_PACKED
      ? inflateInto(data, name, e, limits, budget)
      : inflateBounded(data, name, e, limits, budget),
  crc32: (data) => crc32(data),
};

let crcTables: Uint32Array[] | undefined;

function makeCrcTables(): Uint32Array[] {
  const t0 = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t0[n] = c >>> 0;
  }
  const tables = [t0];
  for (let k = 1; k < 4; k++) {
    const prev = tables[k - 1] as Uint32Array;
    const t = new Uint32Array(256);
    for (let n = 0; n < 256; n++)
      t[n] = ((t0[(prev[n] as number) & 0xff] as number) ^ ((prev[n] as number) >>> 8)) >>> 0;
    tables.push(t);
  }
  return tables;
}

/** CRC-32 as zip uses it (four bytes a step). */
export function crc32(data: Uint8Array): number {
  crcTables ??= makeCrcTables();
  const [t0, t1, t2, t3] = crcTables as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  let c = 0xffffffff;
  const n = data.length;
  const n4 = n - (n % 4);
  let i = 0;
  for (; i < n4; i += 4) {
    c ^=
      (data[i] as number) |
      ((data[i + 1] as number) << 8) |
      ((data[i + 2] as number) << 16) |
      ((data[i + 3] as number) << 24);
    c =
      (t3[c & 0xff] as number) ^
      (t2[(c >>> 8) & 0xff] as number) ^
      (t1[(c >>> 16) & 0xff] as number) ^
      (t0[c >>> 24] as number);
  }
  for (; i < n; i++) c = (t0[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A change to a package: new contents for some entries, new entries, removed entries. */
type ZipChanges = {
  /** New contents by entry name; names not in the archive are added at the end. */
  readonly replace: ReadonlyMap<string, Uint8Array>;
  readonly remove?: ReadonlySet<string>;
};

const encoder = new TextEncoder();

/**
 * Writes a new archive: unchanged entries are copied byte for byte (local header and compressed
 * data), changed and added entries are deflated.
 */
export function writeZip(zip: ZipArchive, changes: ZipChanges): Uint8Array {
  type Out = { name: Uint8Array; local: Uint8Array[]; central: Uint8Array };
  const outs: Out[] = [];
  const parts: Uint8Array[] = [];
  let offset = 0;
  const names = [...zip.order.filter((n) => !changes.remove?.has(n))];
  for (const n of changes.replace.keys()) if (!zip.entries.has(n)) names.push(n);
  for (const name of names) {
    const e = zip.entries.get(name);
    const replacement = changes.replace.get(name);
    // Copied entries keep their name bytes as written (a name need not be UTF-8).
    const nameBytes =
      e && replacement === undefined
        ? zip.bytes.subarray(
            e.localHeaderOffset + 30,
            e.localHeaderOffset + 30 + u16(zip.bytes, e.localHeaderOffset + 26),
          )
        : encoder.encode(name);
    let local: Uint8Array;
    let data: Uint8Array;
    let method: number,
      crc: number,
      csize: number,
      usize: number,
      flags: number,
      time: number,
      date: number;
    if (e && replacement === undefined) {
      // Copy the local header (as written, with its extra field) and the compressed data.
      local = zip.bytes.subarray(e.localHeaderOffset, e.dataOffset);
      data = zip.bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
      // A data descriptor follows when bit 3 is set; sizes are then taken from the central directory.
      method = e.method;
      crc = e.crc32;
      csize = e.compressedSize;
      usize = e.uncompressedSize;
      flags = e.flags;
      time = e.modTime;
      date = e.modDate;
      if (flags & 0x8) {
        // Rewrite the local header with sizes so no descriptor is needed.
        flags &= ~0x8;
        local = localHeader(nameBytes, flags, method, time, date, crc, csize, usize);
      }
    } else {
      const content = replacement as Uint8Array;
      data = deflateSync(content, { level: 6 });
      method = 8;
      if (data.length >= content.length) {
        data = content;
        method = 0;
      }
      crc = crc32(content);
      csize = data.length;
      usize = content.length;
      flags = 0x800; // names of new entries are UTF-8
      time = e?.modTime ?? 0;
      date = e?.modDate ?? 0x21; // 1980-01-01
      local = localHeader(nameBytes, flags, method, time, date, crc, csize, usize);
    }
    const central = new Uint8Array(46 + nameBytes.length);
    const dv = new DataView(central.buffer);
    dv.setUint32(0, SIG_CENTRAL, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, 20, true);
    dv.setUint16(8, flags, true);
    dv.setUint16(10, method, true);
    dv.setUint16(12, time, true);
    dv.setUint16(14, date, true);
    dv.setUint32(16, crc, true);
    dv.setUint32(20, csize, true);
    dv.setUint32(24, usize, true);
    dv.setUint16(28, nameBytes.length, true);
    dv.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    parts.push(local, data);
    offset += local.length + data.length;
    outs.push({ name: nameBytes, local: [local, data], central });
  }
  const cdStart = offset;
  let cdSize = 0;
  for (const o of outs) {
    parts.push(o.central);
    cdSize += o.central.length;
  }
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, SIG_END, true);
  ev.setUint16(8, outs.length, true);
  ev.setUint16(10, outs.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, cdStart, true);
  parts.push(end);
  const total = parts.reduce((s, p) => s + p.length, 0);
  const result = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    result.set(p, o);
    o += p.length;
  }
  return result;
}

function localHeader(
  name: Uint8Array,
  flags: number,
  method: number,
  time: number,
  date: number,
  crc: number,
  csize: number,
  usize: number,
): Uint8Array {
  const h = new Uint8Array(30 + name.length);
  const dv = new DataView(h.buffer);
  dv.setUint32(0, SIG_LOCAL, true);
  dv.setUint16(4, 20, true);
  dv.setUint16(6, flags, true);
  dv.setUint16(8, method, true);
  dv.setUint16(10, time, true);
  dv.setUint16(12, date, true);
  dv.setUint32(14, crc, true);
  dv.setUint32(18, csize, true);
  dv.setUint32(22, usize, true);
  dv.setUint16(26, name.length, true);
  h.set(name, 30);
  return h;
}

/** Builds a new archive from scratch (for tests and for new documents). */
export function createZip(files: ReadonlyArray<readonly [string, Uint8Array]>): Uint8Array {
  const empty: ZipArchive = { bytes: new Uint8Array(0), entries: new Map(), order: [] };
  return writeZip(empty, { replace: new Map(files) });
}
