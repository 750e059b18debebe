/**
 * The tests' Word (tests/office/word-model.ts) behaves as Word's documentation and the office-js
 * issues say Word does, on small documents built for each behaviour.
 */
import { readOfficeDocument } from "../../src/adapters/office/office-reader";
import { joinTouchingTables } from "../helpers/join-tables";
import { minimalDocx, p, tbl, tc, tr } from "../helpers/make-docx";
import { must } from "../writeback/helpers";
import {
  WORD_VARIANTS,
  WORDAPI_13_ONLY,
  WordModel,
  wordModelHost,
  type WordModelOptions,
} from "./word-model";

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function word(body: string, options: WordModelOptions = {}) {
  const model = WordModel.fromDocx(minimalDocx(body), options);
  const { host, readHost, log } = wordModelHost(model);
  const run = <T>(b: (c: Any) => Promise<T>) =>
    host.run((c) => b(c as unknown as Any)) as Promise<T>;
  return { model, run, readHost, log };
}

const wingdings = (ch: string) =>
  `<w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>${ch}</w:t></w:r>`;

describe("the tests' Word: text", () => {
  it("gives a Wingdings run's raw characters and '(' for a w:sym, where the reader sees circles", async () => {
    const w = word(
      `<w:p>${wingdings("¡")}</w:p><w:p>${wingdings("l")}</w:p><w:p><w:r><w:sym w:font="Wingdings" w:char="F06C"/></w:r></w:p>`,
    );
    const texts = await w.run(async (c) => {
      const a = c.document.body.paragraphs.getFirst();
      const b = a.getNext();
      const s = b.getNext();
      for (const x of [a, b, s]) x.load("text");
      await c.sync();
      return [a.text, b.text, s.text];
    });
    expect(texts).toEqual(["¡", "l", "("]);
    const read = must(await readOfficeDocument(w.readHost));
    expect(read.read.snapshot.paragraphs.map((x) => x.text)).toEqual(["○", "●", "●"]);
  });

  it("gives tabs, line breaks and no-break hyphens as Word's characters, and deleted text only inline", async () => {
    const body =
      '<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:noBreakHyphen/><w:t>d</w:t></w:r><w:del w:id="1" w:author="x"><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>';
    for (const inline of [false, true]) {
      const w = word(body, { revisionsInline: inline });
      const t = await w.run(async (c) => {
        const x = c.document.body.paragraphs.getFirst().load("text");
        await c.sync();
        return x.text;
      });
      expect(t).toBe(`a\tb\vc\u001ed${inline ? "gone" : ""}`);
    }
  });

  it("answers null for a font property that differs across the range", async () => {
    const w = word(
      "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Label: </w:t></w:r><w:r><w:t>answer</w:t></w:r></w:p>",
    );
    const font = await w.run(async (c) => {
      const x = c.document.body.paragraphs.getFirst().load("font/bold,font/name");
      await c.sync();
      return { bold: x.font.bold, name: x.font.name };
    });
    expect(font).toEqual({ bold: null, name: "Calibri" });
  });

  it("refuses to give a property before the sync that loads it", async () => {
    const w = word(p("x"));
    await w.run(async (c) => {
      const x = c.document.body.paragraphs.getFirst();
      x.load("text");
      expect(() => x.text).toThrow(/not loaded|PropertyNotLoaded/);
      await c.sync();
      expect(x.text).toBe("x");
    });
  });
});

describe.each(WORD_VARIANTS)("the tests' Word: collections ($name)", ({ variant }) => {
  const body = `${p("before")}${tbl(2, tr(tc(p("a1")) + tc(`${p("b1")}${tbl(1, tr(tc(p("inner"))))}`)) + tr(tc(p("a2")) + tc(p("b2"))))}${p("after")}`;

  it("counts table paragraphs in body.paragraphs, with their nesting level", async () => {
    const w = word(body, { variant });
    const seen = await w.run(async (c) => {
      const out: Any[] = [];
      let x = c.document.body.paragraphs.getFirst();
      const n = variant.rowEndParagraphs ? 10 : 7;
      for (let i = 0; i < n; i++) {
        x.load("text,tableNestingLevel");
        out.push(x);
        if (i < n - 1) x = x.getNext();
      }
      const past = x.getNextOrNullObject();
      await c.sync();
      return { list: out.map((y) => `${y.text}@${y.tableNestingLevel}`), past: past.isNullObject };
    });
    const rows = ["before@0", "a1@1", "b1@1", "inner@2"];
    const expected = variant.rowEndParagraphs
      ? [...rows, "@2", "@1", "a2@1", "b2@1", "@1", "after@0"]
      : [...rows, "a2@1", "b2@1", "after@0"];
    expect(seen.list).toEqual(expected);
    expect(seen.past).toBe(true);
  });

  it("gives nested tables in body.tables only under that variant", async () => {
    const w = word(body, { variant });
    const n = await w.run(async (c) => {
      const tables = c.document.body.tables.load("items");
      await c.sync();
      return tables.items.length;
    });
    expect(n).toBe(variant.nestedTablesInBody ? 2 : 1);
  });
});

describe("the tests' Word: writing", () => {
  it("takes the formatting of the start of the replaced range in insertText Replace", async () => {
    const w = word(
      "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Label: </w:t></w:r><w:r><w:t>old</w:t></w:r></w:p>",
    );
    await w.run(async (c) => {
      c.document.body.paragraphs.getFirst().insertText("Label: new", "Replace");
      await c.sync();
    });
    expect(w.model.documentXml()).toContain(
      '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Label: new</w:t></w:r>',
    );
  });

  it("replaces only the range a search found, keeping the label's run", async () => {
    const w = word(
      "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Name: </w:t></w:r><w:r><w:t>____</w:t></w:r></w:p>",
    );
    await w.run(async (c) => {
      const hits = c.document.body.paragraphs.getFirst().search("____").load("items");
      await c.sync();
      hits.items[0].insertText("Ada", "Replace");
      await c.sync();
    });
    const xml = w.model.documentXml();
    expect(xml).toContain(
      '<w:r><w:rPr><w:b/></w:rPr><w:t>Name: </w:t></w:r><w:r><w:t xml:space="preserve">Ada</w:t></w:r>',
    );
  });

  it("copies the row's properties and each cell's look into rows made by insertRows", async () => {
    const w = word(
      tbl(
        2,
        tr(
          tc(
            '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:i/></w:rPr><w:t>x</w:t></w:r></w:p>',
            '<w:shd w:fill="EEEEEE"/>',
          ) + tc(p("y")),
          "<w:cantSplit/>",
        ),
      ),
    );
    await w.run(async (c) => {
      c.document.body.tables
        .getFirst()
        .getCellOrNullObject(0, 0)
        .parentRow.insertRows("After", 1, [["one\ntwo", "z"]]);
      await c.sync();
    });
    const xml = w.model.documentXml();
    const added = xml.slice(xml.lastIndexOf("<w:tr>"));
    expect(added).toContain("<w:trPr><w:cantSplit/></w:trPr>");
    expect(added).toContain('<w:shd w:fill="EEEEEE"/>');
    expect(added).toContain(
      '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">one</w:t></w:r></w:p><w:p>',
    );
  });

  it("drops styles and numbering the inserted package does not carry, and adds a trailing empty paragraph", async () => {
    const w = word(`${tbl(1, tr(tc(p("t"))))}${p("end")}`);
    const pkg = `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/word/document.xml"><pkg:xmlData><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>known</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Unknown"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr><w:r><w:t>unknown</w:t></w:r></w:p></w:body></w:document></pkg:xmlData></pkg:part></pkg:package>`;
    await w.run(async (c) => {
      c.document.body.tables.getFirst().getRange("Whole").insertOoxml(pkg, "After");
      await c.sync();
    });
    const xml = w.model.documentXml();
    // No styles part in the package: its style information is ignored even where the document
    // uses the style (docs: "Understand when and how to use Office Open XML in your Word add-in").
    expect(xml).not.toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).not.toContain("Unknown");
    expect(xml).not.toContain("w:numPr");
    expect(xml).toMatch(/unknown<\/w:t><\/w:r><\/w:p><w:p\/><w:p><w:r><w:t[^>]*>end/);
  });

  it("joins touching tables when the document opens and when a table goes in next to one", async () => {
    const two = `${tbl(1, tr(tc(p("a"))))}${tbl(1, tr(tc(p("b"))))}${p("end")}`;
    const joined = word(two, { join: joinTouchingTables });
    expect(joined.model.allTables()).toHaveLength(1);
    expect(word(two).model.allTables()).toHaveLength(2);
    const w = word(`${tbl(1, tr(tc(p("a"))))}${p("end")}`, { join: joinTouchingTables });
    const pkg = `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/word/document.xml"><pkg:xmlData><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${tbl(1, tr(tc(p("new"))))}</w:body></w:document></pkg:xmlData></pkg:part></pkg:package>`;
    await w.run(async (c) => {
      c.document.body.tables.getFirst().getRange("Whole").insertOoxml(pkg, "After");
      await c.sync();
    });
    expect(w.model.allTables()).toHaveLength(1);
    const rows = await w.run(async (c) => {
      const t = c.document.body.tables.getFirst().load("rowCount");
      await c.sync();
      return t.rowCount;
    });
    expect(rows).toBe(2);
  });

  it("keeps replaced text and deleted rows as tracked changes when tracking is on", async () => {
    const w = word(tbl(1, tr(tc(p("old"))) + tr(tc(p("row 2")))), { trackChanges: true });
    const mode = await w.run(async (c) => {
      c.document.load("changeTrackingMode");
      const t = c.document.body.tables.getFirst();
      t.getCellOrNullObject(0, 0).body.paragraphs.getFirst().insertText("new", "Replace");
      t.getCellOrNullObject(1, 0).parentRow.delete();
      t.load("rowCount");
      await c.sync();
      return { mode: c.document.changeTrackingMode, rows: t.rowCount };
    });
    expect(mode).toEqual({ mode: "TrackAll", rows: 2 });
    const xml = w.model.documentXml();
    expect(xml).toMatch(/<w:delText[^>]*>old<\/w:delText>/);
    expect(xml).toMatch(/<w:ins [^>]*><w:r><w:t xml:space="preserve">new/);
    expect(xml).toMatch(/<w:trPr><w:del /);
    // The reader reads it as if accepted: the new text, and the deleted row's text gone.
    const read = must(await readOfficeDocument(w.readHost));
    expect(read.read.snapshot.tables[0]?.rows[0]?.cells[0]?.text).toBe("new");
  });
});

describe("the tests' Word: custom XML parts, errors and requirement sets", () => {
  const NS = "urn:test";
  const part = `<r xmlns="${NS}"/>`;

  it("answers a null object for none or two or more parts of a namespace", async () => {
    for (const [parts, isNull] of [
      [[], true],
      [[part], false],
      [[part, part], true],
    ] as const) {
      const w = word(p("x"));
      w.model.customXml.push(...parts);
      const got = await w.run(async (c) => {
        const only = c.document.customXmlParts.getByNamespace(NS).getOnlyItemOrNullObject();
        only.load("isNullObject");
        await c.sync();
        return only.isNullObject;
      });
      expect(got).toBe(isNull);
    }
  });

  it("raises Word's codes: AccessDenied read-only, GeneralException in view mode, NotAllowed in a protected table, ItemNotFound past the end", async () => {
    const body = `${tbl(1, tr(tc(p("t"))))}${p("x")}`;
    const write = (o: WordModelOptions, where: "table" | "body") =>
      word(body, o).run(async (c) => {
        const target =
          where === "table"
            ? c.document.body.tables.getFirst().getCellOrNullObject(0, 0).body.paragraphs.getFirst()
            : c.document.body.paragraphs.getFirst().getNext();
        target.insertText("y", "Replace");
        await c.sync();
      });
    await expect(write({ readOnly: true }, "body")).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(write({ viewMode: true }, "body")).rejects.toMatchObject({
      code: "GeneralException",
    });
    await expect(write({ protectedTables: [0] }, "table")).rejects.toMatchObject({
      code: "NotAllowed",
    });
    await expect(write({ protectedTables: [0] }, "body")).resolves.toBeUndefined();
    await expect(
      word(p("only")).run(async (c) => {
        c.document.body.paragraphs.getFirst().getNext().load("text");
        await c.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("on a WordApi 1.3 host, says so and fails custom XML and Track Changes calls", async () => {
    const w = word(p("x"), { supported: WORDAPI_13_ONLY });
    const { host } = wordModelHost(w.model);
    expect(host.isSetSupported("WordApi", "1.3")).toBe(true);
    expect(host.isSetSupported("WordApi", "1.4")).toBe(false);
    await expect(
      w.run(async (c) => {
        c.document.customXmlParts.getByNamespace(NS).getOnlyItemOrNullObject();
        await c.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    await expect(
      w.run(async (c) => {
        c.document.load("changeTrackingMode");
        await c.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("applies the calls before a refused one: a batch is not all-or-nothing", async () => {
    const w = word(`${p("one")}${p("two")}`, { protectedTables: [] });
    await expect(
      w.run(async (c) => {
        const first = c.document.body.paragraphs.getFirst();
        first.insertText("ONE", "Replace");
        first.getNext().getNext().insertText("x", "Replace");
        await c.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(w.model.documentXml()).toContain("ONE");
  });
});
