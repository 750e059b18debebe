/**
 * Reverting a fill on a main document part (the .docx host): the revert plan (`revert-plan.ts`)
 * carried out as splices of the part's XML, which put back the exact earlier XML of every cell
 * and paragraph the fill wrote, take away the rows and tables it added, and put back the rows it
 * removed.
 */
import { ok, PlanAssistFailure, type Result } from "../../domain/result";
import type { FillRecord } from "../journal";
import { readWordDocument, type ReadResult } from "../wordml";
import { parseXml, type XmlDocument } from "../xml";
import { planRevert, type RevertPlan } from "./revert-plan";
import { applySplices, type Splice } from "./splice";

type RevertResult = {
  readonly source: string;
  /** Cells and paragraphs restored, rows and tables removed or put back. */
  readonly restored: number;
  /** What was restored, by kind. */
  readonly summary: RevertSummary;
  /** The plan carried out (to read the result back against it). */
  readonly plan: RevertPlan;
};

export type RevertSummary = {
  readonly cells: number;
  readonly paragraphs: number;
  readonly rowsRemoved: number;
  readonly tablesRemoved: number;
  readonly rowsRestored: number;
};

function refused(message: string): never {
  throw new PlanAssistFailure(
    "journal_invalid",
    `The record of the last fill asks for a change no fill makes (${message}), so it has been damaged or altered. Nothing was reverted; the document is unharmed.`,
  );
}

/**
 * Undoes one fill on a main document part. Refuses with `document_changed` when a cell the fill
 * wrote was changed since (unless `force`), so a person's later typing is not thrown away, and
 * with `journal_invalid` when the record asks for what no fill does (see `planRevert`).
 */
export function revertFill(
  source: string,
  fill: FillRecord,
  options: {
    force?: boolean;
    /** `source` already parsed and read (a caller reverting many records on one document). */
    read?: { readonly doc: XmlDocument; readonly result: ReadResult };
  } = {},
): Result<RevertResult> {
  try {
    const doc = options.read?.doc ?? parseXml(source);
    const result = options.read?.result ?? readWordDocument(doc);
    const planned = planRevert({ doc, result }, fill, options);
    if (!planned.ok) return planned;
    const plan = planned.value;
    const splices: Splice[] = [];
    const summary = { cells: 0, paragraphs: 0, rowsRemoved: 0, tablesRemoved: 0, rowsRestored: 0 };
    for (const r of plan.rowsAdded) {
      splices.push({ start: r.range[0], end: r.range[1], text: "" });
      summary.rowsRemoved += r.count;
    }
    for (const t of plan.tablesAdded) {
      splices.push({ start: t.range[0], end: t.range[1], text: "" });
      summary.tablesRemoved += t.count;
    }
    for (const b of plan.rowsBack) {
      splices.push({ start: b.at, end: b.at, text: b.xml });
      summary.rowsRestored++;
    }
    for (const r of plan.restores) {
      if (r.unchanged) continue;
      splices.push({ start: r.element.start, end: r.element.end, text: r.before });
      if (r.kind === "cell") summary.cells++;
      else summary.paragraphs++;
    }
    const overlapping = overlap(splices);
    if (overlapping) refused(overlapping);
    const applied = applySplices(source, splices);
    return ok({ source: applied.text, restored: splices.length, summary, plan });
  } catch (x) {
    if (x instanceof PlanAssistFailure) return { ok: false, error: x.failure };
    throw x;
  }
}

/** Two changes of one record that touch the same stretch of the document (a tampered record). */
function overlap(splices: readonly Splice[]): string | undefined {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] as Splice;
    const b = sorted[i] as Splice;
    if (b.start < a.end) return "two entries change the same part of the document";
  }
  return undefined;
}
