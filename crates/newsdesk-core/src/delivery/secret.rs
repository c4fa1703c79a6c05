//! The push secret: written in, never read back out. It has no `Serialize` and its `Debug`
//! hides it, so no answer to the window, no `--json` output and no log line can carry it;
//! only the store (which keeps it, see `store::delivery`) and the signer see the value.

use serde::Deserialize;

#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(hidden)")
    }
}

/// How a destination shows its secret to the world: `secret_set: true` or `false`.
pub(crate) fn serialize_whether_set<S: serde::Serializer>(
    secret: &Option<Secret>,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.serialize_bool(secret.is_some())
}
