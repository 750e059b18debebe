// A small static HTTP server on 127.0.0.1 for a production build, sending each page's Content
// Security Policy as a header (the same policy the pages carry in a meta tag).
import { createServer } from "node:http";
import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { contentSecurityPolicy, pageOfPath } = require("../../../scripts/web-config.cjs");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".woff2": "font/woff2",
};

/**
 * Serves `root` on 127.0.0.1 (a free port); resolves to { url, close() }. With `subPath` (such as
 * "/sub/path/"), the same files are also served under that path, the way a deployment at
 * https://host/sub/path/ serves them.
 */
export function serveStatic(root, { subPath } = {}) {
  const base = path.resolve(root);
  const server = createServer((req, res) => {
    const fullPath = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const urlPath =
      subPath && fullPath.startsWith(subPath) ? `/${fullPath.slice(subPath.length)}` : fullPath;
    const rel = urlPath === "/" ? "/preview.html" : urlPath;
    const file = path.resolve(base, `.${rel}`);
    if (!file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    let size;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error("not a file");
      size = st.size;
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
      return;
    }
    const headers = {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "Content-Length": size,
      "Cache-Control": "no-store",
    };
    if (file.endsWith(".html"))
      headers["Content-Security-Policy"] = contentSecurityPolicy(pageOfPath(rel));
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
