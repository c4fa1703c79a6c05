//! The desk's index document: what the desk holds and where each document stands. Two
//! sections, stories (by article id) and photos (by SHA-256); each is a map of key -> document
//! id beside a map of key -> the document's heads as the last laptop to sync it left them
//! (comma-joined hex), and a map of key -> when it was last listed (Unix seconds: a laptop
//! catching up takes the latest stories first). A library that agreed with a document at exactly the listed heads has
//! nothing to fetch for it and does not open it: at 2,000 stories, opening every document made
//! a sync with nothing new take two minutes.

use std::collections::HashMap;

use automerge::transaction::Transactable;
use automerge::{ObjType, ReadDoc, Value};
use samod::DocHandle;

use crate::document::{self, Session};
use crate::{Error, Result};

/// One section of the index: the keys of its two maps.
#[derive(Clone, Copy)]
pub(crate) struct Section {
    pub documents: &'static str,
    pub heads: &'static str,
    pub listed_at: &'static str,
}

pub(crate) const STORIES: Section = Section {
    documents: "stories",
    heads: "heads",
    listed_at: "stories_listed_at",
};
pub(crate) const PHOTOS: Section = Section {
    documents: "photos",
    heads: "photo_heads",
    listed_at: "photos_listed_at",
};

/// What the index says of one document.
pub(crate) struct Listing {
    pub doc_id: String,
    /// Every value of its heads: two laptops that synced it at once each wrote theirs.
    pub heads: Vec<String>,
    /// When it was last listed (Unix seconds; 0 in an index written before this was kept).
    pub listed_at: i64,
}

/// Whether a library that last agreed with document `doc_id` at `synced_heads` agrees with the
/// index: same document, and those heads the only ones listed.
pub(crate) fn agrees(doc_id: &str, synced_heads: &[String], listing: Option<&Listing>) -> bool {
    let synced = synced_heads.join(",");
    listing.is_some_and(|l| {
        l.doc_id == doc_id && !l.heads.is_empty() && l.heads.iter().all(|h| *h == synced)
    })
}

/// The section's listings: key -> document id and heads.
pub(crate) async fn listings(
    index: &DocHandle,
    section: Section,
) -> Result<HashMap<String, Listing>> {
    index
        .with_document_async(move |doc| {
            let map = |key: &str| match doc.get(automerge::ROOT, key) {
                Ok(Some((Value::Object(ObjType::Map), id))) => Some(id),
                _ => None,
            };
            let Some(documents) = map(section.documents) else {
                return HashMap::new();
            };
            let heads = map(section.heads);
            let listed_at = map(section.listed_at);
            doc.map_range(&documents, ..)
                .filter_map(|item| {
                    let Value::Scalar(s) = Value::from(item.value) else {
                        return None;
                    };
                    let doc_id = s.as_str()?.to_owned();
                    let key = item.key.to_string();
                    let heads = heads
                        .as_ref()
                        .and_then(|heads| doc.get_all(heads, key.as_str()).ok())
                        .unwrap_or_default()
                        .into_iter()
                        .filter_map(|(value, _)| value.into_string().ok())
                        .collect();
                    let listed_at = listed_at
                        .as_ref()
                        .and_then(|at| doc.get(at, key.as_str()).ok().flatten())
                        .and_then(|(value, _)| value.as_i64())
                        .unwrap_or(0);
                    Some((
                        key,
                        Listing {
                            doc_id,
                            heads,
                            listed_at,
                        },
                    ))
                })
                .collect()
        })
        .await
        .map_err(|_| Error::Invalid("the sync engine stopped".into()))
}

/// Lists each of `documents` in the section at its current heads, where the index says
/// otherwise, as one change by `session`. Returns whether it changed the index.
pub(crate) async fn list(
    index: &DocHandle,
    section: Section,
    documents: &[(String, DocHandle)],
    session: &Session,
) -> Result<bool> {
    let listed = listings(index, section).await?;
    let mut changes = Vec::new();
    for (key, handle) in documents {
        let doc_id = handle.document_id().to_string();
        let heads = handle
            .with_document_async(|doc| doc.get_heads())
            .await
            .map_err(|_| Error::Invalid("the sync engine stopped".into()))?;
        let heads = document::heads_to_strings(&heads);
        if !agrees(&doc_id, &heads, listed.get(key)) {
            changes.push((key.clone(), doc_id, heads.join(",")));
        }
    }
    if changes.is_empty() {
        return Ok(false);
    }
    let actor = session.actor.clone();
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    index
        .with_document_async(move |doc| {
            doc.set_actor(actor);
            doc.transact::<_, _, automerge::AutomergeError>(|tx| {
                let mut map = |key: &str| match tx.get(automerge::ROOT, key)? {
                    Some((Value::Object(ObjType::Map), id)) => Ok(id),
                    _ => tx.put_object(automerge::ROOT, key, ObjType::Map),
                };
                let (documents, heads) = (map(section.documents)?, map(section.heads)?);
                let listed_at = map(section.listed_at)?;
                for (key, doc_id, at) in &changes {
                    tx.put(&documents, key.as_str(), doc_id.as_str())?;
                    tx.put(&heads, key.as_str(), at.as_str())?;
                    tx.put(&listed_at, key.as_str(), now)?;
                }
                Ok(())
            })
            .map(|_| ())
            .map_err(|failure| Error::document("listing documents on the desk", failure.error))
        })
        .await
        .map_err(|_| Error::Invalid("the sync engine stopped".into()))??;
    Ok(true)
}
