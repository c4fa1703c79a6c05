//! The writing desk: a field's problems as the editor types, the desk dictionary. A check runs
//! on a worker thread with the library's shared checker, away from the library's lock, so
//! saves and the list never wait behind it.

use newsdesk_core::check::{CheckedField, CopyDesk, FieldReport};
use newsdesk_core::{ArticleFields, Error, ErrorReport};
use tauri::State;

use crate::desk::{Desk, Reply};

/// Checks `text`, the current (perhaps unsaved) text of `field` of article `id`; its language
/// and its own names (bylines, dateline, keywords) come from the saved article. Only the
/// paragraphs that changed since the last check are checked again.
#[tauri::command]
pub async fn check_field(
    desk: State<'_, Desk>,
    id: String,
    field: CheckedField,
    text: String,
) -> Reply<FieldReport> {
    let (copy_desk, story) = checker_and_story(&desk, &id)?;
    tauri::async_runtime::spawn_blocking(move || copy_desk.check(field, &text, &story))
        .await
        .map_err(stopped)
}

/// Checks the saved headline, dek and body of article `id`.
#[tauri::command]
pub async fn check_article(desk: State<'_, Desk>, id: String) -> Reply<Vec<FieldReport>> {
    let (copy_desk, story) = checker_and_story(&desk, &id)?;
    let reports = tauri::async_runtime::spawn_blocking(move || copy_desk.check_story(&story))
        .await
        .map_err(stopped);
    crate::heap::give_back_soon();
    reports
}

/// Adds a word to the desk dictionary the whole library shares; returns it as stored.
#[tauri::command]
pub async fn add_desk_word(desk: State<'_, Desk>, word: String) -> Reply<String> {
    desk.with(|library| library.add_desk_word(&word))
}

/// The library's shared checker and article `id`'s saved fields, taken under the library's
/// lock, which the check itself then runs without.
fn checker_and_story(desk: &Desk, id: &str) -> Reply<(CopyDesk, ArticleFields)> {
    desk.with(|library| {
        Ok((
            library.copy_desk().clone(),
            library.store().article(id)?.fields,
        ))
    })
}

fn stopped(e: impl std::fmt::Display) -> ErrorReport {
    Error::invalid(format!("the check stopped unexpectedly: {e}")).report()
}
