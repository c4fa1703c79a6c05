// Sending the sample story from the window: a destination added in the destinations dialog,
// its connection tested, the story sent, and the outbox showing it delivered. First to a hot
// folder; then to a real WordPress, with the post's link in the outbox, the published page
// rendered in headless Chromium (a screenshot kept as a file of the run) and its HTML checked
// for the headline, the photo and the credit.
//
// The WordPress is the one `./dev.sh test` starts (.ci/cms/wordpress-up.sh), reached through
// NEWSDESK_TEST_WORDPRESS_URL, _USER and _PASSWORD.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { ROOT, SHARED, cli, freePort, freshLibrary, launch, screenshot, startDriver, textOf } from "../app.js";

/** Kept after the run, git-ignored: the page as a reader's browser drew it. */
export const ARTIFACTS = path.join(ROOT, "tests/e2e/artifacts");
const SAMPLE_STORY = "bdfa652f-9423-4d96-ad2d-349778a31009";
// A real camera photo big enough for a web page (3456x2304; the wire fixtures with agency
// credits are thumbnails of 100 px and less). It carries no credit of its own: the desk
// gives it one, which the renditions embed (IPTC-IIM) for WordPress to read.
const PHOTO = path.join(SHARED, "fixtures/photos/wire/exif-orientated-no-rotation.jpg");
const CREDIT = "NewsWorld/Staff";

const wordpress = {
  url: process.env.NEWSDESK_TEST_WORDPRESS_URL,
  user: process.env.NEWSDESK_TEST_WORDPRESS_USER,
  password: process.env.NEWSDESK_TEST_WORDPRESS_PASSWORD,
};
const missing = !wordpress.url || !wordpress.user || !wordpress.password;

/** The demo library's sample story with its lead photo, credited and described, as the
 *  photo desk would leave it; every step through the CLI. */
function sampleLibrary() {
  const library = freshLibrary("wordpress");
  cli(library, "demo");
  const imported = cli(library, "photo", "import", PHOTO);
  const photo = imported.photos[0].id;
  cli(library, "photo", "edit", photo, "--credit", CREDIT,
    "--caption", "Stand-in lead photo for the test: Half Dome above Yosemite Valley.",
    "--alt", "A granite dome rising above a forested valley under white clouds");
  cli(library, "photo", "crop", photo, "3x2", "--aspect", "3:2");
  const story = cli(library, "show", SAMPLE_STORY);
  cli(library, "attach", SAMPLE_STORY, photo, "--crop", "3x2", "--lead", "--base-version", String(story.version));
  return { library, story: cli(library, "show", SAMPLE_STORY) };
}

let driver, browser, prepared, published;
before(async () => {
  prepared = sampleLibrary();
  driver = await startDriver();
  browser = await launch(driver, prepared.library);
});
after(async () => {
  await browser?.deleteSession();
  await driver?.stop();
});

const SECRETS = new Set(["application_password", "admin_key", "secret"]);

/** Fills the add form of the destinations dialog: `fields` by the contract's names. */
async function addDestination(kind, fields) {
  if (!(await browser.$("#destination-dialog").getAttribute("open"))) await browser.$("#manage-destinations").click();
  await browser.$("#destination-dialog[open]").waitForExist();
  await browser.$("#destination-kind").selectByAttribute("value", kind);
  for (const [key, value] of Object.entries(fields)) {
    const field = await browser.$(key === "name" ? "#d-name" : `#d-${key}`);
    // A secret is typed into a password field, never into one that shows it.
    if (SECRETS.has(key)) assert.equal(await field.getAttribute("type"), "password", key);
    if ((await field.getTagName()) === "select") await field.selectByAttribute("value", value);
    else await field.setValue(value);
  }
  await browser.$("#destination-add").click();
  const row = `#destination-list li[data-name="${fields.name}"]`;
  await browser.$(row).waitForExist({ timeoutMsg: `${fields.name} was not added: ${await textOf(browser, "#destination-error")}` });
  return row;
}

/** Test connection in the dialog: the answer shown, ✓ or ✗. */
async function testConnection(row) {
  await browser.$(`${row} .test`).click();
  await browser.waitUntil(async () => /^[✓✗]/.test(await textOf(browser, `${row} .check`) ?? ""),
    { timeout: 20000, timeoutMsg: "Test connection never answered" });
  return textOf(browser, `${row} .check`);
}

/** Waits for the newest outbox row of destination `name` to show `state`; its selector. */
async function waitForState(name, state) {
  let row;
  await browser.waitUntil(async () => {
    const shown = await browser.execute((n) => [...document.querySelectorAll("#outbox li.delivery")]
      .map((li) => ({ id: li.dataset.id, state: li.dataset.state, destination: li.textContent.includes(`→ ${n} `) }))
      .find((d) => d.destination), name);
    if (shown?.state === "failed" && state !== "failed") {
      throw new Error(`delivery failed: ${await textOf(browser, `#outbox li[data-id="${shown.id}"]`)}`);
    }
    if (shown?.state === state) row = `#outbox li[data-id="${shown.id}"]`;
    return Boolean(row);
  }, { timeout: 60000, interval: 500, timeoutMsg: `the delivery to ${name} never showed as ${state}` });
  return row;
}

/** Sends the open story to `name` and waits for its outbox row to show delivered. */
async function sendAndWait(name) {
  await browser.$(`#destinations li[data-name="${name}"] .send`).click();
  return waitForState(name, "delivered");
}

test("the sample story, sent from the window, lands in a hot folder added in the window", async () => {
  await browser.$(`#article-list li[data-id="${SAMPLE_STORY}"]`).click();
  await browser.waitUntil(async () => (await browser.$("#f-headline").getValue()) === prepared.story.headline);
  await browser.$('[role=tab][data-tab="publish"]').click();
  await browser.$("#preflight[data-problems]").waitForExist();
  assert.equal(await browser.$("#preflight").getAttribute("data-problems"), "0",
    `the sample story passes preflight: ${await textOf(browser, "#preflight")}`);

  const hot = mkdtempSync(path.join(os.tmpdir(), "newsdesk-e2e-hot-"));
  const row = await addDestination("folder", { name: "print-desk", path: hot });
  assert.match(await textOf(browser, `${row} > .muted`), /^Hot folder · /);
  assert.match(await testConnection(row), /^✓ /);
  await screenshot(browser, "10-destination-dialog");
  await browser.$("#destination-close").click();

  const delivered = await sendAndWait("print-desk");
  assert.equal(await textOf(browser, `${delivered} .story`), prepared.story.headline);
  assert.deepEqual(readdirSync(hot).filter((f) => f.endsWith(".zip")).length, 1, "one package in the hot folder");
  await screenshot(browser, "11-outbox-folder");
});

test("a receiver that is down: the check says so, the delivery waits to retry, and can be cancelled and retried", async () => {
  // A loopback port nobody listens on: connections are refused at once.
  const port = await freePort();
  const row = await addDestination("http_push", { name: "dead-receiver",
    resource_url: `http://127.0.0.1:${port}/push`, assets_url: `http://127.0.0.1:${port}/push_binary` });
  const checked = await testConnection(row);
  assert.match(checked, /^✗ /, `the check of a receiver that is down fails: ${checked}`);
  assert.match(checked, /dead-receiver.*Connection refused/, "the message says which destination and why");
  await browser.$("#destination-close").click();

  await browser.$('#destinations li[data-name="dead-receiver"] .send').click();
  const waiting = await waitForState("dead-receiver", "retrying");
  assert.match(await textOf(browser, `${waiting} .next`), /next try \d\d?:\d\d/);
  assert.ok(await textOf(browser, `${waiting} .message`), "the reason it is waiting is shown");
  await screenshot(browser, "12-outbox-retrying");

  await browser.$(`${waiting} button.cancel`).click();
  await waitForState("dead-receiver", "cancelled");
  await browser.$(`${waiting} button.retry`).click();
  // Sent again at once: refused again, so it waits to retry again.
  await browser.waitUntil(async () => {
    const state = await browser.$(waiting).getAttribute("data-state");
    return state === "retrying" || state === "pending" || state === "sending";
  }, { timeoutMsg: "Retry now did not put the delivery back in the queue" });
});

test("the sample story reaches WordPress from the window: delivered, the post link, a page with headline and photo, the credit as WordPress keeps it", async (t) => {
  if (missing) {
    if (process.env.NEWSDESK_REQUIRE_CMS === "1") {
      assert.fail("NEWSDESK_REQUIRE_CMS=1 but NEWSDESK_TEST_WORDPRESS_URL/_USER/_PASSWORD are not set: "
        + "start WordPress with .ci/cms/wordpress-up.sh (./dev.sh test does)");
    }
    t.skip("NEWSDESK_TEST_WORDPRESS_URL is not set: no WordPress to deliver to");
    return;
  }
  const name = "web-desk";
  // Published at once, so the page is public (a draft is visible only to a signed-in editor).
  const row = await addDestination("wordpress", { name, site_url: wordpress.url, user: wordpress.user,
    application_password: wordpress.password, publish: "publish" });
  assert.match(await textOf(browser, `${row} > .muted`), /^WordPress · .* · password set · publish$/);
  assert.ok(!(await browser.getPageSource()).includes(wordpress.password), "the password is shown nowhere");
  const checked = await testConnection(row);
  assert.match(checked, /^✓ /, `the connection check: ${checked}`);
  await screenshot(browser, "13-wordpress-destination");
  await browser.$("#destination-close").click();

  const delivered = await sendAndWait(name);
  assert.equal(await textOf(browser, `${delivered} .story`), prepared.story.headline);
  const link = await browser.$(`${delivered} a.remote`).getAttribute("href");
  const remoteId = (await textOf(browser, `${delivered} a.remote`)).match(/\((\d+)\)/)?.[1];
  assert.ok(remoteId, "the outbox names the post's id");
  assert.ok(link.startsWith(wordpress.url), `the post's link ${link} is on ${wordpress.url}`);
  await screenshot(browser, "14-outbox-wordpress");

  // The page as readers get it: its HTML, then Chromium's rendering of it.
  const response = await fetch(link);
  assert.equal(response.status, 200, `GET ${link}`);
  const html = await response.text();
  published = { link, html };
  assert.ok(html.includes(escapeHtml(prepared.story.headline)), "the page has the headline");
  const images = [...html.matchAll(/<img[^>]+src="([^"]+\/wp-content\/uploads\/[^"]+\.jpe?g)"/g)].map((m) => m[1]);
  assert.ok(images.length > 0, "the page shows the photo uploaded with the story");
  const photo = await fetch(images[0]);
  assert.equal(photo.status, 200, `the photo ${images[0]} is served`);

  mkdirSync(ARTIFACTS, { recursive: true });
  const shot = path.join(ARTIFACTS, "wordpress-sample-story.png");
  // Lazy loading off, every compositor stage run before the shot, and time to load: otherwise
  // Chromium draws the page before the featured image arrives (a grey box where the photo
  // goes, seen here). On a loaded machine it still did, once in a few runs, although the photo
  // is served (checked above): a reader would see it on reload, so the shot is taken up to
  // three times, and the page must be drawn with its photo in one of them.
  const drawn = () => {
    execFileSync("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
      "--disable-features=LazyImageLoading,LazyFrameLoading", "--virtual-time-budget=10000",
      "--run-all-compositor-stages-before-draw",
      `--screenshot=${shot}`, "--window-size=1280,1600", link], { stdio: "ignore", timeout: 60000 });
    return statSync(shot).size > 100000;
  };
  assert.ok(drawn() || drawn() || drawn(), "Chromium drew the page with its photo");

  // The lead photo's credit as WordPress keeps it: read from the photo's embedded IPTC, and in
  // the media caption.
  const post = await wp(`/wp/v2/posts/${remoteId}?_fields=featured_media`);
  assert.ok(post.featured_media > 0, "the lead photo is the post's featured image");
  const media = await wp(`/wp/v2/media/${post.featured_media}?context=edit&_fields=caption,media_details`);
  assert.equal(media.media_details.image_meta.credit, CREDIT);
  assert.match(media.caption.raw, new RegExp(CREDIT));
});

test("the published page shows the lead photo's credit", (t) => {
  if (!published) {
    // The test before publishes the page; it failed or skipped, and says why.
    t.skip("no page was published by the test before");
    return;
  }
  assert.ok(published.html.includes(escapeHtml(CREDIT)), `the page ${published.link} carries the credit ${CREDIT}`);
});

/** A call to the site's REST API as the test's WordPress user. */
async function wp(route) {
  const auth = Buffer.from(`${wordpress.user}:${wordpress.password}`).toString("base64");
  const response = await fetch(`${wordpress.url}/wp-json${route}`, { headers: { authorization: `Basic ${auth}` } });
  assert.equal(response.status, 200, `GET ${route}`);
  return response.json();
}

function escapeHtml(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
