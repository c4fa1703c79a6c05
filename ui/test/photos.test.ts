// The photo grid's card: thumbnail and credit, and for a photo from the team desk whose
// original has not arrived yet, that it is on its way.
import { expect, test, vi } from "vitest";
import type { Photo } from "../src/api";
import { photoCard } from "../src/photos";

function photo(over: Partial<Photo> = {}): Photo {
  return {
    id: "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b",
    version: 3,
    sha256: "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b",
    format: "jpeg", byte_size: 25_000_000, width: 6000, height: 4000, orientation: 1,
    source_name: "harbour-fire.jpg",
    embedded: {} as Photo["embedded"],
    desk: {
      credit: "Getty Images", caption: "Smoke over the docks", alt_text: "Smoke over a dock",
      creator: "", copyright: "", source: "", usage_terms: "", special_instructions: "",
    },
    focal_point: null, crops: [],
    imported_at: "2026-12-03T10:00:00Z", updated_at: "2026-12-03T10:00:00Z",
    original: "photos/originals/9a/9a8b.jpg",
    awaiting_original: false,
    ...over,
  };
}

test.each([
  ["whole", false, null],
  ["its original on its way from the desk", true, "Original on its way"],
])("a card of a photo %s", (_, awaiting, note) => {
  const select = vi.fn();
  const card = photoCard(photo({ awaiting_original: awaiting }), false, select);
  expect(card.querySelector("img")!.getAttribute("alt")).toBe("Smoke over a dock");
  expect(card.querySelector(".credit")!.textContent).toBe("Getty Images");
  expect(card.querySelector(".awaiting")?.textContent ?? null).toBe(note);
  card.click();
  expect(select).toHaveBeenCalledOnce();
});
