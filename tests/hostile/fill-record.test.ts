/**
 * The fill record (journal) is untrusted input like the rest of a file: damaged, altered or
 * merely large records, and packages a fill cannot safely write, each give an error code and a
 * sentence; revert refuses a record asking for what no fill does.
 */
import { fillBytes } from "../helpers/docx-use-cases";
import { fillDocx, revertDocx } from "../../src/adapters/docx/docx-writer";
import { defaultZipLimits, openZip, readEntry, writeZip } from "../../src/adapters/docx/zip";
import { parseJournal, serialiseJournal } from "../../src/ooxml/journal";
import { readDocument } from "../../src/domain/plan-reader";
import { templates } from "../../src/templates";
import { templateBytes, type TemplateId } from "../helpers/fixtures";
import { withField } from "../cli/cli-helpers";
import { handPlan } from "../writeback/hand-plans";
import { must, now, open, snapshotOf } from "../writeback/helpers";

// Each test runs whole commands on real files; on a loaded machine that can take seconds.
jest.setTimeout(60_000);

const encoder = new TextEncoder();
const relaxed = { ...defaultZipLimits, maxRatio: Number.POSITIVE_INFINITY };
const decoder = new TextDecoder();

function filled(id: TemplateId): Uint8Array {
  const original = templateBytes(id);
  const plan = handPlan(id, snapshotOf(original), (k) => `Value ${k}`);
  return must(fillDocx(original, plan, { label: id, now })).bytes;
}

function journalName(bytes: Uint8Array): string {
  const zip = openZip(bytes);
  const name = zip.order.find(
    (n) =>
      /^customXml\/item\d+\.xml$/.test(n) &&
      decoder.decode(readEntry(zip, n, relaxed)).includes("planassist:fill-journal"),
  );
  if (!name) throw new Error("no journal");
  return name;
}

/** The same package with the journal's XML changed by `edit`. */
function withJournal(bytes: Uint8Array, edit: (xml: string) => string): Uint8Array {
  const zip = openZip(bytes);
  const name = journalName(bytes);
  const xml = decoder.decode(readEntry(zip, name));
  const changed = edit(xml);
  if (changed === xml) throw new Error("the edit changed nothing");
  return writeZip(zip, { replace: new Map([[name, encoder.encode(changed)]]) });
}

function expectRefused(r: ReturnType<typeof revertDocx>, code: string, words: RegExp) {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe(code);
  expect(r.error.message).toMatch(words);
}

describe("a fill record that is damaged or altered", () => {
  const ddtt = filled("ddtt-action-plan");
  const sfss = filled("sfss-action-plan");

  it("the fill itself reverts, and says what it restored", () => {
    const r = must(revertDocx(sfss));
    expect(r.byKind.cells + r.byKind.paragraphs).toBeGreaterThan(0);
    expect(r.byKind.rowsRemoved + r.byKind.tablesRemoved).toBeGreaterThan(0);
    expect(open(r.bytes).read.snapshot.tables.length).toBe(
      snapshotOf(templateBytes("sfss-action-plan")).tables.length,
    );
  });

  it("a record that is not well-formed XML", () => {
    const bad = withJournal(ddtt, (x) => x.replace("</pa:journal>", ""));
    expectRefused(revertDocx(bad), "journal_invalid", /damaged/);
  });

  it('rows-added with count="0" or a count that is not a number', () => {
    expect(decoder.decode(readEntry(openZip(ddtt), journalName(ddtt)))).toContain("rows-added");
    for (const count of ["0", "-1", "1.5", "x", ""]) {
      const bad = withJournal(ddtt, (x) => x.replace(/count="\d+"/, `count="${count}"`));
      expectRefused(revertDocx(bad), "journal_invalid", /count/);
    }
  });

  it("the same entry twice", () => {
    const bad = withJournal(ddtt, (x) => x.replace(/(<pa:cell [\s\S]*?<\/pa:cell>)/, "$1$1"));
    expectRefused(revertDocx(bad), "journal_invalid", /listed twice/);
  });

  it("an index far outside any table, or a cell entry moved onto a label", () => {
    const far = withJournal(ddtt, (x) => x.replace(/table="\d+"/, 'table="99999999999"'));
    expectRefused(revertDocx(far), "journal_invalid", /table/);
  });

  it("rows-added pointing at the template's own first or header rows", () => {
    const first = withJournal(ddtt, (x) =>
      x.replace(/<pa:rows-added table="(\d+)" row="\d+"/, '<pa:rows-added table="$1" row="0"'),
    );
    expectRefused(revertDocx(first), "journal_invalid", /first row/);
  });

  it("tables-added pointing at the document's first table", () => {
    expect(decoder.decode(readEntry(openZip(sfss), journalName(sfss)))).toContain("tables-added");
    const bad = withJournal(sfss, (x) =>
      x.replace(/<pa:tables-added table="\d+"/, '<pa:tables-added table="0"'),
    );
    expectRefused(revertDocx(bad), "journal_invalid", /first table/);
  });

  it("a cell's earlier contents holding a field the fill never wrote (INCLUDEPICTURE with a UNC path)", () => {
    const field =
      "&lt;w:r&gt;&lt;w:fldChar w:fldCharType=&quot;begin&quot;/&gt;&lt;/w:r&gt;&lt;w:r&gt;&lt;w:instrText&gt;INCLUDEPICTURE &quot;\\\\\\\\attacker\\\\share\\\\x.png&quot;&lt;/w:instrText&gt;&lt;/w:r&gt;";
    const bad = withJournal(ddtt, (x) =>
      x.replace(/(<pa:cell [^>]*><pa:before>[\s\S]*?)(&lt;\/w:p&gt;)/, `$1${field}$2`),
    );
    const r = revertDocx(bad);
    expectRefused(r, "journal_invalid", /field/);
  });

  it("a cell's earlier contents that are not one cell, or not XML", () => {
    const two = withJournal(ddtt, (x) =>
      x.replace(/<pa:before>([\s\S]*?)<\/pa:before>/, "<pa:before>$1$1</pa:before>"),
    );
    expectRefused(revertDocx(two), "journal_invalid", /not one/);
    const broken = withJournal(ddtt, (x) => x.replace(/<pa:before>&lt;/, "<pa:before>&lt;&lt;"));
    expectRefused(revertDocx(broken), "journal_invalid", /not valid XML/);
  });
});

describe("packages and records a fill or revert meets", () => {
  it("a value holding characters XML cannot carry (Word's U+000B line break) is recorded and read back", () => {
    const fill = {
      at: "2026-01-15T10:00:00.000Z",
      label: "x\u0001",
      changes: [
        { kind: "paragraph" as const, paragraph: 1, before: "<w:p/>", after: "a\u000Bb\u001Fc\td" },
      ],
    };
    const xml = serialiseJournal({ fills: [fill] });
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(must(parseJournal(xml)).fills).toEqual([fill]);
  });

  it("fill on a package without [Content_Types].xml is refused with a code", async () => {
    const zip = openZip(templateBytes("ddtt-action-plan"));
    const bytes = writeZip(zip, {
      replace: new Map(),
      remove: new Set(["[Content_Types].xml"]),
    });
    // Such a package is not read at all now (check gives the same code): data from the replica.
    const data = readDocument(snapshotOf(templateBytes("ddtt-action-plan")), templates).data;
    const desired = {
      ...data,
      plans: data.plans.map((p) => ({
        ...p,
        sections: p.sections.map((s) => ({
          ...s,
          fields: s.fields.map((f) => (f.value === "" ? { ...f, value: "Springfield" } : f)),
        })),
      })),
    };
    const r = await fillBytes(bytes, desired, { now });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("docx_no_content_types");
  });

  it("a large record (a fill of a 1 MB value) is read back and reverted", async () => {
    const original = templateBytes("ddtt-action-plan");
    const data = readDocument(snapshotOf(original), templates).data;
    const big = "x".repeat(1024 * 1024);
    const desired = withField(data, "plan-header", "district-school-name", big);
    const once = must(await fillBytes(original, desired, { now }));
    // The record packs far tighter than the ratio limit documents are read with.
    const zip = openZip(once.report.bytes);
    const entry = zip.entries.get(journalName(once.report.bytes))!;
    expect(entry.uncompressedSize / entry.compressedSize).toBeGreaterThan(200);
    const back = must(revertDocx(once.report.bytes));
    expect(back.remaining).toBe(0);
    expect(open(back.bytes).document.source).toBe(open(original).document.source);
  });
});
