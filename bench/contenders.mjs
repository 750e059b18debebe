// What the reading benchmark compares: PlanAssist's reader and checker, mammoth.extractRawText,
// and the floor (inflate word/document.xml and one pass of a streaming XML parser, nothing else).
import { unzipSync } from "fflate";
import mammoth from "mammoth";
import { SaxesParser } from "saxes";

const decoder = new TextDecoder();

/** The floor: inflate the main part and run one streaming parse over it, keeping nothing. */
export function floorRead(bytes) {
  const files = unzipSync(bytes, { filter: (f) => f.name === "word/document.xml" });
  const xml = decoder.decode(files["word/document.xml"]);
  const parser = new SaxesParser();
  let elements = 0;
  parser.on("opentag", () => elements++);
  parser.write(xml).close();
  return elements;
}

/** Each contender: bytes of one .docx in, something read out. `lib` is the bundled reader. */
export function contenders(lib) {
  return {
    ours: (bytes) => {
      const r = lib.openDocx(bytes);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.value.read.snapshot.tables.length;
    },
    check: (bytes) => {
      const r = lib.checkDocument(bytes, { currentDate: "2026-01-15" });
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.value.findings.length;
    },
    mammoth: (bytes) => mammoth.extractRawText({ buffer: Buffer.from(bytes) }),
    floor: floorRead,
  };
}
