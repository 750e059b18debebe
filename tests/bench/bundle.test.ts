/**
 * The bench bundles bench/entry.ts at run time (bench/build.mjs); a module it imports that moved
 * or was deleted would only show when someone runs `npm run bench`. This builds the same bundle
 * with the same options and checks that it exports every `lib.name` the bench's suites use.
 */
import { build } from "esbuild";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
// @ts-expect-error: the bench is plain JavaScript (ESM) without type declarations.
import { benchBundleOptions } from "../../bench/bundle-options.mjs";

const root = path.join(__dirname, "..", "..");
const benchDir = path.join(root, "bench");

/** Every `lib.name` the bench's scripts read from the bundle. */
function namesTheBenchUses(): string[] {
  const names = new Set<string>();
  for (const f of readdirSync(benchDir).filter((f) => /\.(mjs|cjs)$/.test(f))) {
    const source = readFileSync(path.join(benchDir, f), "utf8");
    for (const m of source.matchAll(/\blib\.([A-Za-z_$][\w$]*)/g)) names.add(m[1]!);
  }
  return [...names].sort();
}

describe("the bench's bundle", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "planassist-bench-bundle-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("builds from bench/entry.ts and exports every name the bench's suites use", async () => {
    const outfile = path.join(dir, "reader.mjs");
    const options = benchBundleOptions(root, outfile) as Parameters<typeof build>[0];
    const result = await build({ ...options, logLevel: "silent", metafile: true, write: false });
    expect(result.errors).toEqual([]);
    const output = Object.values(result.metafile!.outputs)[0]!;
    const used = namesTheBenchUses();
    // The suites read the bundle through `lib` (a guard that the scan itself finds them).
    expect(used).toEqual(expect.arrayContaining(["checkDocument", "openDocx", "wordModelHost"]));
    expect(used.filter((n) => !output.exports.includes(n))).toEqual([]);
  }, 60_000);
});
