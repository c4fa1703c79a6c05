//! A wire item: what an agency sent (ninjs, NewsML-G2 or a photo file), read into one shape
//! whatever the format, so the queue, search and "start a story" know one type. It is the
//! agency's copy, never an article: an editor starts a story from it.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// One item in the wire queue, at its latest version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WireItem {
    /// The library's id for the item (a UUID), the same across the agency's versions.
    pub id: String,
    /// The watched folder's name for the feed ("AP", "dpa"), or `import` for a file imported
    /// by hand.
    pub source: String,
    #[serde(flatten)]
    pub copy: WireCopy,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub received_at: OffsetDateTime,
    /// The agency's versions this library received before this one, newest last.
    pub earlier_versions: Vec<i64>,
}

/// What the agency said, as read from its file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct WireCopy {
    /// `ninjs 1.x`, `ninjs 2.x`, `ninjs 3.x`, `NewsML-G2` or `photo`.
    pub format: String,
    /// The agency's name for the item (ninjs `uri`, NewsML-G2 `guid`): its versions share it.
    pub guid: String,
    /// The agency's version; 1 when the file gives none.
    pub version: i64,
    pub kind: WireKind,
    pub status: WireStatus,
    /// 1 (flash) to 9 (lowest); `None` when the agency gives none.
    pub urgency: Option<u8>,
    /// Who sent it: the provider, copyright holder or credit line, whichever the file names.
    pub agency: String,
    #[serde(with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub sent_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub embargo: Option<OffsetDateTime>,
    pub headline: String,
    pub dek: String,
    /// The writers' names as the agency gives them, without "By".
    pub byline: String,
    /// Where the story was filed from.
    pub dateline: String,
    pub language: String,
    pub slugline: String,
    pub subjects: Vec<String>,
    /// The body in Markdown (converted from the agency's HTML, NITF or XHTML: headings, lists,
    /// quotes and links kept; scripts and styles never).
    pub body: String,
    pub ed_note: String,
    pub photos: Vec<WirePhoto>,
    /// Links to related material the agency gave (web addresses only).
    pub links: Vec<WireLink>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum WireKind {
    #[default]
    Text,
    Picture,
    /// A NewsML-G2 package: a list of other items.
    Package,
}

/// The agency's word on using the item. A kill or a withhold marks the item and every story
/// started from it until an editor clears that story.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum WireStatus {
    #[default]
    Usable,
    /// Hold it: do not publish until the agency says otherwise.
    Withheld,
    /// Killed: never publish, take down what was published.
    Canceled,
}

impl WireStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            WireStatus::Usable => "usable",
            WireStatus::Withheld => "withheld",
            WireStatus::Canceled => "canceled",
        }
    }

    pub fn parse(s: &str) -> WireStatus {
        match s {
            "withheld" => WireStatus::Withheld,
            "canceled" => WireStatus::Canceled,
            _ => WireStatus::Usable,
        }
    }

    /// A kill or a withhold: stories started from the item must not go out.
    pub fn stops_stories(self) -> bool {
        self != WireStatus::Usable
    }
}

impl WireKind {
    pub fn as_str(self) -> &'static str {
        match self {
            WireKind::Text => "text",
            WireKind::Picture => "picture",
            WireKind::Package => "package",
        }
    }

    pub fn parse(s: &str) -> WireKind {
        match s {
            "picture" => WireKind::Picture,
            "package" => WireKind::Package,
            _ => WireKind::Text,
        }
    }
}

/// A photo the item carries or points to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct WirePhoto {
    /// The agency's name for the photo (its uri or guid), or the file name.
    pub uri: String,
    /// Where the agency put the picture (its largest rendition): remote or beside the item.
    pub href: String,
    pub caption: String,
    /// The photographer.
    pub by: String,
    /// The credit line the agency asks for.
    pub credit: String,
    /// The library photo, when the picture came with the item (a file beside it or the item
    /// itself) and was imported; `None` when only a remote address is known.
    pub photo_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct WireLink {
    pub title: String,
    pub url: String,
}

/// One line of the wire queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WireSummary {
    pub id: String,
    pub source: String,
    pub agency: String,
    pub kind: WireKind,
    pub status: WireStatus,
    pub urgency: Option<u8>,
    pub version: i64,
    pub headline: String,
    pub subjects: Vec<String>,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub received_at: OffsetDateTime,
    /// Around the match, each match in `[brackets]`, for a search; otherwise the dek.
    pub snippet: String,
    /// Stories started from the item.
    pub stories: Vec<String>,
}

/// What the queue shows: every filter optional, newest first (best match first for a search).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct WireFilter {
    pub source: Option<String>,
    /// Items at least this urgent (1 is the most urgent).
    pub urgency: Option<u8>,
    pub subject: Option<String>,
    /// Words to find (like the article search: never FTS syntax).
    pub text: String,
    /// 0 means 50.
    pub limit: usize,
    pub offset: usize,
}

/// The wire item a story was started from, kept with the story and written into its exports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WireOrigin {
    pub article_id: String,
    pub item_id: String,
    pub guid: String,
    /// The agency's version the story was started from.
    pub version: i64,
    pub agency: String,
    pub source: String,
    /// Set when a kill or withhold notice came for the item: the story may not go out until an
    /// editor clears it.
    pub stop: Option<WireStop>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WireStop {
    pub status: WireStatus,
    /// The agency's note, when it gave one.
    pub note: String,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub at: OffsetDateTime,
}

/// One earlier version of an item, kept for a diff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WireVersion {
    #[serde(flatten)]
    pub copy: WireCopy,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub received_at: OffsetDateTime,
}
