//! Article commands: each one is a call into `newsdesk_core`. They are `async` so Tauri runs
//! them on its worker threads, never on the thread that drives the window.

use newsdesk_core::demo::DemoReport;
use newsdesk_core::history::{self, FieldDiff};
use newsdesk_core::photo::{Aspect, LibraryFigures};
use newsdesk_core::render::{self, TextStats, Warning};
use newsdesk_core::search::{SearchHit, SearchQuery};
use newsdesk_core::store::{
    ArticleFilter, ArticlePage, ArticleSummary, Revision, RevisionKind, SaveKind,
};
use newsdesk_core::whole::Whole;
use newsdesk_core::{Article, ArticleFields, Status};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::commands_desk::DeskSync;
use crate::desk::{Desk, Reply};

/// Where the app serves a library photo's thumbnail: this, then the photo id.
pub const THUMBNAIL_URL_PREFIX: &str = "photo://localhost/";

/// What the window must know of the core and must not keep a copy of: the limits the counters
/// show, the statuses and aspect presets it offers, how a photo is placed in the body.
#[derive(Debug, Serialize, TS)]
pub struct LibraryInfo {
    /// The library folder; `None` when no folder could be chosen at all.
    pub root: Option<String>,
    pub field_limits: FieldLimits,
    /// In workflow order.
    pub statuses: Vec<Status>,
    /// The aspect ratios a crop can take ("16:9", ..., "free").
    pub aspect_presets: Vec<String>,
    pub photo_reference: PhotoReference,
}

/// Characters past which a field is flagged (the limits CMSes enforce downstream).
#[derive(Debug, Serialize, TS)]
pub struct FieldLimits {
    pub slugline: usize,
    pub headline: usize,
    pub dek: usize,
}

/// How the body places a library photo: `![alt](photo:<photo-id>/<crop>)`.
#[derive(Debug, Serialize, TS)]
pub struct PhotoReference {
    /// `photo:`
    pub scheme: String,
    /// The whole syntax, to show an editor.
    pub syntax: String,
    /// Prefix of a thumbnail's URL in the window; the photo id follows.
    pub thumbnail_url_prefix: String,
}

impl LibraryInfo {
    pub fn new(root: Option<String>) -> LibraryInfo {
        LibraryInfo {
            root,
            field_limits: FieldLimits {
                slugline: render::SLUGLINE_LIMIT,
                headline: render::HEADLINE_LIMIT,
                dek: render::DEK_LIMIT,
            },
            statuses: Status::ALL.to_vec(),
            aspect_presets: Aspect::PRESETS.iter().map(ToString::to_string).collect(),
            photo_reference: PhotoReference {
                scheme: render::PHOTO_SCHEME.to_owned(),
                syntax: format!("![alt]({}<photo-id>/<crop>)", render::PHOTO_SCHEME),
                thumbnail_url_prefix: THUMBNAIL_URL_PREFIX.to_owned(),
            },
        }
    }
}

#[tauri::command]
pub async fn library_info(desk: State<'_, Desk>) -> Reply<LibraryInfo> {
    let root = desk.root().map(|p| p.display().to_string());
    desk.with(|_| Ok(LibraryInfo::new(root)))
}

/// The demo newsroom (stories in every status, photos with credits and crops), which the
/// empty window offers on a first run; `newsdesk demo` does the same.
#[tauri::command]
pub async fn load_demo(desk: State<'_, Desk>, sync: State<'_, DeskSync>) -> Reply<DemoReport> {
    desk.with(newsdesk_core::demo::fill_library)
        .inspect(|_| sync.saved())
}

#[tauri::command]
pub async fn list_articles(
    desk: State<'_, Desk>,
    filter: ArticleFilter,
) -> Reply<Vec<ArticleSummary>> {
    desk.with(|library| library.store().list_articles(&filter))
}

/// A page of the list with the total the window sizes its scroll bar from.
#[tauri::command]
pub async fn article_page(desk: State<'_, Desk>, filter: ArticleFilter) -> Reply<ArticlePage> {
    desk.with(|library| library.store().article_page(&filter))
}

#[tauri::command]
pub async fn create_article(
    desk: State<'_, Desk>,
    sync: State<'_, DeskSync>,
    fields: Whole<ArticleFields>,
) -> Reply<Article> {
    desk.with(|library| {
        let fields = fields.into_inner()?;
        library
            .store_mut()
            .create_article(None, &fields, Status::Draft, RevisionKind::Create)
    })
    .inspect(|_| sync.saved())
}

#[tauri::command]
pub async fn get_article(desk: State<'_, Desk>, id: String) -> Reply<Article> {
    desk.with(|library| library.store().article(&id))
}

#[tauri::command]
pub async fn save_article(
    desk: State<'_, Desk>,
    sync: State<'_, DeskSync>,
    id: String,
    base_version: i64,
    fields: Whole<ArticleFields>,
    kind: SaveKind,
) -> Reply<Article> {
    // Every field, or none: a field the window left out would otherwise be blanked.
    desk.with(|library| {
        library
            .store_mut()
            .save_article(&id, base_version, &fields.into_inner()?, kind)
    })
    // The desk hears of it once saves settle (never before the save is in the library).
    .inspect(|_| sync.saved())
}

#[tauri::command]
pub async fn set_status(
    desk: State<'_, Desk>,
    sync: State<'_, DeskSync>,
    id: String,
    base_version: i64,
    status: Status,
) -> Reply<Article> {
    desk.with(|library| library.store_mut().set_status(&id, base_version, status))
        .inspect(|_| sync.saved())
}

#[tauri::command]
pub async fn revisions(desk: State<'_, Desk>, id: String) -> Reply<Vec<Revision>> {
    desk.with(|library| library.store().revisions(&id))
}

#[tauri::command]
pub async fn revision(desk: State<'_, Desk>, id: String, number: i64) -> Reply<Revision> {
    desk.with(|library| library.store().revision(&id, number))
}

#[tauri::command]
pub async fn restore_revision(
    desk: State<'_, Desk>,
    sync: State<'_, DeskSync>,
    id: String,
    number: i64,
    base_version: i64,
) -> Reply<Article> {
    desk.with(|library| {
        library
            .store_mut()
            .restore_revision(&id, number, base_version)
    })
    .inspect(|_| sync.saved())
}

#[tauri::command]
pub async fn search(desk: State<'_, Desk>, query: SearchQuery) -> Reply<Vec<SearchHit>> {
    desk.with(|library| newsdesk_core::search::search(library.store(), &query))
}

#[derive(Debug, Serialize, TS)]
pub struct Preview {
    html: String,
    stats: TextStats,
    warnings: Vec<Warning>,
}

/// The body as readers will see it, with the counts and warnings of the whole article.
#[tauri::command]
pub async fn preview(desk: State<'_, Desk>, fields: ArticleFields) -> Reply<Preview> {
    desk.with(|library| {
        // The preview shows the crop the story runs (or the library thumbnail of a photo
        // placed whole), served on the app's `photo:` scheme.
        let figures = LibraryFigures::new(library.store(), |photo, crop| match crop {
            Some(crop) => format!("{THUMBNAIL_URL_PREFIX}{}/{}", photo.id, crop.name),
            None => format!("{THUMBNAIL_URL_PREFIX}{}", photo.id),
        });
        let rendered = render::render(&fields.body, &figures)?;
        let warnings = render::warnings(&fields, &rendered.stats);
        Ok(Preview {
            html: rendered.html,
            stats: rendered.stats,
            warnings,
        })
    })
}

#[tauri::command]
pub async fn diff_revisions(
    desk: State<'_, Desk>,
    id: String,
    from: i64,
    to: i64,
) -> Reply<Vec<FieldDiff>> {
    desk.with(|library| {
        let store = library.store();
        Ok(history::diff_revisions(
            &store.revision(&id, from)?,
            &store.revision(&id, to)?,
        ))
    })
}
