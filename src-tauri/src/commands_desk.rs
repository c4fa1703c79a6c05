//! The team desk in the window: who works here, joining a desk, the background sync's status,
//! field conflicts and who else has a story open. The work is `newsdesk_sync`'s
//! (`background.rs`); these are calls into it.

use std::sync::OnceLock;

use newsdesk_core::Article;
use newsdesk_core::store::{FieldConflict, Identity};
use newsdesk_sync::background::{BackgroundSync, DeskStatus, Notice};
use tauri::{AppHandle, Runtime, State};

use crate::desk::{Desk, Reply};
use crate::events;

/// The background sync of the open library: started once the app is set up (it tells the
/// window through the app handle); none when no library could be opened.
#[derive(Default)]
pub struct DeskSync(OnceLock<BackgroundSync>);

impl DeskSync {
    pub fn start<R: Runtime>(&self, app: AppHandle<R>, root: Option<std::path::PathBuf>) {
        let Some(root) = root else { return };
        let _ = self
            .0
            .set(BackgroundSync::start(root, move |notice| match notice {
                Notice::Status(status) => events::emit(&app, status),
                Notice::Here { story, people } => {
                    events::emit(&app, events::Here { story, people })
                }
            }));
    }

    /// A save here: it goes to the desk once saves settle.
    pub fn saved(&self) {
        if let Some(sync) = self.0.get() {
            sync.saved();
        }
    }

    fn get(&self) -> Reply<&BackgroundSync> {
        self.0.get().ok_or_else(|| {
            newsdesk_core::Error::invalid("no library is open: there is nothing to sync").report()
        })
    }
}

fn report(e: newsdesk_sync::Error) -> newsdesk_core::ErrorReport {
    match e {
        newsdesk_sync::Error::Library(e) => e.report(),
        // The desk's own failures reach the window as what they say, in newsroom words.
        other => newsdesk_core::Error::invalid(other.to_string()).report(),
    }
}

#[tauri::command]
pub async fn desk_status(sync: State<'_, DeskSync>) -> Reply<DeskStatus> {
    Ok(sync.get()?.status())
}

#[tauri::command]
pub async fn set_identity(sync: State<'_, DeskSync>, name: String) -> Reply<Identity> {
    sync.get()?.set_identity(&name).map_err(report)
}

/// Joins and syncs once (a library bringing many stories takes a while: off the window's
/// thread). Answers the status after it.
#[tauri::command]
pub async fn join_desk(sync: State<'_, DeskSync>, url: String, token: String) -> Reply<DeskStatus> {
    let sync = sync.get()?.clone();
    tauri::async_runtime::spawn_blocking(move || sync.join(&url, &token).map(|_| sync.status()))
        .await
        .map_err(|e| {
            newsdesk_core::Error::invalid(format!("the join stopped unexpectedly: {e}")).report()
        })?
        .map_err(report)
}

#[tauri::command]
pub async fn sync_desk(sync: State<'_, DeskSync>) -> Reply<()> {
    sync.get()?.sync_now();
    Ok(())
}

/// The story the window shows, for "who is here" (`None`: no story).
#[tauri::command]
pub async fn open_story(sync: State<'_, DeskSync>, id: Option<String>) -> Reply<()> {
    sync.get()?.open_story(id);
    Ok(())
}

#[tauri::command]
pub async fn field_conflicts(desk: State<'_, Desk>, id: String) -> Reply<Vec<FieldConflict>> {
    desk.with(|library| library.store().open_conflicts(&id))
}

/// The editor's answer to a field conflict: `value` (a candidate or their own) saved over
/// `base_version`; it goes to the desk with the next sync.
#[tauri::command]
pub async fn resolve_conflict(
    desk: State<'_, Desk>,
    sync: State<'_, DeskSync>,
    id: String,
    base_version: i64,
    field: String,
    value: serde_json::Value,
) -> Reply<Article> {
    let article = desk.with(|library| {
        library
            .store_mut()
            .resolve_conflict(&id, base_version, &field, &value)
    })?;
    sync.saved();
    Ok(article)
}
