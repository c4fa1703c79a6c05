// The team desk in the window: what the status bar says for each state of the background sync,
// who else is here, joining through the dialog, and a sync that changed stories reloading.
import { emit } from "@tauri-apps/api/event";
import { beforeEach, describe, expect, test, vi } from "vitest";
import type { DeskStatus } from "../src/api";
import { DeskPanel, hereText, syncStateText } from "../src/desk";
import { $, clock } from "../src/dom";
import { commands, shell } from "./ipc";
import { loadPage } from "./page";

beforeEach(loadPage);

const ME = { name: "Bea Osei", device_id: "0c1d2e3f-aaaa-bbbb-cccc-000000000001" };

function status(over: Partial<DeskStatus> = {}): DeskStatus {
  return {
    me: ME, url: "ws://desk.example.org:7878/", syncing: false, synced_at: "2026-12-03T12:04:00Z",
    offline_since: null, trouble: null, message: null, waiting: 0, conflicts: 0, photo_conflicts: 0, changed: 0,
    ...over,
  };
}

const states: { name: string; s: Partial<DeskStatus>; text: string; kind: string }[] = [
  { name: "alone, no name", s: { me: null, url: null, synced_at: null }, text: "Join a team desk…", kind: "alone" },
  { name: "alone", s: { url: null, synced_at: null }, text: "Join a team desk…", kind: "alone" },
  { name: "synced", s: {}, text: `Synced ${clock("2026-12-03T12:04:00Z")}`, kind: "synced" },
  { name: "waiting", s: { waiting: 3 }, text: "3 changes waiting", kind: "waiting" },
  { name: "one waiting", s: { waiting: 1 }, text: "1 change waiting", kind: "waiting" },
  { name: "syncing", s: { syncing: true, waiting: 1 }, text: "Syncing… · 1 change waiting", kind: "syncing" },
  { name: "offline", s: { trouble: "offline", offline_since: "2026-12-03T11:58:00Z", waiting: 2,
      message: "the desk at ws://… cannot be reached" },
    text: `Offline since ${clock("2026-12-03T11:58:00Z")} (relay unreachable) · 2 changes waiting`, kind: "offline" },
  { name: "refused", s: { trouble: "refused", message: "refused the desk token (HTTP 401)" },
    text: "Desk token refused", kind: "refused" },
  { name: "failed", s: { trouble: "failed", message: "a desk document is not a Newsdesk story" },
    text: "Desk sync failed: a desk document is not a Newsdesk story", kind: "failed" },
  { name: "conflicts", s: { conflicts: 2 }, text: `Synced ${clock("2026-12-03T12:04:00Z")} · 2 field conflicts`, kind: "synced" },
  { name: "photo conflicts", s: { conflicts: 1, photo_conflicts: 1 }, text: `Synced ${clock("2026-12-03T12:04:00Z")} · 1 field conflict · 1 photo conflict`, kind: "synced" },
];

describe("the status bar says", () => {
  test.each(states)("$name", ({ s, text, kind }) => {
    expect(syncStateText(status(s))).toEqual({ text, kind });
  });
});

test("who else is here: each person once, by name", () => {
  expect(hereText([])).toBe("");
  expect(hereText([{ name: "Ana Ruiz", device: "a1" }, { name: "Cal Weir", device: "c1" },
    { name: "Ana Ruiz", device: "a2" }])).toBe("Also here: Ana Ruiz, Cal Weir");
});

function panel(handlers: Parameters<typeof shell>[0], openStory: string | null = "story-1") {
  const calls = shell({ desk_status: () => status({ url: null, synced_at: null }), ...handlers });
  const changed = vi.fn();
  const me = vi.fn();
  const desk = new DeskPanel({ changed, me, openStory: () => openStory });
  return { calls, desk, changed, me };
}

describe("the desk panel", () => {
  test("joins with the address and token typed, shows the result and reloads what the desk brought", async () => {
    const joined = status({ changed: 4 });
    const { calls, desk, changed, me } = panel({ join_desk: () => joined });
    await desk.refresh();
    expect($("#desk-state").textContent).toBe("Join a team desk…");
    expect(me).toHaveBeenCalledWith("Bea Osei");
    $<HTMLInputElement>("#desk-url").value = " ws://desk.example.org:7878 ";
    $<HTMLInputElement>("#desk-token").value = "a-desk-token-of-at-least-16";
    await desk.join();
    expect(calls.at(-1)).toEqual({ cmd: "join_desk",
      args: { url: "ws://desk.example.org:7878", token: "a-desk-token-of-at-least-16" } });
    expect($<HTMLInputElement>("#desk-token").value, "the token is not left in the form").toBe("");
    expect($("#desk-state").dataset.state).toBe("synced");
    expect(changed).toHaveBeenCalled();
  });

  test("a refused join says why and keeps the library alone", async () => {
    const { desk } = panel({ join_desk: () => { throw { kind: "invalid", message: "the desk at ws://x refused the desk token (HTTP 401)" }; } });
    await desk.refresh();
    await desk.join();
    expect($("#desk-error").textContent).toMatch(/refused the desk token/);
    expect($("#desk-state").textContent).toBe("Join a team desk…");
  });

  test("without a name, joining waits for one; the name is saved first", async () => {
    let named = false;
    const { calls, desk } = panel({
      desk_status: () => status({ me: named ? ME : null, url: null, synced_at: null }),
      set_identity: (args) => { named = true; return { ...ME, name: args.name as string }; },
    });
    await desk.refresh();
    expect($<HTMLButtonElement>("#desk-join").disabled).toBe(true);
    $<HTMLInputElement>("#desk-name").value = "Bea Osei";
    await desk.setName();
    expect(commands(calls)).toContain("set_identity");
    expect($<HTMLButtonElement>("#desk-join").disabled).toBe(false);
  });

  test("a sync that changed stories here reloads; one that changed nothing does not", async () => {
    const { desk, changed } = panel({});
    await desk.refresh();
    await emit("desk-status", status({ changed: 0 }));
    expect(changed).not.toHaveBeenCalled();
    await emit("desk-status", status({ changed: 1 }));
    expect(changed).toHaveBeenCalledTimes(1);
    expect($("#desk-state").textContent).toMatch(/^Synced/);
  });

  test("who is here shows for the open story only", async () => {
    const { desk } = panel({}, "story-1");
    await desk.refresh();
    await emit("desk-here", { story: "story-2", people: [{ name: "Ana Ruiz", device: "a1" }] });
    expect($("#here").hidden).toBe(true);
    await emit("desk-here", { story: "story-1", people: [{ name: "Ana Ruiz", device: "a1" }] });
    expect($("#here").textContent).toBe("Also here: Ana Ruiz");
    expect($("#here").hidden).toBe(false);
  });
});
