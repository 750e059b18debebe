/** What the command-line tests share: the bundled command, an io on real files, plan data edits. */
import { writeFileSync } from "fs";
import path from "path";
import { build } from "esbuild";
import { nodeIo, type CliIo } from "../../src/cli/io";
import type { DocumentPlanData, FieldValue } from "../../src/domain/plan-data";

const root = path.join(__dirname, "..", "..");

/**
 * Bundles `entry` (the command by default) into `dir`, as `npm ci` builds dist/cli.cjs, and
 * writes a runner script that calls its `main` with the runner's arguments (a script, not
 * `node -e`: node would take a first argument "inspect" for its debugger).
 */
export async function bundleCli(
  dir: string,
  entry = "src/cli/main.ts",
): Promise<{ bundle: string; runner: string }> {
  const bundle = path.join(dir, `${path.basename(entry, ".ts")}.cjs`);
  await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    outfile: bundle,
    logLevel: "silent",
  });
  const runner = path.join(dir, "run.cjs");
  writeFileSync(
    runner,
    `require(${JSON.stringify(bundle)}).main(process.argv.slice(2)).then((c) => { process.exitCode = c; });`,
  );
  return { bundle, runner };
}

/** Real files (atomic writes, identity checks), with standard output and error recorded. */
export function realIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    ...nodeIo(),
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    finish: async () => undefined,
    isTty: false,
  };
  return { io, out: () => out.join(""), err: () => err.join("") };
}

/** Plan data with one field of every plan's section set to `value`. */
export function withField(
  data: DocumentPlanData,
  section: string,
  field: string,
  value: FieldValue,
): DocumentPlanData {
  return {
    ...data,
    plans: data.plans.map((p) => ({
      ...p,
      sections: p.sections.map((s) =>
        s.id === section
          ? { ...s, fields: s.fields.map((f) => (f.id === field ? { ...f, value } : f)) }
          : s,
      ),
    })),
  };
}
