/**
 * The samples the add-in ships (the preview's plans, "Insert blank template" in Word) are the
 * blank templates as Word saves them: no touching tables anywhere, the same plans as the replicas.
 */
import { readFileSync } from "fs";
import path from "path";
import { samples } from "../../src/preview/samples";
import { templateBytes, templateFiles, templateIds } from "../helpers/fixtures";
import { touchingTables } from "../helpers/join-tables";
import { readParts } from "../helpers/make-docx";
import { sampleOf } from "../helpers/samples";
import { readBytes } from "./read-helpers";

const sampleBytes = (file: string) =>
  new Uint8Array(readFileSync(path.join(__dirname, "..", "..", "assets", "samples", file)));

describe.each(templateIds)("the %s sample", (id) => {
  const file = templateFiles[id];
  const bytes = sampleBytes(file);

  it("is the replica as Word saves it, up to date (see scripts/make-samples.ts)", () => {
    expect(Buffer.from(bytes).equals(Buffer.from(sampleOf(templateBytes(id))))).toBe(true);
  });

  it("holds no touching tables, in the body or in cells, in any part", () => {
    for (const [name, xml] of readParts(bytes)) {
      if (name.endsWith(".xml")) expect([name, touchingTables(xml)]).toEqual([name, 0]);
    }
  });

  it("is recognised as its template with the replica's plans", () => {
    const strip = (d: unknown) =>
      JSON.parse(JSON.stringify(d, (k, v: unknown) => (k === "location" ? undefined : v)));
    const sample = readBytes(bytes);
    expect(sample.recognition.recognised?.template).toBe(id);
    expect(strip(sample.data)).toEqual(strip(readBytes(templateBytes(id)).data));
  });

  it("is the one the preview and Insert blank template offer for the template", () => {
    expect(samples.find((s) => s.template === id)?.fileName).toBe(file);
  });
});
