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
import { readWordDocument, type WordIndex } from "./wordml";
import { attr, childElements, decodeEntities, escapeXml, parseXml, type XmlElement } from "./xml";
import { localName } from "./package";

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

/** Text for element content, with line ends and tabs kept through any re-serialisation. */
function enc(s: string): string {
  return escapeXml(s).replace(/\r/g, "&#13;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
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

function num(el: XmlElement, name: string): number {
  const v = Number(attr(el, name));
  if (!Number.isInteger(v) || v < 0) bad(`${el.name} has no valid ${name}`);
  return v;
}

function textOfChild(source: string, el: XmlElement, name: string): string {
  const ch = childElements(el).find((c) => localName(c.name) === name);
  if (!ch) bad(`${el.name} has no ${name}`);
  return decodeEntities(source.slice(ch.openEnd, ch.closeStart));
}

/** Whether an XML part is a PlanAssist journal. */
export function isJournalPart(xml: string): boolean {
  return xml.includes(JOURNAL_NAMESPACE);
}

export function parseJournal(xml: string): Result<Journal> {
  try {
    const doc = parseXml(xml);
    if (localName(doc.root.name) !== "journal") bad("it is not a journal");
    const fills: FillRecord[] = childElements(doc.root)
      .filter((f) => localName(f.name) === "fill")
      .map((f) => ({
        at: attr(f, "at") ?? "",
        label: attr(f, "label") ?? "",
        changes: childElements(f).map((c): JournalChange => {
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
            case "tables-added": {
              const added = {
                kind: "tables-added",
                table: num(c, "table"),
                count: num(c, "count"),
              } as const;
              if (attr(c, "separators") === undefined) return added;
              const separators = num(c, "separators");
              if (separators > 2) bad("tables-added has more than two separators");
              return { ...added, separators };
            }
            case "rows-removed":
              return {
                kind: "rows-removed",
                table: num(c, "table"),
                row: num(c, "row"),
                xml: textOfChild(xml, c, "xml"),
              };
            default:
              return bad(`unknown entry ${c.name}`);
          }
        }),
      }));
    return ok({ fills });
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
};

/**
 * Undoes one fill on a main document part. Refuses with `document_changed` when a cell the fill
 * wrote was changed since (unless `force`), so a person's later typing is not thrown away.
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
  options: { force?: boolean } = {},
): Result<RevertResult> {
  try {
    const doc = parseXml(source);
    const { snapshot, index } = readWordDocument(doc);
    const splices: Splice[] = [];
    const removedRanges: [number, number][] = [];
    const changedSince: string[] = [];
    for (const c of fill.changes) {
      if (c.kind === "rows-added") {
        const rows = index.tables[c.table]?.rows.slice(c.row, c.row + c.count) ?? [];
        if (rows.length !== c.count) {
          changedSince.push(`rows added to table ${c.table + 1} are gone`);
          continue;
        }
        // A row added with its own content control (a repeating section's item) goes with it.
        const first = (rows[0] as (typeof rows)[number]).element;
        const last = (rows[rows.length - 1] as (typeof rows)[number]).element;
        const start = (rowItem(first, index.names) ?? first).start;
        const end = (rowItem(last, index.names) ?? last).end;
        removedRanges.push([start, end]);
        splices.push({ start, end, text: "" });
      } else if (c.kind === "tables-added") {
        const tables = index.tables.slice(c.table, c.table + c.count);
        if (tables.length !== c.count) {
          changedSince.push(`tables added after table ${c.table} are gone`);
          continue;
        }
        const range = addedTablesRange(index, c.table, c.count, c.separators ?? 0);
        if (!range) {
          changedSince.push(`tables added after table ${c.table} were changed`);
          continue;
        }
        removedRanges.push(range);
        splices.push({ start: range[0], end: range[1], text: "" });
      } else if (c.kind === "rows-removed") {
        const t = index.tables[c.table];
        if (!t) {
          changedSince.push(`table ${c.table + 1} is gone`);
          continue;
        }
        const before = t.rows[c.row];
        const at = before
          ? before.element.start
          : (t.rows[t.rows.length - 1]?.element.end ?? t.element.closeStart);
        splices.push({ start: at, end: at, text: c.xml });
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
        if (normaliseSlotText(now) !== normaliseSlotText(c.after)) {
          changedSince.push(
            `table ${c.table + 1}, row ${c.row + 1}, cell ${c.cell + 1} was edited after the fill`,
          );
          if (!options.force) continue;
        }
        if (sourceOf(doc, el) !== c.before)
          splices.push({ start: el.start, end: el.end, text: c.before });
      } else if (c.kind === "paragraph") {
        const el = index.paragraphs[c.paragraph];
        const now = snapshot.paragraphs[c.paragraph]?.text;
        if (!el || now === undefined) {
          changedSince.push(`paragraph ${c.paragraph + 1} is gone`);
          continue;
        }
        if (normaliseSlotText(now) !== normaliseSlotText(c.after)) {
          changedSince.push(`paragraph ${c.paragraph + 1} was edited after the fill`);
          if (!options.force) continue;
        }
        if (sourceOf(doc, el) !== c.before)
          splices.push({ start: el.start, end: el.end, text: c.before });
      }
    }
    if (changedSince.length > 0 && !options.force) {
      return err(
        "document_changed",
        `The document changed after the last fill, so reverting it could lose later work: ${changedSince.slice(0, 5).join("; ")}${changedSince.length > 5 ? `; and ${changedSince.length - 5} more` : ""}. Nothing was reverted. Revert by hand, or force the revert to put back every cell the fill wrote.`,
        { changed: changedSince.length },
      );
    }
    const result = applySplices(source, splices);
    return ok({ source: result.text, restored: splices.length });
  } catch (x) {
    if (x instanceof PlanAssistFailure) return { ok: false, error: x.failure };
    throw x;
  }
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
