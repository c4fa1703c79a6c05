// Figures for the closing note, measured on the real binary under Xvfb:
//   1. cold start until the article list is visible (library of 200 stories),
//   2. resident memory of the app and its WebKit processes after opening a 5,000-word story
//      and a photo desk of 20 photos,
//   3. key-to-paint latency while typing into a 10,000-word body with the live preview on.
// Run: xvfb-run -a -s "-screen 0 1600x1000x24" node bench.js   (see dev.sh for the env vars)
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { Key } from "webdriverio";
import { APP, freshLibrary, launch, screenshot, startDriver } from "./app.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
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

async function createArticle(browser, headline, body) {
  const fields = { headline, body, authors: [{ name: "Bench Writer", role: "" }] };
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

/** VmRSS (KiB) of the app whose command line names `library`, plus all its descendants. */
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
  return tree.map((pid) => ({ pid, name: info.get(pid).name, rss: info.get(pid).rss }));
}

async function coldStart(driver) {
  const library = freshLibrary("bench-start");
  let browser = await launch(driver, library);
  for (let i = 0; i < 200; i++) await createArticle(browser, `Story ${i}`, words(300, i));
  await browser.deleteSession();
  const wall = [];
  const inPage = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    browser = await launch(driver, library);
    await browser.$("#article-list li[data-id]").waitForDisplayed();
    wall.push(performance.now() - t0);
    // The mark is set in the frame that paints the list, which may come just after this.
    await browser.waitUntil(() => browser.execute(() => performance.getEntriesByName("list-visible").length > 0));
    inPage.push(await browser.execute(() => performance.getEntriesByName("list-visible")[0].startTime));
    await browser.deleteSession();
  }
  return { wall, inPage };
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

const driver = await startDriver();
try {
  const start = await coldStart(driver);
  console.log(`cold start, 200-story library, ${RUNS} runs:`);
  console.log(`  session request -> list visible (WebDriver wall clock): median ${median(start.wall).toFixed(0)} ms, max ${Math.max(...start.wall).toFixed(0)} ms`);
  console.log(`  page time origin -> list visible (in page): median ${median(start.inPage).toFixed(0)} ms`);

  const rss = await memory(driver);
  const total = rss.reduce((a, p) => a + p.rss, 0);
  console.log("resident memory after a 5,000-word story and 20 photos (3000x2000):");
  for (const p of rss) console.log(`  ${p.name} (${p.pid}): ${(p.rss / 1024).toFixed(0)} MiB`);
  console.log(`  total: ${(total / 1024).toFixed(0)} MiB`);

  const { lat, stats } = await typing(driver);
  console.log(`typing into a 10,000-word body (${stats}), ${lat.length} keystrokes:`);
  console.log(`  key-to-paint median ${median(lat).toFixed(1)} ms, p95 ${pct(lat, 95).toFixed(1)} ms, max ${Math.max(...lat).toFixed(1)} ms`);
} catch (e) {
  console.error(`benchmark failed: ${e.message}\n--- tauri-driver and app log ---\n${driver.log()}`);
  process.exitCode = 1;
} finally {
  await driver.stop();
}
