import { fillDocx, revertDocx } from "../../src/adapters/docx/docx-writer";
import { normaliseSlotText } from "../../src/domain/edits";
import type { JournalChange } from "../../src/ooxml/edit/apply";
import { addedTablesRange, parseJournal } from "../../src/ooxml/journal";
import { readWordDocument } from "../../src/ooxml/wordml";
import { parseXml } from "../../src/ooxml/xml";
import { templateBytes, templateIds, type TemplateId } from "../helpers/fixtures";
import { handPlan, readBack } from "./hand-plans";
import { documentXml, entries, must, now, open, partText, sameBytes, snapshotOf } from "./helpers";

const value = (key: string) => `Value for ${key} & <more> "quoted" – ünïcödé`;

function fill(id: TemplateId) {
  const original = templateBytes(id);
  const plan = handPlan(id, snapshotOf(original), value);
  const report = must(fillDocx(original, plan, { label: id, now }));
  return { original, plan, report, filled: report.bytes };
}

function journalOf(bytes: Uint8Array): JournalChange[] {
  const names = [...entries(bytes).keys()].filter((n) => /^customXml\/item\d+\.xml$/.test(n));
  for (const n of names) {
    const j = parseJournal(partText(bytes, n));
    if (j.ok) return [...(j.value.fills[j.value.fills.length - 1]?.changes ?? [])];
  }
  throw new Error("no journal");
}

/**
 * The document part with the added rows and tables cut out and the changed cells and paragraphs
 * masked, and the original with the same cells and paragraphs masked: equal when nothing else
 * changed.
 */
function outsideEdits(
  originalXml: string,
  filledXml: string,
  changes: JournalChange[],
): [string, string] {
  const filled = readWordDocument(parseXml(filledXml)).index;
  const cut: [number, number][] = [];
  for (const c of changes) {
    if (c.kind === "rows-added") {
      const rows = filled.tables[c.table]!.rows.slice(c.row, c.row + c.count);
      cut.push([rows[0]!.element.start, rows[rows.length - 1]!.element.end]);
    } else if (c.kind === "tables-added") {
      cut.push(addedTablesRange(filled, c.table, c.count, c.separators ?? 0)!);
    }
  }
  const maskFilled: [number, number][] = [];
  const maskOriginal: [number, number][] = [];
  const original = readWordDocument(parseXml(originalXml)).index;
  for (const c of changes) {
    if (c.kind === "cell") {
      const el = filled.tables[c.table]!.rows[c.row]!.cells[c.cell]!.element;
      maskFilled.push([el.start, el.end]);
      const tablesBefore = changes
        .filter((x) => x.kind === "tables-added" && x.table <= c.table)
        .reduce((s, x) => s + (x.kind === "tables-added" ? x.count : 0), 0);
      const rowsBefore = changes
        .filter((x) => x.kind === "rows-added" && x.table === c.table && x.row <= c.row)
        .reduce((s, x) => s + (x.kind === "rows-added" ? x.count : 0), 0);
      const o =
        original.tables[c.table - tablesBefore]!.rows[c.row - rowsBefore]!.cells[c.cell]!.element;
      maskOriginal.push([o.start, o.end]);
    } else if (c.kind === "paragraph") {
      const el = filled.paragraphs[c.paragraph]!;
      maskFilled.push([el.start, el.end]);
      const o = original.paragraphs[c.paragraph]!;
      maskOriginal.push([o.start, o.end]);
    }
  }
  const apply = (src: string, ranges: [number, number][], cuts: [number, number][]) => {
    const all = [
      ...ranges.map(([a, b]) => ({ a, b, t: "#" })),
      ...cuts.map(([a, b]) => ({ a, b, t: "" })),
    ].sort((x, y) => x.a - y.a);
    let out = "";
    let pos = 0;
    for (const r of all) {
      if (r.a < pos) continue; // a masked cell inside a cut row
      out += src.slice(pos, r.a) + r.t;
      pos = r.b;
    }
    return out + src.slice(pos);
  };
  return [apply(originalXml, maskOriginal, []), apply(filledXml, maskFilled, cut)];
}

const OWNED =
  /^(word\/document\.xml|word\/_rels\/document\.xml\.rels|\[Content_Types\]\.xml|customXml\/.*)$/;

describe.each(templateIds)("filling the %s replica", (id) => {
  it("reads back every value that was written, in every slot including added rows", () => {
    const { plan, report, filled } = fill(id);
    expect(report.failed).toEqual([]);
    const back = readBack(plan, snapshotOf(filled));
    for (const e of plan.content) {
      if (e.kind === "set-text")
        expect([e.field, normaliseSlotText(back.get(e.field) ?? "")]).toEqual([
          e.field,
          normaliseSlotText(e.text),
        ]);
    }
    expect(report.written.length).toBe(plan.structure.length + plan.content.length);
  });

  it("leaves every other zip part byte-identical", () => {
    const { original, filled } = fill(id);
    const before = entries(original);
    const after = entries(filled);
    for (const [name, bytes] of before) {
      if (OWNED.test(name)) continue;
      expect([name, sameBytes(bytes, after.get(name))]).toEqual([name, true]);
    }
    const added = [...after.keys()].filter((n) => !before.has(n));
    expect(added.every((n) => n.startsWith("customXml/"))).toBe(true);
  });

  it("changes nothing in the document part outside the edited cells, paragraphs and added rows", () => {
    const { original, filled } = fill(id);
    const [a, b] = outsideEdits(documentXml(original), documentXml(filled), journalOf(filled));
    expect(b).toBe(a);
  });

  it("changes nothing the second time the same plan is filled", () => {
    const { plan, filled } = fill(id);
    // The second plan expects what the first wrote; structural edits are already done.
    const s = snapshotOf(filled);
    const again = {
      structure: [],
      content: plan.content.map((e) => {
        if (e.kind === "set-choice")
          return {
            ...e,
            expected: e.cells.map((c) => s.tables[e.table]!.rows[e.row]!.cells[c]!.text),
          };
        if (e.kind === "set-marks")
          return {
            ...e,
            expected: e.paragraphs.map(
              (k) =>
                s.tables[e.cell.table]!.rows[e.cell.row]!.cells[e.cell.cell]!.paragraphs[k]!.text,
            ),
          };
        const loc = e.location;
        const location =
          loc.kind === "paragraph" && loc.end !== undefined
            ? { ...loc, end: (loc.start ?? 0) + normaliseSlotText(e.text).length }
            : loc;
        return {
          ...e,
          location,
          expected: readBack({ structure: [], content: [e] }, s).get(e.field) ?? "",
        };
      }),
    };
    const second = fillDocx(filled, again, { label: id, now });
    const r = must(second);
    expect(r.written).toEqual([]);
    expect(sameBytes(r.bytes, filled)).toBe(true);
  });

  it("reverts to the original document part exactly, and removes the journal", () => {
    const { original, filled } = fill(id);
    const reverted = must(revertDocx(filled));
    expect(reverted.remaining).toBe(0);
    expect(documentXml(reverted.bytes)).toBe(documentXml(original));
    const before = entries(original);
    const after = entries(reverted.bytes);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of before)
      expect([name, sameBytes(bytes, after.get(name))]).toEqual([name, true]);
  });
});

describe("the look of filled cells and added rows", () => {
  it("keeps the paragraph properties of a filled cell and takes its run properties from the paragraph mark", () => {
    const { original, filled } = fill("perkins-action-plan");
    const o = open(original).read.index;
    const f = open(filled).read.index;
    const src = (x: { start: number; end: number }, s: string) => s.slice(x.start, x.end);
    const oxml = documentXml(original);
    const fxml = documentXml(filled);
    const pPr = (s: string) => /<w:pPr>.*?<\/w:pPr>/.exec(s)?.[0];
    const op = o.tables[0]!.rows[3]!.cells[0]!.paragraphs[1]!;
    const fp = f.tables[0]!.rows[3]!.cells[0]!.paragraphs[1]!;
    expect(pPr(src(fp, fxml))).toBe(pPr(src(op, oxml)));
    expect(src(fp, fxml)).toContain(
      '<w:r><w:rPr></w:rPr><w:t xml:space="preserve">Value for action3',
    );
    // The label above the answer is still there, bold.
    expect(src(f.tables[0]!.rows[3]!.cells[0]!.paragraphs[0]!, fxml)).toBe(
      src(o.tables[0]!.rows[3]!.cells[0]!.paragraphs[0]!, oxml),
    );
  });

  it("gives an added row the template row's row, cell, paragraph and run properties and continues its label", () => {
    const { original, filled } = fill("perkins-action-plan");
    const oxml = documentXml(original);
    const fxml = documentXml(filled);
    const o = open(original).read.index.tables[0]!.rows[5]!;
    const f = open(filled).read.index.tables[0]!.rows[6]!;
    const props = (xml: string, from: number, to: number) =>
      (
        xml.slice(from, to).match(/<w:(trPr|tcPr|pPr)>.*?<\/w:\1>|<w:(trPr|tcPr|pPr)\/>/g) ?? []
      ).join("\n");
    expect(props(fxml, f.element.start, f.element.end)).toBe(
      props(oxml, o.element.start, o.element.end),
    );
    const s = snapshotOf(filled).tables[0]!.rows[6]!;
    expect(s.cells[0]!.paragraphs[0]!.text).toBe("Action 4:");
    expect(s.cells[0]!.paragraphs[0]!.runs[0]!.bold).toBe(true);
    expect(s.cells[0]!.paragraphs[6]!.text).toBe("Resources Required:");
    expect(s.cells[0]!.paragraphs.length).toBe(8);
  });

  it("fills the chosen rating circle in Wingdings and leaves the others empty", () => {
    const { filled } = fill("clna");
    const s = snapshotOf(filled);
    const kinds = (t: number) =>
      s.tables[t]!.rows[0]!.cells.slice(2).map((c) => c.paragraphs[0]!.glyphs[0]!.kind);
    expect(kinds(3)).toEqual(["radio-empty", "radio-filled", "radio-empty", "radio-empty"]);
    expect(kinds(4)).toEqual(["radio-empty", "radio-empty", "radio-empty", "radio-filled"]);
    expect(s.tables[3]!.rows[0]!.cells[3]!.paragraphs[0]!.glyphs[0]!.font).toBe("Wingdings");
    expect(s.tables[34]!.rows[2]!.cells.map((c) => c.text)).toEqual([
      s.tables[34]!.rows[2]!.cells[0]!.text,
      "",
      "",
      "X",
    ]);
  });

  it("marks chosen SFSS priorities with a checked box and copies a whole challenge block renumbered", () => {
    const { filled } = fill("sfss-action-plan");
    const s = snapshotOf(filled);
    const priorities = s.tables[3]!.rows[2]!.cells[4]!.paragraphs.map((p) =>
      p.glyphs[0]?.offset === 0 ? p.glyphs[0].kind : "none",
    );
    expect(priorities).toEqual([
      "box-checked",
      "box-empty",
      "box-checked",
      "box-empty",
      "box-empty",
    ]);
    expect(s.tables[3]!.rows[2]!.cells[4]!.paragraphs[0]!.text).toBe("☒ Strong Climate & Culture");
    expect(s.tables[3]!.rows[2]!.cells[4]!.paragraphs[1]!.text).toBe(
      "☐ Engaging Instruction for Academics & SEL",
    );
    expect(s.tables[7]!.rows[0]!.cells[0]!.text).toBe("Challenge/Problem #3");
    expect(s.tables[8]!.rows[0]!.cells[0]!.text).toBe("Root Causes Contributing to Challenge #3");
    expect(s.tables[9]!.rows[3]!.cells[0]!.text).toBe(s.tables[6]!.rows[3]!.cells[0]!.text);
    expect(s.tables[3]!.rows[2]!.cells[0]!.text).toMatch(/^1\.\sValue for strategy1/);
  });
});

describe("an added row before anything is written into it", () => {
  it.each([
    ["perkins-action-plan", 0, 5],
    ["ddtt-action-plan", 4, 7],
    ["sfss-action-plan", 3, 5],
  ] as const)("in %s has the template row's trPr, tcPr, pPr and rPr exactly", (id, table, row) => {
    const original = templateBytes(id);
    const s = snapshotOf(original);
    const labels = s.tables[table]!.rows[row]!.cells.flatMap((c, ci) =>
      c.paragraphs.flatMap((p, k) => (p.text ? [{ cell: ci, paragraph: k, text: p.text }] : [])),
    );
    const plan = {
      structure: [
        {
          kind: "insert-rows" as const,
          section: "x",
          table,
          templateRow: row,
          after: row,
          rows: [labels],
          expected: s.tables[table]!.rows[row]!.cells.map((c) => c.text),
        },
      ],
      content: [],
    };
    const filled = must(fillDocx(original, plan, { label: id, now })).bytes;
    const props = (bytes: Uint8Array, r: number) => {
      const xml = documentXml(bytes);
      const el = open(bytes).read.index.tables[table]!.rows[r]!.element;
      return (
        xml
          .slice(el.start, el.end)
          .match(/<w:(trPr|tcPr|pPr|rPr)>.*?<\/w:\1>|<w:(trPr|tcPr|pPr|rPr)\/>/g) ?? []
      ).join("\n");
    };
    expect(props(filled, row + 1)).toBe(props(original, row));
    expect(snapshotOf(filled).tables[table]!.rows[row + 1]!.cells.map((c) => c.text)).toEqual(
      s.tables[table]!.rows[row]!.cells.map((c) => c.text),
    );
  });
});
