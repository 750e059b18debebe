import { classifyFileName, openDocx, sniff } from "../../src/adapters/docx/docx-file";
import { templateBytes } from "../helpers/fixtures";
import { errorOf, oleFile, outcome } from "./hostile-files";

const text = (s: string) => new TextEncoder().encode(s);

function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe("files that are not Word documents", () => {
  it("refuses an empty file with file_empty and a sentence saying what to do", () => {
    const e = errorOf(openDocx(new Uint8Array(0)));
    expect(e.code).toBe("file_empty");
    expect(e.message).toMatch(/empty/);
  });

  it("refuses random bytes as not a Word package", () => {
    for (const seed of [1, 2, 3, 4, 5])
      expect(outcome(randomBytes(4096, seed))).toBe("file_not_zip");
  });

  it.each([
    ["a PDF", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj", "file_is_pdf"],
    ["an RTF file", "{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Hello}", "file_is_rtf"],
    [
      "an HTML page",
      "<!DOCTYPE html><html><body><table><tr><td>Goal</td></tr></table></body></html>",
      "file_is_html",
    ],
    [
      "HTML saved by Word",
      "\ufeff<html xmlns:o='urn:schemas-microsoft-com:office:office'><body></body></html>",
      "file_is_html",
    ],
    ["plain text", "District/School Name: Springfield\nGoal 1: read more\n", "file_is_text"],
  ])("refuses %s renamed to .docx", (_what, content, code) => {
    const e = errorOf(openDocx(text(content)));
    expect(e.code).toBe(code);
    expect(e.message.length).toBeGreaterThan(30);
  });

  it("reads a single-file Word XML Document (flat OPC) as a package: one without a body has none", () => {
    const flat =
      '<?xml version="1.0"?><?mso-application progid="Word.Document"?><pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"></pkg:package>';
    expect(errorOf(openDocx(text(flat))).code).toBe("docx_no_main_part");
  });

  it("names a Word 2003 XML document renamed to .docx", () => {
    const old =
      '<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"></w:wordDocument>';
    const e = errorOf(openDocx(text(old)));
    expect(e.code).toBe("file_is_text");
    expect(e.message).toMatch(/Word 2003 XML document/);
  });

  it("recognises a legacy Word 97-2003 .doc by its OLE header", () => {
    const e = errorOf(openDocx(oleFile(["WordDocument", "1Table", "\u0005SummaryInformation"])));
    expect(e.code).toBe("file_is_legacy_doc");
    expect(e.message).toMatch(/save it as a Word Document \(\.docx\)/);
  });

  it("recognises a password-protected .docx by the EncryptionInfo stream in its OLE directory", () => {
    const e = errorOf(openDocx(oleFile(["EncryptionInfo", "EncryptedPackage"])));
    expect(e.code).toBe("file_is_encrypted");
    expect(e.message).toMatch(/password/);
  });

  it("sniffs a real .docx as a zip", () => {
    expect(sniff(templateBytes("clna"))).toMatchObject({ ok: true, value: "zip" });
  });
});

describe("file names", () => {
  it.each(["~$ogress-plan.docx", "plans/~$CLNA 2025.docx", "C:\\Plans\\~$an.docm"])(
    "refuses Word's lock file %s with file_is_lock_file",
    (name) => {
      const e = errorOf(classifyFileName(name));
      expect(e.code).toBe("file_is_lock_file");
      expect(e.message).toMatch(/~\$/);
    },
  );

  it.each([
    ["plan.docx", "document"],
    ["PLAN.DOCM", "macro-document"],
    ["dir/template.dotx", "template"],
    ["a~$b.docx", "document"],
    ["notes.txt", "other"],
  ])("classifies %s as %s", (name, kind) => {
    expect(classifyFileName(name)).toMatchObject({ ok: true, value: kind });
  });
});
