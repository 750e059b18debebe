/**
 * Settings shared by the webpack build, the development server and the browser-test server:
 * the Content Security Policy of each page, and the production URL put into the manifest.
 */
"use strict";

/** Microsoft's CDN for Office.js: the only origin outside the add-in's own that pages may load from. */
const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";
const DEV_URL = "https://localhost:3000/";

/**
 * The Content Security Policy of a page. Pages that run inside Office (task pane, commands) may
 * load Office.js from Microsoft's CDN; the preview loads nothing from elsewhere. No page allows
 * `unsafe-eval`. Inline styles are allowed because Fluent UI and the document renderer insert style
 * elements at run time; scripts are never inline.
 */
function contentSecurityPolicy(page) {
  const office = page === "taskpane" || page === "commands" || page === "diagnostics";
  const scriptSrc = office ? `'self' ${OFFICE_JS_ORIGIN}` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${office ? ` ${OFFICE_JS_ORIGIN}` : ""}`,
    `frame-src 'self'${office ? ` ${OFFICE_JS_ORIGIN}` : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** Which page a request path belongs to (for the CSP header). */
function pageOfPath(urlPath) {
  if (/^\/preview(\.html)?(\?|$)/.test(urlPath)) return "preview";
  if (/^\/commands(\.html)?(\?|$)/.test(urlPath)) return "commands";
  if (/^\/diagnostics(\.html)?(\?|$)/.test(urlPath)) return "diagnostics";
  return "taskpane";
}

/** Normalises a public URL to end with one slash; refuses anything but https. */
function normalisePublicUrl(url) {
  const u = new URL(url);
  if (u.protocol !== "https:")
    throw new Error(`The add-in's public URL must use https: (got ${url}).`);
  return u.href.endsWith("/") ? u.href : `${u.href}/`;
}

/**
 * The manifest with the development URL (https://localhost:3000/) replaced by the public URL the
 * add-in is deployed at. Every occurrence is replaced, including those inside AppDomains.
 */
function manifestForUrl(xml, publicUrl) {
  if (!publicUrl) return xml;
  const target = normalisePublicUrl(publicUrl);
  const origin = new URL(target).origin;
  return xml.split(DEV_URL).join(target).split("https://localhost:3000").join(origin);
}

/**
 * Why a production build cannot go ahead with this public URL, or undefined when it can. A manifest
 * that still points at localhost would load the add-in from the computer of whoever opens it.
 */
function deploymentProblem(publicUrl) {
  if (!publicUrl)
    return (
      "PLANASSIST_PUBLIC_URL is not set, so dist/manifest.xml would still point at https://localhost:3000. " +
      "Set it to the HTTPS address the files will be served from (PLANASSIST_PUBLIC_URL=https://plans.example.org/addin/ npm run build), " +
      "or run `npm run build:local` for a build that keeps the development URLs."
    );
  let target;
  try {
    target = normalisePublicUrl(publicUrl);
  } catch (e) {
    return `PLANASSIST_PUBLIC_URL is not usable: ${e.message} Give the HTTPS address the files will be served from.`;
  }
  const host = new URL(target).hostname;
  if (host === "localhost" || host === "127.0.0.1" || host === "[::1]")
    return (
      `PLANASSIST_PUBLIC_URL is ${publicUrl}, a local address: the deployed manifest would point at the computer of whoever opens it. ` +
      "Give the public HTTPS address, or run `npm run build:local` for a local build."
    );
  return undefined;
}

/**
 * HTTPS options for the development server: the Office development certificate when it is on this
 * machine (office-addin-dev-certs puts it in ~/.office-addin-dev-certs), otherwise none, and
 * webpack-dev-server generates a self-signed certificate locally.
 */
function devHttpsOptions() {
  const fs = require("fs");
  const path = require("path");
  const os = require("os");
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const file = (name) => path.join(dir, name);
  if (!fs.existsSync(file("localhost.crt")) || !fs.existsSync(file("localhost.key")))
    return undefined;
  const options = {
    cert: fs.readFileSync(file("localhost.crt")),
    key: fs.readFileSync(file("localhost.key")),
  };
  if (fs.existsSync(file("ca.crt"))) options.ca = fs.readFileSync(file("ca.crt"));
  return { options, source: `the Office development certificate in ${dir}` };
}

/**
 * The manifest of the diagnostics add-in: the add-in's manifest with an Id and a name of its own
 * (so both can be sideloaded at once) whose pane opens diagnostics.html.
 */
function diagnosticsManifest(xml) {
  return xml
    .replace(/<Id>[^<]*<\/Id>/, "<Id>9b3f5d20-6c1a-4e8b-a7d4-1f2e3c4b5a69</Id>")
    .replace(/(<DisplayName DefaultValue=")[^"]*"/, '$1PlanAssist diagnostics"')
    .split("taskpane.html")
    .join("diagnostics.html");
}

module.exports = {
  diagnosticsManifest,
  devHttpsOptions,
  OFFICE_JS_ORIGIN,
  DEV_URL,
  contentSecurityPolicy,
  pageOfPath,
  manifestForUrl,
  normalisePublicUrl,
  deploymentProblem,
};
