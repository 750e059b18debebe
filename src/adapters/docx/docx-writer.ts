/**
 * Filling and reverting .docx files: bytes in, bytes out.
 *
 * A fill applies an edit plan to the main document part, pushes a record on the fill journal (a
 * custom XML part), and writes a new package in which only the document part, its relationships,
 * the content types and the journal's own parts differ; every other part is copied byte for byte.
 * The result is then opened again and each edit is checked against what it was meant to write.
 */
import {
  holdsWritten,
  isEmptyPlan,
  type ContentEdit,
  type EditPlan,
  type Skip,
} from "../../domain/edits";
import { capture, err, ok, PlanAssistFailure, type Result } from "../../domain/result";
import { applyEditPlan, type EditOutcome } from "../../ooxml/edit/apply";
import type { FillResult, RevertResult } from "../../ports/document.port";
import {
  addOverride,
  addRelationship,
  CT_CUSTOM_XML_PROPERTIES,
  guidFrom,
  isJournalPart,
  itemPropsXml,
  itemRelsXml,
  parseJournalParts,
  REL_CUSTOM_XML_PROPS_TYPE,
  REL_CUSTOM_XML_TYPE,
  removeOverride,
  removeRelationship,
  revertFill,
  serialiseJournal,
  type FillRecord,
  type Journal,
} from "../../ooxml/journal";
import { checkReverted, tablesAfterRevert } from "../../ooxml/edit/revert-plan";
import { parseRelationships, relsPartFor, resolveTarget } from "../../ooxml/package";
import {
  decodeXmlBytes,
  encodeXmlLike,
  flatOpcNotWritten,
  openDocx,
  partEntry,
  type DocxPackage,
} from "./docx-file";
import { defaultZipLimits, readEntry, writeZip, type ZipLimits } from "./zip";

const encoder = new TextEncoder();

/** Encodes a part's text as the original part was encoded (see `encodeXmlLike`). */
const encodePart = encodeXmlLike;

/**
 * A write into a .docx: the port's report (`FillResult`, `RevertResult`) and the file written
 * (the input itself when nothing needed writing).
 */
export type DocxWritten<R> = R & { readonly bytes: Uint8Array };

/** A fill of a .docx, with the zip entries whose bytes differ from the input's. */
export type DocxFill = DocxWritten<FillResult> & { readonly changedParts: readonly string[] };

/**
 * A revert of a .docx: it always counts by kind and names the added rows it left, and `names`
 * the cells and paragraphs read back with their earlier contents ("table 5, row 4, cell 1").
 */
export type DocxRevert = DocxWritten<
  RevertResult & Required<Pick<RevertResult, "byKind" | "kept">>
> & { readonly names: readonly string[] };

type FailedEdit = FillResult["failed"][number];

type JournalLocation = {
  /**
   * The record's parts, in the order the document part relates to them: none when the document
   * holds no record, two or more when copies of it were put together (they are read as one).
   */
  readonly items: readonly string[];
  readonly journal: Journal;
};

/** The entry of the main part's relationships (part names compare without case). */
function mainRelsName(pkg: DocxPackage): string {
  const name = relsPartFor(pkg.mainPart);
  return partEntry(pkg.zip, name) ?? name;
}

/** The record parts among the custom XML parts the document part relates to, with their XML. */
function recordParts(pkg: DocxPackage): { items: string[]; xmls: string[] } {
  const items: string[] = [];
  const xmls: string[] = [];
  const relsName = mainRelsName(pkg);
  if (!pkg.zip.entries.has(relsName)) return { items, xmls };
  const rels = parseRelationships(decodeXmlBytes(readEntry(pkg.zip, relsName)));
  for (const rel of rels) {
    if (rel.external || rel.type !== REL_CUSTOM_XML_TYPE) continue;
    const target = partEntry(pkg.zip, resolveTarget(pkg.mainPart, rel.target));
    if (target === undefined || items.includes(target)) continue;
    const xml = decodeXmlBytes(readEntry(pkg.zip, target, journalLimits));
    if (!isJournalPart(xml)) continue;
    items.push(target);
    xmls.push(xml);
  }
  return { items, xmls };
}

/**
 * Finds every record part and reads them as one record (`parseJournalParts`: merged in fill
 * order, each fill once).
 */
function findJournal(pkg: DocxPackage): Result<JournalLocation> {
  const { items, xmls } = recordParts(pkg);
  const journal = parseJournalParts(xmls);
  return journal.ok ? ok({ items, journal: journal.value }) : journal;
}

/** The record parts and how many fills they hold (0 when the record is damaged). */
function findRecordParts(pkg: DocxPackage): { items: string[]; fills: number } {
  const { items, xmls } = recordParts(pkg);
  const journal = parseJournalParts(xmls);
  return { items, fills: journal.ok ? journal.value.fills.length : 0 };
}

/**
 * Limits for reading the journal: the usual size limits, but no ratio limit, since the record of a
 * fill with a long repeated value (the add-in's own output) packs far tighter than any document
 * text; the size limits still bound what is unpacked.
 */
const journalLimits: ZipLimits = { ...defaultZipLimits, maxRatio: Number.POSITIVE_INFINITY };

function text(pkg: DocxPackage, name: string): string {
  return decodeXmlBytes(readEntry(pkg.zip, name));
}

function contentTypesName(pkg: DocxPackage): string {
  const name = pkg.zip.order.find((n) => n.toLowerCase() === "[content_types].xml");
  if (name === undefined) {
    throw new PlanAssistFailure(
      "docx_no_content_types",
      "The package has no [Content_Types].xml, which every Word document has, so Word would refuse a file PlanAssist wrote from it. Open the document in Word, save it again, and retry.",
    );
  }
  return name;
}

/** Changes to a package's parts: entries replaced and entries removed. */
type PartChanges = { readonly replace: Map<string, Uint8Array>; readonly remove: Set<string> };

/**
 * The part changes that store `journal` in one record part: the first part found keeps it and
 * any other record parts are removed (see `findJournal`); the parts are created when there is
 * none.
 */
function journalChanges(
  pkg: DocxPackage,
  where: JournalLocation,
  journal: Journal,
  out: PartChanges = { replace: new Map(), remove: new Set() },
): PartChanges {
  const xml = serialiseJournal(journal);
  const [first, ...others] = where.items;
  if (first !== undefined) {
    out.replace.set(first, encoder.encode(xml));
    if (others.length > 0) removeRecordParts(pkg, others, out);
    return out;
  }
  let k = 1;
  while (
    pkg.zip.entries.has(`customXml/item${k}.xml`) ||
    pkg.zip.entries.has(`customXml/itemProps${k}.xml`)
  )
    k++;
  const item = `customXml/item${k}.xml`;
  const props = `customXml/itemProps${k}.xml`;
  out.replace.set(item, encoder.encode(xml));
  out.replace.set(
    props,
    encoder.encode(itemPropsXml(guidFrom(`${pkg.mainPart}:${k}:planassist-journal`))),
  );
  out.replace.set(
    `customXml/_rels/item${k}.xml.rels`,
    encoder.encode(itemRelsXml(`itemProps${k}.xml`)),
  );
  const relsName = mainRelsName(pkg);
  const relsXml = pkg.zip.entries.has(relsName)
    ? text(pkg, relsName)
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const target = relativeTarget(pkg.mainPart, item);
  out.replace.set(
    relsName,
    encodePart(
      addRelationship(relsXml, REL_CUSTOM_XML_TYPE, target).xml,
      pkg.zip.entries.has(relsName) ? readEntry(pkg.zip, relsName) : undefined,
    ),
  );
  const typesName = contentTypesName(pkg);
  const typesOriginal = readEntry(pkg.zip, typesName);
  let types = decodeXmlBytes(typesOriginal);
  types = addOverride(types, `/${props}`, CT_CUSTOM_XML_PROPERTIES);
  if (!/Extension="xml"/i.test(types)) types = addOverride(types, `/${item}`, "application/xml");
  out.replace.set(typesName, encodePart(types, typesOriginal));
  return out;
}

/**
 * Removes record parts and what points to them: each item, its properties part and its
 * relationships, the document part's relationships to it and their content type overrides.
 */
function removeRecordParts(pkg: DocxPackage, items: readonly string[], out: PartChanges): void {
  const gone = new Set<string>();
  const overrides: string[] = [];
  for (const item of items) {
    const itemRels = partEntry(pkg.zip, relsPartFor(item));
    const props: string[] = [];
    if (itemRels !== undefined) {
      for (const rel of parseRelationships(text(pkg, itemRels))) {
        if (rel.external || rel.type !== REL_CUSTOM_XML_PROPS_TYPE) continue;
        const target = partEntry(pkg.zip, resolveTarget(item, rel.target));
        if (target !== undefined) props.push(target);
      }
      out.remove.add(itemRels);
    }
    for (const name of [item, ...props]) {
      out.remove.add(name);
      out.replace.delete(name);
      gone.add(name.toLowerCase());
      overrides.push(`/${name}`);
    }
  }
  const relsName = mainRelsName(pkg);
  if (pkg.zip.entries.has(relsName)) {
    const relsOriginal = readEntry(pkg.zip, relsName);
    const resolvesGone = (target: string) => {
      const r = capture(() => resolveTarget(pkg.mainPart, target));
      return r.ok && gone.has(r.value.toLowerCase());
    };
    out.replace.set(
      relsName,
      encodePart(
        removeRelationship(decodeXmlBytes(relsOriginal), REL_CUSTOM_XML_TYPE, resolvesGone),
        relsOriginal,
      ),
    );
  }
  const typesName = contentTypesName(pkg);
  const typesOriginal = readEntry(pkg.zip, typesName);
  out.replace.set(
    typesName,
    encodePart(
      overrides.reduce((x, name) => removeOverride(x, name), decodeXmlBytes(typesOriginal)),
      typesOriginal,
    ),
  );
}

/** A relationship target from `source`'s folder to `part` ("../customXml/item1.xml"). */
function relativeTarget(source: string, part: string): string {
  const depth = source.split("/").length - 1;
  return `${"../".repeat(depth)}${part}`;
}

/**
 * Fills a .docx with an edit plan. `skipped` (from the planner) is passed through to the report.
 * Answers `document_changed` when a target no longer holds what the plan expects.
 */
export function fillDocx(
  bytes: Uint8Array,
  plan: EditPlan,
  options: {
    label: string;
    now: Date;
    skipped?: readonly Skip[];
    /** These very bytes, already opened (saves reading them again). */
    opened?: DocxPackage;
  },
): Result<DocxFill> {
  const r = capture(() => fillOrThrow(bytes, plan, options));
  return r.ok ? r.value : r;
}

function fillOrThrow(
  bytes: Uint8Array,
  plan: EditPlan,
  options: Parameters<typeof fillDocx>[2],
): Result<DocxFill> {
  let pkg: DocxPackage;
  if (options.opened) pkg = options.opened;
  else {
    const opened = openDocx(bytes);
    if (!opened.ok) return opened;
    pkg = opened.value;
  }
  if (pkg.flatOpc) return flatOpcNotWritten("it writes values");
  const skipped = options.skipped ?? [];
  if (isEmptyPlan(plan)) {
    return ok({
      bytes,
      written: [],
      unchanged: [],
      failed: [],
      skipped,
      notices: [],
      changedParts: [],
    });
  }
  const applied = applyEditPlan(pkg.document.source, plan);
  if (!applied.ok) return applied;
  const { outcomes, changes } = applied.value;
  if (!applied.value.changed) {
    return ok({
      bytes,
      written: [],
      unchanged: outcomes.filter((o) => o.status !== "failed"),
      failed: outcomes.filter((o) => o.status === "failed").map(withReason),
      skipped,
      notices: [],
      changedParts: [],
    });
  }
  const where = findJournal(pkg);
  if (!where.ok) return where;
  const record: FillRecord = { at: options.now.toISOString(), label: options.label, changes };
  const { replace, remove } = journalChanges(pkg, where.value, {
    fills: [...where.value.journal.fills, record],
  });
  replace.set(pkg.mainPart, encodePart(applied.value.source, readEntry(pkg.zip, pkg.mainPart)));
  const out = writeZip(pkg.zip, { replace, remove });

  // Read the result back and confirm each edit.
  const reread = openDocx(out);
  if (!reread.ok) {
    return err(
      "office_sync_failed",
      `The filled document could not be read back (${reread.error.message}); it was not saved.`,
    );
  }
  const snapshot = reread.value.read.snapshot;
  const written: EditOutcome[] = [];
  const unchanged: EditOutcome[] = [];
  const failed: FailedEdit[] = [];
  for (const o of outcomes) {
    if (o.status === "failed") failed.push(withReason(o));
    else if (isContent(o.edit) && !holdsWritten(snapshot, o.edit, plan.content)) {
      failed.push({
        edit: o.edit,
        status: "failed",
        message: "The value did not read back as written.",
      });
    } else if (o.status === "unchanged") unchanged.push(o);
    else written.push(o);
  }
  return ok({
    bytes: out,
    written,
    unchanged,
    failed,
    skipped,
    notices: [],
    changedParts: [...replace.keys(), ...remove],
  });
}

/** A failed edit with the sentence that says why (every failure the applier reports has one). */
function withReason(o: EditOutcome): FailedEdit {
  return { ...o, message: o.message ?? "it could not be written" };
}

function isContent(e: EditOutcome["edit"]): e is ContentEdit {
  return e.kind === "set-text" || e.kind === "set-choice" || e.kind === "set-marks";
}

/**
 * Undoes the last fill recorded in a .docx. When no fill is left, the journal's parts and the
 * entries that point to them are removed, so the package is as it was before the first fill.
 */
export function revertDocx(
  bytes: Uint8Array,
  options: { force?: boolean } = {},
): Result<DocxRevert> {
  const r = capture(() => revertOrThrow(bytes, options));
  return r.ok ? r.value : r;
}

function revertOrThrow(bytes: Uint8Array, options: { force?: boolean }): Result<DocxRevert> {
  const opened = openDocx(bytes);
  if (!opened.ok) return opened;
  const pkg = opened.value;
  if (pkg.flatOpc) return flatOpcNotWritten("it reverts fills");
  const where = findJournal(pkg);
  if (!where.ok) return where;
  const fills = where.value.journal.fills;
  const last = fills[fills.length - 1];
  if (where.value.items.length === 0 || !last) {
    return err(
      "no_fill_to_revert",
      "This document has no fill recorded by PlanAssist, so there is nothing to revert.",
    );
  }
  const reverted = revertFill(pkg.document.source, last, options);
  if (!reverted.ok) return reverted;
  const rest = fills.slice(0, -1);
  // The rest of the record in one part; with no fill left, the record's parts and what points
  // to them are removed.
  const changes: PartChanges = { replace: new Map(), remove: new Set() };
  if (rest.length > 0) journalChanges(pkg, where.value, { fills: rest }, changes);
  else removeRecordParts(pkg, where.value.items, changes);
  const { replace, remove } = changes;
  replace.set(pkg.mainPart, encodePart(reverted.value.source, readEntry(pkg.zip, pkg.mainPart)));
  const out = writeZip(pkg.zip, { replace, remove });

  // Read the result back, as a fill does, before anyone saves it: every restored cell and
  // paragraph must hold its earlier contents where the revert left it, and the tables must be
  // those expected.
  const reread = openDocx(out);
  const summary = reverted.value.summary;
  const plan = reverted.value.plan;
  const before = { doc: pkg.document, result: pkg.read };
  if (!reread.ok) {
    return err(
      "journal_invalid",
      `The reverted document could not be read back (${reread.error.message}), so it was not saved. The record of the last fill may have been altered; the document is unharmed.`,
    );
  }
  if (reread.value.read.snapshot.tables.length !== tablesAfterRevert(before, plan)) {
    return err(
      "journal_invalid",
      "The reverted document did not read back with the tables expected, so it was not saved. The record of the last fill may have been altered; the document is unharmed.",
    );
  }
  const back = checkReverted(before, plan, reread.value.read.snapshot);
  if (back.notRestored.length > 0) {
    return err(
      "journal_invalid",
      `The reverted document did not read back as the fill's record says it should (${back.notRestored.slice(0, 3).join("; ")}), so it was not saved. The record of the last fill may have been altered; the document is unharmed.`,
    );
  }
  return ok({
    bytes: out,
    fill: { label: last.label, at: last.at },
    restored: back.restored.length,
    rowsRemoved: summary.rowsRemoved + summary.tablesRemoved,
    notRestored: [],
    remaining: rest.length,
    byKind: summary,
    kept: plan.kept,
    names: back.restored,
  });
}

/**
 * The .docx without its record of fills: every record part and what points to it are removed, so
 * no fill can be reverted and no earlier cell contents are kept in the file. The document part
 * is untouched. `cleared` is how many fills the record held (0: the bytes are returned as given).
 */
export function clearFillHistoryOfDocx(
  bytes: Uint8Array,
): Result<{ readonly bytes: Uint8Array; readonly cleared: number }> {
  const r = capture((): Result<{ bytes: Uint8Array; cleared: number }> => {
    const opened = openDocx(bytes);
    if (!opened.ok) return opened;
    const pkg = opened.value;
    if (pkg.flatOpc) return flatOpcNotWritten("it clears the record of fills");
    const where = findRecordParts(pkg);
    if (where.items.length === 0) return ok({ bytes, cleared: 0 });
    const changes: PartChanges = { replace: new Map(), remove: new Set() };
    removeRecordParts(pkg, where.items, changes);
    return ok({ bytes: writeZip(pkg.zip, changes), cleared: where.fills });
  });
  return r.ok ? r.value : r;
}

/**
 * The last fill recorded in a .docx, or undefined when there is none. A .docx is written whole,
 * so every cell and paragraph the fill recorded holds what it wrote.
 */
export function lastFillOfDocx(bytes: Uint8Array): Result<
  | {
      readonly label: string;
      readonly at: string;
      readonly written: number;
      readonly notWritten: number;
    }
  | undefined
> {
  const r = capture(() => {
    const opened = openDocx(bytes);
    if (!opened.ok) return opened;
    const where = findJournal(opened.value);
    if (!where.ok) return where;
    const last = where.value.journal.fills.at(-1);
    if (!last) return ok(undefined);
    const written = last.changes.filter((c) => c.kind === "cell" || c.kind === "paragraph").length;
    return ok({ label: last.label, at: last.at, written, notWritten: 0 });
  });
  return r.ok ? r.value : r;
}
