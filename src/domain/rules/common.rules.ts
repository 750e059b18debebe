/**
 * Rules every template shares: required fields filled and valid for their type, rows that are
 * started are complete, the least number of rows, one owner for everything, observable measures.
 */
import type { FindingDraft } from "../findings";
import type { FieldData, RowData, SectionData } from "../plan-data";
import { personKey, parsePerson } from "../parse/person";
import { placeholderKind, placeholderMessage } from "../parse/placeholder";
import {
  contentWords,
  defineRule,
  filled,
  isSignatureSection,
  text,
  usedRows,
  type PlanRule,
} from "./rule";
import { valueIssues } from "./value-schemas";
import type { DocumentContext } from "../document-context";

/** Findings about one field's value. `required` says whether a blank is an error here. */
function fieldFindings(
  section: SectionData,
  field: FieldData,
  required: boolean,
  row?: RowData,
  memos?: DocumentContext,
): FindingDraft[] {
  const base = row ? { section, field, row } : { section, field };
  if (field.type === "single-choice" || field.type === "multiple-choice") {
    const chosen = (Array.isArray(field.value) ? field.value : [field.value]).filter(
      (v) => v.trim() !== "",
    );
    if (chosen.length === 0) {
      return required
        ? [
            {
              ...base,
              code: "choice_missing",
              severity: "error",
              message:
                field.type === "single-choice"
                  ? "No option is chosen. Mark exactly one option."
                  : "No option is chosen. Mark at least one option.",
            },
          ]
        : [];
    }
    if (field.type === "single-choice" && chosen.length > 1) {
      return [
        {
          ...base,
          code: "choice_multiple",
          severity: "error",
          message: "More than one option is marked. Keep exactly one mark.",
        },
      ];
    }
    if (field.options && chosen.some((c) => !field.options?.includes(c))) {
      return [
        {
          ...base,
          code: "choice_unknown",
          severity: "error",
          message:
            "The chosen option is not one of the template's options. Choose one of the listed options.",
        },
      ];
    }
    return [];
  }
  const value = text(field);
  const kind = placeholderKind(value, memos);
  if (kind !== undefined) {
    if (required) {
      const m = placeholderMessage(kind);
      return [{ ...base, code: m.code, severity: "error", message: m.message }];
    }
    if (kind === "placeholder") {
      return [
        {
          ...base,
          code: "field_placeholder",
          severity: "warning",
          message:
            "This optional field still holds placeholder text. Replace it with the real entry or clear it.",
        },
      ];
    }
    return [];
  }
  return valueIssues(field.type, value, memos).map((i) => ({
    ...base,
    code: i.code,
    severity: i.severity,
    message: i.message,
    ...(i.reading !== undefined ? { reading: i.reading } : {}),
  }));
}

/** Required fields are filled; every typed value reads as its type; rows that are started are complete. */
const fieldValuesRule: PlanRule = defineRule({
  name: "field_values",
  description:
    "Required fields are filled (no blanks or placeholders such as TBD, ____, <Insert ...>, N/A) and every value reads as its type (date, person, amount, percentage, ratio, count, one choice).",
  check(plan, ctx) {
    const out: FindingDraft[] = [];
    for (const section of plan.sections) {
      if (isSignatureSection(section)) continue;
      for (const field of section.fields)
        out.push(...fieldFindings(section, field, field.required, undefined, ctx.memos));
      for (const row of usedRows(section)) {
        for (const cell of row.cells)
          out.push(...fieldFindings(section, cell, cell.required, row, ctx.memos));
      }
    }
    return out;
  },
});

/** A section with a least number of rows has that many rows in use. */
const rowsMinimumRule: PlanRule = defineRule({
  name: "rows_minimum",
  description: "A table that needs rows (at least one action step) has them.",
  check(plan) {
    const out: FindingDraft[] = [];
    for (const section of plan.sections) {
      const min = section.rowLimits?.min ?? 0;
      if (min === 0 || !section.rows) continue;
      const used = usedRows(section).length;
      if (used < min) {
        const first = section.rows[0]?.cells.find((c) => c.required) ?? section.rows[0]?.cells[0];
        out.push({
          section,
          ...(first ? { field: first } : {}),
          ...(section.rows[0] ? { row: section.rows[0] } : {}),
          code: "rows_missing",
          severity: "error",
          message:
            min === 1
              ? `"${section.label}" has no entries. Fill in at least one row.`
              : `"${section.label}" needs at least ${min} rows; fill in the missing ones.`,
        });
      }
    }
    return out;
  },
});

/** One person owning every step of a plan with more than three steps. */
const oneOwnerRule: PlanRule = defineRule({
  name: "one_owner_for_everything",
  description: "When a plan has more than three steps, they are not all owned by the same person.",
  check(plan, ctx) {
    const owners: { section: SectionData; row: RowData; field: FieldData; key: string }[] = [];
    for (const section of plan.sections) {
      for (const row of usedRows(section)) {
        const field = row.cells.find((c) => c.type === "person" && filled(c));
        if (!field) continue;
        const p = parsePerson(text(field), ctx.memos);
        if (!p.ok) continue;
        const key = p.value.titleOnly ? text(field).trim().toLowerCase() : personKey(p.value);
        owners.push({ section, row, field, key });
      }
    }
    if (owners.length <= 3) return [];
    const first = owners[0];
    if (!first || !owners.every((o) => o.key === first.key)) return [];
    return [
      {
        section: first.section,
        row: first.row,
        field: first.field,
        code: "one_owner_for_everything",
        severity: "warning",
        message: `The same person owns all ${owners.length} steps. Share the steps out so each has an owner with the time and authority to do it.`,
      },
    ];
  },
});

const artifactWords =
  /\b(roster|published|publish|posted|adopted|approved|signed|submitted|completed|complete|agenda|agendas|minutes|sign-in|attendance|schedule|calendar|report|reports|survey|surveys|log|logs|list|rubric|certificate|certificates|certified|document|documented|presented|distributed|hired|trained|implemented|launched|installed|purchased|created|developed|established|held|conducted|meeting|meetings|observation|observations|walkthrough|walkthroughs|data|results|scores|rate|rates|plan|policy|handbook|protocol|dashboard|portfolio|evidence|record|records|memo|map|maps|guide|curriculum|budget|contract|agreement|mou|audit|inventory|checklist|binder|website|newsletter|presentation|presentations|presented|delivered|slides|slide deck|workshop|workshops|session|sessions|training|trainings|shared|sent|emailed|mailed|recorded|recording|video|flyer|flyers|brochure|brochures|handout|handouts|lesson|lessons|unit|units|module|modules|toolkit|template|templates|form|forms|application|applications|proposal|proposals|grant|letter|letters|notice|syllabus|syllabi|course|courses|pathway|pathways|timeline|sign-off|signoff|portal|spreadsheet|tracker|database|transcript|transcripts|credential|credentials|badge|badges)\b/i;

/**
 * What kind of entry a measure is: a measure of implementation (a number, a date or a named
 * artifact shows it is done) or a target (a number or a percentage to reach).
 */
type MeasureKind = "measure" | "target";

/** Findings about a measure: observable, and not a restatement of its action. */
export function measureFindings(
  section: SectionData,
  measure: FieldData,
  action: FieldData | undefined,
  row?: RowData,
  kind: MeasureKind = "measure",
): FindingDraft[] {
  if (!filled(measure)) return [];
  const value = text(measure);
  const base = row ? { section, field: measure, row } : { section, field: measure };
  if (action && filled(action)) {
    const m = contentWords(value);
    const a = contentWords(text(action));
    if (m.size > 0) {
      let shared = 0;
      for (const w of m) if (a.has(w)) shared++;
      if (shared / m.size >= 0.8 && !/\d/.test(value)) {
        return [
          {
            ...base,
            code: "measure_restates_action",
            severity: "warning",
            message:
              kind === "target"
                ? `The target only restates the ${action.label}. Give the value to reach: a number or a percentage, such as "85% of students complete the pathway".`
                : 'The measure only restates the action. Say what will show it is done: a number, a percentage, a date or a named artifact ("roster published").',
          },
        ];
      }
    }
  }
  if (kind === "target") {
    if (/\d|%|\bpercent\b/i.test(value)) return [];
    return [
      {
        ...base,
        code: "measure_not_observable",
        severity: "warning",
        message:
          'The target is not measurable. Give the value to reach as a number or a percentage, such as "85% of students" or "from 62% to 70%".',
      },
    ];
  }
  if (!/\d/.test(value) && !/%/.test(value) && !artifactWords.test(value)) {
    return [
      {
        ...base,
        code: "measure_not_observable",
        severity: "warning",
        message:
          'The measure is not observable. Use a number, a percentage, a count, a date or a named artifact ("roster published", "agendas and sign-in sheets").',
      },
    ];
  }
  return [];
}

export const commonRules: readonly PlanRule[] = [fieldValuesRule, rowsMinimumRule, oneOwnerRule];
