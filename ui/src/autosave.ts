// Autosave as rules, apart from CodeMirror and the DOM so a test can hold them to account:
// - every edit bumps `editSeq`; a save sends a snapshot and remembers which edit it covered,
//   so the state reads "Saved" only when nothing was typed since (an honest state);
// - edits closer together than AUTOSAVE_DELAY_MS make one save (debounce);
// - one save is in flight at a time; edits made meanwhile are saved right after;
// - a save sends the whole fields object (see `editableFields`);
// - after a conflict nothing is saved automatically until the editor chooses, so the library
//   never fills with refused copies;
// - a save that fails says why and hands the text to `failed`, which keeps it outside the
//   database (the database may be what is failing).
import { api, isReport, reason, type Article, type ArticleFields } from "./api";
import { clock } from "./dom";

export const AUTOSAVE_DELAY_MS = 1000;

export type SaveState = "saved" | "pending" | "saving" | "error";
export type SaveKind = "save" | "autosave";

/** A save the library did not take: the article it was for, the text sent, and why. */
export interface Refusal { article: Article; fields: ArticleFields; error: unknown }

export interface AutosaveHooks {
  /** Everything the editor shows now, as a save sends it. */
  fields(): ArticleFields;
  /** The save state for the editor to read ("Saving…", "Saved 12:04", "Not saved: …"). */
  state(text: string, kind: SaveState): void;
  /** The library took a save (the list updates that one row from it). */
  accepted(saved: Article): void;
  /** The save was based on a stale version; the core kept the text as a conflict revision. */
  conflict(refusal: Refusal): void;
  /** The save failed for another reason. */
  failed(refusal: Refusal): void;
}

/** The fields a save sends: everything the article carries except what the library tracks
 * itself. Built by removing, not by copying the keys this window knows, so a field added in
 * the core but not yet here goes back as it came instead of being blanked. */
export function editableFields(article: Article): ArticleFields {
  const { id: _id, version: _version, status: _status, created_at: _created, updated_at: _updated, ...fields } =
    structuredClone(article);
  return fields;
}

export class Autosave {
  article: Article | null = null;
  private editSeq = 0;
  private savedSeq = 0;
  private inFlight: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inConflict = false;

  constructor(private readonly hooks: AutosaveHooks) {}

  /** Something typed that the library has not taken (yet). */
  get dirty(): boolean {
    return this.editSeq !== this.savedSeq;
  }

  get conflicted(): boolean {
    return this.inConflict;
  }

  /** A save is on its way to the library. */
  get saving(): boolean {
    return this.inFlight !== null;
  }

  /** A refused save whose text was carried onto the newer version (desk merges only came
   * between): saving goes on from there. */
  resume() {
    this.inConflict = false;
    this.rebased();
  }

  /** The article moved to a newer version under unsaved edits (carried over onto it): they
   * are saved on that version once typing pauses. */
  rebased() {
    this.hooks.state("Unsaved changes", "pending");
    this.schedule();
  }

  /** The text as a save would send it now. */
  fields(): ArticleFields {
    return this.hooks.fields();
  }

  /** Starts on `article`; the caller has flushed the previous one. */
  open(article: Article) {
    clearTimeout(this.timer);
    this.article = article;
    this.inConflict = false;
    this.editSeq = this.savedSeq = 0;
    this.hooks.state(`Saved ${clock(article.updated_at)}`, "saved");
  }

  /** An edit: saved once typing pauses. */
  touched() {
    this.editSeq++;
    if (this.inConflict) return;
    this.hooks.state("Unsaved changes", "pending");
    this.schedule();
  }

  /** Saves now if anything is unsaved; resolves when the library has it (or refused it). */
  async flush(kind: SaveKind = "save"): Promise<void> {
    clearTimeout(this.timer);
    while (this.inFlight) await this.inFlight;
    if (!this.article || !this.dirty || this.inConflict) return;
    this.inFlight = this.saveOnce(kind).finally(() => (this.inFlight = null));
    const accepted = await this.inFlight;
    // Typed on while that save ran: an explicit save covers that too. Not after a failure,
    // which would retry a failing library without end.
    if (accepted && this.dirty && kind === "save") await this.flush(kind);
  }

  /** The editor chose their text over the library's `latest`: saved as the next version. */
  async keepMine(latest: Article, mine: ArticleFields): Promise<void> {
    this.inConflict = false;
    this.article = { ...latest, ...mine, version: latest.version };
    this.editSeq++;
    await this.flush("save");
  }

  private schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush("autosave"), AUTOSAVE_DELAY_MS);
  }

  private async saveOnce(kind: SaveKind): Promise<boolean> {
    const article = this.article!;
    const covers = this.editSeq;
    const fields = this.hooks.fields();
    this.hooks.state("Saving…", "saving");
    try {
      const saved = await api.saveArticle(article.id, article.version, fields, kind);
      if (this.article?.id !== saved.id) return true;
      // Only the version moves: the form and body stay as typed (the core trims fields, and
      // the editor may have typed on), and a lead photo set meanwhile is kept.
      this.article = { ...this.article, version: saved.version, status: saved.status, updated_at: saved.updated_at };
      this.savedSeq = covers;
      if (this.dirty) {
        this.hooks.state("Unsaved changes", "pending");
        this.schedule();
      } else {
        this.hooks.state(`Saved ${clock(saved.updated_at)}`, "saved");
      }
      this.hooks.accepted(saved);
      return true;
    } catch (error) {
      const refusal = { article, fields, error };
      const current = this.article?.id === article.id;
      if (isReport(error) && error.kind === "conflict") {
        // Another story's refused save needs no banner: the core kept its text as a revision.
        if (current) {
          this.inConflict = true;
          this.hooks.state("Not saved: changed elsewhere", "error");
          this.hooks.conflict(refusal);
        }
      } else {
        if (current) this.hooks.state(`Not saved: ${reason(error)}`, "error");
        this.hooks.failed(refusal);
      }
      return false;
    }
  }
}
