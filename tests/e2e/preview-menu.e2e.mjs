// The preview's own controls: the Sample menu says which document is open, a sample or a file of
// the person's own.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assert, test } from "./support/harness.mjs";
import { openPreview } from "./support/preview-pane.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name) =>
  readFileSync(path.join(here, "..", "fixtures", "templates", `${name}.docx`));

/** The text of the option the Sample menu shows. */
async function shownSample(page) {
  return page
    .getByLabel("Sample", { exact: true })
    .evaluate((select) => select.options[select.selectedIndex]?.textContent ?? "");
}

test("the Sample menu names the person's own file once one is opened, and a sample again when one is chosen", async ({
  page,
  baseUrl,
}) => {
  const pane = await openPreview(page, baseUrl);
  assert.equal(await shownSample(page), "DDTT Action Plan");

  await page.getByTestId("file-input").setInputFiles({
    name: "Lincoln High plan.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: fixture("perkins-action-plans"),
  });
  await pane
    .getByRole("heading", { level: 2, name: /Program Improvement/ })
    .first()
    .waitFor();
  const shown = await shownSample(page);
  assert.match(shown, /Lincoln High plan\.docx/);
  assert.doesNotMatch(shown, /DDTT/);

  await page.getByLabel("Sample", { exact: true }).selectOption("sfss-action-plan");
  await pane.getByRole("heading", { level: 2, name: /SFSS/ }).first().waitFor();
  assert.equal(await shownSample(page), "SFSS action planning");
  const options = await page
    .getByLabel("Sample", { exact: true })
    .evaluate((select) => [...select.options].map((o) => o.textContent ?? ""));
  assert.ok(
    options.every((o) => !o.includes("Lincoln High")),
    `no own-file entry once a sample is open: ${options.join(" | ")}`,
  );
});
