// Figures for the closing note, measured on the real binary under Xvfb (NEWSDESK_APP: the
// release build, $CARGO_TARGET_DIR/release/newsdesk-app, or the installed package's
// /usr/bin/newsdesk-app; the figures the issues ask for are of a release build):
//   1. cold start until the article list is visible (library of 200 stories, and with
//      BENCH_LARGE_LIBRARY the 100,000-story one, then a jump to its middle),
//   2. resident memory of the app and its WebKit processes after opening a 5,000-word story
//      and a photo desk of 20 photos,
//   3. key-to-paint latency while typing into a 10,000-word body with the live preview on
//      and the writing desk checking it (BENCH_LANGUAGE=zz: a language with no checker),
//   4. bytes over IPC per autosave in a library of 100,000 stories (BENCH_LARGE_LIBRARY: a
//      library folder, e.g. the one `cargo bench -p newsdesk-core --bench articles` caches
//      under $CARGO_TARGET_DIR/bench-libraries/; it is copied first, since the bench saves).
// Run: xvfb-run -a -s "-screen 0 1600x1000x24" node bench.js   (see dev.sh for the env vars)
// BENCH_ONLY=start,memory,typing,ipc,large picks some of them.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { Key } from "webdriverio";
import { APP, freshLibrary, launch, screenshot, startDriver, type } from "./app.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ONLY = (process.env.BENCH_ONLY ?? "start,memory,typing,ipc,large").split(",");
const invoke = (browser, cmd, args) =>
  browser.execute((c, a) => window.__TAURI_INTERNALS__.invoke(c, a), cmd, args);

function words(n, seed) {
  const vocab = "council river barrier budget vote minister storm coast harbour police report said "
    + "would could after before during across market prices rose fell school teachers union strike";
  const list = vocab.split(" ");
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push(list[(i * 7 + seed) % list.length]);
    if (i % 12 === 11) out.push(".");
    if (i % 120 === 119) out.push("\n\n");
  }
  return out.join(" ").replace(/ \./g, ".");
}

/** The stories' language: "" is English, checked by harper as the editor types; a tag with no
 * checker (BENCH_LANGUAGE=zz) measures the same window with the writing desk doing nothing. */
const LANGUAGE = process.env.BENCH_LANGUAGE ?? "";

async function createArticle(browser, headline, body) {
  // Every field: the core refuses a story that lacks one rather than blank it.
  const fields = {
    slugline: "", kicker: "", section: "", headline, dek: "", authors: [{ name: "Bench Writer", role: "" }],
    dateline: { place: "", date: "" }, body, keywords: [], related: [], editors_note: "", language: LANGUAGE,
    embargo: null, corrections: [], lead_photo: null,
  };
  return invoke(browser, "create_article", { fields });
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function pct(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/**
 * VmRSS and Pss (KiB) of the app whose command line names `library`, plus all its descendants.
 * RSS counts a page shared by several processes (WebKit's libraries, its shared memory with
 * the app) in each of them, so their sum overstates what the app takes from the machine; Pss
 * divides each shared page among its sharers, so the Pss of all the processes adds up to the
 * memory they use together. Both are reported.
 */
function residentKiB(library) {
  const pids = readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  const info = new Map();
  for (const pid of pids) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      info.set(pid, {
        ppid: /PPid:\s+(\d+)/.exec(status)[1],
        rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0),
        name: /Name:\s+(.+)/.exec(status)[1],
        cmd,
      });
    } catch { /* the process went away */ }
  }
  const root = [...info.entries()].find(([, p]) => p.cmd[0] === APP && p.cmd.includes(library));
  if (!root) throw new Error("app process not found");
  const tree = [root[0]];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, p] of info) if (p.ppid === tree[i]) tree.push(pid);
  }
  return tree.map((pid) => ({ pid, name: info.get(pid).name, rss: info.get(pid).rss, pss: proportionalKiB(pid) }));
}

function proportionalKiB(pid) {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0; // the process went away
  }
}

async function coldStart(driver, source) {
  const library = freshLibrary("bench-start");
  let browser;
  if (source) {
    cpSync(source, library, { recursive: true });
  } else {
    browser = await launch(driver, library);
    for (let i = 0; i < 200; i++) await createArticle(browser, `Story ${i}`, words(300, i));
    await browser.deleteSession();
  }
  const wall = [];
  const inPage = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    browser = await launch(driver, library, { listTimeout: source ? 600000 : 15000 });
    await browser.$("#article-list li[data-id]").waitForDisplayed();
    wall.push(performance.now() - t0);
    // The mark is set in the frame that paints the list, which may come just after this.
    await browser.waitUntil(() => browser.execute(() => performance.getEntriesByName("list-visible").length > 0));
    inPage.push(await browser.execute(() => performance.getEntriesByName("list-visible")[0].startTime));
    if (run < RUNS - 1) await browser.deleteSession();
  }
  // The scroll bar dragged to the middle: until the rows there are on screen.
  const middle = await browser.execute(() => {
    const list = document.querySelector("#article-list");
    const rows = Number(list.getAttribute("aria-rowcount"));
    const t0 = performance.now();
    list.scrollTop = list.scrollHeight / 2;
    return new Promise((resolve) => {
      const seen = () => [...list.querySelectorAll("li[data-id]")].some((li) => {
        const r = li.getBoundingClientRect(), l = list.getBoundingClientRect();
        return r.top >= l.top && r.bottom <= l.bottom;
      });
      const check = () => (seen() ? requestAnimationFrame(() => resolve({ rows, ms: performance.now() - t0 })) : setTimeout(check, 1));
      requestAnimationFrame(check);
    });
  });
  const dom = await browser.execute(() => document.querySelectorAll("#article-list li").length);
  await browser.deleteSession();
  return { wall, inPage, middle, dom };
}

function makePhotos(dir, n) {
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = 0; i < n; i++) {
    const file = path.join(dir, `photo-${i}.jpg`);
    execFileSync("convert", ["-size", "3000x2000", `gradient:hsb(${(i * 17) % 255},200,200)-hsb(${(i * 41) % 255},120,90)`,
      "-quality", "85", file]);
    files.push(file);
  }
  return files;
}

async function memory(driver) {
  const library = freshLibrary("bench-memory");
  const browser = await launch(driver, library);
  try {
    const photos = makePhotos(path.join(library, "incoming"), 20);
    const report = await invoke(browser, "import_photos", { paths: photos });
    if (report.imported.length !== 20) throw new Error(`imported ${report.imported.length} of 20`);
    const article = await createArticle(browser, "A long read", words(5000, 3));
    await browser.keys([Key.Ctrl, Key.Shift, "P"]);
    // Thumbnails load lazily: scroll each into view, as an editor looking at all 20 would.
    await browser.waitUntil(() => browser.execute(() => {
      const images = [...document.querySelectorAll("#photo-grid img")];
      images.forEach((i) => { if (!i.complete || !i.naturalWidth) i.scrollIntoView(); });
      return images.filter((i) => i.complete && i.naturalWidth).length === 20;
    }), { timeout: 30000, interval: 300 });
    await browser.$("#back-to-story").click();
    await browser.$("#search").setValue(" ");
    await browser.$("#search").clearValue();
    await browser.$(`#article-list li[data-id="${article.id}"]`).click();
    await browser.waitUntil(async () => /5,?0\d\d words/.test(await browser.$("#stats").getText()));
    await new Promise((r) => setTimeout(r, 2000));
    return residentKiB(library);
  } catch (e) {
    await screenshot(browser, "bench-memory-failure");
    throw e;
  } finally {
    await browser.deleteSession();
  }
}

async function typing(driver) {
  const library = freshLibrary("bench-typing");
  const browser = await launch(driver, library);
  try {
    const article = await createArticle(browser, "Ten thousand words", words(10000, 5));
    await browser.refresh();
    await browser.$(`#article-list li[data-id="${article.id}"]`).click();
    await browser.waitUntil(async () => /10,?\d\d\d words/.test(await browser.$("#stats").getText()));
    await browser.$(".cm-content").click();
    await browser.keys([Key.Ctrl, Key.End]);
    await browser.execute(() => performance.clearMeasures("key-to-paint"));
    const text = " The minister said the budget would pass before the vote on Friday.".repeat(3);
    for (const ch of text) await browser.keys(ch);
    await browser.waitUntil(async () => (await browser.$("#save-state").getAttribute("data-state")) === "saved");
    const lat = await browser.execute(() => performance.getEntriesByName("key-to-paint").map((m) => m.duration));
    const stats = await browser.$("#stats").getText();
    return { lat, stats };
  } finally {
    await browser.deleteSession();
  }
}

/** Counts what crosses IPC in the page: the shell's IPC is `fetch` to the `ipc:` scheme
 * (Tauri's `invoke` itself cannot be wrapped: it is a read-only property), so a wrapped
 * `fetch` sees every request body and every reply, byte for byte. */
function countIpc() {
  const log = [];
  window.__ipcLog = log;
  const original = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = String(input?.url ?? input);
    const response = await original(input, init);
    if (!/^(ipc:|http:\/\/ipc\.localhost)/.test(url)) return response;
    const body = init?.body;
    const sent = body == null ? 0 : typeof body === "string" ? new TextEncoder().encode(body).length : body.byteLength ?? 0;
    const received = (await response.clone().arrayBuffer()).byteLength;
    log.push({ cmd: decodeURIComponent(url.split("/").pop()), sent, received, at: performance.now() });
    return response;
  };
}

/** Waits until no IPC call has finished for `quietMs`. */
async function ipcQuiet(browser, quietMs = 2500) {
  await browser.waitUntil(() => browser.execute((q) => {
    const log = window.__ipcLog;
    const last = log.length ? log[log.length - 1].at : 0;
    return performance.now() - last > q;
  }, quietMs), { timeout: 600000, interval: 250 });
}

async function ipcPerAutosave(driver, source) {
  const library = freshLibrary("bench-ipc");
  cpSync(source, library, { recursive: true });
  const t0 = performance.now();
  const browser = await launch(driver, library, { listTimeout: 600000 });
  const opened = performance.now() - t0;
  try {
    await browser.execute(countIpc);
    await browser.$("#article-list li[data-id]").click();
    await browser.$(".cm-content").waitForDisplayed();
    await ipcQuiet(browser);
    const autosaves = [];
    for (let i = 0; i < Number(process.env.BENCH_AUTOSAVES ?? 5); i++) {
      await browser.execute(() => { window.__ipcLog.length = 0; });
      await browser.$(".cm-content").click();
      await browser.keys([Key.Ctrl, Key.End]);
      await type(browser, ` word${i}`);
      await browser.waitUntil(async () => (await browser.$("#save-state").getAttribute("data-state")) === "saved",
        { timeout: 600000 });
      await ipcQuiet(browser);
      autosaves.push(await browser.execute(() => window.__ipcLog.map(({ cmd, sent, received }) => ({ cmd, sent, received }))));
    }
    // Before paging, every autosave was followed by this: the whole library listed again. The
    // same command through the same IPC, so its bytes are what that window moved per autosave
    // (that window itself could not open this library within WebDriver's 5-minute timeout here).
    await browser.execute(() => { window.__ipcLog.length = 0; });
    await browser.execute(() => window.__TAURI_INTERNALS__.invoke("list_articles",
      { filter: { status: null, section: null, sort: "updated", limit: 0 } }).then(() => null));
    const relist = await browser.execute(() => window.__ipcLog.find((c) => c.cmd === "list_articles"));
    return { opened, autosaves, relist };
  } finally {
    await browser.deleteSession();
  }
}

function reportStart(label, start) {
  console.log(`cold start, ${label}, ${RUNS} runs:`);
  console.log(`  session request -> list visible (WebDriver wall clock): median ${median(start.wall).toFixed(0)} ms, max ${Math.max(...start.wall).toFixed(0)} ms`);
  console.log(`  page time origin -> list visible (in page): median ${median(start.inPage).toFixed(0)} ms`);
  console.log(`  ${start.dom} list elements in the DOM for ${start.middle.rows} stories; a jump to the middle shows rows in ${start.middle.ms.toFixed(0)} ms`);
}

const driver = await startDriver();
console.log(`app: ${APP}`);
try {
  if (ONLY.includes("start")) reportStart("200-story library", await coldStart(driver));
  if (ONLY.includes("large") && !process.env.BENCH_LARGE_LIBRARY) console.log("cold start, large library: skipped (set BENCH_LARGE_LIBRARY)");
  if (ONLY.includes("large") && process.env.BENCH_LARGE_LIBRARY) {
    reportStart(`library of ${process.env.BENCH_LARGE_LIBRARY}`, await coldStart(driver, process.env.BENCH_LARGE_LIBRARY));
  }

  if (ONLY.includes("memory")) {
    const rss = await memory(driver);
    const mib = (kib) => (kib / 1024).toFixed(0);
    const total = (key) => rss.reduce((a, p) => a + p[key], 0);
    console.log("resident memory after a 5,000-word story and 20 photos (3000x2000), RSS (PSS):");
    for (const p of rss) console.log(`  ${p.name} (${p.pid}): ${mib(p.rss)} MiB (${mib(p.pss)} MiB)`);
    console.log(`  total: RSS ${mib(total("rss"))} MiB, PSS ${mib(total("pss"))} MiB (shared pages counted once)`);
  }

  if (ONLY.includes("typing")) {
    const { lat, stats } = await typing(driver);
    console.log(`typing into a 10,000-word body (${stats}), ${lat.length} keystrokes:`);
    console.log(`  key-to-paint median ${median(lat).toFixed(1)} ms, p95 ${pct(lat, 95).toFixed(1)} ms, max ${Math.max(...lat).toFixed(1)} ms`);
  }

  const large = process.env.BENCH_LARGE_LIBRARY;
  if (ONLY.includes("ipc") && !large) console.log("bytes per autosave: skipped (set BENCH_LARGE_LIBRARY)");
  if (ONLY.includes("ipc") && large) {
    const { opened, autosaves, relist } = await ipcPerAutosave(driver, large);
    console.log(`IPC per autosave in ${large} (window open to list: ${(opened / 1000).toFixed(1)} s), ${autosaves.length} autosaves:`);
    const sum = (calls, f = () => true) => calls.filter(f).reduce((a, c) => a + c.sent + c.received, 0);
    // The preview follows each edit, not the save: counted apart.
    const bySave = autosaves.map((calls) => sum(calls, (c) => c.cmd !== "preview"));
    for (const [i, calls] of autosaves.entries()) {
      const parts = calls.map((c) => `${c.cmd} ${c.sent}+${c.received}`).join(", ");
      console.log(`  #${i + 1}: ${bySave[i]} bytes caused by the save (${parts})`);
    }
    console.log(`  median: ${median(bySave)} bytes per autosave (request + reply, preview excluded)`);
    const whole = relist.sent + relist.received;
    console.log(`  before paging, each autosave also re-listed the library: list_articles ${relist.sent}+${relist.received} = ${whole} bytes,`);
    console.log(`  so about ${median(bySave) - median(autosaves.map((calls) => sum(calls, (c) => c.cmd === "list_articles"))) + whole} bytes per autosave`);
  }
} catch (e) {
  console.error(`benchmark failed: ${e.message}\n--- tauri-driver and app log ---\n${driver.log()}`);
  process.exitCode = 1;
} finally {
  await driver.stop();
}
