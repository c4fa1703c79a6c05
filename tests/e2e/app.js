// Drives the real Newsdesk binary: tauri-driver in front of WebKitWebDriver, one fresh
// library folder per test. Run under Xvfb (see dev.sh).
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Key, remote } from "webdriverio";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SHARED = path.resolve(ROOT, "../shared");
export const APP = process.env.NEWSDESK_APP ?? path.join(ROOT, "target-app/debug/newsdesk-app");
export const CLI = process.env.NEWSDESK_CLI ?? path.join(ROOT, "target/debug/newsdesk");
export const RELAY = process.env.NEWSDESK_RELAY ?? path.join(path.dirname(CLI), "newsdesk-relay");
export const SCREENSHOTS = path.join(ROOT, "tests/e2e/screenshots");
const TAURI_DRIVER = process.env.TAURI_DRIVER ?? path.join(os.homedir(), ".cargo/bin/tauri-driver");

export function freshLibrary(name) {
  return mkdtempSync(path.join(os.tmpdir(), `newsdesk-e2e-${name}-`));
}

/** Asks the OS for a port nobody uses: a second driver on a busy port fails quietly. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function waitForPort(port, isDead, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (isDead()) return reject(new Error("tauri-driver exited before it listened"));
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => { socket.end(); resolve(); });
      socket.once("error", () => {
        if (Date.now() > deadline) reject(new Error(`tauri-driver did not listen on ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/** Starts tauri-driver on free ports; fails loudly if it dies. `env` reaches the app it starts
 * (a fresh HOME gives the app a fresh default library). */
export async function startDriver({ env = process.env } = {}) {
  const port = await freePort();
  const nativePort = await freePort();
  const child = spawn(TAURI_DRIVER, [
    "--port", String(port), "--native-port", String(nativePort),
    "--native-driver", "/usr/bin/WebKitWebDriver",
  ], { stdio: ["ignore", "ignore", "pipe"], env });
  let log = "";
  child.stderr.on("data", (d) => { log = (log + d).slice(-4000); });
  let exit = null;
  child.on("exit", (code, signal) => { exit = { code, signal }; });
  await waitForPort(port, () => exit !== null);
  return {
    port,
    /** The last lines tauri-driver (and the app under it) wrote to stderr. */
    log: () => log,
    check() {
      if (exit) throw new Error(`tauri-driver exited (${JSON.stringify(exit)}): ${log}`);
    },
    async stop() {
      if (exit) return;
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}

/** Opens a window of the real app on `library`; `listTimeout` is how long the list may take
 * to show (a benchmark library of 100,000 stories takes longer than a test's); `application`
 * another binary (the installed package's); `library` null opens the default library. */
export async function launch(driver, library, { listTimeout = 15000, application = APP } = {}) {
  driver.check();
  const browser = await remote({
    hostname: "127.0.0.1",
    port: driver.port,
    logLevel: "warn",
    // tauri-driver sometimes drops a pooled connection to WebKitWebDriver; retrying the
    // request is safe (field notes: 8 of 8 runs pass with retries).
    connectionRetryCount: 3,
    connectionRetryTimeout: 60000,
    waitforTimeout: 10000,
    capabilities: { "tauri:options": { application, args: library === null ? [] : ["--library", library] } },
  });
  // 0: the caller waits for the list itself (a library being upgraded shows something first).
  if (listTimeout > 0) await browser.$("#article-list[data-ready]").waitForExist({ timeout: listTimeout });
  return browser;
}

/**
 * The X display as the editor sees it, through ImageMagick's `import`. WebDriver's screenshot
 * asks WebKit for a snapshot of the page, which WebKitGTK never answers once the window paints
 * without accelerated compositing, as the app does (src-tauri/src/lib.rs): the request hung
 * until the client gave up. `browser` stays in the signature: the screen is the window's.
 */
export async function screenshot(_browser, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  execFileSync("import", ["-window", "root", path.join(SCREENSHOTS, `${name}.png`)]);
}

/** Runs the `newsdesk` CLI on `library` and returns its parsed `--json` output. */
export function cli(library, ...args) {
  const out = execFileSync(CLI, ["--library", library, "--json", ...args], { encoding: "utf8" });
  return out.trim() ? JSON.parse(out) : null;
}

/** Types `text` into whatever has the focus, one key press and release per character
 * (`browser.keys("...")` drops the second of two equal letters in WebKitGTK). */
export async function type(browser, text) {
  let action = browser.action("key");
  for (const ch of text) action = action.down(ch).up(ch);
  await action.perform();
}

/** Types into the CodeMirror body at its end. */
export async function typeInBody(browser, text) {
  const content = await browser.$(".cm-content");
  await content.click();
  await browser.keys([Key.Ctrl, Key.End]);
  await type(browser, text);
}

/** The text of an element as the DOM has it (WebDriver's getText hides text that an
 * ellipsis cuts off). */
export async function textOf(browser, selector) {
  return browser.execute((s) => document.querySelector(s)?.textContent ?? null, selector);
}

export async function bodyText(browser) {
  return browser.execute(() => document.querySelector(".cm-content")?.innerText ?? "");
}

export async function waitSaved(browser) {
  const state = await browser.$("#save-state");
  await browser.waitUntil(async () => (await state.getAttribute("data-state")) === "saved", {
    timeout: 10000,
    timeoutMsg: "the editor never reported Saved",
  });
  return state.getText();
}

/** `newsdesk-relay` on a free loopback port over a fresh folder; resolves when it listens.
 * `stop` and `start` again keep the folder and the port (a relay restarted after a crash). */
export async function startRelay(token) {
  const folder = mkdtempSync(path.join(os.tmpdir(), "newsdesk-e2e-relay-"));
  let child = null;
  const relay = {
    url: null,
    async start() {
      const listen = relay.url ? new URL(relay.url).host : "127.0.0.1:0";
      child = spawn(RELAY, ["--folder", folder, "--listen", listen], {
        env: { ...process.env, NEWSDESK_DESK_TOKEN: token },
        stdio: ["ignore", "pipe", "inherit"],
      });
      const started = child;
      relay.url = await new Promise((resolve, reject) => {
        let out = "";
        started.stdout.on("data", (d) => {
          out += d;
          const m = /listening on (ws:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]);
        });
        started.once("exit", (code) => reject(new Error(`newsdesk-relay exited (${code}) before listening: ${out}`)));
      });
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      const stopping = child;
      stopping.kill("SIGTERM");
      await new Promise((r) => stopping.once("exit", r));
    },
  };
  await relay.start();
  return relay;
}
