/**
 * Round trips in Word on every template: read the replica, change every field, add a row to each
 * repeating table and a block to each repeated block, write it all through the Word writer in one
 * call (a typed fake of Word over the replica), read the document back through the Office reader
 * and compare; then revert in Word and compare with the original.
 */
import { readOfficeDocument } from "../../src/adapters/office/office-reader";
import { revertLastFillInWord } from "../../src/adapters/office/office-revert";
import { writePlanInWord } from "../../src/adapters/office/office-writer";
import { planDocumentFill } from "../../src/app/fill";
import type { DocumentPlanData } from "../../src/domain/plan-data";
import { readDocument } from "../../src/domain/plan-reader";
import { templates } from "../../src/templates";
import { templateBytes, templateIds } from "../helpers/fixtures";
import { joinedDocx } from "../helpers/join-tables";
import { everyFieldChanged, fieldValues } from "./data-changes";
import { fakeWordWriter, modelFrom, tablesOf, type FModel } from "./fake-word-writer";
import { documentXml, must, now, snapshotOf } from "./helpers";

/**
 * Every paragraph text of the model, tables and body, in order. Word's Wingdings circles are
 * written as their symbol-font characters (U+F0A1 empty, U+F06C filled), which look as the
 * template's do: they are compared as the circles they show.
 */
function texts(m: FModel): string[] {
  const shown = (t: string) => t.replace(/\uF0A1/g, "○").replace(/\uF06C/g, "●");
  return m.body.flatMap((b) =>
    b.kind === "p"
      ? [shown(b.p.text)]
      : b.t.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs.map((p) => shown(p.text)))),
  );
}

/** Reads what the fake Word holds as the pane would: `getOoxml`, parsed as a .docx is. */
async function readBack(model: FModel): Promise<DocumentPlanData> {
  const { readHost } = fakeWordWriter(model);
  const read = must(await readOfficeDocument(readHost));
  return readDocument(read.read.snapshot, templates).data;
}

/** Each replica as the office suite wrote it, and as Word holds it (touching tables joined). */
const forms = templateIds.flatMap((id) => [
  [id, "split", templateBytes(id)] as const,
  [id, "joined", joinedDocx(templateBytes(id))] as const,
]);

describe.each(forms)("a round trip in Word through the %s replica (%s)", (_id, _form, bytes) => {
  const snapshot = snapshotOf(bytes);
  const desired = everyFieldChanged(readDocument(snapshot, templates).data);
  const planning = must(planDocumentFill(snapshot, desired));
  const plan = planning.plan;

  it("writes every change, added rows and blocks included, in two syncs, and reads it all back", async () => {
    const model = modelFrom(snapshot);
    const { host, log } = fakeWordWriter(model);
    const report = must(
      await writePlanInWord(host, snapshot, plan, {
        label: "all",
        now,
        source: documentXml(bytes),
      }),
    );
    expect(report.error).toBeUndefined();
    expect(report.notWritten.map((o) => o.message)).toEqual([]);
    expect(report.written).toHaveLength(plan.structure.length + plan.content.length);
    expect(log.syncs).toBe(2);
    const want = fieldValues(desired);
    const got = fieldValues(await readBack(model));
    const signed = (k: string) => k.includes("-signature#");
    const mismatches = [...want].filter(
      ([k, v]) => !signed(k) && JSON.stringify(got.get(k)) !== JSON.stringify(v),
    );
    expect(mismatches.map(([k, v]) => [k, v, got.get(k)])).toEqual([]);
  });

  it("plans and writes nothing when the same data is written again, and records no second fill", async () => {
    const model = modelFrom(snapshot);
    const source = documentXml(bytes);
    must(
      await writePlanInWord(fakeWordWriter(model).host, snapshot, plan, {
        label: "all",
        now,
        source,
      }),
    );
    const before = texts(model);
    // The pane reads the document again before planning a write.
    const { readHost } = fakeWordWriter(model);
    const read = must(await readOfficeDocument(readHost));
    const again = must(planDocumentFill(read.read.snapshot, desired));
    expect(again.plan.structure).toEqual([]);
    expect(again.plan.content).toEqual([]);
    const second = fakeWordWriter(model);
    const report = must(
      await writePlanInWord(second.host, read.read.snapshot, again.plan, {
        label: "again",
        now,
        source: read.source,
      }),
    );
    expect(report.written).toEqual([]);
    expect(second.log.syncs).toBe(0);
    expect(texts(model)).toEqual(before);
    expect(model.parts).toHaveLength(1);
  });

  it("reverts in Word to the original texts, taking away the rows and tables it added", async () => {
    const model = modelFrom(snapshot);
    const original = texts(model);
    const tables = tablesOf(model).length;
    must(
      await writePlanInWord(fakeWordWriter(model).host, snapshot, plan, {
        label: "all",
        now,
        source: documentXml(bytes),
      }),
    );
    const added = plan.structure.some((e) => e.kind === "insert-block");
    expect(tablesOf(model).length > tables).toBe(added);
    const reverted = must(await revertLastFillInWord(fakeWordWriter(model).host));
    expect(reverted.notRestored).toEqual([]);
    expect(texts(model)).toEqual(original);
    expect(tablesOf(model)).toHaveLength(tables);
    expect(model.parts).toEqual([]);
  });
});
