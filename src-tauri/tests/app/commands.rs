//! The window's commands through IPC, as the page calls them.

use serde_json::{Value, json};

use crate::common::{TestDesk, all_fields, invoke_from, strip_to_fields, window};

#[test]
fn create_get_save_and_list_an_article() {
    let desk = TestDesk::open();
    let created = desk.create("Council passes budget");
    assert_eq!(
        (created["version"].clone(), created["status"].clone()),
        (json!(1), json!("draft"))
    );
    let id = created["id"].as_str().unwrap();

    let mut fields = desk.ok("get_article", json!({ "id": id }));
    assert_eq!(fields, created);
    strip_to_fields(&mut fields);
    fields["dek"] = json!("Spending rises 4 percent");
    let saved = desk.ok(
        "save_article",
        json!({ "id": id, "baseVersion": 1, "fields": fields, "kind": "save" }),
    );
    assert_eq!(saved["version"], 2);
    assert_eq!(saved["dek"], "Spending rises 4 percent");

    desk.create("Second story");
    let list = desk.ok(
        "list_articles",
        json!({ "filter": { "status": null, "section": null, "sort": "headline", "limit": 0 } }),
    );
    let headlines: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["headline"].as_str().unwrap())
        .collect();
    assert_eq!(headlines, ["Council passes budget", "Second story"]);
}

/// A stale save is refused with everything the window shows: the kept revision and the
/// version the library is at, so it need not ask again.
#[test]
fn stale_save_is_a_conflict_naming_the_kept_revision() {
    let desk = TestDesk::open();
    let created = desk.create("First headline");
    let id = created["id"].as_str().unwrap();
    let mut fields = created.clone();
    strip_to_fields(&mut fields);

    fields["headline"] = json!("Saved elsewhere");
    desk.ok(
        "save_article",
        json!({ "id": id, "baseVersion": 1, "fields": fields, "kind": "save" }),
    );
    fields["headline"] = json!("Typed on a stale copy");
    let err = desk.err(
        "save_article",
        json!({ "id": id, "baseVersion": 1, "fields": fields, "kind": "autosave" }),
    );

    assert_eq!(err["kind"], "conflict", "{err}");
    assert_eq!(
        (
            err["id"].as_str(),
            err["base_version"].clone(),
            err["current_version"].clone()
        ),
        (Some(id), json!(1), json!(2))
    );
    let kept = desk.ok(
        "revision",
        json!({ "id": id, "number": err["kept_revision"] }),
    );
    assert_eq!(
        (kept["kind"].clone(), kept["fields"]["headline"].clone()),
        (json!("conflict"), json!("Typed on a stale copy"))
    );
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("conflict revision"),
        "{err}"
    );
}

/// Preflight's refusal carries its problems, each naming the field to fix.
#[test]
fn export_refused_by_preflight_carries_the_problems() {
    let desk = TestDesk::open();
    let created = desk.create("");
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("never-written.zip");
    let err = desk.err("export_article", json!({ "id": created["id"], "out": out }));
    assert_eq!(err["kind"], "preflight", "{err}");
    assert_eq!(err["article_id"], created["id"]);
    let fields: Vec<&str> = err["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["field"].as_str().unwrap())
        .collect();
    assert!(fields.contains(&"headline"), "{err}");
    assert!(!out.exists());
}

#[test]
fn library_info_gives_the_limits_statuses_presets_and_photo_syntax_of_the_core() {
    let desk = TestDesk::open();
    let info = desk.ok("library_info", json!({}));
    assert_eq!(
        info["field_limits"],
        json!({ "slugline": 24, "headline": 64, "dek": 160 })
    );
    assert_eq!(
        info["statuses"],
        json!(["draft", "editing", "ready", "published", "spiked"])
    );
    assert_eq!(
        info["aspect_presets"],
        json!(["16:9", "3:2", "4:3", "5:4", "1:1", "4:5", "2:3", "free"])
    );
    assert_eq!(info["photo_reference"]["scheme"], "photo:");
    assert_eq!(
        info["photo_reference"]["thumbnail_url_prefix"],
        "photo://localhost/"
    );
    assert!(info["root"].as_str().unwrap().ends_with("library"));
}

/// The capability grants the desk's commands to the main window and nothing more: a core
/// command it leaves out is refused, and so is every command from a window it does not name.
#[test]
fn commands_the_capability_does_not_grant_are_refused() {
    let desk = TestDesk::open();
    let refused = desk.err("plugin:window|close", json!({ "label": "main" }));
    assert!(
        refused.as_str().is_some_and(|m| m.contains("not allowed")),
        "{refused}"
    );

    let other = window(&desk.app, "elsewhere");
    let refused = invoke_from(&other, "library_info", json!({}))
        .expect_err("a window the capability does not name");
    assert!(
        refused.as_str().is_some_and(|m| m.contains("not allowed")),
        "{refused}"
    );

    let unknown = desk.err("drop_library", json!({}));
    assert_ne!(unknown, Value::Null);
}

/// The window names a delivery, never an address: `open_post` opens only the web address the
/// receiver answered for that delivery. One without such an answer (here a hot folder's, just
/// queued) is refused with nothing opened, and an unknown one is not found.
#[test]
fn open_post_opens_nothing_but_a_delivered_posts_web_address() {
    let desk = TestDesk::open();
    let mut fields = all_fields();
    fields["headline"] = json!("Harbour fire");
    fields["authors"] = json!([{ "name": "Ana Lima", "role": "Reporter" }]);
    fields["body"] = json!("It burned all night.");
    let created = desk.ok("create_article", json!({ "fields": fields }));
    let hot = tempfile::tempdir().unwrap();
    desk.ok(
        "add_destination",
        json!({ "destination": { "name": "wire", "kind": "folder", "path": hot.path() } }),
    );
    // Queued through the core: the mock app runs no outbox sender for `deliver` to wake.
    let root = desk.ok("library_info", json!({}))["root"].clone();
    let mut library = newsdesk_core::Library::open(root.as_str().unwrap()).unwrap();
    let queued =
        newsdesk_core::delivery::deliver(&mut library, created["id"].as_str().unwrap(), "wire")
            .unwrap();

    let err = desk.err("open_post", json!({ "id": queued.id }));
    assert_eq!(err["kind"], "invalid", "{err}");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("no web address to open"),
        "{err}"
    );
    let err = desk.err("open_post", json!({ "id": 4242 }));
    assert_eq!(err["kind"], "not_found", "{err}");
}

/// The photo desk's conflicts through IPC: none in a library without any, and an answer for a
/// photo that is not there refused as every command refuses (`{kind, message}`).
#[test]
fn photo_conflicts_are_listed_and_answered_through_the_core() {
    let desk = TestDesk::open();
    assert_eq!(desk.ok("photos_in_conflict", json!({})), json!([]));
    let id = "0".repeat(64);
    assert_eq!(desk.ok("photo_conflicts", json!({ "id": id })), json!([]));
    let err = desk.err(
        "resolve_photo_conflict",
        json!({ "id": id, "baseVersion": 1, "field": "crop:lead", "value": null }),
    );
    assert_eq!(err["kind"], "not_found", "{err}");
    assert!(err["message"].as_str().unwrap().contains(&id), "{err}");
}
