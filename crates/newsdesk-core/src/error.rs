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
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Library { .. } => "library",
            Error::NotFound { .. } => "not_found",
            Error::Conflict { .. } | Error::Stale { .. } => "conflict",
            Error::Invalid(_) => "invalid",
            Error::Preflight { .. } => "preflight",
            Error::Io { source, .. } if is_disk_full(source) => "disk_full",
            Error::Io { .. } => "io",
            Error::Database { source, .. } if is_sqlite_full(source) => "disk_full",
            Error::Database { .. } => "database",
        }
    }

    /// `{kind, message}`: the shape errors take across IPC and in `--json` output.
    pub fn report(&self) -> ErrorReport {
        ErrorReport {
            kind: self.kind().to_owned(),
            message: self.to_string(),
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
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ErrorReport {
    pub kind: String,
    pub message: String,
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
