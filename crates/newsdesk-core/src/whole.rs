//! Whole objects from the window. A save replaces every field of an article, so a window that
//! sends an object without a field the core knows (an older window, a field added in Rust and
//! not yet in TypeScript) would blank that field with the next autosave, and one that sends a
//! field the core does not know would see it silently dropped. [`Whole`] refuses both: the
//! save fails with an [`Error::Invalid`] naming the field, and nothing is written.
//!
//! Why not drop `#[serde(default)]` from the types instead: the same types read the rows
//! stored by older versions, which lack fields added since and must keep loading with their
//! defaults. The stored shape stays lenient; only what crosses IPC is held to the whole shape.

use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::article::{ArticleFields, Author, Correction, PhotoPlacement, RelatedStory};
use crate::{Error, Result};

/// A type whose every key can be listed: `specimen()` is a value with every list holding one
/// element and every option set, so its JSON shows every key at every depth.
pub trait Specimen: Serialize + DeserializeOwned {
    fn specimen() -> Self;
}

impl Specimen for ArticleFields {
    fn specimen() -> Self {
        ArticleFields {
            authors: vec![Author::default()],
            keywords: vec![String::new()],
            related: vec![RelatedStory::default()],
            embargo: Some(time::OffsetDateTime::UNIX_EPOCH),
            corrections: vec![Correction::default()],
            lead_photo: Some(PhotoPlacement::default()),
            ..ArticleFields::default()
        }
    }
}

/// JSON from the window that becomes a `T` only if it has exactly the keys `T` has.
#[derive(Debug, Clone)]
pub struct Whole<T> {
    value: Value,
    of: PhantomData<T>,
}

impl<T> Whole<T> {
    pub fn new(value: Value) -> Self {
        Whole {
            value,
            of: PhantomData,
        }
    }
}

impl<T: Specimen> Whole<T> {
    /// The value, or [`Error::Invalid`] naming the first missing or unknown field.
    pub fn into_inner(self) -> Result<T> {
        let specimen = serde_json::to_value(T::specimen()).expect("specimens always serialise");
        same_keys(&specimen, &self.value, "")?;
        serde_json::from_value(self.value)
            .map_err(|e| Error::invalid(format!("the fields sent cannot be read: {e}")))
    }
}

/// Any JSON deserialises; the check runs in [`Whole::into_inner`], so a refusal reaches the
/// window as a typed [`Error`] rather than as the IPC layer's own text.
impl<'de, T> Deserialize<'de> for Whole<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        Value::deserialize(d).map(Whole::new)
    }
}

fn same_keys(specimen: &Value, sent: &Value, at: &str) -> Result<()> {
    match (specimen, sent) {
        (Value::Object(expected), Value::Object(got)) => {
            if let Some(missing) = expected.keys().find(|k| !got.contains_key(*k)) {
                return Err(Error::invalid(format!(
                    "the fields sent lack `{at}{missing}`; nothing was saved, so it is not blanked \
                     (is the window older than the library?)"
                )));
            }
            if let Some(unknown) = got.keys().find(|k| !expected.contains_key(*k)) {
                return Err(Error::invalid(format!(
                    "the fields sent have `{at}{unknown}`, which this library does not know; nothing was saved, \
                     so it is not lost (is the window newer than the library?)"
                )));
            }
            expected
                .iter()
                .try_for_each(|(k, v)| same_keys(v, &got[k], &format!("{at}{k}.")))
        }
        (Value::Array(expected), Value::Array(got)) => match expected.first() {
            Some(element) => got.iter().try_for_each(|g| same_keys(element, g, at)),
            None => Ok(()),
        },
        // Scalars, and `null` for an option: the types themselves check these.
        _ => Ok(()),
    }
}

/// Keys of `T` as the window must send them, for tests and messages.
pub fn keys_of<T: Specimen>() -> Vec<String> {
    match serde_json::to_value(T::specimen()) {
        Ok(Value::Object(map)) => map.keys().cloned().collect(),
        _ => Vec::new(),
    }
}
