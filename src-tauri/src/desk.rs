//! The app's state: the open library behind a mutex (the store holds one SQLite connection),
//! or the reason it could not be opened, which the window shows instead of crashing.

use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

use newsdesk_core::{ErrorReport, Library, Result};

pub struct Desk {
    root: Option<PathBuf>,
    library: std::result::Result<Mutex<Library>, ErrorReport>,
}

/// What every command returns: errors cross IPC as `{kind, message}`.
pub type Reply<T> = std::result::Result<T, ErrorReport>;

impl Desk {
    pub fn open(explicit: Option<PathBuf>) -> Desk {
        match Library::resolve_root(explicit) {
            Ok(root) => {
                let library = Library::open(&root).map(Mutex::new).map_err(|e| e.report());
                Desk {
                    root: Some(root),
                    library,
                }
            }
            Err(e) => Desk {
                root: None,
                library: Err(e.report()),
            },
        }
    }

    pub fn root(&self) -> Option<&PathBuf> {
        self.root.as_ref()
    }

    /// Runs `work` with the library to itself. A panic in an earlier command does not lock
    /// the editor out: SQLite transactions roll back on their own, so the state is sound.
    pub fn with<T>(&self, work: impl FnOnce(&mut Library) -> Result<T>) -> Reply<T> {
        let library = self.library.as_ref().map_err(Clone::clone)?;
        let mut library = library.lock().unwrap_or_else(PoisonError::into_inner);
        work(&mut library).map_err(|e| e.report())
    }
}
