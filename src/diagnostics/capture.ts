/**
 * A capture: the answers one Word gave to the diagnostics page's probes (src/diagnostics/probes.ts),
 * saved as JSON by the person who ran it and kept in tests/office/captures. The tests' Word
 * (tests/office/word-model.ts) takes its variants from a capture, and a test replays each one.
 *
 * Each answer says how it is known: "measured" (the page asked a real Word), "documented"
 * (Microsoft's documentation or an office-js issue says it; `source` names it) or "assumed"
 * (nothing says; the model's choice until a measured capture arrives).
 */
import { z } from "zod";

export const CAPTURE_FORMAT = "planassist-word-capture";

const basis = z.enum(["measured", "documented", "assumed"]);

const answer = <T extends z.ZodType>(value: T) =>
  z.object({ value, basis, source: z.string().optional() }).strict();

const captureSchema = z
  .object({
    format: z.literal(CAPTURE_FORMAT),
    version: z.literal(1),
    /** Which Word answered (Office.context.diagnostics), and the WordApi sets it has. */
    word: z
      .object({
        platform: z.string().optional(),
        version: z.string().optional(),
        sets: z.array(z.string()),
      })
      .strict(),
    answers: z
      .object({
        /** Two tables with nothing between them are one table after the insert. */
        touchingTablesJoined: answer(z.boolean()),
        /** `.text` of a Wingdings run holding U+00A1 (code points, "U+00A1"). */
        symbolRunText: answer(z.string()),
        /** `.text` of a `w:sym` (Wingdings F0A1), as code points. */
        symText: answer(z.string()),
        /** `body.paragraphs` gives an end-of-row mark after each table row. */
        paragraphsCountRowEnds: answer(z.boolean()),
        /** `body.tables` holds tables nested in cells too. */
        nestedTablesInBodyTables: answer(z.boolean()),
        /** `font.bold` of a paragraph holding a bold run and a plain one is null. */
        mixedFontIsNull: answer(z.boolean()),
        /** What `insertRows(..., [["a\nb"]])` makes of the "\n": paragraphs, a line break, or text. */
        insertRowsLineBreak: answer(z.enum(["paragraphs", "break", "text"])),
        /** `insertOoxml(..., "After")` on a table adds an empty paragraph after what it inserts. */
        insertOoxmlTrailingParagraph: answer(z.boolean()),
        /** `getOnlyItemOrNullObject` is a null object with no part of the namespace. */
        customXmlNoneIsNull: answer(z.boolean().nullable()),
        /** ... and with two parts of the namespace. */
        customXmlTwoIsNull: answer(z.boolean().nullable()),
        /** With `changeTrackingMode` "TrackAll", replaced text stays as a tracked deletion. */
        trackedReplaceKeepsDeletion: answer(z.boolean().nullable()),
        /** ... a row deleted stays in `rowCount`. */
        trackedRowStaysCounted: answer(z.boolean().nullable()),
        /** ... a paragraph's `.text` includes the deleted text. */
        trackedTextIncludesDeleted: answer(z.boolean().nullable()),
      })
      .strict(),
  })
  .strict();

export type WordCapture = z.infer<typeof captureSchema>;
export type CaptureAnswers = WordCapture["answers"];
type CaptureKey = keyof CaptureAnswers;
/** The answers alone, without how each is known. */
export type CaptureValues = { [K in CaptureKey]: CaptureAnswers[K]["value"] };

/** Unicode code points of a text, as "U+0028 U+00A1" (document text kept out of the file). */
export function codePoints(s: string): string {
  return [...s]
    .map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`)
    .join(" ");
}

/** Reads a capture file; a sentence saying what is wrong when it is not one. */
export function parseCapture(
  json: string,
): { ok: true; capture: WordCapture } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return {
      ok: false,
      message: "The file is not JSON: send the file the diagnostics page saved, unchanged.",
    };
  }
  const r = captureSchema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues[0];
    return {
      ok: false,
      message: `The file is not a PlanAssist Word capture (${first ? `${first.path.join(".") || "top"}: ${first.message}` : "unknown problem"}).`,
    };
  }
  return { ok: true, capture: r.data };
}
