import { defaultDocxLimits, openDocx } from "../../src/adapters/docx/docx-file";
import {
  createZip,
  defaultZipLimits,
  INFLATE_STEP,
  openZip,
  readEntry,
  type InflateBudget,
} from "../../src/adapters/docx/zip";
import { PlanAssistFailure } from "../../src/domain/result";
import { defaultXmlLimits, parseXml } from "../../src/ooxml/xml";
import { templateBytes } from "../helpers/fixtures";
import { errorOf, headersOf, minimalDocx, outcome, setU32, W_NS } from "./hostile-files";

const DOC = "word/document.xml";
/** Most a deflate stream can expand (258 bytes from about 2 bits). */
const DEFLATE_MAX_RATIO = 1032;

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof PlanAssistFailure) return e.failure.code;
    throw e;
  }
  return "none";
}

/** A zip whose document part is `size` zero bytes, deflated about 1000:1. */
/** Content types, as every Word document has: without them the reader stops before any limit. */
const TYPES = [
  "[Content_Types].xml",
  new TextEncoder().encode(
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  ),
] as const;

function bomb(size: number): Uint8Array {
  return createZip([TYPES, [DOC, new Uint8Array(size)]]);
}

describe("limits on what a file may make PlanAssist unpack", () => {
  it("refuses a 1000:1 zip bomb from its header, before inflating anything", () => {
    const bytes = bomb(20 * 1024 * 1024);
    const entry = openZip(bytes).entries.get(DOC);
    expect((entry?.uncompressedSize ?? 0) / (entry?.compressedSize ?? 1)).toBeGreaterThan(900);
    const budget: InflateBudget = { used: 0 };
    expect(codeOf(() => readEntry(openZip(bytes), DOC, defaultZipLimits, budget))).toBe(
      "zip_ratio_too_high",
    );
    expect(budget.used).toBe(0);
    const e = errorOf(openDocx(bytes));
    expect(e.code).toBe("zip_ratio_too_high");
    expect(e.message).toMatch(/zip bomb/);
  });

  it("stops a zip bomb whose header lies about its size within one inflate step of the limit", () => {
    const bytes = bomb(20 * 1024 * 1024);
    const { central } = headersOf(bytes, DOC);
    setU32(bytes, central + 24, 2 * 1024 * 1024); // claims 2 MB: a ratio the header check lets through
    const budget: InflateBudget = { used: 0 };
    const code = codeOf(() => readEntry(openZip(bytes), DOC, defaultZipLimits, budget));
    expect(["zip_ratio_too_high", "zip_size_mismatch"]).toContain(code);
    // Bounded memory: what was inflated is at most the declared size plus one step's worth.
    expect(budget.used).toBeLessThanOrEqual(2 * 1024 * 1024 + INFLATE_STEP * DEFLATE_MAX_RATIO);
    expect(budget.used).toBeLessThan(20 * 1024 * 1024);
  });

  it("refuses a package of 10,000 entries before reading any of them", () => {
    const files = Array.from(
      { length: 10_000 },
      (_, i) => [`word/media/p${i}.xml`, new Uint8Array([60, 120, 47, 62])] as const,
    );
    const bytes = createZip(files);
    const e = errorOf(openDocx(bytes));
    expect(e.code).toBe("zip_too_many_entries");
    expect(e.message).toContain(String(defaultZipLimits.maxEntries));
  });

  describe("a 100 MB document part", () => {
    let bytes: Uint8Array;
    beforeAll(() => {
      const para = "<w:p><w:r><w:t>Goal text here</w:t></w:r></w:p>";
      const body = new TextEncoder().encode(
        `<w:document xmlns:w="${W_NS}"><w:body>${para.repeat(Math.ceil((100 * 1024 * 1024) / para.length))}</w:body></w:document>`,
      );
      expect(body.length).toBeGreaterThan(100 * 1024 * 1024);
      bytes = createZip([TYPES, [DOC, body]]);
    });

    it("is refused by the part size limit without being inflated", () => {
      const budget: InflateBudget = { used: 0 };
      expect(codeOf(() => readEntry(openZip(bytes), DOC, defaultZipLimits, budget))).toBe(
        "zip_too_large",
      );
      expect(budget.used).toBe(0);
      expect(errorOf(openDocx(bytes)).message).toMatch(/MB/);
    });

    it("is stopped within bounded memory when its header claims it is small", () => {
      const lying = bytes.slice();
      setU32(lying, headersOf(lying, DOC).central + 24, 8 * 1024 * 1024);
      const budget: InflateBudget = { used: 0 };
      const code = codeOf(() => readEntry(openZip(lying), DOC, defaultZipLimits, budget));
      expect(["zip_ratio_too_high", "zip_size_mismatch"]).toContain(code);
      expect(budget.used).toBeLessThanOrEqual(8 * 1024 * 1024 + INFLATE_STEP * DEFLATE_MAX_RATIO);
    });
  });

  it("stops when all parts read together exceed the total limit", () => {
    const limits = { ...defaultDocxLimits, maxTotalBytes: 100_000 };
    const e = errorOf(openDocx(templateBytes("clna"), limits));
    expect(e.code).toBe("zip_too_large");
  });

  it("refuses XML nested 100,000 deep with xml_too_deep", () => {
    const deep = "<w:tbl><w:tr><w:tc>".repeat(33_334) + "</w:tc></w:tr></w:tbl>".repeat(33_334);
    // Such XML packs so well that the ratio limit would stop it first: lift that limit here.
    const e = errorOf(openDocx(minimalDocx(deep), { ...defaultDocxLimits, maxRatio: 1e9 }));
    expect(e.code).toBe("xml_too_deep");
    expect(e.message).toContain(String(defaultDocxLimits.maxXmlDepth));
  });

  it("stops a file that takes longer than the time allowed per file with time_limit", () => {
    const e = errorOf(openDocx(templateBytes("clna"), { ...defaultDocxLimits, maxMillis: -1 }));
    expect(e.code).toBe("time_limit");
    expect(outcome(templateBytes("clna"))).toBe("ok");
  });

  it("stops parsing XML once the time allowed per file has passed", () => {
    const xml = `<w:document xmlns:w="${W_NS}"><w:body>${"<w:p/>".repeat(20_000)}</w:body></w:document>`;
    expect(codeOf(() => parseXml(xml, { ...defaultXmlLimits, deadline: Date.now() - 1 }))).toBe(
      "time_limit",
    );
    expect(
      codeOf(() => parseXml(xml, { ...defaultXmlLimits, deadline: Date.now() + 60_000 })),
    ).toBe("none");
  });

  it("leaves every replica template within the limits", () => {
    for (const id of [
      "clna",
      "ddtt-action-plan",
      "perkins-action-plan",
      "sfss-action-plan",
      "cde-plan-for-improvement",
    ] as const) {
      expect(outcome(templateBytes(id))).toBe("ok");
    }
  });
});
