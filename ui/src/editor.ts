// The authoring screen: metadata form + CodeMirror body. The save rules live in autosave.ts,
// the conflict banner in conflict.ts; this module wires them to the page.
import { EditorView, basicSetup } from "codemirror";
import { markdown } from "@codemirror/lang-markdown";
import { api, reason, type Article, type ArticleFields, type PhotoPlacement } from "./api";
import { Autosave, editableFields, type Refusal, type SaveKind, type SaveState } from "./autosave";
import { conflictView, showConflict } from "./conflict";
import { mergeFields, overDeskMerges } from "./merge";
import { $, h } from "./dom";
import * as form from "./fields";
import { WritingDesk } from "./writing";
import { figureWidgets } from "./figure";

export interface EditorHooks {
  /** After every accepted save: the list and other panels update from it. */
  changed(article: Article): void;
  /** Whenever the body or fields change; the receiver reads `fields()` when it needs them. */
  edited(): void;
  /** A save failed (not a conflict): the text is to be kept outside the database. */
  failed(refusal: Refusal): void;
}

export class Editor {
  readonly autosave: Autosave;
  /** Spelling, grammar and house style of the body, headline and dek. */
  readonly writing: WritingDesk;
  private view: EditorView;
  private loading = false;
  /** The fields as the library holds them at the editor's version (what a merge starts from). */
  private agreed: ArticleFields | null = null;

  constructor(private hooks: EditorHooks) {
    this.autosave = new Autosave({
      fields: () => this.fields(),
      state: (text, kind) => this.state(text, kind),
      accepted: (saved) => {
        this.agreed = editableFields(saved);
        this.hooks.changed(saved);
      },
      conflict: (refusal) => void this.conflict(refusal),
      failed: (refusal) => this.hooks.failed(refusal),
    });
    this.writing = new WritingDesk({
      articleId: () => this.article?.id ?? null,
      edited: () => { this.touched(); },
    });
    this.view = new EditorView({
      parent: $("#body-editor"),
      extensions: [
        basicSetup,
        markdown(),
        this.writing.bodyLinter(),
        figureWidgets(),
        EditorView.lineWrapping,
        // The core checks spelling (with the desk's dictionary): WebKit's own would underline
        // the same words twice and never know the desk's names.
        EditorView.contentAttributes.of({ "aria-label": "Body", spellcheck: "false" }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && !this.loading) this.touched();
        }),
      ],
    });
    const onInput = (e: Event) => {
      // CodeMirror's own input events are seen by the update listener above.
      if (this.loading || !this.article || (e.target as Element).closest(".cm-editor")) return;
      form.updateCounters();
      const id = (e.target as Element).id;
      if (id === "f-headline") this.writing.fieldTyped("headline");
      if (id === "f-dek") this.writing.fieldTyped("dek");
      this.touched();
    };
    $("#editor").addEventListener("input", onInput);
    $("#tab-details").addEventListener("input", onInput);
  }

  get article(): Article | null {
    return this.autosave.article;
  }

  set article(article: Article | null) {
    this.autosave.article = article;
  }

  get body(): string {
    return this.view.state.doc.toString();
  }

  /** The whole fields as a save sends them: the form and body over everything else the
   * article carries. */
  fields(): ArticleFields {
    if (!this.article) throw new Error("no article open");
    const f = form.read(editableFields(this.article));
    f.body = this.body;
    return f;
  }

  get dirty(): boolean {
    return this.autosave.dirty;
  }

  /** Shows `article`; the caller has already flushed the previous one. */
  open(article: Article) {
    this.loading = true;
    try {
      this.autosave.open(article);
      this.agreed = editableFields(article);
      $("#conflict").hidden = true;
      form.fill(article);
      this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: article.body } });
    } finally {
      this.loading = false;
    }
    this.writing.opened();
    this.hooks.edited();
  }

  /** A newer version of the open story came from the desk. Shown at once when nothing is
   * unsaved; with unsaved edits, they are carried onto it when the two changed different
   * things (`merge.ts`), and saved on it; otherwise left alone for the conflict banner.
   * Answers whether the editor now shows `latest`. */
  takeRemote(latest: Article): boolean {
    const current = this.article;
    if (current?.id !== latest.id || latest.version <= current.version) return false;
    if (this.autosave.conflicted || this.autosave.saving) return false;
    const theirs = editableFields(latest);
    let fields = theirs;
    const dirty = this.dirty;
    if (dirty) {
      const merged = this.agreed ? mergeFields(this.agreed, this.fields(), theirs) : null;
      if (!merged) return false;
      fields = merged;
    }
    this.loading = true;
    try {
      this.article = { ...latest, ...fields };
      this.agreed = theirs;
      form.fill(this.article);
      this.replaceBody(fields.body);
    } finally {
      this.loading = false;
    }
    if (dirty) this.autosave.rebased();
    else this.autosave.open(this.article);
    this.hooks.edited();
    return true;
  }

  /** The desk merged a change into the story between the editor's last save and this one:
   * when only desk merges came between and they touch other text, the typing is carried onto
   * the merged version and saved there instead of stopping at the conflict banner. */
  private async carryOverDeskMerges(refused: Article): Promise<boolean> {
    const agreed = this.agreed;
    if (!agreed) return false;
    try {
      const [latest, revisions] = await Promise.all([api.getArticle(refused.id), api.revisions(refused.id)]);
      if (this.article?.id !== refused.id) return false;
      const merged = overDeskMerges(refused.version, revisions, agreed, this.fields(), editableFields(latest));
      if (!merged) return false;
      this.loading = true;
      try {
        this.article = { ...latest, ...merged };
        this.agreed = editableFields(latest);
        form.fill(this.article);
        this.replaceBody(merged.body);
      } finally {
        this.loading = false;
      }
      this.autosave.resume();
      this.hooks.edited();
      return true;
    } catch {
      return false;
    }
  }

  /** Replaces only the part of the body that differs, so the cursor stays where it was. */
  private replaceBody(body: string) {
    const doc = this.view.state.doc.toString();
    if (doc === body) return;
    let from = 0;
    while (from < doc.length && from < body.length && doc[from] === body[from]) from++;
    let tail = 0;
    while (tail < doc.length - from && tail < body.length - from &&
      doc[doc.length - 1 - tail] === body[body.length - 1 - tail]) tail++;
    this.view.dispatch({ changes: { from, to: doc.length - tail, insert: body.slice(from, body.length - tail) } });
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
  flush(kind: SaveKind = "save"): Promise<void> {
    return this.autosave.flush(kind);
  }

  private touched() {
    this.autosave.touched();
    if (!this.autosave.conflicted) this.hooks.edited();
  }

  private async conflict({ article, fields, error }: Refusal) {
    if (await this.carryOverDeskMerges(article)) return;
    try {
      const view = await conflictView(article.id, error);
      if (this.article?.id !== article.id) return;
      showConflict($("#conflict"), view, fields, article.version, {
        loadLatest: (latest) => this.loadLatestKeepingMine(latest),
        keepMine: (latest, mine) => {
          $("#conflict").hidden = true;
          void this.autosave.keepMine(latest, mine);
        },
      });
    } catch (e) {
      this.state(`Not saved: ${reason(e)}`, "error");
    }
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

  private state(text: string, kind: SaveState) {
    const el = $("#save-state");
    el.textContent = text;
    el.dataset.state = kind;
  }
}
