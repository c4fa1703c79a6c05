//! A photo record as an Automerge document, both ways. Pure: no network, no storage. The
//! original file does not travel in it: it goes through the relay by its SHA-256 (`photos`).
//!
//! Layout of the root map:
//! - `sha256`: the photo's id, the SHA-256 of its original (the same on every laptop).
//! - `file`: what a laptop needs to record the original without decoding it again (format,
//!   size, width and height upright, orientation, source name, what the file embedded), as
//!   one JSON string, written once: the original never changes, so neither does this.
//! - `thumbnail`: the SHA-256 and size of the 400 px thumbnail the laptop that put the photo
//!   on the desk sent beside the original, as one JSON string, written once. A receiver
//!   fetches and checks it first and shows the photo before its original arrives. Absent in
//!   documents made before thumbnails travelled: the receiver makes its own from the original.
//! - `desk`: a map of the desk record's fields (names from `DeskRecord`'s own serialisation,
//!   so a field added there travels), each a plain string scalar. Single-valued on purpose:
//!   two laptops setting a credit at once leave two values (`get_all`), which become a photo
//!   conflict, never a silent pick.
//! - `focal_point`: `[x, y]` or `null`, as a JSON string scalar (the pair moves as one).
//! - `crops`: a map from a crop's name to the whole crop as a JSON string scalar: a crop is
//!   one value (a rectangle made of four numbers is only right together), so two people
//!   cropping `lead` at once leave two crops to choose from, never a mix of both. A deleted
//!   crop is `null` there, not a deleted key: Automerge keeps a value put at the same time as
//!   a key is deleted, so a crop edited on one laptop while deleted on another would come back
//!   unasked; beside a `null` the edit is a conflict between "deleted" and the crop, which
//!   the photo desk answers. A lone `null` is no crop. Documents written before deleted keys
//!   (without a `null`) read the same.
//! - `writers`: actor -> person and device, as in a story document (`document`), so a
//!   conflict and a merged change can say who made them.

use std::collections::BTreeMap;

use automerge::transaction::Transactable;
use automerge::{Automerge, ChangeHash, ObjId, ObjType, ReadDoc, Value};
use newsdesk_core::photo::{Crop, DeskRecord, Photo, PhotoMetadata};
use newsdesk_core::store::{CROP_FIELD, ConflictCandidate, FOCAL_FIELD};
use serde::{Deserialize, Serialize};

use crate::document::{Session, Writer, actor_of, candidate, writers};
use crate::{Error, Result};

const SHA256: &str = "sha256";
const FILE: &str = "file";
const DESK: &str = "desk";
const CROPS: &str = "crops";
const THUMBNAIL: &str = "thumbnail";
const WRITERS: &str = "writers";
/// What the key of a deleted crop holds (see the layout above).
const NO_CROP: &str = "null";

/// The facts of the original a laptop records with it: the same on every laptop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileFacts {
    pub format: String,
    pub byte_size: u64,
    pub width: u32,
    pub height: u32,
    pub orientation: u8,
    pub source_name: String,
    pub embedded: PhotoMetadata,
}

/// The thumbnail that travels with a photo: a blob of its own on the relay, checked on receipt
/// like an original.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThumbnailFacts {
    pub sha256: String,
    pub byte_size: u64,
}

/// A photo record read from a document.
#[derive(Debug, Clone)]
pub struct PhotoRecord {
    pub photo_id: String,
    pub file: FileFacts,
    /// `None` in a document made before thumbnails travelled.
    pub thumbnail: Option<ThumbnailFacts>,
    pub desk: DeskRecord,
    pub focal_point: Option<(f64, f64)>,
    pub crops: Vec<Crop>,
    /// Desk fields, `focal_point` and `crop:<name>` holding concurrent values, each with every
    /// value and who gave it; the record above holds Automerge's deterministic pick meanwhile.
    pub conflicts: Vec<(String, Vec<ConflictCandidate>)>,
    pub heads: Vec<ChangeHash>,
}

/// The desk record as field name -> text.
fn desk_fields(desk: &DeskRecord) -> BTreeMap<String, String> {
    let serde_json::Value::Object(map) =
        serde_json::to_value(desk).expect("a desk record always serialises")
    else {
        unreachable!("DeskRecord serialises as an object")
    };
    map.into_iter()
        .map(|(key, value)| (key, value.as_str().unwrap_or_default().to_owned()))
        .collect()
}

fn focal_json(focal: Option<(f64, f64)>) -> String {
    serde_json::to_string(&focal.map(|(x, y)| [x, y])).expect("a focal point serialises")
}

fn crop_json(crop: &Crop) -> String {
    serde_json::to_string(crop).expect("a crop always serialises")
}

/// A new document holding the whole record of `photo`, made by `session` in two changes: first
/// the photo as any import of its file starts (the record prefilled from what the file
/// embeds, no focal point, no crops; the file's facts and `thumbnail`, the one this laptop
/// sends), then the desk's work on it. The same file imported on another laptop before it
/// joined starts from that first change (`baseline_heads`), so its edits meet this desk's as
/// concurrent ones, never as a silent overwrite.
pub fn new_document(
    photo: &Photo,
    thumbnail: Option<&ThumbnailFacts>,
    session: &Session,
) -> Result<Automerge> {
    let mut doc = baseline(photo, thumbnail, session)?;
    let heads = doc.get_heads();
    apply_local(&mut doc, &heads, photo, &[], session)?;
    Ok(doc)
}

/// The heads of a photo document's first change: the photo as its import started.
pub fn baseline_heads(doc: &Automerge) -> Result<Vec<ChangeHash>> {
    let first: Vec<ChangeHash> = doc
        .get_changes(&[])
        .into_iter()
        .filter(|change| change.deps().is_empty())
        .map(|change| change.hash())
        .collect();
    match first.as_slice() {
        [one] => Ok(vec![*one]),
        _ => Err(Error::Malformed(
            "a photo document does not start with one first change".into(),
        )),
    }
}

fn baseline(
    photo: &Photo,
    thumbnail: Option<&ThumbnailFacts>,
    session: &Session,
) -> Result<Automerge> {
    let imported = DeskRecord::from_embedded(&photo.embedded);
    let file = FileFacts {
        format: photo.format.clone(),
        byte_size: photo.byte_size,
        width: photo.width,
        height: photo.height,
        orientation: photo.orientation,
        source_name: photo.source_name.clone(),
        embedded: photo.embedded.clone(),
    };
    let mut doc = Automerge::new().with_actor(session.actor.clone());
    doc.transact::<_, _, automerge::AutomergeError>(|tx| {
        tx.put(automerge::ROOT, SHA256, photo.id.as_str())?;
        tx.put(
            automerge::ROOT,
            FILE,
            serde_json::to_string(&file).expect("file facts serialise"),
        )?;
        if let Some(thumbnail) = thumbnail {
            tx.put(
                automerge::ROOT,
                THUMBNAIL,
                serde_json::to_string(thumbnail).expect("thumbnail facts serialise"),
            )?;
        }
        let desk = tx.put_object(automerge::ROOT, DESK, ObjType::Map)?;
        for (key, text) in desk_fields(&imported) {
            tx.put(&desk, key, text)?;
        }
        tx.put(automerge::ROOT, FOCAL_FIELD, focal_json(None))?;
        tx.put_object(automerge::ROOT, CROPS, ObjType::Map)?;
        let writers = tx.put_object(automerge::ROOT, WRITERS, ObjType::Map)?;
        tx.put(
            &writers,
            session.actor.to_hex_string(),
            writer_json(session),
        )?;
        Ok(())
    })
    .map_err(|failure| Error::document("writing a new photo document", failure.error))?;
    Ok(doc)
}

fn writer_json(session: &Session) -> String {
    serde_json::to_string(&session.writer).expect("a writer always serialises")
}

fn map_in(doc: &Automerge, key: &str) -> Result<Option<ObjId>> {
    match doc
        .get(automerge::ROOT, key)
        .map_err(|e| Error::document("reading a photo document", e))?
    {
        Some((Value::Object(ObjType::Map), id)) => Ok(Some(id)),
        _ => Ok(None),
    }
}

/// Whether `key` of `obj` already says `text` (or holds a conflict left open here, which only
/// the photo desk's answer may overwrite).
fn agrees(
    doc: &Automerge,
    obj: &ObjId,
    key: &str,
    text: &str,
    conflict_open: bool,
) -> Result<bool> {
    let values = doc
        .get_all(obj, key)
        .map_err(|e| Error::document("reading a photo field", e))?;
    Ok(match values.as_slice() {
        [(Value::Scalar(s), _)] => s.as_str() == Some(text),
        [] => false,
        _ => conflict_open,
    })
}

/// Applies the library's photo record (desk fields, focal point, crops) to the document as a
/// change made at `synced_heads`, where the two last agreed, and merged in: edits made here
/// while others edited there are concurrent, as they were, so a remote change is never
/// overwritten by a stale copy (the same idea as `document::apply_local`). A field whose
/// conflict is open here is left alone; one the photo desk resolved is written over every
/// value. A crop deleted here becomes `null` there. Returns whether anything changed.
pub fn apply_local(
    doc: &mut Automerge,
    synced_heads: &[ChangeHash],
    photo: &Photo,
    open_conflicts: &[String],
    session: &Session,
) -> Result<bool> {
    let mut fork = doc
        .fork_at(synced_heads)
        .map_err(|e| Error::document("reading the photo as it was at the last sync", e))?;
    fork.set_actor(session.actor.clone());
    let open = |field: &str| open_conflicts.iter().any(|f| f == field);

    let desk = map_in(&fork, DESK)?;
    let mut desk_puts = Vec::new();
    for (key, text) in desk_fields(&photo.desk) {
        let same = match &desk {
            Some(id) => agrees(&fork, id, &key, &text, open(&key))?,
            None => false,
        };
        if !same {
            desk_puts.push((key, text));
        }
    }
    let focal = focal_json(photo.focal_point);
    let focal_changed = !agrees(
        &fork,
        &automerge::ROOT,
        FOCAL_FIELD,
        &focal,
        open(FOCAL_FIELD),
    )?;
    let crops = map_in(&fork, CROPS)?;
    let mut crop_puts = Vec::new();
    let mut crops_deleted = Vec::new();
    for crop in &photo.crops {
        let json = crop_json(crop);
        let field = format!("{CROP_FIELD}{}", crop.name);
        let same = match &crops {
            Some(id) => agrees(&fork, id, &crop.name, &json, open(&field))?,
            None => false,
        };
        if !same {
            crop_puts.push((crop.name.clone(), json));
        }
    }
    if let Some(id) = &crops {
        for name in fork.keys(id) {
            let field = format!("{CROP_FIELD}{name}");
            if photo.crop(&name).is_none()
                && !open(&field)
                && !agrees(&fork, id, &name, NO_CROP, false)?
            {
                crops_deleted.push(name);
            }
        }
    }
    if desk_puts.is_empty() && !focal_changed && crop_puts.is_empty() && crops_deleted.is_empty() {
        return Ok(false);
    }
    let writers = map_in(&fork, WRITERS)?;
    let actor_key = session.actor.to_hex_string();
    fork.transact::<_, _, automerge::AutomergeError>(|tx| {
        let desk = match &desk {
            Some(id) => id.clone(),
            None => tx.put_object(automerge::ROOT, DESK, ObjType::Map)?,
        };
        for (key, text) in &desk_puts {
            tx.put(&desk, key.as_str(), text.as_str())?;
        }
        if focal_changed {
            tx.put(automerge::ROOT, FOCAL_FIELD, focal.as_str())?;
        }
        let crops = match &crops {
            Some(id) => id.clone(),
            None => tx.put_object(automerge::ROOT, CROPS, ObjType::Map)?,
        };
        for (name, json) in &crop_puts {
            tx.put(&crops, name.as_str(), json.as_str())?;
        }
        for name in &crops_deleted {
            tx.put(&crops, name.as_str(), NO_CROP)?;
        }
        let writers = match &writers {
            Some(id) => id.clone(),
            None => tx.put_object(automerge::ROOT, WRITERS, ObjType::Map)?,
        };
        tx.put(&writers, actor_key.as_str(), writer_json(session))?;
        Ok(())
    })
    .map_err(|failure| Error::document("applying the photo desk's change", failure.error))?;
    doc.merge(&mut fork)
        .map_err(|e| Error::document("merging the photo desk's change", e))?;
    Ok(true)
}

/// Every value `key` of `obj` holds, as JSON with who wrote it; the same value written by two
/// people is one value (two laptops agreeing is not a conflict).
fn values_of(
    doc: &Automerge,
    obj: &ObjId,
    key: &str,
    parse: impl Fn(&str) -> Option<serde_json::Value>,
    writers: &BTreeMap<String, Writer>,
) -> Result<Vec<ConflictCandidate>> {
    let mut out: Vec<ConflictCandidate> = Vec::new();
    for (value, id) in doc
        .get_all(obj, key)
        .map_err(|e| Error::document("reading a photo field", e))?
    {
        let Value::Scalar(s) = value else { continue };
        let Some(value) = s.as_str().and_then(&parse) else {
            continue;
        };
        if !out.iter().any(|c| c.value == value) {
            out.push(candidate(writers, actor_of(&id), value));
        }
    }
    Ok(out)
}

/// The photo record as the document holds it now.
pub fn read(doc: &Automerge) -> Result<PhotoRecord> {
    let text_of = |key: &str| match doc.get(automerge::ROOT, key) {
        Ok(Some((Value::Scalar(s), _))) => s.as_str().map(str::to_owned),
        _ => None,
    };
    let photo_id = text_of(SHA256)
        .ok_or_else(|| Error::Malformed("a photo document has no SHA-256".into()))?;
    let file: FileFacts = text_of(FILE)
        .and_then(|json| serde_json::from_str(&json).ok())
        .ok_or_else(|| Error::Malformed(format!("photo {photo_id}: its file facts are missing")))?;
    // Lenient: a document without one (or with one this version cannot read) is a photo whose
    // thumbnail is made here from the original.
    let thumbnail = text_of(THUMBNAIL).and_then(|json| serde_json::from_str(&json).ok());
    let writers = writers(doc);
    let mut conflicts = Vec::new();

    let mut desk_json = serde_json::Map::new();
    if let Some(desk) = map_in(doc, DESK)? {
        for key in doc.keys(&desk) {
            let values = values_of(
                doc,
                &desk,
                &key,
                |t| Some(serde_json::Value::from(t)),
                &writers,
            )?;
            if let Ok(Some((Value::Scalar(s), _))) = doc.get(&desk, key.as_str())
                && let Some(text) = s.as_str()
            {
                desk_json.insert(key.clone(), text.into());
            }
            if values.len() > 1 {
                conflicts.push((key, values));
            }
        }
    }
    // Lenient like every stored row: a field this version does not know is passed over.
    let desk: DeskRecord = serde_json::from_value(serde_json::Value::Object(desk_json))
        .map_err(|e| Error::Malformed(format!("photo {photo_id}: {e}")))?;

    let parse_json = |t: &str| serde_json::from_str::<serde_json::Value>(t).ok();
    let focal_values = values_of(doc, &automerge::ROOT, FOCAL_FIELD, parse_json, &writers)?;
    let focal_point = text_of(FOCAL_FIELD)
        .and_then(|t| serde_json::from_str::<Option<[f64; 2]>>(&t).ok())
        .flatten()
        .map(|[x, y]| (x, y));
    if focal_values.len() > 1 {
        conflicts.push((FOCAL_FIELD.to_owned(), focal_values));
    }

    let mut crops = Vec::new();
    if let Some(map) = map_in(doc, CROPS)? {
        for name in doc.keys(&map) {
            // A deleted crop's `null` is one of the values (a candidate "deleted"), and as
            // the pick it is no crop.
            let values = values_of(doc, &map, &name, parse_json, &writers)?;
            if let Ok(Some((Value::Scalar(s), _))) = doc.get(&map, name.as_str())
                && let Some(crop) = s
                    .as_str()
                    .and_then(|t| serde_json::from_str::<Crop>(t).ok())
            {
                crops.push(Crop {
                    name: name.clone(),
                    ..crop
                });
            }
            if values.len() > 1 {
                conflicts.push((format!("{CROP_FIELD}{name}"), values));
            }
        }
    }
    crops.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(PhotoRecord {
        photo_id,
        file,
        thumbnail,
        desk,
        focal_point,
        crops,
        conflicts,
        heads: doc.get_heads(),
    })
}
