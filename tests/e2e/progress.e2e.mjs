// The pane's Progress view in the browser preview: a plan's dated steps listed by status (overdue
// first) with owner and deadline; "Mark done" writes into the template's own completion column or
// a Status column the district added, asking before it replaces typed text; the downloaded file
// reads back done; "Revert last fill" undoes it.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import { assert, test } from "./support/harness.mjs";
import { openPreview } from "./support/preview-pane.mjs";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const shots = path.join(root, "test-results", "progress");
mkdirSync(shots, { recursive: true });

const toolsFile = path.join(root, "test-results", "progress-tools.cjs");
buildSync({
  entryPoints: [path.join(here, "progress-tools.ts")],
  bundle: true,
  platform: "node",
  format: "cjs",
  outfile: toolsFile,
  logLevel: "error",
});
const tools = require(toolsFile);

const replica = (name) =>
  new Uint8Array(readFileSync(path.join(root, "tests", "fixtures", "templates", name)));

/** Today as the pane sees it (the machine's local date). */
function localToday() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function openFile(page, name, bytes) {
  await page.getByTestId("file-input").setInputFiles({
    name,
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: Buffer.from(bytes),
  });
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

/** The state of each listed step, in the order the pane lists them. */
async function listedStates(pane) {
  return pane
    .locator("[data-step-state]")
    .evaluateAll((els) => els.map((e) => e.dataset.stepState));
}

async function openProgress(page, baseUrl, name, bytes) {
  const pane = await openPreview(page, baseUrl);
  await openFile(page, name, bytes);
  await pane.getByRole("tab", { name: "Progress" }).click();
  await pane.getByRole("heading", { name: "Progress", level: 2 }).waitFor();
  return pane;
}

test("the Progress view lists steps overdue first, marks one done in the Perkins completion column, reads back and reverts", async ({
  page,
  baseUrl,
  outsideRequests,
}) => {
  const today = localToday();
  const bytes = tools.perkinsWithSteps(today, replica("perkins-action-plans.docx"));
  const pane = await openProgress(page, baseUrl, "perkins-progress.docx", bytes);
  await pane.getByRole("heading", { name: "Overdue (1)" }).waitFor();
  assert.deepEqual(await listedStates(pane), ["overdue", "due-soon", "not-started"]);
  const first = pane.locator("[data-step-state]").first();
  assert.match(await first.innerText(), /Actions, Action 1/);
  assert.match(await first.innerText(), /Owner: Dana Ruiz/);
  assert.match(await first.innerText(), /10 days ago/);
  await page.screenshot({ path: path.join(shots, "progress-list.png") });

  // Mark the overdue step done: written into "Indicate completion of actions/tasks".
  await pane.getByRole("button", { name: "Mark done: Actions, Action 1" }).click();
  await pane.getByText(/^Marked done: Actions, Action 1/).waitFor();
  await pane.getByRole("heading", { name: "Done (1)" }).waitFor();
  assert.deepEqual(await listedStates(pane), ["due-soon", "not-started", "done"]);
  await page.screenshot({ path: path.join(shots, "progress-marked.png") });
  const written = tools.stepsOf(await download(page), today);
  assert.equal(written[0].state, "done");
  assert.match(written[0].status, /^Completed \d{1,2}\/\d{1,2}\/\d{4}$/);

  // The due-soon step says "In progress": marking it done asks first.
  await pane.getByRole("button", { name: "Mark done: Actions, Action 2" }).click();
  const dialog = page.getByRole("dialog", { name: "Replace what the status cell holds?" });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /In progress/);
  await dialog.getByRole("button", { name: "Keep it" }).click();
  await dialog.waitFor({ state: "hidden" });
  assert.deepEqual(await listedStates(pane), ["due-soon", "not-started", "done"]);

  // Revert last fill undoes the mark: the step is overdue again, in the file too.
  await pane.getByRole("button", { name: "Revert last fill" }).click();
  await pane.getByText("Last fill reverted", { exact: true }).first().waitFor();
  await pane.getByRole("heading", { name: "Overdue (1)" }).waitFor();
  assert.deepEqual(await listedStates(pane), ["overdue", "due-soon", "not-started"]);
  const reverted = tools.stepsOf(await download(page), today);
  assert.equal(reverted[0].state, "overdue");
  assert.equal(reverted[0].status, "");
  assert.deepEqual(outsideRequests, []);
});

test("Mark done writes into a Status column the district added, and says why a plan without one cannot be marked", async ({
  page,
  baseUrl,
}) => {
  const today = localToday();
  const bytes = tools.ddttWithStatusColumn(today, replica("ddtt-action-plan-5.3.1T.docx"));
  const pane = await openProgress(page, baseUrl, "ddtt-status.docx", bytes);
  await pane.getByRole("heading", { name: "Overdue (1)" }).waitFor();
  await pane.getByRole("button", { name: "Mark done: Action steps #1, row 1" }).click();
  await pane.getByText(/^Marked done: Action steps #1, row 1/).waitFor();
  assert.deepEqual(await listedStates(pane), ["not-started", "done"]);
  const back = tools.stepsOf(await download(page), today);
  assert.equal(back[0].state, "done");
  assert.match(back[0].status, /^Completed /);
  await page.screenshot({ path: path.join(shots, "progress-status-column.png") });

  // The blank sample DDTT has no Status column: its steps (none yet) cannot be marked.
  await openFile(page, "ddtt-blank.docx", replica("ddtt-action-plan-5.3.1T.docx"));
  await pane.getByRole("tab", { name: "Progress" }).click();
  await pane.getByText(/No dated steps are filled in yet/).waitFor();
});

/** The widest element's right edge against the viewport: nothing may stick out sideways. */
async function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test("the check and status reports read at 450 px, print cleanly, and the status tables sort", async ({
  page,
  outsideRequests,
}) => {
  const today = localToday();
  const files = [
    {
      name: "a-district-with-a-rather-long-folder-name/perkins-program-improvement-plan.docx",
      bytes: tools.perkinsWithSteps(today, replica("perkins-action-plans.docx")),
    },
    {
      name: "ddtt.docx",
      bytes: tools.ddttWithStatusColumn(today, replica("ddtt-action-plan-5.3.1T.docx")),
    },
    { name: "clna-blank.docx", bytes: replica("clna-self-assessment.docx") },
  ];
  const { check, status } = await tools.reportPages(files, today);
  for (const [name, html] of [
    ["check", check],
    ["status", status],
  ]) {
    await page.setViewportSize({ width: 450, height: 900 });
    await page.setContent(html, { waitUntil: "load" });
    assert.ok((await overflow(page)) <= 0, `the ${name} report fits 450 px`);
    await page.screenshot({ path: path.join(shots, `${name}-report-450.png`), fullPage: false });
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: 794, height: 1123 });
    assert.ok((await overflow(page)) <= 0, `the ${name} report prints within an A4 page width`);
    const pdf = await page.pdf({ format: "A4" });
    assert.ok(pdf.length > 1000, `the ${name} report prints`);
    await page.emulateMedia({ media: "screen" });
  }
  // The check report's file table links to each file's findings.
  await page.setContent(check, { waitUntil: "load" });
  const links = await page
    .locator('a[href^="#file-"]')
    .evaluateAll((as) =>
      as.map((a) => document.getElementById(a.getAttribute("href").slice(1)) !== null),
    );
  assert.deepEqual(links, [true, true, true]);
  // The status report's tables sort by the column clicked.
  await page.setContent(status, { waitUntil: "load" });
  const table = page.locator("table.sortable").nth(1);
  const column = (i) =>
    table.locator("tbody tr").evaluateAll((rows, i) => rows.map((r) => r.cells[i].textContent), i);
  await table.getByRole("button", { name: "Deadline" }).click();
  const up = await column(2);
  assert.deepEqual(up, [...up].sort());
  await table.getByRole("button", { name: "Deadline" }).click();
  assert.deepEqual(await column(2), [...up].reverse());
  assert.equal(await page.locator("svg").count(), 2);
  assert.deepEqual(outsideRequests, []);
});

test("Start next cycle makes this document next year's plan in one fill that Revert last fill undoes", async ({
  page,
  baseUrl,
}) => {
  const today = localToday();
  const bytes = tools.perkinsWithSteps(today, replica("perkins-action-plans.docx"));
  const before = tools.stepsOf(bytes, today);
  const pane = await openProgress(page, baseUrl, "perkins-cycle.docx", bytes);
  await pane.getByRole("button", { name: "Mark done: Actions, Action 1" }).click();
  await pane.getByRole("heading", { name: "Done (1)" }).waitFor();
  await pane.getByRole("button", { name: "Start next cycle…" }).click();
  const dialog = page.getByRole("dialog", { name: "Start next year's plan from this one?" });
  await dialog.waitFor();
  await page.screenshot({ path: path.join(shots, "next-cycle-dialog.png") });
  await dialog.getByRole("button", { name: "Start next cycle" }).click();
  await pane
    .getByText(/^Next cycle started: 2 steps carried over with deadlines a year on, 1 done dropped/)
    .waitFor();
  const next = tools.stepsOf(await download(page), today);
  assert.deepEqual(
    next.map((s) => s.text),
    before.slice(1).map((s) => s.text),
  );
  const yearOn = (iso) => `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`;
  assert.deepEqual(
    next.map((s) => s.deadline),
    before.slice(1).map((s) => yearOn(s.deadline)),
  );
  await pane.getByRole("button", { name: "Revert last fill" }).click();
  await pane.getByText("Last fill reverted", { exact: true }).first().waitFor();
  await pane.getByRole("heading", { name: "Done (1)" }).waitFor();
  const back = tools.stepsOf(await download(page), today);
  assert.deepEqual(
    back.map((s) => s.deadline),
    before.map((s) => s.deadline),
  );
});
