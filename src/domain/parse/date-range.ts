/**
 * Date ranges: "9/1/2026 - 12/15/2026", "9/1/2026 to 12/15/2026", "Sept-Dec 2026",
 * "Sept 2026 - June 2027", "9/1 - 12/15/2026", or a single date.
 */
import { endOfMonth, format, startOfMonth } from "date-fns";
import { memoKey, type DocumentContext } from "../document-context";
import { isoToDate, parseDate, type DateParseOptions, type IsoDate } from "./date";
import { normaliseSpace, parsedErr, parsedOk, type ParseNote, type Parsed } from "./parsed";
import { placeholderKind } from "./placeholder";

type ParsedDateRange = {
  readonly start: IsoDate;
  readonly end: IsoDate;
  /** True when one date was given rather than a range. */
  readonly single: boolean;
};

const SEPARATOR =
  /\s*(?:\s-\s|–|—|\bto\b|\bthrough\b|\bthru\b|\buntil\b)\s*|(?<=[A-Za-z.])-(?=[A-Za-z])/i;

function firstOfMonth(iso: IsoDate): IsoDate {
  return format(startOfMonth(isoToDate(iso)), "yyyy-MM-dd");
}

/**
 * Reads a date or a date range. With the document's context, answers for the default reference
 * are kept there (the rules and the schemas ask about the same cell).
 */
export function parseDateRange(
  text: string,
  options: DateParseOptions = {},
  ctx?: DocumentContext,
): Parsed<ParsedDateRange> {
  if (options.reference !== undefined || !ctx) return readDateRange(text, options, ctx);
  return ctx.of(ranges, text, (t) => readDateRange(t, {}, ctx));
}

const ranges = memoKey<string, Parsed<ParsedDateRange>>("parsed date range");

function readDateRange(
  text: string,
  options: DateParseOptions,
  ctx?: DocumentContext,
): Parsed<ParsedDateRange> {
  const kind = placeholderKind(text, ctx);
  if (kind === "blank") {
    return parsedErr(
      "date_range_blank",
      "No date or date range is given. Type one, such as 9/1/2026 - 12/15/2026.",
    );
  }
  if (kind !== undefined) {
    return parsedErr(
      "date_range_placeholder",
      "This holds a placeholder, not a timeline. Type a date or a date range, such as 9/1/2026 - 12/15/2026.",
    );
  }
  const t = normaliseSpace(text)
    .replace(/^(from|between)\s+/i, "")
    .replace(/\s+and\s+/i, " to ");
  const special = seasonOrSchoolYear(t);
  if (special)
    return parsedOk({ ...special, single: false }, describeRange(special.start, special.end));
  const parts = t.split(SEPARATOR).filter((p) => p !== undefined && p.trim() !== "");
  if (parts.length === 1) {
    const one = parseDate(t, options, ctx);
    if (!one.ok) {
      return parsedErr(
        "date_range_unreadable",
        one.code === "date_missing_year"
          ? "The date has no year. Add it, such as 9/15/2026, or give a range such as 9/1/2026 - 12/15/2026."
          : "This cannot be read as a date or a date range. Type it as 9/1/2026 - 12/15/2026 or Sept-Dec 2026.",
      );
    }
    const start = one.value.precision === "month" ? firstOfMonth(one.value.iso) : one.value.iso;
    return parsedOk(
      { start, end: one.value.iso, single: one.value.precision === "day" },
      one.reading,
      one.notes,
    );
  }
  if (parts.length !== 2) {
    return parsedErr(
      "date_range_unreadable",
      "This cannot be read as one date range. Give one start and one end date.",
    );
  }
  let [left, right] = parts as [string, string];
  left = left.trim();
  right = right.trim();
  const endParsed = parseDate(right, options, ctx);
  if (!endParsed.ok) {
    return parsedErr(
      "date_range_unreadable",
      endParsed.code === "date_missing_year"
        ? "The end of the range has no year. Add it, such as 9/1/2026 - 12/15/2026."
        : "The end of the range cannot be read as a date. Type it as 12/15/2026.",
    );
  }
  const endYear = endParsed.value.iso.slice(0, 4);
  let startParsed = parseDate(left, options, ctx);
  if (!startParsed.ok) {
    // Borrow the end's year: "Sept - Dec 2026", "9/1 - 12/15/2026".
    const withYear = /^\d{1,2}[/\-.]\d{1,2}$/.test(left)
      ? `${left}/${endYear}`
      : `${left} ${endYear}`;
    startParsed = parseDate(withYear, options, ctx);
    if (startParsed.ok && startParsed.value.iso > endParsed.value.iso) {
      startParsed = parseDate(
        /^\d{1,2}[/\-.]\d{1,2}$/.test(left)
          ? `${left}/${Number(endYear) - 1}`
          : `${left} ${Number(endYear) - 1}`,
        options,
        ctx,
      );
    }
  }
  if (!startParsed.ok) {
    return parsedErr(
      "date_range_unreadable",
      "The start of the range cannot be read as a date. Type it as 9/1/2026.",
    );
  }
  const start =
    startParsed.value.precision === "month"
      ? firstOfMonth(startParsed.value.iso)
      : startParsed.value.iso;
  const end = endParsed.value.iso;
  if (start > end) {
    return parsedErr(
      "date_range_reversed",
      "The range ends before it starts. Put the earlier date first.",
    );
  }
  const notes: ParseNote[] = [];
  return parsedOk({ start, end, single: false }, describeRange(start, end), notes);
}

function describeRange(start: IsoDate, end: IsoDate): string {
  const fmt = (iso: IsoDate) => format(isoToDate(iso), "MMMM d, yyyy");
  return `from ${fmt(start)} to ${fmt(end)}`;
}

/** "Fall 2026", "Spring 2027", "School year 2026-2027", "SY 2026-27". */
function seasonOrSchoolYear(t: string): { start: IsoDate; end: IsoDate } | undefined {
  const season = /^(fall|autumn|winter|spring|summer)\s+(?:of\s+)?(\d{4})$/i.exec(t);
  if (season) {
    const y = Number(season[2]);
    switch ((season[1] ?? "").toLowerCase()) {
      case "fall":
      case "autumn":
        return { start: `${y}-09-01`, end: `${y}-11-30` };
      case "winter":
        return {
          start: `${y}-12-01`,
          end: format(endOfMonth(new Date(y + 1, 1, 1)), "yyyy-MM-dd"),
        };
      case "spring":
        return { start: `${y}-03-01`, end: `${y}-05-31` };
      default:
        return { start: `${y}-06-01`, end: `${y}-08-31` };
    }
  }
  const sy = /^(?:sy|school year)\s*(\d{4})\s*[-–/]\s*(\d{2}|\d{4})$/i.exec(t);
  if (sy) {
    const y = Number(sy[1]);
    const second = sy[2] ?? "";
    const y2 = second.length === 2 ? Math.floor(y / 100) * 100 + Number(second) : Number(second);
    if (y2 === y + 1) return { start: `${y}-07-01`, end: `${y2}-06-30` };
  }
  return undefined;
}
