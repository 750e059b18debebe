/**
 * A typed fake of the slice of Word's API the Office adapter uses. Like Word, values queued in a
 * batch are only readable after `context.sync()`, and every sync is counted. Proxies for tables,
 * cells and paragraphs record the path used to reach them, so tests can check where a selection or
 * a comment landed.
 */
import type {
  WordBodyLike,
  WordClientResult,
  WordHost,
  WordParagraphLike,
  WordRangeLike,
  WordRequestContextLike,
  WordTableLike,
} from "../../src/adapters/office/word-host";

export type FakeWordOptions = {
  /** What `body.getOoxml()` returns (flat OPC). */
  ooxml: string;
  /** Requirement sets Word claims to support, such as "WordApi 1.3". */
  supported?: readonly string[];
  /** Makes the n-th sync (1-based) throw this error. */
  failSync?: { at: number; error: unknown };
};

export type FakeWordLog = {
  syncs: number;
  runs: number;
  ooxmlCalls: number;
  selected: string[];
  comments: { path: string; text: string }[];
};

class NotLoaded<T> implements WordClientResult<T> {
  loaded = false;
  private v: T | undefined;
  constructor(private readonly produce: () => T) {}
  settle(): void {
    this.v = this.produce();
    this.loaded = true;
  }
  get value(): T {
    if (!this.loaded) {
      throw Object.assign(new Error("The value of the result object has not been loaded yet."), {
        code: "PropertyNotLoaded",
      });
    }
    return this.v as T;
  }
}

export function fakeWord(options: FakeWordOptions): { host: WordHost; log: FakeWordLog } {
  const supported = new Set(options.supported ?? ["WordApi 1.1", "WordApi 1.2", "WordApi 1.3"]);
  const log: FakeWordLog = { syncs: 0, runs: 0, ooxmlCalls: 0, selected: [], comments: [] };

  const range = (path: string, queue: (() => void)[]): WordRangeLike => ({
    select: () => void queue.push(() => log.selected.push(path)),
    insertComment: (text: string) => {
      queue.push(() => log.comments.push({ path, text }));
      return {};
    },
  });
  const paragraph = (path: string, i: number, queue: (() => void)[]): WordParagraphLike => ({
    getNext: () => paragraph(path, i + 1, queue),
    getRange: () => range(`${path}paragraph ${i}`, queue),
  });
  const table = (path: string, i: number, queue: (() => void)[]): WordTableLike => ({
    getNext: () => table(path, i + 1, queue),
    getCell: (row, cell) => ({ body: body(`${path}table ${i} cell ${row},${cell} > `, queue) }),
  });
  const body = (path: string, queue: (() => void)[]): WordBodyLike => ({
    getOoxml: () => {
      log.ooxmlCalls++;
      const r = new NotLoaded(() => options.ooxml);
      queue.push(() => r.settle());
      return r;
    },
    getRange: () => range(path === "" ? "body" : path.replace(/ > $/, ""), queue),
    tables: { getFirst: () => table(path, 0, queue) },
    paragraphs: { getFirst: () => paragraph(path, 0, queue) },
  });

  const host: WordHost = {
    isSetSupported: (name, version) => supported.has(`${name} ${version}`),
    async run<T>(batch: (context: WordRequestContextLike) => Promise<T>): Promise<T> {
      log.runs++;
      const queue: (() => void)[] = [];
      const context: WordRequestContextLike = {
        document: { body: body("", queue) },
        sync: async () => {
          log.syncs++;
          if (options.failSync && options.failSync.at === log.syncs) throw options.failSync.error;
          for (const action of queue.splice(0)) action();
        },
      };
      return batch(context);
    },
  };
  return { host, log };
}
