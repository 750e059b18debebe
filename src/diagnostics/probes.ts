/**
 * The diagnostics page's probes: a fixed set of questions put to the Word the page runs in, on a
 * scratch document (a new blank document: the probes refuse any other), each answered from what
 * Word itself gives back. They ask what the tests' Word (tests/office/word-model.ts) has to
 * assume or take from the documentation; the answers are saved as a capture (capture.ts).
 *
 * Every probe replaces the scratch document's body with a small OOXML package, asks, and the body
 * is emptied again at the end. Nothing is sent anywhere: the page shows the answers and offers
 * them as a file to save.
 */
import { parseFlatOpcDocument } from "../adapters/office/office-reader";
import { codePoints, type CaptureValues } from "./capture";

/** The slice of Word's API the probes use (Word's own objects satisfy it). */
interface ProbeParagraph {
  readonly text: string;
  readonly tableNestingLevel: number;
  readonly font: { readonly bold: boolean | null };
  load(properties: string): unknown;
  getNext(): ProbeParagraph;
  insertText(text: string, location: "Replace"): unknown;
}
interface ProbeTable {
  readonly rowCount: number;
  load(properties: string): unknown;
  getCellOrNullObject(
    row: number,
    cell: number,
  ): {
    readonly parentRow: {
      insertRows(location: "After", count: number, values: string[][]): unknown;
      delete(): void;
    };
  };
  getRange(location: "Whole"): { insertOoxml(ooxml: string, location: "After"): unknown };
}
interface ProbeBody {
  readonly text: string;
  load(properties: string): unknown;
  getOoxml(): { readonly value: string };
  insertOoxml(ooxml: string, location: "Replace"): unknown;
  readonly paragraphs: { getFirst(): ProbeParagraph };
  readonly tables: {
    getFirst(): ProbeTable;
    readonly items: readonly unknown[];
    load(p: string): unknown;
  };
}
interface ProbePart {
  readonly isNullObject: boolean;
  load(properties: string): unknown;
  delete(): void;
}
interface ProbeContext {
  readonly document: {
    readonly body: ProbeBody;
    changeTrackingMode: string;
    load(properties: string): unknown;
    readonly customXmlParts: {
      add(xml: string): unknown;
      getByNamespace(ns: string): {
        readonly items: readonly ProbePart[];
        load(properties: string): unknown;
        getOnlyItemOrNullObject(): ProbePart;
      };
    };
  };
  sync(): Promise<void>;
}
export interface ProbeHost {
  run<T>(batch: (context: ProbeContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const PROBE_NS = "urn:planassist:diagnostics-probe";

/** A flat OPC package whose body is `bodyXml` (what `insertOoxml` takes). */
function probePackage(bodyXml: string): string {
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
  return (
    '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
    '<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData>' +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}" Target="word/document.xml"/></Relationships>` +
    "</pkg:xmlData></pkg:part>" +
    '<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>' +
    `<w:document xmlns:w="${W}"><w:body>${bodyXml}</w:body></w:document>` +
    "</pkg:xmlData></pkg:part></pkg:package>"
  );
}

const para = (text: string, rPr = "") =>
  `<w:p><w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const table = (rows: readonly string[]) =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid>${rows
    .map((r) => `<w:tr><w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>${r}</w:tc></w:tr>`)
    .join("")}</w:tbl>`;

/** The scratch document's body, as the reader reads Word's OOXML of it. */
function readBody(ooxml: string) {
  return parseFlatOpcDocument(ooxml).snapshot;
}

/** Refused: the document is not an empty scratch document. */
export class NotScratch extends Error {}

/**
 * Runs every probe on the open document, which must be empty (a new blank document), and empties
 * it again. `onStep` is told as each probe starts. Answers of WordApi 1.4 probes are null where
 * Word lacks the set.
 */
export async function runProbes(
  host: ProbeHost,
  onStep: (name: string) => void = () => undefined,
): Promise<CaptureValues> {
  const has14 = (() => {
    try {
      return host.isSetSupported("WordApi", "1.4");
    } catch {
      return false;
    }
  })();
  return host.run(async (context) => {
    const body = context.document.body;
    body.load("text");
    await context.sync();
    if (body.text.trim() !== "")
      throw new NotScratch(
        "This document is not empty. Open a new blank document (File > New > Blank document) and run the checks there: they replace what the document holds.",
      );
    /** Puts `bodyXml` in place of the scratch document's content. */
    const put = async (bodyXml: string) => {
      body.insertOoxml(probePackage(bodyXml), "Replace");
      await context.sync();
    };
    const ooxml = async () => {
      const r = body.getOoxml();
      await context.sync();
      return r.value;
    };
    try {
      onStep("Touching tables");
      await put(table([para("A")]) + table([para("B")]) + para("end"));
      body.tables.load("rowCount");
      await context.sync();
      const touchingTablesJoined = body.tables.items.length === 1;

      onStep("Text of symbol runs");
      await put(
        para("\u00a1", '<w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/>') +
          '<w:p><w:r><w:sym w:font="Wingdings" w:char="F0A1"/></w:r></w:p>' +
          para("end"),
      );
      const s0 = body.paragraphs.getFirst();
      const s1 = s0.getNext();
      s0.load("text");
      s1.load("text");
      await context.sync();
      const symbolRunText = codePoints(s0.text);
      const symText = codePoints(s1.text);

      onStep("Paragraphs in tables");
      await put(table([para("r1"), para("r2")]) + para("end"));
      const q0 = body.paragraphs.getFirst();
      const q1 = q0.getNext();
      q1.load("text,tableNestingLevel");
      await context.sync();
      const paragraphsCountRowEnds = q1.text !== "r2";

      onStep("Nested tables");
      await put(table([`${para("outer")}${table([para("inner")])}${para("")}`]) + para("end"));
      body.tables.load("rowCount");
      await context.sync();
      const nestedTablesInBodyTables = body.tables.items.length > 1;

      onStep("Mixed fonts");
      await put(
        '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>bold</w:t></w:r><w:r><w:t xml:space="preserve"> plain</w:t></w:r></w:p>' +
          para("end"),
      );
      const m0 = body.paragraphs.getFirst();
      m0.load("font/bold");
      await context.sync();
      const mixedFontIsNull = m0.font.bold === null;

      onStep("Inserting rows with a line break");
      await put(table([para("x")]) + para("end"));
      body.tables
        .getFirst()
        .getCellOrNullObject(0, 0)
        .parentRow.insertRows("After", 1, [["a\nb"]]);
      await context.sync();
      const added = readBody(await ooxml()).tables[0]?.rows[1]?.cells[0];
      const insertRowsLineBreak =
        (added?.paragraphs.length ?? 0) >= 2
          ? ("paragraphs" as const)
          : /\n|\u000b/.test(added?.text ?? "")
            ? ("break" as const)
            : ("text" as const);

      onStep("Inserting OOXML after a table");
      await put(table([para("t")]) + para("end"));
      body.tables
        .getFirst()
        .getRange("Whole")
        .insertOoxml(probePackage(para("added")), "After");
      await context.sync();
      const after = readBody(await ooxml());
      const between = after.blocks.findIndex(
        (b) => b.kind === "paragraph" && after.paragraphs[b.paragraph]?.text === "end",
      );
      const firstTable = after.blocks.findIndex((b) => b.kind === "table");
      const insertOoxmlTrailingParagraph = between - firstTable - 1 > 1;

      let customXmlNoneIsNull: boolean | null = null;
      let customXmlTwoIsNull: boolean | null = null;
      let trackedReplaceKeepsDeletion: boolean | null = null;
      let trackedRowStaysCounted: boolean | null = null;
      let trackedTextIncludesDeleted: boolean | null = null;
      if (has14) {
        onStep("Custom XML parts");
        const parts = context.document.customXmlParts;
        const none = parts.getByNamespace(PROBE_NS).getOnlyItemOrNullObject();
        none.load("isNullObject");
        await context.sync();
        customXmlNoneIsNull = none.isNullObject;
        parts.add(`<probe xmlns="${PROBE_NS}">1</probe>`);
        parts.add(`<probe xmlns="${PROBE_NS}">2</probe>`);
        await context.sync();
        const two = parts.getByNamespace(PROBE_NS).getOnlyItemOrNullObject();
        two.load("isNullObject");
        await context.sync();
        customXmlTwoIsNull = two.isNullObject;
        const mine = parts.getByNamespace(PROBE_NS);
        mine.load("items");
        await context.sync();
        for (const part of [...mine.items].reverse()) part.delete();
        await context.sync();

        onStep("Track Changes");
        await put(para("old text") + table([para("r1"), para("r2"), para("r3")]) + para("end"));
        context.document.load("changeTrackingMode");
        await context.sync();
        const mode = context.document.changeTrackingMode;
        context.document.changeTrackingMode = "TrackAll";
        const t0 = body.paragraphs.getFirst();
        t0.insertText("new text", "Replace");
        const t = body.tables.getFirst();
        t.getCellOrNullObject(1, 0).parentRow.delete();
        await context.sync();
        const xml = body.getOoxml();
        t.load("rowCount");
        t0.load("text");
        context.document.changeTrackingMode = mode;
        await context.sync();
        trackedReplaceKeepsDeletion = /<w:delText[^>]*>old text</.test(xml.value);
        trackedRowStaysCounted = t.rowCount === 3;
        trackedTextIncludesDeleted = t0.text.includes("old");
      }
      return {
        touchingTablesJoined,
        symbolRunText,
        symText,
        paragraphsCountRowEnds,
        nestedTablesInBodyTables,
        mixedFontIsNull,
        insertRowsLineBreak,
        insertOoxmlTrailingParagraph,
        customXmlNoneIsNull,
        customXmlTwoIsNull,
        trackedReplaceKeepsDeletion,
        trackedRowStaysCounted,
        trackedTextIncludesDeleted,
      };
    } finally {
      // The scratch document is left empty (Track Changes marks, if any, go with the content).
      body.insertOoxml(probePackage("<w:p/>"), "Replace");
      await context.sync().catch(() => undefined);
    }
  });
}
