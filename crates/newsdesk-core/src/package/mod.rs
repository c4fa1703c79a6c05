//! A finished article as a package any CMS can ingest: `article.ninjs.json` (IPTC ninjs 3.1),
//! `article.html`, `article.md`, the credited renditions of every photo used and a manifest.
//!
//! Packages are deterministic (the same article version always gives the same bytes, zip
//! included) and appear complete or not at all. Preflight runs first and nothing is written
//! when it finds a problem.

mod html;
mod manifest;
mod ninjs;
mod photos;
mod preflight;
mod write;

pub use manifest::{MANIFEST_FILE, Manifest, ManifestEntry};
use ninjs::ninjs;
pub use ninjs::uri;
pub use preflight::{Preflight, Problem, preflight};

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::article::Article;
use crate::library::Library;
use crate::render::{self, Rendered};
use crate::{Error, Result};

pub const NINJS_FILE: &str = "article.ninjs.json";
pub const HTML_FILE: &str = "article.html";
pub const MARKDOWN_FILE: &str = "article.md";
pub const RENDITIONS_DIR: &str = "renditions";

/// One file of a package, by its path inside the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl PackageFile {
    pub fn content_type(&self) -> &'static str {
        match self.name.rsplit_once('.').map(|(_, ext)| ext) {
            Some("json") => "application/json",
            Some("html") => "text/html; charset=utf-8",
            Some("md") => "text/markdown; charset=utf-8",
            Some("jpg" | "jpeg") => "image/jpeg",
            Some("png") => "image/png",
            Some("webp") => "image/webp",
            _ => "application/octet-stream",
        }
    }
}

/// A package in memory, files in their fixed order with the manifest last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    pub article_id: String,
    pub ninjs_version: i64,
    /// The article version and the renditions' hashes; empty for a package read back from disk.
    pub content_key: String,
    pub files: Vec<PackageFile>,
}

impl Package {
    pub fn file(&self, name: &str) -> Option<&PackageFile> {
        self.files.iter().find(|f| f.name == name)
    }

    /// The photo renditions, what HTTP push uploads as media.
    pub fn media(&self) -> impl Iterator<Item = &PackageFile> {
        self.files
            .iter()
            .filter(|f| f.name.starts_with("renditions/"))
    }

    /// The name a package takes when dropped into a hot folder.
    pub fn zip_name(&self) -> String {
        format!("{}-v{}.zip", self.article_id, self.ninjs_version)
    }
}

/// One export as recorded in the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportRecord {
    pub article_id: String,
    pub article_version: i64,
    pub ninjs_version: i64,
    /// The path written to, or the destination's name for a delivery.
    pub destination: String,
    pub manifest_sha256: String,
    /// Same key, same package content (see [`crate::store::Store::ninjs_version`]).
    pub content_key: String,
    #[serde(with = "time::serde::rfc3339")]
    pub exported_at: OffsetDateTime,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Exported {
    pub article_id: String,
    pub article_version: i64,
    pub ninjs_version: i64,
    pub path: PathBuf,
    pub files: usize,
    pub bytes: u64,
    /// Preflight warnings: shown, not blocking.
    pub warnings: Vec<Problem>,
}

/// What a zip export does with a file already at its target. (A folder export replaces an
/// earlier Newsdesk package and refuses anything else, whichever is asked.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Leave it as it is and fail, naming it: the default, so nobody's file goes unasked.
    Refuse,
    /// The user chose to replace it (`--replace`; the window's save dialog asked).
    Replace,
}

/// Progress of a long export: (step done, steps in all, what).
pub type Progress<'a> = &'a mut dyn FnMut(usize, usize, &str);

/// Exports the current version of an article to `out`: a zip when it ends in `.zip`, a folder
/// otherwise. Fails with [`Error::Preflight`] (and writes nothing) when preflight finds
/// blocking problems.
pub fn export(
    library: &mut Library,
    article_id: &str,
    out: &Path,
    existing: Existing,
    progress: Progress<'_>,
) -> Result<Exported> {
    let is_zip = out
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("zip"));
    // Before the work of building: the answer is the same after it.
    if is_zip && existing == Existing::Refuse && out.symlink_metadata().is_ok() {
        return Err(crate::atomic_file::already_there(out));
    }
    let (package, article, warnings) = build(library, article_id, progress)?;
    let root = library.root().to_path_buf();
    let bytes = if is_zip {
        package.write_zip(out, &root, existing)?
    } else {
        package.write_folder(out, &root)?
    };
    record(library, &package, &article, &out.to_string_lossy())?;
    Ok(exported(
        &package,
        &article,
        out.to_path_buf(),
        bytes,
        warnings,
    ))
}

/// Builds the package a delivery sends and keeps it in the library under
/// `packages/<article>/v<ninjs version>`; an identical one already there is reused.
pub(crate) fn export_for_delivery(
    library: &mut Library,
    article_id: &str,
    destination: &str,
) -> Result<(Exported, Option<OffsetDateTime>)> {
    let (package, article, warnings) = build(library, article_id, &mut |_, _, _| {})?;
    let path = library
        .root()
        .join("packages")
        .join(&package.article_id)
        .join(format!("v{}", package.ninjs_version));
    let kept = Package::read_folder(&path).ok();
    let bytes = match kept {
        Some(kept) if kept.files == package.files => {
            package.files.iter().map(|f| f.bytes.len() as u64).sum()
        }
        _ => package.write_folder(&path, library.root())?,
    };
    record(library, &package, &article, destination)?;
    let embargo = article.fields.embargo;
    Ok((exported(&package, &article, path, bytes, warnings), embargo))
}

fn exported(
    package: &Package,
    article: &Article,
    path: PathBuf,
    bytes: u64,
    warnings: Vec<Problem>,
) -> Exported {
    Exported {
        article_id: article.id.clone(),
        article_version: article.version,
        ninjs_version: package.ninjs_version,
        path,
        files: package.files.len(),
        bytes,
        warnings,
    }
}

fn record(
    library: &mut Library,
    package: &Package,
    article: &Article,
    destination: &str,
) -> Result<()> {
    let manifest = package
        .file(MANIFEST_FILE)
        .expect("every package has a manifest");
    library.store_mut().record_export(&ExportRecord {
        article_id: article.id.clone(),
        article_version: article.version,
        ninjs_version: package.ninjs_version,
        destination: destination.to_owned(),
        manifest_sha256: crate::photo::sha256_hex(&manifest.bytes),
        content_key: package.content_key.clone(),
        exported_at: crate::store::now(),
    })
}

/// Runs preflight and builds the whole package in memory; nothing is written.
pub fn build(
    library: &Library,
    article_id: &str,
    progress: Progress<'_>,
) -> Result<(Package, Article, Vec<Problem>)> {
    let article = library.store().article(article_id)?;
    let checked = preflight(library, &article)?;
    if !checked.problems.is_empty() {
        return Err(Error::Preflight {
            article_id: article.id.clone(),
            problems: checked.problems,
        });
    }
    let placed = photos::renditions(library, &checked.placements, progress)?;
    let content_key = photos::content_key(&article, &placed);
    let ninjs_version = library.store().ninjs_version(&article.id, &content_key)?;
    let figures = photos::PackageFigures { photos: &placed };
    let body: Rendered = render::render(&article.fields.body, &figures)?;
    let lead = photos::lead_figure_html(&figures)?;

    let origin = library.store().wire_origin(&article.id)?;
    let ninjs_value = ninjs(&article, ninjs_version, &body, &placed, origin.as_ref());
    let mut files = vec![
        PackageFile {
            name: NINJS_FILE.into(),
            bytes: to_json_bytes(&ninjs_value),
        },
        PackageFile {
            name: HTML_FILE.into(),
            bytes: html::page(&article, &body, lead.as_deref(), &placed).into_bytes(),
        },
        PackageFile {
            name: MARKDOWN_FILE.into(),
            bytes: crate::markdown_file::to_markdown(&article).into_bytes(),
        },
    ];
    files.extend(photos::files(placed));
    files.sort_by(|a, b| file_order(&a.name).cmp(&file_order(&b.name)));
    files.dedup_by(|a, b| a.name == b.name);
    let manifest = Manifest::of(&article, ninjs_version, &files);
    files.push(PackageFile {
        name: MANIFEST_FILE.into(),
        bytes: to_json_bytes(&manifest),
    });
    Ok((
        Package {
            article_id: article.id.clone(),
            ninjs_version,
            content_key,
            files,
        },
        article,
        checked.warnings,
    ))
}

/// The documents first, then renditions by name: a fixed order makes the zip reproducible.
fn file_order(name: &str) -> (u8, &str) {
    let rank = match name {
        NINJS_FILE => 0,
        HTML_FILE => 1,
        MARKDOWN_FILE => 2,
        _ => 3,
    };
    (rank, name)
}

pub(crate) fn to_json_bytes<T: Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).expect("package documents serialise");
    bytes.push(b'\n');
    bytes
}
