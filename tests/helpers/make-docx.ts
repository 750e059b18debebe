/**
 * Building test documents: minimal .docx packages around a body, variants of the replica
 * templates the way Word saves them (runs split with proofing marks, bookmarks and rsids, symbol
 * glyphs as `w:sym`), and Word's flat OPC form of a package (what `body.getOoxml()` returns).
 */
import { createZip, openZip, readEntry, writeZip } from "../../src/adapters/docx/zip";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Every XML part of a package (rels included), by entry name. */
export function readParts(bytes: Uint8Array): Map<string, string> {
  const zip = openZip(bytes);
  const parts = new Map<string, string>();
  for (const name of zip.order) {
    if (/\.(xml|rels)$/i.test(name)) parts.set(name, decoder.decode(readEntry(zip, name)));
  }
  return parts;
}

/** The same package with some parts replaced (every other entry copied byte for byte). */
export function withParts(bytes: Uint8Array, replace: Record<string, string>): Uint8Array {
  const zip = openZip(bytes);
  const map = new Map<string, Uint8Array>();
  for (const [k, v] of Object.entries(replace)) map.set(k, encoder.encode(v));
  return writeZip(zip, { replace: map });
}

/** The package with its main document part rewritten by `edit`. */
export function editDocument(bytes: Uint8Array, edit: (xml: string) => string): Uint8Array {
  const xml = readParts(bytes).get("word/document.xml");
  if (xml === undefined) throw new Error("no word/document.xml");
  return withParts(bytes, { "word/document.xml": edit(xml) });
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style><w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style></w:styles>`;

/** A minimal .docx whose body holds `bodyXml` (WordprocessingML with the `w:` prefix). */
export function minimalDocx(bodyXml: string): Uint8Array {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:body>${bodyXml}<w:sectPr/></w:body></w:document>`;
  const files: [string, string][] = [
    [
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
    ],
    [
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ],
    [
      "word/_rels/document.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ],
    ["word/document.xml", document],
    ["word/styles.xml", STYLES],
  ];
  return createZip(files.map(([n, t]) => [n, encoder.encode(t)] as const));
}

/** A paragraph with one plain run. */
export function p(text: string, runProps = ""): string {
  return `<w:p><w:r>${runProps ? `<w:rPr>${runProps}</w:rPr>` : ""}<w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`;
}

/** A cell holding `inner` (paragraphs), with optional cell properties. */
export function tc(inner: string, tcPr = ""): string {
  return `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ""}${inner}</w:tc>`;
}

export function tr(cells: string, trPr = ""): string {
  return `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ""}${cells}</w:tr>`;
}

export function tbl(columns: number, rows: string): string {
  const grid = Array.from({ length: columns }, () => '<w:gridCol w:w="2000"/>').join("");
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows}</w:tbl>`;
}

export function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Splits every simple run (`<w:r>` with optional `w:rPr` and one `w:t`) of two or more characters
 * in two, the way Word does after edits: rsid attributes on both runs, a proofing mark and a
 * bookmark between them, and every third split wrapped in a smart tag.
 */
export function splitRuns(xml: string): string {
  let n = 0;
  return xml.replace(
    /<w:r>((?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>|<w:rPr\/>)?)<w:t(?: xml:space="preserve")?>([^<]{2,})<\/w:t><\/w:r>/g,
    (whole, rPr: string, text: string) => {
      const at = safeSplitPoint(text);
      if (at <= 0 || at >= text.length) return whole;
      n++;
      const left = `<w:r w:rsidR="00A1${hex(n)}" w:rsidRPr="00B2${hex(n)}">${rPr}<w:t xml:space="preserve">${text.slice(0, at)}</w:t></w:r>`;
      let right = `<w:r w:rsidR="00C3${hex(n)}">${rPr}<w:lastRenderedPageBreak/><w:t xml:space="preserve">${text.slice(at)}</w:t></w:r>`;
      if (n % 3 === 0) {
        right = `<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">${right}</w:smartTag>`;
      }
      return `${left}<w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="${9000 + n}" w:name="_Split${n}"/>${right}<w:bookmarkEnd w:id="${9000 + n}"/><w:proofErr w:type="spellEnd"/>`;
    },
  );
}

function hex(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, "0");
}

/** A split point near the middle that does not cut an entity such as `&amp;` or a surrogate pair. */
function safeSplitPoint(text: string): number {
  for (let at = Math.floor(text.length / 2); at > 0; at--) {
    const amp = text.lastIndexOf("&", at - 1);
    const semi = text.lastIndexOf(";", at - 1);
    const insideEntity = amp > semi;
    const code = text.charCodeAt(at);
    const lowSurrogate = code >= 0xdc00 && code <= 0xdfff;
    if (!insideEntity && !lowSurrogate) return at;
  }
  return 0;
}

/** Rewrites Wingdings runs holding `¡` (empty circle) and `l` (filled) as `w:sym` elements. */
export function wingdingsRunsToSym(xml: string): string {
  return xml.replace(
    /<w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"\/><\/w:rPr><w:t>([¡l])<\/w:t><\/w:r>/g,
    (_w, ch: string) =>
      `<w:r><w:sym w:font="Wingdings" w:char="${ch === "¡" ? "F0A1" : "F06C"}"/></w:r>`,
  );
}

/**
 * The flat OPC form of a package, as Word's `body.getOoxml()` returns it: every XML part inlined in
 * a `pkg:package`, with its content type. The XML declaration of each part is dropped.
 */
export function toFlatOpc(bytes: Uint8Array): string {
  const parts = readParts(bytes);
  const types = parts.get("[Content_Types].xml") ?? "";
  const out: string[] = [
    '<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>',
    '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">',
  ];
  for (const [name, xml] of parts) {
    if (name === "[Content_Types].xml") continue;
    const type = name.endsWith(".rels")
      ? "application/vnd.openxmlformats-package.relationships+xml"
      : (new RegExp(`PartName="/${name.replace(/[.[\]]/g, "\\$&")}" ContentType="([^"]+)"`).exec(
          types,
        )?.[1] ?? "application/xml");
    const body = xml.replace(/^\s*<\?xml[^>]*\?>\s*/, "");
    out.push(
      `<pkg:part pkg:name="/${name}" pkg:contentType="${type}"${name.endsWith(".rels") ? ' pkg:padding="256"' : ""}><pkg:xmlData>${body}</pkg:xmlData></pkg:part>`,
    );
  }
  out.push("</pkg:package>");
  return out.join("");
}
