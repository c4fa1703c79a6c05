// The authoring screen: metadata form + CodeMirror body, autosave and conflicts.
//
// Autosave rules: every edit bumps `editSeq`; a save sends a snapshot and remembers which
// edit it covered, so the state only reads "Saved" when nothing was typed since. One save is
// in flight at a time; edits made meanwhile are saved right after. After a conflict nothing
// is saved automatically until the editor chooses, so the library never fills with refused
// copies.
import { EditorView, basicSetup } from "codemirror";
import { markdown } from "@codemirror/lang-markdown";
import { api, fieldsOf, reason, isReport, type Article, type ArticleFields, type PhotoPlacement, type Revision } from "./api";
import { $, h, clock } from "./dom";
import * as form from "./fields";

const AUTOSAVE_DELAY_MS = 1000;

export interface EditorHooks {
  /** After every accepted save or load: the list and other panels refresh from it. */
  changed(article: Article): void;
  /** Whenever the body or fields change; the receiver reads `fields()` when it needs them. */
  edited(): void;
}

export class Editor {
  article: Article | null = null;
  private view: EditorView;
  private editSeq = 0;
  private savedSeq = 0;
  private inFlight: Promise<void> | null = null;
  private timer: number | undefined;
  private inConflict = false;
  private loading = false;

  constructor(private hooks: EditorHooks) {
    this.view = new EditorView({
      parent: $("#body-editor"),
      extensions: [
        basicSetup,
        markdown(),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ "aria-label": "Body", spellcheck: "true" }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && !this.loading) this.touched();
        }),
      ],
    });
    const onInput = (e: Event) => {
      // CodeMirror's own input events are seen by the update listener above.
      if (this.loading || !this.article || (e.target as Element).closest?.(".cm-editor")) return;
      form.updateCounters();
      this.touched();
    };
    $("#editor").addEventListener("input", onInput);
    $("#tab-details").addEventListener("input", onInput);
  }

  get body(): string {
    return this.view.state.doc.toString();
  }

  fields(): ArticleFields {
    if (!this.article) throw new Error("no article open");
    const f = form.read(fieldsOf(this.article));
    f.body = this.body;
    return f;
  }

  get dirty(): boolean {
    return this.editSeq !== this.savedSeq;
  }

  /** Shows `article`; the caller has already flushed the previous one. */
  open(article: Article) {
    this.loading = true;
    try {
      this.article = article;
      this.inConflict = false;
      this.editSeq = this.savedSeq = 0;
      $("#conflict").hidden = true;
      form.fill(article);
      this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: article.body } });
      this.state(`Saved ${clock(article.updated_at)}`, "saved");
    } finally {
      this.loading = false;
    }
    this.hooks.edited();
  }

  focusBody() {
    this.view.focus();
  }

  /** Sets or clears the lead photo; saved like any other edit. */
  setLeadPhoto(placement: PhotoPlacement | null) {
    if (!this.article) return;
    this.article = { ...this.article, lead_photo: placement };
    this.touched();
  }

  /** Puts `text` where the cursor is in the body, on a line of its own. */
  insertInBody(text: string) {
    const at = this.view.state.selection.main.head;
    const before = at > 0 && this.view.state.sliceDoc(at - 1, at) !== "\n" ? "\n\n" : "";
    const insert = `${before}${text}\n\n`;
    this.view.dispatch({ changes: { from: at, insert }, selection: { anchor: at + insert.length } });
  }

  /** Saves now if anything is unsaved; resolves when the library has it (or refused it). */
  async flush(kind: "save" | "autosave" = "save"): Promise<void> {
    window.clearTimeout(this.timer);
    while (this.inFlight) await this.inFlight;
    if (!this.article || !this.dirty || this.inConflict) return;
    this.inFlight = this.saveOnce(kind).finally(() => (this.inFlight = null));
    await this.inFlight;
    if (this.dirty && !this.inConflict && kind === "save") await this.flush(kind);
  }

  private touched() {
    this.editSeq++;
    if (this.inConflict) return;
    this.state("Unsaved changes", "pending");
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.flush("autosave"), AUTOSAVE_DELAY_MS);
    this.hooks.edited();
  }

  private async saveOnce(kind: "save" | "autosave") {
    const article = this.article!;
    const covers = this.editSeq;
    const fields = this.fields();
    this.state("Saving…", "saving");
    try {
      const saved = await api.saveArticle(article.id, article.version, fields, kind);
      if (this.article?.id !== saved.id) return;
      // Only the version moves: the form and body stay as typed (the core trims fields, and
      // the editor may have typed on), and a lead photo set meanwhile is kept.
      this.article = { ...this.article, version: saved.version, status: saved.status, updated_at: saved.updated_at };
      this.savedSeq = covers;
      this.state(this.dirty ? "Unsaved changes" : `Saved ${clock(saved.updated_at)}`, this.dirty ? "pending" : "saved");
      if (this.dirty) this.timer = window.setTimeout(() => void this.flush("autosave"), AUTOSAVE_DELAY_MS);
      this.hooks.changed(saved);
    } catch (e) {
      if (isReport(e) && e.kind === "conflict") await this.showConflict(article.id, fields);
      else this.state(`Not saved: ${reason(e)}`, "error");
    }
  }

  private async showConflict(id: string, mine: ArticleFields) {
    this.inConflict = true;
    this.state("Not saved: changed elsewhere", "error");
    let latest: Article;
    let kept: Revision | undefined;
    try {
      latest = await api.getArticle(id);
      kept = (await api.revisions(id)).filter((r) => r.kind === "conflict").pop();
    } catch (e) {
      this.state(`Not saved: ${reason(e)}`, "error");
      return;
    }
    const keptNote = kept ? ` Your text is kept as conflict revision ${kept.number}.` : "";
    const banner = $("#conflict");
    banner.replaceChildren(
      h("strong", {}, "This story was changed elsewhere while you were writing."),
      h("p", {}, `The library now has version ${latest.version}; your edit was based on version ${this.article!.version}. Nothing is lost.${keptNote}`),
      h("div", { class: "versions" },
        h("div", {}, h("h4", {}, "Library version"), h("pre", { class: "their-text" }, latest.body)),
        h("div", {}, h("h4", {}, "Your text"), h("pre", { class: "my-text" }, mine.body)),
      ),
      h("div", { class: "actions" },
        h("button", { id: "conflict-load-latest", onclick: () => this.loadLatestKeepingMine(latest) },
          "Load the library version (keep mine beside it)"),
        h("button", { id: "conflict-keep-mine", class: "primary", onclick: () => void this.keepMine(latest, mine) },
          "Save my text as the new version"),
      ),
    );
    banner.hidden = false;
  }

  /** Loads the library's version; the refused text stays visible in the banner to copy from. */
  private loadLatestKeepingMine(latest: Article) {
    const banner = $("#conflict");
    this.open(latest);
    banner.hidden = false;
    banner.querySelector(".actions")?.replaceChildren(
      h("span", { class: "muted" }, "Library version loaded. Your text is on the right (and in History)."),
      h("button", { onclick: () => { banner.hidden = true; } }, "Done"),
    );
    this.hooks.changed(latest);
  }

  private async keepMine(latest: Article, mine: ArticleFields) {
    this.inConflict = false;
    this.article = { ...latest, ...mine, version: latest.version };
    this.editSeq++;
    $("#conflict").hidden = true;
    await this.flush("save");
  }

  private state(text: string, kind: "saved" | "pending" | "saving" | "error") {
    const el = $("#save-state");
    el.textContent = text;
    el.dataset.state = kind;
  }
}
