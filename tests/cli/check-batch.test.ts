/**
 * The batch loop the command checks files with in one thread: files read and checked a few at a
 * time, results in the order given whatever order the reads finish in, one progress call per file,
 * and a file that cannot be read reported without stopping the others.
 */
import {
  checkBatch,
  districtOf,
  keptForLinks,
  linkDistrictPlans,
  type BatchInput,
  type BatchItem,
} from "../../src/app/check";
import { templateBytes, templateIds } from "../helpers/fixtures";
import { filledPlan } from "../helpers/progress-plans";
import { DocxDocument } from "../../src/adapters/docx/docx-document.adapter";

const open = (bytes: Uint8Array) => DocxDocument.forReading(bytes);

describe("checkBatch", () => {
  it("keeps the input order when reads finish in another order, and reports each file done", async () => {
    const ids = [...templateIds, ...templateIds];
    let pending = ids.length;
    // Each read waits until every read has started, then the later files finish first.
    const started: (() => void)[] = [];
    const inputs: BatchInput[] = ids.map((id, i) => ({
      name: `${i}-${id}.docx`,
      read: () =>
        new Promise<Uint8Array>((resolve) => {
          started.push(() => resolve(templateBytes(id)));
          pending--;
          if (pending === 0 || started.length === 3)
            started
              .splice(0)
              .reverse()
              .forEach((f) => f());
        }),
    }));
    const progress: [number, number][] = [];
    const items = await checkBatch(inputs, {
      currentDate: "2026-01-15",
      open,
      concurrency: 3,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(items.map((i) => i.name)).toEqual(inputs.map((i) => i.name));
    // Each result is its own file's (the blank templates recognised as themselves).
    expect(items.map((i) => i.ok && i.check.recognition.template)).toEqual(ids);
    expect(progress).toEqual(ids.map((_, k) => [k + 1, ids.length]));
  });

  it("reports a file that cannot be read and checks the others", async () => {
    const missing = Object.assign(new Error("gone"), { code: "ENOENT" });
    const items = await checkBatch(
      [
        { name: "a.docx", read: async () => templateBytes("ddtt-action-plan") },
        { name: "gone.docx", read: () => Promise.reject(missing) },
        { name: "b.docx", read: async () => templateBytes("clna") },
      ],
      { currentDate: "2026-01-15", concurrency: 2, open },
    );
    expect(items.map((i) => [i.name, i.ok])).toEqual([
      ["a.docx", true],
      ["gone.docx", false],
      ["b.docx", true],
    ]);
    const gone = items[1]!;
    expect(!gone.ok && gone.error.code).toBe("file_unreadable");
    expect(items[2]!.ok && items[2]!.check.recognition.template).toBe("clna");
  });
});

describe("a batch that keeps only what linking reads", () => {
  const ddtt = filledPlan("ddtt-action-plan", {
    "plan-header.district-school-name": "Pioneer Valley",
    "strategy.strategy": "Use data teams weekly",
  });
  const clna = filledPlan("clna", { "component-3-ratings.criterion-3-1": ["Challenge"] });
  const perkins = filledPlan("perkins-action-plan", {
    "plan-header.district-consortium": "Pioneer Valley Public Schools",
    "actions[0].action": "Buy new lab equipment for the welding shop",
  });
  const files = [
    { name: "east/ddtt.docx", bytes: ddtt },
    { name: "east/clna.docx", bytes: clna },
    { name: "west/perkins.docx", bytes: perkins },
    { name: "west/ddtt.docx", bytes: ddtt },
  ];
  const inputs = files.map((f) => ({ name: f.name, read: async () => f.bytes }));
  const findingsOf = (items: BatchItem[]) =>
    items.map((i) => (i.ok ? { name: i.name, findings: i.check.findings } : i));

  it("groups and links the district's plans exactly as with every plan kept", async () => {
    const whole = await checkBatch(inputs, { currentDate: "2026-10-01", open });
    const kept = await checkBatch(inputs, {
      currentDate: "2026-10-01",
      plansForLinksOnly: true,
      open,
    });
    expect(districtOf(kept)).toEqual(districtOf(whole));
    const linked = linkDistrictPlans(kept);
    expect(findingsOf(linked)).toEqual(findingsOf(linkDistrictPlans(whole)));
    // The link is there to be found (the CLNA joins the district its folder names).
    const perkinsFindings = linked.find((i) => i.name === "west/perkins.docx");
    expect(
      perkinsFindings?.ok &&
        perkinsFindings.check.findings.some((f) => f.code === "clna_weak_component_not_addressed"),
    ).toBe(true);
  });

  it("keeps of a DDTT plan only the line naming its district, and CLNA and Perkins plans whole", async () => {
    const whole = await checkBatch(inputs, { currentDate: "2026-10-01", open });
    const kept = whole.map((i) => (i.ok ? keptForLinks(i.check) : undefined));
    const ddttPlans = kept[0]!.plans.plans;
    expect(ddttPlans.flatMap((p) => p.sections.flatMap((s) => s.fields.map((f) => f.id)))).toEqual([
      "district-school-name",
    ]);
    expect(ddttPlans.flatMap((p) => p.sections.map((s) => s.rows))).toEqual([undefined]);
    expect(kept[1]!.plans).toEqual(whole[1]!.ok && whole[1]!.check.plans);
    expect(kept[2]!.plans).toEqual(whole[2]!.ok && whole[2]!.check.plans);
    expect(kept[0]!.findings).toBe(whole[0]!.ok && whole[0]!.check.findings);
  });
});
