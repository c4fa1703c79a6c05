//! The photo desk: photos come in with the credit and caption embedded by the agency, the desk
//! keeps its own record beside what the file said, crops each photo for its use and hands on
//! JPEG renditions that carry the desk's credit inside them.
//!
//! Originals are never touched: they sit content-addressed under `photos/originals/` in the
//! library folder. Thumbnails (`photos/thumbnails/`) and renditions (`photos/renditions/`) are
//! derived files, made again from the original whenever they are missing. A photo from the
//! team desk may arrive before its original (`Photo::awaiting_original`: its thumbnail comes
//! first); until the original is here, what needs its pixels refuses with
//! `Error::OriginalPending` and preflight blocks its stories.

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
pub use import::{
    BatchReport, Imported, MAX_THUMBNAIL_BYTES, Received, Refused, import_batch, import_file,
    original_path, receive_original, receive_thumbnail,
};
pub use metadata::{PhotoMetadata, read_metadata};
pub(crate) use pixels::format_of;
pub use pixels::{MAX_FILE_BYTES, PIXEL_BUDGET};
pub use rendition::{DEFAULT_WIDTHS, Rendition, Thumbnail, renditions, thumbnail, thumbnail_path};

use crate::store::MAX_DESK_FIELD_BYTES;
use crate::{Error, Result};

/// A photo in the library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Photo {
    /// The SHA-256 (hex) of the original file.
    pub id: String,
    /// Counts the desk's changes (record, focal point, crops), from 1 at import. Every change
    /// names the version it is based on, so two desks editing one photo cannot lose a change.
    pub version: i64,
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
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub imported_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub updated_at: OffsetDateTime,
    /// Where the original sits, relative to the library folder.
    pub original: String,
    /// A photo from the team desk whose original has not arrived yet (thumbnails come first):
    /// its record, crops and thumbnail are here; renditions, export and delivery wait for the
    /// original, which the next desk sync brings.
    #[serde(default)]
    pub awaiting_original: bool,
}

/// The desk's record of a photo: what goes out with every rendition.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
    /// The desk's starting point: what the agency embedded, under the rules an edit follows
    /// ([`desk_text`]). A value past [`MAX_DESK_FIELD_BYTES`] is shortened here, since there
    /// is no one to ask; the whole value stays readable in `embedded`.
    pub fn from_embedded(m: &PhotoMetadata) -> DeskRecord {
        let mut record = DeskRecord {
            credit: m.credit.clone().unwrap_or_default(),
            caption: m.caption.clone().unwrap_or_default(),
            alt_text: m.alt_text.clone().unwrap_or_default(),
            creator: m.creator.clone().unwrap_or_default(),
            copyright: m.copyright.clone().unwrap_or_default(),
            source: m.source.clone().unwrap_or_default(),
            usage_terms: m.usage_terms.clone().unwrap_or_default(),
            special_instructions: m.special_instructions.clone().unwrap_or_default(),
        };
        record.normalise();
        record
    }

    /// Brings every field under the desk's rules, shortening what is too long. A record made
    /// by this version of Newsdesk is unchanged; one stored before the rules applied to
    /// imports (control characters, a 180 KB caption) is brought in line.
    pub fn normalise(&mut self) {
        for (_, field) in self.fields_mut() {
            if let Ok(text) = desk_text(field, Overlong::Shorten) {
                *field = text;
            }
        }
    }

    /// `(name for people, field)` for every field, in the form's order.
    fn fields_mut(&mut self) -> [(&'static str, &mut String); 8] {
        [
            ("credit", &mut self.credit),
            ("caption", &mut self.caption),
            ("alt text", &mut self.alt_text),
            ("creator", &mut self.creator),
            ("copyright", &mut self.copyright),
            ("source", &mut self.source),
            ("usage terms", &mut self.usage_terms),
            ("special instructions", &mut self.special_instructions),
        ]
    }
}

/// What to do with a value longer than [`MAX_DESK_FIELD_BYTES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlong {
    /// An editor typed it: refuse, and say how long it is.
    Refuse,
    /// It came from a file: keep its start, cut at a character boundary, and end it with
    /// "…" so a reader sees it was cut.
    Shorten,
}

/// The desk's rules for the text of a field, one function for import and edit alike:
/// terminal escape sequences (ESC or CSI and what belongs to them) and every other control
/// character except line breaks and tabs are removed, and so are the two non-characters
/// XML cannot hold; blanks around the text are trimmed. Such characters are never meant,
/// XML (which carries the record in every rendition) cannot hold control characters, and
/// a terminal acts on escape sequences. At most [`MAX_DESK_FIELD_BYTES`] remain (all the
/// fields together must fit the metadata segments of a JPEG rendition); a longer value is
/// refused or shortened, as `overlong` says. `Err` carries the cleaned length.
pub fn desk_text(raw: &str, overlong: Overlong) -> std::result::Result<String, usize> {
    let mut text = String::with_capacity(raw.len().min(MAX_DESK_FIELD_BYTES + 4));
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape_sequence(&mut chars),
            // CSI as one C1 character (the byte 0x9B read as Latin-1).
            '\u{9b}' => skip_control_sequence(&mut chars),
            '\n' | '\t' => text.push(c),
            '\u{fffe}' | '\u{ffff}' => {}
            c if c.is_control() => {}
            c => text.push(c),
        }
    }
    let text = text.trim();
    if text.len() <= MAX_DESK_FIELD_BYTES {
        return Ok(text.to_owned());
    }
    match overlong {
        Overlong::Refuse => Err(text.len()),
        Overlong::Shorten => {
            let mut end = MAX_DESK_FIELD_BYTES - ELLIPSIS.len_utf8();
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            Ok(format!("{}{ELLIPSIS}", text[..end].trim_end()))
        }
    }
}

/// Ends a value that was cut.
pub(crate) const ELLIPSIS: char = '…';

/// After ESC (ECMA-48): `[` starts a control sequence; `]`, `P`, `X`, `^`, `_` a control
/// string (OSC, DCS...) ended by BEL or ST; otherwise intermediate bytes and one final byte.
fn skip_escape_sequence(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_control_sequence(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            // Up to the string terminator; a line break ends a string that never terminates,
            // so a stray ESC ] cannot swallow a whole caption.
            while let Some(c) = chars.next() {
                match c {
                    '\u{7}' | '\u{9c}' | '\n' => break,
                    '\u{1b}' => {
                        if chars.peek() == Some(&'\\') {
                            chars.next();
                        }
                        break;
                    }
                    _ => {}
                }
            }
        }
        _ => {
            while chars.next_if(|c| (' '..='/').contains(c)).is_some() {}
            chars.next_if(|c| ('0'..='~').contains(c));
        }
    }
}

/// Parameter bytes, intermediate bytes, then one final byte.
fn skip_control_sequence(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while chars.next_if(|c| ('0'..='?').contains(c)).is_some() {}
    while chars.next_if(|c| (' '..='/').contains(c)).is_some() {}
    chars.next_if(|c| ('@'..='~').contains(c));
}

/// A partial edit of the desk record: `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
    /// Applies the edit to `record` under the desk's rules ([`desk_text`]); a value past the
    /// limit is refused, naming the field of photo `id`, and nothing is applied.
    pub fn apply(self, id: &str, record: &mut DeskRecord) -> Result<()> {
        let values = [
            self.credit,
            self.caption,
            self.alt_text,
            self.creator,
            self.copyright,
            self.source,
            self.usage_terms,
            self.special_instructions,
        ];
        let mut edited = record.clone();
        for (new, (name, field)) in values.into_iter().zip(edited.fields_mut()) {
            if let Some(value) = new {
                *field = desk_text(&value, Overlong::Refuse).map_err(|len| {
                    Error::invalid(format!(
                        "the {name} of photo {id} is {len} bytes long; the limit is {MAX_DESK_FIELD_BYTES}"
                    ))
                })?;
            }
        }
        *record = edited;
        Ok(())
    }
}

/// A named crop of a photo, in upright-original pixels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Crop {
    pub name: String,
    /// "16:9", "free"...: one of `library_info`'s aspect presets.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub aspect: Aspect,
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

/// A rectangle in upright-original pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
