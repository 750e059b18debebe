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
// The tests' Word: a counting fake for reading, and the model of Word the writer's tests run on.
export { fakeWord } from "../tests/office/fake-word";
export { WordModel, wordModelHost } from "../tests/office/word-model";
export { everyFieldChanged } from "../tests/writeback/data-changes";
export { toFlatOpc } from "../tests/helpers/make-docx";
