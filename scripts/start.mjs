// `npm start`: builds the add-in and serves it over HTTPS on https://localhost:3000 for sideloading.
// Where Word is not installed (Linux), the same server also hosts the browser preview at
// /preview.html; the URL and the steps to sideload into Word on the web are printed.
//
// Certificates: the Office development certificates (office-addin-dev-certs) when they are already
// on this machine, or on Windows/macOS where Word needs a trusted certificate; otherwise a
// self-signed certificate that webpack-dev-server generates locally. Nothing is downloaded.
//
//   node scripts/start.mjs            serve until Ctrl+C
//   node scripts/start.mjs --smoke    start, fetch the pages once, print what was served, stop
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import https from "node:https";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { devHttpsOptions } = require("./web-config.cjs");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const smoke = process.argv.includes("--smoke");
const PORT = 3000;
const ORIGIN = `https://localhost:${PORT}`;

function wordInstalled() {
  if (process.platform === "darwin") return existsSync("/Applications/Microsoft Word.app");
  if (process.platform === "win32") {
    const dirs = [process.env.ProgramFiles, process.env["ProgramFiles(x86)"]].filter(Boolean);
    return dirs.some(
      (d) =>
        existsSync(path.join(d, "Microsoft Office", "root", "Office16", "WINWORD.EXE")) ||
        existsSync(path.join(d, "Microsoft Office", "Office16", "WINWORD.EXE")),
    );
  }
  return false;
}

/** HTTPS options for the dev server, and a sentence saying where they came from. */
async function httpsOptions() {
  const existing = devHttpsOptions();
  if (existing) return existing;
  const wantTrusted =
    (process.platform === "win32" || process.platform === "darwin") && !process.env.CI && !smoke;
  if (wantTrusted) {
    try {
      const devCerts = require("office-addin-dev-certs");
      const options = await devCerts.getHttpsServerOptions();
      return {
        options,
        source: "the Office development certificate (installed and trusted for localhost)",
      };
    } catch (e) {
      console.warn(
        `Could not set up the Office development certificate (${e?.message ?? e}); using a self-signed one.`,
      );
    }
  }
  return { options: {}, source: "a self-signed certificate generated on this machine" };
}

function fetchPage(url) {
  return new Promise((resolve, reject) => {
    https
      .get(url, { rejectUnauthorized: false }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body }));
      })
      .on("error", reject);
  });
}

async function main() {
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const makeConfig = require(path.join(root, "webpack.config.js"));
  const config = { ...makeConfig({}, { mode: "development" }), stats: "errors-warnings" };
  const { options, source } = await httpsOptions();
  const compiler = webpack(config);
  const server = new WebpackDevServer(
    { ...config.devServer, server: { type: "https", options }, open: false },
    compiler,
  );
  try {
    await server.start();
  } catch (e) {
    if (e?.code === "EADDRINUSE") {
      console.error(
        `Port ${PORT} is already in use. Stop the other server (or \`npm run stop\` for a sideloaded Word) and retry.`,
      );
      process.exit(1);
    }
    throw e;
  }

  const word = wordInstalled();
  const lines = [
    "",
    `PlanAssist is served at ${ORIGIN} (HTTPS with ${source}).`,
    `  Task pane:  ${ORIGIN}/taskpane.html`,
    `  Manifest:   ${ORIGIN}/manifest.xml  (also manifest.xml in the project folder)`,
  ];
  if (!word) {
    lines.push(
      "",
      `Word is not installed here. Try the add-in in your browser, on a sample plan:`,
      `  Preview:    ${ORIGIN}/preview.html`,
      "",
      "To sideload into Word on the web:",
      `  1. Open ${ORIGIN}/taskpane.html once in the same browser and accept the certificate`,
      "     (it is self-signed unless you installed the Office development certificate).",
      "  2. Open a document in Word on the web, then Home > Add-ins > More Add-ins (or Insert > Add-ins).",
      "  3. Choose Upload My Add-in (under My Add-ins / Manage My Add-ins) and pick manifest.xml.",
      "  4. Select PlanAssist on the Home tab to open the pane.",
    );
  } else {
    lines.push(
      "",
      "To open it in Word on this machine, run `npm run start:desktop` (sideloads and starts Word).",
    );
    lines.push(`The browser preview is at ${ORIGIN}/preview.html.`);
  }
  lines.push("", "Stop with Ctrl+C.", "");
  console.log(lines.join("\n"));

  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  if (smoke) {
    let failed = 0;
    for (const page of [
      "/taskpane.html",
      "/commands.html",
      "/preview.html",
      "/manifest.xml",
      "/assets/icon-32.png",
    ]) {
      const r = await fetchPage(`${ORIGIN}${page}`);
      const csp = r.headers["content-security-policy"] ? "CSP header" : "no CSP header";
      const ok = r.status === 200;
      if (!ok) failed++;
      console.log(`${ok ? "ok  " : "FAIL"} ${page} ${r.status} (${csp})`);
    }
    await server.stop();
    process.exit(failed ? 1 : 0);
  }
}

main().catch((e) => {
  console.error(`npm start failed: ${e?.message ?? e}`);
  process.exit(1);
});
