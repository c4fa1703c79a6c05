//! Photo desk commands. Imports run on a blocking thread with their own connection to the
//! library, so the editor keeps saving while a batch comes in; progress goes out as events.

use std::path::PathBuf;

use newsdesk_core::photo::{self, Aspect, BatchReport, DeskEdit, Photo, Rect};
use newsdesk_core::store::PhotoConflict;
use newsdesk_core::{Error, Library};
use tauri::{AppHandle, Runtime, State};

use crate::commands_desk::DeskSync;
use crate::desk::{Desk, Reply};
use crate::events::{self, ImportProgress};

#[tauri::command]
pub async fn list_photos(desk: State<'_, Desk>) -> Reply<Vec<Photo>> {
    desk.with(|library| library.store().list_photos())
}

#[tauri::command]
pub async fn get_photo(desk: State<'_, Desk>, id: String) -> Reply<Photo> {
    desk.with(|library| library.store().photo(&id))
}

#[tauri::command]
pub async fn import_photos<R: Runtime>(
    app: AppHandle<R>,
    desk: State<'_, Desk>,
    paths: Vec<PathBuf>,
) -> Reply<BatchReport> {
    let root = desk.with(|library| Ok(library.root().to_path_buf()))?;
    let job = tauri::async_runtime::spawn_blocking(move || {
        let mut library = Library::open(&root)?;
        Ok::<_, Error>(photo::import_batch(
            &mut library,
            &paths,
            |done, total, file, outcome| {
                let progress = ImportProgress {
                    done,
                    total,
                    file: file.display().to_string(),
                    refused: outcome.err().map(ToString::to_string),
                };
                events::emit(&app, progress);
            },
        ))
    });
    let report = job
        .await
        .map_err(|e| Error::invalid(format!("the import stopped unexpectedly: {e}")).report())?
        .map_err(|e| e.report());
    crate::heap::give_back_soon();
    report
}

/// Photo changes name the version the window loaded (`base_version`); a stale one is refused
/// with a `conflict`, and the window reloads the photo.
#[tauri::command]
pub async fn edit_photo(
    desk: State<'_, Desk>,
    id: String,
    base_version: i64,
    edit: DeskEdit,
) -> Reply<Photo> {
    desk.with(|library| library.store_mut().edit_photo_desk(&id, base_version, edit))
}

#[tauri::command]
pub async fn set_focal_point(
    desk: State<'_, Desk>,
    id: String,
    base_version: i64,
    focal: Option<(f64, f64)>,
) -> Reply<Photo> {
    desk.with(|library| {
        library
            .store_mut()
            .set_focal_point(&id, base_version, focal)
    })
}

/// Where a crop of `aspect` falls by default: centred on the focal point.
#[tauri::command]
pub async fn default_crop(desk: State<'_, Desk>, id: String, aspect: Aspect) -> Reply<Rect> {
    desk.with(|library| {
        let photo = library.store().photo(&id)?;
        Ok(photo::default_crop(
            aspect,
            photo.width,
            photo.height,
            photo.focal_point,
        ))
    })
}

#[tauri::command]
pub async fn save_crop(
    desk: State<'_, Desk>,
    id: String,
    base_version: i64,
    name: String,
    aspect: Aspect,
    rect: Rect,
) -> Reply<Photo> {
    desk.with(|library| {
        library
            .store_mut()
            .save_crop(&id, base_version, &name, aspect, rect)
    })
}

/// Deletes a crop; refused while a story uses it (the message names the stories).
#[tauri::command]
pub async fn delete_crop(
    desk: State<'_, Desk>,
    id: String,
    base_version: i64,
    name: String,
) -> Reply<Photo> {
    desk.with(|library| library.store_mut().delete_crop(&id, base_version, &name))
}

/// The photos with a conflict from the desk waiting for the photo desk: the grid marks them.
#[tauri::command]
pub async fn photos_in_conflict(desk: State<'_, Desk>) -> Reply<Vec<String>> {
    desk.with(|library| library.store().photos_in_conflict())
}

#[tauri::command]
pub async fn photo_conflicts(desk: State<'_, Desk>, id: String) -> Reply<Vec<PhotoConflict>> {
    desk.with(|library| library.store().open_photo_conflicts(&id))
}

/// The photo desk's answer to a conflict: `value` (a candidate or their own text) saved over
/// `base_version`; it goes to the desk with the next sync.
#[tauri::command]
pub async fn resolve_photo_conflict(
    desk: State<'_, Desk>,
    sync: State<'_, DeskSync>,
    id: String,
    base_version: i64,
    field: String,
    value: serde_json::Value,
) -> Reply<Photo> {
    desk.with(|library| {
        library
            .store_mut()
            .resolve_photo_conflict(&id, base_version, &field, &value)
    })
    .inspect(|_| sync.saved())
}
