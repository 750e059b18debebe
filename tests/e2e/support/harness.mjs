// The browser-test harness: test files (tests/e2e/*.e2e.mjs) register tests with `test(name, fn)`;
// tests/e2e/run-e2e.mjs imports them and runs each in a fresh browser context.
//
//   import { test, assert } from "./support/harness.mjs";
//   test("the preview shows the sample plan", async ({ page, baseUrl, requests, consoleErrors }) => {
//     await page.goto(`${baseUrl}/preview.html`);
//     assert.equal(await page.title(), "PlanAssist preview");
//   });
//
// Each test gets: page, context, browser, baseUrl (the static server of the production build),
// publicUrl (the deployment address the build was made for, under a sub-path) and subPathUrl (the
// same files served by the test server under that sub-path, without a trailing slash),
// buildDir, requests (every URL the page asked for), outsideRequests (those not to the test
// server: they are blocked) and consoleErrors (console errors and CSP violations).
export { strict as assert } from "node:assert";

const registered = [];
let currentFile = "";

export function test(name, fn, options = {}) {
  registered.push({ name, fn, file: currentFile, timeout: options.timeout ?? 30_000 });
}

/** For the runner: set the file whose tests are being registered. */
export function _setCurrentFile(file) {
  currentFile = file;
}

/** For the runner: the registered tests. */
export function _registered() {
  return registered;
}
