/**
 * What a layout is: one way a template lays a section out in a document (a rows table, a form, a
 * labelled paragraph, ...). Each layout is one module of this folder that says, for its sections,
 * how recognition finds them, how the reader reads their values, how they read when not found, and
 * where a field's guidance is. Recognition, the plan reader and the pane's guidance dispatch through
 * the registry (`index.ts`); they hold no layout's knowledge of their own.
 */
import type { DocumentContext } from "../document-context";
import type { SectionData } from "../plan-data";
import type { DocumentSnapshot } from "../snapshot";
import type { SectionDefinition } from "../template-definition";

/** The layouts a definition's sections can have. */
export type LayoutKind = SectionDefinition["layout"];

/** The definition of a section of one layout. */
export type SectionOf<K extends LayoutKind> = Extract<SectionDefinition, { layout: K }>;

/** A comparable position of each table and body paragraph in document order. */
export type Positions = {
  table(index: number): number;
  paragraph(index: number): number;
};

/** A place in the document that may hold a section, scored by recognition. */
export type Candidate = {
  /** `t<table>` or `p<paragraph>`: what the candidate takes, so no other section takes it too. */
  key: string;
  table?: number;
  paragraph?: number;
  pos: number;
  score: number;
  n?: number;
  matched: string[];
  hasGuidanceRow?: boolean;
};

export function keyOf(c: Pick<Candidate, "table" | "paragraph">): string {
  return c.table !== undefined ? `t${c.table}` : `p${c.paragraph ?? -1}`;
}

/** Where recognition found a section: the reader reads it there. */
type Found = { readonly table?: number; readonly paragraph?: number };

/** A section's values as the reader reads them (what is not given stays as `empty` gives it). */
type SectionValues = {
  -readonly [K in "fields" | "rows" | "rowLimits"]?: SectionData[K];
};

/** A section recognition has already placed, as a later section's `narrow` sees it. */
export type Placed = { readonly section: SectionDefinition; readonly pos: number };

export interface Layout<S extends SectionDefinition> {
  readonly kind: S["layout"];
  /** Recognition: the tables or paragraphs that may hold the section, each scored. */
  candidates(
    snapshot: DocumentSnapshot,
    section: S,
    pos: Positions,
    ctx: DocumentContext,
  ): Candidate[];
  /**
   * Recognition, when the layout has a say in which of its candidates a plan takes: the pool
   * narrowed, with a note for each candidate left out. `placed` are the plan's sections already
   * placed.
   */
  narrow?(section: S, pool: Candidate[], placed: readonly Placed[], notes: string[]): Candidate[];
  /** Reading: the section's values when it was not found (every field empty, no location). */
  empty(section: S, ctx: DocumentContext): SectionValues;
  /**
   * Reading: the section's values where recognition found it. `used` lists the tables other
   * sections of the plan read already (a layout that finds its own tables adds to it).
   */
  read(
    snapshot: DocumentSnapshot,
    section: S,
    found: Found,
    used: Set<number>,
    ctx: DocumentContext,
  ): SectionValues | undefined;
  /** Guidance: the template's guidance for one of the section's field ids as plan data has it. */
  fieldGuidance(section: S, field: string): string | undefined;
}

/** The guidance of the field with this id (layouts whose plan data ids are the definition's). */
export function guidanceById(
  fields: readonly { readonly id: string; readonly guidance?: string | undefined }[],
  field: string,
): string | undefined {
  return fields.find((f) => f.id === field)?.guidance;
}
