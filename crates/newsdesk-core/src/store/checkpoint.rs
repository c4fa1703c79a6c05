//! Copying the write-ahead log back into `newsdesk.db` beside the saves, not inside one.
//!
//! SQLite checkpoints inside whichever commit takes the log past `wal_autocheckpoint` pages
//! (10,000 here): that save also writes those pages into the database file and syncs it. In
//! the 100,000-story benchmark library the slowest saves of a thousand were such saves (after
//! a merge of the search index had filled the log; see migration 012). Here every
//! [`WRITES_A_CHECKPOINT`] writes wake a thread of the store's own, which checkpoints PASSIVE
//! on its own connection: it copies what the log holds while saves go on (a passive
//! checkpoint takes no lock a writer needs and waits for nobody), so each run is short and no
//! save waits for one. Durability
//! does not depend on it: a commit is on disk once its frames are synced into the log, which
//! `synchronous = FULL` does before the save returns. The autocheckpoint stays as the
//! backstop for a log nothing else copied, and then finds little left to copy.
//!
//! The thread starts with the first checkpoint (a store that only reads never has one) and
//! ends with the store, before the store's own connection closes: that one stays the last to
//! close, which copies the rest and removes the log, as before. Where no thread can be
//! started, the writer checkpoints itself, as SQLite did.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;

use rusqlite::{Connection, OpenFlags};

/// A save logs its story's row, its revision, a small segment of search index and the few
/// pages of it merged (see `articles.rs`). A save that syncs the log while a checkpoint syncs
/// the database waits for the disk, so how often they meet sets the save's p99. In 1,000
/// back-to-back saves on the 100,000-story library (quiet machine): every 16 writes, p99
/// 5.8-8.5 ms, max 12-16 ms; every 32, p99 3.5-3.7 ms, max 30-31 ms; every 64, p99 3.4-3.8 ms,
/// max 30-38 ms; every 256, max 41-57 ms (a long copy to wait behind). The log stays a few MB.
const WRITES_A_CHECKPOINT: u32 = 32;

pub(super) struct Checkpointer {
    path: PathBuf,
    writes: u32,
    thread: Option<(SyncSender<()>, JoinHandle<()>)>,
    /// Held while a checkpoint runs, by the thread and by [`Checkpointer::run`], so the
    /// store's own checkpoints never find each other busy.
    running: Arc<Mutex<()>>,
}

impl Checkpointer {
    pub(super) fn new(path: &Path) -> Checkpointer {
        Checkpointer {
            path: path.to_path_buf(),
            writes: 0,
            thread: None,
            running: Arc::new(Mutex::new(())),
        }
    }

    /// Counts a write; every [`WRITES_A_CHECKPOINT`]th wakes the thread (started the first
    /// time). A wake that finds the thread busy is dropped: the run under way, or the one
    /// already asked for, copies this write's pages too.
    pub(super) fn wrote(&mut self, conn: &Connection) {
        self.writes += 1;
        if self.writes < WRITES_A_CHECKPOINT {
            return;
        }
        self.writes = 0;
        if self.thread.is_none() {
            self.thread = spawn(&self.path, Arc::clone(&self.running));
        }
        match self.thread.as_ref().map(|(wake, _)| wake.try_send(())) {
            Some(Ok(()) | Err(TrySendError::Full(()))) => {}
            Some(Err(TrySendError::Disconnected(()))) | None => {
                // No thread (it could not start or open the library): copy here, as SQLite
                // would have. A failure is retried at the next one; the commits are safe.
                self.thread = None;
                let _ = self.run(conn);
            }
        }
    }

    /// A PASSIVE checkpoint on `conn`, after any the thread is running. Whether all of the
    /// log was copied.
    pub(super) fn run(&self, conn: &Connection) -> rusqlite::Result<bool> {
        let _running = self.running.lock().unwrap_or_else(PoisonError::into_inner);
        passive_checkpoint(conn)
    }
}

fn passive_checkpoint(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |row| {
        let (busy, logged, copied): (i64, i64, i64) = (row.get(0)?, row.get(1)?, row.get(2)?);
        Ok(busy == 0 && logged == copied)
    })
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        if let Some((wake, thread)) = self.thread.take() {
            drop(wake);
            let _ = thread.join();
        }
    }
}

/// The thread and its connection; `None` if it cannot start.
fn spawn(path: &Path, running: Arc<Mutex<()>>) -> Option<(SyncSender<()>, JoinHandle<()>)> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .ok()?;
    // One waiting wake is enough: it is for all the writes made before it runs.
    let (wake, woken) = mpsc::sync_channel::<()>(1);
    let thread = std::thread::Builder::new()
        .name("newsdesk-checkpoint".into())
        .spawn(move || {
            while woken.recv().is_ok() {
                let _running = running.lock().unwrap_or_else(PoisonError::into_inner);
                let _ = passive_checkpoint(&conn);
            }
        })
        .ok()?;
    Some((wake, thread))
}
