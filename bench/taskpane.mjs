// The task pane: its initial JavaScript (minified and gzipped), and the time from navigation to the
// first interactive screen in headless Chromium with a template loaded (the preview page opens the
// sample DDTT plan), median of 5.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { outDir } from "./build.mjs";
import { findChromium, launchBrowser } from "../tests/e2e/support/browser.mjs";
import { serveStatic } from "../tests/e2e/support/static-server.mjs";

const require = createRequire(import.meta.url);

async function buildWeb(root, out) {
  const webpack = require("webpack");
  const makeConfig = require(path.join(root, "webpack.config.js"));
  const config = makeConfig({ out, quiet: true }, { mode: "production" });
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

/** The local scripts a page loads as it opens (its <script src> tags), gzipped sizes summed. */
function initialScripts(dir, page) {
  const html = readFileSync(path.join(dir, page), "utf8");
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
  const local = scripts.filter((s) => !/^[a-z]+:\/\//i.test(s) && !s.startsWith("//"));
  let raw = 0;
  let gz = 0;
  for (const s of local) {
    const bytes = readFileSync(path.join(dir, s.replace(/^\//, "").split("?")[0]));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gz, count: local.length, external: scripts.length - local.length };
}

export async function run({ root, figure, quick }) {
  const dir = path.join(outDir, "web");
  // --reuse-web: measure the last build again (while working on the bench itself).
  if (!process.argv.includes("--reuse-web")) await buildWeb(root, dir);
  const pane = initialScripts(dir, "taskpane.html");
  figure("task pane initial JavaScript, gzipped", pane.gz / 1024, "KB", {
    baseline: "target",
    baselineValue: 200,
    higherIsBetter: false,
    note: `${pane.count} scripts, ${Math.round(pane.raw / 1024)} KB minified${pane.external ? `; Office.js (${pane.external} external script) not counted` : ""}`,
  });

  if (!findChromium()) {
    console.log("# Chromium is not installed: first interactive screen not measured");
    return;
  }
  const server = await serveStatic(dir);
  const browser = await launchBrowser();
  try {
    const times = [];
    for (let i = 0; i < (quick ? 3 : 5); i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/preview.html`, { waitUntil: "commit" });
      // The pane's overview of the loaded plan: its progress bar and section list. Reported in
      // the page's own clock, which starts at navigation.
      const handle = await page.waitForFunction(
        () =>
          globalThis.document.querySelector('[data-testid="pane"] [role="progressbar"]') &&
          globalThis.document.querySelector(
            '[data-testid="pane"] li, [data-testid="pane"] [role="listitem"]',
          )
            ? performance.now()
            : false,
        null,
        { polling: 10, timeout: 30_000 },
      );
      times.push(await handle.jsonValue());
      await context.close();
    }
    times.sort((a, b) => a - b);
    figure(
      "preview: navigation to first interactive screen",
      times[Math.floor(times.length / 2)],
      "ms",
      {
        baseline: "target",
        baselineValue: 1000,
        higherIsBetter: false,
        note: `headless Chromium, sample DDTT plan loaded, median of ${times.length} (${times.map((t) => Math.round(t)).join(", ")})`,
      },
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
