/**
 * Numbers people type in plan tables: money ($1,200, 1200.50, $5k, $1.2M), percentages (45%,
 * 45.5 %, 45 percent), ratios (12:1, 12 to 1) and whole counts (1,234).
 */
import { normaliseSpace, parsedErr, parsedOk, type ParseNote, type Parsed } from "./parsed";
import { placeholderKind } from "./placeholder";
import { memoKey, type DocumentContext } from "../document-context";

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?|\.(\d+)`;

function toNumber(
  intPart: string | undefined,
  frac: string | undefined,
  fracOnly: string | undefined,
): number {
  if (fracOnly !== undefined) return Number(`0.${fracOnly}`);
  return Number(`${(intPart ?? "0").replace(/,/g, "")}${frac !== undefined ? `.${frac}` : ""}`);
}

function blankOrPlaceholder<T>(text: string, what: string, example: string): Parsed<T> | undefined {
  const kind = placeholderKind(text);
  if (kind === "blank")
    return parsedErr(`${what}_blank`, `No ${what} is given. Type one, such as ${example}.`);
  if (kind !== undefined) {
    return parsedErr(
      `${what}_placeholder`,
      `This holds a placeholder, not a ${what}. Type one, such as ${example}.`,
    );
  }
  return undefined;
}

// Compiled once (they are used for every value of every plan).
const moneyPattern = new RegExp(
  `^(-)?\\s*\\$?\\s*(-)?(?:${NUMBER})\\s*([kKmM]|thousand|million)?$`,
);
const percentPattern = new RegExp(`^(-)?(?:${NUMBER})\\s*(%|percent|pct)?$`, "i");
const ratioPattern = new RegExp(`^(?:${NUMBER})\\s*(?::|to|/|per)\\s*(?:${NUMBER})$`, "i");
const countPattern = new RegExp(`^(-)?(?:${NUMBER})(?:\\s+[\\p{L}][\\p{L} ]*)?$`, "u");

/**
 * The dollar formatter, made when first needed (the first one made in a process is slow, and
 * pages start faster without), and kept by the document's context when there is one.
 */
function usd(value: number, ctx?: DocumentContext): string {
  const format = ctx ? ctx.of(formats, "usd", makeUsdFormat) : makeUsdFormat();
  return format.format(value);
}

const formats = memoKey<string, Intl.NumberFormat>("number format");
const makeUsdFormat = () => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** Reads an amount of money in dollars. */
export function parseMoney(text: string, ctx?: DocumentContext): Parsed<number> {
  const pre = blankOrPlaceholder<number>(text, "amount", "$1,200");
  if (pre) return pre;
  const t = normaliseSpace(text)
    .replace(/\s*(usd|dollars?)$/i, "")
    .replace(/^usd\s*/i, "");
  const m = moneyPattern.exec(t);
  if (!m) {
    return parsedErr(
      "amount_unreadable",
      "This cannot be read as an amount of money. Type it as $1,200 or 1200.50.",
    );
  }
  if (m[1] || m[2])
    return parsedErr(
      "amount_negative",
      "An anticipated cost cannot be negative. Type the amount without a minus sign.",
    );
  let value = toNumber(m[3], m[4], m[5]);
  const scale = (m[6] ?? "").toLowerCase();
  if (scale === "k" || scale === "thousand") value *= 1_000;
  if (scale === "m" || scale === "million") value *= 1_000_000;
  value = Math.round(value * 100) / 100;
  const notes: ParseNote[] = [];
  if (m[4] !== undefined && m[4].length > 2) {
    notes.push({
      code: "amount_fraction_of_cent",
      message: "The amount has more than two digits after the point. Round it to cents.",
    });
  }
  return parsedOk(value, usd(value, ctx), notes);
}

/** Reads a percentage (0-100; more than 100 is noted). */
export function parsePercent(text: string): Parsed<number> {
  const pre = blankOrPlaceholder<number>(text, "percentage", "45%");
  if (pre) return pre;
  const t = normaliseSpace(text);
  const m = percentPattern.exec(t);
  if (!m)
    return parsedErr(
      "percentage_unreadable",
      "This cannot be read as a percentage. Type it as 45% or 45.5%.",
    );
  if (m[1]) return parsedErr("percentage_negative", "A rate cannot be negative. Check the number.");
  const value = toNumber(m[2], m[3], m[4]);
  const notes: ParseNote[] = [];
  if (!m[5]) {
    notes.push({
      code: "percentage_without_sign",
      message:
        value <= 1 && value > 0
          ? "A rate is written as a percentage. If this is a fraction, write it as a percentage (0.45 as 45%)."
          : "A rate is written as a percentage. Add the % sign so readers know it is a rate.",
    });
  }
  if (value > 100) {
    notes.push({
      code: "percentage_over_100",
      message: "The percentage is over 100%. Check the number.",
    });
  }
  return parsedOk(value, `${value}%`, notes);
}

/** Reads a ratio such as "12:1" or "12 to 1", as the first number per one. */
export function parseRatio(text: string): Parsed<{ left: number; right: number }> {
  const pre = blankOrPlaceholder<{ left: number; right: number }>(text, "ratio", "12:1");
  if (pre) return pre;
  const t = normaliseSpace(text);
  const m = ratioPattern.exec(t);
  if (!m)
    return parsedErr(
      "ratio_unreadable",
      "This cannot be read as a ratio. Type it as n:1, such as 12:1.",
    );
  const left = toNumber(m[1], m[2], m[3]);
  const right = toNumber(m[4], m[5], m[6]);
  if (right === 0)
    return parsedErr(
      "ratio_zero",
      "The second number of a ratio cannot be 0. Type it as n:1, such as 12:1.",
    );
  const notes: ParseNote[] = [];
  if (right !== 1) {
    notes.push({
      code: "ratio_not_per_one",
      message: "Ratios are compared as n:1. Divide both numbers so the second is 1.",
    });
  }
  return parsedOk({ left, right }, `${left}:${right}`, notes);
}

/** Reads a whole count ("120", "1,234", "120 students"). */
export function parseCount(text: string): Parsed<number> {
  const pre = blankOrPlaceholder<number>(text, "count", "120");
  if (pre) return pre;
  const t = normaliseSpace(text);
  const m = countPattern.exec(t);
  if (!m)
    return parsedErr(
      "count_unreadable",
      "This cannot be read as a count. Type a whole number, such as 120.",
    );
  if (m[1]) return parsedErr("count_negative", "A count cannot be negative.");
  if (m[3] !== undefined || m[4] !== undefined) {
    return parsedErr("count_not_whole", "A count is a whole number. Remove the decimals.");
  }
  const value = toNumber(m[2], undefined, undefined);
  return parsedOk(value, String(value));
}
