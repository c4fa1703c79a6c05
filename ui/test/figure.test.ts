// Photos in the body: which text is a figure (and so one unit in the editor), the crop's image,
// the reference a dragged photo drops.
import { describe, expect, it } from "vitest";
import { figureImageUrl, figureMarkdown, figuresIn } from "../src/figure";
import type { Photo } from "../src/api";

const ID = "a".repeat(63) + "f";

describe("figures in the body", () => {
  it("are found with their photo, crop and place, in UTF-16 units", () => {
    const text = `Café 😀 opened.\n\n![Harbour at dawn](photo:${ID}/16x9)\n\nMore ![](photo:${ID}) text.`;
    const found = figuresIn(text);
    expect(found.map((f) => [f.alt, f.photoId, f.crop])).toEqual([
      ["Harbour at dawn", ID, "16x9"],
      ["", ID, null],
    ]);
    expect(text.slice(found[0].from, found[0].to)).toBe(`![Harbour at dawn](photo:${ID}/16x9)`);
    expect(figuresIn("short", 10)).toEqual([]);
  });

  it("are not ordinary images, short ids or links", () => {
    expect(figuresIn(`![x](https://example.com/a.jpg) ![x](photo:abc123) [x](photo:${ID})`)).toEqual([]);
  });

  it("show the crop the story runs, and a dragged crop drops its reference", () => {
    expect(figureImageUrl(ID, "16x9")).toBe(`photo://localhost/${ID}/16x9`);
    expect(figureImageUrl(ID, null)).toBe(`photo://localhost/${ID}`);
    const photo = { id: ID, desk: { alt_text: "A [wet] quay" } } as unknown as Photo;
    expect(figureMarkdown(photo, "3x2")).toBe(`![A wet quay](photo:${ID}/3x2)`);
  });
});
