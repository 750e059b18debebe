/** Plain text a person reads in a terminal. */
import type { CheckReport, FileReport } from "./model";
import { locationText, plural, subjectText } from "./model";

function fileText(f: FileReport, showValues: boolean): string[] {
  if (!f.readable)
    return [`${f.path}: could not be read [${f.error?.code}] ${f.error?.message}`, ""];
  const lines: string[] = [];
  const plans = f.completeness.length;
  const name = f.templateName
    ? `${f.templateName}${plans > 1 ? ` (${plans} plans)` : ""}`
    : "not a known plan template";
  lines.push(
    `${f.path}: ${name}: ${plural(f.counts.error, "error")}, ${plural(f.counts.warning, "warning")}, ${plural(f.counts.info, "note")}`,
  );
  for (const c of f.completeness) {
    lines.push(
      `  ${c.label}${plans > 1 ? ` (plan ${c.plan + 1})` : ""}: ${c.percent}% complete (${c.valid} of ${c.required} required fields filled and valid)`,
    );
  }
  for (const x of f.findings) {
    const where = [subjectText(x), locationText(x)].filter((s) => s !== "").join(" @ ");
    lines.push(`  ${x.severity.padEnd(7)} ${x.code}: ${where ? `${where}: ` : ""}${x.message}`);
    if (showValues && (x.value !== undefined || x.reading !== undefined)) {
      lines.push(
        `          value: ${JSON.stringify(x.value ?? "")}${x.reading !== undefined ? `, read as: ${x.reading}` : ""}`,
      );
    }
  }
  if (f.annotated) lines.push(`  annotated copy: ${f.annotated}`);
  lines.push("");
  return lines;
}

export function formatText(report: CheckReport): string {
  const s = report.summary;
  const head = [
    `PlanAssist check: ${plural(s.files, "file")}; ${s.unreadable} could not be read; ${s.withErrors} with errors (${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}, ${plural(s.infos, "note")}). Today: ${report.today}.`,
    report.showValues ? "" : "Cell contents are not shown (use --show-values to include them).",
    "",
  ].filter((l, i) => i !== 1 || l !== "");
  return [...head, ...report.files.flatMap((f) => fileText(f, report.showValues))].join("\n");
}
