//! `newsdesk_rank` against SQLite's own `bm25()` on a real FTS5 index: given each phrase's
//! weight from the whole index, it scores every row as `bm25()` does.

use newsdesk_ranking::{FUNCTION, idf, register, weights_blob};
use rusqlite::{Connection, params};

const STORIES: &[(&str, &str)] = &[
    (
        "Harbour dredging to start",
        "The council approved the dredging of the harbour.",
    ),
    (
        "Council debates parking",
        "The council met. The harbour master was not there.",
    ),
    (
        "Council debates budget",
        "The council met on Tuesday about the budget.",
    ),
    (
        "The way we were",
        "A look back at the town, the shops and the people.",
    ),
    (
        "Marathon record falls",
        "The runner from Kenya broke the record in the rain.",
    ),
    (
        "Kenya sends its minister",
        "The minister meets exporters of coffee and tea.",
    ),
];

fn index() -> Connection {
    let conn = Connection::open_in_memory().unwrap();
    register(&conn).unwrap();
    conn.execute_batch(
        "CREATE VIRTUAL TABLE t USING fts5 (headline, body,
             tokenize = 'unicode61 remove_diacritics 2', prefix = '3');",
    )
    .unwrap();
    for (headline, body) in STORIES {
        conn.execute(
            "INSERT INTO t (headline, body) VALUES (?1, ?2)",
            [headline, body],
        )
        .unwrap();
    }
    conn
}

#[test]
fn with_whole_index_weights_it_scores_every_row_as_bm25_does() {
    let conn = index();
    let rows = STORIES.len() as i64;
    for phrases in [
        &["\"harbour\""][..],
        &["\"council\"", "\"harbour\""],
        &["\"the\"", "\"way\"", "\"we\"", "\"were\""],
        &["\"ken\" *"],
        &["\"record\"", "\"the\""],
    ] {
        let idfs: Vec<f64> = phrases
            .iter()
            .map(|phrase| {
                let hits: i64 = conn
                    .query_row("SELECT count(*) FROM t WHERE t MATCH ?1", [phrase], |r| {
                        r.get(0)
                    })
                    .unwrap();
                idf(rows, hits)
            })
            .collect();
        let expression = phrases.join(" AND ");
        let mut stmt = conn
            .prepare(&format!(
                "SELECT rowid, bm25(t, 10.0, 1.0), {FUNCTION}(t, ?2, 10.0, 1.0)
                 FROM t WHERE t MATCH ?1"
            ))
            .unwrap();
        let scored: Vec<(i64, f64, f64)> = stmt
            .query_map(params![expression, weights_blob(&idfs)], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(!scored.is_empty(), "{expression} matches");
        for (rowid, bm25, ours) in scored {
            assert!(
                (bm25 - ours).abs() <= 1e-9 * bm25.abs().max(1.0),
                "{expression}, row {rowid}: bm25 {bm25}, newsdesk_rank {ours}"
            );
        }
    }
}

#[test]
fn a_wrong_count_of_weights_is_an_error_not_a_crash() {
    let conn = index();
    for blob in [Vec::new(), weights_blob(&[1.0]), vec![0u8; 5]] {
        let result: rusqlite::Result<f64> = conn.query_row(
            &format!("SELECT {FUNCTION}(t, ?1) FROM t WHERE t MATCH '\"council\" AND \"the\"'"),
            [blob],
            |r| r.get(0),
        );
        let error = result.unwrap_err().to_string();
        assert!(error.contains("one weight per phrase"), "{error}");
    }
    let result: rusqlite::Result<f64> = conn.query_row(
        &format!("SELECT {FUNCTION}(t) FROM t WHERE t MATCH 'council'"),
        [],
        |r| r.get(0),
    );
    assert!(result.is_err());
}

#[test]
fn weights_follow_bm25s_rule_for_common_words() {
    assert!(idf(100, 1) > idf(100, 10));
    assert_eq!(idf(100, 60), 1e-6, "in more than half the rows");
    assert_eq!(idf(100, 500), 1e-6, "a count beyond the rows is clamped");
    assert!(idf(0, 0).is_finite());
}
