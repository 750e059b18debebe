import { checkDocxNow } from "../../helpers/docx-use-cases";
import { openDocx } from "../../../src/adapters/docx/docx-file";
import { defaultPlanReader } from "../../../src/app/check";
import { promptFindings } from "../../../src/domain/rules/document.rules";
import { checkPlans } from "../../../src/domain/rules";
import { planCompleteness } from "../../../src/domain/completeness";
import type { DocumentSnapshot } from "../../../src/domain/snapshot";
import { perkinsActionPlan } from "../../../src/templates";
import { templateBytes } from "../../helpers/fixtures";

function perkins() {
  const opened = openDocx(templateBytes("perkins-action-plan"));
  if (!opened.ok) throw new Error(opened.error.message);
  const snapshot = opened.value.read.snapshot;
  return { snapshot, data: defaultPlanReader(snapshot).data };
}

describe("template prompts", () => {
  it("are not reported while they are in place", () => {
    const { snapshot, data } = perkins();
    expect(data.plans.flatMap((p) => promptFindings(p, perkinsActionPlan, snapshot))).toEqual([]);
  });

  it("are reported when an answer was typed over them", () => {
    const { snapshot, data } = perkins();
    const plan = data.plans[0]!;
    const field = plan.sections.flatMap((s) => s.fields).find((f) => f.id === "theory-of-action")!;
    const l = field.location;
    if (l?.kind !== "cell") throw new Error("theory of action has a cell");
    const changed = structuredClone(snapshot) as {
      -readonly [K in keyof DocumentSnapshot]: DocumentSnapshot[K];
    };
    const cell = changed.tables[l.table]!.rows[l.row]!.cells[l.cell]! as { text: string };
    cell.text =
      "Theory of Action (If, Then, And Statement):\nIf we train staff, then students succeed.";
    const found = promptFindings(plan, perkinsActionPlan, changed);
    expect(found.map((f) => [f.code, f.severity, f.field])).toEqual([
      ["template_prompt_overwritten", "warning", "theory-of-action"],
    ]);
    expect(found[0]?.location).toEqual(l);
  });
});

describe("signature lines", () => {
  it("are shown as to-do items placed on the lines, once per file, never as errors", () => {
    const r = checkDocxNow(templateBytes("perkins-action-plan"), { currentDate: "2026-09-01" });
    if (!r.ok) throw new Error(r.error.message);
    const todo = r.value.findings.filter((f) => f.code === "signature_to_do");
    expect(todo.length).toBeGreaterThanOrEqual(1);
    const { snapshot } = perkins();
    for (const f of todo) {
      expect(f.severity).toBe("info");
      const l = f.location;
      expect(l?.kind).toBe("paragraph");
      if (l?.kind === "paragraph") {
        const around = [l.paragraph, l.paragraph + 1].map(
          (i) => snapshot.paragraphs[i]?.text ?? "",
        );
        expect(around.join("\n")).toMatch(/Signature/);
      }
    }
    const lastPlan = Math.max(...r.value.plans.plans.map((p) => p.instance));
    expect(new Set(todo.map((f) => f.plan))).toEqual(new Set([lastPlan]));
    const signatureErrors = r.value.findings.filter(
      (f) => /signature/.test(f.section ?? "") && f.severity !== "info",
    );
    expect(signatureErrors).toEqual([]);
  });
});

describe("signature sections in plan data", () => {
  it("give one to-do item per blank signature or date line, and are neither errors nor counted as incomplete", () => {
    const { data } = perkins();
    const plan = structuredClone(data.plans[1]!);
    plan.sections.push({
      id: "signatures",
      label: "Signatures",
      fields: [
        {
          id: "superintendent-signature",
          label: "Superintendent/Consortium Director Signature",
          type: "text",
          required: true,
          value: "",
          location: { kind: "paragraph", paragraph: 3 },
        },
        {
          id: "superintendent-date",
          label: "Date",
          type: "date",
          required: true,
          value: "",
          location: { kind: "paragraph", paragraph: 3 },
        },
      ],
    });
    const doc = { ...data, plans: [data.plans[0]!, plan] };
    const findings = checkPlans(doc, { currentDate: "2026-09-01" });
    const sig = findings.filter((f) => f.section === "signatures");
    expect(sig.map((f) => [f.code, f.severity, f.field])).toEqual([
      ["signature_to_do", "info", "superintendent-signature"],
      ["signature_to_do", "info", "superintendent-date"],
    ]);
    const c = planCompleteness(plan, findings);
    expect(c.sections.map((s) => s.section)).not.toContain("signatures");
  });
});
