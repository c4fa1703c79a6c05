// The team desk with two app windows on two libraries and one relay: each window gives its
// person's name and joins through the desk dialog; a story typed in one appears in the other,
// and words typed later arrive in the open story; each sees the other is here; a field
// conflict is picked in the window, and so is a photo's on the photo desk; the relay down
// shows as offline; the photo desk's window attaches a photo that the editor's window then
// shows.
//
// Two windows at once: two tauri-driver processes on two free ports (each starts its own
// WebKitWebDriver on its own native port), one WebDriver session each, on the same X display.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, test } from "node:test";
import { Key } from "webdriverio";
import {
  SHARED, bodyText, cli, freshLibrary, launch, screenshot, startDriver, startRelay, textOf, typeInBody, waitSaved,
} from "../app.js";

const TOKEN = "an-e2e-desk-token-long-enough";
const GETTY = path.join(SHARED, "fixtures/photos/wire/getty.jpg");
/** A background sync every 5 s, a save settles in 1.5 s: well within this, and no measure. */
const ARRIVAL = 60000;

let drivers = [];
let relay;
before(async () => {
  relay = await startRelay(TOKEN);
  drivers = await Promise.all([startDriver(), startDriver()]);
});
after(async () => {
  await Promise.all(drivers.map((d) => d.stop()));
  await relay?.stop();
});

/** How a conflict names who gave a value: the name and which of their laptops. */
const by = (me) => `by ${me.name} (device ${me.device_id.slice(0, 8)})`;

/**
 * Ana's and Bea's libraries on the desk, through the command line: Ana writes a story (and
 * `prepare`s it) before she joins; Bea's library gets it when she joins.
 */
function deskOfTwo(name, headline, body, prepare = () => {}) {
  process.env.NEWSDESK_DESK_TOKEN = TOKEN;
  const [libAna, libBea] = [freshLibrary(`${name}-ana`), freshLibrary(`${name}-bea`)];
  const anaIs = cli(libAna, "desk", "whoami", "--name", "Ana Ruiz");
  const story = cli(libAna, "new", "--headline", headline, "--body", body, "--author", "Ana Ruiz:Reporter");
  prepare(libAna, story);
  cli(libAna, "desk", "join", relay.url);
  const beaIs = cli(libBea, "desk", "whoami", "--name", "Bea Osei");
  cli(libBea, "desk", "join", relay.url);
  return { libAna, libBea, anaIs, beaIs, story };
}

/** After working offline on both laptops: both sync, Ana once more to bring Bea's change. */
function syncBoth({ libAna, libBea }) {
  for (const lib of [libAna, libBea, libAna]) cli(lib, "desk", "sync");
}

/** Names the person and joins the relay through the window's desk dialog. */
async function join(browser, name, url = relay.url) {
  await browser.$("#desk-state").click();
  await browser.$("#desk-dialog").waitForDisplayed();
  await browser.$("#desk-name").setValue(name);
  await browser.$("#desk-name-save").click();
  await browser.waitUntil(async () => (await textOf(browser, "#desk-me")) === `You are ${name} on this laptop.`);
  await browser.$("#desk-url").setValue(url);
  await browser.$("#desk-token").setValue(TOKEN);
  await browser.$("#desk-join").click();
  await browser.waitUntil(async () => (await browser.$("#desk-state").getAttribute("data-state")) === "synced", {
    timeout: ARRIVAL, timeoutMsg: `${name}'s window never said Synced`,
  });
  assert.match(await textOf(browser, "#desk-state"), /^Synced \d{1,2}:\d{2}/);
  await browser.$("#desk-close").click();
}

test("two windows on one desk: a story typed in one appears in the other, and so do words typed later", async (t) => {
  const ana = await launch(drivers[0], freshLibrary("desk-ana"));
  const bea = await launch(drivers[1], freshLibrary("desk-bea"));
  try {
    await join(ana, "Ana Ruiz");
    await join(bea, "Bea Osei");

    await ana.$("#new-article").click();
    await ana.$("#f-headline").waitForDisplayed();
    await ana.$("#f-headline").setValue("Harbour plan approved");
    await typeInBody(ana, "The council approved the harbour plan on Tuesday.");
    await waitSaved(ana);

    // Bea's list shows the story, by Ana, without anyone asking for a sync.
    const row = await bea.$("#article-list li[data-id]");
    await row.waitForExist({ timeout: ARRIVAL, timeoutMsg: "Ana's story never reached Bea's list" });
    // The story may first arrive as Ana created it, untitled; her headline follows.
    await bea.waitUntil(async () => (await textOf(bea, "#article-list li[data-id] .title")) === "Harbour plan approved",
      { timeout: ARRIVAL, timeoutMsg: "Ana's headline never reached Bea's list" });
    assert.match(await textOf(bea, "#article-list li[data-id] .by"), /Ana Ruiz/);
    await row.click();
    await bea.waitUntil(async () => (await bodyText(bea)).includes("harbour plan on Tuesday"));

    // Words Ana types now arrive in the story Bea has open.
    await typeInBody(ana, " Work starts in spring.");
    await waitSaved(ana);
    const saved = Date.now();
    await bea.waitUntil(async () => (await bodyText(bea)).trim() ===
      "The council approved the harbour plan on Tuesday. Work starts in spring.", {
      timeout: ARRIVAL, interval: 100, timeoutMsg: "Ana's words never reached Bea's open story",
    });
    // A figure, not a check: saved in Ana's window to shown in Bea's (settle 1.5 s, then Ana's
    // sync; Bea's next sync comes within 5 s).
    t.diagnostic(`saved in Ana's window to shown in Bea's: ${Date.now() - saved} ms`);
    assert.equal(await bea.$("#f-headline").getValue(), "Harbour plan approved");
    await bea.waitUntil(async () => (await textOf(bea, "#preview")).includes("Work starts in spring."),
      { timeoutMsg: "the preview did not follow the merged text" });
    assert.match(await textOf(bea, "#save-state"), /^Saved/, "a merge is not an unsaved edit of Bea's");

    // Each sees the other has the story open.
    await bea.waitUntil(async () => (await textOf(bea, "#here")) === "Also here: Ana Ruiz", {
      timeout: ARRIVAL, timeoutMsg: "Bea never saw Ana here",
    });
    await ana.waitUntil(async () => (await textOf(ana, "#here")) === "Also here: Bea Osei", {
      timeout: ARRIVAL, timeoutMsg: "Ana never saw Bea here",
    });
    // At once: Ana changes the headline while Bea types in the body. Whichever comes first,
    // both stay: Bea's typing is never overwritten and no conflict is shown.
    await ana.$("#f-headline").setValue("Harbour plan approved at last");
    await typeInBody(bea, " Bea adds a line.");
    const both = "The council approved the harbour plan on Tuesday. Work starts in spring. Bea adds a line.";
    await bea.waitUntil(async () => (await bea.$("#f-headline").getValue()) === "Harbour plan approved at last",
      { timeout: ARRIVAL, timeoutMsg: "Ana's headline never reached Bea's window" });
    assert.equal((await bodyText(bea)).trim(), both, "Bea's typing was kept");
    await waitSaved(bea);
    assert.equal(await bea.$("#conflict").isDisplayed(), false);
    await ana.waitUntil(async () => (await bodyText(ana)).trim() === both,
      { timeout: ARRIVAL, timeoutMsg: "Bea's line never reached Ana's window" });
    await screenshot(ana, "30-desk-ana");
    await screenshot(bea, "31-desk-bea");
  } finally {
    await ana.deleteSession();
    await bea.deleteSession();
  }
});

test("a headline set on two laptops at once shows both values with who wrote them; picking one lets the story go out", async () => {
  const desk = deskOfTwo("desk-conflict", "Harbour plan", "The council met.");
  const { libAna, libBea, anaIs, beaIs, story } = desk;
  // Offline on both laptops, the same field, then both sync.
  cli(libAna, "edit", story.id, "--base-version", "1", "--headline", "Harbour plan approved");
  const bv = cli(libBea, "show", story.id).version;
  cli(libBea, "edit", story.id, "--base-version", String(bv), "--headline", "Council backs harbour plan");
  syncBoth(desk);
  assert.equal(cli(libBea, "desk", "conflicts", story.id).length, 1);
  assert.throws(() => cli(libBea, "preflight", story.id), /pick one or write another/, "preflight blocks the conflict");

  const bea = await launch(drivers[0], libBea);
  try {
    await bea.$(`#article-list li[data-id="${story.id}"]`).click();
    const banner = await bea.$("#field-conflicts");
    await banner.waitForDisplayed();
    const rows = await bea.execute(() => [...document.querySelectorAll("#field-conflicts .candidate")]
      .map((li) => [li.querySelector(".value").textContent, li.querySelector(".by").textContent.trim()]));
    assert.deepEqual(rows.sort(), [["Council backs harbour plan", by(beaIs)], ["Harbour plan approved", by(anaIs)]]);
    await screenshot(bea, "32-desk-field-conflict");

    const anas = await bea.$$("#field-conflicts .candidate").find(async (li) =>
      (await li.$(".value").getText()) === "Harbour plan approved");
    await anas.$("button.use").click();
    await banner.waitForDisplayed({ reverse: true });
    await bea.waitUntil(async () => (await bea.$("#f-headline").getValue()) === "Harbour plan approved");
    assert.deepEqual(cli(libBea, "desk", "conflicts", story.id), []);
    assert.deepEqual(cli(libBea, "preflight", story.id).problems, []);
  } finally {
    await bea.deleteSession();
  }
});

test("a photo credited on two laptops at once is marked on the photo desk, shows both credits with who gave them, and a credit of one's own lets its story go out", async () => {
  let photoId;
  const desk = deskOfTwo("desk-photo-conflict", "Mayer fastest in training", "Mayer set the pace.", (lib, story) => {
    photoId = cli(lib, "photo", "import", GETTY).photos[0].id;
    cli(lib, "photo", "edit", photoId, "--alt", "A skier on the Streif");
    cli(lib, "photo", "crop", photoId, "lead", "--aspect", "16:9");
    cli(lib, "attach", story.id, photoId, "--crop", "lead", "--lead", "--base-version", "1");
  });
  const { libAna, libBea, anaIs, beaIs, story } = desk;
  // Offline on both laptops, the same credit, then both sync.
  cli(libAna, "photo", "edit", photoId, "--credit", "Getty Images/Ana Ruiz");
  cli(libBea, "photo", "edit", photoId, "--credit", "AFP/Getty Images/Bea Osei");
  syncBoth(desk);
  assert.equal(cli(libBea, "desk", "conflicts", "--photo", photoId).length, 1);
  assert.throws(() => cli(libBea, "preflight", story.id), /pick one on the photo desk/, "preflight blocks the conflict");

  const bea = await launch(drivers[0], libBea);
  try {
    // The status bar counts it, like a story's field conflicts.
    await bea.waitUntil(async () => /· 1 photo conflict$/.test(await textOf(bea, "#desk-state")),
      { timeoutMsg: "the status bar does not count the photo conflict" });
    await bea.$("#open-photo-desk").click();
    await bea.$("#photo-grid[data-ready]").waitForExist();
    const card = await bea.$(`#photo-grid li[data-id="${photoId}"]`);
    assert.equal(await card.$(".conflict-mark").getText(), "Conflict");
    await card.click();
    const banner = await bea.$("#photo-conflicts");
    await banner.waitForDisplayed();
    const rows = await bea.execute(() => [...document.querySelectorAll("#photo-conflicts .candidate")]
      .map((li) => [li.querySelector(".value").textContent, li.querySelector(".by").textContent.trim()]));
    assert.deepEqual(rows.sort(), [["AFP/Getty Images/Bea Osei", by(beaIs)], ["Getty Images/Ana Ruiz", by(anaIs)]]);
    await screenshot(bea, "35-desk-photo-conflict");

    await bea.$('#photo-conflicts [data-field="credit"] .own input').setValue("AFP/Getty Images");
    await bea.$('#photo-conflicts [data-field="credit"] .own button').click();
    await banner.waitForDisplayed({ reverse: true });
    await bea.waitUntil(async () => (await bea.$("#p-credit").getValue()) === "AFP/Getty Images");
    await bea.$(`#photo-grid li[data-id="${photoId}"] .conflict-mark`).waitForExist({ reverse: true });
    await bea.waitUntil(async () => !/photo conflict/.test(await textOf(bea, "#desk-state")),
      { timeout: ARRIVAL, timeoutMsg: "the status bar still counts the resolved photo conflict" });
    assert.deepEqual(cli(libBea, "desk", "conflicts", "--photo", photoId), []);
    assert.deepEqual(cli(libBea, "preflight", story.id).problems, []);
  } finally {
    await bea.deleteSession();
  }
});

test("with the relay down the window says offline since when and what waits, keeps saving, and catches up when it is back", async () => {
  // A desk of its own: the stories of the tests above would be listed here too.
  const own = await startRelay(TOKEN);
  const ana = await launch(drivers[0], freshLibrary("desk-offline-ana"));
  try {
    await join(ana, "Ana Ruiz", own.url);
    await ana.$("#new-article").click();
    await ana.$("#f-headline").waitForDisplayed();
    await ana.$("#f-headline").setValue("Storm closes the bridge");
    await waitSaved(ana);
    await ana.waitUntil(async () => /^Synced/.test(await textOf(ana, "#desk-state")), { timeout: ARRIVAL });

    await own.stop();
    await typeInBody(ana, "Wind at dawn closed the bridge.");
    assert.match(await waitSaved(ana), /^Saved/, "a save never waits for the desk");
    await ana.waitUntil(async () => (await ana.$("#desk-state").getAttribute("data-state")) === "offline",
      { timeout: ARRIVAL, timeoutMsg: "the window never said offline" });
    assert.match(await textOf(ana, "#desk-state"),
      /^Offline since \d{1,2}:\d{2}.* \(relay unreachable\) · 1 change waiting$/);
    await screenshot(ana, "33-desk-offline");

    await own.start();
    await ana.waitUntil(async () => /^Synced/.test(await textOf(ana, "#desk-state")), {
      timeout: ARRIVAL, timeoutMsg: "the window never caught up after the relay came back",
    });
    // What waited reached the desk: a laptop that joins now gets it.
    const late = freshLibrary("desk-offline-late");
    cli(late, "desk", "whoami", "--name", "Cal Weir");
    process.env.NEWSDESK_DESK_TOKEN = TOKEN;
    cli(late, "desk", "join", own.url);
    const got = cli(late, "list").find((s) => s.headline === "Storm closes the bridge");
    assert.equal(cli(late, "show", got.id).body, "Wind at dawn closed the bridge.");
  } finally {
    await ana.deleteSession();
    await own.stop();
  }
});

test("the photo desk window attaches a photo to a story written in the editor's window, and the editor's window shows it; its record carries the credit", async () => {
  const own = await startRelay(TOKEN);
  const editorLib = freshLibrary("desk-photo-editor");
  const ana = await launch(drivers[0], editorLib);
  const pia = await launch(drivers[1], freshLibrary("desk-photo-desk"));
  try {
    await join(ana, "Ana Ruiz", own.url);
    await join(pia, "Pia Lund", own.url);
    await ana.$("#new-article").click();
    await ana.$("#f-headline").waitForDisplayed();
    await ana.$("#f-headline").setValue("Mayer fastest in Kitzbuehel training");
    await typeInBody(ana, "Matthias Mayer set the pace on the Streif.");
    await waitSaved(ana);

    // The photo desk opens the story when it arrives, imports a wire photo, crops it 16:9 and
    // makes it the lead.
    const row = await pia.$("#article-list li[data-id]");
    await row.waitForExist({ timeout: ARRIVAL, timeoutMsg: "the story never reached the photo desk" });
    await row.click();
    await pia.waitUntil(async () => (await bodyText(pia)).includes("Streif"), { timeout: ARRIVAL });
    await pia.keys([Key.Ctrl, Key.Shift, "P"]);
    await pia.$("#photo-grid[data-ready]").waitForExist();
    const report = await pia.execute((p) => window.__TAURI_INTERNALS__.invoke("import_photos", { paths: p }), [GETTY]);
    const photoId = report.imported[0].id;
    await pia.$("#photo-grid li[data-id]").click();
    await pia.$('.aspects button[data-aspect="16:9"]').click();
    await pia.$("#save-crop").click();
    await pia.waitUntil(async () => /Saved as/.test(await pia.$("#crop-state").getText()));
    await pia.$('.crop-row[data-crop="16x9"] .attach-lead').click();
    await waitSaved(pia);

    // The editor's window shows the lead photo; its record came with its credit.
    await ana.waitUntil(() => ana.execute(() => {
      const img = document.querySelector("#lead-photo img");
      return Boolean(img?.complete && img.naturalWidth > 0);
    }), { timeout: ARRIVAL, timeoutMsg: "the lead photo never showed in the editor's window" });
    assert.match(await textOf(ana, "#lead-photo"), /Crop 16x9/);
    const [summary] = cli(editorLib, "list");
    assert.deepEqual(cli(editorLib, "show", summary.id).lead_photo, { photo_id: photoId, crop: "16x9" });
    assert.equal(cli(editorLib, "photo", "show", photoId).desk.credit, "AFP/Getty Images");
    await screenshot(ana, "34-desk-photo-in-editor");
  } finally {
    await ana.deleteSession();
    await pia.deleteSession();
    await own.stop();
  }
});
