import { main } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/io";
import { fillDocx } from "../../src/adapters/docx/docx-writer";
import { openZip, writeZip } from "../../src/adapters/docx/zip";
import { readDocument } from "../../src/domain/plan-reader";
import { templates } from "../../src/templates";
import { templateBytes } from "../helpers/fixtures";
import { documentXml, must, now, snapshotOf } from "./helpers";

function memoryIo(files: Record<string, Uint8Array | string>) {
  const out: string[] = [];
  const errs: string[] = [];
  const store = new Map<string, Uint8Array | string>(Object.entries(files));
  const io: CliIo = {
    out: (t) => void out.push(t),
    err: (t) => void errs.push(t),
    readFile: async (p) => {
      const v = store.get(p);
      if (v === undefined) throw Object.assign(new Error("missing"), { code: "ENOENT" });
      return typeof v === "string" ? new TextEncoder().encode(v) : v;
    },
    writeFile: async (p, d) => void store.set(p, d),
    isTty: false,
  };
  return { io, out, errs, store };
}

const original = templateBytes("ddtt-action-plan");
const data = readDocument(snapshotOf(original), templates).data;
const edited = JSON.stringify({
  ...data,
  plans: data.plans.map((p) => ({
    ...p,
    sections: p.sections.map((s) =>
      s.id === "plan-header"
        ? {
            ...s,
            fields: s.fields.map((f) =>
              f.id === "district-school-name" ? { ...f, value: "Springfield" } : f,
            ),
          }
        : s,
    ),
  })),
});

describe("planassist fill and revert", () => {
  it("fills into --out, leaves the input alone, and revert gives the original document part back", async () => {
    const { io, out, store } = memoryIo({ "in.docx": original, "plan.json": edited });
    expect(await main(["fill", "in.docx", "--data", "plan.json", "--out", "out.docx"], io)).toBe(0);
    expect(out.join("")).toMatch(/Wrote 1 value/);
    expect(store.get("in.docx")).toBe(original);
    const filled = store.get("out.docx") as Uint8Array;
    expect(
      readDocument(snapshotOf(filled), templates).data.plans[0]!.sections[0]!.fields[0]!.value,
    ).toBe("Springfield");
    expect(await main(["revert", "out.docx", "--out", "back.docx"], io)).toBe(0);
    expect(documentXml(store.get("back.docx") as Uint8Array)).toBe(documentXml(original));
  });

  it("refuses --out equal to the input unless --in-place is given", async () => {
    const { io, errs, store } = memoryIo({ "in.docx": original, "plan.json": edited });
    expect(await main(["fill", "in.docx", "--data", "plan.json", "--out", "in.docx"], io)).toBe(2);
    expect(errs.join("")).toMatch(/--out is the input file/);
    expect(store.get("in.docx")).toBe(original);
    expect(await main(["fill", "in.docx", "--data", "plan.json", "--in-place"], io)).toBe(0);
    expect(store.get("in.docx")).not.toBe(original);
  });

  it("explains bad plan data and missing files in a sentence, without a stack trace", async () => {
    const { io, errs } = memoryIo({
      "in.docx": original,
      "bad.json": "{ not json",
      "wrong.json": JSON.stringify({ format: "x" }),
    });
    expect(await main(["fill", "in.docx", "--data", "bad.json", "--out", "o.docx"], io)).toBe(2);
    expect(await main(["fill", "in.docx", "--data", "wrong.json", "--out", "o.docx"], io)).toBe(2);
    expect(await main(["fill", "missing.docx", "--data", "bad.json", "--out", "o.docx"], io)).toBe(
      2,
    );
    expect(await main(["revert", "in.docx", "--out", "o.docx"], io)).toBe(2);
    const text = errs.join("");
    expect(text).toMatch(/not valid JSON/);
    expect(text).toMatch(/expected shape/);
    expect(text).toMatch(/does not exist/);
    expect(text).toMatch(/nothing to revert/);
    expect(text).not.toMatch(/\n\s+at /);
  });

  it("skips typed text without --overwrite (exit 1) and replaces it with --overwrite", async () => {
    const { io, store, out } = memoryIo({ "in.docx": original, "plan.json": edited });
    await main(["fill", "in.docx", "--data", "plan.json", "--out", "a.docx"], io);
    const again = edited.replace("Springfield", "Shelbyville");
    store.set("plan2.json", again);
    expect(await main(["fill", "a.docx", "--data", "plan2.json", "--out", "b.docx"], io)).toBe(1);
    expect(out.join("")).toMatch(/Skipped plan-header.district-school-name/);
    expect(
      await main(["fill", "a.docx", "--data", "plan2.json", "--out", "c.docx", "--overwrite"], io),
    ).toBe(0);
    expect(documentXml(store.get("c.docx") as Uint8Array)).toContain("Shelbyville");
  });
});

describe("rating circles stored as Word writes them", () => {
  it("turns a w:sym empty circle into the filled one, keeping the symbol form", () => {
    const bytes = templateBytes("clna");
    // Word stores the circles as <w:sym w:font="Wingdings" w:char="F0A1"/>.
    const xml = documentXml(bytes).replace(
      /<w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"\/><\/w:rPr><w:t>¡<\/w:t><\/w:r>/g,
      '<w:r><w:sym w:font="Wingdings" w:char="F0A1"/></w:r>',
    );
    const symForm = writeZip(openZip(bytes), {
      replace: new Map([["word/document.xml", new TextEncoder().encode(xml)]]),
    });
    const s = snapshotOf(symForm);
    expect(s.tables[3]!.rows[0]!.cells[2]!.paragraphs[0]!.glyphs[0]!.source).toBe("sym");
    const r = must(
      fillDocx(
        symForm,
        {
          structure: [],
          content: [
            {
              kind: "set-choice",
              field: "r",
              table: 3,
              row: 0,
              cells: [2, 3, 4, 5],
              chosen: 0,
              style: { kind: "radio" },
              expected: ["○", "○", "○", "○"],
            },
          ],
        },
        { label: "t", now },
      ),
    );
    const after = documentXml(r.bytes);
    const cell = after.slice(after.indexOf("1.1 The school"));
    expect(cell).toMatch(/<w:sym w:font="Wingdings" w:char="F06C"\/>/);
    const kinds = snapshotOf(r.bytes)
      .tables[3]!.rows[0]!.cells.slice(2)
      .map((c) => `${c.paragraphs[0]!.glyphs[0]!.kind}/${c.paragraphs[0]!.glyphs[0]!.source}`);
    expect(kinds).toEqual([
      "radio-filled/sym",
      "radio-empty/sym",
      "radio-empty/sym",
      "radio-empty/sym",
    ]);
  });
});
