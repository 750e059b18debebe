import { openDocx } from "../../../src/adapters/docx/docx-file";
import { readDocument } from "../../../src/domain/plan-reader";
import {
  byUrgency,
  countSteps,
  nextDeadline,
  planSteps,
  readDone,
  withoutStepValues,
  type PlanStep,
} from "../../../src/domain/progress/step-status";
import { templates } from "../../../src/templates";
import type { TemplateId } from "../../helpers/fixtures";
import {
  filledPlan,
  must,
  progressToday,
  stepCases,
  withDoneFirstStep,
} from "../../helpers/progress-plans";

function stepsOf(bytes: Uint8Array, dueWithinDays?: number): PlanStep[] {
  const pkg = must(openDocx(bytes));
  const data = readDocument(pkg.read.snapshot, templates).data;
  return planSteps(data, pkg.read.snapshot, {
    today: progressToday,
    ...(dueWithinDays !== undefined ? { dueWithinDays } : {}),
  });
}

const states = (steps: PlanStep[]) => steps.map((s) => s.state);

describe("reading what a status cell says", () => {
  it.each([
    ["Completed", true],
    ["completed 9/12/2026", true],
    ["done 10/3", true],
    ["Done", true],
    ["9/14/2026", true],
    ["✓", true],
    ["X", true],
    ["☒ Completed", true],
    ["In progress", false],
    ["Not started", false],
    ["not done yet", false],
    ["Started in September", false],
  ])("%s reads as done: %s", (text, done) => {
    expect(readDone(text, progressToday)?.done).toBe(done);
  });

  it("keeps the completion date when one is written", () => {
    expect(readDone("Completed 9/12/2026", progressToday)?.on).toBe("2026-09-12");
    expect(readDone("9/14/2026", progressToday)?.on).toBe("2026-09-14");
  });

  it("reads a blank or a placeholder as no status at all", () => {
    expect(readDone("", progressToday)).toBeUndefined();
    expect(readDone("TBD", progressToday)).toBeUndefined();
  });
});

describe.each(Object.keys(stepCases) as TemplateId[])("steps of the %s", (id) => {
  it("are overdue past their deadline and due soon within the window when nothing says done", () => {
    const steps = stepsOf(filledPlan(id, stepCases[id].values("")));
    expect(states(steps).slice(0, 3)).toEqual(["overdue", "overdue", "due-soon"]);
    expect(steps[0]!.owner).toBe("Maria Lopez");
    expect(steps[0]!.daysLeft).toBe(-20);
    expect(steps[0]!.location?.kind).toBe("cell");
  });

  it("are done when the completion or status column says so, whatever the deadline", () => {
    const steps = stepsOf(withDoneFirstStep(id));
    expect(steps[0]!.state).toBe("done");
    expect(steps[0]!.doneOn).toBe("2026-09-12");
    expect(steps[1]!.state).toBe("overdue");
  });

  it("are not started when the deadline is beyond the window", () => {
    const steps = stepsOf(filledPlan(id, stepCases[id].values("")), 5);
    expect(steps[2]!.state).toBe("not-started");
  });
});

describe("plans over the year", () => {
  const ddtt = filledPlan("ddtt-action-plan", stepCases["ddtt-action-plan"].values(""));

  it("read a month alone as its last day and a step without a date as no date", () => {
    const steps = stepsOf(ddtt);
    expect(steps[3]).toMatchObject({ state: "not-started", deadline: "2027-06-30" });
    expect(steps[4]).toMatchObject({ state: "no-date" });
    expect(steps[4]!.deadline).toBeUndefined();
  });

  it("count the states, give the next deadline and put overdue steps first", () => {
    const steps = stepsOf(ddtt);
    expect(countSteps(steps)).toEqual({
      overdue: 2,
      "due-soon": 1,
      "not-started": 1,
      "no-date": 1,
      done: 0,
    });
    expect(nextDeadline(steps)).toBe("2026-10-11");
    expect(byUrgency(steps).map((s) => s.row)).toEqual([0, 1, 2, 3, 4]);
    expect(byUrgency([...steps].reverse()).map((s) => s.state)).toEqual([
      "overdue",
      "overdue",
      "due-soon",
      "not-started",
      "no-date",
    ]);
  });

  it("leave out names and contents when values are not shown", () => {
    const bare = withoutStepValues(stepsOf(ddtt)[0]!);
    expect(JSON.stringify(bare)).not.toContain("Maria");
    expect(JSON.stringify(bare)).not.toContain("Train");
    expect(bare.state).toBe("overdue");
  });

  it("list no steps in a blank template", () => {
    for (const id of Object.keys(stepCases) as TemplateId[]) {
      expect(stepsOf(filledPlan(id, {}))).toEqual([]);
    }
  });
});
