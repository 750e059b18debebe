/**
 * A block of tables added by a fill in Word (a new SFSS challenge, a CDE strategy, a DDTT
 * strategy) goes in through `insertOoxml`: it must come out as the .docx writer makes it, with
 * the styles and numbering of the rows it copies (Word ignores those a package does not carry),
 * and without the empty paragraph Word adds after the inserted content.
 */
import { DocxDocument } from "../../src/adapters/docx/docx-document.adapter";
import { OfficeDocument } from "../../src/adapters/office/office-document.adapter";
import { planDocumentFill } from "../../src/app/fill";
import { readDocument } from "../../src/domain/plan-reader";
import type { DocumentPort } from "../../src/ports/document.port";
import { templates } from "../../src/templates";
import { templateBytes } from "../helpers/fixtures";
import { readParts } from "../helpers/make-docx";
import { WORD_VARIANTS, WordModel, wordModelHost } from "../office/word-model";
import { attr, child, descendants, parseTree, type XEl } from "../office/xml-tree";
import { everyFieldChanged } from "./data-changes";
import { must, now } from "./helpers";

jest.setTimeout(120_000);

/** Fills every field (new blocks included) through the port, planned against what it reads. */
async function fillAll(port: DocumentPort) {
  const snapshot = must(await port.read());
  const data = everyFieldChanged(readDocument(snapshot, templates).data);
  const planning = must(planDocumentFill(snapshot, data, {}));
  expect(planning.plan.structure.some((e) => e.kind === "insert-block")).toBe(true);
  must(await port.fill(planning.plan, { label: "blocks", now, skipped: planning.skipped }));
  return must(await port.read());
}

/** Each table paragraph's style, list and list level, and each table's style, in order. */
function looks(documentXml: string): string[] {
  const body = child(parseTree(documentXml), "w:body") as XEl;
  const val = (x: XEl | undefined) => (x ? (attr(x, "w:val") ?? "") : "-");
  return descendants(body, "w:tbl").flatMap((t) => [
    `table ${val(child(child(t, "w:tblPr") ?? t, "w:tblStyle"))}`,
    ...descendants(t, "w:p").map((p) => {
      const pPr = child(p, "w:pPr");
      const numPr = pPr ? child(pPr, "w:numPr") : undefined;
      return [
        val(pPr ? child(pPr, "w:pStyle") : undefined),
        val(numPr ? child(numPr, "w:numId") : undefined),
        val(numPr ? child(numPr, "w:ilvl") : undefined),
      ].join(" ");
    }),
  ]);
}

/** The body as the kinds of its blocks: "p" for a paragraph ("p0" when empty), "t" for a table. */
function shape(documentXml: string): string {
  const body = child(parseTree(documentXml), "w:body") as XEl;
  return body.kids
    .flatMap((k) =>
      k.kind !== "el"
        ? []
        : k.name === "w:tbl"
          ? ["t"]
          : k.name === "w:p"
            ? [descendants(k, "w:t").length > 0 ? "p" : "p0"]
            : [],
    )
    .join(" ");
}

describe.each(["sfss-action-plan", "cde-plan-for-improvement", "ddtt-action-plan"] as const)(
  "a block added in Word to the %s replica",
  (id) => {
    const docx = (async () => {
      const port = new DocxDocument(templateBytes(id));
      const read = await fillAll(port);
      return { read, xml: readParts(port.current()).get("word/document.xml") ?? "" };
    })();

    describe.each(WORD_VARIANTS)("($name)", ({ variant }) => {
      it("has the styles, numbering and body of the block the .docx writer adds", async () => {
        const model = WordModel.fromDocx(templateBytes(id), { variant });
        const { host, readHost } = wordModelHost(model);
        const read = await fillAll(new OfficeDocument(readHost, host));
        const expected = await docx;
        // What the reader reads is the same, and so is every new row's look and the body's shape
        // (a paragraph between the block and its neighbours, none more).
        expect(readDocument(read, templates).data).toEqual(
          readDocument(expected.read, templates).data,
        );
        expect(looks(model.documentXml())).toEqual(looks(expected.xml));
        expect(shape(model.documentXml())).toEqual(shape(expected.xml));
      });
    });
  },
);
