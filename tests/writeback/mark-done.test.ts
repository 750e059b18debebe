import { revertDocx } from "../../src/adapters/docx/docx-writer";
import { openDocx } from "../../src/adapters/docx/docx-file";
import { DocxDocument } from "../../src/adapters/docx/docx-document.adapter";
import { progressOfSnapshot } from "../../src/app/progress";
import { inspectDocument } from "../../src/app/inspect";
import { documentPlanDataSchema } from "../../src/domain/plan-data";
import {
  filledPlan,
  must,
  progressToday,
  stepCases,
  withDoneFirstStep,
} from "../helpers/progress-plans";
import { markDoneInBytes } from "../helpers/docx-use-cases";
import { documentXml } from "./helpers";

const today = { today: progressToday };
const stepsOf = (bytes: Uint8Array) =>
  progressOfSnapshot(must(openDocx(bytes)).read.snapshot, today).steps;

describe("marking a step done", () => {
  it("writes into the Perkins completion column as a fill that reverts exactly", async () => {
    const bytes = filledPlan("perkins-action-plan", stepCases["perkins-action-plan"].values(""));
    const r = must(await markDoneInBytes(bytes, { plan: 0, section: "actions", row: 0 }, today));
    expect(r.text).toBe("Completed 10/1/2026");
    const after = stepsOf(r.bytes);
    expect(after[0]).toMatchObject({ state: "done", doneOn: "2026-10-01" });
    expect(after[0]!.statusColumn?.text).toBe("Completed 10/1/2026");
    expect(documentXml(must(revertDocx(r.bytes)).bytes)).toBe(documentXml(bytes));
  });

  it("asks before replacing what a person typed there, and replaces it when told to", async () => {
    const bytes = filledPlan("perkins-action-plan", stepCases["perkins-action-plan"].values(""));
    const ref = { plan: 0, section: "actions", row: 1 };
    const refused = await markDoneInBytes(bytes, ref, today);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain("already holds text");
    const r = must(await markDoneInBytes(bytes, ref, { ...today, overwrite: true }));
    expect(stepsOf(r.bytes)[1]!.state).toBe("done");
  });

  it("writes into a Status column a district added", async () => {
    const bytes = withDoneFirstStep("ddtt-action-plan");
    const r = must(
      await markDoneInBytes(bytes, { plan: 0, section: "action-steps", block: 1, row: 1 }, today),
    );
    const after = stepsOf(r.bytes);
    expect(after[1]!.state).toBe("done");
    expect(after[1]!.statusColumn).toMatchObject({ kind: "added", header: "Status" });
  });

  it("says what to do for a plan with no column to mark it in", async () => {
    const bytes = filledPlan("clna", stepCases.clna.values(""));
    const r = await markDoneInBytes(
      bytes,
      { plan: 0, section: "school-next-steps", row: 0 },
      today,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("no_status_column");
      expect(r.error.message).toContain('Add a "Status" column');
    }
  });
});

describe("plan data with step status", () => {
  it("gives each dated step's status on its row and still parses as version 1", async () => {
    const bytes = filledPlan("ddtt-action-plan", stepCases["ddtt-action-plan"].values(""));
    const data = must(await inspectDocument(new DocxDocument(bytes), { steps: today })).data;
    const parsed = documentPlanDataSchema.parse(JSON.parse(JSON.stringify(data)));
    expect(parsed.version).toBe(1);
    const rows = parsed.plans[0]!.sections.find((s) => s.id === "action-steps")!.rows!;
    expect(rows.map((r) => r.status?.state)).toEqual([
      "overdue",
      "overdue",
      "due-soon",
      "not-started",
      "no-date",
    ]);
    expect(rows[0]!.status).toEqual({
      state: "overdue",
      asOf: progressToday,
      deadline: "2026-09-11",
    });
  });
});
