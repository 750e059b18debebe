import { openDocx } from "../../src/adapters/docx/docx-file";
import {
  FAST_INFLATE_MAX_PACKED,
  createZip,
  openZip,
  readEntry,
} from "../../src/adapters/docx/zip";
import { PlanAssistFailure } from "../../src/domain/result";
import { templateBytes } from "../helpers/fixtures";
import {
  descriptorZip,
  errorOf,
  headersOf,
  outcome,
  setU16,
  setU32,
  storedZip,
} from "./hostile-files";

const DOC = "word/document.xml";
const failureCode = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof PlanAssistFailure) return e.failure.code;
    throw e;
  }
  return "none";
};

describe("damaged zip packages", () => {
  it("refuses a file cut short anywhere as truncated or corrupt, never reading past its end", () => {
    const bytes = templateBytes("ddtt-action-plan");
    const codes = new Set<string>();
    for (const keep of [
      30,
      100,
      1000,
      4000,
      bytes.length / 2,
      bytes.length - 200,
      bytes.length - 23,
      bytes.length - 1,
    ]) {
      codes.add(outcome(bytes.subarray(0, Math.floor(keep))));
    }
    expect([...codes].every((c) => c === "zip_truncated" || c === "zip_corrupt")).toBe(true);
    expect(codes.has("zip_truncated")).toBe(true);
  });

  it("refuses a part whose checksum does not match with zip_bad_crc", () => {
    const bytes = templateBytes("ddtt-action-plan").slice();
    const { central } = headersOf(bytes, DOC);
    setU32(bytes, central + 16, 0x12345678);
    const e = errorOf(openDocx(bytes));
    expect(e.code).toBe("zip_bad_crc");
    expect(e.message).toContain(DOC);
  });

  it("refuses a part whose compressed bytes were altered", () => {
    const bytes = templateBytes("ddtt-action-plan").slice();
    const e = openZip(bytes).entries.get(DOC);
    if (!e) throw new Error("no document part");
    for (let k = e.dataOffset + 200; k < e.dataOffset + 264; k++) bytes[k] = (bytes[k] ?? 0) ^ 0x5a;
    expect(["zip_bad_crc", "zip_corrupt", "zip_size_mismatch"]).toContain(outcome(bytes));
  });

  it.each([
    ["smaller", -100],
    ["larger", +100],
  ])(
    "refuses an uncompressed size in the header %s than the real one with zip_size_mismatch",
    (_w, delta) => {
      const bytes = templateBytes("ddtt-action-plan").slice();
      const { central } = headersOf(bytes, DOC);
      const real = openZip(bytes).entries.get(DOC)?.uncompressedSize ?? 0;
      setU32(bytes, central + 24, real + delta);
      expect(errorOf(openDocx(bytes)).code).toBe("zip_size_mismatch");
    },
  );

  describe("a part too large to inflate in one call (read in steps)", () => {
    // Text that packs poorly, so the packed part is larger than the one-call limit.
    const body = new Uint8Array(900_000);
    let seed = 7;
    for (let i = 0; i < body.length; i++) {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      body[i] = 97 + ((seed >>> 0) % 26);
    }
    const bytes = createZip([[DOC, body]]);

    it("is read whole and exact", () => {
      const zip = openZip(bytes);
      expect(zip.entries.get(DOC)?.compressedSize).toBeGreaterThan(FAST_INFLATE_MAX_PACKED);
      const read = readEntry(zip, DOC);
      expect(read.length).toBe(body.length);
      expect(Buffer.compare(read, body)).toBe(0);
    });

    it.each([
      ["smaller", -100],
      ["larger", +100],
    ])("is refused with zip_size_mismatch when its header says it is %s", (_w, delta) => {
      const lying = bytes.slice();
      setU32(lying, headersOf(lying, DOC).central + 24, body.length + delta);
      expect(failureCode(() => readEntry(openZip(lying), DOC))).toBe("zip_size_mismatch");
    });
  });

  it("refuses a compressed size that claims bytes belonging to the next part", () => {
    const bytes = templateBytes("clna").slice();
    const zip = openZip(bytes);
    const first = zip.order[0] as string;
    const { central } = headersOf(bytes, first);
    setU32(bytes, central + 20, (zip.entries.get(first)?.compressedSize ?? 0) + 50);
    expect(["zip_corrupt", "zip_size_mismatch"]).toContain(outcome(bytes));
  });

  it("refuses a compressed size that runs past the table of contents with zip_size_mismatch", () => {
    const bytes = templateBytes("clna").slice();
    const zip = openZip(bytes);
    const last = [...zip.entries.values()].sort(
      (a, b) => b.localHeaderOffset - a.localHeaderOffset,
    )[0];
    if (!last) throw new Error("empty");
    const { central } = headersOf(bytes, last.name);
    setU32(bytes, central + 20, last.compressedSize + 200);
    expect(outcome(bytes)).toBe("zip_size_mismatch");
  });

  it("refuses a compressed size that is too small as damaged data", () => {
    const bytes = templateBytes("ddtt-action-plan").slice();
    const { central } = headersOf(bytes, DOC);
    const e = openZip(bytes).entries.get(DOC);
    setU32(bytes, central + 20, Math.floor((e?.compressedSize ?? 0) / 2));
    expect(["zip_corrupt", "zip_truncated", "zip_size_mismatch"]).toContain(outcome(bytes));
  });

  it("refuses two parts with the same name, and names differing only in case", () => {
    const doc = new TextEncoder().encode("<x/>");
    const twice = createZip([
      ["word/document.xml", doc],
      ["word/documenT.xml", doc],
    ]);
    const e = errorOf(openDocx(twice));
    expect(e.code).toBe("zip_duplicate_entry");
    expect(e.message).toMatch(/differing only in case/);
    // Make the names identical in both headers.
    const exact = twice.slice();
    const needle = "documenT";
    for (let i = 0; i + needle.length <= exact.length; i++) {
      if (new TextDecoder().decode(exact.subarray(i, i + needle.length)) === needle)
        exact[i + 7] = 0x74; // t
    }
    const same = errorOf(openDocx(exact));
    expect(same.code).toBe("zip_duplicate_entry");
    expect(same.message).not.toMatch(/differing only in case/);
  });

  it.each([
    ["a parent folder", "../../evil.xml"],
    ["a parent folder inside", "word/../../x.xml"],
    ["an absolute path", "/etc/passwd.xml"],
    ["a drive letter", "C:/Windows/x.xml"],
    ["backslashes", "word\\document.xml"],
    ["a NUL character", "word/doc\u0000.xml"],
  ])("refuses an entry name with %s", (_what, name) => {
    const zip = createZip([
      ["word/document.xml", new TextEncoder().encode("<x/>")],
      [name, new TextEncoder().encode("<x/>")],
    ]);
    const e = errorOf(openDocx(zip));
    expect(e.code).toBe("zip_unsafe_entry_name");
    expect(e.message).toMatch(/outside the document/);
  });

  it("refuses a part whose local header names another part than the table of contents", () => {
    const bytes = templateBytes("ddtt-action-plan").slice();
    const { local } = headersOf(bytes, DOC);
    bytes[local + 30 + 5] = "W".charCodeAt(0);
    expect(errorOf(openDocx(bytes)).code).toBe("zip_corrupt");
  });

  it("refuses zip64 archives clearly", () => {
    const bytes = templateBytes("ddtt-action-plan").slice();
    const { central } = headersOf(bytes, DOC);
    setU32(bytes, central + 24, 0xffffffff);
    const e = errorOf(openDocx(bytes));
    expect(e.code).toBe("zip_zip64");
    expect(e.message).toMatch(/zip64/);
    const marked = templateBytes("ddtt-action-plan").slice();
    setU16(marked, marked.length - 22 + 10, 0xffff);
    expect(outcome(marked)).toBe("zip_zip64");
  });

  it("refuses encrypted entries and compression methods Word does not use", () => {
    const enc = templateBytes("ddtt-action-plan").slice();
    setU16(enc, headersOf(enc, DOC).central + 8, 0x1);
    expect(outcome(enc)).toBe("zip_encrypted_entry");
    const bzip = templateBytes("ddtt-action-plan").slice();
    setU16(bzip, headersOf(bzip, DOC).central + 10, 12);
    expect(errorOf(openDocx(bzip)).code).toBe("zip_unsupported_method");
  });

  it("refuses parts that overlap in the file", () => {
    const bytes = templateBytes("ddtt-action-plan").slice();
    const zip = openZip(bytes);
    const a = zip.order[0] as string;
    const b = zip.order[1] as string;
    // Point b's table-of-contents entry at a's local header while keeping b's name check honest.
    setU32(bytes, headersOf(bytes, b).central + 42, zip.entries.get(a)?.localHeaderOffset ?? 0);
    expect(["zip_corrupt"]).toContain(outcome(bytes));
  });

  it("refuses a split (multi-disk) archive", () => {
    const bytes = templateBytes("ddtt-action-plan").slice();
    setU16(bytes, bytes.length - 22 + 4, 1);
    expect(outcome(bytes)).toBe("zip_corrupt");
  });

  it("refuses a zip with no Word document body, and an empty zip", () => {
    const noBody = createZip([["hello.txt", new TextEncoder().encode("hi")]]);
    const e = errorOf(openDocx(noBody));
    expect(e.code).toBe("docx_no_main_part");
    expect(e.message).toMatch(/no Word document body/);
    expect(errorOf(openDocx(createZip([]))).message).toMatch(/empty zip/);
  });
});

describe("zip features Word uses", () => {
  const xml = new TextEncoder().encode(
    '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Stored</w:t></w:r></w:p></w:body></w:document>',
  );

  it("reads stored (uncompressed) entries", () => {
    const stored = storedZip(DOC, xml);
    expect(openZip(stored).entries.get(DOC)?.method).toBe(0);
    expect(new TextDecoder().decode(readEntry(openZip(stored), DOC))).toContain("Stored");
    // A package of its body alone: read up to the missing [Content_Types].xml, refused for that.
    expect(errorOf(openDocx(stored)).code).toBe("docx_no_content_types");
  });

  it("reads entries written with a data descriptor (flag bit 3) using the table of contents' sizes", () => {
    const bytes = descriptorZip(DOC, xml);
    expect(new TextDecoder().decode(readEntry(openZip(bytes), DOC))).toContain("Stored");
    expect(errorOf(openDocx(bytes)).code).toBe("docx_no_content_types");
  });

  it("refuses a stored entry whose size in the header is false", () => {
    const bytes = storedZip(DOC, xml);
    const { central } = headersOf(bytes, DOC);
    setU32(bytes, central + 24, xml.length + 1);
    expect(failureCode(() => readEntry(openZip(bytes), DOC))).toBe("zip_size_mismatch");
  });
});
