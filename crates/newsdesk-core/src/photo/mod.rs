//! The photo desk: photos come in with the credit and caption embedded by the agency, the desk
//! keeps its own record beside what the file said, crops each photo for its use and hands on
//! JPEG renditions that carry the desk's credit inside them.
//!
//! Originals are never touched: they sit content-addressed under `photos/originals/` in the
//! library folder. Thumbnails (`photos/thumbnails/`) and renditions (`photos/renditions/`) are
//! derived files, made again from the original whenever they are missing.

mod attach;
mod crop;
mod figures;
mod import;
mod metadata;
mod pixels;
mod rendition;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

pub use attach::{Placement, attach};
pub use crop::{Aspect, MIN_CROP_SIDE, default_crop, validate_crop};
pub use figures::LibraryFigures;
pub use import::{BatchReport, Imported, Refused, import_batch, import_file};
pub use metadata::{PhotoMetadata, read_metadata};
pub use rendition::{DEFAULT_WIDTHS, Rendition, renditions, thumbnail};

/// A photo in the library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Photo {
    /// The SHA-256 (hex) of the original file.
    pub id: String,
    pub sha256: String,
    /// `jpeg`, `png`, `webp` or `tiff`.
    pub format: String,
    pub byte_size: u64,
    /// As displayed, after EXIF orientation.
    pub width: u32,
    pub height: u32,
    /// EXIF orientation of the original (1 when it has none).
    pub orientation: u8,
    /// The file name it came in with.
    pub source_name: String,
    /// What the file said at import; never edited.
    pub embedded: PhotoMetadata,
    /// What the desk says; prefilled from `embedded` at import.
    pub desk: DeskRecord,
    /// (x, y) in 0..1 of the upright photo: where default crops centre.
    pub focal_point: Option<(f64, f64)>,
    pub crops: Vec<Crop>,
    #[serde(with = "time::serde::rfc3339")]
    pub imported_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    /// Where the original sits, relative to the library folder.
    pub original: String,
}

/// The desk's record of a photo: what goes out with every rendition.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct DeskRecord {
    /// Required for publishing.
    pub credit: String,
    pub caption: String,
    pub alt_text: String,
    pub creator: String,
    pub copyright: String,
    pub source: String,
    pub usage_terms: String,
    pub special_instructions: String,
}

impl DeskRecord {
    /// The desk's starting point: what the agency embedded.
    pub fn from_embedded(m: &PhotoMetadata) -> DeskRecord {
        let take = |v: &Option<String>| v.clone().unwrap_or_default();
        DeskRecord {
            credit: take(&m.credit),
            caption: take(&m.caption),
            alt_text: take(&m.alt_text),
            creator: take(&m.creator),
            copyright: take(&m.copyright),
            source: take(&m.source),
            usage_terms: take(&m.usage_terms),
            special_instructions: take(&m.special_instructions),
        }
    }
}

/// A partial edit of the desk record: `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DeskEdit {
    pub credit: Option<String>,
    pub caption: Option<String>,
    pub alt_text: Option<String>,
    pub creator: Option<String>,
    pub copyright: Option<String>,
    pub source: Option<String>,
    pub usage_terms: Option<String>,
    pub special_instructions: Option<String>,
}

impl DeskEdit {
    pub fn apply(self, record: &mut DeskRecord) {
        let pairs = [
            (self.credit, &mut record.credit),
            (self.caption, &mut record.caption),
            (self.alt_text, &mut record.alt_text),
            (self.creator, &mut record.creator),
            (self.copyright, &mut record.copyright),
            (self.source, &mut record.source),
            (self.usage_terms, &mut record.usage_terms),
            (self.special_instructions, &mut record.special_instructions),
        ];
        for (new, field) in pairs {
            if let Some(value) = new {
                // Control characters (other than line breaks and tabs) are never meant, and
                // XML, which carries the record in every rendition, cannot hold them.
                *field = value
                    .trim()
                    .chars()
                    .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
                    .collect();
            }
        }
    }
}

/// A named crop of a photo, in upright-original pixels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Crop {
    pub name: String,
    pub aspect: Aspect,
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

/// A rectangle in upright-original pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rect {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

impl Crop {
    pub fn rect(&self) -> Rect {
        Rect {
            x: self.x,
            y: self.y,
            width: self.width,
            height: self.height,
        }
    }
}

impl Photo {
    pub fn crop(&self, name: &str) -> Option<&Crop> {
        self.crops.iter().find(|c| c.name == name)
    }

    /// The whole upright photo.
    pub fn full_rect(&self) -> Rect {
        Rect {
            x: 0,
            y: 0,
            width: self.width,
            height: self.height,
        }
    }
}

/// Lower-case hex of a SHA-256 digest.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
