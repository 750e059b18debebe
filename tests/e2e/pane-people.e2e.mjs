// The pane and the preview as a person meets them: the rubric beside CLNA ratings, honest section
// status, the prompt before writing entries with errors, comments added once, focus after each
// action, the 320 px width with a long file name, and a file that cannot be read.
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assert, test } from "./support/harness.mjs";
import { openPreview } from "./support/preview-pane.mjs";
import {
  downloadFromPreview as download,
  fixtureBytes as fixture,
  openPreviewFile as openFile,
  paneTools,
} from "./support/preview-files.mjs";

const require = createRequire(import.meta.url);
const { strFromU8, strToU8, unzipSync, zipSync } = require("fflate");
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const shots = path.join(root, "test-results", "pane-people");
mkdirSync(shots, { recursive: true });

const tools = paneTools();

async function shot(page, name) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: false });
}

/** The comments in a .docx's comments part. */
function commentCount(bytes) {
  const part = unzipSync(bytes)["word/comments.xml"];
  return part ? (strFromU8(part).match(/<w:comment\b/g) ?? []).length : 0;
}

/** What has focus: the field (data-field) it sits in and its tag, or its accessible name. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return {
      field: el?.closest("[data-field]")?.getAttribute("data-field") ?? null,
      row: el?.closest("[data-row]")?.getAttribute("data-row") ?? null,
      tag: el?.tagName.toLowerCase() ?? null,
      text: (el?.textContent ?? "").trim(),
    };
  });
}

test("CLNA ratings show what each rating means and the criterion's practices, and compliance sub-headings once", async ({
  page,
  baseUrl,
}) => {
  const pane = await openPreview(page, baseUrl, "?sample=clna");
  await pane.getByRole("tab", { name: "Fill" }).click();
  await pane.getByLabel("Section", { exact: true }).selectOption("2");
  await pane.getByRole("heading", { level: 2, name: "Teaching & Learning: Reflect" }).waitFor();
  await pane.getByText("What the ratings mean").waitFor();
  assert.ok(
    await pane
      .getByText("all key elements are in place and program could serve as a model to others")
      .isVisible(),
    "Exemplar's meaning is shown",
  );
  assert.ok(await pane.getByText("no key elements are in place", { exact: true }).isVisible());
  const practice = pane.getByText(/^Administration develops and maintains systems and structures/);
  assert.equal(await practice.isVisible(), false, "practices are folded until asked for");
  await pane.getByText("Practices to consider for 1.1").click();
  await practice.waitFor();
  await shot(page, "clna-rubric");
  // The document view draws the rating circles (Wingdings in the file) as circles.
  // (The sample is the CLNA as Word saves it: criterion 1.1 is a row of the rubric's table.)
  const circles = await page
    .getByTestId("document-pages")
    .evaluate((el) =>
      [...el.querySelectorAll("tr")]
        .find((r) => r.cells[0]?.textContent.trim().startsWith("1.1 "))
        ?.cells[2]?.textContent.trim(),
    );
  assert.equal(circles, "○");
  const marks = await page
    .getByTestId("document-pages")
    .evaluate((el) => (el.textContent.match(/[¡]/g) ?? []).length);
  assert.equal(marks, 0, "no Wingdings character is shown as a letter");
  // Compliance: "7.1 Program Components" once, above its items, not under every one.
  const compliance = await pane
    .getByLabel("Section", { exact: true })
    .evaluate((el) => [...el.options].findIndex((o) => o.text.includes("Compliance")));
  await pane.getByLabel("Section", { exact: true }).selectOption(String(compliance));
  await pane.getByRole("heading", { level: 3, name: "7.1 Program Components" }).waitFor();
  assert.equal(await pane.getByText("7.1 Program Components").count(), 1);
  // The Identify questions' guidance repeats the label: shown once.
  await pane.getByLabel("Section", { exact: true }).selectOption("0");
  const question = "What are 2-3 key highlights or insights";
  await pane.getByRole("heading", { level: 2, name: /Identify/ }).waitFor();
  assert.equal(await pane.getByText(new RegExp(question)).count(), 1);
});

test("a blank CLNA calls untouched optional sections Optional and none Complete", async ({
  page,
  baseUrl,
}) => {
  const pane = await openPreview(page, baseUrl, "?sample=clna");
  await pane.getByRole("progressbar").waitFor();
  const items = await pane.getByRole("listitem").allTextContents();
  assert.equal(items.length, 28);
  assert.deepEqual(
    items.filter((t) => t.endsWith("Complete")),
    [],
    "no section of a blank template is Complete",
  );
  assert.ok(items.filter((t) => t.endsWith("Optional")).length >= 10, items.join(" | "));
  assert.ok(items[0]?.endsWith("Not started"), items[0]);
  await shot(page, "clna-overview-status");
});

test("writing entries with errors asks first, the report is not green, and writing nothing says so", async ({
  page,
  baseUrl,
}) => {
  const pane = await openPreview(page, baseUrl);
  await pane.getByRole("tab", { name: "Fill" }).click();
  await pane.getByLabel("Section", { exact: true }).selectOption("0");
  await pane.locator('[data-field="district-school-name"] input').fill("Northfield Public Schools");
  await pane.locator('[data-field="todays-date"] input').first().fill("13/45/2026");
  await pane.locator("#section-title").click();
  await pane.getByRole("button", { name: "Write to document" }).click();
  const dialog = page.getByRole("alertdialog", { name: "1 entry has errors: write anyway?" });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /Today.s Date\nThis is not a real calendar date/);
  await shot(page, "write-with-errors");
  // Going back writes nothing and puts focus back on Write.
  await dialog.getByRole("button", { name: "Go back and fix" }).click();
  await dialog.waitFor({ state: "detached" });
  await page.waitForFunction(
    () => document.activeElement?.textContent?.trim() === "Write to document",
  );
  await pane.getByRole("button", { name: "Write to document" }).click();
  await dialog.getByRole("button", { name: "Write anyway" }).click();
  await pane.getByText("Written, with errors", { exact: true }).waitFor();
  await page.waitForFunction(
    () => document.activeElement?.textContent?.trim() === "Write to document",
  );
  const banner = pane.locator(".fui-MessageBar").first();
  assert.match(await banner.innerText(), /2 values written in District and date/);
  assert.match(await banner.innerText(), /1 entry with errors was written as typed/);
  assert.equal(await pane.getByRole("list", { name: "What was written" }).isVisible(), false);
  await pane.getByText("Details", { exact: true }).click();
  const details = await pane.getByRole("list", { name: "What was written" }).innerText();
  assert.match(details, /Written: District\/School Name/);
  assert.doesNotMatch(details, /paragraph \d|table \d/);
  await shot(page, "written-with-errors");
  await pane.getByRole("button", { name: "Write to document" }).click();
  await pane.getByText("Nothing to write", { exact: true }).waitFor();
});

test("Add as comment adds one comment per click, says so, and Add all skips what has one", async ({
  page,
  baseUrl,
}) => {
  const pane = await openPreview(page, baseUrl);
  await pane.getByRole("progressbar").waitFor();
  await pane.getByRole("tab", { name: "Review" }).click();
  const first = pane.getByRole("button", { name: /^Add as comment on / }).first();
  await first.waitFor();
  const name = await first.getAttribute("aria-label");
  const about = name.replace(/^Add as comment on /, "");
  assert.ok(
    await pane
      .getByRole("button", { name: `Go to ${about}` })
      .first()
      .isVisible(),
    "Go to names the field",
  );
  await first.click();
  await pane.getByText("1 comment added", { exact: true }).waitFor();
  const done = pane.getByRole("button", { name: `Comment added on ${about}` }).first();
  await done.waitFor();
  assert.equal(await done.isDisabled(), true, "a commented finding cannot be commented again");
  const one = await download(page);
  assert.equal(commentCount(one.bytes), 1);
  const all = pane.getByRole("button", { name: /^Add all as comments \(\d+\)$/ });
  const left = Number(/\((\d+)\)/.exec(await all.innerText())[1]);
  await all.click();
  await pane.getByText(`${left} comment${left === 1 ? "" : "s"} added`, { exact: true }).waitFor();
  const after = await download(page);
  assert.ok(commentCount(after.bytes) >= 2, "Add all added the others");
  assert.ok(commentCount(after.bytes) <= 1 + left, "no finding was commented twice");
  await pane.getByRole("button", { name: "Every finding shown has a comment" }).waitFor();
  await shot(page, "comments-once");
});

test("focus goes to a section's first field, to a new row's first field, and back to Write", async ({
  page,
  baseUrl,
}) => {
  const pane = await openPreview(page, baseUrl);
  await pane.getByRole("tab", { name: "Fill" }).click();
  await page.waitForFunction(
    () =>
      document.activeElement?.closest("[data-field]")?.getAttribute("data-field") ===
      "district-school-name",
  );
  await pane.getByRole("button", { name: "Next section" }).click();
  await pane.getByRole("heading", { level: 2, name: "Strategy 1" }).waitFor();
  await page.waitForFunction(() => document.activeElement?.closest("[data-field]") !== null);
  await pane.getByLabel("Section", { exact: true }).selectOption("2");
  await pane.locator('[data-row="0"]').waitFor();
  await page.waitForFunction(
    () => document.activeElement?.closest("[data-row]")?.getAttribute("data-row") === "0",
  );
  const rows = await pane.locator("[data-row]").count();
  await pane.getByRole("button", { name: /^Add row$/ }).click();
  await page.waitForFunction((n) => document.querySelectorAll("[data-row]").length === n + 1, rows);
  const f = await focused(page);
  const lastRow = await pane.locator("[data-row]").last().getAttribute("data-row");
  assert.equal(f.row, lastRow, "focus is in the new row");
  assert.ok(["input", "textarea"].includes(f.tag), `focus is on a field (${f.tag})`);
  // One Tab stop per date: Tab from a deadline's text box leaves the date field.
  const deadline = pane.locator(`[data-field="${lastRow}:deadline"] input`).first();
  await deadline.focus();
  await page.keyboard.press("Tab");
  const next = await focused(page);
  assert.notEqual(next.field, `${lastRow}:deadline`, "the calendar button is no second Tab stop");
});

test("at 320 px a long file name does not widen the page, and at 450 px the page scrolls into view", async ({
  page,
  baseUrl,
}) => {
  await openPreview(page, baseUrl);
  await page.setViewportSize({ width: 320, height: 800 });
  const long = `school-improvement-plan-for-the-northfield-regional-district-2026-2027-final-version-${"x".repeat(30)}.docx`;
  await openFile(page, long, fixture("ddtt-action-plan-5.3.1T.docx"));
  await page.getByTestId("pane").getByRole("progressbar").waitFor();
  await page
    .getByText(/Your file: school-improvement-plan/)
    .first()
    .waitFor({ state: "attached" });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `the page is ${width}px wide`);
  await shot(page, "long-name-320");
  await page.setViewportSize({ width: 450, height: 900 });
  await page.getByTestId("document-pages").locator("section.docx").first().waitFor();
  const reach = await page.evaluate(() => {
    const view = document.querySelector('[role="region"][aria-label^="Document"]');
    const sheet = document.querySelector('[data-testid="document-pages"] section.docx');
    view.scrollLeft = 0;
    const v = view.getBoundingClientRect();
    const s = sheet.getBoundingClientRect();
    view.scrollLeft = view.scrollWidth;
    const s2 = sheet.getBoundingClientRect();
    return { left: s.left - v.left, right: v.right - s2.right };
  });
  assert.ok(reach.left >= 0, `the page's left edge is ${-reach.left}px out of reach`);
  assert.ok(reach.right >= -1, `the page's right edge is ${-reach.right}px out of reach`);
  await shot(page, "page-450");
});

test("a file that cannot be read gives one message, clears the view, and Download says why", async ({
  page,
  baseUrl,
}) => {
  const pane = await openPreview(page, baseUrl);
  await page.getByTestId("document-pages").locator("table").first().waitFor();
  await openFile(page, "notes.docx", strToU8("these are not the bytes of a Word document"));
  await page.getByText("notes.docx could not be read").waitFor();
  assert.equal(await page.getByTestId("document-pages").count(), 0, "the old document is gone");
  assert.equal(await pane.getByRole("progressbar").count(), 0, "the old plan is gone");
  assert.equal(
    await page.getByRole("alert").or(page.locator(".fui-MessageBar")).count(),
    1,
    "one message",
  );
  const button = page.getByRole("button", { name: "Download" });
  assert.equal(await button.isDisabled(), true);
  const why = await button.getAttribute("aria-describedby");
  assert.match(await page.locator(`[id="${why}"]`).innerText(), /could not be read/);
  await shot(page, "unreadable");
  // A zip bomb: the guarded reader refuses it before the renderer sees it.
  const parts = unzipSync(fixture("ddtt-action-plan-5.3.1T.docx"));
  const bomb = new Uint8Array(64 * 1024 * 1024);
  bomb.fill(0x20);
  bomb.set(parts["word/document.xml"]);
  parts["word/document.xml"] = bomb;
  const bombBytes = zipSync(parts, { level: 9 });
  await openFile(page, "bomb.docx", bombBytes);
  await page.getByText("bomb.docx could not be read").waitFor();
  assert.equal(await page.getByTestId("document-pages").count(), 0, "no rendering was started");
  // A readable file opens again, and Download suggests a filled copy's name.
  await openFile(page, "Northfield plan.docx", fixture("ddtt-action-plan-5.3.1T.docx"));
  await pane.getByRole("progressbar").waitFor();
  assert.equal(
    await page.locator(".fui-MessageBar").filter({ hasText: "could not be read" }).count(),
    0,
  );
  const saved = await download(page);
  assert.equal(saved.name, "Northfield plan filled.docx");
});

test("opening another file asks before throwing away entries not yet written", async ({
  page,
  baseUrl,
}) => {
  const pane = await openPreview(page, baseUrl);
  await pane.getByRole("tab", { name: "Fill" }).click();
  await pane.locator('[data-field="district-school-name"] input').fill("Typed, not written");
  await pane.locator("#section-title").click();
  await pane.getByRole("tab", { name: "Overview" }).click();
  await pane.getByText("Not yet written").first().waitFor();
  const asked = new Promise((resolve) =>
    page.once("dialog", (d) => {
      resolve(d.message());
      void d.dismiss();
    }),
  );
  await openFile(page, "other.docx", fixture("sfss-action-planning.docx"));
  assert.match(await asked, /not written/);
  await pane.getByRole("tab", { name: "Fill" }).click();
  assert.equal(
    await pane.locator('[data-field="district-school-name"] input').inputValue(),
    "Typed, not written",
  );
});

test("Add challenge adds an SFSS challenge block in the pane, written as a copy of the last one", async ({
  page,
  baseUrl,
}) => {
  const pane = await openPreview(page, baseUrl, "?sample=sfss-action-plan");
  await pane.getByRole("tab", { name: "Fill" }).click();
  const select = pane.getByLabel("Section", { exact: true });
  const at = await select.evaluate((el) =>
    [...el.options].findIndex((o) => o.text.includes("Challenge/Problem 2")),
  );
  await select.selectOption(String(at));
  await pane.getByRole("button", { name: "Add challenge" }).click();
  await pane.getByRole("heading", { level: 2, name: "Challenge/Problem 3" }).waitFor();
  await page.waitForFunction(
    () =>
      document.activeElement?.closest("[data-field]")?.getAttribute("data-field") === "description",
  );
  await pane.locator('[data-field="description"] textarea').fill("Chronic absence in grade 9");
  await pane.locator("#section-title").click();
  await shot(page, "add-challenge");
  await pane.getByRole("button", { name: "Write to document" }).click();
  await pane.getByText("Written to the document", { exact: true }).waitFor();
  const saved = await download(page);
  const plan = tools.readPlanData(saved.bytes).plans[0];
  const challenges = plan.sections.filter((s) => s.id === "challenge");
  assert.equal(challenges.length, 3, "three challenge blocks");
  assert.equal(
    challenges[2].fields.find((f) => f.id === "description").value,
    "Chronic absence in grade 9",
  );
  assert.equal(plan.sections.filter((s) => s.id === "strategies").length, 3);
});
