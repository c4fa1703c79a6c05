//! The only module that writes to `newsdesk.db`. Every change to the library is one SQLite
//! transaction here, so a crash or power cut leaves either the old state or the new one.
//!
//! Submodules group the statements by what they touch; they all share [`Store`].

mod articles;
mod checkpoint;
mod delivery;
mod desk;
mod desk_dictionary;
mod desk_photos;
mod photos;
mod wire;

pub use articles::{
    ArticleFilter, ArticlePage, ArticleSummary, Revision, RevisionKind, SaveKind, SortOrder,
};
pub(crate) use articles::{SUMMARY_COLUMNS, summary_from_row};
pub use delivery::AttemptOutcome;
pub use desk::{ConflictCandidate, Desk, DeskDocument, FieldConflict, Identity, MergedChange};
pub use desk_photos::{CROP_FIELD, DeskPhoto, FOCAL_FIELD, HeldBlob, MergedPhoto, PhotoConflict};
pub use photos::{MAX_DESK_FIELD_BYTES, NewPhoto};
pub use wire::Recorded;

use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::error::Context;
use crate::{Error, Result};

/// Migrations in order; the schema version of a library is how many of them have run
/// (`PRAGMA user_version`). Append only: a released migration is never edited.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_articles.sql"),
    include_str!("migrations/002_photos.sql"),
    include_str!("migrations/003_delivery.sql"),
    include_str!("migrations/004_search_prefix.sql"),
    include_str!("migrations/005_search_merge_when_idle.sql"),
    include_str!("migrations/006_photo_versions.sql"),
    include_str!("migrations/007_cms_destinations.sql"),
    include_str!("migrations/008_team_desk.sql"),
    include_str!("migrations/009_desk_photos.sql"),
    include_str!("migrations/010_desk_token.sql"),
    include_str!("migrations/011_wire.sql"),
    include_str!("migrations/012_search_crisis_merge.sql"),
    include_str!("migrations/014_thumbnails_first.sql"),
    include_str!("migrations/015_desk_dictionary.sql"),
    include_str!("migrations/016_search_filters_in_the_index.sql"),
    include_str!("migrations/017_search_words_typed.sql"),
];

/// How long a writer waits for another process (a second window, the CLI) to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// How long opening keeps trying while other processes hold the library: first opens and
/// upgrades are short (milliseconds each), but forty processes starting at once queue up.
/// SQLite's busy timeout does not cover every wait of an open (switching a brand-new file to
/// WAL, or reading a log another process is recovering, answer "busy" at once).
const OPEN_PATIENCE: Duration = Duration::from_secs(10);

pub struct Store {
    /// First, so it is dropped first: its thread's connection closes before `conn`.
    checkpointer: checkpoint::Checkpointer,
    conn: Connection,
    /// This laptop's person, named on every revision it writes (`""` until set): read once at
    /// open, so a save costs nothing more.
    author: String,
}

impl Store {
    /// Opens the database, creating and migrating it as needed. Any number of processes may
    /// do this at once: one migrates, the others wait and find the work done.
    pub fn open(path: &Path) -> Result<Store> {
        let deadline = Instant::now() + OPEN_PATIENCE;
        let mut pause = Duration::from_millis(2);
        loop {
            match Store::open_once(path) {
                Err(e) if e.is_busy() && Instant::now() + pause < deadline => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(100));
                }
                done => return done,
            }
        }
    }

    fn open_once(path: &Path) -> Result<Store> {
        let library_error = |reason: String| Error::Library {
            path: path.parent().unwrap_or(path).to_path_buf(),
            reason,
        };
        let busy = |source: rusqlite::Error| Error::Database {
            context: format!(
                "opening the library {}: another Newsdesk is setting it up; try again",
                path.parent().unwrap_or(path).display()
            ),
            source,
        };
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| library_error(format!("cannot open {}: {e}", path.display())))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| library_error(format!("cannot configure the database: {e}")))?;
        // WAL lets readers (search, a second window) work while a save commits; synchronous =
        // FULL makes each acknowledged save survive a power cut, not just a process crash.
        // Copying the WAL back into the database (a checkpoint) runs on a thread beside the
        // saves (`checkpoint.rs`); the window checkpoints when idle (`checkpoint`), and the last
        // connection to close does too. SQLite's own, inside whichever commit crosses the
        // threshold, is only a backstop. A 32 MiB page cache, not SQLite's 2 MiB: with the
        // default, a fifth of the search bench's CPU went to reading pages back from the OS
        // (pread, perf on the 100,000-story library).
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = FULL;
             PRAGMA foreign_keys = ON;
             PRAGMA wal_autocheckpoint = 10000;
             PRAGMA cache_size = -32768;",
        )
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                busy(e)
            }
            Some(rusqlite::ErrorCode::NotADatabase) => library_error(format!(
                "{} is not a Newsdesk database (the file is damaged or something else); \
                 it was left untouched",
                path.display()
            )),
            Some(rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen) => {
                library_error(format!("the library is not writable: {e}"))
            }
            _ => library_error(format!("cannot open the database: {e}")),
        })?;
        // After the pragmas: they are what finds a file that is not a database, and say so.
        newsdesk_ranking::register(&conn)
            .map_err(|e| library_error(format!("cannot set up search: {e}")))?;
        let mut store = Store {
            checkpointer: checkpoint::Checkpointer::new(path),
            conn,
            author: String::new(),
        };
        store.migrate().map_err(|e| match e {
            Error::Library { .. } => e,
            Error::Database { source, .. } if is_busy(&source) => busy(source),
            other => library_error(other.to_string()),
        })?;
        store.author = store.identity()?.map(|me| me.name).unwrap_or_default();
        Ok(store)
    }

    /// Brings the schema up to date. The version is read first without a lock (an up-to-date
    /// library, nearly every open, takes no write lock); if it is behind, the write lock is
    /// taken (`BEGIN IMMEDIATE`) and the version read again inside: another process may have
    /// migrated while this one waited, and then there is nothing left to do. All pending
    /// migrations run in that one transaction, so a library is at one version or the next.
    fn migrate(&mut self) -> Result<()> {
        let current = self.schema_version()?;
        refuse_newer(&self.conn, current)?;
        if current as usize == MIGRATIONS.len() {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .context(|| "starting the upgrade of the library")?;
        let current: i64 = tx
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .context(|| "reading the schema version")?;
        refuse_newer(&tx, current)?;
        for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
            tx.execute_batch(sql)
                .context(|| format!("running migration {}", index + 1))?;
        }
        tx.pragma_update(None, "user_version", MIGRATIONS.len() as i64)
            .context(|| "recording the schema version")?;
        tx.commit()
            .context(|| format!("committing migrations {}-{}", current + 1, MIGRATIONS.len()))
    }

    pub fn schema_version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .context(|| "reading the schema version")
    }

    /// Copies what the write-ahead log holds back into `newsdesk.db`, without waiting for
    /// readers, so that no save has to. For idle time. Returns whether all of it was copied
    /// (a reader in another window can hold some back until next time).
    pub fn checkpoint(&self) -> Result<bool> {
        self.checkpointer
            .run(&self.conn)
            .context(|| "checkpointing the library")
    }

    /// `PRAGMA integrity_check`: "ok" for a healthy library.
    pub fn integrity_check(&self) -> Result<String> {
        self.conn
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .context(|| "checking the library's integrity")
    }

    /// For read-only queries of other core modules; writes go through this module's methods.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The full id of the one row of `table` whose id starts with `prefix` (the CLI accepts
    /// short ids); `noun` ("article", "photo") names it in messages.
    pub(crate) fn resolve_id(
        &self,
        table: &'static str,
        noun: &'static str,
        prefix: &str,
    ) -> Result<String> {
        let prefix = prefix.trim().to_lowercase();
        if prefix.is_empty() {
            return Err(Error::invalid(format!("no {noun} id given")));
        }
        // Ids with the prefix sort between it and the prefix followed by bytes no text holds,
        // so the primary key's index answers without a scan.
        let ids: Vec<String> = self
            .conn
            .prepare_cached(&format!(
                "SELECT id FROM {table} WHERE id >= ?1 AND id < ?1 || X'FFFF' LIMIT 2"
            ))
            .and_then(|mut stmt| stmt.query_map([&prefix], |row| row.get(0))?.collect())
            .context(|| format!("looking up the {noun} id"))?;
        match ids.as_slice() {
            [one] => Ok(one.clone()),
            [] => Err(Error::not_found(noun, prefix)),
            _ => Err(Error::invalid(format!(
                "{prefix:?} matches several {noun}s; give more of the id"
            ))),
        }
    }
}

/// Whether opening the database at `path` will upgrade it: it exists and its schema is older
/// than this version's. Read without a lock or a write; any doubt (no file, not a database) is
/// `false`, and opening then says what is wrong.
pub fn upgrade_pending(path: &Path) -> bool {
    let read = || -> rusqlite::Result<i64> {
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?.pragma_query_value(
            None,
            "user_version",
            |row| row.get(0),
        )
    };
    path.is_file() && read().is_ok_and(|version| (version as usize) < MIGRATIONS.len())
}

/// A library written by a newer Newsdesk is refused and never touched.
fn refuse_newer(conn: &Connection, current: i64) -> Result<()> {
    if current as usize <= MIGRATIONS.len() {
        return Ok(());
    }
    Err(Error::Library {
        path: conn.path().map(Into::into).unwrap_or_default(),
        reason: format!(
            "this library was written by a newer Newsdesk (schema {current}; this \
             version knows up to {}). Update Newsdesk to open it",
            MIGRATIONS.len()
        ),
    })
}

pub(crate) fn now() -> time::OffsetDateTime {
    // Whole microseconds: RFC 3339 strings then sort and round-trip exactly.
    let now = time::OffsetDateTime::now_utc();
    now.replace_nanosecond(now.nanosecond() / 1000 * 1000)
        .unwrap_or(now)
}

pub(crate) fn format_time(t: time::OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

pub(crate) fn parse_time(s: &str) -> rusqlite::Result<time::OffsetDateTime> {
    time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
    })
}

/// SQLite's answer when another connection holds the lock it needs, even after waiting.
pub(crate) fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}
