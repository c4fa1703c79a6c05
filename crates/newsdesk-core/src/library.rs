//! The library: one folder holding `newsdesk.db` and the files that belong to it (photo
//! originals, renditions). Opening it runs the migrations.

use std::path::{Path, PathBuf};

use crate::check::{CheckedField, CopyDesk, FieldReport, RuleTests};
use crate::store::Store;
use crate::{Error, Result};

pub const DB_FILE: &str = "newsdesk.db";
/// Environment variable that overrides the default library folder.
pub const LIBRARY_ENV: &str = "NEWSDESK_LIBRARY";

pub struct Library {
    root: PathBuf,
    store: Store,
    /// The writing desk's checker, started by the window when it opens the library.
    copy_desk: CopyDesk,
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
        let copy_desk = CopyDesk::for_library(&root);
        Ok(Library {
            root,
            store,
            copy_desk,
        })
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

    /// The library's checker, to start early or to check with away from the library's lock.
    pub fn copy_desk(&self) -> &CopyDesk {
        &self.copy_desk
    }

    /// Checks one field's text (as typed, perhaps unsaved) of article `id`: its language and
    /// its own names come from the stored article.
    pub fn check_field(&self, id: &str, field: CheckedField, text: &str) -> Result<FieldReport> {
        let article = self.store.article(id)?;
        Ok(self.copy_desk.check(field, text, &article.fields))
    }

    /// Checks the stored article's headline, dek and body.
    pub fn check_article(&self, id: &str) -> Result<Vec<FieldReport>> {
        let article = self.store.article(id)?;
        Ok(self.copy_desk.check_story(&article.fields))
    }

    /// Adds a word to the desk dictionary the whole library shares; returns it as stored.
    pub fn add_desk_word(&self, word: &str) -> Result<String> {
        let word = self.store.add_desk_word(word)?;
        self.copy_desk.learn(&word);
        Ok(word)
    }

    /// Runs the tests of the library's house rules.
    pub fn test_house_rules(&self) -> Result<Vec<RuleTests>> {
        self.copy_desk.test_house_rules()
    }
}
