//! Text the library did not take (a failed save, a close with unsaved edits), kept in the
//! library folder by `newsdesk_core::recovery` and offered back on the next start. These
//! commands work from the library's folder alone, never through the database or its lock: they
//! are what runs when the database is the thing failing.

use newsdesk_core::recovery::{self, UnsavedText};
use newsdesk_core::{ArticleFields, Error};
use tauri::State;

use crate::desk::{Desk, Reply};

fn root(desk: &Desk) -> Reply<&std::path::Path> {
    desk.root().map(|p| p.as_path()).ok_or_else(|| {
        Error::Library {
            path: Default::default(),
            reason: "no library folder to keep the text in".into(),
        }
        .report()
    })
}

#[tauri::command]
pub async fn keep_unsaved(
    desk: State<'_, Desk>,
    article_id: String,
    base_version: i64,
    fields: ArticleFields,
    reason: String,
) -> Reply<()> {
    let text = UnsavedText::now(article_id, base_version, fields, reason);
    recovery::keep(root(&desk)?, &text).map_err(|e| e.report())
}

#[tauri::command]
pub async fn unsaved_texts(desk: State<'_, Desk>) -> Reply<Vec<UnsavedText>> {
    recovery::kept(root(&desk)?).map_err(|e| e.report())
}

#[tauri::command]
pub async fn discard_unsaved(desk: State<'_, Desk>, article_id: String) -> Reply<()> {
    recovery::discard(root(&desk)?, &article_id).map_err(|e| e.report())
}
