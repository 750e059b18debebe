/**
 * Node's own zlib as the zip reader's codec, for the command line: native inflate and CRC-32
 * instead of fflate's JavaScript ones, under the same limits as `zip.ts` applies to fflate.
 *
 * An entry is inflated in one call whose output is capped at its declared size
 * (`maxOutputLength`): an entry that unpacks to more stops there, so memory and work stay within
 * the declared size, which the reader has already held to the size, ratio and total limits. The
 * time limit is checked before and after the call; one call does at most `maxEntryBytes` of
 * native inflating (64 MB by default, well under a second).
 *
 * Node only: the browser build keeps fflate (nothing in the pane imports this file).
 */
import zlib from "zlib";
import { PlanAssistFailure } from "../../domain/result";
import {
  checkBudget,
  crc32 as tableCrc32,
  type InflateBudget,
  type ZipCodec,
  type ZipEntry,
  type ZipLimits,
} from "./zip";

/** zlib's CRC-32 (Node 20.15 and later), else the reader's own table CRC. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** The most zlib hands over at a time: a part's whole size up to this, then steps of it. */
const MAX_CHUNK = 1024 * 1024;

function inflate(
  data: Uint8Array,
  name: string,
  e: ZipEntry,
  limits: ZipLimits,
  budget: InflateBudget,
): Uint8Array {
  const size = e.uncompressedSize;
  budget.used += size;
  checkBudget(name, limits, budget);
  let out: Buffer;
  try {
    out = zlib.inflateRawSync(data, {
      // At least one byte: zlib refuses a limit of 0, and a part that declares 0 bytes but holds
      // some is still caught by the size check after.
      maxOutputLength: Math.max(1, size),
      // One piece for an ordinary part (no joining), and a piece just past the limit when the
      // part holds more than it declares.
      chunkSize: Math.max(64, Math.min(size + 64, MAX_CHUNK)),
    });
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === "ERR_BUFFER_TOO_LARGE") {
      throw new PlanAssistFailure(
        "zip_size_mismatch",
        `The part "${name.slice(0, 80)}" unpacks to more than the ${size} bytes the file declares. The file is damaged or was made to exhaust memory; PlanAssist stopped reading it.`,
      );
    }
    // Damaged and cut-short data alike, as fflate reports them (it cannot tell them apart).
    throw new PlanAssistFailure(
      "zip_corrupt",
      `The part "${name.slice(0, 80)}" cannot be unpacked: its compressed data is damaged. Get the file again or open it in Word, which may repair it.`,
    );
  }
  checkBudget(name, limits, budget);
  // A plain view of the bytes (a Buffer's slice() would not copy, unlike a Uint8Array's).
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

export const zlibCodec: ZipCodec = {
  name: "zlib",
  inflate,
  crc32: (data) => (nativeCrc32 ? nativeCrc32(data) >>> 0 : tableCrc32(data)),
};
