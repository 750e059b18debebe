import { openDocx } from "../../src/adapters/docx/docx-file";
import { templateBytes } from "../helpers/fixtures";
import { errorOf, outcome, partText, replicaWith, W_NS } from "./hostile-files";

const STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const REL_DOC =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const REL_DOC_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";
const CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const CT_MACRO = "application/vnd.ms-word.document.macroEnabled.main+xml";

function tablesOf(bytes: Uint8Array) {
  const r = openDocx(bytes);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r;
}

const original = tablesOf(templateBytes("ddtt-action-plan")).value.read.snapshot;

describe("packages that are valid but unusual", () => {
  it("reads a Strict Open XML document, reports it as strict and warns with docx_strict_ooxml", () => {
    const bytes = replicaWith("ddtt-action-plan", {
      "word/document.xml": partText("ddtt-action-plan", "word/document.xml").replace(
        W_NS,
        STRICT_W,
      ),
      "_rels/.rels": partText("ddtt-action-plan", "_rels/.rels").replace(REL_DOC, REL_DOC_STRICT),
    });
    const r = tablesOf(bytes);
    expect(r.value.read.snapshot.facts.strict).toBe(true);
    expect(r.value.read.snapshot.tables.map((t) => t.rows.length)).toEqual(
      original.tables.map((t) => t.rows.length),
    );
    expect(r.warnings.map((w) => w.code)).toEqual(["docx_strict_ooxml"]);
  });

  it("reads a macro-enabled .docm, says it has macros and never runs them", () => {
    const types = partText("ddtt-action-plan", "[Content_Types].xml");
    expect(types).toContain(CT_MAIN);
    const bytes = replicaWith("ddtt-action-plan", {
      "[Content_Types].xml": types.replace(CT_MAIN, CT_MACRO),
      "word/vbaProject.bin": new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]),
    });
    const r = tablesOf(bytes);
    expect(r.value.macros).toBe(true);
    expect(r.value.read.snapshot.facts.macros).toBe(true);
    expect(r.value.read.snapshot.tables).toHaveLength(original.tables.length);
    expect(r.warnings.map((w) => w.code)).toEqual(["docx_macros"]);
    expect(tablesOf(templateBytes("ddtt-action-plan")).value.read.snapshot.facts.macros).toBe(
      false,
    );
  });

  it("finds a main part stored at another path through the package relationships", () => {
    const doc = partText("ddtt-action-plan", "word/document.xml");
    const bytes = replicaWith("ddtt-action-plan", {
      "word/document.xml": null,
      "word/_rels/document.xml.rels": null,
      "body/plan.xml": doc,
      "body/_rels/plan.xml.rels": partText(
        "ddtt-action-plan",
        "word/_rels/document.xml.rels",
      ).replace(/Target="([a-z]+\.xml)"/g, 'Target="../word/$1"'),
      "_rels/.rels": partText("ddtt-action-plan", "_rels/.rels").replace(
        'Target="word/document.xml"',
        'Target="/body/plan.xml"',
      ),
      "[Content_Types].xml": partText("ddtt-action-plan", "[Content_Types].xml").replace(
        "/word/document.xml",
        "/body/plan.xml",
      ),
    });
    const r = tablesOf(bytes);
    expect(r.value.mainPart).toBe("body/plan.xml");
    expect(r.value.read.snapshot.tables.map((t) => t.rows[0]?.cells[0]?.text)).toEqual(
      original.tables.map((t) => t.rows[0]?.cells[0]?.text),
    );
  });

  it("never follows an external relationship, for the main part or for styles", () => {
    const fetchSpy = jest.fn();
    const saved = globalThis.fetch;
    globalThis.fetch = fetchSpy as unknown as typeof fetch;
    try {
      const externalMain = replicaWith("ddtt-action-plan", {
        "word/document.xml": null,
        "_rels/.rels": partText("ddtt-action-plan", "_rels/.rels").replace(
          'Target="word/document.xml"',
          'Target="file:///etc/passwd" TargetMode="External"',
        ),
      });
      expect(errorOf(openDocx(externalMain)).code).toBe("docx_no_main_part");
      const externalStyles = replicaWith("ddtt-action-plan", {
        "word/_rels/document.xml.rels": partText(
          "ddtt-action-plan",
          "word/_rels/document.xml.rels",
        ).replace(
          'Target="styles.xml"',
          'Target="https://styles.invalid/styles.xml" TargetMode="External"',
        ),
      });
      expect(tablesOf(externalStyles).value.read.snapshot.tables).toHaveLength(
        original.tables.length,
      );
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      globalThis.fetch = saved;
    }
  });

  it("refuses a relationship that points outside the package", () => {
    const bytes = replicaWith("ddtt-action-plan", {
      "_rels/.rels": partText("ddtt-action-plan", "_rels/.rels").replace(
        'Target="word/document.xml"',
        'Target="../../word/document.xml"',
      ),
    });
    expect(outcome(bytes)).toBe("zip_unsafe_entry_name");
  });

  it("refuses an Office file that is not a Word document", () => {
    const bytes = replicaWith("ddtt-action-plan", {
      "[Content_Types].xml": partText("ddtt-action-plan", "[Content_Types].xml").replace(
        CT_MAIN,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
      ),
    });
    expect(errorOf(openDocx(bytes)).code).toBe("docx_not_wordprocessing");
  });
});
