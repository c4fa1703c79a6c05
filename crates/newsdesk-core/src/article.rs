//! The article as an editor knows it: the fields of the authoring screen, its workflow status
//! and its version.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::{Error, Result};

/// Everything an editor types into an article. Saved as a whole: a save replaces all fields,
/// so what the editor sees is exactly what the library keeps.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "snake_case")]
pub struct ArticleFields {
    pub slugline: String,
    pub kicker: String,
    pub section: String,
    pub headline: String,
    pub dek: String,
    pub authors: Vec<Author>,
    pub dateline: Dateline,
    /// Markdown.
    pub body: String,
    pub keywords: Vec<String>,
    pub related: Vec<RelatedStory>,
    pub editors_note: String,
    /// BCP 47 tag, `en` by default.
    pub language: String,
    #[serde(with = "time::serde::rfc3339::option")]
    pub embargo: Option<OffsetDateTime>,
    pub corrections: Vec<Correction>,
    /// The lead photo and its crop; `None` when the story runs without one.
    pub lead_photo: Option<PhotoPlacement>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Author {
    pub name: String,
    /// "Reporter", "Staff writer", "Photographer"...
    pub role: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Dateline {
    pub place: String,
    /// ISO date (`2024-07-30`) as the editor wants it printed; empty when unset.
    pub date: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RelatedStory {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Correction {
    /// ISO date of the correction.
    pub date: String,
    pub text: String,
}

/// A photo used by an article, with the crop chosen for this use.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PhotoPlacement {
    pub photo_id: String,
    pub crop: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Draft,
    Editing,
    Ready,
    Published,
    Spiked,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Draft,
        Status::Editing,
        Status::Ready,
        Status::Published,
        Status::Spiked,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Editing => "editing",
            Status::Ready => "ready",
            Status::Published => "published",
            Status::Spiked => "spiked",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Status {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Status::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| {
                Error::invalid(format!(
                    "unknown status {s:?}: use one of draft, editing, ready, published, spiked"
                ))
            })
    }
}

/// An article as stored: its fields plus what the library tracks about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// UUID; stable for the life of the article and used as the ninjs `uri`.
    pub id: String,
    /// Starts at 1 and rises by one with every accepted save.
    pub version: i64,
    pub status: Status,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    #[serde(flatten)]
    pub fields: ArticleFields,
}

impl ArticleFields {
    /// Authors joined the way a byline is printed: "By A, B and C".
    pub fn byline(&self) -> String {
        let names: Vec<&str> = self
            .authors
            .iter()
            .map(|a| a.name.trim())
            .filter(|n| !n.is_empty())
            .collect();
        match names.as_slice() {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [init @ .., last] => format!("{} and {last}", init.join(", ")),
        }
    }
}
