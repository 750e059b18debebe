/** @jest-environment jsdom */
import "./jsdom-globals";
import { screen } from "@testing-library/react";
import type { FieldData, PlanData, SectionData } from "../../src/domain/plan-data";
import {
  SectionForm,
  guidanceLayout,
  ratingMeanings,
} from "../../src/taskpane/components/SectionForm/SectionForm";
import { renderInFluent } from "./render";

const item = (id: string, label: string): FieldData => ({
  id,
  label,
  type: "single-choice",
  required: true,
  value: [],
  options: ["No", "Yes"],
});

describe("a section's guidance", () => {
  it("leaves out guidance that repeats the label and shows a shared sub-heading once", () => {
    const fields = [
      item("a", "What are 2-3 key highlights?"),
      item("b", "Parents are informed"),
      item("c", "Students are aware"),
      item("d", "Instructors hold licences"),
    ];
    const guidance: Record<string, string> = {
      a: "What are 2-3 key highlights?",
      b: "7.1 Program Components",
      c: "7.1 Program Components",
      d: "Ask the licensing office.",
    };
    expect(guidanceLayout(fields, (id) => guidance[id])).toEqual([
      {},
      { heading: "7.1 Program Components" },
      {},
      { guidance: "Ask the licensing office." },
    ]);
  });

  it("reads what each rating means from the template's guidance", () => {
    expect(
      ratingMeanings(
        "Identify a rating: Exemplar (all in place (and a model)), Challenge (none).",
        ["Exemplar", "Established", "Challenge"],
      ),
    ).toEqual([
      { option: "Exemplar", meaning: "all in place (and a model)" },
      { option: "Challenge", meaning: "none" },
    ]);
  });

  it("shows the ratings' meanings and a criterion's practices, folded, beside its buttons", () => {
    const criterion: FieldData = {
      ...item("criterion-1-1", "1.1 The school uses high quality materials."),
      options: ["Exemplar", "Challenge"],
    };
    const section: SectionData = { id: "ratings", label: "Reflect", fields: [criterion] };
    const plan: PlanData = { template: "clna", instance: 0, label: "CLNA", sections: [section] };
    renderInFluent(
      <SectionForm
        plan={plan}
        section={section}
        position={0}
        findings={[]}
        guidance={() => undefined}
        rubric={() => ({
          intro: "Overall, consider these practices:",
          practices: ["Materials are updated routinely."],
        })}
        sectionGuidance="Exemplar (a model to others), Challenge (no key elements are in place)."
        names={[]}
        busy={false}
        changed={false}
        showMissing={false}
        onChange={() => {}}
        onBlur={() => {}}
        onJump={() => {}}
        onWrite={() => {}}
        onGoTo={() => {}}
      />,
    );
    expect(screen.getByText("What the ratings mean")).toBeTruthy();
    expect(screen.getByText("a model to others")).toBeTruthy();
    expect(screen.getByText("Practices to consider for 1.1")).toBeTruthy();
    expect(screen.getByText("Materials are updated routinely.")).toBeTruthy();
    expect(screen.getByRole("radiogroup")).toBeTruthy();
    // Focus goes to the section's first field when it opens.
    expect(document.activeElement?.getAttribute("type")).toBe("radio");
  });
});
