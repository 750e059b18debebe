/**
 * Reading choice marks: which rating circle is filled, which compliance column is marked, which
 * SFSS priorities are checked.
 *
 * A mark is a glyph the snapshot found (a filled radio circle ●, a checked box ☒ ☑, a check ✓,
 * whether stored as a Wingdings symbol, a symbol-font run, a check box content control or a
 * Unicode character) or a mark a person typed: `X`, `x`, `✓`, `✔`, `☒`, `☑`, `●`, `■`.
 * Empty circles and boxes (○ ☐) are not marks.
 *
 * In a list of options inside one cell (the SFSS priorities), an option is checked when its
 * paragraph starts with a mark: a checked glyph, or a typed `X` followed by a space or `)`.
 * PlanAssist itself writes "☒ " before a checked option and "☐ " before the others.
 */
import type { GlyphKind, ParagraphSnapshot } from "./snapshot";

const checkedKinds: ReadonlySet<GlyphKind> = new Set(["radio-filled", "box-checked", "check"]);

/** Characters a person types to mark a choice. */
const typedMarks: ReadonlySet<string> = new Set([
  "x",
  "X",
  "✓",
  "✔",
  "☒",
  "☑",
  "●",
  "■",
  "⬤",
  "✗",
  "✘",
  "√",
]);
/** Characters that are part of an unmarked choice (empty circles and boxes). */
const emptyMarks: ReadonlySet<string> = new Set(["○", "☐", "◯", "□", "¡"]);

/** Whether a paragraph holds a checked glyph. */
function hasCheckedGlyph(p: ParagraphSnapshot): boolean {
  return p.glyphs.some((g) => checkedKinds.has(g.kind));
}

/**
 * Whether a choice cell (one option per cell) is marked: a checked glyph anywhere, or the cell's
 * text, without empty circles and boxes, is only a typed mark.
 */
export function isCellMarked(paragraphs: readonly ParagraphSnapshot[]): boolean {
  if (paragraphs.some(hasCheckedGlyph)) return true;
  const text = paragraphs
    .map((p) => [...p.text].filter((c) => !emptyMarks.has(c)).join(""))
    .join("")
    .replace(/\s+/g, "");
  if (text.length === 0) return false;
  if ([...text].length === 1 && typedMarks.has(text)) return true;
  // "X" typed twice or with a stray period ("X.") still reads as a mark.
  return /^[xX✓✔☒☑●■]{1,3}\.?$/.test(text);
}

const leadingBullet = /^[\s·•▪◦‣∙\-–]+/;

/**
 * Reads one option paragraph of a list: whether it is checked and its text without marks.
 * A paragraph is checked when it starts with a checked glyph or a typed mark (`X `, `x)`, `✓`).
 */
export function readOptionParagraph(p: ParagraphSnapshot): { checked: boolean; text: string } {
  let text = p.text.replace(leadingBullet, "");
  let checked = false;
  const firstGlyph = p.glyphs[0];
  const leading = p.text.length - p.text.replace(/^[\s·•▪◦‣∙\-–]+/, "").length;
  if (firstGlyph && firstGlyph.offset <= leading) {
    checked = checkedKinds.has(firstGlyph.kind);
    text = text.slice(1);
  } else {
    const m = /^([xX✓✔☒☑●■√])(?:[\s).:\]-]+|$)/.exec(text);
    if (m) {
      checked = true;
      text = text.slice(m[0].length);
    } else if (/^[○☐◯□]\s*/.test(text)) {
      text = text.replace(/^[○☐◯□]\s*/, "");
    } else if (/^\[\s*[xX✓]\s*\]\s*/.test(text)) {
      checked = true;
      text = text.replace(/^\[\s*[xX✓]\s*\]\s*/, "");
    }
  }
  return { checked, text: text.replace(leadingBullet, "").trim() };
}
