/**
 * Whether a value can be read in the cell it is bound for. Some templates put a value's cell
 * beside a wide label cell and give it almost no width (the CLNA's Goals & Targets dates sit in
 * cells 0.18 inch wide, its Workforce answers in 0.13 inch): Word would show a date there a
 * character or two per line. This is decided from the cell's width in the snapshot and the
 * value's length, before anything is written.
 */
import type { Location } from "./edits";
import type { DocumentSnapshot } from "./snapshot";

/** Twips (1/1440 inch) a character of body text takes on average, at 11 to 12 points. */
const CHARACTER_TWIPS = 110;
/** Room Word keeps inside a cell, left and right together (its default margins, 0.075 inch each). */
const CELL_MARGIN_TWIPS = 216;
/** A line holding this many characters reads as text; a word longer than the line is broken. */
const READABLE_CHARACTERS = 12;

export type NarrowCell = {
  /** The cell's width in twips. */
  readonly width: number;
  /** How many characters fit on one of its lines. */
  readonly perLine: number;
  /** How many the value needs on a line to be read (its longest word, up to a readable line). */
  readonly needed: number;
};

/** Characters per line in a cell `width` twips wide. */
export function charactersPerLine(width: number): number {
  return Math.max(0, Math.floor((width - CELL_MARGIN_TWIPS) / CHARACTER_TWIPS));
}

/**
 * Set when `value` goes into a cell too narrow to read it: the cell cannot hold the value's
 * longest word (or a readable line, for longer words) on one line. Undefined for a value that
 * fits, an empty value, a value in a body paragraph, and a cell whose width the document does
 * not give.
 */
export function narrowCell(
  snapshot: DocumentSnapshot,
  location: Location | undefined,
  value: string,
): NarrowCell | undefined {
  if (!location || location.kind !== "cell") return undefined;
  const words = value.split(/\s+/).filter((w) => w !== "");
  if (words.length === 0) return undefined;
  const width = snapshot.tables[location.table]?.rows[location.row]?.cells[location.cell]?.width;
  if (width === undefined) return undefined;
  const longest = words.reduce((m, w) => Math.max(m, [...w].length), 0);
  const needed = Math.min(longest, READABLE_CHARACTERS);
  const perLine = charactersPerLine(width);
  return perLine < needed ? { width, perLine, needed } : undefined;
}

/** A width in inches as a person reads it ("0.13 in"). */
export function inches(twips: number): string {
  return `${(twips / 1440).toFixed(2)} in`;
}
