//! Articles and their revisions. Each accepted save bumps the version and appends a revision
//! in the same transaction as the search index update.

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::{Store, format_time, now, parse_time};
use crate::article::{Article, ArticleFields, Status};
use crate::error::Context;
use crate::search::{filed_tokens, indexable};
use crate::wire_item::WireStatus;
use crate::{Error, Result};

/// Why a save happened; kept on the revision so the history reads like the newsroom worked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum SaveKind {
    /// The editor pressed save.
    Save,
    /// The editor stopped typing.
    Autosave,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum RevisionKind {
    Create,
    Save,
    Autosave,
    Status,
    Restore,
    /// A save refused because it was based on a stale version; its text is kept here.
    Conflict,
    Import,
    /// Changes made by others on the team desk, merged into this library by a sync.
    Merge,
}

impl RevisionKind {
    fn as_str(self) -> &'static str {
        match self {
            RevisionKind::Create => "create",
            RevisionKind::Save => "save",
            RevisionKind::Autosave => "autosave",
            RevisionKind::Status => "status",
            RevisionKind::Restore => "restore",
            RevisionKind::Conflict => "conflict",
            RevisionKind::Import => "import",
            RevisionKind::Merge => "merge",
        }
    }

    fn parse(s: &str) -> RevisionKind {
        match s {
            "create" => RevisionKind::Create,
            "autosave" => RevisionKind::Autosave,
            "status" => RevisionKind::Status,
            "restore" => RevisionKind::Restore,
            "conflict" => RevisionKind::Conflict,
            "import" => RevisionKind::Import,
            "merge" => RevisionKind::Merge,
            _ => RevisionKind::Save,
        }
    }
}

impl From<SaveKind> for RevisionKind {
    fn from(kind: SaveKind) -> Self {
        match kind {
            SaveKind::Save => RevisionKind::Save,
            SaveKind::Autosave => RevisionKind::Autosave,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Revision {
    pub article_id: String,
    pub number: i64,
    /// The article version this revision became; `None` for a refused conflict save.
    pub version: Option<i64>,
    pub base_version: Option<i64>,
    pub kind: RevisionKind,
    pub status: Status,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub saved_at: OffsetDateTime,
    pub fields: ArticleFields,
    /// Who made the change: this laptop's person (`""` before it had an identity), or for a
    /// merge the people whose changes came in from the desk.
    pub author: String,
    /// For a merge: the Automerge change hashes it brought in (the document's heads, hex).
    pub change: Option<String>,
}

/// One line of the article list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ArticleSummary {
    pub id: String,
    pub version: i64,
    pub status: Status,
    pub section: String,
    pub headline: String,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub updated_at: OffsetDateTime,
    /// Who last changed the story; absent when nobody with a name on the desk has (a laptop
    /// that never named its person lists exactly what it listed before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub last_author: Option<String>,
    /// A kill or withhold from the wire item the story was started from, not yet cleared: the
    /// list shows the story in red (preflight blocks it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub wire_stop: Option<WireStatus>,
}

/// A page of the article list and how many stories the filter holds in all: the window sizes
/// its scroll bar from the total and fetches only the pages that come into sight.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ArticlePage {
    pub total: usize,
    pub rows: Vec<ArticleSummary>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    #[default]
    Updated,
    Created,
    Headline,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct ArticleFilter {
    pub status: Option<Status>,
    pub section: Option<String>,
    pub sort: SortOrder,
    /// 0 means no limit.
    pub limit: usize,
    /// Rows to skip before the first one returned: the window lists a large library a page at
    /// a time.
    pub offset: usize,
}

const ARTICLE_COLUMNS: &str = "id, version, status, created_at, updated_at, fields";

fn article_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Article> {
    let status: String = row.get(2)?;
    Ok(Article {
        id: row.get(0)?,
        version: row.get(1)?,
        status: status.parse().unwrap_or_default(),
        created_at: parse_time(&row.get::<_, String>(3)?)?,
        updated_at: parse_time(&row.get::<_, String>(4)?)?,
        fields: json_column(row, 5)?,
    })
}

/// The columns [`summary_from_row`] reads, for every query that lists articles.
pub(crate) const SUMMARY_COLUMNS: &str =
    "id, version, status, section, headline, updated_at, last_author,
     (SELECT stop_status FROM wire_stories WHERE article_id = articles.id)";

pub(crate) fn summary_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleSummary> {
    let status: String = row.get(2)?;
    Ok(ArticleSummary {
        id: row.get(0)?,
        version: row.get(1)?,
        status: status.parse().unwrap_or_default(),
        section: row.get(3)?,
        headline: row.get(4)?,
        updated_at: parse_time(&row.get::<_, String>(5)?)?,
        last_author: Some(row.get::<_, String>(6)?).filter(|name| !name.is_empty()),
        wire_stop: row
            .get::<_, Option<String>>(7)?
            .map(|s| WireStatus::parse(&s)),
    })
}

fn revision_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Revision> {
    let kind: String = row.get(4)?;
    let status: String = row.get(5)?;
    Ok(Revision {
        article_id: row.get(0)?,
        number: row.get(1)?,
        version: row.get(2)?,
        base_version: row.get(3)?,
        kind: RevisionKind::parse(&kind),
        status: status.parse().unwrap_or_default(),
        saved_at: parse_time(&row.get::<_, String>(6)?)?,
        fields: json_column(row, 7)?,
        author: row.get(8)?,
        change: row.get(9)?,
    })
}

fn json_column<T: serde::de::DeserializeOwned>(
    row: &rusqlite::Row<'_>,
    i: usize,
) -> rusqlite::Result<T> {
    let text: String = row.get(i)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
    })
}

fn to_json(fields: &ArticleFields) -> String {
    serde_json::to_string(fields).expect("article fields always serialise")
}

impl Store {
    /// Creates an article at version 1. `id` is normally `None` (a new UUID); import passes the
    /// id found in the file so an exported article comes back as itself.
    pub fn create_article(
        &mut self,
        id: Option<&str>,
        fields: &ArticleFields,
        status: Status,
        kind: RevisionKind,
    ) -> Result<Article> {
        let author = self.author.clone();
        let tx = self.write_tx()?;
        let article = insert_article(&tx, id, fields, status, kind, &author)?;
        tx.commit().context(|| "committing the new article")?;
        Ok(article)
    }

    /// Merges a little of the search index (at most `pages` pages of it, one short write).
    /// Saves merge only a few pages each (see [`MERGE_PAGES_A_CHANGE`]); the window calls this
    /// when the desk is idle for the rest.
    /// Returns whether there was work to do, so the caller can stop once the index is tidy.
    pub fn tidy_search_index(&mut self, pages: u32) -> Result<bool> {
        let before = self.conn.total_changes();
        self.conn
            .execute(
                "INSERT INTO articles_fts (articles_fts, rank) VALUES ('merge', ?1)",
                [pages],
            )
            .context(|| "tidying the search index")?;
        // FTS5's documented test: fewer than two changed rows means nothing was merged.
        Ok(self.conn.total_changes() - before >= 2)
    }

    /// Creates many articles in one transaction: one disk sync for the lot instead of one per
    /// article, for bulk imports and for building large libraries (the benchmarks). All or
    /// none are created.
    pub fn create_articles(
        &mut self,
        batch: &[(ArticleFields, Status)],
        kind: RevisionKind,
    ) -> Result<Vec<Article>> {
        let author = self.author.clone();
        let tx = self.write_tx()?;
        let articles = batch
            .iter()
            .map(|(fields, status)| insert_article(&tx, None, fields, *status, kind, &author))
            .collect::<Result<Vec<_>>>()?;
        tx.commit().context(|| "committing the new articles")?;
        Ok(articles)
    }

    /// Saves the editor's fields over version `base_version`. If someone else saved first, the
    /// save is refused with [`Error::Conflict`] and the refused fields are kept as a conflict
    /// revision.
    pub fn save_article(
        &mut self,
        id: &str,
        base_version: i64,
        fields: &ArticleFields,
        kind: SaveKind,
    ) -> Result<Article> {
        let fields = normalised(fields.clone());
        validate(&fields)?;
        self.commit_change(id, base_version, kind.into(), |article| {
            article.fields = fields
        })
    }

    /// Saves a Markdown file brought back into the library: its fields and its status as one
    /// version and one `import` revision, in one transaction, so a crash between the two can
    /// never leave the file's text with the old status. Based on `base_version` like any save.
    pub fn import_article(
        &mut self,
        id: &str,
        base_version: i64,
        fields: &ArticleFields,
        status: Status,
    ) -> Result<Article> {
        let fields = normalised(fields.clone());
        validate(&fields)?;
        self.commit_change(id, base_version, RevisionKind::Import, |article| {
            article.fields = fields;
            article.status = status;
        })
    }

    /// Moves the article through the workflow. A spiked article is restored by setting any
    /// other status.
    pub fn set_status(&mut self, id: &str, base_version: i64, status: Status) -> Result<Article> {
        self.commit_change(id, base_version, RevisionKind::Status, |article| {
            article.status = status
        })
    }

    /// Brings back the fields of revision `number` as a new version; nothing is rewritten.
    pub fn restore_revision(
        &mut self,
        id: &str,
        number: i64,
        base_version: i64,
    ) -> Result<Article> {
        let old = self.revision(id, number)?;
        self.commit_change(id, base_version, RevisionKind::Restore, |article| {
            article.fields = old.fields
        })
    }

    fn commit_change(
        &mut self,
        id: &str,
        base_version: i64,
        kind: RevisionKind,
        change: impl FnOnce(&mut Article),
    ) -> Result<Article> {
        let author = self.author.clone();
        let tx = self.write_tx()?;
        let mut article = load_article(&tx, id)?;
        if article.version != base_version {
            let current_version = article.version;
            change(&mut article);
            let kept_revision = append_revision(
                &tx,
                &article,
                None,
                Some(base_version),
                RevisionKind::Conflict,
                &author,
                None,
            )?;
            tx.commit().context(|| "keeping the refused text")?;
            return Err(Error::Conflict {
                id: id.to_owned(),
                base_version,
                current_version,
                kept_revision,
            });
        }
        change(&mut article);
        write_version(&tx, &mut article, kind, &author, None)?;
        merge_search_index_a_little(&tx)?;
        tx.commit().context(|| format!("committing article {id}"))?;
        Ok(article)
    }

    pub fn article(&self, id: &str) -> Result<Article> {
        load_article(&self.conn, id)
    }

    /// The full id of the one article whose id starts with `prefix` (the CLI accepts short ids).
    pub fn resolve_article_id(&self, prefix: &str) -> Result<String> {
        self.resolve_id("articles", "article", prefix)
    }

    pub fn list_articles(&self, filter: &ArticleFilter) -> Result<Vec<ArticleSummary>> {
        let order = match filter.sort {
            SortOrder::Updated => "updated_at DESC",
            SortOrder::Created => "created_at DESC",
            SortOrder::Headline => "headline COLLATE NOCASE ASC",
        };
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles
             WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR section = ?2)
             ORDER BY {order}, id LIMIT ?3 OFFSET ?4"
        );
        let limit = if filter.limit == 0 {
            -1
        } else {
            filter.limit as i64
        };
        let mut stmt = self
            .conn
            .prepare_cached(&sql)
            .context(|| "listing articles")?;
        let rows = stmt
            .query_map(
                params![
                    filter.status.map(Status::as_str),
                    filter.section,
                    limit,
                    filter.offset as i64
                ],
                summary_from_row,
            )
            .context(|| "listing articles")?;
        rows.collect::<rusqlite::Result<_>>()
            .context(|| "listing articles")
    }

    /// How many articles the filter's status and section hold (its sort, limit and offset do
    /// not matter).
    pub fn count_articles(&self, filter: &ArticleFilter) -> Result<usize> {
        self.conn
            .prepare_cached(
                "SELECT count(*) FROM articles
                 WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR section = ?2)",
            )
            .and_then(|mut stmt| {
                stmt.query_row(
                    params![filter.status.map(Status::as_str), filter.section],
                    |row| row.get::<_, i64>(0),
                )
            })
            .map(|n| n as usize)
            .context(|| "counting articles")
    }

    /// The page `filter` asks for, with the total it is a page of.
    pub fn article_page(&self, filter: &ArticleFilter) -> Result<ArticlePage> {
        Ok(ArticlePage {
            total: self.count_articles(filter)?,
            rows: self.list_articles(filter)?,
        })
    }

    /// All revisions of an article, oldest first.
    pub fn revisions(&self, id: &str) -> Result<Vec<Revision>> {
        load_article(&self.conn, id)?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT article_id, number, version, base_version, kind, status, saved_at, fields,
                        author, change
                 FROM revisions WHERE article_id = ?1 ORDER BY number",
            )
            .context(|| "listing revisions")?;
        let rows = stmt
            .query_map([id], revision_from_row)
            .context(|| "listing revisions")?;
        rows.collect::<rusqlite::Result<_>>()
            .context(|| "listing revisions")
    }

    pub fn revision(&self, id: &str, number: i64) -> Result<Revision> {
        self.conn
            .query_row(
                "SELECT article_id, number, version, base_version, kind, status, saved_at, fields,
                        author, change
                 FROM revisions WHERE article_id = ?1 AND number = ?2",
                params![id, number],
                revision_from_row,
            )
            .optional()
            .context(|| "reading a revision")?
            .ok_or_else(|| Error::not_found("revision", format!("{number} of article {id}")))
    }

    /// An IMMEDIATE transaction takes the write lock up front, so the version check and the
    /// write cannot interleave with another process's save. Each one counts towards the next
    /// checkpoint, which runs beside the saves (see `checkpoint.rs`).
    pub(super) fn write_tx(&mut self) -> Result<Transaction<'_>> {
        self.checkpointer.wrote(&self.conn);
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .context(|| "starting a write (is another Newsdesk holding the library?)")
    }
}

pub(super) fn insert_article(
    tx: &Transaction<'_>,
    id: Option<&str>,
    fields: &ArticleFields,
    status: Status,
    kind: RevisionKind,
    author: &str,
) -> Result<Article> {
    let fields = normalised(fields.clone());
    validate(&fields)?;
    let id = match id {
        Some(id) => uuid::Uuid::parse_str(id)
            .map_err(|_| Error::invalid(format!("{id:?} is not a valid article id (a UUID)")))?
            .to_string(),
        None => uuid::Uuid::new_v4().to_string(),
    };
    let at = now();
    let exists: bool = tx
        .query_row("SELECT 1 FROM articles WHERE id = ?1", [&id], |_| Ok(true))
        .optional()
        .context(|| "looking up the article")?
        .unwrap_or(false);
    if exists {
        return Err(Error::invalid(format!(
            "an article with id {id} is already in the library"
        )));
    }
    let article = Article {
        id,
        version: 1,
        status,
        created_at: at,
        updated_at: at,
        fields,
    };
    tx.execute(
        "INSERT INTO articles (id, version, status, section, headline, created_at, updated_at, fields,
                               last_author)
         VALUES (?1, 1, ?2, ?3, ?4, ?5, ?5, ?6, ?7)",
        params![
            article.id,
            status.as_str(),
            article.fields.section,
            article.fields.headline,
            format_time(at),
            to_json(&article.fields),
            author
        ],
    )
    .context(|| "creating the article")?;
    index(tx, &article)?;
    append_revision(tx, &article, Some(1), None, kind, author, None)?;
    Ok(article)
}

/// Makes `article` (already changed) the next version: the row, the search index and the
/// revision, inside the caller's transaction.
pub(super) fn write_version(
    tx: &Transaction<'_>,
    article: &mut Article,
    kind: RevisionKind,
    author: &str,
    change: Option<&str>,
) -> Result<()> {
    let base_version = article.version;
    article.version += 1;
    article.updated_at = now();
    let id = &article.id;
    tx.prepare_cached(
        "UPDATE articles SET version = ?2, status = ?3, section = ?4, headline = ?5,
             updated_at = ?6, fields = ?7, last_author = ?8
         WHERE id = ?1",
    )
    .and_then(|mut stmt| {
        stmt.execute(params![
            article.id,
            article.version,
            article.status.as_str(),
            article.fields.section,
            article.fields.headline,
            format_time(article.updated_at),
            to_json(&article.fields),
            author
        ])
    })
    .context(|| format!("saving article {id}"))?;
    index(tx, article)?;
    append_revision(
        tx,
        article,
        Some(article.version),
        Some(base_version),
        kind,
        author,
        change,
    )?;
    Ok(())
}

pub(super) fn load_article(conn: &rusqlite::Connection, id: &str) -> Result<Article> {
    conn.prepare_cached(&format!(
        "SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?1"
    ))
    .and_then(|mut stmt| stmt.query_row([id], article_from_row).optional())
    .context(|| format!("reading article {id}"))?
    .ok_or_else(|| Error::not_found("article", id))
}

pub(super) fn append_revision(
    tx: &Transaction<'_>,
    article: &Article,
    version: Option<i64>,
    base_version: Option<i64>,
    kind: RevisionKind,
    author: &str,
    change: Option<&str>,
) -> Result<i64> {
    let number: i64 = tx
        .prepare_cached("SELECT COALESCE(MAX(number), 0) + 1 FROM revisions WHERE article_id = ?1")
        .and_then(|mut stmt| stmt.query_row([&article.id], |row| row.get(0)))
        .context(|| "numbering the revision")?;
    tx.prepare_cached(
        "INSERT INTO revisions (article_id, number, version, base_version, kind, status, saved_at, fields,
                                author, change)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )
    .and_then(|mut stmt| {
        stmt.execute(params![
            article.id,
            number,
            version,
            base_version,
            kind.as_str(),
            article.status.as_str(),
            format_time(now()),
            to_json(&article.fields),
            author,
            change
        ])
    })
    .context(|| "keeping the revision")?;
    Ok(number)
}

/// The article's row of the search index: its words, and where it is filed (status and
/// section, which the search filters by; see [`filed_tokens`]), so a status change reindexes
/// it too.
fn index(tx: &Transaction<'_>, article: &Article) -> Result<()> {
    let fields = &article.fields;
    let seq: i64 = tx
        .prepare_cached("SELECT seq FROM articles WHERE id = ?1")
        .and_then(|mut stmt| stmt.query_row([&article.id], |row| row.get(0)))
        .context(|| "indexing the article")?;
    tx.prepare_cached("DELETE FROM articles_fts WHERE rowid = ?1")
        .and_then(|mut stmt| stmt.execute([seq]))
        .context(|| "indexing the article")?;
    tx.prepare_cached(
        "INSERT INTO articles_fts (rowid, headline, dek, body, byline, keywords, filed)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .and_then(|mut stmt| {
        stmt.execute(params![
            seq,
            indexable(&fields.headline),
            indexable(&fields.dek),
            indexable(&fields.body),
            indexable(&fields.byline()),
            indexable(&fields.keywords.join(" ")),
            filed_tokens(article.status, &fields.section)
        ])
    })
    .context(|| "indexing the article")?;
    Ok(())
}

/// Each change adds a segment to the search index and, FTS5's own merging being off
/// (migrations 005 and 012), a burst of saves with no idle time between them piled up segments
/// until FTS5's crisis merge took all 128 of a level inside one save: in 1,000 back-to-back
/// saves on the 100,000-story library, 7 of the 10 slowest (32-44 ms of CPU each). Merging a
/// few pages in every change keeps the levels short so the crisis never comes.
const MERGE_PAGES_A_CHANGE: u32 = 16;

fn merge_search_index_a_little(tx: &Transaction<'_>) -> Result<()> {
    tx.prepare_cached("INSERT INTO articles_fts (articles_fts, rank) VALUES ('merge', ?1)")
        .and_then(|mut stmt| stmt.execute([MERGE_PAGES_A_CHANGE]))
        .context(|| "merging the search index")?;
    Ok(())
}

/// Cleans what editors never mean to keep: control characters pasted in with the text (see
/// [`crate::text::without_stray_controls`]; every way in, a save, an import or the CLI, comes
/// through here, so all keep the same text), stray spaces around one-line fields, empty
/// authors and keywords; and fills the language default.
pub(super) fn normalised(mut fields: ArticleFields) -> ArticleFields {
    for_each_text(&mut fields, |text| {
        if let std::borrow::Cow::Owned(clean) = crate::text::without_stray_controls(text) {
            *text = clean;
        }
    });
    for line in [
        &mut fields.slugline,
        &mut fields.kicker,
        &mut fields.section,
        &mut fields.headline,
        &mut fields.dek,
        &mut fields.language,
        &mut fields.dateline.place,
        &mut fields.dateline.date,
    ] {
        let trimmed = line.trim();
        if trimmed.len() != line.len() {
            *line = trimmed.to_owned();
        }
    }
    fields.authors.retain(|a| !a.name.trim().is_empty());
    fields.keywords = fields
        .keywords
        .into_iter()
        .map(|k| k.trim().to_owned())
        .filter(|k| !k.is_empty())
        .collect();
    fields
        .related
        .retain(|r| !r.title.trim().is_empty() || !r.url.trim().is_empty());
    if fields.language.is_empty() {
        fields.language = "en".to_owned();
    }
    fields
}

/// Every text an editor can type into an article, so no field is forgotten when one is added.
fn for_each_text(fields: &mut ArticleFields, mut clean: impl FnMut(&mut String)) {
    let ArticleFields {
        slugline,
        kicker,
        section,
        headline,
        dek,
        authors,
        dateline,
        body,
        keywords,
        related,
        editors_note,
        language,
        embargo: _,
        corrections,
        lead_photo,
    } = fields;
    for text in [
        slugline,
        kicker,
        section,
        headline,
        dek,
        body,
        editors_note,
        language,
    ] {
        clean(text);
    }
    for author in authors {
        clean(&mut author.name);
        clean(&mut author.role);
    }
    clean(&mut dateline.place);
    clean(&mut dateline.date);
    keywords.iter_mut().for_each(&mut clean);
    for story in related {
        clean(&mut story.title);
        clean(&mut story.url);
    }
    for correction in corrections {
        clean(&mut correction.date);
        clean(&mut correction.text);
    }
    if let Some(photo) = lead_photo {
        clean(&mut photo.photo_id);
        clean(&mut photo.crop);
    }
}

/// Refuses what cannot be stored meaningfully, or could not go out safely: a related link that
/// is not a web address (a `javascript:` link would run in the reader's page), a language that
/// is not a BCP 47 tag. Editorial problems (long headline, no byline)
/// are warnings from `render`, not errors: an editor must always be able to save a draft.
pub(super) fn validate(fields: &ArticleFields) -> Result<()> {
    if !fields.dateline.date.is_empty()
        && time::Date::parse(
            &fields.dateline.date,
            time::macros::format_description!("[year]-[month]-[day]"),
        )
        .is_err()
    {
        return Err(Error::invalid(format!(
            "dateline date {:?} is not a date like 2024-07-30",
            fields.dateline.date
        )));
    }
    let problems = fields.unpublishable();
    if !problems.is_empty() {
        let messages: Vec<String> = problems.into_iter().map(|(_, message)| message).collect();
        return Err(Error::invalid(messages.join("; ")));
    }
    Ok(())
}
