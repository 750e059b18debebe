/**
 * The signature-line layout: a line of blanks above its caption outside tables (Perkins signature
 * and date lines); the fields take the blanks in order. Read as to-do items, never filled.
 */
import { documentContext, type DocumentContext } from "../document-context";
import type { FieldData } from "../plan-data";
import type { BodyParagraph, DocumentSnapshot } from "../snapshot";
import type { FieldDefinition } from "../template-definition";
import { cleanParagraphTexts, labelsOf, matchesAny, matchesAnyClean } from "../text-match";
import {
  guidanceById,
  keyOf,
  type Candidate,
  type Layout,
  type Positions,
  type SectionOf,
} from "./layout";
import { emptyFields, emptyValue, fieldData, stripPlaceholders } from "./values";

type SignatureSection = SectionOf<"signature-line">;

/** Paragraphs with the caption of the line's first field (on a line of their own). */
function signatureCandidates(
  snapshot: DocumentSnapshot,
  section: SignatureSection,
  pos: Positions,
  ctx: DocumentContext,
): Candidate[] {
  const out: Candidate[] = [];
  const caption = section.fields[0];
  const cleaned = cleanParagraphTexts(snapshot, ctx);
  snapshot.paragraphs.forEach((p, i) => {
    if (!caption) return;
    // A paragraph of one line is its own only line, already cleaned.
    const found = p.text.includes("\n")
      ? signatureCaptionLine(p.text, labelsOf(caption, ctx), ctx) >= 0
      : p.text.trim() !== "" &&
        matchesAnyClean(cleaned[i] ?? "", labelsOf(caption, ctx), ctx, false, true) !== undefined;
    if (!found) return;
    out.push({
      key: keyOf({ paragraph: p.index }),
      paragraph: p.index,
      pos: pos.paragraph(p.index),
      score: 1,
      matched: [`“${caption.label}”`],
    });
  });
  return out;
}

/** Index of the line (split at line breaks) of `text` that starts with a caption, or -1. */
function signatureCaptionLine(
  text: string,
  captions: readonly string[],
  ctx: DocumentContext = documentContext(),
): number {
  const lines = text.split("\n");
  return lines.findIndex(
    (line) => line.trim() !== "" && matchesAny(line, captions, false, ctx) !== undefined,
  );
}

/** A signature line: the blanks on the line above the caption, one per field, in order. */
function readSignatureLine(
  p: BodyParagraph,
  fields: readonly FieldDefinition[],
  ctx: DocumentContext,
): FieldData[] {
  const lines = p.text.split("\n");
  const first = fields[0];
  const caption = first ? signatureCaptionLine(p.text, labelsOf(first, ctx), ctx) : -1;
  let above = caption - 1;
  while (above >= 0 && (lines[above] ?? "").trim() === "") above--;
  const offset = lines.slice(0, Math.max(0, above)).reduce((n, l) => n + l.length + 1, 0);
  const segments: { start: number; end: number }[] = [];
  if (above >= 0) {
    const line = lines[above] ?? "";
    const re = /\S+(?:[ ]{1,2}\S+)*/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line)) !== null) {
      segments.push({ start: offset + m.index, end: offset + m.index + m[0].length });
    }
  }
  return fields.map((f, i) => {
    const seg = segments[i];
    if (!seg) return fieldData(f, emptyValue(f), undefined);
    return fieldData(f, stripPlaceholders(p.text.slice(seg.start, seg.end), f.placeholders, ctx), {
      kind: "paragraph",
      paragraph: p.index,
      start: seg.start,
      end: seg.end,
    });
  });
}

export const signatureLineLayout: Layout<SignatureSection> = Object.freeze({
  kind: "signature-line",
  candidates: signatureCandidates,
  empty: (section: SignatureSection) => ({ fields: emptyFields(section.fields) }),
  read: (
    snapshot: DocumentSnapshot,
    section: SignatureSection,
    found: { readonly paragraph?: number },
    _used: Set<number>,
    ctx: DocumentContext,
  ) => {
    const p = found.paragraph !== undefined ? snapshot.paragraphs[found.paragraph] : undefined;
    return p ? { fields: readSignatureLine(p, section.fields, ctx) } : undefined;
  },
  fieldGuidance: (section: SignatureSection, field: string) => guidanceById(section.fields, field),
});
