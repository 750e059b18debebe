import { readdirSync } from "fs";
import path from "path";
import { decodeXmlBytes, decodeXmlPieces } from "../../../src/adapters/docx/docx-file";
import { openZip, readEntry } from "../../../src/adapters/docx/zip";
import { readWordDocument } from "../../../src/ooxml/wordml";
import {
  attributes,
  parseXml,
  sourceSlice,
  textOf,
  type XmlDocument,
  type XmlElement,
} from "../../../src/ooxml/xml";
import { fixtureBytes, fixturesDir } from "../../helpers/fixtures";

/** Everything a reader can see of a parsed document, as plain data. */
function shape(doc: XmlDocument): unknown {
  const walk = (el: XmlElement): unknown => ({
    name: el.name,
    at: [el.start, el.openEnd, el.closeStart, el.end],
    attributes: [...attributes(el)],
    children: el.children.map((c) =>
      c.kind === "text" ? { text: textOf(doc, c), at: [c.start, c.end], cdata: c.cdata } : walk(c),
    ),
  });
  return walk(doc.root);
}

function errorOf(parse: () => unknown): string | undefined {
  try {
    parse();
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

const small = [
  '<?xml version="1.0"?>',
  '<w:document xmlns:w="urn:w" xmlns:x="urn:x">',
  '<w:body><w:p w:rsidR="00A1"><w:r><w:t xml:space="preserve"> caf\u00e9 &amp; \u2610 </w:t></w:r></w:p>',
  "<!-- a comment > with a bracket --><x:e a=\"1 > 0\" b='q'/>",
  "<w:p><w:r><w:t><![CDATA[<raw> & text]]></w:t></w:r></w:p>",
  "<?pi some > thing?><w:sectPr/></w:body></w:document>",
].join("");

describe("reading XML in pieces", () => {
  it("gives the same tree wherever the text is cut in two", () => {
    const whole = shape(parseXml(small));
    for (let cut = 0; cut <= small.length; cut++) {
      const doc = parseXml([small.slice(0, cut), small.slice(cut)]);
      expect(shape(doc)).toEqual(whole);
      expect(doc.source).toBe(small);
    }
  });

  it("gives the same tree when cut in three at every pair of places ten characters apart", () => {
    const whole = shape(parseXml(small));
    for (let a = 0; a < small.length; a += 10) {
      for (let b = a; b <= small.length; b += 10) {
        const pieces = [small.slice(0, a), small.slice(a, b), small.slice(b)];
        expect(shape(parseXml(pieces))).toEqual(whole);
      }
    }
  });

  it("refuses a broken document in pieces with the same error as whole", () => {
    const broken = [
      "<a><b></a>",
      "<a>text",
      '<a x="1></a>',
      "<a><!-- never closed </a>",
      "<!DOCTYPE a><a/>",
      "<a/><b/>",
      "<p:a/>",
      "text<a/>",
    ];
    for (const xml of broken) {
      const whole = errorOf(() => parseXml(xml));
      expect(whole).toBeDefined();
      for (let cut = 0; cut <= xml.length; cut++) {
        expect(errorOf(() => parseXml([xml.slice(0, cut), xml.slice(cut)]))).toBe(whole);
      }
    }
  });

  it("slices text nodes from their piece, as from the whole text", () => {
    const cut = small.indexOf("<w:p ");
    const doc = parseXml([small.slice(0, cut), small.slice(cut)]);
    expect(doc.pieces.length).toBeGreaterThan(1);
    const texts: [number, number][] = [];
    const walk = (el: XmlElement): void => {
      for (const c of el.children) {
        if (c.kind === "text") texts.push([c.start, c.end]);
        else walk(c);
      }
    };
    walk(doc.root);
    expect(texts).toHaveLength(2);
    expect(texts.every(([a]) => a > (doc.pieceStarts[1] as number))).toBe(true);
    for (const [a, b] of texts) expect(sourceSlice(doc, a, b)).toBe(small.slice(a, b));
  });
});

describe("decoding a document part in pieces", () => {
  const files = [
    ...readdirSync(path.join(fixturesDir, "templates")).map((f) => `templates/${f}`),
    ...readdirSync(path.join(fixturesDir, "variants")).map((f) => `variants/${f}`),
  ].filter((f) => f.endsWith(".docx"));

  it.each(files)("%s: pieces end after a '>' and join to the whole text", (file) => {
    const zip = openZip(fixtureBytes(file));
    const bytes = readEntry(zip, "word/document.xml");
    const pieces = decodeXmlPieces(bytes);
    expect(pieces.join("")).toBe(decodeXmlBytes(bytes));
    for (const piece of pieces.slice(0, -1)) expect(piece.endsWith(">")).toBe(true);
    if (bytes.length > 64 * 1024) expect(pieces.length).toBeGreaterThan(1);
  });

  it.each(files)("%s: reads to the same snapshot from pieces as from one string", (file) => {
    const bytes = readEntry(openZip(fixtureBytes(file)), "word/document.xml");
    const fromPieces = readWordDocument(parseXml(decodeXmlPieces(bytes))).snapshot;
    const fromWhole = readWordDocument(parseXml(decodeXmlBytes(bytes))).snapshot;
    expect(fromPieces).toEqual(fromWhole);
  });

  it("keeps a byte order mark out of the text, and a U+FEFF that starts a later piece in it", () => {
    const body = `<a>${"<b>x</b>".repeat(8000)}</a>`;
    const encoder = new TextEncoder();
    const withMark = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode(body)]);
    expect(decodeXmlPieces(withMark).join("")).toBe(body);
    const inside = `<a>${"<b>x</b>".repeat(4000)}\ufeff${"<b>y</b>".repeat(4000)}</a>`;
    expect(decodeXmlPieces(encoder.encode(inside)).join("")).toBe(inside);
  });
});
