/**
 * The forms the templates take once Word has saved them: touching tables joined (see
 * `src/ooxml/join-tables.ts` for how Word joins them).
 */
import { joinTouchingTables } from "../../src/ooxml/join-tables";
import { editDocument } from "./make-docx";

export { hasTouchingTables, joinTouchingTables } from "../../src/ooxml/join-tables";

/** A .docx with every run of touching tables in its main part joined, as Word saves it. */
export function joinedDocx(bytes: Uint8Array): Uint8Array {
  return editDocument(bytes, joinTouchingTables);
}
