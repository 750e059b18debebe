/**
 * No export in src/ that nothing imports: `npm run unused-exports` lists them (see the script
 * for what counts as a use). The one allowed below is a schema exported for its type.
 */
import { spawnSync } from "child_process";
import path from "path";

// The whole program is type-checked once: seconds, more on a loaded machine.
jest.setTimeout(180_000);

type Unused = { file: string; line: number; name: string; usedBy: "dead" | "local" };

const allowed = new Set([
  "src/domain/completeness.ts planCompletenessSchema", // a schema used only for its type
]);

describe("exports", () => {
  it("every export in src/ is imported by some other file", () => {
    const script = path.join(__dirname, "..", "..", "scripts", "unused-exports.mjs");
    const run = spawnSync(process.execPath, [script, "--json"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    const unused = JSON.parse(run.stdout) as Unused[];
    const fresh = unused
      .filter((u) => !allowed.has(`${u.file} ${u.name}`))
      .map(
        (u) =>
          `${u.file}:${u.line} ${u.name} (${u.usedBy === "dead" ? "delete it" : "drop its export"})`,
      );
    expect(fresh).toEqual([]);
    // An allowed name that is used now, or gone, comes off the list.
    const still = new Set(unused.map((u) => `${u.file} ${u.name}`));
    expect([...allowed].filter((a) => !still.has(a))).toEqual([]);
  });
});
