/**
 * Value rules per field type, expressed with zod: each schema takes the typed value and reports
 * custom issues whose `params` carry the finding's code and severity. Blank and placeholder values
 * are the field rule's business (they depend on `required`); these schemas see real entries only.
 */
import { z } from "zod";
import type { FieldType } from "../plan-data";
import type { Severity } from "../findings";
import { parseDate } from "../parse/date";
import { parseDateRange } from "../parse/date-range";
import { parseCount, parseMoney, parsePercent, parseRatio } from "../parse/number";
import { parsePerson } from "../parse/person";
import type { Parsed } from "../parse/parsed";
import type { DocumentContext } from "../document-context";

type ValueIssueParams = {
  readonly code: string;
  readonly severity: Severity;
  readonly reading?: string;
};

type Ctx = z.RefinementCtx<string>;

function report(
  ctx: Ctx,
  code: string,
  severity: Severity,
  message: string,
  reading?: string,
): void {
  const params: ValueIssueParams =
    reading !== undefined ? { code, severity, reading } : { code, severity };
  ctx.addIssue({ code: "custom", message, params });
}

/** A schema that reads a value with a parser: a refusal is an error, a note a warning. */
function parsedSchema<T>(parse: (text: string) => Parsed<T>) {
  return z.string().superRefine((value, ctx) => {
    const r = parse(value);
    if (!r.ok) {
      report(ctx, r.code, "error", r.message);
      return;
    }
    for (const n of r.notes) report(ctx, n.code, "warning", n.message, r.reading);
  });
}

const textSchema = z.string().superRefine((value, ctx) => {
  if (/^\s*(<[^<>]*>|\[[^[\]]*\])\s*$/.test(value)) {
    report(
      ctx,
      "field_placeholder",
      "error",
      "This still holds the template's placeholder. Replace it with the real entry.",
    );
  }
});

const fieldValueSchemas: Readonly<Record<FieldType, z.ZodType<string, string>>> = {
  text: textSchema,
  "long-text": textSchema,
  person: parsedSchema(parsePerson),
  date: parsedSchema((t) => parseDate(t)),
  "date-range": parsedSchema((t) => parseDateRange(t)),
  number: parsedSchema(parseCount),
  percent: parsedSchema(parsePercent),
  ratio: parsedSchema(parseRatio),
  money: parsedSchema(parseMoney),
  // Choice fields are checked on the chosen options (see the field rule).
  "single-choice": z.string(),
  "multiple-choice": z.string(),
};

type ValueIssue = {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly reading?: string;
};

/** The parser behind each parsed schema above, for the direct path of `valueIssues`. */
const valueParsers: Readonly<
  Partial<Record<FieldType, (t: string, ctx?: DocumentContext) => Parsed<unknown>>>
> = {
  person: parsePerson,
  date: (t, ctx) => parseDate(t, {}, ctx),
  "date-range": (t, ctx) => parseDateRange(t, {}, ctx),
  number: parseCount,
  percent: parsePercent,
  ratio: parseRatio,
  money: parseMoney,
};

const placeholderOnly = /^\s*(<[^<>]*>|\[[^[\]]*\])\s*$/;

/**
 * What the schemas report for a string, computed directly (the same issues in the same order,
 * without building zod's issue objects for every value of every plan).
 */
function directIssues(
  type: FieldType,
  value: string,
  ctx?: DocumentContext,
): ValueIssue[] | undefined {
  if (type === "text" || type === "long-text") {
    return placeholderOnly.test(value)
      ? [
          {
            code: "field_placeholder",
            severity: "error",
            message: "This still holds the template's placeholder. Replace it with the real entry.",
          },
        ]
      : [];
  }
  if (type === "single-choice" || type === "multiple-choice") return [];
  const parse = valueParsers[type];
  if (!parse) return undefined;
  const r = parse(value, ctx);
  if (!r.ok) return [{ code: r.code, severity: "error", message: r.message }];
  return r.notes.map((n) =>
    r.reading !== undefined
      ? { code: n.code, severity: "warning", message: n.message, reading: r.reading }
      : { code: n.code, severity: "warning", message: n.message },
  );
}

/** Runs a type's value schema over a real entry. */
export function valueIssues(type: FieldType, value: string, ctx?: DocumentContext): ValueIssue[] {
  if (typeof value === "string") {
    const direct = directIssues(type, value, ctx);
    if (direct) return direct;
  }
  const result = fieldValueSchemas[type].safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((i) => {
    const p = ((i as { params?: ValueIssueParams }).params ?? {
      code: "value_invalid",
      severity: "error",
    }) as ValueIssueParams;
    return p.reading !== undefined
      ? { code: p.code, severity: p.severity, message: i.message, reading: p.reading }
      : { code: p.code, severity: p.severity, message: i.message };
  });
}
