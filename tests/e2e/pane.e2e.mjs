// The task pane in the browser preview: opening, guided filling, writing, review, and access.
// Each template's replica is opened, every section filled through the pane, written, downloaded,
// and the downloaded file read back with the .docx adapter and the plan reader.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import { assert, test } from "./support/harness.mjs";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const shots = path.join(root, "test-results", "pane");
mkdirSync(shots, { recursive: true });

// The .docx adapter and plan reader, bundled for Node from the project's TypeScript.
const toolsFile = path.join(root, "test-results", "pane-tools.cjs");
buildSync({
  entryPoints: [path.join(here, "pane-tools.ts")],
  bundle: true,
  platform: "node",
  format: "cjs",
  outfile: toolsFile,
  logLevel: "error",
});
const tools = require(toolsFile);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const replicas = {
  "ddtt-action-plan": "ddtt-action-plan-5.3.1T.docx",
  "perkins-action-plan": "perkins-action-plans.docx",
  clna: "clna-self-assessment.docx",
  "sfss-action-plan": "sfss-action-planning.docx",
  "cde-plan-for-improvement": "cde-plan-for-improvement.docx",
};
const replicaBytes = (id) =>
  new Uint8Array(readFileSync(path.join(root, "tests", "fixtures", "templates", replicas[id])));

async function shot(page, name) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: false });
}

/** Runs axe-core on the page and fails on any violation. */
async function expectNoAxeViolations(page, state) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(", ")}`,
    );
  });
  assert.deepEqual(result, [], `axe-core violations in state "${state}"`);
}

async function openPreview(page, baseUrl, query = "") {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${baseUrl}/preview.html${query}`, { waitUntil: "load" });
  const pane = page.getByTestId("pane");
  await pane.getByRole("heading", { level: 2 }).first().waitFor({ timeout: 15_000 });
  return pane;
}

/** Opens a file in the preview through its file picker. */
async function openFile(page, name, bytes) {
  await page.getByTestId("file-input").setInputFiles({
    name,
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: Buffer.from(bytes),
  });
}

/** A valid value for a field, distinct per field so every one can be found again. */
function validValue(field, n) {
  switch (field.type) {
    case "long-text":
      return `Planned work item ${n}, described in full.`;
    case "text":
      return `Northfield entry ${n}`;
    case "person":
      return ["Dana Ruiz", "Lee Chen", "Sam Ortiz"][n % 3];
    case "date":
      return `${1 + (n % 9)}/15/2026`;
    case "date-range":
      return "9/1/2026 - 6/30/2027";
    case "number":
      return String(100 + n);
    case "percent":
      return `${40 + (n % 50)}%`;
    case "ratio":
      return "12:1";
    case "money":
      return `$${1000 + n},00`.replace(/,00$/, ".00");
    case "single-choice":
      return [field.options[n % field.options.length]];
    case "multiple-choice":
      return [field.options[0]];
    default:
      return `Value ${n}`;
  }
}

/** Types or picks a value in the pane's control for one field. */
async function setField(scope, field, value) {
  if (field.type === "single-choice") {
    await scope.getByRole("radio", { name: value[0], exact: true }).check();
  } else if (field.type === "multiple-choice") {
    for (const v of value) await scope.getByRole("checkbox", { name: v, exact: true }).check();
  } else if (field.type === "long-text") {
    await scope.locator("textarea").fill(value);
  } else if (field.type === "person") {
    const box = scope.getByRole("combobox");
    await box.fill(value);
    await box.press("Escape");
  } else {
    await scope.locator("input:not([type=date])").first().fill(value);
  }
}

function sameValue(a, b) {
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  return String(a).trim() === String(b).trim();
}

/**
 * Fills every section of every plan through the pane and writes each one; returns what was
 * typed, by plan and field key.
 */
async function fillWholeDocument(page, pane, data, { onFirstDate } = {}) {
  const typed = [];
  let n = 0;
  let planted = false;
  for (const [pi, plan] of data.plans.entries()) {
    if (data.plans.length > 1)
      await pane.getByLabel("Plan", { exact: true }).selectOption(String(pi));
    await pane.getByRole("tab", { name: "Fill" }).click();
    for (const [si, section] of plan.sections.entries()) {
      await pane.getByLabel("Section", { exact: true }).selectOption(String(si));
      await pane.locator("#section-title").waitFor();
      const entries = [
        ...section.fields.map((f) => ({ key: f.id, field: f })),
        ...(section.rows ?? []).flatMap((r) =>
          r.cells.map((c) => ({ key: `${r.index}:${c.id}`, field: c })),
        ),
      ];
      for (const { key, field } of entries) {
        const scope = pane.locator(`[data-field="${key}"]`);
        if (!planted && field.type === "date" && onFirstDate) {
          planted = true;
          await onFirstDate(scope, field);
        }
        const value = validValue(field, n++);
        await setField(scope, field, value);
        typed.push({ plan: pi, section: section.id, block: section.block, key, field, value });
      }
      await pane.locator("#section-title").click();
      await pane.getByRole("button", { name: "Write to document" }).click();
      const dialog = page.getByRole("dialog");
      const notice = pane.getByText(/^Written/);
      await Promise.race([
        notice.first().waitFor({ timeout: 15_000 }),
        dialog.waitFor({ timeout: 15_000 }),
      ]);
      if (await dialog.isVisible())
        await dialog.getByRole("button", { name: "Write to document" }).click();
      await notice.first().waitFor({ timeout: 15_000 });
      const report = await pane.getByRole("list", { name: "What was written" }).innerText();
      assert.doesNotMatch(report, /Not written/, `nothing failed in ${section.id}: ${report}`);
      await pane.getByRole("button", { name: "Dismiss" }).click();
    }
  }
  return typed;
}

async function download(page) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download" }).click(),
  ]);
  const stream = await file.createReadStream();
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return new Uint8Array(Buffer.concat(chunks));
}

function checkReadBack(bytes, typed, template) {
  assert.equal(
    tools.recognisedTemplate(bytes),
    template,
    "the downloaded file is still recognised",
  );
  const back = tools.readPlanData(bytes);
  const missing = [];
  for (const t of typed) {
    const section = back.plans[t.plan]?.sections.find(
      (s) => s.id === t.section && s.block === t.block,
    );
    const [rowIndex, cellId] = t.key.includes(":") ? t.key.split(":") : [undefined, t.key];
    const field =
      rowIndex === undefined
        ? section?.fields.find((f) => f.id === cellId)
        : section?.rows
            ?.find((r) => r.index === Number(rowIndex))
            ?.cells.find((c) => c.id === cellId);
    if (!field || !sameValue(field.value, t.value)) {
      missing.push(
        `${t.section}/${t.key}: wrote ${JSON.stringify(t.value)}, read ${JSON.stringify(field?.value)}`,
      );
    }
  }
  assert.deepEqual(
    missing,
    [],
    "every value written through the pane reads back from the downloaded file",
  );
}

for (const template of Object.keys(replicas)) {
  test(
    `fills every section of the ${template} replica through the pane, writes, downloads and reads every value back`,
    async ({ page, baseUrl, outsideRequests }) => {
      const pane = await openPreview(page, baseUrl);
      await openFile(page, replicas[template], replicaBytes(template));
      await pane.getByRole("progressbar").waitFor();
      const data = tools.readPlanData(replicaBytes(template));
      assert.ok(data.plans.length > 0);
      const typed = await fillWholeDocument(page, pane, data, {
        onFirstDate: async (scope) => {
          const box = scope.locator("input:not([type=date])").first();
          await box.fill("next spring");
          await box.press("Tab");
          const alert = scope.getByRole("alert");
          await alert.waitFor();
          assert.match(await alert.innerText(), /cannot be read as a date/);
          assert.equal(await box.getAttribute("aria-invalid"), "true");
          if (template === "ddtt-action-plan") await shot(page, "invalid-date");
        },
      });
      await shot(page, `written-${template}`);
      const bytes = await download(page);
      checkReadBack(bytes, typed, template);
      assert.deepEqual(outsideRequests, [], "nothing left the page");
    },
    { timeout: 240_000 },
  );
}

test("the preview opens the sample DDTT plan and shows its sections with a status each", async ({
  page,
  baseUrl,
}) => {
  const pane = await openPreview(page, baseUrl);
  await pane.getByRole("progressbar").waitFor();
  const items = await pane.getByRole("listitem").allTextContents();
  assert.ok(items.length >= 3, `sections listed: ${items.join(" | ")}`);
  await page.getByTestId("document-pages").locator("table").first().waitFor();
  await shot(page, "overview-ddtt");
  await expectNoAxeViolations(page, "overview");
});
