// The library list: a window onto the library (only the rows in sight are drawn, pages load
// as they come into sight), and a save updates its one row from the reply instead of listing
// the library again.
import { beforeEach, describe, expect, test, vi } from "vitest";
import type { ArticleSummary } from "../src/api";
import { ArticleList, OVERSCAN, PAGE_SIZE, ROW_PX, visibleRange } from "../src/list";
import { article, commands, later, shell } from "./ipc";
import { loadPage } from "./page";

beforeEach(loadPage);

/** Story `i` of a library, newest first, as the core lists them. */
function story(i: number): ArticleSummary {
  return {
    id: `story-${i}`, version: 1, status: (i % 2 ? "ready" : "draft"), section: i % 3 ? "News" : "Sport",
    headline: `Story ${i}`, updated_at: new Date(Date.UTC(2026, 11, 3, 10) - i * 60_000).toISOString(),
  };
}

function library(n: number): ArticleSummary[] {
  return Array.from({ length: n }, (_, i) => story(i));
}

/** The shell's list: pages of `rows` (or of `n` stories made on demand) with their total. */
function listing(rows: ArticleSummary[] | number, more: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  const total = () => (typeof rows === "number" ? rows : rows.length);
  return shell({
    article_page: (args) => {
      const { limit, offset } = args.filter as { limit: number; offset: number };
      const end = Math.min(total(), offset + limit);
      const page = typeof rows === "number"
        ? Array.from({ length: Math.max(0, end - offset) }, (_, k) => story(offset + k))
        : rows.slice(offset, end);
      return { total: total(), rows: page };
    },
    ...more,
  });
}

const shownIds = () => [...document.querySelectorAll<HTMLElement>("#article-list li[data-id]")].map((li) => li.dataset.id);
const heightOf = (selector: string) => parseInt(document.querySelector<HTMLElement>(selector)?.style.height ?? "", 10);

describe("which rows a scroll position draws", () => {
  test.each([
    // scrollTop, height, total -> [first, end)
    [0, 1000, 100_000, [0, Math.ceil(1000 / ROW_PX) + OVERSCAN]],
    [0, 1000, 10, [0, 10]],
    [0, 1000, 0, [0, 0]],
    [ROW_PX * 5000, 560, 100_000, [5000 - OVERSCAN, 5010 + OVERSCAN]],
    [ROW_PX * 99_990, 1000, 100_000, [99_990 - OVERSCAN, 100_000]],
  ])("scrolled to %i in %i px of %i rows", (top, height, total, range) => {
    expect(visibleRange(top, height, total)).toEqual(range);
  });
});

describe("library list", () => {
  test("of 100,000 stories only the rows in sight are drawn, and a page loads as it scrolls into sight", async () => {
    const calls = listing(100_000);
    const list = new ArticleList(() => undefined);
    await list.refresh();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args.filter).toMatchObject({ limit: PAGE_SIZE, offset: 0 });
    const [, end] = visibleRange(0, 1000, 100_000);
    expect(shownIds()).toEqual(library(end).map((r) => r.id));
    // The column is as tall as all its rows: the scroll bar is the library's.
    expect(heightOf("#article-list li.spacer.after")).toBe((100_000 - end) * ROW_PX);
    expect(document.querySelector("#article-list")?.getAttribute("aria-rowcount")).toBe("100000");

    const listEl = document.querySelector<HTMLElement>("#article-list")!;
    listEl.scrollTop = 50_000 * ROW_PX;
    listEl.dispatchEvent(new Event("scroll"));
    await vi.waitFor(() => expect(shownIds()).toContain("story-50000"));
    expect(calls.map((c) => (c.args.filter as { offset: number }).offset)).toEqual([0, 49_800, 50_000]);
    expect(shownIds().length).toBeLessThan(2 * OVERSCAN + Math.ceil(1000 / ROW_PX) + 1);
    expect(heightOf("#article-list li.spacer.before")).toBe((50_000 - OVERSCAN) * ROW_PX);
  });

  test("an autosave updates its one row from the reply; the library is not listed again", async () => {
    const calls = listing(library(30));
    const list = new ArticleList(() => undefined);
    await list.refresh();
    const untouched = document.querySelector('#article-list li[data-id="story-3"]');
    list.update(article({ id: "story-12", version: 2, headline: "Story 12, rewritten", section: "News",
      updated_at: "2026-12-03T10:30:00Z" }));
    expect(commands(calls)).toEqual(["article_page"]);
    expect(shownIds()[0]).toBe("story-12");
    expect(shownIds()).toHaveLength(30);
    expect(document.querySelector('#article-list li[data-id="story-12"] .title')?.textContent).toBe("Story 12, rewritten");
    expect(document.querySelector('#article-list li[data-id="story-3"]')).toBe(untouched);
  });

  test("a save far down a large library moves its row to the top; the rows between keep their places", async () => {
    const calls = listing(100_000);
    const list = new ArticleList(() => undefined);
    await list.refresh();
    list.update(article({ id: "story-150", version: 2, headline: "Story 150, rewritten", updated_at: "2026-12-03T10:30:00Z" }));
    expect(commands(calls)).toEqual(["article_page"]);
    expect(shownIds().slice(0, 3)).toEqual(["story-150", "story-0", "story-1"]);
    expect(document.querySelector("#article-list")?.getAttribute("aria-rowcount")).toBe("100000");
  });

  test("a story whose wire item was killed is red in the list, and stays so through a save", async () => {
    const rows = library(3);
    rows[1] = { ...rows[1], wire_stop: "canceled" };
    listing(rows);
    const list = new ArticleList(() => undefined);
    await list.refresh();
    const killed = () => document.querySelector<HTMLElement>('#article-list li[data-id="story-1"]')!;
    expect(killed().classList).toContain("wire-stopped");
    expect(killed().querySelector(".wire-stop")?.textContent?.trim()).toBe("KILLED");
    expect(document.querySelector('#article-list li[data-id="story-0"]')!.classList).not.toContain("wire-stopped");
    list.update(article({ id: "story-1", version: 2, headline: "Story 1, edited" }));
    expect(killed().classList).toContain("wire-stopped");
  });

  test("a save that takes a story out of the filter removes its row", async () => {
    listing(library(10).filter((r) => r.status === "draft"));
    const list = new ArticleList(() => undefined);
    document.querySelector<HTMLSelectElement>("#filter-status")!.value = "draft";
    await list.refresh();
    expect(shownIds()).toContain("story-4");
    list.update(article({ id: "story-4", status: "ready", version: 2 }));
    expect(shownIds()).not.toContain("story-4");
  });

  test("a new story goes on top without a re-list", async () => {
    const calls = listing(library(5));
    const list = new ArticleList(() => undefined);
    await list.refresh();
    list.update(article({ id: "fresh", headline: "" }));
    expect(shownIds()).toEqual(["fresh", "story-0", "story-1", "story-2", "story-3", "story-4"]);
    expect(commands(calls)).toEqual(["article_page"]);
  });

  test("a slow answer to an older search never overwrites the newer one's", async () => {
    const slow = later<unknown>();
    const hit = (id: string) => ({ ...story(0), id, snippet: "", snippet_html: "" });
    listing(library(5), {
      search: (args) => ((args.query as { text: string }).text === "flood" ? slow.promise : [hit("barrier-hit")]),
    });
    const list = new ArticleList(() => undefined);
    const search = document.querySelector<HTMLInputElement>("#search")!;
    search.value = "flood";
    const older = list.refresh();
    search.value = "flood barrier";
    await list.refresh();
    expect(shownIds()).toEqual(["barrier-hit"]);
    slow.resolve([hit("flood-hit")]);
    await older;
    expect(shownIds()).toEqual(["barrier-hit"]);
  });

  test("an empty library offers the demo newsroom; one click loads it and lists it", async () => {
    let rows: ArticleSummary[] = [];
    const calls = shell({
      article_page: () => ({ total: rows.length, rows }),
      load_demo: () => {
        rows = library(8);
        return { created: rows.map((r) => r.id), already_there: 0, photos_created: ["a", "b", "c", "d"], photos_already_there: 0 };
      },
    });
    const list = new ArticleList(() => undefined);
    await list.refresh();
    expect(document.querySelector("#article-list .empty-state")?.textContent).toMatch(/No stories yet/);
    document.querySelector<HTMLButtonElement>("#load-demo")!.click();
    await vi.waitFor(() => expect(shownIds()).toHaveLength(8));
    expect(commands(calls)).toEqual(["article_page", "load_demo", "article_page"]);
    expect(document.querySelector("#notice")?.textContent).toMatch(/8 stories .* 4 photos/);
  });
});
