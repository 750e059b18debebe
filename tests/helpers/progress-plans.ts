/**
 * Filled plans with dated steps, for the progress and next-cycle tests. Dates are written relative
 * to a fixed today (`progressToday`), so each step's status is known in advance.
 */
import { addDays, format } from "date-fns";
import { fillDocxWithPlanData } from "../../src/app/fill";
import { openDocx } from "../../src/adapters/docx/docx-file";
import { fillDocx } from "../../src/adapters/docx/docx-writer";
import { slotText } from "../../src/domain/edits";
import type { DocumentPlanData, FieldValue } from "../../src/domain/plan-data";
import { readDocument } from "../../src/domain/plan-reader";
import type { CellLocation } from "../../src/domain/snapshot";
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
  return must(fillDocxWithPlanData(bytes, data, { now: new Date("2026-09-01T12:00:00Z") })).report
    .bytes;
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
