import { readFileSync } from "fs";
import path from "path";

export const templateFiles = {
  "ddtt-action-plan": "ddtt-action-plan-5.3.1T.docx",
  "perkins-action-plan": "perkins-action-plans.docx",
  clna: "clna-self-assessment.docx",
  "sfss-action-plan": "sfss-action-planning.docx",
  "cde-plan-for-improvement": "cde-plan-for-improvement.docx",
} as const;

export type TemplateId = keyof typeof templateFiles;
export const templateIds = Object.keys(templateFiles) as TemplateId[];

export const fixturesDir = path.join(__dirname, "..", "fixtures");

/** The bytes of a replica template (a copy kept in tests/fixtures so tests do not need ../shared). */
export function templateBytes(id: TemplateId): Uint8Array {
  return new Uint8Array(readFileSync(path.join(fixturesDir, "templates", templateFiles[id])));
}

export function fixtureBytes(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(fixturesDir, relative)));
}
