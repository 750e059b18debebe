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
  addColumn,
  dayFromToday,
  filledPlan,
  must,
  planDataOf,
  progressToday,
  typeInCell,
  type StepValues,
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

/** Per template: the values of three steps (done / overdue / due soon) and how to say "done". */
const cases: Record<TemplateId, { values: (done: string) => StepValues; section: string }> = {
  "ddtt-action-plan": {
    section: "action-steps",
    values: () => ({
      "action-steps[0].action-step": "Train every grade team on the new protocol",
      "action-steps[0].owner": "Maria Lopez",
      "action-steps[0].deadline": dayFromToday(-20),
      "action-steps[1].action-step": "Review the first benchmark results",
      "action-steps[1].owner": "Sam Chen",
      "action-steps[1].deadline": dayFromToday(-3),
      "action-steps[2].action-step": "Share results with families",
      "action-steps[2].owner": "Ana Ruiz",
      "action-steps[2].deadline": dayFromToday(10),
      "action-steps[3].action-step": "Plan the spring review",
      "action-steps[3].owner": "Ana Ruiz",
      "action-steps[3].deadline": "June 2027",
      "action-steps[4].action-step": "Write a summary",
      "action-steps[4].owner": "Ana Ruiz",
    }),
  },
  "perkins-action-plan": {
    section: "actions",
    values: (done) => ({
      "actions[0].action": "Hold quarterly advisory curriculum reviews",
      "actions[0].participation": "Maria Lopez",
      "actions[0].timeline": `${dayFromToday(-90)} - ${dayFromToday(-20)}`,
      "actions[0].completion": done,
      "actions[1].action": "Buy new lab equipment",
      "actions[1].participation": "Program chairs",
      "actions[1].timeline": `${dayFromToday(-60)} - ${dayFromToday(-3)}`,
      "actions[1].completion": "In progress",
      "actions[2].action": "Visit two employers",
      "actions[2].participation": "Co-op coordinator",
      "actions[2].timeline": `${dayFromToday(-10)} - ${dayFromToday(10)}`,
    }),
  },
  clna: {
    section: "school-next-steps",
    values: () => ({
      "school-next-steps[0].what": "Schedule PAC meetings for every program",
      "school-next-steps[0].who": "Maria Lopez",
      "school-next-steps[0].by-when": dayFromToday(-20),
      "school-next-steps[1].what": "Collect the co-op placement data",
      "school-next-steps[1].who": "Sam Chen",
      "school-next-steps[1].by-when": dayFromToday(-3),
      "school-next-steps[2].what": "Draft the safety checklist",
      "school-next-steps[2].who": "Ana Ruiz",
      "school-next-steps[2].by-when": dayFromToday(10),
    }),
  },
  "sfss-action-plan": {
    section: "strategies",
    values: () => ({
      "strategies[0].strategy": "Tiered attendance outreach",
      "strategies[0].implementation-steps": "Train attendance team",
      "strategies[0].by-who": "Maria Lopez",
      "strategies[0].by-when": dayFromToday(-20),
      "strategies[1].strategy": "Family nights",
      "strategies[1].implementation-steps": "Book the hall",
      "strategies[1].by-who": "Sam Chen",
      "strategies[1].by-when": dayFromToday(-3),
      "strategies[2].strategy": "Mentoring",
      "strategies[2].implementation-steps": "Match mentors",
      "strategies[2].by-who": "Ana Ruiz",
      "strategies[2].by-when": dayFromToday(10),
    }),
  },
  "cde-plan-for-improvement": {
    section: "activities",
    values: () => ({
      "activities[0].activity": "Coach co-teaching pairs",
      "activities[0].oversight": "Maria Lopez",
      "activities[0].start-date": dayFromToday(-60),
      "activities[0].end-date": dayFromToday(-20),
      "activities[1].activity": "Observe IEP meetings",
      "activities[1].oversight": "Sam Chen",
      "activities[1].start-date": dayFromToday(-30),
      "activities[1].end-date": dayFromToday(-3),
      "activities[2].activity": "Review progress data",
      "activities[2].oversight": "Ana Ruiz",
      "activities[2].monitoring-dates": `${dayFromToday(-40)}, ${dayFromToday(10)}`,
    }),
  },
};

/** Where a template records done: its own column (Perkins) or a Status column the district adds. */
function withDoneFirstStep(id: TemplateId): Uint8Array {
  const c = cases[id];
  if (id === "perkins-action-plan") return filledPlan(id, c.values("Completed 9/12/2026"));
  const blank = filledPlan(id, c.values(""));
  const row0 = planDataOf(blank).plans[0]!.sections.find((s) => s.id === c.section)!.rows![0]!;
  const table = (row0.cells.find((x) => x.location?.kind === "cell")!.location as { table: number })
    .table;
  const withColumn = addColumn(blank, table, "Status");
  const step = stepsOf(withColumn)[0]!;
  expect(step.statusColumn?.kind).toBe("added");
  return typeInCell(withColumn, step.statusColumn!.location!, "Completed 9/12/2026");
}

describe.each(Object.keys(cases) as TemplateId[])("steps of the %s", (id) => {
  it("are overdue past their deadline and due soon within the window when nothing says done", () => {
    const steps = stepsOf(filledPlan(id, cases[id].values("")));
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
    const steps = stepsOf(filledPlan(id, cases[id].values("")), 5);
    expect(steps[2]!.state).toBe("not-started");
  });
});

describe("plans over the year", () => {
  const ddtt = filledPlan("ddtt-action-plan", cases["ddtt-action-plan"].values(""));

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
    for (const id of Object.keys(cases) as TemplateId[]) {
      expect(stepsOf(filledPlan(id, {}))).toEqual([]);
    }
  });
});
