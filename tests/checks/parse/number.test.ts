import { parseCount, parseMoney, parsePercent, parseRatio } from "../../../src/domain/parse/number";
import { hasEntry, placeholderKind } from "../../../src/domain/parse/placeholder";

describe("parseMoney", () => {
  it.each([
    ["$1,200", 1200],
    ["1200.50", 1200.5],
    ["$ 1,200.00", 1200],
    ["$5k", 5000],
    ["$1.2M", 1_200_000],
    ["2500 dollars", 2500],
  ])("reads %s as %d", (text, value) => {
    const r = parseMoney(text);
    expect(r.ok && r.value).toBe(value);
  });
  it("reads back in dollars", () => {
    const r = parseMoney("1200.5");
    expect(r.ok && r.reading).toBe("$1,200.50");
  });
  it.each([
    ["$", "amount_blank"],
    ["a lot", "amount_unreadable"],
    ["-$200", "amount_negative"],
    ["TBD", "amount_placeholder"],
  ])("refuses %j with %s", (text, code) => {
    const r = parseMoney(text);
    expect(!r.ok && r.code).toBe(code);
  });
});

describe("parsePercent", () => {
  it.each([
    ["45%", 45],
    ["45.5 %", 45.5],
    ["45 percent", 45],
  ])("reads %s as %d", (text, value) => {
    const r = parsePercent(text);
    expect(r.ok && r.value).toBe(value);
    expect(r.ok && r.notes).toEqual([]);
  });
  it("notes a bare number that a rate needs its % sign", () => {
    const r = parsePercent("45");
    expect(r.ok && r.notes.map((n) => n.code)).toEqual(["percentage_without_sign"]);
  });
  it("notes a percentage over 100", () => {
    const r = parsePercent("145%");
    expect(r.ok && r.notes.map((n) => n.code)).toEqual(["percentage_over_100"]);
  });
  it("refuses words", () => {
    expect(parsePercent("most").ok).toBe(false);
  });
});

describe("parseRatio", () => {
  it.each([
    ["12:1", 12, 1],
    ["12 to 1", 12, 1],
    ["12.5 : 1", 12.5, 1],
  ])("reads %s", (text, left, right) => {
    const r = parseRatio(text);
    expect(r.ok && r.value).toEqual({ left, right });
  });
  it("notes a ratio that is not per one", () => {
    const r = parseRatio("24:2");
    expect(r.ok && r.notes.map((n) => n.code)).toEqual(["ratio_not_per_one"]);
  });
  it("refuses a ratio to zero and words", () => {
    expect(!parseRatio("12:0").ok && !parseRatio("twelve").ok).toBe(true);
  });
});

describe("parseCount", () => {
  it.each([
    ["120", 120],
    ["1,234", 1234],
    ["120 students", 120],
  ])("reads %s as %d", (text, value) => {
    const r = parseCount(text);
    expect(r.ok && r.value).toBe(value);
  });
  it.each([
    ["12.5", "count_not_whole"],
    ["-3", "count_negative"],
    ["many", "count_unreadable"],
  ])("refuses %j with %s", (text, code) => {
    const r = parseCount(text);
    expect(!r.ok && r.code).toBe(code);
  });
});

describe("placeholderKind", () => {
  it.each([
    ["", "blank"],
    ["   ", "blank"],
    ["____", "blank"],
    ["$", "blank"],
    ["<Insert district name>", "placeholder"],
    ["[name]", "placeholder"],
    ["TBD", "placeholder"],
    ["tbd.", "placeholder"],
    ["Date: ______", "placeholder"],
    ["N/A", "not-applicable"],
    ["n/a", "not-applicable"],
    ["ASAP", "vague-time"],
    ["Ongoing", "vague-time"],
  ])("sees %j as %s", (text, kind) => {
    expect(placeholderKind(text)).toBe(kind);
  });
  it.each(["Maria Lopez", "Springfield Public Schools", "45%", "9/15/2026"])(
    "sees %j as a real entry",
    (text) => {
      expect(hasEntry(text)).toBe(true);
    },
  );
});
