//! Word-level diffs between revisions.

use newsdesk_core::history::{FieldDiff, Op, WordOp, diff, diff_revisions, plain_text};
use newsdesk_core::store::{RevisionKind, SaveKind};
use newsdesk_core::{ArticleFields, Author, Library, Status};

fn ops(list: &[(Op, &str)]) -> Vec<WordOp> {
    list.iter()
        .map(|(op, text)| WordOp {
            op: *op,
            text: (*text).into(),
        })
        .collect()
}

fn fields(headline: &str, body: &str) -> ArticleFields {
    ArticleFields {
        headline: headline.into(),
        body: body.into(),
        authors: vec![Author {
            name: "Ana Ruiz".into(),
            role: "Reporter".into(),
        }],
        keywords: vec!["flood".into()],
        ..ArticleFields::default()
    }
}

/// Old text, new text, the expected word ops.
type DiffCase<'a> = (&'a str, &'a str, &'a [(Op, &'a str)]);

#[test]
fn known_texts_give_known_word_ops() {
    use Op::*;
    let cases: &[DiffCase<'_>] = &[
        (
            "The quick fox",
            "The slow fox",
            &[
                (Equal, "The "),
                (Delete, "quick"),
                (Insert, "slow"),
                (Equal, " fox"),
            ],
        ),
        (
            "Rain today",
            "Rain today and tomorrow",
            &[(Equal, "Rain today"), (Insert, " and tomorrow")],
        ),
        (
            "Mayor resigns after vote",
            "Mayor resigns",
            &[(Equal, "Mayor resigns"), (Delete, " after vote")],
        ),
        ("", "New text", &[(Insert, "New text")]),
        ("Old text", "", &[(Delete, "Old text")]),
        (
            "Café au lait",
            "Cafe au lait",
            &[(Delete, "Café"), (Insert, "Cafe"), (Equal, " au lait")],
        ),
    ];
    for (old, new, expected) in cases {
        let result = diff(&fields(old, "Body."), &fields(new, "Body."));
        assert_eq!(
            result,
            vec![FieldDiff {
                field: "headline".into(),
                ops: ops(expected)
            }],
            "{old:?} -> {new:?}"
        );
    }
}

#[test]
fn unchanged_fields_are_left_out() {
    let old = fields("Same headline", "Same body.");
    assert!(diff(&old, &old.clone()).is_empty());

    let mut new = old.clone();
    new.keywords.push("rain".into());
    new.authors.push(Author {
        name: "Li Wei".into(),
        role: String::new(),
    });
    new.dek = "A new dek".into();
    let changed: Vec<String> = diff(&old, &new).into_iter().map(|d| d.field).collect();
    assert_eq!(changed, ["dek", "authors", "keywords"]);
}

#[test]
fn every_word_op_rebuilds_both_texts() {
    let old = "The council met on Monday. It voted 7-2 to close the bridge for repairs.\n\nResidents objected.";
    let new = "The council met on Tuesday. It voted 6-3 to close the old bridge.\n\nResidents objected loudly.";
    let result = diff(&fields("H", old), &fields("H", new));
    assert_eq!(result.len(), 1);
    let rebuild = |skip: Op| -> String {
        result[0]
            .ops
            .iter()
            .filter(|w| w.op != skip)
            .map(|w| w.text.as_str())
            .collect()
    };
    assert_eq!(rebuild(Op::Insert), old);
    assert_eq!(rebuild(Op::Delete), new);
    // Consecutive ops of one kind are merged.
    assert!(
        result[0]
            .ops
            .windows(2)
            .all(|pair| pair[0].op != pair[1].op)
    );
}

#[test]
fn plain_text_marks_removed_and_added_words() {
    let text = plain_text(&diff(
        &fields("The quick fox", "B"),
        &fields("The slow fox", "B"),
    ));
    assert_eq!(text, "headline: The [-quick-]{+slow+} fox\n");
}

#[test]
fn diff_of_stored_revisions_includes_status() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let store = library.store_mut();
    let created = store
        .create_article(
            None,
            &fields("Bridge closed", "Repairs start Monday."),
            Status::Draft,
            RevisionKind::Create,
        )
        .unwrap();
    let saved = store
        .save_article(
            &created.id,
            1,
            &fields("Bridge closed", "Repairs start Tuesday."),
            SaveKind::Save,
        )
        .unwrap();
    store
        .set_status(&created.id, saved.version, Status::Ready)
        .unwrap();
    let revisions = store.revisions(&created.id).unwrap();
    assert_eq!(revisions.len(), 3);
    let result = diff_revisions(&revisions[0], &revisions[2]);
    let fields: Vec<&str> = result.iter().map(|d| d.field.as_str()).collect();
    assert_eq!(fields, ["status", "body"]);
    assert_eq!(
        result[0].ops,
        ops(&[(Op::Delete, "draft"), (Op::Insert, "ready")])
    );
    assert_eq!(
        plain_text(&result),
        "status: [-draft-]{+ready+}\nbody: Repairs start [-Monday.-]{+Tuesday.+}\n"
    );
    let json = serde_json::to_value(&result).unwrap();
    assert_eq!(
        json[1]["ops"][1],
        serde_json::json!({"op": "delete", "text": "Monday."})
    );
}

#[test]
fn long_unchanged_stretches_are_shortened_in_plain_text() {
    let words: Vec<String> = (0..100).map(|n| format!("w{n}")).collect();
    let old = words.join(" ");
    let new = format!("{old} end");
    let text = plain_text(&diff(&fields("H", &old), &fields("H", &new)));
    assert!(text.starts_with("body: w0 w1 "), "{text}");
    assert!(
        text.contains('…') && text.ends_with("w99{+ end+}\n"),
        "{text}"
    );
    assert!(!text.contains("w50"), "{text}");
}
