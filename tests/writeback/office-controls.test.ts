/**
 * Check boxes and text form fields filled in Word (the tests' model, tests/office/word-model.ts):
 * a `w14:checkbox` content control keeps being a control with its checked state and glyph set, a
 * legacy check box form field keeps being a field with `w:checked` set, a legacy text field gets
 * its value between its separate and end marks. The cells come out as the .docx path writes
 * them, read back with the values, a second fill writes nothing, and revert gives them back.
 */
import { revertLastFillInWord } from "../../src/adapters/office/office-revert";
import { writePlanInWord } from "../../src/adapters/office/office-writer";
import { planDocumentFill } from "../../src/app/fill";
import { fillDocxNow } from "../helpers/docx-use-cases";
import type { DocumentPlanData, FieldData } from "../../src/domain/plan-data";
import { readDocument } from "../../src/domain/plan-reader";
import { readWordDocument } from "../../src/ooxml/wordml";
import { parseXml } from "../../src/ooxml/xml";
import { templates } from "../../src/templates";
import { sfssPriorities } from "../../src/templates/sfss-action-plan.template";
import { joinedDocx } from "../helpers/join-tables";
import { WORDAPI_13_ONLY, WordModel, wordModelHost } from "../office/word-model";
import { parseTree, serialise } from "../office/xml-tree";
import {
  controlBox,
  firstStepRow,
  formBox,
  priorities,
  results,
  values,
  withBoxes,
  withFields,
} from "./form-controls";
import { documentXml, must, now, snapshotOf } from "./helpers";
import { paneRead } from "./word-model-view";

/** A cell's XML, as the model's serialiser writes it (so both sides are spelled alike). */
function cellXml(xml: string, f: FieldData): string {
  const l = f.location;
  if (l?.kind !== "cell") throw new Error("no cell location");
  const c = readWordDocument(parseXml(xml)).index.tables[l.table]?.rows[l.row]?.cells[l.cell];
  if (!c) throw new Error("no cell");
  return serialise(parseTree(xml.slice(c.element.start, c.element.end)));
}

type Case = {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The fields the case fills, in the data read from a document. */
  readonly fields: (d: DocumentPlanData) => FieldData[];
  readonly fill: (d: DocumentPlanData) => void;
  /** What marks the controls, counted before and after. */
  readonly kept: RegExp;
};

const boxCase = (name: string, box: (on: boolean) => string, kept: RegExp, join: boolean) => ({
  name: `SFSS priorities as ${name} (${join ? "joined" : "split"})`,
  bytes: join ? joinedDocx(withBoxes(box)) : withBoxes(box),
  fields: (d: DocumentPlanData) => [priorities(d)],
  fill: (d: DocumentPlanData) => {
    priorities(d).value = [sfssPriorities[1]!, sfssPriorities[3]!];
  },
  kept,
});

const fieldCase = (name: string, result: string, join: boolean) => ({
  name: `DDTT action steps as text form fields with ${name} (${join ? "joined" : "split"})`,
  bytes: join ? joinedDocx(withFields(result)) : withFields(result),
  fields: firstStepRow,
  fill: (d: DocumentPlanData) => firstStepRow(d).forEach((c, i) => (c.value = values[i]!)),
  kept: / FORMTEXT /g,
});

const cases: Case[] = [false, true].flatMap((join) => [
  boxCase("legacy check box form fields", formBox, /FORMCHECKBOX/g, join),
  boxCase("check box content controls", controlBox, /<w14:checkbox>/g, join),
  ...Object.entries(results).map(([name, result]) => fieldCase(name, result, join)),
]);

const count = (xml: string, re: RegExp) => xml.match(re)?.length ?? 0;

describe.each(cases.map((c) => [c.name, c] as const))("%s, filled in Word", (_name, c) => {
  const docx = () => {
    const data = readDocument(snapshotOf(c.bytes), templates).data as DocumentPlanData;
    c.fill(data);
    const r = must(fillDocxNow(c.bytes, data, { now }));
    expect(r.report.failed).toEqual([]);
    return { xml: documentXml(r.report.bytes), data };
  };

  it.each([
    ["every requirement set", undefined],
    ["WordApi 1.3 only", WORDAPI_13_ONLY],
  ])(
    "on a Word with %s: the cells come out as the .docx path writes them, the controls stay, the values read back, and a second fill writes nothing",
    async (_s, supported) => {
      const model = WordModel.fromDocx(c.bytes, supported ? { supported } : {});
      const original = model.documentXml();
      const before = await paneRead(model);
      const desired = structuredClone(before.data);
      c.fill(desired);
      const plan = must(planDocumentFill(before.snapshot, desired)).plan;
      expect(plan.content.length).toBeGreaterThan(0);
      const report = must(
        await writePlanInWord(wordModelHost(model).host, before.snapshot, plan, {
          label: "controls",
          now,
          source: before.source,
        }),
      );
      expect(report.error).toBeUndefined();
      expect(report.notWritten.map((o) => o.message)).toEqual([]);
      expect(model.log.nullSets).toEqual([]);
      const written = model.documentXml();
      expect(count(written, c.kept)).toBe(count(original, c.kept));
      const want = docx();
      for (const f of c.fields(before.data)) expect(cellXml(written, f)).toBe(cellXml(want.xml, f));
      const after = await paneRead(model);
      expect(c.fields(after.data).map((f) => f.value)).toEqual(
        c.fields(desired).map((f) => f.value),
      );
      const again = must(planDocumentFill(after.snapshot, desired)).plan;
      expect(again.structure).toEqual([]);
      expect(again.content).toEqual([]);
    },
  );

  it("reverts to the original cells, controls and fields included", async () => {
    const model = WordModel.fromDocx(c.bytes);
    const original = model.documentXml();
    const before = await paneRead(model);
    const desired = structuredClone(before.data);
    c.fill(desired);
    const plan = must(planDocumentFill(before.snapshot, desired)).plan;
    must(
      await writePlanInWord(wordModelHost(model).host, before.snapshot, plan, {
        label: "controls",
        now,
        source: before.source,
      }),
    );
    const reverted = must(await revertLastFillInWord(wordModelHost(model).host));
    expect(reverted.notRestored).toEqual([]);
    const back = model.documentXml();
    for (const f of c.fields(before.data)) expect(cellXml(back, f)).toBe(cellXml(original, f));
    expect(c.fields((await paneRead(model)).data).map((f) => f.value)).toEqual(
      c.fields(before.data).map((f) => f.value),
    );
  });
});
