//! Export benchmark (issue 4): an article with 12 photos, 4 renditions each, exported to a
//! zip. Goal: under 3 s on a 2-core machine, using both cores.
//!
//!     cargo bench -p newsdesk-core --bench export
//!
//! Prints wall and CPU time (CPU/wall near 2 means both cores were busy). "cold" is the first
//! export of a fresh library, when every rendition is made; "warm" re-exports the same
//! version, renditions coming from the library's cache. For scale, the same 48 renditions
//! are then made by libvips and by ImageMagick, when installed.
//!
//! The 12 photos (distinct 3000x2000 JPEGs) are generated once into `target/bench-photos/`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

#[path = "shared/photos.rs"]
mod bench_photos;

use bench_photos::{HEIGHT, PHOTOS, WIDTH, bench_photos};
use newsdesk_core::article::PhotoPlacement;
use newsdesk_core::package;
use newsdesk_core::photo::{self, DEFAULT_WIDTHS, DeskEdit};
use newsdesk_core::store::RevisionKind;
use newsdesk_core::{ArticleFields, Author, Library, Status};

/// Set in the child process that repeats the cold export pinned to one core.
const ONE_CORE_ENV: &str = "NEWSDESK_BENCH_EXPORT_ONE_CORE";

fn main() {
    let photos = bench_photos();
    if std::env::var_os(ONE_CORE_ENV).is_some() {
        let dir = tempfile::tempdir().unwrap();
        let mut library = Library::open(dir.path().join("library")).unwrap();
        let article = article_with_photos(&mut library, &photos);
        let out = dir.path().join("one-core.zip");
        let (wall, cpu) = measure(|| {
            package::export(
                &mut library,
                &article,
                &out,
                package::Existing::Replace,
                &mut |_, _, _| {},
            )
            .unwrap();
        });
        report("newsdesk export, cold, 1 core", wall, cpu, "taskset -c 0");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path().join("library")).unwrap();
    let article = article_with_photos(&mut library, &photos);
    println!(
        "export of 1 article, {PHOTOS} photos ({WIDTH}x{HEIGHT}), renditions {DEFAULT_WIDTHS:?} px, to a zip; {} cores",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    for (run, name) in [("cold", "cold.zip"), ("warm", "warm.zip")] {
        let out = dir.path().join(name);
        let (wall, cpu) = measure(|| {
            package::export(
                &mut library,
                &article,
                &out,
                package::Existing::Replace,
                &mut |_, _, _| {},
            )
            .unwrap();
        });
        let zip = std::fs::metadata(&out).unwrap().len();
        report(
            &format!("newsdesk export, {run}"),
            wall,
            cpu,
            &format!("zip {:.1} MB", zip as f64 / 1e6),
        );
    }
    let identical = std::fs::read(dir.path().join("cold.zip")).unwrap()
        == std::fs::read(dir.path().join("warm.zip")).unwrap();
    println!("cold and warm zips byte-identical: {identical}");
    assert!(identical, "the same article version must give the same zip");
    one_core();
    peers(&photos, dir.path());
}

/// The cold export again in a child pinned to one core: what the second core brings.
fn one_core() {
    let pinned = Command::new("taskset")
        .args(["-c", "0"])
        .arg(std::env::current_exe().unwrap())
        .env(ONE_CORE_ENV, "1")
        .output();
    match pinned {
        Ok(out) if out.status.success() => print!("{}", String::from_utf8_lossy(&out.stdout)),
        _ => println!(
            "{:<34} taskset not available, skipped",
            "newsdesk export, cold, 1 core"
        ),
    }
}

fn report(what: &str, wall: Duration, cpu: Duration, extra: &str) {
    println!(
        "{what:<34} wall {:>6.2} s   cpu {:>6.2} s   cpu/wall {:.2}   {extra}",
        wall.as_secs_f64(),
        cpu.as_secs_f64(),
        cpu.as_secs_f64() / wall.as_secs_f64()
    );
}

/// Wall time, and CPU time of this process and its children (user + system).
fn measure(work: impl FnOnce()) -> (Duration, Duration) {
    let cpu_before = cpu_time();
    let start = Instant::now();
    work();
    (start.elapsed(), cpu_time().saturating_sub(cpu_before))
}

/// From /proc/self/stat: utime, stime, cutime, cstime in clock ticks (100 per second on
/// Linux); no need for a libc binding for four numbers.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap();
    let after_name = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<u64> = after_name
        .split(' ')
        .map(|f| f.parse().unwrap_or(0))
        .collect();
    // Fields 14-17 of stat(5); after the name and state they start at index 11.
    let ticks: u64 = fields[11..15].iter().sum();
    Duration::from_millis(ticks * 10)
}

fn article_with_photos(library: &mut Library, photos: &[PathBuf]) -> String {
    let ids: Vec<String> = photos
        .iter()
        .enumerate()
        .map(|(i, path)| {
            let id = photo::import_file(library, path).unwrap().photo.id;
            let edit = DeskEdit {
                credit: Some(format!("Photographer {i}/Agency")),
                caption: Some(format!("Caption of photo {i}")),
                alt_text: Some(format!("What photo {i} shows")),
                ..Default::default()
            };
            let version = library.store().photo(&id).unwrap().version;
            library
                .store_mut()
                .edit_photo_desk(&id, version, edit)
                .unwrap();
            id
        })
        .collect();
    let body: String = ids[1..]
        .iter()
        .enumerate()
        .map(|(i, id)| format!("Paragraph {i} of the story, with enough words to read like one.\n\n![](photo:{id})\n\n"))
        .collect();
    let fields = ArticleFields {
        headline: "Twelve photos from the harbour fire".into(),
        authors: vec![Author {
            name: "Ana Lima".into(),
            role: "Reporter".into(),
        }],
        body,
        lead_photo: Some(PhotoPlacement {
            photo_id: ids[0].clone(),
            crop: String::new(),
        }),
        ..Default::default()
    };
    library
        .store_mut()
        .create_article(None, &fields, Status::Ready, RevisionKind::Create)
        .unwrap()
        .id
}

/// The same 48 renditions by libvips (one `vips thumbnail` per width, two photos at a time)
/// and ImageMagick (one `convert` per photo writing all widths, two at a time).
fn peers(photos: &[PathBuf], scratch: &Path) {
    let out = scratch.join("peers");
    std::fs::create_dir_all(&out).unwrap();
    let vips = |photo: &Path, i: usize| {
        for w in DEFAULT_WIDTHS {
            let dest = out.join(format!("vips-{i}-{w}.jpg[Q=85,strip]"));
            run(Command::new("vips")
                .arg("thumbnail")
                .arg(photo)
                .arg(dest)
                .arg(w.to_string()));
        }
    };
    let magick = |photo: &Path, i: usize| {
        let mut cmd = Command::new("convert");
        cmd.arg(photo);
        for w in DEFAULT_WIDTHS {
            cmd.args([
                "(",
                "+clone",
                "-resize",
                &format!("{w}x"),
                "-quality",
                "85",
                "-write",
            ])
            .arg(out.join(format!("magick-{i}-{w}.jpg")))
            .args(["+delete", ")"]);
        }
        cmd.arg("null:");
        run(&mut cmd);
    };
    for (name, tool, make) in [
        (
            "libvips 'vips thumbnail'",
            "vips",
            &vips as &(dyn Fn(&Path, usize) + Sync),
        ),
        ("ImageMagick 'convert'", "convert", &magick),
    ] {
        if Command::new(tool).arg("--version").output().is_err() {
            println!("{name:<34} not installed, skipped");
            continue;
        }
        let (wall, cpu) = measure(|| {
            std::thread::scope(|scope| {
                for half in photos.chunks(PHOTOS.div_ceil(2)).enumerate() {
                    scope.spawn(move || {
                        for (j, photo) in half.1.iter().enumerate() {
                            make(photo, half.0 * 100 + j);
                        }
                    });
                }
            });
        });
        report(name, wall, cpu, "renditions only, no package");
    }
}

fn run(cmd: &mut Command) {
    let status = cmd.output().unwrap();
    assert!(
        status.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}
