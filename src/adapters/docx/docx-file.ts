/**
 * Opening a .docx file: what the bytes are, where the main document part is, and its model.
 * Bytes in, no file system: runs the same in Node and in the browser.
 */
import { capture, ok, PlanAssistFailure, type Notice, type Result } from "../../domain/result";
import type { DocumentSnapshot } from "../../domain/snapshot";
import {
  contentTypeOf,
  CT_MAIN,
  CT_MAIN_MACRO,
  CT_MAIN_MACRO_TEMPLATE,
  CT_MAIN_TEMPLATE,
  parseContentTypes,
  parseRelationships,
  readFlatOpcParts,
  REL_OFFICE_DOCUMENT,
  REL_OFFICE_DOCUMENT_STRICT,
  REL_STYLES,
  relsPartFor,
  resolveTarget,
  type ContentTypes,
} from "../../ooxml/package";
import { readStyles } from "../../ooxml/styles";
import { readsElement, readWordDocument, type ReadResult } from "../../ooxml/wordml";
import { defaultXmlLimits, parseXml, type XmlDocument } from "../../ooxml/xml";
import {
  defaultZipLimits,
  openZip,
  readEntry,
  writeZip,
  type InflateBudget,
  type ZipArchive,
  type ZipLimits,
} from "./zip";

const REL_STYLES_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships/styles";

/** The encodings a part may be in: what Word writes (UTF-8, UTF-16) and the 8-bit Western ones. */
type XmlEncoding = "utf-8" | "utf-16le" | "utf-16be" | "iso-8859-1" | "windows-1252";

function malformed(message: string): never {
  throw new PlanAssistFailure("xml_malformed", message);
}

/**
 * The encoding a part's bytes are in: a byte order mark, else the shape of the first bytes
 * (`<?` in UTF-16 without a mark), else the XML declaration's `encoding`, else UTF-8. A part
 * declaring an encoding PlanAssist cannot read and write back exactly is refused.
 */
function xmlEncodingOf(bytes: Uint8Array): XmlEncoding {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0xef && b(1) === 0xbb && b(2) === 0xbf) return "utf-8";
  if (b(0) === 0xff && b(1) === 0xfe) return "utf-16le";
  if (b(0) === 0xfe && b(1) === 0xff) return "utf-16be";
  if (b(0) === 0x3c && b(1) === 0 && b(2) === 0x3f && b(3) === 0) return "utf-16le";
  if (b(0) === 0 && b(1) === 0x3c && b(2) === 0 && b(3) === 0x3f) return "utf-16be";
  if (b(0) !== 0x3c || b(1) !== 0x3f) return "utf-8";
  let head = "";
  for (let i = 0; i < Math.min(bytes.length, 256); i++) {
    const c = bytes[i] as number;
    head += String.fromCharCode(c);
    if (c === 0x3e) break;
  }
  const declared = /^<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/.exec(head)?.[1];
  if (declared === undefined) return "utf-8";
  const name = declared.toLowerCase().replace(/_/g, "-");
  if (name === "utf-8" || name === "utf8" || name === "us-ascii" || name === "ascii")
    return "utf-8";
  if (name === "iso-8859-1" || name === "latin1" || name === "latin-1" || name === "l1")
    return "iso-8859-1";
  if (name === "windows-1252" || name === "cp1252") return "windows-1252";
  if (name.startsWith("utf-16") || name === "ucs-2") {
    return malformed(
      `A part declares encoding="${declared}" but its bytes are not UTF-16 (they have no byte order mark and read as 8-bit text). The file is damaged; open it in Word and save it again.`,
    );
  }
  throw new PlanAssistFailure(
    "xml_unsupported_encoding",
    `A part of the document is written in the "${declared.slice(0, 40)}" encoding, which PlanAssist does not read (Word writes UTF-8 or UTF-16). Open the file in Word and save it again as a Word Document (.docx).`,
  );
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf8Later = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Decodes UTF-8, refusing invalid bytes with where they are. */
function decodeUtf8(bytes: Uint8Array, decoder: TextDecoder, offset: number): string {
  try {
    return decoder.decode(bytes);
  } catch {
    return malformed(
      `A part of the document is not valid UTF-8 text (at byte ${offset + firstInvalidUtf8(bytes)}). The file is damaged; open it in Word and save it again.`,
    );
  }
}

/** Where the first byte sequence that is not UTF-8 starts (only asked once a decode failed). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    const n =
      c < 0x80
        ? 0
        : c >= 0xc2 && c <= 0xdf
          ? 1
          : c >= 0xe0 && c <= 0xef
            ? 2
            : c >= 0xf0 && c <= 0xf4
              ? 3
              : -1;
    if (n < 0) return i;
    if (n > 0 && i + n >= b.length) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    const second = b[i + 1] ?? 0;
    if ((c === 0xe0 && second < 0xa0) || (c === 0xed && second > 0x9f)) return i;
    if ((c === 0xf0 && second < 0x90) || (c === 0xf4 && second > 0x8f)) return i;
    i += n + 1;
  }
  return b.length;
}

/** Decodes a part's bytes as XML text, in the encoding they are in (see `xmlEncodingOf`). */
export function decodeXmlBytes(bytes: Uint8Array): string {
  const encoding = xmlEncodingOf(bytes);
  if (encoding === "utf-8") return decodeUtf8(bytes, utf8, 0);
  if (encoding === "iso-8859-1") {
    let out = "";
    for (let i = 0; i < bytes.length; i += 8192)
      out += String.fromCharCode(...bytes.subarray(i, i + 8192));
    return out;
  }
  return new TextDecoder(encoding).decode(bytes);
}

/** windows-1252's characters for the bytes 0x80-0x9F (where it differs from ISO-8859-1). */
const cp1252High = new TextDecoder("windows-1252").decode(
  Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i),
);

/**
 * Encodes a part's text as the original part was encoded, so a declaration and its bytes agree:
 * UTF-8 (keeping a byte order mark when the original had one), UTF-16 in the original's byte
 * order with its mark, or an 8-bit encoding with characters it lacks written as character
 * references (which only values a fill wrote can hold).
 */
export function encodeXmlLike(text: string, original: Uint8Array | undefined): Uint8Array {
  const encoding = original ? xmlEncodingOf(original) : "utf-8";
  const bom = (n: number) => (original ? original.subarray(0, n) : new Uint8Array(0));
  if (encoding === "utf-8") {
    const body = encoder.encode(text);
    if (!original || original[0] !== 0xef || original[1] !== 0xbb || original[2] !== 0xbf)
      return body;
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  }
  if (encoding === "utf-16le" || encoding === "utf-16be") {
    const hasBom = original !== undefined && (original[0] === 0xff || original[0] === 0xfe);
    const start = hasBom ? 2 : 0;
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const out = new Uint8Array(start + body.length * 2);
    if (hasBom) out.set(bom(2));
    const le = encoding === "utf-16le";
    for (let i = 0; i < body.length; i++) {
      const c = body.charCodeAt(i);
      out[start + i * 2] = le ? c & 0xff : c >> 8;
      out[start + i * 2 + 1] = le ? c >> 8 : c & 0xff;
    }
    return out;
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (encoding === "windows-1252") {
      const high = cp1252High.indexOf(ch);
      if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) bytes.push(c);
      else if (high >= 0 && ch !== "\ufffd") bytes.push(0x80 + high);
      else for (const r of `&#${c};`) bytes.push(r.charCodeAt(0));
    } else if (c <= 0xff) bytes.push(c);
    else for (const r of `&#${c};`) bytes.push(r.charCodeAt(0));
  }
  return Uint8Array.from(bytes);
}

const encoder = new TextEncoder();

/** Bytes per piece when a large part is decoded in pieces (see `decodeXmlPieces`). */
const pieceBytes = 16 * 1024;

/**
 * Decodes a part's bytes as XML text in pieces of about `pieceBytes`, each ending just after a
 * `>`, for `parseXml`. A large part decoded whole is one large string, and making one costs more
 * than decoding it: small pieces are cheap to make and to throw away. Parts in other encodings
 * than UTF-8 are decoded whole.
 */
export function decodeXmlPieces(bytes: Uint8Array): string[] {
  if (bytes.length <= pieceBytes * 2 || xmlEncodingOf(bytes) !== "utf-8")
    return [decodeXmlBytes(bytes)];
  const pieces: string[] = [];
  // The first piece drops a byte order mark, as a whole decode does; later pieces keep every character.
  let decoder = utf8;
  let at = 0;
  while (at < bytes.length) {
    const gt = bytes.indexOf(0x3e, at + pieceBytes);
    const end = gt === -1 || bytes.length - gt < pieceBytes / 2 ? bytes.length : gt + 1;
    pieces.push(decodeUtf8(bytes.subarray(at, end), decoder, at));
    decoder = utf8Later;
    at = end;
  }
  return pieces;
}

export type DocxLimits = ZipLimits & {
  readonly maxXmlDepth: number;
  /** Time allowed to read one file, in milliseconds (checked between stages). */
  readonly maxMillis: number;
};

export const defaultDocxLimits: DocxLimits = {
  ...defaultZipLimits,
  maxXmlDepth: 256,
  maxMillis: 20_000,
};

export type DocxPackage = {
  readonly zip: ZipArchive;
  readonly contentTypes: ContentTypes;
  /** Zip entry name of the main document part (normally `word/document.xml`). */
  readonly mainPart: string;
  readonly document: XmlDocument;
  readonly read: ReadResult;
  readonly macros: boolean;
  /** Read from a single-file Word XML Document (flat OPC): readable, never written back. */
  readonly flatOpc: boolean;
};

/**
 * What a file's first bytes say it is: a zip package, or Word's single-file "Word XML Document"
 * (a flat OPC package, read by turning it into a package first).
 */
export function sniff(bytes: Uint8Array): Result<"zip" | "flat-opc"> {
  const fail = (code: Parameters<typeof failure>[0], message: string) => failure(code, message);
  if (bytes.length === 0)
    return fail(
      "file_empty",
      "The file is empty (0 bytes). Save the plan again from Word and retry.",
    );
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0x50 && b(1) === 0x4b && (b(2) === 3 || b(2) === 5))
    return { ok: true, value: "zip", warnings: [] };
  if (b(0) === 0xd0 && b(1) === 0xcf && b(2) === 0x11 && b(3) === 0xe0) {
    const streams = oleStreamNames(bytes);
    if (
      streams.has("drmencryptedtransform") ||
      streams.has("drmencrypteddataspace") ||
      streams.has("\u0009drmcontent")
    ) {
      return fail(
        "file_is_rights_managed",
        'The file is protected with Information Rights Management (a sensitivity label or "Restrict Access"), so only people it was shared with can open it, in Word. Ask its owner for a copy without the restriction (in Word: File > Info > Protect Document > Restrict Access > Unrestricted Access), then retry.',
      );
    }
    if (streams.has("encryptioninfo") || streams.has("encryptedpackage")) {
      return fail(
        "file_is_encrypted",
        "The file is protected with a password. Open it in Word, remove the password (File > Info > Protect Document > Encrypt with Password), save, and retry.",
      );
    }
    return fail(
      "file_is_legacy_doc",
      "The file is an old Word 97-2003 document (.doc). Open it in Word and save it as a Word Document (.docx), then retry.",
    );
  }
  const head = new TextDecoder("latin1")
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF|^ï»¿/, "")
    .trimStart();
  if (head.startsWith("%PDF")) {
    return fail(
      "file_is_pdf",
      "The file is a PDF, not a Word document. Use the .docx the plan was written in.",
    );
  }
  if (head.startsWith("{\\rtf")) {
    return fail(
      "file_is_rtf",
      "The file is a Rich Text (.rtf) document. Open it in Word and save it as a Word Document (.docx).",
    );
  }
  const lower = head.toLowerCase();
  if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.includes("<html")) {
    return fail(
      "file_is_html",
      "The file is a web page, not a Word document. Open it in Word and save it as a Word Document (.docx).",
    );
  }
  if (lower.startsWith("<?xml") && lower.includes("<pkg:package")) {
    return { ok: true, value: "flat-opc", warnings: [] };
  }
  if (lower.startsWith("<?xml") && lower.includes("<w:worddocument")) {
    return fail(
      "file_is_text",
      "The file is a Word 2003 XML document, not a .docx package. Open it in Word and save it as a Word Document (.docx).",
    );
  }
  if (looksLikeText(bytes)) {
    return fail(
      "file_is_text",
      "The file holds plain text, not a Word document. Use the .docx the plan was written in.",
    );
  }
  return fail(
    "file_not_zip",
    "The file is not a Word document (.docx): its contents are not a Word package. Check that you picked the right file.",
  );
}

function failure(
  code: ConstructorParameters<typeof PlanAssistFailure>[0],
  message: string,
): Result<never> {
  return { ok: false, error: { code, message } };
}

function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1024);
  let printable = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i] as number;
    if (c === 9 || c === 10 || c === 13 || (c >= 32 && c < 127) || c >= 0xc2) printable++;
  }
  return printable / n > 0.95;
}

/**
 * The names in an OLE compound file's directory, lower-cased (compound-file names compare without
 * case: Word writes "EncryptionInfo", other tools "ENCRYPTIONINFO"). Read from the directory
 * sectors the header points to when they lie in the file, else from every 128-byte entry of the
 * first 4 MB that looks like one.
 */
function oleStreamNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const limit = Math.min(bytes.length, 4 * 1024 * 1024);
  const shift = bytes.length >= 32 ? view.getUint16(30, true) : 9;
  const sector = shift === 12 ? 4096 : 512;
  // Directory entries start on 128-byte boundaries after the header sector.
  for (let at = sector; at + 128 <= limit; at += 128) {
    const size = view.getUint16(at + 64, true);
    const type = bytes[at + 66] as number;
    if (size < 4 || size > 64 || size % 2 !== 0 || type < 1 || type > 5) continue;
    let name = "";
    let ok = true;
    for (let c = 0; c < size / 2 - 1; c++) {
      const code = view.getUint16(at + c * 2, true);
      if (code === 0) {
        ok = false;
        break;
      }
      name += String.fromCharCode(code);
    }
    if (ok && view.getUint16(at + size - 2, true) === 0) names.add(name.toLowerCase());
  }
  return names;
}

/** What a file name says about a file, before its bytes are read. */
type FileNameKind = "document" | "macro-document" | "template" | "macro-template" | "other";

/**
 * Classifies a file by its name (a path or a bare name). Word's owner files (`~$plan.docx`),
 * which Word keeps beside an open document and which hold only the name of who has it open,
 * are refused with `file_is_lock_file` so a batch can skip them with a clear note.
 */
export function classifyFileName(name: string): Result<FileNameKind> {
  const base = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  if (base.startsWith("~$")) {
    return failure(
      "file_is_lock_file",
      `"${base.slice(0, 80)}" is the small file Word keeps beside a document while it is open (it records who has it open). It is not a plan; PlanAssist skips it. Read the document without "~$" at the start of its name.`,
    );
  }
  const ext = base.includes(".") ? base.slice(base.lastIndexOf(".") + 1).toLowerCase() : "";
  const kind: FileNameKind =
    ext === "docx"
      ? "document"
      : ext === "docm"
        ? "macro-document"
        : ext === "dotx"
          ? "template"
          : ext === "dotm"
            ? "macro-template"
            : "other";
  return { ok: true, value: kind, warnings: [] };
}

/** Codes of the notices `openDocx` may attach to a document it read. */
export const docxNoticeCodes = ["docx_strict_ooxml", "docx_macros"] as const;

/** Opens a .docx (or .docm / .dotx) from its bytes and reads its document model. */
export function openDocx(
  bytes: Uint8Array,
  limits: DocxLimits = defaultDocxLimits,
): Result<DocxPackage> {
  return openWith(bytes, limits);
}

/**
 * Reads a file's snapshot alone, for checking. The same checks and notices as `openDocx`, but the
 * document part's tree holds only the elements the snapshot is made from (`readsElement`), and
 * neither it nor the package is kept: a tree with parts left out must never reach a writer.
 */
export function readDocxSnapshot(
  bytes: Uint8Array,
  limits: DocxLimits = defaultDocxLimits,
): Result<DocumentSnapshot> {
  const opened = openWith(bytes, limits, readsElement);
  return opened.ok ? ok(opened.value.read.snapshot, opened.warnings) : opened;
}

function openWith(
  bytes: Uint8Array,
  limits: DocxLimits,
  keep?: (name: string) => boolean,
): Result<DocxPackage> {
  const kind = sniff(bytes);
  if (!kind.ok) return kind;
  const r = capture(() =>
    openDocxOrThrow(kind.value === "flat-opc" ? flatOpcToZip(bytes, limits) : bytes, limits, keep),
  );
  if (!r.ok) return r;
  const pkg: DocxPackage = { ...r.value, flatOpc: kind.value === "flat-opc" };
  const warnings: Notice[] = [];
  if (pkg.read.snapshot.facts.strict) {
    warnings.push({
      code: "docx_strict_ooxml",
      message:
        "The document is saved as Strict Open XML. PlanAssist read it, but Word's usual format is safer to fill: in Word use File > Save As > Word Document (.docx).",
    });
  }
  if (pkg.macros) {
    warnings.push({
      code: "docx_macros",
      message:
        "The document is macro-enabled (.docm). PlanAssist read its text and never runs its macros; check where it came from before opening it in Word with macros enabled.",
    });
  }
  return ok(pkg, warnings);
}

/**
 * A flat OPC package as the zip package it stands for: each XML part, and a content types part
 * made from the parts' own content types. Pictures (binary parts) are left out; what is read is
 * read exactly as from the .docx Word would save.
 */
function flatOpcToZip(bytes: Uint8Array, limits: DocxLimits): Uint8Array {
  if (bytes.length > limits.maxTotalBytes) {
    throw new PlanAssistFailure(
      "zip_too_large",
      `The file is larger than ${Math.round(limits.maxTotalBytes / (1024 * 1024))} MB, far more than any plan.`,
      { limit: limits.maxTotalBytes },
    );
  }
  const doc = parseXml(decodeXmlPieces(bytes), {
    ...defaultXmlLimits,
    maxDepth: limits.maxXmlDepth + 3,
  });
  const parts = readFlatOpcParts(doc);
  const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const overrides = parts
    .filter((p) => p.contentType !== "" && !p.name.endsWith(".rels"))
    .map((p) => `<Override PartName="/${esc(p.name)}" ContentType="${esc(p.contentType)}"/>`)
    .join("");
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`;
  const replace = new Map<string, Uint8Array>([["[Content_Types].xml", encoder.encode(types)]]);
  for (const p of parts) {
    if (replace.has(p.name) || p.name.toLowerCase() === "[content_types].xml") continue;
    replace.set(p.name, encoder.encode(p.xml));
  }
  return writeZip({ bytes: new Uint8Array(0), entries: new Map(), order: [] }, { replace });
}

/**
 * The zip entry that holds part `name`: part names compare without case (Open Packaging
 * Conventions, part name equivalence), so "/WORD/Document.xml" in a relationship or a content
 * type names the entry "word/document.xml". Undefined when the package has no such part.
 */
export function partEntry(zip: ZipArchive, name: string): string | undefined {
  if (zip.entries.has(name)) return name;
  const lower = name.toLowerCase();
  return zip.order.find((n) => n.toLowerCase() === lower);
}

function openDocxOrThrow(
  bytes: Uint8Array,
  limits: DocxLimits,
  keep: ((name: string) => boolean) | undefined,
): Omit<DocxPackage, "flatOpc"> {
  const started = Date.now();
  const checkTime = () => {
    if (Date.now() - started > limits.maxMillis) {
      throw new PlanAssistFailure(
        "time_limit",
        `Reading the file took longer than ${Math.round(limits.maxMillis / 1000)} seconds, far longer than any plan needs. PlanAssist stopped.`,
      );
    }
  };
  const zip = openZip(bytes, limits);
  const budget: InflateBudget = { used: 0, deadline: started + limits.maxMillis };
  const text = (name: string) => decodeXmlBytes(readEntry(zip, name, limits, budget));
  const xmlLimits = {
    ...defaultXmlLimits,
    maxDepth: limits.maxXmlDepth,
    deadline: started + limits.maxMillis,
  };

  const typesName = zip.order.find((n) => n.toLowerCase() === "[content_types].xml");
  const contentTypes = typesName
    ? parseContentTypes(text(typesName))
    : { defaults: new Map(), overrides: new Map() };

  // The main part, found through the package relationships (it need not be word/document.xml).
  let mainPart: string | undefined;
  let strictRel = false;
  const packageRels = partEntry(zip, "_rels/.rels");
  if (packageRels !== undefined) {
    for (const rel of parseRelationships(text(packageRels))) {
      if (rel.external) continue;
      if (rel.type === REL_OFFICE_DOCUMENT || rel.type === REL_OFFICE_DOCUMENT_STRICT) {
        const target = resolveTarget("", rel.target);
        mainPart = partEntry(zip, target) ?? target;
        strictRel = rel.type === REL_OFFICE_DOCUMENT_STRICT;
        break;
      }
    }
  }
  if (mainPart === undefined) mainPart = partEntry(zip, "word/document.xml");
  if (mainPart === undefined || !zip.entries.has(mainPart)) {
    throw new PlanAssistFailure(
      "docx_no_main_part",
      zip.entries.size === 0
        ? "The file is an empty zip archive, not a Word document."
        : "The file is a zip archive but holds no Word document body. Check that it is a .docx saved by Word.",
    );
  }
  if (typesName === undefined) {
    // Every reader gives this answer, so check and fill agree on such a file.
    throw new PlanAssistFailure(
      "docx_no_content_types",
      "The package has no [Content_Types].xml, which every Word document has, so Word would not open it as it is. Open the document in Word (it offers to repair it), save it again, and retry.",
    );
  }
  const mainType = contentTypeOf(contentTypes, mainPart);
  const macros = mainType === CT_MAIN_MACRO || mainType === CT_MAIN_MACRO_TEMPLATE;
  if (
    mainType !== undefined &&
    ![CT_MAIN, CT_MAIN_MACRO, CT_MAIN_TEMPLATE, CT_MAIN_MACRO_TEMPLATE].includes(mainType)
  ) {
    if (!strictRel && !mainType.includes("wordprocessingml")) {
      throw new PlanAssistFailure(
        "docx_not_wordprocessing",
        "The file is an Office file, but not a Word document (it may be a workbook or a presentation).",
      );
    }
  }
  checkTime();
  const document = parseXml(
    decodeXmlPieces(readEntry(zip, mainPart, limits, budget)),
    xmlLimits,
    keep,
  );
  checkTime();

  let styles;
  const relsName = partEntry(zip, relsPartFor(mainPart));
  if (relsName !== undefined) {
    const stylesRel = parseRelationships(text(relsName)).find(
      (r) => (r.type === REL_STYLES || r.type === REL_STYLES_STRICT) && !r.external,
    );
    const stylesPart = stylesRel
      ? partEntry(zip, resolveTarget(mainPart, stylesRel.target))
      : undefined;
    if (stylesPart !== undefined) styles = readStyles(parseXml(text(stylesPart), xmlLimits));
  }
  const read = readWordDocument(document, styles ? { styles, macros } : { macros });
  checkTime();
  return { zip, contentTypes, mainPart, document, read, macros };
}

/** Why a package read from a flat OPC file is not written (fill, revert, annotated copies). */
export function flatOpcNotWritten(what: string): Result<never> {
  return failure(
    "file_is_text",
    `The file is a single-file Word XML Document (.xml). PlanAssist reads and checks it, but ${what} only into a Word Document: open it in Word, save it as a Word Document (.docx), and retry.`,
  );
}
