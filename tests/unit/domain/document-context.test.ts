/**
 * What is worked out for one document lives in that document's context, not in the modules: two
 * documents read interleaved give the same answers as read one after the other.
 */
import { openDocx } from "../../../src/adapters/docx/docx-file";
import { documentContext, memoKey } from "../../../src/domain/document-context";
import { parseDate } from "../../../src/domain/parse/date";
import { placeholderKind } from "../../../src/domain/parse/placeholder";
import { readDocument, readPlans } from "../../../src/domain/plan-reader";
import { recognise } from "../../../src/domain/recognition";
import { checkPlans } from "../../../src/domain/rules";
import type { DocumentSnapshot } from "../../../src/domain/snapshot";
import { templates } from "../../../src/templates";
import { fixtureBytes, templateBytes, type TemplateId } from "../../helpers/fixtures";

function snapshotOf(bytes: Uint8Array): DocumentSnapshot {
  const opened = openDocx(bytes);
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value.read.snapshot;
}

const currentDate = "2026-10-01";

/** Recognition, plan data and findings of one document, read on its own with a fresh context. */
function alone(snapshot: DocumentSnapshot): string {
  const reading = readDocument(snapshot, templates);
  const findings = checkPlans(reading.data, { currentDate });
  return JSON.stringify({
    recognised: reading.recognition.recognised,
    message: reading.recognition.message,
    data: reading.data,
    findings,
  });
}

const variant = (name: string) => () => fixtureBytes(`variants/${name}.docx`);
const replica = (id: TemplateId) => () => templateBytes(id);

const pairs: [string, string, () => Uint8Array, () => Uint8Array][] = [
  ["a filled DDTT plan", "a filled CLNA", variant("ddtt-filled"), variant("clna-filled")],
  [
    "a filled Perkins plan",
    "a filled SFSS plan",
    variant("perkins-filled"),
    variant("sfss-filled"),
  ],
  [
    "a filled CDE plan",
    "a DDTT plan in split runs",
    variant("cde-filled"),
    variant("ddtt-filled-split-runs"),
  ],
  ["a filled CLNA", "a CLNA marked with w:sym", variant("clna-filled"), variant("clna-filled-sym")],
  [
    "the blank DDTT template",
    "a document that is no template",
    replica("ddtt-action-plan"),
    variant("not-a-template"),
  ],
];

describe("two documents read interleaved", () => {
  it.each(pairs)(
    "%s and %s give the same recognition, plan data and findings as read one after the other",
    (_a, _b, bytesA, bytesB) => {
      const a = snapshotOf(bytesA());
      const b = snapshotOf(bytesB());
      const expectedA = alone(a);
      const expectedB = alone(b);

      // Each document's steps, taken in turn, each with the document's own context.
      const ctxA = documentContext();
      const ctxB = documentContext();
      const recognitionA = recognise(a, templates, ctxA);
      const recognitionB = recognise(b, templates, ctxB);
      const bestOf = (r: typeof recognitionA) =>
        r.matches.find((m) => m.definition.id === r.recognised?.template);
      const matchA = bestOf(recognitionA);
      const matchB = bestOf(recognitionB);
      const plansB = matchB ? readPlans(b, matchB, ctxB) : [];
      const plansA = matchA ? readPlans(a, matchA, ctxA) : [];
      const dataA = { format: "planassist.plan-data", version: 1, plans: plansA };
      const dataB = { format: "planassist.plan-data", version: 1, plans: plansB };
      const findingsB = checkPlans(dataB as never, { currentDate, context: ctxB });
      const findingsA = checkPlans(dataA as never, { currentDate, context: ctxA });
      const interleaved = (r: typeof recognitionA, data: unknown, findings: unknown): string =>
        JSON.stringify({ recognised: r.recognised, message: r.message, data, findings });

      expect(interleaved(recognitionA, dataA, findingsA)).toBe(expectedA);
      expect(interleaved(recognitionB, dataB, findingsB)).toBe(expectedB);
      // The work was kept in the contexts (and only there): each holds its document's answers.
      expect(ctxA.size).toBeGreaterThan(0);
      expect(ctxB.size).toBeGreaterThan(0);
    },
  );

  it("reading one document never changes what another document's reading gives", () => {
    const a = snapshotOf(fixtureBytes("variants/perkins-filled.docx"));
    const b = snapshotOf(fixtureBytes("variants/sfss-filled.docx"));
    const first = alone(a);
    alone(b);
    alone(b);
    expect(alone(a)).toBe(first);
  });
});

describe("a document's context", () => {
  it("works an answer out once, and a fresh context works it out again", () => {
    const key = memoKey<string, string>("upper");
    const asked: string[] = [];
    const upper = (t: string) => {
      asked.push(t);
      return t.toUpperCase();
    };
    const ctx = documentContext();
    expect(ctx.of(key, "owner", upper)).toBe("OWNER");
    expect(ctx.of(key, "owner", upper)).toBe("OWNER");
    expect(asked).toEqual(["owner"]);
    expect(documentContext().of(key, "owner", upper)).toBe("OWNER");
    expect(asked).toEqual(["owner", "owner"]);
  });

  it("stays bounded: a memo past its limit starts again", () => {
    const key = memoKey<number, number>("bounded", 3);
    const ctx = documentContext();
    for (let i = 0; i < 10; i++) ctx.of(key, i, (n) => n * 2);
    expect(ctx.memo(key).size).toBeLessThanOrEqual(3);
    expect(ctx.of(key, 9, () => -1)).toBe(18);
  });

  it("keeps the parsers' answers when given, and gives the same answers without one", () => {
    const ctx = documentContext();
    const texts = ["9/15/2026", "TBD", "Sept. 15, 2026", "", "June 2027"];
    for (const t of texts) {
      expect(parseDate(t, {}, ctx)).toEqual(parseDate(t));
      expect(placeholderKind(t, ctx)).toEqual(placeholderKind(t));
    }
    expect(ctx.size).toBeGreaterThan(0);
  });
});
