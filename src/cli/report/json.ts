/** JSON: the whole report (findings and completeness of every file). */
import type { CheckReport } from "./model";

/**
 * The report indented down to each file's lists, with each finding and each completeness entry on
 * a line of its own: the same JSON as indenting everything, at about half the size (a batch of
 * thousands of files gives tens of megabytes otherwise, most of it indentation).
 */
export function formatJson(report: CheckReport): string {
  return `${indented(report, "", 0)}\n`;
}

/** Levels indented: the report, its files, a file, a file's lists; below that, one line each. */
const INDENTED_LEVELS = 4;

function indented(value: unknown, indent: string, level: number): string {
  if (level >= INDENTED_LEVELS || value === null || typeof value !== "object") {
    return JSON.stringify(value);
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((v) => `${inner}${indented(v ?? null, inner, level + 1)}`);
    return `[\n${items.join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(
    ([, v]) => v !== undefined && typeof v !== "function",
  );
  if (entries.length === 0) return "{}";
  const items = entries.map(
    ([k, v]) => `${inner}${JSON.stringify(k)}: ${indented(v, inner, level + 1)}`,
  );
  return `{\n${items.join(",\n")}\n${indent}}`;
}
