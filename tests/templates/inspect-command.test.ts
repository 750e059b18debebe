import { promises as fs } from "fs";
import path from "path";
import { runInspect } from "../../src/cli/inspect.command";
import type { CliIo } from "../../src/cli/io";
import { documentPlanDataSchema } from "../../src/domain/plan-data";
import { fixturesDir } from "../helpers/fixtures";
import { readVariant } from "./read-helpers";

function memoryIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    readFile: async (p) => new Uint8Array(await fs.readFile(p)),
    writeFile: async () => {
      throw new Error("inspect never writes");
    },
    isTty: false,
  };
  return { io, out: () => out.join(""), err: () => err.join("") };
}

const variant = (name: string) => path.join(fixturesDir, "variants", name);
const replica = (name: string) => path.join(fixturesDir, "templates", name);

describe("planassist inspect", () => {
  it("prints the template, each plan and its sections with filled/required counts", async () => {
    const m = memoryIo();
    const code = await runInspect([variant("perkins-filled.docx")], m.io);
    expect(code).toBe(0);
    const text = m.out();
    expect(text).toContain("Template: Perkins Action Plan (perkins-action-plan), confidence 100%");
    expect(text).toContain(
      "Plan 1 of 2: Action Plan: Program Improvement  (11/11 required filled)",
    );
    expect(text).toContain("Plan 2 of 2: Action Plan: Recruitment, Retention, & Training");
    expect(text).toMatch(/Theory of Action\s+0\/4 filled/);
    expect(text).toMatch(/Actions\s+4\/4 filled {2}3 rows \(up to 20\)/);
  });

  it("notes the DDTT illustration table it did not read", async () => {
    const m = memoryIo();
    expect(await runInspect([replica("ddtt-action-plan-5.3.1T.docx")], m.io)).toBe(0);
    expect(m.out()).toMatch(/Action steps #1\s+0\/5 filled {2}5 rows/);
    expect(m.out()).toContain("illustration");
  });

  it("prints plan data with --json, the same the reader gives", async () => {
    const m = memoryIo();
    expect(await runInspect([variant("sfss-filled.docx"), "--json"], m.io)).toBe(0);
    const parsed = documentPlanDataSchema.parse(JSON.parse(m.out()));
    const statuses = parsed.plans.flatMap((p) =>
      p.sections.flatMap((s) => (s.rows ?? []).flatMap((r) => (r.status ? [r.status] : []))),
    );
    expect(statuses.length).toBeGreaterThan(0);
    const withoutStatus = {
      ...parsed,
      plans: parsed.plans.map((p) => ({
        ...p,
        sections: p.sections.map((s) =>
          s.rows ? { ...s, rows: s.rows.map(({ status: _status, ...r }) => r) } : s,
        ),
      })),
    };
    expect(withoutStatus).toEqual(readVariant("sfss-filled.docx").data);
  });

  it("says plainly when the document is no known template, with the closest one (exit 1)", async () => {
    const m = memoryIo();
    expect(await runInspect([variant("near-miss-ddtt.docx")], m.io)).toBe(1);
    expect(m.out()).toContain("is not one of the plan templates PlanAssist knows");
    expect(m.out()).toContain("The closest is the Action Plan Template 5.3.1T");
    expect(m.out()).toContain("Missing: Strategy, Action steps.");
  });

  it("prints the error code and message of an unreadable file and exits 2", async () => {
    const m = memoryIo();
    const notDocx = path.join(__dirname, "inspect-command.test.ts");
    expect(await runInspect([notDocx], m.io)).toBe(2);
    expect(m.err()).toMatch(/^planassist inspect: file_is_text: .*inspect-command\.test\.ts: /);
    expect(m.out()).toBe("");
  });

  it("exits 2 for a file that does not exist or a missing argument", async () => {
    const missing = memoryIo();
    expect(await runInspect(["no-such-plan.docx"], missing.io)).toBe(2);
    expect(missing.err()).toContain("file_unreadable: no-such-plan.docx: there is no such file");
    const none = memoryIo();
    expect(await runInspect([], none.io)).toBe(2);
    expect(none.err()).toContain("Usage: planassist inspect FILE.docx [--json]");
  });
});
