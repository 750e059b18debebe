/**
 * The bundled command checks files in worker threads when asked (--jobs N); the report is the
 * same as checking them one by one.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { templateBytes } from "../helpers/fixtures";
import { bundleCli } from "./cli-helpers";

describe("planassist check in worker threads", () => {
  let bundle = "";
  let dir = "";
  beforeAll(async () => {
    ({ bundle } = await bundleCli(mkdtempSync(path.join(tmpdir(), "planassist-bundle-"))));
    dir = mkdtempSync(path.join(tmpdir(), "planassist-workers-"));
    const ids = [
      "ddtt-action-plan",
      "perkins-action-plan",
      "sfss-action-plan",
      "cde-plan-for-improvement",
    ] as const;
    ids.forEach((id, i) => writeFileSync(path.join(dir, `${i}-${id}.docx`), templateBytes(id)));
    writeFileSync(path.join(dir, "9-broken.docx"), "not a word file");
  }, 60_000);

  function run(jobs: number) {
    const script = `require(${JSON.stringify(bundle)}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; })`;
    return spawnSync(
      process.execPath,
      [
        "-e",
        script,
        "check",
        dir,
        "--format",
        "json",
        "--today",
        "2026-09-01",
        "--jobs",
        String(jobs),
      ],
      {
        encoding: "utf8",
        timeout: 120_000,
      },
    );
  }

  it("gives the same report and exit code with three workers as with one", () => {
    const one = run(1);
    const three = run(3);
    expect(one.status).toBe(2);
    expect(three.status).toBe(2);
    expect(JSON.parse(three.stdout)).toEqual(JSON.parse(one.stdout));
    expect(JSON.parse(three.stdout).files).toHaveLength(5);
  }, 150_000);
});
