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

use std::collections::{BTreeMap, HashMap, HashSet};

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
/// two last agreed, plus this laptop's own changes since: `applied_base`) and merged in: edits
/// made here while others edited there are concurrent, as they were. The body goes in as
/// paragraph and word edits (`body_edits`), so two people editing one paragraph both keep
/// their words. A field with an open conflict in the library
/// is left alone; one whose conflict the editor resolved is written over every value.
/// Returns whether anything changed.
pub fn apply_local(
    doc: &mut Automerge,
    synced_heads: &[ChangeHash],
    article: &Article,
    open_conflicts: &[String],
    session: &Session,
) -> Result<bool> {
    let base = applied_base(doc, synced_heads, &session.writer.device);
    let mut now = doc.get_heads();
    now.sort();
    let mut at = base.clone();
    at.sort();
    if now == at {
        // Nothing arrived since: the save is written on the document itself. A fork replays
        // the whole history, 241 ms (p50) a save on a 10,000-word story (`desk` bench).
        doc.set_actor(session.actor.clone());
        return write_save(doc, article, open_conflicts, session);
    }
    let mut fork = doc
        .fork_at(&base)
        .map_err(|e| Error::document("reading the story as it was at the last sync", e))?;
    fork.set_actor(session.actor.clone());
    if !write_save(&mut fork, article, open_conflicts, session)? {
        return Ok(false);
    }
    doc.merge(&mut fork)
        .map_err(|e| Error::document("merging the local save", e))?;
    Ok(true)
}

/// Writes the library's article over `fork` (the document where the save was made) as one
/// change. Returns whether anything changed.
fn write_save(
    fork: &mut Automerge,
    article: &Article,
    open_conflicts: &[String],
    session: &Session,
) -> Result<bool> {
    let in_conflict: Vec<String> = field_conflicts(fork, &writers(fork))?
        .into_iter()
        .map(|(field, _)| field)
        .collect();
    let local = scalar_fields(&article.fields, article.status);
    let mut puts = Vec::new();
    for (key, json) in &local {
        let same = if in_conflict.contains(key) {
            // Open here: left for the editor. Closed here: the editor's answer goes over every
            // value.
            open_conflicts.contains(key)
        } else {
            let values = fork
                .get_all(automerge::ROOT, key.as_str())
                .map_err(|e| Error::document("reading a field", e))?;
            !values.is_empty()
                && values.iter().all(
                    |(v, _)| matches!(v, Value::Scalar(s) if s.as_str() == Some(json.as_str())),
                )
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
    let encoding = fork.text_encoding();
    fork.transact::<_, _, automerge::AutomergeError>(|tx| {
        for (key, json) in &puts {
            if in_conflict.contains(key) {
                // The editor's answer may be the value already winning (the spike kept), and
                // Automerge makes no change for a put of the value a field holds: cleared
                // first, the answer is a change made after every value it settles.
                tx.delete(automerge::ROOT, key.as_str())?;
            }
            tx.put(automerge::ROOT, key.as_str(), json.as_str())?;
        }
        if body_changed {
            match &body {
                Some(id) => {
                    // From the end, so the positions of the edits before stay true.
                    for (old, new) in body_edits(&body_text, &article.fields.body)
                        .into_iter()
                        .rev()
                    {
                        let at = width(encoding, &body_text[..old.start]);
                        let delete = width(encoding, &body_text[old]);
                        tx.splice_text(id, at, delete as isize, &new)?;
                    }
                }
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
    Ok(true)
}

/// The edits that turn the body `old` into `new`: (the bytes of `old` replaced, what replaces
/// them), in order. Paragraphs first, then words with the spaces after them, never letters:
/// Automerge's `update_text` diffs characters, so "four" rewritten as "almost five" kept the
/// "o" of "four", and a concurrent cut of the paragraph left "almst", glued to the next word
/// ("fivevote"), where the test expected Bea's words whole. A whole paragraph deleted is
/// deleted as one piece with its line break, not from the middle of one "The" to the next.
/// The price: two people rewriting the same word at once each keep their version of the word,
/// side by side, where letters might have interleaved.
fn body_edits(old: &str, new: &str) -> Vec<(std::ops::Range<usize>, String)> {
    use similar::{Algorithm, DiffTag, capture_diff_slices};
    let offsets = |pieces: &[&str]| {
        let mut at = vec![0];
        for piece in pieces {
            at.push(at.last().unwrap() + piece.len());
        }
        at
    };
    let mut edits = Vec::new();
    let (old_p, new_p) = (paragraphs(old), paragraphs(new));
    let (old_at, new_at) = (offsets(&old_p), offsets(&new_p));
    for op in capture_diff_slices(Algorithm::Myers, &old_p, &new_p) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let old_bytes = old_at[old_range.start]..old_at[old_range.end];
        let new_text = &new[new_at[new_range.start]..new_at[new_range.end]];
        match tag {
            DiffTag::Equal => {}
            DiffTag::Delete | DiffTag::Insert => edits.push((old_bytes, new_text.to_owned())),
            DiffTag::Replace => {
                let base = old_bytes.start;
                let (old_w, new_w) = (words(&old[old_bytes]), words(new_text));
                let (old_wat, new_wat) = (offsets(&old_w), offsets(&new_w));
                for op in capture_diff_slices(Algorithm::Myers, &old_w, &new_w) {
                    let (tag, o, n) = op.as_tag_tuple();
                    if tag != DiffTag::Equal {
                        edits.push((
                            base + old_wat[o.start]..base + old_wat[o.end],
                            new_text[new_wat[n.start]..new_wat[n.end]].to_owned(),
                        ));
                    }
                }
            }
        }
    }
    edits
}

fn paragraphs(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// Each word with the spaces after it, so an inserted word brings its own space.
fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace();
        if in_space && !space {
            out.push(&text[start..i]);
            start = i;
        }
        in_space = space;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The length of `text` as Automerge counts positions in a text.
fn width(encoding: automerge::TextEncoding, text: &str) -> usize {
    match encoding {
        automerge::TextEncoding::Utf8CodeUnit => text.len(),
        automerge::TextEncoding::Utf16CodeUnit => text.encode_utf16().count(),
        // Code points: Automerge's default without its utf8/utf16 features, as built here
        // (graphemes are counted only where a document asks for it; none of ours does).
        automerge::TextEncoding::UnicodeCodePoint | automerge::TextEncoding::GraphemeCluster => {
            text.chars().count()
        }
    }
}

/// Where the library's article was last applied: `synced_heads`, plus the changes this device
/// made on top of them that were never recorded as agreed. A sync applies a save and records
/// the agreement only at its end; one killed in between, or one that found a newer save waiting
/// (`Stale`), leaves its change in the document. Applied again from `synced_heads`, the same
/// words went in twice, as two concurrent inserts (the kill -9 test read "carried3x56carried2x56
/// carried3x56", a save made during a sync "typed16cancelled. typed0 ...").
/// Only changes that build on `synced_heads` and on each other count: one that also holds
/// others' changes could make the diff delete words the library has not seen yet.
fn applied_base(doc: &Automerge, synced_heads: &[ChangeHash], own_device: &str) -> Vec<ChangeHash> {
    let writers = writers(doc);
    let since = doc.get_changes_meta(synced_heads);
    let unseen: HashSet<ChangeHash> = since.iter().map(|c| c.hash).collect();
    let own: Vec<_> = since
        .iter()
        .filter(|c| {
            writers
                .get(&c.actor.to_hex_string())
                .is_some_and(|w| w.device == own_device)
        })
        .collect();
    let mut base: HashSet<ChangeHash> = HashSet::new();
    // To a fixed point, in whatever order the changes come.
    loop {
        let before = base.len();
        for change in &own {
            if !base.contains(&change.hash)
                && change
                    .deps
                    .iter()
                    .all(|d| !unseen.contains(d) || base.contains(d))
            {
                base.insert(change.hash);
            }
        }
        if base.len() == before {
            break;
        }
    }
    let mut heads: Vec<ChangeHash> = synced_heads.to_vec();
    heads.extend(base);
    heads.sort_unstable();
    heads
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

/// `value` with who gave it (name and device) as the document's `writers` say; nobody for an
/// op the document has no writer of.
pub(crate) fn candidate(
    writers: &BTreeMap<String, Writer>,
    actor: Option<&ActorId>,
    value: serde_json::Value,
) -> ConflictCandidate {
    let writer = actor.and_then(|a| writers.get(&a.to_hex_string()));
    ConflictCandidate {
        value,
        by: writer.map(|w| w.name.clone()).unwrap_or_default(),
        device: writer.map(|w| w.device.clone()).unwrap_or_default(),
    }
}

/// The actor of an op `get_all` answers with (`None` for the root, which no one wrote).
pub(crate) fn actor_of(id: &automerge::ObjId) -> Option<&ActorId> {
    match id {
        automerge::ObjId::Id(_, actor, _) => Some(actor),
        automerge::ObjId::Root => None,
    }
}

/// A field's value as the document stores it (the field's JSON in a string), read back.
fn json_of(value: &Value<'_>) -> Option<serde_json::Value> {
    match value {
        Value::Scalar(s) => match s.as_ref() {
            ScalarValue::Str(text) => serde_json::from_str(text).ok(),
            _ => None,
        },
        Value::Object(_) => None,
    }
}

/// The fields a merge must not pick a value for, each with every value and who wrote it: those
/// two people set to different values at once, and the status of a story spiked while someone
/// who had not seen the spike changed it (`spike_over_unseen_edits`). The same on every laptop
/// that holds the same changes.
fn field_conflicts(
    doc: &Automerge,
    writers: &BTreeMap<String, Writer>,
) -> Result<Vec<(String, Vec<ConflictCandidate>)>> {
    let mut conflicts = Vec::new();
    for key in doc.keys(automerge::ROOT) {
        if key == ID || key == BODY || key == WRITERS {
            continue;
        }
        let values = doc
            .get_all(automerge::ROOT, key.as_str())
            .map_err(|e| Error::document("reading a field", e))?;
        let mut candidates: Vec<ConflictCandidate> = Vec::new();
        for (value, id) in &values {
            let Some(value) = json_of(value) else {
                continue;
            };
            candidates.push(candidate(writers, actor_of(id), value));
        }
        // Two people who set the same value agree: no conflict.
        if candidates.iter().any(|c| c.value != candidates[0].value) {
            conflicts.push((key, candidates));
        }
    }
    if !conflicts.iter().any(|(key, _)| key == STATUS)
        && let Some(candidates) = spike_over_unseen_edits(doc, writers)?
    {
        conflicts.push((STATUS.to_owned(), candidates));
        conflicts.sort_by(|a, b| a.0.cmp(&b.0));
    }
    Ok(conflicts)
}

/// A spike (the newsroom's delete: the story is killed, not erased) made while someone else,
/// who had not seen it, went on changing the story. Their change is kept like any other, and the
/// spike is not applied over it unasked: the status becomes a conflict between the spike and the
/// status they were working on, so an editor decides whether the story stays dead. A change made
/// after seeing the spike (a typo fixed in a spiked story) is no conflict, and neither is a
/// spike made after seeing the change. Answering the conflict writes the status again, after
/// every change, which settles it.
fn spike_over_unseen_edits(
    doc: &Automerge,
    writers: &BTreeMap<String, Writer>,
) -> Result<Option<Vec<ConflictCandidate>>> {
    let spiked = serde_json::Value::from(Status::Spiked.as_str());
    let values = doc
        .get_all(automerge::ROOT, STATUS)
        .map_err(|e| Error::document("reading the status", e))?;
    let [(value, automerge::ObjId::Id(counter, actor, _))] = values.as_slice() else {
        return Ok(None);
    };
    if json_of(value).as_ref() != Some(&spiked) {
        return Ok(None);
    }
    let changes = doc.get_changes_meta(&[]);
    let Some(spike) = changes
        .iter()
        .find(|c| *c.actor == *actor && c.start_op <= *counter && *counter <= c.max_op)
    else {
        return Ok(None);
    };
    // What the spike had seen. Changes made after seeing it need no test here: they saw the
    // story spiked, and are passed over below like changes made on an earlier spike.
    let deps: HashMap<ChangeHash, &[ChangeHash]> = changes
        .iter()
        .map(|c| (c.hash, c.deps.as_slice()))
        .collect();
    let mut seen_by_spike = HashSet::from([spike.hash]);
    let mut stack = vec![spike.hash];
    while let Some(hash) = stack.pop() {
        for dep in deps.get(&hash).copied().unwrap_or_default() {
            if seen_by_spike.insert(*dep) {
                stack.push(*dep);
            }
        }
    }
    let mut unseen: Vec<ConflictCandidate> = Vec::new();
    for change in changes.iter().filter(|c| !seen_by_spike.contains(&c.hash)) {
        let status_there = doc
            .get_all_at(automerge::ROOT, STATUS, &[change.hash])
            .map_err(|e| Error::document("reading the status", e))?;
        let seen_as: Vec<serde_json::Value> = status_there
            .iter()
            .filter_map(|(v, _)| json_of(v))
            .collect();
        // Made on a story already spiked (this spike, or an earlier one): not this conflict.
        if seen_as.is_empty() || seen_as.contains(&spiked) {
            continue;
        }
        let changed_the_story = doc
            .diff(&change.deps, &[change.hash])
            .iter()
            .any(|patch| touched_field(patch).is_none_or(|f| f != STATUS && f != WRITERS));
        if !changed_the_story {
            continue;
        }
        for value in seen_as {
            let candidate = candidate(writers, Some(&change.actor), value);
            if !unseen.contains(&candidate) {
                unseen.push(candidate);
            }
        }
    }
    if unseen.is_empty() {
        return Ok(None);
    }
    unseen.sort_by(|a, b| {
        (a.value.to_string(), &a.by, &a.device).cmp(&(b.value.to_string(), &b.by, &b.device))
    });
    let mut candidates = vec![candidate(writers, Some(actor), spiked)];
    candidates.extend(unseen);
    Ok(Some(candidates))
}

/// The field of the root map a patch changes (`None`: it cannot tell).
fn touched_field(patch: &automerge::Patch) -> Option<&str> {
    use automerge::{PatchAction, Prop};
    if let Some((_, Prop::Map(field))) = patch.path.first() {
        return Some(field);
    }
    match &patch.action {
        PatchAction::PutMap { key, .. } | PatchAction::DeleteMap { key } => Some(key),
        PatchAction::Conflict {
            prop: Prop::Map(key),
        } => Some(key),
        _ => None,
    }
}

/// The article as the document holds it now.
pub fn read(doc: &Automerge) -> Result<Story> {
    let article_id = match doc.get(automerge::ROOT, ID) {
        Ok(Some((Value::Scalar(s), _))) => s.as_str().map(str::to_owned),
        _ => None,
    }
    .ok_or_else(|| Error::Malformed("a desk document has no article id".into()))?;
    let writers = writers(doc);
    let mut json = serde_json::Map::new();
    for key in doc.keys(automerge::ROOT) {
        if key == ID || key == BODY || key == WRITERS {
            continue;
        }
        // Meanwhile the fields hold Automerge's deterministic pick, the same on every laptop.
        if let Ok(Some((Value::Scalar(s), _))) = doc.get(automerge::ROOT, key.as_str())
            && let Some(winner) = s.as_str().and_then(|t| serde_json::from_str(t).ok())
        {
            json.insert(key.clone(), winner);
        }
    }
    let conflicts = field_conflicts(doc, &writers)?;
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
