import { readFileSync } from "fs";
import path from "path";
import { defaultDocxLimits, docxNoticeCodes } from "../../src/adapters/docx/docx-file";
import { readingCodes } from "../fuzz/fuzz-helpers";

const doc = readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8").replace(/ +/g, " ");

describe("the table of bad inputs in the README", () => {
  it("documents every code reading a file may give, and every warning", () => {
    const missing = [...readingCodes, ...docxNoticeCodes].filter(
      (code) => !doc.includes(`\`${code}\``),
    );
    expect(missing).toEqual([]);
  });

  it("states the limits with their current values", () => {
    const mb = (n: number) => `${n / (1024 * 1024)} MB`;
    expect(doc).toContain(
      `| entries in a package | ${defaultDocxLimits.maxEntries.toLocaleString("en-US")} |`,
    );
    expect(doc).toContain(
      `| uncompressed size of one part | ${mb(defaultDocxLimits.maxEntryBytes)} |`,
    );
    expect(doc).toContain(
      `| uncompressed size of all parts read from one file | ${mb(defaultDocxLimits.maxTotalBytes)} |`,
    );
    expect(doc).toContain(
      `larger than ${mb(defaultDocxLimits.ratioFloorBytes)} | ${defaultDocxLimits.maxRatio} : 1 |`,
    );
    expect(doc).toContain(`| XML nesting depth | ${defaultDocxLimits.maxXmlDepth} |`);
    expect(doc).toContain(
      `| time to read one file | ${defaultDocxLimits.maxMillis / 1000} seconds |`,
    );
  });
});
