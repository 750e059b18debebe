import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { promises as fs } from "fs";
import { tmpdir } from "os";
import path from "path";
import { openDocx } from "../../src/adapters/docx/docx-file";
import { revertDocx } from "../../src/adapters/docx/docx-writer";
import type { NextCycleResult } from "../../src/app/next-cycle";
import { progressOfSnapshot } from "../../src/app/progress";
import { main } from "../../src/cli/main";
import { fsIo } from "../helpers/cli-io";
import { nextCycleOfBytes, checkDocxNow } from "../helpers/docx-use-cases";
import {
  ONE_YEAR,
  parseShift,
  shiftDateText,
  shiftIso,
  DONE_LAST_CYCLE,
} from "../../src/domain/progress/next-cycle";
import type { TemplateId } from "../helpers/fixtures";
import {
  dayFromToday,
  must,
  planDataOf,
  progressToday,
  stepCases,
  withDoneFirstStep,
  type StepValues,
} from "../helpers/progress-plans";
import { documentXml } from "./helpers";

/** Plan dates each template gives, so the plan's own "today" moves on with the cycle. */
const planDates: Record<TemplateId, StepValues> = {
  "ddtt-action-plan": { "plan-header.todays-date": dayFromToday(-30) },
  "perkins-action-plan": { "plan-header.date": dayFromToday(-30) },
  clna: {
    "action-plan-goals.plan-start-date": dayFromToday(-30),
    "action-plan-goals.plan-end-date": dayFromToday(300),
    "action-plan-goals.current-date": dayFromToday(-30),
    "action-plan-goals.next-revisit-date": dayFromToday(60),
  },
  "sfss-action-plan": {},
  "cde-plan-for-improvement": { "plan-header.date-submitted": dayFromToday(-30) },
};

const nextYear = "2027-10-01";

function codes(bytes: Uint8Array, today: string): string[] {
  const r = must(checkDocxNow(bytes, { currentDate: today }));
  return [
    ...new Set(
      r.findings.filter((f) => f.severity !== "info").map((f) => `${f.severity}:${f.code}`),
    ),
  ].sort();
}

function stepsOf(bytes: Uint8Array, today: string) {
  return progressOfSnapshot(must(openDocx(bytes)).read.snapshot, { today }).steps;
}

describe("shifting dates as they were written", () => {
  it.each([
    ["9/15/2026", "9/15/2027"],
    ["09/15/26", "09/15/27"],
    ["2026-09-15", "2027-09-15"],
    ["Sept. 15, 2026", "Sept. 15, 2027"],
    ["June 2027", "June 2028"],
    ["9/1/2026 - 12/15/2026", "9/1/2027 - 12/15/2027"],
    ["SY 2026-27", "SY 2027-28"],
    ["2/29/2028", "2/28/2029"],
    ["10/1/2026, 1/15/2027", "10/1/2027, 1/15/2028"],
    ["Ongoing", "Ongoing"],
  ])("%s moves on a year to %s", (before, after) => {
    expect(shiftDateText(before, ONE_YEAR, progressToday)).toBe(after);
  });

  it("moves on by months or days when asked, writing the dates month/day/year", () => {
    expect(shiftDateText("9/15/2026", parseShift("6m")!, progressToday)).toBe("3/15/2027");
    expect(shiftDateText("9/1/2026 - 9/30/2026", parseShift("2w")!, progressToday)).toBe(
      "9/15/2026 - 10/14/2026",
    );
    expect(parseShift("1y")).toEqual(ONE_YEAR);
    expect(parseShift("0y")).toBeUndefined();
    expect(parseShift("soon")).toBeUndefined();
  });
});

describe.each(Object.keys(stepCases) as TemplateId[])("the next cycle of a %s", (id) => {
  const old = withDoneFirstStep(id, planDates[id]);
  let result: NextCycleResult & { readonly bytes: Uint8Array };
  let next: Uint8Array;
  beforeAll(async () => {
    result = must(
      await nextCycleOfBytes(old, {
        shift: ONE_YEAR,
        today: progressToday,
        now: new Date(2026, 9, 1),
      }),
    );
    next = result.bytes;
  });

  it("carries the steps not done with their deadlines a year on, and drops the one done", () => {
    const before = stepsOf(old, progressToday);
    const after = stepsOf(next, nextYear);
    const notDone = before.filter((s) => s.state !== "done");
    expect(result.dropped).toBe(1);
    expect(result.carried).toBe(notDone.length);
    expect(after.map((s) => s.text)).toEqual(notDone.map((s) => s.text));
    expect(after.map((s) => s.owner)).toEqual(notDone.map((s) => s.owner));
    // Each deadline a year on, so each carried step stands where it stood a year before.
    expect(after.map((s) => s.deadline)).toEqual(
      notDone.map((s) => (s.deadline ? shiftIso(s.deadline, ONE_YEAR) : undefined)),
    );
    expect(after.map((s) => s.state)).toEqual(notDone.map((s) => s.state));
  });

  it("moves the plan's own dates on and keeps everything else", () => {
    const a = planDataOf(old).plans[0]!;
    const b = planDataOf(next).plans[0]!;
    const stepSection = stepCases[id].section;
    for (const [key, value] of Object.entries(planDates[id])) {
      const [section, field] = key.split(".") as [string, string];
      const moved = b.sections.find((s) => s.id === section)!.fields.find((f) => f.id === field)!;
      expect(moved.value).toBe(shiftDateText(value as string, ONE_YEAR, progressToday));
    }
    const kept = (p: typeof a) =>
      p.sections
        .filter((s) => s.id !== stepSection && !["plan-header", "action-plan-goals"].includes(s.id))
        .filter(
          (s) => !(id === "perkins-action-plan" && ["theory-of-action", "progress"].includes(s.id)),
        )
        .map((s) => JSON.stringify(s));
    expect(kept(b)).toEqual(kept(a));
  });

  it("checks clean where the old one did", () => {
    const was = codes(old, progressToday);
    const now = codes(next, nextYear);
    expect(now.filter((c) => !was.includes(c))).toEqual([]);
  });

  it("is a fill: reverting it gives back this cycle's plan exactly", () => {
    const reverted = must(revertDocx(next));
    expect(documentXml(reverted.bytes)).toBe(documentXml(old));
  });

  it("keeps the step done as done last cycle when asked", async () => {
    const keep = must(
      await nextCycleOfBytes(old, { shift: ONE_YEAR, today: progressToday, done: "keep" }),
    );
    expect(keep.kept).toBe(1);
    const after = stepsOf(keep.bytes, nextYear);
    expect(after[0]!.state).toBe("done");
    const said = after[0]!.statusColumn?.text ?? after[0]!.text;
    expect(said).toMatch(new RegExp(DONE_LAST_CYCLE, "i"));
  });

  it("leaves the carried deadlines blank when asked", async () => {
    const blank = must(
      await nextCycleOfBytes(old, { shift: ONE_YEAR, today: progressToday, blankDeadlines: true }),
    );
    const after = stepsOf(blank.bytes, nextYear);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((s) => s.state === "no-date")).toBe(true);
  });
});

describe("planassist next-cycle", () => {
  const io = fsIo;
  const dir = mkdtempSync(path.join(tmpdir(), "planassist-cycle-"));
  const input = path.join(dir, "plan.docx");
  writeFileSync(input, withDoneFirstStep("ddtt-action-plan", planDates["ddtt-action-plan"]));
  const original = readFileSync(input);

  it("writes the new plan to --out, says what it carried, and never changes the input", async () => {
    const out = path.join(dir, "next.docx");
    const m = io();
    expect(await main(["next-cycle", input, "--out", out, "--today", progressToday], m.io)).toBe(0);
    expect(m.out()).toContain(`Wrote the next cycle's plan to ${out}.`);
    expect(m.out()).toMatch(
      /4 steps carried over with deadlines moved on by 1 year; 1 step done dropped/,
    );
    expect(readFileSync(input).equals(original)).toBe(true);
    expect(must(openDocx(new Uint8Array(readFileSync(out)))).read.snapshot.tables.length).toBe(
      must(openDocx(new Uint8Array(original))).read.snapshot.tables.length,
    );
    // No temporary file is left behind.
    expect((await fs.readdir(dir)).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses to write over the input or over a file that exists", async () => {
    const same = io();
    expect(await main(["next-cycle", input, "--out", input], same.io)).toBe(2);
    expect(same.err()).toContain("output_is_input");
    const there = path.join(dir, "there.docx");
    writeFileSync(there, "keep me");
    const exists = io();
    expect(await main(["next-cycle", input, "--out", there], exists.io)).toBe(2);
    expect(readFileSync(there, "utf8")).toBe("keep me");
    expect(readFileSync(input).equals(original)).toBe(true);
  });

  it("refuses a shift it cannot read and a file that is no plan", async () => {
    const bad = io();
    expect(
      await main(
        ["next-cycle", input, "--out", path.join(dir, "x.docx"), "--shift", "soon"],
        bad.io,
      ),
    ).toBe(2);
    expect(bad.err()).toContain("--shift takes");
    const text = path.join(dir, "notes.docx");
    writeFileSync(text, "just text");
    const none = io();
    expect(await main(["next-cycle", text, "--out", path.join(dir, "y.docx")], none.io)).toBe(2);
    expect(none.err()).toContain("file_is_text");
    expect(existsSync(path.join(dir, "y.docx"))).toBe(false);
  });
});
