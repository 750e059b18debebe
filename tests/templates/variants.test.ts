import { readFileSync } from "fs";
import path from "path";
import { documentPlanDataSchema } from "../../src/domain/plan-data";
import {
  nonTemplates,
  splitLabelTexts,
  splitLabelVariants,
  variantValues,
  variants,
} from "../fixtures/make-variants";
import { escape, readParts } from "../helpers/make-docx";
import { fixturesDir, templateBytes, templateFiles, type TemplateId } from "../helpers/fixtures";
import { allFields, cell, field, readVariant, section, textAt } from "./read-helpers";

const v = variantValues;

describe("the committed variant files", () => {
  it.each(variants.map((x) => [x.name, x] as const))(
    "%s is what the generator makes from the replica",
    (name, variant) => {
      const committed = new Uint8Array(readFileSync(path.join(fixturesDir, "variants", name)));
      const made = variant.make(templateBytes(variant.template as TemplateId));
      expect(Buffer.from(made).equals(Buffer.from(committed))).toBe(true);
    },
  );

  it("covers every template", () => {
    expect(new Set(variants.map((x) => x.template))).toEqual(new Set(Object.keys(templateFiles)));
  });
});

describe("reading filled variants", () => {
  it.each(variants.map((x) => [x.name, x.template] as const))(
    "recognises %s as %s and reads valid plan data",
    (name, template) => {
      const r = readVariant(name);
      expect(r.recognition.recognised?.template).toBe(template);
      expect(r.recognition.recognised?.confidence).toBeGreaterThanOrEqual(0.9);
      expect(documentPlanDataSchema.safeParse(r.data).success).toBe(true);
    },
  );

  it.each(variants.map((x) => [x.name] as const))(
    "finds every text value of %s again at its location",
    (name) => {
      const r = readVariant(name);
      let checked = 0;
      for (const plan of r.data.plans) {
        for (const { field: f } of allFields(plan)) {
          if (Array.isArray(f.value) || f.location === undefined) continue;
          // Fields whose slot sits below prompts may also hold text typed after a prompt.
          if (f.id === "theory-of-action") continue;
          expect(`${f.id}: ${textAt(r.snapshot, f)}`).toBe(`${f.id}: ${f.value}`);
          if (f.value !== "") checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
    },
  );
});

describe("labels split across runs", () => {
  const filled: Record<string, string> = {
    "ddtt-action-plan": "ddtt-filled.docx",
    "perkins-action-plan": "perkins-filled.docx",
    clna: "clna-filled.docx",
    "sfss-action-plan": "sfss-filled.docx",
    "cde-plan-for-improvement": "cde-filled.docx",
  };

  it.each(splitLabelVariants.map((x) => [x.name, x.template] as const))(
    "%s reads exactly as the same plan with whole labels",
    (name, template) => {
      const split = readVariant(name);
      const labels = splitLabelTexts[template] ?? [];
      // The labels really are split: whole in the filled file's XML, nowhere whole in this one.
      const xmlOf = (file: string) =>
        readParts(new Uint8Array(readFileSync(path.join(fixturesDir, "variants", file)))).get(
          "word/document.xml",
        ) ?? "";
      const whole = xmlOf(filled[template] ?? "");
      const splitXml = xmlOf(name);
      expect(labels.length).toBeGreaterThan(3);
      for (const label of labels) {
        expect(whole).toContain(escape(label));
        expect(splitXml).not.toContain(escape(label));
      }
      expect(split.recognition.recognised?.confidence).toBe(1);
      expect(split.data).toEqual(readVariant(filled[template] ?? "").data);
    },
  );
});

describe("the DDTT action plan, filled", () => {
  it.each(["ddtt-filled.docx", "ddtt-filled-split-runs.docx"])(
    "reads the header, strategy and action steps of %s",
    (name) => {
      const plan = readVariant(name).data.plans[0];
      const header = section(plan, "plan-header");
      expect(field(header, "district-school-name").value).toBe(v.ddtt.district);
      expect(field(header, "todays-date").value).toBe(v.ddtt.date);
      expect(field(section(plan, "strategy"), "strategy").value).toBe(v.ddtt.strategy);
      const steps = section(plan, "action-steps");
      v.ddtt.rows.forEach((row, i) => {
        const ids = ["action-step", "resources", "measures", "owner", "deadline"];
        ids.forEach((id, c) => {
          expect(cell(steps, i, id).value).toBe(row[c]);
          expect(cell(steps, i, id).location).toEqual({
            kind: "cell",
            table: 4,
            row: 3 + i,
            cell: c,
          });
        });
      });
      expect(cell(steps, 3, "owner").value).toBe("");
    },
  );

  it("still skips the illustration when the guiding questions were deleted", () => {
    const r = readVariant("ddtt-no-guidance-row.docx");
    const plan = r.data.plans[0];
    expect(plan?.sections.filter((s) => s.id === "action-steps")).toHaveLength(1);
    const steps = section(plan, "action-steps");
    expect(steps.rows).toHaveLength(5);
    expect(cell(steps, 0, "action-step")).toMatchObject({
      value: v.ddtt.rows[0]?.[0],
      location: { kind: "cell", table: 4, row: 2, cell: 0 },
    });
    expect(r.recognition.recognised?.notes.join(" ")).toMatch(/illustration/);
  });

  it("reads a strategy typed after its label, where it was typed", () => {
    const r = readVariant("ddtt-strategy-inline.docx");
    const strategy = field(section(r.data.plans[0], "strategy"), "strategy");
    expect(strategy.value).toBe(v.ddtt.strategy);
    expect(strategy.location).toEqual({
      kind: "cell",
      table: 4,
      row: 0,
      cell: 0,
      paragraph: 0,
      paragraphCount: 1,
      start: "Strategy: ".length,
    });
  });

  it("reads a renamed column by its alias and ignores an added column", () => {
    const r = readVariant("ddtt-renamed-added-column.docx");
    const steps = section(r.data.plans[0], "action-steps");
    expect(r.snapshot.tables[4]?.rows[1]?.cells.map((c) => c.text)).toEqual([
      "Action Steps",
      "Resources",
      "Measures of Implementation (Outputs)",
      "Person Responsible",
      "Due Date",
      "Notes",
    ]);
    expect(cell(steps, 0, "owner").value).toBe(v.ddtt.rows[0]?.[3]);
    expect(cell(steps, 0, "deadline").value).toBe(v.ddtt.rows[0]?.[4]);
    expect(steps.rows?.[0]?.cells.map((c) => c.id)).toEqual([
      "action-step",
      "resources",
      "measures",
      "owner",
      "deadline",
    ]);
  });

  it("reads every data row when rows were added or deleted", () => {
    expect(
      section(readVariant("ddtt-extra-rows.docx").data.plans[0], "action-steps").rows,
    ).toHaveLength(8);
    const fewer = section(readVariant("ddtt-fewer-rows.docx").data.plans[0], "action-steps");
    expect(fewer.rows).toHaveLength(3);
    expect(cell(fewer, 2, "owner").value).toBe(v.ddtt.rows[2]?.[3]);
  });

  it("reads the plan when the instructions and the illustration were deleted", () => {
    const r = readVariant("ddtt-no-instructions.docx");
    const plan = r.data.plans[0];
    expect(field(section(plan, "plan-header"), "district-school-name").location).toMatchObject({
      kind: "paragraph",
      paragraph: 0,
    });
    expect(cell(section(plan, "action-steps"), 0, "action-step")).toMatchObject({
      value: v.ddtt.rows[0]?.[0],
      location: { kind: "cell", table: 0, row: 3, cell: 0 },
    });
    expect(r.recognition.recognised?.notes).toEqual([]);
  });

  it("reads a copied plan table as a second strategy block", () => {
    const plan = readVariant("ddtt-second-strategy.docx").data.plans[0];
    expect(plan?.sections.map((s) => `${s.id}${s.block ? `#${s.block}` : ""}`)).toEqual([
      "plan-header",
      "strategy#1",
      "action-steps#1",
      "strategy#2",
      "action-steps#2",
    ]);
    expect(cell(section(plan, "action-steps", 2), 0, "action-step").location).toEqual({
      kind: "cell",
      table: 5,
      row: 3,
      cell: 0,
    });
  });

  it("reads the plan pasted into a longer document, locations shifted by what came before", () => {
    const r = readVariant("ddtt-pasted.docx");
    const plan = r.data.plans[0];
    expect(field(section(plan, "plan-header"), "district-school-name").value).toBe(v.ddtt.district);
    expect(cell(section(plan, "action-steps"), 0, "owner").location).toEqual({
      kind: "cell",
      table: 5,
      row: 3,
      cell: 3,
    });
  });
});

describe("the Perkins action plans, filled", () => {
  it.each(["perkins-filled.docx", "perkins-filled-split-runs.docx"])(
    "reads both plans of %s with values under their labels",
    (name) => {
      const [a, b] = readVariant(name).data.plans;
      const [va, vb] = v.perkins;
      expect(field(section(a, "plan-header"), "district-consortium").value).toBe(va.district);
      expect(field(section(a, "plan-header"), "date").value).toBe(va.date);
      expect(field(section(b, "plan-header"), "date").value).toBe(vb.date);
      const theory = section(a, "theory-of-action");
      expect(field(theory, "theory-of-action").value).toBe(`${va.focus}\n${va.outcome}`);
      expect(field(theory, "implementation-challenges").value).toBe(va.challenges);
      expect(field(theory, "milestone-1").value).toBe(va.milestone1);
      expect(field(theory, "milestone-2").value).toBe(va.milestone2);
      const actions = section(a, "actions");
      expect(cell(actions, 0, "action").value).toBe(va.action);
      expect(cell(actions, 0, "resources-required").value).toBe(va.resources);
      expect(cell(actions, 0, "timeline").value).toBe(va.timeline);
      expect(cell(actions, 0, "participation").value).toBe(va.participation);
      expect(cell(actions, 1, "action").value).toBe("");
      expect(field(section(a, "progress"), "evidence-of-progress").value).toBe(va.evidence);
      const second = section(b, "actions");
      expect(cell(second, 0, "action")).toMatchObject({
        value: vb.action,
        location: { kind: "cell", table: 1, row: 3, cell: 0, paragraph: 1, paragraphCount: 5 },
      });
      expect(cell(second, 0, "resources-required").value).toBe(vb.resources);
    },
  );

  it("reads an added Action 4 row and keeps the rows after it in place", () => {
    const plan = readVariant("perkins-extra-action.docx").data.plans[0];
    const actions = section(plan, "actions");
    expect(actions.rows?.map((r) => r.label)).toEqual([
      "Action 1",
      "Action 2",
      "Action 3",
      "Action 4",
    ]);
    expect(field(section(plan, "progress"), "evidence-of-progress").location).toMatchObject({
      row: 7,
    });
  });
});

describe("the CLNA, filled", () => {
  it.each(["clna-filled.docx", "clna-filled-sym.docx"])(
    "reads ratings, compliance marks and answers of %s",
    (name) => {
      const plan = readVariant(name).data.plans[0];
      const ratings = [1, 2].flatMap((n) => section(plan, `component-${n}-ratings`).fields);
      for (const [id, value] of Object.entries(v.clna.ratings)) {
        expect(ratings.find((f) => f.id === id)?.value).toEqual(value);
      }
      expect(ratings.find((f) => f.id === "criterion-2-2")?.value).toEqual([]);
      const compliance = section(plan, "compliance");
      for (const [id, value] of Object.entries(v.clna.compliance)) {
        expect(field(compliance, id).value).toEqual(value);
      }
      expect(field(compliance, "item-7-4-5").value).toEqual([]);
      expect(field(section(plan, "component-1-identify"), "highlights").value).toBe(
        v.clna.highlights,
      );
      const review = section(plan, "component-1-review");
      expect(field(review, "enrollment-all-students").value).toBe(v.clna.enrollment);
      expect(field(review, "staff-ratio-all-students").value).toBe(v.clna.ratio);
      const goals = section(plan, "action-plan-goals");
      expect(field(goals, "plan-start-date").value).toBe(v.clna.planStart);
      expect(field(goals, "quality-component").value).toBe(v.clna.qualityComponent);
      const school = section(plan, "school-next-steps");
      expect(["what", "who", "by-when"].map((id) => cell(school, 0, id).value)).toEqual([
        ...v.clna.nextStep,
      ]);
    },
  );

  it("reads a criterion with two circles filled as both ratings (for the checks to flag)", () => {
    const ratings = section(
      readVariant("clna-two-marks.docx").data.plans[0],
      "component-1-ratings",
    );
    expect(field(ratings, "criterion-1-1").value).toEqual(["Exemplar", "Established"]);
    expect(field(ratings, "criterion-1-3").value).toEqual(["Challenge"]);
  });

  it("tells the components' look-alike tables apart by order when their headings were deleted", () => {
    const r = readVariant("clna-headings-deleted.docx");
    expect(r.snapshot.paragraphs.some((p) => p.text.startsWith("3: "))).toBe(false);
    const plan = r.data.plans[0];
    const identify = [1, 2, 3, 4, 5, 6].map((n) => {
      const l = field(section(plan, `component-${n}-identify`), "highlights").location;
      return l?.kind === "cell" ? l.table : -1;
    });
    expect(identify).toEqual([0, 6, 12, 17, 22, 27]);
    expect(field(section(plan, "component-1-identify"), "highlights").value).toBe(
      v.clna.highlights,
    );
    expect(r.recognition.recognised?.notes).toEqual([]);
  });

  it("reads circles stored as w:sym glyphs", () => {
    const r = readVariant("clna-filled-sym.docx");
    const glyph = r.snapshot.tables[3]?.rows[0]?.cells[3]?.paragraphs[0]?.glyphs[0];
    expect(glyph).toMatchObject({ kind: "radio-filled", source: "sym" });
  });
});

describe("the SFSS plan, filled", () => {
  const r = readVariant("sfss-filled.docx");
  const plan = r.data.plans[0];

  it("reads the district name in place of its placeholder", () => {
    expect(field(section(plan, "district"), "district-name").value).toBe(v.sfss.district);
  });

  it("reads a challenge, its root cause and a strategy row", () => {
    expect(field(section(plan, "challenge", 1), "description").value).toBe(v.sfss.description);
    expect(field(section(plan, "root-causes", 1), "root-cause-a").value).toBe(v.sfss.rootCauseA);
    const strategies = section(plan, "strategies", 1);
    expect(cell(strategies, 0, "strategy").value).toBe(v.sfss.strategy);
    expect(cell(strategies, 0, "implementation-steps").value).toBe(v.sfss.steps.join("\n"));
    expect(cell(strategies, 0, "by-when").value).toBe(v.sfss.byWhen);
    expect(cell(strategies, 0, "by-who").value).toBe(v.sfss.byWho);
  });

  it("reads priorities marked ☒ by PlanAssist and with a typed X", () => {
    const strategies = section(plan, "strategies", 1);
    expect(cell(strategies, 0, "priorities").value).toEqual([...v.sfss.priorities]);
    expect(cell(strategies, 1, "priorities").value).toEqual([...v.sfss.typedPriorities]);
    expect(cell(strategies, 2, "priorities").value).toEqual([]);
  });

  it("reads the anticipated cost without the template's $", () => {
    const costs = cell(section(plan, "resources"), 0, "anticipated-costs");
    expect(costs.value).toBe(v.sfss.cost);
    expect(r.snapshot.tables[10]?.rows[1]?.cells[1]?.text).toBe(`$${v.sfss.cost}`);
  });

  it("reads a third challenge block added by copying the second", () => {
    const third = readVariant("sfss-third-challenge.docx").data.plans[0];
    const blocks = third?.sections.filter((s) => s.id === "strategies").map((s) => s.block);
    expect(blocks).toEqual([1, 2, 3]);
    expect(field(section(third, "challenge", 3), "description").location).toEqual({
      kind: "cell",
      table: 7,
      row: 2,
      cell: 0,
    });
  });
});

describe("the CDE plan for improvement, filled", () => {
  it.each(["cde-filled.docx", "cde-filled-split-runs.docx"])("reads the values of %s", (name) => {
    const plan = readVariant(name).data.plans[0];
    expect(field(section(plan, "plan-header"), "lea").value).toBe(v.cde.lea);
    expect(field(section(plan, "plan-header"), "selpa").value).toBe(v.cde.selpa);
    expect(cell(section(plan, "problems-of-practice"), 0, "problem-of-practice").value).toBe(
      v.cde.problem,
    );
    expect(field(section(plan, "strategy", 1), "strategy").value).toBe(v.cde.strategy);
    const activities = section(plan, "activities", 1);
    const ids = [
      "activity",
      "start-date",
      "end-date",
      "oversight",
      "effectiveness-data",
      "monitoring-dates",
    ];
    expect(ids.map((id) => cell(activities, 0, id).value)).toEqual([...v.cde.activity]);
  });
});

describe("a second copy of a table that does not repeat", () => {
  it("reads the first copy and says a second one was found", () => {
    const r = readVariant("cde-second-header-copy.docx");
    const header = section(r.data.plans[0], "plan-header");
    expect(field(header, "lea")).toMatchObject({
      value: v.cde.lea,
      location: { kind: "cell", table: 0, row: 0, cell: 1 },
    });
    expect(r.recognition.recognised?.notes.join(" ")).toMatch(
      /second copy of the “LEA and CIM team” table/,
    );
    // Tables after the copy keep their document-order indexes.
    expect(cell(section(r.data.plans[0], "activities", 1), 0, "activity").location).toMatchObject({
      table: 3,
    });
  });
});

describe("documents that are no known template", () => {
  it("says so plainly when nothing matches", () => {
    const r = readVariant(nonTemplates[0]?.name ?? "");
    expect(r.recognition.recognised).toBeUndefined();
    expect(r.data.plans).toEqual([]);
    expect(r.recognition.message).toMatch(/not one of the plan templates PlanAssist knows/);
  });

  it("names the closest template and what was missing", () => {
    const r = readVariant("near-miss-ddtt.docx");
    expect(r.recognition.recognised).toBeUndefined();
    expect(r.recognition.candidates[0]?.template).toBe("ddtt-action-plan");
    expect(r.recognition.candidates[0]?.missing).toEqual(["Strategy", "Action steps"]);
    expect(r.recognition.message).toContain("The closest is the Action Plan Template 5.3.1T");
    expect(r.recognition.message).toContain("Missing: Strategy, Action steps.");
  });
});
