// The release package as a user gets it: `apt install ./newsdesk_*.deb` (./dev.sh test builds
// and installs it first), then the installed window started with no options opens on the
// default library of a user who never ran it, and the command line inside the package reads
// the same library. Skipped where no package is installed, failed instead under
// NEWSDESK_REQUIRE_PACKAGE=1 (which ./dev.sh test sets).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { launch, screenshot, startDriver, textOf } from "../app.js";

const INSTALLED = process.env.NEWSDESK_INSTALLED_APP ?? "/usr/bin/newsdesk-app";
const BIN = path.dirname(INSTALLED);

test("the installed package opens its window on the default library, with the command line beside it", async (t) => {
  if (!existsSync(INSTALLED)) {
    assert.ok(!process.env.NEWSDESK_REQUIRE_PACKAGE, `${INSTALLED} is not installed (./dev.sh package, then apt install ./newsdesk_*.deb)`);
    return t.skip(`${INSTALLED} is not installed`);
  }
  // What the package put on the machine: three programs, a desktop entry, icons.
  const files = execFileSync("dpkg", ["-L", "newsdesk"], { encoding: "utf8" }).split("\n");
  for (const program of ["newsdesk-app", "newsdesk", "newsdesk-relay"]) {
    assert.ok(files.includes(`/usr/bin/${program}`), `/usr/bin/${program} in the package`);
  }
  const entry = files.find((f) => /^\/usr\/share\/applications\/.+\.desktop$/.test(f));
  assert.ok(entry, "a desktop entry");
  const desktop = readFileSync(entry, "utf8");
  assert.match(desktop, /^Exec=newsdesk-app/m);
  assert.match(desktop, /^Name=Newsdesk$/m);
  assert.ok(files.some((f) => /^\/usr\/share\/icons\/hicolor\/.+\/newsdesk-app\.png$/.test(f)), "icons");

  // A user who never ran it: a fresh home, no library chosen.
  const home = mkdtempSync(path.join(os.tmpdir(), "newsdesk-e2e-home-"));
  const env = { ...process.env, HOME: home };
  delete env.NEWSDESK_LIBRARY;
  delete env.XDG_DATA_HOME;
  const library = path.join(home, ".local/share/newsdesk");
  const driver = await startDriver({ env });
  let browser;
  try {
    browser = await launch(driver, null, { application: INSTALLED });
    assert.equal(await textOf(browser, "#library-root"), `Library: ${library}`);
    assert.match(await textOf(browser, "#article-list .empty-state"), /No stories yet/);
    await browser.$("#load-demo").click();
    await browser.$("#article-list li[data-id]").waitForExist({ timeout: 20000 });
    await screenshot(browser, "package-01-installed-app");
  } finally {
    await browser?.deleteSession();
    await driver.stop();
  }
  assert.ok(existsSync(path.join(library, "newsdesk.db")), "the window made the default library");
  // The packaged command line finds the same library on its own, demo and all.
  const listed = JSON.parse(execFileSync(path.join(BIN, "newsdesk"), ["--json", "list"], { env, encoding: "utf8" }));
  assert.ok(listed.length >= 8, `${listed.length} stories through the packaged command line`);
  const photos = JSON.parse(execFileSync(path.join(BIN, "newsdesk"), ["--json", "photo", "list"], { env, encoding: "utf8" }));
  assert.equal(photos.length, 4);
});
