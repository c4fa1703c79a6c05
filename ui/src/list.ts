// The library column: the article list, or search hits with their highlighted snippets.
//
// The list is a window onto the library: the core answers a page and the total, the column is
// as tall as the total would be, and only the rows in sight (and a few either side) are in the
// DOM; pages load as they scroll into sight. Drawing all rows of a 100,000-story library took
// WebKit two minutes and 1.6 GB before the list showed. A save updates its one row from the
// save's reply; nothing is listed again (a re-list after every autosave moved megabytes).
import { api, articlePage, reason, STATUSES, type Article, type SearchHit, type SortOrder, type Status } from "./api";
import { $, h, ago, notice } from "./dom";
import { statusLabel } from "./wire";

const SEARCH_DELAY_MS = 150;
/** Rows fetched at a time: a few screenfuls, a few tens of kilobytes. */
export const PAGE_SIZE = 200;
/** Every list row is this tall (style.css: `#article-list.windowed li`), so a row's place is
 *  its index times this, without measuring anything. */
export const ROW_PX = 56;
/** Rows drawn above and below those in sight, so a scroll shows rows, not gaps. */
export const OVERSCAN = 30;
/** The column's height before it has one (a test page has no layout). */
const FALLBACK_HEIGHT_PX = 1000;

/** The rows to draw for a scroll position: [first, end) of `total`. */
export function visibleRange(scrollTop: number, height: number, total: number): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / ROW_PX) - OVERSCAN);
  const end = Math.min(total, Math.ceil((scrollTop + height) / ROW_PX) + OVERSCAN);
  return [first, Math.max(first, end)];
}

export class ArticleList {
  /** Who works on this laptop: the "by" of a row after a save here. */
  me: string | null = null;
  private selected: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private sections = new Set<string>();
  /** Search hits, in rank order, when searching. */
  private hits: SearchHit[] = [];
  private searching = false;
  /** The list's rows by position; a hole is a row not fetched yet. */
  private rows: (SearchHit | undefined)[] = [];
  private total = 0;
  /** Pages asked for and not answered yet, by offset. */
  private loading = new Set<number>();
  /** Moves when rows change place (a save, a refresh): a page asked for before is dropped. */
  private epoch = 0;
  private frame = 0;

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
    // One draw per frame however fast the wheel turns.
    $("#article-list").addEventListener("scroll", () => {
      if (this.searching || this.frame) return;
      this.frame = requestAnimationFrame(() => { this.frame = 0; this.draw(); });
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

  /** Loads the first page (or the search hits) anew; a slower, older answer never overwrites a
   *  newer one, and the answer is drawn in the task it arrives in. */
  async refresh() {
    const seq = ++this.seq;
    const text = $<HTMLInputElement>("#search").value;
    const filter = this.filter();
    try {
      if (text.trim()) {
        const hits = await api.search({ text, status: filter.status, section: filter.section, limit: 100 });
        if (seq !== this.seq) return;
        this.searching = true;
        this.hits = hits;
      } else {
        const page = await articlePage({ ...filter, limit: PAGE_SIZE, offset: 0 });
        if (seq !== this.seq) return;
        const wasSearching = this.searching;
        this.searching = false;
        this.moved();
        this.total = page.total;
        this.rows = new Array<SearchHit | undefined>(page.total);
        page.rows.forEach((r, i) => { this.rows[i] = asRow(r); });
        if (!filter.status && !filter.section) this.addSections(page.rows.map((r) => r.section));
        if (wasSearching) $("#article-list").scrollTop = 0;
      }
      this.render(text);
    } catch (e) {
      notice(`The library could not be read: ${reason(e)}`, true);
    }
  }

  /** Fetches the page at `offset` unless it is on its way; draws again when it comes. */
  private async fetchPage(offset: number) {
    if (this.loading.has(offset)) return;
    this.loading.add(offset);
    const { seq, epoch } = this;
    const filter = this.filter();
    try {
      const page = await articlePage({ ...filter, limit: PAGE_SIZE, offset });
      // Rows moved meanwhile (a save put one on top): this page may be off by one; the holes
      // it would have filled are asked for again by the next draw.
      if (seq !== this.seq || epoch !== this.epoch) return;
      this.total = page.total;
      this.rows.length = page.total;
      page.rows.forEach((r, i) => { this.rows[offset + i] = asRow(r); });
      if (!filter.status && !filter.section) this.addSections(page.rows.map((r) => r.section));
      this.draw();
    } catch (e) {
      notice(`The library could not be read: ${reason(e)}`, true);
    } finally {
      if (epoch === this.epoch) this.loading.delete(offset);
    }
  }

  /** Rows changed place: pages on their way are dropped and may be asked for again. */
  private moved() {
    this.epoch++;
    this.loading.clear();
  }

  /** After a save, a status change or a new story: that one row, from the reply. */
  update(article: Article) {
    const items = this.searching ? this.hits : this.rows;
    const at = items.findIndex((i) => i?.id === article.id);
    const old = at >= 0 ? items[at] : undefined;
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
    if (this.searching) {
      // Hits keep their rank until the next search; a story that is not a hit stays out.
      if (at >= 0) this.hits.splice(at, 1, row);
    } else {
      const { status, section, sort } = this.filter();
      const fits = (!status || status === article.status) && (!section || section === article.section);
      if (at >= 0) { this.rows.splice(at, 1); this.total--; }
      if (fits && (sort === "updated" || (sort === "created" && at < 0))) {
        this.rows.unshift(row);
        this.total++;
      } else if (fits && at >= 0) {
        this.rows.splice(at, 0, row);
        this.total++;
      }
      // Otherwise (a new story in headline order) its place shows at the next refresh.
      if (at !== 0 || !fits) this.moved();
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
    const empty = this.searching ? this.hits.length === 0 : this.total === 0;
    if (empty) {
      list.classList.remove("windowed");
      list.replaceChildren(h("li", { class: "empty-state" }, ...(this.searching
        ? [`No story matches “${text.trim()}”. Try fewer or shorter words.`]
        : this.filtered()
          ? ["No story with these filters."]
          : this.firstRun())));
      return;
    }
    if (this.searching) {
      // At most 100 hits, each as tall as its snippet: all of them, no window.
      list.classList.remove("windowed");
      list.replaceChildren(...this.reuse(list, this.hits));
      return;
    }
    list.classList.add("windowed");
    this.draw();
  }

  /** Draws the rows in sight between two spacers as tall as the rows they stand for, and asks
   *  for the pages of any row in sight not fetched yet. */
  private draw() {
    if (this.searching) return;
    const list = $("#article-list");
    const [first, end] = visibleRange(list.scrollTop, list.clientHeight || FALLBACK_HEIGHT_PX, this.total);
    const shown: SearchHit[] = [];
    const missing = new Set<number>();
    for (let i = first; i < end; i++) {
      const row = this.rows[i];
      if (row) shown.push(row);
      else missing.add(Math.floor(i / PAGE_SIZE) * PAGE_SIZE);
    }
    for (const offset of missing) void this.fetchPage(offset);
    const drawn = this.reuse(list, shown);
    // A row not fetched yet keeps its place: the rows after it are drawn where they belong.
    const placed: HTMLElement[] = [];
    let at = first;
    let k = 0;
    for (let i = first; i < end; i++) {
      if (!this.rows[i]) continue;
      if (i > at) placed.push(spacer(i - at, "loading"));
      placed.push(drawn[k++]);
      at = i + 1;
    }
    if (end > at) placed.push(spacer(end - at, "loading"));
    list.replaceChildren(spacer(first, "before"), ...placed, spacer(this.total - end, "after"));
    list.setAttribute("aria-rowcount", String(this.total));
  }

  /** Rows already drawn are reused: an autosave moves one row, not the whole column. */
  private reuse(list: HTMLElement, items: SearchHit[]): HTMLElement[] {
    const drawn = new Map<string, HTMLElement>();
    for (const li of list.querySelectorAll<HTMLElement>("li[data-id]")) drawn.set(li.dataset.id ?? "", li);
    return items.map((item) => {
      const li = drawn.get(item.id);
      return li?.dataset.key === rowKey(item) ? li : this.row(item);
    });
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

  /** An empty library: write the first story, or look around the demo newsroom first. */
  private firstRun(): (string | HTMLElement)[] {
    return [
      "No stories yet. Press Ctrl+N to write the first one, or see every desk at work first:",
      h("button", { id: "load-demo", class: "primary", onclick: (e: Event) => void this.loadDemo(e.target as HTMLButtonElement) },
        "Load the demo newsroom"),
    ];
  }

  private async loadDemo(button: HTMLButtonElement) {
    button.disabled = true;
    button.textContent = "Loading the demo newsroom…";
    try {
      const report = await api.loadDemo();
      notice(`The demo newsroom: ${report.created.length} stories in every status and `
        + `${report.photos_created.length} photos with credits and crops (Ctrl+Shift+P).`);
      await this.refresh();
    } catch (e) {
      button.disabled = false;
      button.textContent = "Load the demo newsroom";
      notice(`The demo newsroom could not be loaded: ${reason(e)}`, true);
    }
  }

  private filtered() {
    return Boolean($<HTMLSelectElement>("#filter-status").value || $<HTMLSelectElement>("#filter-section").value);
  }
}

/** A list row from a summary of the core's list. */
function asRow(r: Omit<SearchHit, "snippet" | "snippet_html">): SearchHit {
  return { ...r, snippet: "", snippet_html: "" };
}

/** An empty row as tall as `rows` rows: what is above or below the window, or rows on their way. */
function spacer(rows: number, kind: string): HTMLElement {
  return h("li", { class: `spacer ${kind}`, "aria-hidden": "true", style: `height: ${rows * ROW_PX}px` });
}

/** What a drawn row shows; a row whose key is unchanged is kept as it is. */
function rowKey(item: SearchHit): string {
  return `${item.version}:${item.last_author ?? ""}:${item.wire_stop ?? ""}:${item.snippet_html}`;
}

