/**
 * The zip reader on Node's zlib (what the command line uses) and on fflate (the browser's) reads
 * the same packages to the same snapshots, and refuses the same damaged and hostile ones with the
 * same error codes, within the same limits.
 */
import { defaultDocxLimits, openDocx, type DocxLimits } from "../../src/adapters/docx/docx-file";
import {
  createZip,
  crc32,
  defaultZipLimits,
  fflateCodec,
  FAST_INFLATE_MAX_PACKED,
  openZip,
  readEntry,
  type InflateBudget,
  type ZipCodec,
} from "../../src/adapters/docx/zip";
import { zlibCodec } from "../../src/adapters/docx/zip-zlib";
import { PlanAssistFailure } from "../../src/domain/result";
import { templateBytes, templateIds } from "../helpers/fixtures";
import { headersOf, setU32 } from "./hostile-files";

const DOC = "word/document.xml";
const codecs: readonly ZipCodec[] = [fflateCodec, zlibCodec];

function outcome(bytes: Uint8Array, codec: ZipCodec, limits: DocxLimits = defaultDocxLimits) {
  const r = openDocx(bytes, { ...limits, codec });
  return r.ok ? "ok" : r.error.code;
}

function entryCode(bytes: Uint8Array, codec: ZipCodec, budget: InflateBudget = { used: 0 }) {
  try {
    readEntry(openZip(bytes), DOC, { ...defaultZipLimits, codec }, budget);
  } catch (e) {
    if (e instanceof PlanAssistFailure) return e.failure.code;
    throw e;
  }
  return "ok";
}

/** Text that packs poorly, so that its packed part is larger than fflate's one-call limit. */
function noise(length: number): Uint8Array {
  const body = new Uint8Array(length);
  let seed = 7;
  for (let i = 0; i < body.length; i++) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    body[i] = 97 + ((seed >>> 0) % 26);
  }
  return body;
}

describe("the zip reader on Node's zlib and on fflate", () => {
  it.each(templateIds)("reads %s to the same snapshot on both", (id) => {
    const [a, b] = codecs.map((codec) => {
      const r = openDocx(templateBytes(id), { ...defaultDocxLimits, codec });
      if (!r.ok) throw new Error(r.error.message);
      return r.value.read.snapshot;
    });
    expect(b).toEqual(a);
    expect(a?.tables.length).toBeGreaterThan(0);
  });

  it("computes the same CRC-32 as the table CRC, for every length", () => {
    const data = noise(70_000);
    for (const n of [0, 1, 3, 4, 5, 255, 4096, 65_537, 70_000]) {
      const part = data.subarray(0, n);
      expect(zlibCodec.crc32(part)).toBe(crc32(part));
    }
    // The check value every CRC-32 implementation gives for "123456789".
    expect(zlibCodec.crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  it("refuses a file cut short at many points with the same codes on both", () => {
    const bytes = templateBytes("clna");
    const seen = new Set<string>();
    for (let k = 1; k < 40; k++) {
      const cut = bytes.subarray(0, Math.floor((bytes.length * k) / 40));
      const [a, b] = codecs.map((c) => outcome(cut, c));
      expect(b).toBe(a);
      seen.add(a as string);
    }
    expect(seen.has("ok")).toBe(false);
  });

  it("refuses altered compressed bytes with the same codes on both", () => {
    const bytes = templateBytes("ddtt-action-plan");
    const e = openZip(bytes).entries.get(DOC);
    if (!e) throw new Error("no document part");
    const seen = new Set<string>();
    for (let at = 0; at < e.compressedSize; at += Math.ceil(e.compressedSize / 50)) {
      const altered = bytes.slice();
      for (let k = at; k < Math.min(at + 16, e.compressedSize); k++)
        altered[e.dataOffset + k] = (altered[e.dataOffset + k] ?? 0) ^ 0x5a;
      const [a, b] = codecs.map((c) => outcome(altered, c));
      expect(b).toBe(a);
      seen.add(a as string);
    }
    expect(seen.has("ok")).toBe(false);
  });

  it.each([
    ["an ordinary part", templateBytes("ddtt-action-plan")],
    ["a part packed larger than one inflate call", createZip([[DOC, noise(900_000)]])],
  ])("refuses %s whose header lies about its sizes with the same codes on both", (_w, bytes) => {
    const e = openZip(bytes).entries.get(DOC);
    if (!e) throw new Error("no document part");
    for (const [field, value] of [
      [24, e.uncompressedSize - 100],
      [24, e.uncompressedSize + 100],
      [24, 0],
      [20, Math.floor(e.compressedSize / 2)],
      [20, e.compressedSize - 1],
      [16, e.crc32 ^ 1],
    ] as const) {
      const lying = bytes.slice();
      setU32(lying, headersOf(lying, DOC).central + field, value);
      const [a, b] = codecs.map((c) => entryCode(lying, c));
      expect({ field, value, code: b }).toEqual({ field, value, code: a });
      expect(a).not.toBe("ok");
    }
  });

  it("reads a part packed larger than one inflate call whole and exact on zlib", () => {
    const body = noise(900_000);
    const zip = openZip(createZip([[DOC, body]]));
    expect(zip.entries.get(DOC)?.compressedSize).toBeGreaterThan(FAST_INFLATE_MAX_PACKED);
    const read = readEntry(zip, DOC, { ...defaultZipLimits, codec: zlibCodec });
    expect(Buffer.compare(read, body)).toBe(0);
  });

  it("stops a zip bomb whose header lies about its size at the declared size on zlib", () => {
    const bytes = createZip([[DOC, new Uint8Array(20 * 1024 * 1024)]]);
    setU32(bytes, headersOf(bytes, DOC).central + 24, 2 * 1024 * 1024);
    const budget: InflateBudget = { used: 0 };
    expect(entryCode(bytes, zlibCodec, budget)).toBe("zip_size_mismatch");
    // What was counted (and held) is the declared size: zlib stops at it.
    expect(budget.used).toBe(2 * 1024 * 1024);
  });

  it("keeps the ratio, total and time limits on zlib as on fflate", () => {
    const types = new TextEncoder().encode(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    );
    const bomb = createZip([
      ["[Content_Types].xml", types],
      [DOC, new Uint8Array(20 * 1024 * 1024)],
    ]);
    for (const c of codecs) {
      expect(outcome(bomb, c)).toBe("zip_ratio_too_high");
      expect(
        outcome(templateBytes("clna"), c, { ...defaultDocxLimits, maxTotalBytes: 100_000 }),
      ).toBe("zip_too_large");
      expect(outcome(templateBytes("clna"), c, { ...defaultDocxLimits, maxMillis: -1 })).toBe(
        "time_limit",
      );
    }
  });
});
