// A first run that shows the product: an empty library offers the demo newsroom, and one
// click fills the list, the photo desk and the sample story's lead photo.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { cli, freshLibrary, launch, screenshot, startDriver, textOf } from "../app.js";

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

test("a library from an older Newsdesk is upgraded with the window open, which says so meanwhile", async () => {
  const library = freshLibrary("upgrade");
  // An empty database is schema 0, older than any Newsdesk; another process holding its write
  // lock for a few seconds stands for an upgrade that takes a while (80 s for 100,000 stories).
  const db = path.join(library, "newsdesk.db");
  writeFileSync(db, "");
  const holder = spawn("python3", ["-c", [
    "import sqlite3, sys, time",
    "c = sqlite3.connect(sys.argv[1], isolation_level=None)",
    "c.execute('BEGIN IMMEDIATE')",
    "print('held', flush=True)",
    "time.sleep(5)",
  ].join("\n"), db], { stdio: ["ignore", "pipe", "inherit"] });
  await once(holder.stdout, "data");
  const browser = await launch(driver, library, { listTimeout: 0 });
  try {
    const notice = await browser.$("#welcome #upgrading");
    await notice.waitForDisplayed({ timeout: 4000, timeoutMsg: "the window never said the library was being upgraded" });
    assert.match(await notice.getText(), /upgrading the library .* to this version/);
    await screenshot(browser, "upgrade-01-upgrading");

    await browser.$("#article-list[data-ready]").waitForExist({ timeout: 20000 });
    assert.ok(!(await browser.$("#welcome #upgrading").isExisting()), "the notice went once the library opened");
    assert.match(await textOf(browser, "#library-root"), /Library: /);
    // The upgraded library is the one the window works on: the demo loads into it.
    await browser.$("#article-list #load-demo").click();
    await browser.$("#article-list li[data-id]").waitForExist({ timeout: 20000 });
    assert.ok(cli(library, "list").length >= 8);
  } finally {
    holder.kill();
    await browser.deleteSession();
  }
});
