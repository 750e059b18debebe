/**
 * Open Packaging Conventions facts shared by both hosts: relationships, content types, part names.
 * Pure: works on strings that the caller got from a zip (the .docx adapter) or from Word's flat
 * OPC output (the Office.js adapter).
 */
import { PlanAssistFailure } from "../domain/result";
import { attr, attrText, childElements, parseXml, type XmlDocument, type XmlElement } from "./xml";

export const REL_OFFICE_DOCUMENT =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
export const REL_OFFICE_DOCUMENT_STRICT =
  "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";
export const REL_STYLES =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
export const REL_COMMENTS =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";

export const CT_MAIN =
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
export const CT_MAIN_MACRO = "application/vnd.ms-word.document.macroEnabled.main+xml";
export const CT_MAIN_TEMPLATE =
  "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";
export const CT_MAIN_MACRO_TEMPLATE =
  "application/vnd.ms-word.template.macroEnabledTemplate.main+xml";
export const CT_COMMENTS =
  "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

type Relationship = {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
};

/** Parses a relationships part. External targets are recorded, never followed. */
export function parseRelationships(xml: string): Relationship[] {
  const doc = parseXml(xml);
  return childElements(doc.root)
    .filter((e) => localName(e.name) === "Relationship")
    .map((e) => ({
      id: attr(e, "Id") ?? "",
      type: attr(e, "Type") ?? "",
      target: attr(e, "Target") ?? "",
      external: attr(e, "TargetMode") === "External",
    }));
}

export function localName(name: string): string {
  const c = name.indexOf(":");
  return c === -1 ? name : name.slice(c + 1);
}

/** Resolves a relationship target against the folder of the source part; returns a zip entry name. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return normalise(target.slice(1));
  const folder = sourcePart.includes("/")
    ? sourcePart.slice(0, sourcePart.lastIndexOf("/") + 1)
    : "";
  return normalise(folder + target);
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (out.length === 0) {
        throw new PlanAssistFailure(
          "zip_unsafe_entry_name",
          `A relationship points outside the package ("${path.slice(0, 80)}"). PlanAssist does not follow it.`,
        );
      }
      out.pop();
    } else out.push(seg);
  }
  return out.join("/");
}

/** The relationships part name for a part: `word/document.xml` -> `word/_rels/document.xml.rels`. */
export function relsPartFor(part: string): string {
  const slash = part.lastIndexOf("/");
  return slash === -1
    ? `_rels/${part}.rels`
    : `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

export type ContentTypes = {
  readonly defaults: ReadonlyMap<string, string>;
  readonly overrides: ReadonlyMap<string, string>;
};

export function parseContentTypes(xml: string): ContentTypes {
  const doc = parseXml(xml);
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const e of childElements(doc.root)) {
    const ln = localName(e.name);
    if (ln === "Default")
      defaults.set((attr(e, "Extension") ?? "").toLowerCase(), attr(e, "ContentType") ?? "");
    if (ln === "Override") {
      overrides.set(
        (attr(e, "PartName") ?? "").replace(/^\//, "").toLowerCase(),
        attr(e, "ContentType") ?? "",
      );
    }
  }
  return { defaults, overrides };
}

export function contentTypeOf(types: ContentTypes, part: string): string | undefined {
  const o = types.overrides.get(part.toLowerCase());
  if (o !== undefined) return o;
  const dot = part.lastIndexOf(".");
  return dot === -1 ? undefined : types.defaults.get(part.slice(dot + 1).toLowerCase());
}

/** A flat OPC package (what Word's `getOoxml()` returns): part name -> XML text. */
export function readFlatOpc(xml: string): Map<string, string> {
  const doc: XmlDocument = parseXml(xml);
  const parts = new Map<string, string>();
  if (localName(doc.root.name) !== "package") {
    throw new PlanAssistFailure(
      "docx_not_wordprocessing",
      "Word returned OOXML that is not a package.",
    );
  }
  for (const part of childElements(doc.root)) {
    if (localName(part.name) !== "part") continue;
    const name = (attr(part, "pkg:name") ?? "").replace(/^\//, "");
    const data = childElements(part).find((c: XmlElement) => localName(c.name) === "xmlData");
    const root = data ? childElements(data)[0] : undefined;
    if (!root) continue;
    parts.set(name, serialiseWithNamespaces(doc, root));
  }
  return parts;
}

/** One part of a flat OPC package: its name (no leading `/`), content type and XML text. */
type FlatOpcPart = {
  readonly name: string;
  readonly contentType: string;
  readonly xml: string;
};

/**
 * The XML parts of a flat OPC package (Word's single-file "Word XML Document", or `getOoxml()`),
 * with their content types; binary parts (pictures) are left out, as the reader never needs them.
 */
export function readFlatOpcParts(doc: XmlDocument): FlatOpcPart[] {
  if (localName(doc.root.name) !== "package") {
    throw new PlanAssistFailure(
      "docx_no_main_part",
      "The file is XML but not a Word package (no pkg:package at its root).",
    );
  }
  const out: FlatOpcPart[] = [];
  for (const part of childElements(doc.root)) {
    if (localName(part.name) !== "part") continue;
    const name = (attr(part, "pkg:name") ?? "").replace(/^\//, "");
    const data = childElements(part).find((c: XmlElement) => localName(c.name) === "xmlData");
    const root = data ? childElements(data)[0] : undefined;
    if (!root || name === "") continue;
    out.push({
      name,
      contentType: attr(part, "pkg:contentType") ?? "",
      xml: serialiseWithNamespaces(doc, root),
    });
  }
  return out;
}

/**
 * The XML text of an element inside a flat OPC package, with the namespace declarations of its
 * ancestors copied onto it so it parses on its own.
 */
function serialiseWithNamespaces(doc: XmlDocument, el: XmlElement): string {
  const text = doc.source.slice(el.start, el.end);
  const extra: string[] = [];
  for (let a = el.parent; a; a = a.parent) {
    const m = attrText(a).match(/xmlns(:[^=\s]+)?\s*=\s*("[^"]*"|'[^']*')/g);
    if (m)
      for (const decl of m)
        if (!attrText(el).includes(decl.split("=")[0] as string)) extra.push(decl);
  }
  if (extra.length === 0) return text;
  const nameEnd = el.start + 1 + el.name.length;
  return `${doc.source.slice(el.start, nameEnd)} ${extra.join(" ")}${doc.source.slice(nameEnd, el.end)}`;
}

const FLAT_OPC_NAMESPACE = "http://schemas.microsoft.com/office/2006/xmlPackage";
const RELATIONSHIPS_NAMESPACE = "http://schemas.openxmlformats.org/package/2006/relationships";

/**
 * A flat OPC package (what Word's `insertOoxml` takes) holding one main document part: `document`
 * is the part's XML (no XML declaration). Styles, numbering and the rest are the target
 * document's own, by id.
 */
export function flatOpcPackage(document: string): string {
  const part = (name: string, type: string, xml: string) =>
    `<pkg:part pkg:name="${name}" pkg:contentType="${type}"><pkg:xmlData>${xml}</pkg:xmlData></pkg:part>`;
  return (
    `<pkg:package xmlns:pkg="${FLAT_OPC_NAMESPACE}">` +
    part(
      "/_rels/.rels",
      "application/vnd.openxmlformats-package.relationships+xml",
      `<Relationships xmlns="${RELATIONSHIPS_NAMESPACE}"><Relationship Id="rId1" Type="${REL_OFFICE_DOCUMENT}" Target="word/document.xml"/></Relationships>`,
    ) +
    part("/word/document.xml", CT_MAIN, document) +
    "</pkg:package>"
  );
}
