//! The wire folders, polled while the window is open: a thread of its own with its own
//! connection, so a slow share or a large file never holds up the editor. Each round reads the
//! folders the library lists (one set in the window is watched from the next round) and tells
//! the window when anything came in or was quarantined.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

use newsdesk_core::Library;
use newsdesk_core::store::Recorded;
use newsdesk_core::wire::WireFolder;
use tauri::{AppHandle, Runtime};

use crate::events::{self, WireChanged};

/// Between polls. A file is read once it stood still between two, so it shows in the queue
/// two to four seconds after it lands.
const EVERY: Duration = Duration::from_secs(2);

pub fn start<R: Runtime>(app: AppHandle<R>, root: Option<PathBuf>) {
    let Some(root) = root else { return };
    let watch = move || {
        let mut folders: HashMap<String, WireFolder> = HashMap::new();
        let mut library = None;
        loop {
            std::thread::sleep(EVERY);
            if library.is_none() {
                library = Library::open(&root).ok();
            }
            let Some(library) = library.as_mut() else {
                continue;
            };
            let Ok(listed) = library.wire_folders() else {
                continue;
            };
            folders.retain(|dir, _| listed.iter().any(|(d, _)| d == dir));
            let mut changed = WireChanged::default();
            for (dir, source) in listed {
                let known = folders.get(&dir).is_some_and(|f| f.source() == source);
                if !known {
                    match WireFolder::new(&dir, &source) {
                        Ok(folder) => {
                            folders.insert(dir.clone(), folder);
                        }
                        // A share not mounted right now: tried again next round.
                        Err(_) => continue,
                    }
                }
                let Some(folder) = folders.get_mut(&dir) else {
                    continue;
                };
                match library.wire_poll(folder) {
                    Ok(report) => {
                        changed.read += report.files.iter().filter(|f| f.refused.is_none()).count();
                        changed.updated += report
                            .files
                            .iter()
                            .filter(|f| matches!(f.recorded, Some(Recorded::Updated { .. })))
                            .count();
                        changed.quarantined +=
                            report.files.iter().filter(|f| f.refused.is_some()).count();
                        changed.failed.extend(report.failed);
                    }
                    Err(e) => changed.failed.push(format!("{dir}: {e}")),
                }
            }
            if changed.read + changed.quarantined > 0 || !changed.failed.is_empty() {
                events::emit(&app, changed);
            }
        }
    };
    if let Err(e) = std::thread::Builder::new()
        .name("wire-watch".into())
        .spawn(watch)
    {
        eprintln!("newsdesk: the wire folders are not watched: {e}");
    }
}
