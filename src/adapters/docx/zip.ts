/**
 * A guarded zip reader and a copying zip writer for .docx packages.
 *
 * Reading trusts nothing in the file: the central directory is checked against the local headers,
 * entry names are checked for paths that escape the package, every entry is inflated in bounded
 * chunks that stop at the size and ratio limits, and its CRC is verified. Writing copies every
 * entry it was not asked to change byte for byte (compressed data included), so the parts
 * PlanAssist did not touch are identical to the original's.
 */
import { Inflate, deflateSync } from "fflate";
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
  /** The raw bytes of the local header, name and extra field (copied as they are on write). */
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
  return ((b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16) | ((b[o + 3] ?? 0) << 24)) >>> 0;
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
export function checkEntryName(name: string): void {
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

/** Reads the zip directory. Does not inflate anything. */
export function openZip(bytes: Uint8Array, limits: ZipLimits = defaultZipLimits): ZipArchive {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) {
    throw new PlanAssistFailure(
      "zip_truncated",
      "The file ends before its table of contents: it was cut short while copying or downloading. Get the file again from where it came from.",
    );
  }
  if (eocd >= 20 && u32(bytes, eocd - 20) === SIG_END64_LOCATOR) {
    throw new PlanAssistFailure(
      "zip_too_large",
      "The file uses the zip format for very large archives, which no plan needs. PlanAssist does not open it.",
    );
  }
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count > limits.maxEntries) {
    throw new PlanAssistFailure(
      "zip_too_many_entries",
      `The file holds ${count} parts; PlanAssist reads at most ${limits.maxEntries}. A Word document has a few dozen.`,
      { entries: count, limit: limits.maxEntries },
    );
  }
  if (cdOffset + cdSize > eocd) {
    throw new PlanAssistFailure(
      "zip_truncated",
      "The file's table of contents points past its end: the file was cut short or damaged. Get the file again.",
    );
  }
  const entries = new Map<string, ZipEntry>();
  const order: string[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL) {
      throw new PlanAssistFailure(
        "zip_corrupt",
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
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    p += 46 + nameLen + extraLen + commentLen;
    checkEntryName(name);
    if (entries.has(name) || entries.has(name.toLowerCase())) {
      throw new PlanAssistFailure(
        "zip_duplicate_entry",
        `The file holds two parts named "${name.slice(0, 80)}". Word never writes that; the file is damaged or was altered, so PlanAssist cannot tell which one Word would show.`,
      );
    }
    if (flags & 0x1) {
      throw new PlanAssistFailure(
        "zip_encrypted_entry",
        "Parts of the file are encrypted. Remove the password in Word (File > Info > Protect Document) and save it again.",
      );
    }
    if (localHeaderOffset + 30 > bytes.length || u32(bytes, localHeaderOffset) !== SIG_LOCAL) {
      throw new PlanAssistFailure(
        "zip_corrupt",
        "A part of the file is missing where the table of contents says it is. The file is damaged; open it in Word, which may repair it, and save it again.",
      );
    }
    const localNameLen = u16(bytes, localHeaderOffset + 26);
    const localExtraLen = u16(bytes, localHeaderOffset + 28);
    const dataOffset = localHeaderOffset + 30 + localNameLen + localExtraLen;
    if (dataOffset + compressedSize > bytes.length) {
      throw new PlanAssistFailure(
        "zip_truncated",
        "The file ends in the middle of one of its parts: it was cut short. Get the file again.",
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
  // Case-insensitive duplicates, which some readers would treat as the same part.
  const lower = new Set<string>();
  for (const name of order) {
    const l = name.toLowerCase();
    if (lower.has(l)) {
      throw new PlanAssistFailure(
        "zip_duplicate_entry",
        `The file holds two parts named "${name.slice(0, 80)}" (differing only in case). The file is damaged or was altered.`,
      );
    }
    lower.add(l);
  }
  return { bytes, entries, order };
}

/** Running total of bytes inflated, shared by all reads of one package. */
export type InflateBudget = { used: number };

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
      `The part "${name}" would be ${Math.round(e.uncompressedSize / 1048576)} MB unpacked; PlanAssist reads parts up to ${Math.round(limits.maxEntryBytes / 1048576)} MB.`,
      { limit: limits.maxEntryBytes },
    );
  }
  const data = zip.bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  let out: Uint8Array;
  if (e.method === 0) {
    out = data;
  } else if (e.method === 8) {
    out = inflateBounded(data, name, e, limits, budget);
  } else {
    throw new PlanAssistFailure(
      "zip_unsupported_method",
      `The part "${name}" is compressed in a way Word does not use (method ${e.method}). Open the file in Word and save it again.`,
    );
  }
  if (out.length !== e.uncompressedSize) {
    throw new PlanAssistFailure(
      "zip_size_mismatch",
      `The part "${name}" is ${out.length} bytes but the file says ${e.uncompressedSize}. The file is damaged; open it in Word and save it again.`,
    );
  }
  if (crc32(out) !== e.crc32) {
    throw new PlanAssistFailure(
      "zip_bad_crc",
      `The part "${name}" fails its checksum: the file is damaged. Get the file again or open it in Word, which may repair it.`,
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
  const cap = Math.min(limits.maxEntryBytes, e.uncompressedSize);
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    budget.used += chunk.length;
    if (total > cap) {
      throw new PlanAssistFailure(
        total > e.uncompressedSize ? "zip_size_mismatch" : "zip_too_large",
        total > e.uncompressedSize
          ? `The part "${name}" unpacks to more than the ${e.uncompressedSize} bytes the file declares. The file is damaged or was made to exhaust memory; PlanAssist stopped reading it.`
          : `The part "${name}" is larger than PlanAssist reads.`,
      );
    }
    if (budget.used > limits.maxTotalBytes) {
      throw new PlanAssistFailure(
        "zip_too_large",
        `The file unpacks to more than ${Math.round(limits.maxTotalBytes / 1048576)} MB, far more than any plan. PlanAssist stopped reading it.`,
      );
    }
    if (total > limits.ratioFloorBytes && total / Math.max(1, data.length) > limits.maxRatio) {
      throw new PlanAssistFailure(
        "zip_ratio_too_high",
        `The part "${name}" unpacks to more than ${limits.maxRatio} times its packed size, which is how zip bombs look. PlanAssist stopped reading it.`,
      );
    }
    chunks.push(chunk);
    if (final) done = true;
  });
  const step = 16384;
  try {
    for (let i = 0; i < data.length; i += step) {
      const end = Math.min(data.length, i + step);
      inflater.push(data.subarray(i, end), end === data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof PlanAssistFailure) throw err;
    throw new PlanAssistFailure(
      "zip_corrupt",
      `The part "${name}" cannot be unpacked: its compressed data is damaged. Get the file again or open it in Word, which may repair it.`,
    );
  }
  if (!done) {
    throw new PlanAssistFailure(
      "zip_truncated",
      `The part "${name}" ends before its compressed data does. The file was cut short; get it again.`,
    );
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 as zip uses it. */
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  const t = crcTable;
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = (t[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A change to a package: new contents for some entries, new entries, removed entries. */
export type ZipChanges = {
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
    const nameBytes = encoder.encode(name);
    let local: Uint8Array;
    let data: Uint8Array;
    let method: number, crc: number, csize: number, usize: number, flags: number, time: number, date: number;
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
      flags = 0x800;
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
