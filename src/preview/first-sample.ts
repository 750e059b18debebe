/**
 * The sample the preview opens with, fetched as soon as the page's script starts (before React
 * renders), so the page can show the pane with its document in its very first render. The page's
 * own server serves it; nothing is uploaded.
 */
import { loadSample, samples, type Sample } from "./samples";

const params = new URLSearchParams(window.location.search);

/** The template of the sample the page opens with (`?sample=` or the first one). */
const firstSampleTemplate = params.get("sample") ?? samples[0]?.template ?? "";

/** The sample the page opens with: its bytes, "failed" when it could not be fetched, or none. */
export type FirstSample =
  { readonly sample: Sample; readonly data: Uint8Array } | "failed" | undefined;

const first = samples.find((s) => s.template === firstSampleTemplate);

/**
 * Started when this module is first loaded; settled into a value at once, so a failed fetch is
 * never an unhandled rejection. `?empty` opens no sample.
 */
export const firstSample: Promise<FirstSample> =
  params.get("empty") === null && first
    ? loadSample(first).then(
        (data): FirstSample => ({ sample: first, data }),
        (): FirstSample => "failed",
      )
    : Promise.resolve(undefined);
