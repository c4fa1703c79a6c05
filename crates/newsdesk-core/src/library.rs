//! The library: one folder holding `newsdesk.db` and the files that belong to it (photo
//! originals, renditions). Opening it runs the migrations.

use std::path::{Path, PathBuf};

use crate::store::Store;
use crate::{Error, Result};

pub const DB_FILE: &str = "newsdesk.db";
/// Environment variable that overrides the default library folder.
pub const LIBRARY_ENV: &str = "NEWSDESK_LIBRARY";

pub struct Library {
    root: PathBuf,
    store: Store,
}

impl Library {
    /// Opens (creating if needed) the library in `root`.
    pub fn open(root: impl AsRef<Path>) -> Result<Library> {
        let root = root.as_ref().to_path_buf();
        let problem = |reason: String| Error::Library {
            path: root.clone(),
            reason,
        };
        if root.exists() && !root.is_dir() {
            return Err(problem("this is a file, not a library folder".into()));
        }
        std::fs::create_dir_all(&root)
            .map_err(|e| problem(format!("cannot create the library folder: {e}")))?;
        let store = Store::open(&root.join(DB_FILE))?;
        Ok(Library { root, store })
    }

    /// The folder chosen by `--library`, then `NEWSDESK_LIBRARY`, then the platform data
    /// folder (`~/.local/share/newsdesk` on Linux).
    pub fn resolve_root(explicit: Option<PathBuf>) -> Result<PathBuf> {
        if let Some(dir) = explicit {
            return Ok(dir);
        }
        if let Some(dir) = std::env::var_os(LIBRARY_ENV).filter(|v| !v.is_empty()) {
            return Ok(PathBuf::from(dir));
        }
        directories::ProjectDirs::from("", "", "newsdesk")
            .map(|dirs| dirs.data_dir().to_path_buf())
            .ok_or_else(|| Error::Library {
                path: PathBuf::new(),
                reason: "no home folder to put the default library in; pass --library DIR".into(),
            })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }
}
