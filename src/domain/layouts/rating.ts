/**
 * The rating layout: one single-choice field per criterion, found by the criterion's text or
 * number; the last cells of its row are the options (CLNA rubric circles). Criteria may live in
 * tables of their own, so the layout finds its tables itself.
 */
import type { DocumentContext } from "../document-context";
import type { FieldData } from "../plan-data";
import type { DocumentSnapshot } from "../snapshot";
import { cleanRowTexts, labelsOf, matchesAny, matchesAnyClean } from "../text-match";
import {
  guidanceById,
  keyOf,
  type Candidate,
  type Layout,
  type Positions,
  type SectionOf,
} from "./layout";
import { choiceField, fieldData } from "./values";

type RatingSection = SectionOf<"rating">;

/** Criteria live in small tables of their own: one candidate, where the first criterion is. */
function ratingCandidates(
  snapshot: DocumentSnapshot,
  section: RatingSection,
  pos: Positions,
  ctx: DocumentContext,
): Candidate[] {
  const out: Candidate[] = [];
  const found: { id: string; table: number }[] = [];
  for (const f of section.fields) {
    for (const table of snapshot.tables) {
      const row = table.rows.find(
        (r, ri) =>
          r.cells.length >= section.options.length + 1 &&
          matchesAnyClean(
            cleanRowTexts(table, ri, ctx).first[0] ?? "",
            labelsOf(f, ctx),
            ctx,
            false,
            true,
          ) !== undefined,
      );
      if (row) {
        found.push({ id: f.id, table: table.index });
        break;
      }
    }
  }
  const first = found[0];
  if (first) {
    out.push({
      key: keyOf({ table: first.table }),
      table: first.table,
      pos: pos.table(first.table),
      score: found.length / section.fields.length,
      matched: [`${found.length} of ${section.fields.length} criteria`],
    });
  }
  return out;
}

function readRatings(
  snapshot: DocumentSnapshot,
  section: RatingSection,
  used: Set<number>,
  ctx: DocumentContext,
): { fields: FieldData[]; tables: number[] } {
  const tables: number[] = [];
  const fields = section.fields.map((f) => {
    for (const table of snapshot.tables) {
      if (used.has(table.index)) continue;
      const row = table.rows.find(
        (r) =>
          r.cells.length >= section.options.length + 1 &&
          matchesAny(r.cells[0]?.paragraphs[0]?.text ?? "", labelsOf(f, ctx), false, ctx) !==
            undefined,
      );
      if (!row) continue;
      used.add(table.index);
      tables.push(table.index);
      const optionCells = row.cells.slice(row.cells.length - section.options.length);
      return choiceField(
        f,
        f.options ?? section.options,
        optionCells.map((cell) => ({ table: table.index, row: row.index, cell })),
      );
    }
    return fieldData({ ...f, options: f.options ?? section.options }, [], undefined);
  });
  return { fields, tables };
}

export const ratingLayout: Layout<RatingSection> = Object.freeze({
  kind: "rating",
  candidates: ratingCandidates,
  empty: (section: RatingSection) => ({
    fields: section.fields.map((f) =>
      fieldData({ ...f, options: f.options ?? section.options }, [], undefined),
    ),
  }),
  read: (
    snapshot: DocumentSnapshot,
    section: RatingSection,
    _found: { readonly table?: number },
    used: Set<number>,
    ctx: DocumentContext,
  ) => ({ fields: readRatings(snapshot, section, used, ctx).fields }),
  fieldGuidance: (section: RatingSection, field: string) => guidanceById(section.fields, field),
});
