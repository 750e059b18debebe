import { readFileSync } from "node:fs";
import { inflateSync } from "fflate";
const lib = await import("/work/main/node_modules/.cache/planassist-bench/reader.mjs");
const bytes = new Uint8Array(readFileSync("node_modules/.cache/planassist-bench/sizes/tables-100.docx"));
const raw = lib.readEntry(lib.openZip(bytes), "word/document.xml");
const td = new TextDecoder();
for (let k = 0; k < 2; k++) {
let t = performance.now(); for (let i = 0; i < 50; i++) td.decode(raw); console.log("TextDecoder", (performance.now() - t) / 50);
t = performance.now(); for (let i = 0; i < 50; i++) Buffer.from(raw.buffer, raw.byteOffset, raw.length).toString("utf8"); console.log("Buffer", (performance.now() - t) / 50);
t = performance.now(); for (let i = 0; i < 50; i++) lib.crc32 ? 0 : 0; 
}
let nonascii = 0; for (const b of raw) if (b > 127) nonascii++; console.log(raw.length, nonascii);
