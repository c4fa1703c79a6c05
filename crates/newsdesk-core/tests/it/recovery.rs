//! Unsaved text kept beside the library (defect 12: closing the window after a failed save
//! dropped the text): it survives reopening, the newest keep wins, and no id leaves the folder.

use std::fs;

use newsdesk_core::recovery::{self, UnsavedText};
use newsdesk_core::{ArticleFields, Error};
use time::OffsetDateTime;

use super::common::library;

fn unsaved(id: &str, body: &str, seconds: i64) -> UnsavedText {
    UnsavedText {
        article_id: id.into(),
        base_version: 3,
        fields: ArticleFields {
            headline: "Flood barrier fails".into(),
            body: body.into(),
            keywords: vec!["flood".into()],
            ..Default::default()
        },
        reason: "database is locked".into(),
        kept_at: OffsetDateTime::from_unix_timestamp(1_800_000_000 + seconds).unwrap(),
    }
}

const A: &str = "5f0c2a64-6a53-4a8e-9d3e-1f1c0b7e2a01";
const B: &str = "0b7e2a01-1f1c-4a8e-9d3e-5f0c2a646a53";

#[test]
fn defect_12_kept_text_survives_reopening_the_library_and_the_newest_keep_wins() {
    let (_dir, lib) = library();
    let root = lib.root().to_owned();
    recovery::keep(&root, &unsaved(A, "first try", 2)).unwrap();
    recovery::keep(&root, &unsaved(B, "the other story", 1)).unwrap();
    recovery::keep(&root, &unsaved(A, "first try, and more typed after", 3)).unwrap();
    drop(lib);

    let kept = recovery::kept(&root).unwrap();
    assert_eq!(
        kept,
        vec![
            unsaved(B, "the other story", 1),
            unsaved(A, "first try, and more typed after", 3)
        ]
    );
    let names: Vec<String> = fs::read_dir(root.join(recovery::FOLDER))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names.len(),
        2,
        "one whole file per article, no temporary files left: {names:?}"
    );
}

#[test]
fn discard_forgets_one_article_and_a_second_discard_is_no_error() {
    let (_dir, lib) = library();
    let root = lib.root();
    recovery::keep(root, &unsaved(A, "a", 1)).unwrap();
    recovery::keep(root, &unsaved(B, "b", 2)).unwrap();
    recovery::discard(root, A).unwrap();
    recovery::discard(root, A).unwrap();
    assert_eq!(recovery::kept(root).unwrap(), vec![unsaved(B, "b", 2)]);
}

#[test]
fn a_library_that_never_kept_anything_has_nothing_to_offer() {
    let (_dir, lib) = library();
    assert_eq!(recovery::kept(lib.root()).unwrap(), vec![]);
}

#[test]
fn ids_that_would_name_a_file_outside_the_folder_are_refused() {
    let (dir, lib) = library();
    for id in [
        "",
        "../escape",
        "a/b",
        "..",
        "x\\y",
        "a.json",
        &"a".repeat(65),
    ] {
        let err = recovery::keep(lib.root(), &unsaved(id, "x", 1)).unwrap_err();
        assert!(matches!(err, Error::Invalid(_)), "{id:?}: {err}");
        assert!(
            matches!(recovery::discard(lib.root(), id), Err(Error::Invalid(_))),
            "{id:?}"
        );
    }
    assert!(!dir.path().join("escape.json").exists());
    assert_eq!(recovery::kept(lib.root()).unwrap(), vec![]);
}

#[test]
fn a_kept_file_that_cannot_be_read_is_named_not_skipped() {
    let (_dir, lib) = library();
    recovery::keep(lib.root(), &unsaved(A, "a", 1)).unwrap();
    let broken = lib.root().join(recovery::FOLDER).join(format!("{B}.json"));
    fs::write(&broken, "{ not json").unwrap();
    // A write in progress (our temporary-file naming) is not kept text.
    fs::write(
        lib.root().join(recovery::FOLDER).join(".tmp-1234"),
        "partial",
    )
    .unwrap();
    let err = recovery::kept(lib.root()).unwrap_err();
    assert!(
        err.to_string().contains(&broken.display().to_string()),
        "{err}"
    );
    fs::remove_file(&broken).unwrap();
    assert_eq!(
        recovery::kept(lib.root()).unwrap(),
        vec![unsaved(A, "a", 1)]
    );
}
