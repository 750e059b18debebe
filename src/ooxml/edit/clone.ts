/**
 * Copies of template rows and tables: the row, cell, paragraph and run properties are copied as
 * they are written; text is emptied except for the labels the copy carries.
 */
import type { WordNames, RowIndex, TableIndex } from "../wordml";
import type { XmlDocument, XmlElement } from "../xml";
import {
  firstChildNamed,
  sourceOf,
  startTagForCopy,
  textRun,
  valueRunProperties,
} from "./paragraph-xml";

/** Label text by cell and paragraph. */
type LabelMap = ReadonlyMap<string, string>;

export function labelKey(cell: number, paragraph: number): string {
  return `${cell}:${paragraph}`;
}

/** A paragraph with the same properties, holding only `label` (or nothing). */
export function clonedParagraph(
  doc: XmlDocument,
  p: XmlElement,
  n: WordNames,
  label: string | undefined,
): string {
  const pPr = firstChildNamed(p, n.pPr);
  const rPr = valueRunProperties(doc, p, n);
  const body =
    label !== undefined && label.length > 0
      ? textRun(label, rPr, n)
      : rPr.length > 0 && p.children.some((c) => c.kind === "element" && c.name === n.r)
        ? `<${n.r}>${rPr}</${n.r}>`
        : "";
  return `${startTagForCopy(doc, p)}${pPr ? sourceOf(doc, pPr) : ""}${body}</${n.p}>`;
}

/** A copy of a row: `trPr` (and `tblPrEx`) as written, each cell copied with its labels. */
export function clonedRow(doc: XmlDocument, row: RowIndex, n: WordNames, labels: LabelMap): string {
  const tr = row.element;
  let out = startTagForCopy(doc, tr);
  for (const ch of tr.children) {
    if (ch.kind === "element" && (ch.name === n.trPr || ch.name === n.q("tblPrEx"))) {
      out += sourceOf(doc, ch);
    }
  }
  row.cells.forEach((cell, c) => {
    const tc = cell.element;
    const tcPr = firstChildNamed(tc, n.tcPr);
    let inner = tcPr ? sourceOf(doc, tcPr) : "";
    cell.paragraphs.forEach((p, k) => {
      inner += clonedParagraph(doc, p, n, labels.get(labelKey(c, k)));
    });
    if (cell.paragraphs.length === 0) inner += `<${n.p}/>`;
    out += `${startTagForCopy(doc, tc)}${inner}</${n.tc}>`;
  });
  return `${out}</${n.tr}>`;
}

/** A copy of a table: `tblPr` and `tblGrid` as written, each row copied with its labels. */
export function clonedTable(
  doc: XmlDocument,
  table: TableIndex,
  n: WordNames,
  labelsByRow: ReadonlyMap<number, LabelMap>,
): string {
  const tbl = table.element;
  let out = startTagForCopy(doc, tbl);
  for (const ch of tbl.children) {
    if (ch.kind === "element" && (ch.name === n.q("tblPr") || ch.name === n.tblGrid)) {
      out += sourceOf(doc, ch);
    }
  }
  table.rows.forEach((row, r) => {
    out += clonedRow(doc, row, n, labelsByRow.get(r) ?? new Map());
  });
  return `${out}</${n.tbl}>`;
}
