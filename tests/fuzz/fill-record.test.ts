/**
 * Property-based tampering with the fill record (journal): revert runs on thousands of altered
 * records and must end, every time, in an error with a known code and a sentence, or in a
 * document that reads back and holds no markup the record smuggled in. Fixed seeds and bounded
 * run counts keep it deterministic and a few seconds long (FUZZ_SCALE / FUZZ_SEED for more).
 */
import fc from "fast-check";
import { fillDocx, revertDocx } from "../../src/adapters/docx/docx-writer";
import { openDocx } from "../../src/adapters/docx/docx-file";
import { openZip, readEntry, writeZip } from "../../src/adapters/docx/zip";
import { errorCodes } from "../../src/domain/result";
import type { JournalChange } from "../../src/ooxml/edit/apply";
import { capture } from "../../src/domain/result";
import {
  parseJournal,
  revertFill,
  serialiseJournal,
  type FillRecord,
} from "../../src/ooxml/journal";
import { readWordDocument } from "../../src/ooxml/wordml";
import { parseXml } from "../../src/ooxml/xml";
import { templateBytes, type TemplateId } from "../helpers/fixtures";
import { handPlan } from "../writeback/hand-plans";
import { must, now, snapshotOf } from "../writeback/helpers";

const scale = Number(process.env.FUZZ_SCALE ?? 1);
const seedShift = Number(process.env.FUZZ_SEED ?? 0);
const settings = (seed: number, numRuns: number) => ({
  seed: seed + seedShift,
  numRuns: Math.max(1, Math.round(numRuns * scale)),
});

const encoder = new TextEncoder();
const decoder = new TextDecoder();

type Base = {
  bytes: Uint8Array;
  item: string;
  fill: FillRecord;
  xml: string;
  /** The filled document part, parsed and read once for all runs. */
  source: string;
  read: NonNullable<Parameters<typeof revertFill>[2]>["read"];
};

function base(id: TemplateId): Base {
  const original = templateBytes(id);
  const plan = handPlan(id, snapshotOf(original), (k) => `Value ${k}`);
  const bytes = must(fillDocx(original, plan, { label: id, now })).bytes;
  const zip = openZip(bytes);
  const item = zip.order.find((n) => /^customXml\/item\d+\.xml$/.test(n)) as string;
  const xml = decoder.decode(readEntry(zip, item));
  const fill = must(parseJournal(xml)).fills[0] as FillRecord;
  const source = must(openDocx(bytes)).document.source;
  const doc = parseXml(source);
  return { bytes, item, fill, xml, source, read: { doc, result: readWordDocument(doc) } };
}

const bases = [base("ddtt-action-plan"), base("cde-plan-for-improvement")];

function withJournalXml(b: Base, xml: string): Uint8Array {
  return writeZip(openZip(b.bytes), { replace: new Map([[b.item, encoder.encode(xml)]]) });
}

/** Markup a tampered record might try to put into the document. */
const smuggled = [
  '<w:tc><w:p><w:fldSimple w:instr="INCLUDEPICTURE \\\\host\\share\\x.png"/></w:p></w:tc>',
  '<w:tc><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>INCLUDEPICTURE "\\\\host\\s\\x"</w:instrText></w:r></w:p></w:tc>',
  '<w:p><w:hyperlink r:id="rId999"><w:r><w:t>x</w:t></w:r></w:hyperlink></w:p>',
  "<w:tr><w:tc><w:p><w:r><w:object/></w:r></w:p></w:tc></w:tr>",
  "<w:tc><w:p></w:tc>",
  "<w:tc/><w:tc/>",
  "",
  "plain text",
  "<w:tbl></w:tbl>",
];

/** A number a record might hold: small, huge, negative, fractional, not a number. */
const anyNumber = fc.oneof(
  fc.integer({ min: 0, max: 40 }),
  fc.constantFrom(-1, 0, 1, 2 ** 31, 1e12, 0.5, Number.NaN, Number.POSITIVE_INFINITY),
);

const anyText = fc.oneof(fc.constantFrom(...smuggled), fc.string({ maxLength: 40 }));

type Mutation = (changes: JournalChange[]) => JournalChange[];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // A number changed.
  fc
    .tuple(fc.nat(), fc.constantFrom("table", "row", "cell", "count", "paragraph"), anyNumber)
    .map(([i, key, v]): Mutation => (cs) => {
      if (cs.length === 0) return cs;
      const k = i % cs.length;
      return cs.map((c, j) => (j === k && key in c ? ({ ...c, [key]: v } as JournalChange) : c));
    }),
  // Earlier contents, text after, or removed rows replaced.
  fc
    .tuple(fc.nat(), fc.constantFrom("before", "after", "xml"), anyText)
    .map(([i, key, v]): Mutation => (cs) => {
      if (cs.length === 0) return cs;
      const k = i % cs.length;
      return cs.map((c, j) => (j === k && key in c ? ({ ...c, [key]: v } as JournalChange) : c));
    }),
  // Markup added inside a cell's earlier contents.
  fc.tuple(fc.nat(), fc.constantFrom(...smuggled)).map(
    ([i, v]): Mutation =>
      (cs) =>
        cs.map((c, j) =>
          j === i % Math.max(1, cs.length) && c.kind === "cell"
            ? { ...c, before: c.before.replace("</w:p>", `${v}</w:p>`) }
            : c,
        ),
  ),
  // An entry listed twice, dropped, or moved.
  fc.nat().map(
    (i): Mutation =>
      (cs) =>
        cs.length ? [...cs, cs[i % cs.length]!] : cs,
  ),
  fc.nat().map(
    (i): Mutation =>
      (cs) =>
        cs.filter((_, j) => j !== i % Math.max(1, cs.length)),
  ),
  fc.nat().map((i): Mutation => (cs) => {
    const k = i % Math.max(1, cs.length);
    return cs.length ? [cs[k]!, ...cs.filter((_, j) => j !== k)] : cs;
  }),
  // New entries of any kind.
  fc
    .tuple(anyNumber, anyNumber, anyNumber, anyText)
    .map(([a, b, c, t]): Mutation => (cs) => [
      ...cs,
      { kind: "rows-added", table: a, row: b, count: c },
      { kind: "rows-removed", table: a, row: b, xml: t },
    ]),
  fc
    .tuple(anyNumber, anyNumber)
    .map(([a, c]): Mutation => (cs) => [...cs, { kind: "tables-added", table: a, count: c }]),
);

const knownCodes = new Set<string>(errorCodes);

function sentence(code: string, message: string): string | undefined {
  if (!knownCodes.has(code)) return `unknown code ${code}`;
  if (message.length < 20 || /\n\s+at /.test(message)) return `no sentence: ${message}`;
  return undefined;
}

const fieldMarkup = /INCLUDEPICTURE|fldChar|fldSimple|instrText/;

/**
 * Revert as the writer does it, without the zip around it (so thousands of runs take seconds):
 * the record read and checked, the fill undone on the document part, and the result read back.
 */
function judgeRecord(b: Base, xml: string, force: boolean): string | undefined {
  try {
    const journal = parseJournal(xml);
    if (!journal.ok) return sentence(journal.error.code, journal.error.message);
    const last = journal.value.fills[journal.value.fills.length - 1];
    if (!last) return undefined;
    const r = revertFill(b.source, last, { force, ...(b.read ? { read: b.read } : {}) });
    if (!r.ok) return sentence(r.error.code, r.error.message);
    const back = capture(() => readWordDocument(parseXml(r.value.source)));
    if (!back.ok) return `the reverted part does not read back: ${back.error.message}`;
    if (fieldMarkup.test(r.value.source) && !fieldMarkup.test(b.source))
      return "the reverted part holds a field the record smuggled in";
    return undefined;
  } catch (e) {
    return `revert threw: ${(e as Error).stack ?? String(e)}`;
  }
}

/** Reverts and checks the outcome; returns a description of what went wrong, if anything. */
function judge(bytes: Uint8Array, force: boolean, originalHasField: boolean): string | undefined {
  let r;
  try {
    r = revertDocx(bytes, { force });
  } catch (e) {
    return `revert threw: ${(e as Error).stack ?? String(e)}`;
  }
  if (!r.ok) return sentence(r.error.code, r.error.message);
  const back = openDocx(r.value.bytes);
  if (!back.ok) return `the reverted document does not read back: ${back.error.message}`;
  if (!originalHasField && fieldMarkup.test(back.value.document.source))
    return "the reverted document holds a field the record smuggled in";
  return undefined;
}

describe("revert on tampered fill records", () => {
  it("structured tampering: every outcome is an error with a code or a document that reads back", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...bases.keys()),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (which, mutations, force) => {
          const b = bases[which]!;
          const changes = mutations.reduce((cs, m) => m(cs), [...b.fill.changes]);
          const xml = serialiseJournal({ fills: [{ ...b.fill, changes }] });
          const problem = judgeRecord(b, xml, force);
          if (problem) throw new Error(problem);
        },
      ),
      settings(1901, 1200),
    );
  });

  it("the whole revert (package in, package out) on tampered records", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...bases.keys()),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (which, mutations, force) => {
          const b = bases[which]!;
          const changes = mutations.reduce((cs, m) => m(cs), [...b.fill.changes]);
          const xml = serialiseJournal({ fills: [{ ...b.fill, changes }] });
          const problem = judge(withJournalXml(b, xml), force, fieldMarkup.test(b.source));
          if (problem) throw new Error(problem);
        },
      ),
      settings(1903, 40),
    );
  });

  it("text tampering: cuts, insertions and copies inside the record's XML", () => {
    const edit = fc.oneof(
      fc.tuple(fc.nat(), fc.integer({ min: 1, max: 200 })).map(
        ([at, n]) =>
          (x: string) =>
            x.slice(0, at % x.length) + x.slice((at % x.length) + n),
      ),
      fc
        .tuple(fc.nat(), fc.constantFrom("<", ">", "&", '"', "&#0;", "&lt;", "</pa:cell>", "-"))
        .map(
          ([at, s]) =>
            (x: string) =>
              x.slice(0, at % x.length) + s + x.slice(at % x.length),
        ),
      fc
        .tuple(fc.nat(), fc.integer({ min: 1, max: 400 }), fc.nat())
        .map(([from, n, to]) => (x: string) => {
          const a = from % x.length;
          const b = to % x.length;
          return x.slice(0, b) + x.slice(a, a + n) + x.slice(b);
        }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...bases.keys()),
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (which, edits, force) => {
          const b = bases[which]!;
          const xml = edits.reduce((x, e) => e(x), b.xml);
          const problem = judgeRecord(b, xml, force);
          if (problem) throw new Error(problem);
        },
      ),
      settings(1902, 1000),
    );
  });
});
