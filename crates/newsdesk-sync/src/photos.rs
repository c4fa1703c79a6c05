//! The photo phase of a sync, after the stories: photo records as documents
//! (`photo_document`), originals through the relay by their SHA-256.
//!
//! In order:
//! 1. every photo of this library not yet on the desk goes there: its original first (asked
//!    for with `HEAD /blobs/<sha256>`, sent with `PUT` only when the relay lacks it, so a file
//!    is never sent twice), then its document, then its line in the index's `photos` map
//!    (SHA-256 -> document id). A photo is listed only once its original is on the relay, so
//!    a laptop that finds it listed can always fetch it. A photo someone else already put on
//!    the desk (the same file imported on two laptops) takes the desk's document, agreeing
//!    with it at its first change (the import), so edits on both sides meet as concurrent;
//! 2. each change made on the photo desk here since the last sync (desk record, focal point,
//!    crops) goes into its document as a change made where the two last agreed
//!    (`photo_document::apply_local`);
//! 3. the photos this library's stories use (lead photos, figures in the body) and does not
//!    hold are looked up in the index;
//! 4. wait until the relay and this laptop agree on all of them;
//! 5. each wanted photo's original is fetched (`GET`), streamed to where an import puts
//!    originals and kept only if its SHA-256 is right (`photo::receive_original`); then the
//!    photo is recorded with the desk's record, focal point and crops (one transaction);
//! 6. each photo changed by others comes in as one transaction (`Store::merge_desk_photo`),
//!    with the conflicts it holds.
//!
//! Originals are fetched whole, for the photos stories here use; thumbnails are made here from
//! the original when first shown (the core makes missing thumbnails), not fetched: a photo
//! row without its original would break export and renditions, so a photo enters the library
//! only with its original.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::Duration;

use automerge::transaction::Transactable;
use automerge::{ObjType, ReadDoc, Value};
use newsdesk_core::photo::{self, Received};
use newsdesk_core::store::{DeskPhoto, MergedPhoto, NewPhoto};
use samod::{DialerHandle, DocHandle};
use serde::Serialize;

use crate::desk::Sync;
use crate::dialer::Refused;
use crate::document::{self, Session};
use crate::photo_document::{self, PhotoRecord};
use crate::{Error, Result};

/// The key of the index document's map of photos: SHA-256 -> document id.
pub(crate) const PHOTOS: &str = "photos";
/// And of its map of where each photo's document stands: SHA-256 -> heads (comma-joined), so
/// a laptop opens only the photos that moved (as for stories, `desk`).
const PHOTO_HEADS: &str = "photo_heads";
/// How long the photo documents may take to agree with the relay, plus a little per photo.
const PATIENCE: Duration = Duration::from_secs(120);
const PATIENCE_PER_PHOTO: Duration = Duration::from_millis(100);

/// What the photo phase of one sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PhotoReport {
    /// Photos on the desk, as this laptop knows them now.
    pub photos: usize,
    /// Photo documents this sync opened: the ones that moved, here or on the desk.
    pub opened: usize,
    /// Photos this laptop put on the desk for the first time.
    pub added: usize,
    /// Originals sent to the relay (a file the relay already held is not sent).
    pub uploaded: usize,
    /// Photos whose changes on the photo desk here went out.
    pub sent: usize,
    /// Photos fetched from the desk (record and original) because a story here uses them.
    pub received: usize,
    /// Photos changed here by a merge of others' changes.
    pub merged: usize,
    /// Photos changed here during the sync: their changes go out next time.
    pub waiting: usize,
    /// Photos stories here use that the desk does not have (yet).
    pub missing: usize,
    /// Conflicts open on photos after the sync.
    pub open_conflicts: usize,
}

impl PhotoReport {
    /// Whether anything moved, in or out.
    pub fn moved(&self) -> usize {
        self.added + self.sent + self.received + self.merged + self.waiting
    }
}

/// A photo document open in this sync.
struct Open {
    handle: DocHandle,
    row: DeskPhoto,
    /// The photo version applied to the document in this sync (`None`: nothing to apply).
    applied_version: Option<i64>,
}

/// Runs the photo phase on the sync's connection (see the module's comment).
pub(crate) async fn sync_photos(
    sync: &mut Sync<'_>,
    dialer: &DialerHandle<Refused>,
    index: &DocHandle,
    token: &str,
) -> Result<PhotoReport> {
    let blobs = Blobs::new(&sync.url, token);
    let mut report = PhotoReport::default();
    let mut open: BTreeMap<String, Open> = BTreeMap::new();
    let listed = list_photos(index).await?;
    // Only the photos that moved are opened, here (a change on the photo desk) or on the desk
    // (the index lists other heads than those this library last agreed at).
    let (moved, elsewhere): (Vec<DeskPhoto>, Vec<DeskPhoto>) = sync
        .store
        .desk_photos()?
        .into_iter()
        .filter(|row| row.changed_since_sync() || !agrees(row, listed.get(&row.photo_id)))
        .partition(|row| {
            listed
                .get(&row.photo_id)
                .is_none_or(|listing| listing.doc_id == row.doc_id)
        });
    let found = sync
        .find_all(moved.iter().map(|row| row.doc_id.as_str()))
        .await?;
    for (row, handle) in moved.into_iter().zip(found) {
        let handle = handle.ok_or_else(|| {
            Error::Malformed(format!(
                "photo {}: its document {} is neither here nor on the relay",
                row.photo_id, row.doc_id
            ))
        })?;
        open.insert(
            row.photo_id.clone(),
            Open {
                handle,
                row,
                applied_version: None,
            },
        );
    }

    // Two laptops put the same photo on the desk at once, and the index kept the other's
    // document (the same one on every laptop): this library takes it, as it would have had
    // it seen it first, and its own record goes in as edits made since the import.
    for mut row in elsewhere {
        let doc_id = listed[&row.photo_id].doc_id.clone();
        let (handle, baseline) = adopt(sync, dialer, &row.photo_id, &doc_id).await?;
        row.doc_id = doc_id;
        row.synced_heads = document::heads_to_strings(&baseline);
        row.synced_version = IMPORTED;
        sync.store
            .mark_desk_photo(&row.photo_id, &row.doc_id, &row.synced_heads, IMPORTED)?;
        open.insert(
            row.photo_id.clone(),
            Open {
                handle,
                row,
                applied_version: None,
            },
        );
    }

    // 1. Photos not on the desk yet: the original, then the document, then the index.
    for photo in sync.store.photos_off_desk()? {
        let original = sync.root.join(&photo.original);
        if tokio::task::block_in_place(|| blobs.put_if_missing(&photo.id, &original))? {
            report.uploaded += 1;
        }
        let (handle, heads, version) = match listed.get(&photo.id).map(|l| &l.doc_id) {
            Some(doc_id) => {
                // On the desk already from another laptop: its document, agreeing with this
                // library at the import, so the edits of both sides meet as concurrent ones.
                let (handle, baseline) = adopt(sync, dialer, &photo.id, doc_id).await?;
                (handle, baseline, IMPORTED)
            }
            None => {
                let doc = photo_document::new_document(&photo, &sync.session)?;
                let handle = sync.repo.create(doc).await.map_err(|_| sync.stopped())?;
                report.added += 1;
                (handle.clone(), heads_of(&handle).await?, photo.version)
            }
        };
        let row = DeskPhoto {
            photo_id: photo.id.clone(),
            doc_id: handle.document_id().to_string(),
            synced_heads: document::heads_to_strings(&heads),
            synced_version: version,
            version: photo.version,
        };
        sync.store
            .mark_desk_photo(&row.photo_id, &row.doc_id, &row.synced_heads, version)?;
        open.insert(
            photo.id.clone(),
            Open {
                handle,
                row,
                applied_version: None,
            },
        );
    }
    // 2. Changes made on the photo desk here since the last sync.
    for (photo_id, entry) in open.iter_mut() {
        if !entry.row.changed_since_sync() {
            continue;
        }
        let photo = sync.store.photo(photo_id)?;
        let conflicts: Vec<String> = sync
            .store
            .open_photo_conflicts(photo_id)?
            .into_iter()
            .map(|c| c.field)
            .collect();
        let heads = document::heads_from_strings(&entry.row.synced_heads)?;
        let session = sync.session.clone();
        let version = photo.version;
        let changed = entry
            .handle
            .with_document_async(move |doc| {
                photo_document::apply_local(doc, &heads, &photo, &conflicts, &session)
            })
            .await
            .map_err(|_| sync.stopped())??;
        entry.applied_version = Some(version);
        if changed {
            report.sent += 1;
        }
    }

    // 3. Photos the stories here use that this library lacks.
    let listed = list_photos(index).await?;
    let mut wanted: Vec<(String, String)> = Vec::new();
    for photo_id in sync.store.photos_wanted()? {
        match listed.get(&photo_id) {
            Some(listing) => wanted.push((photo_id, listing.doc_id.clone())),
            None => report.missing += 1,
        }
    }
    let found = sync
        .find_all(wanted.iter().map(|(_, doc_id)| doc_id.as_str()))
        .await?;
    let mut arrived: Vec<(String, DocHandle)> = Vec::new();
    for ((photo_id, _), handle) in wanted.into_iter().zip(found) {
        match handle {
            Some(handle) => arrived.push((photo_id, handle)),
            // Listed, but the relay does not have the document yet: next time.
            None => report.missing += 1,
        }
    }

    // 4. Agreement with the relay.
    let mut handles: Vec<DocHandle> = vec![index.clone()];
    handles.extend(open.values().map(|o| o.handle.clone()));
    handles.extend(arrived.iter().map(|(_, h)| h.clone()));
    let patience = PATIENCE + PATIENCE_PER_PHOTO * handles.len() as u32;
    sync.converge(dialer, &handles, patience).await?;
    report.opened = open.len() + arrived.len();

    // Every photo opened here is listed in the index where its document now stands (and a
    // photo whose document was made here is listed at all). Written once the relay has the
    // documents' changes: a sync killed in between leaves a listing behind, and a photo
    // listed behind is only opened once more.
    let photos: Vec<(String, DocHandle)> = open
        .iter()
        .map(|(id, o)| (id.clone(), o.handle.clone()))
        .chain(arrived.iter().cloned())
        .collect();
    if list_on_index(sync, index, &photos).await? {
        sync.converge(dialer, std::slice::from_ref(index), patience)
            .await?;
    }

    // 5. Wanted photos into the library, each with its original. A photo whose original
    // cannot be had is passed over so the others still come; the first such failure is the
    // sync's answer once the rest is done.
    let mut failure = None;
    for (photo_id, handle) in arrived {
        let (record, author) = read_record(&handle, &[], &sync.session).await?;
        if record.photo_id != photo_id {
            return Err(Error::Malformed(format!(
                "the desk lists {} as photo {photo_id}",
                record.photo_id
            )));
        }
        let root = sync.root.to_path_buf();
        let placed =
            tokio::task::block_in_place(|| blobs.fetch(&root, &photo_id, &record.file.format));
        let original = match placed {
            Ok(original) => original,
            Err(e) => {
                failure.get_or_insert(e);
                continue;
            }
        };
        let file = &record.file;
        let new = NewPhoto {
            id: &photo_id,
            format: &file.format,
            byte_size: file.byte_size,
            width: file.width,
            height: file.height,
            orientation: file.orientation,
            original: &original,
            source_name: &file.source_name,
            embedded: &file.embedded,
        };
        let merged = merged_photo(&record, author, &handle);
        sync.store.create_photo_from_desk(&new, &merged)?;
        report.received += 1;
    }

    // 6. Others' changes to the photos here.
    for (photo_id, entry) in open {
        let synced = document::heads_from_strings(&entry.row.synced_heads)?;
        let (record, author) = read_record(&entry.handle, &synced, &sync.session).await?;
        let base = entry.applied_version.unwrap_or(entry.row.synced_version);
        let photo = sync.store.photo(&photo_id)?;
        if photo.version != base {
            // Changed here while this sync ran: that change goes out next time.
            report.waiting += 1;
            continue;
        }
        let heads = document::heads_to_strings(&record.heads);
        if heads == entry.row.synced_heads && photo.version == entry.row.synced_version {
            continue;
        }
        let open_now = sync.store.open_photo_conflicts(&photo_id)?;
        let same_conflicts = open_now.len() == record.conflicts.len()
            && open_now.iter().all(|c| {
                record
                    .conflicts
                    .iter()
                    .any(|(f, cands)| *f == c.field && *cands == c.candidates)
            });
        if record.desk == photo.desk
            && record.focal_point == photo.focal_point
            && record.crops == photo.crops
            && same_conflicts
        {
            // Only our own changes, or nothing: the two agree.
            sync.store
                .mark_desk_photo(&photo_id, &entry.row.doc_id, &heads, photo.version)?;
            continue;
        }
        let merged = merged_photo(&record, author, &entry.handle);
        match sync.store.merge_desk_photo(&photo_id, base, &merged) {
            Ok(_) => report.merged += 1,
            Err(newsdesk_core::Error::Stale { .. }) => report.waiting += 1,
            Err(e) => return Err(e.into()),
        }
    }
    if let Some(failure) = failure {
        return Err(failure);
    }
    let rows = sync.store.desk_photos()?;
    report.photos = rows.len();
    for row in &rows {
        report.open_conflicts += sync.store.open_photo_conflicts(&row.photo_id)?.len();
    }
    Ok(report)
}

/// A photo's version at import: what a photo document's first change holds.
const IMPORTED: i64 = 1;

/// The desk's document `doc_id` of photo `photo_id`, and the heads of its first change (the
/// photo as imported), where a library holding the same file agrees with it.
async fn adopt(
    sync: &Sync<'_>,
    dialer: &DialerHandle<Refused>,
    photo_id: &str,
    doc_id: &str,
) -> Result<(DocHandle, Vec<automerge::ChangeHash>)> {
    let handle = sync
        .find_all(std::iter::once(doc_id))
        .await?
        .pop()
        .flatten()
        .ok_or_else(|| {
            Error::Malformed(format!(
                "the desk lists photo {photo_id} as document {doc_id}, which the relay does not hold"
            ))
        })?;
    sync.converge(dialer, std::slice::from_ref(&handle), PATIENCE)
        .await?;
    let baseline = handle
        .with_document_async(|doc| photo_document::baseline_heads(doc))
        .await
        .map_err(|_| sync.stopped())??;
    Ok((handle, baseline))
}

fn merged_photo(record: &PhotoRecord, author: String, handle: &DocHandle) -> MergedPhoto {
    MergedPhoto {
        desk: record.desk.clone(),
        focal_point: record.focal_point,
        crops: record.crops.clone(),
        author,
        doc_id: handle.document_id().to_string(),
        heads: document::heads_to_strings(&record.heads),
        conflicts: record.conflicts.clone(),
    }
}

async fn heads_of(handle: &DocHandle) -> Result<Vec<automerge::ChangeHash>> {
    handle
        .with_document_async(|doc| doc.get_heads())
        .await
        .map_err(|_| Error::Invalid("the sync engine stopped".into()))
}

async fn read_record(
    handle: &DocHandle,
    since: &[automerge::ChangeHash],
    session: &Session,
) -> Result<(PhotoRecord, String)> {
    let since = since.to_vec();
    let device = session.writer.device.clone();
    handle
        .with_document_async(move |doc| {
            let record = photo_document::read(doc)?;
            let author = document::writers_since(doc, &since, &device);
            Ok((record, author))
        })
        .await
        .map_err(|_| Error::Invalid("the sync engine stopped".into()))?
}

/// What the desk's index says of one photo.
struct Listing {
    doc_id: String,
    /// Every value of the photo's heads: two laptops that synced it at once each wrote theirs.
    heads: Vec<String>,
}

/// Whether the library agrees with the photo as the index lists it: same document, and the
/// heads it last synced at are the only heads listed.
fn agrees(row: &DeskPhoto, listing: Option<&Listing>) -> bool {
    let synced = row.synced_heads.join(",");
    listing.is_some_and(|l| {
        l.doc_id == row.doc_id && !l.heads.is_empty() && l.heads.iter().all(|h| *h == synced)
    })
}

/// The index's photos: SHA-256 -> document id and heads.
async fn list_photos(index: &DocHandle) -> Result<HashMap<String, Listing>> {
    index
        .with_document_async(|doc| {
            let map = |key: &str| match doc.get(automerge::ROOT, key) {
                Ok(Some((Value::Object(ObjType::Map), id))) => Some(id),
                _ => None,
            };
            let Some(photos) = map(PHOTOS) else {
                return HashMap::new();
            };
            let heads = map(PHOTO_HEADS);
            doc.map_range(&photos, ..)
                .filter_map(|item| {
                    let Value::Scalar(s) = Value::from(item.value) else {
                        return None;
                    };
                    let doc_id = s.as_str()?.to_owned();
                    let photo_id = item.key.to_string();
                    let heads = heads
                        .as_ref()
                        .and_then(|heads| doc.get_all(heads, photo_id.as_str()).ok())
                        .unwrap_or_default()
                        .into_iter()
                        .filter_map(|(value, _)| value.into_string().ok())
                        .collect();
                    Some((photo_id, Listing { doc_id, heads }))
                })
                .collect()
        })
        .await
        .map_err(|_| Error::Invalid("the sync engine stopped".into()))
}

/// Lists `photos` on the index at their documents' current heads, where the index says
/// otherwise. Returns whether it changed the index.
async fn list_on_index(
    sync: &Sync<'_>,
    index: &DocHandle,
    photos: &[(String, DocHandle)],
) -> Result<bool> {
    let listed = list_photos(index).await?;
    let mut listings = Vec::new();
    for (photo_id, handle) in photos {
        let doc_id = handle.document_id().to_string();
        let heads = document::heads_to_strings(&heads_of(handle).await?).join(",");
        let current = listed
            .get(photo_id)
            .is_some_and(|l| l.doc_id == doc_id && l.heads.len() == 1 && l.heads[0] == heads);
        if !current {
            listings.push((photo_id.clone(), doc_id, heads));
        }
    }
    if listings.is_empty() {
        return Ok(false);
    }
    let session = sync.session.clone();
    index
        .with_document_async(move |doc| {
            doc.set_actor(session.actor.clone());
            doc.transact::<_, _, automerge::AutomergeError>(|tx| {
                let mut map = |key: &str| match tx.get(automerge::ROOT, key)? {
                    Some((Value::Object(ObjType::Map), id)) => Ok(id),
                    _ => tx.put_object(automerge::ROOT, key, ObjType::Map),
                };
                let (photos, heads) = (map(PHOTOS)?, map(PHOTO_HEADS)?);
                for (photo_id, doc_id, at) in &listings {
                    tx.put(&photos, photo_id.as_str(), doc_id.as_str())?;
                    tx.put(&heads, photo_id.as_str(), at.as_str())?;
                }
                Ok(())
            })
            .map(|_| ())
            .map_err(|failure| Error::document("listing photos on the desk", failure.error))
        })
        .await
        .map_err(|_| sync.stopped())??;
    Ok(true)
}

/// The relay's store of originals, `/blobs/<sha256>` behind the desk token. Blocking (ureq),
/// like the desk's other plain HTTP (`GET /desk`); bodies are streamed both ways, so a
/// 100 MB original is never held in memory.
struct Blobs {
    /// `http(s)://host:port`, the desk's address in HTTP.
    base: url::Url,
    desk: String,
    token: String,
}

impl Blobs {
    fn new(desk: &url::Url, token: &str) -> Blobs {
        let mut base = desk.clone();
        base.set_scheme(if desk.scheme() == "wss" {
            "https"
        } else {
            "http"
        })
        .expect("http and https are valid schemes for a ws URL");
        Blobs {
            base,
            desk: desk.to_string(),
            token: token.to_owned(),
        }
    }

    fn url(&self, sha256: &str) -> String {
        let mut url = self.base.clone();
        url.set_path(&format!("/blobs/{sha256}"));
        url.to_string()
    }

    fn bearer(&self) -> String {
        format!("Bearer {}", self.token)
    }

    /// What a failed request means for the sync.
    fn failed(&self, sha256: &str, e: ureq::Error) -> Error {
        match e {
            ureq::Error::StatusCode(status @ (401 | 403)) => Error::Refused {
                url: self.desk.clone(),
                status,
            },
            ureq::Error::StatusCode(404) => self.blob(
                sha256,
                "the relay does not hold it (the laptop that put it on the desk must sync again)"
                    .into(),
            ),
            ureq::Error::StatusCode(status) => {
                self.blob(sha256, format!("the relay answered HTTP {status}"))
            }
            e => Error::Unreachable {
                url: self.desk.clone(),
                reason: e.to_string(),
            },
        }
    }

    fn blob(&self, sha256: &str, reason: String) -> Error {
        Error::Blob {
            url: self.desk.clone(),
            sha256: sha256.to_owned(),
            reason,
        }
    }

    /// Sends the original at `path` unless the relay holds it already; whether it was sent.
    fn put_if_missing(&self, sha256: &str, path: &Path) -> Result<bool> {
        match ureq::head(&self.url(sha256))
            .header("Authorization", &self.bearer())
            .call()
        {
            Ok(_) => return Ok(false),
            Err(ureq::Error::StatusCode(404)) => {}
            Err(e) => return Err(self.failed(sha256, e)),
        }
        let file = std::fs::File::open(path).map_err(|e| {
            Error::Library(newsdesk_core::Error::Io {
                context: format!("reading the original of photo {sha256}"),
                source: e,
            })
        })?;
        match ureq::put(&self.url(sha256))
            .header("Authorization", &self.bearer())
            .header("Content-Type", "application/octet-stream")
            .send(file)
        {
            Ok(_) => Ok(true),
            Err(ureq::Error::StatusCode(422)) => Err(self.blob(
                sha256,
                format!(
                    "the relay refused this library's copy ({}): its bytes do not have that SHA-256",
                    path.display()
                ),
            )),
            Err(e) => Err(self.failed(sha256, e)),
        }
    }

    /// Fetches the original into the library where an import would put it, checking its
    /// SHA-256 on the way; returns its place relative to the library folder. Bytes that are
    /// not the photo are refused and nothing is kept.
    fn fetch(&self, root: &Path, sha256: &str, format: &str) -> Result<String> {
        let mut response = ureq::get(&self.url(sha256))
            .header("Authorization", &self.bearer())
            .call()
            .map_err(|e| self.failed(sha256, e))?;
        let mut body = response.body_mut().as_reader();
        match photo::receive_original(root, sha256, format, &mut body)? {
            Received::Placed { original } => Ok(original),
            Received::Mismatch { sha256: got, bytes } => Err(self.blob(
                sha256,
                format!(
                    "the relay sent {bytes} bytes whose SHA-256 is {got}: the copy there is \
                     damaged; refused, nothing was written"
                ),
            )),
            Received::TooLarge { bytes } => Err(self.blob(
                sha256,
                format!("the relay sent more than {bytes} bytes, larger than any photo; refused"),
            )),
        }
    }
}
