import { documentPlanDataSchema } from "../../src/domain/plan-data";
import { templates } from "../../src/templates";
import { templateIds } from "../helpers/fixtures";
import { allFields, cell, field, readReplica, section } from "./read-helpers";

describe("reading the blank replica templates", () => {
  it.each(templateIds)("recognises %s as itself with every section found", (id) => {
    const r = readReplica(id);
    expect(r.recognition.recognised?.template).toBe(id);
    expect(r.recognition.recognised?.confidence).toBe(1);
    expect(r.recognition.recognised?.missing).toEqual([]);
    const definition = templates.find((t) => t.id === id);
    const found = new Set(r.data.plans.flatMap((plan) => plan.sections.map((s) => s.id)));
    for (const s of definition?.sections ?? []) expect(found).toContain(s.id);
  });

  it.each(templateIds)("ranks %s far above every other template", (id) => {
    const r = readReplica(id);
    const others = r.recognition.candidates.filter((c) => c.template !== id);
    for (const o of others) expect(o.confidence).toBeLessThan(0.5);
  });

  it.each(templateIds)("reads %s as valid plan data", (id) => {
    const r = readReplica(id);
    expect(documentPlanDataSchema.safeParse(r.data).success).toBe(true);
  });

  it.each(templateIds)(
    "never takes a label, prompt or placeholder of blank %s for an answer",
    (id) => {
      const r = readReplica(id);
      const filled = r.data.plans.flatMap((p) =>
        allFields(p)
          .filter(({ field: f }) => (Array.isArray(f.value) ? f.value.length > 0 : f.value !== ""))
          .map(({ section: s, field: f }) => `${s.id}/${f.id}=${JSON.stringify(f.value)}`),
      );
      expect(filled).toEqual([]);
    },
  );

  it.each(templateIds)("gives every field of %s a location inside the document", (id) => {
    const r = readReplica(id);
    for (const plan of r.data.plans) {
      for (const { field: f } of allFields(plan)) {
        const l = f.location;
        expect(l).toBeDefined();
        if (!l) continue;
        if (l.kind === "paragraph") {
          const p = r.snapshot.paragraphs[l.paragraph];
          expect(p).toBeDefined();
          expect(l.end ?? 0).toBeLessThanOrEqual(p?.text.length ?? -1);
        } else {
          const c = r.snapshot.tables[l.table]?.rows[l.row]?.cells[l.cell];
          expect(c).toBeDefined();
          if (l.paragraph !== undefined) {
            expect(l.paragraph + (l.paragraphCount ?? 1)).toBeLessThanOrEqual(
              c?.paragraphs.length ?? 0,
            );
          }
        }
      }
    }
  });
});

describe("where the DDTT action plan's values live", () => {
  const r = readReplica("ddtt-action-plan");
  const plan = r.data.plans[0];

  it("finds District/School Name and Today's Date as blanks of one paragraph outside tables", () => {
    const header = section(plan, "plan-header");
    const name = field(header, "district-school-name").location;
    const date = field(header, "todays-date").location;
    const p = r.snapshot.paragraphs.find((x) => x.text.startsWith("District/School Name:"));
    expect(name).toMatchObject({ kind: "paragraph", paragraph: p?.index });
    expect(date).toMatchObject({ kind: "paragraph", paragraph: p?.index });
    if (name?.kind !== "paragraph" || date?.kind !== "paragraph") throw new Error("not paragraphs");
    expect(p?.text.slice(name.start, name.end)).toMatch(/^_+$/);
    expect(p?.text.slice(date.start, date.end)).toMatch(/^_+$/);
    expect(p?.text.slice(0, name.start)).toBe("District/School Name: ");
  });

  it("reads the plan table with the guiding questions, not the illustration before it", () => {
    const steps = section(plan, "action-steps");
    expect(steps.rows).toHaveLength(5);
    expect(cell(steps, 0, "action-step").location).toEqual({
      kind: "cell",
      table: 4,
      row: 3,
      cell: 0,
    });
    expect(cell(steps, 4, "deadline").location).toEqual({
      kind: "cell",
      table: 4,
      row: 7,
      cell: 4,
    });
    expect(steps.rowLimits).toEqual({ min: 1, max: 40 });
    expect(r.recognition.recognised?.notes.join(" ")).toMatch(/illustration/);
  });

  it("puts the strategy below its label in the same cell", () => {
    expect(field(section(plan, "strategy"), "strategy").location).toEqual({
      kind: "cell",
      table: 4,
      row: 0,
      cell: 0,
      paragraph: 1,
      paragraphCount: 2,
    });
  });
});

describe("where the Perkins action plans' values live", () => {
  const r = readReplica("perkins-action-plan");

  it("reads two plans, each with its own District/Consortium line and table", () => {
    expect(r.data.plans.map((p) => [p.instance, p.label])).toEqual([
      [0, "Action Plan: Program Improvement"],
      [1, "Action Plan: Recruitment, Retention, & Training"],
    ]);
    r.data.plans.forEach((plan, i) => {
      expect(field(section(plan, "plan-header"), "district-consortium").location).toMatchObject({
        kind: "paragraph",
        paragraph: i,
      });
      expect(cell(section(plan, "actions"), 0, "timeline").location).toEqual({
        kind: "cell",
        table: i,
        row: 3,
        cell: 1,
      });
    });
  });

  it("reads the signature lines that close the file with the last plan, never as answers", () => {
    const [first, last] = r.data.plans;
    expect(first?.sections.some((s) => s.id.endsWith("signature"))).toBe(false);
    const superintendent = section(last, "superintendent-signature");
    const p2 = r.snapshot.paragraphs[2]?.text ?? "";
    for (const id of ["signature", "date"]) {
      const f = field(superintendent, id);
      expect(f.value).toBe("");
      if (f.location?.kind !== "paragraph") throw new Error("not a paragraph");
      expect(p2.slice(f.location.start, f.location.end)).toMatch(/^_+$/);
    }
    expect(field(section(last, "perkins-director-signature"), "signature").location).toMatchObject({
      paragraph: 3,
    });
  });

  it("puts Action 1 and Resources Required in one cell, each below its label", () => {
    const actions = section(r.data.plans[0], "actions");
    expect(actions.rows?.map((x) => x.label)).toEqual(["Action 1", "Action 2", "Action 3"]);
    expect(cell(actions, 0, "action").location).toEqual({
      kind: "cell",
      table: 0,
      row: 3,
      cell: 0,
      paragraph: 1,
      paragraphCount: 5,
    });
    expect(cell(actions, 0, "resources-required").location).toEqual({
      kind: "cell",
      table: 0,
      row: 3,
      cell: 0,
      paragraph: 7,
      paragraphCount: 1,
    });
  });

  it("keeps the theory of action's prompts out of its value slot", () => {
    const theory = section(r.data.plans[0], "theory-of-action");
    expect(field(theory, "theory-of-action").location).toMatchObject({
      paragraph: 3,
      paragraphCount: 1,
    });
    expect(field(theory, "implementation-challenges").location).toMatchObject({
      paragraph: 5,
      paragraphCount: 2,
    });
    // Milestone 1 has no paragraph of its own: its value follows the label.
    const m1 = field(theory, "milestone-1").location;
    const labelText = r.snapshot.tables[0]?.rows[1]?.cells[0]?.paragraphs[0]?.text ?? "";
    expect(m1).toMatchObject({
      kind: "cell",
      table: 0,
      row: 1,
      cell: 0,
      paragraph: 0,
      paragraphCount: 1,
    });
    if (m1?.kind !== "cell") throw new Error("not a cell");
    expect(labelText.slice(0, m1.start).trim()).toBe("Milestone 1 (what to accomplish this year):");
  });
});

describe("where the CLNA's values live", () => {
  const r = readReplica("clna");
  const plan = r.data.plans[0];

  it("reads each rubric criterion's four circles as the options Exemplar to Challenge", () => {
    const ratings = section(plan, "component-1-ratings");
    const c11 = field(ratings, "criterion-1-1");
    expect(c11.options).toEqual(["Exemplar", "Established", "Developing", "Challenge"]);
    expect(c11.optionLocations).toEqual(
      [2, 3, 4, 5].map((c) => ({ kind: "cell", table: 3, row: 0, cell: c })),
    );
    for (const l of c11.optionLocations ?? []) {
      if (l.kind !== "cell") continue;
      const glyph =
        r.snapshot.tables[l.table]?.rows[l.row]?.cells[l.cell]?.paragraphs[0]?.glyphs[0];
      expect(glyph?.kind).toBe("radio-empty");
    }
    expect(section(plan, "component-6-ratings").fields.map((f) => f.id)).toEqual([
      "criterion-6-1",
      "criterion-6-2",
      "criterion-6-3",
      "criterion-6-4",
    ]);
  });

  it("reads compliance items as rows and leaves the group headings 7.1-7.4 out", () => {
    const compliance = section(plan, "compliance");
    expect(compliance.fields).toHaveLength(16);
    const rows = compliance.fields.map((f) => (f.location?.kind === "cell" ? f.location.row : -1));
    expect(rows).not.toContain(1);
    expect(rows).not.toContain(6);
    expect(rows).not.toContain(10);
    expect(rows).not.toContain(15);
    expect(field(compliance, "item-7-4-5").optionLocations).toEqual(
      [1, 2, 3].map((c) => ({ kind: "cell", table: 34, row: 20, cell: c })),
    );
  });

  it("finds each component's Identify and Review tables under its own heading", () => {
    const identify = [1, 2, 3, 4, 5, 6].map((n) => {
      const l = field(section(plan, `component-${n}-identify`), "highlights").location;
      return l?.kind === "cell" ? l.table : -1;
    });
    expect(identify).toEqual([0, 6, 12, 17, 22, 27]);
    expect(field(section(plan, "component-1-review"), "staff-ratio-all-students")).toMatchObject({
      type: "ratio",
      location: { kind: "cell", table: 1, row: 7, cell: 1 },
    });
  });

  it("finds Plan Start Date's value in the cell beside its label", () => {
    expect(field(section(plan, "action-plan-goals"), "plan-start-date").location).toEqual({
      kind: "cell",
      table: 35,
      row: 0,
      cell: 1,
    });
    expect(field(section(plan, "action-plan-goals"), "metric-target").location).toEqual({
      kind: "cell",
      table: 35,
      row: 5,
      cell: 3,
    });
  });

  it("tells the four three-month next-step tables apart by the line before each", () => {
    const tables = ["school", "district", "dese", "partner"].map((w) => {
      const l = cell(section(plan, `${w}-next-steps`), 0, "what").location;
      return l?.kind === "cell" ? l.table : -1;
    });
    expect(tables).toEqual([36, 37, 38, 39]);
  });
});

describe("where the SFSS plan's values live", () => {
  const r = readReplica("sfss-action-plan");
  const plan = r.data.plans[0];

  it("reads Challenge/Problem #1 and #2 as numbered blocks of three tables", () => {
    const blocks = plan?.sections
      .filter((s) => s.block !== undefined)
      .map((s) => `${s.id}#${s.block}`);
    expect(blocks).toEqual([
      "challenge#1",
      "root-causes#1",
      "strategies#1",
      "challenge#2",
      "root-causes#2",
      "strategies#2",
    ]);
    expect(field(section(plan, "challenge", 2), "target-outcomes").location).toEqual({
      kind: "cell",
      table: 4,
      row: 6,
      cell: 0,
    });
    expect(field(section(plan, "root-causes", 1), "root-cause-d").location).toEqual({
      kind: "cell",
      table: 2,
      row: 4,
      cell: 1,
    });
  });

  it("keeps the district placeholder, the row numbers and the $ out of values", () => {
    const district = field(section(plan, "district"), "district-name");
    const p =
      r.snapshot.paragraphs[
        district.location?.kind === "paragraph" ? district.location.paragraph : -1
      ];
    if (district.location?.kind !== "paragraph") throw new Error("not a paragraph");
    expect(p?.text.slice(district.location.start, district.location.end)).toBe(
      "<Insert district name>",
    );
    expect(cell(section(plan, "strategies", 1), 0, "strategy").location).toMatchObject({
      paragraph: 0,
      start: 3,
    });
    expect(cell(section(plan, "resources"), 0, "anticipated-costs").location).toMatchObject({
      table: 10,
      row: 1,
      cell: 1,
      paragraph: 0,
      start: 1,
    });
  });

  it("gives each priority of a strategy its own paragraph as option location", () => {
    const priorities = cell(section(plan, "strategies", 1), 0, "priorities");
    expect(priorities.type).toBe("multiple-choice");
    expect(priorities.options).toHaveLength(5);
    expect(priorities.optionLocations?.map((l) => (l.kind === "cell" ? l.paragraph : -1))).toEqual([
      0, 1, 2, 3, 4,
    ]);
  });
});

describe("where the CDE plan for improvement's values live", () => {
  const r = readReplica("cde-plan-for-improvement");
  const plan = r.data.plans[0];

  it("pairs each header label with the cell beside it", () => {
    const header = section(plan, "plan-header");
    expect(field(header, "selpa").location).toEqual({ kind: "cell", table: 0, row: 0, cell: 3 });
    expect(field(header, "date-submitted").location).toEqual({
      kind: "cell",
      table: 0,
      row: 2,
      cell: 3,
    });
  });

  it("reads each High-Leverage Strategy table as a block with its activities", () => {
    expect(section(plan, "strategy", 2).block).toBe(2);
    const activities = section(plan, "activities", 2);
    expect(activities.rows).toHaveLength(3);
    expect(cell(activities, 2, "monitoring-dates").location).toEqual({
      kind: "cell",
      table: 3,
      row: 5,
      cell: 5,
    });
  });
});
