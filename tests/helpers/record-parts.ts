/**
 * Documents holding the record of fills in more than one custom XML part, as another tool or a
 * copy-paste leaves them: a second record part added beside the first, with its own properties
 * part, relationship and content type override (built here by hand, not by PlanAssist's writer).
 */
import { readParts, withParts } from "./make-docx";

const CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const CUSTOM_XML_PROPS =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";

/** The names of a package's custom XML item parts. */
export function customXmlItems(bytes: Uint8Array): string[] {
  return [...readParts(bytes).keys()].filter((n) => /^customXml\/item\d+\.xml$/.test(n));
}

/** The package with one more custom XML part holding `xml` (a record of fills, say). */
export function withExtraRecordPart(bytes: Uint8Array, xml: string): Uint8Array {
  const parts = readParts(bytes);
  let k = 1;
  while (parts.has(`customXml/item${k}.xml`) || parts.has(`customXml/itemProps${k}.xml`)) k++;
  const rels = parts.get("word/_rels/document.xml.rels");
  const types = parts.get("[Content_Types].xml");
  if (rels === undefined || types === undefined) throw new Error("not a Word package");
  const guid = `{0C0FFEE${k}-0000-4000-8000-00000000000${k % 10}}`;
  return withParts(bytes, {
    [`customXml/item${k}.xml`]: xml,
    [`customXml/itemProps${k}.xml`]: `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${guid}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`,
    [`customXml/_rels/item${k}.xml.rels`]: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${CUSTOM_XML_PROPS}" Target="itemProps${k}.xml"/></Relationships>`,
    "word/_rels/document.xml.rels": rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdCopied${k}" Type="${CUSTOM_XML}" Target="../customXml/item${k}.xml"/></Relationships>`,
    ),
    "[Content_Types].xml": types.replace(
      "</Types>",
      `<Override PartName="/customXml/itemProps${k}.xml" ContentType="${PROPS_TYPE}"/>${/Extension="xml"/i.test(types) ? "" : `<Override PartName="/customXml/item${k}.xml" ContentType="application/xml"/>`}</Types>`,
    ),
  });
}
