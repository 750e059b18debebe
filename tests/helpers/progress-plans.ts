/**
 * Filled plans with dated steps, for the progress and next-cycle tests. Dates are written relative
 * to a fixed today (`progressToday`), so each step's status is known in advance.
 */
import { filledDocx } from "./docx-use-cases";
import { addDays, format } from "date-fns";
import { openDocx } from "../../src/adapters/docx/docx-file";
import { fillDocx } from "../../src/adapters/docx/docx-writer";
import { slotText } from "../../src/domain/edits";
import type { DocumentPlanData, FieldValue } from "../../src/domain/plan-data";
import { readDocument } from "../../src/domain/plan-reader";
import type { CellLocation } from "../../src/domain/snapshot";
import { planSteps } from "../../src/domain/progress/step-status";
import { templates } from "../../src/templates";
import { templateBytes, type TemplateId } from "./fixtures";
import { editDocument, escape } from "./make-docx";

export const progressToday = "2026-10-01";

/** The date `days` from today, written the way US staff type it (9/15/2026). */
export function dayFromToday(days: number): string {
  return format(addDays(new Date(2026, 9, 1), days), "M/d/yyyy");
}

export function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export function planDataOf(bytes: Uint8Array): DocumentPlanData {
  return readDocument(must(openDocx(bytes)).read.snapshot, templates).data;
}

/** Values by `section[row].cell` (row cells) or `section.field` (fields), for plan `plan`. */
export type StepValues = Record<string, FieldValue>;

/** Sets values in plan data: keys `section.field`, `section[row].cell`, `section#block[row].cell`. */
export function withValues(data: DocumentPlanData, values: StepValues, plan = 0): DocumentPlanData {
  const used = new Set<string>();
  const pick = (key: string): FieldValue | undefined => {
    if (values[key] === undefined) return undefined;
    used.add(key);
    return values[key];
  };
  const out: DocumentPlanData = {
    ...data,
    plans: data.plans.map((p, pi) =>
      pi !== plan
        ? p
        : {
            ...p,
            sections: p.sections.map((s) => {
              const id = s.block !== undefined && s.block > 1 ? `${s.id}#${s.block}` : s.id;
              return {
                ...s,
                fields: s.fields.map((f) => ({ ...f, value: pick(`${id}.${f.id}`) ?? f.value })),
                ...(s.rows
                  ? {
                      rows: s.rows.map((r) => ({
                        ...r,
                        cells: r.cells.map((c) => ({
                          ...c,
                          value: pick(`${id}[${r.index}].${c.id}`) ?? c.value,
                        })),
                      })),
                    }
                  : {}),
              };
            }),
          },
    ),
  };
  const unused = Object.keys(values).filter((k) => !used.has(k));
  if (unused.length > 0) throw new Error(`no such fields: ${unused.join(", ")}`);
  return out;
}

/** A template filled with `values` (plan data fill, as the command line does). */
export function filledPlan(
  id: TemplateId,
  values: StepValues,
  bytes = templateBytes(id),
): Uint8Array {
  const data = withValues(planDataOf(bytes), values);
  return filledDocx(bytes, data, { now: new Date("2026-09-01T12:00:00Z") });
}

/** Adds a column at the end of table `table`: a copy of each row's last cell, emptied, with `header`. */
export function addColumn(bytes: Uint8Array, table: number, header: string): Uint8Array {
  return editDocument(bytes, (xml) => {
    // Find the table'th <w:tbl> (top-level tables of these replicas are not nested before it).
    let at = -1;
    for (let t = 0; t <= table; t++) at = xml.indexOf("<w:tbl>", at + 1);
    if (at < 0) throw new Error(`no table ${table}`);
    const end = xml.indexOf("</w:tbl>", at);
    let tableXml = xml.slice(at, end);
    let headerDone = false;
    tableXml = tableXml.replace(/<w:tr[ >][\s\S]*?<\/w:tr>/g, (row) => {
      const last = row.lastIndexOf("<w:tc>");
      const close = row.lastIndexOf("</w:tc>") + "</w:tc>".length;
      if (last < 0) return row;
      let copy = row.slice(last, close).replace(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g, "<w:t></w:t>");
      if (!headerDone && /Deadline|By When|End Date/i.test(row)) {
        copy = copy.replace("<w:t></w:t>", `<w:t>${escape(header)}</w:t>`);
        if (!copy.includes(header)) {
          copy = copy.replace(
            /<w:p( [^>]*)?>/,
            (p) => `${p}<w:r><w:t>${escape(header)}</w:t></w:r>`,
          );
        }
        headerDone = true;
      }
      return row.slice(0, close) + copy + row.slice(close);
    });
    tableXml = tableXml.replace("</w:tblGrid>", '<w:gridCol w:w="1200"/></w:tblGrid>');
    return xml.slice(0, at) + tableXml + xml.slice(end);
  });
}

/** Writes `text` into a cell directly (as a person typing in Word would), with no fill record. */
export function typeInCell(bytes: Uint8Array, location: CellLocation, text: string): Uint8Array {
  const pkg = must(openDocx(bytes));
  const snapshot = pkg.read.snapshot;
  const expected = slotText(snapshot, location) ?? "";
  const report = must(
    fillDocx(
      bytes,
      { structure: [], content: [{ kind: "set-text", field: "typed", location, text, expected }] },
      { label: "typed", now: new Date("2026-09-01T12:00:00Z"), opened: pkg },
    ),
  );
  return report.bytes;
}

/** Per template: the values of three steps (done / overdue / due soon) and how to say "done". */
export const stepCases: Record<
  TemplateId,
  { values: (done: string) => StepValues; section: string }
> = {
  "ddtt-action-plan": {
    section: "action-steps",
    values: () => ({
      "action-steps[0].action-step": "Train every grade team on the new protocol",
      "action-steps[0].owner": "Maria Lopez",
      "action-steps[0].deadline": dayFromToday(-20),
      "action-steps[1].action-step": "Review the first benchmark results",
      "action-steps[1].owner": "Sam Chen",
      "action-steps[1].deadline": dayFromToday(-3),
      "action-steps[2].action-step": "Share results with families",
      "action-steps[2].owner": "Ana Ruiz",
      "action-steps[2].deadline": dayFromToday(10),
      "action-steps[3].action-step": "Plan the spring review",
      "action-steps[3].owner": "Ana Ruiz",
      "action-steps[3].deadline": "June 2027",
      "action-steps[4].action-step": "Write a summary",
      "action-steps[4].owner": "Ana Ruiz",
    }),
  },
  "perkins-action-plan": {
    section: "actions",
    values: (done) => ({
      "actions[0].action": "Hold quarterly advisory curriculum reviews",
      "actions[0].participation": "Maria Lopez",
      "actions[0].timeline": `${dayFromToday(-90)} - ${dayFromToday(-20)}`,
      "actions[0].completion": done,
      "actions[1].action": "Buy new lab equipment",
      "actions[1].participation": "Program chairs",
      "actions[1].timeline": `${dayFromToday(-60)} - ${dayFromToday(-3)}`,
      "actions[1].completion": "In progress",
      "actions[2].action": "Visit two employers",
      "actions[2].participation": "Co-op coordinator",
      "actions[2].timeline": `${dayFromToday(-10)} - ${dayFromToday(10)}`,
    }),
  },
  clna: {
    section: "school-next-steps",
    values: () => ({
      "school-next-steps[0].what": "Schedule PAC meetings for every program",
      "school-next-steps[0].who": "Maria Lopez",
      "school-next-steps[0].by-when": dayFromToday(-20),
      "school-next-steps[1].what": "Collect the co-op placement data",
      "school-next-steps[1].who": "Sam Chen",
      "school-next-steps[1].by-when": dayFromToday(-3),
      "school-next-steps[2].what": "Draft the safety checklist",
      "school-next-steps[2].who": "Ana Ruiz",
      "school-next-steps[2].by-when": dayFromToday(10),
    }),
  },
  "sfss-action-plan": {
    section: "strategies",
    values: () => ({
      "strategies[0].strategy": "Tiered attendance outreach",
      "strategies[0].implementation-steps": "Train attendance team",
      "strategies[0].by-who": "Maria Lopez",
      "strategies[0].by-when": dayFromToday(-20),
      "strategies[1].strategy": "Family nights",
      "strategies[1].implementation-steps": "Book the hall",
      "strategies[1].by-who": "Sam Chen",
      "strategies[1].by-when": dayFromToday(-3),
      "strategies[2].strategy": "Mentoring",
      "strategies[2].implementation-steps": "Match mentors",
      "strategies[2].by-who": "Ana Ruiz",
      "strategies[2].by-when": dayFromToday(10),
    }),
  },
  "cde-plan-for-improvement": {
    section: "activities",
    values: () => ({
      "activities[0].activity": "Coach co-teaching pairs",
      "activities[0].oversight": "Maria Lopez",
      "activities[0].start-date": dayFromToday(-60),
      "activities[0].end-date": dayFromToday(-20),
      "activities[1].activity": "Observe IEP meetings",
      "activities[1].oversight": "Sam Chen",
      "activities[1].start-date": dayFromToday(-30),
      "activities[1].end-date": dayFromToday(-3),
      "activities[2].activity": "Review progress data",
      "activities[2].oversight": "Ana Ruiz",
      "activities[2].monitoring-dates": `${dayFromToday(-40)}, ${dayFromToday(10)}`,
    }),
  },
};

/**
 * The case's plan with its first step done: written in the template's completion column
 * (Perkins), or in a Status column added to the table, as a district would.
 */
export function withDoneFirstStep(id: TemplateId, extra: StepValues = {}): Uint8Array {
  const c = stepCases[id];
  if (id === "perkins-action-plan")
    return filledPlan(id, { ...c.values("Completed 9/12/2026"), ...extra });
  const blank = filledPlan(id, { ...c.values(""), ...extra });
  const row0 = planDataOf(blank).plans[0]!.sections.find((s) => s.id === c.section)!.rows![0]!;
  const location = row0.cells.find((x) => x.location?.kind === "cell")!.location as CellLocation;
  const withColumn = addColumn(blank, location.table, "Status");
  const pkg = must(openDocx(withColumn));
  const data = readDocument(pkg.read.snapshot, templates).data;
  const step = planSteps(data, pkg.read.snapshot, { today: progressToday })[0];
  if (step?.statusColumn?.kind !== "added" || !step.statusColumn.location)
    throw new Error("the added Status column was not found");
  return typeInCell(withColumn, step.statusColumn.location, "Completed 9/12/2026");
}
