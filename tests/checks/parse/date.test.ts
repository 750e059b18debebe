import { parseDate } from "../../../src/domain/parse/date";
import { parseDateRange } from "../../../src/domain/parse/date-range";
import { documentContext } from "../../../src/domain/document-context";

function iso(text: string): string | undefined {
  const r = parseDate(text, { reference: "2026-01-01" });
  return r.ok ? r.value.iso : undefined;
}

describe("parseDate", () => {
  it.each([
    ["9/15/2026", "2026-09-15"],
    ["09/15/2026", "2026-09-15"],
    ["09/15/26", "2026-09-15"],
    ["9-15-2026", "2026-09-15"],
    ["Sept. 15, 2026", "2026-09-15"],
    ["Sept 15 2026", "2026-09-15"],
    ["Sep. 15, 2026", "2026-09-15"],
    ["September 15 2026", "2026-09-15"],
    ["September 15th, 2026", "2026-09-15"],
    ["september 15, 2026", "2026-09-15"],
    ["Tuesday, September 15, 2026", "2026-09-15"],
    ["15 September 2026", "2026-09-15"],
    ["2026-09-15", "2026-09-15"],
    ["  9 / 15 / 2026 ", "2026-09-15"],
    ["Feb. 28, 2027", "2027-02-28"],
    ["May. 1, 2030", "2030-05-01"],
  ])("reads %s as %s", (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it("shows the reading back in words", () => {
    const r = parseDate("Sept. 15, 2026");
    expect(r.ok && r.reading).toBe("Tuesday, September 15, 2026");
  });

  it("reads a month alone as the end of that month with a note that a day is expected", () => {
    const r = parseDate("June 2027");
    expect(r.ok && r.value).toEqual({ iso: "2027-06-30", precision: "month" });
    expect(r.ok && r.notes.map((n) => n.code)).toEqual(["date_month_only"]);
    expect(r.ok && r.reading).toContain("end of June 2027");
  });

  it("reads two-digit years in the century closest to the reference", () => {
    expect(parseDate("1/2/99", { reference: "2026-01-01" }).ok && iso("1/2/99")).toBe("1999-01-02");
  });

  it.each([
    ["13/15/2026", "date_invalid"],
    ["2/30/2026", "date_invalid"],
    ["9/15", "date_missing_year"],
    ["Sept. 15", "date_missing_year"],
    ["September 15th", "date_missing_year"],
    ["15 Sept", "date_missing_year"],
    ["next week", "date_unreadable"],
    ["Septembre 15 2026", "date_unreadable"],
    ["9/15/2026 or later", "date_unreadable"],
    ["", "date_blank"],
    ["TBD", "date_placeholder"],
    ["ASAP", "date_placeholder"],
    ["9/15/1776", "date_year_implausible"],
  ])("refuses %j with %s", (text, code) => {
    const r = parseDate(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe(code);
  });

  it("never repeats the typed text in its message", () => {
    const r = parseDate("Secret Student Name");
    expect(!r.ok && r.message).not.toContain("Secret");
  });
});

describe("parseDateRange", () => {
  it.each([
    ["9/1/2026 - 12/15/2026", "2026-09-01", "2026-12-15"],
    ["9/1/2026 to 12/15/2026", "2026-09-01", "2026-12-15"],
    ["9/1/2026–12/15/2026", "2026-09-01", "2026-12-15"],
    ["Sept-Dec 2026", "2026-09-01", "2026-12-31"],
    ["Sept. - Dec. 2026", "2026-09-01", "2026-12-31"],
    ["Sept 2026 - June 2027", "2026-09-01", "2027-06-30"],
    ["Nov - Feb 2027", "2026-11-01", "2027-02-28"],
    ["9/1 - 12/15/2026", "2026-09-01", "2026-12-15"],
    ["October 2026", "2026-10-01", "2026-10-31"],
    ["Fall 2026", "2026-09-01", "2026-11-30"],
    ["SY 2026-27", "2026-07-01", "2027-06-30"],
  ])("reads %s as %s..%s", (text, start, end) => {
    const r = parseDateRange(text);
    expect(r.ok && [r.value.start, r.value.end]).toEqual([start, end]);
  });

  it("takes a single date as a one-day timeline", () => {
    const r = parseDateRange("10/1/2026");
    expect(r.ok && r.value).toEqual({ start: "2026-10-01", end: "2026-10-01", single: true });
  });

  it.each([
    ["12/15/2026 - 9/1/2026", "date_range_reversed"],
    ["whenever we can", "date_range_unreadable"],
    ["", "date_range_blank"],
    ["Ongoing", "date_range_placeholder"],
  ])("refuses %j with %s", (text, code) => {
    const r = parseDateRange(text);
    expect(!r.ok && r.code).toBe(code);
  });

  it("with a document's context, reads a text once and gives the same answer as without", () => {
    const ctx = documentContext();
    const first = parseDateRange("Sept-Dec 2026", {}, ctx);
    const held = ctx.size;
    expect(held).toBeGreaterThan(0);
    // Asked again (as the rules and the schemas both ask about one cell): the answer kept.
    expect(parseDateRange("Sept-Dec 2026", {}, ctx)).toBe(first);
    expect(ctx.size).toBe(held);
    expect(first).toEqual(parseDateRange("Sept-Dec 2026"));
    // Another reference for two-digit years is worked out, not taken from what was kept.
    const other = parseDateRange("9/1/96 - 12/15/96", { reference: "1990-01-01" }, ctx);
    expect(other.ok && other.value.start).toBe("1996-09-01");
    expect(parseDateRange("9/1/96 - 12/15/96", {}, ctx)).toEqual(
      parseDateRange("9/1/96 - 12/15/96"),
    );
  });
});

describe("a date or range without a year", () => {
  it("says the year is missing, not that it cannot be read", () => {
    const one = parseDateRange("Sept. 15");
    expect(!one.ok && one.message).toMatch(/has no year/);
    const end = parseDateRange("9/1/2026 - 12/15");
    expect(!end.ok && end.message).toMatch(/end of the range has no year/);
  });
});
