// The floor: what any reader of a .docx must at least do (inflate the main part and run one
// streaming XML parse over it, keeping nothing). Kept apart from the other contenders so that a
// process timing the floor alone loads nothing else.
import { unzipSync } from "fflate";
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
