//! The team desk through the real binary: a laptop whose `newsdesk desk sync` is `kill -9`ed
//! in the middle reopens and converges, and loses nothing it acknowledged.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use newsdesk_core::store::{RevisionKind, SaveKind};
use newsdesk_core::{Article, ArticleFields, Author, Library, Status};
use newsdesk_sync::relay::{RelayConfig, serve};

use crate::ledger::{Ledger, check_desk};

const TOKEN: &str = "a-desk-token-for-the-cli-tests-only";

/// The relay in this process (the relay binary belongs to the sync crate, out of reach of
/// `CARGO_BIN_EXE_`): `newsdesk_sync::relay::serve`, the code the binary runs.
struct Relay {
    _folder: tempfile::TempDir,
    url: String,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Relay {
    fn start() -> Relay {
        let folder = tempfile::tempdir().unwrap();
        let config = RelayConfig {
            folder: folder.path().to_owned(),
            token: TOKEN.into(),
            listen: "127.0.0.1:0".parse().unwrap(),
            give_back_memory: || {},
        };
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = stop.clone();
        let (ready, bound) = std::sync::mpsc::channel();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .enable_all()
                .build()
                .unwrap();
            runtime
                .block_on(serve(
                    config,
                    move |address, _| ready.send(address).unwrap(),
                    async move {
                        while !stopping.load(Ordering::SeqCst) {
                            tokio::time::sleep(Duration::from_millis(50)).await;
                        }
                    },
                ))
                .unwrap();
        });
        let address = bound.recv().unwrap();
        Relay {
            _folder: folder,
            url: format!("ws://{address}"),
            stop,
            thread: Some(thread),
        }
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A laptop: a library in a temp folder, saves made in this process like the window makes
/// them, syncs run by the real `newsdesk` binary.
struct Laptop {
    _dir: tempfile::TempDir,
    name: String,
    root: PathBuf,
    library: Library,
    ledger: Ledger,
}

fn desk_command(root: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_newsdesk"));
    command
        .arg("--library")
        .arg(root)
        .arg("desk")
        .args(args)
        .env_remove("NEWSDESK_LIBRARY")
        .env("NEWSDESK_DESK_TOKEN", TOKEN)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

fn run_ok(mut command: Command) {
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

impl Laptop {
    fn new(name: &str) -> Laptop {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("library");
        run_ok(desk_command(&root, &["whoami", "--name", name]));
        Laptop {
            _dir: dir,
            name: name.to_owned(),
            library: Library::open(&root).unwrap(),
            root,
            ledger: Ledger::default(),
        }
    }

    fn join(&mut self, relay: &Relay) {
        run_ok(desk_command(&self.root, &["join", &relay.url]));
    }

    fn sync(&mut self) {
        run_ok(desk_command(&self.root, &["sync"]));
    }

    fn write(&mut self, headline: &str, body: &str) -> Article {
        let fields = ArticleFields {
            headline: headline.into(),
            authors: vec![Author {
                name: self.name.clone(),
                role: "Reporter".into(),
            }],
            body: body.into(),
            ..Default::default()
        };
        let article = self
            .library
            .store_mut()
            .create_article(None, &fields, Status::Draft, RevisionKind::Create)
            .unwrap();
        self.ledger.saved(None, &article);
        article
    }

    fn edit(&mut self, id: &str, change: impl FnOnce(&mut ArticleFields)) -> Article {
        let article = self.library.store().article(id).unwrap();
        let mut fields = article.fields.clone();
        change(&mut fields);
        let saved = self
            .library
            .store_mut()
            .save_article(id, article.version, &fields, SaveKind::Save)
            .unwrap();
        self.ledger.saved(Some(&article), &saved);
        saved
    }
}

/// When the sync is killed.
#[derive(Clone, Copy)]
enum Moment {
    /// This many milliseconds after it started.
    After(u64),
    /// As soon as the laptop's copy of a document holds a save the sync applied to it.
    SavesInItsCopy,
    /// As soon as the library records the first of its new stories as on the desk.
    FirstNewStoryRecorded,
}

#[test]
fn a_laptop_killed_during_a_sync_reopens_and_converges_losing_nothing() {
    let relay = Relay::start();
    let mut ana = Laptop::new("Ana Ruiz");
    let shared: Vec<String> = (0..30)
        .map(|n| {
            ana.write(
                &format!("Desk story {n}"),
                &format!("Top of desk story {n}.\n\nTail of desk story {n}."),
            )
            .id
        })
        .collect();
    ana.join(&relay);
    let mut bea = Laptop::new("Bea Osei");
    bea.join(&relay);

    // Bea edits the tops of the shared stories and syncs; Ana, offline, edits their tails.
    for (n, id) in shared.iter().enumerate() {
        bea.edit(id, |f| {
            f.body = f.body.replacen("Top", &format!("bea{n} Top"), 1)
        });
    }
    bea.sync();
    // Stories only Ana ever changes: after everything, each must read exactly as she left it.
    let mut hers: Vec<String> = Vec::new();
    let mut last_saved: HashMap<String, String> = HashMap::new();
    let mut kills = 0;
    let moments = [
        Moment::FirstNewStoryRecorded,
        Moment::After(50),
        Moment::After(200),
        Moment::After(800),
        Moment::SavesInItsCopy,
    ];
    for (round, moment) in moments.into_iter().enumerate() {
        for (n, id) in shared.iter().enumerate() {
            ana.edit(id, |f| f.body.push_str(&format!(" ana{round}x{n}")));
        }
        // Many changes for the sync to be busy with when it dies.
        for n in 0..100 {
            let story = ana.write(
                &format!("Ana's story {round}.{n}"),
                &format!("Written offline, round {round}, story {n}."),
            );
            last_saved.insert(story.id.clone(), story.fields.body);
            hers.push(story.id);
        }
        for (n, id) in hers.iter().enumerate().step_by(7) {
            let saved = ana.edit(id, |f| f.body.push_str(&format!(" carried{round}x{n}")));
            last_saved.insert(id.clone(), saved.fields.body);
        }
        // The documents of her stories already on the desk: only her syncs change them.
        let watched: Vec<String> = ana
            .library
            .store()
            .desk_documents()
            .unwrap()
            .into_iter()
            .filter(|row| hers.contains(&row.article_id))
            .map(|row| format!("{}/", row.doc_id))
            .collect();
        let copy = |library: &Library| -> Vec<Vec<String>> {
            watched
                .iter()
                .map(|doc| {
                    let chunks = library.store().desk_chunks_under(doc).unwrap();
                    chunks.into_iter().map(|(key, _)| key).collect()
                })
                .collect()
        };
        let before = copy(&ana.library);
        let rows_before = ana.library.store().desk_documents().unwrap().len();
        let mut sync = desk_command(&ana.root, &["sync"]).spawn().unwrap();
        let started = Instant::now();
        loop {
            let due = match moment {
                Moment::After(ms) => started.elapsed() >= Duration::from_millis(ms),
                // Her saves are in the laptop's copy of the documents, and the sync has not
                // yet recorded that the library and the documents agree.
                Moment::SavesInItsCopy => copy(&ana.library) != before,
                Moment::FirstNewStoryRecorded => {
                    ana.library.store().desk_documents().unwrap().len() > rows_before
                }
            };
            if due || started.elapsed() > Duration::from_secs(60) {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        let running = sync.try_wait().unwrap().is_none();
        eprintln!(
            "round {round}: killed after {} ms, {} ({} documents watched)",
            started.elapsed().as_millis(),
            if running {
                "during the sync"
            } else {
                "after it ended"
            },
            watched.len()
        );
        if running {
            kills += 1;
        }
        // SIGKILL: no destructor, no last write.
        sync.kill().unwrap();
        let ended = sync.wait_with_output().unwrap();
        if !running {
            eprintln!("{}", String::from_utf8_lossy(&ended.stderr));
        }

        // The laptop reopens: the library is whole, every acknowledged save is there.
        drop(std::mem::replace(
            &mut ana.library,
            Library::open(&ana.root).unwrap(),
        ));
        assert_eq!(ana.library.store().integrity_check().unwrap(), "ok");
    }
    // The kills landed during syncs, not after them (a finished sync proves nothing here).
    assert_eq!(kills, moments.len(), "a sync ended before it was killed");

    // Then a normal sync, and the others.
    let started = Instant::now();
    ana.sync();
    eprintln!(
        "the sync after {} kills: {:.2} s",
        moments.len(),
        started.elapsed().as_secs_f64()
    );
    let mut cal = Laptop::new("Cal Weir");
    cal.join(&relay);
    for _ in 0..2 {
        for laptop in [&mut ana, &mut bea, &mut cal] {
            laptop.sync();
        }
    }
    // The ledger's words check would pass a word typed twice; these stories only Ana touched
    // must read exactly as her last save left them.
    for laptop in [&ana, &bea, &cal] {
        for (id, body) in &last_saved {
            assert_eq!(
                &laptop.library.store().article(id).unwrap().fields.body,
                body,
                "{} holds story {id} otherwise",
                laptop.name
            );
        }
    }
    check_desk(
        &[
            (&ana.name, ana.root.as_path(), &ana.ledger),
            (&bea.name, bea.root.as_path(), &bea.ledger),
            (&cal.name, cal.root.as_path(), &cal.ledger),
        ],
        &[],
    );
    assert_eq!(
        ana.library
            .store()
            .list_articles(&Default::default())
            .unwrap()
            .len(),
        30 + moments.len() * 100
    );
    assert!(ana.ledger.count() > moments.len() * 100);
}

/// `desk conflicts` numbers the values; `desk resolve --pick N` takes the Nth, refusing a
/// number that is not listed.
#[test]
fn a_headline_conflict_is_resolved_by_picking_a_listed_value() {
    let relay = Relay::start();
    let mut ana = Laptop::new("Ana Ruiz");
    let id = ana.write("Harbour plan", "The council voted.").id;
    ana.join(&relay);
    let mut bea = Laptop::new("Bea Osei");
    bea.join(&relay);
    ana.edit(&id, |f| f.headline = "Harbour plan approved".into());
    bea.edit(&id, |f| f.headline = "Council backs harbour".into());
    ana.sync();
    bea.sync();
    ana.sync();

    let out = desk_command(&ana.root, &["conflicts", &id])
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&out.stdout);
    let second = listed
        .lines()
        .find(|line| line.trim_start().starts_with("2. "))
        .unwrap_or_else(|| panic!("no second value in {listed}"));
    let picked = if second.contains("Council backs harbour") {
        "Council backs harbour"
    } else {
        "Harbour plan approved"
    };
    let version = ana
        .library
        .store()
        .article(&id)
        .unwrap()
        .version
        .to_string();
    let out = desk_command(
        &ana.root,
        &[
            "resolve",
            &id,
            "headline",
            "--pick",
            "3",
            "--base-version",
            &version,
        ],
    )
    .output()
    .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("has values 1 to 2"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    run_ok(desk_command(
        &ana.root,
        &[
            "resolve",
            &id,
            "headline",
            "--pick",
            "2",
            "--base-version",
            &version,
        ],
    ));
    assert_eq!(
        ana.library.store().article(&id).unwrap().fields.headline,
        picked
    );
    assert!(ana.library.store().open_conflicts(&id).unwrap().is_empty());
    ana.sync();
    bea.sync();
    assert_eq!(
        bea.library.store().article(&id).unwrap().fields.headline,
        picked
    );
    assert!(bea.library.store().open_conflicts(&id).unwrap().is_empty());
}
