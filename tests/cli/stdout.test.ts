/**
 * A closed or full standard output (`| head`, `> /dev/full`) is an error with a code and a
 * sentence and exit code 2, never a stack trace; the bundled command is run as a person runs it.
 */
import { spawn, spawnSync } from "child_process";
import { closeSync, mkdtempSync, openSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { templateBytes } from "../helpers/fixtures";
import { bundleCli } from "./cli-helpers";

describe("standard output that cannot take the output", () => {
  let runner = "";
  let plan = "";
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planassist-stdout-"));
    ({ runner } = await bundleCli(dir));
    plan = path.join(dir, "plan.docx");
    writeFileSync(plan, templateBytes("clna"));
  }, 60_000);

  it("a full disk (/dev/full) gives output_closed and exit 2", () => {
    const full = openSync("/dev/full", "w");
    try {
      const r = spawnSync(process.execPath, [runner, "inspect", plan, "--json"], {
        stdio: ["ignore", full, "pipe"],
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("output_closed");
      expect(r.stderr).toContain("the disk is full");
      expect(r.stderr).not.toMatch(/\n\s+at .+:\d+/);
    } finally {
      closeSync(full);
    }
  });

  it("a reader that stops early (| head) gives output_closed and exit 2", async () => {
    const child = spawn(process.execPath, [runner, "inspect", plan, "--json"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    // Close the reading end at once, as `head -c0` would.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const status = await new Promise<number | null>((r) => child.on("close", (c) => r(c)));
    expect(status).toBe(2);
    expect(stderr).toContain("output_closed");
    expect(stderr).toContain("closed before everything was written");
    expect(stderr).not.toMatch(/\n\s+at .+:\d+/);
  }, 60_000);
});
