/**
 * Writes the sample plans the preview opens and "Insert blank template" puts into Word:
 * assets/samples/*.docx, the five blank templates as Word saves them (touching tables joined,
 * see src/ooxml/join-tables.ts), so nothing the add-in ships holds touching tables.
 *
 * Regenerate after a replica in tests/fixtures/templates changes (the files are committed, and
 * tests/templates/samples.test.ts checks they are up to date):
 *   npx esbuild scripts/make-samples.ts --bundle --platform=node --outfile=.samples.cjs \
 *     && node .samples.cjs && rm .samples.cjs
 */
import { readFileSync, renameSync, writeFileSync } from "fs";
import path from "path";
import { sampleOf } from "../tests/helpers/samples";

const root = path.resolve(__dirname);
const names = [
  "ddtt-action-plan-5.3.1T.docx",
  "perkins-action-plans.docx",
  "clna-self-assessment.docx",
  "sfss-action-planning.docx",
  "cde-plan-for-improvement.docx",
];
for (const name of names) {
  const replica = new Uint8Array(
    readFileSync(path.join(root, "tests", "fixtures", "templates", name)),
  );
  const out = path.join(root, "assets", "samples", name);
  writeFileSync(`${out}.tmp`, sampleOf(replica));
  renameSync(`${out}.tmp`, out);
  console.log(`wrote assets/samples/${name}`);
}
