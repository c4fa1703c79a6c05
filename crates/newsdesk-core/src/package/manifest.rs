//! `manifest.json`: every other file of the package with its size and SHA-256, so a receiver
//! (or the outbox, before sending) can tell a complete package from a damaged one.

use serde::{Deserialize, Serialize};

use super::PackageFile;
use crate::article::Article;
use crate::photo::sha256_hex;

pub const MANIFEST_FILE: &str = "manifest.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    pub article_id: String,
    pub article_version: i64,
    pub ninjs_version: i64,
    pub files: Vec<ManifestEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ManifestEntry {
    pub path: String,
    pub size: u64,
    pub sha256: String,
    pub content_type: String,
}

impl Manifest {
    pub(crate) fn of(article: &Article, ninjs_version: i64, files: &[PackageFile]) -> Manifest {
        Manifest {
            article_id: article.id.clone(),
            article_version: article.version,
            ninjs_version,
            files: files
                .iter()
                .map(|f| ManifestEntry {
                    path: f.name.clone(),
                    size: f.bytes.len() as u64,
                    sha256: sha256_hex(&f.bytes),
                    content_type: f.content_type().to_owned(),
                })
                .collect(),
        }
    }
}
