//! `Whole`: what the window sends is taken only with exactly the fields the core has.

use newsdesk_core::ArticleFields;
use newsdesk_core::whole::{Whole, keys_of};
use serde_json::{Value, json};

fn sent(fields: Value) -> newsdesk_core::Result<ArticleFields> {
    Whole::<ArticleFields>::new(fields).into_inner()
}

fn all() -> Value {
    serde_json::to_value(ArticleFields {
        headline: "Whole".into(),
        authors: vec![newsdesk_core::Author {
            name: "Ana".into(),
            role: "Reporter".into(),
        }],
        ..ArticleFields::default()
    })
    .unwrap()
}

#[test]
fn whole_fields_are_taken() {
    assert_eq!(sent(all()).unwrap().headline, "Whole");
}

#[test]
fn fields_lacking_any_key_are_refused_naming_it() {
    let keys = keys_of::<ArticleFields>();
    assert_eq!(keys.len(), all().as_object().unwrap().len());
    for key in keys {
        let mut lacking = all();
        lacking.as_object_mut().unwrap().remove(&key);
        let err = sent(lacking).unwrap_err();
        assert_eq!(err.kind(), "invalid");
        assert!(
            err.to_string().contains(&format!("`{key}`")),
            "{key}: {err}"
        );
    }
}

#[test]
fn nested_and_unknown_keys_are_refused() {
    let mut nested = all();
    nested["authors"] = json!([{ "name": "Ana" }]);
    assert!(
        sent(nested)
            .unwrap_err()
            .to_string()
            .contains("`authors.role`")
    );
    let mut dateline = all();
    dateline["dateline"] = json!({ "place": "LIMA" });
    assert!(
        sent(dateline)
            .unwrap_err()
            .to_string()
            .contains("`dateline.date`")
    );
    let mut unknown = all();
    unknown["subhead"] = json!("new in a later window");
    assert!(sent(unknown).unwrap_err().to_string().contains("`subhead`"));
}
