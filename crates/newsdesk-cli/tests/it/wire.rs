//! `newsdesk wire ...` as a script sees it: import, watch --once, list, show, use, clear.

use std::fs;
use std::path::{Path, PathBuf};

use super::common::{json, newsdesk};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../newsdesk-core/tests/fixtures/wire")
        .join(name)
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn import_list_show_and_use_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let bad = dir.path().join("bad.json");
    fs::write(&bad, "[".repeat(10_000)).unwrap();
    let dpa = fixture("ninjs/3.0_dpa_text.json");
    let (code, stdout, stderr) = newsdesk(
        &lib,
        &[
            "--json",
            "wire",
            "import",
            "--source",
            "dpa",
            arg(&dpa),
            arg(&bad),
        ],
    );
    assert_eq!(code, 1, "a refused file makes the import fail: {stderr}");
    let reports = json(&stdout);
    assert_eq!(reports[0]["recorded"]["outcome"], "new");
    assert!(
        reports[1]["refused"]
            .as_str()
            .unwrap()
            .contains("128 levels"),
        "{reports}"
    );
    assert_eq!(json(&stderr)["kind"], "invalid");
    let id = reports[0]["item_id"].as_str().unwrap().to_owned();

    let (code, listed, _) = newsdesk(&lib, &["--json", "wire", "list", "--source", "dpa"]);
    assert_eq!(code, 0);
    let listed = json(&listed);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["urgency"], 4);
    let (_, found, _) = newsdesk(&lib, &["--json", "wire", "list", "--search", "elfmeter"]);
    assert_eq!(json(&found)[0]["id"], id.as_str());

    let (code, shown, _) = newsdesk(&lib, &["--json", "wire", "show", &id[..8]]);
    assert_eq!(code, 0);
    let shown = json(&shown);
    assert_eq!(
        shown["headline"],
        "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?"
    );
    assert_eq!(shown["byline"], "Christian Hollmann, dpa");
    let (_, text, _) = newsdesk(&lib, &["wire", "show", &id[..8]]);
    assert!(text.contains("By Christian Hollmann, dpa"), "{text}");

    // `wire use` prints the new story's id and nothing else.
    let (code, story, stderr) = newsdesk(&lib, &["wire", "use", &id[..8]]);
    assert_eq!(code, 0, "{stderr}");
    let story = story.trim();
    let (code, article, _) = newsdesk(&lib, &["--json", "show", story]);
    assert_eq!(code, 0);
    let article = json(&article);
    assert_eq!(article["headline"], shown["headline"]);
    assert_eq!(article["authors"][0]["name"], "Christian Hollmann, dpa");
    let (_, listed, _) = newsdesk(&lib, &["--json", "wire", "list"]);
    assert_eq!(json(&listed)[0]["stories"][0], story);
    // Nothing to clear on a story nobody killed.
    let (code, _, stderr) = newsdesk(&lib, &["--json", "wire", "clear", story]);
    assert_eq!((code, json(&stderr)["kind"].as_str()), (1, Some("invalid")));
}

#[test]
fn watch_once_reads_the_folder_and_quarantines_what_it_cannot() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let feed = dir.path().join("feed");
    fs::create_dir(&feed).unwrap();
    fs::copy(
        fixture("newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml"),
        feed.join("fed.xml"),
    )
    .unwrap();
    fs::write(
        feed.join("xxe.xml"),
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
    )
    .unwrap();
    let (code, stdout, stderr) = newsdesk(
        &lib,
        &[
            "--json",
            "wire",
            "watch",
            arg(&feed),
            "--source",
            "Acme",
            "--once",
            "--every",
            "50",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let report = json(&stdout);
    let files = report["files"].as_array().unwrap();
    assert_eq!(files.len(), 2, "{report}");
    let read = files.iter().find(|f| f["file"] == "fed.xml").unwrap();
    assert_eq!(read["recorded"]["outcome"], "new");
    let refused = files.iter().find(|f| f["file"] == "xxe.xml").unwrap();
    assert!(refused["refused"].as_str().unwrap().contains("DTD"));
    assert!(feed.join("ingested/fed.xml").exists());
    let reason = fs::read_to_string(feed.join("quarantine/xxe.xml.reason.txt")).unwrap();
    assert!(reason.contains("DTD"), "{reason}");
    let (_, listed, _) = newsdesk(&lib, &["--json", "wire", "list"]);
    assert_eq!(json(&listed)[0]["source"], "Acme");
}
