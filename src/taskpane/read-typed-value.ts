/**
 * How the pane reads what a person types into date, number, percent and money fields, so it can
 * show the reading back ("Sept. 15, 2026" reads as Tuesday, September 15, 2026) and say plainly
 * when it cannot read a value. The same parsers as the checks, so the pane and the checks agree.
 */
import {
  parseCount,
  parseDate,
  parseDateRange,
  parseMoney,
  parsePercent,
  parseRatio,
  type Parsed,
} from "../domain/parse";

type Reading =
  | { readonly ok: true; readonly reading?: string; readonly notes?: readonly string[] }
  | { readonly ok: false; readonly message: string };

const parsers: Record<string, ((text: string) => Parsed<unknown>) | undefined> = {
  date: (t) => parseDate(t),
  "date-range": (t) => parseDateRange(t),
  number: parseCount,
  percent: parsePercent,
  ratio: parseRatio,
  money: parseMoney,
};

/** What the pane shows under a field while a person types. */
export function readTyped(type: string, text: string): Reading {
  const parse = parsers[type];
  if (!parse || !text.trim()) return { ok: true };
  const p = parse(text);
  if (!p.ok) return { ok: false, message: p.message };
  return { ok: true, reading: `Read as ${p.reading}`, notes: p.notes.map((n) => n.message) };
}

/** A date from an ISO `yyyy-MM-dd` (the calendar picker's value) or typed text; undefined when unreadable. */
export function isoOfTyped(text: string): string | undefined {
  const p = parseDate(text);
  return p.ok && p.value.precision === "day" ? p.value.iso : undefined;
}

/** ISO date to the US form people type (9/15/2026). */
export function usDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${m}/${d}/${y}`;
}
