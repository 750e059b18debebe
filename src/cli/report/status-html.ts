/**
 * The status report as one self-contained HTML page: a summary, two charts drawn as inline SVG
 * (steps by status per plan; deadlines over the months), and a table per plan that sorts when a
 * column header is clicked (a few lines of inline script; nothing is fetched). Every text is
 * escaped.
 */
import { stepStateLabels, stepStates, type StepState } from "../../domain/progress/step-status";
import { escapeHtml } from "./html";
import { plural } from "./model";
import {
  countsText,
  daysText,
  stepLocation,
  stepSubject,
  type StatusFile,
  type StatusReport,
} from "./status";

const colours: Record<StepState, string> = {
  overdue: "#a4262c",
  "due-soon": "#c86400",
  "not-started": "#0f5d9c",
  "no-date": "#8a8886",
  done: "#107c10",
};

const css = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5rem;color:#1b1b1b;background:#fff;max-width:70rem}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;overflow-wrap:anywhere}h3{font-size:1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d0d0;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}th button{all:unset;cursor:pointer;font-weight:600}th button:focus-visible{outline:2px solid #0f5d9c}
.summary{background:#f7f7f7;padding:.75rem 1rem;border-radius:6px}.unreadable,.warning{background:#fde7e9;padding:.5rem 1rem;border-radius:6px}
.state{font-weight:600;white-space:nowrap}.legend span{display:inline-block;margin-right:1rem;white-space:nowrap}
.legend i{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:-1px}
svg{width:100%;height:auto;max-width:48rem}svg text{font:12px system-ui,sans-serif;fill:#1b1b1b}
.scroll{overflow-x:auto}
@media (max-width:500px){body{margin:.75rem}
table.stack,table.stack tbody,table.stack tr,table.stack td{display:block}table.stack thead{display:none}
table.stack tr{border:1px solid #d0d0d0;border-radius:4px;margin:.5rem 0;padding:.25rem 0}table.stack td{border:none;padding:.1rem .5rem}
table.stack td:empty{display:none}table.stack td[data-label]::before{content:attr(data-label) ": ";font-weight:600}}
@media print{body{margin:0;max-width:none}th button{all:unset}.scroll{overflow:visible}h2{break-after:avoid}tr{break-inside:avoid}}
`;

/** Sorts a table by the clicked column; numbers and ISO dates sort by data-sort. */
const script = `
document.querySelectorAll("table.sortable").forEach(function(t){
  t.querySelectorAll("th button").forEach(function(b,col){
    b.addEventListener("click",function(){
      var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);
      var dir=b.getAttribute("data-dir")==="asc"?-1:1;
      t.querySelectorAll("th button").forEach(function(o){o.removeAttribute("data-dir");o.parentNode.removeAttribute("aria-sort");});
      b.setAttribute("data-dir",dir===1?"asc":"desc");b.parentNode.setAttribute("aria-sort",dir===1?"ascending":"descending");
      rows.sort(function(x,y){
        var a=x.cells[col].getAttribute("data-sort")||x.cells[col].textContent,c=y.cells[col].getAttribute("data-sort")||y.cells[col].textContent;
        var na=Number(a),nc=Number(c);
        return dir*(!isNaN(na)&&!isNaN(nc)&&a!==""&&c!==""?na-nc:a.localeCompare(c));
      });
      rows.forEach(function(r){body.appendChild(r);});
    });
  });
});
`;

/** A cell with the column's name, shown before it when a narrow screen stacks the table. */
function td(label: string, content: string, sort?: string | number): string {
  return `<td data-label="${label}"${sort !== undefined ? ` data-sort="${escapeHtml(String(sort))}"` : ""}>${content}</td>`;
}

function legend(): string {
  return `<p class="legend">${stepStates
    .map((s) => `<span><i style="background:${colours[s]}"></i>${stepStateLabels[s]}</span>`)
    .join("")}</p>`;
}

/** One stacked bar per plan: its steps by status. */
function plansChart(report: StatusReport): string {
  const plans = report.files.flatMap((f) =>
    f.plans.map((p) => ({ name: `${f.path}${f.plans.length > 1 ? ` (plan ${p.plan})` : ""}`, p })),
  );
  if (plans.length === 0) return "";
  const max = Math.max(1, ...plans.map(({ p }) => stepStates.reduce((n, s) => n + p.counts[s], 0)));
  const labelWidth = 260;
  const width = 720;
  const barWidth = width - labelWidth - 40;
  const rowHeight = 26;
  const bars = plans
    .map(({ name, p }, i) => {
      let x = labelWidth;
      const y = i * rowHeight + 4;
      const parts = stepStates
        .filter((s) => p.counts[s] > 0)
        .map((s) => {
          const w = (p.counts[s] / max) * barWidth;
          const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="18" fill="${colours[s]}"><title>${escapeHtml(`${stepStateLabels[s]}: ${p.counts[s]}`)}</title></rect>`;
          x += w;
          return rect;
        })
        .join("");
      const total = stepStates.reduce((n, s) => n + p.counts[s], 0);
      const label = name.length > 34 ? `…${name.slice(-33)}` : name;
      return `<text x="${labelWidth - 8}" y="${y + 13}" text-anchor="end">${escapeHtml(label)}</text>${parts}<text x="${(x + 6).toFixed(1)}" y="${y + 13}">${total}</text>`;
    })
    .join("");
  const height = plans.length * rowHeight + 8;
  return `<h2 id="chart-plans">Steps by status, per plan</h2>${legend()}<svg role="img" aria-labelledby="chart-plans" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${bars}</svg>`;
}

const monthNames = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

/** Deadlines per month, stacked by status, from the first month with a deadline to the last. */
function monthsChart(report: StatusReport): string {
  const byMonth = new Map<string, Record<StepState, number>>();
  for (const f of report.files)
    for (const p of f.plans)
      for (const s of p.steps) {
        if (!s.deadline) continue;
        const m = s.deadline.slice(0, 7);
        const c = byMonth.get(m) ?? {
          overdue: 0,
          "due-soon": 0,
          "not-started": 0,
          "no-date": 0,
          done: 0,
        };
        c[s.state]++;
        byMonth.set(m, c);
      }
  if (byMonth.size === 0) return "";
  const keys = [...byMonth.keys()].sort();
  const months: string[] = [];
  let [y, m] = (keys[0] as string).split("-").map(Number) as [number, number];
  const last = keys[keys.length - 1] as string;
  while (months.length < 60) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    months.push(key);
    if (key >= last) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  const max = Math.max(
    1,
    ...months.map((k) => stepStates.reduce((n, s) => n + (byMonth.get(k)?.[s] ?? 0), 0)),
  );
  const colWidth = 36;
  const chartHeight = 160;
  const width = Math.max(300, months.length * colWidth + 40);
  const cols = months
    .map((k, i) => {
      const c = byMonth.get(k);
      const x = 30 + i * colWidth;
      let top = chartHeight;
      const rects = stepStates
        .filter((s) => (c?.[s] ?? 0) > 0)
        .map((s) => {
          const h = ((c?.[s] ?? 0) / max) * (chartHeight - 20);
          top -= h;
          return `<rect x="${x}" y="${top.toFixed(1)}" width="${colWidth - 8}" height="${h.toFixed(1)}" fill="${colours[s]}"><title>${escapeHtml(`${k}: ${stepStateLabels[s]} ${c?.[s] ?? 0}`)}</title></rect>`;
        })
        .join("");
      const [yy, mm] = k.split("-");
      const name = `${monthNames[Number(mm) - 1]}${mm === "01" || i === 0 ? ` ${yy}` : ""}`;
      const total = stepStates.reduce((n, s) => n + (c?.[s] ?? 0), 0);
      return `${rects}${total > 0 ? `<text x="${x + (colWidth - 8) / 2}" y="${(top - 4).toFixed(1)}" text-anchor="middle">${total}</text>` : ""}<text x="${x + (colWidth - 8) / 2}" y="${chartHeight + 16}" text-anchor="middle">${escapeHtml(name)}</text>`;
    })
    .join("");
  const today = report.today.slice(0, 7);
  const ti = months.indexOf(today);
  const marker =
    ti >= 0
      ? `<line x1="${30 + ti * colWidth - 4}" x2="${30 + ti * colWidth - 4}" y1="0" y2="${chartHeight}" stroke="#1b1b1b" stroke-dasharray="3 3"/><text x="${30 + ti * colWidth}" y="10">today</text>`
      : "";
  return `<h2 id="chart-months">Deadlines over the months</h2><svg role="img" aria-labelledby="chart-months" viewBox="0 0 ${width} ${chartHeight + 24}" xmlns="http://www.w3.org/2000/svg"><line x1="26" x2="${width}" y1="${chartHeight}" y2="${chartHeight}" stroke="#8a8886"/>${marker}${cols}</svg>`;
}

function planTable(f: StatusFile, index: number, showValues: boolean): string {
  return f.plans
    .map((p) => {
      const head = [
        "Status",
        "Step",
        "Deadline",
        "When",
        "Done on",
        "Location",
        ...(showValues ? ["What", "Owner", "Status cell"] : []),
      ]
        .map((h) => `<th scope="col"><button type="button">${h}</button></th>`)
        .join("");
      const rows = p.steps
        .map(
          (x) =>
            `<tr><td class="state" style="color:${colours[x.state]}" data-sort="${stepStates.indexOf(x.state)}">${stepStateLabels[x.state]}</td><td>${escapeHtml(stepSubject(x))}</td>${td("Deadline", escapeHtml(x.deadline ?? ""), x.deadline ?? "9999")}${td("When", escapeHtml(daysText(x.daysLeft)), x.daysLeft ?? "")}${td("Done on", escapeHtml(x.doneOn ?? ""))}${td("Location", escapeHtml(stepLocation(x)))}${
              showValues
                ? `${td("What", escapeHtml(x.text ?? ""))}${td("Owner", escapeHtml(x.owner ?? ""))}${td("Status cell", escapeHtml(x.statusText ?? ""))}`
                : ""
            }</tr>`,
        )
        .join("");
      const title = `${f.plans.length > 1 ? `Plan ${p.plan}: ` : ""}${p.label}`;
      return `<h3 id="file-${index}-plan-${p.plan}">${escapeHtml(title)}</h3><p>${escapeHtml(countsText(p.counts))}; next deadline: ${escapeHtml(p.nextDeadline ?? "none")}.</p>${
        p.steps.length
          ? `<div class="scroll"><table class="sortable stack"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`
          : "<p>No dated steps are filled in.</p>"
      }`;
    })
    .join("");
}

function fileSection(f: StatusFile, index: number, showValues: boolean): string {
  const title = `<h2 id="file-${index}">${escapeHtml(f.path)}</h2>`;
  if (!f.readable) {
    return `${title}<p class="unreadable">Could not be read: <code>${escapeHtml(f.error?.code ?? "")}</code> ${escapeHtml(f.error?.message ?? "")}</p>`;
  }
  const warnings = f.warnings
    .map(
      (w) =>
        `<p class="warning">Warning <code>${escapeHtml(w.code)}</code>: ${escapeHtml(w.message)}</p>`,
    )
    .join("");
  return `${title}<p>${escapeHtml(f.templateName ?? "Not a known plan template")}</p>${warnings}${planTable(f, index, showValues)}`;
}

export function formatStatusHtml(report: StatusReport): string {
  const s = report.summary;
  const index = report.files
    .map((f, i) => {
      const steps = f.plans.reduce(
        (n, p) => n + stepStates.reduce((m, st) => m + p.counts[st], 0),
        0,
      );
      const overdue = f.plans.reduce((n, p) => n + p.counts.overdue, 0);
      const soon = f.plans.reduce((n, p) => n + p.counts["due-soon"], 0);
      const next = f.plans
        .map((p) => p.nextDeadline)
        .filter((d): d is string => d !== undefined)
        .sort()[0];
      return `<tr><td><a href="#file-${i}">${escapeHtml(f.path)}</a></td>${td("Template", escapeHtml(f.readable ? (f.templateName ?? "Not a known plan template") : "Could not be read"))}${td("Steps", String(steps), steps)}${td("Overdue", String(overdue), overdue)}${td("Due soon", String(soon), soon)}${td("Next deadline", escapeHtml(next ?? ""), next ?? "9999")}</tr>`;
    })
    .join("");
  const head = ["File", "Template", "Steps", "Overdue", "Due soon", "Next deadline"]
    .map((h) => `<th scope="col"><button type="button">${h}</button></th>`)
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>PlanAssist status report</title><style>${css}</style></head>
<body><h1>PlanAssist status report</h1>
<p class="summary">Status on ${escapeHtml(report.today)} (due soon: within ${plural(report.dueWithinDays, "day")}): ${plural(s.files, "file")}, ${plural(s.plans, "plan")}, ${plural(s.steps, "step")}: ${escapeHtml(countsText(s.counts))}.${
    s.unreadable ? ` ${s.unreadable} could not be read.` : ""
  }${report.showValues ? "" : " Cell contents (steps, owners) are not shown."}</p>
<div class="scroll"><table class="sortable stack"><thead><tr>${head}</tr></thead><tbody>${index}</tbody></table></div>
${plansChart(report)}
${monthsChart(report)}
${report.files.map((f, i) => fileSection(f, i, report.showValues)).join("\n")}
<script>${script}</script>
</body></html>
`;
}
