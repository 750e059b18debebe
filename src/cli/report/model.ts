/** The report the check command prints, in every format. */
import type { BatchItem } from "../../app/check";
import type { PlanCompleteness } from "../../domain/completeness";
import { countBySeverity, type Finding, type Severity } from "../../domain/findings";

export type FileReport = {
  readonly path: string;
  readonly readable: boolean;
  /** Why the file could not be read. */
  readonly error?: { readonly code: string; readonly message: string };
  readonly template?: string;
  readonly templateName?: string;
  readonly recognition?: string;
  readonly findings: readonly Finding[];
  readonly completeness: readonly PlanCompleteness[];
  readonly counts: Record<Severity, number>;
  /** Where the annotated copy was written. */
  readonly annotated?: string;
};

export type CheckReport = {
  readonly format: "planassist.check-report";
  readonly version: 1;
  /** The date used as today where a plan has none. */
  readonly today: string;
  readonly showValues: boolean;
  readonly summary: {
    readonly files: number;
    readonly unreadable: number;
    readonly withErrors: number;
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
  };
  readonly files: readonly FileReport[];
};

export function fileReport(item: BatchItem, annotated?: string): FileReport {
  if (!item.ok) {
    return {
      path: item.name,
      readable: false,
      error: { code: item.error.code, message: item.error.message },
      findings: [],
      completeness: [],
      counts: { error: 0, warning: 0, info: 0 },
    };
  }
  const c = item.check;
  return {
    path: item.name,
    readable: true,
    ...(c.recognition.template !== undefined ? { template: c.recognition.template } : {}),
    ...(c.recognition.name !== undefined ? { templateName: c.recognition.name } : {}),
    recognition: c.recognition.message,
    findings: c.findings,
    completeness: c.completeness,
    counts: countBySeverity(c.findings),
    ...(annotated !== undefined ? { annotated } : {}),
  };
}

export function buildReport(
  files: readonly FileReport[],
  today: string,
  showValues: boolean,
): CheckReport {
  const sum = (s: Severity) => files.reduce((n, f) => n + f.counts[s], 0);
  return {
    format: "planassist.check-report",
    version: 1,
    today,
    showValues,
    summary: {
      files: files.length,
      unreadable: files.filter((f) => !f.readable).length,
      withErrors: files.filter((f) => f.counts.error > 0).length,
      errors: sum("error"),
      warnings: sum("warning"),
      infos: sum("info"),
    },
    files,
  };
}

/** 2 when a file could not be read, 1 when a file has an error finding, else 0. */
export function exitCode(report: CheckReport): number {
  if (report.summary.unreadable > 0) return 2;
  if (report.summary.withErrors > 0) return 1;
  return 0;
}

/** Where a finding is, for people: "table 3, row 4, cell 2" or "paragraph 12". */
export function locationText(f: Finding): string {
  const l = f.location;
  if (!l) return "";
  if (l.kind === "paragraph") return `paragraph ${l.paragraph + 1}`;
  return `table ${l.table + 1}, row ${l.row + 1}, cell ${l.cell + 1}`;
}

function shorten(label: string, max = 60): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

/** What a finding is about, for people: "Action steps #1 > row 2 > Owner" (long labels shortened). */
export function subjectText(f: Finding): string {
  const parts: string[] = [];
  if (f.planLabel) parts.push(f.planLabel);
  if (f.sectionLabel) parts.push(`${f.sectionLabel}${f.block !== undefined ? ` #${f.block}` : ""}`);
  if (f.row !== undefined)
    parts.push(f.rowLabel ? f.rowLabel.replace(/:$/, "") : `row ${f.row + 1}`);
  if (f.fieldLabel) parts.push(shorten(f.fieldLabel));
  return parts.join(" > ");
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The severity as the pane names it: Error, Warning, Note. */
export function severityWord(severity: Severity): string {
  return severity === "error" ? "Error" : severity === "warning" ? "Warning" : "Note";
}
