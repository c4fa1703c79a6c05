// The wire desk in the real window: a folder set in the window is polled while it is open; a
// ninjs file dropped into it appears in the queue, and "Start a story" opens the draft.
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { ROOT, cli, freshLibrary, launch, screenshot, startDriver, textOf } from "../app.js";

const FIXTURES = path.join(ROOT, "crates/newsdesk-core/tests/fixtures/wire");

let driver;
before(async () => { driver = await startDriver(); });
after(async () => { await driver?.stop(); });

test("a file dropped into the wire folder appears in the queue and starts a story", async () => {
  const library = freshLibrary("wire");
  const feed = path.join(library, "..", `${path.basename(library)}-feed`);
  mkdirSync(feed);
  const browser = await launch(driver, library);
  try {
    await browser.$("#open-wire-desk").click();
    await browser.$("#wire-desk").waitForDisplayed();
    await browser.$("#wire-setup summary").click();
    await browser.$("#wire-dir").setValue(feed);
    await browser.$("#wire-feed").setValue("dpa");
    await browser.$("#wire-watch").click();
    await browser.waitUntil(async () => (await textOf(browser, "#wire-folders"))?.includes(feed),
      { timeout: 10000, timeoutMsg: "the folder was not taken" });

    copyFileSync(path.join(FIXTURES, "ninjs/3.0_dpa_text.json"), path.join(feed, "dpa.json"));
    const row = await browser.$("#wire-queue li[data-id]");
    // Read once it stood still between two polls (2 s apart), then listed on `wire-changed`.
    await row.waitForExist({ timeout: 20000, timeoutMsg: "the dropped file never reached the queue" });
    assert.equal(await textOf(browser, "#wire-queue li[data-id] .wire-headline"),
      "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?");
    assert.equal(await textOf(browser, "#wire-queue li[data-id] .wire-source"), "dpa");
    await row.click();
    await browser.$("#wire-start").waitForDisplayed();
    await screenshot(browser, "wire-01-queue");

    await browser.$("#wire-start").click();
    await browser.$("#editor").waitForDisplayed();
    await browser.waitUntil(async () => (await browser.$("#f-headline").getValue()).startsWith("Faktencheck"),
      { timeout: 10000, timeoutMsg: "the draft did not open" });
    await screenshot(browser, "wire-02-draft");
    const [story] = cli(library, "list");
    const article = cli(library, "show", story.id);
    assert.equal(article.authors[0].name, "Christian Hollmann, dpa");
    assert.match(article.body, /Für Lucien Favre/);

    // The agency kills the item: the story started from it turns red in the list and its
    // banner says so, until an editor clears it.
    const kill = JSON.parse(readFileSync(path.join(FIXTURES, "ninjs/3.0_dpa_text.json"), "utf8"));
    kill.version = "3";
    kill.pubStatus = "canceled";
    writeFileSync(path.join(feed, "dpa-kill.json"), JSON.stringify(kill));
    const red = browser.$(`#article-list li.wire-stopped[data-id="${story.id}"]`);
    await red.waitForExist({ timeout: 20000, timeoutMsg: "the killed story never turned red" });
    assert.equal((await red.$(".wire-stop").getText()).trim(), "KILLED");
    await browser.$("#wire-stop").waitForDisplayed({ timeout: 5000 });
    await screenshot(browser, "wire-03-killed");
    await browser.$("#wire-stop button").click();
    await browser.waitUntil(async () => !(await browser.$(`#article-list li.wire-stopped[data-id="${story.id}"]`).isExisting()),
      { timeout: 10000, timeoutMsg: "the cleared story stayed red" });
  } finally {
    await browser.deleteSession();
  }
});
