// What the reading benchmark compares: PlanAssist's reader and checker, mammoth.extractRawText,
// and the floor (inflate word/document.xml and one pass of a streaming XML parser, nothing else).
import mammoth from "mammoth";
import { floorRead } from "./floor.mjs";

export { floorRead };

/** What `planassist check` is given: Node's zlib to inflate, as the command line uses. */
export function cliCheckOptions(lib) {
  return {
    currentDate: "2026-01-15",
    limits: { ...lib.defaultDocxLimits, codec: lib.zlibCodec },
  };
}

/**
 * Each contender: bytes of one .docx in, something read out. `lib` is the bundled reader. The
 * reader (`ours`) inflates with fflate, as the pane does; `check` with Node's zlib, as the
 * command line does.
 */
export function contenders(lib) {
  const checkOptions = cliCheckOptions(lib);
  return {
    ours: (bytes) => {
      const r = lib.openDocx(bytes);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.value.read.snapshot.tables.length;
    },
    check: (bytes) => {
      const r = lib.checkDocument(bytes, checkOptions);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.value.findings.length;
    },
    mammoth: (bytes) => mammoth.extractRawText({ buffer: Buffer.from(bytes) }),
    floor: floorRead,
  };
}
