/**
 * What the add-in answers, pinned down: for every replica and variant, split and as Word saves it
 * (touching tables joined), the plan data read, the findings of a check, what a fill of every field
 * writes and what a revert of it gives back. A change to the code's shape must leave all of this
 * byte for byte as it was; a change meant to alter an answer updates the snapshot on purpose
 * (`npx jest tests/golden -u`) and the diff shows exactly what it altered.
 *
 * Bytes are kept as SHA-256 digests of each part, so the snapshot stays small and a difference
 * still names the part that changed.
 */
import { createHash } from "crypto";
import { readdirSync } from "fs";
import path from "path";
import { revertDocx } from "../../src/adapters/docx/docx-writer";
import type { DocumentPlanData } from "../../src/domain/plan-data";
import type { Result } from "../../src/domain/result";
import { readDocument } from "../../src/domain/plan-reader";
import { fillBytes, checkDocxNow } from "../helpers/docx-use-cases";
import { templates } from "../../src/templates";
import { fixtureBytes, fixturesDir, templateBytes, templateIds } from "../helpers/fixtures";
import { joinedDocx } from "../helpers/join-tables";
import { entries, now, snapshotOf } from "../writeback/helpers";
import { everyFieldChanged } from "../writeback/data-changes";

const variants = readdirSync(path.join(fixturesDir, "variants"))
  .filter((f) => f.endsWith(".docx"))
  .sort();
const documents: [string, Uint8Array][] = [
  ...templateIds.map((id): [string, Uint8Array] => [`replica ${id}`, templateBytes(id)]),
  ...variants.map((v): [string, Uint8Array] => [`variant ${v}`, fixtureBytes(`variants/${v}`)]),
].flatMap(([name, bytes]): [string, Uint8Array][] => [
  [`${name} (split)`, bytes],
  [`${name} (joined)`, joinedDocx(bytes)],
]);

const digest = (data: Uint8Array | string) =>
  createHash("sha256").update(data).digest("hex").slice(0, 16);

/** Each part of a package by name, as a digest of its bytes. */
function parts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of [...entries(bytes)].sort(([a], [b]) => (a < b ? -1 : 1)))
    out[name] = digest(data);
  return out;
}

/** A failed result as its code, so a change of error is seen too. */
function outcome<T, U>(r: Result<T>, keep: (v: T) => U): U | { error: string } {
  return r.ok ? keep(r.value) : { error: r.error.code };
}

describe.each(documents)("%s", (_name, original) => {
  const data: DocumentPlanData = readDocument(snapshotOf(original), templates).data;

  it("reads the same plan data", () => {
    expect(digest(JSON.stringify(data))).toMatchSnapshot();
  });

  it("gives the same findings", () => {
    const check = outcome(
      checkDocxNow(original, { currentDate: "2026-12-02", showValues: true }),
      (c) => ({
        recognition: c.recognition,
        completeness: c.completeness,
        // Each finding in short, to read a difference; the digest holds every word of every one.
        findings: c.findings.map((f) => `${f.severity} ${f.code} ${f.rule}`),
        all: digest(JSON.stringify(c.findings)),
      }),
    );
    expect(check).toMatchSnapshot();
  });

  it("fills and reverts the same way", async () => {
    const filled = await fillBytes(original, everyFieldChanged(data), { now });
    const fill = outcome(filled, (f) => ({
      parts: parts(f.report.bytes),
      written: f.report.written.length,
      unchanged: f.report.unchanged.length,
      skipped: f.report.skipped.map((s) => JSON.stringify(s)),
      failed: f.report.failed.map((s) => JSON.stringify(s)),
      planned: digest(JSON.stringify(f.planning.plan)),
    }));
    const revert = filled.ok
      ? outcome(revertDocx(filled.value.report.bytes), (r) => ({
          parts: parts(r.bytes),
          // The revert's account in the order and shape it was first pinned in.
          report: digest(
            JSON.stringify({
              restored: r.byKind,
              names: r.names,
              kept: r.kept,
              fill: r.fill,
              remaining: r.remaining,
            }),
          ),
        }))
      : "not filled";
    expect({ fill, revert }).toMatchSnapshot();
  });
});
