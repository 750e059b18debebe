import { openDocx } from "../../src/adapters/docx/docx-file";
import { attributes, parseXml } from "../../src/ooxml/xml";
import { errorOf, minimalDocx, partText, replicaWith, table, cell, W_NS } from "./hostile-files";

const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

function docWith(prolog: string, body: string): Uint8Array {
  return replicaWith("ddtt-action-plan", {
    "word/document.xml": `${head}${prolog}<w:document xmlns:w="${W_NS}"><w:body>${body}</w:body></w:document>`,
  });
}

const laughs = [
  '<!DOCTYPE lolz [<!ENTITY lol "lol">',
  ...Array.from(
    { length: 9 },
    (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`,
  ),
  "]>",
].join("");

describe("hostile XML inside a package", () => {
  it("refuses a DOCTYPE in the document part with xml_doctype", () => {
    const e = errorOf(openDocx(docWith('<!DOCTYPE w:document SYSTEM "word.dtd">', "<w:p/>")));
    expect(e.code).toBe("xml_doctype");
    expect(e.message).toMatch(/DOCTYPE/);
  });

  it("refuses a billion-laughs document without expanding a single entity", () => {
    const bytes = docWith(laughs, "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>");
    expect(errorOf(openDocx(bytes)).code).toBe("xml_doctype");
  });

  it("refuses an external entity and reads nothing from outside the file", () => {
    const bytes = docWith(
      '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY net SYSTEM "http://attacker.invalid/x">]>',
      "<w:p><w:r><w:t>&xxe;&net;</w:t></w:r></w:p>",
    );
    const e = errorOf(openDocx(bytes));
    expect(e.code).toBe("xml_doctype");
    expect(e.message).not.toMatch(/root:/);
  });

  it("refuses an entity used without any definition with xml_undefined_entity", () => {
    const e = errorOf(openDocx(docWith("", `${table([[cell("&lol9;")]], 1)}`)));
    expect(e.code).toBe("xml_undefined_entity");
  });

  it("refuses a DOCTYPE in the package's own parts (content types, relationships)", () => {
    const types = partText("ddtt-action-plan", "[Content_Types].xml").replace(
      "<Types",
      `${laughs}<Types`,
    );
    expect(
      errorOf(openDocx(replicaWith("ddtt-action-plan", { "[Content_Types].xml": types }))).code,
    ).toBe("xml_doctype");
    const rels = partText("ddtt-action-plan", "_rels/.rels").replace(
      "<Relationships",
      "<!DOCTYPE r><Relationships",
    );
    expect(errorOf(openDocx(replicaWith("ddtt-action-plan", { "_rels/.rels": rels }))).code).toBe(
      "xml_doctype",
    );
  });

  it("refuses an undeclared namespace prefix with xml_undeclared_prefix", () => {
    const e = errorOf(openDocx(docWith("", "<w:p><x:r><w:t>hi</w:t></x:r></w:p>")));
    expect(e.code).toBe("xml_undeclared_prefix");
    expect(e.message).toContain('"x"');
  });

  it("refuses mismatched tags with xml_malformed", () => {
    const e = errorOf(openDocx(docWith("", "<w:p><w:r><w:t>hi</w:r></w:t></w:p>")));
    expect(e.code).toBe("xml_malformed");
    expect(e.message).toMatch(/mismatched end tag/);
  });

  it.each([
    ["an unclosed element", "<w:p><w:r>"],
    ["a stray '<'", "<w:p>< </w:p>"],
    ["a '<' in an attribute", '<w:p w:rsidR="<"/>'],
    ["an unterminated comment", "<w:p/><!-- ..."],
  ])("refuses %s with xml_malformed", (_what, body) => {
    expect(errorOf(openDocx(minimalDocx(body))).code).toBe("xml_malformed");
  });

  it.each(["&#-5;", "&#x-41;", "&#1114112;", "&#xZZ;"])(
    "refuses the bad character reference %s",
    (ref) => {
      expect(errorOf(openDocx(minimalDocx(`<w:p><w:r><w:t>${ref}</w:t></w:r></w:p>`))).code).toBe(
        "xml_malformed",
      );
    },
  );

  it("reads a start tag holding a huge run of garbage in linear time and keeps its real attributes", () => {
    const garbage = "x".repeat(200_000);
    const doc = parseXml(
      `<w:document ${garbage} xmlns:w="${W_NS}" ${garbage}="1"><w:body/></w:document>`,
    );
    const attrs = attributes(doc.root);
    expect(attrs.get("xmlns:w")).toBe(W_NS);
    expect(attrs.get(garbage)).toBe("1");
  });

  it("decodes character references and the five predefined entities in cell text", () => {
    const r = openDocx(
      minimalDocx(table([[cell("&lt;b&gt; &amp; &quot;&apos; &#x263A;&#65;")]], 1)),
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.read.snapshot.tables[0]?.rows[0]?.cells[0]?.text).toBe(`<b> & "' ☺A`);
  });
});
