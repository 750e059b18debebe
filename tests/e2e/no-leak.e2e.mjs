// Nothing leaves the machine: a plan holding marker strings is filled, written, checked, commented
// and downloaded in the preview while every request the page makes is recorded, bodies included.
import { assert, test } from "./support/harness.mjs";
import { fillDistrict, openPreview } from "./support/preview-pane.mjs";

const marker = "PLANASSIST-MARKER-4e7c1b";

test("filling, reviewing and downloading a plan sends no request with its text and none beyond the page's own server", async ({
  page,
  baseUrl,
  outsideRequests,
}) => {
  const origin = new URL(baseUrl).origin;
  const seen = [];
  page.on("request", (request) => {
    seen.push({ url: request.url(), body: request.postData() ?? "" });
  });
  const pane = await openPreview(page, baseUrl);
  await pane.getByRole("progressbar").waitFor();
  await fillDistrict(pane, `${marker} District`);
  await pane.getByRole("button", { name: "Write to document" }).click();
  await pane.getByText("Written to the document", { exact: true }).first().waitFor();
  await page.getByTestId("document-pages").getByText(`${marker} District`).waitFor();

  await pane.getByRole("tab", { name: "Review" }).click();
  await pane.getByRole("button", { name: /^Add all as comments/ }).click();
  await pane
    .getByText(/^\d+ comments? added$/)
    .first()
    .waitFor();
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download" }).click(),
  ]);
  assert.ok((await file.suggestedFilename()).endsWith(".docx"));

  assert.ok(seen.length > 0, "the page's own files were requested");
  const carrying = seen.filter((r) => r.url.includes(marker) || r.body.includes(marker));
  assert.deepEqual(carrying, [], "no request carries document text");
  const elsewhere = seen.filter(
    (r) => !r.url.startsWith(origin) && !r.url.startsWith("blob:") && !r.url.startsWith("data:"),
  );
  assert.deepEqual(elsewhere, [], "every request stays on the page's own server");
  assert.deepEqual(outsideRequests, [], "the test server saw no attempt to reach another host");
});
