// The library list: a page at a time, and a save updates its one row from the reply instead
// of listing the library again.
import { beforeEach, describe, expect, test, vi } from "vitest";
import type { ArticleSummary } from "../src/api";
import { ArticleList, PAGE_SIZE } from "../src/list";
import { article, commands, shell } from "./ipc";
import { loadPage } from "./page";

beforeEach(loadPage);

/** A library of `n` stories, newest first, as the core lists them. */
function library(n: number): ArticleSummary[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `story-${i}`, version: 1, status: (i % 2 ? "ready" : "draft"), section: i % 3 ? "News" : "Sport",
    headline: `Story ${i}`, updated_at: new Date(Date.UTC(2026, 11, 3, 10) - i * 60_000).toISOString(),
  }));
}

function listing(rows: ArticleSummary[]) {
  return shell({
    list_articles: (args) => {
      const { limit, offset } = args.filter as { limit: number; offset: number };
      return rows.slice(offset, offset + limit);
    },
  });
}

const shownIds = () => [...document.querySelectorAll<HTMLElement>("#article-list li[data-id]")].map((li) => li.dataset.id);

describe("library list", () => {
  test("a large library is listed a page at a time", async () => {
    const calls = listing(library(PAGE_SIZE + 50));
    const list = new ArticleList(() => undefined);
    await list.refresh();
    expect(shownIds()).toHaveLength(PAGE_SIZE);
    expect(calls[0]?.args.filter).toMatchObject({ limit: PAGE_SIZE, offset: 0 });
    document.querySelector<HTMLButtonElement>("#load-more")!.click();
    await vi.waitFor(() => expect(shownIds()).toHaveLength(PAGE_SIZE + 50));
    expect(calls[1]?.args.filter).toMatchObject({ limit: PAGE_SIZE, offset: PAGE_SIZE });
    expect(document.querySelector("#load-more")).toBeNull();
  });

  test("an autosave updates its one row from the reply; the library is not listed again", async () => {
    const calls = listing(library(30));
    const list = new ArticleList(() => undefined);
    await list.refresh();
    const untouched = document.querySelector('#article-list li[data-id="story-3"]');
    list.update(article({ id: "story-12", version: 2, headline: "Story 12, rewritten", section: "News",
      updated_at: "2026-12-03T10:30:00Z" }));
    expect(commands(calls)).toEqual(["list_articles"]);
    expect(shownIds()[0]).toBe("story-12");
    expect(shownIds()).toHaveLength(30);
    expect(document.querySelector('#article-list li[data-id="story-12"] .title')?.textContent).toBe("Story 12, rewritten");
    expect(document.querySelector('#article-list li[data-id="story-3"]')).toBe(untouched);
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
    expect(commands(calls)).toEqual(["list_articles"]);
  });
});
