// A first run that shows the product: an empty library offers the demo newsroom, and one
// click fills the list, the photo desk and the sample story's lead photo.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { freshLibrary, launch, screenshot, startDriver, textOf } from "../app.js";

const SAMPLE_STORY = "bdfa652f-9423-4d96-ad2d-349778a31009";

let driver;
before(async () => { driver = await startDriver(); });
after(async () => { await driver?.stop(); });

test("an empty library offers the demo newsroom; one click loads it into the list and the photo desk", async () => {
  const library = freshLibrary("demo");
  const browser = await launch(driver, library);
  try {
    const offer = await browser.$("#article-list #load-demo");
    assert.ok(await offer.isDisplayed(), "the empty list offers the demo");
    assert.match(await textOf(browser, "#article-list .empty-state"), /No stories yet/);
    await screenshot(browser, "demo-01-offer");

    await offer.click();
    await browser.$(`#article-list li[data-id="${SAMPLE_STORY}"]`).waitForExist({ timeout: 20000 });
    const rows = await browser.$$("#article-list li[data-id]");
    assert.ok(rows.length >= 8, `${rows.length} stories listed`);
    const statuses = await browser.execute(() =>
      [...new Set([...document.querySelectorAll("#article-list li[data-id] .status")].map((s) => s.textContent))]);
    assert.deepEqual([...statuses].sort(), ["draft", "editing", "published", "ready", "spiked"]);
    assert.match(await textOf(browser, "#notice"), /demo newsroom/i);
    await screenshot(browser, "demo-02-loaded");

    // The sample story opens with its lead photo.
    await browser.$(`#article-list li[data-id="${SAMPLE_STORY}"]`).click();
    await browser.$("#lead-photo img").waitForDisplayed();
    assert.match(await browser.$("#f-headline").getValue(), /^Sports diplomacy/);
    await browser.waitUntil(() => browser.execute(() => {
      const img = document.querySelector("#lead-photo img");
      return Boolean(img?.complete && img.naturalWidth > 0);
    }), { timeoutMsg: "the lead photo's thumbnail never loaded" });
    await screenshot(browser, "demo-03-sample-story");

    // The photo desk holds the demo photos.
    await browser.$("#open-photo-desk").click();
    await browser.waitUntil(async () => (await browser.$$("#photo-grid li[data-id]")).length === 4,
      { timeoutMsg: "the photo desk did not show the 4 demo photos" });
  } finally {
    await browser.deleteSession();
  }
});
