/**
 * Writes in Word that touch a span of a paragraph, not the whole of it (the tests' model,
 * tests/office/word-model.ts): a label and its answer in one paragraph keep their own formatting
 * (the answer takes the template's answer formatting, as the .docx path gives it); content
 * controls, fields and bookmarks in that paragraph stay; text never goes into a symbol-font run;
 * no property is set to null, and no direct formatting is stamped on a paragraph that held text.
 */
import { writePlanInWord } from "../../src/adapters/office/office-writer";
import { planDocumentFill } from "../../src/app/fill";
import { fillDocxNow } from "../helpers/docx-use-cases";
import type { SetTextEdit } from "../../src/domain/edits";
import type { DocumentSnapshot, ParagraphSnapshot } from "../../src/domain/snapshot";
import { readWordDocument } from "../../src/ooxml/wordml";
import { parseXml } from "../../src/ooxml/xml";
import { templateBytes, templateIds } from "../helpers/fixtures";
import { editDocument } from "../helpers/make-docx";
import { WordModel, wordModelHost } from "../office/word-model";
import { descendants, parseTree, serialise, textContent, child, attr } from "../office/xml-tree";
import { everyFieldChanged } from "./data-changes";
import { documentXml, must, now, snapshotOf } from "./helpers";
import { paneRead } from "./word-model-view";

/** Set-text edits into a cell that keep a label before the answer in the same paragraph. */
function labelled(edits: readonly { kind: string }[]): SetTextEdit[] {
  return edits.filter(
    (e): e is SetTextEdit =>
      e.kind === "set-text" &&
      (e as SetTextEdit).location.kind === "cell" &&
      ((e as SetTextEdit).keepPrefix !== undefined ||
        ((e as SetTextEdit).location as { start?: number }).start !== undefined),
  );
}

function firstParagraph(s: DocumentSnapshot, e: SetTextEdit): ParagraphSnapshot | undefined {
  const l = e.location;
  if (l.kind !== "cell") return undefined;
  return s.tables[l.table]?.rows[l.row]?.cells[l.cell]?.paragraphs[l.paragraph ?? 0];
}

/** The edited paragraph's XML, as the model's serialiser spells it. */
function paragraphXml(xml: string, e: SetTextEdit): string {
  const l = e.location;
  if (l.kind !== "cell") throw new Error("not a cell");
  const p = readWordDocument(parseXml(xml)).index.tables[l.table]?.rows[l.row]?.cells[l.cell]
    ?.paragraphs[l.paragraph ?? 0];
  if (!p) throw new Error("no paragraph");
  return serialise(parseTree(xml.slice(p.start, p.end)));
}

/** Bold and italic of each character of a paragraph, as the reader reads its runs. */
function emphasis(p: ParagraphSnapshot | undefined): string[] {
  return (p?.runs ?? []).flatMap((r) =>
    [...r.text].map(() => `${r.bold ? "b" : "-"}${r.italic ? "i" : "-"}`),
  );
}

/** The direct font properties a paragraph's runs carry (name, size, colour, bold, italic). */
function directProps(xml: string): Set<string> {
  const out = new Set<string>();
  for (const run of descendants(parseTree(xml), "w:r")) {
    const rPr = child(run, "w:rPr");
    if (!rPr) continue;
    for (const name of ["w:rFonts", "w:sz", "w:color", "w:b", "w:i"]) {
      const x = child(rPr, name);
      if (x) out.add(`${name}=${attr(x, "w:val") ?? attr(x, "w:ascii") ?? "on"}`);
    }
  }
  return out;
}

/** Fills every field of a document in Word and in the .docx path; the two results and the plan. */
async function fillBoth(bytes: Uint8Array) {
  const model = WordModel.fromDocx(bytes);
  const before = await paneRead(model);
  const desired = everyFieldChanged(before.data);
  const plan = must(planDocumentFill(before.snapshot, desired)).plan;
  const { host } = wordModelHost(model);
  const report = must(
    await writePlanInWord(host, before.snapshot, plan, {
      label: "all",
      now,
      source: before.source,
    }),
  );
  expect(report.notWritten.map((o) => o.message)).toEqual([]);
  const docx = must(fillDocxNow(bytes, desired, { now }));
  return {
    model,
    before,
    plan,
    word: model.documentXml(),
    docx: documentXml(docx.report.bytes),
    docxRead: snapshotOf(docx.report.bytes),
    after: (await paneRead(model)).snapshot,
  };
}

describe.each(templateIds)("the %s replica filled in Word", (id) => {
  it("keeps each label's formatting, gives each answer the .docx path's, and stamps nothing", async () => {
    const r = await fillBoth(templateBytes(id));
    expect(r.model.log.nullSets).toEqual([]);
    const edits = labelled(r.plan.content);
    for (const e of edits) {
      const was = firstParagraph(r.before.snapshot, e);
      const now = firstParagraph(r.after, e);
      const label =
        e.keepPrefix ?? (was?.text ?? "").slice(0, (e.location as { start?: number }).start);
      const n = label.length;
      expect(emphasis(now).slice(0, n)).toEqual(emphasis(was).slice(0, n));
      // The answer looks as the .docx path makes it (character by character).
      expect(emphasis(now)).toEqual(emphasis(firstParagraph(r.docxRead, e)));
    }
    // No direct formatting stamped where the template's style gives it: a paragraph written
    // with text calls has no run property the .docx path's paragraph does not have.
    // (Cells of tables whose rows the plan adds are left out: what insertRows copies from its
    // template row is another question, see the model's rowFrom.)
    const reshaped = (t: number) =>
      r.plan.structure.some((x) =>
        x.kind === "insert-block" ? x.firstTable <= t : "table" in x && x.table === t,
      );
    for (const e of r.plan.content) {
      if (e.kind !== "set-text" || e.location.kind !== "cell" || reshaped(e.location.table))
        continue;
      const extra = [...directProps(paragraphXml(r.word, e))].filter(
        (x) => !directProps(paragraphXml(r.docx, e)).has(x),
      );
      expect([JSON.stringify(e.location), extra]).toEqual([JSON.stringify(e.location), []]);
    }
    // Text never goes into a symbol-font run: such runs hold one glyph each.
    for (const run of descendants(parseTree(r.word), "w:r")) {
      const fonts = child(child(run, "w:rPr") ?? run, "w:rFonts");
      const font = fonts ? (attr(fonts, "w:ascii") ?? "") : "";
      if (/^(wingdings|symbol|webdings)/i.test(font))
        expect([...textContent(run)].length).toBeLessThanOrEqual(1);
    }
  });
});

describe("a labelled answer in a paragraph holding a bookmark and a content control", () => {
  it("keeps both, and the paragraph comes out as the .docx path writes it", async () => {
    // The first labelled answer of a replica: its label wrapped in a plain-text content control,
    // the paragraph bookmarked.
    let found: { bytes0: Uint8Array; e: SetTextEdit } | undefined;
    for (const id of templateIds) {
      const model = WordModel.fromDocx(templateBytes(id));
      const before = await paneRead(model);
      const plan = must(planDocumentFill(before.snapshot, everyFieldChanged(before.data))).plan;
      const e = labelled(plan.content).find(
        (x) => (firstParagraph(before.snapshot, x)?.text ?? "") !== "",
      );
      if (e) {
        found = { bytes0: templateBytes(id), e };
        break;
      }
    }
    expect(found).toBeDefined();
    const { bytes0, e } = found!;
    const l = e.location;
    if (l.kind !== "cell") throw new Error("not a cell");
    const bytes = editDocument(bytes0, (xml) => {
      const p = readWordDocument(parseXml(xml)).index.tables[l.table]!.rows[l.row]!.cells[l.cell]!
        .paragraphs[l.paragraph ?? 0]!;
      const r0 = p.children.find((c) => c.kind === "element" && c.name === "w:r");
      if (!r0) throw new Error("no run");
      const run = xml.slice(r0.start, r0.end);
      const sdt = `<w:bookmarkStart w:id="4711" w:name="Answer"/><w:sdt><w:sdtPr><w:alias w:val="Label"/><w:id w:val="4712"/></w:sdtPr><w:sdtContent>${run}</w:sdtContent></w:sdt>`;
      return `${xml.slice(0, r0.start)}${sdt}${xml.slice(r0.end, p.closeStart)}<w:bookmarkEnd w:id="4711"/>${xml.slice(p.closeStart)}`;
    });
    const r = await fillBoth(bytes);
    const edit = labelled(r.plan.content).find(
      (x) => JSON.stringify(x.location) === JSON.stringify(l),
    );
    expect(edit).toBeDefined();
    const p = paragraphXml(r.word, edit!);
    expect(p).toContain('<w:bookmarkStart w:id="4711"');
    expect(p).toContain("<w:bookmarkEnd");
    expect(p).toContain('<w:alias w:val="Label"/>');
    expect(p).toBe(paragraphXml(r.docx, edit!));
  });
});
