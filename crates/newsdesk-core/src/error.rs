//! One error type for the whole core. Every variant carries enough context for a person to
//! act on it; `kind()` gives the stable machine name the CLI prints and the UI switches on.

use std::path::PathBuf;

use serde::Serialize;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The library folder cannot be used at all (it is a file, unreadable, not a database,
    /// written by a newer Newsdesk...).
    #[error("library {path}: {reason}")]
    Library { path: PathBuf, reason: String },

    #[error("{what} {id} not found")]
    NotFound { what: &'static str, id: String },

    /// A save was based on a version that is no longer the current one. The refused text has
    /// been kept as a conflict revision, so nothing the editor typed is lost.
    #[error(
        "article {id} was changed elsewhere: your edit is based on version {base_version}, \
         the library has version {current_version}. Your text was kept as conflict revision {kept_revision}"
    )]
    Conflict {
        id: String,
        base_version: i64,
        current_version: i64,
        kept_revision: i64,
    },

    /// A photo desk change (record, focal point, crop) was based on a version that is no
    /// longer the current one; nothing was changed. Unlike an article's text, such a change is
    /// small enough to make again on the current version.
    #[error(
        "{what} {id} was changed elsewhere: your change is based on version {base_version}, \
         the library has version {current_version}. Nothing was changed: reload it and make your change again"
    )]
    Stale {
        what: &'static str,
        id: String,
        base_version: i64,
        current_version: i64,
    },

    /// Input the user can fix: a bad field value, a malformed file, an impossible crop.
    #[error("{0}")]
    Invalid(String),

    /// Preflight found problems that block publishing; nothing was written.
    #[error("article {article_id} cannot be exported yet: {}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Preflight {
        article_id: String,
        problems: Vec<crate::package::Problem>,
    },

    /// A photo from the team desk whose original has not arrived yet (thumbnails come first):
    /// its record, crops and thumbnail are here, pixels made from the original are not. Nothing
    /// was made or written; the next desk sync brings the original.
    #[error(
        "{needed} needs the original of photo {photo_id}, which has not arrived from the desk yet \
         (its thumbnail, record and crops are here): the next desk sync brings it"
    )]
    OriginalPending { photo_id: String, needed: String },

    /// A destination could not be reached, or refused what it was asked (a check of its
    /// settings, a delivery made on the spot); in the receiver's words where it gave any.
    #[error("destination {destination}: {reason}")]
    Delivery { destination: String, reason: String },

    #[error("{context}: {}", disk_full_or(.source, is_disk_full))]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },

    #[error("{context}: {}", disk_full_or(.source, is_sqlite_full))]
    Database {
        context: String,
        #[source]
        source: rusqlite::Error,
    },
}

impl Error {
    /// The stable name of the error, for scripts (`--json`) and the UI.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Library { .. } => ErrorKind::Library,
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::Conflict { .. } | Error::Stale { .. } => ErrorKind::Conflict,
            Error::Invalid(_) => ErrorKind::Invalid,
            Error::Preflight { .. } => ErrorKind::Preflight,
            Error::OriginalPending { .. } => ErrorKind::OriginalPending,
            Error::Delivery { .. } => ErrorKind::Delivery,
            Error::Io { source, .. } if is_disk_full(source) => ErrorKind::DiskFull,
            Error::Io { .. } => ErrorKind::Io,
            Error::Database { source, .. } if is_sqlite_full(source) => ErrorKind::DiskFull,
            Error::Database { .. } => ErrorKind::Database,
        }
    }

    /// The shape errors take across IPC and in `--json` output: the kind, the message as a
    /// person reads it, and the details the window acts on (a conflict's kept revision, the
    /// problems preflight found), so nothing has to be fetched again to show them.
    pub fn report(&self) -> ErrorReport {
        let message = self.to_string();
        match self {
            Error::Library { path, .. } => ErrorReport::Library {
                message,
                path: path.display().to_string(),
            },
            Error::NotFound { what, id } => ErrorReport::NotFound {
                message,
                what: (*what).to_owned(),
                id: id.clone(),
            },
            Error::Conflict {
                id,
                base_version,
                current_version,
                kept_revision,
            } => ErrorReport::Conflict {
                message,
                what: "article".to_owned(),
                id: id.clone(),
                base_version: *base_version,
                current_version: *current_version,
                kept_revision: Some(*kept_revision),
            },
            Error::Stale {
                what,
                id,
                base_version,
                current_version,
            } => ErrorReport::Conflict {
                message,
                what: (*what).to_owned(),
                id: id.clone(),
                base_version: *base_version,
                current_version: *current_version,
                kept_revision: None,
            },
            Error::Invalid(_) => ErrorReport::Invalid { message },
            Error::Preflight {
                article_id,
                problems,
            } => ErrorReport::Preflight {
                message,
                article_id: article_id.clone(),
                problems: problems.clone(),
            },
            Error::OriginalPending { photo_id, .. } => ErrorReport::OriginalPending {
                message,
                photo_id: photo_id.clone(),
            },
            Error::Delivery { destination, .. } => ErrorReport::Delivery {
                message,
                destination: destination.clone(),
            },
            Error::Io { .. } | Error::Database { .. } => match self.kind() {
                ErrorKind::DiskFull => ErrorReport::DiskFull { message },
                ErrorKind::Io => ErrorReport::Io { message },
                _ => ErrorReport::Database { message },
            },
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Error::Invalid(message.into())
    }

    pub fn not_found(what: &'static str, id: impl Into<String>) -> Self {
        Error::NotFound {
            what,
            id: id.into(),
        }
    }

    /// Another process held the library longer than this one waited: the same call can work
    /// a moment later (unlike a damaged file or a newer schema).
    pub fn is_busy(&self) -> bool {
        matches!(self, Error::Database { source, .. } if crate::store::is_busy(source))
    }
}

/// What went wrong, as a name a script or the window can switch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    Library,
    NotFound,
    Conflict,
    Invalid,
    Preflight,
    OriginalPending,
    Delivery,
    DiskFull,
    Io,
    Database,
    Upgrading,
}

impl ErrorKind {
    pub const ALL: [ErrorKind; 11] = [
        ErrorKind::Library,
        ErrorKind::NotFound,
        ErrorKind::Conflict,
        ErrorKind::Invalid,
        ErrorKind::Preflight,
        ErrorKind::OriginalPending,
        ErrorKind::Delivery,
        ErrorKind::DiskFull,
        ErrorKind::Io,
        ErrorKind::Database,
        ErrorKind::Upgrading,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Library => "library",
            ErrorKind::NotFound => "not_found",
            ErrorKind::Conflict => "conflict",
            ErrorKind::Invalid => "invalid",
            ErrorKind::Preflight => "preflight",
            ErrorKind::OriginalPending => "original_pending",
            ErrorKind::Delivery => "delivery",
            ErrorKind::DiskFull => "disk_full",
            ErrorKind::Io => "io",
            ErrorKind::Database => "database",
            ErrorKind::Upgrading => "upgrading",
        }
    }
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Scripts and tests compare kinds with the names they print: `err.kind() == "conflict"`.
impl PartialEq<&str> for ErrorKind {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// An error as it crosses IPC and `--json`: `{"kind": "conflict", "message": "...", ...}`.
/// Tagged by kind, so the window's `switch (e.kind)` narrows to the details of that kind.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ErrorReport {
    Library {
        message: String,
        /// The library folder concerned.
        path: String,
    },
    NotFound {
        message: String,
        /// "article", "photo", "revision"...
        what: String,
        id: String,
    },
    /// A change based on `base_version` was refused: the library is at `current_version`. An
    /// article's refused text is kept as revision `kept_revision`; a photo desk change keeps
    /// nothing (none) and is made again on the current version.
    Conflict {
        message: String,
        /// "article" or "photo".
        what: String,
        id: String,
        base_version: i64,
        current_version: i64,
        kept_revision: Option<i64>,
    },
    Invalid {
        message: String,
    },
    /// Every problem that blocks the export, each naming its field.
    Preflight {
        message: String,
        article_id: String,
        problems: Vec<crate::package::Problem>,
    },
    /// A photo's original has not arrived from the desk yet: `photo_id` names it.
    OriginalPending {
        message: String,
        photo_id: String,
    },
    /// A destination unreachable or refusing: `destination` names it.
    Delivery {
        message: String,
        destination: String,
    },
    DiskFull {
        message: String,
    },
    Io {
        message: String,
    },
    Database {
        message: String,
    },
    /// The library is being upgraded to this version of Newsdesk (the window opens it on a
    /// thread of its own when it needs one): the same call works once that is done.
    Upgrading {
        message: String,
    },
}

impl ErrorReport {
    pub fn kind(&self) -> ErrorKind {
        match self {
            ErrorReport::Library { .. } => ErrorKind::Library,
            ErrorReport::NotFound { .. } => ErrorKind::NotFound,
            ErrorReport::Conflict { .. } => ErrorKind::Conflict,
            ErrorReport::Invalid { .. } => ErrorKind::Invalid,
            ErrorReport::Preflight { .. } => ErrorKind::Preflight,
            ErrorReport::OriginalPending { .. } => ErrorKind::OriginalPending,
            ErrorReport::Delivery { .. } => ErrorKind::Delivery,
            ErrorReport::DiskFull { .. } => ErrorKind::DiskFull,
            ErrorReport::Io { .. } => ErrorKind::Io,
            ErrorReport::Database { .. } => ErrorKind::Database,
            ErrorReport::Upgrading { .. } => ErrorKind::Upgrading,
        }
    }

    /// The sentence a person reads.
    pub fn message(&self) -> &str {
        match self {
            ErrorReport::Library { message, .. }
            | ErrorReport::NotFound { message, .. }
            | ErrorReport::Conflict { message, .. }
            | ErrorReport::Invalid { message }
            | ErrorReport::Preflight { message, .. }
            | ErrorReport::OriginalPending { message, .. }
            | ErrorReport::Delivery { message, .. }
            | ErrorReport::DiskFull { message }
            | ErrorReport::Io { message }
            | ErrorReport::Database { message }
            | ErrorReport::Upgrading { message } => message,
        }
    }
}

/// What an editor reads when the disk is full, in place of the system's own words: SQLite
/// rolls the save back and the file is only replaced once the new one is complete, so what was
/// saved before is intact.
const DISK_FULL: &str = "the disk is full: this save was not kept; everything saved before is safe. Free some space and save again.";

fn disk_full_or<E: std::fmt::Display>(source: &E, is_full: fn(&E) -> bool) -> String {
    if is_full(source) {
        DISK_FULL.to_owned()
    } else {
        source.to_string()
    }
}

fn is_disk_full(err: &std::io::Error) -> bool {
    err.kind() == std::io::ErrorKind::StorageFull || err.raw_os_error() == Some(28)
}

fn is_sqlite_full(err: &rusqlite::Error) -> bool {
    matches!(err, rusqlite::Error::SqliteFailure(e, _) if e.code == rusqlite::ErrorCode::DiskFull)
}

/// Attach context to fallible I/O and SQLite calls: `fs::read(p).context(|| format!(...))`.
pub trait Context<T> {
    fn context<S: Into<String>>(self, context: impl FnOnce() -> S) -> Result<T>;
}

impl<T> Context<T> for std::result::Result<T, std::io::Error> {
    fn context<S: Into<String>>(self, context: impl FnOnce() -> S) -> Result<T> {
        self.map_err(|source| Error::Io {
            context: context().into(),
            source,
        })
    }
}

impl<T> Context<T> for std::result::Result<T, rusqlite::Error> {
    fn context<S: Into<String>>(self, context: impl FnOnce() -> S) -> Result<T> {
        self.map_err(|source| Error::Database {
            context: context().into(),
            source,
        })
    }
}
