// Bundles the command-line tool into dist/cli.cjs (runs on `npm ci` through "prepare").
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/main.ts"],
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  outfile: "dist/cli.cjs",
  logLevel: "warning",
  sourcemap: false,
});
