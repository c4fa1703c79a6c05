//! The photo phase of a sync, after the stories: photo records as documents
//! (`photo_document`), thumbnails and originals through the relay by their SHA-256.
//!
//! In order:
//! 1. every photo of this library not yet on the desk goes there: its thumbnail (the 400 px
//!    JPEG made at import) and its original first (each asked for with `HEAD /blobs/<sha256>`,
//!    sent with `PUT` only when the relay lacks it, so a file is never sent twice), then its
//!    document (naming the thumbnail's SHA-256 and size), then its line in the index's
//!    `photos` map (SHA-256 -> document id). A photo is listed only once both files are on
//!    the relay, so a laptop that finds it listed can always fetch them. A photo someone else
//!    already put on the desk (the same file imported on two laptops) takes the desk's
//!    document (and its thumbnail), agreeing with it at its first change (the import), so
//!    edits on both sides meet as concurrent;
//! 2. each change made on the photo desk here since the last sync (desk record, focal point,
//!    crops) goes into its document as a change made where the two last agreed
//!    (`photo_document::apply_local`);
//! 3. the photos this library's stories use (lead photos, figures in the body) and does not
//!    hold are looked up in the index;
//! 4. wait until the relay and this laptop agree on all of them;
//! 5. thumbnails first: each wanted photo's thumbnail is fetched (`GET`) and kept only if its
//!    SHA-256 is the one its document names (`photo::receive_thumbnail`), then the photo is
//!    recorded with the desk's record, focal point and crops, its original still to come
//!    (`awaiting_original`; one transaction). A thumbnail that cannot be had (damaged on the
//!    relay, lost) is refused like an original and the photo waits for its original without
//!    one; a document from before thumbnails travelled names none, and the thumbnail is made
//!    here from the original once it is in;
//! 6. each photo changed by others comes in as one transaction (`Store::merge_desk_photo`),
//!    with the conflicts it holds;
//! 7. the originals: every photo still waiting for its original (those of step 5, and those
//!    a sync cut off before this step left behind) has it fetched (`GET`), streamed to where
//!    an import puts originals and kept only if its SHA-256 is right
//!    (`photo::receive_original`), then recorded as arrived;
//! 8. a blob the relay lost is sent again: the relay's list of blobs (`GET /blobs`) is asked
//!    for with the ETag at which this laptop last found there every blob it holds that the
//!    desk lists (originals here, thumbnails whose documents name these very bytes), while it
//!    still holds the same ones; while nothing came or went on the relay the answer is a
//!    bodyless 304, and a sync costs one small request and one indexed query here, not a
//!    `HEAD` per photo (4,000 for 2,000 photos and their thumbnails). When the list changed,
//!    it comes whole (65 bytes a blob: 260 KB for 2,000 photos and their thumbnails) and
//!    whatever of this laptop's is missing from it is sent again.
//!
//! On a slow link a story from the desk so shows its photos (thumbnail, credit, caption,
//! crops) once some tens of KB per photo are in, and the originals (25 MB each from an agency)
//! follow. Until a photo's original is here the core says so honestly
//! (`Photo::awaiting_original`): the window shows the thumbnail and that the original is on
//! its way, renditions refuse with `original_pending`, and preflight blocks export and
//! delivery of the stories using it. That state is a column (migration 014), not the
//! original's absence on disk: step 7 lists what is still to come without a look at the disk
//! per photo, and an original that was here and is gone stays an error, never "on its way".
//! A photo or its edits never wait for an original: the photo desk can credit and crop it
//! from the thumbnail meanwhile.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use newsdesk_core::photo::{self, Photo, Received};
use newsdesk_core::store::{DeskPhoto, HeldBlob, MergedPhoto, NewPhoto};
use samod::{DialerHandle, DocHandle};
use serde::Serialize;

use crate::desk::Sync;
use crate::dialer::Refused;
use crate::document::{self, Session};
use crate::index;
use crate::photo_document::{self, PhotoRecord, ThumbnailFacts};
use crate::{Error, Result};

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
    /// Thumbnails sent to the relay, beside their originals.
    pub thumbnails_uploaded: usize,
    /// Photos whose changes on the photo desk here went out.
    pub sent: usize,
    /// Photos recorded from the desk because a story here uses them: record, crops and (where
    /// the document names one) the checked thumbnail, the original to follow.
    pub received: usize,
    /// Thumbnails fetched and checked (step 5).
    pub thumbnails: usize,
    /// Originals fetched and checked (step 7): of photos received in this sync or before.
    pub originals: usize,
    /// Photos whose originals are still to come after this sync (a failure says why).
    pub awaiting_originals: usize,
    /// Blobs held here compared with the relay's list (step 8): 0 when the relay answered that
    /// its list had not changed since the last check.
    pub blobs_checked: usize,
    /// Originals and thumbnails sent again because the relay no longer had them.
    pub resent: usize,
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
        self.added + self.sent + self.received + self.originals + self.merged + self.waiting
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
    let listed = index::listings(index, index::PHOTOS).await?;
    // Only the photos that moved are opened, here (a change on the photo desk) or on the desk
    // (the index lists other heads than those this library last agreed at).
    let (moved, elsewhere): (Vec<DeskPhoto>, Vec<DeskPhoto>) = sync
        .store
        .desk_photos()?
        .into_iter()
        .filter(|row| {
            row.changed_since_sync()
                || !index::agrees(&row.doc_id, &row.synced_heads, listed.get(&row.photo_id))
        })
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

    // 1. Photos not on the desk yet: the thumbnail and the original, then the document, then
    // the index.
    for photo in sync.store.photos_off_desk()? {
        let original = sync.root.join(&photo.original);
        if tokio::task::block_in_place(|| {
            blobs.put_if_missing(&Blobs::original(&photo.id), &photo.id, &original)
        })? {
            report.uploaded += 1;
        }
        let (handle, heads, version, thumbnail) = match listed.get(&photo.id).map(|l| &l.doc_id) {
            Some(doc_id) => {
                // On the desk already from another laptop: its document, agreeing with this
                // library at the import, so the edits of both sides meet as concurrent ones.
                // Its thumbnail is the one that laptop sent.
                let (handle, baseline) = adopt(sync, dialer, &photo.id, doc_id).await?;
                (handle, baseline, IMPORTED, None)
            }
            None => {
                let root = sync.root.to_path_buf();
                let thumbnail = tokio::task::block_in_place(|| -> Result<ThumbnailFacts> {
                    let (path, facts) = own_thumbnail(&root, &photo)?;
                    let what = Blobs::thumbnail(&photo.id, &facts.sha256);
                    if blobs.put_if_missing(&what, &facts.sha256, &path)? {
                        report.thumbnails_uploaded += 1;
                    }
                    Ok(facts)
                })?;
                let doc = photo_document::new_document(&photo, Some(&thumbnail), &sync.session)?;
                let handle = sync.repo.create(doc).await.map_err(|_| sync.stopped())?;
                report.added += 1;
                (
                    handle.clone(),
                    heads_of(&handle).await?,
                    photo.version,
                    Some(thumbnail.sha256),
                )
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
        sync.store
            .mark_desk_thumbnail(&row.photo_id, thumbnail.as_deref())?;
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
    let listed = index::listings(index, index::PHOTOS).await?;
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
    if index::list(index, index::PHOTOS, &photos, &sync.session).await? {
        sync.converge(dialer, std::slice::from_ref(index), patience)
            .await?;
    }

    // 5. Wanted photos into the library, thumbnails first: each recorded with its checked
    // thumbnail, its original to come in step 7. A thumbnail that cannot be had is passed
    // over (the photo waits for its original without one) and the first such failure is the
    // sync's answer once the rest is done.
    let mut failure = None;
    let root = sync.root.to_path_buf();
    for (photo_id, handle) in arrived {
        let (record, author) = read_record(&handle, &[], &sync.session).await?;
        if record.photo_id != photo_id {
            return Err(Error::Malformed(format!(
                "the desk lists {} as photo {photo_id}",
                record.photo_id
            )));
        }
        let thumbnail = match &record.thumbnail {
            Some(facts) => {
                match tokio::task::block_in_place(|| blobs.fetch_thumbnail(&root, &photo_id, facts))
                {
                    Ok(()) => {
                        report.thumbnails += 1;
                        Some(facts.sha256.as_str())
                    }
                    Err(e) => {
                        failure.get_or_insert(e);
                        None
                    }
                }
            }
            None => None,
        };
        let file = &record.file;
        let original = photo::original_path(&photo_id, &file.format);
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
        sync.store
            .create_photo_from_desk(&new, &merged, true, thumbnail)?;
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

    // 7. The originals still to come, of this sync's photos and of any a sync cut off before
    // this step. One that cannot be had is passed over so the others still come.
    let mut awaiting = 0;
    for photo in sync.store.photos_awaiting_original()? {
        match tokio::task::block_in_place(|| blobs.fetch_original(&root, &photo.id, &photo.format))
        {
            Ok(()) => {
                sync.store.original_arrived(&photo.id)?;
                report.originals += 1;
            }
            Err(e) => {
                awaiting += 1;
                failure.get_or_insert(e);
            }
        }
    }
    report.awaiting_originals = awaiting;

    // 8. What the relay lost, sent again.
    if let Err(e) = tokio::task::block_in_place(|| resend_lost(sync, &blobs, &mut report)) {
        failure.get_or_insert(e);
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

/// The most a relay's list of blobs may be: 65 bytes a name, a million blobs.
const LIST_LIMIT: u64 = 65 * 1024 * 1024;

/// A photo's version at import: what a photo document's first change holds.
const IMPORTED: i64 = 1;

/// Step 8: every blob held here that the relay's list lacks is sent again; the list's ETag is
/// kept once all were found there, with a digest of what was held, so the next sync hears 304
/// while nothing changes on either side.
fn resend_lost(sync: &mut Sync<'_>, blobs: &Blobs, report: &mut PhotoReport) -> Result<()> {
    // What this laptop holds is part of the check: a file it came to hold other than through
    // the relay (the agency's file imported while the desk's was on its way) is looked for.
    let held = sync.store.desk_blobs_held()?;
    let names: Vec<&str> = held.iter().map(HeldBlob::sha256).collect();
    let holding = sha256_hex(names.join("\n").as_bytes());
    let checked = sync.store.desk_blobs_checked()?;
    let known = checked
        .as_deref()
        .and_then(|c| c.split_once(' '))
        .filter(|(_, held_then)| *held_then == holding)
        .map(|(etag, _)| etag);
    let Some((etag, listed)) = blobs.list(known)? else {
        return Ok(());
    };
    report.blobs_checked = held.len();
    let mut resent = 0;
    for blob in held {
        if listed.contains(blob.sha256()) {
            continue;
        }
        let (what, path) = match &blob {
            HeldBlob::Original { photo_id, path } => {
                (Blobs::original(photo_id), sync.root.join(path))
            }
            HeldBlob::Thumbnail { photo_id, sha256 } => {
                let path = photo::thumbnail_path(sync.root, photo_id);
                // A thumbnail remade here since (it went missing) may not be those bytes:
                // then this laptop holds no copy of the desk's.
                if sha256_of_file(&path).as_deref() != Some(sha256.as_str()) {
                    sync.store.mark_desk_thumbnail(photo_id, None)?;
                    continue;
                }
                (Blobs::thumbnail(photo_id, sha256), path)
            }
        };
        if !path.is_file() {
            // Gone from this library too: nothing to send (what needs it says so there).
            continue;
        }
        blobs.put(&what, blob.sha256(), &path)?;
        resent += 1;
    }
    report.resent = resent;
    if resent == 0 {
        // Sent ones change the list: the next sync fetches it once more and finds them.
        sync.store
            .mark_desk_blobs_checked(&format!("{etag} {holding}"))?;
    }
    Ok(())
}

fn sha256_of_file(path: &Path) -> Option<String> {
    std::fs::read(path).ok().map(|bytes| sha256_hex(&bytes))
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

/// This library's thumbnail of `photo` (made from the original first if it has gone missing),
/// and what a document says of it.
fn own_thumbnail(root: &Path, photo: &Photo) -> Result<(PathBuf, ThumbnailFacts)> {
    let path = photo::Thumbnail::of(root, photo).make()?;
    let bytes = std::fs::read(&path).map_err(|e| {
        Error::Library(newsdesk_core::Error::Io {
            context: format!("reading the thumbnail of photo {}", photo.id),
            source: e,
        })
    })?;
    let facts = ThumbnailFacts {
        sha256: sha256_hex(&bytes),
        byte_size: bytes.len() as u64,
    };
    Ok((path, facts))
}

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

/// The relay's store of originals and thumbnails, `/blobs/<sha256>` behind the desk token.
/// Blocking (ureq), like the desk's other plain HTTP (`GET /desk`); bodies are streamed both
/// ways, so a 100 MB original is never held in memory.
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

    /// What an error calls the original of photo `id`.
    fn original(id: &str) -> String {
        format!("the original of photo {id}")
    }

    /// What an error calls the thumbnail `sha256` of photo `id`.
    fn thumbnail(id: &str, sha256: &str) -> String {
        format!("the thumbnail of photo {id} (SHA-256 {sha256})")
    }

    fn url(&self, sha256: &str) -> String {
        let mut url = self.base.clone();
        url.set_path(&format!("/blobs/{sha256}"));
        url.to_string()
    }

    fn bearer(&self) -> String {
        format!("Bearer {}", self.token)
    }

    /// What a failed request about `what` (blob `sha256`) means for the sync.
    fn failed(&self, what: &str, sha256: &str, e: ureq::Error) -> Error {
        match e {
            ureq::Error::StatusCode(status @ (401 | 403)) => Error::Refused {
                url: self.desk.clone(),
                status,
            },
            ureq::Error::StatusCode(404) => self.blob(
                what,
                sha256,
                "the relay does not hold it (the laptop that put it on the desk must sync again)"
                    .into(),
            ),
            ureq::Error::StatusCode(status) => {
                self.blob(what, sha256, format!("the relay answered HTTP {status}"))
            }
            e => Error::Unreachable {
                url: self.desk.clone(),
                reason: e.to_string(),
            },
        }
    }

    fn blob(&self, what: &str, sha256: &str, reason: String) -> Error {
        Error::Blob {
            url: self.desk.clone(),
            what: what.to_owned(),
            sha256: sha256.to_owned(),
            reason,
        }
    }

    /// Sends `what`, the file at `path` whose SHA-256 is `sha256`, unless the relay holds it
    /// already; whether it was sent.
    fn put_if_missing(&self, what: &str, sha256: &str, path: &Path) -> Result<bool> {
        match ureq::head(&self.url(sha256))
            .header("Authorization", &self.bearer())
            .call()
        {
            Ok(_) => return Ok(false),
            Err(ureq::Error::StatusCode(404)) => {}
            Err(e) => return Err(self.failed(what, sha256, e)),
        }
        self.put(what, sha256, path).map(|()| true)
    }

    /// Sends `what`, the file at `path` whose SHA-256 is `sha256`.
    fn put(&self, what: &str, sha256: &str, path: &Path) -> Result<()> {
        let file = std::fs::File::open(path).map_err(|e| {
            Error::Library(newsdesk_core::Error::Io {
                context: format!("reading {what}"),
                source: e,
            })
        })?;
        match ureq::put(&self.url(sha256))
            .header("Authorization", &self.bearer())
            .header("Content-Type", "application/octet-stream")
            .send(file)
        {
            Ok(_) => Ok(()),
            Err(ureq::Error::StatusCode(422)) => Err(self.blob(
                what,
                sha256,
                format!(
                    "the relay refused this library's copy ({}): its bytes do not have that SHA-256",
                    path.display()
                ),
            )),
            Err(e) => Err(self.failed(what, sha256, e)),
        }
    }

    /// The relay's list of blobs and its ETag; `None` when it is still the one of ETag `known`.
    fn list(&self, known: Option<&str>) -> Result<Option<(String, BTreeSet<String>)>> {
        let mut url = self.base.clone();
        url.set_path("/blobs");
        let mut request = ureq::get(url.as_str()).header("Authorization", &self.bearer());
        if let Some(etag) = known {
            request = request.header("If-None-Match", etag);
        }
        let what = "the relay's list of blobs";
        let mut response = match request.call() {
            Ok(response) => response,
            // A relay from before the list: nothing to compare with.
            Err(ureq::Error::StatusCode(404 | 405)) => return Ok(None),
            Err(e) => return Err(self.failed(what, "", e)),
        };
        if response.status() == 304 {
            return Ok(None);
        }
        let etag = response
            .headers()
            .get("etag")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let text = response
            .body_mut()
            .with_config()
            .limit(LIST_LIMIT)
            .read_to_string()
            .map_err(|e| self.failed(what, "", e))?;
        Ok(Some((etag, text.lines().map(str::to_owned).collect())))
    }

    /// Fetches the original of photo `id` into the library where an import would put it,
    /// checking its SHA-256 on the way. Bytes that are not the photo are refused and nothing
    /// is kept.
    fn fetch_original(&self, root: &Path, id: &str, format: &str) -> Result<()> {
        self.fetch(&Blobs::original(id), id, |body| {
            photo::receive_original(root, id, format, body)
        })
    }

    /// Fetches the thumbnail of photo `id` that its document names into the library's
    /// thumbnails, checked exactly like an original.
    fn fetch_thumbnail(&self, root: &Path, id: &str, facts: &ThumbnailFacts) -> Result<()> {
        self.fetch(
            &Blobs::thumbnail(id, &facts.sha256),
            &facts.sha256,
            |body| photo::receive_thumbnail(root, id, &facts.sha256, body),
        )
    }

    fn fetch(
        &self,
        what: &str,
        sha256: &str,
        receive: impl FnOnce(&mut dyn std::io::Read) -> newsdesk_core::Result<Received>,
    ) -> Result<()> {
        let mut response = ureq::get(&self.url(sha256))
            .header("Authorization", &self.bearer())
            .call()
            .map_err(|e| self.failed(what, sha256, e))?;
        let mut body = response.body_mut().as_reader();
        match receive(&mut body)? {
            Received::Placed { .. } => Ok(()),
            Received::Mismatch { sha256: got, bytes } => Err(self.blob(
                what,
                sha256,
                format!(
                    "the relay sent {bytes} bytes whose SHA-256 is {got}: the copy there is \
                     damaged; refused, nothing was written"
                ),
            )),
            Received::TooLarge { bytes } => Err(self.blob(
                what,
                sha256,
                format!(
                    "the relay sent more than {bytes} bytes, more than such a file can be; refused"
                ),
            )),
        }
    }
}
