//! The window never blanks a field it does not know: a save or create whose fields lack one
//! the core has, or carry one it lacks, is refused whole, and the article keeps every field.

use newsdesk_core::ArticleFields;
use newsdesk_core::whole::keys_of;
use serde_json::json;

use crate::common::{TestDesk, all_fields, strip_to_fields};

/// Each field in turn plays the field added in Rust that the window does not know yet: a save
/// without it is refused, naming it, and the article still has its value.
#[test]
fn a_save_lacking_any_field_is_refused_and_nothing_is_lost() {
    let desk = TestDesk::open();
    let mut fields = all_fields();
    fields["kicker"] = json!("Budget");
    fields["headline"] = json!("Council passes budget");
    fields["keywords"] = json!(["budget"]);
    fields["authors"] = json!([{ "name": "Ana Reporter", "role": "Reporter" }]);
    let created = desk.ok("create_article", json!({ "fields": fields }));
    let id = created["id"].as_str().unwrap();
    let mut whole = created.clone();
    strip_to_fields(&mut whole);

    let keys = keys_of::<ArticleFields>();
    assert_eq!(
        keys.len(),
        whole.as_object().unwrap().len(),
        "every field of the article is checked"
    );
    for key in keys {
        let mut lacking = whole.clone();
        lacking.as_object_mut().unwrap().remove(&key);
        let typed_in = if key == "headline" { "dek" } else { "headline" };
        lacking[typed_in] = json!("Changed by a window that lacks a field");
        let err = desk.err(
            "save_article",
            json!({ "id": id, "baseVersion": 1, "fields": lacking, "kind": "autosave" }),
        );
        assert_eq!(err["kind"], "invalid", "{key}: {err}");
        assert!(
            err["message"]
                .as_str()
                .unwrap()
                .contains(&format!("`{key}`")),
            "{key}: {err}"
        );
        assert_eq!(
            desk.ok("get_article", json!({ "id": id })),
            created,
            "{key}: the article is untouched"
        );
    }
}

/// A field nested in a list (an author's role) counts too.
#[test]
fn a_save_lacking_a_nested_field_is_refused() {
    let desk = TestDesk::open();
    let created = desk.create("Nested");
    let mut fields = created.clone();
    strip_to_fields(&mut fields);
    fields["authors"] = json!([{ "name": "Ana Reporter" }]);
    let err = desk.err(
        "save_article",
        json!({ "id": created["id"], "baseVersion": 1, "fields": fields, "kind": "save" }),
    );
    assert_eq!(err["kind"], "invalid", "{err}");
    assert!(
        err["message"].as_str().unwrap().contains("`authors.role`"),
        "{err}"
    );
}

/// A window newer than the library sends a field the core lacks: refused, not dropped.
#[test]
fn a_save_with_an_unknown_field_is_refused_not_dropped() {
    let desk = TestDesk::open();
    let mut fields = all_fields();
    fields["subhead"] = json!("A field this library does not have");
    let err = desk.err("create_article", json!({ "fields": fields }));
    assert_eq!(err["kind"], "invalid", "{err}");
    assert!(
        err["message"].as_str().unwrap().contains("`subhead`"),
        "{err}"
    );
    let list = desk.ok(
        "list_articles",
        json!({ "filter": { "status": null, "section": null, "sort": "updated", "limit": 0 } }),
    );
    assert_eq!(list, json!([]));
}
