import { OfficeDocument } from "../../src/adapters/office/office-document.adapter";
import { filledDocx } from "../helpers/docx-use-cases";
import { readOfficeDocument } from "../../src/adapters/office/office-reader";
import { revertLastFillInWord } from "../../src/adapters/office/office-revert";
import { writePlanInWord } from "../../src/adapters/office/office-writer";
import { planDocumentFill } from "../../src/app/fill";
import type { FillRequest } from "../../src/app/plan-session";
import type { EditPlan } from "../../src/domain/edits";
import type { DocumentPlanData, SectionData } from "../../src/domain/plan-data";
import { readDocument } from "../../src/domain/plan-reader";
import type { DocumentSnapshot } from "../../src/domain/snapshot";
import { parseJournal, serialiseJournal } from "../../src/ooxml/journal";
import { readWordDocument } from "../../src/ooxml/wordml";
import { childElements, parseXml } from "../../src/ooxml/xml";
import { fillSection } from "../../src/app/section-fill";
import { templates } from "../../src/templates";
import { templateBytes } from "../helpers/fixtures";
import { WordModel, wordModelHost } from "../office/word-model";
import { modelOf, modelTables as tablesOf, modelTexts as texts, typeOver } from "./word-model-view";
import { withRowAdded, withFirstRated } from "./data-changes";
import { plannedFill } from "./planned-fill";
import { documentXml, must, now, setFields, snapshotOf } from "./helpers";

/** What the pane does to the document through the port: write one section, revert the last fill. */
function paneWriter(port: OfficeDocument) {
  return {
    fill: (request: FillRequest) => fillSection(port, request),
    revert: () => port.revert(),
  };
}

const ddttValues = {
  "plan-header.district-school-name": "Springfield",
  "strategy.strategy": "Use data teams\nweekly",
  "action-steps[0].action-step": "Survey staff & families",
  "action-steps[0].owner": "Dana Smith",
  "action-steps[1].deadline": "2026-03-01",
};

/** Plan data with one more, empty action row in the first plan. */
const withExtraAction = withRowAdded("actions");

/** Fills through the tests' Word over `bytes`, recording the fill. */
async function filled(
  bytes: Uint8Array,
  snapshot: DocumentSnapshot,
  plan: EditPlan,
  source: string,
) {
  const model = WordModel.fromDocx(bytes);
  must(
    await writePlanInWord(wordModelHost(model).host, snapshot, plan, {
      label: "test",
      now,
      source,
    }),
  );
  expect(model.customXml).toHaveLength(1);
  return { model };
}

/** A fresh pane on the model: its host and a log of only its own calls. */
function pane(model: WordModel) {
  const { host, readHost, log } = wordModelHost(model);
  const [calls0, syncs0] = [log.calls.length, log.syncs];
  return {
    host,
    readHost,
    log: {
      get calls() {
        return log.calls.slice(calls0);
      },
      get syncs() {
        return log.syncs - syncs0;
      },
    },
  };
}

describe("reverting the last fill in Word", () => {
  it("puts back every earlier text in one read, one write and one read-back, and drops the record", async () => {
    const { bytes, snapshot, plan } = plannedFill("ddtt-action-plan", setFields(ddttValues));
    const original = texts(WordModel.fromDocx(bytes));
    const { model } = await filled(bytes, snapshot, plan, documentXml(bytes));
    expect(texts(model)).not.toEqual(original);
    const { host, log } = pane(model);
    const report = must(await revertLastFillInWord(host));
    expect(report.error).toBeUndefined();
    expect(report.notRestored).toEqual([]);
    expect(report.restored.length).toBeGreaterThan(0);
    expect(texts(model)).toEqual(original);
    expect(model.customXml).toEqual([]);
    expect(report.remaining).toBe(0);
    expect(log.syncs).toBe(3);
    expect(report.syncs).toBe(3);
    // Writes happen only in the second batch.
    const writes = log.calls
      .map((c, i) => (/insertText|deleteRow|customXml\.(add|setXml|delete)/.test(c) ? i : -1))
      .filter((i) => i >= 0);
    const syncs = log.calls.flatMap((c, i) => (c.startsWith("sync#") ? [i] : []));
    expect(Math.min(...writes)).toBeGreaterThan(syncs[0]!);
    expect(Math.max(...writes)).toBeLessThan(syncs[1]!);
  });

  it("keeps earlier fills recorded and undoes only the last one", async () => {
    const { bytes, snapshot, plan } = plannedFill("ddtt-action-plan", setFields(ddttValues));
    const { model } = await filled(bytes, snapshot, plan, documentXml(bytes));
    const afterFirst = texts(model);
    // An earlier fill recorded below this one (the record of the same fill stands in for it).
    const fills = must(parseJournal(model.customXml[0]!)).fills;
    model.customXml[0] = serialiseJournal({ fills: [...fills, ...fills] });
    const { host } = pane(model);
    const report = must(await revertLastFillInWord(host));
    expect(report.remaining).toBe(1);
    expect(must(parseJournal(model.customXml[0]!)).fills).toHaveLength(1);
    expect(texts(model)).not.toEqual(afterFirst);
  });

  it("puts the empty rating circles back in their symbol font", async () => {
    const { bytes, snapshot, plan } = plannedFill("clna", withFirstRated("component-1-ratings", 2));
    const { model } = await filled(bytes, snapshot, plan, documentXml(bytes));
    const circles = () =>
      tablesOf(model)[3]!
        .rows[0]!.cells.slice(2)
        .map((c) => c.paragraphs[0]!);
    expect(circles().map((p) => p.text)).toContain("\uF06C");
    const { host } = pane(model);
    const report = must(await revertLastFillInWord(host));
    expect(report.notRestored).toEqual([]);
    expect(circles().map((p) => p.text)).toEqual(["\uF0A1", "\uF0A1", "\uF0A1", "\uF0A1"]);
    expect(circles().map((p) => p.font.name)).toEqual(Array(4).fill("Wingdings"));
  });

  it("puts back each run's font, size and colour as the cell's XML had them", async () => {
    // A cell whose text a person typed in two looks: "Due " bold Arial 9 pt, "soon" red 11 pt.
    const bytes = templateBytes("ddtt-action-plan");
    const source = documentXml(bytes);
    const cell = readWordDocument(parseXml(source)).index.tables[4]!.rows[3]!.cells[0]!;
    const first = childElements(cell.element).find((c) => c.name === "w:p")!;
    const typed =
      '<w:p><w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:b/><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve">Due </w:t></w:r>' +
      '<w:r><w:rPr><w:color w:val="c00000"/><w:sz w:val="22"/></w:rPr><w:t>soon</w:t></w:r></w:p>';
    const changed = source.slice(0, first.start) + typed + source.slice(first.end);
    const snapshot = readWordDocument(parseXml(changed)).snapshot;
    const data = readDocument(snapshot, templates).data;
    const plan = must(
      planDocumentFill(
        snapshot,
        setFields({ "action-steps[0].action-step": "Survey staff" })(data),
        { overwrite: "all" },
      ),
    ).plan;
    expect(plan.content).toHaveLength(1);
    const model = modelOf(bytes, {}, changed);
    must(
      await writePlanInWord(pane(model).host, snapshot, plan, {
        label: "t",
        now,
        source: changed,
      }),
    );
    expect(tablesOf(model)[4]!.rows[3]!.cells[0]!.paragraphs[0]!.text).toBe("Survey staff");
    const second = pane(model);
    must(await revertLastFillInWord(second.host));
    expect(tablesOf(model)[4]!.rows[3]!.cells[0]!.paragraphs[0]!.text).toBe("Due soon");
    const sets = second.log.calls
      .filter((c) => c.startsWith("font.set:"))
      .map((c) => JSON.parse(c.slice(c.indexOf(":{") + 1)));
    expect(sets).toEqual([
      { bold: true, italic: false, name: "Arial", size: 9 },
      { bold: false, italic: false, size: 11, color: "#C00000" },
    ]);
  });

  it("removes the rows a fill added", async () => {
    const bytes = templateBytes("perkins-action-plan");
    const snapshot = snapshotOf(bytes);
    const data = readDocument(snapshot, templates).data;
    const more = withRowAdded("actions")(data);
    const plan = must(planDocumentFill(snapshot, more)).plan;
    const rowsBefore = snapshot.tables[0]!.rows.length;
    const { model } = await filled(bytes, snapshot, plan, documentXml(bytes));
    expect(tablesOf(model)[0]!.rows.length).toBeGreaterThan(rowsBefore);
    const { host, log } = pane(model);
    const report = must(await revertLastFillInWord(host));
    expect(report.rowsRemoved).toBe(1);
    expect(tablesOf(model)[0]!.rows).toHaveLength(rowsBefore);
    expect(texts(model)).toEqual(texts(WordModel.fromDocx(bytes)));
    expect(log.syncs).toBe(3);
  });

  it("inserts again, with their texts, the rows a fill removed", async () => {
    // A .docx with one added, empty row; then a fill in Word that removes it.
    const bytes = templateBytes("perkins-action-plan");
    const data = readDocument(snapshotOf(bytes), templates).data;
    const grown = filledDocx(bytes, withExtraAction(data), { now });
    const snapshot = snapshotOf(grown);
    const plan = must(planDocumentFill(snapshot, data)).plan;
    expect(plan.structure.map((e) => e.kind)).toEqual(["remove-rows"]);
    const before = texts(WordModel.fromDocx(grown));
    const { model } = await filled(grown, snapshot, plan, documentXml(grown));
    expect(tablesOf(model)[0]!.rows).toHaveLength(snapshot.tables[0]!.rows.length - 1);
    const journal = must(parseJournal(model.customXml[0]!));
    // The last fill (the .docx fill that added the row is recorded before it).
    expect(journal.fills.at(-1)!.changes.map((c) => c.kind)).toEqual(["rows-removed"]);
    const { host, log } = pane(model);
    const report = must(await revertLastFillInWord(host));
    expect(report.rowsRestored).toBe(1);
    expect(tablesOf(model)[0]!.rows).toHaveLength(snapshot.tables[0]!.rows.length);
    expect(texts(model)).toEqual(before);
    expect(log.syncs).toBe(3);
  });

  it("refuses, naming the cell, when a co-author edited a filled cell, and writes nothing", async () => {
    const { bytes, snapshot, plan } = plannedFill("ddtt-action-plan", setFields(ddttValues));
    const { model } = await filled(bytes, snapshot, plan, documentXml(bytes));
    typeOver(
      model,
      tablesOf(model)[4]!.rows[3]!.cells[0]!.paragraphs[0]!.el,
      "Survey staff, families, board",
    );
    const journalBefore = model.customXml[0];
    const { host, log } = pane(model);
    const result = await revertLastFillInWord(host);
    expect(result.ok ? "ok" : result.error.code).toBe("document_changed");
    if (!result.ok) expect(result.error.message).toContain("table 5, row 4, cell 1");
    expect(
      log.calls.some((c) => /insertText|deleteRow|customXml\.(add|setXml|delete)/.test(c)),
    ).toBe(false);
    expect(log.syncs).toBe(1);
    expect(model.customXml[0]).toBe(journalBefore);
    expect(tablesOf(model)[4]!.rows[3]!.cells[0]!.paragraphs[0]!.text).toBe(
      "Survey staff, families, board",
    );
  });

  it("puts back every cell when forced, even one edited after the fill", async () => {
    const { bytes, snapshot, plan } = plannedFill("ddtt-action-plan", setFields(ddttValues));
    const { model } = await filled(bytes, snapshot, plan, documentXml(bytes));
    typeOver(model, tablesOf(model)[4]!.rows[3]!.cells[0]!.paragraphs[0]!.el, "edited later");
    const { host } = pane(model);
    must(await revertLastFillInWord(host, { force: true }));
    expect(texts(model)).toEqual(texts(WordModel.fromDocx(bytes)));
  });

  it("answers no_fill_to_revert with a plain message when the document records no fill", async () => {
    const bytes = templateBytes("ddtt-action-plan");
    const model = WordModel.fromDocx(bytes);
    const { host, log } = pane(model);
    const result = await revertLastFillInWord(host);
    expect(result.ok ? "ok" : result.error.code).toBe("no_fill_to_revert");
    if (!result.ok) expect(result.error.message).toMatch(/nothing to revert/);
    expect(log.syncs).toBe(1);
    expect(texts(model)).toEqual(texts(WordModel.fromDocx(bytes)));
  });

  it("says plainly that revert is unavailable where WordApi 1.4 is missing", async () => {
    const { host, log } = pane(
      WordModel.fromDocx(templateBytes("clna"), { supported: ["WordApi 1.3"] }),
    );
    const result = await revertLastFillInWord(host);
    expect(result.ok ? "ok" : result.error.code).toBe("office_requirement_missing");
    expect(log.syncs).toBe(0);
  });

  it("accounts for a write batch that failed half-way and keeps the record", async () => {
    const { bytes, snapshot, plan } = plannedFill("ddtt-action-plan", setFields(ddttValues));
    const { model } = await filled(bytes, snapshot, plan, documentXml(bytes));
    // The same document, opened again in a Word whose second sync stops half-way.
    const again = new WordModel(
      new Map([["word/document.xml", model.documentXml()], ...model.parts]),
      { failSyncAt: 2 },
    );
    again.customXml.push(...model.customXml);
    const { host, log } = pane(again);
    const report = must(await revertLastFillInWord(host));
    expect(report.error?.code).toBe("office_sync_failed");
    expect(report.notRestored.length).toBeGreaterThan(0);
    expect(again.customXml).toHaveLength(1);
    expect(report.remaining).toBe(1);
    expect(log.syncs).toBe(3);
  });
});

describe("writing and reverting through the pane's Word writer", () => {
  it("reads the document part's XML beside the snapshot, in the one sync of a read", async () => {
    const bytes = templateBytes("ddtt-action-plan");
    const model = WordModel.fromDocx(bytes);
    const fake = pane(model);
    const read = must(await readOfficeDocument(fake.readHost));
    expect(read.syncs).toBe(1);
    // The part as Word holds it, from its body on (the root may gain declarations).
    const part = model.documentXml();
    const body = part.slice(part.indexOf("<w:body>"));
    expect(body.length).toBeGreaterThan(1000);
    expect(read.source.endsWith(body)).toBe(true);
    const table = read.read.index.tables[4]!.element;
    expect(read.source.slice(table.start, table.end)).toMatch(/^<w:tbl\b[\s\S]*<\/w:tbl>$/);
  });

  it("says in the report that a fill cannot be reverted where Word cannot keep the record", async () => {
    const bytes = templateBytes("ddtt-action-plan");
    const snapshot = snapshotOf(bytes);
    const model = WordModel.fromDocx(bytes, { supported: ["WordApi 1.3"] });
    const fake = pane(model);
    const writer = paneWriter(new OfficeDocument(fake.readHost, fake.host));
    const data = setFields(ddttValues)(readDocument(snapshot, templates).data);
    const section = data.plans[0]!.sections.find((s) => s.id === "action-steps")!;
    const report = must(await writer.fill({ data, plan: 0, section, overwrite: [] }));
    expect(report.written.length).toBeGreaterThan(0);
    expect(model.customXml).toEqual([]);
    expect(report.skipped.map((s) => s.reason).join(" ")).toMatch(/cannot be reverted/);
    const reverted = await writer.revert();
    expect(reverted.ok ? "ok" : reverted.error.code).toBe("office_requirement_missing");
  });

  it("plans with the shared planner, records the fill from the read XML, and reverts it", async () => {
    const bytes = templateBytes("ddtt-action-plan");
    const snapshot = snapshotOf(bytes);
    const model = WordModel.fromDocx(bytes);
    const original = texts(model);
    const fake = pane(model);
    const port = new OfficeDocument(fake.readHost, fake.host);
    const writer = paneWriter(port);
    const data = setFields(ddttValues)(readDocument(snapshot, templates).data);
    const section = data.plans[0]!.sections.find((s) => s.id === "action-steps")!;
    const report = must(await writer.fill({ data, plan: 0, section, overwrite: [] }));
    expect(report.failed).toEqual([]);
    expect(report.written.length).toBeGreaterThan(0);
    expect(tablesOf(model)[4]!.rows[3]!.cells[0]!.paragraphs[0]!.text).toBe(
      "Survey staff & families",
    );
    // The read XML reached the writer: the fill is recorded, so it can be reverted.
    expect(model.customXml).toHaveLength(1);
    const reverted = must(await writer.revert());
    expect(reverted.restored).toBeGreaterThan(0);
    expect(texts(model)).toEqual(original);
    expect(model.customXml).toEqual([]);
  });

  it("never writes a hand-signed section, as the command line does", async () => {
    const bytes = templateBytes("perkins-action-plan");
    const snapshot = snapshotOf(bytes);
    const definition = templates.find((t) => t.id === "perkins-action-plan")!;
    const signature = definition.sections.find((s) => s.layout === "signature-line")!;
    const data = readDocument(snapshot, templates).data;
    // Data that asks for the signature line to be filled.
    const signed: SectionData = {
      id: signature.id,
      label: signature.label,
      fields: signature.fields.map((f) => ({
        id: f.id,
        label: f.label,
        type: f.type,
        required: false,
        value: "A. Signer",
      })),
    };
    const changed: DocumentPlanData = {
      ...data,
      plans: data.plans.map((p, i) => (i === 0 ? { ...p, sections: [...p.sections, signed] } : p)),
    };
    const model = WordModel.fromDocx(bytes);
    const fake = pane(model);
    const writer = paneWriter(new OfficeDocument(fake.readHost, fake.host));
    const report = must(
      await writer.fill({ data: changed, plan: 0, section: { id: signed.id }, overwrite: [] }),
    );
    // Not planned at all: nothing written, and not even looked for (no "not found" skip).
    expect(report.written).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(texts(model)).toEqual(texts(WordModel.fromDocx(bytes)));
    expect(fake.log.calls.some((c) => c.includes("insertText"))).toBe(false);
  });
});
