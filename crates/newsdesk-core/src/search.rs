//! Finding articles: SQLite FTS5 over headline, dek, body, byline and keywords, ranked with
//! bm25 so a headline match counts most, with snippets for the result list.
//!
//! What an editor types is never FTS syntax. `NEAR(`, `OR`, `body:x`, `-`, `*` and stray quotes
//! are words to find, not operators: each word becomes a quoted FTS string and the words are
//! ANDed. The tokenizer folds case and diacritics, so "cafe" finds "Café".

use std::borrow::Cow;

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::Result;
use crate::article::Status;
use crate::error::Context;
use crate::render::escape;
use crate::store::{ArticleFilter, ArticleSummary, SUMMARY_COLUMNS, Store, summary_from_row};
use crate::text::is_stray_control;

/// Marks a match in the snippet SQLite returns: two of the noncharacters Unicode keeps for a
/// program's own use. Article text cannot bring them in (the index holds U+FFFD in their
/// place, see [`indexable`]) and the snippet is escaped before they become `<mark>`, so
/// article text can never make markup. Control characters served here before, and an editor
/// could paste those into a story.
const MATCH_START: char = '\u{FDD0}';
const MATCH_END: char = '\u{FDD1}';
/// What the index holds in place of a marker character in article text.
const NOT_A_MARKER: char = '\u{FFFD}';
/// How plain-text snippets mark a match (for the CLI).
const PLAIN_START: &str = "[";
const PLAIN_END: &str = "]";
/// About a line of a result list.
const SNIPPET_TOKENS: i32 = 24;
/// Results when the caller gives no limit.
const DEFAULT_LIMIT: usize = 50;
/// BM25 (`newsdesk_ranking`) with the phrases' weights in ?1 of its statement and these per
/// indexed column, in table order: headline, dek, body, byline, keywords, filed. A word in the
/// headline is what the story is about; the body mentions many things; the filing (see
/// [`filed_tokens`]) is a filter, not what the story says.
const RANK: &str = "newsdesk_rank(articles_fts, ?1, 10.0, 4.0, 1.0, 3.0, 5.0, 0.0)";
/// How many of the newest index rows a phrase's weight is estimated from (see
/// [`phrase_weights`]). Counting a phrase among them costs at most this many steps of its
/// doclist, where SQLite's `bm25()` walked all of it for every query.
const WEIGHT_SAMPLE: i64 = 2_000;
/// How many matches, newest first, are ranked at most. Ranking costs time for every match
/// (about 0.5 µs each here), so a word found in half of a 100,000-article library took 40 ms
/// to rank; counting or walking the matches in order costs next to nothing. A query that
/// common says little about what the editor wants, and in a newsroom the recent stories are
/// the ones wanted, so past this many matches only the newest are ranked.
pub(crate) const RANKED_MATCHES: usize = 2_000;
/// One or two letters match a large part of the vocabulary and help nobody; the prefix search
/// starts from the third letter typed, which the index has a prefix list for (migration 004).
const MIN_PREFIX_CHARS: usize = 3;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct SearchQuery {
    /// What the editor typed. The last word also matches longer words that start with it
    /// (typing-as-you-search), unless the text ends with a space.
    pub text: String,
    pub status: Option<Status>,
    pub section: Option<String>,
    /// 0 means the default (50).
    pub limit: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchHit {
    /// The article as the list shows it; flattened, so a hit reads like a list row plus snippets.
    #[serde(flatten)]
    pub article: ArticleSummary,
    /// Plain text around the best match, each match in `[brackets]`.
    pub snippet: String,
    /// The same, HTML-escaped, each match in `<mark>`.
    pub snippet_html: String,
}

/// Best matches first; when more than 2,000 articles match, the best of the newest 2,000
/// (see [`RANKED_MATCHES`]). A query with no words to search for (empty, or only punctuation)
/// gives the article list with the same filters, most recently updated first, so an empty
/// search box shows the library; those hits carry the dek as their snippet.
pub fn search(store: &Store, query: &SearchQuery) -> Result<Vec<SearchHit>> {
    let limit = if query.limit == 0 {
        DEFAULT_LIMIT
    } else {
        query.limit
    };
    let context = || format!("searching for {:?}", query.text);
    let Some(words) = Words::to_find(store.conn(), "articles_fts", &query.text).context(context)?
    else {
        return recent(store, query, limit);
    };
    let mut idfs = phrase_weights(store.conn(), "articles_fts", &words.phrases).context(context)?;
    let filters = filter_phrases(query);
    // The filters weigh nothing: every match has them.
    idfs.extend(filters.iter().map(|_| 0.0));
    let weights = newsdesk_ranking::weights_blob(&idfs);
    let marked = words.to_mark(&idfs);
    let filtered = std::iter::once(words.expression())
        .chain(filters)
        .collect::<Vec<_>>()
        .join(" AND ");
    let oldest_ranked = oldest_ranked(store, &filtered).context(context)?;
    // Ranked on the index alone; the article rows and snippets are read only for the hits.
    // Joining `articles` in the ranking query made SQLite read the row of every match (most
    // of the library for a common word) before sorting, several times the cost of the
    // ranking; a snippet in it was made for every ranked match, not just the ones shown
    // (24 ms of CPU for a word in 2,000 of 50,000 wire items, against 6 ms to rank them).
    let sql = format!(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?2 AND rowid >= ?3
         ORDER BY {RANK} LIMIT ?4"
    );
    let ranked = store
        .conn()
        .prepare_cached(&sql)
        .context(context)?
        .query_map(
            params![weights, filtered, oldest_ranked, limit as i64],
            |row| row.get::<_, i64>(0),
        )
        .context(context)?
        .collect::<rusqlite::Result<Vec<_>>>()
        .context(context)?;
    let mut article = store
        .conn()
        .prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles WHERE seq = ?1"
        ))
        .context(context)?;
    let mut snippet = store
        .conn()
        .prepare_cached(&format!(
            "SELECT snippet(articles_fts, -1, ?2, ?3, '…', {SNIPPET_TOKENS})
             FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid = ?4"
        ))
        .context(context)?;
    let (start, end) = (MATCH_START.to_string(), MATCH_END.to_string());
    ranked
        .into_iter()
        .map(|seq| {
            let article = article
                .query_row([seq], summary_from_row)
                .context(context)?;
            let marked: String = snippet
                .query_row(params![marked, start, end, seq], |row| row.get(0))
                .context(context)?;
            Ok(SearchHit {
                article,
                snippet: marked_snippet(&marked, (PLAIN_START, PLAIN_END), str::to_owned),
                snippet_html: marked_snippet(&marked, ("<mark>", "</mark>"), escape),
            })
        })
        .collect()
}

/// Each phrase's weight for [`RANK`], estimated from the newest [`WEIGHT_SAMPLE`] rows of the
/// index `table`: the share of them holding the phrase. Only the newest matches are ranked
/// (see [`RANKED_MATCHES`]), and how often a word is used changes slowly, so today's stories
/// weigh it as well as the whole archive would. Over a smaller index this is the whole of it,
/// and the ranking is exactly SQLite's `bm25()`. The caller makes them the blob
/// (`newsdesk_ranking::weights_blob`), with any phrases of its own after them.
pub(crate) fn phrase_weights(
    conn: &rusqlite::Connection,
    table: &str,
    phrases: &[String],
) -> rusqlite::Result<Vec<f64>> {
    // The index's row sizes are a plain table keyed by rowid: its end is one b-tree step.
    let newest: i64 = conn
        .prepare_cached(&format!("SELECT COALESCE(MAX(id), 0) FROM {table}_docsize"))?
        .query_row([], |row| row.get(0))?;
    let after = newest - WEIGHT_SAMPLE;
    let rows: i64 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM {table}_docsize WHERE id > ?1"
        ))?
        .query_row([after], |row| row.get(0))?;
    let mut count = conn.prepare_cached(&format!(
        "SELECT count(*) FROM {table} WHERE {table} MATCH ?1 AND rowid > ?2"
    ))?;
    phrases
        .iter()
        .map(|phrase| {
            count
                .query_row(params![phrase, after], |row| row.get(0))
                .map(|hits| newsdesk_ranking::idf(rows, hits))
        })
        .collect()
}

/// Where the article is filed, as the index's last column holds it: its status and its
/// section, one token each, so a filter is one more phrase ANDed to the match and FTS5 walks
/// the filter's list beside the words' lists. Filtering on the article rows instead (a lookup
/// per match, or a list of the section's articles built for every query) was most of a
/// filtered search: over the 100,000-story benchmark library, a third of the queries filtered,
/// the search took p95 32 ms on the CPU that way, and 13 ms with the filters in the index.
///
/// Each token starts with [`FILED_MARK`], a private-use character that article text cannot
/// bring in ([`indexable`] replaces it), so a word the editor types never matches a filing
/// and a prefix being typed never reads the prefix lists the filings add. The section is
/// spelt in hex, so a token matches one section exactly, whatever its name holds. Migration
/// 016 writes the same tokens in SQL: keep the two alike.
pub(crate) fn filed_tokens(status: Status, section: &str) -> String {
    format!("{} {}", status_token(status), section_token(section))
}

/// What marks a filing token in the index (see [`filed_tokens`]).
const FILED_MARK: char = '\u{E000}';

fn status_token(status: Status) -> String {
    format!("{FILED_MARK}status{}", status.as_str())
}

fn section_token(section: &str) -> String {
    let hex: String = section.bytes().map(|b| format!("{b:02x}")).collect();
    format!("{FILED_MARK}section{hex}")
}

/// The query's filters as phrases of the `filed` column.
fn filter_phrases(query: &SearchQuery) -> Vec<String> {
    let status = query.status.map(status_token);
    let section = query.section.as_deref().map(section_token);
    status
        .into_iter()
        .chain(section)
        .map(|token| format!("filed : \"{token}\""))
        .collect()
}

/// The index row (article `seq`) of the oldest match that is ranked: see [`RANKED_MATCHES`].
fn oldest_ranked(store: &Store, filtered: &str) -> rusqlite::Result<i64> {
    let sql = format!(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1
         ORDER BY rowid DESC LIMIT 1 OFFSET {}",
        RANKED_MATCHES - 1
    );
    let boundary = store
        .conn()
        .prepare_cached(&sql)?
        .query_row([filtered], |row| row.get(0))
        .optional()?;
    Ok(boundary.unwrap_or(i64::MIN))
}

/// What the editor typed, as the phrases of an FTS5 expression over one index in their order
/// there (each weighed on its own, see [`phrase_weights`]): all of them ANDed, but the last
/// `alternatives`, which are ORed (a word being typed, spelt out).
pub(crate) struct Words {
    pub phrases: Vec<String>,
    alternatives: usize,
}

/// The prefix lists of the indexes (migrations 004 and 011) go up to six letters.
const LONGEST_PREFIX_LIST: usize = 6;
/// A word being typed that more index words than this start with is searched as a prefix.
const MOST_COMPLETIONS: usize = 32;

impl Words {
    /// The words of `text` for the index `table`, or `None` when there is nothing to find.
    ///
    /// A word still being typed that is longer than the prefix lists ("protest") becomes the
    /// index's own words that start with it, ORed (`"protest" OR "protesters"`), read from the
    /// index's word list (`{table}_words`, migration 017). As an FTS5 prefix phrase, with no
    /// list to read, it made FTS5 gather the lists of all those words into one in memory, in
    /// every statement of the search that named it: 3.3 ms each for "protest" in the
    /// 100,000-story library, and a search runs one for each snippet too; the word list costs
    /// one look-up (1 to 2 ms there) and each word then reads its own list as it goes.
    pub(crate) fn to_find(
        conn: &rusqlite::Connection,
        table: &str,
        text: &str,
    ) -> rusqlite::Result<Option<Words>> {
        let Some(mut phrases) = fts_phrases(text) else {
            return Ok(None);
        };
        let completed = match phrases.last().and_then(|last| long_prefix(last)) {
            Some(prefix) => completions(conn, table, &prefix)?,
            None => None,
        };
        let alternatives = match completed {
            Some(words) => {
                phrases.pop();
                phrases.extend(words.iter().map(|w| format!("\"{w}\"")));
                words.len()
            }
            None => 0,
        };
        Ok(Some(Words {
            phrases,
            alternatives,
        }))
    }

    /// The FTS5 expression: every word must be there.
    pub(crate) fn expression(&self) -> String {
        self.expression_of(|_| true)
    }

    /// The expression a snippet marks, given the phrases' weights: without the words in more
    /// than half of the stories ("the"), which the ranking weighs next to nothing either. A
    /// snippet marking every "the" of a story helps no reader, and choosing it cost FTS5 a
    /// walk over each of their places: 20 snippets took 11 ms for "sonbami the two" in the
    /// 100,000-story library, the slowest searches of the benchmark.
    pub(crate) fn to_mark(&self, idfs: &[f64]) -> String {
        let telling = |n: usize| {
            idfs.get(n)
                .is_none_or(|&idf| idf > newsdesk_ranking::NEXT_TO_NOTHING)
        };
        let marked = self.expression_of(telling);
        if marked.is_empty() {
            self.expression()
        } else {
            marked
        }
    }

    /// The words `keep` keeps, ANDed, with the alternatives ORed as one of them (kept whole).
    fn expression_of(&self, keep: impl Fn(usize) -> bool) -> String {
        let (required, alternatives) = self
            .phrases
            .split_at(self.phrases.len() - self.alternatives);
        let any = (!alternatives.is_empty()).then(|| format!("({})", alternatives.join(" OR ")));
        required
            .iter()
            .enumerate()
            .filter(|(n, _)| keep(*n))
            .map(|(_, phrase)| phrase.clone())
            .chain(any)
            .collect::<Vec<_>>()
            .join(" AND ")
    }
}

/// The word of a prefix phrase (`"protest" *`) when it is longer than the prefix lists and
/// spelt as the index spells it: ASCII letters and digits, folded to lower case. Other words
/// stay prefix phrases (the tokenizer's folding of accents is its own).
fn long_prefix(phrase: &str) -> Option<String> {
    let word = phrase.strip_prefix('"')?.strip_suffix("\" *")?;
    (word.len() > LONGEST_PREFIX_LIST && word.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then(|| word.to_ascii_lowercase())
}

/// The index's words that start with `prefix`, or `None` when there are more than
/// [`MOST_COMPLETIONS`] (or none: the prefix phrase finds nothing as cheaply).
fn completions(
    conn: &rusqlite::Connection,
    table: &str,
    prefix: &str,
) -> rusqlite::Result<Option<Vec<String>>> {
    // Every word starting with `prefix` sorts between it and it followed by the last
    // character there is (terms compare as UTF-8 bytes).
    let end = format!("{prefix}\u{10FFFF}");
    let words = conn
        .prepare_cached(&format!(
            "SELECT term FROM {table}_words WHERE term >= ?1 AND term < ?2 ORDER BY term LIMIT ?3"
        ))?
        .query_map(params![prefix, end, MOST_COMPLETIONS as i64 + 1], |row| {
            row.get(0)
        })?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok((1..=MOST_COMPLETIONS)
        .contains(&words.len())
        .then_some(words))
}

/// The FTS5 phrases for what the editor typed, or `None` when there is nothing to find.
///
/// Each word (split at white space and control characters, which FTS5 would choke on: a NUL
/// ends its strings early) becomes an FTS string (`"..."` with inner quotes doubled),
/// which FTS5 never parses as an operator or column filter; the tokenizer then splits it like
/// the indexed text, so `body:x` looks for the phrase "body x". Words with no letter or digit
/// would become empty phrases and are dropped.
///
/// The words are ANDed: the caller joins the phrases with `AND`, and weighs each on its own
/// for the ranking ([`phrase_weights`]).
pub(crate) fn fts_phrases(text: &str) -> Option<Vec<String>> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let (last, _) = words.split_last()?;
    let still_typing = !text.ends_with(|c: char| c.is_whitespace() || c.is_control());
    let mut parts: Vec<String> = words
        .iter()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    if still_typing
        && last.chars().filter(|c| c.is_alphanumeric()).count() >= MIN_PREFIX_CHARS
        && let Some(part) = parts.last_mut()
    {
        part.push_str(" *");
    }
    Some(parts)
}

fn recent(store: &Store, query: &SearchQuery, limit: usize) -> Result<Vec<SearchHit>> {
    let filter = ArticleFilter {
        status: query.status,
        section: query.section.clone(),
        limit,
        ..ArticleFilter::default()
    };
    store
        .list_articles(&filter)?
        .into_iter()
        .map(|summary| {
            let dek = store.article(&summary.id)?.fields.dek;
            Ok(SearchHit {
                article: summary,
                snippet_html: marked_snippet(&dek, ("", ""), escape),
                snippet: marked_snippet(&dek, ("", ""), str::to_owned),
            })
        })
        .collect()
}

/// `text` as the index should hold it: marker characters (see [`MATCH_START`], and
/// [`FILED_MARK`]) replaced, so a snippet's only markers are the ones SQLite put in and no
/// word of a story reads as where it is filed. Borrowed when there are none.
pub(crate) fn indexable(text: &str) -> Cow<'_, str> {
    let is_marker = |c: char| ('\u{FDD0}'..='\u{FDEF}').contains(&c) || c == FILED_MARK;
    if text.contains(is_marker) {
        Cow::Owned(text.replace(is_marker, &NOT_A_MARKER.to_string()))
    } else {
        Cow::Borrowed(text)
    }
}

/// A snippet for people: each text run goes through `text` (escaping, for HTML), matches are
/// wrapped in `tags`, and what an index row written by an older Newsdesk might still hold is
/// dropped: stray control characters, and markers that do not pair up, so the tags always
/// open and close in turn.
fn marked_snippet(marked: &str, tags: (&str, &str), text: fn(&str) -> String) -> String {
    let mut out = String::with_capacity(marked.len() + 16);
    let mut open = false;
    let mut run = 0;
    for (at, c) in marked.char_indices() {
        if !(c == MATCH_START || c == MATCH_END || is_stray_control(c)) {
            continue;
        }
        // `at` comes from char_indices: a boundary between characters.
        out.push_str(&text(&marked[run..at]));
        run = at + c.len_utf8();
        if c == MATCH_START && !open {
            out.push_str(tags.0);
            open = true;
        } else if c == MATCH_END && open {
            out.push_str(tags.1);
            open = false;
        }
    }
    out.push_str(&text(&marked[run..]));
    if open {
        out.push_str(tags.1);
    }
    out
}
