// The diagnostics page (src/diagnostics) in Chromium: with the tests' Word injected where Office.js
// puts Word, the checks are run by clicking, the capture is saved through the page's link, and the
// saved file parses and replays in the model as the kept captures do. Without any Word the page
// says so in a sentence.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import { assert, test } from "./support/harness.mjs";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const out = path.join(root, "test-results", "diagnostics");

let bundled;
/** The stand-in Word for the page, and the replay for Node, bundled once. */
function bundles() {
  if (!bundled) {
    const standIn = path.join(out, "word-stand-in.js");
    buildSync({
      entryPoints: [path.join(here, "word-stand-in.ts")],
      bundle: true,
      platform: "browser",
      format: "iife",
      outfile: standIn,
      logLevel: "error",
    });
    const tools = path.join(out, "capture-tools.cjs");
    buildSync({
      entryPoints: [path.join(here, "capture-tools.ts")],
      bundle: true,
      platform: "node",
      format: "cjs",
      outfile: tools,
      logLevel: "error",
    });
    bundled = { standIn, tools: require(tools) };
  }
  return bundled;
}

test("the diagnostics page runs its checks on the tests' Word and saves a capture that replays in the model", async ({
  page,
  baseUrl,
  consoleErrors,
}) => {
  const { standIn, tools } = bundles();
  await page.addInitScript({ path: standIn });
  await page.goto(`${baseUrl}/diagnostics.html`, { waitUntil: "load" });
  const status = page.getByRole("status");
  const run = page.getByRole("button", { name: "Run the checks" });
  await page.waitForFunction(() => !document.getElementById("run")?.disabled, null, {
    timeout: 15_000,
  });
  assert.match(await status.innerText(), /Ready\. Open a new blank document/);
  await run.click();
  await page.getByText("Done. The document is empty again.").waitFor({ timeout: 60_000 });
  const left = await page.evaluate(() => ({
    xml: globalThis.__wordStandIn.documentXml(),
    parts: globalThis.__wordStandIn.customXmlParts(),
    syncs: globalThis.__wordStandIn.syncs(),
  }));
  assert.doesNotMatch(left.xml, /<w:t\b/, "the scratch document is empty again");
  assert.equal(left.parts, 0, "no probe part is left");
  assert.ok(left.syncs > 0, "the checks went through the stand-in Word");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Save the answers" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "planassist-word-capture.json");
  const json = readFileSync(await download.path(), "utf8");
  assert.equal(json, await page.locator("#json").inputValue(), "the file is the text shown");
  const { capture, expected, replayed } = await tools.replayCapture(json);
  assert.equal(capture.word.version, "tests' Word");
  assert.ok(capture.word.sets.includes("WordApi 1.4"));
  assert.ok(Object.values(capture.answers).every((a) => a.basis === "measured"));
  assert.deepEqual(replayed, expected, "the model set up from the capture answers as the page did");
  assert.deepEqual(
    consoleErrors.filter(
      (e) => !/appsforoffice|ERR_BLOCKED_BY_CLIENT|Failed to load resource/.test(e),
    ),
    [],
  );
});

test("the diagnostics page without Word says so in a sentence, not a blank page or a stack trace", async ({
  page,
  baseUrl,
  consoleErrors,
}) => {
  await page.goto(`${baseUrl}/diagnostics.html`, { waitUntil: "load" });
  const status = page.getByRole("status");
  await page.getByText(/Word is not here/).waitFor({ timeout: 15_000 });
  assert.match(
    await status.innerText(),
    /^Word is not here\. Open this page from Word \(see the README: Checking PlanAssist against your Word\)\.$/,
  );
  assert.equal(await page.getByRole("button", { name: "Run the checks" }).isDisabled(), true);
  const body = await page.locator("body").innerText();
  assert.doesNotMatch(body, /\bat \w+ \(|Error:|undefined/);
  assert.deepEqual(
    consoleErrors.filter(
      (e) => !/appsforoffice|ERR_BLOCKED_BY_CLIENT|Failed to load resource/.test(e),
    ),
    [],
  );
});
