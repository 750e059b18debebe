/**
 * Every template PlanAssist knows has everything src/templates/README.md lists: a sample the
 * pane, the preview and "Insert blank template" use (assets/samples, recognised as the template),
 * its rules, a replica the tests read, fill and revert (tests/fixtures, in `templateFiles`), and
 * its step columns when it has dated steps. A template added without one of them fails here,
 * naming what is missing; no test counts the templates.
 */
import { fillBytes } from "../helpers/docx-use-cases";
import { readFileSync } from "fs";
import path from "path";
import { openDocx } from "../../src/adapters/docx/docx-file";
import { readDocument } from "../../src/domain/plan-reader";
import { templateRules } from "../../src/domain/rules";
import { samples } from "../../src/preview/samples";
import { templates } from "../../src/templates";
import { templateBytes, templateFiles, type TemplateId } from "../helpers/fixtures";
import { stepCases } from "../helpers/progress-plans";
import { everyFieldChanged } from "../writeback/data-changes";
import { must } from "../writeback/helpers";

const samplesDir = path.join(__dirname, "..", "..", "assets", "samples");
const ids = templates.map((t) => t.id);

describe.each(ids)("the %s template", (id) => {
  it("has a sample in assets/samples, listed in the samples, that reads as this template", () => {
    const sample = samples.find((s) => s.template === id);
    expect(sample).toBeDefined();
    const bytes = new Uint8Array(readFileSync(path.join(samplesDir, sample!.fileName)));
    const snapshot = must(openDocx(bytes)).read.snapshot;
    expect(readDocument(snapshot, templates).data.plans.map((p) => p.template)).toContain(id);
  });

  it("has rules of its own", () => {
    expect(templateRules[id]?.length ?? 0).toBeGreaterThan(0);
  });

  it("has a replica the tests read, with a fill case that writes every field", async () => {
    expect(Object.keys(templateFiles)).toContain(id);
    const bytes = templateBytes(id as TemplateId);
    const data = readDocument(must(openDocx(bytes)).read.snapshot, templates).data;
    const filled = must(await fillBytes(bytes, everyFieldChanged(data)));
    expect(filled.report.written.length).toBeGreaterThan(0);
    expect(filled.report.failed).toEqual([]);
  });

  it("has its steps named for the status, Progress and next-cycle tests", () => {
    expect(Object.keys(stepCases)).toContain(id);
  });
});

it("has no sample, rules, replica or step case for a template that is not defined", () => {
  const extra = [
    ...samples.map((s) => s.template),
    ...Object.keys(templateRules),
    ...Object.keys(templateFiles),
    ...Object.keys(stepCases),
  ].filter((x) => !ids.includes(x));
  expect(extra).toEqual([]);
});
