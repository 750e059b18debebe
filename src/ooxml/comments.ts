/**
 * Word comments, as text edits on a package's parts: a comments part (`w:comment` elements), the
 * anchors in the document (`w:commentRangeStart`/`End` and a run holding `w:commentReference` in
 * the first paragraph of a cell), the relationship from the document part and the content type
 * override. Edits are spliced at element offsets, so everything else stays byte-identical.
 */
import { PlanAssistFailure } from "../domain/result";
import { CT_COMMENTS, REL_COMMENTS } from "./package";
import type { WordNames } from "./wordml";
import { attr, childElements, escapeXml, parseXml, type XmlElement } from "./xml";

export type CommentSpec = {
  /** The paragraph the comment is anchored in (its whole text is the commented range). */
  readonly paragraph: XmlElement;
  readonly author: string;
  readonly initials: string;
  /** ISO date-time written as `w:date` (omitted when absent). */
  readonly date?: string;
  /** The comment's paragraphs. */
  readonly paragraphs: readonly string[];
};

type Splice = { readonly at: number; readonly end: number; readonly text: string };

/** Applies splices (non-overlapping ranges) to a source string. */
export function applySplices(source: string, splices: readonly Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.at - b.at || a.end - b.end);
  let out = "";
  let pos = 0;
  for (const s of sorted) {
    if (s.at < pos) throw new Error("overlapping edits");
    out += source.slice(pos, s.at) + s.text;
    pos = s.end;
  }
  return out + source.slice(pos);
}

/** Highest `w:id` of the comments in an existing comments part (-1 when none). */
export function maxCommentId(commentsXml: string | undefined): number {
  if (!commentsXml) return -1;
  let max = -1;
  for (const m of commentsXml.matchAll(/<(?:\w+:)?comment\b[^>]*?\b(?:\w+:)?id="(\d+)"/g))
    max = Math.max(max, Number(m[1]));
  return max;
}

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

function commentElement(id: number, c: CommentSpec): string {
  const date = c.date ? ` w:date="${escapeXml(c.date)}"` : "";
  const paras = c.paragraphs.map(
    (text, i) =>
      `<w:p>${i === 0 ? `<w:r><w:annotationRef/></w:r>` : ""}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`,
  );
  return `<w:comment w:id="${id}" w:author="${escapeXml(c.author)}" w:initials="${escapeXml(c.initials)}"${date}>${paras.join("")}</w:comment>`;
}

/** A comments part with the given comments, or an existing part with them appended. */
export function commentsPartXml(
  existing: string | undefined,
  firstId: number,
  comments: readonly CommentSpec[],
): string {
  const elements = comments.map((c, i) => commentElement(firstId + i, c)).join("");
  if (existing === undefined) {
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W_NS}">${elements}</w:comments>`;
  }
  const doc = parseXml(existing);
  const root = doc.root;
  const prefix = root.name.includes(":") ? root.name.slice(0, root.name.indexOf(":")) : "";
  if (prefix !== "w" || attr(root, "xmlns:w") !== W_NS) {
    throw new PlanAssistFailure(
      "xml_malformed",
      "The document's comments part is written in a form PlanAssist does not extend. Remove the existing comments and retry.",
    );
  }
  if (root.closeStart === root.end) {
    // <w:comments .../> : open it up.
    const open = existing.slice(root.start, root.end - 2).trimEnd() + ">";
    return applySplices(existing, [
      { at: root.start, end: root.end, text: `${open}${elements}</${root.name}>` },
    ]);
  }
  return applySplices(existing, [{ at: root.closeStart, end: root.closeStart, text: elements }]);
}

/** Splices comment anchors into the document XML: one comment per paragraph, ids from `firstId`. */
export function anchorComments(
  documentXml: string,
  names: WordNames,
  firstId: number,
  comments: readonly CommentSpec[],
): string {
  const splices: Splice[] = [];
  comments.forEach((c, i) => {
    const id = firstId + i;
    const p = c.paragraph;
    const start = `<${names.q("commentRangeStart")} ${names.q("id")}="${id}"/>`;
    const end =
      `<${names.q("commentRangeEnd")} ${names.q("id")}="${id}"/>` +
      `<${names.r}><${names.q("commentReference")} ${names.q("id")}="${id}"/></${names.r}>`;
    if (p.closeStart === p.end) {
      // An empty paragraph written as <w:p .../>.
      const open = documentXml.slice(p.start, p.end - 2).trimEnd() + ">";
      splices.push({ at: p.start, end: p.end, text: `${open}${start}${end}</${p.name}>` });
      return;
    }
    const pPr = childElements(p, names.pPr)[0];
    const at = pPr ? pPr.end : p.openEnd;
    splices.push({ at, end: at, text: start });
    splices.push({ at: p.closeStart, end: p.closeStart, text: end });
  });
  return applySplices(documentXml, splices);
}

/** Adds the comments relationship to a relationships part, unless one is there. Returns the new XML and the target. */
export function withCommentsRelationship(relsXml: string | undefined): {
  xml: string;
  target: string;
  changed: boolean;
} {
  const empty = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const source = relsXml ?? empty;
  const doc = parseXml(source);
  const rels = childElements(doc.root);
  const existing = rels.find(
    (r) => attr(r, "Type") === REL_COMMENTS && attr(r, "TargetMode") !== "External",
  );
  if (existing)
    return { xml: source, target: attr(existing, "Target") ?? "comments.xml", changed: false };
  const ids = new Set(rels.map((r) => attr(r, "Id")));
  let n = rels.length + 1;
  while (ids.has(`rId${n}`)) n++;
  const el = `<Relationship Id="rId${n}" Type="${REL_COMMENTS}" Target="comments.xml"/>`;
  const root = doc.root;
  const xml =
    root.closeStart === root.end
      ? applySplices(source, [
          {
            at: root.start,
            end: root.end,
            text: `${source.slice(root.start, root.end - 2).trimEnd()}>${el}</${root.name}>`,
          },
        ])
      : applySplices(source, [{ at: root.closeStart, end: root.closeStart, text: el }]);
  return { xml, target: "comments.xml", changed: true };
}

/** Adds the content type override of a comments part, unless the part already has its type. */
export function withCommentsContentType(
  typesXml: string,
  partName: string,
): { xml: string; changed: boolean } {
  const doc = parseXml(typesXml);
  const wanted = `/${partName}`.toLowerCase();
  const has = childElements(doc.root).some(
    (e) =>
      e.name.endsWith("Override") &&
      (attr(e, "PartName") ?? "").toLowerCase() === wanted &&
      attr(e, "ContentType") === CT_COMMENTS,
  );
  if (has) return { xml: typesXml, changed: false };
  const el = `<Override PartName="/${escapeXml(partName)}" ContentType="${CT_COMMENTS}"/>`;
  return {
    xml: applySplices(typesXml, [{ at: doc.root.closeStart, end: doc.root.closeStart, text: el }]),
    changed: true,
  };
}
