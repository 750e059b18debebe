/**
 * The diagnostics page's probes and the captures they save (issue 18, part 3). The probes run
 * here against the tests' Word: under every variant of what Word does not document they must
 * find the variant the model was given (so a capture from a real Word tells its variants apart),
 * and every capture kept in tests/office/captures is replayed: the model set up from it gives
 * the same answers, or the model is wrong for that Word.
 */
import { NotScratch, runProbes, type ProbeHost } from "../../src/diagnostics/probes";
import { parseCapture } from "../../src/diagnostics/capture";
import { joinTouchingTables } from "../helpers/join-tables";
import { minimalDocx, p } from "../helpers/make-docx";
import { captureValues, keptCaptures, modelOptionsFromCapture } from "./word-capture";
import {
  ALL_SETS,
  WORD_VARIANTS,
  WORDAPI_13_ONLY,
  WordModel,
  wordModelHost,
  type WordModelOptions,
} from "./word-model";

const blank = () => minimalDocx("<w:p/>");

async function probe(options: WordModelOptions) {
  const model = WordModel.fromDocx(blank(), options);
  const { host, log } = wordModelHost(model);
  const answers = await runProbes(host as unknown as ProbeHost);
  return { answers, model, log };
}

describe("the probes find the model's variants", () => {
  it.each(WORD_VARIANTS)("$name", async ({ variant }) => {
    const { answers } = await probe({ variant });
    expect(answers.paragraphsCountRowEnds).toBe(variant.rowEndParagraphs);
    expect(answers.nestedTablesInBodyTables).toBe(variant.nestedTablesInBody);
  });

  it.each([true, false])("touching tables joined: %s", async (joined) => {
    const { answers } = await probe(joined ? { join: joinTouchingTables } : {});
    expect(answers.touchingTablesJoined).toBe(joined);
  });

  it.each([true, false])("tracked deletions in .text: %s", async (inline) => {
    const { answers } = await probe({ revisionsInline: inline });
    expect(answers.trackedTextIncludesDeleted).toBe(inline);
    expect(answers.trackedReplaceKeepsDeletion).toBe(true);
    expect(answers.trackedRowStaysCounted).toBe(true);
  });

  it("leave the scratch document empty, with Track Changes as it was and no probe part", async () => {
    const { model } = await probe({ trackChanges: false });
    expect(model.trackChanges).toBe(false);
    expect(model.customXml).toEqual([]);
    expect(model.documentXml()).not.toMatch(/<w:t\b/);
  });

  it("on a WordApi 1.3-only Word, ask nothing of 1.4 and answer null there", async () => {
    const { answers, log } = await probe({ supported: WORDAPI_13_ONLY });
    expect(log.calls.some((c) => c.endsWith(":1.4"))).toBe(false);
    expect(answers.customXmlTwoIsNull).toBeNull();
    expect(answers.trackedReplaceKeepsDeletion).toBeNull();
    expect(answers.symText).toBe("U+0028");
  });

  it("refuse a document that is not empty, and change nothing in it", async () => {
    const model = WordModel.fromDocx(minimalDocx(p("My plan")), { supported: ALL_SETS });
    const before = model.documentXml();
    await expect(
      runProbes(wordModelHost(model).host as unknown as ProbeHost),
    ).rejects.toBeInstanceOf(NotScratch);
    expect(model.documentXml()).toBe(before);
  });
});

describe.each(keptCaptures())("the capture $file", ({ capture }) => {
  it("is replayed: the model set up from it answers every probe as that Word did", async () => {
    const { answers } = await probe(modelOptionsFromCapture(capture));
    expect(answers).toEqual(captureValues(capture));
  });

  it("says how each answer is known, with a source for every documented one", () => {
    for (const a of Object.values(capture.answers)) {
      expect(["measured", "documented", "assumed"]).toContain(a.basis);
      if (a.basis === "documented") expect(a.source).toBeTruthy();
    }
  });
});

describe("reading a capture file", () => {
  it("refuses what is not one, saying what is wrong", () => {
    const notJson = parseCapture("{");
    expect(notJson.ok ? "" : notJson.message).toMatch(/not JSON/);
    const wrong = parseCapture(JSON.stringify({ format: "x" }));
    expect(wrong.ok ? "" : wrong.message).toMatch(/not a PlanAssist Word capture/);
  });
});
