/**
 * Dates as US school staff type them, read with date-fns against a list of formats.
 *
 * 9/15/2026, 09/15/26, 9-15-2026, Sept. 15, 2026, September 15 2026, Tuesday, September 15, 2026,
 * 15 September 2026 and 2026-09-15 all read as 2026-09-15. A month alone ("June 2027", "6/2027")
 * means the end of that month, with a note that a day is expected.
 */
import { addMonths, endOfMonth, format, isValid, parse } from "date-fns";
import { normaliseSpace, parsedErr, parsedOk, type Parsed } from "./parsed";
import { memoKey, type DocumentContext } from "../document-context";
import { placeholderKind } from "./placeholder";

/** A calendar date as `yyyy-MM-dd` (sorts and compares as text). */
export type IsoDate = string;

type ParsedDate = {
  readonly iso: IsoDate;
  /** `month` when only a month and year were given (the date is the month's last day). */
  readonly precision: "day" | "month";
};

export type DateParseOptions = {
  /** Two-digit years are read as the year closest to this date's year. Defaults to 2000-01-01 + 26y. */
  readonly reference?: IsoDate;
};

const dayFormats4: readonly string[] = ["M/d/yyyy"];
const dayFormats2: readonly string[] = ["M/d/yy"];
const isoFormats: readonly string[] = ["yyyy-M-d", "yyyy/M/d"];
const textFormats: readonly string[] = [
  "MMMM d yyyy",
  "MMM d yyyy",
  "d MMMM yyyy",
  "d MMM yyyy",
  "MMMM d yy",
  "MMM d yy",
  "EEEE MMMM d yyyy",
  "EEE MMMM d yyyy",
  "EEEE MMM d yyyy",
  "EEE MMM d yyyy",
];
const monthFormats: readonly string[] = ["MMMM yyyy", "MMM yyyy", "M/yyyy"];
const numericMonthFormats: readonly string[] = ["M/yyyy"];
/**
 * What a month token (`MMM`, `MMMM`) needs somewhere in the text: a month name or abbreviation, or
 * a lone initial (date-fns also reads the narrow form, "S" for September).
 */
const monthName =
  /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|(?:^|[^a-z])[jfmasond](?:[^a-z]|$)/i;

/** A month name and a day with no year: "Sept 15", "September 15", "15 Sept", "Tuesday Sept 15". */
const monthDay =
  /^(?:[a-z]+ )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}$|^\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$/i;

function isMonthAndDay(normalised: string): boolean {
  const m = /(\d{1,2})/.exec(normalised);
  return monthDay.test(normalised) && m !== null && Number(m[1]) >= 1 && Number(m[1]) <= 31;
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;
const DEFAULT_REFERENCE = "2026-01-01";

/** Makes typed text fit the formats: abbreviations without dots, "Sept" as "Sep", no ordinals, no commas. */
function normaliseDateText(text: string): string {
  return normaliseSpace(text)
    .replace(
      /\b(jan|feb|febr|mar|apr|may|jun|june|jul|july|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\./gi,
      "$1",
    )
    .replace(/\bsept\b/gi, "Sep")
    .replace(/\bfebr\b/gi, "Feb")
    .replace(/\b(tues)\b/gi, "Tue")
    .replace(/\b(thurs|thur)\b/gi, "Thu")
    .replace(/\b(\d{1,2})(st|nd|rd|th)\b/gi, "$1")
    .replace(/\s*,\s*/g, " ")
    .replace(/(\d)\s*([/-])\s*(?=\d)/g, "$1$2")
    .trim();
}

function toIso(d: Date): IsoDate {
  return format(d, "yyyy-MM-dd");
}

/** A Date at local midnight for an ISO date. */
export function isoToDate(iso: IsoDate): Date {
  return parse(iso, "yyyy-MM-dd", new Date(2000, 0, 1));
}

/** How a date reads back to a person: "Tuesday, September 15, 2026". */
export function describeDate(iso: IsoDate): string {
  return format(isoToDate(iso), "EEEE, MMMM d, yyyy");
}

/** The date `months` months after `iso` (same day, or the month's last day). */
export function addMonthsIso(iso: IsoDate, months: number): IsoDate {
  return toIso(addMonths(isoToDate(iso), months));
}

/** A reference date, parsed once per context (it is only read). */
function referenceDate(iso: IsoDate, ctx?: DocumentContext): Date {
  const d = ctx ? ctx.of(references, iso, isoToDate) : isoToDate(iso);
  return new Date(d.getTime());
}

const references = memoKey<IsoDate, Date>("reference date", 100);

function tryFormats(text: string, formats: readonly string[], reference: Date): Date | undefined {
  for (const f of formats) {
    const d = parse(text, f, reference);
    if (isValid(d)) return d;
  }
  return undefined;
}

/**
 * Reads a date typed by a person. The rules ask about the same cell many times, so answers for the
 * default reference are kept while the document is worked on (they are never changed once made).
 */
export function parseDate(
  text: string,
  options: DateParseOptions = {},
  ctx?: DocumentContext,
): Parsed<ParsedDate> {
  if (options.reference !== undefined || !ctx) return readDate(text, options, ctx);
  return ctx.of(dates, text, (t) => readDate(t, {}, ctx));
}

const dates = memoKey<string, Parsed<ParsedDate>>("parsed date");

function readDate(
  text: string,
  options: DateParseOptions,
  ctx?: DocumentContext,
): Parsed<ParsedDate> {
  const kind = placeholderKind(text, ctx);
  if (kind === "blank")
    return parsedErr("date_blank", "No date is given. Type a date such as 9/15/2026.");
  if (kind !== undefined) {
    return parsedErr(
      "date_placeholder",
      "This holds a placeholder, not a date. Type the date, such as 9/15/2026 or Sept. 15, 2026.",
    );
  }
  const reference = referenceDate(options.reference ?? DEFAULT_REFERENCE, ctx);
  const t = normaliseDateText(text);
  let date: Date | undefined;
  let precision: "day" | "month" = "day";
  const numeric = /^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{2}|\d{4})$/.exec(t);
  if (numeric) {
    const slashed = `${numeric[1]}/${numeric[2]}/${numeric[3]}`;
    date = tryFormats(
      slashed,
      (numeric[3] ?? "").length === 2 ? dayFormats2 : dayFormats4,
      reference,
    );
    if (!date) {
      return parsedErr(
        "date_invalid",
        "This is not a real calendar date (month/day/year). Check the month and the day, such as 9/15/2026.",
      );
    }
  } else if (/^\d{4}[-/]\d{1,2}[-/]\d{1,2}$/.test(t)) {
    date = tryFormats(t, isoFormats, reference);
    if (!date)
      return parsedErr(
        "date_invalid",
        "This is not a real calendar date. Check the month and the day.",
      );
  } else if (/^\d{1,2}[/\-.]\d{1,2}$/.test(t)) {
    return parsedErr("date_missing_year", "The date has no year. Add it, such as 9/15/2026.");
  } else {
    // Every text format holds a month name: without one, only "M/yyyy" can match.
    const named = monthName.test(t);
    date = named ? tryFormats(t, textFormats, reference) : undefined;
    // "Sept 15": a month and a day, no year (not month 9 of the year 15).
    if (!date && named && isMonthAndDay(t)) {
      return parsedErr(
        "date_missing_year",
        "The date has no year. Add it, such as Sept. 15, 2026 or 9/15/2026.",
      );
    }
    if (!date) {
      const month = named
        ? tryFormats(t, monthFormats, reference)
        : /^\d/.test(t)
          ? tryFormats(t, numericMonthFormats, reference)
          : undefined;
      if (month) {
        date = endOfMonth(month);
        precision = "month";
      }
    }
  }
  if (!date) {
    return parsedErr(
      "date_unreadable",
      "This cannot be read as a date. Type it as month/day/year (9/15/2026), as Sept. 15, 2026, or as 2026-09-15.",
    );
  }
  const year = date.getFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return parsedErr(
      "date_year_implausible",
      `The year is outside ${MIN_YEAR}-${MAX_YEAR}. Check the year.`,
    );
  }
  const iso = toIso(date);
  if (precision === "month") {
    return parsedOk<ParsedDate>(
      { iso, precision },
      `the end of ${format(date, "MMMM yyyy")} (${describeDate(iso)})`,
      [
        {
          code: "date_month_only",
          message:
            "Only a month is given, so PlanAssist reads it as the last day of that month. Give the day too.",
        },
      ],
    );
  }
  return parsedOk<ParsedDate>({ iso, precision }, describeDate(iso));
}
