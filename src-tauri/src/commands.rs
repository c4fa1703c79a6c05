//! Article commands: each one is a call into `newsdesk_core`. They are `async` so Tauri runs
//! them on its worker threads, never on the thread that drives the window.

use newsdesk_core::history::{self, FieldDiff};
use newsdesk_core::photo::LibraryFigures;
use newsdesk_core::render::{self, TextStats, Warning};
use newsdesk_core::search::{SearchHit, SearchQuery};
use newsdesk_core::store::{ArticleFilter, ArticleSummary, Revision, RevisionKind, SaveKind};
use newsdesk_core::{Article, ArticleFields, Status};
use serde::Serialize;
use tauri::State;

use crate::desk::{Desk, Reply};

#[derive(Serialize)]
pub struct LibraryInfo {
    root: Option<String>,
}

#[tauri::command]
pub async fn library_info(desk: State<'_, Desk>) -> Reply<LibraryInfo> {
    let root = desk.root().map(|p| p.display().to_string());
    desk.with(|_| Ok(LibraryInfo { root }))
}

#[tauri::command]
pub async fn list_articles(
    desk: State<'_, Desk>,
    filter: ArticleFilter,
) -> Reply<Vec<ArticleSummary>> {
    desk.with(|library| library.store().list_articles(&filter))
}

#[tauri::command]
pub async fn create_article(desk: State<'_, Desk>, fields: ArticleFields) -> Reply<Article> {
    desk.with(|library| {
        library
            .store_mut()
            .create_article(None, &fields, Status::Draft, RevisionKind::Create)
    })
}

#[tauri::command]
pub async fn get_article(desk: State<'_, Desk>, id: String) -> Reply<Article> {
    desk.with(|library| library.store().article(&id))
}

#[tauri::command]
pub async fn save_article(
    desk: State<'_, Desk>,
    id: String,
    base_version: i64,
    fields: ArticleFields,
    kind: SaveKind,
) -> Reply<Article> {
    desk.with(|library| {
        library
            .store_mut()
            .save_article(&id, base_version, &fields, kind)
    })
}

#[tauri::command]
pub async fn set_status(
    desk: State<'_, Desk>,
    id: String,
    base_version: i64,
    status: Status,
) -> Reply<Article> {
    desk.with(|library| library.store_mut().set_status(&id, base_version, status))
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
    id: String,
    number: i64,
    base_version: i64,
) -> Reply<Article> {
    desk.with(|library| {
        library
            .store_mut()
            .restore_revision(&id, number, base_version)
    })
}

#[tauri::command]
pub async fn search(desk: State<'_, Desk>, query: SearchQuery) -> Reply<Vec<SearchHit>> {
    desk.with(|library| newsdesk_core::search::search(library.store(), &query))
}

#[derive(Serialize)]
pub struct Preview {
    html: String,
    stats: TextStats,
    warnings: Vec<Warning>,
}

/// The body as readers will see it, with the counts and warnings of the whole article.
#[tauri::command]
pub async fn preview(desk: State<'_, Desk>, fields: ArticleFields) -> Reply<Preview> {
    desk.with(|library| {
        // The preview shows the library thumbnail, served on the app's `photo:` scheme.
        let figures = LibraryFigures::new(library.store(), |photo, _| {
            format!("photo://localhost/{}", photo.id)
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
