//! Photos, the desk's record and crops. The files themselves live in the library folder
//! (see `photo::import`); this module only records them.

use rusqlite::{Connection, OptionalExtension, ToSql, Transaction, TransactionBehavior, params};

use super::{Store, format_time, now, parse_time};
use crate::error::Context;
use crate::photo::{Aspect, Crop, DeskEdit, DeskRecord, Photo, PhotoMetadata, Rect, validate_crop};
use crate::{Error, Result};

/// Longest value of a desk field, in bytes of UTF-8 (see `photo::desk_text`, which applies it
/// at import and at edit). Together the fields fit the 64 KB IIM segment of a JPEG rendition
/// whole; the XMP segment, where escaping can make text six times longer, is fitted when it
/// is written (`photo::metadata`).
pub const MAX_DESK_FIELD_BYTES: usize = 6000;

const PHOTO_COLUMNS: &str =
    "id, format, byte_size, width, height, orientation, original, source_name,
     embedded, desk, focal_x, focal_y, imported_at, updated_at, version, awaiting_original";

/// A photo about to be recorded: its original is already in place in the library folder.
pub struct NewPhoto<'a> {
    pub id: &'a str,
    pub format: &'a str,
    pub byte_size: u64,
    pub width: u32,
    pub height: u32,
    pub orientation: u8,
    pub original: &'a str,
    pub source_name: &'a str,
    pub embedded: &'a PhotoMetadata,
}

fn photo_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Photo> {
    let focal_x: Option<f64> = row.get(10)?;
    let focal_y: Option<f64> = row.get(11)?;
    let id: String = row.get(0)?;
    Ok(Photo {
        sha256: id.clone(),
        id,
        format: row.get(1)?,
        byte_size: row.get::<_, i64>(2)? as u64,
        width: row.get(3)?,
        height: row.get(4)?,
        orientation: row.get(5)?,
        original: row.get(6)?,
        source_name: row.get(7)?,
        embedded: json_column(row, 8)?,
        desk: json_column(row, 9)?,
        focal_point: focal_x.zip(focal_y),
        crops: Vec::new(),
        imported_at: parse_time(&row.get::<_, String>(12)?)?,
        updated_at: parse_time(&row.get::<_, String>(13)?)?,
        version: row.get(14)?,
        awaiting_original: row.get(15)?,
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

impl Store {
    /// Records a photo whose original is in place. Returns `false` (and changes nothing) when
    /// the library already has it.
    pub fn insert_photo(&mut self, new: &NewPhoto<'_>) -> Result<bool> {
        let tx = self.photo_tx()?;
        if photo_exists(&tx, new.id)? {
            // The same file imported while the desk's copy was still on its way: its original
            // is in place now (the import put it there), so the photo is whole.
            tx.execute(
                "UPDATE photos SET awaiting_original = 0 WHERE id = ?1 AND awaiting_original = 1",
                [new.id],
            )
            .context(|| format!("recording the original of photo {}", new.id))?;
            tx.commit()
                .context(|| format!("committing photo {}", new.source_name))?;
            return Ok(false);
        }
        let at = format_time(now());
        let desk = DeskRecord::from_embedded(new.embedded);
        tx.execute(
            "INSERT INTO photos (id, format, byte_size, width, height, orientation, original,
                 source_name, embedded, desk, imported_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
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
                serde_json::to_string(&desk).expect("desk record serialises"),
                at
            ],
        )
        .context(|| format!("recording photo {}", new.source_name))?;
        tx.commit()
            .context(|| format!("committing photo {}", new.source_name))?;
        Ok(true)
    }

    pub fn photo(&self, id: &str) -> Result<Photo> {
        photo_in(&self.conn, id)
    }

    /// All photos, newest import first.
    pub fn list_photos(&self) -> Result<Vec<Photo>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {PHOTO_COLUMNS} FROM photos ORDER BY imported_at DESC, id"
            ))
            .context(|| "listing photos")?;
        let mut photos: Vec<Photo> = stmt
            .query_map([], photo_from_row)
            .and_then(|rows| rows.collect())
            .context(|| "listing photos")?;
        for photo in &mut photos {
            photo.crops = self.crops(&photo.id)?;
        }
        Ok(photos)
    }

    /// The full id of the one photo whose id starts with `prefix` (the CLI accepts short ids).
    pub fn resolve_photo_id(&self, prefix: &str) -> Result<String> {
        self.resolve_id("photos", "photo", prefix)
    }

    /// Changes the desk's record, based on `base_version` of the photo; the embedded values
    /// and the original stay as they are. A value past the limit is refused; fields the edit
    /// does not touch are brought under the desk's rules (a record stored before imports
    /// followed them may hold a 180 KB caption, which must not block every later edit).
    pub fn edit_photo_desk(
        &mut self,
        id: &str,
        base_version: i64,
        edit: DeskEdit,
    ) -> Result<Photo> {
        let tx = self.photo_tx()?;
        let mut desk = based_on(&tx, id, base_version)?.desk;
        desk.normalise();
        edit.apply(id, &mut desk)?;
        let json = serde_json::to_string(&desk).expect("desk record serialises");
        update_photo(tx, id, "desk = ?3,", params![json])
    }

    /// Sets (or clears) the focal point, (x, y) in 0..1 of the upright photo.
    pub fn set_focal_point(
        &mut self,
        id: &str,
        base_version: i64,
        focal: Option<(f64, f64)>,
    ) -> Result<Photo> {
        if let Some((x, y)) = focal
            && !((0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y))
        {
            return Err(Error::invalid(format!(
                "focal point {x},{y} is outside the photo: both numbers go from 0 to 1"
            )));
        }
        let tx = self.photo_tx()?;
        based_on(&tx, id, base_version)?;
        update_photo(
            tx,
            id,
            "focal_x = ?3, focal_y = ?4,",
            params![focal.map(|f| f.0), focal.map(|f| f.1)],
        )
    }

    /// Adds or replaces the crop `name`. The rectangle is checked against the photo.
    pub fn save_crop(
        &mut self,
        id: &str,
        base_version: i64,
        name: &str,
        aspect: Aspect,
        rect: Rect,
    ) -> Result<Photo> {
        let name = name.trim();
        if name.is_empty() || name.contains('/') {
            return Err(Error::invalid(format!(
                "{name:?} is not a crop name: give a word such as \"lead\""
            )));
        }
        let tx = self.photo_tx()?;
        let photo = based_on(&tx, id, base_version)?;
        validate_crop(aspect, rect, photo.width, photo.height)?;
        tx.execute(
            "INSERT INTO photo_crops (photo_id, name, aspect, x, y, width, height)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (photo_id, name) DO UPDATE SET
                 aspect = excluded.aspect, x = excluded.x, y = excluded.y,
                 width = excluded.width, height = excluded.height",
            params![
                id,
                name,
                aspect.to_string(),
                rect.x,
                rect.y,
                rect.width,
                rect.height
            ],
        )
        .context(|| format!("saving crop {name} of photo {id}"))?;
        update_photo(tx, id, "", params![])
    }

    /// Deletes the crop `name`, unless a story of the library uses it (as its lead photo or in
    /// its body): the story would lose its photo without a word. Checked in the delete's own
    /// transaction, so no save can place the crop in between. A colleague's story not synced
    /// here yet is not seen; preflight names the missing crop before it goes out.
    pub fn delete_crop(&mut self, id: &str, base_version: i64, name: &str) -> Result<Photo> {
        let tx = self.photo_tx()?;
        based_on(&tx, id, base_version)?;
        let users = stories_using_crop(&tx, id, name)?;
        if !users.is_empty() {
            let (count, them) = match users.len() {
                1 => ("a story".to_owned(), "it"),
                n => (format!("{n} stories"), "them"),
            };
            let headlines = users
                .iter()
                .map(|h| format!("\u{201c}{h}\u{201d}"))
                .collect::<Vec<_>>()
                .join(", ");
            return Err(Error::invalid(format!(
                "the crop {name} is used in {count} ({headlines}): take it out of {them} first"
            )));
        }
        let gone = tx
            .execute(
                "DELETE FROM photo_crops WHERE photo_id = ?1 AND name = ?2",
                params![id, name],
            )
            .context(|| format!("deleting crop {name} of photo {id}"))?;
        if gone == 0 {
            return Err(Error::not_found("crop", format!("{name} of photo {id}")));
        }
        update_photo(tx, id, "", params![])
    }

    fn crops(&self, id: &str) -> Result<Vec<Crop>> {
        crops_in(&self.conn, id)
    }

    fn photo_tx(&mut self) -> Result<Transaction<'_>> {
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .context(|| "starting a write (is another Newsdesk holding the library?)")
    }
}

/// The headlines of the stories that use crop `crop` of photo `photo_id`, as lead photo or as
/// a figure in the body, spiked ones included (they can come back).
fn stories_using_crop(conn: &Connection, photo_id: &str, crop: &str) -> Result<Vec<String>> {
    let context = || format!("looking for the stories that use crop {crop} of photo {photo_id}");
    let mut stmt = conn
        // A photo id is 64 hex digits: only the stories that name it are read.
        .prepare_cached("SELECT headline, fields FROM articles WHERE instr(fields, ?1) > 0")
        .context(context)?;
    let rows = stmt
        .query_map([photo_id], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })
        .context(context)?;
    let mut users = Vec::new();
    for row in rows {
        let (headline, fields) = row.context(context)?;
        // Lenient, like every stored row: a story this version cannot read is passed over.
        let Ok(fields) = serde_json::from_str::<crate::ArticleFields>(&fields) else {
            continue;
        };
        let uses = crate::render::placed_photos(&fields)
            .iter()
            .any(|(r, _)| r.photo_id == photo_id && r.crop.as_deref() == Some(crop));
        if uses {
            users.push(if headline.trim().is_empty() {
                "no headline yet".to_owned()
            } else {
                headline
            });
        }
    }
    Ok(users)
}

pub(super) fn photo_in(conn: &Connection, id: &str) -> Result<Photo> {
    let mut photo = conn
        .prepare_cached(&format!("SELECT {PHOTO_COLUMNS} FROM photos WHERE id = ?1"))
        .and_then(|mut stmt| stmt.query_row([id], photo_from_row).optional())
        .context(|| format!("reading photo {id}"))?
        .ok_or_else(|| Error::not_found("photo", id))?;
    photo.crops = crops_in(conn, id)?;
    Ok(photo)
}

/// The photo as it is inside the write `tx`, when it is still at `base_version`; read in the
/// same transaction as the change, so no other change can come between the check and it.
fn based_on(tx: &Transaction<'_>, id: &str, base_version: i64) -> Result<Photo> {
    let photo = photo_in(tx, id)?;
    if photo.version != base_version {
        return Err(Error::Stale {
            what: "photo",
            id: id.to_owned(),
            base_version,
            current_version: photo.version,
        });
    }
    Ok(photo)
}

/// Sets columns of one photo (`set`, each assignment followed by a comma, numbers its values
/// from ?3: ?1 is the id, ?2 the time), counts the change in its version and commits `tx`.
fn update_photo(tx: Transaction<'_>, id: &str, set: &str, values: &[&dyn ToSql]) -> Result<Photo> {
    update_photo_with(tx, id, set, values, |_, _| Ok(()))
}

/// [`update_photo`], and `then` with the changed photo inside the same transaction (the team
/// desk records the version a merge became).
pub(super) fn update_photo_with(
    tx: Transaction<'_>,
    id: &str,
    set: &str,
    values: &[&dyn ToSql],
    then: impl FnOnce(&Transaction<'_>, &Photo) -> Result<()>,
) -> Result<Photo> {
    let at = format_time(now());
    let mut all: Vec<&dyn ToSql> = vec![&id, &at];
    all.extend_from_slice(values);
    let changed = tx
        .execute(
            &format!(
                "UPDATE photos SET {set} version = version + 1, updated_at = ?2 WHERE id = ?1"
            ),
            all.as_slice(),
        )
        .context(|| format!("updating photo {id}"))?;
    if changed == 0 {
        return Err(Error::not_found("photo", id));
    }
    let photo = photo_in(&tx, id)?;
    then(&tx, &photo)?;
    tx.commit().context(|| format!("committing photo {id}"))?;
    Ok(photo)
}

fn crops_in(conn: &Connection, id: &str) -> Result<Vec<Crop>> {
    conn.prepare_cached(
                "SELECT name, aspect, x, y, width, height FROM photo_crops WHERE photo_id = ?1 ORDER BY name",
            )
            .and_then(|mut stmt| {
                stmt.query_map([id], |row| {
                    let aspect: String = row.get(1)?;
                    Ok(Crop {
                        name: row.get(0)?,
                        aspect: aspect.parse().unwrap_or(Aspect::Free),
                        x: row.get(2)?,
                        y: row.get(3)?,
                        width: row.get(4)?,
                        height: row.get(5)?,
                    })
                })?
                .collect()
            })
            .context(|| format!("reading the crops of photo {id}"))
}

fn photo_exists(tx: &Transaction<'_>, id: &str) -> Result<bool> {
    Ok(tx
        .query_row("SELECT 1 FROM photos WHERE id = ?1", [id], |_| Ok(()))
        .optional()
        .context(|| "looking up the photo")?
        .is_some())
}
