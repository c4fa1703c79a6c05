// Text the library did not take is never only in the window. A failed save, and a close with
// text not yet taken, keep the whole fields in the library folder (core `recovery`, through
// `keep_unsaved`); the next start offers each kept text back: restore it as a new save over
// the current version (the history keeps what it replaces), or discard it.
import { api, isReport, reason, recoveryApi, type Article, type ArticleFields, type UnsavedText } from "./api";
import { $, clock, h, notice } from "./dom";

/** What a close needs from the editor: save what it can, then say what is left. */
export interface Session {
  article: Article | null;
  readonly dirty: boolean;
  flush(kind: "save"): Promise<void>;
  fields(): ArticleFields;
}

export class Recovery {
  /** Articles with text kept in this session: a later accepted save makes it obsolete. */
  private keptIds = new Set<string>();

  /** `open` shows a restored article; `beforeRestore` flushes the one being edited. */
  constructor(private open: (article: Article) => void, private beforeRestore: () => Promise<void>) {}

  /** Keeps `fields` of `article`; says so in the status bar when even that fails. */
  async keep(article: Article, fields: ArticleFields, why: string): Promise<boolean> {
    try {
      await recoveryApi.keep(article.id, article.version, fields, why);
      this.keptIds.add(article.id);
      return true;
    } catch (e) {
      notice(`Your text could not be kept either (${reason(e)}). Copy it somewhere before closing.`, true);
      return false;
    }
  }

  /** After the library took a save of `article`: what was kept for it is now history. */
  async accepted(article: Article): Promise<void> {
    if (!this.keptIds.delete(article.id)) return;
    try {
      await recoveryApi.discard(article.id);
    } catch {
      // Harmless: offered again at the next start, where the editor can discard it.
    }
  }

  /** Flushes a pending save before the window goes; whatever the library did not take is kept.
   * Never throws: a close must not hang on an error. */
  async beforeClose(session: Session): Promise<void> {
    try {
      await session.flush("save");
      if (session.article && session.dirty) {
        await this.keep(session.article, session.fields(), "the window was closed before the library took it");
      }
    } catch (e) {
      console.error("keeping unsaved text on close", e);
    }
  }

  /** On start: one line per kept text, with Restore and Discard. */
  async offer(): Promise<void> {
    let kept: UnsavedText[];
    try {
      kept = await recoveryApi.kept();
    } catch (e) {
      notice(`Unsaved text from last time could not be read: ${reason(e)}`, true);
      return;
    }
    const banner = $("#recovery");
    banner.hidden = kept.length === 0;
    if (kept.length === 0) return;
    banner.replaceChildren(
      h("strong", {}, kept.length === 1
        ? "Text the library did not take last time was kept."
        : `${kept.length} texts the library did not take last time were kept.`),
      h("ul", {}, ...kept.map((text) => this.line(text))),
    );
  }

  private line(text: UnsavedText): HTMLLIElement {
    const when = `${new Date(text.kept_at).toLocaleDateString()} ${clock(text.kept_at)}`;
    const li = h("li", { "data-article": text.article_id },
      h("span", {}, `“${text.fields.headline || "Untitled story"}”, kept ${when} (${text.reason}). `),
      h("button", { class: "primary restore-unsaved", onclick: () => void this.restore(text, li) }, "Restore as a new version"),
      h("button", { class: "discard-unsaved", onclick: () => void this.discard(text, li) }, "Discard"),
    );
    return li;
  }

  /** Saves the kept text over the article's current version (or as a new story if the article
   * is gone), then forgets it; on failure it stays kept and offered. */
  async restore(text: UnsavedText, li?: HTMLElement): Promise<Article | null> {
    await this.beforeRestore();
    let saved: Article;
    try {
      try {
        const current = await api.getArticle(text.article_id);
        saved = await api.saveArticle(current.id, current.version, text.fields, "save");
      } catch (e) {
        if (!(isReport(e) && e.kind === "not_found")) throw e;
        saved = await api.createArticle(text.fields);
      }
    } catch (e) {
      notice(`Not restored: ${reason(e)}. The text stays kept.`, true);
      return null;
    }
    await this.forget(text, li);
    this.open(saved);
    notice(`Restored as version ${saved.version}`);
    return saved;
  }

  async discard(text: UnsavedText, li?: HTMLElement): Promise<void> {
    await this.forget(text, li);
  }

  private async forget(text: UnsavedText, li?: HTMLElement) {
    try {
      await recoveryApi.discard(text.article_id);
    } catch (e) {
      notice(`The kept text could not be removed: ${reason(e)}`, true);
      return;
    }
    this.keptIds.delete(text.article_id);
    li?.remove();
    const banner = $("#recovery");
    if (!banner.querySelector("li")) banner.hidden = true;
  }
}
