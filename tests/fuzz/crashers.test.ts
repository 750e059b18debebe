/**
 * Replays every input that once made the reader throw or hang (tests/fixtures/crashers/, see its
 * README). Each must now give a document or a documented error.
 */
import { readdirSync, readFileSync } from "fs";
import path from "path";
import { crashersDir, openKeepingCrashers, outcomeOf, readingCodes } from "./fuzz-helpers";

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
    const bytes = new Uint8Array(readFileSync(path.join(crashersDir, file)));
    const r = openKeepingCrashers(bytes, "replay");
    expect(["ok", ...readingCodes]).toContain(outcomeOf(r));
    expected[file]?.(r);
  });
});
