/**
 * Annotated copies: a .docx with a Word comment on each cell (or paragraph) that has a finding,
 * so a consultant can send the plan back to the district. The original bytes are not touched;
 * every part except the document, its relationships, the content types and the comments part is
 * copied byte for byte.
 */
import type { Finding } from "../../domain/findings";
import type { Location } from "../../domain/snapshot";
import { capture, err, PlanAssistFailure, type Result } from "../../domain/result";
import {
  anchorComments,
  commentsPartXml,
  maxCommentId,
  withCommentsContentType,
  withCommentsRelationship,
  type CommentSpec,
} from "../../ooxml/comments";
import { relsPartFor, resolveTarget } from "../../ooxml/package";
import type { XmlElement } from "../../ooxml/xml";
import {
  decodeXmlBytes,
  encodeXmlLike,
  flatOpcNotWritten,
  openDocx,
  partEntry,
  type DocxPackage,
} from "./docx-file";
import { defaultZipLimits, readEntry, writeZip } from "./zip";

export type AnnotateOptions = {
  /** Author shown in Word (default "PlanAssist"). */
  readonly author?: string;
  /** Date-time written on the comments (ISO, such as 2026-09-01T00:00:00Z). */
  readonly date?: string;
};

export type AnnotateResult = {
  readonly bytes: Uint8Array;
  /** Comments written (one per cell or paragraph with findings). */
  readonly comments: number;
  /** Findings that have no place in the document (no location), so got no comment. */
  readonly unplaced: number;
};

const severityWord = { error: "Error", warning: "Warning", info: "Note" } as const;

/** The text of a comment for one finding. */
export function commentText(f: Finding): string {
  const where = [f.fieldLabel, f.rowLabel ?? (f.row !== undefined ? `row ${f.row + 1}` : undefined)]
    .filter(Boolean)
    .join(", ");
  return `${severityWord[f.severity]}${where ? ` (${where})` : ""}: ${f.message}`;
}

function paragraphFor(
  pkg: DocxPackage,
  f: { readonly location?: Location },
): XmlElement | undefined {
  const l = f.location;
  if (!l) return undefined;
  const index = pkg.read.index;
  if (l.kind === "paragraph") return index.paragraphs[l.paragraph];
  const cell = index.tables[l.table]?.rows[l.row]?.cells[l.cell];
  if (!cell) return undefined;
  return cell.paragraphs[l.paragraph ?? 0] ?? cell.paragraphs[0];
}

/** Writes a copy of the .docx with a comment for every located finding. */
export function annotateDocx(
  bytes: Uint8Array,
  findings: readonly Finding[],
  options: AnnotateOptions = {},
): Result<AnnotateResult> {
  const opened = openDocx(bytes);
  if (!opened.ok) return opened;
  const pkg = opened.value;
  if (pkg.flatOpc) return flatOpcNotWritten("it writes annotated copies");
  if (pkg.read.snapshot.facts.strict) {
    return err(
      "docx_strict_ooxml",
      "The document is saved as Strict Open XML, which PlanAssist does not annotate. Save it in Word as a normal Word Document (.docx) and retry.",
    );
  }
  return capture(() => {
    const r = annotate(
      pkg,
      findings.map((f) => ({
        ...(f.location ? { location: f.location } : {}),
        text: commentText(f),
      })),
      options,
    );
    return { bytes: r.bytes, comments: r.comments, unplaced: r.unplaced.length };
  });
}

/**
 * Writes a copy of the .docx with the given comment texts, each on its location; texts on the same
 * paragraph share one comment. `unplaced` lists the indexes of texts with no place in the document.
 */
export function annotateDocxWithTexts(
  bytes: Uint8Array,
  items: readonly { readonly location?: Location; readonly text: string }[],
  options: AnnotateOptions = {},
): Result<{ bytes: Uint8Array; comments: number; unplaced: number[] }> {
  const opened = openDocx(bytes);
  if (!opened.ok) return opened;
  const pkg = opened.value;
  if (pkg.flatOpc) return flatOpcNotWritten("it writes comments");
  if (pkg.read.snapshot.facts.strict) {
    return err(
      "docx_strict_ooxml",
      "The document is saved as Strict Open XML, which PlanAssist does not annotate. Save it in Word as a normal Word Document (.docx) and retry.",
    );
  }
  return capture(() => annotate(pkg, items, options));
}

function annotate(
  pkg: DocxPackage,
  findings: readonly { readonly location?: Location; readonly text: string }[],
  options: AnnotateOptions,
): { bytes: Uint8Array; comments: number; unplaced: number[] } {
  const author = options.author ?? "PlanAssist";
  const initials = author.replace(/[^A-Z]/g, "").slice(0, 4) || "PA";
  const groups = new Map<XmlElement, (typeof findings)[number][]>();
  const unplaced: number[] = [];
  for (const [i, f] of findings.entries()) {
    const p = paragraphFor(pkg, f);
    if (!p) {
      unplaced.push(i);
      continue;
    }
    groups.set(p, [...(groups.get(p) ?? []), f]);
  }
  if (groups.size === 0) return { bytes: pkg.zip.bytes, comments: 0, unplaced };

  const read = (name: string) => decodeXmlBytes(readEntry(pkg.zip, name, defaultZipLimits));
  const relsName = partEntry(pkg.zip, relsPartFor(pkg.mainPart)) ?? relsPartFor(pkg.mainPart);
  const rels = withCommentsRelationship(pkg.zip.entries.has(relsName) ? read(relsName) : undefined);
  const commentsName = resolveTarget(pkg.mainPart, rels.target);
  const existingComments = pkg.zip.entries.has(commentsName) ? read(commentsName) : undefined;
  const firstId = maxCommentId(existingComments) + 1;

  // Comments in document order, so their ids run down the page.
  const specs: CommentSpec[] = [...groups.entries()]
    .sort((a, b) => a[0].start - b[0].start)
    .map(([paragraph, fs]) => ({
      paragraph,
      author,
      initials,
      ...(options.date !== undefined ? { date: options.date } : {}),
      paragraphs: fs.map((f) => f.text),
    }));

  const documentXml = anchorComments(pkg.document.source, pkg.read.index.names, firstId, specs);
  const commentsXml = commentsPartXml(existingComments, firstId, specs);
  const typesName = pkg.zip.order.find((n) => n.toLowerCase() === "[content_types].xml");
  if (!typesName) {
    throw new PlanAssistFailure(
      "docx_no_main_part",
      "The document has no content types part, so a comment cannot be added.",
    );
  }
  const types = withCommentsContentType(read(typesName), commentsName);

  // Each part is written back in its own encoding, so its declaration stays true.
  const original = (name: string) =>
    pkg.zip.entries.has(name) ? readEntry(pkg.zip, name, defaultZipLimits) : undefined;
  const replace = new Map<string, Uint8Array>();
  replace.set(pkg.mainPart, encodeXmlLike(documentXml, original(pkg.mainPart)));
  replace.set(commentsName, encodeXmlLike(commentsXml, original(commentsName)));
  if (rels.changed) replace.set(relsName, encodeXmlLike(rels.xml, original(relsName)));
  if (types.changed) replace.set(typesName, encodeXmlLike(types.xml, original(typesName)));
  return { bytes: writeZip(pkg.zip, { replace }), comments: specs.length, unplaced };
}
