import { readFileSync } from "node:fs";
const lib = await import("/work/main/node_modules/.cache/planassist-bench/reader.mjs");
const bytes = new Uint8Array(readFileSync(process.argv[2]));
const t = performance.now(); for (let i = 0; i < 30; i++) lib.openDocx(bytes); console.log((performance.now() - t) / 30);
