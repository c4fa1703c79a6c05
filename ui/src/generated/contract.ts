// Generated from the Rust types by src-tauri/src/contract.rs: do not edit.
// Regenerate with `./dev.sh generate`; `./dev.sh test` fails when this is stale.

export type Status = "draft" | "editing" | "ready" | "published" | "spiked";

export type Author = { name: string, 
/**
 * "Reporter", "Staff writer", "Photographer"...
 */
role: string, };

export type Dateline = { place: string, 
/**
 * ISO date (`2024-07-30`) as the editor wants it printed; empty when unset.
 */
date: string, };

export type RelatedStory = { title: string, url: string, };

export type Correction = { 
/**
 * ISO date of the correction.
 */
date: string, text: string, };

/**
 * A photo used by an article, with the crop chosen for this use.
 */
export type PhotoPlacement = { photo_id: string, crop: string, };

/**
 * Everything an editor types into an article. Saved as a whole: a save replaces all fields,
 * so what the editor sees is exactly what the library keeps.
 */
export type ArticleFields = { slugline: string, kicker: string, section: string, headline: string, dek: string, authors: Array<Author>, dateline: Dateline, 
/**
 * Markdown.
 */
body: string, keywords: Array<string>, related: Array<RelatedStory>, editors_note: string, 
/**
 * BCP 47 tag, `en` by default.
 */
language: string, embargo: string | null, corrections: Array<Correction>, 
/**
 * The lead photo and its crop; `None` when the story runs without one.
 */
lead_photo: PhotoPlacement | null, };

/**
 * An article as stored: its fields plus what the library tracks about it.
 */
export type Article = { 
/**
 * UUID; stable for the life of the article and used as the ninjs `uri`.
 */
id: string, 
/**
 * Starts at 1 and rises by one with every accepted save.
 */
version: number, status: Status, created_at: string, updated_at: string, slugline: string, kicker: string, section: string, headline: string, dek: string, authors: Array<Author>, dateline: Dateline, 
/**
 * Markdown.
 */
body: string, keywords: Array<string>, related: Array<RelatedStory>, editors_note: string, 
/**
 * BCP 47 tag, `en` by default.
 */
language: string, embargo: string | null, corrections: Array<Correction>, 
/**
 * The lead photo and its crop; `None` when the story runs without one.
 */
lead_photo: PhotoPlacement | null, };

/**
 * One line of the article list.
 */
export type ArticleSummary = { id: string, version: number, status: Status, section: string, headline: string, updated_at: string, 
/**
 * Who last changed the story; absent when nobody with a name on the desk has (a laptop
 * that never named its person lists exactly what it listed before).
 */
last_author?: string, 
/**
 * A kill or withhold from the wire item the story was started from, not yet cleared: the
 * list shows the story in red (preflight blocks it).
 */
wire_stop?: WireStatus, };

/**
 * A page of the article list and how many stories the filter holds in all: the window sizes
 * its scroll bar from the total and fetches only the pages that come into sight.
 */
export type ArticlePage = { total: number, rows: Array<ArticleSummary>, };

export type SortOrder = "updated" | "created" | "headline";

export type ArticleFilter = { status: Status | null, section: string | null, sort: SortOrder, 
/**
 * 0 means no limit.
 */
limit: number, 
/**
 * Rows to skip before the first one returned: the window lists a large library a page at
 * a time.
 */
offset: number, };

/**
 * Why a save happened; kept on the revision so the history reads like the newsroom worked.
 */
export type SaveKind = "save" | "autosave";

export type RevisionKind = "create" | "save" | "autosave" | "status" | "restore" | "conflict" | "import" | "merge";

export type Revision = { article_id: string, number: number, 
/**
 * The article version this revision became; `None` for a refused conflict save.
 */
version: number | null, base_version: number | null, kind: RevisionKind, status: Status, saved_at: string, fields: ArticleFields, 
/**
 * Who made the change: this laptop's person (`""` before it had an identity), or for a
 * merge the people whose changes came in from the desk.
 */
author: string, 
/**
 * For a merge: the Automerge change hashes it brought in (the document's heads, hex).
 */
change: string | null, };

export type Op = "equal" | "insert" | "delete";

export type WordOp = { op: Op, 
/**
 * The words, with the white space between them as it was.
 */
text: string, };

/**
 * One changed field: its name as in [`ArticleFields`] (`authors` is the printed byline) and
 * the operations that turn the old text into the new one.
 */
export type FieldDiff = { field: string, ops: Array<WordOp>, };

export type SearchQuery = { 
/**
 * What the editor typed. The last word also matches longer words that start with it
 * (typing-as-you-search), unless the text ends with a space.
 */
text: string, status: Status | null, section: string | null, 
/**
 * 0 means the default (50).
 */
limit: number, };

export type SearchHit = { 
/**
 * Plain text around the best match, each match in `[brackets]`.
 */
snippet: string, 
/**
 * The same, HTML-escaped, each match in `<mark>`.
 */
snippet_html: string, id: string, version: number, status: Status, section: string, headline: string, updated_at: string, 
/**
 * Who last changed the story; absent when nobody with a name on the desk has (a laptop
 * that never named its person lists exactly what it listed before).
 */
last_author?: string, 
/**
 * A kill or withhold from the wire item the story was started from, not yet cleared: the
 * list shows the story in red (preflight blocks it).
 */
wire_stop?: WireStatus, };

export type TextStats = { 
/**
 * Words of the text a reader sees (markup, URLs and photo references not counted).
 */
words: number, 
/**
 * Characters of that text including spaces; a run of white space counts as one.
 */
chars: number, 
/**
 * At 250 words a minute, rounded up; 0 for an empty body.
 */
reading_minutes: number, };

/**
 * An editorial problem worth a look before filing; never blocks a save.
 */
export type Warning = { field: string, message: string, };

export type Preview = { html: string, stats: TextStats, warnings: Array<Warning>, };

/**
 * An article's text as the editor last saw it, with what it was based on.
 */
export type UnsavedText = { article_id: string, 
/**
 * The version the text was an edit of. Restoring saves it over the current version, whichever
 * that is by then; the history keeps both.
 */
base_version: number, 
/**
 * The whole fields, not a diff: restoring needs nothing from the database.
 */
fields: ArticleFields, 
/**
 * Why the library did not take it, as the editor was told.
 */
reason: string, kept_at: string, };

/**
 * What a file says about itself. `None` where the file says nothing (or only blanks).
 */
export type PhotoMetadata = { creator: string | null, credit: string | null, copyright: string | null, caption: string | null, headline: string | null, date_created: string | null, city: string | null, country: string | null, source: string | null, special_instructions: string | null, job_id: string | null, alt_text: string | null, usage_terms: string | null, };

/**
 * The desk's record of a photo: what goes out with every rendition.
 */
export type DeskRecord = { 
/**
 * Required for publishing.
 */
credit: string, caption: string, alt_text: string, creator: string, copyright: string, source: string, usage_terms: string, special_instructions: string, };

/**
 * A partial edit of the desk record: `None` leaves a field as it is.
 */
export type DeskEdit = { credit: string | null, caption: string | null, alt_text: string | null, creator: string | null, copyright: string | null, source: string | null, usage_terms: string | null, special_instructions: string | null, };

/**
 * A rectangle in upright-original pixels.
 */
export type Rect = { x: number, y: number, width: number, height: number, };

/**
 * A named crop of a photo, in upright-original pixels.
 */
export type Crop = { name: string, 
/**
 * "16:9", "free"...: one of `library_info`'s aspect presets.
 */
aspect: string, x: number, y: number, width: number, height: number, };

/**
 * A photo in the library.
 */
export type Photo = { 
/**
 * The SHA-256 (hex) of the original file.
 */
id: string, 
/**
 * Counts the desk's changes (record, focal point, crops), from 1 at import. Every change
 * names the version it is based on, so two desks editing one photo cannot lose a change.
 */
version: number, sha256: string, 
/**
 * `jpeg`, `png`, `webp` or `tiff`.
 */
format: string, byte_size: number, 
/**
 * As displayed, after EXIF orientation.
 */
width: number, height: number, 
/**
 * EXIF orientation of the original (1 when it has none).
 */
orientation: number, 
/**
 * The file name it came in with.
 */
source_name: string, 
/**
 * What the file said at import; never edited.
 */
embedded: PhotoMetadata, 
/**
 * What the desk says; prefilled from `embedded` at import.
 */
desk: DeskRecord, 
/**
 * (x, y) in 0..1 of the upright photo: where default crops centre.
 */
focal_point: [number, number] | null, crops: Array<Crop>, imported_at: string, updated_at: string, 
/**
 * Where the original sits, relative to the library folder.
 */
original: string, 
/**
 * A photo from the team desk whose original has not arrived yet (thumbnails come first):
 * its record, crops and thumbnail are here; renditions, export and delivery wait for the
 * original, which the next desk sync brings.
 */
awaiting_original: boolean, };

/**
 * A file the desk refused, and why.
 */
export type Refused = { file: string, reason: string, };

export type BatchReport = { imported: Array<Photo>, duplicates: Array<Photo>, refused: Array<Refused>, };

/**
 * One thing wrong with the article, for the editor.
 */
export type Problem = { 
/**
 * The article field to fix (`headline`, `authors`, `body`, `lead_photo`, `embargo`...),
 * so the UI can take the editor there.
 */
field: string, message: string, 
/**
 * The photo concerned, when it is about a photo.
 */
photo_id: string | null, };

export type Preflight = { 
/**
 * Block the export.
 */
problems: Array<Problem>, 
/**
 * Shown, not blocking.
 */
warnings: Array<Problem>, };

/**
 * What an export wrote.
 */
export type Exported = { article_id: string, article_version: number, ninjs_version: number, path: string, files: number, bytes: number, 
/**
 * Preflight warnings: shown, not blocking.
 */
warnings: Array<Problem>, };

export type HttpPush = { 
/**
 * Where the ninjs item is POSTed.
 */
resource_url: string, 
/**
 * Where media are looked up (`GET {assets_url}/{media_id}`) and uploaded (`POST`).
 */
assets_url: string, 
/**
 * Shared secret for the `x-superdesk-signature` HMAC; `None` sends no signature. Taken
 * in as `secret`, shown only as `secret_set` (true or false), never as its value.
 */
secret_set: boolean, 
/**
 * An extra CA certificate file (PEM) to trust besides the system's, for a receiver
 * whose certificate a newsroom-internal CA signed.
 */
ca_file: string | null, connect_timeout_secs: number, read_timeout_secs: number, 
/**
 * The shape of the item: Superdesk's ninjs unless the receiver reads IPTC ninjs 3.1.
 */
profile: PushProfile, };

/**
 * What an HTTP push receiver reads.
 */
export type PushProfile = "superdesk" | "iptc-3.1";

/**
 * What a CMS does with a delivered story.
 */
export type PostStatus = "draft" | "publish";

/**
 * A WordPress site (5.6 or later: Application Passwords), reached through its REST API at
 * `{site_url}/wp-json/wp/v2/`. Photos become media, the story a post; see `wordpress.rs`.
 */
export type WordPress = { 
/**
 * The site's address, e.g. `https://news.example.org` (what WordPress calls the Site URL).
 */
site_url: string, 
/**
 * The WordPress user the posts are made by.
 */
user: string, 
/**
 * An Application Password of that user (Users → Profile → Application Passwords), not
 * the user's own password. Taken in as `application_password`, shown only as
 * `application_password_set`, never as its value.
 */
application_password_set: boolean, 
/**
 * Whether a delivered story is published at once or left as a draft for the site's
 * editors.
 */
publish: PostStatus, 
/**
 * An extra CA certificate file (PEM) to trust besides the system's.
 */
ca_file: string | null, connect_timeout_secs: number, read_timeout_secs: number, };

export type Ghost = { 
/**
 * The site's address; the Admin API is at `{site_url}/ghost/api/admin/`.
 */
site_url: string, 
/**
 * The Admin API key of a custom integration (`id:secret`, Ghost: Settings →
 * Integrations). Taken in as `admin_key`, shown only as `admin_key_set`.
 */
admin_key_set: boolean, publish: PostStatus, 
/**
 * An extra CA certificate file (PEM) to trust besides the system's.
 */
ca_file: string | null, connect_timeout_secs: number, read_timeout_secs: number, };

export type Target = { "kind": "folder", path: string, } | { "kind": "http_push" } & HttpPush | { "kind": "ghost" } & Ghost | { "kind": "wordpress" } & WordPress;

/**
 * A named place packages are delivered to, kept in the library.
 */
export type Destination = { name: string, } & ({ "kind": "folder", path: string, } | { "kind": "http_push" } & HttpPush | { "kind": "ghost" } & Ghost | { "kind": "wordpress" } & WordPress);

export type DeliveryState = "pending" | "sending" | "retrying" | "delivered" | "failed" | "cancelled";

/**
 * One package on its way to one destination.
 */
export type Delivery = { id: number, article_id: string, article_version: number, ninjs_version: number, destination: string, package_path: string, state: DeliveryState, attempts: number, next_attempt_at: string, lease_until: string | null, 
/**
 * What went wrong last, in the receiver's words where it gave any.
 */
last_error: string | null, 
/**
 * The receiver already had an earlier version of this story (from this destination):
 * this one updates it.
 */
update: boolean, 
/**
 * Once delivered: the receiver's id for the story and where to open it.
 */
remote: Remote | null, created_at: string, updated_at: string, };

/**
 * Where a delivered story lives at the receiver, as the receiver said: its post id, and the
 * address to open it at when the receiver gives one.
 */
export type Remote = { id: string, url: string | null, };

/**
 * What kind of problem it is, for the underline's colour and for scripts.
 */
export type ProblemKind = "spelling" | "grammar" | "style" | "house";

/**
 * The fields the desk checks.
 */
export type CheckedField = "headline" | "dek" | "body";

/**
 * One problem in a field's text.
 */
export type TextProblem = { 
/**
 * Where it is, in UTF-16 code units from the start of the field: what the window's
 * editor (and any JavaScript string) counts in.
 */
from: number, to: number, 
/**
 * 1-based line and column (in characters), for people and the CLI.
 */
line: number, column: number, kind: ProblemKind, 
/**
 * The rule that found it (harper's lint kind, `house:<rule>`, `hunspell`), kinds joined
 * by `+` when several rules reported the same span.
 */
rule: string, message: string, 
/**
 * The flagged text as it stands.
 */
text: string, 
/**
 * Replacements for `text`, best first; `""` means delete it.
 */
suggestions: Array<string>, };

/**
 * The check of one field.
 */
export type FieldReport = { field: CheckedField, problems: Array<TextProblem>, 
/**
 * The language checked (the article's, `en` when it has none).
 */
language: string, 
/**
 * Whether grammar was checked; false for languages with spelling only.
 */
grammar: boolean, 
/**
 * Said to the editor when the check is partial: "French: spelling only, no grammar checker".
 */
note: string | null, };

/**
 * Who works on this laptop.
 */
export type Identity = { name: string, 
/**
 * A UUID made when the name was first set; kept when the name changes.
 */
device_id: string, };

/**
 * What went wrong with the last sync, in the desk's words.
 */
export type Trouble = "offline" | "refused" | "failed";

/**
 * Where the desk stands, as the window shows it.
 */
export type DeskStatus = { 
/**
 * Who works on this laptop; `None` until a name is set.
 */
me: Identity | null, 
/**
 * The desk's address; `None` while the library works alone.
 */
url: string | null, 
/**
 * A sync is running now.
 */
syncing: boolean, 
/**
 * When the last sync finished with everything agreed.
 */
synced_at: string | null, 
/**
 * When syncs started failing to reach the relay (kept through every failure since).
 */
offline_since: string | null, trouble: Trouble | null, 
/**
 * What the last failure said.
 */
message: string | null, 
/**
 * Stories saved here whose changes have not reached the desk.
 */
waiting: number, 
/**
 * Field conflicts waiting for an editor.
 */
conflicts: number, 
/**
 * Photo conflicts waiting for the photo desk.
 */
photo_conflicts: number, 
/**
 * Stories and photos the last sync changed here (others' changes merged, or new ones):
 * the window reloads what it shows.
 */
changed: number, };

/**
 * Someone else with the same story open.
 */
export type Present = { name: string, device: string, };

/**
 * One of the values a field was given concurrently, and who gave it.
 */
export type ConflictCandidate = { 
/**
 * The field's value as it appears in the article's JSON (`"text"`, `null`, an object); for
 * a photo, a record field's text, the focal point's `[x, y]` or `null`, a crop or `null`
 * for a deleted one.
 */
value: unknown, by: string, 
/**
 * The device it was given on (`Identity::device_id`): one person may work on two
 * laptops. Empty in conflicts recorded before devices were named.
 */
device: string, };

/**
 * A field two people set to different values at once: shown with both, never silently picked,
 * and blocking export until the editor resolves it.
 */
export type FieldConflict = { article_id: string, 
/**
 * `headline`, `dek`, `status`, `embargo`, `lead_photo`...
 */
field: string, candidates: Array<ConflictCandidate>, opened_at: string, };

/**
 * Something two people set to different values at once on one photo: shown with both values,
 * never silently picked.
 */
export type PhotoConflict = { photo_id: string, 
/**
 * A desk field (`credit`, `caption`...), `focal_point` or `crop:<name>`.
 */
field: string, candidates: Array<ConflictCandidate>, opened_at: string, };

export type WireKind = "text" | "picture" | "package";

/**
 * The agency's word on using the item. A kill or a withhold marks the item and every story
 * started from it until an editor clears that story.
 */
export type WireStatus = "usable" | "withheld" | "canceled";

/**
 * A photo the item carries or points to.
 */
export type WirePhoto = { 
/**
 * The agency's name for the photo (its uri or guid), or the file name.
 */
uri: string, 
/**
 * Where the agency put the picture (its largest rendition): remote or beside the item.
 */
href: string, caption: string, 
/**
 * The photographer.
 */
by: string, 
/**
 * The credit line the agency asks for.
 */
credit: string, 
/**
 * The library photo, when the picture came with the item (a file beside it or the item
 * itself) and was imported; `None` when only a remote address is known.
 */
photo_id: string | null, };

export type WireLink = { title: string, url: string, };

/**
 * What the agency said, as read from its file.
 */
export type WireCopy = { 
/**
 * `ninjs 1.x`, `ninjs 2.x`, `ninjs 3.x`, `NewsML-G2` or `photo`.
 */
format: string, 
/**
 * The agency's name for the item (ninjs `uri`, NewsML-G2 `guid`): its versions share it.
 */
guid: string, 
/**
 * The agency's version; 1 when the file gives none.
 */
version: number, kind: WireKind, status: WireStatus, 
/**
 * 1 (flash) to 9 (lowest); `None` when the agency gives none.
 */
urgency: number | null, 
/**
 * Who sent it: the provider, copyright holder or credit line, whichever the file names.
 */
agency: string, sent_at: string | null, embargo: string | null, headline: string, dek: string, 
/**
 * The writers' names as the agency gives them, without "By".
 */
byline: string, 
/**
 * Where the story was filed from.
 */
dateline: string, language: string, slugline: string, subjects: Array<string>, 
/**
 * The body in Markdown (converted from the agency's HTML, NITF or XHTML: headings, lists,
 * quotes and links kept; scripts and styles never).
 */
body: string, ed_note: string, photos: Array<WirePhoto>, 
/**
 * Links to related material the agency gave (web addresses only).
 */
links: Array<WireLink>, };

/**
 * One item in the wire queue, at its latest version.
 */
export type WireItem = { 
/**
 * The library's id for the item (a UUID), the same across the agency's versions.
 */
id: string, 
/**
 * The watched folder's name for the feed ("AP", "dpa"), or `import` for a file imported
 * by hand.
 */
source: string, received_at: string, 
/**
 * The agency's versions this library received before this one, newest last.
 */
earlier_versions: Array<number>, 
/**
 * `ninjs 1.x`, `ninjs 2.x`, `ninjs 3.x`, `NewsML-G2` or `photo`.
 */
format: string, 
/**
 * The agency's name for the item (ninjs `uri`, NewsML-G2 `guid`): its versions share it.
 */
guid: string, 
/**
 * The agency's version; 1 when the file gives none.
 */
version: number, kind: WireKind, status: WireStatus, 
/**
 * 1 (flash) to 9 (lowest); `None` when the agency gives none.
 */
urgency: number | null, 
/**
 * Who sent it: the provider, copyright holder or credit line, whichever the file names.
 */
agency: string, sent_at: string | null, embargo: string | null, headline: string, dek: string, 
/**
 * The writers' names as the agency gives them, without "By".
 */
byline: string, 
/**
 * Where the story was filed from.
 */
dateline: string, language: string, slugline: string, subjects: Array<string>, 
/**
 * The body in Markdown (converted from the agency's HTML, NITF or XHTML: headings, lists,
 * quotes and links kept; scripts and styles never).
 */
body: string, ed_note: string, photos: Array<WirePhoto>, 
/**
 * Links to related material the agency gave (web addresses only).
 */
links: Array<WireLink>, };

/**
 * One earlier version of an item, kept for a diff.
 */
export type WireVersion = { received_at: string, 
/**
 * `ninjs 1.x`, `ninjs 2.x`, `ninjs 3.x`, `NewsML-G2` or `photo`.
 */
format: string, 
/**
 * The agency's name for the item (ninjs `uri`, NewsML-G2 `guid`): its versions share it.
 */
guid: string, 
/**
 * The agency's version; 1 when the file gives none.
 */
version: number, kind: WireKind, status: WireStatus, 
/**
 * 1 (flash) to 9 (lowest); `None` when the agency gives none.
 */
urgency: number | null, 
/**
 * Who sent it: the provider, copyright holder or credit line, whichever the file names.
 */
agency: string, sent_at: string | null, embargo: string | null, headline: string, dek: string, 
/**
 * The writers' names as the agency gives them, without "By".
 */
byline: string, 
/**
 * Where the story was filed from.
 */
dateline: string, language: string, slugline: string, subjects: Array<string>, 
/**
 * The body in Markdown (converted from the agency's HTML, NITF or XHTML: headings, lists,
 * quotes and links kept; scripts and styles never).
 */
body: string, ed_note: string, photos: Array<WirePhoto>, 
/**
 * Links to related material the agency gave (web addresses only).
 */
links: Array<WireLink>, };

/**
 * One line of the wire queue.
 */
export type WireSummary = { id: string, source: string, agency: string, kind: WireKind, status: WireStatus, urgency: number | null, version: number, headline: string, subjects: Array<string>, received_at: string, 
/**
 * Around the match, each match in `[brackets]`, for a search; otherwise the dek.
 */
snippet: string, 
/**
 * Stories started from the item.
 */
stories: Array<string>, };

/**
 * What the queue shows: every filter optional, newest first (best match first for a search).
 */
export type WireFilter = { source: string | null, 
/**
 * Items at least this urgent (1 is the most urgent).
 */
urgency: number | null, subject: string | null, 
/**
 * Words to find (like the article search: never FTS syntax).
 */
text: string, 
/**
 * 0 means 50.
 */
limit: number, offset: number, };

export type WireStop = { status: WireStatus, 
/**
 * The agency's note, when it gave one.
 */
note: string, at: string, };

/**
 * The wire item a story was started from, kept with the story and written into its exports.
 */
export type WireOrigin = { article_id: string, item_id: string, guid: string, 
/**
 * The agency's version the story was started from.
 */
version: number, agency: string, source: string, 
/**
 * Set when a kill or withhold notice came for the item: the story may not go out until an
 * editor clears it.
 */
stop: WireStop | null, };

/**
 * An item as the preview shows it: the latest version and the earlier ones.
 */
export type WireShown = { item: WireItem, earlier: Array<WireVersion>, };

/**
 * A folder the window watches, and its feed's name.
 */
export type WireFolderSetting = { dir: string, source: string, };

/**
 * Characters past which a field is flagged (the limits CMSes enforce downstream).
 */
export type FieldLimits = { slugline: number, headline: number, dek: number, };

/**
 * How the body places a library photo: `![alt](photo:<photo-id>/<crop>)`.
 */
export type PhotoReference = { 
/**
 * `photo:`
 */
scheme: string, 
/**
 * The whole syntax, to show an editor.
 */
syntax: string, 
/**
 * Prefix of a thumbnail's URL in the window; the photo id follows.
 */
thumbnail_url_prefix: string, };

/**
 * What the window must know of the core and must not keep a copy of: the limits the counters
 * show, the statuses and aspect presets it offers, how a photo is placed in the body.
 */
export type LibraryInfo = { 
/**
 * The library folder; `None` when no folder could be chosen at all.
 */
root: string | null, field_limits: FieldLimits, 
/**
 * In workflow order.
 */
statuses: Array<Status>, 
/**
 * The aspect ratios a crop can take ("16:9", ..., "free").
 */
aspect_presets: Array<string>, photo_reference: PhotoReference, };

/**
 * What a demo run did.
 */
export type DemoReport = { 
/**
 * Ids of the articles written by this run.
 */
created: Array<string>, 
/**
 * Demo articles that were already in the library and left as they are.
 */
already_there: number, 
/**
 * Ids of the photos this run put on the photo desk.
 */
photos_created: Array<string>, 
/**
 * Demo photos that were already in the library and left as they are.
 */
photos_already_there: number, };

/**
 * What went wrong, as a name a script or the window can switch on.
 */
export type ErrorKind = "library" | "not_found" | "conflict" | "invalid" | "preflight" | "original_pending" | "delivery" | "disk_full" | "io" | "database" | "upgrading";

/**
 * An error as it crosses IPC and `--json`: `{"kind": "conflict", "message": "...", ...}`.
 * Tagged by kind, so the window's `switch (e.kind)` narrows to the details of that kind.
 */
export type ErrorReport = { "kind": "library", message: string, 
/**
 * The library folder concerned.
 */
path: string, } | { "kind": "not_found", message: string, 
/**
 * "article", "photo", "revision"...
 */
what: string, id: string, } | { "kind": "conflict", message: string, 
/**
 * "article" or "photo".
 */
what: string, id: string, base_version: number, current_version: number, kept_revision: number | null, } | { "kind": "invalid", message: string, } | { "kind": "preflight", message: string, article_id: string, problems: Array<Problem>, } | { "kind": "original_pending", message: string, photo_id: string, } | { "kind": "delivery", message: string, destination: string, } | { "kind": "disk_full", message: string, } | { "kind": "io", message: string, } | { "kind": "database", message: string, } | { "kind": "upgrading", message: string, };

/**
 * Sent once per file while a batch of photos imports.
 */
export type ImportProgress = { done: number, total: number, file: string, 
/**
 * Why the file was refused; `None` when it came in (or was already in the library).
 */
refused: string | null, };

/**
 * Sent once per step of an export.
 */
export type ExportProgress = { done: number, total: number, step: string, };

/**
 * The outbox sent something: the window reloads the outbox.
 */
export type OutboxChanged = null;

/**
 * Who else has the story open in their window (`story`), each time that changes.
 */
export type Here = { story: string | null, people: Array<Present>, };

/**
 * A poll of the wire folders read or quarantined files: the window lists the queue again.
 */
export type WireChanged = { 
/**
 * Files that became (or updated) items.
 */
read: number, 
/**
 * Of those, new versions of items already here: one may be a kill or withhold that
 * stops stories, so the window lists its stories again.
 */
updated: number, 
/**
 * Files moved to a quarantine folder.
 */
quarantined: number, 
/**
 * Files or folders the library could not take now, with why.
 */
failed: Array<string>, };

/** What `library_info` gives besides the folder: the core's limits, statuses, presets, photo syntax. */
export const CORE = {
  "aspect_presets": [
    "16:9",
    "3:2",
    "4:3",
    "5:4",
    "1:1",
    "4:5",
    "2:3",
    "free"
  ],
  "field_limits": {
    "dek": 160,
    "headline": 64,
    "slugline": 24
  },
  "photo_reference": {
    "scheme": "photo:",
    "syntax": "![alt](photo:<photo-id>/<crop>)",
    "thumbnail_url_prefix": "photo://localhost/"
  },
  "statuses": [
    "draft",
    "editing",
    "ready",
    "published",
    "spiked"
  ]
} as const satisfies Omit<LibraryInfo, "root">;

/** A new article's fields: every field the core has, empty. */
export const EMPTY_FIELDS: ArticleFields = {
  "slugline": "",
  "kicker": "",
  "section": "",
  "headline": "",
  "dek": "",
  "authors": [],
  "dateline": {
    "place": "",
    "date": ""
  },
  "body": "",
  "keywords": [],
  "related": [],
  "editors_note": "",
  "language": "",
  "embargo": null,
  "corrections": [],
  "lead_photo": null
};

/** Event name to payload: what `listen` receives. */
export type DeskEvents = {
  "import-progress": ImportProgress,
  "export-progress": ExportProgress,
  "outbox-changed": OutboxChanged,
  "outbox-error": ErrorReport,
  "desk-status": DeskStatus,
  "desk-here": Here,
  "wire-changed": WireChanged,
};

/** The commands the window may invoke (the capability grants exactly these). */
export const COMMANDS = [
  "library_info",
  "load_demo",
  "list_articles",
  "article_page",
  "create_article",
  "get_article",
  "save_article",
  "set_status",
  "revisions",
  "revision",
  "restore_revision",
  "search",
  "preview",
  "diff_revisions",
  "list_photos",
  "get_photo",
  "import_photos",
  "edit_photo",
  "set_focal_point",
  "default_crop",
  "save_crop",
  "delete_crop",
  "photos_in_conflict",
  "photo_conflicts",
  "resolve_photo_conflict",
  "preflight",
  "export_article",
  "destinations",
  "add_destination",
  "remove_destination",
  "check_destination",
  "outbox",
  "deliver",
  "retry_delivery",
  "cancel_delivery",
  "open_post",
  "keep_unsaved",
  "unsaved_texts",
  "discard_unsaved",
  "desk_status",
  "set_identity",
  "join_desk",
  "sync_desk",
  "open_story",
  "field_conflicts",
  "resolve_conflict",
  "wire_list",
  "wire_sources",
  "wire_item",
  "wire_start_story",
  "wire_origin",
  "wire_clear_stop",
  "wire_folders",
  "watch_wire_folder",
  "check_field",
  "check_article",
  "add_desk_word",
] as const;
export type Command = (typeof COMMANDS)[number];
