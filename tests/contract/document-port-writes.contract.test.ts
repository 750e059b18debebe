/**
 * The document port's write contract: every adapter that can write (the .docx file, Word through
 * Office.js on the tests' model of Word, the document in memory) fills, reverts and reports the
 * same way. Fill then read gives back what was filled; filling twice changes nothing the second
 * time; revert gives back the original; a cell typed into is never overwritten without consent;
 * the report lists every value.
 */
import { planDocumentFill } from "../../src/app/fill";
import type { DocumentPlanData, FieldData } from "../../src/domain/plan-data";
import { readDocument } from "../../src/domain/plan-reader";
import type { DocumentSnapshot } from "../../src/domain/snapshot";
import type { DocumentPort, FillResult } from "../../src/ports/document.port";
import { templates } from "../../src/templates";
import { templateBytes, templateIds } from "../helpers/fixtures";
import { everyFieldChanged, fieldValues } from "../writeback/data-changes";
import { must, now } from "../writeback/helpers";
import { writableAdapterCases } from "./adapters";
import { emptyDocument } from "./variants";

jest.setTimeout(120_000);

async function readData(port: DocumentPort): Promise<{
  snapshot: DocumentSnapshot;
  data: DocumentPlanData;
}> {
  const snapshot = must(await port.read());
  return { snapshot, data: readDocument(snapshot, templates).data };
}

/** Writes the plan data wanted through the port, planned against what the port reads now. */
async function fillThrough(
  port: DocumentPort,
  desired: DocumentPlanData,
  overwrite: FieldData["location"][] = [],
) {
  const { snapshot } = await readData(port);
  const planning = must(
    planDocumentFill(snapshot, desired, {
      overwrite: overwrite.filter((l) => l !== undefined),
    }),
  );
  const result = must(
    await port.fill(planning.plan, { label: "contract", now, skipped: planning.skipped }),
  );
  return { planning, result };
}

/** Values of a plan, hand-signed sections left out (a fill never writes them). */
function values(data: DocumentPlanData): [string, unknown][] {
  return [...fieldValues(data)].filter(([k]) => !k.includes("-signature#"));
}

/** The text of every cell and body paragraph, in order. */
function texts(s: DocumentSnapshot): string[] {
  return [
    ...s.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.text))),
    ...s.paragraphs.map((p) => p.text),
  ];
}

function editCount(r: FillResult): number {
  return r.written.length + r.unchanged.length + r.failed.length;
}

/** The first text field of a plan that has a place in the document. */
function firstTextField(data: DocumentPlanData): FieldData {
  for (const plan of data.plans)
    for (const section of plan.sections)
      for (const f of section.fields)
        if (f.location && f.type !== "single-choice" && f.type !== "multiple-choice") return f;
  throw new Error("no text field with a place");
}

function withValue(data: DocumentPlanData, id: string, value: string): DocumentPlanData {
  let done = false;
  return {
    ...data,
    plans: data.plans.map((p) => ({
      ...p,
      sections: p.sections.map((s) => ({
        ...s,
        fields: s.fields.map((f) => {
          if (done || f.id !== id) return f;
          done = true;
          return { ...f, value };
        }),
      })),
    })),
  };
}

describe.each(writableAdapterCases)("the $name", (adapter) => {
  describe.each(templateIds)("on the %s replica", (id) => {
    it("fills every field, and reading back gives what was filled; the report lists every value", async () => {
      const port = adapter.make(templateBytes(id));
      const before = await readData(port);
      const desired = everyFieldChanged(before.data);
      const { planning, result } = await fillThrough(port, desired);
      expect(result.failed.map((f) => f.message)).toEqual([]);
      expect(result.stopped).toBeUndefined();
      // Every edit planned is in exactly one list, every value left out is named.
      expect(editCount(result)).toBe(planning.plan.structure.length + planning.plan.content.length);
      expect(result.skipped).toEqual(planning.skipped);
      const after = await readData(port);
      const got = new Map(values(after.data));
      const mismatches = values(desired).filter(
        ([k, v]) => JSON.stringify(got.get(k)) !== JSON.stringify(v),
      );
      expect(mismatches).toEqual([]);
    });

    it("changes nothing when the same data is filled a second time", async () => {
      const port = adapter.make(templateBytes(id));
      const desired = everyFieldChanged((await readData(port)).data);
      await fillThrough(port, desired);
      const once = await readData(port);
      const second = await fillThrough(port, desired);
      expect(second.result.written).toEqual([]);
      expect(second.result.failed).toEqual([]);
      const twice = await readData(port);
      expect(texts(twice.snapshot)).toEqual(texts(once.snapshot));
      // The second fill wrote nothing, so the last fill recorded is still the first.
      const last = must(await port.lastFill());
      expect(last?.label).toBe("contract");
    });

    // In Word, a fill that adds a block (a DDTT or CDE strategy, an SFSS challenge) takes away
    // the empty paragraph insertOoxml adds after it, so revert leaves the body as it was.
    it("reverts the fill to the original texts, and then has no fill to revert", async () => {
      const port = adapter.make(templateBytes(id));
      const original = await readData(port);
      expect(must(await port.lastFill())).toBeUndefined();
      await fillThrough(port, everyFieldChanged(original.data));
      const filled = must(await port.lastFill());
      expect(filled).toMatchObject({ label: "contract", at: now.toISOString(), notWritten: 0 });
      const reverted = must(await port.revert());
      expect(reverted.fill).toEqual({ label: "contract", at: now.toISOString() });
      expect(reverted.restored).toBeGreaterThan(0);
      expect(reverted.notRestored).toEqual([]);
      expect(reverted.remaining).toBe(0);
      const back = await readData(port);
      expect(texts(back.snapshot)).toEqual(texts(original.snapshot));
      expect(values(back.data)).toEqual(values(original.data));
      const again = await port.revert();
      expect(again.ok ? "reverted" : again.error.code).toBe("no_fill_to_revert");
    });

    it("never overwrites a cell typed into without consent, and overwrites it with consent", async () => {
      const port = adapter.make(templateBytes(id));
      const field = firstTextField((await readData(port)).data);
      // A person typed into the cell (written here as any earlier edit would be).
      await fillThrough(
        port,
        withValue((await readData(port)).data, field.id, "Typed by a person"),
      );
      const typed = await readData(port);
      const refused = await fillThrough(
        port,
        withValue(typed.data, field.id, "Wanted by the data"),
      );
      expect(refused.result.written).toEqual([]);
      expect(refused.result.skipped.map((s) => s.reason)).toContain("typed-text");
      const kept = await readData(port);
      expect(texts(kept.snapshot)).toEqual(texts(typed.snapshot));
      const agreed = await fillThrough(port, withValue(kept.data, field.id, "Wanted by the data"), [
        field.location,
      ]);
      expect(agreed.result.written.length).toBeGreaterThan(0);
      const replaced = await readData(port);
      expect(values(replaced.data).find(([k]) => k.endsWith(`.${field.id}`))?.[1]).toBe(
        "Wanted by the data",
      );
    });
  });
});

describe.each(writableAdapterCases.filter((a) => !a.name.includes("Word")))(
  "the $name, inserting a template",
  (adapter) => {
    it("puts a blank template into an empty document and refuses a document that holds text", async () => {
      const port = adapter.make(emptyDocument);
      const blank = templateBytes("ddtt-action-plan");
      expect(port.capabilities().insert).toBe(true);
      must(await port.insertTemplate(blank));
      const { data } = await readData(port);
      expect(data.plans.map((p) => p.template)).toEqual(["ddtt-action-plan"]);
      const again = await port.insertTemplate(blank);
      expect(again.ok ? "inserted" : again.error.code).toBe("document_not_empty");
    });
  },
);

describe.each(writableAdapterCases)("the $name, clearing the record of fills", (adapter) => {
  it("takes away every recorded fill and leaves the document's text as it is", async () => {
    const port = adapter.make(templateBytes("perkins-action-plan"));
    const original = await readData(port);
    expect(must(await port.clearFillHistory())).toEqual({ cleared: 0 });
    await fillThrough(port, everyFieldChanged(original.data));
    await fillThrough(port, original.data, allLocations(original.data));
    const filled = await readData(port);
    expect(must(await port.lastFill())?.label).toBe("contract");
    expect(must(await port.clearFillHistory())).toEqual({ cleared: 2 });
    expect(must(await port.lastFill())).toBeUndefined();
    const reverted = await port.revert();
    expect(reverted.ok ? "reverted" : reverted.error.code).toBe("no_fill_to_revert");
    expect(texts((await readData(port)).snapshot)).toEqual(texts(filled.snapshot));
  });
});

/** Every field's place, for a fill that may overwrite all of them. */
function allLocations(data: DocumentPlanData): FieldData["location"][] {
  return data.plans.flatMap((p) =>
    p.sections.flatMap((s) => [
      ...s.fields.map((f) => f.location),
      ...(s.rows ?? []).flatMap((r) => r.cells.map((c) => c.location)),
    ]),
  );
}
