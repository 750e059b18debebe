// Filled plan documents made from the replica templates, for the reading benchmarks.
//
// Text is spliced straight into the document XML (empty cells get a run with a sentence), so the
// corpus does not depend on the project's own fill code. Deterministic: the same corpus every run.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const words = (
  "students teachers reading math attendance data team monthly quarterly goal strategy coaching " +
  "family engagement assessment benchmark intervention schedule owner principal district grade " +
  "literacy numeracy survey review professional learning curriculum pathway equity access outcome"
).split(" ");

/** A small deterministic pseudo-random generator. */
export function prng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

function sentence(rand) {
  const n = 3 + Math.floor(rand() * 14);
  const out = [];
  for (let i = 0; i < n; i++) out.push(words[Math.floor(rand() * words.length)]);
  const s = out.join(" ");
  return s[0].toUpperCase() + s.slice(1) + ".";
}

function escape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The replica templates: { name, bytes }. */
export function replicas(root) {
  const dir = path.join(root, "tests", "fixtures", "templates");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".docx"))
    .sort()
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(path.join(dir, f))) }));
}

/**
 * Fills a share of the empty cells of a document part's XML with sentences. Returns the new XML.
 * `lib` is the bundled reader (parseXml, readWordDocument).
 */
export function fillXml(lib, xml, rand, share) {
  const doc = lib.parseXml(xml);
  const { snapshot, index } = lib.readWordDocument(doc);
  const edits = [];
  snapshot.tables.forEach((t, ti) =>
    t.rows.forEach((r, ri) =>
      r.cells.forEach((c, ci) => {
        if (c.text.trim() !== "" || c.vMerge === "continue" || rand() > share) return;
        const p = index.tables[ti]?.rows[ri]?.cells[ci]?.paragraphs[0];
        if (!p) return;
        const run = `<w:r><w:t xml:space="preserve">${escape(sentence(rand))}</w:t></w:r>`;
        if (p.closeStart === p.end) {
          // <w:p/> or <w:p .../>: rewrite it with content.
          const open = xml.slice(p.start, p.end).replace(/\s*\/>$/, ">");
          edits.push([p.start, p.end, `${open}${run}</w:p>`]);
        } else edits.push([p.closeStart, p.closeStart, run]);
      }),
    ),
  );
  edits.sort((a, b) => a[0] - b[0]);
  const pieces = [];
  let at = 0;
  for (const [from, to, text] of edits) {
    pieces.push(xml.slice(at, from), text);
    at = to;
  }
  pieces.push(xml.slice(at));
  return pieces.join("");
}

/** A copy of a package with its document part replaced. */
function withDocument(lib, bytes, xml) {
  const zip = lib.openZip(bytes);
  return lib.writeZip(zip, { replace: new Map([["word/document.xml", encoder.encode(xml)]]) });
}

function documentXml(lib, bytes) {
  return decoder.decode(lib.readEntry(lib.openZip(bytes), "word/document.xml"));
}

/** `perTemplate` filled variants of each replica (different cells, different amounts of text). */
export function filledCorpus(lib, root, perTemplate) {
  const out = [];
  for (const { name, bytes } of replicas(root)) {
    const xml = documentXml(lib, bytes);
    for (let k = 0; k < perTemplate; k++) {
      const rand = prng(1 + k * 7919 + name.length);
      const share = 0.3 + 0.7 * (k / Math.max(1, perTemplate - 1));
      out.push({
        name: `${name}#${k}`,
        bytes: withDocument(lib, bytes, fillXml(lib, xml, rand, share)),
      });
    }
  }
  return out;
}

/**
 * The folder `dir` holding the corpus (45 filled plans per template) as .docx files, written when
 * it holds none yet (the reading suite writes it first; the batch and profile suites reuse it).
 */
export function corpusFolder(lib, root, dir) {
  let have = [];
  try {
    have = readdirSync(dir).filter((f) => f.endsWith(".docx"));
  } catch {
    // written below
  }
  if (have.length === 0) {
    mkdirSync(dir, { recursive: true });
    filledCorpus(lib, root, 45).forEach((d, i) =>
      writeFileSync(path.join(dir, `${String(i).padStart(4, "0")}.docx`), d.bytes),
    );
  }
  return dir;
}

/**
 * A document of `tables` filled tables: the body of a filled replica repeated until it holds that
 * many tables, then cut to exactly that many.
 */
export function documentOfTables(lib, root, tables) {
  const base = replicas(root).find((r) => r.name.startsWith("ddtt"));
  const xml = fillXml(lib, documentXml(lib, base.bytes), prng(99), 1);
  const doc = lib.parseXml(xml);
  const body = doc.root.children.find((c) => c.kind === "element" && c.name === "w:body");
  const blocks = body.children.filter(
    (c) => c.kind === "element" && (c.name === "w:tbl" || c.name === "w:p"),
  );
  const pieces = [];
  let count = 0;
  while (count < tables) {
    for (const b of blocks) {
      if (b.name === "w:tbl") {
        if (count === tables) break;
        count++;
      }
      pieces.push(xml.slice(b.start, b.end));
    }
  }
  const newXml = xml.slice(0, body.openEnd) + pieces.join("") + xml.slice(body.closeStart);
  return withDocument(lib, base.bytes, newXml);
}
