/**
 * Templates as Word saves them: Word joins touching tables into one (see
 * src/ooxml/join-tables.ts), so a district file that went through Word holds the joined form of
 * every replica. Read from either form, a plan is the same plan.
 */
import { checkDocxNow } from "../helpers/docx-use-cases";
import { readdirSync } from "fs";
import path from "path";
import type { DocumentPlanData } from "../../src/domain/plan-data";
import { fixturesDir, fixtureBytes, templateBytes, templateIds } from "../helpers/fixtures";
import { hasTouchingTables, joinedDocx } from "../helpers/join-tables";
import { readParts } from "../helpers/make-docx";
import { allFields, readBytes } from "./read-helpers";
import { templates } from "../../src/templates";
import { tableTitles } from "../../src/templates/table-starts";
import { templateTableTitles } from "../../src/templates/table-titles";

const variants = readdirSync(path.join(fixturesDir, "variants")).filter((f) => f.endsWith(".docx"));
const documents: [string, Uint8Array][] = [
  ...templateIds.map((id): [string, Uint8Array] => [`replica ${id}`, templateBytes(id)]),
  ...variants.map((v): [string, Uint8Array] => [`variant ${v}`, fixtureBytes(`variants/${v}`)]),
];

/** Plan data without locations (the one thing the two forms may differ in). */
function withoutLocations(data: DocumentPlanData): unknown {
  return JSON.parse(JSON.stringify(data, (k, v: unknown) => (k === "location" ? undefined : v)));
}

const today = { currentDate: "2026-12-02" };

describe.each(documents)("%s as Word saves it (touching tables joined)", (_name, split) => {
  const joined = joinedDocx(split);
  const a = readBytes(split);
  const b = readBytes(joined);

  it("is read as the same template and the same plans, section by section", () => {
    expect(b.recognition.recognised?.template).toBe(a.recognition.recognised?.template);
    expect(b.recognition.recognised?.confidence).toBe(a.recognition.recognised?.confidence);
    expect(withoutLocations(b.data)).toEqual(withoutLocations(a.data));
  });

  it("gives every value that has a location in the split form a location in the joined form", () => {
    const located = (r: typeof a) =>
      r.data.plans.flatMap((p) => allFields(p).map((f) => f.field.location !== undefined));
    expect(located(b)).toEqual(located(a));
  });

  it("gets the same findings, naming the same fields", () => {
    const strip = (bytes: Uint8Array) => {
      const r = checkDocxNow(bytes, today);
      if (!r.ok) throw new Error(r.error.message);
      return r.value.findings.map((f) => ({ ...f, location: undefined }));
    };
    expect(strip(joined)).toEqual(strip(split));
  });
});

describe("the replicas' own tables", () => {
  it("the reader's list of template table titles is what the template definitions give", () => {
    expect(templateTableTitles).toEqual(tableTitles(templates));
  });

  it.each(documents)(
    "%s: no table of the split form is cut, so a title stands only in a table's first row",
    (_name, bytes) => {
      const { snapshot } = readBytes(bytes);
      expect(snapshot.tables.filter((t) => t.firstRow !== undefined)).toEqual([]);
    },
  );

  it("the joined forms have no touching tables left, and the replicas had some", () => {
    const touching = templateIds.filter((id) =>
      hasTouchingTables(readParts(templateBytes(id)).get("word/document.xml") ?? ""),
    );
    expect(touching.sort()).toEqual(
      ["cde-plan-for-improvement", "clna", "ddtt-action-plan", "sfss-action-plan"].sort(),
    );
    for (const id of templateIds) {
      const xml = readParts(joinedDocx(templateBytes(id))).get("word/document.xml") ?? "";
      expect(hasTouchingTables(xml)).toBe(false);
    }
  });
});
