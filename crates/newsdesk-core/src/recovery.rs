//! Text the library did not accept, kept outside the database until the editor decides.
//!
//! When a save fails (the disk, a lock held by another program, a damaged database) or the
//! window closes with text the library has not accepted, the window keeps the whole article
//! fields in `<library>/unsaved/<article-id>.json` and offers them back on the next start.
//! Plain files beside the database, not rows in it: the database may be the very thing that
//! is failing. One file per article, replaced by every newer keep (the newest text is the one
//! the editor wants back); written atomically and durably, so a crash leaves the previous file
//! or the new one.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::atomic_file::{Keep, write_atomically};
use crate::error::Context;
use crate::{ArticleFields, Error, Result};

/// The folder, inside the library, that holds kept text.
pub const FOLDER: &str = "unsaved";

/// An article's text as the editor last saw it, with what it was based on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct UnsavedText {
    pub article_id: String,
    /// The version the text was an edit of. Restoring saves it over the current version, whichever
    /// that is by then; the history keeps both.
    pub base_version: i64,
    /// The whole fields, not a diff: restoring needs nothing from the database.
    pub fields: ArticleFields,
    /// Why the library did not take it, as the editor was told.
    pub reason: String,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub kept_at: OffsetDateTime,
}

impl UnsavedText {
    /// Text kept now.
    pub fn now(
        article_id: String,
        base_version: i64,
        fields: ArticleFields,
        reason: String,
    ) -> Self {
        UnsavedText {
            article_id,
            base_version,
            fields,
            reason,
            kept_at: OffsetDateTime::now_utc(),
        }
    }
}

/// Keeps `text`, replacing what was kept for the same article before.
pub fn keep(root: &Path, text: &UnsavedText) -> Result<()> {
    let path = file_of(root, &text.article_id)?;
    let json = serde_json::to_vec_pretty(text).expect("unsaved text always serialises");
    write_atomically(&path, &json, Keep::Durable)
}

/// Everything kept, oldest first. A file that cannot be read is an error naming it, not
/// skipped: skipping would hide text someone typed.
pub fn kept(root: &Path) -> Result<Vec<UnsavedText>> {
    let folder = root.join(FOLDER);
    let entries = match fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e).context(|| format!("reading {}", folder.display())),
    };
    let mut texts = Vec::new();
    for entry in entries {
        let path = entry
            .context(|| format!("reading {}", folder.display()))?
            .path();
        // Only our own `<id>.json`: temporary files of a write in progress start with a dot.
        let ours = path.extension().is_some_and(|e| e == "json")
            && path
                .file_name()
                .is_some_and(|n| !n.to_string_lossy().starts_with('.'));
        if !ours {
            continue;
        }
        let bytes = fs::read(&path).context(|| format!("reading {}", path.display()))?;
        let text: UnsavedText = serde_json::from_slice(&bytes).map_err(|e| {
            Error::invalid(format!(
                "the unsaved text in {} cannot be read ({e}); move the file elsewhere to go on",
                path.display()
            ))
        })?;
        texts.push(text);
    }
    texts.sort_by(|a, b| {
        a.kept_at
            .cmp(&b.kept_at)
            .then_with(|| a.article_id.cmp(&b.article_id))
    });
    Ok(texts)
}

/// Forgets what was kept for `article_id` (restored or discarded). Nothing kept is fine.
pub fn discard(root: &Path, article_id: &str) -> Result<()> {
    let path = file_of(root, article_id)?;
    match fs::remove_file(&path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(e).context(|| format!("removing {}", path.display()))
        }
        _ => Ok(()),
    }
}

/// `<root>/unsaved/<id>.json`. The id comes from the webview: only the characters of the
/// library's ids (UUIDs) are accepted, so no id names a file outside the folder.
fn file_of(root: &Path, article_id: &str) -> Result<PathBuf> {
    let plain = !article_id.is_empty()
        && article_id.len() <= 64
        && article_id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !plain {
        return Err(Error::invalid(format!(
            "{article_id:?} is not an article id"
        )));
    }
    Ok(root.join(FOLDER).join(format!("{article_id}.json")))
}
