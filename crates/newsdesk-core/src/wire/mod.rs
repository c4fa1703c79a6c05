//! The wire desk: agency copy and photos coming in. Readers per format (`ninjs`, `newsml`,
//! photo files through `photo/`) make one [`WireCopy`]; `store` keeps it as a wire item (a new
//! version replaces it and keeps the earlier one; a kill or withhold stops the stories started
//! from it); `folder` watches a drop folder and quarantines what cannot be read; `story`
//! starts a draft from an item.
//!
//! A file becomes an item or a [`Refusal`] (quarantined by the folder, reported by an
//! import); trouble of the library itself (the disk, the database) is an [`Error`] and leaves
//! the file where it is, to be read again.
//!
//! This wing uses `photo/` and `store/`; it never imports `package/` or `delivery/`.

mod body;
mod folder;
mod newsml;
mod ninjs;
mod schema;
mod story;

pub use folder::{FolderReport, WireFolder};
pub use story::start_story;

use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;
use time::OffsetDateTime;

use crate::error::Context;
use crate::photo::{self, MAX_FILE_BYTES as MAX_PHOTO_BYTES};
use crate::store::Recorded;
use crate::wire_item::{WireCopy, WireKind, WirePhoto};
use crate::{Error, Library, Result};

/// The largest ninjs or NewsML-G2 file read. Checked on the file's size before a byte is
/// read. Agency text items are a few kilobytes (the largest example here, dpa's, is 9 KB;
/// a long feature with an HTML body a few hundred); 16 MB leaves room for any real item and
/// keeps a 100 MB "body" out of memory.
pub const MAX_TEXT_BYTES: u64 = 16 * 1024 * 1024;

/// Why a file never became a wire item: written beside it in the quarantine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub reason: String,
}

impl Refusal {
    fn new(reason: impl Into<String>) -> Refusal {
        Refusal {
            reason: reason.into(),
        }
    }
}

/// What became of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WireFileReport {
    pub file: String,
    /// The item it became or updated; `None` when it was refused.
    pub item_id: Option<String>,
    pub headline: String,
    pub recorded: Option<Recorded>,
    /// Why it was refused (and, from a watched folder, quarantined).
    pub refused: Option<String>,
}

/// Reads one file into the wire queue under `source`. `Ok(Err(_))`: the file was refused and
/// nothing was recorded; `Err(_)`: the library could not take it now (try again later).
pub fn ingest_file(
    library: &mut Library,
    path: &Path,
    source: &str,
) -> Result<std::result::Result<(String, Recorded, String), Refusal>> {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let size = fs::metadata(path)
        .context(|| format!("reading {}", path.display()))?
        .len();
    let cap = if is_photo_name(path) {
        MAX_PHOTO_BYTES
    } else {
        MAX_TEXT_BYTES
    };
    if size > cap {
        return Ok(Err(Refusal::new(format!(
            "it is {} bytes; wire files up to {} MB are read ({} MB for photos)",
            size,
            MAX_TEXT_BYTES / (1024 * 1024),
            MAX_PHOTO_BYTES / (1024 * 1024)
        ))));
    }
    let bytes = fs::read(path).context(|| format!("reading {}", path.display()))?;
    let sha256 = photo::sha256_hex(&bytes);
    if let Some(item_id) = library.store().wire_file(&sha256)? {
        let headline = library.store().wire_item(&item_id)?.copy.headline;
        return Ok(Ok((item_id, Recorded::Duplicate, headline)));
    }
    let copy = match read_copy(library, path, &bytes)? {
        Ok(copy) => copy,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let mut copy = copy;
    // The queue needs something to show: an item without a headline (a metadata-only item,
    // a picture without one) is named by its slugline, else its file.
    if copy.headline.is_empty() {
        copy.headline = if copy.slugline.is_empty() {
            file_name.clone()
        } else {
            copy.slugline.clone()
        };
    }
    // An item whose only text is its summary (NTB sends leads that way) is that summary.
    if copy.body.is_empty() && !copy.dek.is_empty() {
        copy.body = body::plain_to_markdown(&copy.dek);
    }
    attach_local_photos(library, path, &mut copy);
    let (item_id, recorded) = library
        .store_mut()
        .record_wire_item(source, &copy, &sha256, &file_name)?;
    Ok(Ok((item_id, recorded, copy.headline)))
}

/// Imports files by hand (`newsdesk wire import`): each read or refused, none moved.
pub fn import_files(
    library: &mut Library,
    paths: &[PathBuf],
    source: &str,
) -> Result<Vec<WireFileReport>> {
    paths
        .iter()
        .map(|path| {
            let file = path.display().to_string();
            Ok(match ingest_file(library, path, source)? {
                Ok((item_id, recorded, headline)) => WireFileReport {
                    file,
                    item_id: Some(item_id),
                    headline,
                    recorded: Some(recorded),
                    refused: None,
                },
                Err(refusal) => WireFileReport {
                    file,
                    item_id: None,
                    headline: String::new(),
                    recorded: None,
                    refused: Some(refusal.reason),
                },
            })
        })
        .collect()
}

fn read_copy(
    library: &mut Library,
    path: &Path,
    bytes: &[u8],
) -> Result<std::result::Result<WireCopy, Refusal>> {
    if photo::format_of(bytes).is_ok() {
        return photo_copy(library, path);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let decoded;
    let text = match (std::str::from_utf8(bytes), newsml::declared_encoding(bytes)) {
        (Ok(text), None) => text,
        (_, Some(encoding)) => {
            decoded = newsml::as_utf8(bytes, encoding);
            &decoded
        }
        (Err(e), None) => {
            return Ok(Err(Refusal::new(format!(
                "it is not UTF-8 text (invalid bytes at offset {}) and declares no other encoding; \
                 ninjs is UTF-8, and NewsML-G2 is read in the encoding its XML declaration names",
                e.valid_up_to()
            ))));
        }
    };
    Ok(match text.trim_start().chars().next() {
        // An array is no ninjs item, but the JSON reader says why best (a nesting bomb).
        Some('{' | '[') => ninjs::read(text),
        Some('<') => match newsml::parse(text) {
            Err(refusal) => Err(refusal),
            Ok(doc) if !newsml::is_newsml(&doc) => Err(Refusal::new(format!(
                "it is XML but not a NewsML-G2 newsItem or packageItem (its root is <{}>)",
                doc.root_element().tag_name().name()
            ))),
            Ok(doc) => match schema::validate(library.root(), text)? {
                Err(refusal) => Err(refusal),
                Ok(()) => newsml::read(&doc),
            },
        },
        _ => Err(Refusal::new(
            "it is neither ninjs (JSON), NewsML-G2 (XML) nor a photo (JPEG, PNG, WebP, TIFF)",
        )),
    })
}

/// A photo file as a picture item: the photo enters the library (its IPTC and XMP read by
/// the photo import) and the item says what the file says.
fn photo_copy(
    library: &mut Library,
    path: &Path,
) -> Result<std::result::Result<WireCopy, Refusal>> {
    let photo = match photo::import_file(library, path) {
        Ok(imported) => imported.photo,
        Err(Error::Invalid(reason)) => return Ok(Err(Refusal::new(reason))),
        Err(e) => return Err(e),
    };
    let embedded = &photo.embedded;
    let text = |value: &Option<String>| body::one_line(value.as_deref().unwrap_or_default());
    let caption = text(&embedded.caption);
    let credit = [&embedded.credit, &embedded.source, &embedded.copyright]
        .into_iter()
        .map(text)
        .find(|c| !c.is_empty())
        .unwrap_or_default();
    let guid = format!("urn:newsdesk:photo:{}", photo.id);
    let headline = match text(&embedded.headline) {
        h if h.is_empty() => photo.source_name.clone(),
        h => h,
    };
    Ok(Ok(WireCopy {
        format: "photo".into(),
        version: 1,
        kind: WireKind::Picture,
        agency: credit.clone(),
        sent_at: embedded.date_created.as_deref().and_then(parse_agency_time),
        headline,
        dek: caption.clone(),
        byline: text(&embedded.creator),
        dateline: text(&embedded.city),
        body: body::plain_to_markdown(&caption),
        ed_note: text(&embedded.special_instructions),
        photos: vec![WirePhoto {
            uri: guid.clone(),
            href: photo.source_name.clone(),
            caption,
            by: text(&embedded.creator),
            credit,
            photo_id: Some(photo.id.clone()),
        }],
        guid,
        ..WireCopy::default()
    }))
}

/// Photos the item points to that came with it (beside it in its folder, or already moved
/// to the folder's `ingested/`) are imported and linked. A photo only at a remote address
/// stays a reference: the item is kept and says where the picture is.
fn attach_local_photos(library: &mut Library, path: &Path, copy: &mut WireCopy) {
    let folder = path.parent().unwrap_or(Path::new("."));
    for wire_photo in &mut copy.photos {
        if wire_photo.photo_id.is_some() || wire_photo.href.is_empty() {
            continue;
        }
        // Only the file name is used: an href never reaches outside the item's folder.
        let name = wire_photo
            .href
            .split(['?', '#'])
            .next()
            .unwrap_or_default()
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or_default()
            .trim();
        if name.is_empty() || name.starts_with('.') {
            continue;
        }
        let candidates = [
            folder.join(name),
            folder.join(folder::INGESTED_DIR).join(name),
        ];
        if let Some(found) = candidates.iter().find(|p| p.is_file())
            && let Ok(imported) = photo::import_file(library, found)
        {
            wire_photo.photo_id = Some(imported.photo.id);
        }
    }
}

fn is_photo_name(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "jpg" | "jpeg" | "png" | "webp" | "tif" | "tiff"
        )
    })
}

/// An agency's timestamp: RFC 3339 (`2019-05-10T16:02:28+02:00`), allowing the blanks XML
/// leaves around it; a bare date is midnight UTC.
pub(crate) fn parse_agency_time(text: &str) -> Option<OffsetDateTime> {
    use time::format_description::well_known::Rfc3339;
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    OffsetDateTime::parse(text, &Rfc3339).ok().or_else(|| {
        let date = time::Date::parse(
            text.get(..10)?,
            time::macros::format_description!("[year]-[month]-[day]"),
        )
        .ok()?;
        Some(date.midnight().assume_utc())
    })
}

/// "By Jane Doe" / "Von Jane Doe" / "Av Jane Doe" as "Jane Doe".
pub(crate) fn without_by(byline: &str) -> String {
    let trimmed = byline.trim();
    for prefix in ["by ", "von ", "av ", "af ", "par ", "por ", "door "] {
        if trimmed.len() > prefix.len()
            && trimmed.is_char_boundary(prefix.len())
            && trimmed[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            return trimmed[prefix.len()..].trim().to_owned();
        }
    }
    trimmed.to_owned()
}

/// Who sent an item that names no agency: the host of its uri (`ninjs.example.com`).
pub(crate) fn agency_of_uri(uri: &str) -> String {
    url::Url::parse(uri)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_default()
}
