/**
 * Reading values: how the layouts read a value out of a cell or a paragraph. The value of a field
 * never includes its label, the template's prompts, or placeholders such as "____",
 * "<Insert district name>", a "$" alone in a cost cell or the "1." that numbers a row. A
 * placeholder that starts a cell ("$", "1.") is kept by the document: the value's location starts
 * after it (`start`).
 */
import { isCellMarked } from "../choices";
import { memoKey, type DocumentContext } from "../document-context";
import type { FieldData, Location } from "../plan-data";
import type { CellSnapshot } from "../snapshot";
import type { FieldDefinition } from "../template-definition";
import { cleanLabel, cleanText, normalizeWithMap, startsWithLabel } from "../text-match";

type CellLoc = Extract<Location, { kind: "cell" }>;

export type ValueRules = {
  readonly prompts?: readonly string[] | undefined;
  readonly placeholders?: readonly string[] | undefined;
};

/** Removes blanks and placeholders a template prints where an answer goes. */
export function stripPlaceholders(
  text: string,
  placeholders: readonly string[] = [],
  ctx?: DocumentContext,
): string {
  // Blanks ("____") and bracketed prompts such as "<Insert district name>".
  const out = text.replace(/_{2,}/g, " ").replace(/<[A-Za-z][A-Za-z '’/-]{0,58}>/g, " ");
  let clean: string | undefined; // `out` cleaned, when there is a placeholder to compare
  for (const p of placeholders) {
    if (p.includes("{n}")) continue;
    clean ??= cleanText(out, ctx);
    if (clean === cleanLabel(p, ctx)) return "";
  }
  return out
    .replace(/[ \t]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .trim();
}

/** Placeholder prefixes' patterns, by placeholder (see `DocumentContext`). */
const prefixPatterns = memoKey<string, RegExp>("placeholder prefix pattern");

/** Length of a placeholder prefix ("$", "1.", "2. ") at the start of a paragraph, with its spaces. */
function placeholderPrefix(
  text: string,
  placeholders: readonly string[] = [],
  ctx: DocumentContext,
): number {
  for (const p of placeholders) {
    const re = ctx.of(prefixPatterns, p, () => {
      const source = p
        .trim()
        .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
        .replace(/\\\{n\\\}/g, "\\d+");
      return new RegExp(`^\\s*${source}\\s*`);
    });
    const m = re.exec(text);
    if (m) return m[0].length;
  }
  return 0;
}

/** The text of a paragraph after a prompt it starts with, or undefined when it is no prompt. */
export function afterPrompt(
  text: string,
  prompts: readonly string[],
  ctx: DocumentContext,
): string | undefined {
  for (const prompt of prompts) {
    const end = labelEnd(text, prompt, ctx);
    if (end !== undefined) return text.slice(end);
  }
  return undefined;
}

/** Source offset just after `label` (and its colon, asterisks and spaces) at the start of `text`. */
function labelEnd(text: string, label: string, ctx: DocumentContext): number | undefined {
  const hit = startsWithLabel(text, label, ctx);
  if (!hit) return undefined;
  // Map the cleaned match length back to the source text.
  const leading = text.length - text.replace(/^[\s·•▪◦‣∙\-*]+/, "").length;
  const { map } = normalizeWithMap(text.slice(leading));
  let end = leading + (map[hit.length - 1] ?? 0) + 1;
  while (end < text.length && /[\s:*]/.test(text[end] as string)) end++;
  return end;
}

export type Slot = { value: string; location: CellLoc };

export function cellLocation(table: number, row: number, cell: number): CellLoc {
  return { kind: "cell", table, row, cell };
}

/** A whole cell as a value (prompts and placeholders left out). */
export function readWholeCell(
  tableIndex: number,
  row: number,
  cell: CellSnapshot,
  rules: ValueRules,
  ctx: DocumentContext,
): Slot {
  const location: { -readonly [K in keyof CellLoc]: CellLoc[K] } = cellLocation(
    tableIndex,
    row,
    cell.index,
  );
  const parts: string[] = [];
  cell.paragraphs.forEach((p, i) => {
    let text = p.text;
    if (i === 0) {
      const prefix = placeholderPrefix(text, rules.placeholders, ctx);
      if (prefix > 0) {
        text = text.slice(prefix);
        location.paragraph = 0;
        location.paragraphCount = cell.paragraphs.length;
        location.start = prefix;
      }
    }
    const rest = rules.prompts ? afterPrompt(text, rules.prompts, ctx) : undefined;
    parts.push(stripPlaceholders(rest ?? text, rules.placeholders, ctx));
  });
  return { value: joinParagraphs(parts), location };
}

function joinParagraphs(parts: readonly string[]): string {
  return parts
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .join("\n");
}

/**
 * The value below a label inside a cell: text after the label in its paragraph, then the
 * paragraphs up to `to` (exclusive), without prompts. The slot is the paragraphs after the last
 * label or prompt; when there are none, the rest of that paragraph (`start`).
 */
export function readBelow(
  tableIndex: number,
  row: number,
  cell: CellSnapshot,
  labelParagraph: number,
  label: string,
  to: number,
  rules: ValueRules,
  ctx: DocumentContext,
): Slot {
  const paragraphs = cell.paragraphs;
  const labelText = paragraphs[labelParagraph]?.text ?? "";
  const end = labelEnd(labelText, label, ctx) ?? labelText.length;
  const parts: string[] = [stripPlaceholders(labelText.slice(end), rules.placeholders, ctx)];
  let lastFixed = labelParagraph;
  let lastFixedEnd = end;
  for (let j = labelParagraph + 1; j < to; j++) {
    const text = paragraphs[j]?.text ?? "";
    const rest = rules.prompts ? afterPrompt(text, rules.prompts, ctx) : undefined;
    if (rest !== undefined) {
      lastFixed = j;
      lastFixedEnd = text.length - rest.length;
      parts.push(stripPlaceholders(rest, rules.placeholders, ctx));
    } else {
      parts.push(stripPlaceholders(text, rules.placeholders, ctx));
    }
  }
  const location: { -readonly [K in keyof CellLoc]: CellLoc[K] } = cellLocation(
    tableIndex,
    row,
    cell.index,
  );
  // Text typed after the label in its own paragraph, with the paragraphs below left empty, is
  // the value where it is.
  const typedInline = lastFixed === labelParagraph && (parts[0] ?? "") !== "";
  const belowEmpty = parts.slice(1).every((x) => x === "");
  if (lastFixed + 1 < to && !(typedInline && belowEmpty)) {
    location.paragraph = lastFixed + 1;
    location.paragraphCount = to - lastFixed - 1;
  } else {
    location.paragraph = lastFixed;
    location.paragraphCount = 1;
    location.start = lastFixedEnd;
  }
  return { value: joinParagraphs(parts), location };
}

/** Index of the first paragraph after `from` in a cell that starts with one of the labels. */
export function nextLabelParagraph(
  cell: CellSnapshot,
  from: number,
  labels: readonly string[],
  ctx: DocumentContext,
): number {
  for (let j = from + 1; j < cell.paragraphs.length; j++) {
    const text = cell.paragraphs[j]?.text ?? "";
    if (text.trim() && labels.some((l) => startsWithLabel(text, l, ctx))) return j;
  }
  return cell.paragraphs.length;
}

export function fieldData(
  f: Pick<FieldDefinition, "id" | "label" | "type" | "required" | "options">,
  value: FieldData["value"],
  location: Location | undefined,
): FieldData {
  const out: { -readonly [K in keyof FieldData]: FieldData[K] } = {
    id: f.id,
    label: f.label,
    type: f.type,
    required: f.required,
    value,
  };
  if (f.options) out.options = [...f.options];
  if (location) out.location = location;
  return out;
}

export function emptyValue(f: Pick<FieldDefinition, "type">): FieldData["value"] {
  return f.type === "single-choice" || f.type === "multiple-choice" ? [] : "";
}

export function choiceField(
  f: FieldDefinition,
  options: readonly string[],
  cells: readonly { table: number; row: number; cell: CellSnapshot | undefined }[],
): FieldData {
  const marked = options.filter((_, i) => {
    const c = cells[i]?.cell;
    return c ? isCellMarked(c.paragraphs) : false;
  });
  const optionLocations: Location[] = cells.map((c, i) =>
    cellLocation(c.table, c.row, c.cell?.index ?? i),
  );
  const first = optionLocations[0];
  const data = fieldData({ ...f, options: [...options] }, marked, first);
  return { ...data, optionLocations };
}

/** Every field empty, without a location (a section that was not found). */
export function emptyFields(fields: readonly FieldDefinition[]): FieldData[] {
  return fields.map((f) => fieldData(f, emptyValue(f), undefined));
}
