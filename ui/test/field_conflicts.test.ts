// A field conflict from the desk: every value with who wrote it; the editor picks one or
// writes another, saved on the open version; text is saved first.
import { beforeEach, expect, test, vi } from "vitest";
import type { FieldConflict } from "../src/api";
import { FieldConflicts, valueText } from "../src/field_conflicts";
import { $ } from "../src/dom";
import { article, commands, shell } from "./ipc";
import { loadPage } from "./page";

beforeEach(loadPage);

const headline: FieldConflict = {
  article_id: article().id, field: "headline", opened_at: "2026-12-03T12:00:00Z",
  candidates: [
    { value: "Harbour plan approved", by: "Ana Ruiz", device: "1a2b3c4d-0000-4000-8000-000000000001" },
    { value: "Council backs harbour plan", by: "Bea Osei", device: "" },
  ],
};
const lead: FieldConflict = {
  article_id: article().id, field: "lead_photo", opened_at: "2026-12-03T12:00:00Z",
  candidates: [{ value: { photo_id: "9a8b7c6d5e4f", crop: "16:9" }, by: "Cal Weir", device: "" }, { value: null, by: "", device: "" }],
};

test.each([
  ["text", "Harbour plan", "Harbour plan"],
  ["empty", null, "(empty)"],
  ["blank", "", "(empty)"],
  ["a photo", { photo_id: "9a8b7c6d5e4f", crop: "16:9" }, "photo 9a8b7c6d (16:9)"],
  ["a list", ["a", "b"], '["a","b"]'],
])("a value reads: %s", (_, value, text) => {
  expect(valueText(value)).toBe(text);
});

function view(conflicts: FieldConflict[], handlers: Parameters<typeof shell>[0] = {}) {
  const open = article({ version: 6 });
  const calls = shell({ field_conflicts: () => conflicts, ...handlers });
  const flush = vi.fn(() => Promise.resolve());
  const resolved = vi.fn();
  const panel = new FieldConflicts($("#field-conflicts"), { article: () => open, flush, resolved });
  return { calls, panel, flush, resolved };
}

test("each value shows with who wrote it, and on which device; a photo offers no free text", async () => {
  const { panel } = view([headline, lead]);
  await panel.refresh();
  const banner = $("#field-conflicts");
  expect(banner.hidden).toBe(false);
  const rows = [...banner.querySelectorAll(".candidate")].map((li) =>
    [li.querySelector(".value")!.textContent, li.querySelector(".by")!.textContent.trim()]);
  expect(rows).toEqual([
    ["Harbour plan approved", "by Ana Ruiz (device 1a2b3c4d)"], ["Council backs harbour plan", "by Bea Osei"],
    ["photo 9a8b7c6d (16:9)", "by Cal Weir"], ["(empty)", "by someone"],
  ]);
  expect(banner.querySelector("[data-field=headline] .own")).not.toBeNull();
  expect(banner.querySelector("[data-field=lead_photo] .own")).toBeNull();
});

test("picking a value saves typing first, then resolves on the open version", async () => {
  let open = [headline];
  const saved = article({ version: 7, headline: "Council backs harbour plan" });
  const { calls, panel, flush, resolved } = view([], {
    field_conflicts: () => open,
    resolve_conflict: () => { open = []; return saved; },
  });
  await panel.refresh();
  $<HTMLButtonElement>("[data-field=headline] .candidate:nth-child(2) .use").click();
  await vi.waitFor(() => expect(resolved).toHaveBeenCalledWith(saved));
  expect(flush).toHaveBeenCalled();
  expect(calls.find((c) => c.cmd === "resolve_conflict")!.args).toEqual({
    id: article().id, baseVersion: 6, field: "headline", value: "Council backs harbour plan" });
  await vi.waitFor(() => expect($("#field-conflicts").hidden).toBe(true));
});

test("writing another value resolves with it", async () => {
  const { calls, panel } = view([headline], { resolve_conflict: (a) => article({ version: 7, headline: a.value as string }) });
  await panel.refresh();
  const form = $<HTMLFormElement>("[data-field=headline] .own");
  form.querySelector("input")!.value = "Harbour plan wins council vote";
  form.requestSubmit();
  await vi.waitFor(() => expect(commands(calls)).toContain("resolve_conflict"));
  expect(calls.find((c) => c.cmd === "resolve_conflict")!.args.value).toBe("Harbour plan wins council vote");
});

test("a story without conflicts shows no banner", async () => {
  const { panel } = view([]);
  await panel.refresh();
  expect($("#field-conflicts").hidden).toBe(true);
});
