/**
 * Writing a section in Word: plan the edits from the latest read, then write them with the
 * Office.js writer (one batch plus one read-back), and turn its report into the pane's.
 */
import type { OfficeDocument } from "../adapters/office/office-document.adapter";
import { writePlanInWord } from "../adapters/office/office-writer";
import {
  accountLastFillInWord,
  revertLastFillInWord,
  type WordPaneHost,
} from "../adapters/office/office-revert";
import { describeEdit, editSubject } from "../domain/edits";
import { err, ok, type Result } from "../domain/result";
import { fieldLabeller, planSectionFill } from "../app/section-fill";
import {
  type FillAccount,
  type FillReport,
  type FillRequest,
  type RevertOptions,
  type RevertReport,
} from "../app/plan-session";
import { noWriter, type HostWriter } from "./port-deps";

/** The Word writer, when the page runs inside Word; the read-only writer otherwise. */
export function wordWriter(port: OfficeDocument, host: WordPaneHost | undefined): HostWriter {
  if (!host) return noWriter;
  return {
    ...noWriter,
    /** "Revert last fill": undoes the last fill recorded in the document (three syncs). */
    revert: async (options?: RevertOptions): Promise<Result<RevertReport>> => {
      const r = await revertLastFillInWord(host, { force: options?.force ?? false });
      if (!r.ok) return r;
      const v = r.value;
      if (v.error) {
        const missed =
          v.notRestored.length > 0 ? ` Not restored: ${v.notRestored.join("; ")}.` : "";
        return err(v.error.code, `${v.error.message}${missed}`);
      }
      if (v.notRestored.length > 0) {
        return err(
          "office_sync_failed",
          `The last fill was reverted, but these did not read back as before: ${v.notRestored.join("; ")}. Check them in the document.`,
        );
      }
      return ok({ restored: v.restored.length, rowsRemoved: v.rowsRemoved });
    },
    /** What of the last recorded fill is in the document (one small sync: the record only). */
    lastFill: async (): Promise<Result<FillAccount | undefined>> => {
      // The pane has just read the document: only the record of fills is read here.
      const r = await accountLastFillInWord(host, port.lastRead()?.snapshot);
      if (!r.ok) return r.error.code === "no_fill_to_revert" ? ok(undefined) : r;
      const v = r.value;
      return ok({
        label: v.fill.label,
        at: v.fill.at,
        written: v.written.length,
        notWritten: v.notWritten.length,
      });
    },
    fill: async (request: FillRequest): Promise<Result<FillReport>> => {
      const read = await port.read();
      if (!read.ok) return read;
      const planning = planSectionFill(read.value, request);
      if (!planning.ok) return planning;
      const label = fieldLabeller(request.data.plans[request.plan]);
      const source = port.lastDocumentXml();
      const written = await writePlanInWord(host, read.value, planning.value.plan, {
        label: `Section ${request.section.id}`,
        now: new Date(),
        ...(source !== undefined ? { source } : {}),
      });
      if (!written.ok) return written;
      const r = written.value;
      if (r.error && r.written.length === 0) return err(r.error.code, r.error.message);
      return ok({
        written: r.written.map((o) => ({
          label: `${label(editSubject(o.edit))} (${describeEdit(o.edit)})`,
        })),
        skipped: [
          ...planning.value.skipped.map((s) => ({ label: label(s.field), reason: s.message })),
          // Plainly, when the fill was written but not recorded (so it cannot be reverted).
          ...r.notices.map((n) => ({ label: "Revert last fill", reason: n })),
        ],
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
