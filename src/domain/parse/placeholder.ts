/**
 * Placeholders: what a template or a hurried person leaves in a field instead of a value.
 */
import { normaliseSpace } from "./parsed";
import { memoKey, type DocumentContext } from "../document-context";

type PlaceholderKind =
  /** Nothing, or only white space, underscores, dots or a lone currency sign. */
  | "blank"
  /** Template filler: `<Insert district name>`, `[name]`, `____`, `XXX`, "to be determined". */
  | "placeholder"
  /** "N/A" and its spellings: a real answer where a field is optional, a gap where it is required. */
  | "not-applicable"
  /** "ASAP", "soon", "ongoing": not a date anyone can hold to. */
  | "vague-time";

const placeholderWords: ReadonlySet<string> = new Set([
  "tbd",
  "tba",
  "tbc",
  "to be determined",
  "to be decided",
  "to be announced",
  "to be confirmed",
  "insert",
  "insert here",
  "enter text",
  "enter text here",
  "click here to enter text",
  "click or tap here to enter text",
  "type here",
  "xxx",
  "xx",
  "x",
  "?",
  "??",
  "???",
  "lorem ipsum",
  "pending",
  "unknown",
  "name",
  "date",
  "same",
  "same as above",
  "see above",
  "ditto",
]);

const notApplicableWords: ReadonlySet<string> = new Set([
  "n/a",
  "na",
  "n.a.",
  "n.a",
  "not applicable",
  "none",
  "nil",
]);

const vagueTimeWords: ReadonlySet<string> = new Set([
  "asap",
  "a.s.a.p.",
  "soon",
  "as soon as possible",
  "ongoing",
  "on going",
  "on-going",
  "later",
  "eventually",
  "when possible",
  "as needed",
]);

/** Says what kind of placeholder the text is, or undefined when it holds a real entry. */
export function placeholderKind(text: string, ctx?: DocumentContext): PlaceholderKind | undefined {
  // The rules and the reader ask about the same texts many times: the document's context keeps
  // the answers.
  return ctx ? (ctx.of(kinds, text, kindOrNull) ?? undefined) : kindOf(text);
}

/** Kinds by text; `null` for a real entry, so that answer is kept too. */
const kinds = memoKey<string, PlaceholderKind | null>("placeholder kind");
const kindOrNull = (text: string) => kindOf(text) ?? null;

function kindOf(text: string): PlaceholderKind | undefined {
  const t = normaliseSpace(text);
  if (t === "" || /^[\s_.\-–—$•·*]*$/.test(t)) return "blank";
  if (/^<[^<>]*>$/.test(t) || /^\[[^[\]]*\]$/.test(t) || /^\{[^{}]*\}$/.test(t))
    return "placeholder";
  if (/_{3,}/.test(t)) {
    const rest = t.replace(/_/g, "").trim();
    if (rest.length < 3 || /^[^:]{1,40}:$/.test(rest)) return "placeholder";
  }
  const lower = t.toLowerCase();
  const bare = lower.replace(/[.!:;,]+$/, "");
  if (notApplicableWords.has(lower) || notApplicableWords.has(bare)) return "not-applicable";
  if (placeholderWords.has(lower) || placeholderWords.has(bare)) return "placeholder";
  if (vagueTimeWords.has(lower) || vagueTimeWords.has(bare)) return "vague-time";
  if (/^<\s*insert\b/i.test(t) || /^\[\s*insert\b/i.test(t)) return "placeholder";
  return undefined;
}

/** True when the text holds a real entry (not blank, not a placeholder, not "N/A"). */
export function hasEntry(text: string, ctx?: DocumentContext): boolean {
  return placeholderKind(text, ctx) === undefined;
}

/** Plain-language explanation and fix for a placeholder kind, for a field that needs a value. */
export function placeholderMessage(kind: PlaceholderKind): { code: string; message: string } {
  switch (kind) {
    case "blank":
      return { code: "field_blank", message: "This field is blank. Fill it in." };
    case "placeholder":
      return {
        code: "field_placeholder",
        message:
          "This field still holds placeholder text (such as TBD, ____ or <Insert ...>). Replace it with the real entry.",
      };
    case "not-applicable":
      return {
        code: "field_not_applicable",
        message: 'This field is required, so "N/A" is not accepted. Give the real entry.',
      };
    case "vague-time":
      return {
        code: "field_vague_time",
        message:
          '"ASAP", "soon" or "ongoing" is not a date anyone can hold to. Give a date such as 9/15/2026.',
      };
  }
}
