/**
 * Plan data as text: a field's value and a section's name. Kept apart from plan-data.ts (which
 * holds the schemas) so that the pane's first paint can use them without loading the schema
 * library.
 */
import type { FieldValue, SectionData } from "./plan-data";

/**
 * A value as one text: the text itself, or the chosen options joined by `separator` (", " as the
 * pane and the fill planner write them; findings join with "; ").
 */
export function valueText(value: FieldValue, separator = ", "): string {
  return typeof value === "string" ? value : value.join(separator);
}

/** What names a section: its id and, for a block the template repeats, its block number. */
export type SectionKey = Pick<SectionData, "id" | "block">;

/** A section named as text: its id, with `#block` for a repeated block ("strategy#2"). */
export function sectionKey(section: SectionKey): string {
  return section.block === undefined ? section.id : `${section.id}#${section.block}`;
}
