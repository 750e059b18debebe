/**
 * A typed fake of the slice of Word the Office writer uses, built from a real replica's snapshot.
 * Like Word, queued calls run at `context.sync()`, loaded values are readable after it, and every
 * sync is counted. Faults: a sync that applies half its queue and then throws, a read-only
 * document, and a hook to change the document (a co-author) before a given sync.
 */
import type {
  WBody,
  WCell,
  WContext,
  WCustomXmlPart,
  WCustomXmlParts,
  WFont,
  WJournalPart,
  WParagraph,
  WRange,
  WRangeCollection,
  WRow,
  WTable,
  WordWriteHost,
} from "../../src/adapters/office/word-api";
import type { WordPaneHost } from "../../src/adapters/office/office-revert";
import type { WordHost } from "../../src/adapters/office/word-host";
import type { DocumentSnapshot } from "../../src/domain/snapshot";
import { readFlatOpc } from "../../src/ooxml/package";
import { readWordDocument } from "../../src/ooxml/wordml";
import { parseXml } from "../../src/ooxml/xml";

export type FPara = {
  text: string;
  style: string;
  font: { name: string; size: number; color: string; bold: boolean; italic: boolean };
};
export type FCell = { paragraphs: FPara[] };
export type FRow = { cells: FCell[] };
export type FTable = { rows: FRow[] };
export type FModel = {
  body: ({ kind: "p"; p: FPara } | { kind: "t"; t: FTable })[];
  parts: string[];
};

export type FakeOptions = {
  supported?: readonly string[];
  /** The n-th sync(s) (1-based) apply only the first half of their queued writes, then throw. */
  failSyncAt?: number | readonly number[];
  readOnly?: boolean;
  /**
   * The pane is reloaded while the n-th sync (1-based) is under way: Word applies its queued
   * writes (all, or the first half when `half`) and the add-in's code never runs again.
   */
  abandonAt?: { at: number; half?: boolean };
  /** Runs just before the n-th sync (1-based), to change the document as a co-author would. */
  beforeSync?: { at: number; change: (m: FModel) => void };
  /**
   * What `body.getOoxml()` answers (flat OPC) while nothing was written: the replica itself, so
   * the reader sees the real document. Afterwards (or without it), OOXML made from the model.
   */
  ooxml?: string;
};

export type FakeLog = { syncs: number; calls: string[] };

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function paragraphXml(p: FPara): string {
  // Like Word's OOXML, a paragraph names its style (headings end free text read below a heading).
  const pPr = /^(Normal|TableContents)$/.test(p.style)
    ? ""
    : `<w:pPr><w:pStyle w:val="${esc(p.style)}"/></w:pPr>`;
  if (p.text === "") return `<w:p>${pPr}</w:p>`;
  const props = [
    /wingdings|symbol/i.test(p.font.name)
      ? `<w:rFonts w:ascii="${p.font.name}" w:hAnsi="${p.font.name}"/>`
      : "",
    p.font.bold ? "<w:b/>" : "",
    p.font.italic ? "<w:i/>" : "",
  ].join("");
  const rPr = props ? `<w:rPr>${props}</w:rPr>` : "";
  const inner = p.text
    .split("\u000b")
    .map((t) => `<w:t xml:space="preserve">${esc(t)}</w:t>`)
    .join("<w:br/>");
  return `<w:p>${pPr}<w:r>${rPr}${inner}</w:r></w:p>`;
}

/** A flat OPC package around a body's XML. */
function packageOf(body: string): string {
  return (
    '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
    '<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships></pkg:xmlData></pkg:part>' +
    `<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData><w:document xmlns:w="${W_NS}"><w:body>${body}</w:body></w:document></pkg:xmlData></pkg:part>` +
    "</pkg:package>"
  );
}

/** The model as Word's `body.getOoxml()` would give it: a flat OPC package. */
export function modelOoxml(m: FModel): string {
  const body = m.body
    .map((b) =>
      b.kind === "p"
        ? paragraphXml(b.p)
        : `<w:tbl><w:tblPr/><w:tblGrid/>${b.t.rows
            .map(
              (r) =>
                `<w:tr>${r.cells.map((c) => `<w:tc><w:tcPr/>${c.paragraphs.map(paragraphXml).join("")}</w:tc>`).join("")}</w:tr>`,
            )
            .join("")}</w:tbl>`,
    )
    .join("");
  return packageOf(body);
}

const para = (text: string, style = "TableContents"): FPara => ({
  text,
  style,
  font: { name: "Liberation Sans", size: 10, color: "#000000", bold: false, italic: false },
});

/** The body blocks of a snapshot as the model holds them. */
function blocksOf(s: DocumentSnapshot): FModel["body"] {
  const body: FModel["body"] = [];
  for (const b of s.blocks) {
    if (b.kind === "paragraph")
      body.push({
        kind: "p",
        p: para(
          s.paragraphs[b.paragraph]?.text ?? "",
          s.paragraphs[b.paragraph]?.style ?? "Normal",
        ),
      });
    else {
      const t = s.tables[b.table];
      const rows = (t?.rows ?? []).map((r) => ({
        cells: r.cells.map((c) => ({ paragraphs: c.paragraphs.map((p) => para(p.text)) })),
      }));
      // Tables read apart from one table element are one table in Word (its rows, in order).
      const last = body[body.length - 1];
      if (t?.firstRow !== undefined && t.firstRow > 0 && last?.kind === "t")
        last.t.rows.push(...rows);
      else body.push({ kind: "t", t: { rows } });
    }
  }
  return body;
}

export function modelFrom(s: DocumentSnapshot): FModel {
  return { body: blocksOf(s), parts: [] };
}

/** The body of a flat OPC package (what `insertOoxml` is given), as model blocks. */
function blocksFromOoxml(ooxml: string): FModel["body"] {
  const main = readFlatOpc(ooxml).get("word/document.xml");
  if (!main) throw new Failure("InvalidArgument");
  return blocksOf(readWordDocument(parseXml(main)).snapshot);
}

export function tablesOf(m: FModel): FTable[] {
  return m.body.flatMap((b) => (b.kind === "t" ? [b.t] : []));
}

function allParagraphs(m: FModel): FPara[] {
  return m.body.flatMap((b) =>
    b.kind === "p" ? [b.p] : b.t.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs)),
  );
}

class Failure extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

export function fakeWordWriter(
  model: FModel,
  options: FakeOptions = {},
): { host: WordWriteHost & WordPaneHost; readHost: WordHost; log: FakeLog } {
  const log: FakeLog = { syncs: 0, calls: [] };
  const queue: { write: boolean; run: () => void }[] = [];
  const loads: (() => void)[] = [];
  const supported = new Set(options.supported ?? ["WordApi 1.3", "WordApi 1.4"]);

  const write = (name: string, run: () => void) => {
    log.calls.push(name);
    queue.push({ write: true, run });
  };

  // Live ranges in paragraphs, shifted as text changes (as Word's ranges are).
  type Live = { p: FPara; start: number; length: number };
  const lives: Live[] = [];
  const replaceIn = (p: FPara, start: number, length: number, text: string) => {
    p.text = p.text.slice(0, start) + text + p.text.slice(start + length);
    for (const l of lives) if (l.p === p && l.start > start) l.start += text.length - length;
  };

  const font = (get: () => FPara | undefined): WFont =>
    ({
      get name() {
        return get()?.font.name ?? "";
      },
      get size() {
        return get()?.font.size ?? 0;
      },
      get color() {
        return get()?.font.color ?? "";
      },
      get bold() {
        return get()?.font.bold ?? false;
      },
      get italic() {
        return get()?.font.italic ?? false;
      },
      set: (props) =>
        write(`font.set:${JSON.stringify(props)}`, () => {
          const p = get();
          if (p) Object.assign(p.font, props);
        }),
    }) as WFont;

  const range = (get: () => Live | undefined): WRange => ({
    insertText: (text, location) => {
      write(`range.insertText:${location}`, () => {
        const l = get();
        if (l) replaceIn(l.p, l.start, l.length, text.replace(/\v/g, "\u000b"));
      });
      return range(get);
    },
    font: font(() => get()?.p),
  });

  const paragraph = (
    resolve: () => FPara | undefined,
    path: string,
    step: (p: FPara | undefined) => FPara | undefined,
  ): WParagraph => {
    let snapshot: FPara | undefined;
    const self: WParagraph = {
      get text() {
        if (!snapshot) throw new Error(`${path}: text not loaded`);
        return snapshot.text;
      },
      set text(_v) {},
      get style() {
        return snapshot?.style ?? "";
      },
      set style(_v) {},
      font: font(() => snapshot),
      load: () => {
        log.calls.push(`load:${path}`);
        loads.push(() => {
          const p = resolve();
          snapshot = p
            ? { ...p, font: { ...p.font } }
            : { text: "", style: "", font: para("").font };
        });
        return self;
      },
      getNext: () => paragraph(() => step(resolve()), `${path}+1`, step),
      insertText: (text, location) => {
        write(`insertText:${location}:${path}`, () => {
          const p = resolve();
          if (!p) throw new Failure("ItemNotFound");
          const t = text.replace(/\v/g, "\u000b");
          if (location === "Replace") p.text = t;
          else if (location === "End") p.text += t;
          else p.text = t + p.text;
        });
        return range(() => {
          const p = resolve();
          return p ? { p, start: 0, length: p.text.length } : undefined;
        });
      },
      search: (text) => {
        const items: WRange[] = [];
        const collection: WRangeCollection = {
          items,
          load: () => {
            loads.push(() => {
              const p = resolve();
              if (!p) return;
              for (
                let at = p.text.indexOf(text);
                at >= 0;
                at = p.text.indexOf(text, at + text.length)
              ) {
                const live: Live = { p, start: at, length: text.length };
                lives.push(live);
                items.push(range(() => live));
              }
            });
            return collection;
          },
        };
        return collection;
      },
      set: (props) =>
        write("paragraph.set", () => {
          const p = resolve();
          if (p && props.style) p.style = props.style;
        }),
      insertParagraph: (text, location) => {
        let made: FPara | undefined;
        write(`insertParagraph:${location}:${path}`, () => {
          const p = resolve();
          const list = p && containerOf(p);
          if (!p || !list) throw new Failure("ItemNotFound");
          made = { ...p, font: { ...p.font }, text };
          list.insert(list.at + (location === "After" ? 1 : 0), made);
        });
        return paragraph(() => made, `${path}+new`, step);
      },
      delete: () =>
        write(`deleteParagraph:${path}`, () => {
          const p = resolve();
          const list = p && containerOf(p);
          if (!list) throw new Failure("ItemNotFound");
          list.remove(list.at);
        }),
    };
    return self;
  };

  /** Where `p` sits: a cell's paragraph list, or the body (whose blocks wrap paragraphs). */
  const containerOf = (
    p: FPara,
  ): { insert(at: number, q: FPara): void; remove(at: number): void; at: number } | undefined => {
    for (const t of tablesOf(model))
      for (const r of t.rows)
        for (const c of r.cells) {
          const i = c.paragraphs.indexOf(p);
          if (i >= 0)
            return {
              at: i,
              insert: (at, q) => c.paragraphs.splice(at, 0, q),
              remove: (at) => c.paragraphs.splice(at, 1),
            };
        }
    const i = model.body.findIndex((b) => b.kind === "p" && b.p === p);
    if (i < 0) return undefined;
    return {
      at: i,
      insert: (at, q) => model.body.splice(at, 0, { kind: "p", p: q }),
      remove: (at) => model.body.splice(at, 1),
    };
  };

  const nextInCell = (p: FPara | undefined): FPara | undefined => {
    if (!p) return undefined;
    for (const t of tablesOf(model))
      for (const r of t.rows)
        for (const c of r.cells) {
          const i = c.paragraphs.indexOf(p);
          if (i >= 0) return c.paragraphs[i + 1];
        }
    return undefined;
  };
  const nextInBody = (p: FPara | undefined): FPara | undefined => {
    if (!p) return undefined;
    const all = allParagraphs(model);
    return all[all.indexOf(p) + 1];
  };

  const cell = (getTable: () => FTable | undefined, r: number, c: number, path: string): WCell => {
    const resolve = () => getTable()?.rows[r]?.cells[c];
    let isNull = true;
    let value: string | undefined;
    const row: WRow = {
      insertRows: (location, count, values) =>
        write(`insertRows:${location}:${path}`, () => {
          const t = getTable();
          const template = t?.rows[r];
          if (!t || !template) throw new Failure("ItemNotFound");
          // Like Word: the row's look is copied; a value's lines become the cell's paragraphs.
          const rows: FRow[] = Array.from({ length: count }, (_, k) => ({
            cells: template.cells.map((tc, ci) => {
              const lines = (values?.[k]?.[ci] ?? "").split("\n");
              const n = Math.max(lines.length, tc.paragraphs.length);
              return {
                paragraphs: Array.from({ length: n }, (_, pi) => {
                  const tp = tc.paragraphs[Math.min(pi, tc.paragraphs.length - 1)] ?? para("");
                  return { ...tp, font: { ...tp.font }, text: lines[pi] ?? "" };
                }),
              };
            }),
          }));
          t.rows.splice(location === "After" ? r + 1 : r, 0, ...rows);
        }),
      delete: () =>
        write(`deleteRow:${path}`, () => {
          const t = getTable();
          if (!t?.rows[r]) throw new Failure("ItemNotFound");
          t.rows.splice(r, 1);
        }),
    };
    const self: WCell = {
      get isNullObject() {
        return isNull;
      },
      body: {
        getOoxml: () => {
          log.calls.push(`getOoxml:${path}`);
          const value = { value: "" };
          loads.push(() => {
            value.value = packageOf((resolve()?.paragraphs ?? []).map(paragraphXml).join(""));
          });
          return value;
        },
        paragraphs: {
          getFirst: () => paragraph(() => resolve()?.paragraphs[0], `${path}/p0`, nextInCell),
        },
        tables: {
          getFirst: () => {
            throw new Error("nested tables are not modelled");
          },
          items: [],
          load: () => undefined,
        },
      },
      get value() {
        if (value === undefined) throw new Error(`${path}: value not loaded`);
        return value;
      },
      parentRow: row,
      load: (properties) => {
        loads.push(() => {
          isNull = resolve() === undefined;
          if (properties.includes("value"))
            value = (resolve()?.paragraphs ?? []).map((p) => p.text).join("\n");
        });
        return self;
      },
    };
    return self;
  };

  const table = (i: number): WTable => {
    let rowCount = -1;
    const self: WTable = {
      get rowCount() {
        if (rowCount < 0) throw new Error(`t${i}: rowCount not loaded`);
        return rowCount;
      },
      load: () => {
        log.calls.push(`load:t${i}/rowCount`);
        loads.push(() => (rowCount = tablesOf(model)[i]?.rows.length ?? 0));
        return self;
      },
      getNext: () => table(i + 1),
      getParagraphAfterOrNullObject: () =>
        paragraph(
          () => {
            const t = tablesOf(model)[i];
            const at = model.body.findIndex((b) => b.kind === "t" && b.t === t);
            const next = model.body[at + 1];
            return at >= 0 && next?.kind === "p" ? next.p : undefined;
          },
          `t${i}/after`,
          nextInBody,
        ),
      getCellOrNullObject: (r, c) => cell(() => tablesOf(model)[i], r, c, `t${i}/r${r}/c${c}`),
      // Like Word's insertOoxml: the package's body goes in after the table, its look as given.
      getRange: () => ({
        insertOoxml: (ooxml) =>
          write(`insertOoxml:After:t${i}`, () => {
            const t = tablesOf(model)[i];
            const at = model.body.findIndex((b) => b.kind === "t" && b.t === t);
            if (at < 0) throw new Failure("ItemNotFound");
            model.body.splice(at + 1, 0, ...blocksFromOoxml(ooxml));
          }),
      }),
      delete: () =>
        write(`deleteTable:t${i}`, () => {
          const t = tablesOf(model)[i];
          const at = model.body.findIndex((b) => b.kind === "t" && b.t === t);
          if (at < 0) throw new Failure("ItemNotFound");
          model.body.splice(at, 1);
        }),
    };
    return self;
  };
  const tables = {
    getFirst: () => table(0),
    items: [] as unknown[],
    load: () => {
      log.calls.push("load:tables");
      loads.push(() => {
        tables.items = tablesOf(model).map(() => ({}));
      });
    },
  };

  let written = false;
  const body: WBody & { getOoxml(): { value: string } } = {
    getOoxml: () => {
      log.calls.push("getOoxml");
      const value = { value: "" };
      loads.push(() => {
        value.value = !written && options.ooxml ? options.ooxml : modelOoxml(model);
      });
      return value;
    },
    paragraphs: { getFirst: () => paragraph(() => allParagraphs(model)[0], "body/p0", nextInBody) },
    tables,
  };

  const journalPart = (ns: string): WJournalPart => {
    let k = -1;
    const value = { value: null as unknown as string };
    const self: WJournalPart = {
      get isNullObject() {
        return k < 0;
      },
      load: () => {
        log.calls.push("load:journal");
        loads.push(() => {
          const hits = model.parts.flatMap((xml, i) => (xml.includes(ns) ? [i] : []));
          k = hits.length === 1 ? (hits[0] ?? -1) : -1;
        });
        return self;
      },
      getXml: () => {
        loads.push(() => {
          value.value = k >= 0 ? (model.parts[k] ?? "") : (null as unknown as string);
        });
        return value;
      },
      setXml: (x) =>
        write("customXml.setXml", () => {
          if (k < 0) throw new Failure("ItemNotFound");
          model.parts[k] = x;
        }),
      delete: () =>
        write("customXml.delete", () => {
          if (k < 0) throw new Failure("ItemNotFound");
          model.parts.splice(k, 1);
        }),
    };
    return self;
  };

  const parts: WCustomXmlParts & {
    getByNamespace(ns: string): {
      items: WCustomXmlPart[];
      load(properties?: string): unknown;
      getOnlyItemOrNullObject(): WJournalPart;
    };
  } = {
    getByNamespace: (ns) => {
      const items: WCustomXmlPart[] = [];
      return {
        getOnlyItemOrNullObject: () => journalPart(ns),
        items,
        load: () => {
          loads.push(() => {
            model.parts.forEach((xml, k) => {
              if (!xml.includes(ns)) return;
              const value = { value: "" };
              items.push({
                getXml: () => {
                  loads.push(() => (value.value = model.parts[k] ?? ""));
                  return value;
                },
                setXml: (x) => write("customXml.setXml", () => (model.parts[k] = x)),
              });
            });
          });
        },
      };
    },
    add: (xml) => {
      write("customXml.add", () => model.parts.push(xml));
      return { getXml: () => ({ value: xml }), setXml: () => undefined };
    },
  };

  const context: WContext & Parameters<Parameters<WordPaneHost["run"]>[0]>[0] = {
    document: { body, customXmlParts: parts },
    sync: async () => {
      log.syncs++;
      log.calls.push(`sync#${log.syncs}`);
      if (options.beforeSync?.at === log.syncs) options.beforeSync.change(model);
      const ops = queue.splice(0);
      if (ops.some((o) => o.write) || options.beforeSync?.at === log.syncs) written = true;
      const pendingLoads = loads.splice(0);
      if (options.readOnly && ops.some((o) => o.write)) throw new Failure("AccessDenied");
      if (options.abandonAt?.at === log.syncs) {
        const upTo = options.abandonAt.half ? Math.floor(ops.length / 2) : ops.length;
        for (const op of ops.slice(0, upTo)) op.run();
        log.calls.push("abandoned");
        return new Promise<void>(() => undefined);
      }
      const failing = ([] as number[]).concat(options.failSyncAt ?? []).includes(log.syncs);
      const half = failing ? Math.floor(ops.length / 2) : ops.length;
      for (const op of ops.slice(0, half)) op.run();
      if (failing) throw new Failure("GeneralException");
      for (const l of pendingLoads) l();
    },
  };

  const host: WordWriteHost & WordPaneHost = {
    run: (batch: (c: typeof context) => Promise<never>) => batch(context),
    isSetSupported: (name: string, version: string) => supported.has(`${name} ${version}`),
  } as WordWriteHost & WordPaneHost;
  /** The same Word as the reader sees it (only `body.getOoxml()` is reached). */
  const readHost: WordHost = {
    run: (batch) => batch(context as unknown as Parameters<Parameters<WordHost["run"]>[0]>[0]),
    isSetSupported: (name, version) => supported.has(`${name} ${version}`),
  };
  return { host, readHost, log };
}
