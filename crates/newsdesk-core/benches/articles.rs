//! Article desk benchmarks (issue 2): save latency, search latency and body rendering in a
//! library of 100,000 realistic articles.
//!
//!     cargo bench -p newsdesk-core --bench articles
//!
//! Prints percentiles rather than means: an editor notices the slow save, not the average one
//! (criterion reports no p99, hence a plain bench binary). The library is generated
//! deterministically once and cached under `target/bench-libraries/`; later runs reuse it.
//! `NEWSDESK_BENCH_ARTICLES=N` picks another library size (a quick run, or a bigger one).

use std::path::PathBuf;
use std::time::{Duration, Instant};

#[path = "shared/text.rs"]
mod text;

#[path = "shared/chosen.rs"]
mod chosen;
use chosen::Chosen;
use newsdesk_core::render::{NoPhotos, render};
use newsdesk_core::search::{SearchQuery, search};
use newsdesk_core::store::{ArticleFilter, RevisionKind, SaveKind};
use newsdesk_core::{ArticleFields, Library, Status};
use text::{SECTIONS, Text};

const DEFAULT_ARTICLES: usize = 100_000;
const BATCH: usize = 1_000;
const SAVES: usize = 1_000;
const SEARCHES: usize = 1_000;
const RENDERS: usize = 200;
const RENDER_WORDS: usize = 5_000;
/// Bump when the generator changes, so a stale cached library is rebuilt.
const GENERATOR_VERSION: u32 = 3;

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing and would like
    // this to be quick, so it gets a small library.
    let benching = std::env::args().any(|a| a == "--bench");
    let articles = std::env::var("NEWSDESK_BENCH_ARTICLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(if benching { DEFAULT_ARTICLES } else { 2_000 });
    let mut library = cached_library(articles, &mut Text::new(0x5eed_2026));
    println!(
        "library: {articles} articles in {}",
        library.root().display()
    );
    // `cargo bench --bench articles -- search` runs only the benches named.
    let chosen = Chosen::from_args();
    let wanted = |name: &str| chosen.wants(name);
    if wanted("save") || wanted("tidy") {
        tidy(&mut library);
    }
    if wanted("save") {
        bench_saves(&mut library, &mut Text::new(1));
    }
    if wanted("search") {
        bench_search(&library, &mut Text::new(2));
    }
    if wanted("render") {
        bench_render(&mut Text::new(3));
    }
}

fn cached_library(count: usize, text: &mut Text) -> Library {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let root = target.join(format!(
        "bench-libraries/articles-{count}-v{GENERATOR_VERSION}"
    ));
    let complete = root.join("complete");
    if complete.exists() {
        return Library::open(&root).expect("the cached bench library opens");
    }
    // A build that was interrupted leaves no marker: start again from nothing.
    let _ = std::fs::remove_dir_all(&root);
    let mut library = Library::open(&root).expect("the bench library can be created");
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
        if made % 10_000 == 0 {
            eprintln!(
                "  built {made} of {count} articles ({:.0} s)",
                started.elapsed().as_secs_f64()
            );
        }
    }
    std::fs::write(&complete, "").expect("marker is written");
    println!(
        "built the library in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    library
}

/// The library as the window keeps it: saves merge a few pages of the search index each, the
/// window's idle upkeep the rest (`src-tauri/src/idle.rs`), and a library just built in 100 large batches has
/// segments no editor's library is left with. `NEWSDESK_BENCH_UNTIDY=1` saves into the library
/// as built instead.
fn tidy(library: &mut Library) {
    if std::env::var_os("NEWSDESK_BENCH_UNTIDY").is_some() {
        println!("index left as built (NEWSDESK_BENCH_UNTIDY)");
        return;
    }
    let started = Instant::now();
    let mut steps = 0;
    while library
        .store_mut()
        // Larger steps than the window's 64 pages: the same merges, sooner.
        .tidy_search_index(4096)
        .expect("the index is tidied")
    {
        steps += 1;
    }
    library.store().checkpoint().expect("the log is copied");
    if steps > 0 {
        println!(
            "tidied the index as idle time would: {steps} steps in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
}

/// The real save path: `Store::save_article` with `synchronous = FULL`, on articles spread over
/// the whole library, each an editor's small change (a sentence added to the body).
fn bench_saves(library: &mut Library, text: &mut Text) {
    let ids: Vec<String> = library
        .store()
        .list_articles(&ArticleFilter::default())
        .expect("articles are listed")
        .into_iter()
        .map(|a| a.id)
        .collect();
    let mut timings = Vec::with_capacity(SAVES);
    let mut on_cpu = Vec::with_capacity(SAVES);
    let mut disk = DiskProbe::new(library.root());
    let mut watch = SaveWatch::new(library.root());
    let mut slowest = Vec::with_capacity(SAVES);
    for n in 0..SAVES {
        let id = &ids[text.below(ids.len())];
        let article = library.store().article(id).expect("article is read");
        let mut fields = article.fields;
        fields.body.push_str("\n\n");
        fields.body.push_str(&text.sentence());
        let kind = if n % 4 == 0 {
            SaveKind::Save
        } else {
            SaveKind::Autosave
        };
        watch.before();
        let (started, cpu) = (Instant::now(), CpuClock::start());
        library
            .store_mut()
            .save_article(id, article.version, &fields, kind)
            .expect("save succeeds");
        timings.push(started.elapsed());
        on_cpu.extend(cpu.elapsed());
        slowest.push((started.elapsed(), n, watch.after()));
        disk.sync();
    }
    slowest.sort_by_key(|(took, _, _)| std::cmp::Reverse(*took));
    println!(
        "  slowest saves (what happened in them: {}):",
        SaveWatch::LEGEND
    );
    for (took, n, what) in slowest.iter().take(5) {
        println!("    {:8.2} ms  save {n}: {what}", took.as_secs_f64() * 1e3);
    }
    report("save (fsync on)", &mut timings, &[50.0, 99.0], "p99 < 5 ms");
    report(
        "  of which on the CPU",
        &mut on_cpu,
        &[50.0, 99.0],
        "the save's own work",
    );
    report(
        "  the disk alone: write 16 KiB + fsync",
        &mut disk.timings,
        &[50.0, 99.0],
        "reference",
    );
}

/// What a save did besides its own rows, told from outside the store: whether it wrote into
/// the database file itself (a checkpoint: only checkpoints write there in WAL mode) and
/// whether the search index's segments were merged (their count fell).
/// `NEWSDESK_BENCH_SEGMENTS=1` counts the segments around each save (slow: a scan of the
/// index's directory each time, outside the timed part).
struct SaveWatch {
    database: PathBuf,
    segments: Option<rusqlite::Connection>,
    modified: Option<std::time::SystemTime>,
    count: i64,
}

impl SaveWatch {
    const LEGEND: &str =
        "checkpoint = the database file was written meanwhile; merge = index segments merged";

    fn new(root: &std::path::Path) -> SaveWatch {
        let database = root.join(newsdesk_core::library::DB_FILE);
        let segments = std::env::var_os("NEWSDESK_BENCH_SEGMENTS")
            .map(|_| rusqlite::Connection::open(&database).expect("a second connection"));
        SaveWatch {
            database,
            segments,
            modified: None,
            count: 0,
        }
    }

    fn segments(&self) -> i64 {
        self.segments.as_ref().map_or(0, |conn| {
            conn.query_row(
                "SELECT count(DISTINCT segid) FROM articles_fts_idx",
                [],
                |row| row.get(0),
            )
            .expect("segments are counted")
        })
    }

    fn before(&mut self) {
        self.modified = std::fs::metadata(&self.database)
            .and_then(|m| m.modified())
            .ok();
        self.count = self.segments();
    }

    fn after(&self) -> String {
        let modified = std::fs::metadata(&self.database)
            .and_then(|m| m.modified())
            .ok();
        let mut what = Vec::new();
        if modified != self.modified {
            what.push("checkpoint".to_owned());
        }
        if self.segments.is_some() {
            let count = self.segments();
            if count < self.count {
                what.push(format!("merge ({} -> {count} segments)", self.count));
            }
        }
        if what.is_empty() {
            "only its own rows".into()
        } else {
            what.join(", ")
        }
    }
}

/// The floor under any durable save: one fsync on the library's disk, timed between the saves
/// so both see the same load.
struct DiskProbe {
    file: std::fs::File,
    path: PathBuf,
    timings: Vec<Duration>,
}

impl DiskProbe {
    fn new(folder: &std::path::Path) -> DiskProbe {
        let path = folder.join("fsync-probe");
        let file = std::fs::File::create(&path).expect("probe file is created");
        DiskProbe {
            file,
            path,
            timings: Vec::new(),
        }
    }

    fn sync(&mut self) {
        use std::io::Write;
        let started = Instant::now();
        self.file.write_all(&[0u8; 16 * 1024]).expect("probe write");
        self.file.sync_all().expect("probe fsync");
        self.timings.push(started.elapsed());
    }
}

impl Drop for DiskProbe {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Queries like an editor's: one to three topical words, a name, or a word still being typed;
/// a third of them filtered by status or section.
fn bench_search(library: &Library, text: &mut Text) {
    let mut timings = Vec::with_capacity(SEARCHES);
    let mut on_cpu = Vec::with_capacity(SEARCHES);
    let mut hits = 0;
    let mut slowest = Vec::with_capacity(SEARCHES);
    for n in 0..SEARCHES {
        let query = SearchQuery {
            text: text.query(),
            status: (n % 3 == 1).then(|| text.status()),
            section: (n % 3 == 2).then(|| text.pick(SECTIONS).to_owned()),
            limit: 20,
        };
        let (started, cpu) = (Instant::now(), CpuClock::start());
        hits += search(library.store(), &query)
            .expect("search succeeds")
            .len();
        timings.push(started.elapsed());
        on_cpu.extend(cpu.elapsed());
        slowest.push((started.elapsed(), query));
    }
    report(
        "search",
        &mut timings.clone(),
        &[50.0, 95.0, 99.0],
        "p95 < 10 ms, max < 25 ms",
    );
    // Which kind of query is slow: a third of them each have no filter, a status, a section.
    for (kind, name) in ["no filter", "a status", "a section"].iter().enumerate() {
        let mut of_kind: Vec<Duration> = timings.iter().skip(kind).step_by(3).copied().collect();
        report(
            &format!("  with {name}"),
            &mut of_kind,
            &[50.0, 95.0, 99.0],
            "as above",
        );
    }
    report(
        "  of which on the CPU",
        &mut on_cpu,
        &[50.0, 95.0, 99.0],
        "without waiting for a core",
    );
    println!(
        "  ({:.1} hits per query on average); slowest:",
        hits as f64 / SEARCHES as f64
    );
    slowest.sort_by_key(|(took, _)| std::cmp::Reverse(*took));
    for (took, query) in slowest.iter().take(8) {
        let filter = query
            .status
            .map(|s| s.to_string())
            .or(query.section.clone())
            .unwrap_or_default();
        println!(
            "    {:8.2} ms  {:?} {filter}",
            took.as_secs_f64() * 1e3,
            query.text
        );
    }
}

fn bench_render(text: &mut Text) {
    let body = text.body(RENDER_WORDS);
    let words = render(&body, &NoPhotos).expect("renders").stats.words;
    let mut timings = Vec::with_capacity(RENDERS);
    for _ in 0..RENDERS {
        let started = Instant::now();
        std::hint::black_box(render(std::hint::black_box(&body), &NoPhotos).expect("renders"));
        timings.push(started.elapsed());
    }
    report(
        &format!("render ({words} words)"),
        &mut timings,
        &[50.0, 99.0],
        "p50 < 5 ms",
    );
}

/// Time this thread spent running, from Linux's scheduler statistics. On a machine shared with
/// other work the wall clock also counts the time spent waiting for a core; this does not
/// (nor time asleep in fsync). Elsewhere it gives nothing and only wall-clock figures print.
struct CpuClock(Option<Duration>);

impl CpuClock {
    fn now() -> Option<Duration> {
        let stats = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
        let nanos = stats.split_whitespace().next()?.parse().ok()?;
        Some(Duration::from_nanos(nanos))
    }

    fn start() -> CpuClock {
        CpuClock(CpuClock::now())
    }

    fn elapsed(&self) -> Option<Duration> {
        Some(CpuClock::now()?.saturating_sub(self.0?))
    }
}

fn report(what: &str, timings: &mut [Duration], percentiles: &[f64], goal: &str) {
    if timings.is_empty() {
        return;
    }
    timings.sort();
    let figures: Vec<String> = percentiles
        .iter()
        .map(|&p| {
            let rank = ((p / 100.0 * timings.len() as f64).ceil() as usize).clamp(1, timings.len());
            format!("p{p} {:.2} ms", timings[rank - 1].as_secs_f64() * 1e3)
        })
        .collect();
    let max = timings.last().map_or(0.0, |d| d.as_secs_f64() * 1e3);
    println!(
        "{what}: {} (max {max:.2} ms, n = {}; goal {goal})",
        figures.join(", "),
        timings.len()
    );
}
