//! The real `newsdesk` binary against temporary libraries: what a script or an editor at a
//! terminal sees, exit codes and `--json` shapes included.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn ok(self) -> Run {
        assert_eq!(
            self.code, 0,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("{e}: {}", self.stdout))
    }

    /// A failed command: exit 1 and exactly one line on stderr.
    fn failed(self) -> Run {
        assert_eq!(
            self.code, 1,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        assert_eq!(
            self.stderr.trim_end().lines().count(),
            1,
            "one line: {:?}",
            self.stderr
        );
        self
    }

    fn error_json(&self) -> Value {
        serde_json::from_str(self.stderr.trim()).unwrap_or_else(|e| panic!("{e}: {}", self.stderr))
    }
}

fn newsdesk_with_stdin(library: &Path, args: &[&str], stdin: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .arg("--library")
        .arg(library)
        .args(args)
        .env_remove("NEWSDESK_LIBRARY")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().unwrap();
    Run {
        code: status.code().expect("exited, not killed"),
        stdout: String::from_utf8(stdout).unwrap(),
        stderr: String::from_utf8(stderr).unwrap(),
    }
}

fn newsdesk(library: &Path, args: &[&str]) -> Run {
    newsdesk_with_stdin(library, args, "")
}

fn new_article(library: &Path, headline: &str) -> String {
    let run = newsdesk(
        library,
        &["new", "--headline", headline, "--body", "Body text."],
    )
    .ok();
    run.stdout.trim().to_owned()
}

#[test]
fn new_prints_the_id_and_show_gives_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path();
    let run = newsdesk(
        lib,
        &[
            "new",
            "--headline",
            "Council: \"yes\" to the budget",
            "--dek",
            "A late-night vote.",
            "--kicker",
            "City Hall",
            "--section",
            "Local",
            "--slugline",
            "council-budget",
            "--author",
            "Maria Okafor:City hall reporter",
            "--author",
            "Tom Brandt",
            "--place",
            "RIVERTON",
            "--date",
            "2024-11-14",
            "--keyword",
            "budget",
            "--keyword",
            "transit",
            "--related",
            "Bus routes explained|https://example.org/bus",
            "--editors-note",
            "Check the figures.",
            "--embargo",
            "2024-11-15T06:00:00Z",
            "--body",
            "The council **approved** it.",
        ],
    )
    .ok();
    let id = run.stdout.trim();
    assert!(uuid_like(id), "new prints only the id: {:?}", run.stdout);

    let shown = newsdesk(lib, &["--json", "show", &id[..8]]).ok().json();
    assert_eq!(shown["id"], id);
    assert_eq!(shown["version"], 1);
    assert_eq!(shown["status"], "draft");
    assert_eq!(shown["headline"], "Council: \"yes\" to the budget");
    assert_eq!(shown["kicker"], "City Hall");
    assert_eq!(shown["slugline"], "council-budget");
    assert_eq!(shown["authors"][0]["name"], "Maria Okafor");
    assert_eq!(shown["authors"][0]["role"], "City hall reporter");
    assert_eq!(shown["authors"][1]["name"], "Tom Brandt");
    assert_eq!(shown["dateline"]["place"], "RIVERTON");
    assert_eq!(shown["keywords"], serde_json::json!(["budget", "transit"]));
    assert_eq!(shown["related"][0]["url"], "https://example.org/bus");
    assert_eq!(shown["embargo"], "2024-11-15T06:00:00Z");
    assert_eq!(shown["stats"]["words"], 4);
    assert!(shown["warnings"].as_array().unwrap().is_empty(), "{shown}");
    assert!(shown.get("html").is_none());

    let text = newsdesk(lib, &["show", id]).ok().stdout;
    for expected in [
        "version 1",
        "draft",
        "Maria Okafor and Tom Brandt",
        "The council **approved** it.",
        "4 words",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
    let html = newsdesk(lib, &["show", id, "--html"]).ok().stdout;
    assert!(html.contains("<strong>approved</strong>"), "{html}");
}

#[test]
fn show_warns_about_what_an_editor_should_fix() {
    let dir = tempfile::tempdir().unwrap();
    let long = "A headline that goes on and on and on well past the sixty-four characters allowed";
    let id = newsdesk(dir.path(), &["new", "--headline", long])
        .ok()
        .stdout
        .trim()
        .to_owned();
    let shown = newsdesk(dir.path(), &["--json", "show", &id]).ok().json();
    let fields: Vec<&str> = shown["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["field"].as_str().unwrap())
        .collect();
    for field in ["headline", "authors", "body"] {
        assert!(
            fields
                .iter()
                .any(|f| f.contains(field) || field.contains(f)),
            "{field} in {fields:?}"
        );
    }
    let text = newsdesk(dir.path(), &["show", &id]).ok().stdout;
    assert!(text.contains("warning: headline"), "{text}");
}

#[test]
fn show_html_points_placed_photos_at_renditions_a_browser_can_open() {
    let dir = tempfile::tempdir().unwrap();
    // A space in the folder name: the file:// URL must still lead to the file.
    let lib = dir.path().join("news library");
    let wire = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/fixtures/photos/wire/getty.jpg"
    );
    newsdesk(&lib, &["photo", "import", wire]).ok();
    let photo = newsdesk(&lib, &["--json", "photo", "list"]).ok().json()[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    newsdesk(&lib, &["photo", "crop", &photo, "wide", "--aspect", "16:9"]).ok();
    let body = format!("Before.\n\n![](photo:{photo}/wide)\n\n![](photo:{photo}/no-such-crop)\n");
    let id = newsdesk(&lib, &["new", "--headline", "Downhill", "--body", &body])
        .ok()
        .stdout
        .trim()
        .to_owned();

    let shown = newsdesk(&lib, &["--json", "show", &id, "--html"])
        .ok()
        .json();

    let html = shown["html"].as_str().unwrap();
    let src = html
        .split("<img src=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect(html);
    let file = url::Url::parse(src).unwrap().to_file_path().unwrap();
    let jpeg = std::fs::read(&file).unwrap_or_else(|e| panic!("{src}: {e}"));
    assert_eq!(&jpeg[..2], [0xFF, 0xD8], "{src} is a JPEG");
    assert!(file.starts_with(&lib), "{file:?} is in the library");
    assert!(
        html.contains("width=\"100\" height=\"56\""),
        "sized like the 16:9 crop: {html}"
    );
    assert!(
        html.contains("AFP/Getty Images"),
        "the desk's credit: {html}"
    );
    assert_eq!(html.matches("<img").count(), 1, "{html}");
    assert!(
        html.contains(&format!("Missing photo {photo}/no-such-crop")),
        "{html}"
    );
}

#[test]
fn the_body_can_come_from_stdin_or_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let body = "Première ligne — «citation».\n\n- a list\n- with *emphasis*\n";
    let id = newsdesk_with_stdin(
        &lib,
        &["new", "--headline", "From stdin", "--body-file", "-"],
        body,
    )
    .ok()
    .stdout
    .trim()
    .to_owned();
    assert_eq!(
        newsdesk(&lib, &["--json", "show", &id]).ok().json()["body"],
        body
    );

    let file = dir.path().join("body.md");
    std::fs::write(&file, "From a file.\n").unwrap();
    newsdesk(
        &lib,
        &[
            "edit",
            &id,
            "--base-version",
            "1",
            "--body-file",
            file.to_str().unwrap(),
        ],
    )
    .ok();
    assert_eq!(
        newsdesk(&lib, &["--json", "show", &id]).ok().json()["body"],
        "From a file.\n"
    );

    let missing = newsdesk(
        &lib,
        &[
            "edit",
            &id,
            "--base-version",
            "2",
            "--body-file",
            "/no/such/file.md",
        ],
    )
    .failed();
    assert!(
        missing.stderr.contains("/no/such/file.md"),
        "{}",
        missing.stderr
    );
}

#[test]
fn a_stale_edit_exits_non_zero_names_both_versions_and_keeps_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path();
    let id = new_article(lib, "Original");
    // Two separate processes, both working from version 1.
    let first = newsdesk(
        lib,
        &[
            "--json",
            "edit",
            &id,
            "--base-version",
            "1",
            "--headline",
            "First",
        ],
    )
    .ok()
    .json();
    assert_eq!(first["version"], 2);
    assert_eq!(first["headline"], "First");

    let stale = newsdesk(
        lib,
        &["edit", &id, "--base-version", "1", "--headline", "Second"],
    )
    .failed();
    assert!(stale.stdout.is_empty());
    let message = stale.stderr;
    assert!(message.starts_with("newsdesk: "), "{message}");
    for expected in ["version 1", "version 2", "conflict revision"] {
        assert!(message.contains(expected), "{expected:?} in {message}");
    }

    let stale = newsdesk(
        lib,
        &[
            "--json",
            "edit",
            &id,
            "--base-version",
            "1",
            "--headline",
            "Third",
        ],
    )
    .failed();
    let report = stale.error_json();
    assert_eq!(report["kind"], "conflict");
    assert!(report["message"].as_str().unwrap().contains("version 2"));
    // The details a script (or the window) acts on, without asking again.
    let details = (
        &report["id"],
        &report["base_version"],
        &report["current_version"],
        &report["kept_revision"],
    );
    assert_eq!(
        details,
        (
            &serde_json::json!(id),
            &serde_json::json!(1),
            &serde_json::json!(2),
            &serde_json::json!(4)
        ),
        "{report}"
    );

    let history = newsdesk(lib, &["--json", "history", &id]).ok().json();
    let kept: Vec<(&str, &str)> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["kind"].as_str().unwrap(),
                r["fields"]["headline"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kept,
        [
            ("create", "Original"),
            ("save", "First"),
            ("conflict", "Second"),
            ("conflict", "Third")
        ]
    );
    assert_eq!(
        newsdesk(lib, &["--json", "show", &id]).ok().json()["headline"],
        "First"
    );
}

#[test]
fn list_filters_and_sorts() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path();
    for (headline, section, status) in [
        ("Banana", "Food", "draft"),
        ("apple", "Food", "ready"),
        ("Cherry", "Sports", "ready"),
    ] {
        newsdesk(
            lib,
            &[
                "new",
                "--headline",
                headline,
                "--section",
                section,
                "--status",
                status,
            ],
        )
        .ok();
    }
    let headlines = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["--json", "list"];
        all.extend_from_slice(args);
        let list = newsdesk(lib, &all).ok().json();
        list.as_array()
            .unwrap()
            .iter()
            .map(|a| a["headline"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        headlines(&["--sort", "headline"]),
        ["apple", "Banana", "Cherry"]
    );
    assert_eq!(
        headlines(&["--sort", "headline", "--status", "ready"]),
        ["apple", "Cherry"]
    );
    assert_eq!(
        headlines(&["--sort", "headline", "--section", "Food"]),
        ["apple", "Banana"]
    );
    assert_eq!(
        headlines(&["--section", "Food", "--status", "ready"]),
        ["apple"]
    );
    assert_eq!(headlines(&["--sort", "created", "--limit", "1"]).len(), 1);

    let list = newsdesk(lib, &["--json", "list"]).ok().json();
    let first = list[0].as_object().unwrap();
    for key in [
        "id",
        "version",
        "status",
        "section",
        "headline",
        "updated_at",
    ] {
        assert!(first.contains_key(key), "{key} in {first:?}");
    }
    let text = newsdesk(lib, &["list", "--status", "draft"]).ok().stdout;
    assert_eq!(text.lines().count(), 1);
    assert!(text.contains("Banana") && text.contains("draft"));
}

#[test]
fn search_finds_with_snippets_and_filters() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path();
    newsdesk(lib, &["demo"]).ok();
    let hits = newsdesk(lib, &["--json", "search", "cafe"]).ok().json();
    let hits = hits.as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(
        hits[0]["headline"].as_str().unwrap().contains("Café"),
        "{hits:?}"
    );
    assert!(
        hits[0]["snippet"].as_str().unwrap().contains('['),
        "{hits:?}"
    );

    let published = newsdesk(
        lib,
        &["--json", "search", "Korean", "--status", "published"],
    )
    .ok()
    .json();
    assert_eq!(published.as_array().unwrap().len(), 1);
    let drafts = newsdesk(lib, &["--json", "search", "Korean", "--status", "draft"])
        .ok()
        .json();
    assert!(drafts.as_array().unwrap().is_empty());
    let world = newsdesk(lib, &["--json", "search", "Korean", "--section", "Culture"])
        .ok()
        .json();
    assert!(world.as_array().unwrap().is_empty());

    // What would be FTS syntax is searched as plain words.
    for hostile in ["\"unbalanced", "NEAR(a b)", "headline:x", "*", "a OR", "-"] {
        newsdesk(lib, &["search", hostile]).ok();
    }
    let text = newsdesk(lib, &["search", "selfie"]).ok().stdout;
    assert!(text.contains("Sports diplomacy"), "{text}");
}

#[test]
fn history_diff_restore_and_status() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path();
    let id = new_article(lib, "The old headline");
    newsdesk(
        lib,
        &[
            "edit",
            &id,
            "--base-version",
            "1",
            "--headline",
            "The new headline",
        ],
    )
    .ok();

    let diff = newsdesk(lib, &["--json", "diff", &id, "1", "2"])
        .ok()
        .json();
    assert_eq!(diff[0]["field"], "headline");
    let ops: Vec<(&str, &str)> = diff[0]["ops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["op"].as_str().unwrap(), o["text"].as_str().unwrap()))
        .collect();
    assert!(
        ops.contains(&("delete", "old")) && ops.contains(&("insert", "new")),
        "{ops:?}"
    );
    let text = newsdesk(lib, &["diff", &id, "1", "2"]).ok().stdout;
    assert!(
        text.contains("[-old-]") && text.contains("{+new+}"),
        "{text}"
    );

    let spiked = newsdesk(
        lib,
        &["--json", "status", &id, "spiked", "--base-version", "2"],
    )
    .ok()
    .json();
    assert_eq!(
        (spiked["status"].as_str(), spiked["version"].as_i64()),
        (Some("spiked"), Some(3))
    );
    let back = newsdesk(
        lib,
        &["--json", "status", &id, "editing", "--base-version", "3"],
    )
    .ok()
    .json();
    assert_eq!(back["status"], "editing");

    let restored = newsdesk(lib, &["--json", "restore", &id, "1", "--base-version", "4"])
        .ok()
        .json();
    assert_eq!(restored["headline"], "The old headline");
    assert_eq!(restored["version"], 5);
    let history = newsdesk(lib, &["--json", "history", &id]).ok().json();
    let kinds: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["create", "save", "status", "status", "restore"]);
    let text = newsdesk(lib, &["history", &id]).ok().stdout;
    assert_eq!(text.lines().count(), 5, "{text}");

    let stale = newsdesk(lib, &["status", &id, "ready", "--base-version", "1"]).failed();
    assert!(stale.stderr.contains("version 5"), "{}", stale.stderr);
    let bad = newsdesk(
        lib,
        &["--json", "restore", &id, "99", "--base-version", "5"],
    )
    .failed();
    assert_eq!(bad.error_json()["kind"], "not_found");
}

#[test]
fn export_md_then_import_gives_back_the_same_article() {
    let dir = tempfile::tempdir().unwrap();
    let (source, target) = (dir.path().join("a"), dir.path().join("b"));
    newsdesk(&source, &["demo"]).ok();
    let ids: Vec<String> = newsdesk(&source, &["--json", "list"])
        .ok()
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect();
    for id in &ids {
        let file = dir.path().join(format!("{id}.md"));
        let written = newsdesk(
            &source,
            &["--json", "export-md", id, "--out", file.to_str().unwrap()],
        )
        .ok()
        .json();
        assert_eq!(written["id"], id.as_str());
        let stdout_copy = newsdesk(&source, &["export-md", id]).ok().stdout;
        assert_eq!(std::fs::read_to_string(&file).unwrap(), stdout_copy);

        let imported = newsdesk(&target, &["--json", "import", file.to_str().unwrap()])
            .ok()
            .json();
        assert_eq!(imported["created"], true);
        let mut before = newsdesk(&source, &["--json", "show", id]).ok().json();
        let mut after = newsdesk(&target, &["--json", "show", id]).ok().json();
        for bookkeeping in ["version", "created_at", "updated_at"] {
            before.as_object_mut().unwrap().remove(bookkeeping);
            after.as_object_mut().unwrap().remove(bookkeeping);
        }
        assert_eq!(before, after, "{id}");
    }

    // Edited in a text editor and imported back: a new version of the same article.
    let file = dir.path().join("edited.md");
    let id = &ids[0];
    newsdesk(&target, &["export-md", id, "--out", file.to_str().unwrap()]).ok();
    let text =
        std::fs::read_to_string(&file)
            .unwrap()
            .replacen("\nheadline: ", "\nheadline: Edited ", 1);
    std::fs::write(&file, text).unwrap();
    let saved = newsdesk(&target, &["import", file.to_str().unwrap()])
        .ok()
        .stdout;
    assert!(
        saved.starts_with("saved ") && saved.contains(id.as_str()),
        "{saved}"
    );
    let again = newsdesk(&target, &["--json", "import", file.to_str().unwrap()]).failed();
    assert_eq!(again.error_json()["kind"], "conflict");
}

#[test]
fn a_malformed_markdown_file_is_refused_with_its_name_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.md");
    std::fs::write(&file, "---\nheadline: ok\nstatus: [draft\n---\nBody\n").unwrap();
    let run = newsdesk(&dir.path().join("lib"), &["import", file.to_str().unwrap()]).failed();
    assert!(
        run.stderr.contains("broken.md") && run.stderr.contains("line 3"),
        "{}",
        run.stderr
    );
    let list = newsdesk(&dir.path().join("lib"), &["--json", "list"])
        .ok()
        .json();
    assert!(list.as_array().unwrap().is_empty(), "nothing imported");
}

#[test]
fn demo_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path();
    let first = newsdesk(lib, &["--json", "demo"]).ok().json();
    let created = first["created"].as_array().unwrap().len();
    assert!((6..=10).contains(&created));
    let photos = first["photos_created"].as_array().unwrap().len();
    assert!(photos >= 4, "the photo desk has photos: {first}");
    let second = newsdesk(lib, &["--json", "demo"]).ok().json();
    assert_eq!(second["created"].as_array().unwrap().len(), 0);
    assert_eq!(second["already_there"], created);
    assert_eq!(second["photos_created"].as_array().unwrap().len(), 0);
    assert_eq!(second["photos_already_there"], photos);
    assert_eq!(
        newsdesk(lib, &["--json", "photo", "list"])
            .ok()
            .json()
            .as_array()
            .unwrap()
            .len(),
        photos
    );
    assert_eq!(
        newsdesk(lib, &["--json", "list"])
            .ok()
            .json()
            .as_array()
            .unwrap()
            .len(),
        created
    );
    assert!(
        newsdesk(lib, &["demo"])
            .ok()
            .stdout
            .contains("already there")
    );
}

#[test]
fn errors_are_one_readable_line_or_json_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let a = new_article(&lib, "One");

    let missing = newsdesk(&lib, &["show", "ffffffff"]).failed();
    assert!(missing.stderr.contains("not found"), "{}", missing.stderr);
    assert_eq!(
        newsdesk(&lib, &["--json", "show", "ffffffff"])
            .failed()
            .error_json()["kind"],
        "not_found"
    );

    // A prefix shared by two articles is refused rather than guessed.
    let b = loop {
        let b = new_article(&lib, "Two");
        if b[..1] == a[..1] {
            break b;
        }
    };
    let ambiguous = newsdesk(&lib, &["show", &a[..1]]).failed();
    assert!(ambiguous.stderr.contains("several"), "{}", ambiguous.stderr);
    newsdesk(&lib, &["show", &b]).ok();

    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let not_a_folder = newsdesk(&file, &["--json", "list"]).failed().error_json();
    assert_eq!(not_a_folder["kind"], "library");

    let bad_date = newsdesk(&lib, &["new", "--headline", "x", "--date", "30/07/2024"]).failed();
    assert!(
        bad_date.stderr.contains("30/07/2024"),
        "{}",
        bad_date.stderr
    );
    let bad_embargo = newsdesk(&lib, &["--json", "new", "--embargo", "tomorrow"]).failed();
    assert_eq!(bad_embargo.error_json()["kind"], "invalid");
}

#[test]
fn hostile_markdown_is_shown_harmless() {
    let dir = tempfile::tempdir().unwrap();
    let body =
        "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))";
    let id = newsdesk_with_stdin(
        dir.path(),
        &["new", "--headline", "h", "--body-file", "-"],
        body,
    )
    .ok()
    .stdout
    .trim()
    .to_owned();
    let shown = newsdesk(dir.path(), &["--json", "show", &id, "--html"])
        .ok()
        .json();
    assert_eq!(shown["body"], body, "kept as typed");
    let html = shown["html"].as_str().unwrap().to_lowercase();
    assert!(
        !html.contains("<script")
            && !html.contains("onerror")
            && !html.contains("href=\"javascript"),
        "{html}"
    );
}

#[test]
fn a_reader_that_goes_away_stops_the_output_quietly() {
    let dir = tempfile::tempdir().unwrap();
    newsdesk(dir.path(), &["demo"]).ok();
    // The read end is closed before the command starts, so its first print finds no reader.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .arg("--library")
        .arg(dir.path())
        .arg("list")
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.is_empty(), "{stderr}");
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&out.status),
        Some(libc::SIGPIPE)
    );
}

#[test]
fn usage_mistakes_are_errors_like_any_other() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path();
    let bad_status = newsdesk(lib, &["status", "abc", "lost", "--base-version", "1"]).failed();
    assert!(
        bad_status.stderr.contains("unknown status \"lost\""),
        "{}",
        bad_status.stderr
    );
    let missing = newsdesk(lib, &["--json", "edit", "abc"])
        .failed()
        .error_json();
    assert_eq!(missing["kind"], "invalid");
    assert!(
        missing["message"]
            .as_str()
            .unwrap()
            .contains("--base-version"),
        "{missing}"
    );
    newsdesk(lib, &["list", "--sort", "sideways"]).failed();
    // A script gets {kind, message} even where a person gets the help.
    for args in [&["--json"][..], &["--json", "photo"], &["photo", "--json"]] {
        let missing = newsdesk(lib, args).failed().error_json();
        assert_eq!(missing["kind"], "invalid", "{args:?}");
        let message = missing["message"].as_str().unwrap();
        assert!(
            message.contains("newsdesk") && message.contains("import, "),
            "{message}"
        );
    }
    let person = newsdesk(lib, &["photo"]);
    assert_eq!(
        person.code, 2,
        "help for a missing command, as clap gives it"
    );
    assert!(
        person.stdout.contains("Usage:") || person.stderr.contains("Usage:"),
        "{}",
        person.stderr
    );
    let help = newsdesk(lib, &["--help"]).ok().stdout;
    for command in [
        "new",
        "show",
        "edit",
        "list",
        "search",
        "history",
        "diff",
        "restore",
        "status",
        "import",
        "export-md",
        "demo",
    ] {
        assert!(
            help.contains(&format!("\n  {command} ")),
            "{command} in {help}"
        );
    }
}

#[test]
fn the_library_comes_from_the_option_then_the_environment_then_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str], env_library: Option<&Path>| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_newsdesk"));
        command
            .args(args)
            .env("HOME", dir.path())
            .env_remove("XDG_DATA_HOME")
            .env_remove("NEWSDESK_LIBRARY");
        if let Some(lib) = env_library {
            command.env("NEWSDESK_LIBRARY", lib);
        }
        let output = command.output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap().trim().to_owned()
    };
    let (explicit, from_env) = (dir.path().join("explicit"), dir.path().join("from-env"));
    let default = dir.path().join(".local/share/newsdesk");

    let a = run(
        &[
            "--library",
            explicit.to_str().unwrap(),
            "new",
            "--headline",
            "a",
        ],
        Some(&from_env),
    );
    let b = run(&["new", "--headline", "b"], Some(&from_env));
    let c = run(&["new", "--headline", "c"], None);
    for (lib, id) in [(&explicit, &a), (&from_env, &b), (&default, &c)] {
        let list = newsdesk(lib, &["--json", "list"]).ok().json();
        let ids: Vec<&str> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, [id.as_str()], "{}", lib.display());
    }
}

fn uuid_like(s: &str) -> bool {
    s.len() == 36 && s.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
}

#[test]
fn defect_2_a_photo_reference_with_a_multi_byte_character_is_a_problem_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let hot = dir.path().join("hot");
    newsdesk(
        &lib,
        &[
            "destination",
            "add",
            "desk",
            "--folder",
            hot.to_str().unwrap(),
        ],
    )
    .ok();
    for reference in [
        "aaaaaaaaaaaé",
        "aaaaaaaaaaa日本",
        "aaaaaaaaaaa👩\u{200d}🚒",
        "aaaaaaaaaaae\u{301}",
        "é",
    ] {
        let body = format!("The harbour. ![x](photo:{reference})");
        let id = newsdesk(
            &lib,
            &[
                "new",
                "--headline",
                "Harbour",
                "--author",
                "Ana",
                "--body",
                &body,
            ],
        )
        .ok();
        let id = id.stdout.trim();
        let short: String = reference.chars().take(12).collect();
        for args in [
            vec!["preflight", id],
            vec!["export", id, "--out", "story.zip"],
            vec!["deliver", id, "--to", "desk"],
            vec!["deliver", id, "--to", "desk", "--now"],
        ] {
            let run = newsdesk(&lib, &args);
            assert_eq!(
                run.code, 1,
                "{args:?} {reference}: {}{}",
                run.stdout, run.stderr
            );
            let said = format!("{}{}", run.stdout, run.stderr);
            assert!(
                said.contains(&format!("({short}) is not in the library")),
                "{args:?}: {said}"
            );
        }
        let shown = newsdesk(&lib, &["show", id, "--html"]).ok();
        assert!(shown.stdout.contains("Missing photo"), "{}", shown.stdout);
    }
}

#[test]
fn defect_4_forty_newsdesk_list_on_a_new_library_at_once_all_succeed() {
    const RUNS: usize = 40;
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("new");
    let running: Vec<_> = (0..RUNS)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_newsdesk"))
                .arg("--library")
                .arg(&lib)
                .arg("list")
                .env_remove("NEWSDESK_LIBRARY")
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let failed: Vec<String> = running
        .into_iter()
        .map(|child| child.wait_with_output().unwrap())
        .filter(|out| !out.status.success())
        .map(|out| String::from_utf8_lossy(&out.stderr).into_owned())
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {RUNS} succeeded; the others said: {failed:#?}",
        RUNS - failed.len()
    );
    let id = new_article(&lib, "After the rush");
    let listed = newsdesk(&lib, &["--json", "list"]).ok().json();
    assert_eq!(listed[0]["id"], id.as_str());
}
