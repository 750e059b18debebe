/**
 * Protected files are named for what they are (rights-managed, password-encrypted, Word
 * 97-2003), whatever the case of their compound-file stream names; Word's single-file "Word XML
 * Document" (flat OPC) is read like the .docx it stands for, and never written back.
 */
import { fillDocx, revertDocx } from "../../src/adapters/docx/docx-writer";
import { annotateDocx } from "../../src/adapters/docx/annotate";
import { openDocx, readDocxSnapshot } from "../../src/adapters/docx/docx-file";
import type { Result } from "../../src/domain/result";
import { templateBytes, templateIds } from "../helpers/fixtures";
import { toFlatOpc } from "../helpers/make-docx";
import { handPlan } from "../writeback/hand-plans";
import { must, now } from "../writeback/helpers";
import { errorOf, oleFile } from "./hostile-files";

describe("protected files", () => {
  it.each([
    [["EncryptionInfo", "EncryptedPackage"], "file_is_encrypted", /password/],
    [["ENCRYPTIONINFO", "ENCRYPTEDPACKAGE"], "file_is_encrypted", /password/],
    [["encryptedpackage", "\u0006DataSpaces"], "file_is_encrypted", /password/],
    [
      ["\u0006DataSpaces", "DRMEncryptedTransform", "EncryptedPackage"],
      "file_is_rights_managed",
      /Information Rights Management/,
    ],
    [
      ["\u0006DATASPACES", "drmencrypteddataspace", "EncryptedPackage"],
      "file_is_rights_managed",
      /Restrict Access/,
    ],
    [["WordDocument", "1Table"], "file_is_legacy_doc", /Word 97-2003/],
  ])("streams %j give %s", (streams, code, words) => {
    const e = errorOf(openDocx(oleFile(streams)));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(words);
  });
});

describe("single-file Word XML Document (flat OPC)", () => {
  it.each(templateIds)("%s reads the same as its .docx", (id) => {
    const docx = templateBytes(id);
    const flat = new TextEncoder().encode(toFlatOpc(docx));
    const a = must(readDocxSnapshot(docx));
    const b = must(readDocxSnapshot(flat));
    expect(b.tables).toEqual(a.tables);
    expect(b.paragraphs).toEqual(a.paragraphs);
  });

  it("is never written back: fill, revert and annotated copies ask for a .docx", () => {
    const docx = templateBytes("ddtt-action-plan");
    const flat = new TextEncoder().encode(toFlatOpc(docx));
    const pkg = must(openDocx(flat));
    expect(pkg.flatOpc).toBe(true);
    const plan = handPlan("ddtt-action-plan", pkg.read.snapshot, (k) => `V ${k}`);
    const results: Result<unknown>[] = [
      fillDocx(flat, plan, { label: "x", now }),
      revertDocx(flat),
      annotateDocx(flat, []),
    ];
    for (const r of results) {
      const e = errorOf(r);
      expect(e.code).toBe("file_is_text");
      expect(e.message).toMatch(/save it as a Word Document \(\.docx\)/);
    }
  });
});
