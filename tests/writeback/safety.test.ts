import { fillDocx } from "../../src/adapters/docx/docx-writer";
import { fillBytes, filledDocx, revertBytes } from "../helpers/docx-use-cases";
import { openZip, writeZip } from "../../src/adapters/docx/zip";
import type { DocumentPlanData } from "../../src/domain/plan-data";
import { readDocument } from "../../src/domain/plan-reader";
import { templates } from "../../src/templates";
import { templateBytes } from "../helpers/fixtures";
import { handPlan } from "./hand-plans";
import { documentXml, must, now, snapshotOf } from "./helpers";

function read(bytes: Uint8Array): DocumentPlanData {
  return readDocument(snapshotOf(bytes), templates).data;
}

/** DDTT data with the district name and the first action step set. */
function ddttData(bytes: Uint8Array, name: string, step: string, extraRows = 0): DocumentPlanData {
  const data = read(bytes);
  return {
    ...data,
    plans: data.plans.map((p) => ({
      ...p,
      sections: p.sections.map((s) => {
        if (s.id === "plan-header")
          return {
            ...s,
            fields: s.fields.map((f) =>
              f.id === "district-school-name" ? { ...f, value: name } : f,
            ),
          };
        if (s.id !== "action-steps" || !s.rows) return s;
        const rows = s.rows.map((r, i) =>
          i === 0
            ? {
                ...r,
                cells: r.cells.map((c) => (c.id === "action-step" ? { ...c, value: step } : c)),
              }
            : r,
        );
        const last = rows[rows.length - 1]!;
        for (let k = 0; k < extraRows; k++)
          rows.push({
            index: rows.length,
            cells: last.cells.map(({ location: _l, ...c }) => ({ ...c, value: "" })),
          });
        return { ...s, rows };
      }),
    })),
  };
}

function field(data: DocumentPlanData, section: string, id: string, row?: number): unknown {
  const s = data.plans[0]!.sections.find((x) => x.id === section)!;
  return (row === undefined ? s.fields : s.rows![row]!.cells).find((f) => f.id === id)?.value;
}

/** The package with its document part's text changed by `edit` (as a person typing in Word would). */
function edited(bytes: Uint8Array, edit: (xml: string) => string): Uint8Array {
  const zip = openZip(bytes);
  return writeZip(zip, {
    replace: new Map([["word/document.xml", new TextEncoder().encode(edit(documentXml(bytes)))]]),
  });
}

describe("consent before replacing typed text", () => {
  const original = templateBytes("ddtt-action-plan");
  const first = filledDocx(original, ddttData(original, "Springfield", "Survey staff"), { now });

  it("keeps text a person typed and reports the skipped cells", async () => {
    const r = must(await fillBytes(first, ddttData(first, "Shelbyville", "Train staff"), { now }));
    expect(r.report.skipped.map((s) => [s.field, s.reason])).toEqual([
      ["plan-header.district-school-name", "typed-text"],
      ["action-steps[0].action-step", "typed-text"],
    ]);
    expect(field(read(r.report.bytes), "plan-header", "district-school-name")).toBe("Springfield");
    expect(documentXml(r.report.bytes)).toBe(documentXml(first));
  });

  it("replaces only the cells the person confirmed", async () => {
    const data = ddttData(first, "Shelbyville", "Train staff");
    const stepLocation = data.plans[0]!.sections.find((s) => s.id === "action-steps")!.rows![0]!
      .cells[0]!.location!;
    const r = must(await fillBytes(first, data, { now, overwrite: [stepLocation] }));
    const back = read(r.report.bytes);
    expect(field(back, "action-steps", "action-step", 0)).toBe("Train staff");
    expect(field(back, "plan-header", "district-school-name")).toBe("Springfield");
  });

  it("replaces every typed cell with overwrite all (--overwrite)", async () => {
    const r = must(
      await fillBytes(first, ddttData(first, "Shelbyville", "Train staff"), {
        now,
        overwrite: "all",
      }),
    );
    const back = read(r.report.bytes);
    expect([
      field(back, "plan-header", "district-school-name"),
      field(back, "action-steps", "action-step", 0),
    ]).toEqual(["Shelbyville", "Train staff"]);
  });
});

describe("the document changing between read and write", () => {
  it("stops with document_changed, names the cell, and writes nothing", () => {
    const original = templateBytes("perkins-action-plan");
    const plan = handPlan("perkins-action-plan", snapshotOf(original), (k) => `v ${k}`);
    // A co-author typed into Action 1 after the plan was made.
    const changed = edited(original, (xml) =>
      xml.replace(
        /(<w:t>Action 1:<\/w:t><\/w:r><\/w:p><w:p>)(<w:pPr>.*?<\/w:pPr>)(<\/w:p>)/,
        "$1$2<w:r><w:t>typed meanwhile</w:t></w:r>$3",
      ),
    );
    expect(documentXml(changed)).not.toBe(documentXml(original));
    const r = fillDocx(changed, plan, { label: "x", now });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("document_changed");
    expect(r.error.message).toContain("typed meanwhile");
    expect(r.error.message).toContain("table 1, row 4, cell 1");
  });
});

describe("rows added and removed again", () => {
  it("removes an added row that is still empty, giving back the original document part", async () => {
    const original = templateBytes("ddtt-action-plan");
    const withRows = must(await fillBytes(original, ddttData(original, "", "", 2), { now }));
    expect(withRows.planning.rowsAdded).toBe(2);
    expect(snapshotOf(withRows.report.bytes).tables[4]!.rows).toHaveLength(10);
    const data = ddttData(withRows.report.bytes, "", "");
    const steps = data.plans[0]!.sections.find((s) => s.id === "action-steps")!;
    const fewer = {
      ...data,
      plans: [
        {
          ...data.plans[0]!,
          sections: data.plans[0]!.sections.map((s) =>
            s === steps ? { ...s, rows: s.rows!.slice(0, 5) } : s,
          ),
        },
      ],
    };
    const removed = must(await fillBytes(withRows.report.bytes, fewer, { now }));
    expect(removed.planning.rowsRemoved).toBe(2);
    expect(documentXml(removed.report.bytes)).toBe(documentXml(original));
  });

  it("keeps a row that holds text and says so", async () => {
    const original = templateBytes("ddtt-action-plan");
    const data = ddttData(original, "", "Step one");
    const steps = data.plans[0]!.sections.find((s) => s.id === "action-steps")!;
    const fewer = {
      ...data,
      plans: [
        {
          ...data.plans[0]!,
          sections: data.plans[0]!.sections.map((s) => (s === steps ? { ...s, rows: [] } : s)),
        },
      ],
    };
    const filled = filledDocx(original, data, { now });
    const r = must(await fillBytes(filled, fewer, { now }));
    expect(r.planning.rowsRemoved).toBe(4);
    expect(r.report.skipped.map((s) => s.field)).toEqual(["action-steps[0]"]);
  });
});

describe("reverting", () => {
  const original = templateBytes("ddtt-action-plan");
  const one = filledDocx(original, ddttData(original, "Springfield", "Survey staff", 1), { now });
  const two = filledDocx(one, ddttData(one, "Springfield", "Survey staff"), {
    now,
    overwrite: "all",
  });
  const twoChanged = filledDocx(one, ddttData(one, "Shelbyville", "Train staff", 2), {
    now,
    overwrite: "all",
  });

  it("undoes fills one at a time, last first, back to the original", async () => {
    expect(two).toBe(one); // nothing to change: the same bytes
    const back1 = must(await revertBytes(twoChanged));
    expect(back1.remaining).toBe(1);
    expect(documentXml(back1.bytes)).toBe(documentXml(one));
    const back0 = must(await revertBytes(back1.bytes));
    expect(documentXml(back0.bytes)).toBe(documentXml(original));
  });

  it("refuses when a cell the fill wrote was changed afterwards, unless forced", async () => {
    const touched = edited(one, (xml) => xml.replace("Survey staff", "Survey all staff"));
    const r = await revertBytes(touched);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("document_changed");
    const forced = must(await revertBytes(touched, { force: true }));
    expect(documentXml(forced.bytes)).toBe(documentXml(original));
  });

  it("says there is nothing to revert in a document never filled", async () => {
    const r = await revertBytes(original);
    expect(r.ok ? "ok" : r.error.code).toBe("no_fill_to_revert");
  });
});
