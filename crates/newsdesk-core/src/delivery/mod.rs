//! Getting packages to where they are published: destinations (a hot folder, an HTTP push
//! receiver), and the outbox that keeps trying until each delivery is made or refused.

mod http_push;
mod outbox;
mod secret;
mod tls;

pub(crate) use http_push::hex;
pub use http_push::{PushError, push, signature};
pub use outbox::{OutboxRun, deliver, run_due};
pub use secret::Secret;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::{Error, Result};

/// A named place packages are delivered to, kept in the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Destination {
    pub name: String,
    #[serde(flatten)]
    pub target: Target,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Target {
    /// A "hot folder" watched by another system: the package is dropped there as a zip,
    /// appearing complete or not at all.
    Folder { path: PathBuf },
    /// Superdesk's HTTP push protocol.
    HttpPush(HttpPush),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HttpPush {
    /// Where the ninjs item is POSTed.
    pub resource_url: String,
    /// Where media are looked up (`GET {assets_url}/{media_id}`) and uploaded (`POST`).
    pub assets_url: String,
    /// Shared secret for the `x-superdesk-signature` HMAC; `None` sends no signature. Taken
    /// in as `secret`, shown only as `secret_set` (true or false), never as its value.
    #[serde(
        default,
        rename(serialize = "secret_set", deserialize = "secret"),
        serialize_with = "secret::serialize_whether_set"
    )]
    #[cfg_attr(feature = "ts", ts(rename = "secret_set", type = "boolean"))]
    pub secret: Option<Secret>,
    /// An extra CA certificate file (PEM) to trust besides the system's, for a receiver
    /// whose certificate a newsroom-internal CA signed.
    #[serde(default)]
    pub ca_file: Option<PathBuf>,
    #[serde(default = "default_connect_timeout")]
    pub connect_timeout_secs: u64,
    #[serde(default = "default_read_timeout")]
    pub read_timeout_secs: u64,
}

pub(crate) fn default_connect_timeout() -> u64 {
    10
}

pub(crate) fn default_read_timeout() -> u64 {
    60
}

impl HttpPush {
    pub fn new(resource_url: impl Into<String>, assets_url: impl Into<String>) -> HttpPush {
        HttpPush {
            resource_url: resource_url.into(),
            assets_url: assets_url.into(),
            secret: None,
            ca_file: None,
            connect_timeout_secs: default_connect_timeout(),
            read_timeout_secs: default_read_timeout(),
        }
    }
}

impl Target {
    pub fn kind(&self) -> &'static str {
        match self {
            Target::Folder { .. } => "folder",
            Target::HttpPush(_) => "http_push",
        }
    }
}

impl Destination {
    pub(crate) fn validate(&self) -> Result<()> {
        if self.name.trim().is_empty() {
            return Err(Error::invalid("a destination needs a name"));
        }
        match &self.target {
            Target::Folder { path } if !path.is_absolute() => Err(Error::invalid(format!(
                "the hot folder of {} must be an absolute path, not {}",
                self.name,
                path.display()
            ))),
            Target::HttpPush(push) => {
                for (what, url) in [
                    ("resource URL", &push.resource_url),
                    ("assets URL", &push.assets_url),
                ] {
                    if !(url.starts_with("http://") || url.starts_with("https://")) {
                        return Err(Error::invalid(format!(
                            "the {what} of {} must start with http:// or https://, not {url:?}",
                            self.name
                        )));
                    }
                }
                if push.connect_timeout_secs == 0 || push.read_timeout_secs == 0 {
                    return Err(Error::invalid(format!(
                        "the timeouts of {} must be at least a second",
                        self.name
                    )));
                }
                if let Some(ca_file) = &push.ca_file {
                    if !ca_file.is_absolute() {
                        return Err(Error::invalid(format!(
                            "the CA file of {} must be an absolute path, not {}",
                            self.name,
                            ca_file.display()
                        )));
                    }
                    tls::read_ca_file(ca_file).map_err(|reason| {
                        Error::invalid(format!("the CA file of {}: {reason}", self.name))
                    })?;
                }
                Ok(())
            }
            Target::Folder { .. } => Ok(()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum DeliveryState {
    /// Queued, not tried yet (or sent again by hand).
    Pending,
    /// A worker holds it until its lease runs out.
    Sending,
    /// The last attempt failed in a way that may pass (receiver down, HTTP 5xx).
    Retrying,
    Delivered,
    /// Refused by the receiver (HTTP 4xx): trying again would not help.
    Failed,
    Cancelled,
}

impl DeliveryState {
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryState::Pending => "pending",
            DeliveryState::Sending => "sending",
            DeliveryState::Retrying => "retrying",
            DeliveryState::Delivered => "delivered",
            DeliveryState::Failed => "failed",
            DeliveryState::Cancelled => "cancelled",
        }
    }

    pub(crate) fn parse(s: &str) -> DeliveryState {
        match s {
            "sending" => DeliveryState::Sending,
            "retrying" => DeliveryState::Retrying,
            "delivered" => DeliveryState::Delivered,
            "failed" => DeliveryState::Failed,
            "cancelled" => DeliveryState::Cancelled,
            _ => DeliveryState::Pending,
        }
    }
}

/// One package on its way to one destination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Delivery {
    pub id: i64,
    pub article_id: String,
    pub article_version: i64,
    pub ninjs_version: i64,
    pub destination: String,
    pub package_path: PathBuf,
    pub state: DeliveryState,
    pub attempts: i64,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub next_attempt_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub lease_until: Option<OffsetDateTime>,
    /// What went wrong last, in the receiver's words where it gave any.
    pub last_error: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub updated_at: OffsetDateTime,
}
