// Values bound for cells too narrow to read them (the CLNA's Goals & Targets dates sit in a cell
// 0.18 inch wide beside their labels): the pane says so under the field and above Write, before
// anything is written, at 320 and 450 px as well.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assert, test } from "./support/harness.mjs";
import { openPreview } from "./support/preview-pane.mjs";
import { downloadFromPreview as download, paneTools } from "./support/preview-files.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const shots = path.join(here, "..", "..", "test-results", "narrow-cells");
mkdirSync(shots, { recursive: true });
const tools = paneTools();

/** Opens the section whose option text includes `title`. */
async function openSection(pane, title) {
  const select = pane.getByLabel("Section", { exact: true });
  const at = await select.evaluate(
    (el, t) => [...el.options].findIndex((o) => o.text.includes(t)),
    title,
  );
  assert.ok(at >= 0, `a section named ${title}`);
  await select.selectOption(String(at));
}

test("an entry for a cell too narrow to read it is said under the field and above Write, before writing", async ({
  page,
  baseUrl,
}) => {
  const pane = await openPreview(page, baseUrl, "?sample=clna");
  await pane.getByRole("tab", { name: "Fill" }).click();
  await openSection(pane, "Goals & Targets");
  await pane.getByRole("heading", { level: 2, name: /Goals & Targets/ }).waitFor();
  const notice = pane.getByTestId("narrow-cells");
  assert.equal(await notice.count(), 0, "nothing is said while nothing is typed");

  const start = pane.locator('[data-field="plan-start-date"]');
  await start.locator("input:not([type=date])").first().fill("9/1/2026");
  // A long entry in a wide cell (High Leverage Area of Challenge spans three columns) is not warned about.
  await pane
    .locator('[data-field="high-leverage-area"]')
    .locator("input, textarea")
    .first()
    .fill("Too few work-based learning placements for students in health programs");
  await pane.locator("#section-title").click();

  await notice.waitFor();
  assert.match(await notice.innerText(), /1 entry goes into a cell too narrow to read it/);
  assert.match(await notice.innerText(), /Widen the column in Word, or type it after the label/);
  assert.match(
    await start.innerText(),
    /The cell this goes into is 0\.18 in wide, too narrow for a single character/,
  );
  assert.doesNotMatch(
    await pane.locator('[data-field="high-leverage-area"]').innerText(),
    /too narrow|in wide/,
  );
  // Nothing is written yet: the document still holds no start date.
  const before = tools.readPlanData((await download(page)).bytes);
  const goals = (d) =>
    d.plans[0].sections
      .find((s) => s.id === "action-plan-goals")
      .fields.find((f) => f.id === "plan-start-date");
  assert.equal(goals(before).value, "");

  // A second entry for a narrow cell: the notice counts both.
  await pane
    .locator('[data-field="plan-end-date"]')
    .locator("input:not([type=date])")
    .first()
    .fill("6/30/2027");
  await pane.locator("#section-title").click();
  await pane.getByText("2 entries go into cells too narrow to read them").waitFor();

  for (const width of [320, 450]) {
    await page.setViewportSize({ width, height: 900 });
    await notice.scrollIntoViewIfNeeded();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= width, `at ${width} px the page is ${overflow} px wide`);
    const box = await notice.boundingBox();
    assert.ok(
      box && box.x >= 0 && box.x + box.width <= width + 1,
      `the notice fits in ${width} px`,
    );
    // The sticky Write bar never covers the notice (it rides in the bar, just above Write): every
    // corner of the notice is the notice, without scrolling to it.
    await pane.locator("#section-title").scrollIntoViewIfNeeded();
    const hidden = await notice.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const corners = [
        [r.left + 4, r.top + 4],
        [r.right - 4, r.top + 4],
        [r.left + 4, r.bottom - 4],
        [r.right - 4, r.bottom - 4],
      ];
      return corners.filter(([x, y]) => {
        const at = document.elementFromPoint(x, y);
        return !at || !el.contains(at);
      }).length;
    });
    assert.equal(hidden, 0, `at ${width} px the notice is wholly in view, not under the Write bar`);
    await page.screenshot({ path: path.join(shots, `narrow-notice-${width}.png`) });
    await start.scrollIntoViewIfNeeded();
    await start.screenshot({ path: path.join(shots, `narrow-field-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // Write puts the value in the narrow cell as it is, as the notice said; then nothing is said.
  await pane.getByRole("button", { name: "Write to document" }).click();
  await pane.getByText("Written to the document", { exact: true }).waitFor();
  assert.equal(
    await notice.count(),
    0,
    "once written the document holds it: nothing to warn about",
  );
  const after = tools.readPlanData((await download(page)).bytes);
  assert.equal(goals(after).value, "9/1/2026");

  // Clearing the entry is not warned about either.
  await start.locator("input:not([type=date])").first().fill("");
  await pane.locator("#section-title").click();
  assert.equal(await notice.count(), 0);
});
