//! Team desk benchmarks (issue 13), with a real `newsdesk-relay` process on loopback:
//!
//! - `catch-up`: a new laptop joins a desk of 10,000 stories: wall time, bytes over the wire
//!   (counted by a proxy between the laptop and the relay), peak memory of the laptop process;
//!   then a second new laptop does the same, and the relay's memory after each (it must not
//!   grow with each catch-up: the relay frees a laptop's repos when it hangs up);
//! - `visible`: a save on laptop A until laptop B's library has the words (A saves and syncs,
//!   then B syncs), p50 and p95;
//! - `relay`: the relay's memory and CPU with every document of the desk loaded and 50 laptops
//!   connected, each fetching the index and 20 stories and sending an edit;
//! - `merge`: 1,000 concurrent edits merged into a 10,000-word body (pure Automerge, through
//!   `newsdesk_sync::document`);
//! - `storage`: what 1,000 saves of one story add to its Automerge document (compacted and as
//!   incremental chunks) against what they add to the library's revisions table.
//!
//! Run all of them, or some by name:
//!
//!     cargo bench -p newsdesk-sync --bench desk
//!     NEWSDESK_BENCH_STORIES=1000 cargo bench -p newsdesk-sync --bench desk -- catch-up visible
//!
//! A plain bench binary: most of these are one long measurement of several processes, not a
//! function criterion can repeat. The desk (a laptop's library that joined a relay with N
//! stories, and the relay's folder) is built once and cached under
//! `target/bench-desks/`; each run works on a copy, so every run starts from the same desk.
//! `NEWSDESK_BENCH_STORIES` picks the desk's size, `NEWSDESK_BENCH_ROUNDS` the number of
//! save-to-visible rounds, `NEWSDESK_BENCH_LAPTOPS` the connected laptops.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

// The articles bench's search queries and names are not used here.
#[allow(dead_code)]
#[path = "../../newsdesk-core/benches/shared/text.rs"]
mod text;

use automerge::transaction::Transactable;
use automerge::{Automerge, ChangeHash, ObjType, ReadDoc, Value};
use newsdesk_core::store::{RevisionKind, SaveKind};
use newsdesk_core::{Article, ArticleFields, Library, Status};
use newsdesk_sync::dialer::DeskDialer;
use newsdesk_sync::document::{self, Session, Writer};
use samod::{BackoffConfig, DocumentId, Repo};
use text::Text;

const TOKEN: &str = "a-desk-token-for-the-bench-only";
const DEFAULT_STORIES: usize = 10_000;
const DEFAULT_ROUNDS: usize = 40;
const DEFAULT_LAPTOPS: usize = 50;
/// Stories each connected laptop of the `relay` bench fetches.
const STORIES_PER_LAPTOP: usize = 20;
/// How long a connected laptop may take to sync before the `relay` bench reports it late.
const LAPTOP_PATIENCE: Duration = Duration::from_secs(600);
const BATCH: usize = 1_000;
const MERGE_WORDS: usize = 10_000;
const MERGE_EDITS: usize = 1_000;
const STORAGE_SAVES: usize = 1_000;
const STORAGE_WORDS: usize = 800;
/// Bump when the desk's generator or the desk's format changes (2: the index carries each
/// story's heads), so a stale cached desk is rebuilt.
const GENERATOR_VERSION: u32 = 2;
/// Set in the child process that plays the new laptop: the library to join the desk with.
const JOIN_ROOT_ENV: &str = "NEWSDESK_BENCH_DESK_JOIN_ROOT";
const JOIN_URL_ENV: &str = "NEWSDESK_BENCH_DESK_JOIN_URL";

fn main() {
    if let Some(root) = std::env::var_os(JOIN_ROOT_ENV) {
        catch_up_child(Path::new(&root));
        return;
    }
    // `cargo bench` passes `--bench`; anything else (`cargo test --benches`) gets a quick run.
    let benching = std::env::args().any(|a| a == "--bench");
    let number = |name: &str, full: usize, quick: usize| {
        std::env::var(name)
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(if benching { full } else { quick })
    };
    let stories = number("NEWSDESK_BENCH_STORIES", DEFAULT_STORIES, 50);
    let rounds = number("NEWSDESK_BENCH_ROUNDS", DEFAULT_ROUNDS, 3);
    let laptops = number("NEWSDESK_BENCH_LAPTOPS", DEFAULT_LAPTOPS, 3);
    // `cargo bench --bench desk -- merge storage` runs only the benches named.
    let chosen: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let wanted = |name: &str| chosen.is_empty() || chosen.iter().any(|c| c == name);
    if wanted("merge") {
        bench_merge(&mut Text::new(13));
    }
    if wanted("storage") {
        bench_storage(&mut Text::new(14));
    }
    if wanted("catch-up") || wanted("visible") || wanted("relay") {
        let cached = cached_desk(stories);
        let mut run = DeskRun::start(&cached);
        println!(
            "desk: {stories} stories, a copy of {} (relay pid {})",
            cached.display(),
            run.relay.pid()
        );
        let fresh = run.relay.stats();
        run.relay_rows
            .push(("started, nothing asked yet".into(), fresh));
        // The other two need laptop B, which is the laptop that caught up.
        let b = run.b.clone();
        bench_catch_up(&mut run, stories, &b, "the new laptop");
        let c = run.dir.path().join("second-new-laptop");
        bench_catch_up(&mut run, stories, &c, "a second new laptop");
        if wanted("visible") {
            bench_visible(&mut run, rounds, &mut Text::new(15));
        }
        if wanted("relay") {
            bench_relay(&mut run, laptops);
        }
        print_relay_rows(&run);
    }
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"))
}

// ---------------------------------------------------------------------------------------------
// The desk: built once, copied for each run.

/// A desk of `count` stories: `laptop/`, the library that brought them all to the desk when it
/// joined, and `relay/`, the relay's folder afterwards. Built through the real path (stories
/// saved in a library, `newsdesk_sync::join` to a relay process), so the relay holds what a
/// newsroom's relay would.
fn cached_desk(count: usize) -> PathBuf {
    let root = target_dir().join(format!("bench-desks/desk-{count}-v{GENERATOR_VERSION}"));
    let complete = root.join("complete");
    if complete.exists() {
        return root;
    }
    // A build that was interrupted leaves no marker: start again from nothing.
    let _ = std::fs::remove_dir_all(&root);
    let laptop = root.join("laptop");
    let mut library = Library::open(&laptop).expect("the bench laptop's library is created");
    library
        .store_mut()
        .set_identity("Ana Ruiz")
        .expect("the bench laptop gets a name");
    let mut text = Text::new(0x5eed_2026);
    let started = Instant::now();
    let mut made = 0;
    while made < count {
        let batch: Vec<(ArticleFields, Status)> = (made..count.min(made + BATCH))
            .map(|_| (text.article(), text.status()))
            .collect();
        made += batch.len();
        library
            .store_mut()
            .create_articles(&batch, RevisionKind::Import)
            .expect("batch is created");
    }
    drop(library);
    eprintln!(
        "  wrote {count} stories in {:.1} s; joining a relay with them",
        started.elapsed().as_secs_f64()
    );
    let mut relay = RelayProcess::start(&root.join("relay"));
    let started = Instant::now();
    let report = newsdesk_sync::join(&laptop, &relay.url(), TOKEN).expect("the bench laptop joins");
    assert_eq!(report.added, count, "every story went to the desk");
    println!(
        "built the desk: a library of {count} stories joined the relay in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    relay.stop();
    std::fs::write(&complete, "").expect("marker is written");
    root
}

/// One run's copy of the desk: the relay on its folder, laptop A (the desk's builder), laptop B
/// once it has caught up, and the proxy every laptop reaches the relay through.
struct DeskRun {
    relay: RelayProcess,
    proxy: Proxy,
    a: PathBuf,
    b: PathBuf,
    relay_rows: Vec<(String, ProcessStats)>,
    /// Last: removed once the relay has stopped.
    dir: tempfile::TempDir,
}

impl DeskRun {
    fn start(cached: &Path) -> DeskRun {
        let runs = target_dir().join("bench-desks/runs");
        std::fs::create_dir_all(&runs).expect("the runs folder is made");
        let dir = tempfile::tempdir_in(&runs).expect("a run folder is made");
        for part in ["relay", "laptop"] {
            let status = Command::new("cp")
                .arg("-a")
                .arg(cached.join(part))
                .arg(dir.path())
                .status()
                .expect("cp runs");
            assert!(status.success(), "copying the cached desk's {part}");
        }
        let relay = RelayProcess::start(&dir.path().join("relay"));
        let proxy = Proxy::start(relay.port);
        let a = dir.path().join("laptop");
        // The cached laptop recorded the address of the relay that built the desk; the store
        // (rightly) refuses to move a library to another desk, so the bench points its copy at
        // this run's relay by hand.
        rusqlite::Connection::open(a.join(newsdesk_core::library::DB_FILE))
            .and_then(|db| db.execute("UPDATE desk SET url = ?1", [proxy.url()]))
            .expect("laptop A is pointed at this run's relay");
        let b = dir.path().join("new-laptop");
        DeskRun {
            relay,
            proxy,
            a,
            b,
            relay_rows: Vec::new(),
            dir,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// catch-up

/// The new laptop: this binary again, doing what `newsdesk desk join` does (the command only
/// calls `newsdesk_sync::join` and prints its report), in a process of its own so that its
/// peak memory is its own. The `newsdesk` binary itself belongs to the CLI crate, which this
/// crate's bench cannot build.
fn catch_up_child(root: &Path) {
    let url = std::env::var(JOIN_URL_ENV).expect("the parent names the desk");
    let mut library = Library::open(root).expect("the new laptop's library is created");
    if library
        .store()
        .identity()
        .expect("the identity is read")
        .is_none()
    {
        library
            .store_mut()
            .set_identity("Ben Ode")
            .expect("the new laptop gets a name");
    }
    drop(library);
    let report = newsdesk_sync::join(root, &url, TOKEN).expect("the new laptop joins the desk");
    let own = ProcessStats::of("self");
    println!("received {}", report.received);
    println!("stories {}", report.stories);
    println!("vmhwm_kib {}", own.hwm_kib);
    println!("cpu_ms {}", own.cpu.as_millis());
}

/// `laptop` (a folder not made yet) joins the desk in a child process; `who` names it in the
/// figures.
fn bench_catch_up(run: &mut DeskRun, stories: usize, laptop: &Path, who: &str) {
    let relay_before = run.relay.stats();
    let (up, down) = run.proxy.bytes();
    let started = Instant::now();
    let child = Command::new(std::env::current_exe().expect("the bench knows its own path"))
        .env(JOIN_ROOT_ENV, laptop)
        .env(JOIN_URL_ENV, run.proxy.url())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the new laptop starts");
    let output = child.wait_with_output().expect("the new laptop finishes");
    let wall = started.elapsed();
    assert!(output.status.success(), "the new laptop failed to catch up");
    let relay_after = run.relay.stats();
    let resident = run.relay.settle();
    let relay_settled = run.relay.stats();
    let (up_after, down_after) = run.proxy.bytes();
    let said = String::from_utf8_lossy(&output.stdout);
    let figure = |name: &str| -> u64 {
        said.lines()
            .find_map(|line| line.strip_prefix(name)?.trim().parse().ok())
            .unwrap_or_else(|| panic!("the new laptop did not report {name}: {said}"))
    };
    assert_eq!(
        figure("received") as usize,
        stories,
        "the new laptop received every story"
    );
    let listed = Library::open(laptop)
        .expect("the new laptop's library opens")
        .store()
        .list_articles(&Default::default())
        .expect("its stories are listed")
        .len();
    assert_eq!(
        listed, stories,
        "the new laptop's library lists every story"
    );
    run.relay_rows
        .push((format!("after {who} caught up"), relay_after));
    run.relay_rows
        .push(("  and once the relay freed its repos".into(), relay_settled));

    println!();
    println!(
        "catch-up: {who} joins a desk of {stories} stories (`newsdesk desk join` in a child \
         process, through a byte-counting proxy on loopback)"
    );
    row("wall time", format!("{:.1} s", wall.as_secs_f64()));
    row(
        "bytes from the relay",
        format!(
            "{} ({} per story); to the relay {}",
            mb(down_after - down),
            kb((down_after - down) / stories as u64),
            mb(up_after - up)
        ),
    );
    row(
        "laptop peak memory",
        format!(
            "{} (VmHWM); CPU {:.1} s",
            mb(figure("vmhwm_kib") * 1024),
            figure("cpu_ms") as f64 / 1e3
        ),
    );
    row(
        "laptop's library after",
        format!(
            "{}; the relay's folder {}",
            mb(folder_bytes(laptop)),
            mb(folder_bytes(&run.dir.path().join("relay")))
        ),
    );
    row(
        "relay during it",
        format!(
            "CPU {:.1} s; VmRSS {} -> {}",
            (relay_after.cpu - relay_before.cpu).as_secs_f64(),
            mb(relay_before.rss_kib * 1024),
            mb(relay_after.rss_kib * 1024)
        ),
    );
    row(
        "relay once it freed them",
        match resident {
            Some((repos, documents)) => format!(
                "VmRSS {}; {repos} repos and {documents} documents still loaded (GET /desk)",
                mb(relay_settled.rss_kib * 1024)
            ),
            None => format!(
                "VmRSS {} 5 s later (this relay does not report what it holds)",
                mb(relay_settled.rss_kib * 1024)
            ),
        },
    );
}

// ---------------------------------------------------------------------------------------------
// visible

/// A sentence saved on laptop A, until laptop B's library has it. There is no push: a laptop
/// sees others' changes when it syncs, so the figure is A's save, A's whole sync (open the
/// library, connect, send, wait for the relay to hold it) and B's whole sync (connect, fetch,
/// merge into the library as a revision), one after the other, each a `newsdesk desk sync`.
fn bench_visible(run: &mut DeskRun, rounds: usize, text: &mut Text) {
    let mut a = Library::open(&run.a).expect("laptop A's library opens");
    let ids: Vec<String> = a
        .store()
        .list_articles(&Default::default())
        .expect("A's stories are listed")
        .into_iter()
        .map(|s| s.id)
        .collect();
    let b = Library::open(&run.b).expect("laptop B's library opens");
    let (mut total, mut on_a, mut on_b) = (Vec::new(), Vec::new(), Vec::new());
    let mut extra_syncs = 0;
    let (up, down) = run.proxy.bytes();
    for round in 0..rounds {
        let id = &ids[text.below(ids.len())];
        let marker = format!("zqvisible{round:04}");
        let article = a.store().article(id).expect("A reads the story");
        let mut fields = article.fields;
        fields
            .body
            .push_str(&format!("\n\n{} {marker}.", text.sentence()));
        let started = Instant::now();
        a.store_mut()
            .save_article(id, article.version, &fields, SaveKind::Save)
            .expect("A saves");
        newsdesk_sync::sync(&run.a, TOKEN).expect("A syncs");
        let a_done = Instant::now();
        newsdesk_sync::sync(&run.b, TOKEN).expect("B syncs");
        let b_done = Instant::now();
        let mut seen = has_words(&b, id, &marker);
        // Not a figure: one sync should always bring it, and the count says if it did not.
        for _ in 0..3 {
            if seen {
                break;
            }
            extra_syncs += 1;
            newsdesk_sync::sync(&run.b, TOKEN).expect("B syncs again");
            seen = has_words(&b, id, &marker);
        }
        assert!(seen, "B never saw A's sentence in story {id}");
        total.push(b_done - started);
        on_a.push(a_done - started);
        on_b.push(b_done - a_done);
    }
    let (up_after, down_after) = run.proxy.bytes();
    run.relay_rows
        .push(("after the save-to-visible rounds".into(), run.relay.stats()));
    println!();
    println!(
        "visible: a save on laptop A until laptop B's library has it, {} stories on the desk, \
         {rounds} rounds (A saves and syncs, then B syncs; one process, two libraries)",
        ids.len()
    );
    percentiles("save to visible", &mut total);
    percentiles("  A: save + sync", &mut on_a);
    percentiles("  B: sync", &mut on_b);
    row(
        "bytes per round",
        format!(
            "{} ({} to the relay, {} from it, both laptops)",
            kb((up_after - up + down_after - down) / rounds.max(1) as u64),
            kb((up_after - up) / rounds.max(1) as u64),
            kb((down_after - down) / rounds.max(1) as u64)
        ),
    );
    if extra_syncs > 0 {
        row(
            "B needed more syncs",
            format!("{extra_syncs} extra (not in the figures)"),
        );
    }
}

fn has_words(library: &Library, id: &str, words: &str) -> bool {
    library
        .store()
        .article(id)
        .expect("B reads the story")
        .fields
        .body
        .contains(words)
}

// ---------------------------------------------------------------------------------------------
// relay

/// `laptops` laptops connect at once, each fetches the desk's index and its 20 stories, sends
/// one edit and waits until the relay has it, then all hold their connections. In one process
/// (samod repos in memory, the crate's own dialer): the figures are the relay's.
fn bench_relay(run: &mut DeskRun, laptops: usize) {
    let a = Library::open(&run.a).expect("laptop A's library opens");
    let index: DocumentId = a
        .store()
        .desk()
        .expect("A's desk is read")
        .and_then(|d| d.index_doc_id)
        .expect("A has joined a desk")
        .parse()
        .expect("the index id parses");
    let docs: Vec<DocumentId> = a
        .store()
        .desk_documents()
        .expect("A's desk documents are read")
        .into_iter()
        .map(|row| row.doc_id.parse().expect("a document id parses"))
        .collect();
    drop(a);
    let url = url::Url::parse(&run.relay.url()).expect("the relay's address parses");
    let before = run.relay.stats();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("the laptops' runtime starts");
    let started = Instant::now();
    let (held, mut timings) = runtime.block_on(async {
        let laptops = (0..laptops).map(|n| {
            let stories: Vec<DocumentId> = (0..STORIES_PER_LAPTOP)
                .map(|k| docs[(n * STORIES_PER_LAPTOP + k) % docs.len()].clone())
                .collect();
            tokio::time::timeout(
                LAPTOP_PATIENCE,
                connected_laptop(n, url.clone(), index.clone(), stories),
            )
        });
        let held: Vec<(Repo, Duration)> = futures::future::join_all(laptops)
            .await
            .into_iter()
            .flatten()
            .collect();
        let timings: Vec<Duration> = held.iter().map(|(_, took)| *took).collect();
        (held, timings)
    });
    let late = laptops - held.len();
    let all_synced = started.elapsed();
    let synced = run.relay.stats();
    // Then the connections idle for a while: what holding them costs.
    std::thread::sleep(Duration::from_secs(5));
    let idle = run.relay.stats();
    let resident = run.relay.resident();
    run.relay_rows
        .push(("with the laptops connected".into(), idle));
    runtime.block_on(async {
        for (repo, _) in held {
            repo.stop().await;
        }
    });
    println!();
    println!(
        "relay: {laptops} laptops connect at once, each fetches the index and {STORIES_PER_LAPTOP} \
         stories and sends one edit, on a desk of {} stories",
        docs.len()
    );
    percentiles("connect to synced, per laptop", &mut timings);
    if late > 0 {
        row(
            "laptops not synced in time",
            format!(
                "{late} of {laptops} within {} s (left out of the figures)",
                LAPTOP_PATIENCE.as_secs()
            ),
        );
    }
    row(
        "all laptops synced",
        format!("{:.2} s", all_synced.as_secs_f64()),
    );
    row(
        "relay CPU",
        format!(
            "{:.2} s for the {laptops} syncs; {:.2} s over 5 s holding the connections",
            (synced.cpu - before.cpu).as_secs_f64(),
            (idle.cpu - synced.cpu).as_secs_f64()
        ),
    );
    row(
        "relay memory",
        format!(
            "VmRSS {} before, {} with the laptops connected; VmHWM {}",
            mb(before.rss_kib * 1024),
            mb(idle.rss_kib * 1024),
            mb(idle.hwm_kib * 1024)
        ),
    );
    if let Some((repos, documents)) = resident {
        row(
            "held while connected",
            format!("{repos} repos, {documents} documents loaded (GET /desk)"),
        );
    }
}

/// One laptop: connects, fetches the index and its stories, edits one, waits until the relay
/// has the edit. Returns the repo (holding the connection) and the time it took.
async fn connected_laptop(
    n: usize,
    url: url::Url,
    index: DocumentId,
    stories: Vec<DocumentId>,
) -> (Repo, Duration) {
    use futures::StreamExt;
    let started = Instant::now();
    let repo = Repo::build_tokio().load().await;
    let dialer = repo
        .dial(
            BackoffConfig {
                initial_delay: Duration::from_millis(100),
                max_delay: Duration::from_secs(2),
                max_retries: Some(30),
            },
            Arc::new(DeskDialer::new(url, TOKEN.to_owned())),
        )
        .expect("the laptop dials");
    dialer.established().await.expect("the laptop connects");
    let conn = dialer.connection_id().expect("the laptop is connected");
    let mut handles = vec![
        repo.find(index)
            .await
            .expect("the repo runs")
            .expect("the relay has the index"),
    ];
    let found: Vec<_> = futures::stream::iter(stories.into_iter().map(|id| repo.find(id)))
        .buffered(STORIES_PER_LAPTOP)
        .collect()
        .await;
    for handle in found {
        handles.push(
            handle
                .expect("the repo runs")
                .expect("the relay has the story"),
        );
    }
    let edited = handles[1].clone();
    edited
        .with_document_async(move |doc| {
            let Ok(Some((Value::Object(ObjType::Text), body))) = doc.get(automerge::ROOT, "body")
            else {
                panic!("a story without a body");
            };
            doc.transact::<_, _, automerge::AutomergeError>(|tx| {
                tx.splice_text(&body, 0, 0, &format!("Laptop {n} was here. "))
            })
            .expect("the edit is made");
        })
        .await
        .expect("the repo runs");
    for handle in &handles {
        handle.they_have_our_changes(conn).await;
        handle.we_have_their_changes(conn).await;
    }
    (repo, started.elapsed())
}

// ---------------------------------------------------------------------------------------------
// merge

/// 1,000 laptops each edit the same 10,000-word story offline, from the same version (one
/// sentence added, or one word replaced, anywhere in the body), each through
/// `document::apply_local` as a sync applies a save. Then one laptop merges all 1,000 changes
/// and reads the story (`document::read`): that is the figure. Every edit must survive.
fn bench_merge(text: &mut Text) {
    let dir = tempfile::tempdir().expect("a temp folder");
    let mut library = Library::open(dir.path()).expect("a library");
    let fields = ArticleFields {
        headline: "The harbour plan, line by line".into(),
        body: text.body(MERGE_WORDS),
        ..Default::default()
    };
    let base_article = library
        .store_mut()
        .create_article(None, &fields, Status::Editing, RevisionKind::Create)
        .expect("the story is created");
    let words = base_article.fields.body.split_whitespace().count();
    let first = session("Ana Ruiz", 0);
    let base = document::new_document(&base_article, &first).expect("the document is made");
    let base_heads = base.get_heads();
    let spaces: Vec<usize> = base_article
        .fields
        .body
        .match_indices(' ')
        .map(|(at, _)| at)
        .collect();
    let mut changes = Vec::with_capacity(MERGE_EDITS);
    let mut applying = Vec::with_capacity(MERGE_EDITS);
    let mut markers = Vec::with_capacity(MERGE_EDITS);
    let started_making = Instant::now();
    for n in 0..MERGE_EDITS {
        let marker = marker(n);
        let at = spaces[text.below(spaces.len())];
        let body = &base_article.fields.body;
        let edited = if n % 2 == 0 {
            format!(
                "{} {} {marker}.{}",
                &body[..at],
                text.sentence(),
                &body[at..]
            )
        } else {
            // The next word replaced.
            let rest = &body[at + 1..];
            let next = rest.find([' ', '\n']).unwrap_or(rest.len());
            format!("{} {marker}{}", &body[..at], &rest[next..])
        };
        let mut article = base_article.clone();
        article.fields.body = edited;
        let mut replica = base.fork();
        let started = Instant::now();
        document::apply_local(
            &mut replica,
            &base_heads,
            &article,
            &[],
            &session("Reporter", n + 1),
        )
        .expect("the edit applies");
        applying.push(started.elapsed());
        changes.extend(replica.get_changes(&base_heads));
        markers.push(marker);
    }
    let making = started_making.elapsed();
    let change_bytes: usize = changes.iter().map(|c| c.raw_bytes().len()).sum();
    let mut merged = base.clone();
    let started = Instant::now();
    merged.apply_changes(changes).expect("the changes merge");
    let story = document::read(&merged).expect("the merged story reads");
    let took = started.elapsed();
    let lost = markers
        .iter()
        .filter(|m| !story.fields.body.contains(m.as_str()))
        .count();
    if let Some(first) = markers
        .iter()
        .find(|m| !story.fields.body.contains(m.as_str()))
    {
        let around = story
            .fields
            .body
            .find(&first[..first.len() - 2])
            .and_then(|at| {
                story
                    .fields
                    .body
                    .get(at.saturating_sub(80)..(at + 80).min(story.fields.body.len()))
            });
        eprintln!("lost {first}; near it: {around:?}");
    }
    assert_eq!(
        lost, 0,
        "{lost} of {MERGE_EDITS} concurrent edits were lost"
    );
    assert!(
        story.conflicts.is_empty(),
        "body edits made a field conflict"
    );
    println!();
    println!(
        "merge: {MERGE_EDITS} concurrent edits (a sentence added or a word replaced, each on its \
         own laptop) into a {words}-word body; every edit kept"
    );
    row(
        "merge + read",
        format!(
            "{:.0} ms (apply the {MERGE_EDITS} changes, then document::read)",
            took.as_secs_f64() * 1e3
        ),
    );
    row(
        "document size",
        format!(
            "{} before, {} after (compacted); the changes {} ({} B each)",
            kb(base.save().len() as u64),
            kb(merged.save().len() as u64),
            kb(change_bytes as u64),
            change_bytes / MERGE_EDITS
        ),
    );
    percentiles("  one laptop applying its save", &mut applying);
    row(
        "  making the edits",
        format!(
            "{:.1} s (a fork of the document each, then apply_local)",
            making.as_secs_f64()
        ),
    );
}

/// A word no generated text holds (Greek letters for digits), so the text diff that turns a
/// replaced word into this one can never keep a letter of the old word: with a Latin marker,
/// two people replacing one word kept a shared letter each and their words came out
/// interleaved ("zqzqedit0001dit0003"), which no edit's check would find.
fn marker(n: usize) -> String {
    let digits: String = format!("{n:04}")
        .chars()
        .map(|d| {
            "αβγδεζηθικ"
                .chars()
                .nth(d as usize - '0' as usize)
                .unwrap_or('ω')
        })
        .collect();
    format!("ΩΨ{digits}")
}

fn session(name: &str, n: usize) -> Session {
    Session::new(Writer {
        name: name.to_owned(),
        device: format!("laptop-{n}"),
    })
}

// ---------------------------------------------------------------------------------------------
// storage

/// 1,000 saves of one 800-word story (a sentence added, one removed, or a word changed, as an
/// editor works), each saved in the library as today and applied to the story's document as a
/// sync applies it. The document is measured twice: one sync per save (every change a new
/// session, the worst case) and one session for all of them (a window syncing as it goes).
fn bench_storage(text: &mut Text) {
    let dir = tempfile::tempdir().expect("a temp folder");
    let mut library = Library::open(dir.path()).expect("a library");
    library
        .store_mut()
        .set_identity("Ana Ruiz")
        .expect("a name");
    let fields = ArticleFields {
        headline: "Council approves the harbour plan".into(),
        body: text.body(STORAGE_WORDS),
        ..Default::default()
    };
    let mut article = library
        .store_mut()
        .create_article(None, &fields, Status::Editing, RevisionKind::Create)
        .expect("the story is created");
    let db = library.root().join(newsdesk_core::library::DB_FILE);
    let revisions_before = revisions_bytes(&db);
    let file_before = database_bytes(&db);
    let one = session("Ana Ruiz", 0);
    let mut per_sync = Tracked::new(&article, &one);
    let mut long = Tracked::new(&article, &one);
    for n in 0..STORAGE_SAVES {
        let mut fields = article.fields.clone();
        fields.body = edited_like_an_editor(&fields.body, n, text);
        let kind = if n % 4 == 0 {
            SaveKind::Save
        } else {
            SaveKind::Autosave
        };
        article = library
            .store_mut()
            .save_article(&article.id, article.version, &fields, kind)
            .expect("the save is taken");
        per_sync.apply(&article, &session("Ana Ruiz", 0));
        long.apply(&article, &one);
    }
    let revisions = revisions_bytes(&db) - revisions_before;
    let file = database_bytes(&db) - file_before;
    println!();
    println!(
        "storage: {STORAGE_SAVES} saves of one {STORAGE_WORDS}-word story (a sentence added or \
         removed, or a word changed), bytes added"
    );
    row(
        "revisions table (today)",
        format!(
            "{} (its pages); the whole database file {}",
            kb(revisions),
            kb(file)
        ),
    );
    for (what, doc) in [
        ("document, a sync per save", &mut per_sync),
        ("document, one session", &mut long),
    ] {
        row(
            what,
            format!(
                "compacted {}; incremental chunks {}",
                kb(doc.compacted_growth()),
                kb(doc.incremental)
            ),
        );
        // apply_local forks the document only when others' changes arrived since it last
        // agreed with the library (a fork replays the history); these saves never need one.
        let (tenth, n) = (STORAGE_SAVES / 10, doc.applying.len());
        percentiles("  applying a save, first 100", &mut doc.applying[..tenth]);
        percentiles(
            "  applying a save, last 100",
            &mut doc.applying[n - tenth..],
        );
    }
}

/// A story's document and what its changes added.
struct Tracked {
    doc: Automerge,
    heads: Vec<ChangeHash>,
    first_save: u64,
    /// What samod would store between compactions: each change's chunk (`save_after`).
    incremental: u64,
    /// How long each `apply_local` took, in order.
    applying: Vec<Duration>,
}

impl Tracked {
    fn new(article: &Article, session: &Session) -> Tracked {
        let doc = document::new_document(article, session).expect("the document is made");
        Tracked {
            heads: doc.get_heads(),
            first_save: doc.save().len() as u64,
            doc,
            incremental: 0,
            applying: Vec::new(),
        }
    }

    fn apply(&mut self, article: &Article, session: &Session) {
        let started = Instant::now();
        document::apply_local(&mut self.doc, &self.heads, article, &[], session)
            .expect("the save applies");
        self.applying.push(started.elapsed());
        self.incremental += self.doc.save_after(&self.heads).len() as u64;
        self.heads = self.doc.get_heads();
    }

    fn compacted_growth(&self) -> u64 {
        self.doc.save().len() as u64 - self.first_save
    }
}

/// A sentence added at a paragraph's end, a sentence removed, or a word changed, in turn.
fn edited_like_an_editor(body: &str, n: usize, text: &mut Text) -> String {
    let sentences: Vec<usize> = body.match_indices(". ").map(|(at, _)| at + 2).collect();
    match n % 3 {
        0 => {
            let ends: Vec<usize> = body.match_indices("\n\n").map(|(at, _)| at).collect();
            let at = ends[text.below(ends.len())];
            format!("{} {}{}", &body[..at], text.sentence(), &body[at..])
        }
        1 if sentences.len() > 2 => {
            let k = text.below(sentences.len() - 1);
            let (from, to) = (sentences[k], sentences[k + 1]);
            format!("{}{}", &body[..from], &body[to..])
        }
        _ => {
            let spaces: Vec<usize> = body.match_indices(' ').map(|(at, _)| at).collect();
            let at = spaces[text.below(spaces.len())] + 1;
            let rest = &body[at..];
            let end = rest.find([' ', '\n']).unwrap_or(rest.len());
            format!("{}{}{}", &body[..at], text.word(), &rest[end..])
        }
    }
}

/// The pages of the revisions table, from SQLite's own accounting (`dbstat`).
fn revisions_bytes(db: &Path) -> u64 {
    let conn = rusqlite::Connection::open(db).expect("the library opens");
    conn.query_row(
        "SELECT sum(pgsize) FROM dbstat WHERE name = 'revisions'",
        [],
        |row| row.get::<_, i64>(0),
    )
    .expect("dbstat answers") as u64
}

/// The database file's pages in use, write-ahead log included (checkpointed first).
fn database_bytes(db: &Path) -> u64 {
    let conn = rusqlite::Connection::open(db).expect("the library opens");
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .expect("the log is checkpointed");
    let pages: i64 = conn
        .query_row("PRAGMA page_count", [], |row| row.get(0))
        .expect("page count");
    let free: i64 = conn
        .query_row("PRAGMA freelist_count", [], |row| row.get(0))
        .expect("free pages");
    let size: i64 = conn
        .query_row("PRAGMA page_size", [], |row| row.get(0))
        .expect("page size");
    ((pages - free) * size) as u64
}

// ---------------------------------------------------------------------------------------------
// The relay process, and what it costs.

/// `newsdesk-relay` on a loopback port, as the sync crate's tests start it.
struct RelayProcess {
    child: Option<Child>,
    port: u16,
}

impl RelayProcess {
    fn start(folder: &Path) -> RelayProcess {
        let mut child = Command::new(env!("CARGO_BIN_EXE_newsdesk-relay"))
            .arg("--folder")
            .arg(folder)
            .arg("--listen")
            .arg("127.0.0.1:0")
            .env("NEWSDESK_DESK_TOKEN", TOKEN)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the relay starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("the relay's output"))
            .read_line(&mut line)
            .expect("the relay says where it listens");
        let port = line
            .strip_prefix("newsdesk-relay listening on ws://")
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|address| address.rsplit(':').next()?.parse().ok())
            .unwrap_or_else(|| panic!("the relay did not start: {line:?}"));
        RelayProcess {
            child: Some(child),
            port,
        }
    }

    fn url(&self) -> String {
        format!("ws://127.0.0.1:{}", self.port)
    }

    /// Waits until the relay has freed the repos of the laptops that hung up (at most 60 s),
    /// and returns the repos and documents it still holds (`GET /desk`'s `resident`). A relay
    /// that does not report them gets 5 s, and `None`.
    fn settle(&self) -> Option<(u64, u64)> {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let Some(resident) = self.resident() else {
                std::thread::sleep(Duration::from_secs(5));
                return None;
            };
            if resident.0 == 0 || Instant::now() > deadline {
                return Some(resident);
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// The repos and documents the relay holds now (`GET /desk`'s `resident`), if it says.
    fn resident(&self) -> Option<(u64, u64)> {
        let desk: serde_json::Value = ureq::get(&format!("http://127.0.0.1:{}/desk", self.port))
            .header("Authorization", &format!("Bearer {TOKEN}"))
            .call()
            .expect("the relay answers GET /desk")
            .body_mut()
            .read_to_string()
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .expect("GET /desk is JSON");
        let held = &desk["resident"];
        held["repos"].as_u64().zip(held["documents"].as_u64())
    }

    fn pid(&self) -> u32 {
        self.child.as_ref().map_or(0, Child::id)
    }

    fn stats(&self) -> ProcessStats {
        ProcessStats::of(&self.pid().to_string())
    }

    /// SIGTERM, as systemd stops it: the relay finishes its writes to the folder.
    fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let status = Command::new("kill")
                .arg("-TERM")
                .arg(child.id().to_string())
                .status()
                .expect("kill runs");
            assert!(status.success(), "the relay is told to stop");
            child.wait().expect("the relay stops");
        }
    }
}

impl Drop for RelayProcess {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A process's memory and CPU, from /proc.
#[derive(Clone, Copy)]
struct ProcessStats {
    rss_kib: u64,
    hwm_kib: u64,
    /// utime + stime.
    cpu: Duration,
}

impl ProcessStats {
    fn of(pid: &str) -> ProcessStats {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        let kib = |field: &str| {
            status
                .lines()
                .find_map(|line| line.strip_prefix(field)?.trim().strip_suffix("kB"))
                .and_then(|n| n.trim().parse().ok())
                .unwrap_or(0)
        };
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        // After the command name in parentheses, utime and stime are the 12th and 13th fields.
        let ticks: u64 = stat
            .rsplit_once(')')
            .map(|(_, rest)| {
                rest.split_whitespace()
                    .skip(11)
                    .take(2)
                    .filter_map(|t| t.parse::<u64>().ok())
                    .sum()
            })
            .unwrap_or(0);
        ProcessStats {
            rss_kib: kib("VmRSS:"),
            hwm_kib: kib("VmHWM:"),
            cpu: Duration::from_secs_f64(ticks as f64 / clock_ticks() as f64),
        }
    }
}

/// The kernel's clock ticks per second, in which /proc counts CPU time.
fn clock_ticks() -> u64 {
    static TICKS: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *TICKS.get_or_init(|| {
        Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .ok()
            .and_then(|out| String::from_utf8(out.stdout).ok()?.trim().parse().ok())
            .unwrap_or(100)
    })
}

fn print_relay_rows(run: &DeskRun) {
    println!();
    println!(
        "relay process (pid {}): memory and CPU so far",
        run.relay.pid()
    );
    for (when, stats) in &run.relay_rows {
        row(
            when,
            format!(
                "VmRSS {}, VmHWM {}, CPU {:.1} s",
                mb(stats.rss_kib * 1024),
                mb(stats.hwm_kib * 1024),
                stats.cpu.as_secs_f64()
            ),
        );
    }
}

/// Passes a laptop's connection to the relay and counts the bytes each way: what crossed the
/// wire (the HTTP upgrade, websocket frames, samod's messages), without the kernel's view of
/// loopback, which every other process on the machine shares.
struct Proxy {
    port: u16,
    up: Arc<AtomicU64>,
    down: Arc<AtomicU64>,
}

impl Proxy {
    fn start(relay: u16) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("the proxy listens");
        let port = listener.local_addr().expect("the proxy's address").port();
        let (up, down) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
        let (to_relay, from_relay) = (up.clone(), down.clone());
        std::thread::spawn(move || {
            for laptop in listener.incoming() {
                let Ok(laptop) = laptop else { continue };
                let Ok(relay) = TcpStream::connect(("127.0.0.1", relay)) else {
                    continue;
                };
                // Small frames go at once, as they would without the proxy.
                let _ = laptop.set_nodelay(true);
                let _ = relay.set_nodelay(true);
                let (Ok(laptop2), Ok(relay2)) = (laptop.try_clone(), relay.try_clone()) else {
                    continue;
                };
                let (up, down) = (to_relay.clone(), from_relay.clone());
                std::thread::spawn(move || pipe(laptop, relay, &up));
                std::thread::spawn(move || pipe(relay2, laptop2, &down));
            }
        });
        Proxy { port, up, down }
    }

    fn url(&self) -> String {
        format!("ws://127.0.0.1:{}", self.port)
    }

    /// Bytes so far: (laptops to relay, relay to laptops).
    fn bytes(&self) -> (u64, u64) {
        (
            self.up.load(Ordering::Relaxed),
            self.down.load(Ordering::Relaxed),
        )
    }
}

fn pipe(mut from: TcpStream, mut to: TcpStream, count: &AtomicU64) {
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        match from.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                if to.write_all(&buffer[..n]).is_err() {
                    break;
                }
                count.fetch_add(n as u64, Ordering::Relaxed);
            }
        }
    }
    let _ = to.shutdown(Shutdown::Write);
}

// ---------------------------------------------------------------------------------------------
// Figures.

fn folder_bytes(folder: &Path) -> u64 {
    let output = Command::new("du")
        .arg("-sb")
        .arg(folder)
        .output()
        .expect("du runs");
    String::from_utf8_lossy(&output.stdout)
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn row(what: &str, figure: String) {
    println!("  {what:<32} {figure}");
}

fn percentiles(what: &str, timings: &mut [Duration]) {
    if timings.is_empty() {
        return;
    }
    timings.sort();
    let at = |p: f64| {
        let rank = ((p / 100.0 * timings.len() as f64).ceil() as usize).clamp(1, timings.len());
        timings[rank - 1]
    };
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    row(
        what,
        format!(
            "p50 {:.1} ms, p95 {:.1} ms (max {:.1} ms, n = {})",
            ms(at(50.0)),
            ms(at(95.0)),
            ms(*timings.last().expect("not empty")),
            timings.len()
        ),
    );
}

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn kb(bytes: u64) -> String {
    format!("{:.1} kB", bytes as f64 / 1e3)
}
