/**
 * What the tests' Word (tests/office/word-model.ts) holds, seen the way the Word writer's tests
 * look at a document: its tables as the reader numbers them (document order, nested ones
 * included), each cell's paragraphs with Word's own `.text`, and the edits a co-author makes.
 */
import { readOfficeDocument } from "../../src/adapters/office/office-reader";
import { readPackage } from "../../src/adapters/office/word-texts";
import type { DocumentPlanData } from "../../src/domain/plan-data";
import { readDocument } from "../../src/domain/plan-reader";
import { templates } from "../../src/templates";
import type { DocumentSnapshot } from "../../src/domain/snapshot";
import { readParts } from "../helpers/make-docx";
import {
  modelParagraphTexts,
  WordModel,
  wordModelHost,
  type WordModelOptions,
} from "../office/word-model";
import { ancestors, append, descendants, detach, el, text, type XEl } from "../office/xml-tree";
import { must } from "./helpers";

export type ModelParagraph = {
  readonly el: XEl;
  /** Word's `.text` of the paragraph (a Wingdings circle as its raw character). */
  readonly text: string;
  /** The name of its style, as Word's `paragraph.style` gives it. */
  readonly style: string;
  /** The font its first run shows (direct, else its style's). */
  readonly font: { readonly name: string };
};
export type ModelCell = { readonly el: XEl; readonly paragraphs: ModelParagraph[] };
export type ModelRow = { readonly el: XEl; readonly cells: ModelCell[] };
export type ModelTable = { readonly el: XEl; readonly rows: ModelRow[] };

/** A model of the .docx `bytes` open in Word, its main part replaced by `documentXml` if given. */
export function modelOf(
  bytes: Uint8Array,
  options: WordModelOptions = {},
  documentXml?: string,
): WordModel {
  const parts = readParts(bytes);
  if (documentXml !== undefined) parts.set("word/document.xml", documentXml);
  return new WordModel(parts, options);
}

/** Every table of the model in document order (nested ones included), as the reader numbers them. */
export function modelTables(model: WordModel): ModelTable[] {
  return model.allTables().map((t) => ({
    el: t,
    rows: model.rows(t).map((r) => ({
      el: r,
      cells: model.cells(r).map((c) => ({
        el: c,
        paragraphs: descendants(c, "w:p")
          .filter((p) => ancestors(p).find((a) => a.name === "w:tc") === c)
          .map((p) => ({
            el: p,
            text: model.paragraphText(p),
            style: model.styleName(model.styleIdOf(p)),
            font: {
              name: String(model.runProperty(descendants(p, "w:r")[0], p, "name")),
            },
          })),
      })),
    })),
  }));
}

/** Every paragraph's `.text` in document order, tables included. */
export function modelTexts(model: WordModel): string[] {
  return modelParagraphTexts(model);
}

/** The model's document as the reader makes it of Word's OOXML (tables as the reader cuts them). */
export function readModel(model: WordModel): DocumentSnapshot {
  const had = reads.get(model);
  if (had && had.version === model.version) return had.read;
  const read = readPackage(model.packageOf(model.body.kids));
  if (!read) throw new Error("the model's OOXML could not be read");
  reads.set(model, { version: model.version, read });
  return read;
}

const reads = new WeakMap<WordModel, { version: number; read: DocumentSnapshot }>();

/**
 * A cell's text as the reader reads it from Word's OOXML (paragraphs on their own lines), with
 * tables numbered as the reader numbers them, split or joined.
 */
export function modelCellText(model: WordModel, table: number, row: number, cell: number): string {
  const c = readModel(model).tables[table]?.rows[row]?.cells[cell];
  return (c?.paragraphs ?? []).map((p) => p.text).join("\n");
}

/** A co-author types over a paragraph: its runs give way to one run of `s`. */
export function typeOver(model: WordModel, p: XEl, s: string): void {
  for (const k of [...p.kids]) if (k.kind !== "el" || k.name !== "w:pPr") detach(k);
  append(p, el("w:r", [], [el("w:t", [["xml:space", "preserve"]], [text(s)])]));
  model.version++;
}

/** A co-author deletes a row of a table (tables as the reader numbers them). */
export function deleteRow(model: WordModel, table: number, row: number): void {
  const r = modelTables(model)[table]?.rows[row];
  if (!r) throw new Error(`no row ${row} in table ${table}`);
  detach(r.el);
  model.version++;
}

/** Reads the model as the pane reads Word: its snapshot, plan data and document XML. */
export async function paneRead(model: WordModel) {
  const read = must(await readOfficeDocument(wordModelHost(model).readHost));
  return {
    snapshot: read.read.snapshot,
    source: read.source,
    data: readDocument(read.read.snapshot, templates).data as DocumentPlanData,
  };
}
