//! Stored shapes pinned: the golden rows of `tests/golden/schema-5` (rows as a library of
//! schema version 5 stores them) go into a fresh library and must load through the store with
//! every value intact. A change that breaks one of these breaks every library written before
//! it; such a change needs a migration, not an edited golden file.

use std::path::Path;

use newsdesk_core::article::{Correction, PhotoPlacement};
use newsdesk_core::delivery::{DeliveryState, Target};
use newsdesk_core::store::RevisionKind;
use newsdesk_core::{ArticleFields, Author, Dateline, Library, RelatedStory, Status};
use serde_json::Value;

use crate::common::library;

const ARTICLE: &str = "0b4c7e1a-3f0e-4c55-9d0b-6f2f1d3a9e01";
const PHOTO: &str = "5a1f0c2d9e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f";
/// The tables in the order their references need.
const TABLES: [&str; 6] = [
    "articles",
    "revisions",
    "photos",
    "photo_crops",
    "destinations",
    "outbox",
];

fn golden(table: &str) -> Vec<serde_json::Map<String, Value>> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/golden/schema-5/{table}.json"));
    let rows: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_object().unwrap().clone())
        .collect()
}

/// A library holding the golden rows, written with plain SQL as an older Newsdesk left them.
fn golden_library() -> (tempfile::TempDir, Library) {
    let (dir, library) = library();
    let db =
        rusqlite::Connection::open(library.root().join(newsdesk_core::library::DB_FILE)).unwrap();
    for table in TABLES {
        for row in golden(table) {
            let columns: Vec<&str> = row.keys().map(String::as_str).collect();
            let marks: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
            let values: Vec<rusqlite::types::Value> = row.values().map(sql_value).collect();
            let sql = format!(
                "INSERT INTO {table} ({}) VALUES ({})",
                columns.join(", "),
                marks.join(", ")
            );
            db.execute(&sql, rusqlite::params_from_iter(values))
                .unwrap_or_else(|e| panic!("{table}: {e}"));
        }
    }
    (dir, library)
}

/// A JSON column (an object or list) is stored as its JSON text.
fn sql_value(value: &Value) -> rusqlite::types::Value {
    use rusqlite::types::Value as Sql;
    match value {
        Value::Null => Sql::Null,
        Value::Bool(b) => Sql::Integer(i64::from(*b)),
        Value::Number(n) => n
            .as_i64()
            .map_or_else(|| Sql::Real(n.as_f64().unwrap()), Sql::Integer),
        Value::String(s) => Sql::Text(s.clone()),
        Value::Array(_) | Value::Object(_) => Sql::Text(value.to_string()),
    }
}

fn time(s: &str) -> time::OffsetDateTime {
    time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).unwrap()
}

#[test]
fn golden_articles_and_revisions_load_with_every_field() {
    let (_dir, library) = golden_library();
    let store = library.store();
    let article = store.article(ARTICLE).unwrap();
    assert_eq!((article.version, article.status), (3, Status::Editing));
    assert_eq!(article.updated_at, time("2026-11-30T09:42:07.125Z"));
    let expected = ArticleFields {
        slugline: "council-budget".into(),
        kicker: "Budget".into(),
        section: "Politics".into(),
        headline: "Council passes budget after all-night session".into(),
        dek: "Spending rises 4 percent; libraries keep Sunday hours".into(),
        authors: vec![
            Author {
                name: "Ana Reporter".into(),
                role: "Reporter".into(),
            },
            Author {
                name: "Bo Writer".into(),
                role: "Staff writer".into(),
            },
        ],
        dateline: Dateline {
            place: "SPRINGFIELD".into(),
            date: "2026-11-30".into(),
        },
        body: format!(
            "The council voted 7-2.\n\n![The chamber at dawn](photo:{PHOTO}/wide)\n\nCafé owners welcomed it."
        ),
        keywords: vec!["budget".into(), "council".into()],
        related: vec![RelatedStory {
            title: "Budget draft published".into(),
            url: "https://example.org/news/budget-draft".into(),
        }],
        editors_note: "Check the vote count with the clerk".into(),
        language: "en".into(),
        embargo: Some(time("2026-12-01T06:00:00Z")),
        corrections: vec![Correction {
            date: "2026-11-30".into(),
            text: "An earlier version misspelled the mayor's name.".into(),
        }],
        lead_photo: Some(PhotoPlacement {
            photo_id: PHOTO.into(),
            crop: "wide".into(),
        }),
    };
    assert_eq!(article.fields, expected);
    assert_eq!(
        store
            .article("7d9e2f44-1b2c-4d3e-8f90-a1b2c3d4e5f6")
            .unwrap()
            .fields,
        ArticleFields {
            language: "en".into(),
            ..ArticleFields::default()
        }
    );

    let revisions = store.revisions(ARTICLE).unwrap();
    let shape: Vec<_> = revisions
        .iter()
        .map(|r| (r.number, r.version, r.base_version, r.kind))
        .collect();
    assert_eq!(
        shape,
        [
            (1, Some(1), None, RevisionKind::Create),
            (2, Some(2), Some(1), RevisionKind::Autosave),
            (3, None, Some(1), RevisionKind::Conflict),
            (4, Some(3), Some(2), RevisionKind::Status),
        ]
    );
    assert_eq!(revisions[2].fields.body, "Typed in a second window.");
    assert_eq!(revisions[3].fields, expected);
}

#[test]
fn golden_photos_load_with_desk_record_focal_point_and_crops() {
    let (_dir, library) = golden_library();
    let photo = library.store().photo(PHOTO).unwrap();
    assert_eq!(
        (
            photo.width,
            photo.height,
            photo.orientation,
            photo.byte_size
        ),
        (4000, 2667, 6, 2_483_117)
    );
    assert_eq!(photo.source_name, "AP_chamber_dawn.jpg");
    assert_eq!(photo.embedded.credit.as_deref(), Some("AP"));
    assert_eq!(photo.embedded.alt_text, None);
    assert_eq!(photo.desk.credit, "AP / Jo Photographer");
    assert_eq!(photo.desk.usage_terms, "Editorial use only");
    assert_eq!(photo.focal_point, Some((0.42, 0.37)));
    let mut crops: Vec<(String, String, u32)> = photo
        .crops
        .iter()
        .map(|c| (c.name.clone(), c.aspect.to_string(), c.width))
        .collect();
    crops.sort();
    assert_eq!(
        crops,
        [
            ("detail".to_owned(), "free".to_owned(), 800),
            ("square".to_owned(), "1:1".to_owned(), 2667),
            ("wide".to_owned(), "16:9".to_owned(), 4000),
        ]
    );
}

#[test]
fn golden_destinations_and_outbox_load() {
    let (_dir, library) = golden_library();
    let store = library.store();
    let mut destinations = store.destinations().unwrap();
    destinations.sort_by(|a, b| a.name.cmp(&b.name));
    let names: Vec<&str> = destinations.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["hot-folder", "older-push", "superdesk"]);
    assert!(
        matches!(&destinations[0].target, Target::Folder { path } if path == Path::new("/srv/newsdesk/out"))
    );
    let Target::HttpPush(older) = &destinations[1].target else {
        panic!("{:?}", destinations[1])
    };
    assert_eq!(
        (older.connect_timeout_secs, older.read_timeout_secs),
        (10, 60),
        "defaults for rows without them"
    );
    let Target::HttpPush(push) = &destinations[2].target else {
        panic!("{:?}", destinations[2])
    };
    assert_eq!(push.resource_url, "http://127.0.0.1:5050/push");

    let outbox = store.outbox().unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(
        (
            outbox[0].state,
            outbox[0].attempts,
            outbox[0].article_version
        ),
        (DeliveryState::Retrying, 2, 3)
    );
    assert_eq!(
        outbox[0].last_error.as_deref(),
        Some("the receiver answered 503 Service Unavailable")
    );
}

/// What the store writes today still has every key of the golden rows: nothing renamed or
/// dropped from the stored shape without a migration.
#[test]
fn todays_article_rows_keep_every_golden_key() {
    let (_dir, mut library) = library();
    let fields = ArticleFields {
        headline: "Written today".into(),
        ..ArticleFields::default()
    };
    let article = library
        .store_mut()
        .create_article(None, &fields, Status::Draft, RevisionKind::Create)
        .unwrap();
    let db =
        rusqlite::Connection::open(library.root().join(newsdesk_core::library::DB_FILE)).unwrap();
    for (table, key) in [("articles", "id"), ("revisions", "article_id")] {
        let written: String = db
            .query_row(
                &format!("SELECT fields FROM {table} WHERE {key} = ?1"),
                [&article.id],
                |r| r.get(0),
            )
            .unwrap();
        let written: Value = serde_json::from_str(&written).unwrap();
        for golden_row in golden(table) {
            for key in golden_row["fields"].as_object().unwrap().keys() {
                assert!(
                    written.get(key).is_some(),
                    "{table}.fields no longer writes `{key}`: {written}"
                );
            }
        }
    }
}
