/**
 * Node-side helpers for the diagnostics page's browser test, bundled by esbuild when it starts:
 * a capture saved by the page is read and replayed in the tests' Word, as
 * tests/office/word-capture.test.ts replays the captures kept in tests/office/captures.
 */
import { parseCapture } from "../../src/diagnostics/capture";
import { runProbes, type ProbeHost } from "../../src/diagnostics/probes";
import { minimalDocx } from "../helpers/make-docx";
import { captureValues, modelOptionsFromCapture } from "../office/word-capture";
import { WordModel, wordModelHost } from "../office/word-model";

/** The capture's own answers and what the model set up from it answers. */
export async function replayCapture(json: string) {
  const r = parseCapture(json);
  if (!r.ok) throw new Error(r.message);
  const model = WordModel.fromDocx(minimalDocx("<w:p/>"), modelOptionsFromCapture(r.capture));
  const replayed = await runProbes(wordModelHost(model).host as unknown as ProbeHost);
  return { capture: r.capture, expected: captureValues(r.capture), replayed };
}
