/**
 * Builders for hostile and odd inputs, made at run time from the replica templates so no large or
 * dangerous file is ever committed.
 */
import { openDocx } from "../../src/adapters/docx/docx-file";
import { crc32, createZip, openZip, readEntry, writeZip } from "../../src/adapters/docx/zip";
import { deflateSync } from "fflate";
import type { Result } from "../../src/domain/result";
import { templateBytes, type TemplateId } from "../helpers/fixtures";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** The text of one part of a replica. */
export function partText(id: TemplateId, name: string): string {
  const zip = openZip(templateBytes(id));
  return decoder.decode(readEntry(zip, name));
}

/** A replica with some parts replaced (string or bytes), added, or removed (`null`). */
export function replicaWith(
  id: TemplateId,
  changes: Readonly<Record<string, string | Uint8Array | null>>,
): Uint8Array {
  const zip = openZip(templateBytes(id));
  const replace = new Map<string, Uint8Array>();
  const remove = new Set<string>();
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) remove.add(name);
    else replace.set(name, typeof value === "string" ? encoder.encode(value) : value);
  }
  return writeZip(zip, { replace, remove });
}

/** A replica whose document body is replaced by `bodyXml` (the section properties are dropped). */
export function replicaWithBody(id: TemplateId, bodyXml: string): Uint8Array {
  const xml = partText(id, "word/document.xml");
  const open = xml.indexOf("<w:body>") + "<w:body>".length;
  const close = xml.lastIndexOf("</w:body>");
  return replicaWith(id, { "word/document.xml": xml.slice(0, open) + bodyXml + xml.slice(close) });
}

/** A minimal package holding only a main document part with this body. */
export function minimalDocx(
  bodyXml: string,
  extra: ReadonlyArray<readonly [string, string]> = [],
): Uint8Array {
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W_NS}"><w:body>${bodyXml}</w:body></w:document>`;
  // Every Word document has its content types; without them the reader stops before any limit.
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
  return createZip([
    ...(extra.some(([n]) => n === "[Content_Types].xml")
      ? []
      : [["[Content_Types].xml", encoder.encode(types)] as const]),
    ["word/document.xml", encoder.encode(doc)],
    ...extra.map(([n, t]) => [n, encoder.encode(t)] as const),
  ]);
}

export function cell(text: string, props = ""): string {
  return `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ""}<w:p>${text ? `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>` : ""}</w:p></w:tc>`;
}

export function table(rows: readonly (readonly string[])[], columns: number): string {
  const grid = `<w:tblGrid>${"<w:gridCol/>".repeat(columns)}</w:tblGrid>`;
  return `<w:tbl>${grid}${rows.map((r) => `<w:tr>${r.join("")}</w:tr>`).join("")}</w:tbl>`;
}

/** An OLE compound file header and directory, as a legacy .doc or an encrypted .docx starts. */
export function oleFile(streams: readonly string[]): Uint8Array {
  const sector = 512;
  const out = new Uint8Array(sector * 3);
  const dv = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  dv.setUint16(24, 0x003e, true); // minor version
  dv.setUint16(26, 0x0003, true); // major version 3
  dv.setUint16(28, 0xfffe, true); // byte order
  dv.setUint16(30, 9, true); // sector shift (512)
  dv.setUint16(32, 6, true); // mini sector shift
  dv.setUint32(44, 1, true); // FAT sectors
  dv.setUint32(48, 1, true); // first directory sector
  dv.setUint32(56, 4096, true); // mini stream cutoff
  dv.setUint32(60, 0xfffffffe, true);
  dv.setUint32(68, 0xfffffffe, true);
  dv.setUint32(76, 0, true); // first FAT sector
  for (let i = 1; i < 109; i++) dv.setUint32(76 + i * 4, 0xffffffff, true);
  // FAT: sector 0 is FAT, sector 1 the directory.
  dv.setUint32(sector, 0xfffffffd, true);
  dv.setUint32(sector + 4, 0xfffffffe, true);
  for (let i = 2; i < 128; i++) dv.setUint32(sector + i * 4, 0xffffffff, true);
  const names = ["Root Entry", ...streams];
  names.slice(0, 4).forEach((name, k) => {
    const at = sector * 2 + k * 128;
    for (let c = 0; c < name.length; c++) dv.setUint16(at + c * 2, name.charCodeAt(c), true);
    dv.setUint16(at + 64, (name.length + 1) * 2, true);
    out[at + 66] = k === 0 ? 5 : 2; // root storage / stream
  });
  return out;
}

/** Little-endian field writers for patching zip headers. */
export function setU16(b: Uint8Array, at: number, v: number): void {
  new DataView(b.buffer, b.byteOffset).setUint16(at, v, true);
}
export function setU32(b: Uint8Array, at: number, v: number): void {
  new DataView(b.buffer, b.byteOffset).setUint32(at, v, true);
}

/** Offsets of one entry's central and local headers in a zip. */
export function headersOf(bytes: Uint8Array, name: string): { central: number; local: number } {
  const zip = openZip(bytes);
  const e = zip.entries.get(name);
  if (!e) throw new Error(`no entry ${name}`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset);
  const eocd = bytes.length - 22;
  let p = dv.getUint32(eocd + 16, true);
  for (;;) {
    const nameLen = dv.getUint16(p + 28, true);
    const here = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (here === name) return { central: p, local: e.localHeaderOffset };
    p += 46 + nameLen + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
}

/** Renames an entry in both headers to a name of the same length. */
export function renameEntry(bytes: Uint8Array, from: string, to: string): Uint8Array {
  if (from.length !== to.length) throw new Error("same length only");
  const out = bytes.slice();
  const { central, local } = headersOf(out, from);
  out.set(encoder.encode(to), central + 46);
  out.set(encoder.encode(to), local + 30);
  return out;
}

/** The error code of opening these bytes, or "ok". */
export function outcome(bytes: Uint8Array): string {
  const r = openDocx(bytes);
  return r.ok ? "ok" : r.error.code;
}

export function errorOf<T>(r: Result<T>): { code: string; message: string } {
  if (r.ok) throw new Error("expected an error, got a value");
  return r.error;
}

/** A one-entry zip with a stored entry. */
export function storedZip(name: string, content: Uint8Array): Uint8Array {
  return rawZip(name, content, 0, content, false);
}

/** A one-entry zip whose local header has zero sizes and a data descriptor after the data. */
export function descriptorZip(name: string, content: Uint8Array): Uint8Array {
  return rawZip(name, deflateSync(content), 8, content, true);
}

export function rawZip(
  name: string,
  data: Uint8Array,
  method: number,
  content: Uint8Array,
  descriptor: boolean,
): Uint8Array {
  const n = new TextEncoder().encode(name);
  const crc = crc32(content);
  const local = new Uint8Array(30 + n.length);
  const flags = descriptor ? 0x8 : 0;
  setU32(local, 0, 0x04034b50);
  setU16(local, 4, 20);
  setU16(local, 6, flags);
  setU16(local, 8, method);
  if (!descriptor) {
    setU32(local, 14, crc);
    setU32(local, 18, data.length);
    setU32(local, 22, content.length);
  }
  setU16(local, 26, n.length);
  local.set(n, 30);
  const desc = new Uint8Array(descriptor ? 16 : 0);
  if (descriptor) {
    setU32(desc, 0, 0x08074b50);
    setU32(desc, 4, crc);
    setU32(desc, 8, data.length);
    setU32(desc, 12, content.length);
  }
  const central = new Uint8Array(46 + n.length);
  setU32(central, 0, 0x02014b50);
  setU16(central, 4, 20);
  setU16(central, 6, 20);
  setU16(central, 8, flags);
  setU16(central, 10, method);
  setU32(central, 16, crc);
  setU32(central, 20, data.length);
  setU32(central, 24, content.length);
  setU16(central, 28, n.length);
  central.set(n, 46);
  const end = new Uint8Array(22);
  setU32(end, 0, 0x06054b50);
  setU16(end, 8, 1);
  setU16(end, 10, 1);
  setU32(end, 12, central.length);
  setU32(end, 16, local.length + data.length + desc.length);
  const out = new Uint8Array(
    local.length + data.length + desc.length + central.length + end.length,
  );
  let o = 0;
  for (const part of [local, data, desc, central, end]) {
    out.set(part, o);
    o += part.length;
  }
  return out;
}
