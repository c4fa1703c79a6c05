//! The app's state: the open library behind a mutex (the store holds one SQLite connection),
//! or the reason it could not be opened, which the window shows instead of crashing.
//!
//! A library another process was busy with (a CLI upgrading it, a second window creating it)
//! is opened again on the next command, so the window recovers without a restart; a library
//! that cannot be used (damaged, from a newer Newsdesk, not writable) stays refused with its
//! reason until the app is started again.
//!
//! A library from an older Newsdesk is upgraded on a thread of its own (about 80 s for
//! 100,000 stories, one transaction): the window opens at once and says so, where it used to
//! stay unseen until the upgrade was done. The background work that needs the library (upkeep,
//! wire folders, outbox, desk sync) starts once it is open.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use newsdesk_core::{Error, ErrorReport, Library, Result};

pub struct Desk {
    root: Option<PathBuf>,
    library: Arc<Mutex<Opened>>,
}

/// Work to run once the library is open (or refused).
type WhenOpen = Box<dyn FnOnce() + Send>;

enum Opened {
    Library(Library),
    /// Why the library could not be opened; `retry` when trying again can work.
    Refused {
        report: ErrorReport,
        retry: bool,
    },
    /// Being upgraded by the thread `Desk::open_in_window` started; then what waits for it.
    Upgrading(Vec<WhenOpen>),
}

impl Opened {
    fn new(root: &PathBuf) -> Opened {
        match Library::open(root) {
            Ok(library) => {
                // The checker takes 0.85 s to start: now, on its own thread, not on the
                // editor's first keystroke.
                library.copy_desk().start_in_background();
                Opened::Library(library)
            }
            Err(e) => Opened::refused(&e),
        }
    }

    fn refused(e: &Error) -> Opened {
        Opened::Refused {
            report: e.report(),
            retry: e.is_busy(),
        }
    }
}

/// What every command returns: errors cross IPC as `{kind, message}`.
pub type Reply<T> = std::result::Result<T, ErrorReport>;

impl Desk {
    pub fn open(explicit: Option<PathBuf>) -> Desk {
        match Library::resolve_root(explicit) {
            Ok(root) => {
                let library = Arc::new(Mutex::new(Opened::new(&root)));
                Desk {
                    root: Some(root),
                    library,
                }
            }
            Err(e) => Desk {
                root: None,
                library: Arc::new(Mutex::new(Opened::refused(&e))),
            },
        }
    }

    /// As [`Desk::open`], but a library that needs an upgrade is opened on a thread of its
    /// own, so the window can show while it runs.
    pub fn open_in_window(explicit: Option<PathBuf>) -> Desk {
        let root = match Library::resolve_root(explicit) {
            Ok(root) if Library::upgrade_pending(&root) => root,
            other => return Desk::open(other.ok()),
        };
        let library = Arc::new(Mutex::new(Opened::Upgrading(Vec::new())));
        let (opening, at) = (Arc::clone(&library), root.clone());
        let upgrade = move || {
            let opened = Opened::new(&at);
            let mut state = opening.lock().unwrap_or_else(PoisonError::into_inner);
            let waiting = match std::mem::replace(&mut *state, opened) {
                Opened::Upgrading(waiting) => waiting,
                _ => Vec::new(),
            };
            drop(state);
            waiting.into_iter().for_each(|work| work());
        };
        if let Err(e) = std::thread::Builder::new()
            .name("library-upgrade".into())
            .spawn(upgrade)
        {
            let e = Error::Io {
                context: "starting the upgrade of the library".into(),
                source: e,
            };
            *library.lock().unwrap_or_else(PoisonError::into_inner) = Opened::refused(&e);
        }
        Desk {
            root: Some(root),
            library,
        }
    }

    pub fn root(&self) -> Option<&PathBuf> {
        self.root.as_ref()
    }

    /// Runs `work` once the library is open or refused: now, or when its upgrade is done.
    pub fn when_open(&self, work: impl FnOnce() + Send + 'static) {
        let mut opened = self.library.lock().unwrap_or_else(PoisonError::into_inner);
        if let Opened::Upgrading(waiting) = &mut *opened {
            waiting.push(Box::new(work));
            return;
        }
        drop(opened);
        work();
    }

    /// Runs `work` with the library to itself. A panic in an earlier command does not lock
    /// the editor out: SQLite transactions roll back on their own, so the state is sound.
    pub fn with<T>(&self, work: impl FnOnce(&mut Library) -> Result<T>) -> Reply<T> {
        let mut opened = self.library.lock().unwrap_or_else(PoisonError::into_inner);
        if let (Opened::Refused { retry: true, .. }, Some(root)) = (&*opened, &self.root) {
            *opened = Opened::new(root);
        }
        match &mut *opened {
            Opened::Library(library) => work(library).map_err(|e| e.report()),
            Opened::Refused { report, .. } => Err(report.clone()),
            Opened::Upgrading(_) => Err(ErrorReport::Upgrading {
                message: format!(
                    "Newsdesk is upgrading the library {} to this version: once, about a \
                     minute for 100,000 stories. Nothing in it is changed but its layout; the \
                     desk opens when it is done.",
                    self.root.as_deref().unwrap_or(Path::new("")).display()
                ),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Defect 4: a library another process holds while the window starts is opened on the
    /// next command, not refused until a restart; a newer library stays refused.
    #[test]
    fn defect_4_the_window_opens_a_library_that_was_busy_at_start_on_the_next_command() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("library");
        std::fs::create_dir_all(&root).unwrap();
        // Another process creating the library holds it exclusively for longer than opening
        // waits (a brand-new file cannot even be switched to WAL meanwhile).
        let holder =
            rusqlite::Connection::open(root.join(newsdesk_core::library::DB_FILE)).unwrap();
        holder
            .execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; CREATE TABLE t (x);")
            .unwrap();
        let desk = Desk::open(Some(root.clone()));
        match &*desk.library.lock().unwrap() {
            Opened::Refused { report, retry } => {
                assert!(*retry && report.kind() == "database", "{report:?}")
            }
            Opened::Library(_) | Opened::Upgrading(_) => {
                panic!("the library was held: opening it cannot have worked")
            }
        }
        drop(holder);
        let version = desk
            .with(|library| library.store().schema_version())
            .unwrap();
        assert!(version >= 5, "{version}");
    }

    /// A library from an older Newsdesk is upgraded on a thread while the window shows: the
    /// commands meanwhile say so (`upgrading`), the background work waits for it, and then
    /// everything runs on the upgraded library.
    #[test]
    fn a_library_is_upgraded_while_the_window_shows_and_commands_say_so() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("library");
        std::fs::create_dir_all(&root).unwrap();
        // Schema 0 (an empty database) stands for any older one; another process holding the
        // write lock keeps the upgrade waiting for as long as this test looks at it.
        let db = root.join(newsdesk_core::library::DB_FILE);
        let holder = rusqlite::Connection::open(&db).unwrap();
        holder.execute_batch("BEGIN IMMEDIATE").unwrap();
        assert!(Library::upgrade_pending(&root));

        let desk = Desk::open_in_window(Some(root.clone()));
        let refused = desk.with(|_| Ok(())).unwrap_err();
        assert_eq!(refused.kind(), "upgrading", "{refused:?}");
        assert!(
            refused.message().contains("upgrading the library"),
            "{refused:?}"
        );
        let (started, waited) = std::sync::mpsc::channel();
        desk.when_open(move || started.send(()).unwrap());
        assert!(
            waited.try_recv().is_err(),
            "background work started before the upgrade"
        );

        drop(holder);
        waited
            .recv_timeout(std::time::Duration::from_secs(30))
            .expect("the background work starts once the library is open");
        let version = desk.with(|l| l.store().schema_version()).unwrap();
        assert!(
            !Library::upgrade_pending(&root),
            "still at schema {version}"
        );
    }

    #[test]
    fn a_library_that_cannot_be_used_stays_refused_without_trying_again() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("notes.txt");
        std::fs::write(&file, "not a library").unwrap();
        let desk = Desk::open(Some(file));
        assert!(matches!(
            &*desk.library.lock().unwrap(),
            Opened::Refused { retry: false, .. }
        ));
        assert_eq!(desk.with(|_| Ok(())).unwrap_err().kind(), "library");
    }
}
