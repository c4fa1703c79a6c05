//! No typed word is ever lost: a writer killed mid-save, two writers from the same version,
//! and libraries that cannot be used (a file, read-only, random bytes, a newer schema, a full
//! disk). Some tests re-run this test binary as a child process (an `#[ignore]`d test that
//! does nothing unless its environment variable is set), to be killed or to run inside a
//! private mount namespace.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Barrier};

use crate::common::this_test_binary;
use newsdesk_core::render::{NoPhotos, render};
use newsdesk_core::store::{RevisionKind, SaveKind};
use newsdesk_core::{ArticleFields, Error, Library, Status};

const LIBRARY_VAR: &str = "NEWSDESK_TEST_CHILD_LIBRARY";
const ARTICLE_VAR: &str = "NEWSDESK_TEST_CHILD_ARTICLE";

fn fields(body: &str) -> ArticleFields {
    ArticleFields {
        headline: "Safety".into(),
        body: body.into(),
        ..Default::default()
    }
}

fn new_article(library: &mut Library, body: &str) -> String {
    library
        .store_mut()
        .create_article(None, &fields(body), Status::Draft, RevisionKind::Create)
        .unwrap()
        .id
}

/// This test binary running only the child test `name`.
fn child(name: &str) -> Command {
    let mut command = Command::new(this_test_binary());
    command.args([
        "--exact",
        name,
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ]);
    command
}

fn child_env(var: &str) -> Option<String> {
    std::env::var(var).ok().filter(|v| !v.is_empty())
}

// ---------------------------------------------------------------------------------------------
// Crash safety

/// Saves as fast as it can and reports each save the library acknowledged.
#[test]
#[ignore = "child process of a_killed_writer_loses_no_acknowledged_save"]
fn crash_writer() {
    let (Some(dir), Some(id)) = (child_env(LIBRARY_VAR), child_env(ARTICLE_VAR)) else {
        return;
    };
    let mut library = Library::open(dir).unwrap();
    let mut version = library.store().article(&id).unwrap().version;
    let mut out = std::io::stdout().lock();
    for i in 0..1_000_000 {
        let marker = format!("crash-marker-{version}-{i}");
        version = library
            .store_mut()
            .save_article(&id, version, &fields(&marker), SaveKind::Autosave)
            .unwrap()
            .version;
        writeln!(out, "acked {version} {marker}").unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn a_killed_writer_loses_no_acknowledged_save() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("lib");
    let id = new_article(&mut Library::open(&root).unwrap(), "first");
    let mut acked: Vec<(i64, String)> = Vec::new();

    // Three kills at different points, each resuming from what the library kept.
    for kill_after in [150, 220, 290] {
        let mut writer = child("safety::crash_writer")
            .env(LIBRARY_VAR, &root)
            .env(ARTICLE_VAR, &id)
            .stdout(Stdio::piped())
            // A writer that fails before it is killed says why here.
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(writer.stdout.take().unwrap()).lines();
        let mut this_run = 0;
        while this_run < kill_after {
            let line = lines
                .next()
                .expect("the writer stopped before it was killed")
                .unwrap();
            if let Some(ack) = parse_ack(&line) {
                acked.push(ack);
                this_run += 1;
            }
        }
        writer.kill().unwrap(); // SIGKILL on Unix: no destructor, no checkpoint, no goodbye.
        // Acks already in the pipe were acknowledged too.
        acked.extend(lines.map_while(|l| l.ok()).filter_map(|l| parse_ack(&l)));
        assert!(
            !writer.wait().unwrap().success(),
            "the writer must have been killed, not finished"
        );

        let library = Library::open(&root).unwrap();
        assert_eq!(library.store().integrity_check().unwrap(), "ok");
        let revisions = library.store().revisions(&id).unwrap();
        for (version, marker) in &acked {
            let kept = revisions.iter().find(|r| r.version == Some(*version));
            let kept = kept.unwrap_or_else(|| panic!("acknowledged version {version} was lost"));
            assert_eq!(
                &kept.fields.body, marker,
                "version {version} has the wrong text"
            );
        }
        let last = acked.last().unwrap();
        assert!(library.store().article(&id).unwrap().version >= last.0);
    }
    assert!(
        acked.len() >= 660,
        "hundreds of saves were acknowledged: {}",
        acked.len()
    );
}

fn parse_ack(line: &str) -> Option<(i64, String)> {
    let rest = line.strip_prefix("acked ")?;
    let (version, marker) = rest.split_once(' ')?;
    Some((version.parse().ok()?, marker.to_owned()))
}

// ---------------------------------------------------------------------------------------------
// Conflicts

#[test]
fn two_writers_from_the_same_version_one_wins_and_both_texts_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("lib");
    // Two connections to one file, as two windows or the app and the CLI would have.
    let mut alice = Library::open(&root).unwrap();
    let mut bob = Library::open(&root).unwrap();
    let id = new_article(&mut alice, "original");

    alice
        .store_mut()
        .save_article(&id, 1, &fields("Alice's text"), SaveKind::Save)
        .unwrap();
    let err = bob
        .store_mut()
        .save_article(&id, 1, &fields("Bob's text"), SaveKind::Save)
        .unwrap_err();

    let Error::Conflict {
        base_version,
        current_version,
        kept_revision,
        ..
    } = err
    else {
        panic!("expected a conflict, got {err}")
    };
    assert_eq!((base_version, current_version), (1, 2));
    let message = err_message(&bob, &id);
    assert!(
        message.contains("version 1") && message.contains("version 2"),
        "{message}"
    );

    let store = bob.store();
    assert_eq!(store.article(&id).unwrap().fields.body, "Alice's text");
    let kept = store.revision(&id, kept_revision).unwrap();
    assert_eq!(
        (kept.kind, kept.version, kept.fields.body.as_str()),
        (RevisionKind::Conflict, None, "Bob's text")
    );
    assert_eq!(
        alice
            .store()
            .revision(&id, kept_revision)
            .unwrap()
            .fields
            .body,
        "Bob's text"
    );
}

/// The message a stale save gets, for checking its wording.
fn err_message(library: &Library, id: &str) -> String {
    let mut again = Library::open(library.root()).unwrap();
    again
        .store_mut()
        .save_article(id, 1, &fields("late"), SaveKind::Save)
        .unwrap_err()
        .to_string()
}

#[test]
fn simultaneous_saves_from_one_version_let_exactly_one_win() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("lib");
    let id = new_article(&mut Library::open(&root).unwrap(), "original");
    const WRITERS: usize = 4;
    let start = Arc::new(Barrier::new(WRITERS));
    let results: Vec<Result<i64, Error>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..WRITERS)
            .map(|n| {
                let (root, id, start) = (root.clone(), id.clone(), start.clone());
                scope.spawn(move || {
                    let mut library = Library::open(&root).unwrap();
                    start.wait();
                    library
                        .store_mut()
                        .save_article(&id, 1, &fields(&format!("writer {n}")), SaveKind::Save)
                        .map(|a| a.version)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let winners: Vec<usize> = (0..WRITERS).filter(|&n| results[n].is_ok()).collect();
    assert_eq!(winners.len(), 1, "{results:?}");
    assert!(results.iter().flatten().all(|&v| v == 2));
    assert!(
        results
            .iter()
            .filter_map(|r| r.as_ref().err())
            .all(|e| e.kind() == "conflict")
    );

    let library = Library::open(&root).unwrap();
    let bodies: Vec<String> = library
        .store()
        .revisions(&id)
        .unwrap()
        .into_iter()
        .map(|r| r.fields.body)
        .collect();
    for n in 0..WRITERS {
        assert!(
            bodies.contains(&format!("writer {n}")),
            "writer {n}'s text was lost: {bodies:?}"
        );
    }
    assert_eq!(
        library.store().article(&id).unwrap().fields.body,
        format!("writer {}", winners[0])
    );
}

// ---------------------------------------------------------------------------------------------
// Libraries that cannot be used

#[test]
fn a_library_path_that_is_a_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "shopping list").unwrap();
    let err = Library::open(&file).err().expect("a file is not a library");
    assert_eq!(err.kind(), "library");
    assert!(err.to_string().contains("is a file"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "shopping list");
}

#[test]
fn a_database_of_random_bytes_is_refused_and_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(newsdesk_core::library::DB_FILE);
    // xorshift: random-looking bytes without a dependency, the same every run.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..64 * 1024)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    std::fs::write(&db, &bytes).unwrap();

    let err = Library::open(dir.path())
        .err()
        .expect("random bytes are not a library");
    assert_eq!(err.kind(), "library");
    assert!(err.to_string().contains("not a Newsdesk database"), "{err}");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        bytes,
        "the file must be left as it was"
    );
}

#[test]
fn a_library_from_a_newer_newsdesk_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_article(&mut Library::open(dir.path()).unwrap(), "kept");
    let db = dir.path().join(newsdesk_core::library::DB_FILE);
    let future = {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let current: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        conn.pragma_update(None, "user_version", current + 7)
            .unwrap();
        current + 7
    };

    let err = Library::open(dir.path())
        .err()
        .expect("a newer schema must be refused");
    assert_eq!(err.kind(), "library");
    assert!(err.to_string().contains("newer Newsdesk"), "{err}");

    let conn = rusqlite::Connection::open(&db).unwrap();
    let after: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(after, future, "the schema version must not be touched");
    let found: String = conn
        .query_row("SELECT id FROM articles", [], |r| r.get(0))
        .unwrap();
    assert_eq!(found, id);
}

#[test]
fn a_20_mb_body_is_saved_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let paragraph =
        "Ein Absatz mit Umlauten (äöü), a [link](https://example.org) and **bold** words.\n\n";
    let body = paragraph.repeat(20 * 1024 * 1024 / paragraph.len() + 1);
    assert!(body.len() >= 20 * 1024 * 1024);
    let id = new_article(&mut library, "short");
    library
        .store_mut()
        .save_article(&id, 1, &fields(&body), SaveKind::Save)
        .unwrap();

    let reopened = Library::open(dir.path()).unwrap();
    assert!(
        reopened.store().article(&id).unwrap().fields.body == body,
        "the body came back different"
    );
    let revisions = reopened.store().revisions(&id).unwrap();
    assert!(revisions.last().unwrap().fields.body == body);
}

#[test]
fn hostile_markdown_is_kept_as_typed_and_rendered_harmless() {
    let hostile = [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"x\" ONERROR=\"alert(1)\"/>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click]( javascript:alert(1) )",
        "[click](&#106;avascript:alert(1))",
        "[click](java\tscript:alert(1))",
        "<javascript:alert(1)>",
        "![x](javascript:alert(1))",
        "[ref]\n\n[ref]: javascript:alert(1)",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[vb](vbscript:msgbox(1))",
        "<a href=\"javascript:alert(1)\">a</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<div onmouseover=\"alert(1)\">hover</div>",
        "<svg onload=alert(1)>",
        "`<script>` in code is text",
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    for body in hostile {
        let id = new_article(&mut library, body);
        let stored = library.store().article(&id).unwrap();
        assert_eq!(stored.fields.body, body, "the text is kept as typed");
        let html = render(&stored.fields.body, &NoPhotos).unwrap().html;
        if let Some(problem) = active_content(&html) {
            panic!("{body:?} rendered {problem}: {html}");
        }
    }
}

/// What in the HTML could run or navigate somewhere harmful: a dangerous element, an event
/// handler attribute, or a link/source with an unsafe scheme. Text that merely mentions
/// `javascript:` is harmless (escaped text has no raw `<`).
fn active_content(html: &str) -> Option<String> {
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or_default().to_lowercase();
        let mut parts = tag.split_whitespace();
        let name = parts.next().unwrap_or_default().trim_start_matches('/');
        if [
            "script", "iframe", "svg", "object", "embed", "style", "form",
        ]
        .contains(&name)
        {
            return Some(format!("element <{name}>"));
        }
        for attr in parts {
            let (key, value) = attr.split_once('=').unwrap_or((attr, ""));
            let value = value.trim_matches(['"', '\'']).trim();
            if key.starts_with("on") {
                return Some(format!("event handler {key}"));
            }
            let unsafe_scheme = ["javascript:", "vbscript:", "data:"]
                .iter()
                .any(|s| value.starts_with(s));
            if ["href", "src", "action", "formaction"].contains(&key) && unsafe_scheme {
                return Some(format!("{key}={value}"));
            }
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Read-only folders and full disks. Root ignores permission bits, so these run a child in a
// private mount namespace (`unshare -m`) where the folder is a read-only bind mount or a tiny
// tmpfs. Where the machine does not allow that (not root), the read-only test falls back to
// permission bits and the full-disk test says SKIPPED.

/// Runs child test `name` with `setup` (shell, `$DIR` is the folder) in a private mount
/// namespace; `None` when namespaces are not available here.
fn in_mount_namespace(name: &str, dir: &Path, setup: &str) -> Option<String> {
    let probe = Command::new("unshare")
        .args([
            "-m",
            "sh",
            "-c",
            "mount -t tmpfs -o size=64k tmpfs \"$0\"",
            &dir.display().to_string(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        eprintln!(
            "{name}: this machine allows no private mount namespace (`unshare -m` needs root)"
        );
        return None;
    }
    let exe = this_test_binary();
    let script =
        format!("{setup} && exec \"$0\" --exact {name} --ignored --nocapture --test-threads=1");
    let output = Command::new("unshare")
        .args(["-m", "sh", "-c", &script, &exe.display().to_string()])
        .env("DIR", dir)
        .env(LIBRARY_VAR, dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "child {name} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(stdout)
}

/// Opening the read-only library and creating one inside it: both refused as a library
/// problem. Returns what an editor would read.
fn refusals_of_a_read_only_folder(dir: &Path) -> Vec<String> {
    assert!(
        std::fs::write(dir.join("probe"), "x").is_err(),
        "the folder should be read-only here"
    );
    let opened = Library::open(dir)
        .err()
        .expect("a read-only library cannot be opened for writing");
    let created = Library::open(dir.join("new"))
        .err()
        .expect("no library can be made in a read-only folder");
    [opened, created]
        .into_iter()
        .map(|err| {
            assert_eq!(err.kind(), "library", "{err}");
            format!("refused: {err}")
        })
        .collect()
}

#[test]
#[ignore = "child process of a_read_only_library_is_refused_clearly_and_nothing_is_lost"]
fn read_only_child() {
    let Some(dir) = child_env(LIBRARY_VAR).map(PathBuf::from) else {
        return;
    };
    for line in refusals_of_a_read_only_folder(&dir) {
        println!("{line}");
    }
}

/// Without mount namespaces (not root), permission bits make the folder read-only.
fn refusals_by_permissions(dir: &Path) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let set_mode =
        |mode| std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode)).unwrap();
    set_mode(0o555);
    let writable = std::fs::write(dir.join("probe"), "x").is_ok();
    let out = (!writable).then(|| refusals_of_a_read_only_folder(dir).join("\n"));
    set_mode(0o755);
    let _ = std::fs::remove_file(dir.join("probe"));
    out
}

#[test]
fn a_read_only_library_is_refused_clearly_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_article(&mut Library::open(dir.path()).unwrap(), "written before");
    let setup = "mount --bind \"$DIR\" \"$DIR\" && mount -o remount,bind,ro \"$DIR\"";
    let out = in_mount_namespace("safety::read_only_child", dir.path(), setup)
        .or_else(|| refusals_by_permissions(dir.path()));
    let Some(out) = out else {
        eprintln!(
            "SKIPPED: root without mount namespaces: nothing can make a folder read-only here"
        );
        return;
    };
    assert_eq!(out.matches("refused: library").count(), 2, "{out}");

    let library = Library::open(dir.path()).unwrap();
    assert_eq!(library.store().integrity_check().unwrap(), "ok");
    assert_eq!(
        library.store().article(&id).unwrap().fields.body,
        "written before"
    );
}

#[test]
#[ignore = "child process of a_full_disk_refuses_saves_clearly_and_keeps_every_acknowledged_one"]
fn full_disk_child() {
    let Some(dir) = child_env(LIBRARY_VAR).map(PathBuf::from) else {
        return;
    };
    let root = dir.join("lib");
    let mut library = Library::open(&root).unwrap();
    let id = new_article(&mut library, "start");
    let mut version = 1;
    let mut acked = Vec::new();
    let failure = loop {
        // Distinct text each time so nothing compresses or dedupes away.
        let body: String = (0..300).map(|w| format!("w{version}x{w} ")).collect();
        match library
            .store_mut()
            .save_article(&id, version, &fields(&body), SaveKind::Save)
        {
            Ok(article) => {
                version = article.version;
                acked.push((version, body));
            }
            Err(err) => break err,
        }
        assert!(acked.len() < 10_000, "the disk never filled up");
    };
    assert_eq!(failure.kind(), "disk_full", "{failure}");
    let message = failure.to_string();
    assert!(
        message.contains(&id) && message.ends_with(DISK_FULL),
        "{message}"
    );
    assert!(acked.len() > 3, "some saves fit before the disk was full");
    println!("refused after {} saves: {failure}", acked.len());
    drop(library);

    // Room again (the editor deleted something): every acknowledged save is there.
    std::fs::remove_file(dir.join("filler")).unwrap();
    let mut library = Library::open(&root).unwrap();
    assert_eq!(library.store().integrity_check().unwrap(), "ok");
    let revisions = library.store().revisions(&id).unwrap();
    for (version, body) in &acked {
        let kept = revisions
            .iter()
            .find(|r| r.version == Some(*version))
            .expect("acknowledged save lost");
        assert!(
            &kept.fields.body == body,
            "version {version} has the wrong text"
        );
    }
    library
        .store_mut()
        .save_article(&id, version, &fields("after"), SaveKind::Save)
        .unwrap();
    println!("checked {} acknowledged saves", acked.len());
}

const DISK_FULL: &str = "the disk is full: this save was not kept; everything saved before is safe. Free some space and save again.";

/// A full disk reads the same whichever layer noticed it, after what was being saved; other
/// failures keep the system's own words.
#[test]
fn a_full_disk_reads_the_same_wherever_it_is_noticed() {
    use newsdesk_core::error::Context;
    let context = || "saving article 5faf268f";
    let sqlite = |code| rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None);
    let io = |err: std::io::Error| Err::<(), _>(err).context(context).unwrap_err();
    let db = |err: rusqlite::Error| Err::<(), _>(err).context(context).unwrap_err();
    let cases = [
        (
            io(std::io::Error::from_raw_os_error(28)),
            "disk_full",
            DISK_FULL,
        ),
        (
            io(std::io::ErrorKind::StorageFull.into()),
            "disk_full",
            DISK_FULL,
        ),
        (
            db(sqlite(rusqlite::ffi::SQLITE_FULL)),
            "disk_full",
            DISK_FULL,
        ),
        (
            io(std::io::Error::from_raw_os_error(13)),
            "io",
            &std::io::Error::from_raw_os_error(13).to_string(),
        ),
        (
            db(sqlite(rusqlite::ffi::SQLITE_READONLY)),
            "database",
            &sqlite(rusqlite::ffi::SQLITE_READONLY).to_string(),
        ),
    ];
    for (err, kind, reason) in cases {
        assert_eq!(err.kind(), kind, "{err}");
        assert_eq!(
            err.to_string(),
            format!("saving article 5faf268f: {reason}")
        );
        assert_eq!(err.report().message(), err.to_string());
    }
}

#[test]
fn a_full_disk_refuses_saves_clearly_and_keeps_every_acknowledged_one() {
    let dir = tempfile::tempdir().unwrap();
    // An 8 MiB disk, all but about 1.5 MiB taken by a file the child deletes to make room.
    let setup = "mount -t tmpfs -o size=8m tmpfs \"$DIR\" && \
                 dd if=/dev/zero of=\"$DIR/filler\" bs=1k count=6700 status=none";
    let Some(out) = in_mount_namespace("safety::full_disk_child", dir.path(), setup) else {
        eprintln!(
            "SKIPPED: a full disk needs a small tmpfs, which needs a private mount namespace"
        );
        return;
    };
    // The child's line follows libtest's "test ... " on the same line.
    let refusal = out
        .lines()
        .find_map(|l| l.split_once("refused after "))
        .map(|(_, r)| r)
        .unwrap_or_else(|| panic!("{out}"));
    println!("refused after {refusal}");
    assert!(refusal.ends_with(DISK_FULL), "{refusal}");
    assert!(out.contains("checked "), "{out}");
}

// ---------------------------------------------------------------------------------------------
// Text is never cut at a byte offset

/// Characters of every UTF-8 length and shape: two bytes, three (CJK), a four-byte emoji joined
/// by a zero-width joiner, and a letter with a combining accent.
const MULTI_BYTE: [&str; 4] = ["é", "日本", "👩\u{200d}🚒", "e\u{301}"];

/// `text` with `insert` put before its character number `at`.
fn inserted(text: &str, at: usize, insert: &str) -> String {
    let split = text.char_indices().nth(at).map_or(text.len(), |(i, _)| i);
    format!("{}{insert}{}", &text[..split], &text[split..])
}

/// The first `n` characters, the way messages name a photo.
fn first_chars(text: &str, n: usize) -> String {
    text.chars().take(n).collect()
}

/// Preflight, export, render and search of one body: nothing panics, and the result makes sense.
fn check_body(library: &mut Library, out: &Path, case: &str, body: &str) {
    let f = ArticleFields {
        body: body.into(),
        ..crate::package::fields("")
    };
    let id = library
        .store_mut()
        .create_article(None, &f, Status::Ready, RevisionKind::Create)
        .unwrap()
        .id;
    let article = library.store().article(&id).unwrap();
    assert_eq!(
        article.fields.body, body,
        "{case}: the body is kept as typed"
    );

    let rendered = render(body, &NoPhotos).unwrap();
    for missing in &rendered.missing {
        assert!(
            body.contains(&format!("photo:{missing}")),
            "{case}: {missing} is what the body names"
        );
    }
    let checked = newsdesk_core::package::preflight(library, &article).unwrap();
    for problem in &checked.problems {
        assert_eq!(problem.field, "body", "{case}: {problem}");
        let photo = problem
            .photo_id
            .as_deref()
            .expect("only photos can be wrong here");
        // Named by the first characters of the id, or by its file name once found.
        let named = problem.message.contains(&first_chars(photo, 12))
            || problem.message.contains("rubbish.jpg");
        assert!(named, "{case}: {problem}");
    }
    let exported = crate::package::export(library, &id, &out.join(case));
    match exported {
        Ok(done) => assert!(
            checked.problems.is_empty() && done.files >= 4,
            "{case}: {done:?}"
        ),
        Err(e) => assert!(
            e.kind() == "preflight" && !checked.problems.is_empty(),
            "{case}: {e}"
        ),
    }
    let hits = newsdesk_core::search::search(
        library.store(),
        &newsdesk_core::search::SearchQuery {
            text: "harbour".into(),
            limit: 1000,
            ..Default::default()
        },
    )
    .unwrap();
    let hit = hits
        .iter()
        .find(|h| h.article.id == id)
        .unwrap_or_else(|| panic!("{case}: not found"));
    assert!(
        hit.snippet_html.contains("<mark>"),
        "{case}: {}",
        hit.snippet_html
    );
}

#[test]
fn defect_2_multi_byte_characters_anywhere_in_a_photo_reference_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path().join("lib")).unwrap();
    let photo = crate::package::credited_photo(&mut library, "rubbish.jpg");
    let version = library.store().photo(&photo).unwrap().version;
    library
        .store_mut()
        .save_crop(
            &photo,
            version,
            "wide",
            newsdesk_core::photo::Aspect::Free,
            newsdesk_core::photo::Rect {
                x: 0,
                y: 100,
                width: 564,
                height: 400,
            },
        )
        .unwrap();
    // A photo that is not in the library (the reported crash: `photo:aaaaaaaaaaaé`) and one
    // that is, with a crop: a character anywhere in either reference, or around it.
    let bodies = [
        "Harbour ![x](photo:aaaaaaaaaaaa) fire.".to_owned(),
        format!("Harbour ![x](photo:{photo}/wide) fire."),
    ];
    let mut cases = 0;
    for (b, body) in bodies.iter().enumerate() {
        for at in 0..=body.chars().count() {
            for (m, insert) in MULTI_BYTE.iter().enumerate() {
                check_body(
                    &mut library,
                    dir.path(),
                    &format!("b{b}-at{at}-m{m}"),
                    &inserted(body, at, insert),
                );
                cases += 1;
            }
        }
    }
    assert!(cases > 400, "{cases}");
}

#[test]
fn defect_2_multi_byte_characters_in_every_word_of_every_searched_field_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path().join("lib")).unwrap();
    let word = "Harbour";
    for at in 0..=word.chars().count() {
        for insert in MULTI_BYTE {
            let changed = inserted(word, at, insert);
            let f = ArticleFields {
                headline: format!("{changed} fire {changed}"),
                dek: format!("The {changed} burned"),
                keywords: vec![changed.clone(), insert.to_string()],
                slugline: changed.repeat(4),
                body: format!(
                    "{changed}. {}\n\n{changed}",
                    "Words around the harbour. ".repeat(20)
                ),
                ..crate::package::fields("")
            };
            let article = library
                .store_mut()
                .create_article(None, &f, Status::Ready, RevisionKind::Create)
                .unwrap();
            let rendered = render(&article.fields.body, &NoPhotos).unwrap();
            assert!(rendered.stats.words > 40);
            let warnings = newsdesk_core::render::warnings(&article.fields, &rendered.stats);
            assert!(
                warnings.iter().any(|w| w.field == "slugline"),
                "{changed}: {warnings:?}"
            );
            let checked = newsdesk_core::package::preflight(&library, &article).unwrap();
            assert!(
                checked.problems.is_empty(),
                "{changed}: {:?}",
                checked.problems
            );
            let done = crate::package::export(
                &mut library,
                &article.id,
                &dir.path().join(format!("{at}{insert}")),
            );
            assert!(done.is_ok(), "{changed}: {done:?}");
            let hits = newsdesk_core::search::search(
                library.store(),
                &newsdesk_core::search::SearchQuery {
                    text: changed.clone(),
                    limit: 1000,
                    ..Default::default()
                },
            )
            .unwrap();
            let hit = hits
                .iter()
                .find(|h| h.article.id == article.id)
                .unwrap_or_else(|| panic!("{changed}"));
            assert!(
                hit.snippet_html.contains("<mark>"),
                "{changed}: {}",
                hit.snippet_html
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Many processes opening one library at once

const START_VAR: &str = "NEWSDESK_TEST_CHILD_START";
const OPENERS: usize = 40;

/// Waits for the start file, opens the library and says how it went.
#[test]
#[ignore = "child process of the defect_4 tests"]
fn opening_child() {
    let (Some(dir), Some(start)) = (child_env(LIBRARY_VAR), child_env(START_VAR)) else {
        return;
    };
    while !Path::new(&start).exists() {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    match Library::open(&dir) {
        Ok(library) => println!(
            "opened at schema {}",
            library.store().schema_version().unwrap()
        ),
        Err(e) => println!("failed ({}): {e}", e.kind()),
    }
}

/// Forty processes open `root` at the same moment (they all wait for one file to appear);
/// what each said.
fn forty_open_at_once(root: &Path) -> Vec<String> {
    let start = root.with_extension("start");
    let children: Vec<_> = (0..OPENERS)
        .map(|_| {
            child("safety::opening_child")
                .env(LIBRARY_VAR, root)
                .env(START_VAR, &start)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    std::fs::write(&start, "go").unwrap();
    children
        .into_iter()
        .map(|child| {
            let out = child.wait_with_output().unwrap();
            // The test harness starts the line ("test safety::opening_child ... opened at...").
            let said = String::from_utf8_lossy(&out.stdout);
            let line = said.lines().find_map(|l| {
                l.find("opened ")
                    .or_else(|| l.find("failed ("))
                    .map(|at| &l[at..])
            });
            line.map(str::to_owned).unwrap_or_else(|| {
                format!("crashed: {said} {}", String::from_utf8_lossy(&out.stderr))
            })
        })
        .collect()
}

/// The schema a library made by this Newsdesk has.
fn latest_schema() -> i64 {
    let dir = tempfile::tempdir().unwrap();
    Library::open(dir.path())
        .unwrap()
        .store()
        .schema_version()
        .unwrap()
}

fn assert_all_opened(said: &[String]) {
    let latest = format!("opened at schema {}", latest_schema());
    let failed: Vec<&String> = said.iter().filter(|s| **s != latest).collect();
    assert!(
        failed.is_empty(),
        "{} of {OPENERS} opened; the others said: {failed:#?}",
        OPENERS - failed.len()
    );
}

#[test]
fn defect_4_forty_processes_opening_a_new_library_at_once_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("new");
    assert_all_opened(&forty_open_at_once(&root));
    let library = Library::open(&root).unwrap();
    assert_eq!(library.store().integrity_check().unwrap(), "ok");
    assert_eq!(library.store().schema_version().unwrap(), latest_schema());
}

/// A library as Newsdesk left it at schema 3 (before the search prefixes), with one article.
pub fn library_at_schema_3(root: &Path) -> String {
    std::fs::create_dir_all(root).unwrap();
    let conn = rusqlite::Connection::open(root.join(newsdesk_core::library::DB_FILE)).unwrap();
    for sql in [
        include_str!("../../src/store/migrations/001_articles.sql"),
        include_str!("../../src/store/migrations/002_photos.sql"),
        include_str!("../../src/store/migrations/003_delivery.sql"),
    ] {
        conn.execute_batch(sql).unwrap();
    }
    conn.pragma_update(None, "user_version", 3).unwrap();
    let id = "0b6f2c1e-8f7a-4d55-9d43-6a1f3e5b2c10";
    conn.execute(
        "INSERT INTO articles (seq, id, version, status, section, headline, created_at, updated_at, fields)
         VALUES (7, ?1, 1, 'ready', 'sport', 'Marathon in the Café district',
                 '2024-07-30T10:00:00Z', '2024-07-30T10:00:00Z',
                 '{\"headline\": \"Marathon in the Café district\", \"body\": \"Runners crossed the old harbour.\"}')",
        [id],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO articles_fts (rowid, headline, dek, body, byline, keywords)
         VALUES (7, 'Marathon in the Café district', '', 'Runners crossed the old harbour.', '', '')",
        [],
    )
    .unwrap();
    id.to_owned()
}

#[test]
fn defect_4_forty_processes_upgrading_an_older_library_at_once_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("old");
    let id = library_at_schema_3(&root);
    assert_all_opened(&forty_open_at_once(&root));
    let library = Library::open(&root).unwrap();
    assert_eq!(library.store().integrity_check().unwrap(), "ok");
    assert_eq!(library.store().schema_version().unwrap(), latest_schema());
    let article = library.store().article(&id).unwrap();
    assert_eq!(
        (article.version, article.fields.body.as_str()),
        (1, "Runners crossed the old harbour.")
    );
    let hits = newsdesk_core::search::search(
        library.store(),
        &newsdesk_core::search::SearchQuery {
            text: "harb".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        hits.iter()
            .map(|h| h.article.id.as_str())
            .collect::<Vec<_>>(),
        [id.as_str()]
    );
}
