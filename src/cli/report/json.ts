/** JSON: the whole report (findings and completeness of every file). */
import type { CheckReport } from "./model";

export function formatJson(report: CheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
