// The task pane in Word as a person sees it, with Office.js answered by a small fake of Word in
// the page (the CDN's office.js is replaced by it): what a WordApi 1.3-only Word (Office 2019,
// Office LTSC 2021) cannot do is said and its buttons are not shown, Track Changes being on is
// said before anything is written, and the old Internet Explorer / EdgeHTML webviews get a message
// instead of a blank pane, from a script the page's Content Security Policy allows.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { unzipSync, strFromU8 } from "fflate";
import { assert, test } from "./support/harness.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** A replica as Word's body.getOoxml() gives it: a flat OPC package of its XML parts. */
function flatOpc(file) {
  const parts = unzipSync(
    new Uint8Array(readFileSync(path.join(root, "tests", "fixtures", "templates", file))),
  );
  const types = {
    "_rels/.rels": "application/vnd.openxmlformats-package.relationships+xml",
    "word/_rels/document.xml.rels": "application/vnd.openxmlformats-package.relationships+xml",
    "word/document.xml":
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "word/styles.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
  };
  const body = Object.entries(types)
    .filter(([name]) => parts[name])
    .map(
      ([name, type]) =>
        `<pkg:part pkg:name="/${name}" pkg:contentType="${type}"><pkg:xmlData>${strFromU8(
          parts[name],
        ).replace(/^<\?xml[^>]*\?>\s*/, "")}</pkg:xmlData></pkg:part>`,
    )
    .join("");
  return `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">${body}</pkg:package>`;
}

/**
 * A fake office.js: Office.onReady, requirement sets up to `version`, and a Word.run whose
 * document hands over `ooxml` (and its Track Changes mode) at the sync, as Word does.
 */
function fakeOffice({ ooxml, version, tracking }) {
  return `(() => {
  const ooxml = ${JSON.stringify(ooxml)};
  const max = ${JSON.stringify(version)};
  window.Office = {
    onReady: () => Promise.resolve({ host: "Word", platform: "PC" }),
    context: {
      requirements: { isSetSupported: (n, v) => n === "WordApi" && Number(v) <= Number(max) },
      document: { mode: "readWrite" },
    },
  };
  window.Word = {
    run: async (batch) => {
      const queue = [];
      const noPart = { isNullObject: true, load() {}, getXml: () => ({ value: null }) };
      const document = {
        body: {
          getOoxml() {
            const r = { value: undefined };
            queue.push(() => (r.value = ooxml));
            return r;
          },
        },
        load(props) {
          if (Number(max) < 1.4) throw Object.assign(new Error("ApiNotFound"), { code: "ApiNotFound" });
          queue.push(() => (document.changeTrackingMode = ${tracking ? '"TrackAll"' : '"Off"'}));
        },
        customXmlParts: {
          getByNamespace: () => ({ items: [], load() {}, getOnlyItemOrNullObject: () => noPart }),
        },
      };
      return batch({ document, sync: async () => queue.splice(0).forEach((f) => f()) });
    },
  };
})();`;
}

async function openInWord(page, baseUrl, options) {
  await page.route(OFFICE_JS, (route) =>
    route.fulfill({ contentType: "text/javascript", body: fakeOffice(options) }),
  );
  await page.goto(`${baseUrl}/taskpane.html`, { waitUntil: "load" });
  await page.getByRole("tab", { name: "Overview" }).waitFor({ timeout: 20_000 });
}

const ddtt = () => flatOpc("ddtt-action-plan-5.3.1T.docx");

test("a WordApi 1.3-only Word: a plain notice says what it cannot do, and there is no Revert and no comment button", async ({
  page,
  baseUrl,
  consoleErrors,
}) => {
  await openInWord(page, baseUrl, { ooxml: ddtt(), version: "1.3", tracking: false });
  const notice = page.getByTestId("host-notice");
  await notice.first().waitFor();
  const text = await notice.allInnerTexts();
  assert.equal(text.length, 1, text.join(" | "));
  assert.match(text[0], /This Word cannot revert a fill or add findings as comments/);
  assert.match(text[0], /WordApi 1\.4/);
  assert.match(text[0], /planassist revert/);
  assert.equal(await page.getByRole("button", { name: "Revert last fill" }).count(), 0);
  await page.getByRole("tab", { name: "Review" }).click();
  await page.getByRole("heading", { name: "Review" }).waitFor();
  assert.ok((await page.getByRole("button", { name: /^Go to / }).count()) > 0, "findings shown");
  assert.equal(await page.getByRole("button", { name: /comment/i }).count(), 0);
  assert.deepEqual(consoleErrors, []);
});

test("a Word with WordApi 1.4: Revert and comments are there, and Track Changes being on is said before writing", async ({
  page,
  baseUrl,
  consoleErrors,
}) => {
  await openInWord(page, baseUrl, { ooxml: ddtt(), version: "1.5", tracking: true });
  const notice = page.getByTestId("host-notice");
  await notice.first().waitFor();
  const text = await notice.allInnerTexts();
  assert.equal(text.length, 1, text.join(" | "));
  assert.match(text[0], /Track Changes is on/);
  assert.match(text[0], /tracked changes/);
  assert.equal(await page.getByRole("button", { name: "Revert last fill" }).count(), 1);
  await page.getByRole("tab", { name: "Review" }).click();
  await page.getByRole("heading", { name: "Review" }).waitFor();
  assert.ok((await page.getByRole("button", { name: /^Add as comment on / }).count()) > 0);
  assert.deepEqual(consoleErrors, []);
});

test("a Word with WordApi 1.4 and Track Changes off shows no host notice", async ({
  page,
  baseUrl,
}) => {
  await openInWord(page, baseUrl, { ooxml: ddtt(), version: "1.4", tracking: false });
  assert.equal(await page.getByTestId("host-notice").count(), 0);
});

for (const [name, userAgent, words] of [
  [
    "Internet Explorer 11",
    "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko",
    /Internet Explorer/,
  ],
  [
    "EdgeHTML",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041",
    /EdgeHTML/,
  ],
]) {
  test(`the ${name} webview gets a message instead of a blank pane, within the page's CSP`, async ({
    browser,
    baseUrl,
  }) => {
    const context = await browser.newContext({ userAgent });
    const origin = new URL(baseUrl).origin;
    const errors = [];
    await context.route("**/*", (route) =>
      route.request().url().startsWith(`${origin}/`)
        ? route.continue()
        : route.abort("blockedbyclient"),
    );
    try {
      const page = await context.newPage();
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => {
        if (m.type() === "error" && /Content Security Policy/i.test(m.text()))
          errors.push(m.text());
      });
      await page.goto(`${baseUrl}/taskpane.html`, { waitUntil: "load" });
      const box = page.getByTestId("old-webview");
      await box.waitFor({ timeout: 10_000 });
      const text = await box.innerText();
      assert.match(text, /PlanAssist cannot run in this version of Word/);
      assert.match(text, words);
      assert.match(text, /Word on the web/);
      // The pane's own scripts (deferred: run before "load") left the message alone.
      assert.equal(await page.getByTestId("old-webview").count(), 1);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test("the diagnostics page loads Office.js under its CSP and gets ready to run its checks in Word", async ({
  page,
  baseUrl,
  consoleErrors,
}) => {
  await page.route(OFFICE_JS, (route) =>
    route.fulfill({
      contentType: "text/javascript",
      body: fakeOffice({ ooxml: ddtt(), version: "1.4", tracking: false }),
    }),
  );
  await page.goto(`${baseUrl}/diagnostics.html`, { waitUntil: "load" });
  await page.getByText("Ready. Open a new blank document").waitFor({ timeout: 10_000 });
  assert.equal(await page.getByRole("button", { name: "Run the checks" }).isEnabled(), true);
  assert.deepEqual(consoleErrors, []);
});

test("the diagnostics page outside Word says so", async ({ page, baseUrl }) => {
  await page.goto(`${baseUrl}/diagnostics.html`, { waitUntil: "load" });
  await page.getByText("Word is not here").waitFor({ timeout: 10_000 });
  assert.equal(await page.getByRole("button", { name: "Run the checks" }).isDisabled(), true);
});
