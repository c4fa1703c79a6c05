// Defect 12: the window cut the embargo to the minute, so a story could lift up to 59 s early.
import { beforeEach, describe, expect, test } from "vitest";
import { emptyFields, type ArticleFields } from "../src/api";
import * as form from "../src/fields";
import { loadPage } from "./page";

beforeEach(loadPage);

function withEmbargo(embargo: string | null): ArticleFields {
  return { ...emptyFields(), headline: "Rates decision", embargo };
}

describe("defect 12: the embargo keeps its seconds", () => {
  test.each([
    "2026-12-03T11:00:30Z",
    "2026-12-03T11:00:59Z",
    "2026-12-03T11:00:30.500Z",
    "2026-06-30T23:59:59.999Z",
    "2026-12-03T11:00:00Z",
  ])("an untouched embargo %s goes back exactly as the core holds it", (held) => {
    form.fill(withEmbargo(held));
    const read = form.read(withEmbargo(held)).embargo;
    expect(read).not.toBeNull();
    expect(Date.parse(read!)).toBe(Date.parse(held));
  });

  test("the input offers seconds", () => {
    expect(document.querySelector("#f-embargo")?.getAttribute("step")).toBe("1");
  });

  test.each([
    ["2026-12-03T12:00:30", 30],
    ["2026-12-03T12:00", 0],
  ])("an embargo typed as %s is read with its seconds", (typed, seconds) => {
    form.fill(withEmbargo(null));
    document.querySelector<HTMLInputElement>("#f-embargo")!.value = typed;
    const read = form.read(withEmbargo(null)).embargo!;
    expect(new Date(read).getSeconds()).toBe(seconds);
    expect(new Date(read).getTime()).toBe(new Date(typed).getTime());
  });

  test("the embargo is never read earlier than the core holds it", () => {
    for (let ms = 0; ms < 60_000; ms += 997) {
      const held = new Date(Date.UTC(2026, 11, 3, 11, 0, 0, 0) + ms).toISOString();
      form.fill(withEmbargo(held));
      const read = form.read(withEmbargo(held)).embargo!;
      expect(Date.parse(read)).toBeGreaterThanOrEqual(Date.parse(held));
    }
  });
});
