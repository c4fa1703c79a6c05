// Writing survives a restart, and search finds what was written.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { bodyText, freshLibrary, launch, screenshot, startDriver, textOf, typeInBody, waitSaved } from "../app.js";

let driver;
before(async () => { driver = await startDriver(); });
after(async () => { await driver?.stop(); });

test("an autosaved body is there after quitting and relaunching, and search finds it", async () => {
  const library = freshLibrary("articles");
  let browser = await launch(driver, library);
  try {
    assert.match(await browser.$("#article-list").getText(), /No stories yet/);
    await screenshot(browser, "01-empty-library");

    await browser.$("#new-article").click();
    const headline = await browser.$("#f-headline");
    await headline.waitForDisplayed();
    await headline.setValue("Flood barrier holds in Riverton");
    await typeInBody(browser, "The barrier held overnight as the river crested at 5.2 metres.");
    const saved = await waitSaved(browser);
    assert.match(saved, /^Saved \d{1,2}:\d{2}/);
    await browser.$("#preview .body p").waitForExist();
    assert.match(await browser.$("#preview").getText(), /crested at 5\.2 metres/);
    assert.match(await browser.$("#stats").getText(), /^11 words · 1 min read/);
    await screenshot(browser, "02-editor");
  } finally {
    await browser.deleteSession();
  }

  browser = await launch(driver, library);
  try {
    const item = await browser.$("#article-list li[data-id]");
    assert.equal(await textOf(browser, "#article-list li[data-id] .title"), "Flood barrier holds in Riverton");
    await item.click();
    await browser.waitUntil(async () => (await bodyText(browser)).includes("crested"));
    assert.equal((await bodyText(browser)).trim(),
      "The barrier held overnight as the river crested at 5.2 metres.");
    assert.equal(await browser.$("#f-headline").getValue(), "Flood barrier holds in Riverton");

    await browser.$("#search").setValue("crested");
    const mark = await browser.$("#article-list li[data-id] .snippet mark");
    await mark.waitForExist();
    assert.equal((await mark.getText()).toLowerCase(), "crested");
    await screenshot(browser, "03-search");

    // History: the revisions, and a word diff of the latest against the one before.
    await typeInBody(browser, " Residents stayed dry.");
    await waitSaved(browser);
    await browser.$('[role=tab][data-tab="history"]').click();
    const latest = await browser.$("#revisions li:first-child button");
    await latest.waitForExist();
    await latest.click();
    const inserted = await browser.$("#revision-view .diff ins");
    await inserted.waitForExist();
    assert.match(await inserted.getText(), /Residents stayed dry\./);
    await screenshot(browser, "09-history");

    await browser.$("#search").setValue("nothingmatchesthis");
    await browser.waitUntil(async () =>
      /No story matches/.test(await browser.$("#article-list").getText()));
  } finally {
    await browser.deleteSession();
  }
});
