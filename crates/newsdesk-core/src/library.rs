//! The library: one folder holding `newsdesk.db` and the files that belong to it (photo
//! originals, renditions). Opening it runs the migrations.

use std::path::{Path, PathBuf};

use crate::check::{CheckedField, CopyDesk, FieldReport, RuleTests};
use crate::store::Store;
use crate::wire::{self, FolderReport, WireFileReport, WireFolder};
use crate::wire_item::{WireFilter, WireItem, WireOrigin, WireSummary, WireVersion};
use crate::{Article, Error, Result};

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

    /// Whether opening the library at `root` will first upgrade it to this version of
    /// Newsdesk: one transaction, which can take a minute in a library of 100,000 stories.
    pub fn upgrade_pending(root: &Path) -> bool {
        crate::store::upgrade_pending(&root.join(DB_FILE))
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

    // The wire desk (see `wire/`).

    /// Reads agency files into the wire queue under `source`; refused files are reported,
    /// never moved.
    pub fn wire_import(&mut self, paths: &[PathBuf], source: &str) -> Result<Vec<WireFileReport>> {
        wire::import_files(self, paths, source)
    }

    /// One poll of a watched wire folder.
    pub fn wire_poll(&mut self, folder: &mut WireFolder) -> Result<FolderReport> {
        folder.poll(self)
    }

    /// The wire queue, newest first (best match first for a search).
    pub fn wire_list(&self, filter: &WireFilter) -> Result<Vec<WireSummary>> {
        self.store.list_wire(filter)
    }

    /// The sources the queue holds.
    pub fn wire_sources(&self) -> Result<Vec<String>> {
        self.store.wire_sources()
    }

    /// A wire item by its id or the start of it, with its earlier versions.
    pub fn wire_item(&self, id: &str) -> Result<(WireItem, Vec<WireVersion>)> {
        let id = self.store.resolve_wire_id(id)?;
        Ok((self.store.wire_item(&id)?, self.store.wire_versions(&id)?))
    }

    /// Starts a draft from a wire item (by its id or the start of it).
    pub fn wire_start_story(&mut self, id: &str) -> Result<Article> {
        let id = self.store.resolve_wire_id(id)?;
        wire::start_story(self, &id)
    }

    /// The wire item a story came from, and the notice that stops it, if any.
    pub fn wire_origin(&self, article_id: &str) -> Result<Option<WireOrigin>> {
        self.store.wire_origin(article_id)
    }

    /// The wire folders the window watches while open: (folder, source).
    pub fn wire_folders(&self) -> Result<Vec<(String, String)>> {
        self.store.wire_folders()
    }

    /// Watches `dir` for feed `source` whenever the window is open (checked now: the folder
    /// must exist and the source have a name).
    pub fn wire_watch_folder(&mut self, dir: &Path, source: &str) -> Result<()> {
        let folder = WireFolder::new(dir, source)?;
        let dir = folder.dir().to_string_lossy().into_owned();
        self.store.set_wire_folder(&dir, folder.source())
    }

    /// An editor clears the agency's kill or withhold on a story: it may go out again.
    pub fn wire_clear_stop(&mut self, article_id: &str) -> Result<WireOrigin> {
        let id = self.store.resolve_article_id(article_id)?;
        self.store.clear_wire_stop(&id)
    }
}
