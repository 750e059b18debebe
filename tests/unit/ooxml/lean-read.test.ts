import { readdirSync } from "fs";
import path from "path";
import { openDocx, readDocxSnapshot } from "../../../src/adapters/docx/docx-file";
import { readsElement } from "../../../src/ooxml/wordml";
import { parseXml, type XmlElement } from "../../../src/ooxml/xml";
import { fixtureBytes, fixturesDir } from "../../helpers/fixtures";

function count(el: XmlElement, name: string): number {
  let n = el.name === name ? 1 : 0;
  for (const c of el.children) if (c.kind === "element") n += count(c, name);
  return n;
}

const files = ["templates", "variants", "crashers"].flatMap((dir) =>
  readdirSync(path.join(fixturesDir, dir))
    .filter((f) => f.endsWith(".docx"))
    .map((f) => `${dir}/${f}`),
);

describe("reading a file for its snapshot alone", () => {
  it.each(files)("%s: gives the snapshot and notices a full read gives", (file) => {
    const bytes = fixtureBytes(file);
    const full = openDocx(bytes);
    const lean = readDocxSnapshot(bytes);
    expect(lean.ok).toBe(full.ok);
    if (!full.ok || !lean.ok) {
      expect(lean).toEqual(full);
      return;
    }
    expect(lean.value).toEqual(full.value.read.snapshot);
    expect(lean.warnings).toEqual(full.warnings);
  });

  const xml =
    '<w:document xmlns:w="urn:w" xmlns:w14="urn:w14"><w:body><w:tbl><w:tblPr><w:tblBorders><w:top w:val="single"/></w:tblBorders></w:tblPr>' +
    '<w:tr><w:tc><w:tcPr><w:tcW w:w="100"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r>' +
    '<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr></w:sdt></w:p></w:tc></w:tr></w:tbl></w:body></w:document>';

  it("leaves out what the reader never looks at and keeps what it does", () => {
    const full = parseXml(xml);
    const lean = parseXml(xml, undefined, readsElement);
    expect(count(full.root, "w:tblBorders")).toBe(1);
    expect(count(lean.root, "w:tblBorders")).toBe(0);
    expect(count(lean.root, "w:tblPr")).toBe(0);
    // A cell's width is read (for values too wide for their cells), so w:tcW is kept.
    for (const kept of [
      "w:tbl",
      "w:tr",
      "w:tc",
      "w:tcPr",
      "w:tcW",
      "w:p",
      "w:r",
      "w:t",
      "w14:checked",
    ])
      expect(count(lean.root, kept)).toBe(count(full.root, kept));
  });

  it("refuses broken XML inside a left-out element as a full read does", () => {
    const broken = [
      xml.replace("</w:tblBorders>", "</w:tblPr>"),
      xml.replace('<w:top w:val="single"/>', '<v:top w:val="single"/>'),
      xml.replace('<w:tcW w:w="100"/>', '<w:tcW w:w="1<00"/>'),
    ];
    for (const b of broken) {
      const error = (keep?: (n: string) => boolean) => {
        try {
          parseXml(b, undefined, keep);
          return undefined;
        } catch (e) {
          return (e as { code?: string; message?: string }).message;
        }
      };
      expect(error()).toBeDefined();
      expect(error(readsElement)).toBe(error());
    }
  });
});
