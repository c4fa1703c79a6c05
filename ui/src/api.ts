// Typed calls into the Tauri shell. Every command rejects with `{kind, message}` from the
// core, so callers can switch on `kind` (e.g. "conflict") and show `message` as written.
import { invoke } from "@tauri-apps/api/core";

export type Status = "draft" | "editing" | "ready" | "published" | "spiked";
export const STATUSES: Status[] = ["draft", "editing", "ready", "published", "spiked"];

export interface Author { name: string; role: string }
export interface Dateline { place: string; date: string }
export interface RelatedStory { title: string; url: string }
export interface PhotoPlacement { photo_id: string; crop: string }

export interface ArticleFields {
  slugline: string;
  kicker: string;
  section: string;
  headline: string;
  dek: string;
  authors: Author[];
  dateline: Dateline;
  body: string;
  keywords: string[];
  related: RelatedStory[];
  editors_note: string;
  language: string;
  embargo: string | null;
  corrections: { date: string; text: string }[];
  lead_photo: PhotoPlacement | null;
}

export interface Article extends ArticleFields {
  id: string;
  version: number;
  status: Status;
  created_at: string;
  updated_at: string;
}

export interface ArticleSummary {
  id: string;
  version: number;
  status: Status;
  section: string;
  headline: string;
  updated_at: string;
}

export type SortOrder = "updated" | "created" | "headline";
export interface ArticleFilter { status: Status | null; section: string | null; sort: SortOrder; limit: number }

export type RevisionKind = "create" | "save" | "autosave" | "status" | "restore" | "conflict" | "import";
export interface Revision {
  article_id: string;
  number: number;
  version: number | null;
  base_version: number | null;
  kind: RevisionKind;
  status: Status;
  saved_at: string;
  fields: ArticleFields;
}

export interface ErrorReport { kind: string; message: string }

export function isReport(e: unknown): e is ErrorReport {
  return typeof e === "object" && e !== null && "kind" in e && "message" in e;
}

/** The message to show for anything a command threw. */
export function reason(e: unknown): string {
  return isReport(e) ? e.message : String(e);
}

export function emptyFields(): ArticleFields {
  return {
    slugline: "", kicker: "", section: "", headline: "", dek: "", authors: [],
    dateline: { place: "", date: "" }, body: "", keywords: [], related: [], editors_note: "",
    language: "en", embargo: null, corrections: [], lead_photo: null,
  };
}

/** The editable part of an article, as a save sends it. */
export function fieldsOf(a: ArticleFields): ArticleFields {
  const f = emptyFields();
  for (const key of Object.keys(f) as (keyof ArticleFields)[]) {
    (f as unknown as Record<string, unknown>)[key] = structuredClone(a[key]);
  }
  return f;
}

export const api = {
  libraryInfo: () => invoke<{ root: string | null }>("library_info"),
  listArticles: (filter: ArticleFilter) => invoke<ArticleSummary[]>("list_articles", { filter }),
  createArticle: (fields: ArticleFields) => invoke<Article>("create_article", { fields }),
  getArticle: (id: string) => invoke<Article>("get_article", { id }),
  saveArticle: (id: string, baseVersion: number, fields: ArticleFields, kind: "save" | "autosave") =>
    invoke<Article>("save_article", { id, baseVersion, fields, kind }),
  setStatus: (id: string, baseVersion: number, status: Status) =>
    invoke<Article>("set_status", { id, baseVersion, status }),
  revisions: (id: string) => invoke<Revision[]>("revisions", { id }),
  revision: (id: string, number: number) => invoke<Revision>("revision", { id, number }),
  restoreRevision: (id: string, number: number, baseVersion: number) =>
    invoke<Article>("restore_revision", { id, number, baseVersion }),
  search: (query: SearchQuery) => invoke<SearchHit[]>("search", { query }),
  preview: (fields: ArticleFields) => invoke<Preview>("preview", { fields }),
  diff: (id: string, from: number, to: number) => invoke<FieldDiff[]>("diff_revisions", { id, from, to }),
};

export interface SearchQuery { text: string; status: Status | null; section: string | null; limit: number }
export interface SearchHit extends ArticleSummary { snippet: string; snippet_html: string }

export interface TextStats { words: number; chars: number; reading_minutes: number }
export interface Warning { field: string; message: string }
export interface Preview { html: string; stats: TextStats; warnings: Warning[] }

export interface WordOp { op: "equal" | "insert" | "delete"; text: string }
export interface FieldDiff { field: string; ops: WordOp[] }

export interface DeskRecord {
  credit: string; caption: string; alt_text: string; creator: string; copyright: string;
  source: string; usage_terms: string; special_instructions: string;
}
export type Embedded = { [K in keyof DeskRecord]?: string | null };
export interface Rect { x: number; y: number; width: number; height: number }
export interface Crop extends Rect { name: string; aspect: string }
export interface Photo {
  id: string; version: number; format: string; width: number; height: number; source_name: string;
  embedded: Embedded; desk: DeskRecord; focal_point: [number, number] | null; crops: Crop[];
  imported_at: string;
}
export interface BatchReport { imported: Photo[]; duplicates: Photo[]; refused: { file: string; reason: string }[] }
export interface ImportProgress { done: number; total: number; file: string; refused: string | null }

/** The app serves library thumbnails (and nothing else) on its own `photo:` scheme. */
export function thumbnailUrl(id: string): string {
  return `photo://localhost/${id}`;
}

export const photoApi = {
  list: () => invoke<Photo[]>("list_photos"),
  get: (id: string) => invoke<Photo>("get_photo", { id }),
  import: (paths: string[]) => invoke<BatchReport>("import_photos", { paths }),
  // Changes name the photo version they are based on; a stale one rejects with kind "conflict".
  edit: (id: string, baseVersion: number, edit: Partial<DeskRecord>) =>
    invoke<Photo>("edit_photo", { id, baseVersion, edit }),
  setFocalPoint: (id: string, baseVersion: number, focal: [number, number] | null) =>
    invoke<Photo>("set_focal_point", { id, baseVersion, focal }),
  defaultCrop: (id: string, aspect: string) => invoke<Rect>("default_crop", { id, aspect }),
  saveCrop: (id: string, baseVersion: number, name: string, aspect: string, rect: Rect) =>
    invoke<Photo>("save_crop", { id, baseVersion, name, aspect, rect }),
};

export interface Problem { field: string; message: string; photo_id?: string }
export interface Preflight { problems: Problem[]; warnings: Problem[] }
export interface Exported { article_id: string; article_version: number; ninjs_version: number; path: string; files: number; bytes: number; warnings: Problem[] }
export interface ExportProgress { done: number; total: number; step: string }
export type Destination = { name: string } & ({ kind: "folder"; path: string } | { kind: "http_push"; resource_url: string; assets_url: string });
export type DeliveryState = "pending" | "sending" | "retrying" | "delivered" | "failed" | "cancelled";
export interface Delivery {
  id: number; article_id: string; article_version: number; destination: string; state: DeliveryState;
  attempts: number; next_attempt_at: string; last_error: string | null; updated_at: string;
}

export const publishApi = {
  preflight: (id: string) => invoke<Preflight>("preflight", { id }),
  export: (id: string, out: string) => invoke<Exported>("export_article", { id, out }),
  destinations: () => invoke<Destination[]>("destinations"),
  addDestination: (destination: Destination) => invoke<void>("add_destination", { destination }),
  outbox: () => invoke<Delivery[]>("outbox"),
  deliver: (id: string, destination: string) => invoke<Delivery>("deliver", { id, destination }),
  retry: (id: number) => invoke<Delivery>("retry_delivery", { id }),
};
