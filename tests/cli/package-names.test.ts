/**
 * Package rules through the command line: part names compare without case (a relationship's
 * target, a content type's part name and the entry itself may differ in case), and a package
 * without [Content_Types].xml gets the same answer from check and from fill.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { openDocx } from "../../src/adapters/docx/docx-file";
import { openZip, readEntry, writeZip } from "../../src/adapters/docx/zip";
import { main } from "../../src/cli/main";
import { readDocument } from "../../src/domain/plan-reader";
import { templates } from "../../src/templates";
import { templateBytes } from "../helpers/fixtures";
import { realIo, withField } from "./cli-helpers";

const original = templateBytes("ddtt-action-plan");
const enc = new TextEncoder();
const dec = new TextDecoder();

/** The replica with some parts' text edited and some entries renamed. */
function variant(
  edit: Record<string, (xml: string) => string>,
  rename: Record<string, string> = {},
  remove: readonly string[] = [],
): Uint8Array {
  const zip = openZip(original);
  const replace = new Map<string, Uint8Array>();
  for (const [name, f] of Object.entries(edit))
    replace.set(name, enc.encode(f(dec.decode(readEntry(zip, name)))));
  for (const [from, to] of Object.entries(rename)) {
    replace.set(to, replace.get(from) ?? readEntry(zip, from));
    replace.delete(from);
  }
  return writeZip(zip, { replace, remove: new Set([...Object.keys(rename), ...remove]) });
}

function documentPart(bytes: Uint8Array): string {
  const opened = openDocx(bytes);
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value.document.source;
}

const dir = mkdtempSync(path.join(tmpdir(), "planassist-names-"));
const data = readDocument(must(openDocx(original)).read.snapshot, templates).data;
const planJson = path.join(dir, "plan.json");
writeFileSync(
  planJson,
  JSON.stringify(withField(data, "plan-header", "district-school-name", "Springfield")),
);

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const cases: [string, Uint8Array][] = [
  [
    "the content type names /WORD/Document.xml",
    variant({
      "[Content_Types].xml": (x) =>
        x.replace('PartName="/word/document.xml"', 'PartName="/WORD/Document.xml"'),
    }),
  ],
  [
    "the package relationship targets Word/Document.XML",
    variant({
      "_rels/.rels": (x) => x.replace('Target="word/document.xml"', 'Target="Word/Document.XML"'),
    }),
  ],
  [
    "the entries are WORD/Document.xml and its relationships WORD/_rels/document.xml.rels",
    variant(
      {},
      {
        "word/document.xml": "WORD/Document.xml",
        "word/_rels/document.xml.rels": "WORD/_rels/document.xml.rels",
      },
    ),
  ],
];

describe.each(cases)("part names compare without case: %s", (name, bytes) => {
  const file = path.join(dir, `${name.replace(/\W+/g, "-")}.docx`);
  writeFileSync(file, bytes);

  it("check reads it as the template it is", async () => {
    const c = realIo();
    // Exit 1: the blank template has error findings; 2 would mean it could not be read.
    expect(await main(["check", file], c.io)).toBe(1);
    expect(c.out()).toMatch(/Action Plan Template 5\.3\.1T: \d+ errors/);
    expect(c.out()).toMatch(/0 could not be read/);
  });

  it("fill writes into the part the names mean (no second entry), and revert gives it back", async () => {
    const out = `${file}.filled.docx`;
    const f = realIo();
    expect(await main(["fill", file, "--data", planJson, "--out", out], f.io)).toBe(0);
    expect(f.out()).toMatch(/Wrote 1 value/);
    const filled = new Uint8Array(readFileSync(out));
    const names = openZip(filled).order.map((n) => n.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    const back = readDocument(must(openDocx(filled)).read.snapshot, templates).data;
    expect(back.plans[0]!.sections[0]!.fields[0]!.value).toBe("Springfield");
    const reverted = `${file}.reverted.docx`;
    expect(await main(["revert", out, "--out", reverted], realIo().io)).toBe(0);
    expect(documentPart(new Uint8Array(readFileSync(reverted)))).toBe(documentPart(bytes));
  });
});

describe("a package without [Content_Types].xml", () => {
  const file = path.join(dir, "no-types.docx");
  writeFileSync(file, variant({}, {}, ["[Content_Types].xml"]));
  const sentence = /\[Content_Types\]\.xml, which every Word document has/;

  it("check refuses it with docx_no_content_types, a sentence, and exit 2", async () => {
    const c = realIo();
    expect(await main(["check", file], c.io)).toBe(2);
    expect(c.out()).toMatch(/could not be read \[docx_no_content_types\]/);
    expect(c.out()).toMatch(sentence);
    expect(c.out() + c.err()).not.toMatch(/\n\s+at /);
  });

  it("fill gives the same code and sentence, exit 2, and writes nothing", async () => {
    const out = path.join(dir, "no-types-filled.docx");
    const f = realIo();
    expect(await main(["fill", file, "--data", planJson, "--out", out], f.io)).toBe(2);
    expect(f.err()).toMatch(/docx_no_content_types/);
    expect(f.err()).toMatch(sentence);
    expect(f.out() + f.err()).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
});
