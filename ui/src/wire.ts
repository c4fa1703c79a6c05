// The wire desk: the agencies' queue (newest first; filters by source, urgency and subject;
// search), a read-only preview of an item and "Start a story", which opens the draft. Killed
// and withheld items show in red. The watched folder is set here; the shell polls it while
// the window is open and says `wire-changed` when something came in.
import { onEvent, reason, wireApi, type Article, type WireFilter, type WireFolderSetting, type WireSummary } from "./api";
import { $, ago, h, notice } from "./dom";

const SEARCH_DELAY_MS = 150;
const PAGE = 200;

/** What the filter controls say, as the core's filter: blanks are no filter. */
export function queueFilter(values: { source: string; urgency: string; subject: string; text: string }): WireFilter {
  const urgency = Number.parseInt(values.urgency, 10);
  return {
    source: values.source.trim() || null,
    urgency: Number.isInteger(urgency) && urgency >= 1 && urgency <= 9 ? urgency : null,
    subject: values.subject.trim() || null,
    text: values.text,
    limit: PAGE,
    offset: 0,
  };
}

/** The row's classes: killed and withheld items in red, flashes marked. */
export function rowClass(item: Pick<WireSummary, "status" | "urgency">): string {
  const classes = ["wire-row"];
  if (item.status !== "usable") classes.push("stopped", `wire-${item.status}`);
  if (item.urgency !== null && item.urgency <= 2) classes.push("urgent");
  return classes.join(" ");
}

/** "KILLED", "WITHHELD" or nothing. */
export function statusLabel(status: WireSummary["status"]): string {
  return status === "canceled" ? "KILLED" : status === "withheld" ? "WITHHELD" : "";
}

export class WireDesk {
  private selected: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;

  /**
   * `opened`: a story was started from an item. `updated`: new versions of items came in; one
   * may be a kill or withhold that stops stories, which the article list shows in red.
   */
  constructor(private opened: (article: Article) => void, updated: () => void = () => undefined) {
    for (const id of ["#wire-source", "#wire-urgency"]) {
      $(id).addEventListener("change", () => void this.refresh());
    }
    for (const id of ["#wire-search", "#wire-subject"]) {
      $(id).addEventListener("input", () => {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), SEARCH_DELAY_MS);
      });
    }
    $("#wire-watch").addEventListener("click", () => void this.watch());
    void onEvent("wire-changed", (changed) => {
      if (changed.quarantined > 0) notice(`${changed.quarantined} wire file(s) quarantined`, true);
      void this.refresh();
      if (changed.updated > 0) updated();
    });
  }

  /** Lists the queue again with the filters as they are; an older answer never wins. */
  async refresh() {
    const seq = ++this.seq;
    const filter = queueFilter({
      source: $<HTMLSelectElement>("#wire-source").value,
      urgency: $<HTMLSelectElement>("#wire-urgency").value,
      subject: $<HTMLInputElement>("#wire-subject").value,
      text: $<HTMLInputElement>("#wire-search").value,
    });
    try {
      const [items, sources, folders] = await Promise.all([wireApi.list(filter), wireApi.sources(), wireApi.folders()]);
      if (seq !== this.seq) return;
      this.render(items);
      this.showSources(sources);
      this.showFolders(folders);
    } catch (e) {
      notice(`The wire queue could not be listed: ${reason(e)}`, true);
    }
  }

  private showSources(sources: string[]) {
    const select = $<HTMLSelectElement>("#wire-source");
    const chosen = select.value;
    select.replaceChildren(h("option", { value: "" }, "All sources"),
      ...sources.map((s) => h("option", { value: s }, s)));
    select.value = sources.includes(chosen) ? chosen : "";
  }

  private showFolders(folders: WireFolderSetting[]) {
    $("#wire-folders").replaceChildren(...folders.map((f) =>
      h("li", {}, h("strong", {}, f.source), " ", f.dir)));
  }

  private render(items: WireSummary[]) {
    const list = $("#wire-queue");
    list.replaceChildren(...items.map((item) => {
      const label = statusLabel(item.status);
      return h("li", {
        class: rowClass(item), "data-id": item.id, tabindex: "0", role: "option",
        "aria-selected": String(item.id === this.selected),
        onclick: () => void this.show(item.id),
        onkeydown: (e: Event) => { if ((e as KeyboardEvent).key === "Enter") void this.show(item.id); },
      },
      h("div", { class: "wire-head" },
        h("span", { class: "wire-source" }, item.source),
        item.urgency === null ? null : h("span", { class: "wire-urgency" }, `U${item.urgency}`),
        label ? h("span", { class: "wire-stop" }, label) : null,
        h("span", { class: "muted" }, ago(item.received_at))),
      h("div", { class: "wire-headline" }, item.headline),
      item.snippet ? h("div", { class: "muted wire-snippet" }, item.snippet) : null);
    }));
    if (items.length === 0) list.append(h("li", { class: "muted" }, "Nothing on the wire yet."));
  }

  /** The read-only preview of one item, with its "Start a story". */
  async show(id: string) {
    this.selected = id;
    for (const li of $("#wire-queue").querySelectorAll<HTMLElement>("li[data-id]")) {
      li.setAttribute("aria-selected", String(li.dataset.id === id));
    }
    try {
      const { item, earlier } = await wireApi.item(id);
      // The agency's copy travels flattened into the item.
      const copy = item;
      const label = statusLabel(copy.status);
      $("#wire-preview").hidden = false;
      const parts: (HTMLElement | null)[] = [
        label ? h("p", { class: "banner danger" }, `${label} by ${copy.agency || item.source}`, copy.ed_note ? `: ${copy.ed_note}` : "") : null,
        h("div", { class: "wire-actions" },
          h("span", { class: "muted" }, `${item.source} · ${copy.agency} · ${copy.format} v${copy.version}`),
          h("button", { id: "wire-start", class: "primary", disabled: copy.status === "canceled", onclick: () => void this.start(id) }, "Start a story")),
        h("h2", { id: "wire-preview-headline" }, copy.headline),
        copy.byline ? h("p", { class: "byline" }, `By ${copy.byline}`) : null,
        copy.dateline ? h("p", { class: "muted" }, copy.dateline) : null,
        copy.subjects.length ? h("p", { class: "muted" }, copy.subjects.join(" · ")) : null,
        // The agency's text as text: the preview never renders an agency's markup.
        h("pre", { class: "wire-body" }, copy.body),
        ...copy.photos.map((p) => h("p", { class: "muted" }, `Photo: ${p.credit || "no credit"} ${p.photo_id ? "" : "(not received: " + p.href + ")"}`)),
        earlier.length ? h("p", { class: "muted" }, `Earlier versions: ${earlier.map((v) => `v${v.version}`).join(", ")}`) : null,
      ];
      $("#wire-preview").replaceChildren(...parts.filter((el): el is HTMLElement => el !== null));
    } catch (e) {
      notice(`The wire item could not be shown: ${reason(e)}`, true);
    }
  }

  private async start(id: string) {
    try {
      const article = await wireApi.startStory(id);
      notice("Story started from the wire");
      this.opened(article);
      void this.refresh();
    } catch (e) {
      notice(`No story: ${reason(e)}`, true);
    }
  }

  private async watch() {
    const dir = $<HTMLInputElement>("#wire-dir").value.trim();
    const source = $<HTMLInputElement>("#wire-feed").value.trim();
    try {
      await wireApi.watch(dir, source);
      notice(`Watching ${dir} for ${source}`);
      await this.refresh();
    } catch (e) {
      notice(`Not watched: ${reason(e)}`, true);
    }
  }
}

/** The red banner on a story the agency killed or withheld, until an editor clears it. */
export async function showStop(articleId: string | null, cleared: () => void) {
  const banner = $("#wire-stop");
  banner.hidden = true;
  if (!articleId) return;
  try {
    const origin = await wireApi.origin(articleId);
    if (!origin?.stop) return;
    const what = origin.stop.status === "withheld" ? "withheld" : "killed";
    banner.replaceChildren(
      h("strong", {}, `${origin.agency || origin.source} ${what} the wire item this story came from.`),
      origin.stop.note ? ` ${origin.stop.note}` : "",
      " It cannot go out until you clear this. ",
      h("button", { class: "danger", onclick: () => void clear(articleId, cleared) }, "Clear the notice"));
    banner.hidden = false;
  } catch (e) {
    notice(`The story's wire item could not be read: ${reason(e)}`, true);
  }
}

async function clear(articleId: string, cleared: () => void) {
  try {
    await wireApi.clearStop(articleId);
    $("#wire-stop").hidden = true;
    notice("Wire notice cleared");
    cleared();
  } catch (e) {
    notice(`Not cleared: ${reason(e)}`, true);
  }
}
