// Live preview, counts and warnings, all computed by the core. Requests are debounced and
// asynchronous: typing never waits for them, and an answer to an older text is dropped.
import { api, reason, type ArticleFields, type Preview } from "./api";
import { $, h } from "./dom";

const PREVIEW_DELAY_MS = 250;

export class LivePreview {
  private timer: number | undefined;
  private seq = 0;
  private running = false;
  private queued: ArticleFields | null = null;

  constructor(private focusField: (field: string) => void) {}

  /** `fields` is read only when the delay has passed, not on every keystroke. */
  request(fields: () => ArticleFields) {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.run(fields()), PREVIEW_DELAY_MS);
  }

  /** One render at a time; while one runs only the newest text waits for its turn. */
  private async run(fields: ArticleFields) {
    if (this.running) {
      this.queued = fields;
      return;
    }
    this.running = true;
    const seq = ++this.seq;
    try {
      const preview = await api.preview(fields);
      if (seq === this.seq) this.show(fields, preview);
    } catch (e) {
      $("#preview").replaceChildren(h("p", { class: "error" }, `Preview unavailable: ${reason(e)}`));
    } finally {
      this.running = false;
      const next = this.queued;
      this.queued = null;
      if (next) void this.run(next);
    }
  }

  private show(fields: ArticleFields, preview: Preview) {
    const page = $("#preview");
    const header = h("header", {},
      fields.kicker ? h("p", { class: "kicker" }, fields.kicker) : null,
      h("h1", {}, fields.headline || "Untitled story"),
      fields.dek ? h("p", { class: "dek" }, fields.dek) : null,
    );
    const body = h("div", { class: "body" });
    // Sanitised by the core: raw HTML removed, only safe URL schemes kept.
    body.innerHTML = preview.html;
    page.replaceChildren(header, body);

    const { words, chars, reading_minutes } = preview.stats;
    $("#stats").textContent =
      `${words.toLocaleString()} words · ${reading_minutes} min read · ${chars.toLocaleString()} chars`;

    const warnings = $("#warnings");
    warnings.replaceChildren(
      h("h3", {}, preview.warnings.length ? `Warnings (${preview.warnings.length})` : "No warnings"),
      h("ul", {}, ...preview.warnings.map((w) =>
        h("li", {}, h("button", { class: "link", onclick: () => this.focusField(w.field) }, w.message)))),
    );
  }
}
