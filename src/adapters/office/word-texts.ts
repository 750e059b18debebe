/**
 * What the reader makes of the OOXML Word gives for a range: the check before a write and the
 * read-back after it compare these with what was read before, never Word's `.text` (which gives
 * a Wingdings circle as its raw characters "¡" or "l", a `w:sym` as "(", tracked deletions when
 * revisions show inline, and its own characters for no-break hyphens: office-js #2368, #4477,
 * #1267). The same code reads a .docx file.
 */
import type { DocumentSnapshot } from "../../domain/snapshot";
import { parseFlatOpcDocument } from "./office-reader";

/**
 * The document the reader makes of a flat OPC package, or undefined when it cannot be read
 * (Word answered something that is not a package).
 */
export function readPackage(ooxml: string | undefined): DocumentSnapshot | undefined {
  if (typeof ooxml !== "string" || ooxml.length === 0) return undefined;
  try {
    return parseFlatOpcDocument(ooxml).snapshot;
  } catch {
    return undefined;
  }
}

/**
 * The texts of the paragraphs of a package Word gave for a cell's body or a paragraph: its
 * body's paragraphs in order (Word may hand a cell's contents over inside a one-cell table: then
 * that cell's paragraphs). Undefined when the package cannot be read.
 */
export function packageParagraphTexts(ooxml: string | undefined): string[] | undefined {
  const doc = readPackage(ooxml);
  if (!doc) return undefined;
  if (doc.paragraphs.length === 0 && doc.tables.length > 0) {
    const cells = doc.tables
      .filter((t) => !t.parent)
      .flatMap((t) => t.rows.flatMap((r) => r.cells));
    if (cells.length === 1) return (cells[0]?.paragraphs ?? []).map((p) => p.text);
  }
  return doc.paragraphs.map((p) => p.text);
}
