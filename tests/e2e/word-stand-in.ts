/**
 * A Word for the diagnostics page in the browser: the tests' model of Word (tests/office/
 * word-model.ts) on a new blank document, put where Office.js would put `Office` and `Word`.
 * Bundled for the browser by esbuild and injected before the page's own scripts.
 */
import { minimalDocx } from "../helpers/make-docx";
import { WordModel, wordModelHost } from "../office/word-model";

const model = WordModel.fromDocx(minimalDocx("<w:p/>"));
const { host } = wordModelHost(model);
const scope = globalThis as unknown as Record<string, unknown>;
scope.Office = {
  onReady: async () => ({ host: "Word", platform: "PC" }),
  context: {
    requirements: {
      isSetSupported: (name: string, version = "1.1") => model.supported.has(`${name} ${version}`),
    },
    diagnostics: { platform: "PC", version: "tests' Word" },
  },
};
scope.Word = { run: (batch: Parameters<typeof host.run>[0]) => host.run(batch) };
/** For the test: what the scratch document holds after the probes. */
scope.__wordStandIn = {
  documentXml: () => model.documentXml(),
  customXmlParts: () => model.customXml.length,
  syncs: () => model.log.syncs,
};
