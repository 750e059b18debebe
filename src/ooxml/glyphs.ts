/**
 * Choice marks as Word stores them: symbol-font characters (Wingdings circles and boxes, as
 * `w:sym` or as a run in the symbol font) and their Unicode look-alikes.
 */
import type { GlyphKind } from "../domain/snapshot";

type GlyphInfo = { readonly kind: GlyphKind; readonly char: string };

const radioEmpty: GlyphInfo = { kind: "radio-empty", char: "○" };
const radioFilled: GlyphInfo = { kind: "radio-filled", char: "●" };
const boxEmpty: GlyphInfo = { kind: "box-empty", char: "☐" };
const boxChecked: GlyphInfo = { kind: "box-checked", char: "☒" };
const boxTicked: GlyphInfo = { kind: "box-checked", char: "☑" };
const check: GlyphInfo = { kind: "check", char: "✓" };
const cross: GlyphInfo = { kind: "check", char: "✗" };

/** Symbol fonts by name (lower case), each a map from character code (0x20-0xFF) to glyph. */
const symbolFonts: Record<string, ReadonlyMap<number, GlyphInfo>> = {
  wingdings: new Map<number, GlyphInfo>([
    [0xa1, radioEmpty],
    [0x6c, radioFilled],
    [0x9f, radioFilled],
    [0xa4, radioFilled],
    [0x6f, boxEmpty],
    [0x71, boxEmpty],
    [0xa8, boxEmpty],
    [0x6e, boxChecked],
    [0x78, boxChecked],
    [0xfd, boxChecked],
    [0xfe, boxTicked],
    [0xfc, check],
    [0xfb, cross],
  ]),
  "wingdings 2": new Map<number, GlyphInfo>([
    [0x99, radioEmpty],
    [0x98, radioFilled],
    [0xa3, boxEmpty],
    [0x52, boxTicked],
    [0x53, boxChecked],
    [0x54, boxChecked],
    [0x50, check],
    [0x4f, cross],
  ]),
  webdings: new Map<number, GlyphInfo>([
    [0x3d, radioFilled],
    [0x63, boxEmpty],
    [0x61, check],
  ]),
  symbol: new Map<number, GlyphInfo>([[0xd6, check]]),
};

const unicodeGlyphs: ReadonlyMap<string, GlyphInfo> = new Map<string, GlyphInfo>([
  ["○", radioEmpty],
  ["◯", radioEmpty],
  ["⚪", radioEmpty],
  ["●", radioFilled],
  ["⬤", radioFilled],
  ["⚫", radioFilled],
  ["◉", radioFilled],
  ["◍", radioFilled],
  ["☐", boxEmpty],
  ["□", boxEmpty],
  ["◻", boxEmpty],
  ["☒", boxChecked],
  ["☑", boxTicked],
  ["■", boxChecked],
  ["▣", boxChecked],
  ["✓", check],
  ["✔", check],
  ["✗", cross],
  ["✘", cross],
]);

/** The lowest code of any Unicode glyph above: characters below it are never glyphs. */
export const firstGlyphCode = Math.min(...[...unicodeGlyphs.keys()].map((c) => c.charCodeAt(0)));

/** Whether a font name is a symbol font whose characters are pictures, not letters. */
export function isSymbolFont(font: string | undefined): boolean {
  return font !== undefined && font.toLowerCase() in symbolFonts;
}

/**
 * The glyph a symbol-font character shows. `code` may be the private-use form (0xF0A1) or the
 * plain one (0xA1).
 */
export function symbolGlyph(font: string, code: number): GlyphInfo | undefined {
  const table = symbolFonts[font.toLowerCase()];
  if (!table) return undefined;
  const plain = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  return table.get(plain);
}

/** The glyph a Unicode character is, or undefined for ordinary characters. */
export function unicodeGlyph(char: string): GlyphInfo | undefined {
  return unicodeGlyphs.get(char);
}

/** The Wingdings character codes PlanAssist writes for radio circles (as `w:sym` values). */
export const wingdingsCodes = { radioEmpty: "F0A1", radioFilled: "F06C" } as const;
