//! The team desk's rows (migration 008): who works on this laptop, the desk it has joined, each
//! article's Automerge document and where the two last agreed, the documents' bytes, and the
//! field conflicts merging finds. The sync engine itself lives in `newsdesk-sync`; it changes
//! the library only through these methods, so a merged change is one transaction like a save.

use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::articles::{insert_article, load_article, normalised, validate, write_version};
use super::{Store, format_time, now, parse_time};
use crate::article::{Article, ArticleFields, Status};
use crate::error::Context;
use crate::store::RevisionKind;
use crate::{Error, Result};

/// The longest name a person may give: it is shown in lists and on every revision.
const MAX_NAME_CHARS: usize = 80;

/// Who works on this laptop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Identity {
    pub name: String,
    /// A UUID made when the name was first set; kept when the name changes.
    pub device_id: String,
}

/// The desk this laptop has joined.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Desk {
    /// The relay, `ws://host:port` (or `wss://` behind a proxy).
    pub url: String,
    /// The desk's index document, once known.
    pub index_doc_id: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub joined_at: OffsetDateTime,
}

/// An article's Automerge document and where the library and the document last agreed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskDocument {
    pub article_id: String,
    pub doc_id: String,
    /// The document's heads (change hashes, hex) when they last agreed.
    pub synced_heads: Vec<String>,
    /// The article version those heads became (or were made from).
    pub synced_version: i64,
    /// The article's version now: past `synced_version` when it was saved here since.
    pub version: i64,
}

impl DeskDocument {
    /// Saved here since the library and the document last agreed.
    pub fn saved_since_sync(&self) -> bool {
        self.version != self.synced_version
    }
}

/// One of the values a field was given concurrently, and who gave it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ConflictCandidate {
    /// The field's value as it appears in the article's JSON (`"text"`, `null`, an object); for
    /// a photo, a record field's text, the focal point's `[x, y]` or `null`, a crop or `null`
    /// for a deleted one.
    #[cfg_attr(feature = "ts", ts(type = "unknown"))]
    pub value: serde_json::Value,
    pub by: String,
    /// The device it was given on (`Identity::device_id`): one person may work on two
    /// laptops. Empty in conflicts recorded before devices were named.
    #[serde(default)]
    pub device: String,
}

/// A field two people set to different values at once: shown with both, never silently picked,
/// and blocking export until the editor resolves it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FieldConflict {
    pub article_id: String,
    /// `headline`, `dek`, `status`, `embargo`, `lead_photo`...
    pub field: String,
    pub candidates: Vec<ConflictCandidate>,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub opened_at: OffsetDateTime,
}

/// What a sync brings into the library for one article: the document's state as fields, who
/// made the changes, the heads it reached, and every field left with concurrent values.
#[derive(Debug, Clone)]
pub struct MergedChange {
    pub fields: ArticleFields,
    pub status: Status,
    /// The people whose changes these are, as they read on the revision.
    pub author: String,
    pub doc_id: String,
    pub heads: Vec<String>,
    pub conflicts: Vec<(String, Vec<ConflictCandidate>)>,
}

impl Store {
    pub fn identity(&self) -> Result<Option<Identity>> {
        self.conn
            .query_row("SELECT name, device_id FROM identity", [], |row| {
                Ok(Identity {
                    name: row.get(0)?,
                    device_id: row.get(1)?,
                })
            })
            .optional()
            .context(|| "reading who works on this laptop")
    }

    /// Names the person who works on this laptop; the device id is made the first time and kept.
    /// Revisions written from now on carry the name.
    pub fn set_identity(&mut self, name: &str) -> Result<Identity> {
        let name = crate::text::without_stray_controls(name.trim()).into_owned();
        if name.is_empty() {
            return Err(Error::invalid(
                "give a name: it is shown on every change you make",
            ));
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(Error::invalid(format!(
                "a name may be at most {MAX_NAME_CHARS} characters"
            )));
        }
        let device_id = match self.identity()? {
            Some(me) => me.device_id,
            None => uuid::Uuid::new_v4().to_string(),
        };
        self.conn
            .execute(
                "INSERT INTO identity (only, name, device_id) VALUES (1, ?1, ?2)
                 ON CONFLICT (only) DO UPDATE SET name = excluded.name",
                params![name, device_id],
            )
            .context(|| "naming who works on this laptop")?;
        self.author = name.clone();
        Ok(Identity { name, device_id })
    }

    pub fn desk(&self) -> Result<Option<Desk>> {
        self.conn
            .query_row("SELECT url, index_doc_id, joined_at FROM desk", [], |row| {
                Ok(Desk {
                    url: row.get(0)?,
                    index_doc_id: row.get(1)?,
                    joined_at: parse_time(&row.get::<_, String>(2)?)?,
                })
            })
            .optional()
            .context(|| "reading the desk this library has joined")
    }

    /// Records the desk this library belongs to. Joining the same desk again changes nothing; a
    /// library on one desk is refused another (its documents belong to the first).
    pub fn join_desk(&mut self, url: &str, index_doc_id: &str) -> Result<Desk> {
        if let Some(desk) = self.desk()? {
            if desk.url == url && desk.index_doc_id.as_deref() == Some(index_doc_id) {
                return Ok(desk);
            }
            return Err(Error::invalid(format!(
                "this library is already on the desk at {}; a library belongs to one desk",
                desk.url
            )));
        }
        let at = now();
        self.conn
            .execute(
                "INSERT INTO desk (only, url, index_doc_id, joined_at) VALUES (1, ?1, ?2, ?3)",
                params![url, index_doc_id, format_time(at)],
            )
            .context(|| "joining the desk")?;
        Ok(Desk {
            url: url.to_owned(),
            index_doc_id: Some(index_doc_id.to_owned()),
            joined_at: at,
        })
    }

    /// Keeps the token a desk took, for the syncs that run without anyone typing it again
    /// (the window's background sync). Only for the desk this library has joined.
    pub fn keep_desk_token(&mut self, token: &str) -> Result<()> {
        let changed = self
            .conn
            .execute("UPDATE desk SET token = ?1", [token.trim()])
            .context(|| "keeping the desk token")?;
        if changed == 0 {
            return Err(Error::invalid(
                "this library has not joined a desk: there is no desk to keep a token for",
            ));
        }
        Ok(())
    }

    /// The kept desk token, for a sync; never shown.
    pub fn desk_token(&self) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT token FROM desk", [], |row| row.get(0))
            .optional()
            .map(Option::flatten)
            .context(|| "reading the desk token")
    }

    /// Stories and photos whose saves have not reached the desk yet: never synced, or saved
    /// since they last agreed with their document. One query, cheap enough to run after every
    /// save.
    pub fn desk_changes_waiting(&self) -> Result<usize> {
        self.count(
            "SELECT (SELECT count(*) FROM articles a
                     LEFT JOIN desk_documents d ON d.article_id = a.id
                     WHERE d.article_id IS NULL OR d.synced_version <> a.version)
                  + (SELECT count(*) FROM photos p
                     LEFT JOIN desk_photos d ON d.photo_id = p.id
                     WHERE d.photo_id IS NULL OR d.synced_version <> p.version)",
            "the changes waiting for the desk",
        )
    }

    /// Field conflicts open in the whole library.
    pub fn open_conflict_count(&self) -> Result<usize> {
        self.count(
            "SELECT count(*) FROM field_conflicts WHERE resolved_at IS NULL",
            "field conflicts",
        )
    }

    /// Photo conflicts open in the whole library (a field, the focal point or a crop of one
    /// photo each).
    pub fn open_photo_conflict_count(&self) -> Result<usize> {
        self.count(
            "SELECT count(*) FROM photo_conflicts WHERE resolved_at IS NULL",
            "photo conflicts",
        )
    }

    /// The one number `sql` selects; `what` says what was counted if it fails.
    fn count(&self, sql: &str, what: &str) -> Result<usize> {
        self.conn
            .query_row(sql, [], |row| row.get::<_, i64>(0))
            .map(|n| n as usize)
            .context(|| format!("counting {what}"))
    }

    pub fn desk_documents(&self) -> Result<Vec<DeskDocument>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT d.article_id, d.doc_id, d.synced_heads, d.synced_version, a.version
                 FROM desk_documents d JOIN articles a ON a.id = d.article_id",
            )
            .context(|| "listing the desk's documents")?;
        let rows = stmt
            .query_map([], |row| {
                let heads: String = row.get(2)?;
                Ok(DeskDocument {
                    article_id: row.get(0)?,
                    doc_id: row.get(1)?,
                    synced_heads: split_heads(&heads),
                    synced_version: row.get(3)?,
                    version: row.get(4)?,
                })
            })
            .context(|| "listing the desk's documents")?;
        rows.collect::<rusqlite::Result<_>>()
            .context(|| "listing the desk's documents")
    }

    /// Up to `at_most` articles that have no document on the desk yet (written before joining,
    /// or since), the newest first.
    pub fn articles_off_desk(&self, at_most: usize) -> Result<Vec<Article>> {
        let ids: Vec<String> = self
            .conn
            .prepare_cached(
                "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM desk_documents)
                 ORDER BY seq DESC LIMIT ?1",
            )
            .and_then(|mut stmt| {
                stmt.query_map([i64::try_from(at_most).unwrap_or(i64::MAX)], |row| {
                    row.get(0)
                })?
                .collect()
            })
            .context(|| "listing articles not on the desk")?;
        ids.iter().map(|id| self.article(id)).collect()
    }

    /// Takes `article_id` off the desk in this library, so the next sync puts it there anew:
    /// for a document recorded as made that never reached the laptop's copy nor the relay (a
    /// sync killed in between). The article itself is untouched.
    pub fn forget_desk_document(&mut self, article_id: &str) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM desk_documents WHERE article_id = ?1")
            .and_then(|mut stmt| stmt.execute([article_id]))
            .context(|| format!("taking article {article_id} off the desk"))?;
        Ok(())
    }

    /// Records that `article_id` is now document `doc_id`, agreeing at `heads` and `version`
    /// (a new document, or one whose local changes were just applied and nothing came in).
    pub fn mark_desk_document(
        &mut self,
        article_id: &str,
        doc_id: &str,
        heads: &[String],
        version: i64,
    ) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO desk_documents (article_id, doc_id, synced_heads, synced_version)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (article_id) DO UPDATE SET
                     synced_heads = excluded.synced_heads, synced_version = excluded.synced_version",
            )
            .and_then(|mut stmt| stmt.execute(params![article_id, doc_id, heads.join(","), version]))
            .context(|| format!("recording the desk document of article {article_id}"))?;
        Ok(())
    }

    /// Brings changes merged on the desk into the article, over `base_version`, as one merge
    /// revision naming whose changes they were, with the field conflicts they leave open. A
    /// local save since `base_version` makes this refuse with `Stale`: the sync applies that
    /// save to the document and merges again, so neither is lost.
    pub fn merge_desk_change(
        &mut self,
        article_id: &str,
        base_version: i64,
        merged: &MergedChange,
    ) -> Result<Article> {
        let tx = self.write_tx()?;
        let mut article = load_article(&tx, article_id)?;
        if article.version != base_version {
            return Err(Error::Stale {
                what: "article",
                id: article_id.to_owned(),
                base_version,
                current_version: article.version,
            });
        }
        // Not validated: what another laptop's library accepted is kept here too; preflight
        // stops anything that may not go out.
        article.fields = normalised(merged.fields.clone());
        article.status = merged.status;
        let heads = merged.heads.join(",");
        write_version(
            &tx,
            &mut article,
            RevisionKind::Merge,
            &merged.author,
            Some(&heads),
        )?;
        record_desk_side(&tx, article_id, merged, &heads, article.version)?;
        tx.commit()
            .context(|| format!("committing the merge into article {article_id}"))?;
        Ok(article)
    }

    /// A story that came from the desk, new to this library, created under its own id.
    pub fn create_from_desk(&mut self, article_id: &str, merged: &MergedChange) -> Result<Article> {
        let tx = self.write_tx()?;
        let article = insert_article(
            &tx,
            Some(article_id),
            &merged.fields,
            merged.status,
            RevisionKind::Merge,
            &merged.author,
        )?;
        let heads = merged.heads.join(",");
        tx.execute(
            "UPDATE revisions SET change = ?2 WHERE article_id = ?1 AND number = 1",
            params![article_id, heads],
        )
        .context(|| "naming the merged change")?;
        record_desk_side(&tx, article_id, merged, &heads, article.version)?;
        tx.commit()
            .context(|| format!("committing the story {article_id} from the desk"))?;
        Ok(article)
    }

    /// The field conflicts of an article still waiting for the editor.
    pub fn open_conflicts(&self, article_id: &str) -> Result<Vec<FieldConflict>> {
        let open = open_conflict_rows(&self.conn, Conflicted::Article, article_id)?;
        Ok(open
            .into_iter()
            .map(|(field, candidates, opened_at)| FieldConflict {
                article_id: article_id.to_owned(),
                field,
                candidates,
                opened_at,
            })
            .collect())
    }

    /// The editor's answer to a field conflict: `value` (one of the candidates or a new one,
    /// as the field's JSON) saved over `base_version`, closing the conflict in the same
    /// transaction. The next sync writes it to the document over both concurrent values.
    pub fn resolve_conflict(
        &mut self,
        article_id: &str,
        base_version: i64,
        field: &str,
        value: &serde_json::Value,
    ) -> Result<Article> {
        let author = self.author.clone();
        let tx = self.write_tx()?;
        let mut article = load_article(&tx, article_id)?;
        let open: bool = tx
            .query_row(
                "SELECT 1 FROM field_conflicts
                 WHERE article_id = ?1 AND field = ?2 AND resolved_at IS NULL",
                params![article_id, field],
                |_| Ok(true),
            )
            .optional()
            .context(|| "looking up the field conflict")?
            .unwrap_or(false);
        if !open {
            return Err(Error::invalid(format!(
                "article {article_id} has no open conflict on {field:?}"
            )));
        }
        if article.version != base_version {
            return Err(Error::Stale {
                what: "article",
                id: article_id.to_owned(),
                base_version,
                current_version: article.version,
            });
        }
        if field == "status" {
            article.status = serde_json::from_value(value.clone()).map_err(|_| {
                Error::invalid(format!(
                    "{value} is not a status: use one of draft, editing, ready, published, spiked"
                ))
            })?;
        } else {
            let mut json =
                serde_json::to_value(&article.fields).expect("article fields always serialise");
            json[field] = value.clone();
            article.fields = serde_json::from_value(json)
                .map_err(|e| Error::invalid(format!("{value} is not a value for {field}: {e}")))?;
            article.fields = normalised(std::mem::take(&mut article.fields));
            validate(&article.fields)?;
        }
        write_version(&tx, &mut article, RevisionKind::Save, &author, None)?;
        tx.execute(
            "UPDATE field_conflicts SET resolved_at = ?3, resolved_by = ?4
             WHERE article_id = ?1 AND field = ?2 AND resolved_at IS NULL",
            params![article_id, field, format_time(now()), author],
        )
        .context(|| "closing the field conflict")?;
        tx.commit()
            .context(|| format!("committing the resolution of {field}"))?;
        Ok(article)
    }

    /// samod's storage, in the library: one value by key.
    pub fn desk_chunk(&self, key: &str) -> Result<Option<Vec<u8>>> {
        self.conn
            .prepare_cached("SELECT data FROM desk_chunks WHERE key = ?1")
            .and_then(|mut stmt| stmt.query_row([key], |row| row.get(0)).optional())
            .context(|| "reading a desk document")
    }

    /// Every value whose key starts with `prefix` (keys are `/`-joined parts).
    pub fn desk_chunks_under(&self, prefix: &str) -> Result<Vec<(String, Vec<u8>)>> {
        self.conn
            .prepare_cached(
                "SELECT key, data FROM desk_chunks WHERE key >= ?1 AND key < ?1 || X'FFFF'",
            )
            .and_then(|mut stmt| {
                stmt.query_map([prefix], |row| Ok((row.get(0)?, row.get(1)?)))?
                    .collect()
            })
            .context(|| "reading desk documents")
    }

    pub fn put_desk_chunk(&mut self, key: &str, data: &[u8]) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO desk_chunks (key, data) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET data = excluded.data",
            )
            .and_then(|mut stmt| stmt.execute(params![key, data]))
            .context(|| "keeping a desk document")?;
        Ok(())
    }

    pub fn delete_desk_chunk(&mut self, key: &str) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM desk_chunks WHERE key = ?1")
            .and_then(|mut stmt| stmt.execute([key]))
            .context(|| "compacting a desk document")?;
        Ok(())
    }
}

/// What a conflict belongs to: its table and the column naming its owner.
#[derive(Clone, Copy)]
pub(super) enum Conflicted {
    Article,
    Photo,
}

impl Conflicted {
    fn table(self) -> &'static str {
        match self {
            Conflicted::Article => "field_conflicts",
            Conflicted::Photo => "photo_conflicts",
        }
    }

    fn owner(self) -> &'static str {
        match self {
            Conflicted::Article => "article_id",
            Conflicted::Photo => "photo_id",
        }
    }
}

/// The open conflicts of one article or photo: field, every value with who gave it, and when
/// it was found.
pub(super) fn open_conflict_rows(
    conn: &rusqlite::Connection,
    of: Conflicted,
    id: &str,
) -> Result<Vec<(String, Vec<ConflictCandidate>, OffsetDateTime)>> {
    let sql = format!(
        "SELECT field, candidates, opened_at FROM {} WHERE {} = ?1 AND resolved_at IS NULL
         ORDER BY field",
        of.table(),
        of.owner()
    );
    let context = || format!("listing the open conflicts of {id}");
    let mut stmt = conn.prepare_cached(&sql).context(context)?;
    let rows = stmt
        .query_map([id], |row| {
            let candidates: String = row.get(1)?;
            let candidates = serde_json::from_str(&candidates).map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, e.into())
            })?;
            Ok((
                row.get(0)?,
                candidates,
                parse_time(&row.get::<_, String>(2)?)?,
            ))
        })
        .context(context)?;
    rows.collect::<rusqlite::Result<_>>().context(context)
}

fn split_heads(heads: &str) -> Vec<String> {
    heads
        .split(',')
        .filter(|h| !h.is_empty())
        .map(str::to_owned)
        .collect()
}

/// What a merge leaves beside the article: the field conflicts it holds, and the document
/// agreeing with the library at `heads` and `version`.
fn record_desk_side(
    tx: &Transaction<'_>,
    article_id: &str,
    merged: &MergedChange,
    heads: &str,
    version: i64,
) -> Result<()> {
    record_conflicts(
        tx,
        Conflicted::Article,
        article_id,
        &merged.conflicts,
        &merged.author,
    )?;
    record_document(tx, article_id, &merged.doc_id, heads, version)
}

fn record_document(
    tx: &Transaction<'_>,
    article_id: &str,
    doc_id: &str,
    heads: &str,
    version: i64,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO desk_documents (article_id, doc_id, synced_heads, synced_version)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (article_id) DO UPDATE SET
             synced_heads = excluded.synced_heads, synced_version = excluded.synced_version",
    )
    .and_then(|mut stmt| stmt.execute(params![article_id, doc_id, heads, version]))
    .context(|| format!("recording the desk document of article {article_id}"))?;
    Ok(())
}

/// Makes the open conflicts of an article or photo exactly `conflicts`: new ones opened, known
/// ones given their current candidates, and the ones the merged change settled (someone
/// resolved them on another laptop) closed in that person's name.
pub(super) fn record_conflicts(
    tx: &Transaction<'_>,
    of: Conflicted,
    id: &str,
    conflicts: &[(String, Vec<ConflictCandidate>)],
    author: &str,
) -> Result<()> {
    let (table, owner) = (of.table(), of.owner());
    let at = format_time(now());
    let open: Vec<String> = tx
        .prepare_cached(&format!(
            "SELECT field FROM {table} WHERE {owner} = ?1 AND resolved_at IS NULL"
        ))
        .and_then(|mut stmt| stmt.query_map([id], |row| row.get(0))?.collect())
        .context(|| format!("listing the open conflicts of {id}"))?;
    for field in open
        .iter()
        .filter(|f| !conflicts.iter().any(|(c, _)| c == *f))
    {
        tx.execute(
            &format!(
                "UPDATE {table} SET resolved_at = ?3, resolved_by = ?4
                 WHERE {owner} = ?1 AND field = ?2 AND resolved_at IS NULL"
            ),
            params![id, field, at, author],
        )
        .context(|| format!("closing the settled conflict on {field} of {id}"))?;
    }
    for (field, candidates) in conflicts {
        let candidates =
            serde_json::to_string(candidates).expect("conflict candidates always serialise");
        tx.execute(
            &format!(
                "INSERT INTO {table} ({owner}, field, candidates, opened_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT ({owner}, field) WHERE resolved_at IS NULL
                 DO UPDATE SET candidates = excluded.candidates"
            ),
            params![id, field, candidates, at],
        )
        .context(|| format!("recording the conflict on {field} of {id}"))?;
    }
    Ok(())
}
