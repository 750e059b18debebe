#!/usr/bin/env node
"use strict";
// The planassist command. The bundle is built by `npm ci` / `npm install` (the "prepare" script).
const path = require("path");
const fs = require("fs");
const bundle = path.join(__dirname, "..", "dist", "cli.cjs");
if (!fs.existsSync(bundle)) {
  process.stderr.write(
    "planassist: the command is not built yet. Run `npm run build:cli` in the project folder.\n",
  );
  process.exit(2);
}
require(bundle)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
