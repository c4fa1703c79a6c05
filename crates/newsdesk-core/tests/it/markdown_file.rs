//! Articles through Markdown files with front matter: export then import gives back the
//! same article; malformed files are refused with a line number.

use newsdesk_core::article::{Correction, PhotoPlacement};
use newsdesk_core::markdown_file::{from_markdown, import, to_markdown};
use newsdesk_core::store::RevisionKind;
use newsdesk_core::{ArticleFields, Author, Dateline, Error, RelatedStory, Status};

use super::common::library;

fn full_fields() -> ArticleFields {
    ArticleFields {
        slugline: "korea-selfie".into(),
        kicker: "Olympics".into(),
        section: "Sports".into(),
        headline: "Sports diplomacy: athletes celebrate together".into(),
        dek: "A moment on the podium.".into(),
        authors: vec![
            Author {
                name: "Ana Lima".into(),
                role: "Reporter".into(),
            },
            Author {
                name: "Petros Giannakouris".into(),
                role: "Photographer".into(),
            },
        ],
        dateline: Dateline {
            place: "PARIS".into(),
            date: "2024-07-30".into(),
        },
        body: "First paragraph.\n\nSecond *paragraph*.\n".into(),
        keywords: vec!["olympics".into(), "table tennis".into()],
        related: vec![RelatedStory {
            title: "The Green Behind the Gold".into(),
            url: "https://example.org/gold".into(),
        }],
        editors_note: "Updated with the IOC statement.".into(),
        language: "en".into(),
        embargo: Some(time::macros::datetime!(2024-07-31 06:00 UTC)),
        corrections: vec![Correction {
            date: "2024-07-31".into(),
            text: "An earlier version misspelt a name.".into(),
        }],
        lead_photo: Some(PhotoPlacement {
            photo_id: "p-1".into(),
            crop: "16:9".into(),
        }),
    }
}

/// Each case changes the full article in one way that is hard for YAML or for the fences.
fn cases() -> Vec<(&'static str, ArticleFields)> {
    let with = |change: fn(&mut ArticleFields)| {
        let mut f = full_fields();
        change(&mut f);
        f
    };
    vec![
        ("every field set", full_fields()),
        (
            "empty fields",
            ArticleFields {
                language: "en".into(),
                ..Default::default()
            },
        ),
        (
            "non-ASCII",
            with(|f| {
                f.headline = "Café in São Paulo: 北朝鮮 und Ümläute — “quotes” 🎉".into();
                f.authors[0].name = "Łukasz Żółć".into();
                f.body = "Ça va?\n\nЗдравствуйте, 안녕하세요.\n".into();
            }),
        ),
        (
            "multi-line dek",
            with(|f| f.dek = "Line one\nline two\n\n  indented third".into()),
        ),
        (
            "quotes and colons in the headline",
            with(|f| {
                f.headline =
                    r#"Minister: "We will not 'back down'" #1 - [yes] {no} & *star* | pipe"#.into();
            }),
        ),
        (
            "YAML look-alikes",
            with(|f| {
                f.headline = "yes".into();
                f.dek = "null".into();
                f.slugline = "0123".into();
                f.kicker = "- item".into();
                f.section = "~".into();
                f.keywords = vec!["true".into(), "3.14".into(), "@at".into(), "%pct".into()];
            }),
        ),
        (
            "body with fences and front-matter look-alikes",
            with(|f| {
                f.body =
                    "---\nheadline: fake\n---\n\n```\n---\n```\nlast line without newline".into();
            }),
        ),
        (
            "body with CRLF and trailing blank lines",
            with(|f| f.body = "one\r\ntwo\r\n\r\n\n".into()),
        ),
        (
            "no embargo, photo or corrections",
            with(|f| {
                f.embargo = None;
                f.lead_photo = None;
                f.corrections.clear();
            }),
        ),
    ]
}

#[test]
fn export_then_import_gives_back_the_same_article() {
    for (name, fields) in cases() {
        let (_dir, mut source) = library();
        let created = source
            .store_mut()
            .create_article(None, &fields, Status::Editing, RevisionKind::Create)
            .unwrap();
        let text = to_markdown(&created);

        let parsed = from_markdown(&text).unwrap_or_else(|e| panic!("{name}: {e}\n{text}"));
        assert_eq!(parsed.id.as_deref(), Some(created.id.as_str()), "{name}");
        assert_eq!(parsed.version, Some(created.version), "{name}");
        assert_eq!(parsed.status, Status::Editing, "{name}");
        assert_eq!(parsed.fields, created.fields, "{name}\n{text}");

        let (_dir2, mut target) = library();
        let imported = import(target.store_mut(), parsed).unwrap();
        assert!(imported.created, "{name}");
        let back = target.store().article(&created.id).unwrap();
        assert_eq!(back.fields, created.fields, "{name}");
        assert_eq!(back.status, created.status, "{name}");
        assert_eq!(
            to_markdown(&back),
            text,
            "{name}: a second export reads the same"
        );
    }
}

#[test]
fn importing_an_exported_file_again_saves_a_new_version_based_on_it() {
    let (_dir, mut lib) = library();
    let article = lib
        .store_mut()
        .create_article(None, &full_fields(), Status::Draft, RevisionKind::Create)
        .unwrap();
    let mut file = from_markdown(&to_markdown(&article)).unwrap();
    file.fields.headline = "Edited in a text editor".into();
    file.status = Status::Ready;

    let imported = import(lib.store_mut(), file.clone()).unwrap();
    assert!(!imported.created);
    let now = lib.store().article(&article.id).unwrap();
    assert_eq!(now.fields.headline, "Edited in a text editor");
    assert_eq!(now.status, Status::Ready);
    assert!(now.version > article.version);

    // The same file again is now stale: refused, and its text kept as a conflict revision.
    let err = import(lib.store_mut(), file).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Conflict {
                base_version: 1,
                ..
            }
        ),
        "{err}"
    );
    let kept = lib.store().revisions(&article.id).unwrap();
    assert_eq!(kept.last().unwrap().kind, RevisionKind::Conflict);
    assert_eq!(
        kept.last().unwrap().fields.headline,
        "Edited in a text editor"
    );
}

#[test]
fn importing_a_known_id_without_a_version_is_refused() {
    let (_dir, mut lib) = library();
    let article = lib
        .store_mut()
        .create_article(None, &full_fields(), Status::Draft, RevisionKind::Create)
        .unwrap();
    let text = format!("---\nid: {}\nheadline: Other\n---\nBody\n", article.id);
    let err = import(lib.store_mut(), from_markdown(&text).unwrap()).unwrap_err();
    assert_eq!(err.kind(), "invalid");
    assert!(err.to_string().contains("version"), "{err}");
    assert_eq!(
        lib.store().article(&article.id).unwrap().version,
        1,
        "nothing was saved"
    );
}

#[test]
fn a_file_without_id_becomes_a_new_draft() {
    let (_dir, mut lib) = library();
    let file = from_markdown("---\nheadline: Written by hand\n---\nHello.\n").unwrap();
    let imported = import(lib.store_mut(), file).unwrap();
    assert!(imported.created);
    assert_eq!(imported.article.status, Status::Draft);
    assert_eq!(imported.article.fields.body, "Hello.\n");
    assert_eq!(
        lib.store().revisions(&imported.article.id).unwrap()[0].kind,
        RevisionKind::Import
    );
}

#[test]
fn malformed_files_are_refused_with_a_clear_message() {
    // (file, words the message must contain)
    let cases: &[(&str, &[&str])] = &[
        (
            "Just a body, no front matter\n",
            &["first line must be `---`"],
        ),
        ("", &["first line must be `---`"]),
        ("---\nheadline: Never closed\nbody text\n", &["not closed"]),
        ("---\nheadline: [unclosed\n---\nbody\n", &["line 2"]),
        ("---\nheadline: ok\n  dek: bad indent\n---\n", &["line"]),
        (
            "---\nheadline: ok\nheadlin: typo\n---\n",
            &["line 3", "headlin"],
        ),
        (
            "---\nheadline: ok\nstatus: lost\n---\n",
            &["line 3", "lost"],
        ),
        ("---\nheadline: ok\nauthors: Ana\n---\n", &["line 3"]),
        ("---\nversion: one\n---\n", &["line 2"]),
        ("---\n- a\n- b\n---\n", &["front matter"]),
        ("---\nheadline: \"unterminated\n---\n", &["front matter"]),
        ("---\nembargo: tomorrow\n---\n", &["line 2"]),
        ("---\n\tkey: tab\n---\n", &["front matter"]),
    ];
    for (text, words) in cases {
        let err = from_markdown(text).expect_err(text);
        assert_eq!(err.kind(), "invalid", "{text:?}: {err}");
        let message = err.to_string();
        assert!(
            !message.contains('\n'),
            "{text:?}: one line, got {message:?}"
        );
        for word in *words {
            assert!(
                message.contains(word),
                "{text:?}: {message:?} should mention {word:?}"
            );
        }
    }
}

#[test]
fn an_import_with_an_invalid_id_or_date_is_refused_and_nothing_is_created() {
    let (_dir, mut lib) = library();
    for text in [
        "---\nid: not-a-uuid\nheadline: x\n---\n",
        "---\nheadline: x\ndateline:\n  place: Paris\n  date: 30/07/2024\n---\n",
    ] {
        let err = import(lib.store_mut(), from_markdown(text).unwrap()).unwrap_err();
        assert_eq!(err.kind(), "invalid", "{text}");
    }
    assert!(
        lib.store()
            .list_articles(&Default::default())
            .unwrap()
            .is_empty()
    );
}

#[test]
fn files_from_windows_editors_read_the_same() {
    for text in [
        "---\r\nheadline: Windows\r\nkeywords:\r\n- a\r\n---\r\nBody\r\n",
        "\u{feff}---\nheadline: Windows\nkeywords: [a]\n---\nBody\r\n",
    ] {
        let file = from_markdown(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(file.fields.headline, "Windows", "{text:?}");
        assert_eq!(file.fields.keywords, ["a"], "{text:?}");
        assert_eq!(file.fields.body, "Body\r\n", "{text:?}");
        assert_eq!(
            (file.id, file.version, file.status),
            (None, None, Status::Draft)
        );
    }
}

#[test]
fn hostile_front_matter_is_refused_without_hanging_or_crashing() {
    let deep = format!(
        "---\nkeywords: {}{}\n---\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let duplicate = "---\nheadline: first\nheadline: second\n---\n".to_owned();
    for text in [deep, duplicate] {
        let err = from_markdown(&text).expect_err("must be refused");
        assert_eq!(err.kind(), "invalid", "{err}");
    }
    // Odd but valid characters are kept, not refused.
    let odd = format!("---\nheadline: \"{}\"\n---\n", "\\u0000\\uFFFF".repeat(10));
    assert_eq!(
        from_markdown(&odd).unwrap().fields.headline.chars().count(),
        20
    );
}
