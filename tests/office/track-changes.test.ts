/**
 * Track Changes in Word (issue 18, 2.4): the mode is read with the document (WordApi 1.4, asked
 * only where Word has it), and with tracking on the account is right: replaced text stays as
 * w:del/w:ins and rows deleted stay as w:trPr/w:del in Word's rowCount (the tests' Word does as
 * Word does), yet every value written is reported as written and read back, and a row the fill
 * took away is not taken for a co-author's edit by the next fill.
 */
import { readOfficeDocument } from "../../src/adapters/office/office-reader";
import { OfficeDocument } from "../../src/adapters/office/office-document.adapter";
import { writePlanInWord } from "../../src/adapters/office/office-writer";
import { planDocumentFill } from "../../src/app/fill";
import type { DocumentPlanData } from "../../src/domain/plan-data";
import { readDocument } from "../../src/domain/plan-reader";
import { templates } from "../../src/templates";
import { templateBytes, templateIds } from "../helpers/fixtures";
import { minimalDocx, p, tbl, tc, tr } from "../helpers/make-docx";
import { everyFieldChanged, fieldValues } from "../writeback/data-changes";
import { must, now } from "../writeback/helpers";
import { WORDAPI_13_ONLY, WordModel, wordModelHost, type WordModelOptions } from "./word-model";

async function paneRead(model: WordModel) {
  const read = must(await readOfficeDocument(wordModelHost(model).readHost));
  return {
    read,
    snapshot: read.read.snapshot,
    source: read.source,
    data: readDocument(read.read.snapshot, templates).data as DocumentPlanData,
  };
}

const mismatches = (want: Map<string, unknown>, got: Map<string, unknown>) =>
  [...want]
    .filter(
      ([k, v]) => !k.includes("-signature#") && JSON.stringify(got.get(k)) !== JSON.stringify(v),
    )
    .map(([k]) => k);

/** The plan data with the second row of the first repeating table of three rows or more taken away. */
function withoutARow(data: DocumentPlanData): DocumentPlanData {
  let done = false;
  return {
    ...data,
    plans: data.plans.map((plan) => ({
      ...plan,
      sections: plan.sections.map((s) => {
        if (done || !s.rows || s.rows.length < 3) return s;
        done = true;
        return { ...s, rows: [s.rows[0], ...s.rows.slice(2)].filter((r) => r !== undefined) };
      }),
    })),
  };
}

describe("the Track Changes mode", () => {
  const doc = minimalDocx(tbl(1, tr(tc(p("Goal"))) + tr(tc(p("x")))) + p("after"));

  it.each([
    ["on", { trackChanges: true }, true],
    ["off", { trackChanges: false }, false],
  ] as const)("is read with the body in one sync when it is %s", async (_n, options, want) => {
    const model = WordModel.fromDocx(doc, options);
    const { readHost, log } = wordModelHost(model);
    const read = must(await readOfficeDocument(readHost));
    expect(read.trackChanges).toBe(want);
    expect(log.syncs).toBe(1);
    expect(log.calls).toContain("load:document:changeTrackingMode");
    const port = new OfficeDocument(readHost);
    must(await port.read());
    expect(port.capabilities().trackChanges).toBe(want);
  });

  it("is not asked of a Word with WordApi 1.3 only (it would fail the read)", async () => {
    const model = WordModel.fromDocx(doc, { trackChanges: true, supported: WORDAPI_13_ONLY });
    const { readHost, log } = wordModelHost(model);
    const read = must(await readOfficeDocument(readHost));
    expect(read.trackChanges).toBeUndefined();
    expect(log.calls.some((c) => c.includes("changeTrackingMode"))).toBe(false);
    const port = new OfficeDocument(readHost);
    must(await port.read());
    expect(port.capabilities().trackChanges).toBeUndefined();
  });
});

describe("text changed with Track Changes on is read as if the changes were accepted", () => {
  it("a deleted run is left out and an inserted run is read, in cells and body paragraphs", async () => {
    const changed =
      '<w:p><w:del w:id="1" w:author="A"><w:r><w:delText>old words</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>new words</w:t></w:r></w:ins></w:p>';
    const model = WordModel.fromDocx(minimalDocx(tbl(1, tr(tc(changed))) + changed));
    const { snapshot } = await paneRead(model);
    expect(snapshot.tables[0]?.rows[0]?.cells[0]?.text).toBe("new words");
    expect(snapshot.paragraphs[0]?.text).toBe("new words");
    expect(snapshot.facts.trackedChanges).toBe(true);
  });
});

describe.each(templateIds)("the %s replica with Track Changes on", (id) => {
  const options: WordModelOptions = { trackChanges: true };

  it("every value written is reported as written and reads back, as tracked changes", async () => {
    const model = WordModel.fromDocx(templateBytes(id), options);
    const before = await paneRead(model);
    const desired = everyFieldChanged(before.data);
    const plan = must(planDocumentFill(before.snapshot, desired)).plan;
    const report = must(
      await writePlanInWord(wordModelHost(model).host, before.snapshot, plan, {
        label: "all",
        now,
        source: before.source,
      }),
    );
    expect(report.error).toBeUndefined();
    expect(report.notWritten.map((o) => o.message)).toEqual([]);
    expect(report.written).toHaveLength(plan.structure.length + plan.content.length);
    // The text Word replaced is still there, as a tracked deletion beside the insertion.
    expect(model.documentXml()).toMatch(/<w:del\b[^>]*>\s*<w:r\b/);
    expect(model.documentXml()).toMatch(/<w:ins\b/);
    expect(mismatches(fieldValues(desired), fieldValues((await paneRead(model)).data))).toEqual([]);
  });
});

describe("a row the fill took away with Track Changes on", () => {
  it("stays in Word's rowCount, and the next fill writes every value without calling it a co-author's edit", async () => {
    const model = WordModel.fromDocx(templateBytes("ddtt-action-plan"), { trackChanges: true });
    const before = await paneRead(model);
    const first = withoutARow(before.data);
    const plan = must(planDocumentFill(before.snapshot, first)).plan;
    expect(plan.structure.map((e) => e.kind)).toEqual(["remove-rows"]);
    const removal = must(
      await writePlanInWord(wordModelHost(model).host, before.snapshot, plan, {
        label: "remove",
        now,
        source: before.source,
      }),
    );
    expect(removal.error).toBeUndefined();
    expect(removal.notWritten).toEqual([]);
    const after = await paneRead(model);
    // Word keeps the row as a tracked deletion; the plan is read as once it is accepted.
    expect(after.source).toMatch(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:del /);
    const t = after.snapshot.tables.find((x) => x.trackedRows);
    expect(t?.trackedRows?.count).toBe((t?.rows.length ?? 0) + 1);
    const again = everyFieldChanged(after.data);
    const plan2 = must(planDocumentFill(after.snapshot, again)).plan;
    const report = must(
      await writePlanInWord(wordModelHost(model).host, after.snapshot, plan2, {
        label: "all",
        now,
        source: after.source,
      }),
    );
    expect(report.error).toBeUndefined();
    expect(report.notWritten.map((o) => o.message)).toEqual([]);
    expect(mismatches(fieldValues(again), fieldValues((await paneRead(model)).data))).toEqual([]);
  });
});
