/**
 * Property-based mutation of the replica templates. Fixed seeds and bounded run counts keep the
 * suite deterministic and quick; any input that makes the reader throw is kept as a crasher.
 */
import fc from "fast-check";
import { openZip, readEntry, writeZip, type ZipArchive } from "../../src/adapters/docx/zip";
import { templateBytes, templateIds } from "../helpers/fixtures";
import { openKeepingCrashers, outcomeOf, readingCodes, snapshotIsConsistent } from "./fuzz-helpers";

const allowed = new Set(["ok", ...readingCodes]);
const replicas = templateIds.map((id) => ({ id, bytes: templateBytes(id) }));
const replica = fc.constantFrom(...replicas);
/** FUZZ_SCALE multiplies the run counts and FUZZ_SEED shifts the seeds, for longer runs by hand. */
const scale = Number(process.env.FUZZ_SCALE ?? 1);
const seedShift = Number(process.env.FUZZ_SEED ?? 0);
const settings = (seed: number, numRuns: number) => ({
  seed: seed + seedShift,
  numRuns: Math.max(1, Math.round(numRuns * scale)),
  endOnFailure: true,
});

function check(bytes: Uint8Array, label: string): string {
  const r = openKeepingCrashers(bytes, label);
  if (r.ok && !snapshotIsConsistent(r.value.read.snapshot)) return "inconsistent-snapshot";
  return outcomeOf(r);
}

describe("mutated replicas give a document or a documented error, never an exception", () => {
  it("survives byte flips anywhere in the file", () => {
    fc.assert(
      fc.property(
        replica,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 12,
        }),
        ({ bytes }, flips) => {
          const b = bytes.slice();
          for (const [at, x] of flips) b[at % b.length] = (b[at % b.length] ?? 0) ^ x;
          expect(allowed).toContain(check(b, "flip"));
        },
      ),
      settings(20261124, 150),
    );
  });

  it("survives byte flips in the headers, where sizes and offsets live", () => {
    fc.assert(
      fc.property(
        replica,
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        fc.boolean(),
        ({ bytes }, at, x, central) => {
          const zip = openZip(bytes);
          const e = zip.entries.get(zip.order[at % zip.order.length] as string);
          if (!e) return;
          const b = bytes.slice();
          const cdStart = new DataView(b.buffer).getUint32(b.length - 6, true);
          const pos = central
            ? cdStart + (at % (b.length - cdStart))
            : e.localHeaderOffset + (at % 30);
          b[pos] = (b[pos] ?? 0) ^ x;
          expect(allowed).toContain(check(b, "header"));
        },
      ),
      settings(7, 150),
    );
  });

  it("survives truncation and a cut out of the middle", () => {
    fc.assert(
      fc.property(replica, fc.nat(), fc.nat(), ({ bytes }, a, b) => {
        const cut = a % bytes.length;
        expect(allowed).toContain(check(bytes.subarray(0, cut), "truncate"));
        const from = Math.min(cut, b % bytes.length);
        const to = Math.max(cut, b % bytes.length);
        const spliced = new Uint8Array(bytes.length - (to - from));
        spliced.set(bytes.subarray(0, from));
        spliced.set(bytes.subarray(to), from);
        expect(allowed).toContain(check(spliced, "splice"));
      }),
      settings(11, 100),
    );
  });

  it("reads the same document whatever the order of the zip entries", () => {
    const originals = new Map(
      replicas.map(({ id, bytes }) => {
        const r = openKeepingCrashers(bytes, "original");
        if (!r.ok) throw new Error(r.error.message);
        return [id, JSON.stringify(r.value.read.snapshot)];
      }),
    );
    fc.assert(
      fc.property(
        replica.chain((r) => {
          const order = openZip(r.bytes).order;
          return fc.tuple(
            fc.constant(r),
            fc.shuffledSubarray([...order], { minLength: order.length, maxLength: order.length }),
          );
        }),
        ([{ id, bytes }, order]) => {
          const zip = openZip(bytes);
          const shuffled = writeZip({ ...zip, order } as ZipArchive, { replace: new Map() });
          const r = openKeepingCrashers(shuffled, "shuffle");
          expect(r.ok && JSON.stringify(r.value.read.snapshot)).toBe(originals.get(id));
        },
      ),
      settings(3, 40),
    );
  });

  it("survives entries dropped from the package", () => {
    fc.assert(
      fc.property(
        replica.chain((r) => fc.tuple(fc.constant(r), fc.subarray([...openZip(r.bytes).order]))),
        ([{ bytes }, dropped]) => {
          const out = writeZip(openZip(bytes), { replace: new Map(), remove: new Set(dropped) });
          expect(allowed).toContain(check(out, "drop"));
        },
      ),
      settings(5, 60),
    );
  });

  const fragments = [
    "<",
    ">",
    "&",
    '"',
    "'",
    "/",
    "=",
    ":",
    "\u0000",
    "\uFFFF",
    "]]>",
    "<![CDATA[",
    "<?pi ",
    "<!--",
    "-->",
    "</w:p>",
    "<w:p>",
    "<w:tbl>",
    "</w:tbl>",
    "<w:tr>",
    "</w:tr>",
    "<w:tc>",
    "</w:tc>",
    "<w:tr/>",
    "<w:tc/>",
    "<w:t>",
    "</w:t>",
    "&lol;",
    "&#-1;",
    "&#x110000;",
    "&#0;",
    "<!DOCTYPE x>",
    "<x:y/>",
    '<w:gridSpan w:val="-3"/>',
    '<w:gridSpan w:val="99999999999"/>',
    '<w:vMerge w:val="restart"/>',
    "<w:vMerge/>",
    "<w:sdt><w:sdtContent>",
    "<w:ins>",
    "</w:ins>",
    "<w:del>",
    '<w:fldChar w:fldCharType="begin"/>',
    '<w:sym w:font="Wingdings" w:char="zz"/>',
    'xmlns:w="urn:other"',
    "<w:body>",
    "</w:document>",
  ];
  type Mutation =
    | { kind: "delete"; at: number; length: number }
    | { kind: "insert"; at: number; text: string }
    | { kind: "duplicate"; at: number; length: number };
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({
      kind: fc.constant("delete" as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 400 }),
    }),
    fc.record({
      kind: fc.constant("insert" as const),
      at: fc.nat(),
      text: fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 8 })),
    }),
    fc.record({
      kind: fc.constant("duplicate" as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 2000 }),
    }),
  );
  function mutate(text: string, ms: readonly Mutation[]): string {
    let t = text;
    for (const m of ms) {
      const at = m.at % (t.length + 1);
      if (m.kind === "delete") t = t.slice(0, at) + t.slice(at + m.length);
      else if (m.kind === "insert") t = t.slice(0, at) + m.text + t.slice(at);
      else t = t.slice(0, at) + t.slice(at, at + m.length) + t.slice(at);
    }
    return t;
  }

  it("survives mutations of the XML of the document and package parts", () => {
    const parts = [
      "word/document.xml",
      "word/document.xml",
      "word/document.xml",
      "[Content_Types].xml",
      "_rels/.rels",
      "word/_rels/document.xml.rels",
      "word/styles.xml",
    ];
    fc.assert(
      fc.property(
        replica,
        fc.constantFrom(...parts),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        ({ bytes }, part, ms) => {
          const zip = openZip(bytes);
          if (!zip.entries.has(part)) return;
          const text = new TextDecoder().decode(readEntry(zip, part));
          const out = writeZip(zip, {
            replace: new Map([[part, new TextEncoder().encode(mutate(text, ms))]]),
          });
          expect(allowed).toContain(check(out, "xml"));
        },
      ),
      settings(42, 150),
    );
  });
});
