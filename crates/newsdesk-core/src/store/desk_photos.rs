//! Photos on the team desk (migration 009): each photo's Automerge document and where the
//! library and the document last agreed, and the conflicts a merge finds in a photo's desk
//! record, focal point or crops. The sync engine (`newsdesk-sync`) changes photos only through
//! these methods, so a merged change is one transaction like an edit on the photo desk.

use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::desk::{ConflictCandidate, Conflicted, open_conflict_rows, record_conflicts};
use super::photos::{NewPhoto, photo_in, update_photo_with as update_photo};
use super::{Store, format_time, now};
use crate::error::Context;
use crate::photo::{Crop, DeskRecord, Photo};
use crate::{Error, Result};

/// The prefix of a crop's name where a photo conflict names the crop (`crop:lead`).
pub const CROP_FIELD: &str = "crop:";
/// The name of the focal point in a photo conflict.
pub const FOCAL_FIELD: &str = "focal_point";

/// A photo's Automerge document and where the library and the document last agreed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskPhoto {
    /// The photo's id: the SHA-256 of its original.
    pub photo_id: String,
    pub doc_id: String,
    /// The document's heads (change hashes, hex) when they last agreed.
    pub synced_heads: Vec<String>,
    /// The photo version those heads became (or were made from).
    pub synced_version: i64,
    /// The photo's version now: another than `synced_version` when the photo desk changed it
    /// here since.
    pub version: i64,
}

impl DeskPhoto {
    pub fn changed_since_sync(&self) -> bool {
        self.version != self.synced_version
    }
}

/// A file of the desk this laptop holds, named on the relay by its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeldBlob {
    /// A photo's original: its SHA-256 is the photo's id; `path` is relative to the library.
    Original { photo_id: String, path: String },
    /// The thumbnail of `photo_id` its document names (`photo::thumbnail_path`).
    Thumbnail { photo_id: String, sha256: String },
}

impl HeldBlob {
    /// Its name on the relay.
    pub fn sha256(&self) -> &str {
        match self {
            HeldBlob::Original { photo_id, .. } => photo_id,
            HeldBlob::Thumbnail { sha256, .. } => sha256,
        }
    }
}

/// What a sync brings into the library for one photo: the desk's side of it as the document
/// holds it, who made the changes, the heads it reached, and what was set concurrently.
#[derive(Debug, Clone)]
pub struct MergedPhoto {
    pub desk: DeskRecord,
    pub focal_point: Option<(f64, f64)>,
    pub crops: Vec<Crop>,
    /// The people whose changes these are.
    pub author: String,
    pub doc_id: String,
    pub heads: Vec<String>,
    /// `credit`, `caption`... , [`FOCAL_FIELD`] or [`CROP_FIELD`]`name`, each with every
    /// value and who gave it. The fields above hold Automerge's deterministic pick meanwhile.
    pub conflicts: Vec<(String, Vec<ConflictCandidate>)>,
}

/// Something two people set to different values at once on one photo: shown with both values,
/// never silently picked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PhotoConflict {
    pub photo_id: String,
    /// A desk field (`credit`, `caption`...), `focal_point` or `crop:<name>`.
    pub field: String,
    pub candidates: Vec<ConflictCandidate>,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub opened_at: OffsetDateTime,
}

impl Store {
    pub fn desk_photos(&self) -> Result<Vec<DeskPhoto>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT d.photo_id, d.doc_id, d.synced_heads, d.synced_version, p.version
                 FROM desk_photos d JOIN photos p ON p.id = d.photo_id",
            )
            .context(|| "listing the desk's photos")?;
        let rows = stmt
            .query_map([], |row| {
                let heads: String = row.get(2)?;
                Ok(DeskPhoto {
                    photo_id: row.get(0)?,
                    doc_id: row.get(1)?,
                    synced_heads: heads
                        .split(',')
                        .filter(|h| !h.is_empty())
                        .map(str::to_owned)
                        .collect(),
                    synced_version: row.get(3)?,
                    version: row.get(4)?,
                })
            })
            .context(|| "listing the desk's photos")?;
        rows.collect::<rusqlite::Result<_>>()
            .context(|| "listing the desk's photos")
    }

    /// Photos that have no document on the desk yet (imported before joining, or since).
    pub fn photos_off_desk(&self) -> Result<Vec<Photo>> {
        let ids: Vec<String> = self
            .conn
            .prepare_cached(
                "SELECT id FROM photos WHERE id NOT IN (SELECT photo_id FROM desk_photos)
                 ORDER BY imported_at, id",
            )
            .and_then(|mut stmt| stmt.query_map([], |row| row.get(0))?.collect())
            .context(|| "listing photos not on the desk")?;
        ids.iter().map(|id| self.photo(id)).collect()
    }

    /// Every photo the library's stories use (lead photos and figures in the body) that the
    /// library does not hold: the ones a sync fetches from the desk.
    pub fn photos_wanted(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            // Only stories that can hold a photo: a sync with nothing new reads no others.
            .prepare_cached(
                "SELECT fields FROM articles
                 WHERE instr(fields, 'photo:') > 0 OR json_extract(fields, '$.lead_photo') IS NOT NULL",
            )
            .context(|| "listing the photos stories use")?;
        let rows = stmt
            .query_map([], |row| row.get::<_, String>(0))
            .context(|| "listing the photos stories use")?;
        // A set: every story of a desk usually has a lead photo, and a list searched for each
        // one grew with the square of the desk.
        let mut wanted = std::collections::BTreeSet::new();
        for fields in rows {
            let fields = fields.context(|| "listing the photos stories use")?;
            // Lenient, like every stored row: a field this version does not know is passed over.
            let Ok(fields) = serde_json::from_str::<crate::ArticleFields>(&fields) else {
                continue;
            };
            wanted.extend(
                crate::render::placed_photos(&fields)
                    .into_iter()
                    .map(|(r, _)| r.photo_id)
                    .filter(|id| !id.is_empty()),
            );
        }
        let mut missing = Vec::new();
        for id in wanted {
            let known = self
                .conn
                .query_row("SELECT 1 FROM photos WHERE id = ?1", [&id], |_| Ok(()))
                .optional()
                .context(|| "looking up a photo")?
                .is_some();
            if !known {
                missing.push(id);
            }
        }
        Ok(missing)
    }

    /// Records that photo `photo_id` is document `doc_id`, agreeing at `heads` and `version`.
    pub fn mark_desk_photo(
        &mut self,
        photo_id: &str,
        doc_id: &str,
        heads: &[String],
        version: i64,
    ) -> Result<()> {
        record_desk_photo(&self.conn, photo_id, doc_id, &heads.join(","), version)
    }

    /// Brings changes merged on the desk into the photo, over `base_version`: its desk record,
    /// focal point and crops become the document's, in one transaction that also records the
    /// conflicts left open and where the two now agree. A change on the photo desk here since
    /// `base_version` makes this refuse with `Stale`: the sync applies it to the document and
    /// merges again, so neither is lost.
    pub fn merge_desk_photo(
        &mut self,
        photo_id: &str,
        base_version: i64,
        merged: &MergedPhoto,
    ) -> Result<Photo> {
        let tx = self.photo_write()?;
        let photo = photo_in(&tx, photo_id)?;
        if photo.version != base_version {
            return Err(Error::Stale {
                what: "photo",
                id: photo_id.to_owned(),
                base_version,
                current_version: photo.version,
            });
        }
        write_merged(&tx, photo_id, merged)?;
        let desk = serde_json::to_string(&merged.desk).expect("desk record serialises");
        let (x, y) = (
            merged.focal_point.map(|f| f.0),
            merged.focal_point.map(|f| f.1),
        );
        // The version the merge becomes is known only inside update_photo; the document row
        // is recorded with it there.
        let heads = merged.heads.join(",");
        let doc_id = merged.doc_id.clone();
        update_photo(
            tx,
            photo_id,
            "desk = ?3, focal_x = ?4, focal_y = ?5,",
            params![desk, x, y],
            move |tx, photo| record_desk_photo(tx, &photo.id, &doc_id, &heads, photo.version),
        )
    }

    /// A photo that came from the desk, new to this library: the facts of the file come from
    /// the document, the desk record, focal point and crops as merged. Its original is either
    /// in place already (`photo::receive_original`), or still to come (`awaiting_original`:
    /// thumbnails first, the sync fetches it next and calls [`Store::original_arrived`]).
    /// `thumbnail_sha256`: the checked thumbnail from the desk now in place, if any.
    pub fn create_photo_from_desk(
        &mut self,
        new: &NewPhoto<'_>,
        merged: &MergedPhoto,
        awaiting_original: bool,
        thumbnail_sha256: Option<&str>,
    ) -> Result<Photo> {
        let tx = self.photo_write()?;
        let at = format_time(now());
        tx.execute(
            "INSERT INTO photos (id, format, byte_size, width, height, orientation, original,
                 source_name, embedded, desk, focal_x, focal_y, imported_at, updated_at,
                 awaiting_original)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14)",
            params![
                new.id,
                new.format,
                new.byte_size as i64,
                new.width,
                new.height,
                new.orientation,
                new.original,
                new.source_name,
                serde_json::to_string(new.embedded).expect("metadata serialises"),
                serde_json::to_string(&merged.desk).expect("desk record serialises"),
                merged.focal_point.map(|f| f.0),
                merged.focal_point.map(|f| f.1),
                at,
                awaiting_original
            ],
        )
        .context(|| format!("recording photo {} from the desk", new.id))?;
        write_merged(&tx, new.id, merged)?;
        let photo = photo_in(&tx, new.id)?;
        record_desk_photo(
            &tx,
            new.id,
            &merged.doc_id,
            &merged.heads.join(","),
            photo.version,
        )?;
        record_desk_thumbnail(&tx, new.id, thumbnail_sha256)?;
        tx.commit()
            .context(|| format!("committing photo {} from the desk", new.id))?;
        Ok(photo)
    }

    /// Photos from the desk whose originals have not arrived yet, oldest first: what the
    /// originals phase of a sync fetches.
    pub fn photos_awaiting_original(&self) -> Result<Vec<Photo>> {
        let ids: Vec<String> = self
            .conn
            .prepare_cached(
                "SELECT id FROM photos WHERE awaiting_original = 1 ORDER BY imported_at, id",
            )
            .and_then(|mut stmt| stmt.query_map([], |row| row.get(0))?.collect())
            .context(|| "listing the originals still to come")?;
        ids.iter().map(|id| self.photo(id)).collect()
    }

    /// The original of photo `id` is in place now (checked against its SHA-256): the photo is
    /// whole. Not a change of the desk's record, so its version stays.
    pub fn original_arrived(&mut self, id: &str) -> Result<()> {
        let changed = self
            .conn
            .execute(
                "UPDATE photos SET awaiting_original = 0 WHERE id = ?1",
                [id],
            )
            .context(|| format!("recording the original of photo {id}"))?;
        if changed == 0 {
            return Err(Error::not_found("photo", id));
        }
        Ok(())
    }

    /// Records that this laptop holds the thumbnail `sha256` the desk's document of photo
    /// `photo_id` names (`None`: it holds none the document names).
    pub fn mark_desk_thumbnail(&mut self, photo_id: &str, sha256: Option<&str>) -> Result<()> {
        record_desk_thumbnail(&self.conn, photo_id, sha256)
    }

    /// Every blob of the desk this laptop holds: the originals of its desk photos (those still
    /// to come excepted) and the thumbnails their documents name that it holds those very
    /// bytes of. What it sends the relay again if the relay lost them.
    pub fn desk_blobs_held(&self) -> Result<Vec<HeldBlob>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT p.id, p.original, p.awaiting_original, d.thumbnail_sha256
                 FROM desk_photos d JOIN photos p ON p.id = d.photo_id ORDER BY p.id",
            )
            .context(|| "listing the desk's blobs held here")?;
        let rows = stmt
            .query_map([], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, bool>(2)?,
                    row.get::<_, Option<String>>(3)?,
                ))
            })
            .context(|| "listing the desk's blobs held here")?;
        let mut held = Vec::new();
        for row in rows {
            let (photo_id, original, awaiting, thumbnail) =
                row.context(|| "listing the desk's blobs held here")?;
            if let Some(sha256) = thumbnail {
                held.push(HeldBlob::Thumbnail {
                    photo_id: photo_id.clone(),
                    sha256,
                });
            }
            if !awaiting {
                held.push(HeldBlob::Original {
                    photo_id,
                    path: original,
                });
            }
        }
        Ok(held)
    }

    /// Where every blob held here was last found on the relay, as the sync wrote it (the
    /// relay's list's ETag and a digest of what was held).
    pub fn desk_blobs_checked(&self) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT blobs_checked FROM desk", [], |row| row.get(0))
            .optional()
            .map(Option::flatten)
            .context(|| "reading when the desk's blobs were last checked")
    }

    /// Every blob held here was found on the relay, as `checked` says.
    pub fn mark_desk_blobs_checked(&mut self, checked: &str) -> Result<()> {
        self.conn
            .execute("UPDATE desk SET blobs_checked = ?1", [checked])
            .context(|| "recording that the desk's blobs were checked")?;
        Ok(())
    }

    /// The photos with a conflict still waiting for the photo desk, by id: what the photo
    /// desk's grid marks.
    pub fn photos_in_conflict(&self) -> Result<Vec<String>> {
        self.conn
            .prepare_cached(
                "SELECT DISTINCT photo_id FROM photo_conflicts WHERE resolved_at IS NULL
                 ORDER BY photo_id",
            )
            .and_then(|mut stmt| stmt.query_map([], |row| row.get(0))?.collect())
            .context(|| "listing the photos in conflict")
    }

    /// The conflicts of a photo still waiting for the photo desk.
    pub fn open_photo_conflicts(&self, photo_id: &str) -> Result<Vec<PhotoConflict>> {
        let open = open_conflict_rows(&self.conn, Conflicted::Photo, photo_id)?;
        Ok(open
            .into_iter()
            .map(|(field, candidates, opened_at)| PhotoConflict {
                photo_id: photo_id.to_owned(),
                field,
                candidates,
                opened_at,
            })
            .collect())
    }

    /// The photo desk's answer to a conflict on a photo: the field set to `value` (one of the
    /// candidates or a new one: a desk field's text, `[x, y]` or `null` for the focal point, a
    /// crop's JSON or `null` for no crop) over `base_version`, closing the conflict in the
    /// same transaction. The next sync writes it to the document over every value.
    pub fn resolve_photo_conflict(
        &mut self,
        photo_id: &str,
        base_version: i64,
        field: &str,
        value: &serde_json::Value,
    ) -> Result<Photo> {
        let author = self.author.clone();
        let tx = self.photo_write()?;
        let photo = photo_in(&tx, photo_id)?;
        let open = tx
            .query_row(
                "SELECT 1 FROM photo_conflicts
                 WHERE photo_id = ?1 AND field = ?2 AND resolved_at IS NULL",
                params![photo_id, field],
                |_| Ok(()),
            )
            .optional()
            .context(|| "looking up the photo conflict")?
            .is_some();
        if !open {
            return Err(Error::invalid(format!(
                "photo {photo_id} has no open conflict on {field:?}"
            )));
        }
        if photo.version != base_version {
            return Err(Error::Stale {
                what: "photo",
                id: photo_id.to_owned(),
                base_version,
                current_version: photo.version,
            });
        }
        let mut merged = MergedPhoto {
            desk: photo.desk.clone(),
            focal_point: photo.focal_point,
            crops: photo.crops.clone(),
            author: author.clone(),
            doc_id: String::new(),
            heads: Vec::new(),
            conflicts: Vec::new(),
        };
        let bad = |e: serde_json::Error| {
            Error::invalid(format!(
                "{value} is not a value for {field} of a photo: {e}"
            ))
        };
        if field == FOCAL_FIELD {
            merged.focal_point = serde_json::from_value(value.clone()).map_err(bad)?;
        } else if let Some(name) = field.strip_prefix(CROP_FIELD) {
            merged.crops.retain(|c| c.name != name);
            if let Some(crop) =
                serde_json::from_value::<Option<Crop>>(value.clone()).map_err(bad)?
            {
                crate::photo::validate_crop(crop.aspect, crop.rect(), photo.width, photo.height)?;
                merged.crops.push(Crop {
                    name: name.to_owned(),
                    ..crop
                });
            }
        } else {
            let mut json = serde_json::to_value(&merged.desk).expect("desk record serialises");
            if json.get(field).is_none() {
                return Err(Error::invalid(format!(
                    "{field:?} is not a field of a photo"
                )));
            }
            json[field] = value.clone();
            merged.desk = serde_json::from_value(json).map_err(bad)?;
        }
        replace_crops(&tx, photo_id, &merged.crops)?;
        tx.execute(
            "UPDATE photo_conflicts SET resolved_at = ?3, resolved_by = ?4
             WHERE photo_id = ?1 AND field = ?2 AND resolved_at IS NULL",
            params![photo_id, field, format_time(now()), author],
        )
        .context(|| "closing the photo conflict")?;
        let desk = serde_json::to_string(&merged.desk).expect("desk record serialises");
        let (x, y) = (
            merged.focal_point.map(|f| f.0),
            merged.focal_point.map(|f| f.1),
        );
        update_photo(
            tx,
            photo_id,
            "desk = ?3, focal_x = ?4, focal_y = ?5,",
            params![desk, x, y],
            |_, _| Ok(()),
        )
    }

    fn photo_write(&mut self) -> Result<Transaction<'_>> {
        self.conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .context(|| "starting a write (is another Newsdesk holding the library?)")
    }
}

/// The crops and conflicts of a merged change.
fn write_merged(tx: &Transaction<'_>, photo_id: &str, merged: &MergedPhoto) -> Result<()> {
    replace_crops(tx, photo_id, &merged.crops)?;
    record_conflicts(
        tx,
        Conflicted::Photo,
        photo_id,
        &merged.conflicts,
        &merged.author,
    )
}

/// Not validated against the photo: another laptop's library accepted them for the same
/// original (same SHA-256, same size), and the table's checks hold the rest.
fn replace_crops(tx: &Transaction<'_>, photo_id: &str, crops: &[Crop]) -> Result<()> {
    tx.execute("DELETE FROM photo_crops WHERE photo_id = ?1", [photo_id])
        .context(|| format!("replacing the crops of photo {photo_id}"))?;
    for crop in crops {
        tx.execute(
            "INSERT INTO photo_crops (photo_id, name, aspect, x, y, width, height)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                photo_id,
                crop.name,
                crop.aspect.to_string(),
                crop.x,
                crop.y,
                crop.width,
                crop.height
            ],
        )
        .context(|| format!("saving crop {} of photo {photo_id}", crop.name))?;
    }
    Ok(())
}

fn record_desk_photo(
    conn: &rusqlite::Connection,
    photo_id: &str,
    doc_id: &str,
    heads: &str,
    version: i64,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO desk_photos (photo_id, doc_id, synced_heads, synced_version)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (photo_id) DO UPDATE SET doc_id = excluded.doc_id,
             synced_heads = excluded.synced_heads, synced_version = excluded.synced_version",
    )
    .and_then(|mut stmt| stmt.execute(params![photo_id, doc_id, heads, version]))
    .context(|| format!("recording the desk document of photo {photo_id}"))?;
    Ok(())
}

fn record_desk_thumbnail(
    conn: &rusqlite::Connection,
    photo_id: &str,
    sha256: Option<&str>,
) -> Result<()> {
    conn.prepare_cached("UPDATE desk_photos SET thumbnail_sha256 = ?2 WHERE photo_id = ?1")
        .and_then(|mut stmt| stmt.execute(params![photo_id, sha256]))
        .context(|| format!("recording the desk thumbnail of photo {photo_id}"))?;
    Ok(())
}
