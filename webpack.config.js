/**
 * Builds the add-in's pages: the task pane (opened from the ribbon), the ribbon commands page, and
 * the browser preview (the pane beside a rendering of a .docx, for use without Word).
 *
 *   npm run build            production build into dist/ (manifest URLs from PLANASSIST_PUBLIC_URL,
 *                            which must be set: a deployed manifest cannot point at localhost)
 *   npm run build:local      production build that keeps the https://localhost:3000 manifest
 *   npm start                development server on https://localhost:3000 (scripts/start.mjs)
 *
 * TypeScript and TSX go through esbuild-loader (type checking is `npm run typecheck`). No eval in
 * any build: development uses external source maps so the pages' CSP can forbid `unsafe-eval`.
 */
"use strict";
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const {
  contentSecurityPolicy,
  devHttpsOptions,
  pageOfPath,
  manifestForUrl,
  deploymentProblem,
  diagnosticsManifest,
} = require("./scripts/web-config.cjs");

const pages = [
  { name: "taskpane", entry: "./src/taskpane/index.tsx", template: "./src/taskpane/taskpane.html" },
  {
    name: "commands",
    entry: "./src/commands/commands.ts",
    template: "./src/commands/commands.html",
  },
  { name: "preview", entry: "./src/preview/index.tsx", template: "./src/preview/preview.html" },
  // For people who have Word: probes that check the tests' model of Word (README).
  {
    name: "diagnostics",
    entry: "./src/diagnostics/index.ts",
    template: "./src/diagnostics/diagnostics.html",
  },
];

/**
 * Puts each page's Content Security Policy in a meta tag at the top of its head (before any
 * script, including Office.js), so it governs everything the page loads.
 */
class CspMetaPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("CspMetaPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("CspMetaPlugin", (data) => {
        const page = data.outputName.replace(/\.html$/, "");
        const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(page)}">`;
        const charset = /<meta\s+charset=["']?[^"'>\s]+["']?\s*\/?>/i;
        data.html = charset.test(data.html)
          ? data.html.replace(charset, (m) => `${m}${meta}`)
          : data.html.replace(/<head[^>]*>/i, (m) => `${m}${meta}`);
        return data;
      });
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const publicUrl = env.publicUrl || process.env.PLANASSIST_PUBLIC_URL || "";
  // A production build is for deployment: its manifest must point where the files are served.
  // `--env local` (the browser tests, a local trial) keeps the development URLs on purpose.
  if (production && !env.local) {
    const problem = deploymentProblem(publicUrl);
    if (problem) {
      // A sentence, not a stack trace: webpack's command line prints the error's stack.
      const error = new Error(problem);
      error.stack = `PlanAssist cannot make this build: ${problem}`;
      throw error;
    }
  }
  const outDir = env.out ? path.resolve(env.out) : path.resolve(__dirname, "dist");
  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "cheap-module-source-map",
    entry: Object.fromEntries(pages.map((p) => [p.name, p.entry])),
    output: {
      path: outDir,
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      // Scripts, chunks and assets load relative to the page that asks for them, so the add-in
      // works wherever it is served (https://host/sub/path/taskpane.html loads
      // https://host/sub/path/taskpane.[hash].js), not only from a domain's root.
      publicPath: "auto",
      clean: { keep: /^cli\.cjs$/ },
    },
    resolve: { extensions: [".ts", ".tsx", ".mjs", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.[cm]?tsx?$/,
          exclude: /node_modules/,
          loader: "esbuild-loader",
          options: { target: "es2020", jsx: "automatic" },
        },
        // Sample documents imported by the preview (`import sampleUrl from "./sample.docx"`).
        { test: /\.docx$/, type: "asset/resource", generator: { filename: "samples/[name][ext]" } },
      ],
    },
    optimization: {
      // Shared code goes into chunks webpack names by content, so modules used only by a lazily
      // loaded part of the pane (review mode, the write dialog, a date picker) stay out of the
      // pane's initial JavaScript. React is needed by every page at once: one chunk for it.
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: "react",
            chunks: "initial",
            priority: 20,
          },
        },
      },
      runtimeChunk: "single",
    },
    performance: { hints: false },
    plugins: [
      ...pages.map(
        (p) =>
          new HtmlWebpackPlugin({
            filename: `${p.name}.html`,
            template: p.template,
            chunks: [p.name],
            favicon: "./assets/icon-32.png",
          }),
      ),
      new CspMetaPlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // Plain script run before the pane's bundle (see the file): not bundled, not transpiled.
          { from: "src/taskpane/webview-check.js", to: "webview-check.js" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              production ? manifestForUrl(content.toString("utf8"), publicUrl) : content,
          },
          // The same add-in opening the diagnostics page, under an Id and name of its own.
          {
            from: "manifest.xml",
            to: "manifest-diagnostics.xml",
            transform: (content) => {
              const xml = diagnosticsManifest(content.toString("utf8"));
              return production ? manifestForUrl(xml, publicUrl) : xml;
            },
          },
          ...(fs.existsSync(path.resolve(__dirname, "src/preview/samples"))
            ? [{ from: "src/preview/samples", to: "samples" }]
            : []),
        ],
      }),
    ],
    devServer: {
      port: 3000,
      host: "localhost",
      // HTTPS always (Office loads add-ins over HTTPS only); `npm start` may pass its own options.
      server: { type: "https", options: devHttpsOptions()?.options ?? {} },
      allowedHosts: "all",
      static: false,
      hot: false,
      client: { overlay: { errors: true, warnings: false } },
      headers: (req) => ({
        "Content-Security-Policy": contentSecurityPolicy(pageOfPath(req.path ?? req.url ?? "/")),
      }),
    },
  };
};
