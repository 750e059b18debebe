/**
 * The use cases the task pane needs, behind one object: open a document, recognise its plans, read
 * their data, check them, write one section, revert the last fill, add comments and go to a cell.
 *
 * The pane talks only to this facade. It is given the document port (Word through Office.js, a
 * .docx file in the browser preview, a document in memory in tests: the pane's edge chooses) and
 * the domain services (recognition, checks, guidance, the templates and their blank copies),
 * which may still be loading when the pane first paints.
 */
import type { Severity } from "../domain/findings";
import type {
  DocumentPlanData,
  FieldData,
  FieldValue,
  PlanData,
  SectionData,
} from "../domain/plan-data";
import { sectionKey, valueText, type SectionKey } from "../domain/plan-keys";
import { parsePerson } from "../domain/parse/person";
import type { SetTextEdit } from "../domain/edits";
import { ok, type PlanAssistError, type Result } from "../domain/result";
import type { DocumentSnapshot, Location } from "../domain/snapshot";
import type {
  ClearedHistory,
  DocumentPort,
  LastFill,
  RevertRequest,
  RevertResult,
} from "../ports/document.port";

// The domain's severity and value text, for the pane that reaches them through the session.
export type { Severity };
export { valueText };

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

/** What writing one section did, value by value, in the words the pane shows. */
export type SectionFillReport = {
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
type ReviewComment = {
  readonly location: Location;
  readonly severity: Severity;
  readonly message: string;
  /** The field the finding is about ("Owner (row 1)"), named in the comment. */
  readonly fieldLabel?: string;
};

export type CommentReport = { readonly added: number; readonly notAdded: readonly string[] };

/** The severity in the words the pane, comments and reports use. */
function severityWord(severity: Severity): string {
  return severity === "error" ? "Error" : severity === "warning" ? "Warning" : "Note";
}

/** The text of a review comment: the severity in words, the field it is about, then the message. */
export function commentText(c: ReviewComment): string {
  return `${severityWord(c.severity)}${c.fieldLabel ? ` (${c.fieldLabel})` : ""}: ${c.message}`;
}

/** What identifies one finding across re-reads (to know which were already commented). */
export function findingKey(f: PaneFinding): string {
  const at = f.location
    ? f.location.kind === "cell"
      ? `t${f.location.table}r${f.location.row}c${f.location.cell}p${f.location.paragraph ?? ""}`
      : `p${f.location.paragraph}`
    : "";
  return [f.plan, f.section ?? "", f.block ?? "", f.field ?? "", f.row ?? "", f.code, at].join("|");
}

/**
 * The domain behind the pane: recognition and plan reading, the checks, guidance, the templates
 * and their blank copies (each edge says where those come from).
 */
export interface PlanServices {
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
  /** Guidance quoted from the template for a whole section, when it has some. */
  sectionGuidance?(template: string, section: string): string | undefined;
  /** The templates a blank copy can be inserted of. */
  templates(): readonly TemplateSummary[];
  /** The .docx of a template's blank copy. */
  blankTemplate(template: string): Promise<Result<Uint8Array>>;
}

/** What the session works with: the document port and the domain services (maybe still loading). */
type PlanSessionDeps = {
  readonly document: DocumentPort;
  readonly services: PlanServices | Promise<PlanServices>;
};

/**
 * A section's state as the overview shows it: `optional` (nothing in it, and nothing required),
 * `not-started` (nothing in it yet), `incomplete`, `complete` or `has-errors`.
 */
export type SectionStatus = "complete" | "incomplete" | "has-errors" | "not-started" | "optional";

type Completeness = { readonly filled: number; readonly required: number };

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
function sectionCompleteness(section: SectionData, findings: readonly PaneFinding[]): Completeness {
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
  if (!sectionHasEntries(section)) return c.required === 0 ? "optional" : "not-started";
  return c.filled >= c.required ? "complete" : "incomplete";
}

/** Whether anything is filled in a section (a choice made, a cell typed in). */
function sectionHasEntries(section: SectionData): boolean {
  return sectionFields(section).some(({ field }) => !isEmptyValue(field.value));
}

/** A field of a section named for people: "Owner" or "Owner, Action step 2". */
export function fieldName(section: SectionData, field: string, row?: number): string {
  const hit = sectionFields(section).find((x) => x.field.id === field && x.row === row);
  const label = hit?.field.label ?? field;
  if (row === undefined) return label;
  const r = section.rows?.find((x) => x.index === row);
  return `${label}, ${r?.label?.replace(/[:\s]+$/, "") || `row ${row + 1}`}`;
}

/** Entries typed in a section that the checks call errors (blank required fields are not counted). */
export function entriesWithErrors(
  section: SectionData,
  findings: readonly PaneFinding[],
): { readonly key: string; readonly name: string; readonly messages: readonly string[] }[] {
  const out: { key: string; name: string; messages: string[] }[] = [];
  for (const { field, row } of sectionFields(section)) {
    if (isEmptyValue(field.value)) continue;
    const messages = findings
      .filter(
        (f) =>
          f.severity === "error" &&
          f.field === field.id &&
          (row === undefined ? f.row === undefined : f.row === row),
      )
      .map((f) => f.message);
    if (messages.length)
      out.push({ key: fieldKey(field.id, row), name: fieldName(section, field.id, row), messages });
  }
  return out;
}

export function planCompleteness(
  plan: PlanData,
  planIndex: number,
  findings: readonly PaneFinding[],
): Completeness {
  let filled = 0;
  let required = 0;
  for (const section of plan.sections) {
    const c = sectionCompleteness(section, findingsFor(findings, planIndex, section));
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
            sections: p.sections.map((s) => (sectionKey(s) === sectionKey(section) ? section : s)),
          },
    ),
  };
}

/** The section of a plan with the same id and block, if any. */
export function findSection(plan: PlanData | undefined, key: SectionKey): SectionData | undefined {
  return plan?.sections.find((s) => sectionKey(s) === sectionKey(key));
}

/** What one block of a repeating part is called ("challenge", "strategy"), from its first section. */
export function blockNoun(plan: PlanData): string | undefined {
  const first = plan.sections.find((s) => s.block !== undefined);
  if (!first) return undefined;
  const word = first.label.split("/")[0]?.trim().split(/\s+/).pop();
  return word ? word.toLowerCase() : undefined;
}

function blankField(f: FieldData): FieldData {
  const { location: _l, optionLocations: _o, ...rest } = f;
  return { ...rest, value: typeof f.value === "string" ? "" : [] };
}

/**
 * A new block (an SFSS challenge, a CDE or DDTT strategy) after the last one: a blank copy of the
 * last block's sections, numbered on. It has no place in the document until it is written, when
 * the whole block of tables is copied. Returns the new plan and the new block's first position.
 */
export function addBlock(plan: PlanData): { plan: PlanData; position: number } | undefined {
  const blocks = plan.sections.map((s) => s.block ?? 0);
  const last = Math.max(0, ...blocks);
  if (last === 0) return undefined;
  const lastAt = blocks.lastIndexOf(last);
  const copies = plan.sections
    .filter((s) => s.block === last)
    .map((s): SectionData => {
      const { rows, ...rest } = s;
      return {
        ...rest,
        block: last + 1,
        fields: s.fields.map(blankField),
        ...(rows
          ? {
              rows: rows.map((r) => {
                const { added: _a, ...row } = r;
                return { ...row, cells: r.cells.map(blankField) };
              }),
            }
          : {}),
      };
    });
  const sections = [
    ...plan.sections.slice(0, lastAt + 1),
    ...copies,
    ...plan.sections.slice(lastAt + 1),
  ];
  return { plan: { ...plan, sections }, position: lastAt + 1 };
}

/**
 * The plan data a write of one section sends: what the document holds, with the section's new
 * values. A section of a block not yet in the document brings its whole block (it is copied as
 * one piece, with the values of all its sections).
 */
export function writeData(
  original: DocumentPlanData,
  edited: DocumentPlanData,
  plan: number,
  section: SectionData,
): DocumentPlanData {
  if (findSection(original.plans[plan], section)) return withSection(original, plan, section);
  const block = (edited.plans[plan]?.sections ?? []).filter(
    (s) => s.block === section.block && !findSection(original.plans[plan], s),
  );
  return {
    ...original,
    plans: original.plans.map((p, i) =>
      i === plan ? { ...p, sections: [...p.sections, ...block] } : p,
    ),
  };
}

/**
 * People already named in person fields of a plan, for suggestions: each as the checks read it
 * (a name with its title kept together, "Maria Lopez, Principal"). Nothing the checks refuse or
 * question is offered: no placeholder ("TBD"), no group, no job title alone.
 */
export function personNames(plan: PlanData): string[] {
  const names = new Map<string, string>();
  for (const section of plan.sections) {
    for (const { field } of sectionFields(section)) {
      if (field.type !== "person" || typeof field.value !== "string") continue;
      const r = parsePerson(field.value);
      if (!r.ok || r.notes.length > 0) continue;
      for (const p of r.value.people) {
        const key = p.name.toLowerCase();
        const shown = p.title ? `${p.name}, ${p.title}` : p.name;
        // The fullest form wins: "Maria Lopez, Principal" over "Maria Lopez".
        if ((names.get(key)?.length ?? 0) < shown.length) names.set(key, shown);
      }
    }
  }
  return [...names.values()].sort((a, b) => a.localeCompare(b));
}

/**
 * A plain-text summary of a review, for copying into an e-mail. `shown` limits the findings listed
 * to the severities the person chose to see (the counts name every severity, and say what was left out).
 */
export function reviewSummary(
  data: DocumentPlanData,
  findings: readonly PaneFinding[],
  shown: ReadonlySet<Severity> = new Set<Severity>(["error", "warning", "info"]),
): string {
  const lines: string[] = [];
  const all = shown.size === 3;
  data.plans.forEach((plan, i) => {
    const c = planCompleteness(plan, i, findings);
    const mine = findings.filter((f) => f.plan === i);
    const count = (s: Severity) => mine.filter((f) => f.severity === s).length;
    lines.push(`${plan.label}`);
    lines.push(`Completeness: ${c.filled} of ${c.required} required fields filled and valid`);
    lines.push(`Errors: ${count("error")}, warnings: ${count("warning")}, notes: ${count("info")}`);
    if (!all) {
      const names = (["error", "warning", "info"] as const)
        .filter((s) => shown.has(s))
        .map((s) => ({ error: "errors", warning: "warnings", info: "notes" })[s]);
      lines.push(`Listed: ${names.length ? names.join(" and ") : "none"}`);
    }
    for (const section of plan.sections) {
      const sf = findingsFor(mine, i, section).filter((f) => shown.has(f.severity));
      if (sf.length === 0) continue;
      lines.push(`- ${section.label}`);
      for (const f of sf)
        lines.push(
          `  [${severityWord(f.severity)}] ${f.fieldLabel ? `${f.fieldLabel}: ` : ""}${f.message}`,
        );
    }
    lines.push("");
  });
  return lines.join("\n").trimEnd() + "\n";
}

/** What the document prints beside a rating criterion: an introduction and the practices listed. */
export type Rubric = { readonly intro?: string; readonly practices: readonly string[] };

/**
 * The practices a rating criterion's row lists before its rating cells, read from the document
 * (so a district's own wording is what the person sees). The criterion's own label is left out.
 */
function rubricOf(snapshot: DocumentSnapshot, field: FieldData): Rubric | undefined {
  const first = field.optionLocations?.[0] ?? field.location;
  if (field.type !== "single-choice" || !first || first.kind !== "cell") return undefined;
  const row = snapshot.tables[first.table]?.rows[first.row];
  if (!row) return undefined;
  const squash = (t: string) => t.replace(/\s+/g, " ").trim();
  const label = squash(field.label);
  const texts = row.cells
    .filter((c) => c.index < first.cell)
    .flatMap((c) => c.paragraphs.map((p) => ({ text: squash(p.text), list: p.listItem })))
    .filter((p) => p.text !== "" && p.text !== label && !label.startsWith(p.text));
  const practices = texts.filter((p) => p.list).map((p) => p.text);
  const intro = texts.find((p) => !p.list)?.text;
  if (practices.length === 0 && !intro) return undefined;
  return { ...(intro ? { intro } : {}), practices };
}

/** The pane's entry to the use cases. */
export class PlanSession {
  private snapshot: DocumentSnapshot | undefined;
  private loaded: PlanServices | undefined;
  private readonly ready: Promise<PlanServices>;
  private readonly document: DocumentPort;

  constructor(deps: PlanSessionDeps) {
    this.document = deps.document;
    const services = deps.services;
    if (!(services instanceof Promise)) this.loaded = services;
    this.ready = Promise.resolve(services).then((s) => (this.loaded = s));
  }

  private get services(): PlanServices {
    if (!this.loaded) throw new Error("The plan reader is used before it has loaded.");
    return this.loaded;
  }

  /** Reads the document and recognises its plans. */
  async open(): Promise<OpenedDocument> {
    await this.ready;
    const read = await this.document.read();
    if (!read.ok) return { kind: "error", error: read.error };
    this.snapshot = read.value;
    const recognised = this.services.recognise(read.value);
    if (recognised.kind === "unknown") {
      const { kind: _kind, ...rest } = recognised;
      return { kind: "unknown", templates: this.services.templates(), ...rest };
    }
    return {
      kind: "plans",
      data: recognised.data,
      findings: this.services.check(recognised.data, read.value),
      snapshot: read.value,
    };
  }

  /** Checks edited plan data (on blur) against the last snapshot read. */
  check(data: DocumentPlanData): readonly PaneFinding[] {
    if (!this.snapshot) return [];
    return this.services.check(data, this.snapshot);
  }

  guidance(template: string, section: string, field: string): string | undefined {
    return this.services.guidance(template, section, field);
  }

  sectionGuidance(template: string, section: string): string | undefined {
    return this.services.sectionGuidance?.(template, section);
  }

  /** The rubric the document prints beside a rating criterion, from the last snapshot read. */
  rubric(field: FieldData): Rubric | undefined {
    return this.snapshot ? rubricOf(this.snapshot, field) : undefined;
  }

  /** Writes one section (the planner loads when first used). */
  async write(request: FillRequest): Promise<Result<SectionFillReport>> {
    const { fillSection } = await import("./section-fill");
    return fillSection(this.document, request);
  }

  revert(options?: RevertRequest): Promise<Result<RevertResult>> {
    return this.document.revert(options);
  }

  /** Takes the record of fills out of the document (the person agreed): nothing can be reverted after. */
  clearFillHistory(): Promise<Result<ClearedHistory>> {
    return this.document.clearFillHistory();
  }

  /** The last fill's account; undefined when the document records none. */
  lastFill(): Promise<Result<LastFill | undefined>> {
    return this.document.lastFill();
  }

  goTo(location: Location): Promise<Result<void>> {
    return this.document.select(location);
  }

  /** Adds review comments on the findings' cells; says how many were added and why others were not. */
  async addComments(items: readonly ReviewComment[]): Promise<Result<CommentReport>> {
    const r = await this.document.addComments(
      items.map((c) => ({ location: c.location, text: commentText(c), author: "PlanAssist" })),
    );
    if (!r.ok) return r;
    return ok({ added: r.value.added, notAdded: r.value.skipped.map((s) => s.reason) });
  }

  /** Puts a blank copy of a template into the empty document. */
  async insertTemplate(template: string): Promise<Result<void>> {
    await this.ready;
    const file = await this.services.blankTemplate(template);
    if (!file.ok) return file;
    return this.document.insertTemplate(file.value);
  }
}
