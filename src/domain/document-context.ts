/**
 * What is worked out once for one document: cleaned texts, offset maps, placeholder kinds, parsed
 * dates and people, per-table indexes, and the patterns made from the templates' texts. A
 * document's texts are cleaned and compared many times while it is recognised, read and checked,
 * so each answer is kept, in an object made for that document and handed to the code that needs
 * it. Nothing of this lives at module level: two documents worked on at once (interleaved, in one
 * process) each have their own context, and a context dies with the work on its document.
 *
 * Every function that takes a context also works without one: it then makes a fresh one for the
 * call, so the answer is the same, only worked out again. The answers kept are pure functions of
 * their key, so a memo is never wrong, only emptier.
 */

/**
 * Names one memo of a context: the kind of key, the kind of answer, and how many answers the memo
 * holds at most (a context kept for a long time by a page stays bounded). Made once per memo, as a
 * frozen constant, by the module the memo belongs to.
 */
type MemoKey<K, V> = {
  readonly name: string;
  readonly limit: number;
  /** Never set: carries the key and answer types. */
  readonly types?: (key: K) => V;
};

/** A memo's name, for the module that keeps answers of that kind. */
export function memoKey<K, V>(name: string, limit = 50_000): MemoKey<K, V> {
  return Object.freeze({ name, limit });
}

/** The memos for one document. */
export class DocumentContext {
  readonly #memos = new Map<MemoKey<unknown, unknown>, Map<unknown, unknown>>();

  /** The memo named by `key` (empty when first asked for). */
  memo<K, V>(key: MemoKey<K, V>): Map<K, V> {
    let memo = this.#memos.get(key as MemoKey<unknown, unknown>);
    if (memo === undefined) {
      memo = new Map();
      this.#memos.set(key as MemoKey<unknown, unknown>, memo);
    }
    return memo as Map<K, V>;
  }

  /**
   * The answer for `k` in the memo named by `key`, worked out by `make` when the memo has none.
   * `make` never answers `undefined` (the memo could not tell that from no answer).
   */
  of<K, V>(key: MemoKey<K, V>, k: K, make: (k: K) => V): V {
    const memo = this.memo(key);
    let value = memo.get(k);
    if (value === undefined) {
      value = make(k);
      if (memo.size >= key.limit) memo.clear();
      memo.set(k, value);
    }
    return value;
  }

  /** How many answers the memos hold (for tests). */
  get size(): number {
    let n = 0;
    for (const memo of this.#memos.values()) n += memo.size;
    return n;
  }
}

/** A fresh context for one document. */
export function documentContext(): DocumentContext {
  return new DocumentContext();
}
