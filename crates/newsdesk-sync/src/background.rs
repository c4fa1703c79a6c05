//! The window's desk: syncs in the background while the library is on a desk, and says
//! honestly where things stand (`DeskStatus`): synced at a time, changes waiting, offline since
//! a time and why, the token refused. It also beats presence for the story the window has open
//! (`presence.rs`).
//!
//! - A save wakes it; saves closer together than `SETTLE` make one sync, and a stream of saves
//!   still syncs every `SETTLE_AT_MOST` (typing never waits for it: it runs on its own thread
//!   with its own connection to the library, and each step of a sync is one short transaction).
//! - Otherwise it syncs every `EVERY` (or four times as long as the last sync took, on a large
//!   desk), so other people's changes arrive without a save here.
//! - Before each sync it asks the relay's `GET /desk` (one request): a relay that is down
//!   shows as "offline" at once instead of after the sync's connect patience (20 s).
//! - A refused token stops the syncing until a join gives another one: retrying cannot help.
//! - A desk that is down never costs a save: saves are local first; the count of stories
//!   waiting comes from the library (`Store::desk_changes_waiting`).
//! - One sync at a time in this process (a join included): two at once would each put a story
//!   not yet on the desk there, as two documents.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use newsdesk_core::Library;
use newsdesk_core::store::Identity;
use serde::Serialize;
use time::OffsetDateTime;

use crate::presence::{self, Heartbeat, Present};
use crate::{Error, Result, SyncReport};

/// Quiet time after a save before syncing it.
pub const SETTLE: Duration = Duration::from_millis(1500);
/// A stream of saves still syncs this often.
pub const SETTLE_AT_MOST: Duration = Duration::from_secs(10);
/// Between syncs when nothing is saved here: how late another person's change can arrive.
pub const EVERY: Duration = Duration::from_secs(5);

/// What went wrong with the last sync, in the desk's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Trouble {
    /// The relay could not be reached (or did not finish): saves wait here.
    Offline,
    /// The relay refused the desk token: no more syncs until a join gives another.
    Refused,
    /// Anything else (a damaged document, the library failing).
    Failed,
}

/// Where the desk stands, as the window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DeskStatus {
    /// Who works on this laptop; `None` until a name is set.
    pub me: Option<Identity>,
    /// The desk's address; `None` while the library works alone.
    pub url: Option<String>,
    /// A sync is running now.
    pub syncing: bool,
    /// When the last sync finished with everything agreed.
    #[serde(with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub synced_at: Option<OffsetDateTime>,
    /// When syncs started failing to reach the relay (kept through every failure since).
    #[serde(with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub offline_since: Option<OffsetDateTime>,
    pub trouble: Option<Trouble>,
    /// What the last failure said.
    pub message: Option<String>,
    /// Stories saved here whose changes have not reached the desk.
    pub waiting: usize,
    /// Field conflicts waiting for an editor.
    pub conflicts: usize,
    /// Photo conflicts waiting for the photo desk.
    pub photo_conflicts: usize,
    /// Stories and photos the last sync changed here (others' changes merged, or new ones):
    /// the window reloads what it shows.
    pub changed: usize,
}

impl DeskStatus {
    fn alone() -> DeskStatus {
        DeskStatus {
            me: None,
            url: None,
            syncing: false,
            synced_at: None,
            offline_since: None,
            trouble: None,
            message: None,
            waiting: 0,
            conflicts: 0,
            photo_conflicts: 0,
            changed: 0,
        }
    }
}

/// What the background tells its owner (the app turns these into events for the window).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Status(DeskStatus),
    /// Who else has the open story open, each time the answer changes.
    Here {
        story: Option<String>,
        people: Vec<Present>,
    },
}

enum Wake {
    Saved,
    Now,
}

struct Shared {
    root: PathBuf,
    status: Mutex<DeskStatus>,
    /// The story open in the window, for presence.
    story: Mutex<Option<String>>,
    /// Held for the whole of a sync or a join.
    syncing: Mutex<()>,
    /// The token the relay refused: not tried again.
    refused: Mutex<Option<String>>,
    tell: Box<dyn Fn(Notice) + Send + Sync>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The background sync of one library (clones share it); dropping the last stops the threads
/// after their current step.
#[derive(Clone)]
pub struct BackgroundSync {
    shared: Arc<Shared>,
    wake: mpsc::Sender<Wake>,
    beat: mpsc::Sender<()>,
}

impl BackgroundSync {
    /// Starts syncing the library in `root` (when it is on a desk) and beating presence;
    /// `tell` hears every change of status and of who is here.
    pub fn start(root: PathBuf, tell: impl Fn(Notice) + Send + Sync + 'static) -> BackgroundSync {
        let shared = Arc::new(Shared {
            root,
            status: Mutex::new(DeskStatus::alone()),
            story: Mutex::new(None),
            syncing: Mutex::new(()),
            refused: Mutex::new(None),
            tell: Box::new(tell),
        });
        let (wake, woken) = mpsc::channel();
        let (beat, beaten) = mpsc::channel();
        let syncer = Arc::clone(&shared);
        spawn("desk-sync", move || sync_loop(&syncer, &woken));
        let beater = Arc::clone(&shared);
        spawn("desk-presence", move || presence_loop(&beater, &beaten));
        BackgroundSync { shared, wake, beat }
    }

    pub fn status(&self) -> DeskStatus {
        lock(&self.shared.status).clone()
    }

    /// A save here: counted as waiting at once, synced once saves settle.
    pub fn saved(&self) {
        let _ = self.wake.send(Wake::Saved);
    }

    /// Syncs as soon as the current step allows.
    pub fn sync_now(&self) {
        let _ = self.wake.send(Wake::Now);
    }

    /// The story the window shows (`None`: none): presence beats for it from now on.
    pub fn open_story(&self, story: Option<String>) {
        *lock(&self.shared.story) = story;
        let _ = self.beat.send(());
    }

    /// Names the person on this laptop (the first step before joining).
    pub fn set_identity(&self, name: &str) -> Result<Identity> {
        let me = Library::open(&self.shared.root)?
            .store_mut()
            .set_identity(name)?;
        refresh(&self.shared, |_| {});
        Ok(me)
    }

    /// Joins the desk at `url` with `token` and syncs once (`desk::join`); the token is kept
    /// for the syncs that follow.
    pub fn join(&self, url: &str, token: &str) -> Result<SyncReport> {
        let result = {
            let _one = lock(&self.shared.syncing);
            crate::join(&self.shared.root, url, token)
        };
        if result.is_ok() {
            *lock(&self.shared.refused) = None;
        }
        finish(&self.shared, result.as_ref().err());
        let _ = self.beat.send(());
        let _ = self.wake.send(Wake::Now);
        result
    }
}

fn spawn(name: &str, work: impl FnOnce() + Send + 'static) {
    if let Err(e) = std::thread::Builder::new().name(name.into()).spawn(work) {
        eprintln!("newsdesk: no {name} thread: {e}");
    }
}

/// The library's part of the status: who, which desk, what waits. Applies `change` to the
/// rest and tells the owner when anything moved.
fn refresh(shared: &Shared, change: impl FnOnce(&mut DeskStatus)) {
    let from_library = (|| -> Result<DeskStatus> {
        let library = Library::open(&shared.root)?;
        let store = library.store();
        let mut read = DeskStatus::alone();
        read.me = store.identity()?;
        read.url = store.desk()?.map(|d| d.url);
        if read.url.is_some() {
            read.waiting = store.desk_changes_waiting()?;
            read.conflicts = store.open_conflict_count()?;
            read.photo_conflicts = store.open_photo_conflict_count()?;
        }
        Ok(read)
    })();
    let now = {
        let mut status = lock(&shared.status);
        let before = status.clone();
        match from_library {
            Ok(read) => {
                status.me = read.me;
                status.url = read.url;
                status.waiting = read.waiting;
                status.conflicts = read.conflicts;
                status.photo_conflicts = read.photo_conflicts;
            }
            Err(e) => {
                status.trouble = Some(Trouble::Failed);
                status.message = Some(e.to_string());
            }
        }
        change(&mut status);
        (*status != before).then(|| status.clone())
    };
    if let Some(status) = now {
        (shared.tell)(Notice::Status(status));
    }
}

/// Records how a sync (or a join) ended: `failure` is why it did not.
fn finish(shared: &Shared, failure: Option<&Error>) {
    refresh(shared, |status| {
        status.syncing = false;
        match failure {
            None => {
                status.synced_at = Some(OffsetDateTime::now_utc());
                status.offline_since = None;
                status.trouble = None;
                status.message = None;
            }
            Some(e) => {
                let trouble = match e {
                    Error::Unreachable { .. } | Error::Unfinished { .. } => Trouble::Offline,
                    Error::Refused { .. } => Trouble::Refused,
                    _ => Trouble::Failed,
                };
                if trouble == Trouble::Offline {
                    status
                        .offline_since
                        .get_or_insert_with(OffsetDateTime::now_utc);
                } else {
                    status.offline_since = None;
                }
                status.trouble = Some(trouble);
                status.message = Some(e.to_string());
                status.changed = 0;
            }
        }
    });
}

/// How long a library that works alone waits between looks (a join wakes it at once): it
/// costs a laptop without a desk nothing on its saves and one open of the library a minute.
const ALONE: Duration = Duration::from_secs(60);

fn sync_loop(shared: &Shared, woken: &mpsc::Receiver<Wake>) {
    refresh(shared, |_| {});
    // The first sync right away: a window opened after a night offline catches up at once.
    let mut due = Instant::now();
    let mut first_unsynced_save: Option<Instant> = None;
    let mut joined = true;
    loop {
        match woken.recv_timeout(due.saturating_duration_since(Instant::now())) {
            Ok(Wake::Saved) if !joined => continue,
            Ok(Wake::Saved) => {
                let first = *first_unsynced_save.get_or_insert_with(Instant::now);
                due = (Instant::now() + SETTLE).min(first + SETTLE_AT_MOST);
                refresh(shared, |_| {});
                continue;
            }
            Ok(Wake::Now) => {}
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        first_unsynced_save = None;
        let started = Instant::now();
        joined = sync_once(shared);
        // A sync with nothing new still reads the desk's index and the library: 1.2-1.9 s on
        // 2,000 stories in a debug build (main's "Sync opens only..."). Waiting at least four
        // times as long as the last sync took keeps the idle syncing under a fifth of a core.
        let idle = EVERY.max(started.elapsed() * 4);
        due = Instant::now() + if joined { idle } else { ALONE };
    }
}

/// One sync, when the library is on a desk (answers whether it is).
fn sync_once(shared: &Shared) -> bool {
    let Some((url, token)) = desk_and_token(&shared.root) else {
        refresh(shared, |_| {});
        return false;
    };
    if lock(&shared.refused).as_deref() == Some(token.as_str()) {
        return true;
    }
    refresh(shared, |s| {
        s.syncing = true;
        s.changed = 0;
    });
    let result = {
        let _one = lock(&shared.syncing);
        probe(&url, &token).and_then(|()| crate::sync(&shared.root, &token))
    };
    if let Err(Error::Refused { .. }) = &result {
        *lock(&shared.refused) = Some(token);
    }
    let changed = result.as_ref().map_or(0, |r| {
        r.merged + r.received + r.photos.merged + r.photos.received
    });
    finish(shared, result.as_ref().err());
    refresh(shared, |s| s.changed = changed);
    true
}

/// The relay's `GET /desk`, to tell "down" from "slow" in one request.
fn probe(url: &str, token: &str) -> Result<()> {
    crate::desk::fetch_index_id(&crate::desk::desk_url(url)?, token).map(|_| ())
}

/// The desk's address and the kept token; `None` while the library works alone.
fn desk_and_token(root: &Path) -> Option<(String, String)> {
    let library = Library::open(root).ok()?;
    let url = library.store().desk().ok()??.url;
    let token = library.store().desk_token().ok()??;
    Some((url, token))
}

fn presence_loop(shared: &Shared, beaten: &mpsc::Receiver<()>) {
    let mut last: Option<(Option<String>, Vec<Present>)> = None;
    loop {
        let story = lock(&shared.story).clone();
        let people = beat(shared, story.clone()).unwrap_or_default();
        let now = (story, people);
        if last.as_ref() != Some(&now) {
            (shared.tell)(Notice::Here {
                story: now.0.clone(),
                people: now.1.clone(),
            });
            last = Some(now);
        }
        let wait = if last.as_ref().is_some_and(|(_, p)| p.is_empty())
            && desk_and_token(&shared.root).is_none()
        {
            ALONE
        } else {
            presence::BEAT
        };
        match beaten.recv_timeout(wait) {
            Ok(()) | Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

fn beat(shared: &Shared, story: Option<String>) -> Option<Vec<Present>> {
    let (url, token) = desk_and_token(&shared.root)?;
    if lock(&shared.refused).as_deref() == Some(token.as_str()) {
        return None;
    }
    let me = Library::open(&shared.root)
        .ok()?
        .store()
        .identity()
        .ok()??;
    let beat = Heartbeat {
        name: me.name,
        device: me.device_id,
        story,
    };
    presence::heartbeat(&url, &token, &beat).ok()
}
