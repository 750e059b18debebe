/**
 * A field's value as one text. Kept apart from plan-data.ts (which holds the schemas) so that
 * the pane's first paint can use it without loading the schema library.
 */
import type { FieldValue } from "./plan-data";

/**
 * A value as one text: the text itself, or the chosen options joined by `separator` (", " as the
 * pane and the fill planner write them; findings join with "; ").
 */
export function valueText(value: FieldValue, separator = ", "): string {
  return typeof value === "string" ? value : value.join(separator);
}
