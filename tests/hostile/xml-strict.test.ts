/**
 * XML that Word would refuse is refused with `xml_malformed` and the place; XML it accepts (white
 * space around `=`) is read; parts in UTF-16 or ISO-8859-1 are read as declared and written back
 * in their own encoding; parsing stays linear whatever the text holds (shown by counting the
 * work, not by timing it).
 */
import { fillDocx } from "../../src/adapters/docx/docx-writer";
import { decodeXmlBytes, openDocx } from "../../src/adapters/docx/docx-file";
import { openZip, readEntry } from "../../src/adapters/docx/zip";
import { attr, parseXml, type XmlElement } from "../../src/ooxml/xml";
import { handPlan } from "../writeback/hand-plans";
import { snapshotOf } from "../writeback/helpers";
import { errorOf, partText, replicaWith, W_NS } from "./hostile-files";

const doc = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W_NS}"><w:body>${body}</w:body></w:document>`;

function refused(xml: string): { code: string; message: string } {
  try {
    parseXml(xml);
  } catch (e) {
    return (e as { failure: { code: string; message: string } }).failure;
  }
  throw new Error("parsed");
}

describe("XML Word refuses", () => {
  it.each([
    ["&#0;", "NUL"],
    ["&#x1F;", "a control character"],
    ["&#xFFFE;", "U+FFFE"],
    ["&#xD800;", "a lone surrogate"],
    ["&#55296;", "a lone surrogate, in decimal"],
    ["&#x110000;", "past the last code point"],
  ])("a character reference %s (%s), in text or in an attribute", (ref) => {
    for (const xml of [
      doc(`<w:p><w:r><w:t>a${ref}</w:t></w:r></w:p>`),
      doc(`<w:p><w:pPr><w:pStyle w:val="x${ref}"/></w:pPr></w:p>`),
    ]) {
      const f = refused(xml);
      expect(f.code).toBe("xml_malformed");
      expect(f.message).toMatch(/at line 1, column \d+/);
    }
  });

  it("allowed references are still read (tab, line end, an astral character)", () => {
    const d = parseXml(doc(`<w:p><w:r><w:t>&#9;&#xA;&#x1F600;</w:t></w:r></w:p>`));
    expect(d.root.name).toBe("w:document");
  });

  it("raw control characters and lone surrogates, with the line and column", () => {
    const f = refused(doc(`<w:p>\n<w:r><w:t>ab\u0001</w:t></w:r></w:p>`));
    expect(f.code).toBe("xml_malformed");
    expect(f.message).toContain("U+0001");
    expect(f.message).toContain("at line 2, column 13");
    expect(refused(doc(`<w:p><w:r><w:t>\uD800x</w:t></w:r></w:p>`)).message).toContain(
      "lone surrogate",
    );
  });

  it("an attribute given twice", () => {
    const f = refused(doc(`<w:p><w:pPr><w:jc w:val="left" w:val="right"/></w:pPr></w:p>`));
    expect(f.code).toBe("xml_malformed");
    expect(f.message).toContain("w:val twice");
    expect(f.message).toContain("at line 1");
    // The same local name under two prefixes is two attributes.
    expect(() =>
      parseXml(doc(`<w:p><w:pPr><w:jc w:val="left" x:val="right" xmlns:x="urn:x"/></w:pPr></w:p>`)),
    ).not.toThrow();
  });

  it("bytes that are not UTF-8, in a .docx, with where they are", () => {
    const xml = new TextEncoder().encode(doc("<w:p><w:r><w:t>caf_</w:t></w:r></w:p>"));
    const at = xml.indexOf(0x5f); // "_"
    xml[at] = 0xc3;
    xml[at + 1] = 0x28; // "(" cannot follow 0xC3
    const r = openDocx(withDocument(xml));
    const e = errorOf(r);
    expect(e.code).toBe("xml_malformed");
    expect(e.message).toContain(`not valid UTF-8 text (at byte ${at})`);
  });
});

function withDocument(bytes: Uint8Array): Uint8Array {
  return replicaWith("ddtt-action-plan", { "word/document.xml": bytes });
}

describe("XML Word accepts", () => {
  it("tabs and line ends around = in attributes (Tika's altChunk files)", () => {
    const rels = partText("ddtt-action-plan", "_rels/.rels").replace(/Type="/g, 'Type\t=\n"');
    expect(rels).toContain("Type\t=\n");
    const r = openDocx(replicaWith("ddtt-action-plan", { "_rels/.rels": rels }));
    expect(r.ok).toBe(true);
    const el = parseXml(`<a b\n=\t"1" c = '2'/>`).root;
    expect(attr(el, "b")).toBe("1");
    expect(attr(el, "c")).toBe("2");
  });
});

describe("encodings", () => {
  const documentXml = partText("ddtt-action-plan", "word/document.xml");

  function utf16(text: string, bom: boolean): Uint8Array {
    const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
    if (bom) out.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[(bom ? 2 : 0) + i * 2] = c & 0xff;
      out[(bom ? 2 : 0) + i * 2 + 1] = c >> 8;
    }
    return out;
  }

  it("a UTF-16 document part is read, filled, and written back in UTF-16", () => {
    const declared = documentXml.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"');
    expect(declared).toContain('encoding="UTF-16"');
    const bytes = withDocument(utf16(declared, true));
    const opened = openDocx(bytes);
    expect(opened.ok).toBe(true);
    const plan = handPlan("ddtt-action-plan", snapshotOf(bytes), (k) => `Valüe ${k} ☒`);
    const r = fillDocx(bytes, plan, { label: "x", now: new Date("2026-01-01T00:00:00Z") });
    if (!r.ok) throw new Error(r.error.message);
    const part = readEntry(openZip(r.value.bytes), "word/document.xml");
    expect([part[0], part[1]]).toEqual([0xff, 0xfe]);
    const text = decodeXmlBytes(part);
    expect(text).toContain('encoding="UTF-16"');
    expect(text).toContain("Valüe");
    expect(snapshotOf(r.value.bytes).tables.length).toBe(snapshotOf(bytes).tables.length);
  });

  it("an ISO-8859-1 part is read as declared and written back in ISO-8859-1", () => {
    const declared = documentXml
      .replace(/encoding="UTF-8"/i, 'encoding="ISO-8859-1"')
      .replace("</w:body>", "<w:p><w:r><w:t>Café</w:t></w:r></w:p></w:body>");
    // Characters ISO-8859-1 lacks (the template's check boxes, dashes) as references.
    const asLatin1 = declared.replace(/[^\u0000-\u00ff]/gu, (c) => `&#${c.codePointAt(0)};`);
    const latin1 = Uint8Array.from([...asLatin1].map((c) => c.charCodeAt(0)));
    expect(latin1.includes(0xe9)).toBe(true);
    const bytes = withDocument(latin1);
    expect(snapshotOf(bytes).paragraphs.some((p) => p.text === "Café")).toBe(true);
    const plan = handPlan("ddtt-action-plan", snapshotOf(bytes), (k) => `Valüe ${k} ☒`);
    const r = fillDocx(bytes, plan, { label: "x", now: new Date("2026-01-01T00:00:00Z") });
    if (!r.ok) throw new Error(r.error.message);
    const part = readEntry(openZip(r.value.bytes), "word/document.xml");
    // Every byte is one character: é as 0xE9, and ☒ (not in ISO-8859-1) as a reference.
    expect(part.includes(0xc3)).toBe(false);
    const text = decodeXmlBytes(part);
    expect(text).toContain("Valüe");
    expect(text).toContain("&#9746;");
    const values = snapshotOf(r.value.bytes).tables.flatMap((t) =>
      t.rows.flatMap((row) => row.cells.map((c) => c.text)),
    );
    expect(values.some((v) => v.includes("Valüe") && v.includes("☒"))).toBe(true);
  });

  it("a part declaring UTF-16 whose bytes are 8-bit, or an unknown encoding, is refused", () => {
    const liar = documentXml.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"');
    expect(errorOf(openDocx(withDocument(new TextEncoder().encode(liar)))).code).toBe(
      "xml_malformed",
    );
    const sjis = documentXml.replace(/encoding="UTF-8"/i, 'encoding="Shift_JIS"');
    const e = errorOf(openDocx(withDocument(new TextEncoder().encode(sjis))));
    expect(e.code).toBe("xml_unsupported_encoding");
    expect(e.message).toContain("Shift_JIS");
  });
});

describe("parsing stays linear", () => {
  /** Pieces as the .docx reader makes them: each about 16 KB, ending just after a `>`. */
  function pieces(xml: string): string[] {
    const out: string[] = [];
    let at = 0;
    while (at < xml.length) {
      const gt = xml.indexOf(">", at + 16 * 1024);
      const end = gt === -1 ? xml.length : gt + 1;
      out.push(xml.slice(at, end));
      at = end;
    }
    return out;
  }

  it.each([
    ["a text node", (big: string) => doc(`<w:p><w:r><w:t>${big}</w:t></w:r></w:p>`)],
    ["a comment", (big: string) => doc(`<!--${big}--><w:p/>`)],
    ["an attribute", (big: string) => doc(`<w:p><w:pPr><w:pStyle w:val="${big}"/></w:pPr></w:p>`)],
  ])("%s holding 4 MB of '>' is joined a bounded number of times over", (_what, make) => {
    const xml = make("a>".repeat(2 * 1024 * 1024));
    const split = pieces(xml);
    expect(split.length).toBeGreaterThan(200);
    const joined = parseXml(split).work?.joined ?? Number.POSITIVE_INFINITY;
    // Joining one piece at a time would join about pieces²/2 × 16 KB: hundreds of times the text.
    expect(joined).toBeLessThan(4 * xml.length);
  });

  it("attr() reads nothing past the element's own start tag", () => {
    const real = `<pkg:package xmlns:pkg="urn:p"><pkg:part pkg:name="/word/document.xml">${"A".repeat(100_000)}</pkg:part></pkg:package>`;
    const root = parseXml(real).root;
    const part = root.children[0] as XmlElement;
    const reads: [number, number][] = [];
    // The element's text, watched: every slice taken of it is recorded.
    const watched = new Proxy(new String(real), {
      get(target, key) {
        if (key === "slice") {
          return (a: number, b: number) => {
            reads.push([a, b]);
            return real.slice(a, b);
          };
        }
        const v = Reflect.get(target, key) as unknown;
        return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(real) : v;
      },
    }) as unknown as string;
    for (const el of [root, part]) {
      reads.length = 0;
      const w = { ...el, source: watched };
      expect(attr(w, "xmlns:w")).toBeUndefined();
      expect(attr(w, "pkg:name")).toBe(el === part ? "/word/document.xml" : undefined);
      expect(reads.length).toBeGreaterThan(0);
      for (const [a, b] of reads) {
        expect(a).toBeGreaterThanOrEqual(el.attrStart);
        expect(b).toBeLessThanOrEqual(el.attrEnd);
      }
    }
  });

  it("namespaces declared below the root (Word's getOoxml) are looked up once per element", () => {
    const body = "<w:p><w:r><w:t>x</w:t></w:r></w:p>".repeat(2000);
    const xml = `<pkg:package xmlns:pkg="urn:p"><pkg:part><pkg:xmlData><w:document xmlns:w="${W_NS}"><w:body>${body}</w:body></w:document></pkg:xmlData></pkg:part><pkg:part><pkg:binaryData>${"QUJD".repeat(50_000)}</pkg:binaryData></pkg:part></pkg:package>`;
    expect(parseXml(xml).root.name).toBe("pkg:package");
    expect(() => parseXml(xml.replace(`xmlns:w="${W_NS}"`, ""))).toThrow(/namespace prefix "w"/);
  });
});
