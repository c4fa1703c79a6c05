//! JPEG renditions of a crop at several widths, carrying the desk's record as IPTC-IIM and XMP,
//! and the UI thumbnail. Renditions are cached in the library folder under a key made of
//! everything that shapes their bytes, so the same photo, crop and record always give the same
//! file (the export builds byte-identical packages from them).

use std::fs;
use std::path::{Path, PathBuf};

use image::RgbImage;
use serde::Serialize;

use super::import::is_whole;
use super::metadata::rendition_segments;
use super::pixels::{self, Decoded, JPEG_QUALITY};
use super::{Photo, Rect, sha256_hex};
use crate::atomic_file::{Keep, write_atomically};
use crate::error::Context;
use crate::text::{short_photo_id, truncate_chars};
use crate::{Error, Library, Result};

pub const DEFAULT_WIDTHS: [u32; 4] = [2048, 1280, 640, 320];
/// Long edge of the UI thumbnail.
pub const THUMBNAIL_SIZE: u32 = 400;
/// Bump when the pixels or metadata a rendition gets change, so old cache entries are not
/// served. (2: apostrophes in the XMP are written as `&#39;`; 3: the record is
/// normalised and fitted to its segments; 4: each smaller size scaled from the next larger,
/// encoded with AVX2 where the CPU has it; 5: JPEG originals decoded by libjpeg-turbo, at 1/2,
/// 1/4 or 1/8 size when the crop is that many times wider than the largest rendition, so the
/// pixels differ slightly from a full-size decode.)
const RENDITION_SCHEME: u32 = 5;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rendition {
    pub width: u32,
    pub height: u32,
    pub content_type: &'static str,
    /// A stable name for packages: photo, crop and width.
    pub file_name: String,
    /// Absolute path of the cached file in the library folder.
    pub path: PathBuf,
    pub byte_size: u64,
    pub sha256: String,
}

/// Renditions of `crop` (the whole photo when `None`) at `widths`, never wider than the crop.
/// Made once and then served from the cache. A photo whose original is still on its way from
/// the desk has none yet: [`Error::OriginalPending`].
pub fn renditions(
    library: &Library,
    photo_id: &str,
    crop: Option<&str>,
    widths: &[u32],
) -> Result<Vec<Rendition>> {
    let photo = library.store().photo(photo_id)?;
    if photo.awaiting_original {
        return Err(Error::OriginalPending {
            photo_id: photo.id,
            needed: "a rendition".into(),
        });
    }
    let rect = match crop {
        Some(name) => photo
            .crop(name)
            .map(|c| c.rect())
            .ok_or_else(|| Error::not_found("crop", format!("{name} of photo {photo_id}")))?,
        None => photo.full_rect(),
    };
    let mut sizes: Vec<(u32, u32)> = widths
        .iter()
        .map(|&w| pixels::scaled_size(rect, w))
        .collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    sizes.dedup();
    let desk_json = serde_json::to_string(&photo.desk).expect("desk record serialises");
    let key_base = format!(
        "v{RENDITION_SCHEME}|q{JPEG_QUALITY}|{}|{},{},{},{}|{}",
        photo.id,
        rect.x,
        rect.y,
        rect.width,
        rect.height,
        sha256_hex(desk_json.as_bytes())
    );
    let dir = library
        .root()
        .join("photos/renditions")
        .join(truncate_chars(&photo.id, 2));
    let planned: Vec<(u32, u32, PathBuf)> = sizes
        .iter()
        .map(|&(w, h)| {
            let key = sha256_hex(format!("{key_base}|{w}x{h}").as_bytes());
            (w, h, dir.join(format!("{}.jpg", truncate_chars(&key, 32))))
        })
        .collect();
    let missing: Vec<(u32, u32, &Path)> = planned
        .iter()
        .filter(|(_, _, p)| !is_whole(p))
        .map(|(w, h, p)| (*w, *h, p.as_path()))
        .collect();
    if !missing.is_empty() {
        make(library, &photo, rect, &missing)?;
    }
    // Crop names are the desk's words; file names keep to what every system accepts.
    let label: String = crop
        .unwrap_or("full")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    planned
        .into_iter()
        .map(|(width, height, path)| {
            let bytes =
                fs::read(&path).context(|| format!("reading rendition {}", path.display()))?;
            Ok(Rendition {
                width,
                height,
                content_type: "image/jpeg",
                file_name: format!("{}-{label}-{width}.jpg", short_photo_id(&photo.id)),
                byte_size: bytes.len() as u64,
                sha256: sha256_hex(&bytes),
                path,
            })
        })
        .collect()
}

/// Decodes the original once and writes each missing size. The largest comes from the
/// original, decoded no larger than it needs (a JPEG at 1/2, 1/4 or 1/8 size when the crop
/// leaves room, and without the rows below the crop); the smaller ones are scaled each from the
/// next larger, which is both faster and, at these ratios (1.6 and 2), indistinguishable.
fn make(library: &Library, photo: &Photo, rect: Rect, sizes: &[(u32, u32, &Path)]) -> Result<()> {
    let (&(w, h, _), _) = sizes.split_first().expect("at least one size is missing");
    let upright = decode_original(&library.root().join(&photo.original), &photo.id, |b| {
        pixels::decode_upright_region(b, rect, w)
    })?;
    let (xmp, iim) = rendition_segments(&photo.desk);
    let segments: [(u8, &[u8]); 2] = [(1, &xmp), (13, &iim)];
    let largest = upright.resize(rect, w, h);
    drop(upright);
    let write = |pixels: &RgbImage, path: &Path| -> Result<()> {
        let jpeg = pixels::encode_jpeg(pixels, &segments).map_err(|e| {
            Error::invalid(format!(
                "cannot encode a rendition of photo {}: {e}",
                photo.id
            ))
        })?;
        write_atomically(path, &jpeg, Keep::Derived)
    };
    // The largest is encoded on a thread of its own while this one scales and encodes the
    // others, each from the one before it (2048 -> 1280 -> 640 -> 320): the two halves of
    // the work are then about equal (the largest has more pixels than the others together),
    // where largest-and-next against the two smallest left one thread idle half the time.
    let (_, smaller) = sizes.split_first().expect("at least one size is missing");
    let largest_path = sizes[0].2;
    std::thread::scope(|scope| {
        let other = scope.spawn(|| write(&largest, largest_path));
        let mut previous: Option<RgbImage> = None;
        let mine = smaller.iter().try_for_each(|&(width, height, path)| {
            let from = previous.as_ref().unwrap_or(&largest);
            let whole = Rect {
                x: 0,
                y: 0,
                width: from.width(),
                height: from.height(),
            };
            let scaled = pixels::resize(from, whole, width, height);
            write(&scaled, path)?;
            previous = Some(scaled);
            Ok(())
        });
        mine.and(other.join().expect("rendition thread does not panic"))
    })
}

fn decode_original(
    original: &Path,
    photo_id: &str,
    decode: impl FnOnce(&[u8]) -> std::result::Result<Decoded, String>,
) -> Result<Decoded> {
    let bytes =
        fs::read(original).context(|| format!("reading the original of photo {photo_id}"))?;
    decode(&bytes).map_err(|reason| {
        Error::invalid(format!(
            "the original of photo {photo_id} cannot be decoded: {reason}"
        ))
    })
}

/// Where the thumbnail of photo `photo_id` sits in the library folder at `root` (the team desk
/// sends it and puts a received one there).
pub fn thumbnail_path(root: &Path, photo_id: &str) -> PathBuf {
    root.join("photos/thumbnails")
        .join(truncate_chars(photo_id, 2))
        .join(format!("{photo_id}.jpg"))
}

/// The UI thumbnail (400 px on the long edge, upright, sRGB), made at import (or received from
/// the desk before the original); remade from the original if it has gone missing.
pub fn thumbnail(library: &Library, photo_id: &str) -> Result<PathBuf> {
    Thumbnail::look_up(library, photo_id)?.make()
}

/// A thumbnail looked up in the library and made without it: the app holds its library (one
/// connection) behind a lock, and decoding an original can take seconds, during which every
/// save would wait. Look up under the lock, [`make`](Thumbnail::make) after releasing it.
#[derive(Debug, Clone)]
pub struct Thumbnail {
    photo_id: String,
    path: PathBuf,
    original: PathBuf,
    awaiting_original: bool,
}

impl Thumbnail {
    /// What making the thumbnail of `photo_id` needs: where it goes and its original.
    pub fn look_up(library: &Library, photo_id: &str) -> Result<Thumbnail> {
        let photo = library.store().photo(photo_id)?;
        Ok(Thumbnail::of(library.root(), &photo))
    }

    /// The same for `photo` of the library in the folder `root`.
    pub fn of(root: &Path, photo: &Photo) -> Thumbnail {
        Thumbnail {
            path: thumbnail_path(root, &photo.id),
            original: root.join(&photo.original),
            photo_id: photo.id.clone(),
            awaiting_original: photo.awaiting_original,
        }
    }

    /// The thumbnail's path, made from the original first when it is missing. A photo from
    /// the desk whose thumbnail did not come (a document from before thumbnails travelled)
    /// and whose original is still on its way has none yet: [`Error::OriginalPending`].
    pub fn make(self) -> Result<PathBuf> {
        if !is_whole(&self.path) {
            if self.awaiting_original {
                return Err(Error::OriginalPending {
                    photo_id: self.photo_id,
                    needed: "its thumbnail".into(),
                });
            }
            let upright = decode_original(&self.original, &self.photo_id, |b| {
                pixels::decode_upright_for(b, THUMBNAIL_SIZE)
            })?;
            write_thumbnail(&upright, &self.path)?;
        }
        Ok(self.path)
    }
}

pub(crate) fn write_thumbnail(upright: &RgbImage, path: &Path) -> Result<()> {
    let (w, h) = (upright.width(), upright.height());
    let scale = (THUMBNAIL_SIZE as f64 / w.max(h) as f64).min(1.0);
    let size = (
        ((w as f64 * scale).round() as u32).max(1),
        ((h as f64 * scale).round() as u32).max(1),
    );
    let small = pixels::resize(
        upright,
        Rect {
            x: 0,
            y: 0,
            width: w,
            height: h,
        },
        size.0,
        size.1,
    );
    let jpeg = pixels::encode_jpeg(&small, &[]).map_err(|e| {
        Error::invalid(format!(
            "cannot encode the thumbnail {}: {e}",
            path.display()
        ))
    })?;
    write_atomically(path, &jpeg, Keep::Derived)
}
