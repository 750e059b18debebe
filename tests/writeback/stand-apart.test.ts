/**
 * Values that stand apart: where a fill replaces the underscores of "District/School Name: ____
 * Today's Date: ____", the two entries still read apart, in the .docx writer and in Word (the
 * tests' model), because the separation is part of the fill plan.
 */
import { fillDocx, revertDocx } from "../../src/adapters/docx/docx-writer";
import { readOfficeDocument } from "../../src/adapters/office/office-reader";
import { revertLastFillInWord } from "../../src/adapters/office/office-revert";
import { writePlanInWord } from "../../src/adapters/office/office-writer";
import { planDocumentFill } from "../../src/app/fill";
import { isEmptyPlan, type SetTextEdit } from "../../src/domain/edits";
import type { DocumentPlanData } from "../../src/domain/plan-data";
import { readDocument } from "../../src/domain/plan-reader";
import type { DocumentSnapshot } from "../../src/domain/snapshot";
import { templates } from "../../src/templates";
import { templateBytes, type TemplateId } from "../helpers/fixtures";
import { WordModel, wordModelHost } from "../office/word-model";
import { entries, must, now, sameBytes, setFields, snapshotOf } from "./helpers";

type Case = {
  readonly id: TemplateId;
  readonly first: string;
  readonly second: string;
  readonly values: Record<string, string>;
};

const cases: Case[] = [
  {
    id: "ddtt-action-plan",
    first: "Pioneer Valley Public Schools",
    second: "Today’s Date:",
    values: {
      "plan-header.district-school-name": "Pioneer Valley Public Schools",
      "plan-header.todays-date": "9/15/2026",
    },
  },
  {
    id: "clna",
    first: "Western Mass",
    second: "Related Occupational Group:",
    values: {
      "workforce-region.region": "Western Mass",
      "workforce-region.occupational-group": "Health Care",
    },
  },
];

function dataOf(snapshot: DocumentSnapshot): DocumentPlanData {
  return readDocument(snapshot, templates).data as DocumentPlanData;
}

/** The body paragraph holding `text`. */
function paragraphWith(snapshot: DocumentSnapshot, text: string): string {
  const p = snapshot.paragraphs.find((x) => x.text.includes(text));
  if (!p) throw new Error(`no paragraph with ${text}`);
  return p.text;
}

function valuesOf(data: DocumentPlanData, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of data.plans[0]!.sections)
    for (const f of s.fields) {
      const key = `${s.id}.${f.id}`;
      if (keys.includes(key)) out[key] = String(f.value);
    }
  return out;
}

describe.each(cases)("$id: two entries on one line", ({ id, first, second, values }) => {
  const original = templateBytes(id);
  const keys = Object.keys(values);

  it("the plan ends the first value with spaces, and the last one with nothing", () => {
    const snapshot = snapshotOf(original);
    const plan = must(planDocumentFill(snapshot, setFields(values)(dataOf(snapshot)))).plan;
    const texts = plan.content.filter((e): e is SetTextEdit => e.kind === "set-text");
    expect(texts.map((e) => e.text)).toEqual(
      Object.values(values).map((v, i) => (i === 0 ? `${v}   ` : v)),
    );
  });

  it("in the .docx writer: apart, read back, a second fill changes nothing, revert gives the bytes", () => {
    const snapshot = snapshotOf(original);
    const plan = must(planDocumentFill(snapshot, setFields(values)(dataOf(snapshot)))).plan;
    const filled = must(fillDocx(original, plan, { label: id, now })).bytes;
    const after = snapshotOf(filled);
    const line = paragraphWith(after, first);
    // Before the fill the underscores kept them apart; now spaces do (not a single one).
    expect(line).toContain(`${first}    ${second}`);
    expect(line).not.toContain(`${first} ${second}`);
    expect(valuesOf(dataOf(after), keys)).toEqual(values);
    const again = must(planDocumentFill(after, setFields(values)(dataOf(after))));
    expect(isEmptyPlan(again.plan)).toBe(true);
    const reverted = must(revertDocx(filled)).bytes;
    const before = entries(original);
    const back = entries(reverted);
    expect([...back.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of before)
      expect([name, sameBytes(bytes, back.get(name))]).toEqual([name, true]);
  });

  it("in Word: the same plan writes the same separation, and reverts", async () => {
    const model = WordModel.fromDocx(original);
    const read = async () => must(await readOfficeDocument(wordModelHost(model).readHost));
    const first0 = await read();
    const snapshot = first0.read.snapshot;
    const plan = must(planDocumentFill(snapshot, setFields(values)(dataOf(snapshot)))).plan;
    const report = must(
      await writePlanInWord(wordModelHost(model).host, snapshot, plan, {
        label: id,
        now,
        source: first0.source,
      }),
    );
    expect(report.error).toBeUndefined();
    expect(report.notWritten).toEqual([]);
    const after = (await read()).read.snapshot;
    expect(paragraphWith(after, first)).toContain(`${first}    ${second}`);
    expect(valuesOf(dataOf(after), keys)).toEqual(values);
    expect(isEmptyPlan(must(planDocumentFill(after, setFields(values)(dataOf(after)))).plan)).toBe(
      true,
    );
    const reverted = must(await revertLastFillInWord(wordModelHost(model).host));
    expect(reverted.notRestored).toEqual([]);
    expect(paragraphWith((await read()).read.snapshot, second)).toBe(
      paragraphWith(snapshot, second),
    );
  });
});

it("a gap that already keeps them apart is kept as it is", () => {
  const original = templateBytes("ddtt-action-plan");
  const snapshot = snapshotOf(original);
  const values = { "plan-header.district-school-name": "Pioneer Valley" };
  const plan = must(planDocumentFill(snapshot, setFields(values)(dataOf(snapshot)))).plan;
  const filled = snapshotOf(must(fillDocx(original, plan, { label: "x", now })).bytes);
  // Written again over the first value: the spaces after it are already there.
  const next = { "plan-header.district-school-name": "Northfield" };
  const second = must(
    planDocumentFill(filled, setFields(next)(dataOf(filled)), { overwrite: "all" }),
  ).plan;
  expect(second.content.map((e) => (e.kind === "set-text" ? e.text : ""))).toEqual(["Northfield"]);
});
