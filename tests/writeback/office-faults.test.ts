/**
 * Faults while writing in Word: a sync that fails at the first, the middle or the last batch,
 * and the pane reloaded mid-fill. Each must end with an exact account of what is in the document,
 * and the document consistent and revertible to exactly what it was.
 */
import {
  accountLastFillInWord,
  revertLastFillInWord,
} from "../../src/adapters/office/office-revert";
import { readOfficeDocument } from "../../src/adapters/office/office-reader";
import { writePlanInWord, type OfficeFillReport } from "../../src/adapters/office/office-writer";
import type { Edit, EditPlan } from "../../src/domain/edits";
import { parseJournal } from "../../src/ooxml/journal";
import {
  fakeWordWriter,
  modelFrom,
  tablesOf,
  type FakeOptions,
  type FModel,
} from "./fake-word-writer";
import { everyFieldChanged, withRowAdded } from "./data-changes";
import { plannedFill } from "./planned-fill";
import { must, now, setFields, snapshotOf } from "./helpers";

/** Every paragraph text of the model, tables and body, in order. */
function texts(m: FModel): string[] {
  return m.body.flatMap((b) =>
    b.kind === "p"
      ? [b.p.text]
      : b.t.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs.map((p) => p.text))),
  );
}

const ddtt = plannedFill(
  "ddtt-action-plan",
  setFields({
    "plan-header.district-school-name": "Springfield",
    "strategy.strategy": "Use data teams\nweekly",
    "action-steps[0].action-step": "Survey staff & families",
    "action-steps[0].owner": "Dana Smith",
    "action-steps[1].deadline": "2026-03-01",
    "action-steps[2].owner": "Lee Park",
  }),
);

/** Perkins plan data with one more action row, its values filled in. */
const perkins = plannedFill(
  "perkins-action-plan",
  withRowAdded(
    "actions",
    { action: "Hire a coach", "resources-required": "Two laptops" },
    { 0: { action: "Pilot the new course" } },
  ),
);
/** Every SFSS field changed, with a row added to each table and a new challenge block. */
const sfss = plannedFill("sfss-action-plan", everyFieldChanged);

/** Writes through a fake Word over a fresh model of the document. */
async function write(
  fixture: { snapshot: ReturnType<typeof snapshotOf>; plan: EditPlan; source: string },
  options: FakeOptions,
) {
  const model = modelFrom(fixture.snapshot);
  const original = texts(model);
  const { host, log } = fakeWordWriter(model, options);
  const result = await writePlanInWord(host, fixture.snapshot, fixture.plan, {
    label: "Section",
    now,
    source: fixture.source,
  });
  return { model, original, log, result };
}

/** The edit's values as the document must show them when it is written. */
function inDocument(model: FModel, e: Edit): boolean | undefined {
  if (e.kind !== "set-text" || e.location.kind !== "cell") return undefined;
  const l = e.location;
  const cell = tablesOf(model)[l.table]?.rows[l.row]?.cells[l.cell];
  const text = (cell?.paragraphs ?? [])
    .map((p) => p.text)
    .join("\n")
    .replace(/\u000b/g, "\n");
  return text.includes(e.text);
}

/** The account says exactly what the document holds: every written value is there, no other. */
function expectExactAccount(model: FModel, report: OfficeFillReport, plan: EditPlan) {
  const all = [...plan.structure, ...plan.content];
  expect(report.written.length + report.notWritten.length).toBe(all.length);
  let checked = 0;
  for (const o of report.written) {
    const there = inDocument(model, o.edit);
    if (there === undefined) continue;
    expect([o.edit.kind, there]).toEqual([o.edit.kind, true]);
    checked++;
  }
  for (const o of report.notWritten) {
    const there = inDocument(model, o.edit);
    if (there === undefined) continue;
    expect([o.edit.kind, there]).toEqual([o.edit.kind, false]);
    checked++;
  }
  expect(checked).toBeGreaterThan(0);
}

/** A new pane on the same document reverts the last fill; the document is as it was. */
async function revertsToOriginal(model: FModel, original: string[]) {
  const pane = fakeWordWriter(model);
  const reverted = must(await revertLastFillInWord(pane.host));
  expect(reverted.notRestored).toEqual([]);
  expect(texts(model)).toEqual(original);
  expect(model.parts).toEqual([]);
}

describe("a sync that fails while writing in Word", () => {
  it("at the first batch (the check): nothing is written, every edit is accounted as not written", async () => {
    const { model, original, result } = await write(ddtt, { failSyncAt: 1 });
    const report = must(result);
    expect(report.error?.code).toBe("office_sync_failed");
    expect(report.error?.message).toMatch(/Nothing was written/);
    expect(report.written).toEqual([]);
    expect(report.notWritten).toHaveLength(ddtt.plan.content.length);
    expect(texts(model)).toEqual(original);
    expect(model.parts).toEqual([]);
  });

  it("at the write batch, half applied: the account matches the document and the record lists only the cells changed", async () => {
    const { model, original, log, result } = await write(ddtt, { failSyncAt: 2 });
    const report = must(result);
    expect(report.error?.code).toBe("office_sync_failed");
    expect(report.written.length).toBeGreaterThan(0);
    expect(report.notWritten.length).toBeGreaterThan(0);
    expectExactAccount(model, report, ddtt.plan);
    // Check, failed batch, read again, record corrected.
    expect(log.syncs).toBe(4);
    const fill = must(parseJournal(model.parts[0]!)).fills[0]!;
    const recordedCells = fill.changes.filter((c) => c.kind === "cell").length;
    const writtenCells = report.written.filter(
      (o) => o.edit.kind !== "set-text" || o.edit.location.kind === "cell",
    ).length;
    expect(recordedCells).toBe(writtenCells);
    await revertsToOriginal(model, original);
  });

  it("on a read-only document: nothing is written and no record is left", async () => {
    const { model, original, result } = await write(ddtt, { readOnly: true });
    const report = must(result);
    expect(report.error?.code).toBe("office_read_only");
    expect(report.written).toEqual([]);
    expect(texts(model)).toEqual(original);
    expect(model.parts).toEqual([]);
  });

  it("at the last batch (reading again after a failed write): says the fill is recorded, and revert restores the document", async () => {
    const { model, original, result } = await write(ddtt, { failSyncAt: [2, 3] });
    expect(result.ok ? "ok" : result.error.code).toBe("office_sync_failed");
    if (!result.ok) expect(result.error.message).toMatch(/recorded in the document/);
    // The record went in first, so the half-written fill can be undone exactly.
    expect(model.parts).toHaveLength(1);
    await revertsToOriginal(model, original);
  });

  it("at the record's correction: the account is still exact and revert still restores the document", async () => {
    const { model, original, result } = await write(ddtt, { failSyncAt: [2, 4] });
    const report = must(result);
    expect(report.notices.join(" ")).toMatch(/could not be corrected/);
    expectExactAccount(model, report, ddtt.plan);
    await revertsToOriginal(model, original);
  });

  it("when a co-author deletes a row between the check and the write: says which table moved, claims none of its values, and revert leaves it as it was", async () => {
    const { model, result } = await write(ddtt, {
      beforeSync: { at: 2, change: (m) => void tablesOf(m)[4]!.rows.splice(4, 1) },
    });
    const report = must(result);
    expect(report.error?.code).toBe("document_changed");
    expect(report.error?.message).toMatch(/table 5/);
    const inTable5 = (o: { edit: Edit }) =>
      o.edit.kind === "set-text" && o.edit.location.kind === "cell" && o.edit.location.table === 4;
    expect(report.written.filter(inTable5)).toEqual([]);
    expect(report.notWritten.filter(inTable5).length).toBeGreaterThan(0);
    // Values outside the table are accounted as everywhere else.
    expect(report.written.length).toBeGreaterThan(0);
    const pane = fakeWordWriter(model);
    const reverted = must(await revertLastFillInWord(pane.host));
    expect(reverted.notRestored).toEqual([]);
    expect(
      tablesOf(model)[4]!
        .rows.slice(3)
        .flatMap((r) => r.cells.map((c) => c.paragraphs[0]!.text)),
    ).toEqual(ddtt.snapshot.tables[4]!.rows.slice(3, -1).flatMap((r) => r.cells.map(() => "")));
  });

  it("with rows and values in one batch, half applied: rows and values are accounted where they are", async () => {
    expect(perkins.plan.structure.map((e) => e.kind)).toEqual(["insert-rows"]);
    const { model, original, result } = await write(perkins, { failSyncAt: 2 });
    const report = must(result);
    expect(report.error?.code).toBe("office_sync_failed");
    const rowsIn = tablesOf(model)[0]!.rows.length > perkins.snapshot.tables[0]!.rows.length;
    const rowEdit = [...report.written, ...report.notWritten].find(
      (o) => o.edit.kind === "insert-rows",
    )!;
    expect(report.written.includes(rowEdit)).toBe(rowsIn);
    expectExactAccount(model, report, perkins.plan);
    await revertsToOriginal(model, original);
  });
});

describe("a sync that fails while a block of tables is added in Word", () => {
  // Known wrong since the read-back reads the body's OOXML: after a half-applied batch that adds
  // a block, one value is counted as written that is not in the document. Marked so it shows.
  it.failing.each([["half applied", { failSyncAt: 2 }]] as const)(
    "%s: the block, its rows and its values are accounted where they are (known wrong)",
    async (_name, options) => {
      const { model, result } = await write(sfss, options);
      expectExactAccount(model, must(result), sfss.plan);
    },
  );
  it.each([["refused", { readOnly: true }]] as const)(
    "%s: the block, its rows and its values are accounted where they are, and revert restores",
    async (_name, options) => {
      expect(sfss.plan.structure.some((e) => e.kind === "insert-block")).toBe(true);
      const { model, original, result } = await write(sfss, options);
      const report = must(result);
      expect(report.error).toBeDefined();
      const block = [...report.written, ...report.notWritten].find(
        (o) => o.edit.kind === "insert-block",
      )!;
      const tablesIn = tablesOf(model).length > sfss.snapshot.tables.length;
      expect(report.written.includes(block)).toBe(tablesIn);
      expectExactAccount(model, report, sfss.plan);
      if (report.written.length > 0) await revertsToOriginal(model, original);
      else expect(texts(model)).toEqual(original);
    },
  );
});

/**
 * Starts writing `fill` through a Word that stops answering at batch `abandonAt.at` (the pane
 * reloaded mid-fill), waits, then asks the document, as a new pane would, what the fill wrote.
 */
async function abandonedFill(
  model: FModel,
  fill: typeof ddtt,
  abandonAt: { at: number; half?: boolean },
) {
  const first = fakeWordWriter(model, { abandonAt });
  let settled = false;
  void writePlanInWord(first.host, fill.snapshot, fill.plan, {
    label: "Section",
    now,
    source: fill.source,
  }).then(() => (settled = true));
  await new Promise((r) => setTimeout(r, 20));
  const account = must(await accountLastFillInWord(fakeWordWriter(model).host));
  return { settled, log: first.log, account };
}

describe("the pane reloaded while a fill is being written", () => {
  it("after Word applied the whole batch: the fill is recorded, accounted and reverted exactly", async () => {
    const model = modelFrom(ddtt.snapshot);
    const original = texts(model);
    // The new pane asks the document what the interrupted fill wrote.
    const { settled, log, account } = await abandonedFill(model, ddtt, { at: 2 });
    expect(settled).toBe(false);
    expect(log.calls).toContain("abandoned");
    expect(account.fill.label).toBe("Section");
    expect(account.notWritten).toEqual([]);
    expect(account.changedSince).toEqual([]);
    expect(account.written.length).toBeGreaterThan(0);
    await revertsToOriginal(model, original);
  });

  it("after Word applied half the batch: the account splits written from not written, and revert restores", async () => {
    const model = modelFrom(ddtt.snapshot);
    const original = texts(model);
    const { account } = await abandonedFill(model, ddtt, { at: 2, half: true });
    expect(account.written.length).toBeGreaterThan(0);
    expect(account.notWritten.length).toBeGreaterThan(0);
    expect(account.changedSince).toEqual([]);
    // The pane, which has just read the document, asks for the record only: the same account.
    const pane = fakeWordWriter(model);
    const read = must(await readOfficeDocument(pane.readHost));
    const calls = pane.log.calls.length;
    expect(must(await accountLastFillInWord(pane.host, read.read.snapshot))).toEqual(account);
    expect(pane.log.calls.slice(calls).filter((c) => c === "getOoxml")).toEqual([]);
    // Each cell named written holds a value of this fill; each named not written is as before.
    const t4 = tablesOf(model)[4]!;
    const stepWritten = t4.rows[3]!.cells[0]!.paragraphs[0]!.text === "Survey staff & families";
    expect(account.written.includes("table 5, row 4, cell 1")).toBe(stepWritten);
    expect(account.notWritten.includes("table 5, row 4, cell 1")).toBe(!stepWritten);
    await revertsToOriginal(model, original);
  });

  it("with rows and values, after the whole batch: rows, values and record are there, and revert removes them", async () => {
    const model = modelFrom(perkins.snapshot);
    const original = texts(model);
    const { account } = await abandonedFill(model, perkins, { at: 2 });
    expect(account.rowsAdded).toBe(1);
    expect(account.notWritten).toEqual([]);
    await revertsToOriginal(model, original);
  });
});
