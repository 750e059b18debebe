// What the benchmarks need from the source, bundled by bench/build.mjs at run time.
export { defaultDocxLimits, openDocx } from "../src/adapters/docx/docx-file";
export { createZip, openZip, readEntry, writeZip } from "../src/adapters/docx/zip";
export { zlibCodec } from "../src/adapters/docx/zip-zlib";
export { parseXml } from "../src/ooxml/xml";
export { readWordDocument } from "../src/ooxml/wordml";
export { checkSnapshot } from "../src/app/check";
export { planDocumentFill } from "../src/app/fill";
export {
  checkDocxNow as checkDocument,
  fillDocxNow as fillDocxWithPlanData,
} from "../tests/helpers/docx-use-cases";
export { readDocument } from "../src/domain/plan-reader";
export { templates } from "../src/templates";
export { readOfficeDocument } from "../src/adapters/office/office-reader";
export { writePlanInWord } from "../src/adapters/office/office-writer";
// The tests' Word: a counting fake for reading, and the model of Word the writer's tests run on.
export { fakeWord } from "../tests/office/fake-word";
export { WordModel, wordModelHost } from "../tests/office/word-model";
export { everyFieldChanged } from "../tests/writeback/data-changes";
export { toFlatOpc } from "../tests/helpers/make-docx";

// The bytes-level use cases the benchmarks time synchronously: the use cases' own steps (src/app)
// on a package the .docx adapter opened, without the port's promises.
import { openDocx as openForBench } from "../src/adapters/docx/docx-file";
import { inspectSnapshot } from "../src/app/inspect";
import { ok } from "../src/domain/result";

export function inspectDocx(bytes: Uint8Array) {
  const opened = openForBench(bytes);
  return opened.ok ? ok(inspectSnapshot(opened.value.read.snapshot), opened.warnings) : opened;
}
