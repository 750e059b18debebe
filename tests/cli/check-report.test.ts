import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { runCheck } from "../../src/cli/check.command";
import { fsIo } from "../helpers/cli-io";
import { formatHtml, groupFindings } from "../../src/cli/report/html";
import { buildReport, type FileReport } from "../../src/cli/report/model";
import type { Finding } from "../../src/domain/findings";
import { templateBytes } from "../helpers/fixtures";
import { partText, replicaWith } from "../hostile/hostile-files";

const memoryIo = fsIo;

const TODAY = ["--today", "2026-09-01"];
const CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const CT_MACRO = "application/vnd.ms-word.document.macroEnabled.main+xml";
const CT_TEMPLATE =
  "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";

function macroEnabled(): Uint8Array {
  return replicaWith("ddtt-action-plan", {
    "[Content_Types].xml": partText("ddtt-action-plan", "[Content_Types].xml").replace(
      CT_MAIN,
      CT_MACRO,
    ),
    "word/vbaProject.bin": new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]),
  });
}

function wordTemplate(): Uint8Array {
  return replicaWith("sfss-action-plan", {
    "[Content_Types].xml": partText("sfss-action-plan", "[Content_Types].xml").replace(
      CT_MAIN,
      CT_TEMPLATE,
    ),
  });
}

function note(n: number): Finding {
  return {
    code: "row_unused",
    severity: "info",
    message: "This row is empty.",
    rule: "r",
    template: "clna",
    plan: 0,
    planLabel: "CLNA",
    sectionLabel: "Next steps",
    row: n,
    location: { kind: "cell", table: 3, row: n + 1, cell: 0 },
  };
}

function file(name: string, findings: Finding[]): FileReport {
  return {
    path: name,
    readable: true,
    template: "clna",
    templateName: "CLNA Self-Assessment",
    findings,
    completeness: [
      { plan: 0, label: "CLNA", required: 10, filled: 4, valid: 4, percent: 40, complete: false },
    ] as unknown as FileReport["completeness"],
    counts: {
      error: findings.filter((f) => f.severity === "error").length,
      warning: findings.filter((f) => f.severity === "warning").length,
      info: findings.filter((f) => f.severity === "info").length,
    },
  };
}

describe("the HTML check report", () => {
  it("opens with a table of the files, each linking to its findings", () => {
    const html = formatHtml(
      buildReport([file("a/one.docx", [note(0)]), file("b/two.docx", [])], "2026-09-01", false),
    );
    const summary = html.slice(html.indexOf("<table"), html.indexOf("</table>"));
    expect(summary).toContain("<th>File</th><th>Template</th>");
    expect(summary).toContain('<a href="#file-1">a/one.docx</a>');
    expect(summary).toContain('<a href="#file-2">b/two.docx</a>');
    expect(summary).toContain('<td data-label="Complete" class="num">40%</td>');
    expect(html).toContain('<h2 id="file-1">a/one.docx</h2>');
    expect(html).toContain('<h2 id="file-2">b/two.docx</h2>');
  });

  it("groups a note repeated 2,000 times in one plan into one row that lists the places", () => {
    const findings = Array.from({ length: 2000 }, (_, i) => note(i));
    const html = formatHtml(buildReport([file("big.docx", findings)], "2026-09-01", false));
    const rows = html.match(/<td class="info sev">/g) ?? [];
    expect(rows).toHaveLength(1);
    expect(html).toContain("<summary>2000 places</summary>");
    expect(groupFindings(findings)).toHaveLength(1);
    // Two alike stay two rows: grouping is for repeats.
    expect(groupFindings(findings.slice(0, 2))).toHaveLength(2);
  });

  it("names severities as the pane does: Error, Warning, Note", () => {
    const html = formatHtml(buildReport([file("one.docx", [note(0)])], "2026-09-01", false));
    expect(html).toContain('<td class="info sev">Note</td>');
    expect(html).not.toContain(">info<");
  });

  it("reads at 450 px and prints: narrow-screen and print rules, long names wrap", () => {
    const html = formatHtml(buildReport([file("one.docx", [note(0)])], "2026-09-01", false));
    expect(html).toContain("@media (max-width:500px)");
    expect(html).toContain("@media print");
    expect(html).toContain("overflow-wrap:anywhere");
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });
});

describe("folder checks", () => {
  it("check .docm and .dotx files too, and every format shows the documented warnings", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planassist-kinds-"));
    writeFileSync(path.join(dir, "macros.docm"), macroEnabled());
    writeFileSync(path.join(dir, "template.dotx"), wordTemplate());
    writeFileSync(path.join(dir, "plain.docx"), templateBytes("ddtt-action-plan"));
    const json = memoryIo();
    await runCheck([dir, "--format", "json", ...TODAY], json.io);
    const report = JSON.parse(json.out()) as {
      files: { path: string; template?: string; findings: { code: string; severity: string }[] }[];
    };
    expect(report.files.map((f) => path.basename(f.path)).sort()).toEqual([
      "macros.docm",
      "plain.docx",
      "template.dotx",
    ]);
    const docm = report.files.find((f) => f.path.endsWith(".docm"))!;
    expect(docm.template).toBe("ddtt-action-plan");
    expect(docm.findings[0]).toMatchObject({ code: "docx_macros", severity: "warning" });
    expect(report.files.find((f) => f.path.endsWith(".dotx"))!.template).toBe("sfss-action-plan");
    for (const format of ["text", "csv", "html"]) {
      const m = memoryIo();
      await runCheck([dir, "--format", format, ...TODAY], m.io);
      expect(m.out()).toContain("docx_macros");
    }
    const plain = report.files.find((f) => f.path.endsWith("plain.docx"))!;
    expect(plain.findings.some((f) => f.code === "docx_macros")).toBe(false);
  });
});
