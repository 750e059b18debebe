/**
 * Shared by the fuzz tests and the crasher replay: the codes a read may end with, and a way to
 * open bytes that keeps any input which makes the reader throw.
 */
import { mkdirSync, writeFileSync } from "fs";
import path from "path";
import { openDocx } from "../../src/adapters/docx/docx-file";
import { crc32 } from "../../src/adapters/docx/zip";
import { errorCodes, type Result } from "../../src/domain/result";
import type { DocumentSnapshot } from "../../src/domain/snapshot";
import type { DocxPackage } from "../../src/adapters/docx/docx-file";
import { fixturesDir } from "../helpers/fixtures";

/** Every code reading a file may give: the "file" and "XML" groups of the error codes. */
export const readingCodes: readonly string[] = errorCodes.slice(
  0,
  errorCodes.indexOf("time_limit") + 1,
);

export const crashersDir = path.join(fixturesDir, "crashers");

/**
 * Opens bytes; if the reader throws (a bug: bad input must give an Err), the input is saved in
 * tests/fixtures/crashers/ so it is replayed from then on, and the error is rethrown.
 */
export function openKeepingCrashers(bytes: Uint8Array, label: string): Result<DocxPackage> {
  try {
    return openDocx(bytes);
  } catch (e) {
    mkdirSync(crashersDir, { recursive: true });
    const name = `${label}-${crc32(bytes).toString(16).padStart(8, "0")}.docx`;
    writeFileSync(path.join(crashersDir, name), bytes);
    throw e;
  }
}

/** What a read ended with: "ok" or an error code. */
export function outcomeOf(r: Result<unknown>): string {
  return r.ok ? "ok" : r.error.code;
}

/** Facts that hold for any snapshot the reader returns, however odd the document. */
export function snapshotIsConsistent(s: DocumentSnapshot): boolean {
  return (
    s.tables.every(
      (t, i) =>
        t.index === i &&
        t.gridColumns >= 0 &&
        (t.parent === undefined || t.parent.table < i) &&
        t.rows.every(
          (r, ri) =>
            r.index === ri &&
            r.cells.every(
              (c, ci) =>
                c.index === ci &&
                c.gridColumn >= 0 &&
                c.gridSpan >= 1 &&
                c.rowSpan >= 0 &&
                c.text === c.paragraphs.map((p) => p.text).join("\n") &&
                c.nestedTables.every((n) => n > i && n < s.tables.length),
            ),
        ),
    ) &&
    s.paragraphs.every((p, i) => p.index === i) &&
    s.blocks.every((b) =>
      b.kind === "table" ? b.table < s.tables.length : b.paragraph < s.paragraphs.length,
    )
  );
}
