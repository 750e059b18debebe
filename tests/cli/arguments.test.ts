/**
 * Arguments and batches: `--` ends the options, impossible dates are refused, `inspect --json`
 * reports an unreadable file as JSON, a list given for a text field is refused, and --annotate
 * writes every copy however large the batch and with worker threads (--jobs).
 */
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { parseCheckArgs } from "../../src/cli/check.command";
import { main } from "../../src/cli/main";
import { readDocument } from "../../src/domain/plan-reader";
import { templates } from "../../src/templates";
import { templateBytes } from "../helpers/fixtures";
import { snapshotOf } from "../writeback/helpers";
import { bundleCli, realIo, withField } from "./cli-helpers";

// Each test runs whole commands on real files; on a loaded machine that can take seconds.
jest.setTimeout(60_000);

const ddtt = templateBytes("ddtt-action-plan");

const freshDir = () => mkdtempSync(path.join(tmpdir(), "planassist-args-"));

describe("arguments", () => {
  it("-- ends the options: a file named -plan.docx is read, not taken for an option", async () => {
    const dir = freshDir();
    const odd = path.join(dir, "-plan.docx");
    writeFileSync(odd, ddtt);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const m = realIo();
      expect(await main(["inspect", "--", "-plan.docx"], m.io)).toBe(0);
      expect(m.out()).toContain("DDTT");
      const c = realIo();
      const code = await main(["check", "--today", "2026-09-01", "--", "-plan.docx"], c.io);
      expect(code).toBeLessThan(2);
      expect(c.out()).toContain("-plan.docx");
      const unknown = realIo();
      expect(await main(["check", "-plan.docx"], unknown.io)).toBe(2);
      expect(unknown.err()).toContain("Unknown option -plan.docx");
    } finally {
      process.chdir(cwd);
    }
  });

  it("--today takes real days only", () => {
    for (const bad of ["2026-02-30", "2026-13-01", "2026-04-31", "2025-02-29", "26-02-01"]) {
      expect(parseCheckArgs(["x.docx", "--today", bad])).toMatch(/--today takes a date/);
    }
    for (const good of ["2028-02-29", "2026-12-31"]) {
      expect(parseCheckArgs(["x.docx", "--today", good])).toMatchObject({ today: good });
    }
  });

  it("inspect --json prints an unreadable file's error as JSON", async () => {
    const dir = freshDir();
    const broken = path.join(dir, "broken.docx");
    writeFileSync(broken, "%PDF-1.7 not a plan");
    const m = realIo();
    expect(await main(["inspect", broken, "--json"], m.io)).toBe(2);
    expect(JSON.parse(m.out())).toEqual({
      file: broken,
      error: { code: "file_is_pdf", message: expect.stringContaining("PDF") as unknown },
    });
    const missing = realIo();
    expect(await main(["inspect", path.join(dir, "none.docx"), "--json"], missing.io)).toBe(2);
    expect((JSON.parse(missing.out()) as { error: { code: string } }).error.code).toBe(
      "file_unreadable",
    );
  });

  it("a list given for a text field is refused, not joined", async () => {
    const dir = freshDir();
    const plan = path.join(dir, "plan.docx");
    writeFileSync(plan, ddtt);
    const data = readDocument(snapshotOf(ddtt), templates).data;
    const listed = withField(data, "plan-header", "district-school-name", ["Spring", "field"]);
    writeFileSync(path.join(dir, "plan.json"), JSON.stringify(listed));
    const m = realIo();
    const args = ["fill", plan, "--data", path.join(dir, "plan.json")];
    expect(await main([...args, "--out", path.join(dir, "out.docx")], m.io)).toBe(2);
    expect(m.err()).toContain("plan_data_invalid");
    expect(m.err()).toContain('"district-school-name"');
    expect(readdirSync(dir).sort()).toEqual(["plan.docx", "plan.json"]);
  });
});

describe("--annotate on a large batch, in worker threads", () => {
  it("writes a copy of each of 64 files with --jobs 2, and no file is called empty", async () => {
    const dir = freshDir();
    const { runner } = await bundleCli(dir);
    const plans = path.join(dir, "plans");
    mkdirSync(plans);
    for (let i = 0; i < 64; i++)
      writeFileSync(path.join(plans, `${String(i).padStart(2, "0")}.docx`), ddtt);
    const out = path.join(dir, "reviewed");
    const args = ["check", plans, "--annotate", out, "--format", "json", "--today", "2026-09-01"];
    {
      const r = spawnSync(process.execPath, [runner, ...args, "--jobs", "2"], {
        encoding: "utf8",
        timeout: 240_000,
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(r.stderr).not.toContain("empty (0 bytes)");
      const report = JSON.parse(r.stdout) as {
        files: { path: string; readable: boolean; annotated?: string }[];
      };
      expect(report.files).toHaveLength(64);
      expect(report.files.every((f) => f.readable && f.annotated !== undefined)).toBe(true);
      expect(readdirSync(out).filter((n) => n.endsWith(".annotated.docx"))).toHaveLength(64);
    }
  }, 300_000);
});
