// Defect 12: a save that fails for real (another program holds the library's write lock) keeps
// the text in the library folder; the next start offers it back, and restoring it saves it.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import path from "node:path";
import { after, before, test } from "node:test";
import { bodyText, cli, freshLibrary, launch, screenshot, startDriver, typeInBody, waitSaved } from "../app.js";

let driver;
before(async () => { driver = await startDriver(); });
after(async () => { await driver?.stop(); });

/** Holds the write lock of the library's database from a separate sqlite3 process, as a
 * backup tool or a second program might, until `release()`. */
async function holdWriteLock(library) {
  const sqlite = spawn("sqlite3", [path.join(library, "newsdesk.db")], { stdio: ["pipe", "pipe", "inherit"] });
  sqlite.stdin.write("BEGIN IMMEDIATE;\nSELECT 'locked';\n");
  await new Promise((resolve) => sqlite.stdout.once("data", resolve));
  return {
    async release() {
      sqlite.stdin.end("ROLLBACK;\n");
      await new Promise((resolve) => sqlite.once("exit", resolve));
    },
  };
}

test("defect 12: text from a failed save survives closing the window and is offered back", async () => {
  const library = freshLibrary("recovery");
  let browser = await launch(driver, library);
  let lock;
  try {
    await browser.$("#new-article").click();
    await browser.$("#f-headline").waitForDisplayed();
    await browser.$("#f-headline").setValue("Harbour strike");
    await typeInBody(browser, "Dockers walked out at six.");
    await waitSaved(browser);

    lock = await holdWriteLock(library);
    await typeInBody(browser, " The port is closed.");
    const state = await browser.$("#save-state");
    await browser.waitUntil(async () => (await state.getAttribute("data-state")) === "error",
      { timeout: 20000, timeoutMsg: "the save never failed" });
    assert.match(await state.getText(), /^Not saved: .*locked/);
    await screenshot(browser, "05-save-failed");
  } finally {
    // The app goes away with the text unsaved in the library.
    await browser.deleteSession();
    await lock?.release();
  }

  const [summary] = cli(library, "list");
  assert.equal(cli(library, "show", summary.id).body, "Dockers walked out at six.", "the library never took it");

  browser = await launch(driver, library);
  try {
    const offer = await browser.$("#recovery");
    await offer.waitForDisplayed({ timeout: 10000 });
    assert.match(await offer.getText(), /Harbour strike/);
    await screenshot(browser, "06-unsaved-offered");
    await browser.$("#recovery .restore-unsaved").click();
    await browser.waitUntil(async () => (await bodyText(browser)).trim() === "Dockers walked out at six. The port is closed.",
      { timeoutMsg: "the kept text was not restored into the editor" });
    await offer.waitForDisplayed({ reverse: true });
    const shown = cli(library, "show", summary.id);
    assert.equal(shown.body, "Dockers walked out at six. The port is closed.");
    assert.equal(shown.version, summary.version + 1, "restored as a new save over the current version");
  } finally {
    await browser.deleteSession();
  }

  browser = await launch(driver, library);
  try {
    assert.equal(await browser.$("#recovery").isDisplayed(), false, "a restored text is not offered again");
  } finally {
    await browser.deleteSession();
  }
});
