/**
 * The sample the preview opens with, fetched as soon as the page's script starts (before React
 * renders), so the file is in memory by the time the pane asks for it. The page's own server
 * serves it; nothing is uploaded.
 */
import { loadSample, samples } from "./samples";

const params = new URLSearchParams(window.location.search);

/** The template of the sample the page opens with (`?sample=` or the first one). */
export const firstSampleTemplate = params.get("sample") ?? samples[0]?.template ?? "";

type Loaded = { readonly ok: true; readonly data: Uint8Array } | { readonly ok: false };

const first = samples.find((s) => s.template === firstSampleTemplate);
// Settled into a value at once, so a failed fetch is never an unhandled rejection.
let pending: Promise<Loaded> | undefined =
  params.get("empty") === null && first
    ? loadSample(first).then(
        (data): Loaded => ({ ok: true, data }),
        (): Loaded => ({ ok: false }),
      )
    : undefined;

/** The first sample's bytes, once (later openings fetch again), or undefined when none was started. */
export function takeFirstSample(template: string): Promise<Uint8Array> | undefined {
  if (!pending || template !== firstSampleTemplate) return undefined;
  const loading = pending;
  pending = undefined;
  return loading.then((r) => {
    if (!r.ok) throw new Error("The sample could not be loaded.");
    return r.data;
  });
}
