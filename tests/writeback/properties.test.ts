import fc from "fast-check";
import { fillBytes } from "../helpers/docx-use-cases";
import type { DocumentPlanData, FieldData } from "../../src/domain/plan-data";
import { readDocument } from "../../src/domain/plan-reader";
import { templates } from "../../src/templates";
import { templateBytes, type TemplateId } from "../helpers/fixtures";
import { must, now, snapshotOf } from "./helpers";

function read(bytes: Uint8Array): DocumentPlanData {
  return readDocument(snapshotOf(bytes), templates).data;
}

/** Words of XML specials, quotes, accents, other scripts and astral characters. */
const word = fc
  .array(
    fc.constantFrom(
      "a",
      "Z",
      "7",
      "&",
      "<",
      ">",
      '"',
      "'",
      "é",
      "ß",
      "中",
      "ع",
      "😀",
      "–",
      "%",
      "$",
      ".",
      ":",
      "#",
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((cs) => cs.join(""));
const line = fc.array(word, { minLength: 1, maxLength: 5 }).map((ws) => ws.join(" "));
/** Values the reader gives back as they are: no "<...>" placeholder look, no "__" blanks. */
const value = (multiline: boolean) =>
  fc
    .array(line, { minLength: 1, maxLength: multiline ? 3 : 1 })
    .map((ls) => ls.join("\n"))
    .filter(
      (v) =>
        !/<[^<>\n]{1,60}>/.test(v) &&
        !/_{2,}/.test(v) &&
        !/^[\d.]+\.?\s/.test(v) &&
        !/^[xX✓✔☒☑●■]$/.test(v.trim()),
    );

type Choice = { pick: number; many: boolean[] };

function withValues(data: DocumentPlanData, texts: string[], choices: Choice[]): DocumentPlanData {
  let t = 0;
  let c = 0;
  const set = (f: FieldData): FieldData => {
    if (f.type === "single-choice" || f.type === "multiple-choice") {
      const ch = choices[c++ % choices.length] as Choice;
      const options = f.options ?? [];
      if (f.type === "single-choice")
        return { ...f, value: ch.pick < options.length ? [options[ch.pick] as string] : [] };
      return { ...f, value: options.filter((_, i) => ch.many[i % ch.many.length]) };
    }
    const v = texts[t++ % texts.length] as string;
    return { ...f, value: f.type === "long-text" ? v : v.replace(/\n/g, " ") };
  };
  return {
    ...data,
    plans: data.plans.map((p) => ({
      ...p,
      sections: p.sections.map((s) => ({
        ...s,
        fields: s.fields.map(set),
        ...(s.rows ? { rows: s.rows.map((r) => ({ ...r, cells: r.cells.map(set) })) } : {}),
      })),
    })),
  };
}

function values(data: DocumentPlanData): [string, unknown][] {
  const out: [string, unknown][] = [];
  data.plans.forEach((p) =>
    p.sections.forEach((s) => {
      const norm = (f: FieldData) => (typeof f.value === "string" ? f.value.trim() : f.value);
      if (s.id.endsWith("-signature")) return; // signed by hand, never filled
      s.fields.forEach((f) =>
        out.push([`${p.instance}/${s.id}#${s.block ?? ""}.${f.id}`, norm(f)]),
      );
      (s.rows ?? []).forEach((r) =>
        r.cells.forEach((f) =>
          out.push([`${p.instance}/${s.id}#${s.block ?? ""}[${r.index}].${f.id}`, norm(f)]),
        ),
      );
    }),
  );
  return out;
}

const cases: TemplateId[] = ["ddtt-action-plan", "sfss-action-plan", "perkins-action-plan"];

describe.each(cases)("random plan data in the %s replica", (id) => {
  const original = templateBytes(id);
  const base = read(original);
  const arb = fc.record({
    texts: fc.array(value(true), { minLength: 1, maxLength: 12 }),
    choices: fc.array(
      fc.record({ pick: fc.nat(5), many: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }) }),
      { minLength: 1, maxLength: 4 },
    ),
  });

  it("reads back exactly what was filled, and a second fill changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(arb, async ({ texts, choices }) => {
        const desired = withValues(base, texts, choices);
        const first = must(await fillBytes(original, desired, { now }));
        expect(first.report.failed).toEqual([]);
        expect(values(read(first.report.bytes))).toEqual(values(desired));
        const second = must(await fillBytes(first.report.bytes, desired, { now }));
        expect(second.planning.plan.content).toEqual([]);
        expect(second.report.bytes).toBe(first.report.bytes);
      }),
      { seed: 20260115, numRuns: id === "perkins-action-plan" ? 4 : 10 },
    );
  });
});
