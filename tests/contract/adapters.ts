/**
 * The adapters the contract suite runs against, each built from the same .docx bytes:
 * the .docx adapter directly, the Office.js adapter through a fake Word that returns the package as
 * flat OPC (what `body.getOoxml()` gives), and the memory adapter.
 */
import { DocxDocument } from "../../src/adapters/docx/docx-document.adapter";
import { MemoryDocument } from "../../src/adapters/memory/memory-document.adapter";
import { OfficeDocument } from "../../src/adapters/office/office-document.adapter";
import type { DocumentSnapshot } from "../../src/domain/snapshot";
import type { DocumentPort } from "../../src/ports/document.port";
import { toFlatOpc } from "../helpers/make-docx";
import { fakeWord } from "../office/fake-word";
import { WordModel, wordModelHost } from "../office/word-model";

export type AdapterCase = {
  readonly name: string;
  readonly make: (bytes: Uint8Array) => DocumentPort;
};

export const adapterCases: readonly AdapterCase[] = [
  { name: ".docx adapter", make: (bytes) => new DocxDocument(bytes) },
  {
    name: "Office.js adapter",
    make: (bytes) => new OfficeDocument(fakeWord({ ooxml: toFlatOpc(bytes) }).host),
  },
  {
    name: "memory adapter",
    make: (bytes) => {
      const r = MemoryDocument.fromDocx(bytes);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.value;
    },
  },
];

export async function snapshotThrough(
  adapter: AdapterCase,
  bytes: Uint8Array,
): Promise<DocumentSnapshot> {
  const r = await adapter.make(bytes).read();
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/**
 * The snapshot with the facts only a file can know (whether the package is macro-enabled) left
 * out, for comparing hosts: Word's OOXML of the body does not say how the file was saved.
 */
export function comparable(s: DocumentSnapshot): Omit<DocumentSnapshot, "facts"> & {
  facts: { strict: boolean; trackedChanges: boolean };
} {
  return { ...s, facts: { strict: s.facts.strict, trackedChanges: s.facts.trackedChanges } };
}

/**
 * The adapters the write contract runs against, each holding a document it can write: the .docx
 * adapter, the Office.js adapter on the tests' model of Word (which holds the document as OOXML
 * and answers as Word does), and the memory adapter (which writes into the .docx it holds).
 */
export const writableAdapterCases: readonly AdapterCase[] = [
  { name: ".docx adapter", make: (bytes) => new DocxDocument(bytes) },
  {
    name: "Office.js adapter on the tests' Word",
    make: (bytes) => {
      const { host, readHost } = wordModelHost(WordModel.fromDocx(bytes));
      return new OfficeDocument(readHost, host);
    },
  },
  {
    name: "memory adapter",
    make: (bytes) => {
      const r = MemoryDocument.fromDocx(bytes);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.value;
    },
  },
];
