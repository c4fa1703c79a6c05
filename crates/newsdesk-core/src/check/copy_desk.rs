//! The library's checker, shared: started once on a thread of its own when the window opens
//! the library (0.85 s of harper's dictionary and rules), used by every check after, from any
//! thread. The CLI starts it on its first check instead.
//!
//! One per library folder in a process: the window opens a second `Library` on the same
//! folder for each long job (an export runs preflight, which checks), and each would
//! otherwise start a checker of its own.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex, MutexGuard, OnceLock, PoisonError, Weak};

use super::{
    CheckedField, Checker, FieldReport, HOUSE_STYLE_DIR, HouseRules, KnownWords, RuleTests,
};
use crate::Result;
use crate::article::ArticleFields;
use crate::library::DB_FILE;
use crate::store::Store;

/// How many recent stories the checker reads for the library's frequent names: enough to
/// know a beat's people, few enough to read in milliseconds.
pub const FREQUENT_NAMES_FROM: usize = 500;

#[derive(Clone)]
pub struct CopyDesk {
    inner: Arc<Inner>,
}

struct Inner {
    root: PathBuf,
    checker: OnceLock<Mutex<Checker>>,
}

/// The copy desks of the libraries open in this process, by folder; gone with their last
/// `Library`.
static OPEN: LazyLock<Mutex<HashMap<PathBuf, Weak<Inner>>>> = LazyLock::new(Default::default);

impl CopyDesk {
    /// The copy desk of the library in `root`, shared with every other `Library` open on it.
    pub fn for_library(root: &Path) -> CopyDesk {
        let key = root.canonicalize().unwrap_or_else(|_| root.to_owned());
        let mut open = OPEN.lock().unwrap_or_else(PoisonError::into_inner);
        open.retain(|_, desk| desk.strong_count() > 0);
        if let Some(inner) = open.get(&key).and_then(Weak::upgrade) {
            return CopyDesk { inner };
        }
        let inner = Arc::new(Inner {
            root: root.to_owned(),
            checker: OnceLock::new(),
        });
        open.insert(key, Arc::downgrade(&inner));
        CopyDesk { inner }
    }

    /// Starts the checker on a thread of its own; a check made meanwhile waits for it.
    pub fn start_in_background(&self) {
        let inner = self.inner.clone();
        // No thread to be had: the first check starts it instead.
        let _no_thread_is_fine =
            std::thread::Builder::new()
                .name("copy-desk".into())
                .spawn(move || {
                    inner.checker.get_or_init(|| Mutex::new(start(&inner.root)));
                });
    }

    fn checker(&self) -> MutexGuard<'_, Checker> {
        self.inner
            .checker
            .get_or_init(|| Mutex::new(start(&self.inner.root)))
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Checks one field's text as part of a story (its language, its own names).
    pub fn check(&self, field: CheckedField, text: &str, story: &ArticleFields) -> FieldReport {
        let story_words = KnownWords::of_story(story);
        self.checker()
            .check(field, text, &story.language, &story_words)
    }

    /// Checks the story's headline, dek and body as they are.
    pub fn check_story(&self, story: &ArticleFields) -> Vec<FieldReport> {
        let story_words = KnownWords::of_story(story);
        let mut checker = self.checker();
        CheckedField::ALL
            .into_iter()
            .map(|field| checker.check(field, field.text(story), &story.language, &story_words))
            .collect()
    }

    /// A word added to the desk dictionary: known from the next check on.
    pub fn learn(&self, word: &str) {
        if let Some(checker) = self.inner.checker.get() {
            checker
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .learn(word);
        }
    }

    /// Runs the tests of the library's house rules, read again from its folder (an error
    /// names the rule that does not compile).
    pub fn test_house_rules(&self) -> Result<Vec<RuleTests>> {
        let mut rules = HouseRules::load(&self.inner.root.join(HOUSE_STYLE_DIR))?;
        Ok(rules.run_tests())
    }
}

/// The library's checker: its house rules, its desk dictionary and its frequent names, read
/// through a connection of this thread's own (a store is one thread's).
fn start(root: &Path) -> Checker {
    let mut known = KnownWords::default();
    if let Ok(store) = Store::open(&root.join(DB_FILE)) {
        if let Ok(words) = store.desk_words() {
            known.extend(words);
        }
        if let Ok(texts) = store.recent_story_texts(FREQUENT_NAMES_FROM) {
            let frequent = KnownWords::frequent_names(&texts);
            known.merge(frequent);
        }
    }
    Checker::start(&root.join(HOUSE_STYLE_DIR), known)
}
