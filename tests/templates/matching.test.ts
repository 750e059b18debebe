import { isCellMarked, readOptionParagraph } from "../../src/domain/choices";
import { cleanText, findLabel, startsWithLabel } from "../../src/domain/text-match";
import { minimalDocx, p, tbl, tc, tr } from "../helpers/make-docx";
import { readBytes } from "./read-helpers";

describe("normalising template text for matching", () => {
  it("ignores case, curly quotes, spacing, bullets and trailing colons and asterisks", () => {
    expect(cleanText("  TODAY’S   Date :* ")).toBe(cleanText("Today's Date"));
    expect(cleanText("· Strong Climate & Culture")).toBe("strong climate and culture");
    expect(cleanText("School / Program Science MCAS")).toBe(
      cleanText("School/ Program Science MCAS"),
    );
    expect(cleanText("Academic Time on Learning – Math")).toBe("academic time on learning - math");
  });

  it("matches labels as whole words and reads block numbers", () => {
    expect(startsWithLabel("Challenge/Problem #12", "Challenge/Problem #{n}")).toMatchObject({
      n: 12,
    });
    expect(startsWithLabel("1.10 Another criterion", "1.1")).toBeUndefined();
    expect(startsWithLabel("1.1 The school uses", "1.1")).toBeDefined();
    expect(startsWithLabel("Ownership", "Owner")).toBeUndefined();
  });

  it("finds a label followed by its colon and gives source offsets", () => {
    const text = "District/School Name: ____ \tToday’s Date: 9/1/2026";
    const hit = findLabel(text, "Today's Date");
    expect(text.slice(hit?.start, hit?.end)).toBe("Today’s Date:");
    expect(findLabel("Update the date below", "Date")).toBeUndefined();
  });
});

/** A one-row table whose cells hold the given paragraph XML, read back as a snapshot. */
function cells(...inner: string[]) {
  const r = readBytes(minimalDocx(tbl(inner.length, tr(inner.map((x) => tc(x)).join("")))));
  return r.snapshot.tables[0]?.rows[0]?.cells ?? [];
}

describe("reading choice marks", () => {
  it("treats filled circles, checked boxes, checks and typed marks as marked", () => {
    const wingdingsRun = (ch: string) =>
      `<w:p><w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>${ch}</w:t></w:r></w:p>`;
    const sym = (code: string) =>
      `<w:p><w:r><w:sym w:font="Wingdings" w:char="${code}"/></w:r></w:p>`;
    const marked = cells(wingdingsRun("l"), sym("F06C"), p("●"), p("☒"), p("✓"), p("X"), p(" x "));
    expect(marked.map((c) => isCellMarked(c.paragraphs))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it("does not take empty circles, empty boxes, blanks or words for marks", () => {
    const wingdingsRun = `<w:p><w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>¡</w:t></w:r></w:p>`;
    const unmarked = cells(wingdingsRun, p("○"), p("☐"), p(""), p("Xavier"), p("No"));
    expect(unmarked.map((c) => isCellMarked(c.paragraphs))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("reads an option paragraph's mark and its text without the mark", () => {
    const [c] = cells(
      p("☒ Strong Climate & Culture") +
        p("☐ Engaging Instruction for Academics & SEL") +
        p("X Proactive Student-Specific Support System") +
        p("Systematic Parent & Family Engagement") +
        p("✓ Strategic Partnerships & Coalitions"),
    );
    expect(c?.paragraphs.map((x) => readOptionParagraph(x))).toEqual([
      { checked: true, text: "Strong Climate & Culture" },
      { checked: false, text: "Engaging Instruction for Academics & SEL" },
      { checked: true, text: "Proactive Student-Specific Support System" },
      { checked: false, text: "Systematic Parent & Family Engagement" },
      { checked: true, text: "Strategic Partnerships & Coalitions" },
    ]);
  });
});
