import { readFileSync } from "node:fs";
import { Inflate, inflateSync, unzipSync } from "fflate";
const lib = await import("/work/main/node_modules/.cache/planassist-bench/reader.mjs");
for (const f of ["tests/fixtures/templates/clna-self-assessment.docx", "node_modules/.cache/planassist-bench/sizes/tables-100.docx"]) {
const bytes = new Uint8Array(readFileSync(f));
const zip = lib.openZip(bytes); const e = zip.entries.get("word/document.xml");
const data = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
const N = 200;
function stream() { const chunks=[]; const inf = new Inflate((c)=>chunks.push(c)); for (let i=0;i<data.length;i+=16384) inf.push(data.subarray(i, Math.min(data.length,i+16384)), i+16384>=data.length); return chunks; }
function sync() { return inflateSync(data, { out: new Uint8Array(e.uncompressedSize) }); }
function plain() { return inflateSync(data); }
for (const [n, fn] of [["stream", stream], ["sync-out", sync], ["sync", plain], ["stream", stream], ["sync-out", sync]]) {
  const t = performance.now(); for (let i = 0; i < N; i++) fn(); console.log(f.slice(-20), n, ((performance.now() - t) / N).toFixed(3), "ms");
}
const t = performance.now(); for (let i = 0; i < N; i++) lib.crc32?.(new Uint8Array(e.uncompressedSize)); 
const xml = new TextDecoder().decode(sync());
let t2 = performance.now(); for (let i = 0; i < 50; i++) lib.parseXml(xml); console.log("parse", ((performance.now() - t2) / 50).toFixed(3));
t2 = performance.now(); for (let i = 0; i < 50; i++) new TextDecoder().decode(sync()); console.log("decode", ((performance.now() - t2) / 50).toFixed(3));
const doc = lib.parseXml(xml);
t2 = performance.now(); for (let i = 0; i < 50; i++) lib.readWordDocument(doc); console.log("wordml", ((performance.now() - t2) / 50).toFixed(3));
t2 = performance.now(); for (let i = 0; i < 50; i++) lib.openDocx(bytes); console.log("openDocx", ((performance.now() - t2) / 50).toFixed(3));
}
