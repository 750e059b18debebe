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
  type InflateBudget,
  type ZipArchive,
  type ZipLimits,
} from "./zip";

const REL_STYLES_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships/styles";

/** Decodes a part's bytes as XML text (UTF-8, or UTF-16 with a byte order mark). */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}

/** Bytes per piece when a large part is decoded in pieces (see `decodeXmlPieces`). */
const pieceBytes = 16 * 1024;

/**
 * Decodes a part's bytes as XML text in pieces of about `pieceBytes`, each ending just after a
 * `>`, for `parseXml`. A large part decoded whole is one large string, and making one costs more
 * than decoding it: small pieces are cheap to make and to throw away. UTF-16 parts are decoded whole.
 */
export function decodeXmlPieces(bytes: Uint8Array): string[] {
  if (bytes.length <= pieceBytes * 2 || bytes[0] === 0xff || bytes[0] === 0xfe)
    return [decodeXmlBytes(bytes)];
  const pieces: string[] = [];
  // The first piece drops a byte order mark, as a whole decode does; later pieces keep every character.
  let decoder = new TextDecoder("utf-8");
  let at = 0;
  while (at < bytes.length) {
    const gt = bytes.indexOf(0x3e, at + pieceBytes);
    const end = gt === -1 || bytes.length - gt < pieceBytes / 2 ? bytes.length : gt + 1;
    pieces.push(decoder.decode(bytes.subarray(at, end)));
    decoder = laterPieces;
    at = end;
  }
  return pieces;
}

const laterPieces = new TextDecoder("utf-8", { ignoreBOM: true });

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
};

/** What a file's first bytes say it is. */
export function sniff(bytes: Uint8Array): Result<"zip"> {
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
    if (oleHoldsEncryptedPackage(bytes)) {
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
  if (
    lower.startsWith("<?xml") &&
    (lower.includes("<pkg:package") || lower.includes("<w:worddocument"))
  ) {
    return fail(
      "file_is_text",
      "The file is a Word XML document (one .xml file), not a .docx package. Open it in Word and save it as a Word Document (.docx).",
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

/** An OLE compound file holding "EncryptionInfo" is an encrypted OOXML package. */
function oleHoldsEncryptedPackage(bytes: Uint8Array): boolean {
  const needle = "EncryptionInfo";
  const limit = Math.min(bytes.length, 4 * 1024 * 1024);
  outer: for (let i = 0; i + needle.length * 2 <= limit; i++) {
    for (let k = 0; k < needle.length; k++) {
      if (bytes[i + k * 2] !== needle.charCodeAt(k) || bytes[i + k * 2 + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** What a file name says about a file, before its bytes are read. */
export type FileNameKind = "document" | "macro-document" | "template" | "macro-template" | "other";

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
  const r = capture(() => openDocxOrThrow(bytes, limits, keep));
  if (!r.ok) return r;
  const warnings: Notice[] = [];
  if (r.value.read.snapshot.facts.strict) {
    warnings.push({
      code: "docx_strict_ooxml",
      message:
        "The document is saved as Strict Open XML. PlanAssist read it, but Word's usual format is safer to fill: in Word use File > Save As > Word Document (.docx).",
    });
  }
  if (r.value.macros) {
    warnings.push({
      code: "docx_macros",
      message:
        "The document is macro-enabled (.docm). PlanAssist read its text and never runs its macros; check where it came from before opening it in Word with macros enabled.",
    });
  }
  return ok(r.value, warnings);
}

function openDocxOrThrow(
  bytes: Uint8Array,
  limits: DocxLimits,
  keep: ((name: string) => boolean) | undefined,
): DocxPackage {
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
  if (zip.entries.has("_rels/.rels")) {
    for (const rel of parseRelationships(text("_rels/.rels"))) {
      if (rel.external) continue;
      if (rel.type === REL_OFFICE_DOCUMENT || rel.type === REL_OFFICE_DOCUMENT_STRICT) {
        mainPart = resolveTarget("", rel.target);
        strictRel = rel.type === REL_OFFICE_DOCUMENT_STRICT;
        break;
      }
    }
  }
  if (mainPart === undefined && zip.entries.has("word/document.xml"))
    mainPart = "word/document.xml";
  if (mainPart === undefined || !zip.entries.has(mainPart)) {
    throw new PlanAssistFailure(
      "docx_no_main_part",
      zip.entries.size === 0
        ? "The file is an empty zip archive, not a Word document."
        : "The file is a zip archive but holds no Word document body. Check that it is a .docx saved by Word.",
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
  const relsName = relsPartFor(mainPart);
  if (zip.entries.has(relsName)) {
    const stylesRel = parseRelationships(text(relsName)).find(
      (r) => (r.type === REL_STYLES || r.type === REL_STYLES_STRICT) && !r.external,
    );
    const stylesPart = stylesRel ? resolveTarget(mainPart, stylesRel.target) : undefined;
    if (stylesPart && zip.entries.has(stylesPart))
      styles = readStyles(parseXml(text(stylesPart), xmlLimits));
  }
  const read = readWordDocument(document, styles ? { styles, macros } : { macros });
  checkTime();
  return { zip, contentTypes, mainPart, document, read, macros };
}
