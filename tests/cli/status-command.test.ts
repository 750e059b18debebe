import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { main } from "../../src/cli/main";
import { fsIo } from "../helpers/cli-io";
import { parseStatusArgs } from "../../src/cli/status.command";
import { templateBytes } from "../helpers/fixtures";
import { dayFromToday, filledPlan, progressToday } from "../helpers/progress-plans";

const memoryIo = fsIo;

const TODAY = ["--today", progressToday];

/** A DDTT with an overdue, a due-soon and an undated step; a Perkins with one done and one later. */
function makeFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "planassist-status-"));
  mkdirSync(path.join(dir, "north"));
  writeFileSync(
    path.join(dir, "north", "ddtt.docx"),
    filledPlan("ddtt-action-plan", {
      "plan-header.district-school-name": "Northfield Regional",
      "action-steps[0].action-step": "Train grade teams on the Élan protocol",
      "action-steps[0].owner": "Zofia Quill",
      "action-steps[0].deadline": dayFromToday(-5),
      "action-steps[1].action-step": "Review the first benchmark",
      "action-steps[1].owner": "Zofia Quill",
      "action-steps[1].deadline": dayFromToday(7),
      "action-steps[2].action-step": "Share results with families",
      "action-steps[2].owner": "Zofia Quill",
    }),
  );
  writeFileSync(
    path.join(dir, "perkins.docx"),
    filledPlan("perkins-action-plan", {
      "actions[0].action": "Hold advisory reviews",
      "actions[0].participation": "Zofia Quill",
      "actions[0].timeline": `${dayFromToday(-90)} - ${dayFromToday(-30)}`,
      "actions[0].completion": "Completed",
      "actions[1].action": "Visit employers",
      "actions[1].participation": "Zofia Quill",
      "actions[1].timeline": "June 2027",
    }),
  );
  return dir;
}

type JsonReport = {
  summary: { files: number; plans: number; steps: number; counts: Record<string, number> };
  files: {
    path: string;
    plans: { nextDeadline?: string; counts: Record<string, number>; steps: unknown[] }[];
  }[];
};

describe("planassist status", () => {
  const dir = makeFolder();

  it("lists every plan's steps with their status, counts and next deadline (json)", async () => {
    const m = memoryIo();
    const code = await main(["status", dir, "--format", "json", ...TODAY], m.io);
    const report = JSON.parse(m.out()) as JsonReport;
    expect(report.summary).toMatchObject({ files: 2, plans: 3, steps: 5 });
    expect(report.summary.counts).toEqual({
      overdue: 1,
      "due-soon": 1,
      "not-started": 1,
      "no-date": 1,
      done: 1,
    });
    const ddtt = report.files.find((f) => f.path.endsWith("ddtt.docx"))!;
    expect(ddtt.plans[0]!.nextDeadline).toBe("2026-10-08");
    // An overdue step makes the exit code 1, as an error finding does for check.
    expect(code).toBe(1);
  });

  it("keeps names and step text out unless --show-values", async () => {
    for (const format of ["text", "json", "csv", "html"]) {
      const hidden = memoryIo();
      await main(["status", dir, "--format", format, ...TODAY], hidden.io);
      expect(hidden.out()).not.toContain("Quill");
      expect(hidden.out()).not.toContain("Train grade teams");
      const shown = memoryIo();
      await main(["status", dir, "--format", format, "--show-values", ...TODAY], shown.io);
      expect(shown.out()).toContain("Zofia Quill");
    }
  });

  it("writes one CSV row per step, UTF-8 with a byte order mark", async () => {
    const m = memoryIo();
    await main(["status", dir, "--format", "csv", "--show-values", ...TODAY], m.io);
    const text = m.out();
    expect(text.startsWith("\uFEFFfile,template,plan")).toBe(true);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + 5);
    expect(lines.filter((l) => l.includes(",overdue,"))).toHaveLength(1);
    expect(text).toContain("Élan");
  });

  it("makes one self-contained HTML page with a sortable table per plan and two SVG charts", async () => {
    const out = path.join(dir, "..", `${path.basename(dir)}-status.html`);
    const m = memoryIo();
    await main(["status", dir, "--format", "html", "--out", out, ...TODAY], m.io);
    const html = readFileSync(out, "utf8");
    expect(m.out()).toBe("");
    expect(m.err()).toContain(`wrote the report to ${out}`);
    expect(html).not.toMatch(/<link|src=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
    // The summary table, then one per plan with steps (the second Perkins plan has none).
    expect(html.match(/<table class="sortable stack">/g)).toHaveLength(1 + 2);
    expect(html).toContain("No dated steps are filled in.");
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain("Deadlines over the months");
    expect(html).toContain("<script>");
  });

  it("prints a line per step in text, overdue ones with how late", async () => {
    const m = memoryIo();
    await main(["status", path.join(dir, "north"), ...TODAY], m.io);
    expect(m.out()).toMatch(
      /Overdue\s+Action steps #1 > row 1: deadline 2026-09-26 \(5 days ago\)/,
    );
    expect(m.out()).toMatch(
      /Due soon\s+Action steps #1 > row 2: deadline 2026-10-08 \(in 7 days\)/,
    );
    expect(m.out()).toMatch(/No date\s+Action steps #1 > row 3: no date/);
  });

  it("moves steps between due soon and not started with --due-within", async () => {
    const m = memoryIo();
    const code = await main(
      ["status", path.join(dir, "north"), "--format", "json", "--due-within", "3", ...TODAY],
      m.io,
    );
    const report = JSON.parse(m.out()) as JsonReport;
    expect(report.summary.counts["due-soon"]).toBe(0);
    expect(report.summary.counts["not-started"]).toBe(1);
    expect(code).toBe(1);
  });

  it("exits 0 when nothing is overdue and 2 when a file cannot be read", async () => {
    const calm = mkdtempSync(path.join(tmpdir(), "planassist-status-"));
    writeFileSync(path.join(calm, "blank.docx"), templateBytes("clna"));
    expect(await main(["status", calm, ...TODAY], memoryIo().io)).toBe(0);
    writeFileSync(path.join(calm, "broken.docx"), "not a document");
    const m = memoryIo();
    expect(await main(["status", calm, ...TODAY], m.io)).toBe(2);
    expect(m.out()).toContain("file_is_text");
  });

  it("refuses bad options with a sentence and the usage", () => {
    expect(parseStatusArgs(["x.docx", "--today", "2026-02-30"])).toMatch(/YYYY-MM-DD/);
    expect(parseStatusArgs(["x.docx", "--due-within", "-1"])).toMatch(/whole number/);
    expect(parseStatusArgs([])).toMatch(/at least one/);
  });
});
