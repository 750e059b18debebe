/**
 * Inserting a blank copy of a template into the empty document open in Word.
 *
 * Two round trips: one reads the body's text (a document that holds anything is never replaced),
 * one inserts the template's .docx and reads the body back.
 *
 * Also the package a fill inserts a block of copied tables with (`blockPackager`).
 */
import { err, ok, type Result } from "../../domain/result";
import { CT_MAIN, localName } from "../../ooxml/package";
import {
  attr,
  childElements,
  defaultXmlLimits,
  parseXml,
  type XmlDocument,
  type XmlElement,
} from "../../ooxml/xml";

/** The slice of Office.js this needs (the real Word API satisfies it; tests pass typed fakes). */
export interface WordInsertBody {
  text: string;
  load(properties: "text"): unknown;
  insertFileFromBase64(base64File: string, insertLocation: "Replace"): unknown;
}

export interface WordInsertHost {
  run<T>(
    batch: (context: { document: { body: WordInsertBody }; sync(): Promise<void> }) => Promise<T>,
  ): Promise<T>;
}

export type InsertReport = {
  /** Characters of text the document body holds after the insert. */
  readonly bodyLength: number;
};

/** Base64 of bytes, in chunks small enough for `String.fromCharCode`. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    binary += String.fromCharCode(...bytes.subarray(i, i + step));
  }
  return btoa(binary);
}

/** Inserts the template file into the document, which must be empty. */
export async function insertTemplateInWord(
  host: WordInsertHost,
  templateBytes: Uint8Array,
): Promise<Result<InsertReport>> {
  const base64 = toBase64(templateBytes);
  try {
    return await host.run(async (context) => {
      const body = context.document.body;
      body.load("text");
      await context.sync();
      if (body.text.trim() !== "") {
        return err(
          "document_not_empty",
          "This document already holds text, so the template was not inserted. Open a new blank document in Word and try again.",
        );
      }
      body.insertFileFromBase64(base64, "Replace");
      body.load("text");
      await context.sync();
      return ok({ bodyLength: body.text.length });
    });
  } catch (e) {
    const code = (e as { code?: string } | undefined)?.code;
    if (code === "AccessDenied" || code === "NotAllowed") {
      return err(
        "office_read_only",
        "Word did not allow changes to this document (it may be read-only or protected). Nothing was inserted.",
      );
    }
    return err(
      "office_sync_failed",
      "Word could not insert the template. Check that the document is empty and editable, then try again.",
    );
  }
}

const PKG_NAMESPACE = "http://schemas.microsoft.com/office/2006/xmlPackage";
const RELS_NAMESPACE = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const CT_RELS = "application/vnd.openxmlformats-package.relationships+xml";

/**
 * The flat OPC package that `insertOoxml` takes for a block of copied tables: the main part
 * holding them, with the parts of the open document (as Word gave them in `getOoxml()`) that
 * the copied rows use. Without `styles.xml` in the package, Word ignores the style information
 * in the main part, "regardless of whether or not that style is in use in the user's document"
 * (docs: "Understand when and how to use Office Open XML in your Word add-in", Working with
 * styles); a style the document already uses keeps its resident definition. Numbering
 * definitions go the same way (office-js #5243, #5381), and every part the package keeps needs
 * its relationship in `document.xml.rels` (the same page). So the package carries the
 * document's styles and numbering parts with their relationships, and the relationships (with
 * their parts, pictures included) of every `r:` reference in the copied XML.
 */
export function blockPackager(wordPackage: string | undefined): (documentXml: string) => string {
  let read: WordParts | undefined | null = null;
  return (documentXml) => {
    if (read === null) read = wordParts(wordPackage);
    const used = new Set([...documentXml.matchAll(/\sr:[A-Za-z]+="([^"]*)"/g)].map((m) => m[1]));
    const relationships: string[] = [];
    const parts: string[] = [];
    for (const r of read?.relationships ?? []) {
      const kept =
        r.type === `${REL_TYPES}styles` || r.type === `${REL_TYPES}numbering` || used.has(r.id);
      if (!kept) continue;
      const part = r.external ? undefined : read?.parts.get(r.part);
      // A reference whose part Word did not give cannot go in (Word refuses the package).
      if (!r.external && !part) continue;
      relationships.push(r.xml);
      if (part) parts.push(part);
    }
    const part = (name: string, type: string, xml: string) =>
      `<pkg:part pkg:name="${name}" pkg:contentType="${type}"><pkg:xmlData>${xml}</pkg:xmlData></pkg:part>`;
    return (
      `<pkg:package xmlns:pkg="${PKG_NAMESPACE}">` +
      part(
        "/_rels/.rels",
        CT_RELS,
        `<Relationships xmlns="${RELS_NAMESPACE}"><Relationship Id="rId1" Type="${REL_TYPES}officeDocument" Target="word/document.xml"/></Relationships>`,
      ) +
      part("/word/document.xml", CT_MAIN, documentXml) +
      part(
        "/word/_rels/document.xml.rels",
        CT_RELS,
        `<Relationships xmlns="${RELS_NAMESPACE}">${relationships.join("")}</Relationships>`,
      ) +
      [...new Set(parts)].join("") +
      "</pkg:package>"
    );
  };
}

/** The main part's relationships in a flat OPC package, and its parts as written there. */
type WordParts = {
  readonly relationships: readonly {
    readonly id: string;
    readonly type: string;
    /** The part it points at (a package name without the leading `/`). */
    readonly part: string;
    readonly external: boolean;
    /** The relationship element as Word wrote it. */
    readonly xml: string;
  }[];
  /** Each part's `pkg:part` element as Word wrote it, by name. */
  readonly parts: ReadonlyMap<string, string>;
};

function wordParts(wordPackage: string | undefined): WordParts | undefined {
  if (!wordPackage) return undefined;
  let doc: XmlDocument;
  try {
    doc = parseXml(wordPackage, defaultXmlLimits);
  } catch {
    return undefined;
  }
  if (localName(doc.root.name) !== "package") return undefined;
  const parts = new Map<string, string>();
  let rels: XmlElement | undefined;
  for (const p of childElements(doc.root)) {
    // Copied as written, so the part keeps the `pkg:` prefix this package declares.
    if (p.name !== "pkg:part") continue;
    const name = (attr(p, "pkg:name") ?? "").replace(/^\//, "");
    parts.set(name, doc.source.slice(p.start, p.end));
    if (name === "word/_rels/document.xml.rels") rels = p;
  }
  const root = rels && childElements(childElements(rels)[0] ?? rels)[0];
  const relationships = (root ? childElements(root) : [])
    .filter((r) => localName(r.name) === "Relationship")
    .map((r) => {
      const target = attr(r, "Target") ?? "";
      const external = attr(r, "TargetMode") === "External";
      const part = target.startsWith("/")
        ? target.slice(1)
        : new URL(target, "http://package/word/").pathname.slice(1);
      return {
        id: attr(r, "Id") ?? "",
        type: attr(r, "Type") ?? "",
        part,
        external,
        xml: doc.source.slice(r.start, r.end),
      };
    });
  return { relationships, parts };
}
