// "Clear fill history" in the preview's pane: beside Revert last fill, it asks first (what the
// record holds, that earlier fills can no longer be reverted), then takes the record out of the
// file; at 320 and 450 px the toolbar and the dialog fit.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assert, test } from "./support/harness.mjs";
import { fillDistrict, openPreview } from "./support/preview-pane.mjs";
import { downloadFromPreview, paneTools } from "./support/preview-files.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const shots = path.join(here, "..", "..", "test-results", "clear-history");
mkdirSync(shots, { recursive: true });

/** Whether a .docx holds a custom XML part (zip entry names are stored as they are). */
const hasRecord = (bytes) => Buffer.from(bytes).includes("customXml/item");

test("Clear fill history asks first, then takes the record out of the file, and fits at 320 and 450 px", async ({
  page,
  baseUrl,
}) => {
  const pane = await openPreview(page, baseUrl);
  await fillDistrict(pane, "Northfield Public Schools");
  await pane.getByRole("button", { name: "Write to document" }).click();
  await pane.getByText("Written to the document", { exact: true }).first().waitFor();
  assert.ok(hasRecord((await downloadFromPreview(page)).bytes), "the fill is recorded");

  const clear = pane.getByRole("button", { name: "Clear fill history" });
  const revert = pane.getByRole("button", { name: "Revert last fill" });
  for (const width of [320, 450]) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= width, `at ${width} px the page is ${overflow} px wide`);
    const [a, b] = [await clear.boundingBox(), await revert.boundingBox()];
    assert.ok(a && b && a.x + a.width <= width + 1, `the button fits in ${width} px`);
    await page.screenshot({ path: path.join(shots, `toolbar-${width}.png`) });
    await clear.click();
    const dialog = page.getByRole("alertdialog", { name: "Clear the fill history?" });
    await dialog.waitFor();
    const box = await dialog.boundingBox();
    assert.ok(
      box && box.x >= 0 && box.x + box.width <= width + 1,
      `the dialog fits in ${width} px`,
    );
    assert.match(await dialog.innerText(), /what each cell held before the fill/);
    assert.match(await dialog.innerText(), /Revert last fill will no longer be possible/);
    await page.screenshot({ path: path.join(shots, `dialog-${width}.png`) });
    await dialog.getByRole("button", { name: "Keep it" }).click();
    await dialog.waitFor({ state: "detached" });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.ok(hasRecord((await downloadFromPreview(page)).bytes), "kept: the record is still there");

  await clear.click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Clear fill history" }).click();
  await pane.getByText("Fill history cleared", { exact: true }).waitFor();
  const after = (await downloadFromPreview(page)).bytes;
  assert.ok(!hasRecord(after), "the record is out of the file");
  // The document's text stays: the district written is still there.
  const district = paneTools()
    .readPlanData(after)
    .plans[0].sections.find((s) => s.id === "plan-header")
    .fields.find((f) => f.id === "district-school-name");
  assert.equal(district.value, "Northfield Public Schools");
  await revert.click();
  await pane.getByText("Nothing to revert", { exact: true }).waitFor();
});
