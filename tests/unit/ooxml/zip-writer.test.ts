import { openDocx } from "../../../src/adapters/docx/docx-file";
import {
  crc32,
  createZip,
  openZip,
  readEntry,
  writeZip,
  type ZipArchive,
} from "../../../src/adapters/docx/zip";
import { templateBytes, templateIds } from "../../helpers/fixtures";
import { descriptorZip } from "../../hostile/hostile-files";

const encoder = new TextEncoder();

/** The raw bytes of an entry as stored: local header and compressed data. */
function rawEntry(zip: ZipArchive, name: string): Uint8Array {
  const e = zip.entries.get(name);
  if (!e) throw new Error(`no entry ${name}`);
  return zip.bytes.subarray(e.localHeaderOffset, e.dataOffset + e.compressedSize);
}

/** Byte equality, quick for large arrays (jest's deep equality walks them element by element). */
function same(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.length).equals(
    Buffer.from(b.buffer, b.byteOffset, b.length),
  );
}

describe("the zip writer", () => {
  it("computes the standard CRC-32", () => {
    expect(crc32(encoder.encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it("computes the same CRC-32 as the bit-by-bit definition for every length and alignment", () => {
    const reference = (data: Uint8Array) => {
      let c = 0xffffffff;
      for (const byte of data) {
        c ^= byte;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      return (c ^ 0xffffffff) >>> 0;
    };
    const data = templateBytes("clna").subarray(0, 300);
    for (let from = 0; from < 4; from++) {
      for (let length = 0; length < 40; length++) {
        const slice = data.subarray(from, from + length);
        expect(crc32(slice)).toBe(reference(slice));
      }
    }
  });

  it.each(templateIds)("round-trips the %s replica with every entry copied byte for byte", (id) => {
    const original = openZip(templateBytes(id));
    const copy = openZip(writeZip(original, { replace: new Map() }));
    expect(copy.order).toEqual(original.order);
    const differing = original.order.filter(
      (name) => !same(rawEntry(copy, name), rawEntry(original, name)),
    );
    expect(differing).toEqual([]);
    const a = openDocx(original.bytes);
    const b = openDocx(copy.bytes);
    expect(
      a.ok &&
        b.ok &&
        JSON.stringify(b.value.read.snapshot) === JSON.stringify(a.value.read.snapshot),
    ).toBe(true);
  });

  it.each(templateIds)("changes only the replaced part of the %s replica", (id) => {
    const original = openZip(templateBytes(id));
    const doc = new TextDecoder().decode(readEntry(original, "word/document.xml"));
    const changed = doc.replace("<w:body>", "<w:body><w:p><w:r><w:t>Added</w:t></w:r></w:p>");
    const out = openZip(
      writeZip(original, { replace: new Map([["word/document.xml", encoder.encode(changed)]]) }),
    );
    const differing = original.order.filter(
      (name) => !same(rawEntry(out, name), rawEntry(original, name)),
    );
    expect(differing).toEqual(["word/document.xml"]);
    expect(new TextDecoder().decode(readEntry(out, "word/document.xml"))).toBe(changed);
    const r = openDocx(out.bytes);
    expect(r.ok && r.value.read.snapshot.paragraphs[0]?.text).toBe("Added");
  });

  it("rewrites an entry written with a data descriptor into a plain header, data unchanged", () => {
    const xml = encoder.encode("<a>descriptor</a>");
    const original = openZip(descriptorZip("word/document.xml", xml));
    expect((original.entries.get("word/document.xml")?.flags ?? 0) & 0x8).toBe(0x8);
    const copy = openZip(writeZip(original, { replace: new Map() }));
    const e = copy.entries.get("word/document.xml");
    expect((e?.flags ?? 0) & 0x8).toBe(0);
    const dv = new DataView(copy.bytes.buffer, copy.bytes.byteOffset);
    expect(dv.getUint32((e?.localHeaderOffset ?? 0) + 18, true)).toBe(e?.compressedSize);
    expect(new TextDecoder().decode(readEntry(copy, "word/document.xml"))).toBe(
      "<a>descriptor</a>",
    );
  });

  it("adds and removes entries", () => {
    const original = openZip(templateBytes("ddtt-action-plan"));
    const out = openZip(
      writeZip(original, {
        replace: new Map([["customXml/item1.xml", encoder.encode("<plan/>")]]),
        remove: new Set(["docProps/custom.xml"]),
      }),
    );
    expect(out.entries.has("docProps/custom.xml")).toBe(false);
    expect(out.order[out.order.length - 1]).toBe("customXml/item1.xml");
    expect(new TextDecoder().decode(readEntry(out, "customXml/item1.xml"))).toBe("<plan/>");
  });

  it("keeps a copied entry's name bytes when they are not UTF-8", () => {
    // "caf\xe9.xml" in Latin-1 (flag bit 11 clear), as old zip tools write it.
    const zip = createZip([["cafe.xml", encoder.encode("<a/>")]]);
    const bytes = zip.slice();
    for (let i = 0; i + 4 <= bytes.length; i++) {
      if (
        bytes[i] === 0x63 &&
        bytes[i + 1] === 0x61 &&
        bytes[i + 2] === 0x66 &&
        bytes[i + 3] === 0x65
      )
        bytes[i + 3] = 0xe9;
    }
    // Clear the UTF-8 flag in both headers.
    const dv = new DataView(bytes.buffer);
    dv.setUint16(6, dv.getUint16(6, true) & ~0x800, true);
    const cd = dv.getUint32(bytes.length - 6, true);
    dv.setUint16(cd + 8, dv.getUint16(cd + 8, true) & ~0x800, true);
    const latin = openZip(bytes);
    expect(latin.order).toEqual(["caf\u00e9.xml"]);
    const copy = openZip(writeZip(latin, { replace: new Map() }));
    expect(copy.order).toEqual(["caf\u00e9.xml"]);
    expect(new TextDecoder().decode(readEntry(copy, "caf\u00e9.xml"))).toBe("<a/>");
  });
});
