//! The team desk (issue 13): each article an Automerge document, synced between laptops
//! through a relay with samod. The core stays free of the sync engine: this crate changes the
//! library only through `newsdesk_core::store`'s public methods, so every invariant of the store
//! holds (one transaction per change, acknowledged saves durable and never rewritten, a merged
//! change a new revision naming whose it was).
//!
//! - `document`: an article as a document, both ways (pure Automerge).
//! - `storage`: samod's storage inside the library's SQLite file.
//! - `dialer`: the laptop's websocket to the relay: the token as a header, a 401 final.
//! - `desk`: joining a desk and one sync (`newsdesk desk join`, `newsdesk desk sync`).
//! - `index`: the desk's index document: its stories and photos, and where each stands.
//! - `relay`: the relay (`newsdesk-relay`): samod's axum acceptor behind a token check, and
//!   photo originals and thumbnails by SHA-256 (`/blobs/<sha256>`).
//! - `photo_document`: a photo record as a document, both ways (pure Automerge).
//! - `photos`: the photo phase of a sync: records as documents, thumbnails then originals
//!   through the relay.
//! - `presence`: who else has a story open (heartbeats to the relay).
//! - `repo_tasks`: samod's tasks for a repo, ended after it stops (samod 0.16 never ends them).
//! - `background`: the window's desk: syncs after saves and every few seconds, and its status.

#![forbid(unsafe_code)]

pub mod background;
pub mod desk;
pub mod dialer;
pub mod document;
mod index;
pub mod photo_document;
pub mod photos;
pub mod presence;
pub mod relay;
mod repo_tasks;
pub mod storage;

pub use desk::{SyncReport, join, sync};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Library(#[from] newsdesk_core::Error),

    /// The relay answered, and refused the desk token: retrying cannot help.
    #[error("the desk at {url} refused the desk token (HTTP {status}): check NEWSDESK_DESK_TOKEN")]
    Refused { url: String, status: u16 },

    #[error("the desk at {url} cannot be reached: {reason}")]
    Unreachable { url: String, reason: String },

    /// The sync started but did not finish in time; what was merged so far is kept.
    #[error(
        "the sync with {url} did not finish within {seconds} s ({reason}); what arrived is kept, run it again"
    )]
    Unfinished {
        url: String,
        seconds: u64,
        reason: String,
    },

    #[error("no name on this laptop yet: run `newsdesk desk whoami --name \"Your Name\"` first")]
    NoIdentity,

    #[error("this library has not joined a desk: run `newsdesk desk join URL` first")]
    NotJoined,

    #[error("{context}: {source}")]
    Document {
        context: String,
        /// Boxed: Automerge's error is large, and every result of this crate carries the room.
        #[source]
        source: Box<automerge::AutomergeError>,
    },

    /// A photo's original or thumbnail could not be had from the desk as it should be (its
    /// bytes are not the SHA-256 they are filed under, the relay does not hold it, or refused
    /// ours); nothing of it was written to the library.
    #[error("{what} on the desk at {url}: {reason}")]
    Blob {
        url: String,
        /// "the original of photo <id>", "the thumbnail of photo <id> (SHA-256 <sha>)".
        what: String,
        /// The blob's name on the relay.
        sha256: String,
        reason: String,
    },

    #[error("a desk document is not a Newsdesk story: {0}")]
    Malformed(String),

    #[error("{0}")]
    Invalid(String),
}

impl Error {
    pub(crate) fn document(context: &str, source: automerge::AutomergeError) -> Error {
        Error::Document {
            context: context.to_owned(),
            source: Box::new(source),
        }
    }

    /// The stable name scripts switch on (`--json`): the core's kinds, and the desk's own.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Library(e) => e.kind().as_str(),
            Error::Refused { .. } => "desk_refused",
            Error::Unreachable { .. } => "desk_unreachable",
            Error::Unfinished { .. } => "desk_unfinished",
            Error::Blob { .. } => "desk_blob",
            Error::NoIdentity | Error::NotJoined | Error::Invalid(_) => "invalid",
            Error::Document { .. } | Error::Malformed(_) => "desk_document",
        }
    }
}
