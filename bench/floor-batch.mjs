// The floor script for a folder: read each .docx, inflate word/document.xml and make one pass of
// a streaming XML parser over it, nothing kept. What `planassist check` over the same folder is
// measured against (bench/batch.mjs).
//   node bench/floor-batch.mjs <folder>
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { floorRead } from "./floor.mjs";

const dir = process.argv[2];
let elements = 0;
for (const f of readdirSync(dir).sort()) {
  if (f.endsWith(".docx")) elements += floorRead(new Uint8Array(readFileSync(path.join(dir, f))));
}
process.stdout.write(`${elements} elements\n`);
