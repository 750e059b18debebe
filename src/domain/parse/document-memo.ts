/**
 * Memos of what is worked out from one document: cleaned texts, offset maps, placeholder kinds,
 * per-table indexes. A document's texts are cleaned and compared many times while it is
 * recognised, read and checked, so each answer is kept; but only until the next document starts.
 *
 * Kept for good, these answers grew with every file of a batch. Kept in a `WeakMap` keyed by the
 * document, they are freed only by a full collection: the engine's young-generation collector
 * keeps a `WeakMap`'s values alive, so each document's answers were copied, promoted and swept
 * later, which cost more than the answers saved. Held for one document, they die young.
 *
 * The answers are pure functions of their key, so a memo is never wrong, only emptier: a key
 * seen again after another document started is worked out again.
 */

/** Which document is being worked on; memos from an earlier one are emptied when next used. */
let current = 0;
let counter = 0;
const generations = new WeakMap<object, number>();

/**
 * Marks the start of work on a document (its snapshot, or anything that stands for it). Starting
 * the same document again keeps its memos.
 */
export function startDocument(document: object): void {
  let generation = generations.get(document);
  if (generation === undefined) {
    generation = ++counter;
    generations.set(document, generation);
  }
  current = generation;
}

/** A memo from a text (or an object of the document) to an answer, emptied when another document starts. */
export class DocumentMemo<V, K = string> {
  #map = new Map<K, V>();
  #generation = current;

  /** Bounds the memo for a caller that never starts a document (a long-lived page). */
  constructor(private readonly limit = 50_000) {}

  get(key: K): V | undefined {
    if (this.#generation !== current) {
      this.#map = new Map();
      this.#generation = current;
      return undefined;
    }
    return this.#map.get(key);
  }

  /**
   * The answer for `key`, worked out by `make` when the memo has none. `make` never answers
   * `undefined` (the memo could not tell that from no answer).
   */
  of(key: K, make: (key: K) => V): V {
    let value = this.get(key);
    if (value === undefined) {
      value = make(key);
      this.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    if (this.#generation !== current || this.#map.size >= this.limit) {
      this.#map = new Map();
      this.#generation = current;
    }
    this.#map.set(key, value);
  }
}
