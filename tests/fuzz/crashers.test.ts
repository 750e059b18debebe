/**
 * Replays every input that once made the reader throw or hang (tests/fixtures/crashers/, see its
 * README). Each must now give a document or a documented error.
 */
import { readdirSync, readFileSync } from "fs";
import path from "path";
import { createZip, openZip, readEntry } from "../../src/adapters/docx/zip";
import { crashersDir, openKeepingCrashers, outcomeOf, readingCodes } from "./fuzz-helpers";

const TYPES = "[Content_Types].xml";

/**
 * The crasher with the content types every Word document has, when it lacks them and is a zip
 * that opens: the reader now stops at once on a package without them, and the crasher is kept to
 * replay what it found further in. Anything else is replayed as saved.
 */
function withContentTypes(bytes: Uint8Array): Uint8Array {
  try {
    const zip = openZip(bytes);
    if (zip.order.some((n) => n.toLowerCase() === TYPES.toLowerCase())) return bytes;
    const types = new TextEncoder().encode(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    );
    return createZip([[TYPES, types], ...zip.order.map((n) => [n, readEntry(zip, n)] as const)]);
  } catch {
    return bytes;
  }
}

const files = readdirSync(crashersDir).filter((f) => f.endsWith(".docx"));

/** What the crashers found by review are known to give now. */
const expected: Record<string, (r: ReturnType<typeof openKeepingCrashers>) => void> = {
  "negative-character-reference.docx": (r) => expect(outcomeOf(r)).toBe("xml_malformed"),
  "table-150000-rows-no-grid.docx": (r) => {
    expect(r.ok && r.value.read.snapshot.tables[0]?.rows.length).toBe(150_000);
    expect(r.ok && r.value.read.snapshot.tables[0]?.gridColumns).toBe(0);
  },
  "root-start-tag-100k-garbage.docx": (r) =>
    expect(r.ok && r.value.read.snapshot.paragraphs[0]?.text).toBe("still here"),
};

describe("saved crashers", () => {
  it("include every crasher found by review", () => {
    expect(files).toEqual(expect.arrayContaining(Object.keys(expected)));
  });

  it.each(files)("%s gives a document or a documented error", (file) => {
    const saved = new Uint8Array(readFileSync(path.join(crashersDir, file)));
    const r = openKeepingCrashers(saved, "replay");
    expect(["ok", ...readingCodes]).toContain(outcomeOf(r));
    const bytes = withContentTypes(saved);
    if (bytes === saved) return expected[file]?.(r);
    const replayed = openKeepingCrashers(bytes, "replay");
    expect(["ok", ...readingCodes]).toContain(outcomeOf(replayed));
    expected[file]?.(replayed);
  });
});
