/**
 * The report the status command prints: every plan's dated steps with their status, per plan the
 * counts and the next deadline. Text, JSON and CSV here; HTML in status-html.ts.
 *
 * Without `showValues` the report holds counts, states, dates and positions only: no step text,
 * no owner names, no status cell contents (plans hold staff names and student data).
 */
import type { ProgressItem } from "../../app/progress";
import type { Notice } from "../../domain/result";
import {
  countSteps,
  nextDeadline,
  stepStateLabels,
  stepStates,
  withoutStepValues,
  type PlanStep,
  type StepCounts,
} from "../../domain/progress/step-status";
import type { Location } from "../../domain/snapshot";
import { csvField, csvText } from "./csv";
import { plural } from "./model";

type StatusStep = {
  readonly state: PlanStep["state"];
  readonly section: string;
  readonly sectionLabel: string;
  readonly block?: number;
  /** Data row, from 1. */
  readonly row: number;
  readonly rowLabel?: string;
  readonly deadline?: string;
  readonly daysLeft?: number;
  readonly start?: string;
  readonly doneOn?: string;
  readonly location?: Location;
  /** The header of the column that says whether it is done. */
  readonly statusColumn?: string;
  /** With --show-values only. */
  readonly text?: string;
  readonly owner?: string;
  readonly deadlineText?: string;
  readonly statusText?: string;
};

type StatusPlan = {
  readonly template: string;
  /** Index of the plan in the file (from 1). */
  readonly plan: number;
  readonly label: string;
  readonly counts: StepCounts;
  readonly nextDeadline?: string;
  readonly steps: readonly StatusStep[];
};

export type StatusFile = {
  readonly path: string;
  readonly readable: boolean;
  readonly error?: { readonly code: string; readonly message: string };
  readonly template?: string;
  readonly templateName?: string;
  readonly recognition?: string;
  /** Documented warnings about the file (docx_macros, docx_strict_ooxml). */
  readonly warnings: readonly Notice[];
  readonly plans: readonly StatusPlan[];
};

export type StatusReport = {
  readonly format: "planassist.status-report";
  readonly version: 1;
  readonly today: string;
  readonly dueWithinDays: number;
  readonly showValues: boolean;
  readonly summary: {
    readonly files: number;
    readonly unreadable: number;
    readonly unrecognised: number;
    readonly plans: number;
    readonly steps: number;
    readonly counts: StepCounts;
  };
  readonly files: readonly StatusFile[];
};

function statusStep(step: PlanStep, showValues: boolean): StatusStep {
  const s = showValues ? step : withoutStepValues(step);
  const out: { -readonly [K in keyof StatusStep]: StatusStep[K] } = {
    state: s.state,
    section: s.section,
    sectionLabel: s.sectionLabel,
    row: s.row + 1,
  };
  if (s.block !== undefined) out.block = s.block;
  if (s.rowLabel !== undefined) out.rowLabel = s.rowLabel;
  if (s.deadline !== undefined) out.deadline = s.deadline;
  if (s.daysLeft !== undefined) out.daysLeft = s.daysLeft;
  if (s.start !== undefined) out.start = s.start;
  if (s.doneOn !== undefined) out.doneOn = s.doneOn;
  if (s.location) out.location = s.location;
  if (s.statusColumn) out.statusColumn = s.statusColumn.header;
  if (showValues) {
    out.text = s.text;
    out.owner = s.owner;
    out.deadlineText = s.deadlineText;
    out.statusText = s.statusColumn?.text ?? "";
  }
  return out;
}

export function statusFile(item: ProgressItem, showValues: boolean): StatusFile {
  if (!item.ok) {
    return {
      path: item.name,
      readable: false,
      error: { code: item.error.code, message: item.error.message },
      warnings: [],
      plans: [],
    };
  }
  const p = item.progress;
  const plans: StatusPlan[] = p.data.plans.map((plan, i) => {
    const steps = p.steps.filter((s) => s.plan === i);
    const next = nextDeadline(steps);
    return {
      template: plan.template,
      plan: i + 1,
      label: plan.label,
      counts: countSteps(steps),
      ...(next !== undefined ? { nextDeadline: next } : {}),
      steps: steps.map((s) => statusStep(s, showValues)),
    };
  });
  return {
    path: item.name,
    readable: true,
    ...(p.recognition.template !== undefined ? { template: p.recognition.template } : {}),
    ...(p.recognition.name !== undefined ? { templateName: p.recognition.name } : {}),
    recognition: p.recognition.message,
    warnings: item.warnings,
    plans,
  };
}

export function buildStatusReport(
  files: readonly StatusFile[],
  options: { today: string; dueWithinDays: number; showValues: boolean },
): StatusReport {
  const counts = countSteps([]);
  let steps = 0;
  for (const f of files)
    for (const p of f.plans)
      for (const s of stepStates) {
        counts[s] += p.counts[s];
        steps += p.counts[s];
      }
  return {
    format: "planassist.status-report",
    version: 1,
    today: options.today,
    dueWithinDays: options.dueWithinDays,
    showValues: options.showValues,
    summary: {
      files: files.length,
      unreadable: files.filter((f) => !f.readable).length,
      unrecognised: files.filter((f) => f.readable && f.template === undefined).length,
      plans: files.reduce((n, f) => n + f.plans.length, 0),
      steps,
      counts,
    },
    files,
  };
}

/** As for check: 2 when a file could not be read, 1 when one is no plan or has an overdue step. */
export function statusExitCode(report: StatusReport): number {
  if (report.summary.unreadable > 0) return 2;
  if (report.summary.unrecognised > 0 || report.summary.counts.overdue > 0) return 1;
  return 0;
}

export function countsText(c: StepCounts): string {
  return stepStates.map((s) => `${c[s]} ${stepStateLabels[s].toLowerCase()}`).join(", ");
}

/** "Action steps #1 > row 2" or "Actions > Action 2". */
export function stepSubject(s: StatusStep): string {
  const section = `${s.sectionLabel}${s.block !== undefined ? ` #${s.block}` : ""}`;
  return `${section} > ${s.rowLabel ? s.rowLabel.replace(/:$/, "") : `row ${s.row}`}`;
}

export function stepLocation(s: StatusStep): string {
  const l = s.location;
  if (!l) return "";
  if (l.kind === "paragraph") return `paragraph ${l.paragraph + 1}`;
  return `table ${l.table + 1}, row ${l.row + 1}`;
}

/** "in 10 days", "3 days ago", "today". */
export function daysText(days: number | undefined): string {
  if (days === undefined) return "";
  if (days === 0) return "today";
  return days > 0 ? `in ${plural(days, "day")}` : `${plural(-days, "day")} ago`;
}

export function formatStatusText(report: StatusReport): string {
  const s = report.summary;
  const lines = [
    `PlanAssist status on ${report.today} (due soon: within ${plural(report.dueWithinDays, "day")}): ${plural(s.files, "file")}, ${plural(s.plans, "plan")}, ${plural(s.steps, "step")}: ${countsText(s.counts)}.`,
  ];
  if (!report.showValues)
    lines.push("Cell contents are not shown (use --show-values to include them).");
  lines.push("");
  for (const f of report.files) {
    if (!f.readable) {
      lines.push(`${f.path}: could not be read [${f.error?.code}] ${f.error?.message}`, "");
      continue;
    }
    lines.push(`${f.path}: ${f.templateName ?? "not a known plan template"}`);
    for (const w of f.warnings) lines.push(`  warning ${w.code}: ${w.message}`);
    for (const p of f.plans) {
      lines.push(
        `  ${f.plans.length > 1 ? `Plan ${p.plan}: ` : ""}${p.label}: ${countsText(p.counts)}; next deadline ${p.nextDeadline ?? "none"}`,
      );
      for (const x of p.steps) {
        const due = x.deadline ? `deadline ${x.deadline} (${daysText(x.daysLeft)})` : "no date";
        const done = x.doneOn ? `, done ${x.doneOn}` : "";
        lines.push(
          `    ${stepStateLabels[x.state].padEnd(11)} ${stepSubject(x)}: ${due}${done}${x.location ? ` @ ${stepLocation(x)}` : ""}`,
        );
        if (report.showValues) {
          lines.push(
            `                ${JSON.stringify(x.text ?? "")}; owner ${JSON.stringify(x.owner ?? "")}${x.statusText ? `; status ${JSON.stringify(x.statusText)}` : ""}`,
          );
        }
      }
    }
    lines.push("");
  }
  return lines.join("\n");
}

export function formatStatusJson(report: StatusReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** CSV: one row per step, and one per file that could not be read or holds no plan. */
export function formatStatusCsv(report: StatusReport): string {
  const header = [
    "file",
    "template",
    "plan",
    "plan_label",
    "section",
    "block",
    "row",
    "row_label",
    "status",
    "deadline",
    "days_left",
    "done_on",
    "table",
    "table_row",
    "status_column",
    ...(report.showValues ? ["step", "owner", "deadline_text", "status_text"] : []),
  ];
  const rows: (string | number | undefined)[][] = [];
  for (const f of report.files) {
    if (!f.readable || f.plans.length === 0) {
      rows.push([
        f.path,
        f.template ?? "",
        "",
        "",
        "",
        "",
        "",
        "",
        f.readable ? "no plan" : "unreadable",
      ]);
      continue;
    }
    for (const p of f.plans) {
      for (const x of p.steps) {
        const l = x.location;
        rows.push([
          f.path,
          p.template,
          p.plan,
          p.label,
          x.sectionLabel,
          x.block,
          x.row,
          x.rowLabel,
          x.state,
          x.deadline,
          x.daysLeft,
          x.doneOn,
          l?.kind === "cell" ? l.table + 1 : undefined,
          l?.kind === "cell" ? l.row + 1 : undefined,
          x.statusColumn,
          ...(report.showValues ? [x.text, x.owner, x.deadlineText, x.statusText] : []),
        ]);
      }
    }
  }
  return csvText([header, ...rows].map((r) => r.map(csvField).join(",")));
}
