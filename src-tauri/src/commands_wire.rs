//! The wire desk's commands: the queue, an item, a story started from it, the notice that
//! stops a story, and the watched folder (polled while the window is open, see `wire_watch`).

use std::path::PathBuf;

use newsdesk_core::Article;
use newsdesk_core::wire_item::{WireFilter, WireItem, WireOrigin, WireSummary, WireVersion};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::desk::{Desk, Reply};

/// An item as the preview shows it: the latest version and the earlier ones.
#[derive(Debug, Clone, Serialize, TS)]
pub struct WireShown {
    pub item: WireItem,
    pub earlier: Vec<WireVersion>,
}

/// A folder the window watches, and its feed's name.
#[derive(Debug, Clone, Serialize, TS)]
pub struct WireFolderSetting {
    pub dir: String,
    pub source: String,
}

#[tauri::command]
pub async fn wire_list(desk: State<'_, Desk>, filter: WireFilter) -> Reply<Vec<WireSummary>> {
    desk.with(|library| library.wire_list(&filter))
}

#[tauri::command]
pub async fn wire_sources(desk: State<'_, Desk>) -> Reply<Vec<String>> {
    desk.with(|library| library.wire_sources())
}

#[tauri::command]
pub async fn wire_item(desk: State<'_, Desk>, id: String) -> Reply<WireShown> {
    desk.with(|library| {
        let (item, earlier) = library.wire_item(&id)?;
        Ok(WireShown { item, earlier })
    })
}

#[tauri::command]
pub async fn wire_start_story(desk: State<'_, Desk>, id: String) -> Reply<Article> {
    desk.with(|library| library.wire_start_story(&id))
}

#[tauri::command]
pub async fn wire_origin(desk: State<'_, Desk>, id: String) -> Reply<Option<WireOrigin>> {
    desk.with(|library| library.wire_origin(&id))
}

#[tauri::command]
pub async fn wire_clear_stop(desk: State<'_, Desk>, id: String) -> Reply<WireOrigin> {
    desk.with(|library| library.wire_clear_stop(&id))
}

#[tauri::command]
pub async fn wire_folders(desk: State<'_, Desk>) -> Reply<Vec<WireFolderSetting>> {
    desk.with(|library| {
        Ok(library
            .wire_folders()?
            .into_iter()
            .map(|(dir, source)| WireFolderSetting { dir, source })
            .collect())
    })
}

#[tauri::command]
pub async fn watch_wire_folder(desk: State<'_, Desk>, dir: PathBuf, source: String) -> Reply<()> {
    desk.with(|library| library.wire_watch_folder(&dir, &source))
}
