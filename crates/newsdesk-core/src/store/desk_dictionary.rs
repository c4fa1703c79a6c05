//! The desk dictionary (migration 012): words the whole library accepts as spelled right, and
//! the recent text the checker learns the library's frequent names from.

use rusqlite::params;

use super::{Store, format_time, now};
use crate::error::Context;
use crate::{Error, Result};

/// A desk word is one word: names with spaces are added word by word by the window.
const MAX_WORD_CHARS: usize = 64;

impl Store {
    /// Adds a word to the desk dictionary (again is fine: the first spelling is kept).
    /// Returns the word as stored.
    pub fn add_desk_word(&self, word: &str) -> Result<String> {
        let word = word.trim();
        if word.is_empty() || word.chars().count() > MAX_WORD_CHARS {
            return Err(Error::invalid(format!(
                "a desk dictionary word has 1 to {MAX_WORD_CHARS} characters, not {:?}",
                crate::text::truncate_chars(word, MAX_WORD_CHARS + 1)
            )));
        }
        if word.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(Error::invalid(format!(
                "{word:?} is more than one word: add its words one at a time"
            )));
        }
        self.conn()
            .execute(
                "INSERT INTO desk_dictionary (folded, word, added_at, added_by) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (folded) DO NOTHING",
                params![word.to_lowercase(), word, format_time(now()), self.author],
            )
            .context(|| format!("adding {word:?} to the desk dictionary"))?;
        Ok(word.to_owned())
    }

    /// Takes a word out of the desk dictionary; false when it was not there.
    pub fn remove_desk_word(&self, word: &str) -> Result<bool> {
        let removed = self
            .conn()
            .execute(
                "DELETE FROM desk_dictionary WHERE folded = ?1",
                params![word.trim().to_lowercase()],
            )
            .context(|| format!("removing {word:?} from the desk dictionary"))?;
        Ok(removed > 0)
    }

    /// Every desk word, as first added, in alphabetical order.
    pub fn desk_words(&self) -> Result<Vec<String>> {
        let mut statement = self
            .conn()
            .prepare_cached("SELECT word FROM desk_dictionary ORDER BY folded")
            .context(|| "reading the desk dictionary")?;
        let words = statement
            .query_map([], |row| row.get(0))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<String>>>())
            .context(|| "reading the desk dictionary")?;
        Ok(words)
    }

    /// The headline and body of the `limit` stories saved last, for the checker to learn the
    /// names the desk writes often. Read straight from the stored JSON: loading whole
    /// articles for 500 stories is what would make the checker slow to start.
    pub fn recent_story_texts(&self, limit: usize) -> Result<Vec<String>> {
        let mut statement = self
            .conn()
            .prepare_cached(
                "SELECT headline || char(10) || char(10) || coalesce(json_extract(fields, '$.body'), '')
                 FROM articles WHERE status != 'spiked' ORDER BY updated_at DESC LIMIT ?1",
            )
            .context(|| "reading recent stories for the checker")?;
        let texts = statement
            .query_map([limit as i64], |row| row.get(0))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<String>>>())
            .context(|| "reading recent stories for the checker")?;
        Ok(texts)
    }
}
