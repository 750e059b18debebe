/**
 * What the pane says after an action: the write report, the revert's outcome and the comments
 * added, as short summaries with the details folded, naming fields and rows as a person sees them.
 */
import { inches, narrowCell, type NarrowCell } from "../../domain/cell-fit";
import type { SectionData } from "../../domain/plan-data";
import type { DocumentCapabilities } from "../../ports/document.port";
import type { PlanAssistError } from "../../domain/result";
import type { DocumentSnapshot, Location } from "../../domain/snapshot";
import {
  fieldKey,
  fieldName,
  sectionFields,
  valueText,
  type CommentReport,
  type FillEntry,
  type SectionFillReport,
} from "../../app/plan-session";
import type { RevertResult } from "../../ports/document.port";

export type Notice = {
  readonly intent: "success" | "warning" | "error" | "info";
  readonly title: string;
  readonly text?: string;
  /** Details, folded under the summary. */
  readonly lines?: readonly string[];
  /** A follow-up the person can choose (such as reverting anyway). */
  readonly action?: { readonly label: string; readonly run: () => void };
};

/** "1 value", "3 values". */
function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function sameCell(a: Location, b: Location): boolean {
  if (a.kind === "cell" && b.kind === "cell")
    return a.table === b.table && a.row === b.row && a.cell === b.cell;
  if (a.kind === "paragraph" && b.kind === "paragraph") return a.paragraph === b.paragraph;
  return false;
}

/** The part of a host's label before its place in the document ("Owner (table 5, row 4, cell 2)"). */
function bareLabel(label: string): string {
  return label.replace(/\s*\((?:table|paragraph|\d+ new)[^)]*\)\s*$/, "");
}

/** Names a report entry by field and row ("Owner, Action step 3"), not by its table and cell. */
export function entryName(entry: FillEntry, section: SectionData | undefined): string {
  const bare = bareLabel(entry.label);
  const at = entry.location;
  if (!section || !at) return bare;
  const fields = sectionFields(section).filter(
    ({ field }) => field.location && sameCell(field.location, at),
  );
  // Several fields in one paragraph (District/School Name and Today's Date): the host's label says which.
  const hit = fields.find(({ field }) => field.label === bare) ?? fields[0];
  if (!hit) return bare;
  return fieldName(section, hit.field.id, hit.row);
}

/**
 * The write report: a summary ("31 values written in Action steps; 1 row added"), what was left
 * out and why in the folded details. Not green when something was not written or entries with
 * errors were written.
 */
export function describeReport(
  report: SectionFillReport,
  section: SectionData | undefined,
  withErrors: number,
): Notice {
  const where = section ? ` in ${section.label}` : "";
  const name = (e: FillEntry) => entryName(e, section);
  const lines = [
    ...report.written.map((e) => `Written: ${name(e)}`),
    ...report.failed.map((e) => `Not written: ${name(e)}${e.reason ? ` (${e.reason})` : ""}`),
    ...report.skipped.map((e) => `Left as it was: ${name(e)}${e.reason ? ` (${e.reason})` : ""}`),
  ];
  const rows = [
    report.rowsAdded ? `${count(report.rowsAdded, "row")} added` : "",
    report.rowsRemoved ? `${count(report.rowsRemoved, "row")} removed` : "",
  ].filter(Boolean);
  if (report.written.length === 0 && report.failed.length === 0 && rows.length === 0) {
    return {
      intent: "info",
      title: "Nothing to write",
      text: `The document already holds every entry${where}.`,
      lines,
    };
  }
  const parts = [`${count(report.written.length, "value")} written${where}`, ...rows];
  if (report.failed.length) parts.push(`${count(report.failed.length, "value")} not written`);
  if (report.skipped.length) parts.push(`${report.skipped.length} left as they were`);
  const errors = withErrors
    ? ` ${count(withErrors, "entry", "entries")} with errors ${withErrors === 1 ? "was" : "were"} written as typed: fix ${withErrors === 1 ? "it" : "them"} and write again.`
    : "";
  return {
    intent: report.failed.length || withErrors ? "warning" : "success",
    title: report.failed.length
      ? "Written, with problems"
      : withErrors
        ? "Written, with errors"
        : "Written to the document",
    text: `${parts.join("; ")}.${errors}`,
    lines,
  };
}

/** The revert's outcome in words that count cells and paragraphs right. */
export function describeRevert(report: Pick<RevertResult, "restored" | "rowsRemoved">): Notice {
  const parts = [`${count(report.restored, "value")} restored`];
  if (report.rowsRemoved) parts.push(`${count(report.rowsRemoved, "added row")} removed`);
  return { intent: "success", title: "Last fill reverted", text: `${parts.join(", ")}.` };
}

/** Replaces places ("table 3, row 2, cell 1") in a message by the field that is there. */
export function nameLocations(message: string, sections: readonly SectionData[]): string {
  return message.replace(
    /\b(table (\d+), row (\d+), cell (\d+)|paragraph (\d+))( was edited after the fill| is gone)/g,
    (whole, _place, t, r, c, p, rest: string) => {
      const at: Location =
        p !== undefined
          ? { kind: "paragraph", paragraph: Number(p) - 1 }
          : { kind: "cell", table: Number(t) - 1, row: Number(r) - 1, cell: Number(c) - 1 };
      for (const s of sections)
        for (const { field, row } of sectionFields(s))
          if (field.location && sameCell(field.location, at))
            return `${fieldName(s, field.id, row)}${rest}`;
      return whole;
    },
  );
}

/** Why the revert did nothing: "nothing to revert" is information, a conflict says what to do. */
export function describeRevertRefusal(
  error: Pick<PlanAssistError, "code" | "message">,
  sections: readonly SectionData[],
  forced: boolean,
): Notice {
  if (error.code === "no_fill_to_revert")
    return { intent: "info", title: "Nothing to revert", text: error.message };
  if (error.code === "document_changed" && !forced) {
    const named = nameLocations(error.message, sections).replace(
      / Revert by hand, or force the revert[^.]*\./,
      "",
    );
    return {
      intent: "warning",
      title: "Nothing reverted",
      text: `${named} Revert anyway puts back what every value held before the fill, replacing those later edits too.`,
    };
  }
  return { intent: "error", title: "Nothing reverted", text: error.message };
}

/** How many comments were added, and why some were not. */
export function describeComments(report: CommentReport, skipped: number): Notice {
  const { added, notAdded } = report;
  const title = added === 0 ? "No comments added" : `${count(added, "comment")} added`;
  const already = skipped
    ? `${count(skipped, "finding")} already had a comment and ${skipped === 1 ? "was" : "were"} skipped.`
    : "";
  if (notAdded.length)
    return {
      intent: "warning",
      title,
      text: [`${notAdded.length} could not be added: ${notAdded[0]}`, already]
        .filter(Boolean)
        .join(" "),
    };
  return { intent: added ? "success" : "info", title, ...(already ? { text: already } : {}) };
}

/** An entry typed for a cell too narrow to read it. */
type NarrowEntry = {
  /** `fieldKey(field, row)`. */
  readonly key: string;
  readonly name: string;
  readonly cell: NarrowCell;
  /** What the person sees under the field. */
  readonly message: string;
};

/**
 * The entries of a section, typed and not yet in the document, bound for cells too narrow to
 * read them (decided from the cells' widths in the document and the values' lengths).
 */
export function narrowEntries(
  section: SectionData,
  before: SectionData | undefined,
  snapshot: DocumentSnapshot | undefined,
): NarrowEntry[] {
  if (!snapshot) return [];
  const held = new Map(
    (before ? sectionFields(before) : []).map(({ field, row }) => [
      fieldKey(field.id, row),
      valueText(field.value).trim(),
    ]),
  );
  const out: NarrowEntry[] = [];
  for (const { field, row } of sectionFields(section)) {
    if (field.type === "single-choice" || field.type === "multiple-choice") continue;
    const key = fieldKey(field.id, row);
    const value = valueText(field.value);
    if (value.trim() === held.get(key)) continue;
    const cell = narrowCell(snapshot, field.location, value);
    if (!cell) continue;
    const room =
      cell.perLine === 0
        ? "too narrow for a single character: Word would show this a letter per line"
        : `room for ${count(cell.perLine, "character")} a line: Word would break this apart`;
    out.push({
      key,
      name: fieldName(section, field.id, row),
      cell,
      message: `The cell this goes into is ${inches(cell.width)} wide, ${room}. Widen that column in Word, or type this after its label there.`,
    });
  }
  return out;
}

/** Said above Write, before writing, when some entries go into cells too narrow to read them. */
export function describeNarrow(entries: readonly NarrowEntry[]): Notice | undefined {
  if (entries.length === 0) return undefined;
  const one = entries.length === 1;
  return {
    intent: "warning",
    title: one
      ? "1 entry goes into a cell too narrow to read it"
      : `${entries.length} entries go into cells too narrow to read them`,
    text: `In the document ${one ? "its cell is" : "their cells are"} so narrow that Word would show ${one ? "it" : "them"} a letter or two per line. Widen ${one ? "the column" : "the columns"} in Word, or type ${one ? "it" : "them"} after the label there; Write puts ${one ? "it" : "them"} in the narrow ${one ? "cell" : "cells"} as ${one ? "it is" : "they are"}.`,
    lines: entries.map((e) => `${e.name}: cell ${inches(e.cell.width)} wide`),
  };
}
/**
 * What this host cannot do, or does differently, said plainly beside the plan (they stay while it
 * holds): a Word without WordApi 1.4, a document open read-only, Track Changes on.
 */
export function describeHostLimits(caps: DocumentCapabilities | undefined): Notice[] {
  if (!caps) return [];
  const out: Notice[] = [];
  if (caps.noWrite === "requirement")
    out.push({
      intent: "warning",
      title: "This Word is too old for PlanAssist to write",
      text: "It lacks WordApi 1.3, which PlanAssist needs for tables. Update Word (Microsoft 365, or Word on the web), or fill the plan with the command line (planassist fill).",
    });
  else if (caps.noWrite === "read-only")
    out.push({
      intent: "warning",
      title: "This document is open read-only",
      text: "Word opened it for reading only, so PlanAssist can read and check the plan but not write into it. Save a copy you can edit (File > Save As), or ask its owner for edit access.",
    });
  const cannot = [
    caps.revert === false && caps.noWrite === undefined ? "revert a fill" : "",
    caps.comments === false && caps.noWrite === undefined ? "add findings as comments" : "",
  ].filter(Boolean);
  if (cannot.length && caps.missingSets?.length)
    out.push({
      intent: "info",
      title: `This Word cannot ${cannot.join(" or ")}`,
      text: `This version of Word (without ${caps.missingSets.join(", ")}, as in Office 2019 and Office LTSC 2021) does not let add-ins keep a record of fills or add comments, so those buttons are not shown. Reading, checking and filling work. To undo a fill, save the document and run planassist revert on it; Microsoft 365 and Word on the web can do both here.`,
    });
  if (caps.trackChanges)
    out.push({
      intent: "info",
      title: "Track Changes is on",
      text: "What you write from PlanAssist goes into the document as tracked changes, under your name, for you or a reviewer to accept or reject. PlanAssist reads the plan as if every change were accepted. To write without tracking, turn Track Changes off (Review > Track Changes) before writing.",
    });
  return out;
}
