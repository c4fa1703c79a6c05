// Live preview, counts and warnings, all computed by the core. Requests are debounced and
// asynchronous: typing never waits for them, and an answer to an older text is dropped.
import { api, reason, type ArticleFields, type Preview } from "./api";
import { $, h } from "./dom";

export const PREVIEW_DELAY_MS = 250;

export class LivePreview {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every new text and by `forget`: an answer for an older generation is stale. */
  private generation = 0;
  private running = false;
  private queued: { fields: ArticleFields; generation: number } | null = null;

  constructor(private focusField: (field: string) => void) {}

  /** `fields` is read only when the delay has passed, not on every keystroke. */
  request(fields: () => ArticleFields) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(fields(), ++this.generation), PREVIEW_DELAY_MS);
  }

  /** Another story opens: no answer still on its way may show the previous one. */
  forget() {
    clearTimeout(this.timer);
    this.generation++;
    this.queued = null;
  }

  /** One render at a time; while one runs only the newest text waits for its turn. */
  private async run(fields: ArticleFields, generation: number) {
    if (this.running) {
      this.queued = { fields, generation };
      return;
    }
    this.running = true;
    try {
      const preview = await api.preview(fields);
      // A newer text is waiting or the story changed: this answer would show text that is gone.
      if (generation === this.generation) this.show(fields, preview);
    } catch (e) {
      if (generation === this.generation) {
        $("#preview").replaceChildren(h("p", { class: "error" }, `Preview unavailable: ${reason(e)}`));
      }
    } finally {
      this.running = false;
      const next = this.queued;
      this.queued = null;
      if (next) void this.run(next.fields, next.generation);
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
