/**
 * Splicing edits into an XML source string: every character outside the replaced ranges is
 * copied as it is, so the parts of a document PlanAssist did not touch stay byte-identical.
 */

export type Splice = {
  /** Range of the source replaced (`start === end` inserts). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Tag to find where the inserted text landed in the output. */
  readonly tag?: string;
};

type SpliceResult = {
  readonly text: string;
  /** Output offset of the start of each tagged splice's text. */
  readonly tagged: ReadonlyMap<string, number>;
  /** The splices applied, in source order. */
  readonly applied: readonly Splice[];
};

/**
 * Applies splices to a source. Splices must not overlap (an insertion at the boundary of a
 * replaced range is allowed); a bug in the caller is thrown, never silently merged.
 */
export function applySplices(source: string, splices: readonly Splice[]): SpliceResult {
  const sorted = [...splices]
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.start - b.s.start || a.s.end - b.s.end || a.i - b.i)
    .map((x) => x.s);
  const out: string[] = [];
  const tagged = new Map<string, number>();
  let pos = 0;
  let length = 0;
  for (const sp of sorted) {
    if (sp.start < pos || sp.end < sp.start || sp.end > source.length) {
      throw new Error(`applySplices: overlapping or bad range ${sp.start}-${sp.end} (at ${pos})`);
    }
    const keep = source.slice(pos, sp.start);
    out.push(keep);
    length += keep.length;
    if (sp.tag !== undefined) tagged.set(sp.tag, length);
    out.push(sp.text);
    length += sp.text.length;
    pos = sp.end;
  }
  out.push(source.slice(pos));
  return { text: out.join(""), tagged, applied: sorted };
}
