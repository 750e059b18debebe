import fc from "fast-check";
import { cleanText, normalize, normalizeWithMap } from "../../../src/domain/text-match";

/** Characters normalising treats specially, mixed with plain letters and digits. */
const pieces = [
  "a",
  "B",
  "z",
  "Q",
  "1",
  " ",
  "  ",
  "\t",
  "\n",
  "\r",
  "\u000b",
  "/",
  " / ",
  "&",
  "`",
  ":",
  "*",
  "-",
  "•",
  "·",
  "\u00a0",
  "\u200b",
  "\u2019",
  "\u201c",
  "\u2013",
  "É",
  "ß",
  "İ",
  "Σ",
  "\u3000",
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(""));

describe("text normalisation", () => {
  it("gives the same text with and without the offset map, for any mix of characters", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(normalize(t)).toBe(normalizeWithMap(t).text);
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the same text for plain ASCII typed by people", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary-ascii", maxLength: 40 }), (t) => {
        expect(normalize(t)).toBe(normalizeWithMap(t).text);
      }),
      { numRuns: 2000 },
    );
  });

  it("lower-cases, joins runs of spaces and drops spaces around a slash", () => {
    expect(normalize("  Action   Steps /  Owner\t")).toBe("action steps/owner");
    expect(normalize("Data & Evidence")).toBe("data and evidence");
  });

  it("cleans a text the same way the first time and when it is asked again", () => {
    const label = "  • Measures of Implementation: *";
    const first = cleanText(label);
    expect(first).toBe("measures of implementation");
    expect(cleanText(label)).toBe(first);
    expect(cleanText(`${label}`.slice(0))).toBe(first);
  });
});
