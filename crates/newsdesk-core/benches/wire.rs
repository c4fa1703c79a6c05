//! The wire desk (issue 10):
//!
//! - ingest: 1,000 agency files dropped in a watched folder, read by polls of `WireFolder`
//!   until every one is in (two polls: a file is read once it stood still between them), once
//!   as ninjs 3.x with HTML bodies and once as NewsML-G2 with NITF bodies (each validated by
//!   `xmllint --schema`). Each runs as a child process under `/usr/bin/time`, so wall time,
//!   CPU time and peak memory (max RSS) are the process's own, as in the photos bench.
//! - search: 1,000 searches over a queue of 50,000 wire items (p50/p95/p99). The queue is
//!   generated deterministically once and cached under `target/bench-libraries/`.
//!
//!     cargo bench -p newsdesk-core --bench wire [-- ingest | search]
//!
//! `NEWSDESK_BENCH_WIRE_ITEMS=N` picks another queue size for the search.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

#[path = "shared/gnu_time.rs"]
mod gnu_time;
#[path = "shared/text.rs"]
#[allow(dead_code)] // The shared generator has more than this bench uses (statuses).
mod text;

#[path = "shared/chosen.rs"]
mod chosen;
use chosen::Chosen;
use newsdesk_core::Library;
use newsdesk_core::wire::WireFolder;
use newsdesk_core::wire_item::{WireCopy, WireFilter, WireKind};
use text::Text;

const INGEST_FILES: usize = 1_000;
const QUEUE_ITEMS: usize = 50_000;
const SEARCHES: usize = 1_000;
const SOURCES: &[&str] = &["AP", "dpa", "NTB", "TT", "Reuters", "AFP"];
/// Bump when the generator changes, so a stale cached queue is rebuilt.
const GENERATOR_VERSION: u32 = 1;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--case") {
        return ingest_case(Path::new(&args[at + 1]), Path::new(&args[at + 2]));
    }
    let benching = args.iter().any(|a| a == "--bench");
    let chosen = Chosen::from_args();
    let wanted = |name: &str| chosen.wants(name);
    println!("load average: {}", load_average());
    let (files, items) = if benching {
        (INGEST_FILES, QUEUE_ITEMS)
    } else {
        (20, 500)
    };
    // `NEWSDESK_BENCH_WIRE_ITEMS=N` searches a queue of another size (a quick run).
    let items = std::env::var("NEWSDESK_BENCH_WIRE_ITEMS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(items);
    if wanted("ingest") {
        bench_ingest(files);
    }
    if wanted("search") {
        bench_search(items);
    }
    println!("load average: {}", load_average());
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn bench_root() -> PathBuf {
    // target/<profile>/deps/wire-… → target/
    let exe = std::env::current_exe().unwrap();
    exe.ancestors().nth(3).unwrap().to_path_buf()
}

fn bench_ingest(files: usize) {
    let me = std::env::current_exe().unwrap();
    println!(
        "{:<40} {:>8} {:>8} {:>9} {:>9}",
        "ingest", "wall s", "cpu s", "items/s", "peak MiB"
    );
    for format in ["ninjs", "newsml"] {
        let work = tempdir(&format!("wire-ingest-{format}"));
        let folder = work.join("feed");
        std::fs::create_dir_all(&folder).unwrap();
        let mut text = Text::new(0x0057_01e5);
        for n in 0..files {
            let (name, bytes) = match format {
                "ninjs" => (format!("item-{n:05}.json"), ninjs_file(&mut text, n)),
                _ => (format!("item-{n:05}.xml"), newsml_file(&mut text, n)),
            };
            std::fs::write(folder.join(name), bytes).unwrap();
        }
        let library = work.join("library");
        let figures = timed(Command::new(&me).arg("--case").arg(&folder).arg(&library));
        let queued = Library::open(&library)
            .unwrap()
            .wire_list(&WireFilter {
                limit: files + 1,
                ..WireFilter::default()
            })
            .unwrap()
            .len();
        assert_eq!(queued, files, "every {format} file is in the queue");
        println!(
            "{:<40} {:>8.2} {:>8.2} {:>9.0} {:>9.0}",
            format!("{files} {format} files, watched folder"),
            figures.0,
            figures.1,
            files as f64 / figures.0,
            figures.2
        );
        let _ = std::fs::remove_dir_all(&work);
    }
}

/// The child: polls the folder until it is empty (every file read and moved).
fn ingest_case(folder: &Path, library: &Path) {
    let mut library = Library::open(library).unwrap();
    let mut watched = WireFolder::new(folder, "bench").unwrap();
    loop {
        let report = library.wire_poll(&mut watched).unwrap();
        assert!(report.failed.is_empty(), "{:?}", report.failed);
        assert!(
            report.files.iter().all(|f| f.refused.is_none()),
            "{:?}",
            report.files.iter().find(|f| f.refused.is_some())
        );
        let left = std::fs::read_dir(folder)
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().is_file())
            .count();
        if left == 0 {
            break;
        }
    }
}

/// Wall s, CPU s and peak MiB of a child.
fn timed(command: &mut Command) -> (f64, f64, f64) {
    let cost = gnu_time::run(command);
    print!("{}", String::from_utf8_lossy(&cost.output.stdout));
    (cost.wall, cost.cpu, cost.peak_mib)
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn html(markdown: &str) -> String {
    markdown
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| match p.strip_prefix("## ") {
            Some(h) => format!("<h2>{}</h2>", escape(h)),
            None => format!("<p>{}</p>", escape(p)),
        })
        .collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn ninjs_file(text: &mut Text, n: usize) -> Vec<u8> {
    let a = text.article();
    serde_json::to_vec(&serde_json::json!({
        "uri": format!("urn:bench:wire:{n}"),
        "type": "text",
        "version": "1",
        "versionCreated": "2026-12-03T10:00:00Z",
        "pubStatus": "usable",
        "urgency": 1 + n % 8,
        "copyrightHolder": SOURCES[n % SOURCES.len()],
        "language": "en",
        "headlines": [{"role": "main", "value": a.headline}],
        "descriptions": [{"role": "summary", "value": a.dek}],
        "by": a.byline(),
        "located": a.dateline.place,
        "subjects": a.keywords.iter().map(|k| serde_json::json!({"name": k})).collect::<Vec<_>>(),
        "bodies": [{"role": "main", "contentType": "text/html", "value": html(&a.body)}],
    }))
    .unwrap()
}

fn newsml_file(text: &mut Text, n: usize) -> Vec<u8> {
    let a = text.article();
    let subjects: String = a
        .keywords
        .iter()
        .map(|k| format!("<subject><name>{}</name></subject>", escape(k)))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:bench:g2:{n}" version="1"
    standard="NewsML-G2" standardversion="2.35" conformance="power" xml:lang="en">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_32.xml" />
  <itemMeta>
    <itemClass qcode="ninat:text" />
    <provider qcode="nprov:{source}" />
    <versionCreated>2026-12-03T10:00:00Z</versionCreated>
    <pubStatus qcode="stat:usable" />
  </itemMeta>
  <contentMeta>
    <urgency>{urgency}</urgency>
    <located><name>{place}</name></located>
    <creator><name>{by}</name></creator>
    {subjects}
    <headline>{headline}</headline>
    <description role="drol:summary">{dek}</description>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/nitf+xml">
      <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content>{body}</body.content></body></nitf>
    </inlineXML>
  </contentSet>
</newsItem>
"#,
        source = SOURCES[n % SOURCES.len()],
        urgency = 1 + n % 8,
        place = escape(&a.dateline.place),
        by = escape(&a.byline()),
        headline = escape(&a.headline),
        dek = escape(&a.dek),
        body = html(&a.body).replace("<h2>", "<hl2>").replace("</h2>", "</hl2>"),
    )
    .into_bytes()
}

fn bench_search(items: usize) {
    let root = bench_root()
        .join("bench-libraries")
        .join(format!("wire-{items}-v{GENERATOR_VERSION}"));
    let done = root.join("complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&root);
        let started = Instant::now();
        let mut library = Library::open(&root).unwrap();
        let mut text = Text::new(0x0057_01e5);
        // A thousand items a transaction, as the articles bench builds its library: one
        // disk sync per item would take hours here and measure the disk, not the search.
        let mut batch = Vec::with_capacity(1_000);
        for n in 0..items {
            let a = text.article();
            let copy = WireCopy {
                format: "ninjs 3.x".into(),
                guid: format!("urn:bench:wire:{n}"),
                version: 1,
                kind: WireKind::Text,
                urgency: Some(1 + (n % 8) as u8),
                agency: SOURCES[n % SOURCES.len()].into(),
                headline: a.headline.clone(),
                dek: a.dek.clone(),
                byline: a.byline(),
                dateline: a.dateline.place.clone(),
                language: "en".into(),
                subjects: a.keywords.clone(),
                body: a.body.clone(),
                ..WireCopy::default()
            };
            batch.push((copy, format!("{n:064x}")));
            if batch.len() == 1_000 || n + 1 == items {
                // One source a batch: the queue's source filter still splits it six ways.
                let source = SOURCES[(n / 1_000) % SOURCES.len()];
                library
                    .store_mut()
                    .record_wire_items(source, &batch)
                    .unwrap();
                batch.clear();
            }
        }
        std::fs::write(&done, "").unwrap();
        println!(
            "queue of {items} wire items built in {:.0} s",
            started.elapsed().as_secs_f64()
        );
    }
    let library = Library::open(&root).unwrap();
    let mut text = Text::new(7);
    let mut timings = Vec::with_capacity(SEARCHES);
    let mut hits = 0;
    for n in 0..SEARCHES {
        let filter = WireFilter {
            text: text.query(),
            // Every fourth search narrowed to a source, as the queue's filter does.
            source: (n % 4 == 0).then(|| SOURCES[n % SOURCES.len()].to_owned()),
            ..WireFilter::default()
        };
        let started = Instant::now();
        hits += library.wire_list(&filter).unwrap().len();
        timings.push(started.elapsed());
    }
    timings.sort();
    let at = |p: f64| {
        let rank = ((p / 100.0 * timings.len() as f64).ceil() as usize).clamp(1, timings.len());
        ms(timings[rank - 1])
    };
    println!(
        "search over {items} wire items: p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms \
         (n = {SEARCHES}, {:.1} hits a query)",
        at(50.0),
        at(95.0),
        at(99.0),
        ms(*timings.last().unwrap()),
        hits as f64 / SEARCHES as f64
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
