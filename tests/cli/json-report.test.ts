/**
 * The JSON report: the same data as JSON.stringify gives, indented down to each file's lists, each
 * finding and completeness entry on one line.
 */
import { checkBatch } from "../../src/app/check";
import { formatJson } from "../../src/cli/report/json";
import { buildReport, fileReport } from "../../src/cli/report/model";
import { templateBytes, templateIds } from "../helpers/fixtures";
import { DocxDocument } from "../../src/adapters/docx/docx-document.adapter";

const open = (bytes: Uint8Array) => DocxDocument.forReading(bytes);

async function reportOf() {
  const inputs = templateIds.map((id) => ({
    name: `plans/${id}.docx`,
    read: async () => templateBytes(id),
  }));
  inputs.push({ name: "plans/gone.docx", read: () => Promise.reject(new Error("gone")) });
  const items = await checkBatch(inputs, { currentDate: "2026-01-15", open });
  return buildReport(
    items.map((i) => fileReport(i)),
    "2026-01-15",
    false,
  );
}

describe("the JSON report", () => {
  it("holds exactly the report's data", async () => {
    const report = await reportOf();
    const text = formatJson(report);
    expect(text.endsWith("}\n")).toBe(true);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it("gives each finding a line of its own, far smaller than indenting every key", async () => {
    const report = await reportOf();
    const text = formatJson(report);
    const lines = text.split("\n");
    const findings = report.files.flatMap((f) => f.findings);
    expect(findings.length).toBeGreaterThan(20);
    for (const f of findings.slice(0, 20)) {
      const line = lines.find((l) => l.trim().replace(/,$/, "") === JSON.stringify(f));
      expect(line).toBeDefined();
    }
    expect(lines[1]).toBe('  "format": "planassist.check-report",');
    expect(text.length).toBeLessThan(JSON.stringify(report, null, 2).length * 0.7);
  });
});
