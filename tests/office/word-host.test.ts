/**
 * Word as a host (issue 18, 2.5 and 2.6): what this Word can do, found by asking for requirement
 * sets above WordApi 1.3 before anything uses them, and Word's refusals told apart: a read-only
 * document (AccessDenied), a protected part (NotAllowed) and Viewing mode (GeneralException,
 * which nothing an add-in can read announces), raised by the tests' Word as Word raises them.
 */
import { OfficeDocument } from "../../src/adapters/office/office-document.adapter";
import { officeWordHost, wordRefusal } from "../../src/adapters/office/word-host";
import { readOfficeDocument } from "../../src/adapters/office/office-reader";
import { writePlanInWord } from "../../src/adapters/office/office-writer";
import { planDocumentFill } from "../../src/app/fill";
import type { DocumentPlanData } from "../../src/domain/plan-data";
import { readDocument } from "../../src/domain/plan-reader";
import { templates } from "../../src/templates";
import { templateBytes } from "../helpers/fixtures";
import { minimalDocx, p, tbl, tc, tr } from "../helpers/make-docx";
import { everyFieldChanged } from "../writeback/data-changes";
import { must, now } from "../writeback/helpers";
import { ALL_SETS, WORDAPI_13_ONLY, WordError, WordModel, wordModelHost } from "./word-model";

const doc = minimalDocx(tbl(1, tr(tc(p("Goal"))) + tr(tc(p("x")))) + p("after"));

describe("capabilities", () => {
  it("a Word with every set can write, revert and comment, and lacks nothing", () => {
    const h = wordModelHost(WordModel.fromDocx(doc));
    const port = new OfficeDocument(h.readHost, h.host);
    expect(port.capabilities()).toEqual({
      write: true,
      comments: true,
      select: true,
      revert: true,
      insert: false,
      missingSets: [],
    });
  });

  it("a WordApi 1.3-only Word (Office LTSC 2021, 2019) writes but has no revert and no comments", () => {
    const model = WordModel.fromDocx(doc, { supported: WORDAPI_13_ONLY });
    const h = wordModelHost(model);
    const port = new OfficeDocument(h.readHost, h.host);
    expect(port.capabilities()).toEqual({
      write: true,
      comments: false,
      select: true,
      revert: false,
      insert: false,
      missingSets: ["WordApi 1.4"],
    });
  });

  it("adding comments on a 1.3-only Word is refused before Word is asked", async () => {
    const model = WordModel.fromDocx(doc, { supported: WORDAPI_13_ONLY });
    const { readHost, log } = wordModelHost(model);
    const port = new OfficeDocument(readHost);
    must(await port.read());
    const syncs = log.syncs;
    const r = await port.addComments([
      { location: { kind: "cell", table: 0, row: 1, cell: 0 }, text: "x" },
    ]);
    expect(r.ok ? "" : r.error.code).toBe("office_requirement_missing");
    expect(log.syncs).toBe(syncs);
  });

  it("a Word older than 1.3 can do nothing, and says it is the version", () => {
    const model = WordModel.fromDocx(doc, { supported: ["WordApi 1.1", "WordApi 1.2"] });
    const caps = new OfficeDocument(wordModelHost(model).readHost).capabilities();
    expect(caps).toMatchObject({
      write: false,
      revert: false,
      comments: false,
      noWrite: "requirement",
    });
  });

  it("a document open read-only (Office.context.document.mode) cannot be written", () => {
    const model = WordModel.fromDocx(doc, { readOnly: true, supported: ALL_SETS });
    const caps = new OfficeDocument(wordModelHost(model).readHost).capabilities();
    expect(caps).toMatchObject({
      write: false,
      revert: false,
      comments: false,
      noWrite: "read-only",
    });
  });

  it("the real host reads the document mode from Office.context.document", () => {
    const host = officeWordHost({
      Office: {
        context: { requirements: { isSetSupported: () => true }, document: { mode: "readOnly" } },
      },
      Word: { run: async () => undefined },
    });
    expect(host?.documentMode?.()).toBe("readOnly");
    const other = officeWordHost({
      Office: { context: { requirements: { isSetSupported: () => true } } },
      Word: { run: async () => undefined },
    });
    expect(other?.documentMode?.()).toBeUndefined();
  });

  it("a Word whose isSetSupported throws is taken to lack the set", () => {
    const port = new OfficeDocument({
      run: async () => {
        throw new Error("unused");
      },
      isSetSupported: (_n, v) => {
        if (v === "1.4") throw new Error("old Office.js");
        return true;
      },
    });
    expect(port.capabilities()).toMatchObject({ select: true, revert: false, comments: false });
  });
});

/** The error Word raises for one paragraph write in the model under `options`. */
async function writeError(options: ConstructorParameters<typeof WordModel>[1]): Promise<unknown> {
  const model = WordModel.fromDocx(doc, options);
  const { host } = wordModelHost(model);
  try {
    await host.run(async (context) => {
      const cell = context.document.body.tables.getFirst().getCellOrNullObject(1, 0);
      cell.body.paragraphs.getFirst().insertText("new", "Replace");
      await context.sync();
    });
  } catch (e) {
    return e;
  }
  return undefined;
}

describe("Word's refusals, told apart", () => {
  it("a read-only document: AccessDenied, said as read-only", async () => {
    const e = await writeError({ readOnly: true });
    expect((e as WordError).code).toBe("AccessDenied");
    const r = wordRefusal(e, "readOnly");
    expect(r?.code).toBe("office_read_only");
    expect(r?.message).toMatch(/read-only/);
  });

  it("a protected table: NotAllowed, said as protection", async () => {
    const e = await writeError({ protectedTables: [0] });
    expect((e as WordError).code).toBe("NotAllowed");
    const r = wordRefusal(e, "readWrite");
    expect(r?.code).toBe("office_protected");
    expect(r?.message).toMatch(/Restrict Editing/);
  });

  it("Viewing mode: GeneralException while the mode still says readWrite (#5484), said as view mode when nothing was written", async () => {
    const e = await writeError({ viewMode: true });
    expect((e as WordError).code).toBe("GeneralException");
    expect(wordRefusal(e, "readWrite", { nothingWritten: true })?.code).toBe("office_view_mode");
    expect(wordRefusal(e, "readOnly")?.code).toBe("office_view_mode");
    expect(wordRefusal(e, "readWrite", { nothingWritten: true })?.message).toMatch(/Editing/);
  });

  it("a GeneralException after part of a write is an ordinary failure, and other errors are not refusals", () => {
    expect(wordRefusal(new WordError("GeneralException"), "readWrite")).toBeUndefined();
    expect(wordRefusal(new WordError("ItemNotFound"), "readOnly")).toBeUndefined();
    expect(wordRefusal(new Error("x"), undefined)).toBeUndefined();
  });
});

describe("a fill meeting Word's refusals says which it met", () => {
  it.each([
    [
      "a protected part (NotAllowed)",
      { protectedTables: [0, 1, 2, 3, 4, 5, 6, 7] },
      "office_protected",
    ],
    ["Viewing mode (GeneralException)", { viewMode: true }, "office_view_mode"],
    ["a read-only document (AccessDenied)", { readOnly: true }, "office_read_only"],
  ] as const)("%s", async (_name, options, code) => {
    const model = WordModel.fromDocx(templateBytes("ddtt-action-plan"), options);
    const read = must(await readOfficeDocument(wordModelHost(model).readHost));
    const data = readDocument(read.read.snapshot, templates).data as DocumentPlanData;
    const plan = must(planDocumentFill(read.read.snapshot, everyFieldChanged(data))).plan;
    const r = await writePlanInWord(wordModelHost(model).host, read.read.snapshot, plan, {
      label: "all",
      now,
      source: read.source,
    });
    const got = r.ok ? r.value.error?.code : r.error.code;
    expect(got).toBe(code);
  });
});
