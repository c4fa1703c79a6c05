//! An article as a Markdown file: YAML front matter between `---` lines, then the body.
//!
//! Export then import gives back the same article: its id, every field and its status. The
//! front matter also carries the version the file was exported at; importing a file whose id
//! is already in the library saves it as a new version *based on that version*, so an article
//! edited in a text editor comes back as a normal save, and one that changed in the library
//! meanwhile is refused with a Conflict (the file's text is kept as a conflict revision).
//!
//! YAML goes through `serde-saphyr`: maintained, panic-free on hostile input, and its errors
//! carry line numbers (serde_yaml is deprecated; serde_yaml_ng wraps the unsafe libyaml port).

use std::path::Path;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::article::{Correction, PhotoPlacement};
use crate::error::Context;
use crate::store::{RevisionKind, SaveKind, Store};
use crate::{Article, ArticleFields, Author, Dateline, Error, RelatedStory, Result, Status};

const FENCE: &str = "---";

/// What a Markdown file holds: the article's fields, plus the id, version and status when the
/// file came from an export.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleFile {
    pub id: Option<String>,
    pub version: Option<i64>,
    pub status: Status,
    pub fields: ArticleFields,
}

/// The front matter, key for key: every field but the body, which follows the fence.
/// Unknown keys are refused so a misspelt `headlin:` is not silently dropped.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct FrontMatter {
    id: Option<String>,
    version: Option<i64>,
    status: Status,
    slugline: String,
    kicker: String,
    section: String,
    headline: String,
    dek: String,
    authors: Vec<Author>,
    dateline: Dateline,
    keywords: Vec<String>,
    related: Vec<RelatedStory>,
    editors_note: String,
    language: String,
    #[serde(with = "time::serde::rfc3339::option")]
    embargo: Option<OffsetDateTime>,
    corrections: Vec<Correction>,
    lead_photo: Option<PhotoPlacement>,
}

impl FrontMatter {
    fn new(file: ArticleFile) -> (FrontMatter, String) {
        let f = file.fields;
        let front = FrontMatter {
            id: file.id,
            version: file.version,
            status: file.status,
            slugline: f.slugline,
            kicker: f.kicker,
            section: f.section,
            headline: f.headline,
            dek: f.dek,
            authors: f.authors,
            dateline: f.dateline,
            keywords: f.keywords,
            related: f.related,
            editors_note: f.editors_note,
            language: f.language,
            embargo: f.embargo,
            corrections: f.corrections,
            lead_photo: f.lead_photo,
        };
        (front, f.body)
    }

    fn into_file(self, body: String) -> ArticleFile {
        ArticleFile {
            id: self.id,
            version: self.version,
            status: self.status,
            fields: ArticleFields {
                slugline: self.slugline,
                kicker: self.kicker,
                section: self.section,
                headline: self.headline,
                dek: self.dek,
                authors: self.authors,
                dateline: self.dateline,
                body,
                keywords: self.keywords,
                related: self.related,
                editors_note: self.editors_note,
                language: self.language,
                embargo: self.embargo,
                corrections: self.corrections,
                lead_photo: self.lead_photo,
            },
        }
    }
}

impl From<&Article> for ArticleFile {
    fn from(article: &Article) -> Self {
        ArticleFile {
            id: Some(article.id.clone()),
            version: Some(article.version),
            status: article.status,
            fields: article.fields.clone(),
        }
    }
}

/// The article as a Markdown file with front matter.
pub fn to_markdown(article: &Article) -> String {
    let (front, body) = FrontMatter::new(article.into());
    let yaml =
        serde_saphyr::to_string(&front).expect("front matter of plain strings always serialises");
    format!("{FENCE}\n{yaml}{FENCE}\n{body}")
}

/// Reads a Markdown file with front matter. Malformed front matter is an [`Error::Invalid`]
/// naming the line (counted from the top of the file) and what is wrong.
pub fn from_markdown(text: &str) -> Result<ArticleFile> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (yaml, body) = split_front_matter(text)?;
    let front: FrontMatter = if yaml.trim().is_empty() {
        FrontMatter::default()
    } else {
        serde_saphyr::from_str(yaml).map_err(|e| {
            let reason = e.without_snippet().to_string();
            let reason = reason.lines().next().unwrap_or("unreadable").trim();
            match e.location() {
                // The parser counts from the YAML's first line; the editor sees the file, where
                // the opening fence is line 1. Its own "at line, column" suffix is dropped.
                Some(at) => Error::invalid(format!(
                    "front matter, line {}, column {}: {}",
                    at.line() + 1,
                    at.column(),
                    reason.rsplit_once(" at line ").map_or(reason, |(r, _)| r)
                )),
                None => Error::invalid(format!("front matter: {reason}")),
            }
        })?
    };
    Ok(front.into_file(body.to_owned()))
}

/// Splits `---\nYAML\n---\nBODY` into YAML and body; the body is kept byte for byte.
fn split_front_matter(text: &str) -> Result<(&str, &str)> {
    let missing = || {
        Error::invalid("the file does not start with front matter: its first line must be `---`")
    };
    let rest = text
        .strip_prefix(FENCE)
        .and_then(|r| r.strip_prefix("\r\n").or_else(|| r.strip_prefix('\n')))
        .ok_or_else(missing)?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end_matches(['\r', '\n']) == FENCE {
            return Ok((&rest[..offset], &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    Err(Error::invalid(
        "the front matter is not closed: add a line `---` before the body",
    ))
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Imported {
    pub article: Article,
    /// `true` when the file became a new article, `false` when it was a new version of one.
    pub created: bool,
}

/// Imports a parsed file: a new article when its id is absent or unknown, otherwise a new
/// version based on the version the file names (see the module comment).
pub fn import(store: &mut Store, file: ArticleFile) -> Result<Imported> {
    let existing = match &file.id {
        Some(id) => store.article(id).map(Some).or_else(|e| match e {
            Error::NotFound { .. } => Ok(None),
            other => Err(other),
        })?,
        None => None,
    };
    let Some(current) = existing else {
        let article = store.create_article(
            file.id.as_deref(),
            &file.fields,
            file.status,
            RevisionKind::Import,
        )?;
        return Ok(Imported {
            article,
            created: true,
        });
    };
    let base = file.version.ok_or_else(|| {
        Error::invalid(format!(
            "article {} is already in the library and the file names no `version` to base the \
             import on; add `version: {}` if the file was made from the current text",
            current.id, current.version
        ))
    })?;
    let mut article = store.save_article(&current.id, base, &file.fields, SaveKind::Save)?;
    if article.status != file.status {
        article = store.set_status(&article.id, article.version, file.status)?;
    }
    Ok(Imported {
        article,
        created: false,
    })
}

/// Reads and imports a Markdown file; errors name the file.
pub fn import_file(store: &mut Store, path: &Path) -> Result<Imported> {
    let text = std::fs::read_to_string(path).context(|| format!("reading {}", path.display()))?;
    let file =
        from_markdown(&text).map_err(|e| Error::invalid(format!("{}: {e}", path.display())))?;
    import(store, file)
}
