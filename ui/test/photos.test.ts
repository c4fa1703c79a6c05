// The photo grid's card: thumbnail and credit, and for a photo from the team desk whose
// original has not arrived yet, that it is on its way.
import { expect, test, vi } from "vitest";
import { photoCard } from "../src/photos";
import { photo } from "./ipc";

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
