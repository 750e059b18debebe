/**
 * Marking a step done: one value written into the step's status column (the template's own, or
 * one the district added), planned as an edit like any other, so the host writes it as a fill
 * (recorded, revertible) and asks before replacing text a person typed there.
 */
import { slotText, type EditPlan } from "../edits";
import { err, ok, type Result } from "../result";
import type { DocumentSnapshot } from "../snapshot";
import { doneText, type PlanStep } from "./step-status";

/** Which step: its plan, section (and block) and row, as `PlanStep` names them. */
export type StepRef = {
  readonly plan: number;
  readonly section: string;
  readonly block?: number;
  readonly row: number;
};

export function sameStep(step: PlanStep, ref: StepRef): boolean {
  return (
    step.plan === ref.plan &&
    step.section === ref.section &&
    (step.block ?? 0) === (ref.block ?? 0) &&
    step.row === ref.row
  );
}

export type MarkDonePlan = {
  readonly plan: EditPlan;
  /** What the status cell holds now ("" when empty). */
  readonly before: string;
  /** What "Mark done" writes there. */
  readonly after: string;
  /** The cell holds text a person typed, so the person must agree to replace it. */
  readonly needsConsent: boolean;
};

/**
 * Plans marking a step done: one value written into its status column (the template's own, or
 * one the district added). A step with no such column cannot be marked done: the status lives only
 * in the document's own columns.
 */
export function planMarkDone(
  snapshot: DocumentSnapshot,
  step: PlanStep,
  today: string,
): Result<MarkDonePlan> {
  const column = step.statusColumn;
  const location = column?.location;
  if (!column || !location) {
    return err(
      "no_status_column",
      `${step.sectionLabel} has no completion or status column to mark this step done in. Add a "Status" column to the table in Word, then mark it done here.`,
    );
  }
  const before = slotText(snapshot, location) ?? "";
  const after = doneText(column, today);
  return ok({
    plan: {
      structure: [],
      content: [
        { kind: "set-text", field: column.header, location, text: after, expected: before },
      ],
    },
    before,
    after,
    needsConsent: before.trim() !== "",
  });
}
