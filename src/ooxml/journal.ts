/**
 * The fill journal: what each fill changed, kept inside the document in a custom XML part so
 * "Revert last fill" restores the exact earlier contents, even after the file was saved and
 * reopened. A stack: each fill pushes a record, each revert pops one.
 *
 * Also here: the package edits that add and remove the journal's parts (relationship, content
 * type override, item properties), as pure string functions both hosts can use.
 */
import { rowItem, spanOf, type JournalChange } from "./edit/apply";
import { applySplices, type Splice } from "./edit/splice";
import { sourceOf } from "./edit/paragraph-xml";
import { normaliseSlotText } from "../domain/edits";
import { err, ok, PlanAssistFailure, type Result } from "../domain/result";
import { readWordDocument, type ReadResult, type WordIndex } from "./wordml";
import {
  attr,
  attributes,
  childElements,
  decodeEntities,
  escapeXml,
  parseXml,
  type XmlDocument,
  type XmlElement,
} from "./xml";
import { localName } from "./package";
import { z } from "zod";

export const JOURNAL_NAMESPACE = "urn:planassist:fill-journal:1";

export type FillRecord = {
  /** When the fill was made (ISO 8601), for the person choosing to revert. */
  readonly at: string;
  /** What was filled ("DDTT action plan"), for messages. */
  readonly label: string;
  readonly changes: readonly JournalChange[];
};

export type Journal = { readonly fills: readonly FillRecord[] };

export const emptyJournal: Journal = { fills: [] };

/**
 * Control characters XML cannot carry at all, not even as references (Word's text holds U+000B
 * for a line break): kept in the record as private-use characters U+E000 + code, and turned back
 * when the record is read.
 */
const UNSAFE_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
const KEPT_CONTROLS = /[\uE000-\uE008\uE00B\uE00C\uE00E-\uE01F]/g;

/** Text for element content, with line ends and tabs kept through any re-serialisation. */
function enc(s: string): string {
  return escapeXml(s)
    .replace(/\r/g, "&#13;")
    .replace(/\n/g, "&#10;")
    .replace(/\t/g, "&#9;")
    .replace(UNSAFE_CONTROLS, (c) => String.fromCharCode(0xe000 + c.charCodeAt(0)))
    .replace(/[\uFFFE\uFFFF]/g, "");
}

/** The text `enc` wrote, as it was. */
function dec(s: string): string {
  return s.replace(KEPT_CONTROLS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000));
}

export function serialiseJournal(j: Journal): string {
  const fills = j.fills
    .map((f) => {
      const changes = f.changes
        .map((c) => {
          switch (c.kind) {
            case "cell":
              return `<pa:cell table="${c.table}" row="${c.row}" cell="${c.cell}"><pa:before>${enc(c.before)}</pa:before><pa:after>${enc(c.after)}</pa:after></pa:cell>`;
            case "paragraph":
              return `<pa:paragraph index="${c.paragraph}"><pa:before>${enc(c.before)}</pa:before><pa:after>${enc(c.after)}</pa:after></pa:paragraph>`;
            case "rows-added":
              return `<pa:rows-added table="${c.table}" row="${c.row}" count="${c.count}"/>`;
            case "tables-added":
              return `<pa:tables-added table="${c.table}" count="${c.count}"${c.separators ? ` separators="${c.separators}"` : ""}/>`;
            case "rows-removed":
              return `<pa:rows-removed table="${c.table}" row="${c.row}"><pa:xml>${enc(c.xml)}</pa:xml></pa:rows-removed>`;
          }
        })
        .join("");
      return `<pa:fill at="${enc(f.at)}" label="${enc(f.label)}">${changes}</pa:fill>`;
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pa:journal xmlns:pa="${JOURNAL_NAMESPACE}" version="1">${fills}</pa:journal>`;
}

function bad(message: string): never {
  throw new PlanAssistFailure(
    "journal_invalid",
    `The record of earlier fills stored in the document is damaged (${message}), so PlanAssist cannot revert. The document itself is unharmed.`,
  );
}

/** An attribute as a number (NaN when missing or not a number), for the schema to judge. */
function num(el: XmlElement, name: string): number {
  const raw = attr(el, name);
  return raw === undefined || !/^\s*\d+\s*$/.test(raw) ? Number.NaN : Number(raw);
}

function textOfChild(source: string, el: XmlElement, name: string): string {
  const ch = childElements(el).find((c) => localName(c.name) === name);
  if (!ch) bad(`${el.name} has no ${name}`);
  return dec(decodeEntities(source.slice(ch.openEnd, ch.closeStart)));
}

/** Whether an XML part is a PlanAssist journal. */
export function isJournalPart(xml: string): boolean {
  return xml.includes(JOURNAL_NAMESPACE);
}

/** Largest table, row, cell or paragraph index a record may name (Word documents hold far fewer). */
const maxIndex = 1_000_000;
const index = z.number().int().min(0).max(maxIndex);
const count = z.number().int().min(1).max(maxIndex);
/** The record's schema: what `serialiseJournal` writes, and nothing else. */
const journalChangeSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("cell"),
    table: index,
    row: index,
    cell: index,
    before: z.string(),
    after: z.string(),
  }),
  z.object({
    kind: z.literal("paragraph"),
    paragraph: index,
    before: z.string(),
    after: z.string(),
  }),
  z.object({ kind: z.literal("rows-added"), table: index, row: index, count }),
  z.object({
    kind: z.literal("tables-added"),
    table: index,
    count,
    separators: z.number().int().min(1).max(2).optional(),
  }),
  z.object({ kind: z.literal("rows-removed"), table: index, row: index, xml: z.string() }),
]);
const fillRecordSchema = z.object({
  at: z.string().max(64),
  label: z.string().max(10_000),
  changes: z.array(journalChangeSchema).max(maxIndex),
});
const journalSchema = z.object({ fills: z.array(fillRecordSchema).max(10_000) });

/** A record's entries that contradict each other (the same cell twice, overlapping rows). */
function contradiction(fill: FillRecord): string | undefined {
  const seen = new Set<string>();
  const rowRanges = new Map<number, [number, number][]>();
  const tableRanges: [number, number][] = [];
  const overlaps = (ranges: [number, number][], a: number, b: number) =>
    ranges.some(([x, y]) => a < y && x < b);
  for (const c of fill.changes) {
    let key: string | undefined;
    if (c.kind === "cell") key = `cell ${c.table}/${c.row}/${c.cell}`;
    else if (c.kind === "paragraph") key = `paragraph ${c.paragraph}`;
    else if (c.kind === "rows-removed") key = `removed ${c.table}/${c.row}`;
    else if (c.kind === "rows-added") {
      const ranges = rowRanges.get(c.table) ?? [];
      if (overlaps(ranges, c.row, c.row + c.count))
        return `rows added to table ${c.table + 1} are listed twice`;
      ranges.push([c.row, c.row + c.count]);
      rowRanges.set(c.table, ranges);
    } else {
      if (overlaps(tableRanges, c.table, c.table + c.count))
        return `tables added at table ${c.table + 1} are listed twice`;
      tableRanges.push([c.table, c.table + c.count]);
    }
    if (key !== undefined) {
      if (seen.has(key)) return `the entry for ${key} is listed twice`;
      seen.add(key);
    }
  }
  return undefined;
}

export function parseJournal(xml: string): Result<Journal> {
  try {
    const doc = parseXml(xml);
    if (localName(doc.root.name) !== "journal") bad("it is not a journal");
    const raw = {
      fills: childElements(doc.root)
        .filter((f) => localName(f.name) === "fill")
        .map((f) => ({
          at: dec(attr(f, "at") ?? ""),
          label: dec(attr(f, "label") ?? ""),
          changes: childElements(f).map((c) => {
            switch (localName(c.name)) {
              case "cell":
                return {
                  kind: "cell",
                  table: num(c, "table"),
                  row: num(c, "row"),
                  cell: num(c, "cell"),
                  before: textOfChild(xml, c, "before"),
                  after: textOfChild(xml, c, "after"),
                };
              case "paragraph":
                return {
                  kind: "paragraph",
                  paragraph: num(c, "index"),
                  before: textOfChild(xml, c, "before"),
                  after: textOfChild(xml, c, "after"),
                };
              case "rows-added":
                return {
                  kind: "rows-added",
                  table: num(c, "table"),
                  row: num(c, "row"),
                  count: num(c, "count"),
                };
              case "tables-added":
                return attr(c, "separators") === undefined
                  ? { kind: "tables-added", table: num(c, "table"), count: num(c, "count") }
                  : {
                      kind: "tables-added",
                      table: num(c, "table"),
                      count: num(c, "count"),
                      separators: num(c, "separators"),
                    };
              case "rows-removed":
                return {
                  kind: "rows-removed",
                  table: num(c, "table"),
                  row: num(c, "row"),
                  xml: textOfChild(xml, c, "xml"),
                };
              default:
                return bad(`unknown entry ${c.name.slice(0, 40)}`);
            }
          }),
        })),
    };
    const checked = journalSchema.safeParse(raw);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const where = issue?.path.length ? issue.path.join(".") : "the record";
      bad(`${where}: ${issue?.message ?? "not a valid record"}`);
    }
    const journal: Journal = checked.data;
    for (const fill of journal.fills) {
      const problem = contradiction(fill);
      if (problem) bad(problem);
    }
    return ok(journal);
  } catch (x) {
    if (x instanceof PlanAssistFailure) {
      return x.failure.code === "journal_invalid"
        ? { ok: false, error: x.failure }
        : err(
            "journal_invalid",
            `The record of earlier fills stored in the document is damaged (${x.failure.message}), so PlanAssist cannot revert. The document itself is unharmed.`,
          );
    }
    throw x;
  }
}

export type RevertResult = {
  readonly source: string;
  /** Cells and paragraphs restored, rows and tables removed or put back. */
  readonly restored: number;
  /** What was restored, by kind. */
  readonly summary: RevertSummary;
};

export type RevertSummary = {
  readonly cells: number;
  readonly paragraphs: number;
  readonly rowsRemoved: number;
  readonly tablesRemoved: number;
  readonly rowsRestored: number;
};

/**
 * Markup a fill never writes and a revert never puts back unless the document already holds it
 * word for word: fields (an `INCLUDEPICTURE` field can fetch a file from a network path),
 * embedded objects and pictures, links, sub-documents and imported chunks, controls.
 */
const activeMarkup: ReadonlySet<string> = new Set([
  "fldSimple",
  "fldChar",
  "instrText",
  "fldData",
  "object",
  "embed",
  "pict",
  "drawing",
  "imagedata",
  "hyperlink",
  "altChunk",
  "subDoc",
  "control",
  "OLEObject",
  "movie",
  "attachedTemplate",
]);

function refused(message: string): never {
  throw new PlanAssistFailure(
    "journal_invalid",
    `The record of the last fill asks for a change no fill makes (${message}), so it has been damaged or altered. Nothing was reverted; the document is unharmed.`,
  );
}

/**
 * Checks XML a revert would put into the document: well-formed under the document's namespace
 * declarations, made of `expected` elements only, and holding no active markup (see
 * `activeMarkup`) unless that very markup is already in the document.
 */
function checkInsertedXml(
  xml: string,
  expected: string,
  doc: XmlDocument,
  what: string,
  many: boolean,
): void {
  const decls = [...attributes(doc.root)]
    .filter(([k]) => k === "xmlns" || k.startsWith("xmlns:"))
    .map(([k, v]) => `${k}="${escapeXml(v)}"`)
    .join(" ");
  let parsed: XmlDocument;
  try {
    parsed = parseXml(`<planassist-check ${decls}>${xml}</planassist-check>`);
  } catch (x) {
    if (x instanceof PlanAssistFailure)
      refused(`the earlier contents of ${what} are not valid XML`);
    throw x;
  }
  const top = parsed.root.children;
  const elements = top.filter((n): n is XmlElement => n.kind === "element");
  const strayText = top.some(
    (n) => n.kind === "text" && parsed.source.slice(n.start, n.end).trim() !== "",
  );
  if (
    strayText ||
    elements.length === 0 ||
    (!many && elements.length !== 1) ||
    elements.some((e) => e.name !== expected)
  ) {
    refused(`the earlier contents of ${what} are not ${many ? "table rows" : `one ${expected}`}`);
  }
  const walk = (el: XmlElement): void => {
    const local = localName(el.name);
    const linked = [...attributes(el).keys()].some((k) => k.startsWith("r:"));
    if (activeMarkup.has(local) || linked) {
      const text = parsed.source.slice(el.start, el.end);
      if (!doc.source.includes(text)) {
        refused(
          `the earlier contents of ${what} hold ${local === "instrText" || local === "fldSimple" || local === "fldChar" ? "a field" : `<${el.name.slice(0, 40)}>`} the document does not have`,
        );
      }
      return;
    }
    for (const ch of el.children) if (ch.kind === "element") walk(ch);
  };
  elements.forEach(walk);
}

/**
 * Undoes one fill on a main document part. Refuses with `document_changed` when a cell the fill
 * wrote was changed since (unless `force`), so a person's later typing is not thrown away, and
 * with `journal_invalid` when the record asks for what no fill does: removing a table's first
 * row or its header rows, or putting back markup the document never had.
 */
/**
 * The source range of tables a fill added: whole table elements, or rows when the tables are
 * part of a table Word joined, with the empty paragraphs the fill put around them. Undefined when
 * the separators are no longer empty paragraphs beside the tables.
 */
export function addedTablesRange(
  index: WordIndex,
  table: number,
  count: number,
  separators: number,
): [number, number] | undefined {
  const added = index.tables.slice(table, table + count);
  const elements = new Set(added.map((t) => t.element));
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  for (const el of elements) {
    // An element is removed whole when every table read from it is one of those added.
    const whole = index.tables.every((t) => t.element !== el || added.includes(t));
    const spans = whole
      ? [{ start: el.start, end: el.end }]
      : added.filter((t) => t.element === el).map(spanOf);
    for (const sp of spans) {
      start = Math.min(start, sp.start);
      end = Math.max(end, sp.end);
    }
  }
  if (separators === 0) return [start, end];
  const first = added[0]?.element;
  const last = added[added.length - 1]?.element;
  const names = index.names;
  const emptyParagraph = (el: XmlElement | undefined) =>
    el !== undefined &&
    el.name === names.p &&
    !el.children.some((c) => c.kind === "element" && c.name !== names.pPr);
  const before = first && siblingElement(first, -1);
  if (!emptyParagraph(before) || !before || before.end > start) return undefined;
  start = before.start;
  if (separators === 2) {
    const after = last && siblingElement(last, 1);
    if (!emptyParagraph(after) || !after) return undefined;
    end = after.end;
  }
  return [start, end];
}

function siblingElement(el: XmlElement, step: 1 | -1): XmlElement | undefined {
  const siblings = el.parent?.children ?? [];
  for (let i = siblings.indexOf(el) + step; i >= 0 && i < siblings.length; i += step) {
    const c = siblings[i] as (typeof siblings)[number];
    if (c.kind === "element") return c;
  }
  return undefined;
}

export function revertFill(
  source: string,
  fill: FillRecord,
  options: {
    force?: boolean;
    /** `source` already parsed and read (a caller reverting many records on one document). */
    read?: { readonly doc: XmlDocument; readonly result: ReadResult };
  } = {},
): Result<RevertResult> {
  try {
    const doc = options.read?.doc ?? parseXml(source);
    const { snapshot, index } = options.read?.result ?? readWordDocument(doc);
    const splices: Splice[] = [];
    const removedRanges: [number, number][] = [];
    const changedSince: string[] = [];
    const summary = { cells: 0, paragraphs: 0, rowsRemoved: 0, tablesRemoved: 0, rowsRestored: 0 };
    const tableName = index.tables[0]?.element.name ?? "w:tbl";
    const prefix = tableName.includes(":") ? tableName.slice(0, tableName.indexOf(":") + 1) : "";
    for (const c of fill.changes) {
      if (c.kind === "rows-added") {
        const table = index.tables[c.table];
        const rows = table?.rows.slice(c.row, c.row + c.count) ?? [];
        if (!table || rows.length !== c.count) {
          changedSince.push(`rows added to table ${c.table + 1} are gone`);
          continue;
        }
        if (c.row === 0 || c.count >= table.rows.length)
          refused(`removing the first row of table ${c.table + 1}`);
        const shown = snapshot.tables[c.table]?.rows ?? [];
        if (shown.slice(c.row, c.row + c.count).some((r) => r.header))
          refused(`removing a header row of table ${c.table + 1}`);
        // A row added with its own content control (a repeating section's item) goes with it.
        const first = (rows[0] as (typeof rows)[number]).element;
        const last = (rows[rows.length - 1] as (typeof rows)[number]).element;
        const start = (rowItem(first, index.names) ?? first).start;
        const end = (rowItem(last, index.names) ?? last).end;
        removedRanges.push([start, end]);
        splices.push({ start, end, text: "" });
        summary.rowsRemoved += c.count;
      } else if (c.kind === "tables-added") {
        const tables = index.tables.slice(c.table, c.table + c.count);
        if (tables.length !== c.count) {
          changedSince.push(`tables added after table ${c.table} are gone`);
          continue;
        }
        if (c.table === 0) refused("removing the document's first table");
        const range = addedTablesRange(index, c.table, c.count, c.separators ?? 0);
        if (!range) {
          changedSince.push(`tables added after table ${c.table} were changed`);
          continue;
        }
        removedRanges.push(range);
        splices.push({ start: range[0], end: range[1], text: "" });
        summary.tablesRemoved += c.count;
      } else if (c.kind === "rows-removed") {
        const t = index.tables[c.table];
        if (!t) {
          changedSince.push(`table ${c.table + 1} is gone`);
          continue;
        }
        if (c.row > t.rows.length) refused(`a row past the end of table ${c.table + 1}`);
        checkInsertedXml(c.xml, `${prefix}tr`, doc, `rows of table ${c.table + 1}`, true);
        const before = t.rows[c.row];
        const at = before
          ? before.element.start
          : (t.rows[t.rows.length - 1]?.element.end ?? t.element.closeStart);
        splices.push({ start: at, end: at, text: c.xml });
        summary.rowsRestored++;
      }
    }
    const inRemoved = (s: number) => removedRanges.some(([a, b]) => s >= a && s < b);
    for (const c of fill.changes) {
      if (c.kind === "cell") {
        const el = index.tables[c.table]?.rows[c.row]?.cells[c.cell]?.element;
        const now = snapshot.tables[c.table]?.rows[c.row]?.cells[c.cell]?.text;
        if (!el || now === undefined) {
          changedSince.push(`table ${c.table + 1}, row ${c.row + 1}, cell ${c.cell + 1} is gone`);
          continue;
        }
        if (inRemoved(el.start)) continue;
        const what = `table ${c.table + 1}, row ${c.row + 1}, cell ${c.cell + 1}`;
        checkInsertedXml(c.before, el.name, doc, what, false);
        if (normaliseSlotText(now) !== normaliseSlotText(c.after)) {
          changedSince.push(`${what} was edited after the fill`);
          if (!options.force) continue;
        }
        if (sourceOf(doc, el) !== c.before) {
          splices.push({ start: el.start, end: el.end, text: c.before });
          summary.cells++;
        }
      } else if (c.kind === "paragraph") {
        const el = index.paragraphs[c.paragraph];
        const now = snapshot.paragraphs[c.paragraph]?.text;
        if (!el || now === undefined) {
          changedSince.push(`paragraph ${c.paragraph + 1} is gone`);
          continue;
        }
        if (inRemoved(el.start)) continue;
        checkInsertedXml(c.before, el.name, doc, `paragraph ${c.paragraph + 1}`, false);
        if (normaliseSlotText(now) !== normaliseSlotText(c.after)) {
          changedSince.push(`paragraph ${c.paragraph + 1} was edited after the fill`);
          if (!options.force) continue;
        }
        if (sourceOf(doc, el) !== c.before) {
          splices.push({ start: el.start, end: el.end, text: c.before });
          summary.paragraphs++;
        }
      }
    }
    if (changedSince.length > 0 && !options.force) {
      return err(
        "document_changed",
        `The document changed after the last fill, so reverting it could lose later work: ${changedSince.slice(0, 5).join("; ")}${changedSince.length > 5 ? `; and ${changedSince.length - 5} more` : ""}. Nothing was reverted. Revert by hand, or force the revert to put back every cell the fill wrote.`,
        { changed: changedSince.length },
      );
    }
    const overlapping = overlap(splices);
    if (overlapping) refused(overlapping);
    const result = applySplices(source, splices);
    return ok({ source: result.text, restored: splices.length, summary });
  } catch (x) {
    if (x instanceof PlanAssistFailure) return { ok: false, error: x.failure };
    throw x;
  }
}

/** Two changes of one record that touch the same stretch of the document (a tampered record). */
function overlap(splices: readonly Splice[]): string | undefined {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] as Splice;
    const b = sorted[i] as Splice;
    if (b.start < a.end) return "two entries change the same part of the document";
  }
  return undefined;
}

// ------------------------------------------------------------------------------------------
// Package edits for the journal's parts

export const REL_CUSTOM_XML_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
export const REL_CUSTOM_XML_PROPS_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
export const CT_CUSTOM_XML_PROPERTIES =
  "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";

/** A GUID derived from text (stable, so the same journal gives the same bytes). */
export function guidFrom(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < text.length; i++) {
      h1 = Math.imul(h1 ^ text.charCodeAt(i), 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ (text.charCodeAt(i) + round), 0x5bd1e995) >>> 0;
    }
    hex.push(((h1 ^ h2) >>> 0).toString(16).padStart(8, "0"));
    h1 = (h1 + 0x9e3779b9) >>> 0;
  }
  const s = hex.join("").toUpperCase();
  return `{${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}}`;
}

export function itemPropsXml(guid: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${guid}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${JOURNAL_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`;
}

export function itemRelsXml(propsTarget: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_CUSTOM_XML_PROPS_TYPE}" Target="${propsTarget}"/></Relationships>`;
}

/** Adds a relationship before `</Relationships>`; returns the new XML and the id used. */
export function addRelationship(
  relsXml: string,
  type: string,
  target: string,
): { xml: string; id: string } {
  const doc = parseXml(relsXml);
  const ids = new Set(childElements(doc.root).map((e) => attr(e, "Id") ?? ""));
  let k = 1;
  while (ids.has(`rIdPlanAssist${k}`)) k++;
  const id = `rIdPlanAssist${k}`;
  const el = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  const at = doc.root.closeStart === doc.root.end ? -1 : doc.root.closeStart;
  if (at < 0) {
    const open = relsXml.slice(doc.root.start, doc.root.end - 2);
    return {
      xml:
        relsXml.slice(0, doc.root.start) +
        `${open}>${el}</${doc.root.name}>` +
        relsXml.slice(doc.root.end),
      id,
    };
  }
  return { xml: relsXml.slice(0, at) + el + relsXml.slice(at), id };
}

/** Removes the relationships to `target` of `type` (exactly the element text added). */
export function removeRelationship(relsXml: string, type: string, target: string): string {
  const doc = parseXml(relsXml);
  const splices: Splice[] = childElements(doc.root)
    .filter((e) => attr(e, "Type") === type && attr(e, "Target") === target)
    .map((e) => ({ start: e.start, end: e.end, text: "" }));
  return applySplices(relsXml, splices).text;
}

/** Adds an `Override` for a part to `[Content_Types].xml` unless one is there. */
export function addOverride(typesXml: string, partName: string, contentType: string): string {
  const doc = parseXml(typesXml);
  const exists = childElements(doc.root).some(
    (e) =>
      localName(e.name) === "Override" &&
      (attr(e, "PartName") ?? "").toLowerCase() === partName.toLowerCase(),
  );
  if (exists) return typesXml;
  const el = `<Override PartName="${escapeXml(partName)}" ContentType="${contentType}"/>`;
  return typesXml.slice(0, doc.root.closeStart) + el + typesXml.slice(doc.root.closeStart);
}

export function removeOverride(typesXml: string, partName: string): string {
  const doc = parseXml(typesXml);
  const splices: Splice[] = childElements(doc.root)
    .filter(
      (e) =>
        localName(e.name) === "Override" &&
        (attr(e, "PartName") ?? "").toLowerCase() === partName.toLowerCase(),
    )
    .map((e) => ({ start: e.start, end: e.end, text: "" }));
  return applySplices(typesXml, splices).text;
}

/** Whether `[Content_Types].xml` gives `.xml` parts a default type. */
export function hasXmlDefault(typesXml: string): boolean {
  const doc = parseXml(typesXml);
  return childElements(doc.root).some(
    (e) => localName(e.name) === "Default" && (attr(e, "Extension") ?? "").toLowerCase() === "xml",
  );
}
