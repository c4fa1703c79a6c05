// The wire desk in the window: the filters become the core's filter, killed and withheld
// items show in red, the preview is text (an agency's markup never renders), "Start a story"
// opens the draft, a `wire-changed` event lists the queue again, and a story the agency
// killed shows the red notice until it is cleared.
import { emit } from "@tauri-apps/api/event";
import { beforeEach, describe, expect, test, vi } from "vitest";
import type { WireShown, WireSummary } from "../src/api";
import { $ } from "../src/dom";
import { queueFilter, rowClass, showStop, statusLabel, WireDesk } from "../src/wire";
import { article, commands, shell } from "./ipc";
import { loadPage } from "./page";

beforeEach(loadPage);

function summary(over: Partial<WireSummary> = {}): WireSummary {
  return {
    id: "0a1b2c3d-0000-4000-8000-000000000001", source: "dpa", agency: "dpa", kind: "text",
    status: "usable", urgency: 4, version: 2, headline: "Faktencheck Derby-Elfmeter",
    subjects: ["Fußball"], received_at: "2026-12-03T10:00:00Z", snippet: "Für Lucien Favre…",
    stories: [], ...over,
  };
}

function shown(over: Partial<WireShown["item"]> = {}): WireShown {
  return {
    item: {
      id: summary().id, source: "dpa", received_at: "2026-12-03T10:00:00Z", earlier_versions: [1],
      format: "ninjs 3.x", guid: "urn:newsml:dpa.com:1", version: 2, kind: "text", status: "usable",
      urgency: 4, agency: "dpa", sent_at: null, embargo: null, headline: "Faktencheck Derby-Elfmeter",
      dek: "", byline: "Christian Hollmann, dpa", dateline: "Dortmund", language: "de", slugline: "",
      subjects: ["Fußball"], body: "Für <b>Lucien</b> Favre", ed_note: "", photos: [], links: [],
      ...over,
    },
    earlier: [],
  };
}

describe("the queue's filter", () => {
  test.each([
    [{ source: "", urgency: "", subject: " ", text: "" }, { source: null, urgency: null, subject: null, text: "" }],
    [{ source: "AP", urgency: "2", subject: "Sport", text: "elf" }, { source: "AP", urgency: 2, subject: "Sport", text: "elf" }],
    [{ source: "AP", urgency: "x", subject: "", text: "" }, { source: "AP", urgency: null, subject: null, text: "" }],
    [{ source: "", urgency: "12", subject: "", text: "" }, { source: null, urgency: null, subject: null, text: "" }],
  ])("%o", (values, expected) => {
    expect(queueFilter(values)).toMatchObject(expected);
  });
});

test.each([
  [{ status: "usable", urgency: 5 }, "wire-row", ""],
  [{ status: "usable", urgency: 1 }, "wire-row urgent", ""],
  [{ status: "canceled", urgency: 5 }, "wire-row stopped wire-canceled", "KILLED"],
  [{ status: "withheld", urgency: null }, "wire-row stopped wire-withheld", "WITHHELD"],
] as const)("a %o row", (item, classes, label) => {
  expect(rowClass(item)).toBe(classes);
  expect(statusLabel(item.status)).toBe(label);
});

test("the queue lists newest first as the core answers, killed in red, and opens a draft", async () => {
  const opened = vi.fn();
  const calls = shell({
    wire_list: () => [summary({ id: "k", status: "canceled", headline: "Killed one" }), summary()],
    wire_sources: () => ["AP", "dpa"],
    wire_folders: () => [{ dir: "/mnt/wire/dpa", source: "dpa" }],
    wire_item: () => shown(),
    wire_start_story: () => article({ headline: "Faktencheck Derby-Elfmeter" }),
  });
  const desk = new WireDesk(opened);
  await desk.refresh();
  const rows = [...document.querySelectorAll<HTMLElement>("#wire-queue li[data-id]")];
  expect(rows.map((r) => r.querySelector(".wire-headline")!.textContent)).toEqual(["Killed one", "Faktencheck Derby-Elfmeter"]);
  expect(rows[0].classList.contains("stopped")).toBe(true);
  expect(rows[0].querySelector(".wire-stop")!.textContent).toBe("KILLED");
  expect($("#wire-folders").textContent).toContain("/mnt/wire/dpa");

  await desk.show(summary().id);
  // The agency's markup stays text.
  expect($("#wire-preview .wire-body").textContent).toBe("Für <b>Lucien</b> Favre");
  expect($("#wire-preview").querySelector("b")).toBeNull();
  $("#wire-start").click();
  await vi.waitFor(() => expect(opened).toHaveBeenCalled());
  expect(calls.find((c) => c.cmd === "wire_start_story")!.args).toEqual({ id: summary().id });
});

test("a killed item offers no story", async () => {
  shell({ wire_item: () => shown({ status: "canceled", ed_note: "Do not use" }) });
  await new WireDesk(vi.fn()).show("k");
  expect($<HTMLButtonElement>("#wire-start").disabled).toBe(true);
  expect($("#wire-preview .banner").textContent).toBe("KILLED by dpa: Do not use");
});

test("filters and a wire-changed event list the queue again", async () => {
  const calls = shell({ wire_list: () => [], wire_sources: () => ["AP"], wire_folders: () => [] });
  const desk = new WireDesk(vi.fn());
  await desk.refresh();
  $<HTMLSelectElement>("#wire-urgency").value = "2";
  $("#wire-urgency").dispatchEvent(new Event("change"));
  await vi.waitFor(() => expect(commands(calls).filter((c) => c === "wire_list")).toHaveLength(2));
  expect(calls.filter((c) => c.cmd === "wire_list")[1].args.filter).toMatchObject({ urgency: 2 });
  await emit("wire-changed", { read: 1, updated: 0, quarantined: 0, failed: [] });
  await vi.waitFor(() => expect(commands(calls).filter((c) => c === "wire_list")).toHaveLength(3));
});

test("a new version of an item (maybe a kill) has the stories listed again", async () => {
  shell({ wire_list: () => [], wire_sources: () => [], wire_folders: () => [] });
  const updated = vi.fn();
  new WireDesk(vi.fn(), updated);
  await emit("wire-changed", { read: 1, updated: 0, quarantined: 0, failed: [] });
  expect(updated).not.toHaveBeenCalled();
  await emit("wire-changed", { read: 1, updated: 1, quarantined: 0, failed: [] });
  expect(updated).toHaveBeenCalledOnce();
});

test("a story the agency killed shows the notice until it is cleared", async () => {
  const stop = { status: "canceled", note: "Legal", at: "2026-12-03T10:00:00Z" } as const;
  const origin = { article_id: "a", item_id: "i", guid: "g", version: 3, agency: "dpa", source: "dpa", stop };
  const calls = shell({ wire_origin: () => origin, wire_clear_stop: () => ({ ...origin, stop: null }) });
  const cleared = vi.fn();
  await showStop("a", cleared);
  expect($("#wire-stop").hidden).toBe(false);
  expect($("#wire-stop").textContent).toContain("dpa killed the wire item");
  $<HTMLButtonElement>("#wire-stop button").click();
  await vi.waitFor(() => expect(cleared).toHaveBeenCalled());
  expect($("#wire-stop").hidden).toBe(true);
  expect(commands(calls)).toEqual(["wire_origin", "wire_clear_stop"]);
});
