//! The store's promises about articles: versions, revisions, workflow, restore, listing,
//! short ids, and what it cleans up or refuses on the way in.

use newsdesk_core::store::{ArticleFilter, RevisionKind, SaveKind, SortOrder};
use newsdesk_core::{ArticleFields, Author, Dateline, Error, Library, Status};

use super::common::library;

fn titled(headline: &str) -> ArticleFields {
    ArticleFields {
        headline: headline.into(),
        body: format!("{headline} body"),
        ..Default::default()
    }
}

#[test]
fn every_save_bumps_the_version_and_keeps_a_revision_that_survives_reopening() {
    let (_dir, mut lib) = library();
    let id = lib
        .store_mut()
        .create_article(None, &titled("v1"), Status::Draft, RevisionKind::Create)
        .unwrap()
        .id;
    let steps: &[(&str, SaveKind)] = &[
        ("v2", SaveKind::Autosave),
        ("v3", SaveKind::Save),
        ("v4", SaveKind::Autosave),
    ];
    for (n, (headline, kind)) in steps.iter().enumerate() {
        let saved = lib
            .store_mut()
            .save_article(&id, n as i64 + 1, &titled(headline), *kind)
            .unwrap();
        assert_eq!(saved.version, n as i64 + 2);
        assert!(saved.updated_at >= saved.created_at);
    }
    let root = lib.root().to_owned();
    drop(lib);

    let lib = Library::open(&root).unwrap();
    let revisions = lib.store().revisions(&id).unwrap();
    let seen: Vec<(i64, Option<i64>, RevisionKind, &str)> = revisions
        .iter()
        .map(|r| (r.number, r.version, r.kind, r.fields.headline.as_str()))
        .collect();
    assert_eq!(
        seen,
        [
            (1, Some(1), RevisionKind::Create, "v1"),
            (2, Some(2), RevisionKind::Autosave, "v2"),
            (3, Some(3), RevisionKind::Save, "v3"),
            (4, Some(4), RevisionKind::Autosave, "v4"),
        ]
    );
    assert_eq!(revisions[2].base_version, Some(2));
    assert_eq!(lib.store().article(&id).unwrap().version, 4);
}

#[test]
fn the_workflow_goes_anywhere_and_a_spiked_article_comes_back() {
    let (_dir, mut lib) = library();
    let id = lib
        .store_mut()
        .create_article(None, &titled("x"), Status::Draft, RevisionKind::Create)
        .unwrap()
        .id;
    let path = [
        Status::Editing,
        Status::Ready,
        Status::Published,
        Status::Spiked,
        Status::Editing,
        Status::Draft,
    ];
    for (n, status) in path.into_iter().enumerate() {
        let article = lib
            .store_mut()
            .set_status(&id, n as i64 + 1, status)
            .unwrap();
        assert_eq!((article.status, article.version), (status, n as i64 + 2));
        assert_eq!(
            article.fields.headline, "x",
            "a status change keeps the text"
        );
    }
    let kinds: Vec<RevisionKind> = lib
        .store()
        .revisions(&id)
        .unwrap()
        .iter()
        .map(|r| r.kind)
        .collect();
    assert_eq!(
        kinds.iter().filter(|k| **k == RevisionKind::Status).count(),
        path.len()
    );
    let stale = lib
        .store_mut()
        .set_status(&id, 2, Status::Ready)
        .unwrap_err();
    assert_eq!(stale.kind(), "conflict");
}

#[test]
fn restoring_a_revision_is_a_new_version_and_rewrites_nothing() {
    let (_dir, mut lib) = library();
    let id = lib
        .store_mut()
        .create_article(None, &titled("first"), Status::Draft, RevisionKind::Create)
        .unwrap()
        .id;
    lib.store_mut()
        .save_article(&id, 1, &titled("second"), SaveKind::Save)
        .unwrap();
    let restored = lib.store_mut().restore_revision(&id, 1, 2).unwrap();
    assert_eq!(
        (restored.version, restored.fields.headline.as_str()),
        (3, "first")
    );
    let revisions = lib.store().revisions(&id).unwrap();
    assert_eq!(revisions.len(), 3);
    assert_eq!(
        revisions[1].fields.headline, "second",
        "older revisions are untouched"
    );
    assert_eq!(revisions[2].kind, RevisionKind::Restore);

    let missing = lib.store_mut().restore_revision(&id, 42, 3).unwrap_err();
    assert_eq!(missing.kind(), "not_found");
    assert!(missing.to_string().contains("42"), "{missing}");
}

#[test]
fn the_list_filters_and_sorts() {
    let (_dir, mut lib) = library();
    let rows = [
        ("b story", "World", Status::Draft),
        ("A story", "World", Status::Ready),
        ("c story", "Sports", Status::Ready),
    ];
    for (headline, section, status) in rows {
        let fields = ArticleFields {
            section: section.into(),
            ..titled(headline)
        };
        lib.store_mut()
            .create_article(None, &fields, status, RevisionKind::Create)
            .unwrap();
    }
    let cases: &[(Option<Status>, Option<&str>, SortOrder, usize, &[&str])] = &[
        (
            None,
            None,
            SortOrder::Headline,
            0,
            &["A story", "b story", "c story"],
        ),
        (
            Some(Status::Ready),
            None,
            SortOrder::Headline,
            0,
            &["A story", "c story"],
        ),
        (
            None,
            Some("World"),
            SortOrder::Headline,
            0,
            &["A story", "b story"],
        ),
        (
            Some(Status::Ready),
            Some("World"),
            SortOrder::Headline,
            0,
            &["A story"],
        ),
        (None, None, SortOrder::Headline, 2, &["A story", "b story"]),
        (Some(Status::Spiked), None, SortOrder::Updated, 0, &[]),
        (None, Some("Nowhere"), SortOrder::Created, 0, &[]),
    ];
    for (status, section, sort, limit, expected) in cases {
        let filter = ArticleFilter {
            status: *status,
            section: section.map(Into::into),
            sort: *sort,
            limit: *limit,
        };
        let got: Vec<String> = lib
            .store()
            .list_articles(&filter)
            .unwrap()
            .into_iter()
            .map(|a| a.headline)
            .collect();
        assert_eq!(got, *expected, "{filter:?}");
    }
    let created: Vec<String> = lib
        .store()
        .list_articles(&ArticleFilter {
            sort: SortOrder::Created,
            ..Default::default()
        })
        .unwrap()
        .into_iter()
        .map(|a| a.headline)
        .collect();
    assert_eq!(created.len(), 3);
}

#[test]
fn short_ids_resolve_when_unambiguous() {
    let (_dir, mut lib) = library();
    let ids: Vec<String> = (0..40)
        .map(|n| {
            lib.store_mut()
                .create_article(
                    None,
                    &titled(&format!("n{n}")),
                    Status::Draft,
                    RevisionKind::Create,
                )
                .unwrap()
                .id
        })
        .collect();
    let id = &ids[0];
    for prefix in [
        &id[..4],
        &id[..8],
        id.as_str(),
        &id.to_uppercase()[..8],
        &format!(" {} ", &id[..8]),
    ] {
        let unique = ids
            .iter()
            .filter(|other| other.starts_with(&prefix.trim().to_lowercase()))
            .count()
            == 1;
        match lib.store().resolve_article_id(prefix) {
            Ok(found) => assert!(unique && found == *id, "{prefix:?}"),
            Err(e) => assert!(!unique && e.kind() == "invalid", "{prefix:?}: {e}"),
        }
    }
    assert_eq!(
        lib.store().resolve_article_id("zzzz").unwrap_err().kind(),
        "not_found"
    );
    assert_eq!(
        lib.store().resolve_article_id("").unwrap_err().kind(),
        "invalid"
    );
    // 40 ids over 16 first digits: some single digit is shared, and is refused, not guessed.
    let shared = ids
        .iter()
        .find(|a| ids.iter().filter(|b| b[..1] == a[..1]).count() > 1)
        .unwrap();
    let err = lib.store().resolve_article_id(&shared[..1]).unwrap_err();
    assert!(err.to_string().contains("several"), "{err}");
}

#[test]
fn what_editors_never_mean_to_keep_is_cleaned_and_impossible_values_are_refused() {
    let (_dir, mut lib) = library();
    let messy = ArticleFields {
        headline: "  Spaces around  ".into(),
        authors: vec![
            Author {
                name: " ".into(),
                role: "ghost".into(),
            },
            Author {
                name: "Ana".into(),
                role: String::new(),
            },
        ],
        keywords: vec![" kept ".into(), "".into(), "  ".into()],
        body: "  body keeps its spaces  ".into(),
        ..Default::default()
    };
    let article = lib
        .store_mut()
        .create_article(None, &messy, Status::Draft, RevisionKind::Create)
        .unwrap();
    let f = &article.fields;
    assert_eq!(f.headline, "Spaces around");
    assert_eq!(f.authors.len(), 1);
    assert_eq!(f.keywords, ["kept"]);
    assert_eq!(f.language, "en");
    assert_eq!(
        f.body, "  body keeps its spaces  ",
        "Markdown is kept as typed"
    );
    assert_eq!(
        lib.store().article(&article.id).unwrap().fields,
        article.fields
    );

    for date in ["30/07/2024", "2024-13-01", "yesterday"] {
        let bad = ArticleFields {
            dateline: Dateline {
                place: "X".into(),
                date: date.into(),
            },
            ..titled("d")
        };
        let err = lib
            .store_mut()
            .create_article(None, &bad, Status::Draft, RevisionKind::Create)
            .unwrap_err();
        assert!(
            matches!(err, Error::Invalid(_)) && err.to_string().contains(date),
            "{date}: {err}"
        );
        let err = lib
            .store_mut()
            .save_article(&article.id, 1, &bad, SaveKind::Save)
            .unwrap_err();
        assert_eq!(err.kind(), "invalid");
    }
    assert_eq!(
        lib.store().article(&article.id).unwrap().version,
        1,
        "refused saves change nothing"
    );
    let duplicate = lib.store_mut().create_article(
        Some(&article.id),
        &titled("again"),
        Status::Draft,
        RevisionKind::Import,
    );
    assert_eq!(duplicate.unwrap_err().kind(), "invalid");
    assert_eq!(
        lib.store()
            .article("00000000-0000-0000-0000-000000000000")
            .unwrap_err()
            .kind(),
        "not_found"
    );
}

#[test]
fn a_fresh_library_is_healthy_and_at_the_latest_schema() {
    let (_dir, lib) = library();
    assert_eq!(lib.store().integrity_check().unwrap(), "ok");
    let version = lib.store().schema_version().unwrap();
    assert!(version >= 1);
    let root = lib.root().to_owned();
    drop(lib);
    let again = Library::open(&root).unwrap();
    assert_eq!(
        again.store().schema_version().unwrap(),
        version,
        "reopening runs no migration twice"
    );
    assert!(root.join(newsdesk_core::library::DB_FILE).is_file());
}
