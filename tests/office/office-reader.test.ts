/**
 * The Office.js adapter: how many round trips reading costs, what it does when Word is missing,
 * too old or fails, and where selections and comments land. Word is a typed fake that counts
 * syncs (tests/office/fake-word.ts); one test goes through office-addin-mock and the real globals.
 */
// office-addin-mock only needs the host names from office-addin-manifest, whose dependencies are
// ES modules Jest's CommonJS runtime cannot load; give it the names directly.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
}));
import { OfficeMockObject } from "office-addin-mock";
import { openDocx } from "../../src/adapters/docx/docx-file";
import { OfficeDocument } from "../../src/adapters/office/office-document.adapter";
import { readOfficeDocument } from "../../src/adapters/office/office-reader";
import { officeWordHost } from "../../src/adapters/office/word-host";
import { templateBytes } from "../helpers/fixtures";
import { minimalDocx, p, tbl, tc, toFlatOpc, tr } from "../helpers/make-docx";
import { nestedTable, twoTables } from "../contract/variants";
import { fakeWord } from "./fake-word";

const withComments = ["WordApi 1.1", "WordApi 1.2", "WordApi 1.3", "WordApi 1.4"];

async function readWith(bytes: Uint8Array, supported?: string[]) {
  const word = fakeWord({ ooxml: toFlatOpc(bytes), ...(supported ? { supported } : {}) });
  const doc = new OfficeDocument(word.host);
  const r = await doc.read();
  return { r, log: word.log, doc };
}

describe("reading the open document through Office.js", () => {
  it("reads the CLNA's 40 tables in one sync and one getOoxml call", async () => {
    const { r, log } = await readWith(templateBytes("clna"));
    expect(r.ok && r.value.tables.length).toBe(40);
    expect(log.syncs).toBe(1);
    expect(log.ooxmlCalls).toBe(1);
    expect(log.runs).toBe(1);
  });

  it("reads a two-table document in the same single sync as the 40-table CLNA", async () => {
    const { r, log } = await readWith(twoTables);
    expect(r.ok && r.value.tables.map((t) => t.rows[0]?.cells[0]?.text)).toEqual(["One", "Two"]);
    expect(log.syncs).toBe(1);
  });

  it("costs one sync per read whatever the number of tables (1 to 200)", async () => {
    for (const count of [1, 20, 200]) {
      const body = Array.from({ length: count }, (_, i) => tbl(1, tr(tc(p(`T${i}`))))).join(p(""));
      const { r, log } = await readWith(minimalDocx(body));
      expect(r.ok && r.value.tables.length).toBe(count);
      expect(log.syncs).toBe(1);
    }
  });

  it("reads styles from Word's package so a label bold through its style reads as bold", async () => {
    const bytes = minimalDocx(
      '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Goal</w:t></w:r></w:p>' +
        '<w:p><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>Owner:</w:t></w:r></w:p>',
    );
    const { r } = await readWith(bytes);
    expect(r.ok && r.value.paragraphs.map((x) => x.runs[0]?.bold)).toEqual([true, true]);
  });

  it("finds the main part through the package relationships when it is not word/document.xml", async () => {
    const flat = toFlatOpc(templateBytes("ddtt-action-plan"))
      .replace('pkg:name="/word/document.xml"', 'pkg:name="/word/main.xml"')
      .replace('Target="word/document.xml"', 'Target="word/main.xml"')
      .replace('Target="/word/document.xml"', 'Target="/word/main.xml"');
    expect(flat).toContain("/word/main.xml");
    const word = fakeWord({ ooxml: flat });
    const r = await readOfficeDocument(word.host);
    const reference = openDocx(templateBytes("ddtt-action-plan"));
    expect(r.ok && reference.ok).toBe(true);
    if (r.ok && reference.ok)
      expect(r.value.read.snapshot.tables).toEqual(reference.value.read.snapshot.tables);
  });

  it("says Word is not available when there is no Word host (the browser preview)", async () => {
    const r = await new OfficeDocument(undefined).read();
    expect(r.ok ? "" : r.error.code).toBe("office_unavailable");
    expect(officeWordHost({})).toBeUndefined();
  });

  it("refuses to read in a Word without WordApi 1.3 and names the requirement, before any sync", async () => {
    const { r, log } = await readWith(twoTables, ["WordApi 1.1", "WordApi 1.2"]);
    expect(r.ok ? "" : r.error.code).toBe("office_requirement_missing");
    expect(r.ok ? "" : r.error.message).toContain("WordApi 1.3");
    expect(log.syncs).toBe(0);
  });

  it("turns a failed sync into office_sync_failed with Word's error code and no document text", async () => {
    const word = fakeWord({
      ooxml: toFlatOpc(twoTables),
      failSync: { at: 1, error: Object.assign(new Error("boom"), { code: "GeneralException" }) },
    });
    const r = await new OfficeDocument(word.host).read();
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("office_sync_failed");
      expect(r.error.detail?.reason).toBe("GeneralException");
      expect(r.error.message).not.toContain("One");
    }
  });

  it.each([
    ["malformed OOXML", "<pkg:package xmlns:pkg='x'><pkg:part>", "xml_malformed"],
    ["a DOCTYPE", '<!DOCTYPE x [<!ENTITY a "b">]><pkg:package xmlns:pkg="x"/>', "xml_doctype"],
    ["something that is not a package", "<html/>", "docx_not_wordprocessing"],
    [
      "a package without a document body",
      '<pkg:package xmlns:pkg="x"></pkg:package>',
      "docx_not_wordprocessing",
    ],
    ["nothing at all", "", "office_sync_failed"],
  ])("reports %s from Word as a Result with a stable code", async (_name, ooxml, code) => {
    const r = await readOfficeDocument(fakeWord({ ooxml }).host);
    expect(r.ok ? "" : r.error.code).toBe(code);
  });
});

describe("moving the selection and adding comments in Word", () => {
  it("selects a cell of a nested table through its parent cell, in one sync", async () => {
    const word = fakeWord({ ooxml: toFlatOpc(nestedTable) });
    const doc = new OfficeDocument(word.host);
    await doc.read();
    const r = await doc.select({ kind: "cell", table: 1, row: 1, cell: 0 });
    expect(r.ok).toBe(true);
    expect(word.log.selected).toEqual(["table 0 cell 0,1 > table 0 cell 1,0"]);
    expect(word.log.syncs).toBe(2);
  });

  it("selects a body paragraph by its position among all paragraphs", async () => {
    const word = fakeWord({ ooxml: toFlatOpc(nestedTable) });
    const doc = new OfficeDocument(word.host);
    await doc.read();
    await doc.select({ kind: "paragraph", paragraph: 0 });
    // "Between" comes after Outer A, Before, Inner 1, Inner 2 and After: the sixth paragraph.
    expect(word.log.selected).toEqual(["paragraph 5"]);
  });

  it("says a place that is not in the document is missing, without asking Word", async () => {
    const word = fakeWord({ ooxml: toFlatOpc(twoTables) });
    const doc = new OfficeDocument(word.host);
    await doc.read();
    const r = await doc.select({ kind: "cell", table: 9, row: 0, cell: 0 });
    expect(r.ok ? "" : r.error.code).toBe("cell_missing");
    expect(word.log.syncs).toBe(1);
  });

  it("adds all comments in one batch when Word supports WordApi 1.4", async () => {
    const word = fakeWord({ ooxml: toFlatOpc(twoTables), supported: withComments });
    const doc = new OfficeDocument(word.host);
    await doc.read();
    const r = await doc.addComments([
      { location: { kind: "cell", table: 0, row: 0, cell: 0 }, text: "Name an owner." },
      { location: { kind: "cell", table: 1, row: 0, cell: 0 }, text: "Add a date." },
    ]);
    expect(r.ok && r.value).toEqual({ added: 2, skipped: [] });
    expect(word.log.comments).toEqual([
      { path: "table 0 cell 0,0", text: "Name an owner." },
      { path: "table 1 cell 0,0", text: "Add a date." },
    ]);
    expect(word.log.syncs).toBe(2);
  });

  it("says comments need WordApi 1.4 in an older Word", async () => {
    const word = fakeWord({ ooxml: toFlatOpc(twoTables) });
    const doc = new OfficeDocument(word.host);
    await doc.read();
    const r = await doc.addComments([
      { location: { kind: "cell", table: 0, row: 0, cell: 0 }, text: "x" },
    ]);
    expect(r.ok ? "" : r.error.code).toBe("office_requirement_missing");
  });
});

describe("the real Office.js globals", () => {
  it("are used through Word.run and Office.context.requirements (office-addin-mock)", async () => {
    const ooxml = toFlatOpc(twoTables);
    let syncs = 0;
    const context = {
      document: { body: { getOoxml: () => ({ value: ooxml }) } },
      sync: async () => {
        syncs++;
      },
    };
    const Word = new OfficeMockObject({
      run: async (batch: (c: typeof context) => Promise<unknown>) => batch(context),
    });
    const Office = new OfficeMockObject({
      context: {
        requirements: {
          isSetSupported: (name: string, v: string) => name === "WordApi" && v <= "1.3",
        },
      },
    });
    const host = officeWordHost({ Word, Office });
    expect(host).toBeDefined();
    const r = await new OfficeDocument(host).read();
    expect(r.ok && r.value.tables).toHaveLength(2);
    expect(syncs).toBe(1);
  });
});
