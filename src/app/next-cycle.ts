/**
 * Next year's plan from this one, written as a fill: the new file is the old one with the next
 * cycle's values, and the fill is recorded in it, so `revert` gives back this cycle's plan exactly.
 */
import { planNextCycle, type NextCycleOptions, type Shift } from "../domain/progress/next-cycle";
import { err, ok, type Result } from "../domain/result";
import type { DocumentPort, FillResult } from "../ports/document.port";
import { planDocumentFill } from "./fill";
import { progressOfSnapshot } from "./progress";

export type NextCycleResult = {
  readonly report: FillResult;
  readonly carried: number;
  readonly dropped: number;
  readonly kept: number;
};

export function shiftText(shift: Shift): string {
  const parts: string[] = [];
  const add = (n: number, unit: string) => {
    if (n > 0) parts.push(`${n} ${unit}${n === 1 ? "" : "s"}`);
  };
  add(shift.years, "year");
  add(shift.months, "month");
  add(shift.days, "day");
  return parts.join(", ");
}

/**
 * Makes the next cycle's plan in a document: every value the new cycle changes is written (running
 * it is the person's consent). The command line hands it a copy of the file's bytes, so the file
 * itself is never changed.
 */
export async function nextCycle(
  document: DocumentPort,
  options: NextCycleOptions & { readonly now?: Date },
): Promise<Result<NextCycleResult>> {
  const read = await document.read();
  if (!read.ok) return read;
  const snapshot = read.value;
  const progress = progressOfSnapshot(snapshot, { today: options.today });
  if (progress.data.plans.length === 0) {
    return err(
      "plan_data_mismatch",
      "PlanAssist does not recognise this document as one of its templates, so it cannot start the next cycle from it. Check that it is the right file.",
    );
  }
  const next = planNextCycle(progress.data, progress.steps, snapshot, options);
  const planning = planDocumentFill(snapshot, next.data, { overwrite: "all" });
  if (!planning.ok) return planning;
  const plan = {
    structure: planning.value.plan.structure,
    content: [...planning.value.plan.content, ...next.extra],
  };
  const report = await document.fill(plan, {
    label: `Next cycle (dates moved on by ${shiftText(options.shift)})`,
    now: options.now ?? new Date(),
    skipped: planning.value.skipped,
  });
  if (!report.ok) return report;
  return ok({
    report: report.value,
    carried: next.carried,
    dropped: next.dropped,
    kept: next.kept,
  });
}
