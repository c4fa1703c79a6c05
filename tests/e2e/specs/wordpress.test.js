// The sample story goes to a real WordPress from the window: a WordPress destination added in
// the destinations dialog, its connection tested, the story sent, "delivered" and the post's
// link in the outbox. Then the published page is rendered in headless Chromium (a screenshot
// kept as a file of the run) and its HTML checked for the headline, the photo and the credit.
//
// The WordPress is the one `./dev.sh test` starts (.ci/cms/wordpress-up.sh), reached through
// NEWSDESK_TEST_WORDPRESS_URL, _USER and _PASSWORD.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { ROOT, SHARED, cli, freshLibrary, launch, screenshot, startDriver, textOf } from "../app.js";

/** Kept after the run, git-ignored: the page as a reader's browser drew it. */
export const ARTIFACTS = path.join(ROOT, "tests/e2e/artifacts");
const SAMPLE_STORY = "bdfa652f-9423-4d96-ad2d-349778a31009";
const PHOTO = path.join(SHARED, "fixtures/photos/wire/getty.jpg");
const CREDIT = "AFP/Getty Images";

const wordpress = {
  url: process.env.NEWSDESK_TEST_WORDPRESS_URL,
  user: process.env.NEWSDESK_TEST_WORDPRESS_USER,
  password: process.env.NEWSDESK_TEST_WORDPRESS_PASSWORD,
};
const missing = !wordpress.url || !wordpress.user || !wordpress.password;
if (missing && process.env.NEWSDESK_REQUIRE_CMS === "1") {
  throw new Error("NEWSDESK_REQUIRE_CMS=1 but NEWSDESK_TEST_WORDPRESS_URL/_USER/_PASSWORD are not set: "
    + "start WordPress with .ci/cms/wordpress-up.sh (./dev.sh test does)");
}

/** The demo library's sample story with its lead photo, credited and described, as the
 *  photo desk would leave it; every step through the CLI. */
function sampleLibrary() {
  const library = freshLibrary("wordpress");
  cli(library, "demo");
  const imported = cli(library, "photo", "import", PHOTO);
  const photo = imported.imported[0].id;
  cli(library, "photo", "edit", photo, "--credit", CREDIT,
    "--alt", "South Korean and North Korean table tennis players pose together for a selfie on the podium");
  cli(library, "photo", "crop", photo, "3x2", "--aspect", "3:2");
  const story = cli(library, "show", SAMPLE_STORY);
  cli(library, "attach", SAMPLE_STORY, photo, "--crop", "3x2", "--lead", "--base-version", String(story.version));
  return { library, story: cli(library, "show", SAMPLE_STORY) };
}

let driver, browser, prepared;
before(async () => {
  if (missing) return;
  prepared = sampleLibrary();
  driver = await startDriver();
  browser = await launch(driver, prepared.library);
});
after(async () => {
  await browser?.deleteSession();
  await driver?.stop();
});

test("the sample story reaches WordPress from the window, and its page shows headline, photo and credit", async (t) => {
  if (missing) {
    t.skip("NEWSDESK_TEST_WORDPRESS_URL is not set: no WordPress to deliver to");
    return;
  }
  const name = `wordpress-e2e-${process.pid}`;
  await browser.$(`#article-list li[data-id="${SAMPLE_STORY}"]`).click();
  await browser.waitUntil(async () => (await browser.$("#f-headline").getValue()) === prepared.story.headline);
  await browser.$('[role=tab][data-tab="publish"]').click();

  // Add the destination in the dialog: the application password in a password field.
  await browser.$("#manage-destinations").click();
  await browser.$("#destination-dialog[open]").waitForExist();
  await browser.$("#destination-kind").selectByAttribute("value", "wordpress");
  await browser.$("#d-name").setValue(name);
  await browser.$("#d-site_url").setValue(wordpress.url);
  await browser.$("#d-user").setValue(wordpress.user);
  const secret = await browser.$("#d-application_password");
  assert.equal(await secret.getAttribute("type"), "password");
  await secret.setValue(wordpress.password);
  // Published at once, so the page is public (a draft is visible only to a signed-in editor).
  await browser.$("#d-publish").selectByAttribute("value", "publish");
  await browser.$("#destination-add").click();
  const row = `#destination-list li[data-name="${name}"]`;
  await browser.$(row).waitForExist();
  assert.match(await textOf(browser, `${row} > .muted`), /WordPress · .* · password set · publish/);
  assert.ok(!(await browser.getPageSource()).includes(wordpress.password), "the password is shown nowhere");

  await browser.$(`${row} .test`).click();
  await browser.waitUntil(async () => /^[✓✗]/.test(await textOf(browser, `${row} .check`) ?? ""),
    { timeout: 20000, timeoutMsg: "Test connection never answered" });
  const checked = await textOf(browser, `${row} .check`);
  assert.match(checked, /^✓ /, `the connection check: ${checked}`);
  await screenshot(browser, "10-destinations");
  await browser.$("#destination-close").click();

  // Send the story and watch the outbox.
  await browser.$(`#destinations li[data-name="${name}"] .send`).click();
  const delivered = "#outbox li.delivery[data-state=delivered]";
  await browser.waitUntil(async () => {
    const state = await browser.execute(() => document.querySelector("#outbox li.delivery")?.dataset.state);
    if (state === "failed") throw new Error(`delivery failed: ${await textOf(browser, "#outbox li.delivery")}`);
    return state === "delivered";
  }, { timeout: 60000, interval: 500, timeoutMsg: "the delivery never showed as delivered" });
  assert.equal(await textOf(browser, `${delivered} .story`), prepared.story.headline);
  const link = await browser.$(`${delivered} a.remote`).getAttribute("href");
  assert.ok(link.startsWith(wordpress.url), `the post's link ${link} is on ${wordpress.url}`);
  await screenshot(browser, "11-outbox-delivered");

  // The page as readers get it: its HTML, then Chromium's rendering of it.
  const response = await fetch(link);
  assert.equal(response.status, 200, `GET ${link}`);
  const html = await response.text();
  assert.ok(html.includes(escapeHtml(prepared.story.headline)), "the page has the headline");
  const images = [...html.matchAll(/<img[^>]+src="([^"]+\/wp-content\/uploads\/[^"]+\.jpe?g)"/g)].map((m) => m[1]);
  assert.ok(images.length > 0, "the page shows the photo uploaded with the story");
  const photo = await fetch(images[0]);
  assert.equal(photo.status, 200, `the photo ${images[0]} is served`);
  assert.ok(html.includes(escapeHtml(CREDIT)), "the page carries the photo's credit");

  mkdirSync(ARTIFACTS, { recursive: true });
  const shot = path.join(ARTIFACTS, "wordpress-sample-story.png");
  execFileSync("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
    `--screenshot=${shot}`, "--window-size=1280,1600", link], { stdio: "ignore", timeout: 60000 });
  assert.ok(statSync(shot).size > 20000, "Chromium drew the page");
});

function escapeHtml(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
