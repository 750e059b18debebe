/**
 * CSV (RFC 4180): one row per finding, and one per file that could not be read. UTF-8 with a byte
 * order mark, so Excel opens it with accents intact.
 */
import type { CheckReport } from "./model";

/** Quotes a field when it needs it; guards against spreadsheet formulas. */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return "";
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === "string") s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Joins CSV lines with CRLF and starts the text with a byte order mark (UTF-8 for Excel). */
export function csvText(lines: readonly string[]): string {
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export function formatCsv(report: CheckReport): string {
  const header = [
    "file",
    "status",
    "template",
    "plan",
    "plan_label",
    "section",
    "block",
    "field",
    "row",
    "table",
    "table_row",
    "cell",
    "paragraph",
    "severity",
    "code",
    "message",
    ...(report.showValues ? ["value", "reading"] : []),
  ];
  const rows: (string | number | undefined)[][] = [];
  for (const f of report.files) {
    if (!f.readable) {
      rows.push([
        f.path,
        "unreadable",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "error",
        f.error?.code,
        f.error?.message,
      ]);
      continue;
    }
    for (const x of f.findings) {
      const l = x.location;
      rows.push([
        f.path,
        "checked",
        x.template,
        x.plan + 1,
        x.planLabel,
        x.sectionLabel ?? x.section,
        x.block,
        x.fieldLabel ?? x.field,
        x.row !== undefined ? x.row + 1 : undefined,
        l?.kind === "cell" ? l.table + 1 : undefined,
        l?.kind === "cell" ? l.row + 1 : undefined,
        l?.kind === "cell" ? l.cell + 1 : undefined,
        l?.kind === "paragraph" ? l.paragraph + 1 : undefined,
        x.severity,
        x.code,
        x.message,
        ...(report.showValues ? [x.value, x.reading] : []),
      ]);
    }
  }
  return csvText([header, ...rows].map((r) => r.map(csvField).join(",")));
}
