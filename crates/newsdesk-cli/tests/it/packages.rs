//! `newsdesk export`, `destination`, `deliver` and `outbox` as a script sees them.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use super::common::{json, newsdesk};

/// `newsdesk` as a script runs it with `NEWSDESK_PUSH_SECRET` set: (exit code, stdout, stderr).
fn newsdesk_with_secret(library: &Path, secret: &str, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .current_dir(library.parent().unwrap())
        .arg("--library")
        .arg(library)
        .args(args)
        .env_remove("NEWSDESK_LIBRARY")
        .env("NEWSDESK_PUSH_SECRET", secret)
        .output()
        .unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (
        out.status.code().unwrap(),
        text(out.stdout),
        text(out.stderr),
    )
}

#[test]
fn export_lists_preflight_problems_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let (_, created, _) = newsdesk(&lib, &["--json", "new", "--body", "![](photo:feedface)"]);
    let id = json(&created)["id"].as_str().unwrap().to_owned();
    let out = dir.path().join("story.zip");

    let (code, stdout, stderr) = newsdesk(
        &lib,
        &["--json", "export", &id[..8], "--out", out.to_str().unwrap()],
    );

    assert_eq!(code, 1, "{stdout} {stderr}");
    let fields: Vec<String> = json(&stdout)["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["field"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(fields, ["headline", "authors", "body", "body"]);
    let report = json(stderr.trim());
    assert_eq!(report["kind"], "preflight");
    assert_eq!(report["article_id"], id.as_str());
    assert_eq!(
        report["problems"],
        json(&stdout)["problems"],
        "the error carries the problems too"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "only the library is there"
    );
}

#[test]
fn export_deliver_and_outbox_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let id = harbour_fire(&lib);
    let zip = dir.path().join("story.zip");

    // A bare file name: written in the current folder.
    let (code, stdout, stderr) = newsdesk(&lib, &["--json", "export", &id, "--out", "story.zip"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json(&stdout)["ninjs_version"], 1);
    assert!(zip.is_file());
    let (code, _, stderr) = newsdesk(&lib, &["export", &id, "--out", "story"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(dir.path().join("story/manifest.json").is_file());

    let hot = dir.path().join("hot");
    std::fs::create_dir(&hot).unwrap();
    let (code, _, stderr) = newsdesk(
        &lib,
        &[
            "destination",
            "add",
            "wire",
            "--folder",
            hot.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = newsdesk_with_secret(
        &lib,
        "s3cret",
        &[
            "destination",
            "add",
            "cms",
            "--resource-url",
            "http://127.0.0.1:9/items",
            "--assets-url",
            "http://127.0.0.1:9/assets",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let (_, listed, _) = newsdesk(&lib, &["--json", "destination", "list"]);
    assert!(
        !listed.contains("s3cret"),
        "the secret is never printed: {listed}"
    );
    assert_eq!(json(&listed)[0]["secret_set"], true);

    let (_, queued, _) = newsdesk(&lib, &["--json", "deliver", &id, "--to", "wire"]);
    assert_eq!(json(&queued)["state"], "pending");
    let (_, ran, _) = newsdesk(&lib, &["--json", "outbox", "run"]);
    assert_eq!(json(&ran)[0]["state"], "delivered");
    assert_eq!(
        std::fs::read(hot.join(format!("{id}-v1.zip"))).unwrap(),
        std::fs::read(&zip).unwrap()
    );

    let (code, _, stderr) = newsdesk(&lib, &["deliver", &id, "--to", "nowhere"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("destination nowhere not found"), "{stderr}");
    let (_, listed, _) = newsdesk(&lib, &["--json", "outbox"]);
    assert_eq!(json(&listed).as_array().unwrap().len(), 1);
}

/// Defect 5 of issue 8: `--secret` put the push secret in shell history and `ps`; it comes
/// from `NEWSDESK_PUSH_SECRET` only.
#[test]
fn the_push_secret_comes_from_the_environment_only() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let urls = [
        "--resource-url",
        "http://127.0.0.1:9/items",
        "--assets-url",
        "http://127.0.0.1:9/assets",
    ];
    let with = |name: &'static str, extra: &[&'static str]| {
        [&["destination", "add", name][..], &urls[..], extra].concat()
    };

    let (code, _, stderr) = newsdesk(&lib, &with("cms", &["--secret", "on-the-command-line"]));
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("unexpected argument '--secret'"),
        "{stderr}"
    );
    assert!(
        !lib.join("newsdesk.db").exists()
            || !newsdesk(&lib, &["destination", "list"]).1.contains("cms")
    );

    let (code, added, stderr) = newsdesk_with_secret(
        &lib,
        "from-the-environment",
        &[&["--json"][..], &with("cms", &[])].concat(),
    );
    assert_eq!(code, 0, "{stderr}");
    let (code, unsigned, stderr) = newsdesk(&lib, &[&["--json"][..], &with("open", &[])].concat());
    assert_eq!(code, 0, "{stderr}");
    let (_, listed, _) = newsdesk(&lib, &["--json", "destination", "list"]);
    for shown in [&added, &unsigned, &listed] {
        assert!(!shown.contains("from-the-environment"), "{shown}");
    }
    assert_eq!(
        (
            json(&added)["secret_set"].clone(),
            json(&unsigned)["secret_set"].clone()
        ),
        (true.into(), false.into())
    );
    let (_, text, _) = newsdesk(&lib, &["destination", "list"]);
    assert!(
        text.contains("cms  http push") && text.contains("signed"),
        "{text}"
    );
}

/// Defect 7 of issue 8: `export --out story.zip` replaced an existing story.zip unasked.
#[test]
fn export_replaces_a_zip_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let id = harbour_fire(&lib);
    let zip = dir.path().join("story.zip");
    std::fs::write(&zip, b"someone else's story").unwrap();

    let (code, _, stderr) = newsdesk(&lib, &["export", &id, "--out", "story.zip"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("story.zip") && stderr.contains("--replace"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&zip).unwrap(), b"someone else's story");

    let (code, _, stderr) = newsdesk(&lib, &["export", &id, "--out", "story.zip", "--replace"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(&std::fs::read(&zip).unwrap()[..2], b"PK");
}

/// A story that passes preflight, made through the command line; returns its id.
fn harbour_fire(lib: &Path) -> String {
    let (_, created, _) = newsdesk(
        lib,
        &[
            "--json",
            "new",
            "--headline",
            "Harbour fire",
            "--author",
            "Ana Lima:Reporter",
            "--body",
            "It burned all night.",
        ],
    );
    json(&created)["id"].as_str().unwrap().to_owned()
}

/// `outbox run --watch`, the outbox on a machine without the window: started on a library
/// with a delivery queued for a loopback receiver, it sends it, keeps watching and sends one
/// queued later, until it is stopped.
#[test]
fn outbox_run_watch_keeps_sending_until_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let id = harbour_fire(&lib);
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let addr = server.server_addr().to_ip().unwrap();
    let (code, _, stderr) = newsdesk(
        &lib,
        &[
            "destination",
            "add",
            "cms",
            "--resource-url",
            &format!("http://{addr}/items"),
            "--assets-url",
            &format!("http://{addr}/assets"),
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = newsdesk(&lib, &["deliver", &id, "--to", "cms"]);
    assert_eq!(code, 0, "{stderr}");

    let mut child = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .arg("--library")
        .arg(&lib)
        .args(["outbox", "run", "--watch", "--every", "1"])
        .env_remove("NEWSDESK_LIBRARY")
        .env_remove("NEWSDESK_PUSH_SECRET")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The watcher's lines as it prints them: one per attempt.
    let (line, printed) = mpsc::channel();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    thread::spawn(move || {
        for l in stdout.lines().map_while(Result::ok) {
            let _ = line.send(l);
        }
    });
    let mut watcher = Stop(child);
    // Two minutes, far over the one-second turn: only a watcher that never acts fails.
    let bound = Duration::from_secs(120);
    let next_line = || {
        printed
            .recv_timeout(bound)
            .expect("the watcher reports each attempt")
    };
    // Each item as it arrives (media lookups answered as a receiver does).
    let next_item = || loop {
        let mut request = server
            .recv_timeout(bound)
            .unwrap()
            .expect("the watcher sends the queued delivery");
        let mut body = String::new();
        request.as_reader().read_to_string(&mut body).unwrap();
        let is_item = request.url() == "/items";
        request
            .respond(tiny_http::Response::from_string("{}").with_status_code(201))
            .unwrap();
        if is_item {
            return json(&body);
        }
    };
    let first = next_item();
    assert_eq!(first["guid"], format!("urn:newsdesk:article:{id}"));
    assert_eq!(first["version"], "1");
    let reported = next_line();
    assert!(reported.contains("delivered"), "{reported}");

    // Queued while it watches: a later turn sends it, as an update of the same story.
    let (code, stdout, stderr) = newsdesk(
        &lib,
        &[
            "edit",
            &id,
            "--base-version",
            "1",
            "--headline",
            "Harbour fire: two rescued",
        ],
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    let (code, queued, stderr) = newsdesk(&lib, &["--json", "deliver", &id, "--to", "cms"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json(&queued)["update"], true);
    let second = next_item();
    assert_eq!(second["headline"], "Harbour fire: two rescued");
    assert_eq!(second["version"], "2");
    let reported = next_line();
    assert!(
        reported.contains("delivered") && reported.contains("v2") && reported.contains("update"),
        "{reported}"
    );
    assert!(
        watcher.0.try_wait().unwrap().is_none(),
        "still watching after two deliveries"
    );
    watcher.0.kill().unwrap();
    watcher.0.wait().unwrap();

    let (_, listed, _) = newsdesk(&lib, &["--json", "outbox"]);
    let states: Vec<String> = json(&listed)
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["state"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(states, ["delivered", "delivered"]);
}

/// Kills the child however the test ends, so no watcher outlives it.
struct Stop(std::process::Child);

impl Drop for Stop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `--profile` picks what an HTTP push receiver gets: Superdesk's ninjs unless told
/// `iptc-3.1`; anything else is refused with the two names.
#[test]
fn a_push_destination_takes_a_profile() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let add = |name: &str, profile: Option<&str>| {
        let mut args = vec![
            "--json",
            "destination",
            "add",
            name,
            "--resource-url",
            "http://127.0.0.1:9/items",
            "--assets-url",
            "http://127.0.0.1:9/assets",
        ];
        args.extend(profile.iter().flat_map(|p| ["--profile", p]));
        newsdesk(&lib, &args)
    };
    let cases = [
        ("plain", None, Ok("superdesk")),
        ("superdesk", Some("superdesk"), Ok("superdesk")),
        ("iptc", Some("iptc-3.1"), Ok("iptc-3.1")),
        ("odd", Some("ninjs-2"), Err("use superdesk or iptc-3.1")),
    ];
    for (name, profile, expected) in cases {
        let (code, stdout, stderr) = add(name, profile);
        match expected {
            Ok(shown) => {
                assert_eq!(code, 0, "{name}: {stderr}");
                assert_eq!(json(&stdout)["profile"], shown, "{name}");
            }
            Err(words) => {
                assert_ne!(code, 0, "{name}: {stdout}");
                assert!(stderr.contains(words), "{name}: {stderr}");
            }
        }
    }
    let (_, listed, _) = newsdesk(&lib, &["destination", "list"]);
    assert!(listed.contains("iptc  http push (iptc-3.1)"), "{listed}");
    assert!(listed.contains("plain  http push (superdesk)"), "{listed}");
}
