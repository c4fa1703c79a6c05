// An edit based on a stale version is refused and nothing is lost: the article is changed
// with the CLI behind the window's back, then the editor types on.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { bodyText, cli, freshLibrary, launch, screenshot, startDriver, typeInBody, waitSaved } from "../app.js";

let driver;
before(async () => { driver = await startDriver(); });
after(async () => { await driver?.stop(); });

test("a save over a version changed elsewhere shows the conflict and keeps both texts", async () => {
  const library = freshLibrary("conflict");
  const browser = await launch(driver, library);
  try {
    await browser.$("#new-article").click();
    await browser.$("#f-headline").waitForDisplayed();
    await browser.$("#f-headline").setValue("Council votes on budget");
    await typeInBody(browser, "The council met at noon.");
    await waitSaved(browser);

    const [summary] = cli(library, "list");
    const theirs = "The council vote was postponed to Friday.";
    const bodyFile = path.join(library, "theirs.md");
    writeFileSync(bodyFile, theirs);
    cli(library, "edit", summary.id, "--base-version", String(summary.version), "--body-file", bodyFile);

    await typeInBody(browser, " Twelve members voted in favour.");
    const banner = await browser.$("#conflict");
    await banner.waitForDisplayed({ timeout: 10000 });
    assert.match(await browser.$("#save-state").getText(), /^Not saved/);
    assert.equal(await browser.$("#conflict .their-text").getText(), theirs);
    const mine = "The council met at noon. Twelve members voted in favour.";
    assert.equal(await browser.$("#conflict .my-text").getText(), mine);
    assert.equal((await bodyText(browser)).trim(), mine, "the editor still shows what was typed");
    await screenshot(browser, "04-conflict");

    await browser.$("#conflict-load-latest").click();
    await browser.waitUntil(async () => (await bodyText(browser)).trim() === theirs);
    assert.equal(await browser.$("#conflict .my-text").getText(), mine, "my text stays visible");

    const history = cli(library, "history", summary.id);
    const kept = history.filter((r) => r.kind === "conflict");
    assert.equal(kept.length, 1);
    assert.equal(kept[0].fields.body, mine);
    const shown = cli(library, "show", summary.id);
    assert.equal(shown.body, theirs, "the library version was not overwritten");
  } finally {
    await browser.deleteSession();
  }
});
