// A deployment under a sub-path: the build is made with PLANASSIST_PUBLIC_URL at
// https://plans.example.org/sub/path/ and served under /sub/path/ by the test server. Every page
// must load its scripts, chunks and assets from beside itself, not from the domain's root.
import { readFileSync } from "node:fs";
import path from "node:path";
import { assert, test } from "./support/harness.mjs";

/** Records every response of the page: its URL path and status. */
function responses(page) {
  const seen = [];
  page.on("response", (r) => seen.push({ path: new URL(r.url()).pathname, status: r.status() }));
  return seen;
}

test("the deployed manifest points at the sub-path, and no page asks for a file from the root", async ({
  buildDir,
  publicUrl,
}) => {
  const manifest = readFileSync(path.join(buildDir, "manifest.xml"), "utf8");
  assert.ok(manifest.includes(`${publicUrl}taskpane.html`), "the pane's URL is under the sub-path");
  assert.ok(!manifest.includes("localhost"), "no localhost URL is left");
  for (const name of ["taskpane", "commands", "preview"]) {
    const html = readFileSync(path.join(buildDir, `${name}.html`), "utf8");
    const refs = [...html.matchAll(/\b(?:src|href)=(?:"([^"]*)"|([^\s">]+))/g)].map(
      (m) => m[1] ?? m[2],
    );
    assert.ok(refs.length > 0, `${name}.html refers to its files`);
    const fromRoot = refs.filter((r) => r.startsWith("/"));
    assert.deepEqual(fromRoot, [], `${name}.html asks for files from the domain's root`);
  }
});

test("the preview served under a sub-path loads its scripts and sample from there and shows the plan", async ({
  page,
  subPathUrl,
  consoleErrors,
}) => {
  const seen = responses(page);
  const sub = new URL(subPathUrl).pathname;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${subPathUrl}/preview.html`, { waitUntil: "load" });
  const pane = page.getByTestId("pane");
  await pane.getByRole("heading", { level: 2 }).first().waitFor({ timeout: 15_000 });
  const scripts = seen.filter((r) => r.path.endsWith(".js"));
  assert.ok(scripts.length > 1, "the page loaded its scripts");
  assert.deepEqual(
    seen.filter((r) => !r.path.startsWith(`${sub}/`)).map((r) => r.path),
    [],
    "every file came from the sub-path",
  );
  assert.deepEqual(
    seen.filter((r) => r.status >= 400),
    [],
  );
  assert.ok(
    seen.some((r) => r.path.endsWith(".docx")),
    "the sample document came from there",
  );
  assert.deepEqual(consoleErrors, []);
});

test("the task pane served under a sub-path loads all its own scripts from there and renders", async ({
  page,
  subPathUrl,
}) => {
  const seen = responses(page);
  const sub = new URL(subPathUrl).pathname;
  await page.goto(`${subPathUrl}/taskpane.html`, { waitUntil: "load" });
  // Office.js is blocked in the tests (it is not on the test server); the pane's own code runs.
  await page.waitForFunction(
    () => (document.getElementById("root")?.childElementCount ?? 0) > 0,
    null,
    {
      timeout: 15_000,
    },
  );
  const own = seen.filter((r) => r.path.endsWith(".js"));
  assert.ok(own.length > 1, "the pane loaded its scripts");
  assert.deepEqual(
    own.filter((r) => !r.path.startsWith(`${sub}/`) || r.status !== 200),
    [],
  );
});
