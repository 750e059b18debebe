/**
 * Filled .docx variants for tests: text spliced into the replica's XML, into the cell paragraph
 * the plan reader locates for each field (cell locations only).
 */
import { openDocx, decodeXmlBytes } from "../../../src/adapters/docx/docx-file";
import { readEntry, writeZip } from "../../../src/adapters/docx/zip";
import { applySplices } from "../../../src/ooxml/comments";
import { escapeXml } from "../../../src/ooxml/xml";
import type { CellLocation } from "../../../src/domain/snapshot";

export type CellText = { readonly location: CellLocation; readonly text: string };

export function fillCells(bytes: Uint8Array, cells: readonly CellText[]): Uint8Array {
  const opened = openDocx(bytes);
  if (!opened.ok) throw new Error(opened.error.message);
  const pkg = opened.value;
  const source = decodeXmlBytes(readEntry(pkg.zip, pkg.mainPart));
  const splices = cells.map(({ location: l, text }) => {
    const cell = pkg.read.index.tables[l.table]?.rows[l.row]?.cells[l.cell];
    const p = cell?.paragraphs[l.paragraph ?? 0] ?? cell?.paragraphs[0];
    if (!p) throw new Error(`no paragraph at ${JSON.stringify(l)}`);
    const run = `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
    if (p.closeStart === p.end) {
      return {
        at: p.start,
        end: p.end,
        text: `${source.slice(p.start, p.end - 2).trimEnd()}>${run}</${p.name}>`,
      };
    }
    return { at: p.closeStart, end: p.closeStart, text: run };
  });
  const xml = applySplices(source, splices);
  return writeZip(pkg.zip, { replace: new Map([[pkg.mainPart, new TextEncoder().encode(xml)]]) });
}
