/**
 * Node-side helpers for the Progress browser tests, bundled by esbuild when the tests start:
 * plans with dated steps relative to a given today (from the template bytes given, as a bundle
 * cannot find the fixtures folder itself), and the steps of a .docx as the command line
 * reads them.
 */
import { addDays, format } from "date-fns";
import { checkBatch } from "../../src/app/check";
import { DocxDocument } from "../../src/adapters/docx/docx-document.adapter";
import { openDocx } from "../../src/adapters/docx/docx-file";
import { progressBatch, progressOfSnapshot } from "../../src/app/progress";
import { formatHtml } from "../../src/cli/report/html";
import { buildReport, fileReport } from "../../src/cli/report/model";
import { buildStatusReport, statusFile } from "../../src/cli/report/status";
import { formatStatusHtml } from "../../src/cli/report/status-html";
import { isoToDate } from "../../src/domain/parse/date";
import { addColumn, filledPlan, planDataOf } from "../helpers/progress-plans";

function day(today: string, days: number): string {
  return format(addDays(isoToDate(today), days), "M/d/yyyy");
}

/** A Perkins plan: Action 1 overdue, Action 2 due soon and "In progress", Action 3 later. */
export function perkinsWithSteps(today: string, template: Uint8Array): Uint8Array {
  return filledPlan(
    "perkins-action-plan",
    {
      "plan-header.district-consortium": "Northfield Regional",
      "actions[0].action": "Hold quarterly advisory curriculum reviews",
      "actions[0].participation": "Dana Ruiz",
      "actions[0].timeline": `${day(today, -60)} - ${day(today, -10)}`,
      "actions[1].action": "Buy new lab equipment",
      "actions[1].participation": "Lee Chen",
      "actions[1].timeline": `${day(today, -30)} - ${day(today, 5)}`,
      "actions[1].completion": "In progress",
      "actions[2].action": "Visit two employers",
      "actions[2].participation": "Sam Ortiz",
      "actions[2].timeline": day(today, 60),
    },
    template,
  );
}

/** A DDTT plan whose district added a Status column to the action steps; step 1 is overdue. */
export function ddttWithStatusColumn(today: string, template: Uint8Array): Uint8Array {
  const bytes = filledPlan(
    "ddtt-action-plan",
    {
      "plan-header.district-school-name": "Northfield Regional",
      "action-steps[0].action-step": "Train grade teams on the protocol",
      "action-steps[0].owner": "Dana Ruiz",
      "action-steps[0].deadline": day(today, -3),
      "action-steps[1].action-step": "Review the first benchmark",
      "action-steps[1].owner": "Lee Chen",
      "action-steps[1].deadline": day(today, 40),
    },
    template,
  );
  const row = planDataOf(bytes).plans[0]!.sections.find((s) => s.id === "action-steps")!.rows![0]!;
  const loc = row.cells.find((c) => c.location?.kind === "cell")!.location as { table: number };
  return addColumn(bytes, loc.table, "Status");
}

/** Each step's state, status cell text, text and deadline, in document order. */
export function stepsOf(
  bytes: Uint8Array,
  today: string,
): { state: string; status: string; text: string; deadline?: string }[] {
  const r = openDocx(bytes);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return progressOfSnapshot(r.value.read.snapshot, { today }).steps.map((s) => ({
    state: s.state,
    status: s.statusColumn?.text ?? "",
    text: s.text,
    ...(s.deadline !== undefined ? { deadline: s.deadline } : {}),
  }));
}

/** The check report and the status report of some plans, as HTML pages. */
export async function reportPages(
  files: { name: string; bytes: Uint8Array }[],
  today: string,
): Promise<{ check: string; status: string }> {
  const inputs = files.map((f) => ({ name: f.name, read: async () => f.bytes }));
  const open = (bytes: Uint8Array) => new DocxDocument(bytes);
  const checked = await checkBatch(inputs, { currentDate: today, open });
  const check = formatHtml(
    buildReport(
      checked.map((i) => fileReport(i)),
      today,
      false,
    ),
  );
  const progress = await progressBatch(inputs, { today, open });
  const status = formatStatusHtml(
    buildStatusReport(
      progress.map((i) => statusFile(i, false)),
      { today, dueWithinDays: 14, showValues: false },
    ),
  );
  return { check, status };
}
