//! What changed between two revisions of an article, word by word, field by field: the
//! answer to "who touched my lede?".

use std::time::Duration;

use serde::Serialize;
use similar::utils::TextDiffRemapper;
use similar::{ChangeTag, TextDiff};

use crate::article::ArticleFields;
use crate::store::Revision;

/// A body diff of a very long article must not hang the screen; past this the diff is coarser
/// (still correct, just fewer equal words found).
const DIFF_TIMEOUT: Duration = Duration::from_millis(500);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Equal,
    Insert,
    Delete,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WordOp {
    pub op: Op,
    /// The words, with the white space between them as it was.
    pub text: String,
}

/// One changed field: its name as in [`ArticleFields`] (`authors` is the printed byline) and
/// the operations that turn the old text into the new one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FieldDiff {
    pub field: String,
    pub ops: Vec<WordOp>,
}

/// Changed fields only, in the order of the authoring screen.
pub fn diff(old: &ArticleFields, new: &ArticleFields) -> Vec<FieldDiff> {
    field_texts(old)
        .into_iter()
        .zip(field_texts(new))
        .filter(|((_, a), (_, b))| a != b)
        .map(|((field, a), (_, b))| FieldDiff {
            field: field.to_owned(),
            ops: word_ops(&a, &b),
        })
        .collect()
}

/// [`diff`] plus the workflow status, which lives on the revision rather than in the fields.
pub fn diff_revisions(old: &Revision, new: &Revision) -> Vec<FieldDiff> {
    let mut diffs = Vec::new();
    if old.status != new.status {
        diffs.push(FieldDiff {
            field: "status".to_owned(),
            ops: word_ops(old.status.as_str(), new.status.as_str()),
        });
    }
    diffs.extend(diff(&old.fields, &new.fields));
    diffs
}

/// Each field as the text an editor reads, so lists and nested fields diff as words too.
fn field_texts(fields: &ArticleFields) -> Vec<(&'static str, String)> {
    let dateline = [
        fields.dateline.place.as_str(),
        fields.dateline.date.as_str(),
    ]
    .into_iter()
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    let authors = fields
        .authors
        .iter()
        .map(|a| {
            if a.role.is_empty() {
                a.name.clone()
            } else {
                format!("{} ({})", a.name, a.role)
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let related = fields
        .related
        .iter()
        .map(|r| format!("{} <{}>", r.title, r.url))
        .collect::<Vec<_>>()
        .join("\n");
    let corrections = fields
        .corrections
        .iter()
        .map(|c| format!("{}: {}", c.date, c.text))
        .collect::<Vec<_>>()
        .join("\n");
    let embargo = fields
        .embargo
        .map(crate::store::format_time)
        .unwrap_or_default();
    let lead_photo = fields
        .lead_photo
        .as_ref()
        .map(|p| {
            if p.crop.is_empty() {
                p.photo_id.clone()
            } else {
                format!("{}/{}", p.photo_id, p.crop)
            }
        })
        .unwrap_or_default();
    vec![
        ("slugline", fields.slugline.clone()),
        ("kicker", fields.kicker.clone()),
        ("section", fields.section.clone()),
        ("headline", fields.headline.clone()),
        ("dek", fields.dek.clone()),
        ("authors", authors),
        ("dateline", dateline),
        ("body", fields.body.clone()),
        ("keywords", fields.keywords.join(", ")),
        ("related", related),
        ("editors_note", fields.editors_note.clone()),
        ("language", fields.language.clone()),
        ("embargo", embargo),
        ("corrections", corrections),
        ("lead_photo", lead_photo),
    ]
}

fn word_ops(old: &str, new: &str) -> Vec<WordOp> {
    let diff = TextDiff::configure()
        .timeout(DIFF_TIMEOUT)
        .diff_words(old, new);
    let remapper = TextDiffRemapper::from_text_diff(&diff, old, new);
    let mut ops: Vec<WordOp> = Vec::new();
    for (tag, text) in diff.ops().iter().flat_map(|op| remapper.iter_slices(op)) {
        let op = match tag {
            ChangeTag::Equal => Op::Equal,
            ChangeTag::Insert => Op::Insert,
            ChangeTag::Delete => Op::Delete,
        };
        match ops.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => ops.push(WordOp {
                op,
                text: text.to_owned(),
            }),
        }
    }
    ops
}

/// The diff as plain text for a terminal: `headline: The [-old-]{+new+} title`, one block per
/// field, long unchanged stretches of the body shortened to their ends.
pub fn plain_text(diffs: &[FieldDiff]) -> String {
    diffs
        .iter()
        .map(|d| {
            let text: String = d
                .ops
                .iter()
                .map(|w| match w.op {
                    Op::Equal => shorten(&w.text),
                    Op::Insert => format!("{{+{}+}}", w.text),
                    Op::Delete => format!("[-{}-]", w.text),
                })
                .collect();
            format!("{}: {}\n", d.field, text)
        })
        .collect()
}

/// Keeps some context on each side of a long unchanged stretch, like a diff's context lines.
fn shorten(text: &str) -> String {
    const CONTEXT_WORDS: usize = 8;
    let words: Vec<&str> = text.split_inclusive(char::is_whitespace).collect();
    if words.len() <= CONTEXT_WORDS * 2 + 1 {
        return text.to_owned();
    }
    let head: String = words[..CONTEXT_WORDS].concat();
    let tail: String = words[words.len() - CONTEXT_WORDS..].concat();
    format!("{head}… {tail}")
}
