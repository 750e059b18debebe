// Files in and out of the preview for the browser tests: opening a file through the page's file
// picker, downloading what the page offers, and reading a .docx back in Node with the project's
// own .docx adapter and plan reader (bundled by esbuild once, the first time they are asked for).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..", "..");

let tools;

/** `readPlanData(bytes)` and `recognisedTemplate(bytes)` (see tests/e2e/pane-tools.ts). */
export function paneTools() {
  if (!tools) {
    const out = path.join(root, "test-results", "pane-tools.cjs");
    buildSync({
      entryPoints: [path.join(here, "..", "pane-tools.ts")],
      bundle: true,
      platform: "node",
      format: "cjs",
      outfile: out,
      logLevel: "error",
    });
    tools = require(out);
  }
  return tools;
}

/** A template replica's bytes (tests/fixtures/templates). */
export function fixtureBytes(name) {
  return new Uint8Array(readFileSync(path.join(root, "tests", "fixtures", "templates", name)));
}

/** Opens a file in the preview through its file picker. */
export async function openPreviewFile(page, name, bytes) {
  await page.getByTestId("file-input").setInputFiles({
    name,
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: Buffer.from(bytes),
  });
}

/** Clicks Download and returns the name the page suggested and the bytes. */
export async function downloadFromPreview(page) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download" }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(await file.path())) };
}
