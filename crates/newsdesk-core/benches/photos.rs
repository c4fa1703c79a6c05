//! The photo desk against libvips and ImageMagick on a 24-megapixel JPEG, in the same run:
//!
//! (a) import including the thumbnail, beside `vipsthumbnail -s 400`;
//! (b) one crop into the four default widths with metadata, beside libvips in one process
//!     (pyvips: the same crop and thumbnails as the command line, and again with libvips'
//!     shrink-on-load), the libvips command line (crop, then `vips thumbnail` per width) and
//!     one ImageMagick `convert`;
//! (c) a batch import of 100 photos: wall time against CPU time, and against the same batch
//!     pinned to one core (`taskset`), shows both cores at work.
//!
//! Every case runs as a child process under `/usr/bin/time`, so wall time, CPU time and peak
//! memory (max RSS) are measured the same way for us and for the peers; the in-process cases
//! also report their work alone ("work s": from opening the file to the last rendition
//! written, without the process's start). Run with `./dev.sh bench photos` (which installs
//! pyvips for the in-process libvips case) or `cargo bench -p newsdesk-core --bench photos`
//! (that case is then skipped unless python3 can import pyvips). The test photo is generated
//! once, deterministically, into `target/bench-photos/`.

use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "shared/chosen.rs"]
mod chosen;
use chosen::Chosen;
use newsdesk_core::Library;
use newsdesk_core::photo::{self, Aspect, DeskEdit, Rect};

#[path = "shared/gnu_time.rs"]
mod gnu_time;

const RUNS: usize = 5;
const WIDTH: u32 = 6000;
const HEIGHT: u32 = 4000;
/// The crop of case (b): 5000x2812 (16:9) off centre.
const CROP: Rect = Rect {
    x: 500,
    y: 600,
    width: 5000,
    height: 2812,
};
const BATCH: usize = 100;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--case") {
        run_case(&args[at + 1..]);
        return;
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let dir = target.join("bench-photos");
    std::fs::create_dir_all(&dir).unwrap();
    let source = test_photo(&dir);
    let me = std::env::current_exe().unwrap();
    let work = dir.join("work");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();

    println!(
        "24-megapixel JPEG: {} ({} bytes), median of {RUNS} runs",
        source.display(),
        size(&source)
    );
    // Other work on the machine slows every case alike but caps what (c) can show.
    println!("load average: {}", load_average());
    println!(
        "{:<58} {:>9} {:>9} {:>9} {:>10}",
        "case", "wall s", "work s", "cpu s", "peak MiB"
    );

    // `cargo bench --bench photos -- renditions` runs only the cases named (import,
    // renditions, batch).
    let chosen = Chosen::from_args();
    let wanted = |name: &str| chosen.wants(name);
    if wanted("import") {
        import_cases(&me, &source, &work);
    }
    if wanted("renditions") {
        rendition_cases(&me, &source, &work);
    }
    if wanted("batch") {
        batch_cases(&me, &dir, &source, &work);
    }
}

/// (a) import including the thumbnail.
fn import_cases(me: &Path, source: &Path, work: &Path) {
    let ours_a = measure("(a) newsdesk import + 400 px thumbnail", || {
        let library = work.join(format!("import-{}", uuid()));
        child(me, &["import", path(&library), path(source)])
    });
    let vips_a = measure("(a) vipsthumbnail -s 400", || {
        tool(
            "vipsthumbnail",
            &[
                "-s",
                "400",
                path(source),
                "-o",
                &format!("{}/vt-%s.jpg", path(work)),
            ],
        )
    });
    // CPU time is printed beside wall time: on a machine shared with other work it is the
    // steadier of the two.
    println!(
        "    ours / vipsthumbnail = {:.2}x wall, {:.2}x cpu (goal <= 1.5x)",
        ours_a.wall / vips_a.wall,
        ours_a.cpu / vips_a.cpu
    );
}

/// (b) one crop into the four default widths, with metadata.
fn rendition_cases(me: &Path, source: &Path, work: &Path) {
    let library = work.join("render-library");
    let photo_id = prepare_render_library(&library, source);
    let ours_b = measure(
        "(b) newsdesk crop -> 2048/1280/640/320 with IIM+XMP",
        || {
            let _ = std::fs::remove_dir_all(library.join("photos/renditions"));
            child(me, &["render", path(&library), &photo_id])
        },
    );
    let pyvips_b = in_process_libvips(source, work);
    let vips_b = measure("(b) vips crop + vips thumbnail x4", || {
        let crop = work.join("crop.v");
        let mut script = format!(
            "vips crop {} {} {} {} {} {} && ",
            path(source),
            path(&crop),
            CROP.x,
            CROP.y,
            CROP.width,
            CROP.height
        );
        let outs: Vec<String> = photo::DEFAULT_WIDTHS
            .iter()
            .map(|w| {
                format!(
                    "vips thumbnail {} {}/v{w}.jpg[Q=85] {w}",
                    path(&crop),
                    path(work)
                )
            })
            .collect();
        script.push_str(&outs.join(" && "));
        tool("sh", &["-c", &script])
    });
    let magick_b = measure("(b) ImageMagick convert, one command", || {
        let mut args: Vec<String> = vec![
            path(source).into(),
            "-crop".into(),
            format!("{}x{}+{}+{}", CROP.width, CROP.height, CROP.x, CROP.y),
            "+repage".into(),
            "-write".into(),
            "mpr:crop".into(),
            "+delete".into(),
        ];
        for w in photo::DEFAULT_WIDTHS {
            for a in [
                "(",
                "mpr:crop",
                "-resize",
                &format!("{w}x"),
                "-quality",
                "85",
                "-write",
            ] {
                args.push(a.into());
            }
            args.push(format!("{}/m{w}.jpg", path(work)));
            args.push(")".into());
        }
        args.push("null:".into());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        tool("convert", &args)
    });
    // Our whole process against libvips' work alone (Python's start left out): the
    // comparison that favours libvips.
    if let Some(pyvips) = pyvips_b {
        println!(
            "    ours (whole process) / pyvips (work alone) = {:.2}x wall (goal <= 0.5x)",
            ours_b.wall / pyvips.work.unwrap_or(pyvips.wall)
        );
    }
    println!(
        "    vips CLI / ours = {:.2}x wall, {:.2}x cpu (goal > 1x); ImageMagick / ours = {:.2}x wall, {:.2}x cpu (goal >= 8x)",
        vips_b.wall / ours_b.wall,
        vips_b.cpu / ours_b.cpu,
        magick_b.wall / ours_b.wall,
        magick_b.cpu / ours_b.cpu
    );
    println!("    our peak {:.0} MiB (goal < 250)", ours_b.peak_mib);
}

/// (c) batch import of 100 photos.
fn batch_cases(me: &Path, dir: &Path, source: &Path, work: &Path) {
    let batch = batch_photos(dir, source);
    let library = work.join("batch-library");
    let mut args = vec!["batch", path(&library)];
    args.extend(batch.iter().map(|p| path(p)));
    println!("load average: {}", load_average());
    let both = once(|| {
        let _ = std::fs::remove_dir_all(&library);
        child(me, &args)
    });
    // The same batch pinned to one core: the gap is what the second core brings, even when
    // other work on the machine keeps cpu / wall below 2.
    let one = once(|| {
        let _ = std::fs::remove_dir_all(&library);
        let mut pinned = tool("taskset", &["-c", "0"]);
        pinned.arg(me).arg("--case").args(&args);
        pinned
    });
    for (name, f) in [("", both), (", pinned to one core", one)] {
        print_row(
            &format!("(c) newsdesk import of {BATCH} 3000x2000 photos{name}"),
            &f,
        );
    }
    println!(
        "    cpu / wall = {:.2} on both cores; one core takes {:.2}x as long",
        both.cpu / both.wall,
        one.wall / both.wall
    );
}

/// One measured child run.
#[derive(Clone, Copy)]
struct Figures {
    wall: f64,
    /// What an in-process case reports of its own work ("work SECONDS" on its last line).
    work: Option<f64>,
    cpu: f64,
    peak_mib: f64,
}

fn measure(name: &str, mut run: impl FnMut() -> Command) -> Figures {
    let mut all: Vec<Figures> = (0..RUNS).map(|_| once(&mut run)).collect();
    all.sort_by(|a, b| a.wall.total_cmp(&b.wall));
    let median = all[RUNS / 2];
    let mut works: Vec<f64> = all.iter().filter_map(|f| f.work).collect();
    works.sort_by(f64::total_cmp);
    let peak = all.iter().map(|f| f.peak_mib).fold(0.0, f64::max);
    let figures = Figures {
        peak_mib: peak,
        work: works.get(works.len() / 2).copied(),
        ..median
    };
    print_row(name, &figures);
    figures
}

fn print_row(name: &str, f: &Figures) {
    let work = f.work.map_or("-".to_owned(), |w| format!("{w:.3}"));
    println!(
        "{name:<58} {:>9.3} {work:>9} {:>9.3} {:>10.0}",
        f.wall, f.cpu, f.peak_mib
    );
}

/// Runs the command under GNU time, with the work it reports ("work S" on its output).
fn once(mut run: impl FnMut() -> Command) -> Figures {
    let cost = gnu_time::run(&run());
    let work = String::from_utf8_lossy(&cost.output.stdout)
        .lines()
        .filter_map(|l| l.strip_prefix("work ")?.trim().parse().ok())
        .next_back();
    Figures {
        wall: cost.wall,
        work,
        cpu: cost.cpu,
        peak_mib: cost.peak_mib,
    }
}

/// Case (b) with libvips in one process, through pyvips, or why it was skipped. The Python is
/// `NEWSDESK_BENCH_PYTHON` (`./dev.sh bench` sets it to a virtualenv with pyvips), else
/// `python3`.
fn in_process_libvips(source: &Path, work: &Path) -> Option<Figures> {
    let python = std::env::var("NEWSDESK_BENCH_PYTHON").unwrap_or_else(|_| "python3".into());
    let found = Command::new(&python)
        .args(["-c", "import pyvips"])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        println!(
            "{:<58} skipped: pyvips not installed for {python} (`./dev.sh bench photos` installs it)",
            "(b) libvips in one process (pyvips)"
        );
        return None;
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/shared/libvips_renditions.py");
    let run = |mode: &str| {
        let mut command = Command::new(&python);
        command
            .arg(&script)
            .arg(mode)
            .arg(source)
            .args(
                [CROP.x, CROP.y, CROP.width, CROP.height]
                    .iter()
                    .map(u32::to_string),
            )
            .arg(work)
            .args(photo::DEFAULT_WIDTHS.iter().map(u32::to_string));
        command
    };
    let same_work = measure("(b) pyvips crop + thumbnail_image x4, one process", || {
        run("crop")
    });
    measure("(b) pyvips shrink-on-load + crop + resize x4", || {
        run("shrink-on-load")
    });
    Some(same_work)
}

fn child(me: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(me);
    command.arg("--case").args(args);
    command
}

fn tool(program: &str, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command.args(args);
    command
}

/// The work of one measured child process.
fn run_case(args: &[String]) {
    match args {
        [case, library, file] if case == "import" => {
            let mut library = Library::open(library).unwrap();
            photo::import_file(&mut library, Path::new(file)).unwrap();
        }
        [case, library, id] if case == "render" => {
            let started = std::time::Instant::now();
            let library = Library::open(library).unwrap();
            let made =
                photo::renditions(&library, id, Some("lead"), &photo::DEFAULT_WIDTHS).unwrap();
            assert_eq!(made.len(), 4);
            println!("work {:.4}", started.elapsed().as_secs_f64());
        }
        [case, library, files @ ..] if case == "batch" => {
            let mut library = Library::open(library).unwrap();
            let files: Vec<PathBuf> = files.iter().map(PathBuf::from).collect();
            let report = photo::import_batch(&mut library, &files, |_, _, _, _| {});
            assert_eq!(report.imported.len(), files.len(), "{:?}", report.refused);
        }
        other => panic!("unknown bench case {other:?}"),
    }
}

fn prepare_render_library(library: &Path, source: &Path) -> String {
    let mut library = Library::open(library).unwrap();
    let id = photo::import_file(&mut library, source).unwrap().photo.id;
    let store = library.store_mut();
    store
        .edit_photo_desk(
            &id,
            1,
            DeskEdit {
                credit: Some("Zoë Ångström/Newsdesk".into()),
                caption: Some("A generated test photo for the benchmark".into()),
                alt_text: Some("Coloured clouds".into()),
                creator: Some("Zoë Ångström".into()),
                copyright: Some("© Newsdesk".into()),
                ..Default::default()
            },
        )
        .unwrap();
    store
        .save_crop(&id, 2, "lead", Aspect::Ratio(16, 9), CROP)
        .unwrap();
    id
}

/// A deterministic 24-megapixel photo-like JPEG (ImageMagick plasma with a fixed seed).
fn test_photo(dir: &Path) -> PathBuf {
    let file = dir.join("24mp.jpg");
    if !file.exists() {
        let temp = dir.join("24mp.tmp.jpg");
        let status = Command::new("convert")
            .args([
                "-seed",
                "42",
                "-size",
                &format!("{WIDTH}x{HEIGHT}"),
                "plasma:fractal",
                "-quality",
                "90",
            ])
            .arg(&temp)
            .status()
            .expect("ImageMagick runs");
        assert!(status.success());
        std::fs::rename(&temp, &file).unwrap();
    }
    file
}

/// 100 distinct 3000x2000 photos cut from the test photo (made once).
fn batch_photos(dir: &Path, source: &Path) -> Vec<PathBuf> {
    let folder = dir.join("batch");
    let files: Vec<PathBuf> = (0..BATCH)
        .map(|i| folder.join(format!("{i:03}.jpg")))
        .collect();
    if files.iter().all(|f| f.exists()) {
        return files;
    }
    std::fs::create_dir_all(&folder).unwrap();
    let image = image::open(source).unwrap().to_rgb8();
    for (i, file) in files.iter().enumerate() {
        let (x, y) = (
            (i as u32 * 29) % (WIDTH - 3000),
            (i as u32 * 17) % (HEIGHT - 2000),
        );
        let part = image::imageops::crop_imm(&image, x, y, 3000, 2000).to_image();
        let mut out = std::fs::File::create(file).unwrap();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
            .encode_image(&part)
            .unwrap();
    }
    files
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map_or_else(|_| "unknown".into(), |l| l.trim().to_owned())
}

fn path(p: &Path) -> &str {
    p.to_str().expect("bench paths are UTF-8")
}

fn size(p: &Path) -> u64 {
    std::fs::metadata(p).unwrap().len()
}

fn uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}
