//! Writing a file or a folder so that it appears whole or not at all: the one policy for the
//! temporary names on the way, and for where they live. Photo originals, renditions,
//! thumbnails and kept unsaved text are single files written by [`write_atomically`] beside
//! their place; packages go through [`Staging`].
//!
//! Why it is done this way:
//! - A temporary entry is `.tmp-<uuid>`: hidden, unique, and told apart from anything else in
//!   the folder. Unique, so no fixed name (a `.story.old`, a `.story.partial`) left by a crash
//!   can ever block a later write, and two writers never meet.
//! - It is staged away from the target's folder where possible, because that folder may be a
//!   hot folder whose watcher takes every new file, hidden or not, and a half-written zip must
//!   never be taken. Staging must be on the target's file system: only a rename is atomic (a
//!   copy across file systems would again show half a file), so a write never crosses one.
//!   The library's `staging/` is used when it is on the same file system as the target; when
//!   it is not (a hot folder on a mounted share, an export to a USB stick), a hidden
//!   `.newsdesk-staging/` inside the target's folder: made once and kept, and nothing in it
//!   ever carries a final name. A watcher of that folder then sees one hidden folder appear,
//!   once, and every package arrive whole by a rename.
//! - A leftover is removed once untouched for an hour. Age rather than the writer's process
//!   id: there is no cheap way to ask whether a process is alive everywhere the app runs, and
//!   a live export in another window must not be broken; a write runs from start to rename
//!   without pausing, and even a large package to a slow share takes minutes. A younger
//!   leftover is left alone and, being uniquely named, is in nobody's way.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::error::Context;
use crate::{Error, Result};

const TEMP_PREFIX: &str = ".tmp-";
const ABANDONED_AFTER: Duration = Duration::from_secs(60 * 60);
/// Staging inside the library.
const LIBRARY_STAGING: &str = "staging";
/// Staging inside the target's folder, when the library is on another file system.
const FOLDER_STAGING: &str = ".newsdesk-staging";

/// Where the temporary entries for writes to one folder are made.
pub(crate) struct Staging {
    dir: PathBuf,
}

impl Staging {
    /// Staging for a write to `target` (whose folder is created if needed), on the same file
    /// system: `library`'s staging folder if it is there, else a hidden one beside the target.
    /// Leftovers of writes that died there are cleared on the way.
    pub(crate) fn for_target(target: &Path, library: &Path) -> Result<Staging> {
        let folder = parent_of(target);
        fs::create_dir_all(folder).context(|| format!("creating {}", folder.display()))?;
        let in_library = library.join(LIBRARY_STAGING);
        fs::create_dir_all(&in_library).context(|| format!("creating {}", in_library.display()))?;
        let dir = if same_file_system(&in_library, folder) {
            in_library
        } else {
            let beside = folder.join(FOLDER_STAGING);
            fs::create_dir_all(&beside).context(|| format!("creating {}", beside.display()))?;
            beside
        };
        clear_abandoned(&dir);
        Ok(Staging { dir })
    }

    /// A new temporary path in the staging folder; nothing is created yet.
    pub(crate) fn temp_path(&self) -> PathBuf {
        self.dir
            .join(format!("{TEMP_PREFIX}{}", uuid::Uuid::new_v4()))
    }
}

/// The folder holding `target`; `.` for a bare relative name such as `story.zip`.
pub(crate) fn parent_of(target: &Path) -> &Path {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

#[cfg(unix)]
fn same_file_system(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev(),
        _ => false,
    }
}

/// Without a cheap way to ask, staging goes beside the target: always the same volume.
#[cfg(not(unix))]
fn same_file_system(_a: &Path, _b: &Path) -> bool {
    false
}

/// Moves the finished file `temp` to `target`, which then holds the whole file, and flushes
/// the folder entry. Without `replace`, an entry already at `target` is left as it is and the
/// move fails with [`io::ErrorKind::AlreadyExists`].
pub(crate) fn move_file_into_place(temp: &Path, target: &Path, replace: bool) -> io::Result<()> {
    if replace {
        fs::rename(temp, target)?;
    } else {
        rename_no_replace(temp, target)?;
    }
    sync_dir(parent_of(target))
}

/// Moves the finished folder `temp` to `target`. A folder already there is first moved aside
/// into staging and removed after, so `target` is the old folder or the new one, except for
/// the moment between two renames; a crash there leaves the new folder and the old one in
/// staging (cleared as leftovers) and no `target`, which the next write makes again.
pub(crate) fn move_dir_into_place(staging: &Staging, temp: &Path, target: &Path) -> io::Result<()> {
    if target.symlink_metadata().is_err() {
        rename_no_replace(temp, target)?;
    } else {
        let aside = staging.temp_path();
        fs::rename(target, &aside)?;
        if let Err(e) = fs::rename(temp, target) {
            let _ = fs::rename(&aside, target);
            return Err(e);
        }
        let _ = fs::remove_dir_all(aside);
    }
    sync_dir(parent_of(target))
}

/// A rename that never replaces: atomic where the kernel and the file system offer it
/// (Linux, `RENAME_NOREPLACE`); elsewhere a look just before the rename, which only a writer
/// creating the same name in that instant could slip past.
fn rename_no_replace(from: &Path, to: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, from, CWD, to, RenameFlags::NOREPLACE) {
            Ok(()) => return Ok(()),
            // Not offered by this file system (some network shares) or kernel: fall through.
            Err(
                rustix::io::Errno::INVAL | rustix::io::Errno::NOSYS | rustix::io::Errno::OPNOTSUPP,
            ) => {}
            Err(e) => return Err(e.into()),
        }
    }
    if to.symlink_metadata().is_ok() {
        return Err(io::Error::from(io::ErrorKind::AlreadyExists));
    }
    fs::rename(from, to)
}

/// Flushes a folder's entries, so a rename into it survives a power cut.
pub(crate) fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Removes the temporary entries in `dir` untouched for [`ABANDONED_AFTER`]. Best effort.
pub(crate) fn clear_abandoned(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let ours = name
            .to_str()
            .and_then(|n| n.strip_prefix(TEMP_PREFIX))
            .is_some_and(|id| uuid::Uuid::try_parse(id).is_ok());
        let abandoned = entry.metadata().is_ok_and(|m| {
            m.modified()
                .is_ok_and(|at| at.elapsed().is_ok_and(|age| age > ABANDONED_AFTER))
        });
        if ours && abandoned {
            let path = entry.path();
            let _ = fs::remove_dir_all(&path).or_else(|_| fs::remove_file(&path));
        }
    }
}

/// How much a write must survive.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keep {
    /// An original: on disk before the database says it exists, even across a power cut.
    Durable,
    /// A thumbnail or rendition: made again from the original if a crash loses it, so it is
    /// not worth an fsync (which costs more than making a small rendition).
    Derived,
}

/// Writes `bytes` to a temporary file beside `path`, then renames it into place: readers see
/// the whole file or none, and a crash leaves at most a stray temporary file (cleared by
/// [`clear_abandoned`]).
pub(crate) fn write_atomically(path: &Path, bytes: &[u8], keep: Keep) -> Result<()> {
    use std::io::Write;
    let dir = path.parent().expect("library paths have a folder");
    fs::create_dir_all(dir).context(|| format!("creating {}", dir.display()))?;
    let temp = dir.join(format!("{TEMP_PREFIX}{}", uuid::Uuid::new_v4()));
    let written = fs::File::create(&temp)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            if keep == Keep::Durable {
                f.sync_all()
            } else {
                Ok(())
            }
        })
        .and_then(|()| fs::rename(&temp, path))
        // The folder entry too, or the rename itself may not survive a power cut.
        .and_then(|()| {
            if keep == Keep::Durable {
                fs::File::open(dir)?.sync_all()
            } else {
                Ok(())
            }
        });
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written.context(|| format!("writing {}", path.display()))
}

/// The error for a write refused because something is already at `target`.
pub(crate) fn already_there(target: &Path) -> Error {
    Error::invalid(format!(
        "{} already exists and was left as it is: choose another name, or ask to replace it \
         (--replace on the command line)",
        target.display()
    ))
}
