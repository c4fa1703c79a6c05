//! Search over a real library: diacritics, hostile input, filters, ranking, snippets.

use newsdesk_core::search::{SearchHit, SearchQuery, search};
use newsdesk_core::store::{RevisionKind, SaveKind};
use newsdesk_core::{ArticleFields, Author, Library, Status};

struct Desk {
    _dir: tempfile::TempDir,
    library: Library,
}

impl Desk {
    fn new() -> Desk {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::open(dir.path()).unwrap();
        Desk { _dir: dir, library }
    }

    fn add(&mut self, headline: &str, body: &str, section: &str, status: Status) -> String {
        let fields = ArticleFields {
            headline: headline.into(),
            body: body.into(),
            section: section.into(),
            authors: vec![Author {
                name: "Ana Ruiz".into(),
                role: "Reporter".into(),
            }],
            ..ArticleFields::default()
        };
        self.library
            .store_mut()
            .create_article(None, &fields, status, RevisionKind::Create)
            .unwrap()
            .id
    }

    /// What the search list shows for `text`, unfiltered.
    fn hits(&self, text: &str) -> Vec<SearchHit> {
        search(
            self.library.store(),
            &SearchQuery {
                text: text.into(),
                ..SearchQuery::default()
            },
        )
        .unwrap()
    }

    fn find(&self, text: &str) -> Vec<String> {
        self.find_with(SearchQuery {
            text: text.into(),
            ..SearchQuery::default()
        })
    }

    fn find_with(&self, query: SearchQuery) -> Vec<String> {
        search(self.library.store(), &query)
            .unwrap()
            .into_iter()
            .map(|hit| hit.article.id)
            .collect()
    }
}

#[test]
fn diacritics_and_case_do_not_matter() {
    let mut desk = Desk::new();
    let cafe = desk.add(
        "Le Café du Commerce reopens",
        "The owner is thrilled.",
        "city",
        Status::Draft,
    );
    let plain = desk.add(
        "A new cafe on Main Street",
        "Coffee and cake.",
        "city",
        Status::Draft,
    );
    let other = desk.add(
        "Council votes on budget",
        "Nothing about coffee houses.",
        "politics",
        Status::Draft,
    );
    for query in ["cafe", "café", "CAFÉ", "Cafe ", "CAFE"] {
        let mut found = desk.find(query);
        found.sort();
        let mut expected = vec![cafe.clone(), plain.clone()];
        expected.sort();
        assert_eq!(found, expected, "query {query:?}");
    }
    assert!(!desk.find("cafe").contains(&other));
}

#[test]
fn the_last_word_matches_as_a_prefix_while_typing() {
    let mut desk = Desk::new();
    let id = desk.add(
        "Marathon record falls",
        "A runner from Kenya won.",
        "sport",
        Status::Draft,
    );
    assert_eq!(desk.find("marath"), vec![id.clone()]);
    assert_eq!(desk.find("kenya marath"), vec![id]);
    // A finished word (trailing space) is matched whole.
    assert!(desk.find("marath ").is_empty());
    // Earlier words are always whole words.
    assert!(desk.find("marath record").is_empty());
    // From the third letter on (the index keeps three-letter prefixes).
    assert_eq!(desk.find("mar").len(), 1);
    assert!(desk.find("ma").is_empty());
}

#[test]
fn a_long_word_being_typed_finds_every_word_it_starts() {
    // Past six letters the index has no prefix list, and the word becomes the index's words
    // that start with it: each must still be found, whatever else the query holds.
    let mut desk = Desk::new();
    let protest = desk.add(
        "Protest at the port",
        "Dockers walked out.",
        "city",
        Status::Draft,
    );
    let protesters = desk.add("Protesters march", "Dockers again.", "city", Status::Ready);
    let protestant = desk.add(
        "Protestant church reopens",
        "Bells rang.",
        "city",
        Status::Ready,
    );
    desk.add(
        "Port reopens",
        "Protection money trial.",
        "city",
        Status::Ready,
    );
    let sorted = |mut ids: Vec<String>| {
        ids.sort();
        ids
    };
    let all = sorted(vec![
        protest.clone(),
        protesters.clone(),
        protestant.clone(),
    ]);
    assert_eq!(sorted(desk.find("protest")), all);
    assert_eq!(sorted(desk.find("PROTEST")), all);
    assert_eq!(sorted(desk.find("protesta")), vec![protestant.clone()]);
    assert_eq!(
        sorted(desk.find("dockers protest")),
        sorted(vec![protest.clone(), protesters.clone()])
    );
    assert_eq!(
        desk.find_with(SearchQuery {
            text: "protest".into(),
            status: Some(Status::Draft),
            ..SearchQuery::default()
        }),
        vec![protest.clone()]
    );
    // A finished word is still the word alone; a word nothing starts finds nothing.
    assert_eq!(desk.find("protest "), vec![protest]);
    assert!(desk.find("protestzz").is_empty());
    // More words than are spelt out start with it: searched as a prefix, found all the same.
    let many: Vec<String> = (0..40)
        .map(|n| {
            desk.add(
                &format!("Harbourmaster{n} speaks"),
                "",
                "city",
                Status::Draft,
            )
        })
        .collect();
    assert_eq!(sorted(desk.find("harbourmaster")), sorted(many));
}

#[test]
fn a_very_common_query_ranks_the_newest_matches() {
    let mut desk = Desk::new();
    // The best match by words alone is the oldest article.
    let oldest = desk.add(
        "Harbour harbour harbour",
        "The harbour.",
        "archive",
        Status::Published,
    );
    let batch: Vec<(ArticleFields, Status)> = (0..2_100)
        .map(|n| {
            let fields = ArticleFields {
                headline: format!("Story {n}"),
                body: format!("Boats in the harbour, day {n}."),
                section: "city".into(),
                ..ArticleFields::default()
            };
            (fields, Status::Draft)
        })
        .collect();
    let created = desk
        .library
        .store_mut()
        .create_articles(&batch, RevisionKind::Import)
        .unwrap();
    let hits = desk.find("harbour");
    assert_eq!(hits.len(), 50);
    assert!(
        !hits.contains(&oldest),
        "more than 2,000 matches: only the newest 2,000 are ranked"
    );
    assert!(
        hits.iter()
            .all(|id| created[100..].iter().any(|a| &a.id == id))
    );
    // Filters apply before the cut: a narrower query still finds the old article first.
    let filtered = desk.find_with(SearchQuery {
        text: "harbour".into(),
        section: Some("archive".into()),
        ..Default::default()
    });
    assert_eq!(filtered, vec![oldest.clone()]);
}

#[test]
fn hostile_input_is_matched_literally_and_never_errors() {
    let mut desk = Desk::new();
    let near = desk.add(
        "NEAR the border",
        "Troops OR tanks: body x NOT here.",
        "world",
        Status::Draft,
    );
    let other = desk.add("Weather", "Sunny with rain later.", "city", Status::Draft);
    let cases: &[(&str, &[&str])] = &[
        ("\"", &[]),
        ("\"\"", &[]),
        ("*", &[]),
        ("-", &[]),
        (":", &[]),
        ("^", &[]),
        ("(", &[]),
        (")", &[]),
        ("NEAR(", &[&near]),
        ("NEAR(the border)", &[&near]),
        ("troops OR nothing", &[]),
        ("OR", &[&near]),
        ("AND", &[]),
        ("NOT", &[&near]),
        ("body:x", &[&near]),
        ("headline:weather", &[]),
        ("{headline body}:sunny", &[]),
        ("-rain", &[&other]),
        ("^sunny", &[&other]),
        ("\"unbalanced sunny", &[]),
        ("\"sunny", &[&other]),
        ("sunny\"", &[&other]),
        ("rain*", &[&other]),
        ("ra*n", &[]),
        ("sun\"ny", &[]),
        ("'; DROP TABLE articles; --", &[]),
        ("\u{0}", &[]),
        ("tanks\u{0}", &[&near]),
        ("\u{0}tanks\u{1b}", &[&near]),
    ];
    for (query, expected) in cases {
        let hits = search(
            desk.library.store(),
            &SearchQuery {
                text: (*query).into(),
                ..Default::default()
            },
        );
        let hits = hits.unwrap_or_else(|e| panic!("query {query:?} failed: {e}"));
        let ids: Vec<&str> = hits.iter().map(|hit| hit.article.id.as_str()).collect();
        if query.chars().any(char::is_alphanumeric) {
            assert_eq!(&ids, expected, "query {query:?}");
        } else {
            // Nothing to search for: the article list.
            assert_eq!(ids.len(), 2, "query {query:?}");
        }
    }
    assert_eq!(desk.library.store().integrity_check().unwrap(), "ok");
}

#[test]
fn filters_by_status_and_section() {
    let mut desk = Desk::new();
    let draft_sport = desk.add(
        "Goal in extra time",
        "The final goal.",
        "sport",
        Status::Draft,
    );
    let ready_sport = desk.add(
        "Goalkeeper retires",
        "A goal-line legend.",
        "sport",
        Status::Ready,
    );
    let ready_city = desk.add(
        "Council goal: cleaner streets",
        "The goal is set.",
        "city",
        Status::Ready,
    );
    let query = |status, section: Option<&str>| SearchQuery {
        text: "goal".into(),
        status,
        section: section.map(Into::into),
        limit: 0,
    };
    let sorted = |mut ids: Vec<String>| {
        ids.sort();
        ids
    };
    assert_eq!(desk.find_with(query(None, None)).len(), 3);
    assert_eq!(
        sorted(desk.find_with(query(Some(Status::Ready), None))),
        sorted(vec![ready_sport.clone(), ready_city.clone()])
    );
    assert_eq!(
        sorted(desk.find_with(query(None, Some("sport")))),
        sorted(vec![draft_sport, ready_sport.clone()])
    );
    assert_eq!(
        desk.find_with(query(Some(Status::Ready), Some("sport"))),
        vec![ready_sport]
    );
    assert!(desk.find_with(query(Some(Status::Spiked), None)).is_empty());
    // The filters also apply to an empty search (the article list).
    let listed = desk.find_with(SearchQuery {
        section: Some("city".into()),
        ..Default::default()
    });
    assert_eq!(listed, vec![ready_city]);
}

#[test]
fn filters_match_where_each_article_is_filed_exactly() {
    // Sections that share words, case, accents or nothing at all: a filter is the index's
    // token for the exact section, never a word of it. Every combination must agree with the
    // data, before and after articles move (a status change and a section change reindex).
    let mut desk = Desk::new();
    let placement = [
        (Status::Published, "city"),
        (Status::Published, "city"),
        (Status::Published, "sport"),
        (Status::Draft, "city"),
        (Status::Draft, "sport"),
        (Status::Ready, "city"),
        (Status::Spiked, "world"),
        (Status::Published, "world news"),
        (Status::Published, "World"),
        (Status::Editing, "wörld"),
        (Status::Ready, ""),
        (Status::Draft, "status draft"),
    ];
    let mut filed: Vec<(String, Status, String)> = placement
        .iter()
        .enumerate()
        .map(|(n, &(status, section))| {
            let id = desk.add(
                &format!("Tram line {n}"),
                "Trams run late.",
                section,
                status,
            );
            (id, status, section.to_owned())
        })
        .collect();
    let statuses = [
        None,
        Some(Status::Published),
        Some(Status::Draft),
        Some(Status::Spiked),
        Some(Status::Editing),
        Some(Status::Ready),
    ];
    let sections = [
        None,
        Some("city"),
        Some("sport"),
        Some("world"),
        Some("world news"),
        Some("World"),
        Some("wörld"),
        Some("worl"),
        Some(""),
        Some("status draft"),
        Some("none"),
    ];
    let check = |desk: &Desk, filed: &[(String, Status, String)]| {
        for status in statuses {
            for section in sections {
                let mut expected: Vec<String> = filed
                    .iter()
                    .filter(|(_, s, sec)| {
                        status.is_none_or(|st| st == *s) && section.is_none_or(|want| want == sec)
                    })
                    .map(|(id, _, _)| id.clone())
                    .collect();
                expected.sort();
                let mut found = desk.find_with(SearchQuery {
                    text: "trams".into(),
                    status,
                    section: section.map(Into::into),
                    limit: 0,
                });
                found.sort();
                assert_eq!(found, expected, "status {status:?}, section {section:?}");
            }
        }
    };
    check(&desk, &filed);

    let store = desk.library.store_mut();
    let (moved, _, _) = &filed[0];
    let article = store.article(moved).unwrap();
    store
        .set_status(moved, article.version, Status::Spiked)
        .unwrap();
    filed[0].1 = Status::Spiked;
    let (resectioned, _, _) = &filed[3];
    let article = store.article(resectioned).unwrap();
    let fields = ArticleFields {
        section: "world".into(),
        ..article.fields
    };
    store
        .save_article(resectioned, article.version, &fields, SaveKind::Save)
        .unwrap();
    filed[3].2 = "world".into();
    check(&desk, &filed);
}

#[test]
fn a_headline_match_ranks_above_a_body_only_match() {
    let mut desk = Desk::new();
    // The body-only article mentions the word more often, and is created last (newest).
    let in_headline = desk.add(
        "Flood warning for the valley",
        "Residents were told to prepare.",
        "city",
        Status::Draft,
    );
    let in_body = desk.add(
        "Council meeting",
        "The flood plan was discussed. A flood barrier and flood insurance too.",
        "city",
        Status::Draft,
    );
    assert_eq!(desk.find("flood"), vec![in_headline, in_body]);
}

#[test]
fn limit_caps_the_results() {
    let mut desk = Desk::new();
    for n in 0..5 {
        desk.add(
            &format!("Election night {n}"),
            "Votes counted.",
            "politics",
            Status::Draft,
        );
    }
    assert_eq!(desk.find("election").len(), 5);
    assert_eq!(
        desk.find_with(SearchQuery {
            text: "election".into(),
            limit: 2,
            ..Default::default()
        })
        .len(),
        2
    );
}

#[test]
fn snippets_mark_the_telling_words_not_the_words_of_every_story() {
    // "the" is in every story here: it must still be there for a story to match, but the
    // snippet marks the words that tell the story apart.
    let mut desk = Desk::new();
    for n in 0..6 {
        desk.add(
            &format!("Council meeting {n}"),
            "The council met at the hall.",
            "city",
            Status::Draft,
        );
    }
    desk.add(
        "Ferry report",
        "The ferry left the harbour late and the crew said the sea was rough.",
        "city",
        Status::Draft,
    );
    let hits = desk.hits("the ferry ");
    assert_eq!(hits.len(), 1);
    let marked = marked_words(&hits[0].snippet_html);
    assert!(
        marked.iter().any(|w| w.eq_ignore_ascii_case("ferry")),
        "{marked:?}"
    );
    assert!(
        !marked.iter().any(|w| w.eq_ignore_ascii_case("the")),
        "{marked:?}"
    );
    // A query of nothing but such words still marks them.
    let hits = desk.hits("the ");
    assert!(
        hits.iter()
            .all(|hit| !marked_words(&hit.snippet_html).is_empty())
    );
}

#[test]
fn snippets_mark_matches_and_body_text_cannot_inject_html() {
    let mut desk = Desk::new();
    desk.add(
        "Harbour news",
        "Fishermen say <script>alert('x')</script> & the <b>harbour</b> is quiet tonight.",
        "city",
        Status::Draft,
    );
    let hits = desk.hits("quiet");
    let hit = &hits[0];
    assert!(hit.snippet.contains("[quiet]"), "{}", hit.snippet);
    assert!(
        hit.snippet_html.contains("<mark>quiet</mark>"),
        "{}",
        hit.snippet_html
    );
    assert!(
        hit.snippet_html.contains("&lt;script&gt;"),
        "{}",
        hit.snippet_html
    );
    assert!(hit.snippet_html.contains("&amp;"), "{}", hit.snippet_html);
    let without_marks = hit
        .snippet_html
        .replace("<mark>", "")
        .replace("</mark>", "");
    assert!(
        !without_marks.contains('<') && !without_marks.contains('>'),
        "{}",
        hit.snippet_html
    );
    assert_eq!(hit.article.headline, "Harbour news");
    assert_eq!(hit.article.status, Status::Draft);
    assert_eq!(hit.article.version, 1);
}

#[test]
fn saved_changes_are_found_and_old_text_is_not() {
    let mut desk = Desk::new();
    let id = desk.add(
        "Bridge closed",
        "Repairs start Monday.",
        "city",
        Status::Draft,
    );
    let mut fields = desk.library.store().article(&id).unwrap().fields;
    fields.body = "Repairs start Tuesday.".into();
    desk.library
        .store_mut()
        .save_article(&id, 1, &fields, SaveKind::Save)
        .unwrap();
    assert_eq!(desk.find("tuesday"), vec![id.clone()]);
    assert!(desk.find("monday").is_empty());
    let hit = &desk.hits("bridge")[0];
    assert_eq!(hit.article.version, 2);
}

#[test]
fn a_library_indexed_before_the_prefix_lists_is_reindexed_and_searchable() {
    // A library as Newsdesk left it before migration 004, with one article in its index.
    let dir = tempfile::tempdir().unwrap();
    {
        let conn =
            rusqlite::Connection::open(dir.path().join(newsdesk_core::library::DB_FILE)).unwrap();
        for sql in [
            include_str!("../../src/store/migrations/001_articles.sql"),
            include_str!("../../src/store/migrations/002_photos.sql"),
            include_str!("../../src/store/migrations/003_delivery.sql"),
        ] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 3).unwrap();
        conn.execute(
            "INSERT INTO articles (seq, id, version, status, section, headline, created_at, updated_at, fields)
             VALUES (7, '0b6f2c1e-8f7a-4d55-9d43-6a1f3e5b2c10', 1, 'ready', 'sport', 'Marathon in the Café district',
                     '2024-07-30T10:00:00Z', '2024-07-30T10:00:00Z', '{\"headline\": \"Marathon in the Café district\"}')",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO articles_fts (rowid, headline, dek, body, byline, keywords)
             VALUES (7, 'Marathon in the Café district', '', 'Runners crossed the old harbour.', 'Ana Ruiz', 'running')",
            [],
        )
        .unwrap();
    }
    let library = Library::open(dir.path()).unwrap();
    assert!(library.store().schema_version().unwrap() >= 4);
    let find = |text: &str| {
        search(
            library.store(),
            &SearchQuery {
                text: text.into(),
                ..SearchQuery::default()
            },
        )
        .unwrap()
        .into_iter()
        .map(|hit| hit.article.id)
        .collect::<Vec<_>>()
    };
    let id = "0b6f2c1e-8f7a-4d55-9d43-6a1f3e5b2c10".to_owned();
    for query in [
        "mar", "mara", "marat", "marath", "cafe", "harbour", "ruiz", "running",
    ] {
        assert_eq!(find(query), vec![id.clone()], "query {query:?}");
    }
    assert!(find("harbor").is_empty());
    // Where it is filed came into the index with the rebuild of migration 016.
    let filtered = |status, section: &str| {
        search(
            library.store(),
            &SearchQuery {
                text: "harbour".into(),
                status: Some(status),
                section: Some(section.into()),
                limit: 0,
            },
        )
        .unwrap()
        .len()
    };
    assert_eq!(filtered(Status::Ready, "sport"), 1);
    assert_eq!(filtered(Status::Draft, "sport"), 0);
    assert_eq!(filtered(Status::Ready, "city"), 0);
    assert_eq!(library.store().integrity_check().unwrap(), "ok");
}

/// Back-to-back saves with no idle time (a sync catching up, a desk working through a
/// batch) used to add a segment each to the search index until FTS5's crisis merge took 128 of
/// them inside one save (32-44 ms in the 100,000-story library). Each save now merges a few
/// pages, so the segments stay few and no save inherits the pile.
#[test]
fn a_burst_of_saves_keeps_the_search_index_merged() {
    let mut desk = Desk::new();
    let ids: Vec<String> = (0..20)
        .map(|i| {
            desk.add(
                &format!("Council vote {i}"),
                "Budget.",
                "city",
                Status::Draft,
            )
        })
        .collect();
    let store = desk.library.store_mut();
    while store.tidy_search_index(64).unwrap() {}
    for n in 0..200 {
        let id = &ids[n % ids.len()];
        let article = store.article(id).unwrap();
        let mut fields = article.fields;
        fields
            .body
            .push_str(&format!(" Amendment number{n} passed."));
        store
            .save_article(id, article.version, &fields, SaveKind::Autosave)
            .unwrap();
    }
    let db = rusqlite::Connection::open(desk.library.root().join("newsdesk.db")).unwrap();
    let segments: i64 = db
        .query_row(
            "SELECT count(DISTINCT segid) FROM articles_fts_idx",
            [],
            |row| row.get(0),
        )
        .unwrap();
    // Without merging in the saves: one segment a save, 200 here (74 after a crisis merge).
    assert!(segments < 40, "{segments} segments after 200 saves");
    assert_eq!(desk.find("number199").len(), 1);
    assert_eq!(desk.find("number0").len(), 1);
}

#[test]
fn saves_leave_upkeep_to_idle_time_and_it_changes_no_answer() {
    let mut desk = Desk::new();
    let ids: Vec<String> = (0..40)
        .map(|i| {
            desk.add(
                &format!("Harbour report {i}"),
                &format!("Ferry number{i} late."),
                "city",
                Status::Draft,
            )
        })
        .collect();
    let before: Vec<Vec<String>> = ["harbour", "ferry late", "number7", "numb"]
        .map(|q| desk.find(q))
        .into();

    // FTS5 never merges on its own: the library tells it so (a large merge inside a save was
    // the save's slow tail).
    let db = rusqlite::Connection::open(desk.library.root().join("newsdesk.db")).unwrap();
    let automerge: i64 = db
        .query_row(
            "SELECT v FROM articles_fts_config WHERE k = 'automerge'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(automerge, 0);

    // Forty saves left forty segments unmerged, so there is work; it runs out.
    let store = desk.library.store_mut();
    assert!(
        store.tidy_search_index(16).unwrap(),
        "saves should have left segments to merge"
    );
    let mut rounds = 1;
    while store.tidy_search_index(16).unwrap() {
        rounds += 1;
        assert!(rounds < 1000, "tidying never finished");
    }
    assert!(!store.tidy_search_index(16).unwrap());

    assert!(
        desk.library.store().checkpoint().unwrap(),
        "nothing else holds the log back"
    );
    let after: Vec<Vec<String>> = ["harbour", "ferry late", "number7", "numb"]
        .map(|q| desk.find(q))
        .into();
    assert_eq!(before, after);
    assert_eq!(after[0].len(), ids.len());
    assert_eq!(desk.library.store().integrity_check().unwrap(), "ok");
}

/// Every C0 control character, DEL, C1's next-line, and characters that mark matches
/// internally (the noncharacters Unicode keeps for a program's own use).
fn control_and_marker_characters() -> Vec<char> {
    (0u32..0x20)
        .chain([0x7F, 0x85, 0x9F, 0xFDD0, 0xFDD1, 0xFDEF, 0xFFFE])
        .filter_map(char::from_u32)
        .collect()
}

/// The tags of `html` in order, and the text of each `<mark>`; panics on anything else.
fn marked_words(html: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut rest = html;
    let mut open = false;
    while let Some(at) = rest.find('<') {
        let after = &rest[at..];
        let tag = if open { "</mark>" } else { "<mark>" };
        assert!(after.starts_with(tag), "expected {tag} in {html:?}");
        rest = &after[tag.len()..];
        if !open {
            let end = rest
                .find("</mark>")
                .unwrap_or_else(|| panic!("unclosed <mark> in {html:?}"));
            words.push(rest[..end].to_owned());
        }
        open = !open;
    }
    assert!(!open && !rest.contains('>'), "{html:?}");
    words
}

#[test]
fn defect_10_control_characters_in_articles_never_make_markup_in_snippets() {
    let mut desk = Desk::new();
    let (mut snippets, mut articles) = (Vec::new(), Vec::new());
    for c in control_and_marker_characters() {
        let headline = format!("Harbour{c}fire {c}quiet{c} night{c}");
        let body = format!("{c}The quiet{c} harbour {c}<b>x</b>{c} quiet end{c}{c}");
        let id = desk.add(&headline, &body, "city", Status::Draft);
        for query in ["quiet", "harbour quiet", "night"] {
            let hits = search(
                desk.library.store(),
                &SearchQuery {
                    text: query.into(),
                    limit: 1000,
                    ..Default::default()
                },
            )
            .unwrap();
            let hit = hits
                .iter()
                .find(|h| h.article.id == id)
                .unwrap_or_else(|| panic!("U+{:04X}", c as u32));
            let words = marked_words(&hit.snippet_html);
            assert!(
                !words.is_empty(),
                "U+{:04X} {query}: {:?}",
                c as u32,
                hit.snippet_html
            );
            for word in &words {
                assert!(
                    query.split(' ').any(|q| word.eq_ignore_ascii_case(q)),
                    "U+{:04X} {query}: marked {word:?} in {:?}",
                    c as u32,
                    hit.snippet_html
                );
            }
            snippets.push((c, hit.snippet.clone(), hit.snippet_html.clone()));
        }
        articles.push((c, id));
    }
    // Nor is any of them kept: an editor never means them, and a terminal obeys some.
    for (c, snippet, snippet_html) in snippets {
        for text in [snippet, snippet_html] {
            let stray = |k: char| {
                k.is_control() && !matches!(k, '\t' | '\n' | '\r')
                    || ('\u{FDD0}'..='\u{FDEF}').contains(&k)
            };
            assert!(!text.chars().any(stray), "U+{:04X}: {text:?}", c as u32);
        }
    }
    for (c, id) in articles {
        let stored = desk.library.store().article(&id).unwrap().fields;
        for text in [&stored.headline, &stored.body] {
            let stray = |k: char| k.is_control() && !matches!(k, '\t' | '\n' | '\r');
            assert!(
                !text.chars().any(stray),
                "U+{:04X} was kept: {text:?}",
                c as u32
            );
        }
    }
}

/// A small newsroom whose council is in every other story, and twenty queries whose best hit a
/// reader would agree on: a headline beats a mention, the rarer word decides a pair, a
/// headline of common words is still found by them, a byline and keywords count, and the word
/// being typed finds its story. Search changes for speed must keep every one.
#[test]
fn twenty_queries_find_the_story_a_reader_expects_first() {
    let mut desk = Desk::new();
    let story =
        |headline: &str, dek: &str, body: &str, by: &str, keywords: &[&str]| ArticleFields {
            headline: headline.into(),
            dek: dek.into(),
            body: body.into(),
            section: "city".into(),
            authors: vec![Author {
                name: by.into(),
                role: "Reporter".into(),
            }],
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
            ..ArticleFields::default()
        };
    let mut stories = Vec::new();
    // The council is everywhere: common words in headlines and bodies alike.
    for topic in [
        "parking",
        "budget",
        "libraries",
        "schools",
        "bins",
        "lighting",
        "housing",
        "trams",
        "parks",
        "taxes",
        "bridges",
        "markets",
    ] {
        stories.push(story(
            &format!("Council debates {topic}"),
            &format!("What the council said about {topic}"),
            &format!(
                "The city council met on Tuesday to talk about {topic}. We were told the vote \
                 would come later, and the way the council works it may be weeks. The mayor \
                 and the harbour master were not there."
            ),
            "Ana Ruiz",
            &["council"],
        ));
    }
    for (headline, dek, body, by, keywords) in [
        (
            "Harbour dredging to start in spring",
            "The port gets deeper berths",
            "The port authority said the council approved the dredging of the harbour.",
            "Ana Ruiz",
            &["port"][..],
        ),
        (
            "The way we were",
            "Our town in old photographs",
            "A look back at the streets, the shops and the people, from the archive.",
            "Jon Weller",
            &[],
        ),
        (
            "Marathon record falls in the rain",
            "A Kenyan runner wins in two hours and four minutes",
            "The runner from Kenya broke the course record by a minute.",
            "Mia Sandoval",
            &["athletics", "marathon"],
        ),
        (
            "Kenya sends its trade minister",
            "Talks on coffee and tea",
            "The minister will meet exporters at the chamber of commerce.",
            "Ana Ruiz",
            &["trade"],
        ),
        (
            "Tram line extension opens",
            "Six new stops to the airport",
            "The first tram left at six. Passengers said the ride was smooth.",
            "Tomasz Nowak",
            &["transport", "trams"],
        ),
        (
            "Storm closes the coast road",
            "Fallen trees and flooding at the bay",
            "The storm brought down trees. The coast road will reopen on Friday.",
            "Mia Sandoval",
            &["weather"],
        ),
        (
            "Bakery wins national bread prize",
            "A sourdough from the old town",
            "The bakers worked through the night. Sourdough is their speciality.",
            "Jon Weller",
            &["food"],
        ),
        (
            "Hospital waiting times fall",
            "Fewer patients wait more than four hours",
            "The hospital said new nurses and a second ward cut the waiting times.",
            "Tomasz Nowak",
            &["health"],
        ),
        (
            "Orchestra returns to the concert hall",
            "The renovation took three years",
            "The orchestra played Mahler to a full hall on Saturday.",
            "Ana Ruiz",
            &["music", "culture"],
        ),
        (
            "Police appeal after warehouse fire",
            "Witnesses sought in the docklands",
            "Fire crews fought the blaze at the warehouse for six hours.",
            "Mia Sandoval",
            &["crime"],
        ),
        (
            "Cycling lanes divide the high street",
            "Shopkeepers and cyclists disagree",
            "The lanes were painted last month. Some shops say trade is down.",
            "Jon Weller",
            &["transport"],
        ),
        (
            "Museum buys a lost Vermeer sketch",
            "The drawing was found in an attic",
            "Experts dated the paper and the ink to the painter's lifetime.",
            "Tomasz Nowak",
            &["art"],
        ),
    ] {
        stories.push(story(headline, dek, body, by, keywords));
    }
    let batch: Vec<(ArticleFields, Status)> =
        stories.into_iter().map(|s| (s, Status::Draft)).collect();
    desk.library
        .store_mut()
        .create_articles(&batch, RevisionKind::Import)
        .unwrap();
    for (query, best) in [
        // A word of one headline.
        ("dredging", "Harbour dredging to start in spring"),
        ("orchestra", "Orchestra returns to the concert hall"),
        ("vermeer", "Museum buys a lost Vermeer sketch"),
        // The headline beats twelve bodies that mention the harbour.
        ("harbour", "Harbour dredging to start in spring"),
        // A rare word decides over a common one, in either order.
        ("council harbour", "Harbour dredging to start in spring"),
        ("harbour council", "Harbour dredging to start in spring"),
        ("the coast", "Storm closes the coast road"),
        ("council parking", "Council debates parking"),
        ("trams council", "Council debates trams"),
        // A headline of common words, found by them.
        ("the way we were", "The way we were"),
        // A headline mention beats a dek and a body mention.
        ("kenya", "Kenya sends its trade minister"),
        ("marathon", "Marathon record falls in the rain"),
        // The dek counts more than the body.
        ("sourdough", "Bakery wins national bread prize"),
        ("docklands", "Police appeal after warehouse fire"),
        // Bylines and keywords.
        ("tomasz nowak museum", "Museum buys a lost Vermeer sketch"),
        ("athletics", "Marathon record falls in the rain"),
        ("transport airport", "Tram line extension opens"),
        // Still typing: the last word as a prefix.
        ("hospit", "Hospital waiting times fall"),
        ("waiting tim", "Hospital waiting times fall"),
        ("cycling lan", "Cycling lanes divide the high street"),
    ] {
        let hits = desk.hits(query);
        let first = hits.first().map(|hit| hit.article.headline.as_str());
        assert_eq!(first, Some(best), "the best hit for {query:?}");
    }
}
