//! A relay process and laptops (libraries in temp folders), as every desk test uses them.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use newsdesk_core::store::{RevisionKind, Store};
use newsdesk_core::{Article, ArticleFields, Author, Library, Status};

use crate::ledger::{Ledger, check_desk};

pub const TOKEN: &str = "a-desk-token-for-the-tests-only";

/// `newsdesk-relay` on a loopback port, over a folder that outlives restarts.
pub struct Relay {
    pub folder: tempfile::TempDir,
    pub port: u16,
    child: Option<Child>,
}

impl Relay {
    pub fn start() -> Relay {
        let folder = tempfile::tempdir().unwrap();
        let (child, port) = spawn(folder.path(), 0);
        Relay {
            folder,
            port,
            child: Some(child),
        }
    }

    pub fn url(&self) -> String {
        format!("ws://127.0.0.1:{}", self.port)
    }

    /// The samod repos the relay holds in memory now, and the documents they loaded (the
    /// `resident` of `GET /desk`).
    pub fn resident(&self) -> (u64, u64) {
        let text = ureq::get(&format!("http://127.0.0.1:{}/desk", self.port))
            .header("Authorization", &format!("Bearer {TOKEN}"))
            .call()
            .unwrap()
            .body_mut()
            .read_to_string()
            .unwrap();
        let desk: serde_json::Value = serde_json::from_str(&text).unwrap();
        let count = |what: &str| {
            desk["resident"][what]
                .as_u64()
                .unwrap_or_else(|| panic!("GET /desk says no resident {what}: {text}"))
        };
        (count("repos"), count("documents"))
    }

    /// `resident` once the relay has let go of the laptops that hung up: a laptop's sync
    /// returns before the relay has seen it hang up, so this waits (for at most a minute) until
    /// no repo is left, and returns what is still there after that.
    pub fn settled(&self) -> (u64, u64) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            let resident = self.resident();
            if resident.0 == 0 || std::time::Instant::now() > deadline {
                return resident;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    /// SIGKILL: no chance to finish a write.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().unwrap();
            child.wait().unwrap();
        }
    }

    /// On the same port and folder, as after a crash and a restart by systemd.
    pub fn restart(&mut self) {
        self.kill();
        let (child, port) = spawn(self.folder.path(), self.port);
        assert_eq!(port, self.port);
        self.child = Some(child);
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.kill();
    }
}

fn spawn(folder: &Path, port: u16) -> (Child, u16) {
    // A port just freed by a killed relay can take a moment to bind again.
    for _ in 0..50 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_newsdesk-relay"))
            .arg("--folder")
            .arg(folder)
            .arg("--listen")
            .arg(format!("127.0.0.1:{port}"))
            .env("NEWSDESK_DESK_TOKEN", TOKEN)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        if let Some(address) = line
            .strip_prefix("newsdesk-relay listening on ws://")
            .and_then(|rest| rest.split_whitespace().next())
        {
            let port = address.rsplit(':').next().unwrap().parse().unwrap();
            return (child, port);
        }
        let _ = child.wait();
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("the relay did not start");
}

/// A laptop: a library in its own temp folder, with a person's name.
pub struct Laptop {
    _dir: tempfile::TempDir,
    pub name: String,
    pub root: PathBuf,
    pub library: Library,
    /// Every save made through `write`, `edit`, `set_status` and `resolve` that returned Ok.
    pub ledger: Ledger,
}

impl Laptop {
    pub fn new(name: &str) -> Laptop {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("library");
        let mut library = Library::open(&root).unwrap();
        library.store_mut().set_identity(name).unwrap();
        Laptop {
            _dir: dir,
            name: name.to_owned(),
            root,
            library,
            ledger: Ledger::default(),
        }
    }

    pub fn store(&mut self) -> &mut Store {
        self.library.store_mut()
    }

    pub fn join(&mut self, relay: &Relay) -> newsdesk_sync::SyncReport {
        newsdesk_sync::join(&self.root, &relay.url(), TOKEN).unwrap()
    }

    pub fn sync(&mut self) -> newsdesk_sync::SyncReport {
        newsdesk_sync::sync(&self.root, TOKEN).unwrap()
    }

    /// A story that could go out: headline, byline, body.
    pub fn write(&mut self, headline: &str, body: &str) -> Article {
        let fields = ArticleFields {
            headline: headline.into(),
            authors: vec![Author {
                name: "Ana Ruiz".into(),
                role: "Reporter".into(),
            }],
            body: body.into(),
            ..Default::default()
        };
        let article = self
            .store()
            .create_article(None, &fields, Status::Draft, RevisionKind::Create)
            .unwrap();
        self.ledger.saved(None, &article);
        article
    }

    /// Saves a change to one story on its current version, like an editor would.
    pub fn edit(&mut self, id: &str, change: impl FnOnce(&mut ArticleFields)) -> Article {
        let article = self.store().article(id).unwrap();
        let mut fields = article.fields.clone();
        change(&mut fields);
        let saved = self
            .store()
            .save_article(
                id,
                article.version,
                &fields,
                newsdesk_core::store::SaveKind::Save,
            )
            .unwrap();
        self.ledger.saved(Some(&article), &saved);
        saved
    }

    /// Sets a story's status on its current version (`spiked` is the newsroom's delete).
    pub fn set_status(&mut self, id: &str, status: Status) -> Article {
        let article = self.article(id);
        let saved = self
            .store()
            .set_status(id, article.version, status)
            .unwrap();
        self.ledger.saved(Some(&article), &saved);
        saved
    }

    /// The editor's answer to a field conflict, on the story's current version.
    pub fn resolve(&mut self, id: &str, field: &str, value: serde_json::Value) -> Article {
        let article = self.article(id);
        let saved = self
            .store()
            .resolve_conflict(id, article.version, field, &value)
            .unwrap();
        self.ledger.decided(id, field);
        self.ledger.saved(Some(&article), &saved);
        saved
    }

    pub fn article(&mut self, id: &str) -> Article {
        self.store().article(id).unwrap()
    }
}

/// Syncs every laptop in turn until a whole round brings nothing new, then checks that they
/// hold the same stories with the same fields, status and open conflicts.
pub fn converge(laptops: &mut [&mut Laptop]) {
    for _ in 0..4 {
        let mut moved = 0;
        for laptop in laptops.iter_mut() {
            let report = laptop.sync();
            moved += report.merged
                + report.received
                + report.sent
                + report.added
                + report.waiting
                + report.photos.moved();
        }
        if moved == 0 {
            break;
        }
    }
    let first = snapshot(laptops[0]);
    for laptop in laptops.iter_mut().skip(1) {
        assert_eq!(snapshot(laptop), first, "the laptops disagree");
    }
}

/// Converges, then the check every desk test ends with: every laptop holds the same stories
/// (fields, body, status, conflicts and their values), the open conflicts are exactly
/// `expected` (article id, field), and no acknowledged save is lost (`ledger.rs`).
pub fn settle(laptops: &mut [&mut Laptop], expected: &[(&str, &str)]) {
    converge(laptops);
    let all: Vec<(&str, &Path, &Ledger)> = laptops
        .iter()
        .map(|l| (l.name.as_str(), l.root.as_path(), &l.ledger))
        .collect();
    check_desk(&all, expected);
}

type Snapshot = Vec<(String, Status, ArticleFields, Vec<String>)>;

fn snapshot(laptop: &mut Laptop) -> Snapshot {
    let ids: Vec<String> = laptop
        .store()
        .list_articles(&Default::default())
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    let mut all: Snapshot = ids
        .into_iter()
        .map(|id| {
            let article = laptop.article(&id);
            let conflicts = laptop
                .store()
                .open_conflicts(&id)
                .unwrap()
                .into_iter()
                .map(|c| c.field)
                .collect();
            (id, article.status, article.fields, conflicts)
        })
        .collect();
    all.sort_by(|a, b| a.0.cmp(&b.0));
    all
}
