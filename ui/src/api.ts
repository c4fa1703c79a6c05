// Typed calls into the Tauri shell. Every type and constant of the core comes from
// ./generated/contract.ts, generated from the Rust definitions (src-tauri/src/contract.rs):
// nothing here is a hand-kept copy. Every command rejects with an `ErrorReport`, a union
// tagged by `kind`: switch on it and the details of that kind are typed (a conflict's
// `kept_revision` and `current_version`, preflight's `problems`).
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import {
  CORE,
  EMPTY_FIELDS,
  type Article,
  type ArticleFields,
  type ArticleFilter,
  type ArticlePage,
  type ArticleSummary,
  type BatchReport,
  type DemoReport,
  type Command,
  type Delivery,
  type DeskEvents,
  type DeskStatus,
  type CheckedField,
  type FieldConflict,
  type FieldReport,
  type Identity,
  type DeskRecord,
  type Destination,
  type ErrorReport,
  type Exported,
  type FieldDiff,
  type LibraryInfo,
  type Photo,
  type PhotoConflict,
  type Preflight,
  type Preview,
  type Rect,
  type Revision,
  type SaveKind,
  type SearchHit,
  type SearchQuery,
  type Status,
  type UnsavedText,
  type WireFilter,
  type WireFolderSetting,
  type WireOrigin,
  type WireShown,
  type WireSummary,
} from "./generated/contract";
import type { NewDestination } from "./destinations";

export type * from "./generated/contract";
export type { NewDestination } from "./destinations";

/** The workflow statuses, in order, as the core defines them. */
export const STATUSES: readonly Status[] = CORE.statuses;

/** Invokes a command the capability grants; the name is checked against the generated list. */
function call<T>(command: Command, args?: Record<string, unknown>): Promise<T> {
  return invoke<T>(command, args);
}

export function isReport(e: unknown): e is ErrorReport {
  return typeof e === "object" && e !== null && "kind" in e && "message" in e;
}

/**
 * What `ask` answers once the library is open. A library from an older Newsdesk is upgraded
 * first, on a thread of the shell's own (a minute in a library of 100,000 stories): until then
 * every command answers `upgrading`, and `waiting` gets that message each time before asking
 * again. Any other error is the caller's.
 */
export async function onceOpen<T>(ask: () => Promise<T>, waiting: (message: string) => void, pauseMs = 500): Promise<T> {
  for (;;) {
    try {
      return await ask();
    } catch (e) {
      if (!(isReport(e) && e.kind === "upgrading")) throw e;
      waiting(e.message);
      await new Promise((done) => setTimeout(done, pauseMs));
    }
  }
}

/** The message to show for anything a command threw. */
export function reason(e: unknown): string {
  return isReport(e) ? e.message : String(e);
}

/** A new article's fields: every field the core has, empty. */
export function emptyFields(): ArticleFields {
  return structuredClone(EMPTY_FIELDS);
}

/** The editable part of an article, as a save sends it: every field the core has, so a save
 *  never blanks one (the core refuses a save that lacks one). */
export function fieldsOf(a: ArticleFields): ArticleFields {
  const f = emptyFields();
  for (const key of Object.keys(f) as (keyof ArticleFields)[]) {
    (f as unknown as Record<string, unknown>)[key] = structuredClone(a[key]);
  }
  return f;
}

/** Listens to one of the shell's events with its typed payload. */
export function onEvent<K extends keyof DeskEvents>(name: K, handler: (payload: DeskEvents[K]) => void): Promise<UnlistenFn> {
  return listen<DeskEvents[K]>(name, (event) => handler(event.payload));
}

export const api = {
  libraryInfo: () => call<LibraryInfo>("library_info"),
  /** The demo newsroom, offered by the empty window (what `newsdesk demo` writes). */
  loadDemo: () => call<DemoReport>("load_demo"),
  listArticles: (filter: ArticleFilter) => call<ArticleSummary[]>("list_articles", { filter }),
  createArticle: (fields: ArticleFields) => call<Article>("create_article", { fields }),
  getArticle: (id: string) => call<Article>("get_article", { id }),
  saveArticle: (id: string, baseVersion: number, fields: ArticleFields, kind: SaveKind) =>
    call<Article>("save_article", { id, baseVersion, fields, kind }),
  setStatus: (id: string, baseVersion: number, status: Status) =>
    call<Article>("set_status", { id, baseVersion, status }),
  revisions: (id: string) => call<Revision[]>("revisions", { id }),
  revision: (id: string, number: number) => call<Revision>("revision", { id, number }),
  restoreRevision: (id: string, number: number, baseVersion: number) =>
    call<Article>("restore_revision", { id, number, baseVersion }),
  search: (query: SearchQuery) => call<SearchHit[]>("search", { query }),
  preview: (fields: ArticleFields) => call<Preview>("preview", { fields }),
  diff: (id: string, from: number, to: number) => call<FieldDiff[]>("diff_revisions", { id, from, to }),
};

/** The app serves library thumbnails (and nothing else) on its own `photo:` scheme. */
export function thumbnailUrl(id: string): string {
  return `${CORE.photo_reference.thumbnail_url_prefix}${id}`;
}

/** The body's reference to a library photo: `photo:<id>/<crop>`. */
export function photoReference(id: string, crop: string): string {
  return `${CORE.photo_reference.scheme}${id}/${crop}`;
}

export const photoApi = {
  list: () => call<Photo[]>("list_photos"),
  get: (id: string) => call<Photo>("get_photo", { id }),
  import: (paths: string[]) => call<BatchReport>("import_photos", { paths }),
  // Changes name the photo version they are based on; a stale one rejects with kind "conflict".
  /** A partial edit: fields left out stay as they are (`DeskEdit` on the Rust side). */
  edit: (id: string, baseVersion: number, edit: Partial<DeskRecord>) =>
    call<Photo>("edit_photo", { id, baseVersion, edit }),
  setFocalPoint: (id: string, baseVersion: number, focal: [number, number] | null) =>
    call<Photo>("set_focal_point", { id, baseVersion, focal }),
  defaultCrop: (id: string, aspect: string) => call<Rect>("default_crop", { id, aspect }),
  saveCrop: (id: string, baseVersion: number, name: string, aspect: string, rect: Rect) =>
    call<Photo>("save_crop", { id, baseVersion, name, aspect, rect }),
  /** Refused (kind "invalid", naming them) while a story uses the crop. */
  deleteCrop: (id: string, baseVersion: number, name: string) =>
    call<Photo>("delete_crop", { id, baseVersion, name }),
  /** The ids of the photos with a conflict from the desk still open. */
  conflicted: () => call<string[]>("photos_in_conflict"),
  conflicts: (id: string) => call<PhotoConflict[]>("photo_conflicts", { id }),
  /** `value`: a record field's text, `[x, y]` or `null` for the focal point, a crop or `null`
   * (deleted) for `crop:<name>`. */
  resolveConflict: (id: string, baseVersion: number, field: string, value: unknown) =>
    call<Photo>("resolve_photo_conflict", { id, baseVersion, field, value }),
};

export const publishApi = {
  preflight: (id: string) => call<Preflight>("preflight", { id }),
  export: (id: string, out: string, replace = false) => call<Exported>("export_article", { id, out, replace }),
  destinations: () => call<Destination[]>("destinations"),
  /** Takes the secret itself (`NewDestination`); `destinations` answers only whether it is set. */
  addDestination: (destination: NewDestination) => call<void>("add_destination", { destination }),
  removeDestination: (name: string) => call<void>("remove_destination", { name }),
  /** Connects and checks the credentials; answers what the CMS said, or rejects with kind
   *  `delivery` and the CMS's message. */
  checkDestination: (name: string) => call<string>("check_destination", { name }),
  outbox: () => call<Delivery[]>("outbox"),
  deliver: (id: string, destination: string) => call<Delivery>("deliver", { id, destination }),
  retry: (id: number) => call<Delivery>("retry_delivery", { id }),
  cancel: (id: number) => call<Delivery>("cancel_delivery", { id }),
  /** Opens the delivered post in the system browser: the shell takes the link from the
   *  outbox itself, so the window can open no other address. */
  openPost: (id: number) => call<void>("open_post", { id }),
};

// ---- List pages, conflict details, kept unsaved text. ----

/** A page of the library list: `offset` rows skipped, at most `limit` returned. */
export type ListPage = ArticleFilter;

/** A page of the list and the total the filter holds (the window's scroll bar). */
export function articlePage(page: ListPage): Promise<ArticlePage> {
  return call<ArticlePage>("article_page", { filter: page });
}

/** What a refused stale save tells the window besides its message. */
export interface ConflictDetails { keptRevision: number | null; currentVersion: number | null }

/** A conflict's details, typed by the generated `ErrorReport`; null for anything else. */
export function conflictDetails(e: unknown): ConflictDetails {
  if (isReport(e) && e.kind === "conflict") {
    return { keptRevision: e.kept_revision, currentVersion: e.current_version };
  }
  return { keptRevision: null, currentVersion: null };
}

export const recoveryApi = {
  keep: (articleId: string, baseVersion: number, fields: ArticleFields, reason: string) =>
    call<null>("keep_unsaved", { articleId, baseVersion, fields, reason }),
  kept: () => call<UnsavedText[]>("unsaved_texts"),
  discard: (articleId: string) => call<null>("discard_unsaved", { articleId }),
};

export const deskApi = {
  status: () => call<DeskStatus>("desk_status"),
  setIdentity: (name: string) => call<Identity>("set_identity", { name }),
  /** Joins and syncs once; the shell keeps the token for the background syncs. */
  join: (url: string, token: string) => call<DeskStatus>("join_desk", { url, token }),
  syncNow: () => call<null>("sync_desk"),
  openStory: (id: string | null) => call<null>("open_story", { id }),
  conflicts: (id: string) => call<FieldConflict[]>("field_conflicts", { id }),
  /** `value` is the field's JSON value (a string for text fields, a status name...). */
  resolve: (id: string, baseVersion: number, field: string, value: unknown) =>
    call<Article>("resolve_conflict", { id, baseVersion, field, value }),
};

export const checkApi = {
  /** The problems in `text`, the current (perhaps unsaved) text of `field` of story `id`. */
  field: (id: string, field: CheckedField, text: string) =>
    call<FieldReport>("check_field", { id, field, text }),
  article: (id: string) => call<FieldReport[]>("check_article", { id }),
  /** Adds a word the whole library accepts; answers it as stored. */
  addDeskWord: (word: string) => call<string>("add_desk_word", { word }),
};

export const wireApi = {
  /** The queue, newest first (best match first with words to find). */
  list: (filter: WireFilter) => call<WireSummary[]>("wire_list", { filter }),
  sources: () => call<string[]>("wire_sources"),
  item: (id: string) => call<WireShown>("wire_item", { id }),
  /** A draft from the item: byline, dateline, keywords, photos credited, its origin kept. */
  startStory: (id: string) => call<Article>("wire_start_story", { id }),
  origin: (id: string) => call<WireOrigin | null>("wire_origin", { id }),
  clearStop: (id: string) => call<WireOrigin>("wire_clear_stop", { id }),
  folders: () => call<WireFolderSetting[]>("wire_folders"),
  watch: (dir: string, source: string) => call<null>("watch_wire_folder", { dir, source }),
};
