/** A single self-contained HTML page: inline CSS, no scripts, every text escaped. */
import type { CheckReport, FileReport } from "./model";
import { locationText, plural, subjectText } from "./model";

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
}

const css = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#1b1b1b;background:#fff}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;word-break:break-all}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d0d0;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}.error{color:#a4262c;font-weight:600}.warning{color:#8a5300;font-weight:600}.info{color:#0f5d9c}
.summary{background:#f7f7f7;padding:.75rem 1rem;border-radius:6px}.unreadable{background:#fde7e9;padding:.5rem 1rem;border-radius:6px}
code{font-family:ui-monospace,Consolas,monospace;font-size:.9em}
`;

function fileHtml(f: FileReport, showValues: boolean): string {
  const title = `<h2>${escapeHtml(f.path)}</h2>`;
  if (!f.readable) {
    return `${title}<p class="unreadable">Could not be read: <code>${escapeHtml(f.error?.code ?? "")}</code> ${escapeHtml(f.error?.message ?? "")}</p>`;
  }
  const comp = f.completeness
    .map(
      (c) =>
        `<li>${escapeHtml(c.label)}: ${c.percent}% complete (${c.valid} of ${c.required} required fields filled and valid)</li>`,
    )
    .join("");
  const rows = f.findings
    .map(
      (x) =>
        `<tr><td class="${x.severity}">${x.severity}</td><td><code>${escapeHtml(x.code)}</code></td><td>${escapeHtml(subjectText(x))}</td><td>${escapeHtml(locationText(x))}</td><td>${escapeHtml(x.message)}</td>${
          showValues
            ? `<td>${escapeHtml(x.value ?? "")}</td><td>${escapeHtml(x.reading ?? "")}</td>`
            : ""
        }</tr>`,
    )
    .join("");
  const head = `<tr><th>Severity</th><th>Code</th><th>Where</th><th>Location</th><th>Message</th>${showValues ? "<th>Value</th><th>Read as</th>" : ""}</tr>`;
  return `${title}<p>${escapeHtml(f.templateName ?? "Not a known plan template")}: ${plural(f.counts.error, "error")}, ${plural(f.counts.warning, "warning")}, ${plural(f.counts.info, "note")}</p><ul>${comp}</ul>${
    f.findings.length ? `<table>${head}${rows}</table>` : "<p>No findings.</p>"
  }`;
}

export function formatHtml(report: CheckReport): string {
  const s = report.summary;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>PlanAssist check report</title><style>${css}</style></head>
<body><h1>PlanAssist check report</h1>
<p class="summary">${plural(s.files, "file")}; ${s.unreadable} could not be read; ${s.withErrors} with errors (${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}, ${plural(s.infos, "note")}). Today: ${escapeHtml(report.today)}.${
    report.showValues ? "" : " Cell contents are not shown."
  }</p>
${report.files.map((f) => fileHtml(f, report.showValues)).join("\n")}
</body></html>
`;
}
