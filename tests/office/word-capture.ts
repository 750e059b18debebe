/**
 * Captures from the diagnostics page (src/diagnostics) and the tests' Word: the model's options
 * for the Word a capture describes, and the captures kept in tests/office/captures.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseCapture, type CaptureValues, type WordCapture } from "../../src/diagnostics/capture";
import { joinTouchingTables } from "../helpers/join-tables";
import type { WordModelOptions } from "./word-model";

export const CAPTURES_DIR = path.join(__dirname, "captures");

/** Every capture kept in tests/office/captures, by file name. */
export function keptCaptures(): { file: string; capture: WordCapture }[] {
  return readdirSync(CAPTURES_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => {
      const r = parseCapture(readFileSync(path.join(CAPTURES_DIR, file), "utf8"));
      if (!r.ok) throw new Error(`${file}: ${r.message}`);
      return { file, capture: r.capture };
    });
}

/** The answers of a capture without how each is known. */
export function captureValues(capture: WordCapture): CaptureValues {
  return Object.fromEntries(
    Object.entries(capture.answers).map(([k, a]) => [k, a.value]),
  ) as CaptureValues;
}

/** The tests' Word set up as the Word a capture describes. */
export function modelOptionsFromCapture(capture: WordCapture): WordModelOptions {
  const a = capture.answers;
  return {
    variant: {
      rowEndParagraphs: a.paragraphsCountRowEnds.value,
      nestedTablesInBody: a.nestedTablesInBodyTables.value,
    },
    supported: capture.word.sets,
    revisionsInline: a.trackedTextIncludesDeleted.value ?? false,
    ...(a.touchingTablesJoined.value ? { join: joinTouchingTables } : {}),
  };
}
