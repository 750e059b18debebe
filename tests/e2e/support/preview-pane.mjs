// Steps shared by the browser tests that drive the preview's task pane.

/** Opens the preview (the sample DDTT plan loads first) and waits for the pane's first screen. */
export async function openPreview(page, baseUrl, query = "") {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${baseUrl}/preview.html${query}`, { waitUntil: "load" });
  const pane = page.getByTestId("pane");
  await pane.getByRole("heading", { level: 2 }).first().waitFor({ timeout: 15_000 });
  return pane;
}

/** Types a District/School Name in the DDTT plan's first section and leaves the field. */
export async function fillDistrict(pane, value) {
  await pane.getByRole("tab", { name: "Fill" }).click();
  await pane.getByLabel("Section", { exact: true }).selectOption("0");
  await pane.locator('[data-field="district-school-name"] input').fill(value);
  await pane.locator("#section-title").click();
}
