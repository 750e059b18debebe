/**
 * A single self-contained HTML page: inline CSS, no scripts, every text escaped. It opens with a
 * summary table of the files (each linking to its findings); findings that repeat within a plan
 * (the same code and message) are one row with the places folded below it. It reads on a narrow
 * screen (450 px) and prints without the page's colours or folds getting in the way.
 */
import type { Finding } from "../../domain/findings";
import type { CheckReport, FileReport } from "./model";
import { locationText, plural, severityWord, subjectText } from "./model";

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
}

const css = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5rem;color:#1b1b1b;background:#fff;max-width:75rem}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d0d0;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
td code{overflow-wrap:anywhere}.sev{white-space:nowrap}
th{background:#f3f3f3}.error{color:#a4262c;font-weight:600}.warning{color:#8a5300;font-weight:600}.info{color:#0f5d9c;font-weight:600}
.summary{background:#f7f7f7;padding:.75rem 1rem;border-radius:6px}.unreadable{background:#fde7e9;padding:.5rem 1rem;border-radius:6px}
.num{text-align:right;white-space:nowrap}details{margin-top:.25rem}summary{cursor:pointer}details ul{margin:.25rem 0;padding-left:1.2rem}
code{font-family:ui-monospace,Consolas,monospace;font-size:.9em}.scroll{overflow-x:auto}
@media (max-width:500px){body{margin:.75rem}.wide{display:none}
table.stack,table.stack tbody,table.stack tr,table.stack td{display:block}table.stack thead{display:none}
table.stack tr{border:1px solid #d0d0d0;border-radius:4px;margin:.5rem 0;padding:.25rem 0}table.stack td{border:none;padding:.1rem .5rem;text-align:left}
table.stack td:empty{display:none}table.stack td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:#1b1b1b}}
@media print{body{margin:0;max-width:none;font-size:11pt}.scroll{overflow:visible}h2{break-after:avoid}tr{break-inside:avoid}a{color:inherit;text-decoration:none}}
`;

/** Findings of one plan that say the same thing, as one group. */
type Group = { readonly first: Finding; readonly all: readonly Finding[] };

/** Repeated findings (same plan, severity, code and message) are grouped from this many on. */
const GROUP_FROM = 3;

export function groupFindings(findings: readonly Finding[]): Group[] {
  const keyOf = (f: Finding) => `${f.template}|${f.plan}|${f.severity}|${f.code}|${f.message}`;
  const byKey = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byKey.get(keyOf(f));
    if (list) list.push(f);
    else byKey.set(keyOf(f), [f]);
  }
  // A group takes the place of its first finding; findings that repeat less keep their own rows.
  const out: Group[] = [];
  const emitted = new Set<string>();
  for (const f of findings) {
    const key = keyOf(f);
    const list = byKey.get(key) as Finding[];
    if (list.length >= GROUP_FROM) {
      if (emitted.has(key)) continue;
      emitted.add(key);
      out.push({ first: f, all: list });
    } else out.push({ first: f, all: [f] });
  }
  return out;
}

/** A cell with the column's name, shown before it when a narrow screen stacks the table. */
function td(label: string, content: string, cls = ""): string {
  return `<td data-label="${label}"${cls ? ` class="${cls}"` : ""}>${content}</td>`;
}

function where(f: Finding): string {
  return [subjectText(f), locationText(f)].filter((s) => s !== "").join(", ");
}

function groupRow(g: Group, showValues: boolean): string {
  const x = g.first;
  const sev = `<td class="${x.severity} sev">${severityWord(x.severity)}</td>`;
  const code = td("Code", `<code>${escapeHtml(x.code)}</code>`, "wide");
  if (g.all.length === 1) {
    return `<tr>${sev}${code}${td("Where", escapeHtml(subjectText(x)))}${td("Location", escapeHtml(locationText(x)), "wide")}${td("Message", escapeHtml(x.message))}${
      showValues
        ? `${td("Value", escapeHtml(x.value ?? ""))}${td("Read as", escapeHtml(x.reading ?? ""))}`
        : ""
    }</tr>`;
  }
  const places = g.all
    .map(
      (f) =>
        `<li>${escapeHtml(where(f))}${showValues && f.value !== undefined ? `: ${escapeHtml(f.value)}` : ""}</li>`,
    )
    .join("");
  return `<tr>${sev}${code}${td("Where", `${escapeHtml(x.planLabel ?? "")}<details><summary>${g.all.length} places</summary><ul>${places}</ul></details>`)}<td class="wide"></td>${td("Message", escapeHtml(x.message))}${
    showValues ? "<td></td><td></td>" : ""
  }</tr>`;
}

function completenessText(f: FileReport): string {
  if (f.completeness.length === 0) return "";
  return f.completeness.map((c) => `${c.percent}%`).join(", ");
}

function fileHtml(f: FileReport, index: number, showValues: boolean): string {
  const title = `<h2 id="file-${index + 1}">${escapeHtml(f.path)}</h2>`;
  if (!f.readable) {
    return `${title}<p class="unreadable">Could not be read: <code>${escapeHtml(f.error?.code ?? "")}</code> ${escapeHtml(f.error?.message ?? "")}</p>`;
  }
  const comp = f.completeness
    .map(
      (c) =>
        `<li>${escapeHtml(c.label)}: ${c.percent}% complete (${c.valid} of ${c.required} required fields filled and valid)</li>`,
    )
    .join("");
  const rows = groupFindings(f.findings)
    .map((g) => groupRow(g, showValues))
    .join("");
  const head = `<tr><th class="sev">Severity</th><th class="wide">Code</th><th>Where</th><th class="wide">Location</th><th>Message</th>${showValues ? "<th>Value</th><th>Read as</th>" : ""}</tr>`;
  return `${title}<p>${escapeHtml(f.templateName ?? "Not a known plan template")}: ${plural(f.counts.error, "error")}, ${plural(f.counts.warning, "warning")}, ${plural(f.counts.info, "note")}</p><ul>${comp}</ul>${
    f.findings.length
      ? `<div class="scroll"><table class="stack"><thead>${head}</thead><tbody>${rows}</tbody></table></div>`
      : "<p>No findings.</p>"
  }`;
}

function summaryTable(report: CheckReport): string {
  const rows = report.files
    .map((f, i) => {
      const name = `<a href="#file-${i + 1}">${escapeHtml(f.path)}</a>`;
      if (!f.readable) {
        return `<tr><td>${name}</td><td colspan="4" class="error">Could not be read (<code>${escapeHtml(f.error?.code ?? "")}</code>)</td></tr>`;
      }
      return `<tr><td>${name}</td>${td("Template", escapeHtml(f.templateName ?? "Not a known plan template"))}${td("Errors", String(f.counts.error), "num")}${td("Warnings", String(f.counts.warning), "num")}${td("Complete", escapeHtml(completenessText(f)), "num")}</tr>`;
    })
    .join("");
  return `<div class="scroll"><table class="stack"><thead><tr><th>File</th><th>Template</th><th class="num">Errors</th><th class="num">Warnings</th><th class="num">Complete</th></tr></thead><tbody>${rows}</tbody></table></div>`;
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
${summaryTable(report)}
${report.files.map((f, i) => fileHtml(f, i, report.showValues)).join("\n")}
</body></html>
`;
}
