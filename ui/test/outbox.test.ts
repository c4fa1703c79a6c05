// The outbox in the window: each delivery's story, destination and state, "update" when it
// updates an earlier post, the receiver's message, the link to the post; retry and cancel
// where the core allows them; redrawn when the shell says the outbox changed.
import { emit } from "@tauri-apps/api/event";
import { beforeEach, describe, expect, test, vi } from "vitest";
import type { Delivery } from "../src/api";
import { Outbox } from "../src/outbox";
import { article, commands, shell } from "./ipc";
import { loadPage } from "./page";
import { $ } from "../src/dom";

beforeEach(loadPage);


function delivery(over: Partial<Delivery> = {}): Delivery {
  return {
    id: 7, article_id: article().id, article_version: 4, ninjs_version: 1, destination: "web-desk",
    package_path: "/lib/outbox/7.zip", state: "pending", attempts: 0,
    next_attempt_at: "2026-12-03T10:00:00Z", lease_until: null, last_error: null,
    created_at: "2026-12-03T10:00:00Z", updated_at: "2026-12-03T10:00:00Z",
    update: false, remote: null,
    ...over,
  };
}

const POST = "http://127.0.0.1:8080/2026/12/flood-barrier-fails/";

async function shownWith(deliveries: Delivery[], handlers: Parameters<typeof shell>[0] = {}) {
  const calls = shell({ outbox: () => deliveries, get_article: () => article(), ...handlers });
  const outbox = new Outbox();
  await outbox.refresh();
  return { calls, outbox, row: $("#outbox li.delivery") };
}

const rows: {
  d: Partial<Delivery>; state: RegExp; next?: RegExp; buttons: string[]; message?: string; link?: string;
  update?: boolean;
}[] = [
  { d: { state: "pending" }, state: /^pending$/, buttons: ["Cancel"] },
  { d: { state: "sending", lease_until: "2026-12-03T10:01:00Z" }, state: /^sending…$/, buttons: [] },
  { d: { state: "retrying", attempts: 2, next_attempt_at: "2026-12-03T10:08:00Z",
      last_error: "WordPress did not answer within 60 s" },
    state: /^retrying$/, next: /^ next try \d\d:\d\d/, buttons: ["Retry now", "Cancel"],
    message: "WordPress did not answer within 60 s" },
  { d: { state: "delivered", remote: { id: "42", url: POST } }, state: /^delivered$/, buttons: [], link: POST },
  { d: { state: "delivered", update: true, article_version: 6, remote: { id: "42", url: POST } },
    state: /^delivered$/, buttons: [], link: POST, update: true },
  { d: { state: "failed", last_error: "rest_upload_sideload_error: Sorry, you are not allowed to upload this file type." },
    state: /^failed$/, buttons: ["Retry now", "Cancel"],
    message: "rest_upload_sideload_error: Sorry, you are not allowed to upload this file type." },
  { d: { state: "cancelled" }, state: /^cancelled$/, buttons: ["Retry now"] },
];

describe("an outbox row shows", () => {
  test.each(rows)("$d.state (update: $update)", async ({ d, state, next, buttons, message, link, update }) => {
    const { row } = await shownWith([delivery(d)]);
    expect(row.querySelector(".story")!.textContent).toBe("Flood barrier fails");
    expect(row.querySelector(".state")!.textContent).toMatch(state);
    if (next) expect(row.querySelector(".next")!.textContent).toMatch(next);
    else expect(row.querySelector(".next")).toBeNull();
    expect(row.textContent).toContain("→ web-desk");
    expect(row.dataset.state).toBe(d.state);
    expect([...row.querySelectorAll("button")].map((b) => b.textContent)).toEqual(buttons);
    expect(row.querySelector(".message")?.textContent ?? null).toBe(message ?? null);
    expect(row.querySelector<HTMLAnchorElement>("a.remote")?.getAttribute("href") ?? null).toBe(link ?? null);
    expect(row.querySelector(".update") !== null).toBe(update ?? false);
  });

  test("the summary counts what waits and what failed", async () => {
    await shownWith([delivery({ id: 1, state: "pending" }), delivery({ id: 2, state: "retrying" }),
      delivery({ id: 3, state: "failed" }), delivery({ id: 4, state: "delivered" })]);
    expect($("#outbox-summary").textContent).toBe("Outbox: 2 pending · 1 failed");
    expect($("#outbox-summary").classList).toContain("error");
  });

  test("a link the CMS gave that is not a web address is not offered", async () => {
    const { row } = await shownWith([delivery({ state: "delivered", remote: { id: "9", url: "javascript:alert(1)" } })]);
    expect(row.querySelector("a")).toBeNull();
  });

  test("each story is looked up once, however many deliveries it has", async () => {
    const { calls } = await shownWith([delivery({ id: 1 }), delivery({ id: 2, destination: "ghost" })]);
    expect(commands(calls).filter((c) => c === "get_article")).toHaveLength(1);
  });
});

describe("acting on a delivery", () => {
  test("the post link asks the shell to open that delivery's post in the system browser", async () => {
    const { calls, row } = await shownWith([delivery({ state: "delivered", remote: { id: "42", url: POST } })],
      { open_post: () => null });
    row.querySelector<HTMLAnchorElement>("a.remote")!.click();
    await vi.waitFor(() => expect(commands(calls)).toContain("open_post"));
    expect(calls.find((c) => c.cmd === "open_post")?.args).toEqual({ id: 7 });
  });

  test("Retry now sends it again, then the outbox is read anew", async () => {
    let state: Delivery["state"] = "failed";
    const { calls, row } = await shownWith([], {
      outbox: () => [delivery({ state, last_error: "rest_cannot_create: Sorry, you are not allowed to create posts as this user." })],
      retry_delivery: (args) => { state = "pending"; return delivery({ id: args.id as number, state }); },
    });
    const retry = [...$("#outbox").querySelectorAll("button")].find((b) => b.textContent === "Retry now");
    expect(row).toBeDefined();
    retry!.click();
    await vi.waitFor(() => expect($("#outbox li.delivery").dataset.state).toBe("pending"));
    expect(calls.find((c) => c.cmd === "retry_delivery")?.args).toEqual({ id: 7 });
    expect(commands(calls).slice(-2)).toEqual(["retry_delivery", "outbox"]);
  });

  test("Cancel cancels it", async () => {
    let state: Delivery["state"] = "retrying";
    const { calls } = await shownWith([], {
      outbox: () => [delivery({ state })],
      cancel_delivery: (args) => { state = "cancelled"; return delivery({ id: args.id as number, state }); },
    });
    $<HTMLButtonElement>("#outbox button.cancel").click();
    await vi.waitFor(() => expect($("#outbox li.delivery").dataset.state).toBe("cancelled"));
    expect(calls.find((c) => c.cmd === "cancel_delivery")?.args).toEqual({ id: 7 });
  });

  test("a refused retry says why", async () => {
    await shownWith([delivery({ state: "failed" })], {
      retry_delivery: () => { throw { kind: "invalid", message: "delivery 7 is delivered and cannot be retried" }; },
    });
    $<HTMLButtonElement>("#outbox button.retry").click();
    await vi.waitFor(() => expect($("#notice").textContent)
      .toBe("Not retried: delivery 7 is delivered and cannot be retried"));
  });

  test("outbox-changed from the shell redraws it: the delivery the sender finished shows delivered", async () => {
    let d = delivery({ state: "sending" });
    await shownWith([], { outbox: () => [d] });
    expect($("#outbox li.delivery").dataset.state).toBe("sending");
    d = delivery({ state: "delivered", remote: { id: "42", url: POST } });
    await emit("outbox-changed", null);
    await vi.waitFor(() => expect($("#outbox li.delivery").dataset.state).toBe("delivered"));
    expect($("#outbox a.remote").getAttribute("href")).toBe(POST);
  });
});
