/**
 * The use cases the task pane needs, behind one object: open a document, recognise its plans, read
 * their data, check them, write one section, revert the last fill, add comments and go to a cell.
 *
 * The pane talks only to this facade. What sits behind it (Word through Office.js, a .docx file in
 * the browser preview, an in-memory fake in tests) is given as `PlanSessionDeps`.
 */
import type {
  DocumentPlanData,
  FieldData,
  FieldValue,
  PlanData,
  SectionData,
} from "../domain/plan-data";
import type { SetTextEdit } from "../domain/edits";
import { ok, type PlanAssistError, type Result } from "../domain/result";
import type { DocumentSnapshot, Location } from "../domain/snapshot";

export type Severity = "error" | "warning" | "info";

/** A finding as the pane shows it. */
export type PaneFinding = {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** Index of the plan in the document's plan data. */
  readonly plan: number;
  readonly section?: string;
  readonly block?: number;
  readonly field?: string;
  /** The field's label, for lists of findings. */
  readonly fieldLabel?: string;
  /** Data row index, for a cell of a repeating row. */
  readonly row?: number;
  readonly location?: Location;
};

/** What recognition says about a document that holds no known template. */
export type UnknownDocument = {
  /** The closest template, when any came near. */
  readonly closest?: {
    readonly template: string;
    readonly label: string;
    readonly missing: readonly string[];
  };
  /** The document has no tables and no text, so a blank template may be inserted. */
  readonly empty: boolean;
};

export type TemplateSummary = { readonly id: string; readonly label: string };

/** One cell or paragraph a write changed, skipped or could not write. */
export type FillEntry = {
  readonly label: string;
  readonly location?: Location;
  readonly reason?: string;
};

export type FillReport = {
  readonly written: readonly FillEntry[];
  readonly skipped: readonly FillEntry[];
  readonly failed: readonly FillEntry[];
  readonly rowsAdded: number;
  readonly rowsRemoved: number;
};

export type FillRequest = {
  /** The whole plan data with the section's new values. */
  readonly data: DocumentPlanData;
  readonly plan: number;
  readonly section: SectionKey;
  /** Cells holding text that the person agreed to replace. */
  readonly overwrite: readonly Location[];
  /**
   * Edits plan data has no place for, written in the same fill (marking a step done in a Status
   * column a district added), in the coordinates of the document as read: send them with no
   * other change. Each carries what its cell held when read, as every edit does.
   */
  readonly extra?: readonly SetTextEdit[];
};

/** A finding to anchor as a comment. */
export type ReviewComment = {
  readonly location: Location;
  readonly severity: Severity;
  readonly message: string;
};

export type CommentReport = { readonly added: number; readonly notAdded: readonly string[] };

/** The text of a review comment: the severity in words, then the message. */
export function commentText(c: ReviewComment): string {
  const word = c.severity === "error" ? "Error" : c.severity === "warning" ? "Warning" : "Note";
  return `${word}: ${c.message}`;
}

export type RevertReport = { readonly restored: number; readonly rowsRemoved: number };

/** `force`: put back every cell the fill wrote, even cells edited after it (the user agreed). */
export type RevertOptions = { readonly force?: boolean };

/** What of the last recorded fill is in the document (after the pane was closed mid-fill). */
export type FillAccount = {
  readonly label: string;
  readonly at: string;
  /** Cells holding what the fill wrote. */
  readonly written: number;
  /** Cells still holding their earlier contents: the fill did not reach them. */
  readonly notWritten: number;
};

/** How the pane reaches the document and the domain. */
export interface PlanSessionDeps {
  /** Reads the document. */
  read(): Promise<Result<DocumentSnapshot>>;
  /** Recognises plans and reads their data; `unknown` when no template was found. */
  recognise(
    snapshot: DocumentSnapshot,
  ):
    | { readonly kind: "plans"; readonly data: DocumentPlanData }
    | ({ readonly kind: "unknown" } & UnknownDocument);
  /** Every finding for the document's plan data. */
  check(data: DocumentPlanData, snapshot: DocumentSnapshot): readonly PaneFinding[];
  /** Guidance quoted from the template for a field, when it has some. */
  guidance(template: string, section: string, field: string): string | undefined;
  /** The templates a blank copy can be inserted of. */
  templates(): readonly TemplateSummary[];
  fill(request: FillRequest): Promise<Result<FillReport>>;
  revert(options?: RevertOptions): Promise<Result<RevertReport>>;
  /** The last recorded fill's account, where the host keeps one; undefined when there is none. */
  lastFill?(): Promise<Result<FillAccount | undefined>>;
  goTo(location: Location): Promise<Result<void>>;
  /** Adds review comments on the findings' cells; says how many were added and why others were not. */
  addComments(items: readonly ReviewComment[]): Promise<Result<CommentReport>>;
  insertTemplate(template: string): Promise<Result<void>>;
}

/** A section is named by its id and, for repeated blocks, its block number. */
export type SectionKey = { readonly id: string; readonly block?: number };

export function sectionKey(section: SectionData): SectionKey {
  return section.block === undefined
    ? { id: section.id }
    : { id: section.id, block: section.block };
}

export function sameSection(section: SectionData, key: SectionKey): boolean {
  return section.id === key.id && (section.block ?? undefined) === (key.block ?? undefined);
}

export type SectionStatus = "complete" | "incomplete" | "has-errors";

export type Completeness = { readonly filled: number; readonly required: number };

export type OpenedDocument =
  | {
      readonly kind: "plans";
      readonly data: DocumentPlanData;
      readonly findings: readonly PaneFinding[];
      readonly snapshot: DocumentSnapshot;
    }
  | ({ readonly kind: "unknown"; readonly templates: readonly TemplateSummary[] } & UnknownDocument)
  | { readonly kind: "error"; readonly error: PlanAssistError };

/** A cell the write would replace although it already holds text. */
export type ConsentItem = {
  readonly key: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
  readonly location?: Location;
};

export function isEmptyValue(value: FieldValue): boolean {
  return typeof value === "string" ? value.trim() === "" : value.length === 0;
}

export function valueText(value: FieldValue): string {
  return typeof value === "string" ? value : value.join(", ");
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (typeof a === "string" || typeof b === "string")
    return valueText(a).trim() === valueText(b).trim();
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Every field of a section, its repeating rows' cells included, with the row index. */
export function sectionFields(section: SectionData): { field: FieldData; row?: number }[] {
  const out: { field: FieldData; row?: number }[] = section.fields.map((field) => ({ field }));
  for (const row of section.rows ?? [])
    for (const field of row.cells) out.push({ field, row: row.index });
  return out;
}

/** The key the pane uses for one field (row cells included). */
export function fieldKey(field: string, row?: number): string {
  return row === undefined ? field : `${row}:${field}`;
}

export function findingsFor(
  findings: readonly PaneFinding[],
  plan: number,
  section: SectionKey,
): PaneFinding[] {
  return findings.filter(
    (f) =>
      f.plan === plan &&
      f.section === section.id &&
      (section.block === undefined || f.block === undefined || f.block === section.block),
  );
}

/**
 * Required fields filled and valid in a section. Rows of a repeating table count once something
 * is typed in them (a blank template's spare rows are not missing answers), and the template's
 * minimum number of rows is required; as the checks' own completeness counts.
 */
export function sectionCompleteness(
  section: SectionData,
  findings: readonly PaneFinding[],
): Completeness {
  let required = 0;
  let filled = 0;
  const count = (field: FieldData, row?: number) => {
    if (!field.required) return;
    required++;
    const bad = findings.some(
      (f) =>
        f.severity === "error" && f.field === field.id && (f.row === undefined || f.row === row),
    );
    if (!isEmptyValue(field.value) && !bad) filled++;
  };
  for (const field of section.fields) count(field);
  const used = (section.rows ?? []).filter((r) => r.cells.some((c) => !isEmptyValue(c.value)));
  for (const row of used) for (const cell of row.cells) count(cell, row.index);
  const min = section.rowLimits?.min ?? 0;
  if (used.length < min) {
    required +=
      (min - used.length) * (section.rows?.[0]?.cells.filter((c) => c.required).length ?? 0);
  }
  return { filled, required };
}

/** Whether a finding is about a field that is still empty (the section is incomplete, not wrong). */
function aboutEmptyField(section: SectionData, finding: PaneFinding): boolean {
  if (finding.field === undefined) return false;
  const hit = sectionFields(section).find(
    ({ field, row }) =>
      field.id === finding.field && (finding.row === undefined || finding.row === row),
  );
  return hit !== undefined && isEmptyValue(hit.field.value);
}

export function sectionStatus(
  section: SectionData,
  findings: readonly PaneFinding[],
): SectionStatus {
  if (findings.some((f) => f.severity === "error" && !aboutEmptyField(section, f)))
    return "has-errors";
  const c = sectionCompleteness(section, findings);
  return c.filled >= c.required ? "complete" : "incomplete";
}

export function planCompleteness(
  plan: PlanData,
  planIndex: number,
  findings: readonly PaneFinding[],
): Completeness {
  let filled = 0;
  let required = 0;
  for (const section of plan.sections) {
    const c = sectionCompleteness(section, findingsFor(findings, planIndex, sectionKey(section)));
    filled += c.filled;
    required += c.required;
  }
  return { filled, required };
}

/**
 * The cells a write would change that already hold text: the person confirms each one and sees
 * what is there and what would replace it.
 */
export function consentItems(original: SectionData, edited: SectionData): ConsentItem[] {
  const before = new Map<string, FieldData>();
  for (const { field, row } of sectionFields(original)) before.set(fieldKey(field.id, row), field);
  const items: ConsentItem[] = [];
  for (const { field, row } of sectionFields(edited)) {
    const key = fieldKey(field.id, row);
    const old = before.get(key);
    if (!old || isEmptyValue(old.value) || sameValue(old.value, field.value)) continue;
    if (old.type === "single-choice" || old.type === "multiple-choice") continue;
    items.push({
      key,
      label: row === undefined ? field.label : `${field.label} (row ${row + 1})`,
      before: valueText(old.value),
      after: valueText(field.value),
      ...(old.location ? { location: old.location } : {}),
    });
  }
  return items;
}

/** Whether a section's edited values differ from what was read. */
export function sectionChanged(original: SectionData, edited: SectionData): boolean {
  const a = sectionFields(original);
  const b = sectionFields(edited);
  if (a.length !== b.length || (original.rows?.length ?? 0) !== (edited.rows?.length ?? 0))
    return true;
  return a.some((x, i) => {
    const y = b[i];
    return !y || x.field.id !== y.field.id || !sameValue(x.field.value, y.field.value);
  });
}

/** Replaces one section of one plan, returning new plan data. */
export function withSection(
  data: DocumentPlanData,
  plan: number,
  section: SectionData,
): DocumentPlanData {
  return {
    ...data,
    plans: data.plans.map((p, i) =>
      i !== plan
        ? p
        : {
            ...p,
            sections: p.sections.map((s) => (sameSection(s, sectionKey(section)) ? section : s)),
          },
    ),
  };
}

/** Names already used in person fields of a plan, for suggestions. */
export function personNames(plan: PlanData): string[] {
  const names = new Set<string>();
  for (const section of plan.sections) {
    for (const { field } of sectionFields(section)) {
      if (field.type === "person" && typeof field.value === "string") {
        for (const part of field.value.split(/[,;\n]| and /)) {
          const name = part.trim();
          if (name) names.add(name);
        }
      }
    }
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** A plain-text summary of a review, for copying into an e-mail. */
export function reviewSummary(data: DocumentPlanData, findings: readonly PaneFinding[]): string {
  const lines: string[] = [];
  data.plans.forEach((plan, i) => {
    const c = planCompleteness(plan, i, findings);
    const mine = findings.filter((f) => f.plan === i);
    const count = (s: Severity) => mine.filter((f) => f.severity === s).length;
    lines.push(`${plan.label}`);
    lines.push(`Completeness: ${c.filled} of ${c.required} required fields filled and valid`);
    lines.push(`Errors: ${count("error")}, warnings: ${count("warning")}, notes: ${count("info")}`);
    for (const section of plan.sections) {
      const sf = findingsFor(mine, i, sectionKey(section));
      if (sf.length === 0) continue;
      lines.push(`- ${section.label}`);
      for (const f of sf)
        lines.push(`  [${f.severity}] ${f.fieldLabel ? `${f.fieldLabel}: ` : ""}${f.message}`);
    }
    lines.push("");
  });
  return lines.join("\n").trimEnd() + "\n";
}

/** The pane's entry to the use cases. */
export class PlanSession {
  private snapshot: DocumentSnapshot | undefined;
  constructor(private readonly deps: PlanSessionDeps) {}

  /** Reads the document and recognises its plans. */
  async open(): Promise<OpenedDocument> {
    const read = await this.deps.read();
    if (!read.ok) return { kind: "error", error: read.error };
    this.snapshot = read.value;
    const recognised = this.deps.recognise(read.value);
    if (recognised.kind === "unknown") {
      const { kind: _kind, ...rest } = recognised;
      return { kind: "unknown", templates: this.deps.templates(), ...rest };
    }
    return {
      kind: "plans",
      data: recognised.data,
      findings: this.deps.check(recognised.data, read.value),
      snapshot: read.value,
    };
  }

  /** Checks edited plan data (on blur) against the last snapshot read. */
  check(data: DocumentPlanData): readonly PaneFinding[] {
    if (!this.snapshot) return [];
    return this.deps.check(data, this.snapshot);
  }

  guidance(template: string, section: string, field: string): string | undefined {
    return this.deps.guidance(template, section, field);
  }

  write(request: FillRequest): Promise<Result<FillReport>> {
    return this.deps.fill(request);
  }

  revert(options?: RevertOptions): Promise<Result<RevertReport>> {
    return this.deps.revert(options);
  }

  /** The last fill's account, where the host keeps one (Word); undefined elsewhere or when none. */
  async lastFill(): Promise<Result<FillAccount | undefined>> {
    return this.deps.lastFill ? this.deps.lastFill() : ok(undefined);
  }

  goTo(location: Location): Promise<Result<void>> {
    return this.deps.goTo(location);
  }

  addComments(items: readonly ReviewComment[]): Promise<Result<CommentReport>> {
    return this.deps.addComments(items);
  }

  insertTemplate(template: string): Promise<Result<void>> {
    return this.deps.insertTemplate(template);
  }
}
