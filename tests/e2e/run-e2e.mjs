// Browser tests: builds the add-in for production, serves the build on 127.0.0.1, and runs every
// tests/e2e/*.e2e.mjs in headless Chromium (Debian's package, driven by playwright-core).
// Prints one line per test and a final "N passed, N failed" line; exits non-zero on any failure.
//
//   node tests/e2e/run-e2e.mjs [--no-build] [--grep TEXT]
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { launchBrowser } from "./support/browser.mjs";
import { serveStatic } from "./support/static-server.mjs";
import { _registered, _setCurrentFile } from "./support/harness.mjs";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const buildDir = path.join(root, "test-results", "e2e-build");
const args = process.argv.slice(2);
const grepAt = args.indexOf("--grep");
const grep = grepAt >= 0 ? args[grepAt + 1] : undefined;
// The build is made for a deployment under a sub-path, and served both there and at the root:
// its pages must load their scripts relative to their own address.
const PUBLIC_URL = "https://plans.example.org/sub/path/";
const SUB_PATH = new URL(PUBLIC_URL).pathname;

async function build() {
  const webpack = require("webpack");
  const makeConfig = require(path.join(root, "webpack.config.js"));
  const config = makeConfig(
    { out: buildDir, quiet: true, publicUrl: PUBLIC_URL },
    { mode: "production" },
  );
  await new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats.hasErrors()) {
        return reject(new Error(stats.toString({ all: false, errors: true, colors: false })));
      }
      resolve();
    });
  });
}

function withTimeout(promise, ms, name) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).catch((e) => {
    throw Object.assign(e instanceof Error ? e : new Error(String(e)), { testName: name });
  });
}

async function main() {
  const files = readdirSync(here)
    .filter((f) => f.endsWith(".e2e.mjs"))
    .sort();
  for (const f of files) {
    _setCurrentFile(f);
    await import(pathToFileURL(path.join(here, f)).href);
  }
  const tests = _registered().filter(
    (t) => !grep || t.name.includes(grep) || t.file.includes(grep),
  );
  if (tests.length === 0) {
    console.log("0 passed, 0 failed");
    return 0;
  }
  if (!args.includes("--no-build")) await build();
  const server = await serveStatic(buildDir, { subPath: SUB_PATH });
  let browser;
  try {
    browser = await launchBrowser();
  } catch (e) {
    await server.close();
    console.error(e.message);
    console.log(`0 passed, ${tests.length} failed`);
    return 1;
  }
  const serverOrigin = new URL(server.url).origin;
  let passed = 0;
  let failed = 0;
  for (const t of tests) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests = [];
    const outsideRequests = [];
    const consoleErrors = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      requests.push(url);
      const local =
        url.startsWith(`${serverOrigin}/`) || url.startsWith("data:") || url.startsWith("blob:");
      if (local) return route.continue();
      outsideRequests.push(url);
      return route.abort("blockedbyclient");
    });
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(`page error: ${e.message}`));
    const started = Date.now();
    try {
      await withTimeout(
        Promise.resolve(
          t.fn({
            page,
            context,
            browser,
            baseUrl: server.url,
            publicUrl: PUBLIC_URL,
            subPathUrl: `${server.url}${SUB_PATH.replace(/\/$/, "")}`,
            buildDir,
            requests,
            outsideRequests,
            consoleErrors,
          }),
        ),
        t.timeout,
        t.name,
      );
      passed++;
      console.log(`ok   ${t.name} (${t.file}, ${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      const message = (e?.message ?? String(e)).split("\n").slice(0, 6).join("\n     ");
      console.log(`FAIL ${t.name} (${t.file})\n     ${message}`);
    } finally {
      await context.close().catch(() => {});
    }
  }
  await browser.close();
  await server.close();
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`Browser tests could not run: ${e?.message ?? e}`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
