// The library column: the article list, or search hits with their highlighted snippets.
import { api, reason, STATUSES, type ArticleFilter, type SearchHit, type SortOrder, type Status } from "./api";
import { $, h, ago, notice } from "./dom";

const SEARCH_DELAY_MS = 150;

export class ArticleList {
  private selected: string | null = null;
  private timer: number | undefined;
  private seq = 0;
  private sections = new Set<string>();

  constructor(private open: (id: string) => void) {
    const status = $<HTMLSelectElement>("#filter-status");
    for (const s of STATUSES) status.append(h("option", { value: s }, s));
    $("#search").addEventListener("input", () => {
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => void this.refresh(), SEARCH_DELAY_MS);
    });
    for (const id of ["#filter-status", "#filter-section", "#sort"]) {
      $(id).addEventListener("change", () => void this.refresh());
    }
  }

  select(id: string | null) {
    this.selected = id;
    for (const li of $("#article-list").querySelectorAll<HTMLElement>("li[data-id]")) {
      li.classList.toggle("selected", li.dataset.id === id);
      li.setAttribute("aria-selected", String(li.dataset.id === id));
    }
  }

  /** Reloads from the library; a slower, older answer never overwrites a newer one. */
  async refresh() {
    const seq = ++this.seq;
    const text = $<HTMLInputElement>("#search").value;
    const status = ($<HTMLSelectElement>("#filter-status").value || null) as Status | null;
    const section = $<HTMLSelectElement>("#filter-section").value || null;
    const sort = $<HTMLSelectElement>("#sort").value as SortOrder;
    try {
      if (text.trim()) {
        const hits = await api.search({ text, status, section, limit: 100 });
        if (seq === this.seq) this.show(hits, true, text);
      } else {
        const filter: ArticleFilter = { status, section, sort, limit: 0 };
        const rows = await api.listArticles(filter);
        if (seq !== this.seq) return;
        this.show(rows.map((r) => ({ ...r, snippet: "", snippet_html: "" })), false, "");
        if (!status && !section) this.updateSections(rows.map((r) => r.section));
      }
    } catch (e) {
      notice(`The library could not be read: ${reason(e)}`, true);
    }
  }

  private updateSections(sections: string[]) {
    const fresh = new Set(sections.filter(Boolean));
    if ([...fresh].every((s) => this.sections.has(s)) && fresh.size === this.sections.size) return;
    this.sections = fresh;
    const select = $<HTMLSelectElement>("#filter-section");
    const current = select.value;
    select.replaceChildren(
      h("option", { value: "" }, "All sections"),
      ...[...fresh].sort().map((s) => h("option", { value: s }, s)),
    );
    select.value = current;
  }

  private show(items: SearchHit[], searching: boolean, text: string) {
    const list = $("#article-list");
    // The start-up benchmark reads this mark: time from page start to the first list.
    if (!list.dataset.ready) requestAnimationFrame(() => performance.mark("list-visible"));
    list.dataset.ready = "true";
    if (items.length === 0) {
      list.replaceChildren(h("li", { class: "empty-state" }, searching
        ? `No story matches “${text.trim()}”. Try fewer or shorter words.`
        : this.filtered()
          ? "No story with these filters."
          : "No stories yet. Press Ctrl+N to write the first one."));
      return;
    }
    list.replaceChildren(...items.map((item) => {
      const snippet = h("div", { class: "snippet" });
      // The core escapes the text and adds only <mark> around matches.
      if (item.snippet_html) snippet.innerHTML = item.snippet_html;
      return h("li", {
        "data-id": item.id, role: "option", tabindex: "0",
        class: item.id === this.selected ? "selected" : "",
        onclick: () => this.open(item.id),
        onkeydown: (e: Event) => { if ((e as KeyboardEvent).key === "Enter") this.open(item.id); },
      },
        h("div", { class: "title" }, item.headline || "Untitled story"),
        item.snippet_html ? snippet : null,
        h("div", { class: "meta" },
          h("span", { class: `status status-${item.status}` }, item.status),
          item.section ? ` · ${item.section}` : "",
          ` · ${ago(item.updated_at)}`),
      );
    }));
  }

  private filtered() {
    return Boolean($<HTMLSelectElement>("#filter-status").value || $<HTMLSelectElement>("#filter-section").value);
  }
}
