//! The demo library: realistic, varied, with history, and idempotent.

use std::collections::HashSet;

use newsdesk_core::demo::{self, SPORTS_DIPLOMACY_ID, UNFINISHED_DRAFT_ID};
use newsdesk_core::package::preflight;
use newsdesk_core::photo::DeskEdit;
use newsdesk_core::store::RevisionKind;
use newsdesk_core::{Library, Status};

#[test]
fn the_demo_fills_a_varied_library_with_history_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();

    let first = demo::fill(library.store_mut()).unwrap();
    assert!((6..=10).contains(&first.created.len()), "{first:?}");
    assert_eq!(first.already_there, 0);

    let second = demo::fill(library.store_mut()).unwrap();
    assert!(
        second.created.is_empty(),
        "a second run adds nothing: {second:?}"
    );
    assert_eq!(second.already_there, first.created.len());

    let list = library.store().list_articles(&Default::default()).unwrap();
    assert_eq!(list.len(), first.created.len(), "no duplicates");
    let statuses: HashSet<Status> = list.iter().map(|a| a.status).collect();
    let sections: HashSet<&str> = list.iter().map(|a| a.section.as_str()).collect();
    assert!(statuses.len() >= 4, "{statuses:?}");
    assert!(sections.len() >= 4, "{sections:?}");

    let mut corrections = 0;
    let mut notes = 0;
    for id in demo::article_ids() {
        let article = library.store().article(id).unwrap();
        let f = &article.fields;
        assert!(
            !f.headline.is_empty() && !f.body.is_empty() && !f.authors.is_empty(),
            "{id}"
        );
        assert!(!f.keywords.is_empty(), "{id}");
        let revisions = library.store().revisions(id).unwrap();
        assert!(revisions.len() >= 2, "{id} has a history");
        assert_eq!(revisions[0].kind, RevisionKind::Create);
        corrections += f.corrections.len();
        notes += usize::from(!f.editors_note.is_empty());
    }
    assert!(corrections >= 1 && notes >= 1);
}

#[test]
fn the_sample_story_is_entered_properly() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    demo::fill(library.store_mut()).unwrap();
    let story = library.store().article(SPORTS_DIPLOMACY_ID).unwrap();
    let f = &story.fields;

    // Compared with the sample as published, in ../shared/samples when it is there.
    let sample_path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/samples/sports-diplomacy.txt"
    );
    if let Ok(sample) = std::fs::read_to_string(sample_path) {
        let lines: Vec<&str> = sample
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(f.kicker, lines[0]);
        assert_eq!(f.headline, lines[1]);
        assert_eq!(f.dek, lines[2]);
        let paragraphs: Vec<&str> = lines[5..]
            .iter()
            .copied()
            .filter(|l| !l.starts_with("RELATED STORY"))
            .collect();
        let body: Vec<&str> = f
            .body
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        assert_eq!(body, paragraphs, "every paragraph, in order, nothing else");
        let related: Vec<&str> = lines
            .iter()
            .filter_map(|l| l.strip_prefix("RELATED STORY | "))
            .collect();
        let titles: Vec<&str> = f.related.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, related);
    } else {
        eprintln!(
            "../shared/samples/sports-diplomacy.txt not found: checking the story without it"
        );
    }
    assert_eq!(f.related.len(), 2);
    assert!(f.related.iter().all(|r| r.url.starts_with("https://")));
    assert!(
        f.editors_note.contains("Petros Giannakouris"),
        "the photo credit is kept as text"
    );
    assert!(f.lead_photo.is_none());
    assert_eq!(story.status, Status::Published);
    assert!(!f.body.contains("RELATED STORY") && !f.body.contains("Posted"));
}

#[test]
fn the_demo_newsroom_shows_every_desk_at_work_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let first = demo::fill_library(&mut library).unwrap();
    assert_eq!(first.created.len(), demo::article_ids().len(), "{first:?}");
    assert_eq!(first.photos_created.len(), 4, "{first:?}");

    let list = library.store().list_articles(&Default::default()).unwrap();
    let statuses: HashSet<Status> = list.iter().map(|a| a.status).collect();
    assert_eq!(
        statuses.len(),
        Status::ALL.len(),
        "every workflow status: {statuses:?}"
    );

    // The photo desk: each photo on disk, cropped for a lead and a square, all but one credited
    // and described.
    let photos = library.store().list_photos().unwrap();
    assert_eq!(photos.len(), 4);
    for photo in &photos {
        assert!(
            dir.path().join(&photo.original).is_file(),
            "{}",
            photo.source_name
        );
        let crops: Vec<&str> = photo.crops.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(crops.len(), 2, "{}: {crops:?}", photo.source_name);
        assert!(
            crops.contains(&"lead") && crops.contains(&"square"),
            "{crops:?}"
        );
        assert!(photo.focal_point.is_some());
    }
    let credited = photos
        .iter()
        .filter(|p| !p.desk.credit.is_empty() && !p.desk.alt_text.is_empty());
    assert_eq!(credited.count(), 3);
    assert!(
        !dir.path().join(".demo-photos").exists(),
        "the import folder is gone"
    );

    // The sample story goes out as it is, with its lead photo.
    let sample = library.store().article(SPORTS_DIPLOMACY_ID).unwrap();
    let lead = sample
        .fields
        .lead_photo
        .clone()
        .expect("the sample story has a lead photo");
    assert_eq!(lead.crop, "lead");
    let checked = preflight(&library, &sample).unwrap();
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    let photo = library.store().photo(&lead.photo_id).unwrap();
    assert!(!photo.desk.credit.is_empty() && !photo.desk.caption.is_empty());

    // The unfinished draft: preflight says what stops it (its photo has no credit, no alt
    // text) and warns about the dek.
    let draft = library.store().article(UNFINISHED_DRAFT_ID).unwrap();
    assert_eq!(draft.status, Status::Draft);
    let checked = preflight(&library, &draft).unwrap();
    let problems: Vec<&str> = checked
        .problems
        .iter()
        .map(|p| p.message.as_str())
        .collect();
    assert!(
        problems.iter().any(|m| m.contains("no credit")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|m| m.contains("no alt text")),
        "{problems:?}"
    );
    assert!(
        checked.warnings.iter().any(|w| w.field == "dek"),
        "{:?}",
        checked.warnings
    );

    // Again: nothing added, and what the desk changed since stays.
    let edited = library
        .store_mut()
        .edit_photo_desk(
            &photo.id,
            photo.version,
            DeskEdit {
                credit: Some("Desk's own credit".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let second = demo::fill_library(&mut library).unwrap();
    assert!(
        second.created.is_empty() && second.photos_created.is_empty(),
        "{second:?}"
    );
    assert_eq!(second.already_there, first.created.len());
    assert_eq!(second.photos_already_there, 4);
    assert_eq!(library.store().list_photos().unwrap().len(), 4);
    assert_eq!(library.store().photo(&photo.id).unwrap(), edited);
}
