import {
  defineTemplate,
  sectionFieldIds,
  templateDefinitionSchema,
} from "../../src/domain/template-definition";
import { templates, templateById } from "../../src/templates";

const expectedIds = [
  "ddtt-action-plan",
  "perkins-action-plan",
  "clna",
  "sfss-action-plan",
  "cde-plan-for-improvement",
];

describe("template definitions", () => {
  it("keeps every published template under its stable id, each id once", () => {
    const ids = templates.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(expectedIds));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(templates.map((t) => [t.id, t] as const))(
    "%s parses with the definition schema and has unique kebab-case ids",
    (_id, definition) => {
      const parsed = templateDefinitionSchema.safeParse(definition);
      expect(parsed.success).toBe(true);
      for (const section of definition.sections) {
        const ids = sectionFieldIds(section);
        expect(ids.length).toBeGreaterThan(0);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      }
    },
  );

  it.each(templates.map((t) => [t.id, t] as const))(
    "%s gives every choice field its options",
    (_id, definition) => {
      for (const section of definition.sections) {
        if (section.layout === "fixed-rows") continue;
        const fields = section.layout === "rows" ? section.columns : section.fields;
        for (const f of fields) {
          if (f.type === "single-choice" || f.type === "multiple-choice") {
            expect(f.options?.length ?? 0).toBeGreaterThan(1);
          }
        }
      }
    },
  );

  it("rejects a definition with a repeated section id or a choice field without options", () => {
    const base = templateById("ddtt-action-plan");
    if (!base) throw new Error("missing definition");
    expect(() =>
      defineTemplate({ ...base, sections: [base.sections[0]!, base.sections[0]!] }),
    ).toThrow(/section id "plan-header" repeats/);
    expect(() =>
      defineTemplate({
        ...base,
        sections: [
          {
            id: "x",
            label: "X",
            layout: "paragraph",
            fields: [{ id: "pick", label: "Pick", type: "single-choice", required: true }],
          },
        ],
      }),
    ).toThrow(/needs options/);
  });

  it("rejects ids that are not kebab-case", () => {
    const base = templateById("sfss-action-plan");
    if (!base) throw new Error("missing definition");
    expect(() => defineTemplate({ ...base, id: "SFSS Plan" })).toThrow(/kebab-case/);
  });

  it("quotes guidance from the templates' own prompts", () => {
    const ddtt = templateById("ddtt-action-plan");
    const steps = ddtt?.sections.find((s) => s.id === "action-steps");
    const owner =
      steps?.layout === "rows" ? steps.columns.find((c) => c.id === "owner") : undefined;
    expect(owner?.guidance).toContain(
      "Who is most closely responsible and accountable for taking each action step?",
    );
  });
});
