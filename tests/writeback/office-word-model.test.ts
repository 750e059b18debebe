/**
 * The Word writer and revert against the tests' model of Word (tests/office/word-model.ts), which
 * holds the document as OOXML and answers as Word does: Wingdings circles as their raw characters,
 * `w:sym` as "(", null for mixed fonts, table paragraphs in `body.paragraphs`, and each
 * undocumented behaviour under both of its variants. The pane reads what the model holds through
 * its `getOoxml`, as it reads Word.
 */
import { readOfficeDocument } from "../../src/adapters/office/office-reader";
import { revertLastFillInWord } from "../../src/adapters/office/office-revert";
import { writePlanInWord } from "../../src/adapters/office/office-writer";
import { planDocumentFill } from "../../src/app/fill";
import type { DocumentPlanData } from "../../src/domain/plan-data";
import { readDocument } from "../../src/domain/plan-reader";
import { templates } from "../../src/templates";
import { hasTouchingTables, joinTouchingTables } from "../helpers/join-tables";
import { editDocument, wingdingsRunsToSym } from "../helpers/make-docx";
import { templateBytes, templateIds, type TemplateId } from "../helpers/fixtures";
import {
  WORD_VARIANTS,
  WordModel,
  wordModelHost,
  type WordModelOptions,
} from "../office/word-model";
import { everyFieldChanged, fieldValues } from "./data-changes";
import { documentXml, must, now } from "./helpers";

/** Reads the model as the pane reads Word: its snapshot, plan data and document XML. */
async function paneRead(model: WordModel) {
  const read = must(await readOfficeDocument(wordModelHost(model).readHost));
  return {
    snapshot: read.read.snapshot,
    source: read.source,
    data: readDocument(read.read.snapshot, templates).data as DocumentPlanData,
  };
}

const signed = (k: string) => k.includes("-signature#");

/** Templates with touching tables, which Word would join (left split until the reader joins). */
const touching = (id: TemplateId) => hasTouchingTables(documentXml(templateBytes(id)));

/**
 * Each replica as it is held: split, as the office suite wrote it, and joined, as Word holds a
 * document with touching tables (it joins them when it opens it, and again after an insert).
 */
const forms = templateIds.flatMap((id) => [
  [id, "split", {}] as const,
  ...(touching(id) ? [[id, "joined", { join: joinTouchingTables }] as const] : []),
]);

/** The calls of each batch in a model's log (between its syncs), from call `from` on. */
function batchCalls(calls: readonly string[], from: number): string[][] {
  const out: string[][] = [[]];
  for (const c of calls.slice(from)) {
    if (c.startsWith("sync#")) out.push([]);
    else (out[out.length - 1] as string[]).push(c);
  }
  return out.slice(0, -1);
}

describe.each(WORD_VARIANTS)("Word ($name)", ({ variant }) => {
  describe.each(forms)("the %s replica (%s)", (id, _form, join) => {
    const options: WordModelOptions = { variant, ...join };

    it("writes every change in two syncs and one full-body getOoxml each, reusing proxies, and the pane reads it all back", async () => {
      const model = WordModel.fromDocx(templateBytes(id), options);
      const before = await paneRead(model);
      const desired = everyFieldChanged(before.data);
      const plan = must(planDocumentFill(before.snapshot, desired)).plan;
      const { host, log } = wordModelHost(model);
      const [syncs0, batches0, calls0] = [log.syncs, log.batches.length, log.calls.length];
      const report = must(
        await writePlanInWord(host, before.snapshot, plan, {
          label: "all",
          now,
          source: before.source,
        }),
      );
      expect(report.error).toBeUndefined();
      expect(report.notWritten.map((o) => o.message)).toEqual([]);
      expect(report.written).toHaveLength(plan.structure.length + plan.content.length);
      // Two syncs: the check, then the write with its read-back (each reads the body's OOXML);
      // a plan that adds a block of tables has one more, which takes away the empty paragraph
      // Word adds after insertOoxml (#874, #116, #6904).
      const blocks = plan.structure.some((e) => e.kind === "insert-block");
      expect(log.syncs - syncs0).toBe(blocks ? 3 : 2);
      const batches = log.batches.slice(batches0);
      expect(batches.map((b) => b.bodyOoxml)).toEqual(blocks ? [1, 1, 0] : [1, 1]);
      // Proxies are made once per batch: the body's tables are reached from one first table, and
      // the steps taken are at most one per table and two per edit (never a chain from the top
      // for each target).
      for (const calls of batchCalls(log.calls, calls0))
        expect(calls.filter((c) => c === "tables.getFirst:body").length).toBeLessThanOrEqual(1);
      const budget = before.snapshot.tables.length + 2 * plan.content.length;
      for (const b of batches) expect(b.getNext).toBeLessThanOrEqual(budget);
      expect(log.nullSets).toEqual([]);
      const want = fieldValues(desired);
      const got = fieldValues((await paneRead(model)).data);
      const mismatches = [...want].filter(
        ([k, v]) => !signed(k) && JSON.stringify(got.get(k)) !== JSON.stringify(v),
      );
      expect(mismatches.map(([k, v]) => [k, v, got.get(k)])).toEqual([]);
    });

    it("reverts to the original texts", async () => {
      const model = WordModel.fromDocx(templateBytes(id), options);
      const before = await paneRead(model);
      const plan = must(planDocumentFill(before.snapshot, everyFieldChanged(before.data))).plan;
      must(
        await writePlanInWord(wordModelHost(model).host, before.snapshot, plan, {
          label: "all",
          now,
          source: before.source,
        }),
      );
      const reverted = must(await revertLastFillInWord(wordModelHost(model).host));
      expect(reverted.notRestored).toEqual([]);
      const after = await paneRead(model);
      expect(fieldValues(after.data)).toEqual(fieldValues(before.data));
      expect(model.customXml).toEqual([]);
    });
  });
});

describe.each(forms)(
  "writing the same data again in Word: the %s replica (%s)",
  (id, _form, join) => {
    it("plans and writes nothing, costs no sync, and records no second fill", async () => {
      const model = WordModel.fromDocx(templateBytes(id), join);
      const before = await paneRead(model);
      const desired = everyFieldChanged(before.data);
      const plan = must(planDocumentFill(before.snapshot, desired)).plan;
      must(
        await writePlanInWord(wordModelHost(model).host, before.snapshot, plan, {
          label: "all",
          now,
          source: before.source,
        }),
      );
      const written = model.documentXml();
      // The pane reads the document again before planning a write.
      const read = await paneRead(model);
      const again = must(planDocumentFill(read.snapshot, desired));
      expect(again.plan.structure).toEqual([]);
      expect(again.plan.content).toEqual([]);
      const second = wordModelHost(model);
      const syncs0 = second.log.syncs;
      const report = must(
        await writePlanInWord(second.host, read.snapshot, again.plan, {
          label: "again",
          now,
          source: read.source,
        }),
      );
      expect(report.written).toEqual([]);
      expect(second.log.syncs - syncs0).toBe(0);
      expect(model.documentXml()).toBe(written);
      expect(model.customXml).toHaveLength(1);
    });
  },
);

describe("the check before a write compares the reader's text with the reader's text", () => {
  // Word's `.text` gives a Wingdings circle as "¡" or "l" and a w:sym as "(" (#2368, #4477), a
  // no-break hyphen as its own character, and tracked deletions when revisions show inline: none
  // of these is taken for a change by someone else.
  it.each([
    ["CLNA rubric circles as w:sym, revisions inline", "clna" as const, true],
    [
      "DDTT with a no-break hyphen and a tracked deletion in the plan header",
      "ddtt-action-plan" as const,
      true,
    ],
  ])("%s: nothing is refused as 'the document changed'", async (_name, id, inline) => {
    const bytes =
      id === "clna"
        ? editDocument(templateBytes(id), wingdingsRunsToSym)
        : editDocument(templateBytes(id), (xml) =>
            xml.replace(
              "District/School Name:",
              'District/School</w:t><w:noBreakHyphen/><w:t xml:space="preserve">Name:</w:t></w:r><w:del w:id="901" w:author="x"><w:r><w:delText>old</w:delText></w:r></w:del><w:r><w:t xml:space="preserve">',
            ),
          );
    const model = WordModel.fromDocx(bytes, { revisionsInline: inline });
    const before = await paneRead(model);
    const plan = must(planDocumentFill(before.snapshot, everyFieldChanged(before.data))).plan;
    const report = must(
      await writePlanInWord(wordModelHost(model).host, before.snapshot, plan, {
        label: "all",
        now,
        source: before.source,
      }),
    );
    expect(report.error).toBeUndefined();
    expect(report.notWritten).toEqual([]);
  });
});
