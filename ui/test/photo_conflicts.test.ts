// A photo's conflicts from the desk on the photo desk: the grid marks the photo; its detail
// shows each field with every value and who gave it (name, device); the photo desk keeps one,
// or types its own for a text field, on the open version.
import { beforeEach, expect, test, vi } from "vitest";
import type { Photo, PhotoConflict } from "../src/api";
import { $ } from "../src/dom";
import { PhotoConflicts, photoCard, photoFieldLabel, photoValueText } from "../src/photos";
import { commands, photo, shell } from "./ipc";
import { loadPage } from "./page";

beforeEach(loadPage);

const ANA = "1a2b3c4d-0000-4000-8000-000000000001";
const BEA = "5e6f7a8b-0000-4000-8000-000000000002";
const crop = { name: "lead", aspect: "1:1", x: 0, y: 0, width: 2000, height: 2000 };

function conflict(field: string, candidates: PhotoConflict["candidates"]): PhotoConflict {
  return { photo_id: photo().id, field, candidates, opened_at: "2026-12-03T12:00:00Z" };
}
const deleted = conflict("crop:lead", [
  { value: null, by: "Ana Ruiz", device: ANA },
  { value: crop, by: "Bea Osei", device: BEA },
]);
const credit = conflict("credit", [
  { value: "Getty Images", by: "Ana Ruiz", device: ANA },
  { value: "Getty Images/Bea Osei", by: "Bea Osei", device: BEA },
]);
const focal = conflict("focal_point", [
  { value: [0.25, 0.5], by: "Ana Ruiz", device: ANA },
  { value: null, by: "", device: "" },
]);

test.each([
  ["a record field", "alt_text", "Alt text"],
  ["the focal point", "focal_point", "Focal point"],
  ["a crop", "crop:lead", "Crop “lead”"],
])("a conflict names %s", (_, field, label) => {
  expect(photoFieldLabel(field)).toBe(label);
});

test.each([
  ["a crop deleted", "crop:lead", null, "Deleted"],
  ["a crop", "crop:lead", crop, "1:1 · 2000×2000 at 0, 0"],
  ["a focal point", "focal_point", [0.25, 0.5], "25% across, 50% down"],
  ["no focal point", "focal_point", null, "(none)"],
  ["a credit", "credit", "Getty Images", "Getty Images"],
  ["an empty caption", "caption", "", "(empty)"],
])("a value reads: %s", (_, field, value, text) => {
  expect(photoValueText(field, value)).toBe(text);
});

test.each([
  ["without a conflict", false, null],
  ["with a conflict open", true, "Conflict"],
])("the grid's card of a photo %s", (_, conflicted, mark) => {
  const card = photoCard(photo(), false, vi.fn(), conflicted);
  expect(card.classList.contains("conflicted")).toBe(conflicted);
  expect(card.querySelector(".conflict-mark")?.textContent ?? null).toBe(mark);
});

function view(handlers: Parameters<typeof shell>[0]) {
  const open = photo({ version: 6 });
  const calls = shell(handlers);
  const resolved = vi.fn((_: Photo) => Promise.resolve());
  const panel = new PhotoConflicts($("#photo-conflicts"), { photo: () => open, resolved });
  return { calls, panel, resolved };
}

test("each field shows every value with who gave it; only text fields take one's own", async () => {
  const { calls, panel } = view({ photo_conflicts: () => [deleted, credit, focal] });
  await panel.refresh();
  expect(calls[0]).toEqual({ cmd: "photo_conflicts", args: { id: photo().id } });
  const banner = $("#photo-conflicts");
  expect(banner.hidden).toBe(false);
  const rows = (field: string) => [...banner.querySelectorAll(`[data-field="${field}"] .candidate`)].map((li) =>
    [li.querySelector(".value")!.textContent, li.querySelector(".by")!.textContent.trim()]);
  expect(banner.querySelector(`[data-field="crop:lead"] h4`)!.textContent).toBe("Crop “lead”");
  expect(rows("crop:lead")).toEqual([
    ["Deleted", "by Ana Ruiz (device 1a2b3c4d)"], ["1:1 · 2000×2000 at 0, 0", "by Bea Osei (device 5e6f7a8b)"]]);
  expect(rows("credit")).toEqual([
    ["Getty Images", "by Ana Ruiz (device 1a2b3c4d)"], ["Getty Images/Bea Osei", "by Bea Osei (device 5e6f7a8b)"]]);
  expect(rows("focal_point")).toEqual([["25% across, 50% down", "by Ana Ruiz (device 1a2b3c4d)"], ["(none)", "by someone"]]);
  expect(banner.querySelector(`[data-field="credit"] .own`)).not.toBeNull();
  expect(banner.querySelector(`[data-field="crop:lead"] .own`)).toBeNull();
  expect(banner.querySelector(`[data-field="focal_point"] .own`)).toBeNull();
});

test.each([
  ["keeping the deletion", 1, null],
  ["keeping the edited crop", 2, crop],
])("%s resolves on the open version; the desk shows the new one", async (_, nth, value) => {
  let open = [deleted];
  const saved = photo({ version: 7 });
  const { calls, panel, resolved } = view({
    photo_conflicts: () => open,
    resolve_photo_conflict: () => { open = []; return saved; },
  });
  await panel.refresh();
  $<HTMLButtonElement>(`[data-field="crop:lead"] .candidate:nth-child(${nth}) .use`).click();
  await vi.waitFor(() => expect(resolved).toHaveBeenCalledWith(saved));
  expect(calls.find((c) => c.cmd === "resolve_photo_conflict")!.args).toEqual({
    id: photo().id, baseVersion: 6, field: "crop:lead", value });
  await vi.waitFor(() => expect($("#photo-conflicts").hidden).toBe(true));
});

test("a credit of one's own resolves with it", async () => {
  const { calls, panel } = view({
    photo_conflicts: () => [credit],
    resolve_photo_conflict: () => photo({ version: 7 }),
  });
  await panel.refresh();
  const form = $<HTMLFormElement>(`[data-field="credit"] .own`);
  form.querySelector("input")!.value = "Getty Images/Bea Osei/Ana Ruiz";
  form.requestSubmit();
  await vi.waitFor(() => expect(commands(calls)).toContain("resolve_photo_conflict"));
  expect(calls.find((c) => c.cmd === "resolve_photo_conflict")!.args.value).toBe("Getty Images/Bea Osei/Ana Ruiz");
});

test("an answer the library refuses says why and keeps the conflict", async () => {
  const { panel, resolved } = view({
    photo_conflicts: () => [deleted],
    resolve_photo_conflict: () => { throw { kind: "conflict", message: "the photo changed", current_version: 8 }; },
  });
  await panel.refresh();
  $<HTMLButtonElement>(`[data-field="crop:lead"] .candidate:nth-child(1) .use`).click();
  await vi.waitFor(() => expect($("#photo-conflicts .error").textContent).toContain("Not resolved"));
  expect(resolved).not.toHaveBeenCalled();
  expect($("#photo-conflicts").hidden).toBe(false);
});

test("a photo without conflicts shows no banner", async () => {
  const { panel } = view({ photo_conflicts: () => [] });
  await panel.refresh();
  expect($("#photo-conflicts").hidden).toBe(true);
});
