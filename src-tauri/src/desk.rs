//! The app's state: the open library behind a mutex (the store holds one SQLite connection),
//! or the reason it could not be opened, which the window shows instead of crashing.
//!
//! A library another process was busy with (a CLI upgrading it, a second window creating it)
//! is opened again on the next command, so the window recovers without a restart; a library
//! that cannot be used (damaged, from a newer Newsdesk, not writable) stays refused with its
//! reason until the app is started again.

use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

use newsdesk_core::{Error, ErrorReport, Library, Result};

pub struct Desk {
    root: Option<PathBuf>,
    library: Mutex<Opened>,
}

enum Opened {
    Library(Library),
    /// Why the library could not be opened; `retry` when trying again can work.
    Refused {
        report: ErrorReport,
        retry: bool,
    },
}

impl Opened {
    fn new(root: &PathBuf) -> Opened {
        match Library::open(root) {
            Ok(library) => {
                // The checker takes 0.85 s to start: now, on its own thread, not on the
                // editor's first keystroke.
                library.copy_desk().start_in_background();
                Opened::Library(library)
            }
            Err(e) => Opened::refused(&e),
        }
    }

    fn refused(e: &Error) -> Opened {
        Opened::Refused {
            report: e.report(),
            retry: e.is_busy(),
        }
    }
}

/// What every command returns: errors cross IPC as `{kind, message}`.
pub type Reply<T> = std::result::Result<T, ErrorReport>;

impl Desk {
    pub fn open(explicit: Option<PathBuf>) -> Desk {
        match Library::resolve_root(explicit) {
            Ok(root) => {
                let library = Mutex::new(Opened::new(&root));
                Desk {
                    root: Some(root),
                    library,
                }
            }
            Err(e) => Desk {
                root: None,
                library: Mutex::new(Opened::refused(&e)),
            },
        }
    }

    pub fn root(&self) -> Option<&PathBuf> {
        self.root.as_ref()
    }

    /// Runs `work` with the library to itself. A panic in an earlier command does not lock
    /// the editor out: SQLite transactions roll back on their own, so the state is sound.
    pub fn with<T>(&self, work: impl FnOnce(&mut Library) -> Result<T>) -> Reply<T> {
        let mut opened = self.library.lock().unwrap_or_else(PoisonError::into_inner);
        if let (Opened::Refused { retry: true, .. }, Some(root)) = (&*opened, &self.root) {
            *opened = Opened::new(root);
        }
        match &mut *opened {
            Opened::Library(library) => work(library).map_err(|e| e.report()),
            Opened::Refused { report, .. } => Err(report.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Defect 4: a library another process holds while the window starts is opened on the
    /// next command, not refused until a restart; a newer library stays refused.
    #[test]
    fn defect_4_the_window_opens_a_library_that_was_busy_at_start_on_the_next_command() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("library");
        std::fs::create_dir_all(&root).unwrap();
        // Another process creating the library holds it exclusively for longer than opening
        // waits (a brand-new file cannot even be switched to WAL meanwhile).
        let holder =
            rusqlite::Connection::open(root.join(newsdesk_core::library::DB_FILE)).unwrap();
        holder
            .execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; CREATE TABLE t (x);")
            .unwrap();
        let desk = Desk::open(Some(root.clone()));
        match &*desk.library.lock().unwrap() {
            Opened::Refused { report, retry } => {
                assert!(*retry && report.kind() == "database", "{report:?}")
            }
            Opened::Library(_) => panic!("the library was held: opening it cannot have worked"),
        }
        drop(holder);
        let version = desk
            .with(|library| library.store().schema_version())
            .unwrap();
        assert!(version >= 5, "{version}");
    }

    #[test]
    fn a_library_that_cannot_be_used_stays_refused_without_trying_again() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("notes.txt");
        std::fs::write(&file, "not a library").unwrap();
        let desk = Desk::open(Some(file));
        assert!(matches!(
            &*desk.library.lock().unwrap(),
            Opened::Refused { retry: false, .. }
        ));
        assert_eq!(desk.with(|_| Ok(())).unwrap_err().kind(), "library");
    }
}
