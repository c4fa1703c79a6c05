//! Getting packages to where they are published: destinations (a hot folder, an HTTP push
//! receiver, a Ghost site), and the outbox that keeps trying until each delivery is made or refused.

mod ghost;
mod http;
mod http_push;
mod outbox;
mod secret;
mod story;
mod superdesk_ninjs;
mod tls;
mod wordpress;

pub(crate) use http_push::hex;
pub use http_push::{push, signature};
pub use outbox::{OutboxRun, deliver, run_due};
pub use secret::Secret;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::package::Package;
use crate::{Error, Result};

/// Why one attempt at a delivery did not land.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeliveryError {
    /// HTTP 4xx (or a CMS's refusal in other words): the receiver refuses this item; sending it again would not help.
    Rejected { status: u16, message: String },
    /// The destination's settings do not fit the receiver (a redirect, a certificate not
    /// trusted, http where it speaks https): trying again would not help until they are fixed.
    Misdirected(String),
    /// No connection, a timeout or an HTTP 5xx: worth trying again later.
    Unavailable(String),
    /// The package itself cannot be sent (its ninjs does not read, a file it names is missing): retrying would not help.
    Unusable(String),
}

impl DeliveryError {
    /// Whether trying again later could succeed.
    pub fn is_temporary(&self) -> bool {
        matches!(self, DeliveryError::Unavailable(_))
    }
}

impl std::fmt::Display for DeliveryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DeliveryError::Rejected { status, message } => {
                write!(f, "refused by the receiver (HTTP {status}): {message}")
            }
            DeliveryError::Misdirected(message)
            | DeliveryError::Unavailable(message)
            | DeliveryError::Unusable(message) => f.write_str(message),
        }
    }
}

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
    /// A Ghost site, through its Admin API.
    Ghost(Ghost),
    /// A WordPress site, through its REST API.
    #[serde(rename = "wordpress")]
    WordPress(WordPress),
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
    /// The shape of the item: Superdesk's ninjs unless the receiver reads IPTC ninjs 3.1.
    #[serde(default)]
    pub profile: PushProfile,
}

/// What an HTTP push receiver reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum PushProfile {
    /// Superdesk's ninjs (1.x with Superdesk's fields), what the receivers built for
    /// Superdesk's push read: its own ingest, its WordPress plugin, Newsroom, Publisher.
    #[default]
    #[serde(rename = "superdesk")]
    Superdesk,
    /// IPTC ninjs 3.1, the package's own `article.ninjs.json`, for a receiver that reads it.
    #[serde(rename = "iptc-3.1")]
    Iptc31,
}

impl PushProfile {
    pub fn as_str(self) -> &'static str {
        match self {
            PushProfile::Superdesk => "superdesk",
            PushProfile::Iptc31 => "iptc-3.1",
        }
    }
}

impl std::str::FromStr for PushProfile {
    type Err = Error;

    fn from_str(s: &str) -> Result<PushProfile> {
        match s {
            "superdesk" => Ok(PushProfile::Superdesk),
            "iptc-3.1" => Ok(PushProfile::Iptc31),
            other => Err(Error::invalid(format!(
                "unknown push profile {other:?}: use superdesk or iptc-3.1"
            ))),
        }
    }
}

/// What a CMS does with a delivered story.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum PostStatus {
    /// A draft for the newsroom to publish in the CMS.
    #[default]
    Draft,
    /// Published at once, or scheduled for its embargo.
    Publish,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Ghost {
    /// The site's address; the Admin API is at `{site_url}/ghost/api/admin/`.
    pub site_url: String,
    /// The Admin API key of a custom integration (`id:secret`, Ghost: Settings →
    /// Integrations). Taken in as `admin_key`, shown only as `admin_key_set`.
    #[serde(
        default,
        rename(serialize = "admin_key_set", deserialize = "admin_key"),
        serialize_with = "secret::serialize_whether_set"
    )]
    #[cfg_attr(feature = "ts", ts(rename = "admin_key_set", type = "boolean"))]
    pub admin_key: Option<Secret>,
    #[serde(default)]
    pub publish: PostStatus,
    /// An extra CA certificate file (PEM) to trust besides the system's.
    #[serde(default)]
    pub ca_file: Option<PathBuf>,
    #[serde(default = "default_connect_timeout")]
    pub connect_timeout_secs: u64,
    #[serde(default = "default_read_timeout")]
    pub read_timeout_secs: u64,
}

impl Ghost {
    pub fn new(site_url: impl Into<String>, admin_key: Secret) -> Ghost {
        Ghost {
            site_url: site_url.into(),
            admin_key: Some(admin_key),
            publish: PostStatus::default(),
            ca_file: None,
            connect_timeout_secs: default_connect_timeout(),
            read_timeout_secs: default_read_timeout(),
        }
    }
}

pub(crate) fn default_connect_timeout() -> u64 {
    10
}

pub(crate) fn default_read_timeout() -> u64 {
    60
}

/// A WordPress site (5.6 or later: Application Passwords), reached through its REST API at
/// `{site_url}/wp-json/wp/v2/`. Photos become media, the story a post; see `wordpress.rs`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WordPress {
    /// The site's address, e.g. `https://news.example.org` (what WordPress calls the Site URL).
    pub site_url: String,
    /// The WordPress user the posts are made by.
    pub user: String,
    /// An Application Password of that user (Users → Profile → Application Passwords), not
    /// the user's own password. Taken in as `application_password`, shown only as
    /// `application_password_set`, never as its value.
    #[serde(
        default,
        rename(
            serialize = "application_password_set",
            deserialize = "application_password"
        ),
        serialize_with = "secret::serialize_whether_set"
    )]
    #[cfg_attr(
        feature = "ts",
        ts(rename = "application_password_set", type = "boolean")
    )]
    pub application_password: Option<Secret>,
    /// Whether a delivered story is published at once or left as a draft for the site's
    /// editors.
    #[serde(default)]
    pub publish: PostStatus,
    /// An extra CA certificate file (PEM) to trust besides the system's.
    #[serde(default)]
    pub ca_file: Option<PathBuf>,
    #[serde(default = "default_connect_timeout")]
    pub connect_timeout_secs: u64,
    #[serde(default = "default_read_timeout")]
    pub read_timeout_secs: u64,
}

impl WordPress {
    pub fn new(
        site_url: impl Into<String>,
        user: impl Into<String>,
        application_password: Secret,
    ) -> WordPress {
        WordPress {
            site_url: site_url.into(),
            user: user.into(),
            application_password: Some(application_password),
            publish: PostStatus::Draft,
            ca_file: None,
            connect_timeout_secs: default_connect_timeout(),
            read_timeout_secs: default_read_timeout(),
        }
    }
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
            profile: PushProfile::default(),
        }
    }
}

impl Target {
    pub fn kind(&self) -> &'static str {
        match self {
            Target::Folder { .. } => "folder",
            Target::HttpPush(_) => "http_push",
            Target::Ghost(_) => "ghost",
            Target::WordPress(_) => "wordpress",
        }
    }

    /// Whether the receiver holds an embargoed story back by itself (a CMS schedules the
    /// post). Otherwise the outbox keeps the story until the embargo lifts: a hot folder or a
    /// push receiver would publish what it is given.
    pub fn schedules_embargoes(&self) -> bool {
        match self {
            Target::Folder { .. } | Target::HttpPush(_) => false,
            // `status: scheduled` with `published_at`: Ghost publishes it then.
            Target::Ghost(_) => true,
            // `status: future` with the embargo as `date_gmt`.
            Target::WordPress(_) => true,
        }
    }
}

/// Where a delivered story lives at the receiver, as the receiver said: its post id, and the
/// address to open it at when the receiver gives one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Remote {
    pub id: String,
    pub url: Option<String>,
}

/// One attempt's view of what it sends: the package, the story in it, and the receiver's
/// record of this story from an earlier delivery, so a new version updates that record.
pub(crate) struct Outgoing<'a> {
    pub package: &'a Package,
    pub remote: Option<Remote>,
}

/// Connects to a destination and checks that it would take a delivery (the folder is there
/// and writable; the receiver answers; a CMS accepts the credentials), without sending a story.
/// Returns what was checked, in words for the editor.
pub fn check(destination: &Destination) -> Result<String> {
    let checked = match &destination.target {
        Target::Folder { path } => folder_check(path),
        Target::HttpPush(push) => http_push::check(push),
        Target::Ghost(ghost) => ghost::check(ghost),
        Target::WordPress(site) => wordpress::check(site),
    };
    checked.map_err(|e| Error::Delivery {
        destination: destination.name.clone(),
        reason: e.to_string(),
    })
}

fn folder_check(path: &std::path::Path) -> std::result::Result<String, DeliveryError> {
    if !path.is_dir() {
        return Err(DeliveryError::Unavailable(format!(
            "the hot folder {} is not there (is the share mounted?)",
            path.display()
        )));
    }
    let probe = path.join(format!(".newsdesk-check-{}", uuid::Uuid::new_v4()));
    std::fs::write(&probe, b"")
        .and_then(|()| std::fs::remove_file(&probe))
        .map_err(|e| {
            DeliveryError::Misdirected(format!(
                "the hot folder {} cannot be written to: {e}",
                path.display()
            ))
        })?;
    Ok(format!("{} is there and takes files", path.display()))
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
            Target::HttpPush(push) => self.validate_http(
                &[
                    ("resource URL", &push.resource_url),
                    ("assets URL", &push.assets_url),
                ],
                push.connect_timeout_secs,
                push.read_timeout_secs,
                push.ca_file.as_deref(),
            ),
            Target::WordPress(site) => {
                if site.user.trim().is_empty() {
                    return Err(Error::invalid(format!(
                        "{} needs the WordPress user the posts are made by",
                        self.name
                    )));
                }
                if site.application_password.is_none() {
                    return Err(Error::invalid(format!(
                        "{} needs an application password of {} (Users → Profile → \
                         Application Passwords in WordPress)",
                        self.name, site.user
                    )));
                }
                self.validate_http(
                    &[("site URL", &site.site_url)],
                    site.connect_timeout_secs,
                    site.read_timeout_secs,
                    site.ca_file.as_deref(),
                )
            }
            Target::Ghost(ghost) => {
                self.validate_http(
                    &[("site URL", &ghost.site_url)],
                    ghost.connect_timeout_secs,
                    ghost.read_timeout_secs,
                    ghost.ca_file.as_deref(),
                )?;
                let key = ghost.admin_key.as_ref().ok_or_else(|| {
                    Error::invalid(format!(
                        "{} needs the Admin API key of a Ghost custom integration",
                        self.name
                    ))
                })?;
                ghost::validate_key(key.expose())
                    .map_err(|reason| Error::invalid(format!("{}: {reason}", self.name)))
            }
            Target::Folder { .. } => Ok(()),
        }
    }

    /// What every HTTP destination must have right: http(s) URLs, timeouts of a second or
    /// more, a CA file that is an absolute path to PEM certificates.
    fn validate_http(
        &self,
        urls: &[(&str, &str)],
        connect_timeout_secs: u64,
        read_timeout_secs: u64,
        ca_file: Option<&std::path::Path>,
    ) -> Result<()> {
        for (what, url) in urls {
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                return Err(Error::invalid(format!(
                    "the {what} of {} must start with http:// or https://, not {url:?}",
                    self.name
                )));
            }
        }
        if connect_timeout_secs == 0 || read_timeout_secs == 0 {
            return Err(Error::invalid(format!(
                "the timeouts of {} must be at least a second",
                self.name
            )));
        }
        if let Some(ca_file) = ca_file {
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
    /// The receiver already had an earlier version of this story (from this destination):
    /// this one updates it.
    pub update: bool,
    /// Once delivered: the receiver's id for the story and where to open it.
    pub remote: Option<Remote>,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub updated_at: OffsetDateTime,
}
