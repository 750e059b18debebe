import { mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { runCheck } from "../../src/cli/check.command";
import { fsIo } from "../helpers/cli-io";
import { districtKey, weakComponents } from "../../src/domain/progress/district-links";
import { filledPlan, planDataOf } from "../helpers/progress-plans";

const memoryIo = fsIo;

/** A CLNA rating Equitable Access (component 3) Challenge and Teaching & Learning Established. */
const clna = filledPlan("clna", {
  "component-1-ratings.criterion-1-1": ["Established"],
  "component-3-ratings.criterion-3-1": ["Challenge"],
  "component-3-ratings.criterion-3-2": ["Established"],
});

function perkins(district: string, actions: string[]): Uint8Array {
  const values: Record<string, string> = { "plan-header.district-consortium": district };
  actions.forEach((a, i) => {
    values[`actions[${i}].action`] = a;
    values[`actions[${i}].timeline`] = "9/1/2026 - 6/15/2027";
  });
  return filledPlan("perkins-action-plan", values);
}

const disagree = perkins("Pioneer Valley Public Schools", [
  "Hold quarterly advisory curriculum reviews",
  "Buy new lab equipment for the welding shop",
]);
const agree = perkins("Pioneer Valley Public Schools", [
  "Hold quarterly advisory curriculum reviews",
  "Recruit students from underrepresented groups through middle school open houses",
]);

type Report = {
  files: { path: string; findings: { code: string; severity: string; message: string }[] }[];
};

async function linkFindings(dir: string, extra: string[] = []) {
  const m = memoryIo();
  await runCheck([dir, "--format", "json", "--today", "2026-10-01", ...extra], m.io);
  const report = JSON.parse(m.out()) as Report;
  return report.files.map((f) => ({
    file: path.basename(f.path),
    links: f.findings.filter((x) => x.code === "clna_weak_component_not_addressed"),
  }));
}

describe("checking a district's CLNA with its Perkins action plans", () => {
  it("reads which components the CLNA rates weak", () => {
    expect(weakComponents(planDataOf(clna).plans[0]!)).toEqual([3]);
    expect(districtKey("Pioneer Valley Public Schools")).toBe(districtKey("pioneer valley"));
  });

  it("says on the Perkins plan which weak CLNA component no action addresses", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planassist-district-"));
    writeFileSync(path.join(dir, "clna.docx"), clna);
    writeFileSync(path.join(dir, "perkins.docx"), disagree);
    const found = await linkFindings(dir);
    const onPerkins = found.find((f) => f.file === "perkins.docx")!.links;
    expect(onPerkins).toHaveLength(1);
    expect(onPerkins[0]!.severity).toBe("warning");
    expect(onPerkins[0]!.message).toContain("3: Equitable Access");
    expect(onPerkins[0]!.message).toContain("clna.docx");
    expect(found.find((f) => f.file === "clna.docx")!.links).toEqual([]);
  });

  it("says nothing when a Perkins action addresses it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planassist-district-"));
    writeFileSync(path.join(dir, "clna.docx"), clna);
    writeFileSync(path.join(dir, "perkins.docx"), agree);
    const found = await linkFindings(dir);
    expect(found.flatMap((f) => f.links)).toEqual([]);
  });

  it("links only plans of one district; --group-by says which files go together", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planassist-district-"));
    mkdirSync(path.join(dir, "assessments"));
    mkdirSync(path.join(dir, "plans"));
    writeFileSync(path.join(dir, "assessments", "pioneer-clna.docx"), clna);
    writeFileSync(path.join(dir, "plans", "pioneer.docx"), disagree);
    writeFileSync(path.join(dir, "plans", "other.docx"), perkins("Berkshire Hills", ["Buy tools"]));
    // The CLNA names no district and sits in a folder of its own: nothing links it.
    expect((await linkFindings(dir)).flatMap((f) => f.links)).toEqual([]);
    const csv = path.join(dir, "districts.csv");
    writeFileSync(
      csv,
      "file,district\r\nassessments/pioneer-clna.docx,Pioneer Valley\r\nplans/pioneer.docx,Pioneer Valley\r\n",
    );
    const grouped = await linkFindings(dir, ["--group-by", csv]);
    expect(grouped.find((f) => f.file === "pioneer.docx")!.links).toHaveLength(1);
    expect(grouped.find((f) => f.file === "other.docx")!.links).toEqual([]);
  });

  it("refuses a --group-by file it cannot read, with a sentence", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planassist-district-"));
    writeFileSync(path.join(dir, "perkins.docx"), agree);
    const m = memoryIo();
    expect(await runCheck([dir, "--group-by", path.join(dir, "none.csv")], m.io)).toBe(2);
    expect(m.err()).toContain("cannot be read");
    writeFileSync(path.join(dir, "bad.csv"), "just-one-column\n");
    const bad = memoryIo();
    expect(await runCheck([dir, "--group-by", path.join(dir, "bad.csv")], bad.io)).toBe(2);
    expect(bad.err()).toContain('one "file,district" per line');
  });
});
