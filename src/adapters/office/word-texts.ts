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
