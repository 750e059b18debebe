/**
 * Reads the document open in Word into the document model.
 *
 * One round trip, however many tables: `body.getOoxml()` is queued and fetched by a single
 * `context.sync()`, and the flat OPC package Word returns is parsed by the same code that reads a
 * .docx file (`readFlatOpc` + `readWordDocument` + `readStyles`). Table structure (merged cells,
 * header rows) and symbol-font glyphs come from the OOXML, where they are explicit; the Word table
 * API hides them (see the project's notes on Office.js).
 */
import { capture, err, type Result } from "../../domain/result";
import {
  localName,
  parseRelationships,
  readFlatOpc,
  REL_OFFICE_DOCUMENT,
  REL_OFFICE_DOCUMENT_STRICT,
  REL_STYLES,
  relsPartFor,
  resolveTarget,
} from "../../ooxml/package";
import { readStyles } from "../../ooxml/styles";
import { readWordDocument, type ReadResult } from "../../ooxml/wordml";
import { defaultXmlLimits, parseXml } from "../../ooxml/xml";
import { ABOVE_13, hasSet, type WordHost } from "./word-host";

/** The oldest Word API the add-in needs (tables). */
const MINIMUM_REQUIREMENT = { name: "WordApi", version: "1.3" } as const;

/** Largest OOXML text accepted from Word, in characters. */
export const MAX_OOXML_CHARS = 100_000_000;

/** What reading returns: the snapshot, the parsed index (for writers) and how many syncs it took. */
type OfficeRead = {
  readonly read: ReadResult;
  /**
   * The document part's XML text as Word gave it (the part of the flat OPC package that was
   * parsed; the index's offsets point into it). Writers record cells' earlier XML from it.
   */
  readonly source: string;
  readonly syncs: number;
  /**
   * Whether Track Changes is on (`changeTrackingMode` is "TrackAll" or "TrackMineOnly"), read in
   * the same sync as the body; undefined where WordApi 1.4 is missing.
   */
  readonly trackChanges?: boolean;
};

/** Reads the document body; `syncs` counts the round trips used (always 1 on success). */
export async function readOfficeDocument(host: WordHost | undefined): Promise<Result<OfficeRead>> {
  if (!host) {
    return err(
      "office_unavailable",
      "Word is not available here. Open the add-in from Word's Home tab, or use the browser preview with a .docx file.",
    );
  }
  let supported: boolean;
  try {
    supported = host.isSetSupported(MINIMUM_REQUIREMENT.name, MINIMUM_REQUIREMENT.version);
  } catch {
    supported = false;
  }
  if (!supported) {
    return err(
      "office_requirement_missing",
      `This version of Word does not support ${MINIMUM_REQUIREMENT.name} ${MINIMUM_REQUIREMENT.version}, which PlanAssist needs. Update Word (Microsoft 365, Word 2016 or later, or Word on the web) and retry.`,
      { requirement: `${MINIMUM_REQUIREMENT.name} ${MINIMUM_REQUIREMENT.version}` },
    );
  }
  let ooxml: string;
  let syncs = 0;
  // Track Changes mode is WordApi 1.4 (docs: Word.Document.changeTrackingMode): asked only where
  // Word has it, in the same round trip as the body.
  const tracking = hasSet(host, ABOVE_13.trackChanges);
  let trackChanges: boolean | undefined;
  try {
    ooxml = await host.run(async (context) => {
      const doc = context.document;
      const result = doc.body.getOoxml();
      const canAsk = tracking && typeof doc.load === "function";
      if (canAsk) doc.load?.("changeTrackingMode");
      await context.sync();
      syncs++;
      if (canAsk) {
        const mode = doc.changeTrackingMode;
        trackChanges = typeof mode === "string" ? mode !== "Off" : undefined;
      }
      return result.value;
    });
  } catch (e) {
    const reason = describeOfficeError(e);
    return err(
      "office_sync_failed",
      `Word could not hand over the document's contents (${reason}). Wait a moment and retry; if it keeps failing, save the document and reopen it.`,
      { reason, syncs },
    );
  }
  if (typeof ooxml !== "string" || ooxml.length === 0) {
    return err(
      "office_sync_failed",
      "Word returned an empty document description. Save the document, reopen it and retry.",
      { syncs },
    );
  }
  if (ooxml.length > MAX_OOXML_CHARS) {
    return err(
      "xml_too_large",
      `The document is larger than PlanAssist reads (${MAX_OOXML_CHARS} characters of OOXML).`,
    );
  }
  const parsed = capture(() => parseFlatOpcPackage(ooxml));
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    value: {
      read: parsed.value.read,
      source: parsed.value.source,
      syncs,
      ...(trackChanges === undefined ? {} : { trackChanges }),
    },
    warnings: [],
  };
}

/** Reads a flat OPC package (Word's `getOoxml()` output) into the document model. */
export function parseFlatOpcDocument(ooxml: string): ReadResult {
  return parseFlatOpcPackage(ooxml).read;
}

/** Reads a flat OPC package, keeping the document part's XML text beside the model. */
export function parseFlatOpcPackage(ooxml: string): { read: ReadResult; source: string } {
  const parts = readFlatOpc(ooxml);
  const mainPart = findMainPart(parts);
  const xmlLimits = defaultXmlLimits;
  const main = parts.get(mainPart);
  if (main === undefined) {
    const source = missingBody();
    return { read: readWordDocument(parseXml(source, xmlLimits)), source };
  }
  const document = parseXml(main, xmlLimits);
  const stylesPart = findStylesPart(parts, mainPart);
  const stylesXml = stylesPart === undefined ? undefined : parts.get(stylesPart);
  const styles = stylesXml === undefined ? undefined : readStyles(parseXml(stylesXml, xmlLimits));
  return { read: readWordDocument(document, styles ? { styles } : {}), source: main };
}

function findMainPart(parts: ReadonlyMap<string, string>): string {
  const rels = parts.get("_rels/.rels");
  if (rels !== undefined) {
    for (const rel of parseRelationships(rels)) {
      if (rel.external) continue;
      if (rel.type === REL_OFFICE_DOCUMENT || rel.type === REL_OFFICE_DOCUMENT_STRICT) {
        return resolveTarget("", rel.target);
      }
    }
  }
  if (parts.has("word/document.xml")) return "word/document.xml";
  for (const [name, xml] of parts) {
    const head = xml.slice(0, 400);
    const m = /^\s*(?:<\?[^>]*\?>\s*)?<([^\s>/]+)/.exec(head);
    if (m && localName(m[1] ?? "") === "document") return name;
  }
  return "word/document.xml";
}

function findStylesPart(parts: ReadonlyMap<string, string>, mainPart: string): string | undefined {
  const rels = parts.get(relsPartFor(mainPart));
  if (rels !== undefined) {
    const rel = parseRelationships(rels).find((r) => r.type === REL_STYLES && !r.external);
    if (rel) return resolveTarget(mainPart, rel.target);
  }
  return parts.has("word/styles.xml") ? "word/styles.xml" : undefined;
}

/** A body-less document, so the reader reports "no body" with its usual code and message. */
function missingBody(): string {
  return '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>';
}

/** A short, content-free description of an Office.js error (its code, or its name). */
export function describeOfficeError(e: unknown): string {
  if (typeof e === "object" && e !== null) {
    const o = e as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof o.code === "string" && o.code.length > 0) return o.code;
    if (typeof o.name === "string" && o.name.length > 0 && o.name !== "Error") return o.name;
    if (typeof o.message === "string" && o.message.length > 0) return o.message.slice(0, 120);
  }
  return "unknown error";
}
