// What the benchmarks need from the source, bundled by bench/build.mjs at run time.
export { defaultDocxLimits, openDocx } from "../src/adapters/docx/docx-file";
export { createZip, openZip, readEntry, writeZip } from "../src/adapters/docx/zip";
export { zlibCodec } from "../src/adapters/docx/zip-zlib";
export { parseXml } from "../src/ooxml/xml";
export { readWordDocument } from "../src/ooxml/wordml";
export { checkDocument, checkSnapshot } from "../src/app/check";
export { inspectDocx } from "../src/app/inspect";
export { fillDocxWithPlanData, planDocumentFill } from "../src/app/fill";
export { readDocument } from "../src/domain/plan-reader";
export { templates } from "../src/templates";
export { readOfficeDocument } from "../src/adapters/office/office-reader";
export { writePlanInWord } from "../src/adapters/office/office-writer";
// Counting fakes of the Word API, shared with the tests.
export { fakeWord } from "../tests/office/fake-word";
export { fakeWordWriter, modelFrom } from "../tests/writeback/fake-word-writer";
export { everyFieldChanged } from "../tests/writeback/data-changes";
export { toFlatOpc } from "../tests/helpers/make-docx";
