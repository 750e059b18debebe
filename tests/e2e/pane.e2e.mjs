// The task pane in the browser preview: opening, guided filling, writing, review, and access.
// Each template's replica is opened, every section filled through the pane, written, downloaded,
// and the downloaded file read back with the .docx adapter and the plan reader.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assert, test } from "./support/harness.mjs";
import { fillDistrict, openPreview } from "./support/preview-pane.mjs";
import { downloadFromPreview, openPreviewFile, paneTools } from "./support/preview-files.mjs";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const shots = path.join(root, "test-results", "pane");
mkdirSync(shots, { recursive: true });

// The .docx adapter and plan reader, bundled for Node from the project's TypeScript.
const tools = paneTools();
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

/**
 * Runs axe-core on the page and fails on any violation. Fluent's focus manager (Tabster) puts
 * hidden `<i data-tabster-dummy>` sentinels around focus zones that pass focus on at once; they
 * are left out, as Fluent's own accessibility tests do.
 */
async function expectNoAxeViolations(page, state) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(
      { exclude: [["[data-tabster-dummy]"]] },
      { resultTypes: ["violations"] },
    );
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

/** Opens a file in the preview through its file picker. */
const openFile = openPreviewFile;

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
      // Signature lines are signed by hand: to-do items the add-in never fills.
      if (section.id.endsWith("-signature")) continue;
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
      // Values valid one by one can still clash (dates out of order): the pane asks first.
      const errors = page.getByRole("alertdialog");
      const notice = pane.locator(".fui-MessageBarTitle").filter({ hasText: /^Written/ });
      await Promise.race([
        notice.first().waitFor({ timeout: 15_000 }),
        dialog.waitFor({ timeout: 15_000 }),
        errors.waitFor({ timeout: 15_000 }),
      ]);
      if (await errors.isVisible()) {
        await errors.getByRole("button", { name: "Write anyway" }).click();
        await Promise.race([
          notice.first().waitFor({ timeout: 15_000 }),
          dialog.waitFor({ timeout: 15_000 }),
        ]);
      }
      if (await dialog.isVisible())
        await dialog.getByRole("button", { name: "Write to document" }).click();
      await notice.first().waitFor({ timeout: 15_000 });
      // The report's details are folded under its summary.
      await pane.getByText("Details", { exact: true }).first().click();
      const report = await pane.getByRole("list", { name: "What was written" }).innerText();
      assert.doesNotMatch(report, /Not written/, `nothing failed in ${section.id}: ${report}`);
      await pane.getByRole("button", { name: "Dismiss" }).click();
    }
  }
  return typed;
}

async function download(page) {
  return (await downloadFromPreview(page)).bytes;
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

// Every replica as the office suite wrote it, and the two with most touching tables as Word
// saves them (touching tables joined into one).
const forms = [
  ...Object.keys(replicas).map((template) => [template, "split"]),
  ["clna", "joined"],
  ["sfss-action-plan", "joined"],
];
for (const [template, form] of forms) {
  const bytesOf = () =>
    form === "joined" ? tools.joinedDocx(replicaBytes(template)) : replicaBytes(template);
  test(
    `fills every section of the ${template} replica${form === "joined" ? " as Word saves it (touching tables joined)" : ""} through the pane, writes, downloads and reads every value back`,
    async ({ page, baseUrl, outsideRequests }) => {
      const pane = await openPreview(page, baseUrl);
      await openFile(page, replicas[template], bytesOf());
      await pane.getByRole("progressbar").waitFor();
      const data = tools.readPlanData(bytesOf());
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

/** A minimal .docx with the given body XML (for documents that are no template). */
function docxWithBody(bodyXml) {
  const { zipSync, strToU8 } = require("fflate");
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/document.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${bodyXml}<w:sectPr/></w:body></w:document>`,
    ),
  });
}

test("asks before replacing text, shows it before and after, reports what was written, and reverts it", async ({
  page,
  baseUrl,
}) => {
  const pane = await openPreview(page, baseUrl);
  await pane.getByRole("progressbar").waitFor();
  await expectNoAxeViolations(page, "overview");
  await fillDistrict(pane, "Northfield Public Schools");
  await shot(page, "section-form");
  await expectNoAxeViolations(page, "section form");
  await pane.getByRole("button", { name: "Write to document" }).click();
  await pane.getByText("Written to the document", { exact: true }).first().waitFor();
  await fillDistrict(pane, "Southfield Public Schools");
  await pane.getByRole("button", { name: "Write to document" }).click();
  const dialog = page.getByRole("dialog", { name: "Replace text already in the document?" });
  await dialog.waitFor();
  assert.match(
    await dialog.innerText(),
    /Northfield Public Schools[\s\S]*Southfield Public Schools/,
  );
  await shot(page, "consent");
  await expectNoAxeViolations(page, "consent dialog");
  await dialog.getByRole("button", { name: "Write to document" }).click();
  await pane.getByText("Written to the document", { exact: true }).first().waitFor();
  await pane.getByText("Details", { exact: true }).first().click();
  const report = pane.getByRole("list", { name: "What was written" });
  await report.waitFor();
  assert.match(await report.innerText(), /Written: District\/School Name/);
  await page.getByTestId("document-pages").getByText("Southfield Public Schools").waitFor();
  await shot(page, "write-report");
  await expectNoAxeViolations(page, "write report");
  await pane.getByRole("button", { name: "Revert last fill" }).click();
  await pane.getByText("Last fill reverted", { exact: true }).first().waitFor();
  await pane.getByRole("tab", { name: "Fill" }).click();
  assert.equal(
    await pane.locator('[data-field="district-school-name"] input').inputValue(),
    "Northfield Public Schools",
  );
  await page.getByTestId("document-pages").getByText("Northfield Public Schools").waitFor();
});

test("review mode lists findings by section, filters by severity, adds comments and copies a summary", async ({
  page,
  context,
  baseUrl,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const pane = await openPreview(page, baseUrl);
  await pane.getByRole("progressbar").waitFor();
  await pane.getByRole("tab", { name: "Review" }).click();
  const errors = pane.getByRole("checkbox", { name: /^Errors \(\d+\)$/ });
  await errors.waitFor();
  const all = await pane.getByRole("button", { name: "Add as comment" }).count();
  assert.ok(all > 0, "a blank plan has findings");
  const sections = await pane.getByRole("heading", { level: 4 }).allInnerTexts();
  assert.ok(sections.length >= 2, `grouped by section: ${sections.join(", ")}`);
  await shot(page, "review");
  await expectNoAxeViolations(page, "review");
  await errors.uncheck();
  const fewer = await pane.getByRole("button", { name: "Add as comment" }).count();
  assert.ok(fewer < all, "hiding errors hides their findings");
  await errors.check();
  await pane.getByRole("button", { name: /^Add all as comments/ }).click();
  await pane
    .getByText(/^\d+ comments? added$/)
    .first()
    .waitFor();
  await pane.getByRole("button", { name: "Copy summary" }).click();
  await pane.getByText("Summary copied", { exact: true }).first().waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(
    copied,
    /^DDTT Action Plan\nCompleteness: 0 of \d+ required fields filled and valid\nErrors: \d+/,
  );
  const bytes = await download(page);
  const { unzipSync, strFromU8 } = require("fflate");
  const files = unzipSync(bytes);
  assert.ok(files["word/comments.xml"], "the downloaded file has a comments part");
  assert.match(strFromU8(files["word/comments.xml"]), /w:author="PlanAssist"/);
});

test("a document that is no plan names the closest template; an empty one gets a blank template inserted", async ({
  page,
  baseUrl,
}) => {
  const pane = await openPreview(page, baseUrl);
  await openFile(
    page,
    "notes.docx",
    docxWithBody(
      `<w:tbl><w:tblGrid>${"<w:gridCol/>".repeat(5)}</w:tblGrid><w:tr>${[
        "Action Steps",
        "Resources",
        "Measures of Implementation",
        "Owner",
        "Deadline",
      ]
        .map((t) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`)
        .join("")}</w:tr></w:tbl><w:p><w:r><w:t>Meeting notes</w:t></w:r></w:p>`,
    ),
  );
  await pane.getByText("No known plan in this document", { exact: true }).first().waitFor();
  const missing = await pane.getByRole("list", { name: "What was not found" }).innerText();
  assert.match(missing, /District and date[\s\S]*Strategy/);
  assert.match(await pane.innerText(), /closest is the Action Plan Template 5\.3\.1T/);
  await shot(page, "unknown");
  await expectNoAxeViolations(page, "unknown document");
  await openFile(page, "empty.docx", docxWithBody("<w:p/>"));
  await pane.getByRole("button", { name: "Insert blank template" }).waitFor();
  await shot(page, "empty");
  await expectNoAxeViolations(page, "empty document");
  await pane.getByLabel("Template").selectOption("sfss-action-plan");
  await pane.getByRole("button", { name: "Insert blank template" }).click();
  await pane.getByRole("heading", { level: 2, name: /SFSS/ }).waitFor();
});

test("document text is shown as text, never as markup, in the pane and in the rendering", async ({
  page,
  baseUrl,
}) => {
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  const hostile = "<img src=x onerror=alert(1)>";
  const pane = await openPreview(page, baseUrl);
  await pane.getByRole("progressbar").waitFor();
  await fillDistrict(pane, hostile);
  await pane.getByRole("button", { name: "Write to document" }).click();
  // Text in angle brackets reads as a template placeholder: the pane asks before writing it.
  await page.getByRole("alertdialog").getByRole("button", { name: "Write anyway" }).click();
  await pane.getByText("Written, with errors", { exact: true }).first().waitFor();
  const pages = page.getByTestId("document-pages");
  await pages.getByText(hostile).waitFor();
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  assert.equal(
    await pane.locator('[data-field="district-school-name"] input').inputValue(),
    hostile,
  );
  assert.equal(dialogs, 0);
});

test("the pane works at 320 px in dark and high-contrast themes without horizontal scrolling", async ({
  page,
  baseUrl,
}) => {
  for (const theme of ["dark", "high-contrast"]) {
    const pane = await openPreview(page, baseUrl, `?paneWidth=320&theme=${theme}`);
    await pane.getByRole("progressbar").waitFor();
    await shot(page, `overview-320-${theme}`);
    await expectNoAxeViolations(page, `overview ${theme}`);
    await pane.getByRole("tab", { name: "Fill" }).click();
    await pane.getByLabel("Section", { exact: true }).selectOption("2");
    await pane.locator('[data-row="0"]').waitFor();
    await shot(page, `rows-320-${theme}`);
    await expectNoAxeViolations(page, `row cards ${theme}`);
    const overflow = await pane.evaluate((el) => el.scrollWidth - el.clientWidth);
    assert.ok(overflow <= 0, `the pane scrolls sideways by ${overflow}px`);
  }
});

/**
 * Presses a key until focus is on the target: the text box of a field (`{ field }`) or a control
 * whose accessible label or text is `{ text }`.
 */
async function keyUntil(page, key, target, max = 150) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const hit = await page.evaluate((t) => {
      const el = document.activeElement;
      if (!el) return false;
      if (t.field) {
        return (
          Boolean(el.closest(`[data-field="${t.field}"]`)) &&
          el.matches("input:not([type=date]), textarea")
        );
      }
      return el.getAttribute("aria-label") === t.text || (el.textContent ?? "").trim() === t.text;
    }, target);
    if (hit) return;
  }
  throw new Error(`could not reach ${JSON.stringify(target)} with ${key}`);
}

test(
  "a keyboard-only run fills, writes and downloads the DDTT plan",
  async ({ page, baseUrl }) => {
    const pane = await openPreview(page, baseUrl);
    await pane.getByRole("progressbar").waitFor();
    const data = tools.readPlanData(replicaBytes("ddtt-action-plan"));
    await keyUntil(page, "Tab", { text: "Overview" });
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await pane.locator("#section-title").waitFor();
    const typed = [];
    let n = 0;
    const plan = data.plans[0];
    for (const [si, section] of plan.sections.entries()) {
      const entries = [
        ...section.fields.map((f) => ({ key: f.id, field: f })),
        ...(section.rows ?? []).flatMap((r) =>
          r.cells.map((c) => ({ key: `${r.index}:${c.id}`, field: c })),
        ),
      ];
      for (const { key, field } of entries) {
        const value = validValue(field, n++);
        await keyUntil(page, "Tab", { field: key });
        await page.keyboard.type(value);
        if (field.type === "person") await page.keyboard.press("Escape");
        typed.push({ plan: 0, section: section.id, block: section.block, key, field, value });
      }
      await keyUntil(page, "Tab", { text: "Write to document" });
      await page.keyboard.press("Enter");
      await pane.getByText("Written to the document", { exact: true }).first().waitFor();
      if (si < plan.sections.length - 1) {
        await keyUntil(page, "Shift+Tab", { text: "Next section" });
        await page.keyboard.press("Enter");
        await pane
          .getByRole("heading", {
            level: 2,
            name: new RegExp(
              section.label === plan.sections[si + 1].label ? "." : plan.sections[si + 1].label,
            ),
          })
          .waitFor();
      }
    }
    await shot(page, "keyboard-done");
    await keyUntil(page, "Shift+Tab", { text: "Download" });
    const [file] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    const chunks = [];
    for await (const c of await file.createReadStream()) chunks.push(c);
    checkReadBack(new Uint8Array(Buffer.concat(chunks)), typed, "ddtt-action-plan");
  },
  { timeout: 180_000 },
);
