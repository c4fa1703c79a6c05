//! The wire desk's rows: items at their latest version (and the earlier ones, for a diff), the
//! files already read, the search index, and the stories started from an item with the kill
//! or withhold that stops them.

use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;

use super::articles::insert_article;
use super::{Store, format_time, now, parse_time};
use crate::article::{Article, ArticleFields, Status};
use crate::error::Context;
use crate::search::{RANKED_MATCHES, Words, indexable, phrase_weights};
use crate::store::RevisionKind;
use crate::wire_item::{
    WireCopy, WireFilter, WireItem, WireKind, WireOrigin, WireStatus, WireStop, WireSummary,
    WireVersion,
};
use crate::{Error, Result};

/// What recording a file did to the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Recorded {
    /// A guid the library had not seen.
    New,
    /// A newer version of a known guid replaced it; the earlier one is kept.
    Updated { previous: i64 },
    /// An older version than the one in the queue: kept among the earlier versions only.
    Earlier,
    /// These exact bytes were read before: nothing changed.
    Duplicate,
}

/// Results when the caller gives no limit.
const DEFAULT_LIMIT: usize = 50;
/// BM25 (`newsdesk_ranking`) with the phrases' weights in ?8 of the statement and these in the
/// index's column order: headline, dek, body, byline, subjects. The same weighing as the
/// article search (a headline word is what the item is about).
const RANK: &str = "newsdesk_rank(wire_fts, ?8, 10.0, 4.0, 1.0, 3.0, 5.0)";
const SNIPPET_TOKENS: i32 = 24;

const SUMMARY_COLUMNS: &str = "w.seq, w.id, w.source, w.kind, w.status, w.urgency, w.version, w.headline, w.received_at, w.copy";

/// The queue's filters, parameters ?1 to ?3 of both list statements.
const FILTERS: &str = "(?1 IS NULL OR w.source = ?1)
    AND (?2 IS NULL OR w.urgency <= ?2)
    AND (?3 IS NULL OR w.seq IN (SELECT item_seq FROM wire_subjects WHERE subject = lower(?3)))";

/// The same filters for the search, on the index's rows.
const FTS_FILTERS: &str = "(?1 IS NULL OR rowid IN (SELECT seq FROM wire_items WHERE source = ?1))
    AND (?2 IS NULL OR rowid IN (SELECT seq FROM wire_items WHERE urgency <= ?2))
    AND (?3 IS NULL OR rowid IN (SELECT item_seq FROM wire_subjects WHERE subject = lower(?3)))";

fn copy_from_json(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<WireCopy> {
    let text: String = row.get(i)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
    })
}

fn to_json(copy: &WireCopy) -> String {
    serde_json::to_string(copy).expect("wire copy always serialises")
}

fn summary_from_row(
    row: &rusqlite::Row<'_>,
    snippet: Option<String>,
) -> rusqlite::Result<WireSummary> {
    let copy = copy_from_json(row, 9)?;
    Ok(WireSummary {
        id: row.get(1)?,
        source: row.get(2)?,
        agency: copy.agency,
        kind: WireKind::parse(&row.get::<_, String>(3)?),
        status: WireStatus::parse(&row.get::<_, String>(4)?),
        urgency: row.get(5)?,
        version: row.get(6)?,
        headline: row.get(7)?,
        subjects: copy.subjects,
        received_at: parse_time(&row.get::<_, String>(8)?)?,
        snippet: snippet.unwrap_or(copy.dek),
        stories: Vec::new(),
    })
}

impl Store {
    /// The item a file with these bytes became, if it was read before.
    pub fn wire_file(&self, sha256: &str) -> Result<Option<String>> {
        self.conn
            .prepare_cached("SELECT item_id FROM wire_files WHERE sha256 = ?1")
            .and_then(|mut stmt| stmt.query_row([sha256], |row| row.get(0)).optional())
            .context(|| "looking up a wire file")
    }

    /// Records what a file said, in one transaction: a new item, a newer version replacing
    /// the item (the earlier one kept, and a kill or withhold marking every story started from
    /// it), an older version kept aside, or nothing for bytes read before.
    pub fn record_wire_item(
        &mut self,
        source: &str,
        copy: &WireCopy,
        sha256: &str,
        file_name: &str,
    ) -> Result<(String, Recorded)> {
        let tx = self.write_tx()?;
        let recorded = record_in(&tx, source, copy, sha256, file_name)?;
        tx.commit()
            .context(|| format!("recording wire item {:?}", copy.guid))?;
        Ok(recorded)
    }

    /// Records many items in one transaction (one disk sync for the lot), all or none: for
    /// building large queues (the benchmarks) and bulk loads. Each is `(copy, sha256)`.
    pub fn record_wire_items(
        &mut self,
        source: &str,
        batch: &[(WireCopy, String)],
    ) -> Result<Vec<(String, Recorded)>> {
        let tx = self.write_tx()?;
        let recorded = batch
            .iter()
            .map(|(copy, sha256)| record_in(&tx, source, copy, sha256, ""))
            .collect::<Result<Vec<_>>>()?;
        tx.commit().context(|| "recording wire items")?;
        Ok(recorded)
    }

    pub fn wire_item(&self, id: &str) -> Result<WireItem> {
        let context = || format!("reading wire item {id}");
        let (source, copy, received_at) = self
            .conn
            .prepare_cached("SELECT source, copy, received_at FROM wire_items WHERE id = ?1")
            .and_then(|mut stmt| {
                stmt.query_row([id], |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        copy_from_json(row, 1)?,
                        parse_time(&row.get::<_, String>(2)?)?,
                    ))
                })
                .optional()
            })
            .context(context)?
            .ok_or_else(|| Error::not_found("wire item", id))?;
        let earlier_versions = self
            .conn
            .prepare_cached(
                "SELECT version FROM wire_versions WHERE item_id = ?1 ORDER BY version, received_at",
            )
            .and_then(|mut stmt| stmt.query_map([id], |row| row.get(0))?.collect())
            .context(context)?;
        Ok(WireItem {
            id: id.to_owned(),
            source,
            copy,
            received_at,
            earlier_versions,
        })
    }

    /// The earlier versions of an item, oldest first.
    pub fn wire_versions(&self, id: &str) -> Result<Vec<WireVersion>> {
        self.conn
            .prepare_cached(
                "SELECT copy, received_at FROM wire_versions WHERE item_id = ?1
                 ORDER BY version, received_at",
            )
            .and_then(|mut stmt| {
                stmt.query_map([id], |row| {
                    Ok(WireVersion {
                        copy: copy_from_json(row, 0)?,
                        received_at: parse_time(&row.get::<_, String>(1)?)?,
                    })
                })?
                .collect()
            })
            .context(|| format!("reading the earlier versions of wire item {id}"))
    }

    /// The full id of the one wire item whose id starts with `prefix`.
    pub fn resolve_wire_id(&self, prefix: &str) -> Result<String> {
        self.resolve_id("wire_items", "wire item", prefix)
    }

    /// The queue: newest first, or best match first when `filter.text` has words to find.
    pub fn list_wire(&self, filter: &WireFilter) -> Result<Vec<WireSummary>> {
        let limit = if filter.limit == 0 {
            DEFAULT_LIMIT
        } else {
            filter.limit
        } as i64;
        let context = || "listing the wire queue";
        let words = Words::to_find(&self.conn, "wire_fts", &filter.text).context(context)?;
        let mut summaries: Vec<WireSummary> = match words {
            None => {
                let sql = format!(
                    "SELECT {SUMMARY_COLUMNS} FROM wire_items w WHERE {FILTERS}
                     ORDER BY w.received_at DESC, w.seq DESC LIMIT ?4 OFFSET ?5"
                );
                let mut stmt = self.conn.prepare_cached(&sql).context(context)?;
                stmt.query_map(
                    params![
                        filter.source,
                        filter.urgency,
                        filter.subject,
                        limit,
                        filter.offset as i64
                    ],
                    |row| summary_from_row(row, None),
                )
                .and_then(|rows| rows.collect())
                .context(context)?
            }
            Some(words) => {
                let (expression, phrases) = (words.expression(), words.phrases);
                // Ranked on the index alone, the item rows read only for the page of hits
                // (the article search found joining the rows first cost several times the
                // ranking); the filters become lists of index rows.
                // Only the newest RANKED_MATCHES matches are ranked, as in the article
                // search and for its reason: a word in most of the queue ("Berlin", "said")
                // otherwise ranks every match for each key typed. An item keeps its index row
                // through updates, so "newest" is the order in which guids first arrived.
                let oldest_ranked: i64 = self
                    .conn
                    .prepare_cached(&format!(
                        "SELECT rowid FROM wire_fts WHERE wire_fts MATCH ?4 AND {FTS_FILTERS}
                         ORDER BY rowid DESC LIMIT 1 OFFSET {}",
                        RANKED_MATCHES - 1
                    ))
                    .context(context)?
                    .query_row(
                        params![filter.source, filter.urgency, filter.subject, expression],
                        |row| row.get(0),
                    )
                    .optional()
                    .context(context)?
                    .unwrap_or(i64::MIN);
                let weights = newsdesk_ranking::weights_blob(
                    &phrase_weights(&self.conn, "wire_fts", &phrases).context(context)?,
                );
                // The snippets are made for the page of hits only, not for every match ranked.
                let sql = format!(
                    "SELECT {SUMMARY_COLUMNS}
                     FROM (SELECT rowid AS seq, {RANK} AS score
                           FROM wire_fts
                           WHERE wire_fts MATCH ?6 AND {FTS_FILTERS} AND rowid >= ?7
                           ORDER BY score LIMIT ?4 OFFSET ?5) hit
                     JOIN wire_items w ON w.seq = hit.seq
                     ORDER BY hit.score"
                );
                let mut stmt = self.conn.prepare_cached(&sql).context(context)?;
                let mut snippet = self
                    .conn
                    .prepare_cached(&format!(
                        "SELECT snippet(wire_fts, -1, '[', ']', '…', {SNIPPET_TOKENS})
                         FROM wire_fts WHERE wire_fts MATCH ?1 AND rowid = ?2"
                    ))
                    .context(context)?;
                stmt.query_map(
                    params![
                        filter.source,
                        filter.urgency,
                        filter.subject,
                        limit,
                        filter.offset as i64,
                        expression,
                        oldest_ranked,
                        weights
                    ],
                    |row| {
                        let seq: i64 = row.get(0)?;
                        let marked =
                            snippet.query_row(params![expression, seq], |hit| hit.get(0))?;
                        summary_from_row(row, Some(marked))
                    },
                )
                .and_then(|rows| rows.collect())
                .context(context)?
            }
        };
        let mut stories = self
            .conn
            .prepare_cached(
                "SELECT article_id FROM wire_stories WHERE item_id = ?1 ORDER BY started_at",
            )
            .context(context)?;
        for summary in &mut summaries {
            summary.stories = stories
                .query_map([&summary.id], |row| row.get(0))
                .and_then(|rows| rows.collect())
                .context(context)?;
        }
        Ok(summaries)
    }

    /// The sources the queue holds, for its filter.
    pub fn wire_sources(&self) -> Result<Vec<String>> {
        self.conn
            .prepare_cached("SELECT DISTINCT source FROM wire_items ORDER BY source")
            .and_then(|mut stmt| stmt.query_map([], |row| row.get(0))?.collect())
            .context(|| "listing the wire sources")
    }

    /// Creates a draft from a wire item and records where it came from, in one transaction.
    /// A story started from a withheld item is stopped from the start.
    pub fn start_wire_story(&mut self, item: &WireItem, fields: &ArticleFields) -> Result<Article> {
        let author = self.author.clone();
        let tx = self.write_tx()?;
        let article = insert_article(
            &tx,
            None,
            fields,
            Status::Draft,
            RevisionKind::Create,
            &author,
        )?;
        let at = format_time(now());
        let stop = item.copy.status.stops_stories();
        tx.execute(
            "INSERT INTO wire_stories (article_id, item_id, item_version, started_at, stop_status,
                                       stop_note, stop_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                article.id,
                item.id,
                item.copy.version,
                at,
                stop.then(|| item.copy.status.as_str()),
                if stop { item.copy.ed_note.as_str() } else { "" },
                stop.then_some(&at)
            ],
        )
        .context(|| format!("recording the wire item of story {}", article.id))?;
        tx.commit()
            .context(|| "committing the story started from the wire")?;
        Ok(article)
    }

    /// The wire item a story was started from, with the notice that stops it, if any.
    pub fn wire_origin(&self, article_id: &str) -> Result<Option<WireOrigin>> {
        self.conn
            .prepare_cached(
                "SELECT s.item_id, w.guid, s.item_version, w.copy, w.source, s.stop_status,
                        s.stop_note, s.stop_at
                 FROM wire_stories s JOIN wire_items w ON w.id = s.item_id
                 WHERE s.article_id = ?1",
            )
            .and_then(|mut stmt| {
                stmt.query_row([article_id], |row| {
                    let stop = match row.get::<_, Option<String>>(5)? {
                        Some(status) => Some(WireStop {
                            status: WireStatus::parse(&status),
                            note: row.get(6)?,
                            at: parse_time(&row.get::<_, String>(7)?)?,
                        }),
                        None => None,
                    };
                    Ok(WireOrigin {
                        article_id: article_id.to_owned(),
                        item_id: row.get(0)?,
                        guid: row.get(1)?,
                        version: row.get(2)?,
                        agency: copy_from_json(row, 3)?.agency,
                        source: row.get(4)?,
                        stop,
                    })
                })
                .optional()
            })
            .context(|| format!("reading the wire origin of story {article_id}"))
    }

    /// An editor's word that a story may go out despite the agency's kill or withhold (it was
    /// rewritten, or the agency lifted the hold). Named on the row: who, and when.
    pub fn clear_wire_stop(&mut self, article_id: &str) -> Result<WireOrigin> {
        let author = self.author.clone();
        let changed = self
            .conn
            .execute(
                "UPDATE wire_stories SET stop_status = NULL, cleared_by = ?2, cleared_at = ?3
                 WHERE article_id = ?1 AND stop_status IS NOT NULL",
                params![article_id, author, format_time(now())],
            )
            .context(|| format!("clearing the wire notice on story {article_id}"))?;
        let origin = self
            .wire_origin(article_id)?
            .ok_or_else(|| Error::not_found("story from the wire", article_id))?;
        if changed == 0 {
            return Err(Error::invalid(format!(
                "story {article_id} has no kill or withhold notice to clear"
            )));
        }
        Ok(origin)
    }

    /// The wire folders to watch while the window is open: (folder, source), oldest first.
    pub fn wire_folders(&self) -> Result<Vec<(String, String)>> {
        self.conn
            .prepare_cached("SELECT dir, source FROM wire_folders ORDER BY added_at, dir")
            .and_then(|mut stmt| {
                stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
                    .collect()
            })
            .context(|| "listing the wire folders")
    }

    /// Watches `dir` for feed `source` (replacing the source of a folder already watched).
    pub fn set_wire_folder(&mut self, dir: &str, source: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO wire_folders (dir, source, added_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (dir) DO UPDATE SET source = excluded.source",
                params![dir, source, format_time(now())],
            )
            .context(|| format!("watching the wire folder {dir}"))?;
        Ok(())
    }

    pub fn remove_wire_folder(&mut self, dir: &str) -> Result<()> {
        self.conn
            .execute("DELETE FROM wire_folders WHERE dir = ?1", [dir])
            .context(|| format!("no longer watching {dir}"))?;
        Ok(())
    }

    /// How many items the queue holds.
    pub fn wire_count(&self) -> Result<i64> {
        self.conn
            .query_row("SELECT count(*) FROM wire_items", [], |row| row.get(0))
            .context(|| "counting the wire queue")
    }
}

fn record_in(
    tx: &Transaction<'_>,
    source: &str,
    copy: &WireCopy,
    sha256: &str,
    file_name: &str,
) -> Result<(String, Recorded)> {
    let context = || format!("recording wire item {:?}", copy.guid);
    let seen: Option<String> = tx
        .query_row(
            "SELECT item_id FROM wire_files WHERE sha256 = ?1",
            [sha256],
            |row| row.get(0),
        )
        .optional()
        .context(context)?;
    if let Some(item_id) = seen {
        return Ok((item_id, Recorded::Duplicate));
    }
    let at = format_time(now());
    let current: Option<(String, i64, String, String)> = tx
        .query_row(
            "SELECT id, version, copy, received_at FROM wire_items WHERE guid = ?1",
            [&copy.guid],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
        )
        .optional()
        .context(context)?;
    let (item_id, recorded) = match current {
        None => {
            let id = uuid::Uuid::new_v4().to_string();
            let seq = write_item(tx, &id, source, copy, &at).context(context)?;
            index(tx, seq, copy)?;
            (id, Recorded::New)
        }
        // The same version again with other bytes is the agency sending a correction
        // without counting it: it replaces the item like a new version.
        Some((id, version, old_copy, old_at)) if copy.version >= version => {
            keep_version(tx, &id, version, &old_at, &old_copy).context(context)?;
            let seq = write_item(tx, &id, source, copy, &at).context(context)?;
            index(tx, seq, copy)?;
            if copy.status.stops_stories() {
                tx.execute(
                    "UPDATE wire_stories SET stop_status = ?2, stop_note = ?3, stop_at = ?4,
                             cleared_by = '', cleared_at = NULL
                         WHERE item_id = ?1",
                    params![id, copy.status.as_str(), copy.ed_note, at],
                )
                .context(context)?;
            }
            (id, Recorded::Updated { previous: version })
        }
        Some((id, _, _, _)) => {
            keep_version(tx, &id, copy.version, &at, &to_json(copy)).context(context)?;
            (id, Recorded::Earlier)
        }
    };
    tx.execute(
        "INSERT INTO wire_files (sha256, item_id, file_name, received_at) VALUES (?1, ?2, ?3, ?4)",
        params![sha256, item_id, file_name, at],
    )
    .context(context)?;
    Ok((item_id, recorded))
}

/// Writes `copy` as item `guid`'s latest version: a new row under `id`, or the row the guid
/// already has (its `id` and `seq` kept). Returns the row's `seq`.
fn write_item(
    tx: &Transaction<'_>,
    id: &str,
    source: &str,
    copy: &WireCopy,
    at: &str,
) -> rusqlite::Result<i64> {
    tx.query_row(
        "INSERT INTO wire_items (id, guid, source, version, kind, status, urgency, headline,
                                 received_at, copy)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (guid) DO UPDATE SET
             source = excluded.source, version = excluded.version, kind = excluded.kind,
             status = excluded.status, urgency = excluded.urgency,
             headline = excluded.headline, received_at = excluded.received_at,
             copy = excluded.copy
         RETURNING seq",
        params![
            id,
            copy.guid,
            source,
            copy.version,
            copy.kind.as_str(),
            copy.status.as_str(),
            copy.urgency,
            copy.headline,
            at,
            to_json(copy)
        ],
        |row| row.get(0),
    )
}

/// Keeps a version of item `id` that is not (or no longer) its latest, for the diff.
fn keep_version(
    tx: &Transaction<'_>,
    id: &str,
    version: i64,
    received_at: &str,
    copy_json: &str,
) -> rusqlite::Result<usize> {
    tx.execute(
        "INSERT OR IGNORE INTO wire_versions (item_id, version, received_at, copy)
             VALUES (?1, ?2, ?3, ?4)",
        params![id, version, received_at, copy_json],
    )
}

fn index(tx: &Transaction<'_>, seq: i64, copy: &WireCopy) -> Result<()> {
    let context = || format!("indexing wire item {:?}", copy.guid);
    tx.prepare_cached("DELETE FROM wire_fts WHERE rowid = ?1")
        .and_then(|mut stmt| stmt.execute([seq]))
        .context(context)?;
    tx.prepare_cached(
        "INSERT INTO wire_fts (rowid, headline, dek, body, byline, subjects)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )
    .and_then(|mut stmt| {
        stmt.execute(params![
            seq,
            indexable(&copy.headline),
            indexable(&copy.dek),
            indexable(&copy.body),
            indexable(&copy.byline),
            indexable(&copy.subjects.join(" "))
        ])
    })
    .context(context)?;
    tx.prepare_cached("DELETE FROM wire_subjects WHERE item_seq = ?1")
        .and_then(|mut stmt| stmt.execute([seq]))
        .context(context)?;
    let mut insert = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO wire_subjects (subject, item_seq) VALUES (lower(?1), ?2)",
        )
        .context(context)?;
    for subject in &copy.subjects {
        insert.execute(params![subject, seq]).context(context)?;
    }
    Ok(())
}
