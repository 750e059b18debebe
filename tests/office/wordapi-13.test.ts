/**
 * The Word tests on a WordApi 1.3-only host (Office LTSC 2021 and Office 2019; issue 18, 2.5):
 * every template is read and filled there, nothing of WordApi 1.4 is asked (the model fails any
 * such call with ApiNotFound, as Word does), the fill says it cannot be reverted from PlanAssist,
 * and revert refuses plainly instead of failing.
 */
import { readOfficeDocument } from "../../src/adapters/office/office-reader";
import { revertLastFillInWord } from "../../src/adapters/office/office-revert";
import { writePlanInWord } from "../../src/adapters/office/office-writer";
import { planDocumentFill } from "../../src/app/fill";
import type { DocumentPlanData } from "../../src/domain/plan-data";
import { readDocument } from "../../src/domain/plan-reader";
import { templates } from "../../src/templates";
import { templateBytes, templateIds } from "../helpers/fixtures";
import { everyFieldChanged, fieldValues } from "../writeback/data-changes";
import { must, now } from "../writeback/helpers";
import { WORD_VARIANTS, WORDAPI_13_ONLY, WordModel, wordModelHost } from "./word-model";

async function paneRead(model: WordModel) {
  const read = must(await readOfficeDocument(wordModelHost(model).readHost));
  return {
    snapshot: read.read.snapshot,
    source: read.source,
    data: readDocument(read.read.snapshot, templates).data as DocumentPlanData,
  };
}

const variants = [WORD_VARIANTS[0], WORD_VARIANTS[3]].filter((x) => x !== undefined);

describe.each(variants)("a WordApi 1.3-only Word ($name)", ({ variant }) => {
  it.each(templateIds)("fills the %s replica without asking for WordApi 1.4", async (id) => {
    const model = WordModel.fromDocx(templateBytes(id), { variant, supported: WORDAPI_13_ONLY });
    const before = await paneRead(model);
    const desired = everyFieldChanged(before.data);
    const plan = must(planDocumentFill(before.snapshot, desired)).plan;
    const { host, log } = wordModelHost(model);
    const report = must(
      await writePlanInWord(host, before.snapshot, plan, {
        label: "all",
        now,
        source: before.source,
      }),
    );
    expect(report.error).toBeUndefined();
    expect(report.notWritten.map((o) => o.message)).toEqual([]);
    expect(report.notices.join(" ")).toMatch(/cannot be reverted/);
    expect(log.calls.filter((c) => c.endsWith(":1.4"))).toEqual([]);
    expect(model.customXml).toEqual([]);
    const got = fieldValues((await paneRead(model)).data);
    const missing = [...fieldValues(desired)].filter(
      ([k, v]) => !k.includes("-signature#") && JSON.stringify(got.get(k)) !== JSON.stringify(v),
    );
    expect(missing.map(([k]) => k)).toEqual([]);
  });

  it("refuses to revert, saying this Word cannot and what to do", async () => {
    const model = WordModel.fromDocx(templateBytes("ddtt-action-plan"), {
      variant,
      supported: WORDAPI_13_ONLY,
    });
    const r = await revertLastFillInWord(wordModelHost(model).host);
    expect(r.ok ? "" : r.error.code).toBe("office_requirement_missing");
    expect(r.ok ? "" : r.error.message).toMatch(/planassist revert/);
  });
});
