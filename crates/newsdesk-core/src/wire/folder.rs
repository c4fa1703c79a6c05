//! A watched wire folder (an FTP drop or a mounted share). Polled, not watched with inotify:
//! a mounted share (NFS, SMB) sends no change events for files other machines write.
//!
//! A file is read only once its size and modification time are the same at two polls in a
//! row, so one still being written is never read half-way; names agencies' uploaders use
//! while writing (`.name`, `*.part`, `*.tmp`...) are not looked at. A file read becomes an item
//! and moves to `ingested/`; one refused moves to `quarantine/` with `<file>.reason.txt`
//! beside it; one the library could not take now (disk, database) stays for the next poll.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::Serialize;

use super::{WireFileReport, ingest_file};
use crate::error::Context;
use crate::{Error, Library, Result};

pub const INGESTED_DIR: &str = "ingested";
pub const QUARANTINE_DIR: &str = "quarantine";
pub const REASON_SUFFIX: &str = ".reason.txt";

/// Endings of files still being uploaded or written by an editor's tools.
const PARTIAL_ENDINGS: &[&str] = &[
    ".part",
    ".partial",
    ".tmp",
    ".temp",
    ".filepart",
    ".crdownload",
    ".download",
    "~",
    REASON_SUFFIX,
];

/// What one poll did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FolderReport {
    /// Files read (new items, updates, duplicates) and files quarantined, in the order done.
    pub files: Vec<WireFileReport>,
    /// Files seen changing or seen for the first time: read at a later poll.
    pub waiting: usize,
    /// Files the library could not take now, with why; left in place for the next poll.
    pub failed: Vec<String>,
}

pub struct WireFolder {
    dir: PathBuf,
    source: String,
    /// Size and modification time of each file at the last poll.
    seen: HashMap<PathBuf, (u64, SystemTime)>,
}

impl WireFolder {
    /// Watches `dir` for the feed named `source`.
    pub fn new(dir: impl Into<PathBuf>, source: &str) -> Result<WireFolder> {
        let dir = dir.into();
        if !dir.is_dir() {
            return Err(Error::invalid(format!(
                "{} is not a folder: give the wire folder to watch",
                dir.display()
            )));
        }
        let source = source.trim();
        if source.is_empty() {
            return Err(Error::invalid("name the wire source (--source AP, dpa...)"));
        }
        Ok(WireFolder {
            dir,
            source: source.to_owned(),
            seen: HashMap::new(),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// One poll: reads every file that stood still since the last one.
    pub fn poll(&mut self, library: &mut Library) -> Result<FolderReport> {
        let mut report = FolderReport::default();
        let mut ready = Vec::new();
        let mut present = HashMap::new();
        let entries =
            fs::read_dir(&self.dir).context(|| format!("reading {}", self.dir.display()))?;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || PARTIAL_ENDINGS.iter().any(|e| name.ends_with(e)) {
                continue;
            }
            // Regular files only: not the folder's own subfolders, not links out of it.
            let Ok(meta) = entry.path().symlink_metadata() else {
                continue;
            };
            if !meta.is_file() {
                continue;
            }
            let stamp = (
                meta.len(),
                meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
            );
            let path = entry.path();
            if self.seen.get(&path) == Some(&stamp) {
                ready.push((stamp.1, name, path.clone()));
            } else {
                report.waiting += 1;
            }
            present.insert(path, stamp);
        }
        self.seen = present;
        // Oldest first, so an agency's versions of one item arrive in the order sent.
        ready.sort();
        for (_, name, path) in ready {
            match ingest_file(library, &path, &self.source) {
                Ok(Ok((item_id, recorded, headline))) => {
                    self.seen.remove(&path);
                    if let Err(e) = move_into(&path, &self.dir.join(INGESTED_DIR), &name) {
                        report.failed.push(format!("{name}: read, but {e}"));
                    }
                    report.files.push(WireFileReport {
                        file: name,
                        item_id: Some(item_id),
                        headline,
                        recorded: Some(recorded),
                        refused: None,
                    });
                }
                Ok(Err(refusal)) => {
                    self.seen.remove(&path);
                    if let Err(e) = quarantine(&self.dir, &path, &name, &refusal.reason) {
                        report.failed.push(format!("{name}: refused, but {e}"));
                    }
                    report.files.push(WireFileReport {
                        file: name,
                        item_id: None,
                        headline: String::new(),
                        recorded: None,
                        refused: Some(refusal.reason),
                    });
                }
                Err(e) => report.failed.push(format!("{name}: {e}")),
            }
        }
        Ok(report)
    }
}

/// Moves `path` into folder `into` under `name`, or a name not taken yet.
fn move_into(path: &Path, into: &Path, name: &str) -> Result<PathBuf> {
    fs::create_dir_all(into).context(|| format!("creating {}", into.display()))?;
    let mut target = into.join(name);
    let mut n = 1;
    while target.symlink_metadata().is_ok() {
        n += 1;
        target = into.join(format!("{n}-{name}"));
    }
    fs::rename(path, &target).context(|| format!("moving {name} to {}", into.display()))?;
    Ok(target)
}

fn quarantine(dir: &Path, path: &Path, name: &str, reason: &str) -> Result<()> {
    let target = move_into(path, &dir.join(QUARANTINE_DIR), name)?;
    let mut reason_path = target.clone().into_os_string();
    reason_path.push(REASON_SUFFIX);
    fs::write(&reason_path, format!("{reason}\n"))
        .context(|| format!("writing why {name} was quarantined"))
}
