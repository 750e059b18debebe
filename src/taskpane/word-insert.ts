/**
 * The blank templates the pane in Word can insert: the product's own sample files (the same the
 * preview offers), fetched from the add-in's server when first asked for.
 */
import { err, ok, type Result } from "../domain/result";
import { loadSample, samples } from "../preview/samples";

export async function blankTemplateFile(template: string): Promise<Result<Uint8Array>> {
  const sample = samples.find((s) => s.template === template);
  if (!sample) {
    return err("plan_data_invalid", `There is no blank copy of the template "${template}".`);
  }
  try {
    return ok(await loadSample(sample));
  } catch {
    return err(
      "office_unavailable",
      "The blank template could not be loaded from the add-in. Check that the add-in is still running, then try again.",
    );
  }
}
