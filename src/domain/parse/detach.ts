/**
 * A copy of a string that does not keep the text it was cut from alive.
 *
 * A document's texts are often slices of the whole decoded document part (hundreds of KB). Caches
 * that outlive the document (answers about texts seen before) store detached copies, so they keep
 * only the texts themselves, not every document part they came from.
 */
export function detach(text: string): string {
  // Short strings are always copied by the engine; longer slices point into their source. Joining
  // with one character and cutting it off again makes a flat copy of just this text.
  return text.length < 13 ? text : (" " + text).slice(1);
}
