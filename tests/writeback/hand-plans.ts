/**
 * Edit plans built by hand from snapshot locations of the replica templates, covering every kind
 * of edit: values in cells and under labels, spans of body paragraphs, ratings, compliance marks,
 * priority marks, added rows and added blocks.
 */
import {
  renumberLabel,
  slotText,
  type BlockLabel,
  type ContentEdit,
  type EditPlan,
  type RowLabel,
  type StructureEdit,
} from "../../src/domain/edits";
import type { DocumentSnapshot, Location } from "../../src/domain/snapshot";
import type { TemplateId } from "../helpers/fixtures";

export type Values = (key: string) => string;

function text(
  s: DocumentSnapshot,
  field: string,
  location: Location,
  value: string,
  keepPrefix?: string,
): ContentEdit {
  const expected = slotText(s, location, keepPrefix) ?? "";
  return keepPrefix === undefined
    ? { kind: "set-text", field, location, text: value, expected }
    : { kind: "set-text", field, location, text: value, expected, keepPrefix };
}

function cell(
  table: number,
  row: number,
  c: number,
  paragraph?: number,
  paragraphCount?: number,
): Location {
  const loc: {
    kind: "cell";
    table: number;
    row: number;
    cell: number;
    paragraph?: number;
    paragraphCount?: number;
  } = {
    kind: "cell",
    table,
    row,
    cell: c,
  };
  if (paragraph !== undefined) loc.paragraph = paragraph;
  if (paragraphCount !== undefined) loc.paragraphCount = paragraphCount;
  return loc;
}

/** The span of the first run of underscores after `label` in a body paragraph. */
export function blankAfter(s: DocumentSnapshot, label: string): Location {
  const p = s.paragraphs.find((x) => x.text.includes(label));
  if (!p) throw new Error(`no paragraph with ${label}`);
  const at = p.text.indexOf(label) + label.length;
  const m = /_+|<[^>]*>/.exec(p.text.slice(at));
  if (!m) throw new Error(`no blank after ${label}`);
  const start = at + m.index;
  return { kind: "paragraph", paragraph: p.index, start, end: start + m[0].length };
}

function rowTexts(s: DocumentSnapshot, table: number, row: number): string[] {
  return s.tables[table]?.rows[row]?.cells.map((c) => c.text) ?? [];
}

function insertRows(
  s: DocumentSnapshot,
  section: string,
  table: number,
  templateRow: number,
  rows: RowLabel[][],
): StructureEdit {
  return {
    kind: "insert-rows",
    section,
    table,
    templateRow,
    after: templateRow,
    rows,
    expected: rowTexts(s, table, templateRow),
  };
}

/** Labels of a copy of a block: its non-empty paragraphs, numbered ones renumbered. */
function blockLabels(
  s: DocumentSnapshot,
  first: number,
  count: number,
  from: number,
  to: number,
): BlockLabel[] {
  const out: BlockLabel[] = [];
  for (let t = 0; t < count; t++) {
    s.tables[first + t]?.rows.forEach((row, r) =>
      row.cells.forEach((c, ci) =>
        c.paragraphs.forEach((p, k) => {
          if (p.text.length === 0) return;
          const label = /#\d/.test(p.text) ? renumberLabel(p.text, from, to) : p.text;
          out.push({ table: t, row: r, cell: ci, paragraph: k, text: label });
        }),
      ),
    );
  }
  return out;
}

/** A plan that writes every kind of value a template has, using `v` for the text values. */
export function handPlan(id: TemplateId, s: DocumentSnapshot, v: Values): EditPlan {
  const structure: StructureEdit[] = [];
  const content: ContentEdit[] = [];
  switch (id) {
    case "ddtt-action-plan": {
      content.push(text(s, "name", blankAfter(s, "District/School Name: "), v("name")));
      content.push(text(s, "strategy", cell(4, 0, 0, 1, 2), v("strategy")));
      structure.push(insertRows(s, "actions", 4, 7, [[], []]));
      for (let r = 3; r <= 9; r++) {
        for (let c = 0; c < 5; c++)
          content.push(text(emptyRowsAware(s, 4, r), `a${r}.${c}`, cell(4, r, c), v(`a${r}.${c}`)));
      }
      break;
    }
    case "perkins-action-plan": {
      content.push(text(s, "district", blankAfter(s, "District/Consortium: "), v("district")));
      structure.push(
        insertRows(s, "actions", 0, 5, [
          [
            { cell: 0, paragraph: 0, text: "Action 4:" },
            { cell: 0, paragraph: 6, text: "Resources Required:" },
          ],
        ]),
      );
      for (let r = 3; r <= 6; r++) {
        const ss = r === 6 ? emptyRowsAware(s, 0, r, true) : s;
        content.push(text(ss, `action${r}`, cell(0, r, 0, 1, 5), v(`action${r}`)));
        content.push(text(ss, `resources${r}`, cell(0, r, 0, 7, 1), v(`resources${r}`)));
        for (let c = 1; c <= 2; c++)
          content.push(text(ss, `a${r}.${c}`, cell(0, r, c), v(`a${r}.${c}`)));
      }
      break;
    }
    case "clna": {
      content.push(text(s, "highlights", cell(0, 1, 0), v("highlights")));
      content.push(text(s, "description", cell(35, 4, 1), v("description")));
      content.push({
        kind: "set-choice",
        field: "rating-1.1",
        table: 3,
        row: 0,
        cells: [2, 3, 4, 5],
        chosen: 1,
        style: { kind: "radio" },
        expected: [2, 3, 4, 5].map((c) => s.tables[3]?.rows[0]?.cells[c]?.text ?? ""),
      });
      content.push({
        kind: "set-choice",
        field: "rating-1.2",
        table: 4,
        row: 0,
        cells: [2, 3, 4, 5],
        chosen: 3,
        style: { kind: "radio" },
        expected: [2, 3, 4, 5].map((c) => s.tables[4]?.rows[0]?.cells[c]?.text ?? ""),
      });
      content.push({
        kind: "set-choice",
        field: "compliance-a",
        table: 34,
        row: 2,
        cells: [1, 2, 3],
        chosen: 2,
        style: { kind: "text", mark: "X" },
        expected: ["", "", ""],
      });
      structure.push(insertRows(s, "school-will", 36, 3, [[]]));
      for (let c = 0; c < 3; c++)
        content.push(text(emptyRowsAware(s, 36, 4), `sw${c}`, cell(36, 4, c), v(`sw${c}`)));
      break;
    }
    case "sfss-action-plan": {
      content.push(text(s, "district", blankAfter(s, "District Name: "), v("district")));
      content.push(text(s, "challenge1", cell(1, 2, 0), v("challenge1")));
      content.push(text(s, "rootA", cell(2, 1, 1), v("rootA")));
      content.push(text(s, "strategy1", cell(3, 2, 0, 0), v("strategy1"), "1. "));
      content.push(text(s, "steps1", cell(3, 2, 1, 0, 4), v("steps1")));
      content.push({
        kind: "set-marks",
        field: "priorities1",
        cell: { table: 3, row: 2, cell: 4 },
        paragraphs: [0, 1, 2, 3, 4],
        marked: [true, false, true, false, false],
        expected: (s.tables[3]?.rows[2]?.cells[4]?.paragraphs ?? []).map((p) => p.text),
      });
      structure.push({
        kind: "insert-block",
        section: "challenges",
        firstTable: 4,
        tableCount: 3,
        copies: [blockLabels(s, 4, 3, 2, 3)],
        expected: s.tables[4]?.rows[0]?.cells[0]?.text ?? "",
      });
      // The copy is tables 7-9; the old tables 7.. move to 10..
      content.push({
        kind: "set-text",
        field: "challenge3",
        location: cell(7, 2, 0),
        text: v("challenge3"),
        expected: "",
      });
      content.push({
        kind: "set-text",
        field: "rules",
        location: cell(10, 1, 0),
        text: v("rules"),
        expected: "",
      });
      break;
    }
    case "cde-plan-for-improvement": {
      content.push(text(s, "lea", cell(0, 0, 1), v("lea")));
      content.push(
        text(s, "strategy1", cell(2, 0, 0, 0), v("strategy1"), "High-Leverage Strategy #1:"),
      );
      for (let c = 0; c < 6; c++)
        content.push(text(s, `pop${c}`, cell(1, 1, c), v(`pop${c}`), c === 0 ? "1." : undefined));
      structure.push({
        kind: "insert-block",
        section: "strategies",
        firstTable: 3,
        tableCount: 1,
        copies: [blockLabels(s, 3, 1, 2, 3)],
        expected: s.tables[3]?.rows[0]?.cells[0]?.text ?? "",
      });
      content.push({
        kind: "set-text",
        field: "activity3",
        location: cell(4, 3, 0),
        text: v("activity3"),
        expected: "",
      });
      content.push({
        kind: "set-text",
        field: "review",
        location: cell(5, 1, 0),
        text: v("review"),
        expected: "",
      });
      break;
    }
  }
  return { structure, content };
}

/** Rows beyond the snapshot's (added by the plan) read as empty. */
function emptyRowsAware(
  s: DocumentSnapshot,
  table: number,
  row: number,
  added = false,
): DocumentSnapshot {
  if (!added && s.tables[table]?.rows[row]) return s;
  const t = s.tables[table];
  if (!t) return s;
  const template = t.rows[t.rows.length - 1];
  if (!template) return s;
  const rows = [...t.rows];
  if (added)
    rows.splice(row, 0, {
      ...template,
      index: row,
      cells: template.cells.map((c) => ({
        ...c,
        text: "",
        paragraphs: c.paragraphs.map((p) => ({ ...p, text: "", glyphs: [], runs: [] })),
      })),
    });
  while (rows.length <= row) {
    rows.push({
      ...template,
      index: rows.length,
      cells: template.cells.map((c) => ({
        ...c,
        text: "",
        paragraphs: c.paragraphs.map((p) => ({ ...p, text: "", glyphs: [], runs: [] })),
      })),
    });
  }
  const tables = [...s.tables];
  tables[table] = { ...t, rows };
  return { ...s, tables };
}

/** The text values a plan writes, read back from a filled snapshot with the same locations. */
export function readBack(plan: EditPlan, s: DocumentSnapshot): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of plan.content) {
    if (e.kind !== "set-text") continue;
    let loc = e.location;
    if (loc.kind === "paragraph" && loc.end !== undefined)
      loc = { ...loc, end: (loc.start ?? 0) + e.text.replace(/\r\n?/g, "\n").length };
    if (loc.kind === "cell" && loc.paragraphCount !== undefined && e.keepPrefix === undefined) {
      loc = { ...loc, paragraphCount: Math.max(loc.paragraphCount, e.text.split("\n").length) };
    }
    out.set(e.field, slotText(s, loc, e.keepPrefix) ?? "(missing)");
  }
  return out;
}
