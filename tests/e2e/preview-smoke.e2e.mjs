// Smoke tests of the production build: the preview loads under its Content Security Policy, and
// the pages meant for Office load Office.js from Microsoft's CDN and nothing else from outside.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { assert, test } from "./support/harness.mjs";

function cspDirectives(policy) {
  return Object.fromEntries(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

test("the preview page loads with its title and a Content Security Policy in a meta tag and a header", async ({
  page,
  baseUrl,
  outsideRequests,
  consoleErrors,
}) => {
  const response = await page.goto(`${baseUrl}/preview.html`, { waitUntil: "load" });
  assert.equal(response?.status(), 200);
  assert.match(await page.title(), /PlanAssist/);
  const meta = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  assert.ok(meta, "the page has a CSP meta tag");
  assert.equal(response?.headers()["content-security-policy"], meta);
  const csp = cspDirectives(meta);
  assert.deepEqual(csp["script-src"], ["'self'"]);
  assert.ok(!meta.includes("unsafe-eval"), "no unsafe-eval");
  assert.ok(!meta.includes("appsforoffice"), "the preview does not load Office.js");
  assert.deepEqual(outsideRequests, []);
  const violations = consoleErrors.filter((m) => /Content Security Policy|Refused to/i.test(m));
  assert.deepEqual(violations, []);
});

test("the task pane and commands pages allow only Microsoft's Office.js origin besides their own", async ({
  buildDir,
}) => {
  for (const name of ["taskpane", "commands"]) {
    const html = readFileSync(path.join(buildDir, `${name}.html`), "utf8");
    const meta =
      /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? "";
    assert.ok(meta.length > 0, `${name}.html has a CSP`);
    assert.ok(!meta.includes("unsafe-eval"), `${name}.html forbids eval`);
    const origins = new Set(meta.match(/https?:\/\/[^\s;]+/g) ?? []);
    assert.deepEqual([...origins], ["https://appsforoffice.microsoft.com"]);
    const scripts = [...html.matchAll(/<script[^>]*src="?([^"\s>]+)/g)].map((m) => m[1]);
    const external = scripts.filter((s) => /^https?:/.test(s));
    assert.deepEqual(external, ["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    assert.ok(
      html.indexOf("Content-Security-Policy") < html.indexOf("<script"),
      "the CSP comes before any script",
    );
  }
});

test("the task pane's initial JavaScript stays under 200 KB gzipped", async ({ buildDir }) => {
  const html = readFileSync(path.join(buildDir, "taskpane.html"), "utf8");
  const local = [...html.matchAll(/<script[^>]*src="?([^"\s>]+)/g)]
    .map((m) => m[1])
    .filter((s) => !/^https?:/.test(s));
  assert.ok(local.length > 0, "the pane loads its own scripts");
  let gzipped = 0;
  for (const file of local) {
    const gz = gzipSync(readFileSync(path.join(buildDir, file)), { level: 9 });
    assert.ok(gunzipSync(gz).length > 0);
    gzipped += gz.length;
  }
  console.log(
    `     task pane initial JS: ${(gzipped / 1024).toFixed(1)} KB gzipped in ${local.length} files`,
  );
  assert.ok(gzipped < 200 * 1024, `initial JS is ${gzipped} bytes gzipped`);
});

test("the built manifest and icons are served with the add-in", async ({ page, baseUrl }) => {
  for (const file of [
    "manifest.xml",
    "assets/icon-16.png",
    "assets/icon-32.png",
    "assets/icon-64.png",
    "assets/icon-80.png",
  ]) {
    const r = await page.request.get(`${baseUrl}/${file}`);
    assert.equal(r.status(), 200, file);
  }
});
