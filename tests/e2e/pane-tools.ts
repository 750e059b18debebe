/**
 * Node-side helpers for the pane's browser tests, bundled by esbuild when the tests start: read a
 * .docx with the .docx adapter and the plan reader, as the command line does.
 */
import { openDocx } from "../../src/adapters/docx/docx-file";
import { readDocument } from "../../src/domain/plan-reader";
import type { DocumentPlanData } from "../../src/domain/plan-data";
import { templates } from "../../src/templates";

export { joinedDocx } from "../helpers/join-tables";

export function readPlanData(bytes: Uint8Array): DocumentPlanData {
  const opened = openDocx(bytes);
  if (!opened.ok) throw new Error(`${opened.error.code}: ${opened.error.message}`);
  return readDocument(opened.value.read.snapshot, templates).data;
}

export function recognisedTemplate(bytes: Uint8Array): string | undefined {
  const opened = openDocx(bytes);
  if (!opened.ok) return undefined;
  return readDocument(opened.value.read.snapshot, templates).recognition.recognised?.template;
}
