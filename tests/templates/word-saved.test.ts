/**
 * What Word writes into a saved plan beyond joining touching tables, on the replicas: rows
 * deleted with Track Changes on, and each of them also in the joined form.
 */
import { fillBytes, checkDocxNow } from "../helpers/docx-use-cases";
import { readWordDocument } from "../../src/ooxml/wordml";
import { parseXml } from "../../src/ooxml/xml";
import { templateBytes } from "../helpers/fixtures";
import { joinedDocx } from "../helpers/join-tables";
import { editDocument, readParts } from "../helpers/make-docx";
import { readBytes, section } from "./read-helpers";

/** The DDTT replica with its third action-step row deleted under Track Changes. */
function ddttWithTrackedRowDeletion(): Uint8Array {
  const blank = readBytes(templateBytes("ddtt-action-plan"));
  const plan = blank.data.plans[0];
  const steps = section(plan, "action-steps");
  const l = steps.rows?.[2]?.cells[0]?.location;
  if (l?.kind !== "cell") throw new Error("no third action step");
  return editDocument(templateBytes("ddtt-action-plan"), (xml) => {
    const { index } = readWordDocument(parseXml(xml));
    const tr = index.tables[l.table]!.rows[l.row]!.element;
    const trPr = tr.children.find((c) => c.kind === "element" && c.name === "w:trPr");
    const del = '<w:del w:id="901" w:author="Reviewer" w:date="2026-11-30T10:00:00Z"/>';
    if (trPr && trPr.kind === "element" && trPr.closeStart !== trPr.end)
      return xml.slice(0, trPr.closeStart) + del + xml.slice(trPr.closeStart);
    const at = trPr && trPr.kind === "element" ? trPr.start : tr.openEnd;
    const end = trPr && trPr.kind === "element" ? trPr.end : tr.openEnd;
    return `${xml.slice(0, at)}<w:trPr>${del}</w:trPr>${xml.slice(end)}`;
  });
}

describe("a row deleted with Track Changes on", () => {
  const tracked = ddttWithTrackedRowDeletion();
  it.each([
    ["split", tracked],
    ["joined", joinedDocx(tracked)],
  ])(
    "is not a row of the plan (%s form): the plan is read as once changes are accepted",
    (_f, bytes) => {
      const before = section(
        readBytes(templateBytes("ddtt-action-plan")).data.plans[0],
        "action-steps",
      );
      const after = section(readBytes(bytes).data.plans[0], "action-steps");
      expect(after.rows).toHaveLength((before.rows?.length ?? 0) - 1);
      expect(readBytes(bytes).snapshot.facts.trackedChanges).toBe(true);
    },
  );

  it("makes check say that the plan holds tracked changes, and a plain replica does not", () => {
    const codes = (bytes: Uint8Array) => {
      const r = checkDocxNow(bytes, { currentDate: "2026-12-02" });
      if (!r.ok) throw new Error(r.error.message);
      return r.value.findings.map((f) => f.code);
    };
    expect(codes(tracked)).toContain("document_tracked_changes");
    expect(codes(templateBytes("ddtt-action-plan"))).not.toContain("document_tracked_changes");
  });
});

describe("the WordprocessingML namespace under another prefix", () => {
  /** The DDTT replica with `w:` written as `wx:` throughout (the namespace is the same). */
  const renamed = editDocument(templateBytes("ddtt-action-plan"), (xml) =>
    xml.replace(/(<\/?|\s)w:/g, "$1wx:").replace(/xmlns:w=/, "xmlns:wx="),
  );

  it("is matched by its URI: the plan reads as with the usual prefix", () => {
    expect(readParts(renamed).get("word/document.xml")).toContain("<wx:tbl>");
    const strip = (d: unknown) => JSON.stringify(d);
    expect(strip(readBytes(renamed).data)).toBe(
      strip(readBytes(templateBytes("ddtt-action-plan")).data),
    );
  });

  it("is written in the document's own prefix, and the fill reads back", async () => {
    const data = readBytes(renamed).data;
    const steps = section(data.plans[0], "action-steps");
    const first = steps.rows?.[0]?.cells[0];
    if (!first) throw new Error("no action step");
    first.value = "Train every coach";
    const r = await fillBytes(renamed, data, { now: new Date("2026-12-02T00:00:00Z") });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.report.failed).toEqual([]);
    const xml = readParts(r.value.report.bytes).get("word/document.xml") ?? "";
    expect(xml).not.toMatch(/<w:/);
    const back = section(readBytes(r.value.report.bytes).data.plans[0], "action-steps");
    expect(back.rows?.[0]?.cells[0]?.value).toBe("Train every coach");
  });
});
