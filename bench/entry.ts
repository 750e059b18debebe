// What the benchmarks need from the source, bundled by bench/build.mjs at run time.
export { defaultDocxLimits, openDocx } from "../src/adapters/docx/docx-file";
export { createZip, openZip, readEntry, writeZip } from "../src/adapters/docx/zip";
export { parseXml } from "../src/ooxml/xml";
export { readWordDocument } from "../src/ooxml/wordml";
export { checkDocument } from "../src/app/check";
