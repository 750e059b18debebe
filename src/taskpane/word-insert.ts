/**
 * "Insert blank template" in Word: fetches the template's .docx from the add-in's own server (the
 * same files the preview offers) and inserts it into the empty document. Loaded when first used.
 */
import { insertTemplateInWord, type WordInsertHost } from "../adapters/office/office-insert";
import { err, ok, type Result } from "../domain/result";
import { loadSample, samples } from "../preview/samples";

export async function insertTemplateFile(
  host: WordInsertHost,
  template: string,
): Promise<Result<void>> {
  const sample = samples.find((s) => s.template === template);
  if (!sample) {
    return err("plan_data_invalid", `There is no blank copy of the template "${template}".`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await loadSample(sample);
  } catch {
    return err(
      "office_unavailable",
      "The blank template could not be loaded from the add-in. Check that the add-in is still running, then try again.",
    );
  }
  const inserted = await insertTemplateInWord(host, bytes);
  return inserted.ok ? ok(undefined) : inserted;
}
