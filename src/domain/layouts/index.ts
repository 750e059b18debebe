/**
 * The layouts, one module each: recognition, the plan reader and the pane's guidance find a
 * section's layout here and call it. Adding a layout is a module in this folder and a line below.
 */
import type { SectionDefinition } from "../template-definition";
import type { Layout, LayoutKind, SectionOf } from "./layout";
import { choiceMatrixLayout } from "./choice-matrix";
import { fixedRowsLayout } from "./fixed-rows";
import { formLayout } from "./form";
import { paragraphLayout } from "./paragraph";
import { ratingLayout } from "./rating";
import { rowsLayout } from "./rows";
import { signatureLineLayout } from "./signature-line";

/** Every layout by its kind. */
const layouts: { readonly [K in LayoutKind]: Layout<SectionOf<K>> } = Object.freeze({
  paragraph: paragraphLayout,
  rows: rowsLayout,
  form: formLayout,
  "fixed-rows": fixedRowsLayout,
  "choice-matrix": choiceMatrixLayout,
  rating: ratingLayout,
  "signature-line": signatureLineLayout,
});

/** The layout of a section. */
export function layoutOf(section: SectionDefinition): Layout<SectionDefinition> {
  return layouts[section.layout] as Layout<SectionDefinition>;
}

/** The kinds of layout there are a module for. */
export function layoutKinds(): LayoutKind[] {
  return Object.keys(layouts) as LayoutKind[];
}
