/**
 * Writing a section in Word: plan the edits from the latest read, then write them with the
 * Office.js writer (one batch plus one read-back), and turn its report into the pane's.
 */
import type { OfficeDocument } from "../adapters/office/office-document.adapter";
import { writePlanInWord, type WordWriteHost } from "../adapters/office/office-writer";
import { describeEdit, editSubject } from "../domain/edits";
import { planFill } from "../domain/fill-planner";
import { readDocument } from "../domain/plan-reader";
import { err, ok, type Result } from "../domain/result";
import { templates } from "../templates";
import { sectionFields, type FillReport, type FillRequest } from "../app/plan-session";
import { noWriter, type HostWriter } from "./port-deps";

/** The Word writer, when the page runs inside Word; the read-only writer otherwise. */
export function wordWriter(port: OfficeDocument, host: WordWriteHost | undefined): HostWriter {
  if (!host) return noWriter;
  return {
    ...noWriter,
    fill: async (request: FillRequest): Promise<Result<FillReport>> => {
      const read = await port.read();
      if (!read.ok) return read;
      const current = readDocument(read.value, templates).data;
      const planning = planFill(read.value, current, request.data, {
        overwrite: request.overwrite,
        only: {
          plan: request.plan,
          section: request.section.id,
          ...(request.section.block !== undefined ? { block: request.section.block } : {}),
        },
      });
      if (!planning.ok) return planning;
      const labels = new Map<string, string>();
      for (const s of request.data.plans[request.plan]?.sections ?? []) {
        for (const { field } of sectionFields(s)) labels.set(field.id, field.label);
      }
      const label = (id: string) => labels.get(id.slice(id.lastIndexOf(".") + 1)) ?? id;
      const written = await writePlanInWord(host, read.value, planning.value.plan, {
        label: `Section ${request.section.id}`,
        now: new Date(),
      });
      if (!written.ok) return written;
      const r = written.value;
      if (r.error && r.written.length === 0) return err(r.error.code, r.error.message);
      return ok({
        written: r.written.map((o) => ({
          label: `${label(editSubject(o.edit))} (${describeEdit(o.edit)})`,
        })),
        skipped: planning.value.skipped.map((s) => ({ label: label(s.field), reason: s.message })),
        failed: r.notWritten.map((o) => ({
          label: `${label(editSubject(o.edit))} (${describeEdit(o.edit)})`,
          reason: o.message ?? r.error?.message ?? "it is not in the document",
        })),
        rowsAdded: planning.value.rowsAdded,
        rowsRemoved: planning.value.rowsRemoved,
      });
    },
  };
}
