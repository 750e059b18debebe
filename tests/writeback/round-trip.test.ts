import type { DocumentPlanData } from "../../src/domain/plan-data";
import { fillBytes, revertBytes, type FilledBytes } from "../helpers/docx-use-cases";
import { readDocument } from "../../src/domain/plan-reader";
import { templates } from "../../src/templates";
import { templateBytes, templateIds } from "../helpers/fixtures";
import { joinedDocx, touchingTables } from "../helpers/join-tables";
import { everyFieldChanged, fieldValues as values } from "./data-changes";
import { documentXml, must, now, snapshotOf } from "./helpers";

function read(bytes: Uint8Array): DocumentPlanData {
  return readDocument(snapshotOf(bytes), templates).data;
}

/** Each replica as the office suite wrote it, and as Word saves it (touching tables joined). */
const forms = templateIds.flatMap((id) => [
  [id, "split", templateBytes(id)] as const,
  [id, "joined", joinedDocx(templateBytes(id))] as const,
]);

describe.each(forms)("a round trip through the %s replica (%s)", (_id, _form, original) => {
  const desired = everyFieldChanged(read(original));
  let result: FilledBytes;
  beforeAll(async () => {
    result = must(await fillBytes(original, desired, { now }));
  });

  it("reads back every changed field, added row and added block as it was written", () => {
    expect(result.report.failed).toEqual([]);
    expect(result.report.skipped).toEqual([]);
    const want = values(desired);
    const got = values(read(result.report.bytes));
    // Signature lines are signed by hand: never written, whatever the data says.
    const signed = (k: string) => k.includes("-signature#");
    const mismatches = [...want].filter(
      ([k, v]) => !signed(k) && JSON.stringify(got.get(k)) !== JSON.stringify(v),
    );
    expect(mismatches.map(([k, v]) => [k, v, got.get(k)])).toEqual([]);
    expect([...got].filter(([k, v]) => signed(k) && v !== "")).toEqual([]);
  });

  it("plans nothing when the same data is filled again", async () => {
    const again = must(await fillBytes(result.report.bytes, desired, { now }));
    expect(again.planning.plan.structure).toEqual([]);
    expect(again.planning.plan.content).toEqual([]);
    expect(again.report.bytes).toBe(result.report.bytes);
  });

  it("writes no touching tables, not even in an added block", () => {
    // The split replicas touch where the office suite wrote them so; the fill adds none.
    expect(touchingTables(documentXml(result.report.bytes))).toBe(
      touchingTables(documentXml(original)),
    );
  });

  it("reverts to the original document part exactly", async () => {
    const reverted = must(await revertBytes(result.report.bytes));
    expect(documentXml(reverted.bytes)).toBe(documentXml(original));
  });
});
