//! The store's promises about articles: versions, revisions, workflow, restore, listing,
//! short ids, and what it cleans up or refuses on the way in.

use newsdesk_core::store::{ArticleFilter, RevisionKind, SaveKind, SortOrder};
use newsdesk_core::{ArticleFields, Author, Dateline, Error, Library, RelatedStory, Status};

use super::common::library;

/// A status and section filter, a sort, a limit, and the headlines expected in order.
type ListCase<'a> = (
    Option<Status>,
    Option<&'a str>,
    SortOrder,
    usize,
    &'a [&'a str],
);

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
    let cases: &[ListCase] = &[
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
            offset: 0,
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

#[test]
fn pages_of_the_list_add_up_to_the_whole_list_in_every_order() {
    let (_dir, mut lib) = library();
    // Created in one batch, so many share a timestamp: the pages still neither repeat nor skip.
    let batch: Vec<(ArticleFields, Status)> = (0..23)
        .map(|i| (titled(&format!("Story {:02}", i % 7)), Status::Draft))
        .collect();
    lib.store_mut()
        .create_articles(&batch, RevisionKind::Create)
        .unwrap();
    for sort in [SortOrder::Updated, SortOrder::Created, SortOrder::Headline] {
        let whole = lib
            .store()
            .list_articles(&ArticleFilter {
                sort,
                ..Default::default()
            })
            .unwrap();
        let mut paged = Vec::new();
        for offset in (0..30).step_by(5) {
            let filter = ArticleFilter {
                sort,
                limit: 5,
                offset,
                ..Default::default()
            };
            paged.extend(lib.store().list_articles(&filter).unwrap());
        }
        assert_eq!(paged, whole, "{sort:?}");
        assert_eq!(whole.len(), 23);
    }
}

/// The window sizes its scroll bar from a page's total: the number of stories the filter
/// holds, whatever page is asked for.
#[test]
fn a_page_carries_the_total_of_its_filter() {
    let (_dir, mut lib) = library();
    let batch: Vec<(ArticleFields, Status)> = (0..23)
        .map(|i| {
            let mut fields = titled(&format!("Story {i:02}"));
            fields.section = if i % 3 == 0 { "Sport" } else { "News" }.into();
            (fields, [Status::Draft, Status::Ready][i % 2])
        })
        .collect();
    lib.store_mut()
        .create_articles(&batch, RevisionKind::Create)
        .unwrap();
    // (status, section, limit, offset) -> (total, rows on the page)
    type Asked = (Option<Status>, Option<&'static str>, usize, usize);
    let cases: [(Asked, (usize, usize)); 7] = [
        ((None, None, 10, 0), (23, 10)),
        ((None, None, 10, 20), (23, 3)),
        ((None, None, 10, 30), (23, 0)),
        ((None, None, 0, 0), (23, 23)),
        ((Some(Status::Draft), None, 5, 0), (12, 5)),
        ((None, Some("Sport"), 50, 0), (8, 8)),
        ((Some(Status::Ready), Some("Sport"), 2, 2), (4, 2)),
    ];
    for ((status, section, limit, offset), expected) in cases {
        let filter = ArticleFilter {
            status,
            section: section.map(str::to_owned),
            limit,
            offset,
            ..Default::default()
        };
        let page = lib.store().article_page(&filter).unwrap();
        assert_eq!((page.total, page.rows.len()), expected, "{filter:?}");
        assert_eq!(page.rows, lib.store().list_articles(&filter).unwrap());
    }
}

fn with_link(url: &str) -> ArticleFields {
    ArticleFields {
        related: vec![RelatedStory {
            title: "Earlier".into(),
            url: url.into(),
        }],
        ..titled("links")
    }
}

/// Links a reader may be sent to: absolute http(s) only. The rest would run script, open
/// files or go nowhere once they reach a page or a receiving CMS.
const REFUSED_LINKS: &[&str] = &[
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/story",
    "mailto:desk@example.org",
    "//example.org/story",
    "/sport/story",
    "example.org/story",
    "http://",
    "https://exa mple.org/story",
    "https://example.org:99999/story",
    "http://[::1/story",
];
const ACCEPTED_LINKS: &[&str] = &[
    "https://example.org/sport/2024/story",
    "http://example.org",
    "HTTPS://Example.ORG/Story?page=2#comments",
    "https://例え.jp/記事",
    "https://example.org/a%20b?q=caf%C3%A9",
    "http://192.0.2.7:8080/x",
];

#[test]
fn defect_11_related_stories_take_only_absolute_http_links() {
    let (_dir, mut lib) = library();
    let id = lib
        .store_mut()
        .create_article(None, &titled("links"), Status::Draft, RevisionKind::Create)
        .unwrap()
        .id;
    for url in REFUSED_LINKS {
        let err = lib
            .store_mut()
            .save_article(&id, 1, &with_link(url), SaveKind::Autosave)
            .unwrap_err();
        assert_eq!(err.kind(), "invalid", "{url:?} was not refused");
        let message = err.to_string();
        assert!(
            message.contains("related") && message.contains("http"),
            "{url:?}: {message}"
        );
        let err = lib
            .store_mut()
            .create_article(None, &with_link(url), Status::Draft, RevisionKind::Create)
            .unwrap_err();
        assert_eq!(err.kind(), "invalid", "{url:?} was not refused on create");
    }
    assert_eq!(
        lib.store().article(&id).unwrap().version,
        1,
        "refused saves change nothing"
    );
    let mut version = 1;
    for url in ACCEPTED_LINKS {
        let saved = lib
            .store_mut()
            .save_article(&id, version, &with_link(url), SaveKind::Autosave);
        let saved = saved.unwrap_or_else(|e| panic!("{url:?}: {e}"));
        assert_eq!(saved.fields.related[0].url, *url, "kept as typed");
        version = saved.version;
    }
}

#[test]
fn defect_11_the_language_is_a_well_formed_bcp_47_tag() {
    let (_dir, mut lib) = library();
    let id = lib
        .store_mut()
        .create_article(None, &titled("lang"), Status::Draft, RevisionKind::Create)
        .unwrap()
        .id;
    let with_language = |language: &str| ArticleFields {
        language: language.into(),
        ..titled("lang")
    };
    for bad in [
        "en_US",
        "e",
        "123",
        "en-",
        "en--GB",
        "-en",
        "en-GB-",
        "ü",
        "english language",
        "x",
        "en-a",
    ] {
        let err = lib
            .store_mut()
            .save_article(&id, 1, &with_language(bad), SaveKind::Save)
            .unwrap_err();
        assert_eq!(err.kind(), "invalid", "{bad:?} was not refused");
        assert!(
            err.to_string().contains("language") && err.to_string().contains(bad),
            "{err}"
        );
    }
    let mut version = 1;
    for good in [
        "en",
        "en-GB",
        "pt-BR",
        "zh-Hant-TW",
        "sr-Latn-RS",
        "de-CH-1996",
        "es-419",
        "EN-gb",
        "x-newsroom",
    ] {
        let saved =
            lib.store_mut()
                .save_article(&id, version, &with_language(good), SaveKind::Save);
        version = saved.unwrap_or_else(|e| panic!("{good:?}: {e}")).version;
    }
    let saved = lib
        .store_mut()
        .save_article(&id, version, &with_language(" "), SaveKind::Save)
        .unwrap();
    assert_eq!(
        saved.fields.language, "en",
        "no language is English, as before"
    );
}

#[test]
fn defect_11_an_old_article_with_a_bad_link_or_language_loads_but_never_goes_out() {
    let (dir, mut lib) = library();
    let article = crate::package::text_article(&mut lib);
    let db = dir
        .path()
        .join("library")
        .join(newsdesk_core::library::DB_FILE);
    // Saved before links were checked: the row as an older Newsdesk could have written it.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE articles SET fields = json_set(fields,
                 '$.related', json('[{\"title\": \"Click\", \"url\": \"javascript:alert(1)\"},
                                     {\"title\": \"Fine\", \"url\": \"https://example.org/fine\"}]'),
                 '$.language', 'en_GB') WHERE id = ?1",
            [&article.id],
        )
        .unwrap();
    let lib = Library::open(lib.root()).unwrap();
    let old = lib.store().article(&article.id).unwrap();
    assert_eq!(
        old.fields.related[0].url, "javascript:alert(1)",
        "the old row is shown as it is"
    );
    assert!(
        lib.store()
            .list_articles(&ArticleFilter::default())
            .unwrap()
            .iter()
            .any(|s| s.id == article.id)
    );

    let checked = newsdesk_core::package::preflight(&lib, &old).unwrap();
    let fields: Vec<&str> = checked.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["related", "language"], "{:?}", checked.problems);
    assert!(
        checked.problems[0].message.contains("javascript:alert(1)"),
        "{}",
        checked.problems[0]
    );
    let mut lib = lib;
    let out = dir.path().join("out");
    let err = crate::package::export(&mut lib, &article.id, &out).unwrap_err();
    assert_eq!(err.kind(), "preflight");
    assert!(!out.exists());
}

#[test]
fn saves_leave_copying_the_log_to_a_checkpoint_beside_them() {
    let (_dir, mut lib) = library();
    let database = lib.root().join("newsdesk.db");
    let id = lib
        .store_mut()
        .create_article(None, &titled("v1"), Status::Draft, RevisionKind::Create)
        .unwrap()
        .id;
    // A few dozen saves: a few hundred pages of log, far below SQLite's own threshold
    // (10,000 pages), so while the library is open only the store's checkpoint copies them
    // into the database file. The second save's text is kept there by its revision.
    let marker = "quokka-marker-of-the-second-save";
    for version in 1..=48 {
        let mut fields = titled(&format!("v{}", version + 1));
        fields.body = if version == 1 {
            marker.to_owned()
        } else {
            "A paragraph the editor keeps adding to. ".repeat(version as usize)
        };
        lib.store_mut()
            .save_article(&id, version, &fields, SaveKind::Autosave)
            .unwrap();
    }
    let in_database = || {
        let bytes = std::fs::read(&database).unwrap();
        bytes.windows(marker.len()).any(|w| w == marker.as_bytes())
    };
    // The copy runs on its own thread: wait for it (a generous bound, not a timing goal).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !in_database() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(
        in_database(),
        "the saves' log was not copied into the database while the library was open"
    );
    // Everything saved is there, and the store's own connection is still the last to close:
    // it removes the log as SQLite always did.
    let root = lib.root().to_path_buf();
    assert_eq!(lib.store().article(&id).unwrap().version, 49);
    drop(lib);
    assert!(
        !root.join("newsdesk.db-wal").exists(),
        "the log was left behind"
    );
    let lib = Library::open(&root).unwrap();
    assert_eq!(lib.store().article(&id).unwrap().fields.headline, "v49");
    assert_eq!(lib.store().integrity_check().unwrap(), "ok");
}
