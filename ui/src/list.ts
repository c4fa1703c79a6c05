// The library column: the article list, a page at a time, or search hits with their
// highlighted snippets. A save updates its one row from the save's reply; nothing is listed
// again (in a library of 100,000 stories a re-list after every autosave moved megabytes).
import { api, listPage, reason, STATUSES, type Article, type SearchHit, type SortOrder, type Status } from "./api";
import { $, h, ago, notice } from "./dom";
import { statusLabel } from "./wire";

const SEARCH_DELAY_MS = 150;
/** Rows fetched at a time: a screenful many times over, a few tens of kilobytes. */
export const PAGE_SIZE = 200;
/** Scrolled this close to the end, the next page loads. */
const NEAR_END_PX = 400;

export class ArticleList {
  /** Who works on this laptop: the "by" of a row after a save here. */
  me: string | null = null;
  private selected: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private sections = new Set<string>();
  /** What the list shows, in order (search hits or list rows). */
  private items: SearchHit[] = [];
  private searching = false;
  /** The last page was full, so the library may hold more. */
  private more = false;
  private loadingMore = false;

  constructor(private open: (id: string) => void) {
    const status = $<HTMLSelectElement>("#filter-status");
    for (const s of STATUSES) status.append(h("option", { value: s }, s));
    $("#search").addEventListener("input", () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.refresh(), SEARCH_DELAY_MS);
    });
    for (const id of ["#filter-status", "#filter-section", "#sort"]) {
      $(id).addEventListener("change", () => void this.refresh());
    }
    const list = $("#article-list");
    list.addEventListener("scroll", () => {
      if (list.scrollTop + list.clientHeight >= list.scrollHeight - NEAR_END_PX) void this.loadMore();
    });
  }

  select(id: string | null) {
    this.selected = id;
    for (const li of $("#article-list").querySelectorAll<HTMLElement>("li[data-id]")) {
      li.classList.toggle("selected", li.dataset.id === id);
      li.setAttribute("aria-selected", String(li.dataset.id === id));
    }
  }

  private filter() {
    return {
      status: ($<HTMLSelectElement>("#filter-status").value || null) as Status | null,
      section: $<HTMLSelectElement>("#filter-section").value || null,
      sort: $<HTMLSelectElement>("#sort").value as SortOrder,
    };
  }

  /** Reloads the first page; a slower, older answer never overwrites a newer one. */
  async refresh() {
    const seq = ++this.seq;
    const text = $<HTMLInputElement>("#search").value;
    const filter = this.filter();
    try {
      if (text.trim()) {
        const hits = await api.search({ text, status: filter.status, section: filter.section, limit: 100 });
        if (seq !== this.seq) return;
        this.searching = true;
        this.more = false;
        this.items = hits;
      } else {
        const rows = await listPage({ ...filter, limit: PAGE_SIZE, offset: 0 });
        if (seq !== this.seq) return;
        this.searching = false;
        this.more = rows.length === PAGE_SIZE;
        this.items = rows.map((r) => ({ ...r, snippet: "", snippet_html: "" }));
        if (!filter.status && !filter.section) this.addSections(rows.map((r) => r.section));
      }
      this.render(text);
    } catch (e) {
      notice(`The library could not be read: ${reason(e)}`, true);
    }
  }

  /** The next page, appended; rows already shown (moved up by a save meanwhile) are skipped. */
  async loadMore() {
    if (!this.more || this.loadingMore || this.searching) return;
    this.loadingMore = true;
    const seq = this.seq;
    const filter = this.filter();
    try {
      const rows = await listPage({ ...filter, limit: PAGE_SIZE, offset: this.items.length });
      if (seq !== this.seq) return;
      this.more = rows.length === PAGE_SIZE;
      const shown = new Set(this.items.map((i) => i.id));
      this.items.push(...rows.filter((r) => !shown.has(r.id)).map((r) => ({ ...r, snippet: "", snippet_html: "" })));
      if (!filter.status && !filter.section) this.addSections(rows.map((r) => r.section));
      this.render("");
    } catch (e) {
      notice(`The library could not be read: ${reason(e)}`, true);
    } finally {
      this.loadingMore = false;
    }
  }

  /** After a save, a status change or a new story: that one row, from the reply. */
  update(article: Article) {
    const at = this.items.findIndex((i) => i.id === article.id);
    const old = at >= 0 ? this.items[at] : undefined;
    const row: SearchHit = {
      id: article.id, version: article.version, status: article.status, section: article.section,
      headline: article.headline, updated_at: article.updated_at,
      snippet: old?.snippet ?? "", snippet_html: old?.snippet_html ?? "",
    };
    // A save here was made by whoever works on this laptop.
    const by = this.me ?? old?.last_author;
    if (by) row.last_author = by;
    // A save does not clear a kill from the wire; only the editor's "clear" does (a re-list).
    if (old?.wire_stop) row.wire_stop = old.wire_stop;
    if (at >= 0) this.items.splice(at, 1);
    if (this.searching) {
      // Hits keep their rank until the next search; a story that is not a hit stays out.
      if (at >= 0) this.items.splice(at, 0, row);
    } else {
      const { status, section, sort } = this.filter();
      const fits = (!status || status === article.status) && (!section || section === article.section);
      if (fits && (sort === "updated" || (sort === "created" && at < 0))) this.items.unshift(row);
      else if (fits && at >= 0) this.items.splice(at, 0, row);
      // Otherwise (a new story in headline order) its place shows at the next refresh.
      this.addSections([article.section]);
    }
    this.render($<HTMLInputElement>("#search").value);
  }

  private addSections(sections: string[]) {
    const before = this.sections.size;
    for (const s of sections) if (s) this.sections.add(s);
    if (this.sections.size === before) return;
    const select = $<HTMLSelectElement>("#filter-section");
    const current = select.value;
    select.replaceChildren(
      h("option", { value: "" }, "All sections"),
      ...[...this.sections].sort().map((s) => h("option", { value: s }, s)),
    );
    select.value = current;
  }

  private render(text: string) {
    const list = $("#article-list");
    // The start-up benchmark reads this mark: time from page start to the first list.
    if (!list.dataset.ready) requestAnimationFrame(() => performance.mark("list-visible"));
    list.dataset.ready = "true";
    if (this.items.length === 0) {
      list.replaceChildren(h("li", { class: "empty-state" }, this.searching
        ? `No story matches “${text.trim()}”. Try fewer or shorter words.`
        : this.filtered()
          ? "No story with these filters."
          : "No stories yet. Press Ctrl+N to write the first one."));
      return;
    }
    // Rows already drawn are reused: an autosave moves one row, not the whole column.
    const drawn = new Map<string, HTMLElement>();
    for (const li of list.querySelectorAll<HTMLElement>("li[data-id]")) drawn.set(li.dataset.id ?? "", li);
    const rows = this.items.map((item) => {
      const li = drawn.get(item.id);
      return li?.dataset.key === rowKey(item) ? li : this.row(item);
    });
    const more = this.more
      ? [h("li", { class: "more" }, h("button", { id: "load-more", class: "link", onclick: () => void this.loadMore() },
          "Load more stories"))]
      : [];
    list.replaceChildren(...rows, ...more);
  }

  private row(item: SearchHit): HTMLLIElement {
    const snippet = h("div", { class: "snippet" });
    // The core escapes the text and adds only <mark> around matches.
    if (item.snippet_html) snippet.innerHTML = item.snippet_html;
    return h("li", {
      "data-id": item.id, "data-key": rowKey(item), role: "option", tabindex: "0",
      class: [item.id === this.selected ? "selected" : "", item.wire_stop ? "wire-stopped" : ""].join(" ").trim(),
      "aria-selected": String(item.id === this.selected),
      onclick: () => this.open(item.id),
      onkeydown: (e: Event) => { if ((e as KeyboardEvent).key === "Enter") this.open(item.id); },
    },
      h("div", { class: "title" }, item.headline || "Untitled story"),
      item.snippet_html ? snippet : null,
      h("div", { class: "meta" },
        h("span", { class: `status status-${item.status}` }, item.status),
        item.wire_stop ? h("span", { class: "wire-stop" }, ` ${statusLabel(item.wire_stop)}`) : null,
        item.section ? ` · ${item.section}` : "",
        ` · ${ago(item.updated_at)}`,
        item.last_author ? h("span", { class: "by" }, ` · ${item.last_author}`) : null),
    );
  }

  private filtered() {
    return Boolean($<HTMLSelectElement>("#filter-status").value || $<HTMLSelectElement>("#filter-section").value);
  }
}

/** What a drawn row shows; a row whose key is unchanged is kept as it is. */
function rowKey(item: SearchHit): string {
  return `${item.version}:${item.last_author ?? ""}:${item.wire_stop ?? ""}:${item.snippet_html}`;
}

