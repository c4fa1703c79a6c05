//! Bringing photos into the library. The heavy part (read, check, decode, hash, write the
//! original and the thumbnail) needs no database, so a batch runs it on every core; the
//! recording is one short transaction per photo on the caller's thread.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use serde::Serialize;

use super::pixels::{self, MAX_FILE_BYTES};
use super::rendition::{THUMBNAIL_SIZE, thumbnail_path, write_thumbnail};
use super::{Photo, read_metadata, sha256_hex};
use crate::atomic_file::{self, Keep, write_atomically};
use crate::store::NewPhoto;
use crate::text::truncate_chars;
use crate::{Error, Library, Result};

/// The outcome of importing one file that was accepted.
#[derive(Debug, Clone, Serialize)]
pub struct Imported {
    pub photo: Photo,
    /// The library already had this exact file; nothing was added.
    pub duplicate: bool,
}

/// A file the desk refused, and why.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Refused {
    pub file: PathBuf,
    pub reason: String,
}

#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BatchReport {
    pub imported: Vec<Photo>,
    pub duplicates: Vec<Photo>,
    pub refused: Vec<Refused>,
}

/// Everything about a file that is known before it is recorded.
struct Prepared {
    id: String,
    format: &'static str,
    byte_size: u64,
    width: u32,
    height: u32,
    orientation: u8,
    original: String,
    source_name: String,
    embedded: super::PhotoMetadata,
    /// Files this import created, removed again if recording fails.
    created: Vec<PathBuf>,
}

/// Imports one file. A refused file is an [`Error::Invalid`] naming the file and the reason.
pub fn import_file(library: &mut Library, path: &Path) -> Result<Imported> {
    let prepared = prepare(library.root(), path)?;
    record(library, prepared)
}

/// Imports many files using every core; goes on past bad files and reports them at the end.
/// First clears what crashed imports left: here rather than when the library opens, because
/// every command and export worker opens it, and walking the photo folders of a large library
/// costs tens of milliseconds warm (over 100 cold) that an import hardly notices.
/// `progress(done, total, file, outcome)` is called once per file, in completion order.
pub fn import_batch(
    library: &mut Library,
    paths: &[PathBuf],
    mut progress: impl FnMut(usize, usize, &Path, std::result::Result<&Imported, &Error>),
) -> BatchReport {
    let mut report = BatchReport::default();
    let root = library.root().to_path_buf();
    clear_abandoned_temp_files(&root);
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(paths.len().max(1));
    let (sender, receiver) = mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let sender = sender.clone();
            let (next, root) = (&next, &root);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = paths.get(i) else { break };
                    if sender.send((i, prepare(root, path))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for (done, (i, prepared)) in receiver.into_iter().enumerate() {
            let path = &paths[i];
            let outcome = prepared.and_then(|p| record(library, p));
            progress(done + 1, paths.len(), path, outcome.as_ref());
            match outcome {
                Ok(Imported {
                    photo,
                    duplicate: false,
                }) => report.imported.push(photo),
                Ok(Imported {
                    photo,
                    duplicate: true,
                }) => report.duplicates.push(photo),
                Err(err) => report.refused.push(Refused {
                    file: path.clone(),
                    reason: err.to_string(),
                }),
            }
        }
    });
    report
}

fn refused(path: &Path, reason: impl std::fmt::Display) -> Error {
    Error::invalid(format!("{} was not imported: {reason}", path.display()))
}

fn prepare(root: &Path, path: &Path) -> Result<Prepared> {
    let meta = fs::metadata(path).map_err(|e| refused(path, format!("cannot read it ({e})")))?;
    if !meta.is_file() {
        return Err(refused(path, "it is not a file"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(refused(
            path,
            format!(
                "it is {} MB; photos up to {} MB are accepted",
                meta.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    let bytes = fs::read(path).map_err(|e| refused(path, format!("cannot read it ({e})")))?;
    let format = pixels::format_of(&bytes).map_err(|r| refused(path, r))?;
    let header = pixels::header(&bytes).map_err(|r| refused(path, r))?;
    // Decoding all of the data proves the file is whole, and gives the thumbnail.
    let upright =
        pixels::decode_upright_for(&bytes, THUMBNAIL_SIZE).map_err(|r| refused(path, r))?;
    let (width, height) = header.upright();
    let id = sha256_hex(&bytes);
    let original = original_path(&id, format);
    let mut created = Vec::new();
    let original_path = root.join(&original);
    if !original_path.exists() {
        write_atomically(&original_path, &bytes, Keep::Durable)?;
        created.push(original_path);
    }
    let thumb = thumbnail_path(root, &id);
    if !is_whole(&thumb) {
        if let Err(err) = write_thumbnail(&upright, &thumb) {
            remove_all(&created);
            return Err(err);
        }
        created.push(thumb);
    }
    Ok(Prepared {
        id,
        format,
        byte_size: bytes.len() as u64,
        width,
        height,
        orientation: header.orientation,
        original,
        source_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        embedded: read_metadata(&bytes),
        created,
    })
}

fn record(library: &mut Library, p: Prepared) -> Result<Imported> {
    let new = NewPhoto {
        id: &p.id,
        format: p.format,
        byte_size: p.byte_size,
        width: p.width,
        height: p.height,
        orientation: p.orientation,
        original: &p.original,
        source_name: &p.source_name,
        embedded: &p.embedded,
    };
    match library.store_mut().insert_photo(&new) {
        Ok(added) => Ok(Imported {
            photo: library.store().photo(&p.id)?,
            duplicate: !added,
        }),
        Err(err) => {
            remove_all(&p.created);
            Err(err)
        }
    }
}

/// Where the original of photo `id` (its SHA-256) in `format` sits, relative to the library
/// folder: content-addressed, in a folder per first two hex digits.
pub fn original_path(id: &str, format: &str) -> String {
    format!(
        "photos/originals/{}/{id}.{}",
        truncate_chars(id, 2),
        extension(format)
    )
}

/// What became of an original (or a thumbnail) received from elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Received {
    /// In place at `original` (relative to the library folder: the original's or the
    /// thumbnail's place), or already there.
    Placed { original: String },
    /// The bytes were not the photo asked for; nothing was kept.
    Mismatch { sha256: String, bytes: u64 },
    /// Longer than any photo the library accepts; nothing was kept.
    TooLarge { bytes: u64 },
}

/// Streams an original that arrived from elsewhere (the team desk's relay) to the place an
/// import puts it (`original_path`), hashing it on the way: it is kept only when its SHA-256
/// is `id`, and only whole (written beside, fsynced, renamed). Memory stays at one buffer
/// whatever the size. Neither the database nor the thumbnail is touched: the caller records
/// the original's arrival once this returns `Placed`.
pub fn receive_original(
    library_root: &Path,
    id: &str,
    format: &str,
    source: &mut dyn std::io::Read,
) -> Result<Received> {
    check_sha256(id, "photo id")?;
    if !matches!(format, "jpeg" | "png" | "webp" | "tiff") {
        return Err(Error::invalid(format!(
            "photo {id} is in format {format:?}; the library takes jpeg, png, webp and tiff"
        )));
    }
    let original = original_path(id, format);
    let target = library_root.join(&original);
    receive_checked(&target, id, MAX_FILE_BYTES, source, || {
        format!("receiving the original of photo {id}")
    })
    .map(|outcome| outcome.unwrap_or(Received::Placed { original }))
}

/// The most a received thumbnail may be. A 400 px JPEG of the desk's is some tens of KB (the
/// 16 wire fixtures' are 0.6 to 42 KB); 24 times the largest leaves room for noisy pictures
/// and still stops a relay sending a 25 MB original in its place.
pub const MAX_THUMBNAIL_BYTES: u64 = 1024 * 1024;

/// Streams the thumbnail of photo `photo_id` that arrived from the desk ahead of its original
/// to where the library keeps thumbnails (`thumbnail_path`), kept only when its SHA-256 is
/// `sha256` (what the photo's document names) and only whole, exactly like an original
/// ([`receive_original`]). A thumbnail already there is kept as it is.
pub fn receive_thumbnail(
    library_root: &Path,
    photo_id: &str,
    sha256: &str,
    source: &mut dyn std::io::Read,
) -> Result<Received> {
    check_sha256(photo_id, "photo id")?;
    check_sha256(sha256, "thumbnail's SHA-256")?;
    let target = thumbnail_path(library_root, photo_id);
    let placed = target
        .strip_prefix(library_root)
        .unwrap_or(&target)
        .to_string_lossy()
        .into_owned();
    receive_checked(&target, sha256, MAX_THUMBNAIL_BYTES, source, || {
        format!("receiving the thumbnail of photo {photo_id}")
    })
    .map(|outcome| outcome.unwrap_or(Received::Placed { original: placed }))
}

fn check_sha256(text: &str, what: &str) -> Result<()> {
    if text.len() != 64 || !text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return Err(Error::invalid(format!(
            "{text:?} is not a {what} (a SHA-256 in lower-case hex)"
        )));
    }
    Ok(())
}

/// Streams `source` to `target` through a temporary file beside it, hashing on the way; moved
/// into place (fsynced) only when its SHA-256 is `sha256` and it is at most `limit` bytes.
/// `None` when it is in place (or was already); otherwise what was wrong, nothing kept.
fn receive_checked(
    target: &Path,
    sha256: &str,
    limit: u64,
    source: &mut dyn std::io::Read,
    context: impl Fn() -> String,
) -> Result<Option<Received>> {
    use sha2::Digest;
    use std::io::{Read, Write};
    if is_whole(target) {
        return Ok(None);
    }
    let dir = atomic_file::parent_of(target);
    fs::create_dir_all(dir).map_err(|e| io_error(format!("creating {}", dir.display()), e))?;
    let temp = dir.join(format!(".tmp-{}", uuid::Uuid::new_v4()));
    let written = (|| -> std::io::Result<(String, u64)> {
        let mut file = fs::File::create(&temp)?;
        let mut hasher = sha2::Sha256::new();
        let mut buffer = vec![0u8; 256 * 1024];
        let mut bytes = 0u64;
        let mut limited = Read::take(&mut *source, limit + 1);
        loop {
            let n = match limited.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            hasher.update(&buffer[..n]);
            file.write_all(&buffer[..n])?;
            bytes += n as u64;
        }
        let got: String = hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        if got == sha256 && bytes <= limit {
            file.sync_all()?;
        }
        Ok((got, bytes))
    })();
    let outcome = match written {
        Ok((_, bytes)) if bytes > limit => Received::TooLarge { bytes },
        Ok((got, bytes)) if got != sha256 => Received::Mismatch { sha256: got, bytes },
        Ok(_) => {
            return match atomic_file::move_file_into_place(&temp, target, true) {
                Ok(()) => Ok(None),
                Err(e) => {
                    let _ = fs::remove_file(&temp);
                    Err(io_error(format!("writing {}", target.display()), e))
                }
            };
        }
        Err(e) => {
            let _ = fs::remove_file(&temp);
            return Err(io_error(context(), e));
        }
    };
    let _ = fs::remove_file(&temp);
    Ok(Some(outcome))
}

fn io_error(context: String, source: std::io::Error) -> Error {
    Error::Io { context, source }
}

fn extension(format: &str) -> &'static str {
    match format {
        "jpeg" => "jpg",
        "png" => "png",
        "webp" => "webp",
        _ => "tif",
    }
}

/// A derived file that is there and not empty (a crash after the rename of an unsynced file
/// can leave it empty on some file systems).
pub(crate) fn is_whole(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| m.len() > 0)
}

fn remove_all(paths: &[PathBuf]) {
    for path in paths {
        let _ = fs::remove_file(path);
    }
}

/// Removes the temporary files that crashed imports and renditions left in the library's
/// photo folders (`photos/<kind>/<shard>/`). Only files of our own naming that have been
/// abandoned go; originals and everything else stay. Best effort: a folder that cannot be
/// read is simply passed over.
fn clear_abandoned_temp_files(root: &Path) {
    for kind in entries(&root.join("photos")) {
        for shard in entries(&kind.path()) {
            atomic_file::clear_abandoned(&shard.path());
        }
    }
}

/// What a folder holds; nothing when it is not a readable folder.
fn entries(dir: &Path) -> impl Iterator<Item = fs::DirEntry> {
    fs::read_dir(dir).into_iter().flatten().flatten()
}
