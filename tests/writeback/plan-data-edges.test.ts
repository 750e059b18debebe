/**
 * Plan data as people edit it by hand, and templates as districts cut them: a fill either does
 * what the data asks or says why not, with a code and a sentence, and never ends in an exception.
 */
import { fillBytes } from "../helpers/docx-use-cases";
import type { DocumentPlanData, RowData } from "../../src/domain/plan-data";
import { readDocument } from "../../src/domain/plan-reader";
import { templates } from "../../src/templates";
import { templateBytes } from "../helpers/fixtures";
import { joinedDocx } from "../helpers/join-tables";
import { editDocument } from "../helpers/make-docx";
import { now, snapshotOf } from "./helpers";

const read = (bytes: Uint8Array): DocumentPlanData =>
  readDocument(snapshotOf(bytes), templates).data;

const stepsOf = (data: DocumentPlanData) => {
  const s = data.plans[0]?.sections.find((x) => x.id === "action-steps");
  if (!s?.rows) throw new Error("no action steps");
  return s as typeof s & { rows: RowData[] };
};

describe.each([
  ["split", templateBytes("ddtt-action-plan")],
  ["joined", joinedDocx(templateBytes("ddtt-action-plan"))],
])("a DDTT row copied in the plan data (%s form)", (_form, original) => {
  it("is added as a new row when the copy's locations were removed, as docs/plan-data.md says", async () => {
    const data = read(original);
    const steps = stepsOf(data);
    const last = steps.rows[steps.rows.length - 1]!;
    const copy: RowData = {
      ...last,
      cells: last.cells.map(({ location: _l, ...c }) => ({ ...c, value: `copy ${c.id}` })),
    };
    steps.rows.push(copy);
    last.cells.forEach((c) => (c.value = `last ${c.id}`));
    const r = await fillBytes(original, data, { now });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.planning.rowsAdded).toBe(1);
    const back = stepsOf(read(r.value.report.bytes));
    expect(back.rows).toHaveLength(steps.rows.length);
    expect(back.rows[back.rows.length - 2]?.cells[0]?.value).toBe("last action-step");
    expect(back.rows[back.rows.length - 1]?.cells[0]?.value).toBe("copy action-step");
  });

  it("is refused, naming both rows, when both still say where they are", async () => {
    const data = read(original);
    const steps = stepsOf(data);
    steps.rows.push(JSON.parse(JSON.stringify(steps.rows[1])) as RowData);
    const r = await fillBytes(original, data, { now });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("plan_data_invalid");
    expect(r.error.message).toContain(`Rows 2 and ${steps.rows.length} of "Action steps"`);
    expect(r.error.message).toContain("row");
  });
});

describe("a Perkins action whose \u201cResources Required:\u201d label a district deleted", () => {
  const original = editDocument(templateBytes("perkins-action-plan"), (xml) =>
    xml.split("Resources Required:").join(""),
  );

  it("is read with no place for the resources, and its action still has one", () => {
    const actions = read(original).plans[0]?.sections.find((s) => s.id === "actions");
    const cells = actions?.rows?.[0]?.cells ?? [];
    expect(cells.find((c) => c.id === "resources-required")?.location).toBeUndefined();
    expect(cells.find((c) => c.id === "action")?.location).toBeDefined();
  });

  it("is filled: every value with a place is written, the resources are skipped with a reason", async () => {
    const data = read(original);
    for (const s of data.plans[0]?.sections ?? []) {
      for (const row of s.rows ?? [])
        for (const c of row.cells) if (typeof c.value === "string") c.value = `v ${c.id}`;
    }
    const r = await fillBytes(original, data, { now });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.report.failed).toEqual([]);
    expect(r.value.report.skipped.some((s) => s.field.includes("resources-required"))).toBe(true);
    const back = read(r.value.report.bytes).plans[0]?.sections.find((s) => s.id === "actions");
    expect(back?.rows?.[0]?.cells.find((c) => c.id === "action")?.value).toBe("v action");
    expect(back?.rows?.[0]?.cells.find((c) => c.id === "timeline")?.value).toBe("v timeline");
  });
});
