/**
 * A record of fills kept in two custom XML parts (two documents pasted together, two panes
 * writing at once, a file merged by another tool): both hosts read every part, merge them in
 * fill order with each fill once, revert through the merged record back to the original, and
 * leave exactly one part at the next write.
 */
import { DocxDocument } from "../../src/adapters/docx/docx-document.adapter";
import { fillDocx, lastFillOfDocx, revertDocx } from "../../src/adapters/docx/docx-writer";
import {
  accountLastFillInWord,
  revertLastFillInWord,
} from "../../src/adapters/office/office-revert";
import { writePlanInWord } from "../../src/adapters/office/office-writer";
import {
  mergeJournals,
  parseJournal,
  parseJournalParts,
  serialiseJournal,
  type FillRecord,
} from "../../src/ooxml/journal";
import { customXmlItems, withExtraRecordPart } from "../helpers/record-parts";
import { readParts, withParts } from "../helpers/make-docx";
import { templateBytes } from "../helpers/fixtures";
import { WORDAPI_13_ONLY, WordModel, wordModelHost } from "../office/word-model";
import { OfficeDocument } from "../../src/adapters/office/office-document.adapter";
import { modelTexts } from "./word-model-view";
import { plannedFillOf } from "./planned-fill";
import { documentXml, must, setFields } from "./helpers";

const first = {
  "plan-header.district-school-name": "Springfield",
  "action-steps[0].action-step": "Survey staff",
};
const second = { "action-steps[0].owner": "Dana Smith", "strategy.strategy": "Data teams" };
const third = { "action-steps[1].deadline": "2026-03-01" };

function fillWith(bytes: Uint8Array, values: Record<string, string>, label: string, at: string) {
  const { plan } = plannedFillOf(bytes, setFields(values));
  return must(fillDocx(bytes, plan, { label, now: new Date(at) })).bytes;
}

/** The record held in a package's only record part. */
function recordOf(bytes: Uint8Array) {
  const items = customXmlItems(bytes);
  expect(items).toHaveLength(1);
  return must(parseJournal(readParts(bytes).get(items[0]!)!));
}

/** The template, filled twice (the record holds both fills), as the CLI leaves it. */
function twoFills() {
  const original = templateBytes("ddtt-action-plan");
  const once = fillWith(original, first, "first", "2026-01-10T09:00:00Z");
  const twice = fillWith(once, second, "second", "2026-01-11T09:00:00Z");
  const [f1, f2] = recordOf(twice).fills as [FillRecord, FillRecord];
  return { original, once, twice, f1, f2 };
}

/** `bytes` whose first record part holds `a` and a second part `b`. */
function split(bytes: Uint8Array, a: readonly FillRecord[], b: readonly FillRecord[]) {
  const item = customXmlItems(bytes)[0]!;
  const rebuilt = withExtraRecordPart(
    withParts(bytes, { [item]: serialiseJournal({ fills: a }) }),
    serialiseJournal({ fills: b }),
  );
  expect(customXmlItems(rebuilt)).toHaveLength(2);
  return rebuilt;
}

describe("merging record parts", () => {
  const { f1, f2 } = twoFills();

  it("keeps each fill once, each part's order, and interleaves the parts by fill time", () => {
    const merged = mergeJournals([{ fills: [f1, f2] }, { fills: [f1] }]);
    expect(merged.fills.map((f) => f.label)).toEqual(["first", "second"]);
    expect(mergeJournals([{ fills: [f2] }, { fills: [f1] }]).fills.map((f) => f.label)).toEqual([
      "first",
      "second",
    ]);
  });

  it("keeps both fills where the parts disagree (each holds a fill the other lacks)", () => {
    const other: FillRecord = { ...f2, label: "other pane", at: "2026-01-10T12:00:00Z" };
    const merged = mergeJournals([{ fills: [f1, f2] }, { fills: [f1, other] }]);
    expect(merged.fills.map((f) => f.label)).toEqual(["first", "other pane", "second"]);
  });

  it("reads a record with a damaged part as damaged, as a single damaged part is", () => {
    const r = parseJournalParts([serialiseJournal({ fills: [f1] }), "<pa:journal"]);
    expect(r.ok ? "ok" : r.error.code).toBe("journal_invalid");
  });
});

describe("a .docx with two record parts", () => {
  it("reads both (a stale copy of the record beside it), and reverts through them to the original", () => {
    const { original, twice, f1 } = twoFills();
    const doubled = withExtraRecordPart(twice, serialiseJournal({ fills: [f1] }));
    expect(must(lastFillOfDocx(doubled))?.label).toBe("second");
    const back1 = must(revertDocx(doubled));
    expect(back1.fill.label).toBe("second");
    expect(back1.remaining).toBe(1);
    // The rest of the record is in one part.
    expect(recordOf(back1.bytes).fills.map((f) => f.label)).toEqual(["first"]);
    const back2 = must(revertDocx(back1.bytes));
    expect(back2.remaining).toBe(0);
    expect(documentXml(back2.bytes)).toBe(documentXml(original));
    expect(customXmlItems(back2.bytes)).toEqual([]);
    const rels = readParts(back2.bytes).get("word/_rels/document.xml.rels")!;
    expect(rels).not.toMatch(/customXml/);
    expect(readParts(back2.bytes).get("[Content_Types].xml")).not.toMatch(/customXml/);
  });

  it("reads fills split across two parts (two panes) in fill order", async () => {
    const { original, once, twice, f1, f2 } = twoFills();
    const doubled = split(twice, [f2], [f1]);
    const port = new DocxDocument(doubled);
    expect(must(await port.lastFill())?.label).toBe("second");
    must(await port.revert());
    expect(documentXml(port.current())).toBe(documentXml(once));
    must(await port.revert());
    expect(documentXml(port.current())).toBe(documentXml(original));
    expect(customXmlItems(port.current())).toEqual([]);
  });

  it("keeps the whole record in one part at the next write", () => {
    const { twice, f1, f2 } = twoFills();
    const doubled = split(twice, [f1], [f1, f2]);
    const thrice = fillWith(doubled, third, "third", "2026-01-12T09:00:00Z");
    expect(recordOf(thrice).fills.map((f) => f.label)).toEqual(["first", "second", "third"]);
    const types = readParts(thrice).get("[Content_Types].xml")!;
    expect(types.match(/itemProps\d+\.xml/g)).toHaveLength(1);
    const rels = readParts(thrice).get("word/_rels/document.xml.rels")!;
    expect(rels.match(/relationships\/customXml"/g)).toHaveLength(1);
  });
});

describe("Word with two record parts", () => {
  it("finds the last fill where getOnlyItemOrNullObject answers null, and reverts to the original", async () => {
    const { original, twice, f1 } = twoFills();
    const model = WordModel.fromDocx(withExtraRecordPart(twice, serialiseJournal({ fills: [f1] })));
    expect(model.customXml).toHaveLength(2);
    const { host } = wordModelHost(model);
    expect(must(await accountLastFillInWord(host)).fill.label).toBe("second");
    const r1 = must(await revertLastFillInWord(host));
    expect(r1.error).toBeUndefined();
    expect(r1.fill.label).toBe("second");
    expect(r1.remaining).toBe(1);
    // One part is left, holding the rest of the record.
    expect(model.customXml).toHaveLength(1);
    expect(must(parseJournal(model.customXml[0]!)).fills.map((f) => f.label)).toEqual(["first"]);
    const r2 = must(await revertLastFillInWord(host));
    expect(r2.notRestored).toEqual([]);
    expect(model.customXml).toEqual([]);
    expect(modelTexts(model)).toEqual(modelTexts(WordModel.fromDocx(original)));
  });

  it("spends one more sync, of reads only, when there are two parts", async () => {
    const { twice, f1, f2 } = twoFills();
    const model = WordModel.fromDocx(split(twice, [f1], [f2]));
    const { host, log } = wordModelHost(model);
    const r = must(await revertLastFillInWord(host));
    expect(r.syncs).toBe(4);
    expect(log.syncs).toBe(4);
  });

  it("writes the merged record into one part at the next fill", async () => {
    const { twice, f1, f2 } = twoFills();
    const doubled = split(twice, [f1, f2], [f1]);
    const model = WordModel.fromDocx(doubled);
    const { snapshot, plan, source } = plannedFillOf(doubled, setFields(third));
    const { host } = wordModelHost(model);
    const r = must(
      await writePlanInWord(host, snapshot, plan, {
        label: "third",
        now: new Date("2026-01-12T09:00:00Z"),
        source,
      }),
    );
    expect(r.error).toBeUndefined();
    expect(r.notices).toEqual([]);
    expect(model.customXml).toHaveLength(1);
    expect(must(parseJournal(model.customXml[0]!)).fills.map((f) => f.label)).toEqual([
      "first",
      "second",
      "third",
    ]);
  });
});

describe("clearing the fill history in Word", () => {
  it("deletes every record part and leaves the document's text alone", async () => {
    const { twice, f1, f2 } = twoFills();
    const model = WordModel.fromDocx(split(twice, [f1], [f2]));
    const textsBefore = modelTexts(model);
    const { host, readHost } = wordModelHost(model);
    const port = new OfficeDocument(readHost, host);
    must(await port.read());
    expect(must(await port.clearFillHistory())).toEqual({ cleared: 2 });
    expect(model.customXml).toEqual([]);
    expect(modelTexts(model)).toEqual(textsBefore);
    expect(must(await port.lastFill())).toBeUndefined();
  });

  it("says plainly that a WordApi 1.3 Word keeps no record to clear, and calls nothing", async () => {
    const model = WordModel.fromDocx(templateBytes("ddtt-action-plan"), {
      supported: WORDAPI_13_ONLY,
    });
    const { host, readHost, log } = wordModelHost(model);
    const port = new OfficeDocument(readHost, host);
    expect(port.capabilities().revert).toBe(false);
    const r = await port.clearFillHistory();
    expect(r.ok ? "cleared" : r.error.code).toBe("office_requirement_missing");
    expect(log.syncs).toBe(0);
  });
});
