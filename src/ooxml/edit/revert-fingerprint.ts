/**
 * What a fill wrote into the rows and tables it added, as a short fingerprint kept in the fill
 * record: revert takes an added row or table away only while it still holds what the fill wrote
 * (an entry altered to point at a template's own rows, or rows a person typed into since, do not
 * match). Texts are compared as the reader reads them, so the fingerprint is the same whichever
 * host wrote the rows.
 */
import { normaliseSlotText } from "../../domain/edits";
import type { DocumentSnapshot } from "../../domain/snapshot";

/** A text as revert compares it: line ends alike, the look-alike circle characters alike. */
export function comparableText(s: string): string {
  return normaliseSlotText(s.replace(/\u000b|\r\n?/g, "\n")).replace(
    /[\uF000-\uF0FF○●◯⚪⬤⚫(]/g,
    "◦",
  );
}

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

/** The cell texts of some rows of a table, one line per cell, rows apart. */
function rowsText(snapshot: DocumentSnapshot, table: number, row: number, count: number): string {
  return (snapshot.tables[table]?.rows.slice(row, row + count) ?? [])
    .map((r) => r.cells.map((c) => comparableText(c.text)).join("\u0001"))
    .join("\u0002");
}

/** The fingerprint of rows `row .. row+count-1` of `table`. */
export function rowsFingerprint(
  snapshot: DocumentSnapshot,
  table: number,
  row: number,
  count: number,
): string {
  return hash(rowsText(snapshot, table, row, count));
}

/** The fingerprint of tables `table .. table+count-1` (document order), every row of each. */
export function tablesFingerprint(
  snapshot: DocumentSnapshot,
  table: number,
  count: number,
): string {
  const parts: string[] = [];
  for (let t = table; t < table + count; t++)
    parts.push(rowsText(snapshot, t, 0, snapshot.tables[t]?.rows.length ?? 0));
  return hash(parts.join("\u0003"));
}
