import { checkDocxNow } from "../../helpers/docx-use-cases";
import { execFileSync } from "child_process";
import { createHash } from "crypto";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { annotateDocx } from "../../../src/adapters/docx/annotate";
import { decodeXmlBytes, openDocx } from "../../../src/adapters/docx/docx-file";
import { openZip, readEntry } from "../../../src/adapters/docx/zip";
import { attr, childElements, innerText, parseXml, type XmlElement } from "../../../src/ooxml/xml";
import { templateBytes } from "../../helpers/fixtures";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

function allElements(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of childElements(el)) {
    if (c.name === name) out.push(c);
    allElements(c, name, out);
  }
  return out;
}

describe("annotated copies", () => {
  const original = templateBytes("ddtt-action-plan");
  const originalHash = sha(original);
  const checked = checkDocxNow(original, { currentDate: "2026-09-01" });
  if (!checked.ok) throw new Error("replica must read");
  const findings = checked.value.findings;
  const located = findings.filter((f) => f.location?.kind === "cell");
  const result = annotateDocx(original, findings, { date: "2026-09-01T00:00:00Z" });
  if (!result.ok) throw new Error(result.error.message);
  const copy = result.value.bytes;

  it("leave the original bytes untouched", () => {
    expect(sha(original)).toBe(originalHash);
  });

  it("hold one PlanAssist comment per cell (or paragraph) with findings, whose text is the findings' messages", () => {
    const zip = openZip(copy);
    const comments = parseXml(decodeXmlBytes(readEntry(zip, "word/comments.xml")));
    const elements = childElements(comments.root, "w:comment");
    // Findings on one paragraph (two blanks of the header line) share its comment.
    const cells = new Set(
      findings
        .filter((f) => f.location)
        .map((f) =>
          f.location!.kind === "paragraph"
            ? `p${f.location!.paragraph}`
            : JSON.stringify(f.location),
        ),
    );
    expect(elements.length).toBe(cells.size);
    expect(result.value.comments).toBe(cells.size);
    for (const c of elements) expect(attr(c, "w:author")).toBe("PlanAssist");
    const texts = elements.map((c) => innerText(comments, c)).join("\n");
    for (const f of located) expect(texts).toContain(f.message);
  });

  it("anchor each comment in the cell its finding is about", () => {
    const opened = openDocx(copy);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const { index } = opened.value.read;
    const zip = openZip(copy);
    const comments = parseXml(decodeXmlBytes(readEntry(zip, "word/comments.xml")));
    const byId = new Map(
      childElements(comments.root, "w:comment").map((c) => [
        attr(c, "w:id"),
        innerText(comments, c),
      ]),
    );
    const starts = allElements(opened.value.document.root, "w:commentRangeStart");
    const refs = allElements(opened.value.document.root, "w:commentReference");
    expect(starts.length).toBe(byId.size);
    expect(refs.length).toBe(byId.size);
    for (const f of located) {
      const l = f.location!;
      if (l.kind !== "cell") continue;
      const cell = index.tables[l.table]!.rows[l.row]!.cells[l.cell]!.element;
      const inCell = starts.filter((s) => s.start > cell.start && s.end < cell.end);
      expect(inCell.length).toBe(1);
      expect(byId.get(attr(inCell[0]!, "w:id"))).toContain(f.message);
    }
  });

  it("read back with the same plan and findings", () => {
    const again = checkDocxNow(copy, { currentDate: "2026-09-01" });
    expect(again.ok && again.value.findings.map((f) => f.code)).toEqual(
      findings.map((f) => f.code),
    );
  });

  it("declare the comments part: relationship and content type", () => {
    const zip = openZip(copy);
    const rels = decodeXmlBytes(readEntry(zip, "word/_rels/document.xml.rels"));
    expect(rels).toContain('relationships/comments" Target="comments.xml"');
    const types = decodeXmlBytes(readEntry(zip, "[Content_Types].xml"));
    expect(types).toContain(
      'PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"',
    );
  });

  it("copy every other part byte for byte", () => {
    const a = openZip(original);
    const b = openZip(copy);
    const changed = new Set([
      "word/document.xml",
      "word/_rels/document.xml.rels",
      "[Content_Types].xml",
      "word/comments.xml",
    ]);
    for (const name of a.order) {
      if (changed.has(name)) continue;
      const ea = a.entries.get(name)!;
      const eb = b.entries.get(name)!;
      expect(sha(b.bytes.subarray(eb.dataOffset, eb.dataOffset + eb.compressedSize))).toBe(
        sha(a.bytes.subarray(ea.dataOffset, ea.dataOffset + ea.compressedSize)),
      );
    }
  });

  it("add to the comments a document already has, with new ids", () => {
    const twice = annotateDocx(copy, findings.slice(0, 1));
    expect(twice.ok).toBe(true);
    if (!twice.ok) return;
    const zip = openZip(twice.value.bytes);
    const comments = parseXml(decodeXmlBytes(readEntry(zip, "word/comments.xml")));
    const ids = childElements(comments.root, "w:comment").map((c) => attr(c, "w:id"));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(result.value.comments + 1);
  });

  const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));
  (soffice ? it : it.skip)(
    "open in LibreOffice, which converts them to PDF",
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), "planassist-annotate-"));
      const file = path.join(dir, "annotated.docx");
      writeFileSync(file, copy);
      execFileSync(
        soffice!,
        [
          "--headless",
          `-env:UserInstallation=file://${dir}/profile`,
          "--convert-to",
          "pdf",
          "--outdir",
          dir,
          file,
        ],
        {
          timeout: 120_000,
          stdio: "ignore",
        },
      );
      expect(readdirSync(dir)).toContain("annotated.pdf");
    },
    150_000,
  );
});
