//! `newsdesk export`, `destination`, `deliver` and `outbox` as a script sees them.

use super::common::{json, newsdesk};

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
    assert_eq!(json(stderr.trim())["kind"], "preflight");
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
    let (_, created, _) = newsdesk(
        &lib,
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
    let id = json(&created)["id"].as_str().unwrap().to_owned();
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
    let (code, _, stderr) = newsdesk(
        &lib,
        &[
            "destination",
            "add",
            "cms",
            "--resource-url",
            "http://127.0.0.1:9/items",
            "--assets-url",
            "http://127.0.0.1:9/assets",
            "--secret",
            "s3cret",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let (_, listed, _) = newsdesk(&lib, &["--json", "destination", "list"]);
    assert!(
        !listed.contains("s3cret"),
        "the secret is never printed: {listed}"
    );
    assert_eq!(json(&listed)[0]["secret"], "(set)");

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
