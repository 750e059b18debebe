/**
 * Where a template's tables begin, for reading apart the tables Word joined.
 *
 * Word cannot hold two tables with nothing between them and saves them as one (see
 * `src/ooxml/join-tables.ts`). The templates have such tables (an SFSS challenge is three, each
 * CLNA criterion is one), so a file saved by Word holds them joined. The reader cuts a table
 * again before each row whose first cell holds, as its whole first paragraph, the title of one of
 * the templates' tables: a section's `startsWith` or first anchor, or a rating criterion (each
 * criterion is a table of its own). A template's own tables have their title in their first row
 * only, which a test checks on every replica.
 */
import { cleanLabel, cleanText } from "../domain/text-match";
import type { TemplateDefinition } from "../domain/template-definition";
import { templateTableTitles } from "./table-titles";

/**
 * A template table's title. A title that `runs` may head several rows in a row of one table (the
 * rows of a rubric's legend: Exemplar, Established, ...): the table is cut before the first only.
 */
export type TableTitle = { readonly texts: readonly string[]; readonly runs: boolean };

/** The titles of every table of the given templates. */
export function tableTitles(definitions: readonly TemplateDefinition[]): TableTitle[] {
  const out: TableTitle[] = [];
  const seen = new Set<string>();
  const add = (title: TableTitle) => {
    const key = JSON.stringify(title);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(title);
  };
  for (const d of definitions) {
    for (const s of d.sections) {
      if (s.layout === "rating") {
        // Each criterion is a table of its own, after the rubric's legend of the ratings.
        for (const f of s.fields) add({ texts: f.match ?? [f.label], runs: false });
        add({ texts: s.options, runs: true });
        continue;
      }
      if (!("table" in s) || ("sameTableAs" in s && s.sameTableAs)) continue;
      const texts = s.table.startsWith ?? s.table.anchors[0];
      if (texts) add({ texts, runs: false });
    }
  }
  return out;
}

/** What a row's first text says of the table it heads: which title (by number), or undefined. */
export type TitleTest = (
  text: string,
) => { readonly title: number; readonly runs: boolean } | undefined;

/** A test of a first cell paragraph's text: which of these titles is it? */
function titleTest(titles: readonly TableTitle[]): TitleTest {
  const plain = new Map<string, number>();
  const numbered: [RegExp, number][] = [];
  titles.forEach((title, k) => {
    for (const t of title.texts) {
      const clean = cleanLabel(t);
      if (!clean.includes("{n}")) {
        if (!plain.has(clean)) plain.set(clean, k);
      } else {
        const parts = clean.split("{n}").map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
        numbered.push([new RegExp(`^${parts.join("\\d+")}$`), k]);
      }
    }
  });
  return (text) => {
    if (text.length === 0) return undefined;
    const clean = cleanText(text);
    // The title alone, or as a label with its answer after the colon ("Strategy #2: Tutoring").
    const colon = clean.indexOf(":");
    const label = colon > 0 ? clean.slice(0, colon).trimEnd() : clean;
    let k = plain.get(clean) ?? plain.get(label);
    if (k === undefined) k = numbered.find(([re]) => re.test(clean) || re.test(label))?.[1];
    const title = k === undefined ? undefined : titles[k];
    return title === undefined || k === undefined ? undefined : { title: k, runs: title.runs };
  };
}

/** Which of PlanAssist's template table titles a paragraph's text is, if any. */
export const templateTableTitle: TitleTest = titleTest(templateTableTitles);
