/**
 * The fill journal: what each fill changed, kept inside the document in a custom XML part so
 * "Revert last fill" restores the exact earlier contents, even after the file was saved and
 * reopened. A stack: each fill pushes a record, each revert pops one.
 *
 * Also here: the package edits that add and remove the journal's parts (relationship, content
 * type override, item properties), as pure string functions both hosts can use.
 */
import type { JournalChange } from "./edit/apply";
import { applySplices, type Splice } from "./edit/splice";
import { err, ok, PlanAssistFailure, type Result } from "../domain/result";
import { attr, childElements, decodeEntities, escapeXml, parseXml, type XmlElement } from "./xml";
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

/** The fingerprint of what a fill wrote in rows or tables it added, as an attribute. */
function writtenAttr(fingerprint: string | undefined): string {
  return fingerprint === undefined ? "" : ` written="${escapeXml(fingerprint)}"`;
}

/**
 * How much of the history the record keeps: the last fills, at most `MAX_RECORDED_FILLS` of them
 * and about `MAX_RECORD_CHARS` characters (the last fill is always kept, however large: it is
 * what "Revert last fill" undoes). Older fills drop off; they can no longer be reverted.
 */
export const MAX_RECORDED_FILLS = 50;
export const MAX_RECORD_CHARS = 400_000;

/**
 * The record as XML: no XML declaration (a custom XML part needs none, and Word's
 * `customXmlParts.add` takes the element alone), capped to the last fills (see
 * `MAX_RECORD_CHARS`).
 */
export function serialiseJournal(j: Journal): string {
  const each = j.fills.map(serialiseFill);
  let keep = Math.min(each.length, MAX_RECORDED_FILLS);
  let size = each.slice(each.length - keep).reduce((n, f) => n + f.length, 0);
  while (keep > 1 && size > MAX_RECORD_CHARS) {
    size -= (each[each.length - keep] as string).length;
    keep--;
  }
  const fills = each.slice(each.length - keep).join("");
  return `<pa:journal xmlns:pa="${JOURNAL_NAMESPACE}" version="1">${fills}</pa:journal>`;
}

function serialiseFill(f: FillRecord): string {
  {
    const changes = f.changes
      .map((c) => {
        switch (c.kind) {
          case "cell":
            return `<pa:cell table="${c.table}" row="${c.row}" cell="${c.cell}"><pa:before>${enc(c.before)}</pa:before><pa:after>${enc(c.after)}</pa:after></pa:cell>`;
          case "paragraph":
            return `<pa:paragraph index="${c.paragraph}"><pa:before>${enc(c.before)}</pa:before><pa:after>${enc(c.after)}</pa:after></pa:paragraph>`;
          case "rows-added":
            return `<pa:rows-added table="${c.table}" row="${c.row}" count="${c.count}"${writtenAttr(c.written)}/>`;
          case "tables-added":
            return `<pa:tables-added table="${c.table}" count="${c.count}"${c.separators ? ` separators="${c.separators}"` : ""}${writtenAttr(c.written)}/>`;
          case "rows-removed":
            return `<pa:rows-removed table="${c.table}" row="${c.row}"><pa:xml>${enc(c.xml)}</pa:xml></pa:rows-removed>`;
        }
      })
      .join("");
    return `<pa:fill at="${enc(f.at)}" label="${enc(f.label)}">${changes}</pa:fill>`;
  }
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

/** An entry's `written` attribute, when it has one. */
function fingerprint(el: XmlElement): { written?: string } {
  const v = attr(el, "written");
  return v === undefined ? {} : { written: v };
}

/** Whether an XML part is a PlanAssist journal. */
export function isJournalPart(xml: string): boolean {
  return xml.includes(JOURNAL_NAMESPACE);
}

/** Largest table, row, cell or paragraph index a record may name (Word documents hold far fewer). */
const maxIndex = 1_000_000;
const index = z.number().int().min(0).max(maxIndex);
const count = z.number().int().min(1).max(maxIndex);
/** A fingerprint of what a fill wrote (see `revert-fingerprint.ts`). */
const writtenSchema = z
  .string()
  .regex(/^[0-9a-f]{8}$/)
  .optional();
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
  z.object({
    kind: z.literal("rows-added"),
    table: index,
    row: index,
    count,
    written: writtenSchema,
  }),
  z.object({
    kind: z.literal("tables-added"),
    table: index,
    count,
    separators: z.number().int().min(1).max(2).optional(),
    written: writtenSchema,
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
                  ...fingerprint(c),
                };
              case "tables-added":
                return {
                  kind: "tables-added",
                  table: num(c, "table"),
                  count: num(c, "count"),
                  ...(attr(c, "separators") === undefined
                    ? {}
                    : { separators: num(c, "separators") }),
                  ...fingerprint(c),
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

/**
 * The record kept in several parts, as one. A document can hold two or more record parts (two
 * documents pasted together, two panes writing at once, a file merged by another tool); Word's
 * `getOnlyItemOrNullObject` then answers null, so every part is read and merged here:
 *
 * - each part's fills keep their order (a part is a stack pushed in fill order), and the parts
 *   are interleaved by fill time (`at`; on a tie, the earlier part first);
 * - a fill found in more than one part (a copy of the same record) is kept once;
 * - where the parts disagree (each holds fills the other lacks), every fill is kept: revert undoes
 *   them latest first and, as always, checks before each one that the cells still hold what that
 *   fill wrote, so a fill whose cells another fill changed since is refused, not forced;
 * - a damaged part makes the whole record damaged, as a single damaged part does: nothing is
 *   reverted from a record that cannot be read whole.
 */
export function mergeJournals(journals: readonly Journal[]): Journal {
  if (journals.length === 1) return journals[0] as Journal;
  const heads = journals.map(() => 0);
  const seen = new Set<string>();
  const fills: FillRecord[] = [];
  for (;;) {
    let pick = -1;
    journals.forEach((j, k) => {
      while ((heads[k] as number) < j.fills.length) {
        const f = j.fills[heads[k] as number] as FillRecord;
        if (!seen.has(serialiseFill(f))) break;
        heads[k] = (heads[k] as number) + 1;
      }
      const f = j.fills[heads[k] as number];
      if (f === undefined) return;
      const best = pick < 0 ? undefined : journals[pick]?.fills[heads[pick] as number];
      if (best === undefined || f.at < best.at) pick = k;
    });
    if (pick < 0) return { fills };
    const f = journals[pick]?.fills[heads[pick] as number] as FillRecord;
    seen.add(serialiseFill(f));
    fills.push(f);
    heads[pick] = (heads[pick] as number) + 1;
  }
}

/** The record held in the XML of every record part of a document, merged (see `mergeJournals`). */
export function parseJournalParts(xmls: readonly string[]): Result<Journal> {
  const journals: Journal[] = [];
  for (const xml of xmls) {
    const j = parseJournal(xml);
    if (!j.ok) return j;
    journals.push(j.value);
  }
  return ok(journals.length === 0 ? emptyJournal : mergeJournals(journals));
}

export { revertFill } from "./edit/revert";
export { addedTablesRange } from "./edit/revert-plan";

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

/**
 * Removes the relationships of `type` to `target` (exactly the element text added, or every
 * target the function accepts).
 */
export function removeRelationship(
  relsXml: string,
  type: string,
  target: string | ((target: string) => boolean),
): string {
  const doc = parseXml(relsXml);
  const matches = typeof target === "string" ? (t: string) => t === target : target;
  const splices: Splice[] = childElements(doc.root)
    .filter((e) => attr(e, "Type") === type && matches(attr(e, "Target") ?? ""))
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
