//! An article as an Automerge document, both ways. Pure: no network, no storage.
//!
//! Layout of the root map:
//! - `id`: the article's UUID (the library's id on every laptop).
//! - `body`: Automerge text, so concurrent edits merge character by character.
//! - every other field of `ArticleFields`, and `status`: the field's JSON as one string
//!   scalar. A scalar is single-valued: two laptops setting it at once leave two values
//!   (`get_all`), which become a field conflict the editor resolves, never a silent pick. The
//!   field names come from `ArticleFields`' own serialisation, so a field added there travels
//!   without a change here.
//! - `writers`: a map from each Automerge actor (one per sync session) to the person and device
//!   behind it, so a conflict and a merged change can say who wrote them.

use std::collections::BTreeMap;

use automerge::transaction::Transactable;
use automerge::{ActorId, Automerge, ChangeHash, ObjType, ReadDoc, ScalarValue, Value};
use newsdesk_core::store::ConflictCandidate;
use newsdesk_core::{Article, ArticleFields, Status};
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

const ID: &str = "id";
const BODY: &str = "body";
const STATUS: &str = "status";
const WRITERS: &str = "writers";

/// The person behind the changes of one sync session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Writer {
    pub name: String,
    pub device: String,
}

/// A sync session's actor and who it speaks for.
#[derive(Debug, Clone)]
pub struct Session {
    pub actor: ActorId,
    pub writer: Writer,
}

impl Session {
    /// A fresh actor for every session: a laptop restored from a backup, or one whose last
    /// writes were lost in a crash, can never reuse a sequence number another copy has seen.
    pub fn new(writer: Writer) -> Session {
        Session {
            actor: ActorId::random(),
            writer,
        }
    }
}

/// The article read from a document.
#[derive(Debug, Clone)]
pub struct Story {
    pub article_id: String,
    pub fields: ArticleFields,
    pub status: Status,
    /// Fields holding concurrent values, each with every value and who wrote it. The fields
    /// and status above hold Automerge's deterministic pick meanwhile.
    pub conflicts: Vec<(String, Vec<ConflictCandidate>)>,
    pub heads: Vec<ChangeHash>,
}

/// Every field but the body, as the JSON strings the document stores, plus the status.
fn scalar_fields(fields: &ArticleFields, status: Status) -> BTreeMap<String, String> {
    let serde_json::Value::Object(map) =
        serde_json::to_value(fields).expect("article fields always serialise")
    else {
        unreachable!("ArticleFields serialises as an object")
    };
    let mut out: BTreeMap<String, String> = map
        .into_iter()
        .filter(|(key, _)| key != BODY)
        .map(|(key, value)| (key, value.to_string()))
        .collect();
    out.insert(
        STATUS.to_owned(),
        serde_json::Value::from(status.as_str()).to_string(),
    );
    out
}

/// A new document holding the whole article, its first change made by `session`.
pub fn new_document(article: &Article, session: &Session) -> Result<Automerge> {
    let mut doc = Automerge::new().with_actor(session.actor.clone());
    doc.transact::<_, _, automerge::AutomergeError>(|tx| {
        tx.put(automerge::ROOT, ID, article.id.as_str())?;
        for (key, json) in scalar_fields(&article.fields, article.status) {
            tx.put(automerge::ROOT, key, json)?;
        }
        let body = tx.put_object(automerge::ROOT, BODY, ObjType::Text)?;
        tx.splice_text(&body, 0, 0, &article.fields.body)?;
        let writers = tx.put_object(automerge::ROOT, WRITERS, ObjType::Map)?;
        tx.put(
            &writers,
            session.actor.to_hex_string(),
            writer_json(session),
        )?;
        Ok(())
    })
    .map_err(|failure| Error::document("writing a new story document", failure.error))?;
    Ok(doc)
}

fn writer_json(session: &Session) -> String {
    serde_json::to_string(&session.writer).expect("a writer always serialises")
}

/// Applies the library's article to the document as a change made at `synced_heads` (where the
/// two last agreed) and merged in: edits made here while others edited there are concurrent,
/// as they were. The body goes in as a text diff (Automerge's `update_text`), so two people
/// editing one paragraph both keep their words. A field with an open conflict in the library
/// is left alone; one whose conflict the editor resolved is written over every value.
/// Returns whether anything changed.
pub fn apply_local(
    doc: &mut Automerge,
    synced_heads: &[ChangeHash],
    article: &Article,
    open_conflicts: &[String],
    session: &Session,
) -> Result<bool> {
    let mut fork = doc
        .fork_at(synced_heads)
        .map_err(|e| Error::document("reading the story as it was at the last sync", e))?;
    fork.set_actor(session.actor.clone());
    let local = scalar_fields(&article.fields, article.status);
    let mut puts = Vec::new();
    for (key, json) in &local {
        let values = fork
            .get_all(automerge::ROOT, key.as_str())
            .map_err(|e| Error::document("reading a field", e))?;
        let same = match values.as_slice() {
            [(Value::Scalar(s), _)] => s.as_str() == Some(json.as_str()),
            [] => false,
            _ if open_conflicts.contains(key) => true,
            _ => false,
        };
        if !same {
            puts.push((key.clone(), json.clone()));
        }
    }
    let body = match fork
        .get(automerge::ROOT, BODY)
        .map_err(|e| Error::document("reading the body", e))?
    {
        Some((Value::Object(ObjType::Text), id)) => Some(id),
        _ => None,
    };
    let body_text = match &body {
        Some(id) => fork
            .text(id)
            .map_err(|e| Error::document("reading the body", e))?,
        None => String::new(),
    };
    let body_changed = body.is_none() || body_text != article.fields.body;
    if puts.is_empty() && !body_changed {
        return Ok(false);
    }
    let actor_key = session.actor.to_hex_string();
    let writers = match fork
        .get(automerge::ROOT, WRITERS)
        .map_err(|e| Error::document("reading the writers", e))?
    {
        Some((Value::Object(ObjType::Map), id)) => Some(id),
        _ => None,
    };
    fork.transact::<_, _, automerge::AutomergeError>(|tx| {
        for (key, json) in &puts {
            tx.put(automerge::ROOT, key.as_str(), json.as_str())?;
        }
        if body_changed {
            match &body {
                Some(id) => tx.update_text(id, &article.fields.body)?,
                None => {
                    let id = tx.put_object(automerge::ROOT, BODY, ObjType::Text)?;
                    tx.splice_text(&id, 0, 0, &article.fields.body)?;
                }
            }
        }
        let writers = match &writers {
            Some(id) => id.clone(),
            None => tx.put_object(automerge::ROOT, WRITERS, ObjType::Map)?,
        };
        tx.put(&writers, actor_key.as_str(), writer_json(session))?;
        Ok(())
    })
    .map_err(|failure| Error::document("applying the local save", failure.error))?;
    doc.merge(&mut fork)
        .map_err(|e| Error::document("merging the local save", e))?;
    Ok(true)
}

/// Actor (hex) -> who: the `writers` map of a story or photo document.
pub(crate) fn writers(doc: &Automerge) -> BTreeMap<String, Writer> {
    let Ok(Some((Value::Object(ObjType::Map), id))) = doc.get(automerge::ROOT, WRITERS) else {
        return BTreeMap::new();
    };
    doc.map_range(&id, ..)
        .filter_map(|item| {
            let Value::Scalar(s) = Value::from(item.value) else {
                return None;
            };
            let writer = serde_json::from_str(s.as_str()?).ok()?;
            Some((item.key.to_string(), writer))
        })
        .collect()
}

/// The article as the document holds it now.
pub fn read(doc: &Automerge) -> Result<Story> {
    let article_id = match doc.get(automerge::ROOT, ID) {
        Ok(Some((Value::Scalar(s), _))) => s.as_str().map(str::to_owned),
        _ => None,
    }
    .ok_or_else(|| Error::Malformed("a desk document has no article id".into()))?;
    let writers = writers(doc);
    let name_of = |id: &automerge::ObjId| match id {
        automerge::ObjId::Id(_, actor, _) => writers
            .get(&actor.to_hex_string())
            .map(|w| w.name.clone())
            .unwrap_or_default(),
        automerge::ObjId::Root => String::new(),
    };
    let mut json = serde_json::Map::new();
    let mut conflicts = Vec::new();
    for key in doc.keys(automerge::ROOT) {
        if key == ID || key == BODY || key == WRITERS {
            continue;
        }
        let values = doc
            .get_all(automerge::ROOT, key.as_str())
            .map_err(|e| Error::document("reading a field", e))?;
        let parsed: Vec<(serde_json::Value, String)> = values
            .iter()
            .filter_map(|(value, id)| match value {
                Value::Scalar(s) => match s.as_ref() {
                    ScalarValue::Str(text) => {
                        serde_json::from_str(text).ok().map(|v| (v, name_of(id)))
                    }
                    _ => None,
                },
                Value::Object(_) => None,
            })
            .collect();
        // Meanwhile the fields hold Automerge's deterministic pick, the same on every laptop.
        if let Ok(Some((Value::Scalar(s), _))) = doc.get(automerge::ROOT, key.as_str())
            && let Some(winner) = s.as_str().and_then(|t| serde_json::from_str(t).ok())
        {
            json.insert(key.clone(), winner);
        }
        if parsed.len() > 1 {
            conflicts.push((
                key,
                parsed
                    .into_iter()
                    .map(|(value, by)| ConflictCandidate { value, by })
                    .collect(),
            ));
        }
    }
    if let Ok(Some((Value::Object(ObjType::Text), id))) = doc.get(automerge::ROOT, BODY) {
        let body = doc
            .text(&id)
            .map_err(|e| Error::document("reading the body", e))?;
        json.insert(BODY.to_owned(), body.into());
    }
    let status = json
        .remove(STATUS)
        .and_then(|s| s.as_str().and_then(|s| s.parse().ok()))
        .unwrap_or_default();
    let fields: ArticleFields = serde_json::from_value(serde_json::Value::Object(json))
        .map_err(|e| Error::Malformed(format!("story {article_id}: {e}")))?;
    Ok(Story {
        article_id,
        fields,
        status,
        conflicts,
        heads: doc.get_heads(),
    })
}

/// The people whose changes the document holds beyond `heads`, other than `own_device`'s, as a
/// revision names them: "Ana Ruiz, Ben Ode".
pub fn writers_since(doc: &Automerge, heads: &[ChangeHash], own_device: &str) -> String {
    let writers = writers(doc);
    let mut names: Vec<String> = Vec::new();
    for change in doc.get_changes_meta(heads) {
        if let Some(writer) = writers.get(&change.actor.to_hex_string())
            && writer.device != own_device
            && !names.contains(&writer.name)
        {
            names.push(writer.name.clone());
        }
    }
    names.join(", ")
}

pub fn heads_to_strings(heads: &[ChangeHash]) -> Vec<String> {
    heads.iter().map(ToString::to_string).collect()
}

pub fn heads_from_strings(heads: &[String]) -> Result<Vec<ChangeHash>> {
    heads
        .iter()
        .map(|h| {
            h.parse()
                .map_err(|_| Error::Malformed(format!("{h:?} is not a change hash")))
        })
        .collect()
}
