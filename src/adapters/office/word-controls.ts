/**
 * Cell paragraphs that Word's text calls would break, written as the .docx path writes them.
 *
 * `insertText(..., "Replace")` on a paragraph puts one run of text in place of everything in it,
 * with the formatting of its start (#4276): a `w14:checkbox` content control or a legacy form
 * field (check box or text field) becomes plain text, a bookmark goes, and a value written after
 * a bold label turns bold. Word's API has no call that sets a legacy form field, and the check box
 * control's own property (`checkboxContentControl.isChecked`) needs WordApi 1.7, which Office
 * LTSC 2021 and 2019 lack (docs: "Word JavaScript API requirement sets"). So such a paragraph
 * gets the contents the .docx path's own edit code gives it (`applyEditPlan`: the control's
 * state and glyph, the field's result between its separate and end marks, the value in its own
 * run with the answer's formatting), inserted as OOXML over the paragraph's "Content" range: the
 * range between its start and end, without the paragraph mark (docs: Word.RangeLocation,
 * WordApi 1.3; `Range.insertOoxml`, WordApi 1.1), so the paragraph keeps its own properties and
 * no paragraph is added (a whole-paragraph insert can add one: #116, #874, #6904).
 *
 * A paragraph of plain runs that all look alike (and stays so) is still written with the native
 * text calls, which are cheaper and keep Word's undo.
 */
import type { DocumentSnapshot } from "../../domain/snapshot";
import type { AppliedPlan } from "../../ooxml/edit/apply";
import { flatOpcPackage } from "../../ooxml/package";
import { readWordDocument, type WordIndex } from "../../ooxml/wordml";
import { attributes, parseXml, type XmlDocument, type XmlElement } from "../../ooxml/xml";
import type { WParagraph } from "./word-api";
import type { RunFont, Target } from "./write-targets";

/** A paragraph's range between its start and end, without its mark (docs: Word.RangeLocation). */
interface WContentRange {
  insertOoxml(ooxml: string, location: "Replace"): unknown;
}

/** A paragraph proxy with `getRange("Content")` (WordApi 1.3). */
type WParagraphWithRange = WParagraph & { getRange(location: "Content"): WContentRange };

const isContent = (e: Target["edit"]) =>
  e.kind === "set-text" || e.kind === "set-choice" || e.kind === "set-marks";
const local = (name: string) => name.slice(name.indexOf(":") + 1);
const elements = (el: XmlElement) =>
  el.children.filter((c): c is XmlElement => c.kind === "element");

/** Run children that a text call writes and reads back as they are. */
const PLAIN_RUN_CHILDREN = new Set(["rPr", "t", "tab", "br", "lastRenderedPageBreak"]);
/** Paragraph children that hold nothing a text call would lose. */
const HARMLESS = new Set(["pPr", "proofErr"]);
/** Revision marks: their runs are looked into (Track Changes is handled by the text calls). */
const REVISIONS = new Set(["ins", "del", "moveFrom", "moveTo"]);

/**
 * The run properties (their XML) of a plain paragraph's text ("" for none, or an empty
 * paragraph), or undefined when the paragraph is not plain (see `isPlainParagraph`).
 */
function plainLook(doc: XmlDocument, p: XmlElement): string | undefined {
  const looks = new Set<string>();
  const walk = (el: XmlElement): boolean => {
    for (const c of elements(el)) {
      const name = local(c.name);
      if (HARMLESS.has(name)) continue;
      if (REVISIONS.has(name)) {
        if (!walk(c)) return false;
        continue;
      }
      if (name !== "r") return false;
      const kids = elements(c);
      if (kids.some((k) => !PLAIN_RUN_CHILDREN.has(local(k.name)))) return false;
      const rPr = kids.find((k) => local(k.name) === "rPr");
      if (kids.some((k) => local(k.name) !== "rPr"))
        looks.add(rPr ? doc.source.slice(rPr.start, rPr.end) : "");
    }
    return true;
  };
  return walk(p) && looks.size <= 1 ? ([...looks][0] ?? "") : undefined;
}

/**
 * The font properties the first run with text of a paragraph sets itself (its `w:rPr`): what a
 * text call must put on a value so that it looks as the .docx path makes it, and nothing the
 * paragraph's style already gives.
 */
function directLook(p: XmlElement): RunFont {
  const runs: XmlElement[] = [];
  const walk = (el: XmlElement) => {
    for (const c of elements(el)) {
      if (local(c.name) === "r") runs.push(c);
      else if (local(c.name) !== "pPr") walk(c);
    }
  };
  walk(p);
  const run = runs.find((r) => elements(r).some((k) => local(k.name) === "t"));
  const rPr = run && elements(run).find((k) => local(k.name) === "rPr");
  if (!rPr) return {};
  const prop = (name: string) => elements(rPr).find((k) => local(k.name) === name);
  const val = (el: XmlElement | undefined, name: string) =>
    el ? [...attributes(el)].find(([k]) => local(k) === name)?.[1] : undefined;
  const on = (el: XmlElement) => !["0", "false", "off"].includes(val(el, "val") ?? "");
  const out: { -readonly [K in keyof RunFont]: RunFont[K] } = {};
  const fonts = prop("rFonts");
  const name = val(fonts, "ascii") ?? val(fonts, "hAnsi");
  if (name) out.name = name;
  const size = Number(val(prop("sz"), "val"));
  if (Number.isFinite(size) && size > 0) out.size = size / 2;
  const color = val(prop("color"), "val");
  if (color && /^[0-9a-fA-F]{6}$/.test(color)) out.color = `#${color.toUpperCase()}`;
  const b = prop("b");
  if (b) out.bold = on(b);
  const i = prop("i");
  if (i) out.italic = on(i);
  return out;
}

/** The k-th paragraph of a cell, or a body paragraph, of an index. */
function paragraphAt(
  index: WordIndex,
  slot: Target["slots"][number],
  k: number,
): XmlElement | undefined {
  if (slot.kind === "paragraph") return index.paragraphs[slot.paragraph];
  return index.tables[slot.table]?.rows[slot.row]?.cells[slot.cell]?.paragraphs[slot.from + k];
}

/** A flat OPC package holding one paragraph of a document (its namespace declarations kept). */
function paragraphPackage(doc: XmlDocument, body: XmlElement, paragraph: string): string {
  const root = doc.root;
  const open = (el: XmlElement) => doc.source.slice(el.start, el.openEnd).replace(/\s*\/>$/, ">");
  return flatOpcPackage(`${open(root)}${open(body)}${paragraph}</${body.name}></${root.name}>`);
}

/**
 * Marks, on each content target written in rows as read, the cell paragraphs to write as OOXML
 * (`t.ooxml[k]`: the package of the paragraph as the .docx path leaves it) and those the .docx
 * path leaves as they are (`null`: nothing to write). The read-back then expects what the reader
 * makes of the .docx path's paragraph (`wanted`). Without the .docx path's result (the document's
 * XML was not given), paragraphs holding a check box are left alone: see `unwritableBoxes`.
 */
export function markControlWrites(
  ts: readonly Target[],
  wanted: (readonly string[])[],
  applied: AppliedPlan | undefined,
  source: string | undefined,
): void {
  if (!applied || source === undefined) return;
  let prior: { doc: XmlDocument; index: WordIndex } | undefined;
  let final: { doc: XmlDocument; index: WordIndex; snapshot: DocumentSnapshot } | undefined;
  const load = () => {
    if (!prior) {
      const doc = parseXml(applied.structured?.source ?? source);
      prior = { doc, index: readWordDocument(doc).index };
    }
    if (!final) {
      const doc = parseXml(applied.source);
      const read = readWordDocument(doc);
      final = { doc, index: read.index, snapshot: read.snapshot };
    }
    return { prior, final };
  };
  ts.forEach((t, i) => {
    const e = t.edit;
    if ((e.kind !== "set-text" && e.kind !== "set-choice" && e.kind !== "set-marks") || t.inAdded)
      return;
    // Radio circles are written with their own calls (office-js #2368), in any paragraph.
    if (e.kind === "set-choice" && e.style.kind === "radio") return;
    const marks: (string | null | undefined)[] = [];
    const looks: (RunFont | undefined)[] = [];
    const want = [...(wanted[i] ?? [])];
    let k = 0;
    let any = false;
    for (const s of t.slots) {
      const count = s.kind === "cell" ? s.count : 1;
      for (let j = 0; j < count; j++, k++) {
        if (s.kind !== "cell") {
          marks.push(undefined);
          continue;
        }
        const { prior: a, final: b } = load();
        const before = paragraphAt(a.index, s, j);
        const after = paragraphAt(b.index, s, j);
        if (!before || !after) {
          marks.push(undefined);
          continue;
        }
        const was = a.doc.source.slice(before.start, before.end);
        const now = b.doc.source.slice(after.start, after.end);
        // Text calls give the text the look of the paragraph's start (#4276): they do where
        // the paragraph was empty, or its text already looks as the value will.
        const lookBefore = plainLook(a.doc, before);
        const lookAfter = plainLook(b.doc, after);
        // An empty paragraph's text takes its mark's run properties.
        const pPr = elements(before).find((c) => local(c.name) === "pPr");
        const mark = pPr && elements(pPr).find((c) => local(c.name) === "rPr");
        const emptyBefore = !elements(before).some((c) => local(c.name) !== "pPr");
        const start = emptyBefore
          ? mark
            ? a.doc.source.slice(mark.start, mark.end)
            : ""
          : lookBefore;
        const alike = (x: string | undefined, y: string) =>
          x === y || ((x === "" || x === "<w:rPr/>") && (y === "" || y === "<w:rPr/>"));
        if (lookBefore !== undefined && lookAfter !== undefined && alike(start, lookAfter)) {
          marks.push(undefined);
          looks[k] = directLook(after);
          continue;
        }
        any = true;
        want[k] =
          b.snapshot.tables[s.table]?.rows[s.row]?.cells[s.cell]?.paragraphs[s.from + j]?.text ??
          want[k] ??
          "";
        marks.push(was === now ? null : paragraphPackage(b.doc, b.index.body, now));
      }
    }
    t.looks = looks;
    if (!any) return;
    t.ooxml = marks;
    wanted[i] = want;
  });
}

/**
 * Targets whose paragraphs hold a check box control or form field while the .docx path's result
 * is not at hand (no document XML given): writing them as text would break the box, so they are
 * left out of the write, and the read-back reports them as not written.
 */
export function unwritableBoxes(
  ts: readonly Target[],
  after: DocumentSnapshot,
  applied: AppliedPlan | undefined,
): Set<Target> {
  const out = new Set<Target>();
  if (applied) return out;
  for (const t of ts) {
    if (!isContent(t.edit) || t.inAdded) continue;
    const boxed = t.slots.some(
      (s) =>
        s.kind === "cell" &&
        (after.tables[s.table]?.rows[s.row]?.cells[s.cell]?.paragraphs ?? [])
          .slice(s.from, s.from + s.count)
          .some((p) =>
            p.glyphs.some((g) => g.source === "checkbox-control" || g.source === "form-field"),
          ),
    );
    if (boxed) out.add(t);
  }
  return out;
}

/** Queues the OOXML write of one paragraph over its "Content" range. */
export function queueParagraphOoxml(p: WParagraph, ooxml: string): void {
  (p as WParagraphWithRange).getRange("Content").insertOoxml(ooxml, "Replace");
}

/** Markup a text call wipes: content controls, fields (form fields too) and bookmarks. */
const MARKUP = new Set(["sdt", "fldChar", "fldSimple", "ffData", "bookmarkStart"]);

function holdsMarkup(p: XmlElement): boolean {
  const walk = (el: XmlElement): boolean =>
    elements(el).some((c) => MARKUP.has(local(c.name)) || walk(c));
  return walk(p);
}

/**
 * For revert: the packages of a recorded cell's (`<w:tc>`) or body paragraph's (`<w:p>`)
 * earlier paragraphs that hold a content control, field or bookmark (which text calls cannot
 * give back), read under the document's namespace declarations; undefined for the others.
 */
export function earlierParagraphPackages(
  read: { readonly doc: XmlDocument; readonly result: { readonly index: WordIndex } },
  fragment: string,
  kind: "cell" | "paragraph",
): (string | undefined)[] {
  const n = read.result.index.names;
  const root = read.doc.root;
  const open = read.doc.source.slice(root.start, root.openEnd).replace(/\s*\/>$/, ">");
  const body = read.result.index.body.name;
  const inner = kind === "cell" ? `<${n.tbl}><${n.tr}>${fragment}</${n.tr}></${n.tbl}>` : fragment;
  let doc: XmlDocument;
  try {
    doc = parseXml(`${open}<${body}>${inner}</${body}></${root.name}>`);
  } catch {
    return [];
  }
  const index = readWordDocument(doc).index;
  const ps =
    kind === "cell"
      ? (index.tables[0]?.rows[0]?.cells[0]?.paragraphs ?? [])
      : index.paragraphs.slice(0, 1);
  return ps.map((p) =>
    holdsMarkup(p)
      ? paragraphPackage(doc, index.body, doc.source.slice(p.start, p.end))
      : undefined,
  );
}
