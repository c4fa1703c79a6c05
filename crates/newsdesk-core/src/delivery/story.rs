//! The story a package carries, read back from its `article.ninjs.json` for the senders that
//! speak another shape (Superdesk's ninjs, WordPress, Ghost). Reading the package, never the
//! library, keeps the promise of the outbox: every attempt sends the same story, whatever
//! happened to the article since it was queued.

use serde::Deserialize;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::DeliveryError;
use crate::package::{NINJS_FILE, Package, PackageFile};

/// One article version as it goes out.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Story {
    /// `urn:newsdesk:article:<id>`: the same for every version.
    pub uri: String,
    /// The ninjs version: 1 for the first delivery, 2 for the first correction...
    pub version: String,
    pub first_created: OffsetDateTime,
    pub version_created: OffsetDateTime,
    /// The story was spiked: receivers should take it down.
    pub canceled: bool,
    pub embargo: Option<OffsetDateTime>,
    pub language: String,
    pub slugline: String,
    pub headline: String,
    pub kicker: String,
    pub dek: String,
    /// "date: text", oldest first.
    pub corrections: Vec<String>,
    /// The body as HTML; figures point at package paths (`renditions/...`).
    pub body_html: String,
    pub word_count: u64,
    /// "A, B and C", without "By".
    pub byline: String,
    /// The dateline's place.
    pub located: String,
    pub section: String,
    pub keywords: Vec<String>,
    pub editors_note: String,
    /// The lead photo first when there is one, then the body's photos in order.
    pub photos: Vec<StoryPhoto>,
    pub related: Vec<RelatedLink>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StoryPhoto {
    /// `lead`, `inline-1`, `inline-2`...
    pub name: String,
    pub lead: bool,
    /// `urn:newsdesk:photo:<id>[:<crop>]`.
    pub uri: String,
    pub credit: String,
    pub byline: String,
    pub caption: String,
    pub alt_text: String,
    pub copyright: String,
    pub usage_terms: String,
    /// Widest last.
    pub renditions: Vec<StoryRendition>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StoryRendition {
    /// The file's path inside the package, as the body's `src` names it.
    pub href: String,
    pub width: u32,
    pub height: u32,
    pub content_type: String,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RelatedLink {
    pub url: String,
    pub title: String,
}

impl StoryPhoto {
    /// The rendition the body shows (the one its `<img src>` names), else the widest.
    pub fn display<'a>(&'a self, body_html: &str) -> Option<&'a StoryRendition> {
        self.renditions
            .iter()
            .find(|r| body_html.contains(&format!("src=\"{}\"", r.href)))
            .or_else(|| self.renditions.last())
    }

    /// The credit line a caption ends with: "Photo: Jane Doe / Agency".
    pub fn credit_line(&self) -> String {
        match (self.byline.trim(), self.credit.trim()) {
            ("", "") => String::new(),
            (by, "") => by.to_owned(),
            ("", credit) => credit.to_owned(),
            (by, credit) if credit.contains(by) => credit.to_owned(),
            (by, credit) => format!("{by} / {credit}"),
        }
    }
}

impl Story {
    pub fn of(package: &Package) -> Result<Story, DeliveryError> {
        let broken = |reason: String| {
            DeliveryError::Unusable(format!("the package's {NINJS_FILE} {reason}"))
        };
        let file = package
            .file(NINJS_FILE)
            .ok_or_else(|| broken("is missing".into()))?;
        let item: Ninjs =
            serde_json::from_slice(&file.bytes).map_err(|e| broken(format!("is damaged: {e}")))?;
        let time = |what: &str, value: &str| {
            OffsetDateTime::parse(value, &Rfc3339)
                .map_err(|e| broken(format!("has an unreadable {what} {value:?}: {e}")))
        };
        let text = |list: &[Text], role: &str| {
            list.iter()
                .find(|t| t.role == role)
                .map(|t| t.value.clone())
                .unwrap_or_default()
        };
        let photos = item
            .associations
            .iter()
            .filter(|a| a.kind.as_deref() == Some("picture"))
            .map(|a| {
                let mut renditions: Vec<StoryRendition> = a
                    .renditions
                    .iter()
                    .map(|r| StoryRendition {
                        href: r.href.clone(),
                        width: r.width,
                        height: r.height,
                        content_type: r.content_type.clone(),
                    })
                    .collect();
                renditions.sort_by_key(|r| r.width);
                StoryPhoto {
                    name: a.name.clone(),
                    lead: a.rel == "lead",
                    uri: a.uri.clone(),
                    credit: a
                        .info_sources
                        .iter()
                        .find(|s| s.role == "credit")
                        .map(|s| s.name.clone())
                        .unwrap_or_default(),
                    byline: a.by.clone(),
                    caption: text(&a.descriptions, "caption"),
                    alt_text: text(&a.descriptions, "alt"),
                    copyright: a.copyright_holder.clone(),
                    usage_terms: a.usage_terms.clone(),
                    renditions,
                }
            })
            .collect();
        let related = item
            .associations
            .iter()
            .filter(|a| a.rel == "related")
            .map(|a| RelatedLink {
                url: a.uri.clone(),
                title: a.title.clone(),
            })
            .collect();
        let body = item.bodies.iter().find(|b| b.role == "main");
        Ok(Story {
            uri: item.uri,
            version: item.version,
            first_created: time("firstCreated", &item.first_created)?,
            version_created: time("versionCreated", &item.version_created)?,
            canceled: item.pub_status == "canceled",
            embargo: item
                .embargoed_until
                .as_deref()
                .map(|e| time("embargoedUntil", e))
                .transpose()?,
            language: item.language,
            slugline: item.slugline,
            headline: text(&item.headlines, "main"),
            kicker: text(&item.headlines, "kicker"),
            dek: text(&item.descriptions, "summary"),
            corrections: item
                .descriptions
                .iter()
                .filter(|d| d.role == "correction")
                .map(|d| d.value.clone())
                .collect(),
            body_html: body.map(|b| b.value.clone()).unwrap_or_default(),
            word_count: body.map_or(0, |b| b.word_count),
            byline: item.by,
            located: item.located,
            section: item
                .genres
                .iter()
                .find(|g| g.literal == "section")
                .map(|g| g.name.clone())
                .unwrap_or_default(),
            keywords: item
                .subjects
                .iter()
                .filter(|s| s.rel == "keyword")
                .map(|s| s.name.clone())
                .collect(),
            editors_note: item.ed_note,
            photos,
            related,
        })
    }

    /// A rendition's bytes, by the path the story gives it.
    pub fn file<'p>(
        package: &'p Package,
        rendition: &StoryRendition,
    ) -> Result<&'p PackageFile, DeliveryError> {
        package.file(&rendition.href).ok_or_else(|| {
            DeliveryError::Unusable(format!(
                "the package lacks {}, which its {NINJS_FILE} names",
                rendition.href
            ))
        })
    }

    /// The short article id at the end of the uri, for markers a receiver keeps.
    pub fn article_id(&self) -> &str {
        self.uri.rsplit(':').next().unwrap_or(&self.uri)
    }
}

// The ninjs 3.1 of `package/ninjs.rs`, only as far as the senders read it.

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Ninjs {
    uri: String,
    version: String,
    first_created: String,
    version_created: String,
    #[serde(default)]
    pub_status: String,
    #[serde(default)]
    embargoed_until: Option<String>,
    #[serde(default)]
    language: String,
    #[serde(default)]
    slugline: String,
    #[serde(default)]
    headlines: Vec<Text>,
    #[serde(default)]
    descriptions: Vec<Text>,
    #[serde(default)]
    bodies: Vec<Body>,
    #[serde(default)]
    by: String,
    #[serde(default)]
    located: String,
    #[serde(default)]
    genres: Vec<Genre>,
    #[serde(default)]
    subjects: Vec<Subject>,
    #[serde(default)]
    ed_note: String,
    #[serde(default)]
    associations: Vec<Association>,
}

#[derive(Deserialize)]
struct Text {
    role: String,
    value: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Body {
    role: String,
    value: String,
    #[serde(default)]
    word_count: u64,
}

#[derive(Deserialize)]
struct Genre {
    name: String,
    #[serde(default)]
    literal: String,
}

#[derive(Deserialize)]
struct Subject {
    name: String,
    #[serde(default)]
    rel: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Association {
    #[serde(default)]
    name: String,
    #[serde(default)]
    rel: String,
    #[serde(default)]
    uri: String,
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(default)]
    title: String,
    #[serde(default)]
    by: String,
    #[serde(default)]
    copyright_holder: String,
    #[serde(default)]
    usage_terms: String,
    #[serde(default)]
    descriptions: Vec<Text>,
    #[serde(default)]
    info_sources: Vec<InfoSource>,
    #[serde(default)]
    renditions: Vec<Rendition>,
}

#[derive(Deserialize)]
struct InfoSource {
    name: String,
    #[serde(default)]
    role: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Rendition {
    href: String,
    width: u32,
    height: u32,
    content_type: String,
}
