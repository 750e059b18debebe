import { writePlanInWord } from "../../src/adapters/office/office-writer";
import { planDocumentFill } from "../../src/app/fill";
import type { EditPlan } from "../../src/domain/edits";
import { readDocument } from "../../src/domain/plan-reader";
import type { DocumentSnapshot } from "../../src/domain/snapshot";
import { parseJournal } from "../../src/ooxml/journal";
import { templates } from "../../src/templates";
import { templateBytes } from "../helpers/fixtures";
import { WordModel, wordModelHost, type WordModelOptions } from "../office/word-model";
import { deleteRow, modelTables as tablesOf, modelTexts, typeOver } from "./word-model-view";
import { withRowAdded, withFirstRated } from "./data-changes";
import { plannedFill } from "./planned-fill";
import { documentXml, must, now, setFields, snapshotOf } from "./helpers";

const ddttValues = {
  "plan-header.district-school-name": "Springfield",
  "plan-header.todays-date": "2026-01-15",
  "strategy.strategy": "Use data teams\nweekly",
  "action-steps[0].action-step": "Survey staff & families",
  "action-steps[0].owner": "Dana Smith",
  "action-steps[1].deadline": "2026-03-01",
};

async function write(
  bytes: Uint8Array,
  snapshot: DocumentSnapshot,
  plan: EditPlan,
  source: string,
  options: WordModelOptions = {},
) {
  const model = WordModel.fromDocx(bytes, options);
  const { host, log } = wordModelHost(model);
  const result = await writePlanInWord(host, snapshot, plan, { label: "test", now, source });
  return { model, log, result };
}

describe("writing a section in Word", () => {
  const { bytes, snapshot, plan, source } = plannedFill("ddtt-action-plan", setFields(ddttValues));

  it("checks every target in one sync, then records the fill, writes and reads back in one more", async () => {
    const { model, log, result } = await write(bytes, snapshot, plan, source);
    const report = must(result);
    expect(report.error).toBeUndefined();
    expect(report.notWritten).toEqual([]);
    expect(report.written).toHaveLength(plan.content.length);
    const firstWrite = log.calls.findIndex(
      (c) => c.startsWith("insertText") || c.startsWith("range.insertText"),
    );
    const syncAt = (n: number) => log.calls.indexOf(`sync#${n}`);
    expect(firstWrite).toBeGreaterThan(syncAt(1));
    // The record goes first in the write batch, so a batch cut short is still revertible.
    expect(log.calls.indexOf("customXml.add")).toBeGreaterThan(syncAt(1));
    expect(log.calls.indexOf("customXml.add")).toBeLessThan(firstWrite);
    // Check (with the journal read), then one batch: record, values, read-back.
    expect(log.syncs).toBe(2);
    expect(report.syncs).toBe(2);
    const t4 = tablesOf(model)[4]!;
    expect(t4.rows[3]!.cells[0]!.paragraphs[0]!.text).toBe("Survey staff & families");
    expect(t4.rows[0]!.cells[0]!.paragraphs.map((p) => p.text)).toEqual([
      "Strategy:",
      "Use data teams",
      "weekly",
    ]);
    const header = modelTexts(model).find((t) => t.startsWith("District/School Name:"));
    expect(header).toBe("District/School Name: Springfield    Today’s Date: 2026-01-15");
    const journal = must(parseJournal(model.customXml[0]!));
    expect(journal.fills).toHaveLength(1);
    expect(journal.fills[0]!.changes.map((c) => c.kind)).toContain("cell");
  });

  it("adds a second fill to the same journal, still in two syncs", async () => {
    const { model } = await write(bytes, snapshot, plan, source);
    // A second fill of a cell the first left alone (so the snapshot read first still holds there).
    const again = plannedFill(
      "ddtt-action-plan",
      setFields({ "action-steps[2].owner": "Lee Park" }),
    );
    expect(again.plan.content).toHaveLength(1);
    const second = wordModelHost(model);
    const syncs0 = second.log.syncs;
    const report = must(
      await writePlanInWord(second.host, snapshot, again.plan, { label: "second", now, source }),
    );
    expect(report.written.length).toBeGreaterThan(0);
    expect(second.log.syncs - syncs0).toBe(2);
    expect(model.customXml).toHaveLength(1);
    expect(must(parseJournal(model.customXml[0]!)).fills.map((f) => f.label)).toEqual([
      "test",
      "second",
    ]);
  });

  it("stops with document_changed and writes nothing when a target no longer holds what was read", async () => {
    const { model, log, result } = await write(bytes, snapshot, plan, source, {
      beforeSync: {
        at: 1,
        change: (m) =>
          typeOver(m, tablesOf(m)[4]!.rows[3]!.cells[0]!.paragraphs[0]!.el, "typed by a co-author"),
      },
    });
    expect(result.ok ? "ok" : result.error.code).toBe("document_changed");
    if (!result.ok) expect(result.error.message).toContain("typed by a co-author");
    expect(log.calls.some((c) => c.includes("insertText"))).toBe(false);
    expect(log.syncs).toBe(1);
    expect(tablesOf(model)[4]!.rows[4]!.cells[4]!.paragraphs[0]!.text).toBe("");
  });

  it("stops when a co-author deleted a row the plan writes to", async () => {
    const { log, result } = await write(bytes, snapshot, plan, source, {
      beforeSync: {
        at: 1,
        change: (m) => {
          while (tablesOf(m)[4]!.rows.length > 3) deleteRow(m, 4, 3);
        },
      },
    });
    expect(result.ok ? "ok" : result.error.code).toBe("document_changed");
    if (!result.ok)
      expect(result.error.message).toMatch(/cell the plan writes to is gone|cell is gone/);
    expect(log.calls.some((c) => c.includes("insertText"))).toBe(false);
  });

  it("reports a read-only document with nothing written", async () => {
    const { model, result } = await write(bytes, snapshot, plan, source, { readOnly: true });
    const report = must(result);
    expect(report.error?.code).toBe("office_read_only");
    expect(report.written).toEqual([]);
    expect(report.error?.message).toMatch(/read-only|protected/);
    expect(tablesOf(model)[4]!.rows[3]!.cells[0]!.paragraphs[0]!.text).toBe("");
  });

  it("writes without a journal, and says revert is unavailable, where WordApi 1.4 is missing", async () => {
    const { model, result } = await write(bytes, snapshot, plan, source, {
      supported: ["WordApi 1.3"],
    });
    const report = must(result);
    expect(report.notices.join(" ")).toMatch(/cannot be reverted/);
    expect(model.customXml).toEqual([]);
    expect(report.syncs).toBe(2);
  });
});

describe("choices and rows in Word", () => {
  it("fills the chosen rating circle with a Wingdings filled circle and empties the others", async () => {
    const { bytes, snapshot, plan, source } = plannedFill(
      "clna",
      withFirstRated("component-1-ratings", 2),
    );
    const { model, result } = await write(bytes, snapshot, plan, source);
    must(result);
    const cells = tablesOf(model)[3]!
      .rows[0]!.cells.slice(2)
      .map((c) => c.paragraphs[0]!.text);
    expect(cells).toEqual(["\uF0A1", "\uF0A1", "\uF06C", "\uF0A1"]);
  });

  it("adds rows after the template row with their labels, in one insertRows call", async () => {
    const bytes = templateBytes("perkins-action-plan");
    const snapshot = snapshotOf(bytes);
    const data = readDocument(snapshot, templates).data;
    const more = withRowAdded("actions")(data);
    const plan = must(planDocumentFill(snapshot, more)).plan;
    expect(plan.structure.map((e) => e.kind)).toEqual(["insert-rows"]);
    const { model, log, result } = await write(bytes, snapshot, plan, documentXml(bytes));
    must(result);
    expect(log.calls.filter((c) => c.startsWith("insertRows"))).toHaveLength(1);
    const t0 = tablesOf(model)[0]!;
    expect(t0.rows).toHaveLength(10);
    expect(t0.rows[6]!.cells[0]!.paragraphs[0]!.text).toBe("Action 4:");
    expect(t0.rows[6]!.cells[0]!.paragraphs[6]!.text).toBe("Resources Required:");
  });

  it("adds a row and writes values into it and into rows as read, in one batch after the check", async () => {
    const bytes = templateBytes("perkins-action-plan");
    const snapshot = snapshotOf(bytes);
    const data = readDocument(snapshot, templates).data;
    const more = withRowAdded(
      "actions",
      { action: "Hire a coach" },
      { 2: { action: "Pilot the course" } },
    )(data);
    const plan = must(planDocumentFill(snapshot, more)).plan;
    expect(plan.structure.map((e) => e.kind)).toEqual(["insert-rows"]);
    expect(plan.content.length).toBeGreaterThanOrEqual(2);
    const { model, log, result } = await write(bytes, snapshot, plan, documentXml(bytes));
    const report = must(result);
    expect(report.notWritten).toEqual([]);
    expect(report.written).toHaveLength(plan.structure.length + plan.content.length);
    expect(log.syncs).toBe(2);
    // Values in rows as read go in first; the new row comes with its labels and values in one
    // insertRows call; all in the batch before the second sync.
    const insertAt = log.calls.findIndex((c) => c.startsWith("insertRows"));
    const lastWrite = log.calls.map((c) => c.startsWith("insertText")).lastIndexOf(true);
    expect(log.calls.filter((c) => c.startsWith("insertRows"))).toHaveLength(1);
    expect(lastWrite).toBeGreaterThan(log.calls.indexOf("sync#1"));
    expect(insertAt).toBeGreaterThan(lastWrite);
    expect(insertAt).toBeLessThan(log.calls.indexOf("sync#2"));
    const t0 = tablesOf(model)[0]!;
    const cellText = (r: number) => t0.rows[r]!.cells[0]!.paragraphs.map((p) => p.text).join("\n");
    expect(cellText(5)).toContain("Pilot the course");
    expect(cellText(6)).toMatch(/^Action 4:/);
    expect(cellText(6)).toContain("Hire a coach");
    // The new row's paragraphs keep the template row's style.
    expect(new Set(t0.rows[6]!.cells[0]!.paragraphs.map((p) => p.style))).toEqual(
      new Set(t0.rows[5]!.cells[0]!.paragraphs.map((p) => p.style)),
    );
    // The record adds the row and the cell of the row as read; revert takes both back.
    const fill = must(parseJournal(model.customXml[0]!)).fills[0]!;
    expect(fill.changes.filter((c) => c.kind === "rows-added")).toEqual([
      {
        kind: "rows-added",
        table: 0,
        row: 6,
        count: 1,
        written: expect.stringMatching(/^[0-9a-f]{8}$/),
      },
    ]);
  });
});
