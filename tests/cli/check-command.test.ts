import { createHash } from "crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { promises as fs } from "fs";
import { tmpdir } from "os";
import path from "path";
import { runCheck, parseCheckArgs } from "../../src/cli/check.command";
import type { CliIo } from "../../src/cli/io";
import { templateBytes } from "../helpers/fixtures";
import { filledCdeDocx } from "../checks/helpers/filled-docx";
import { openZip, readEntry } from "../../src/adapters/docx/zip";
import { openDocx } from "../../src/adapters/docx/docx-file";
import { defaultPlanReader } from "../../src/app/check";
import { fillCells } from "../checks/helpers/fill-cells";

/** The DDTT replica with the first action step's Owner filled in. */
function ddttWithOwner(owner: string): Uint8Array {
  const bytes = templateBytes("ddtt-action-plan");
  const opened = openDocx(bytes);
  if (!opened.ok) throw new Error(opened.error.message);
  const plan = defaultPlanReader(opened.value.read.snapshot).data.plans[0]!;
  const cell = plan.sections
    .find((s) => s.id === "action-steps")!
    .rows![0]!.cells.find((c) => c.id === "owner")!;
  if (cell.location?.kind !== "cell") throw new Error("owner has no cell");
  return fillCells(bytes, [{ location: cell.location, text: owner }]);
}

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

function memoryIo(isTty = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    readFile: async (p) => new Uint8Array(await fs.readFile(p)),
    writeFile: (p, d) => fs.writeFile(p, d),
    isTty,
  };
  return { io, out: () => out.join(""), err: () => err.join("") };
}

function hashes(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else result[path.relative(dir, p)] = sha(readFileSync(p));
    }
  };
  walk(dir);
  return result;
}

/** good.docx (no errors), bad.docx (blank DDTT), sub/broken.docx (not a zip), a lock file, a text file. */
function makeFolder(
  parts: { good?: boolean; bad?: boolean; broken?: boolean } = {
    good: true,
    bad: true,
    broken: true,
  },
): string {
  const dir = mkdtempSync(path.join(tmpdir(), "planassist-check-"));
  mkdirSync(path.join(dir, "sub"));
  if (parts.good) writeFileSync(path.join(dir, "good.docx"), filledCdeDocx());
  if (parts.bad)
    writeFileSync(path.join(dir, "sub", "bad.docx"), templateBytes("ddtt-action-plan"));
  if (parts.broken)
    writeFileSync(path.join(dir, "sub", "broken.docx"), "this is not a Word document\n");
  writeFileSync(path.join(dir, "~$good.docx"), new Uint8Array([1, 2, 3]));
  writeFileSync(path.join(dir, "notes.txt"), "not a plan");
  return dir;
}

const TODAY = ["--today", "2026-09-01"];

describe("planassist check", () => {
  it("exits 2 when a file cannot be read, still reporting the others, and never changes the files", async () => {
    const dir = makeFolder();
    const before = hashes(dir);
    const m = memoryIo();
    const code = await runCheck([dir, "--format", "json", ...TODAY], m.io);
    expect(code).toBe(2);
    const report = JSON.parse(m.out());
    const byName = Object.fromEntries(
      report.files.map((f: { path: string }) => [path.basename(f.path), f]),
    );
    expect(Object.keys(byName).sort()).toEqual(["bad.docx", "broken.docx", "good.docx"]);
    expect(byName["broken.docx"].readable).toBe(false);
    expect(byName["broken.docx"].error.code).toBe("file_is_text");
    expect(byName["good.docx"].counts.error).toBe(0);
    expect(byName["good.docx"].completeness[0].complete).toBe(true);
    expect(byName["bad.docx"].counts.error).toBeGreaterThan(0);
    expect(byName["bad.docx"].template).toBe("ddtt-action-plan");
    expect(hashes(dir)).toEqual(before);
  });

  it("exits 1 when a file has an error finding and none is unreadable", async () => {
    const dir = makeFolder({ good: true, bad: true });
    expect(await runCheck([dir, ...TODAY], memoryIo().io)).toBe(1);
  });

  it("exits 0 when no file has an error finding", async () => {
    const dir = makeFolder({ good: true });
    const m = memoryIo();
    expect(await runCheck([dir, ...TODAY], m.io)).toBe(0);
    expect(m.out()).toContain("good.docx");
  });

  it("prints counts and locations but not cell contents, unless --show-values", async () => {
    const dir = makeFolder({ good: true });
    writeFileSync(path.join(dir, "owner.docx"), ddttWithOwner("Quimby Ridge committee"));
    const later = ["--today", "2027-09-01"];
    const hidden = memoryIo();
    await runCheck([dir, "--format", "csv", ...later], hidden.io);
    const shown = memoryIo();
    await runCheck([dir, "--format", "csv", "--show-values", ...later], shown.io);
    // The CDE plan's names and numbers never appear without --show-values.
    for (const secret of ["Haddad", "Riverside", "CAASPP", "Quimby"])
      expect(hidden.out()).not.toContain(secret);
    expect(hidden.out()).toContain("person_is_group");
    expect(shown.out().split("\r\n")[0]).toContain("value,reading");
    expect(shown.out()).toContain("Quimby Ridge committee");
    const text = memoryIo();
    await runCheck([dir, ...later], text.io);
    expect(text.out()).not.toContain("Haddad");
    expect(text.out()).toMatch(/\d+% complete/);
  });

  it("writes CSV with one quoted row per finding", async () => {
    const dir = makeFolder({ bad: true, broken: true });
    const m = memoryIo();
    await runCheck([dir, "--format", "csv", ...TODAY], m.io);
    const json = memoryIo();
    await runCheck([dir, "--format", "json", ...TODAY], json.io);
    const report = JSON.parse(json.out());
    const findings = report.files.reduce(
      (n: number, f: { findings: unknown[] }) => n + f.findings.length,
      0,
    );
    // UTF-8 with a byte order mark, so Excel keeps accents.
    expect(m.out().startsWith("\uFEFFfile,status,template,plan")).toBe(true);
    const lines = m.out().slice(1).trimEnd().split("\r\n");
    // A header, one row per finding, one row for the unreadable file.
    expect(lines.length).toBe(1 + findings + 1);
    expect(lines.some((l) => l.includes(",unreadable,") && l.includes("file_is_text"))).toBe(true);
    expect(m.out()).toMatch(/"[^"]*,[^"]*"/); // fields holding commas are quoted
  });

  it("writes a self-contained HTML page to --out", async () => {
    const dir = makeFolder({ bad: true, broken: true });
    const out = path.join(dir, "..", `${path.basename(dir)}-report.html`);
    const m = memoryIo();
    await runCheck([dir, "--format", "html", "--out", out, ...TODAY], m.io);
    const html = readFileSync(out, "utf8");
    expect(m.out()).toBe("");
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("<style>");
    expect(html).not.toMatch(/<script|<link|src=|href="(?!#file-\d+")/i);
    expect(m.err()).toContain(`wrote the report to ${out}`);
    expect(html).toContain("bad.docx");
    expect(html).toContain("file_is_text");
  });

  it("writes annotated copies of files with findings to --annotate, leaving the originals alone", async () => {
    const dir = makeFolder({ bad: true, good: true });
    const before = hashes(dir);
    const outDir = mkdtempSync(path.join(tmpdir(), "planassist-annotated-"));
    const m = memoryIo();
    await runCheck([dir, "--annotate", outDir, ...TODAY], m.io);
    const written = readdirSync(outDir);
    expect(written).toContain("bad.annotated.docx");
    const zip = openZip(new Uint8Array(readFileSync(path.join(outDir, "bad.annotated.docx"))));
    expect(new TextDecoder().decode(readEntry(zip, "word/comments.xml"))).toContain(
      'w:author="PlanAssist"',
    );
    expect(hashes(dir)).toEqual(before);
  });

  it("skips Word lock files and non-.docx files found in folders", async () => {
    const dir = makeFolder({ good: true });
    const m = memoryIo();
    await runCheck([dir, "--format", "json", ...TODAY], m.io);
    const names = JSON.parse(m.out()).files.map((f: { path: string }) => path.basename(f.path));
    expect(names).toEqual(["good.docx"]);
  });

  it("shows a progress bar on a terminal for a long batch", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planassist-many-"));
    for (let i = 0; i < 9; i++)
      writeFileSync(path.join(dir, `plan-${i}.docx`), templateBytes("ddtt-action-plan"));
    const m = memoryIo(true);
    await runCheck([dir, ...TODAY], m.io);
    expect(m.err()).toContain("9/9 files checked");
  });

  it("refuses bad options with a usage message and exit code 2", async () => {
    const m = memoryIo();
    expect(await runCheck(["x.docx", "--format", "pdf"], m.io)).toBe(2);
    expect(m.err()).toContain("--format takes one of");
    expect(parseCheckArgs(["--today", "9/1/2026", "a.docx"])).toContain("YYYY-MM-DD");
    expect(parseCheckArgs([])).toContain("at least one");
  });

  it("reports a path that does not exist as unreadable", async () => {
    const m = memoryIo();
    expect(
      await runCheck(
        [path.join(tmpdir(), "no-such-plan-folder-xyz"), "--format", "json", ...TODAY],
        m.io,
      ),
    ).toBe(2);
    expect(JSON.parse(m.out()).files[0].error.code).toBe("file_unreadable");
  });
});

describe("planassist check, when it cannot write", () => {
  it("says so and exits 2 when the report cannot be written", async () => {
    const dir = makeFolder({ good: true });
    const m = memoryIo();
    const code = await runCheck(
      [dir, "--out", path.join(dir, "no-such-folder", "report.txt"), ...TODAY],
      m.io,
    );
    expect(code).toBe(2);
    expect(m.err()).toContain("cannot be written");
    expect(m.err()).not.toMatch(/\n\s+at /);
  });
});
