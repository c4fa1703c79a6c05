//! Three laptops and a relay: merging, field conflicts, a refused token, a relay crash.

use newsdesk_core::Status;
use newsdesk_core::store::RevisionKind;

use crate::common::{Laptop, Relay, TOKEN, converge};

/// Ana writes a story and joins; Bea and Cal join and receive it.
fn desk_of_three(body: &str) -> (Relay, Laptop, Laptop, Laptop, String) {
    let relay = Relay::start();
    let mut ana = Laptop::new("Ana Ruiz");
    let id = ana.write("Council approves harbour plan", body).id;
    let report = ana.join(&relay);
    assert_eq!((report.added, report.stories), (1, 1));
    let mut bea = Laptop::new("Bea Osei");
    let report = bea.join(&relay);
    assert_eq!((report.received, report.stories), (1, 1));
    let mut cal = Laptop::new("Cal Weir");
    cal.join(&relay);
    (relay, ana, bea, cal, id)
}

#[test]
fn a_library_brings_its_stories_when_it_joins_and_the_others_get_them_whole() {
    let relay = Relay::start();
    let mut ana = Laptop::new("Ana Ruiz");
    let ids: Vec<String> = (0..5)
        .map(|n| {
            ana.write(&format!("Story {n}"), &format!("Body of story {n}."))
                .id
        })
        .collect();
    let mut bea = Laptop::new("Bea Osei");
    bea.write("Bea's own story", "Written before joining.");
    assert_eq!(ana.join(&relay).added, 5);
    let report = bea.join(&relay);
    assert_eq!((report.added, report.received), (1, 5));
    converge(&mut [&mut ana, &mut bea]);
    for id in &ids {
        assert_eq!(bea.article(id).fields, ana.article(id).fields);
        // The story arrived as a merge revision naming who wrote it.
        let first = bea.store().revisions(id).unwrap().remove(0);
        assert_eq!(first.kind, RevisionKind::Merge);
        assert_eq!(first.author, "Ana Ruiz");
        assert!(first.change.is_some());
    }
    assert_eq!(
        ana.store()
            .list_articles(&Default::default())
            .unwrap()
            .len(),
        6
    );
}

#[test]
fn a_sync_opens_only_the_stories_that_moved() {
    let relay = Relay::start();
    let mut ana = Laptop::new("Ana Ruiz");
    let ids: Vec<String> = (0..12)
        .map(|n| ana.write(&format!("Story {n}"), "Body.").id)
        .collect();
    ana.join(&relay);
    let mut bea = Laptop::new("Bea Osei");
    assert_eq!(
        bea.join(&relay).opened,
        12,
        "a new laptop opens the whole desk"
    );
    assert_eq!(ana.sync().opened, 0, "nothing moved");
    assert_eq!(bea.sync().opened, 0, "nothing moved");

    ana.edit(&ids[3], |f| f.body.push_str(" Ana adds a line."));
    assert_eq!(ana.sync().opened, 1, "Ana's one saved story");
    let report = bea.sync();
    assert_eq!((report.opened, report.merged), (1, 1), "{report:?}");
    assert_eq!(ana.sync().opened, 0);

    // Both edit the same story at once: each sync sees the other's heads, once.
    ana.edit(&ids[5], |f| f.headline.push_str(" (Ana)"));
    bea.edit(&ids[5], |f| f.dek.push_str("Bea's dek."));
    ana.sync();
    bea.sync();
    ana.sync();
    assert_eq!(ana.article(&ids[5]).fields, bea.article(&ids[5]).fields);
    assert_eq!((ana.sync().opened, bea.sync().opened), (0, 0));
}

#[test]
fn a_sync_with_more_stories_than_a_round_runs_rounds_until_all_agree() {
    let relay = Relay::start();
    let mut ana = Laptop::new("Ana Ruiz");
    ana.write("Story 0", "Body 0.");
    ana.join(&relay);
    let mut bea = Laptop::new("Bea Osei");
    bea.join(&relay);
    let ids: Vec<String> = (1..=22)
        .map(|n| ana.write(&format!("Story {n}"), &format!("Body {n}.")).id)
        .collect();
    let first = ids[0].clone();
    ana.edit(&first, |f| f.body.push_str(" Edited before the sync."));

    // Rounds of 7: the 22 new stories go out in four (the edited one among them), and come in
    // in four.
    let sent = newsdesk_sync::desk::sync_in_rounds_of(&ana.root, TOKEN, 7).unwrap();
    assert_eq!((sent.added, sent.stories), (22, 23), "{sent:?}");
    let got = newsdesk_sync::desk::sync_in_rounds_of(&bea.root, TOKEN, 7).unwrap();
    assert_eq!(
        (got.received, got.opened, got.stories),
        (22, 22, 23),
        "{got:?}"
    );
    for id in &ids {
        assert_eq!(bea.article(id).fields, ana.article(id).fields);
    }

    // Bea's edits to 10 stories and Ana's to 10 others meet in rounds of 3.
    for id in &ids[..10] {
        bea.edit(id, |f| f.body.push_str(" Bea's line."));
    }
    for id in &ids[10..20] {
        ana.edit(id, |f| f.body.push_str(" Ana's line."));
    }
    let sent = newsdesk_sync::desk::sync_in_rounds_of(&bea.root, TOKEN, 3).unwrap();
    assert_eq!(sent.sent, 10, "{sent:?}");
    let both = newsdesk_sync::desk::sync_in_rounds_of(&ana.root, TOKEN, 3).unwrap();
    assert_eq!((both.sent, both.merged), (10, 10), "{both:?}");
    converge(&mut [&mut ana, &mut bea]);
    for id in &ids[..20] {
        assert_eq!(bea.article(id).fields, ana.article(id).fields);
    }
    assert!(ana.article(&ids[0]).fields.body.ends_with("Bea's line."));
    assert!(bea.article(&ids[19]).fields.body.ends_with("Ana's line."));
}

#[test]
fn edits_to_the_same_paragraph_on_two_laptops_keep_both() {
    let (_relay, mut ana, mut bea, mut cal, id) =
        desk_of_three("The council met on Tuesday. It voted on the harbour.");
    // Offline on both laptops, the same sentence.
    let ana_save = ana.edit(&id, |f| {
        f.body = "The city council met on Tuesday. It voted on the harbour.".into()
    });
    let bea_save = bea.edit(&id, |f| {
        f.body = "The council met on Tuesday evening. It voted on the harbour.".into()
    });
    assert_eq!(ana.sync().sent, 1);
    let report = bea.sync();
    assert_eq!((report.sent, report.merged), (1, 1));
    converge(&mut [&mut ana, &mut bea, &mut cal]);
    let merged = "The city council met on Tuesday evening. It voted on the harbour.";
    for laptop in [&mut ana, &mut bea, &mut cal] {
        assert_eq!(laptop.article(&id).fields.body, merged);
    }
    // Both acknowledged saves are still revisions where they were made, and the merge names
    // whose change it brought.
    let ana_revisions = ana.store().revisions(&id).unwrap();
    assert!(
        ana_revisions
            .iter()
            .any(|r| r.version == Some(ana_save.version)
                && r.fields.body == ana_save.fields.body
                && r.author == "Ana Ruiz")
    );
    let merge = ana_revisions.last().unwrap();
    assert_eq!(
        (merge.kind, merge.author.as_str()),
        (RevisionKind::Merge, "Bea Osei")
    );
    assert!(
        bea.store()
            .revisions(&id)
            .unwrap()
            .iter()
            .any(|r| r.fields.body == bea_save.fields.body)
    );
    // The list shows who last changed the story.
    let row = ana
        .store()
        .list_articles(&Default::default())
        .unwrap()
        .remove(0);
    assert_eq!(row.last_author.as_deref(), Some("Bea Osei"));
}

#[test]
fn a_headline_conflict_is_shown_resolved_and_then_exports() {
    let (_relay, mut ana, mut bea, mut cal, id) = desk_of_three("The council met on Tuesday.");
    ana.edit(&id, |f| f.headline = "Harbour plan approved".into());
    bea.edit(&id, |f| f.headline = "Council backs harbour".into());
    ana.sync();
    bea.sync();
    converge(&mut [&mut ana, &mut bea, &mut cal]);

    // Shown on every laptop, with both values and who wrote them; nothing picked silently.
    for laptop in [&mut ana, &mut bea, &mut cal] {
        let conflicts = laptop.store().open_conflicts(&id).unwrap();
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        assert_eq!(conflicts[0].field, "headline");
        let mut candidates: Vec<(String, String)> = conflicts[0]
            .candidates
            .iter()
            .map(|c| (c.value.as_str().unwrap().to_owned(), c.by.clone()))
            .collect();
        candidates.sort();
        assert_eq!(
            candidates,
            [
                ("Council backs harbour".to_owned(), "Bea Osei".to_owned()),
                ("Harbour plan approved".to_owned(), "Ana Ruiz".to_owned())
            ]
        );
        // Export is blocked, naming the field.
        let blocked = newsdesk_core::package::build(&laptop.library, &id, &mut |_, _, _| {});
        match blocked {
            Err(newsdesk_core::Error::Preflight { problems, .. }) => {
                assert!(
                    problems.iter().any(|p| p.field == "headline"),
                    "{problems:?}"
                )
            }
            other => panic!("export was not blocked: {:?}", other.map(|_| ())),
        }
    }

    // Cal, the editor, writes a third headline.
    let version = cal.article(&id).version;
    cal.store()
        .resolve_conflict(
            &id,
            version,
            "headline",
            &"Harbour plan wins council vote".into(),
        )
        .unwrap();
    assert!(cal.store().open_conflicts(&id).unwrap().is_empty());
    converge(&mut [&mut cal, &mut ana, &mut bea]);
    for laptop in [&mut ana, &mut bea, &mut cal] {
        assert!(laptop.store().open_conflicts(&id).unwrap().is_empty());
        assert_eq!(
            laptop.article(&id).fields.headline,
            "Harbour plan wins council vote"
        );
        newsdesk_core::package::build(&laptop.library, &id, &mut |_, _, _| {}).unwrap();
    }
}

#[test]
fn a_status_conflict_waits_for_the_editor() {
    let (_relay, mut ana, mut bea, mut cal, id) = desk_of_three("The council met on Tuesday.");
    let version = ana.article(&id).version;
    ana.store().set_status(&id, version, Status::Ready).unwrap();
    let version = bea.article(&id).version;
    bea.store()
        .set_status(&id, version, Status::Spiked)
        .unwrap();
    converge(&mut [&mut ana, &mut bea, &mut cal]);
    let conflicts = cal.store().open_conflicts(&id).unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].field, "status");
    let mut values: Vec<&str> = conflicts[0]
        .candidates
        .iter()
        .map(|c| c.value.as_str().unwrap())
        .collect();
    values.sort();
    assert_eq!(values, ["ready", "spiked"]);

    let version = bea.article(&id).version;
    bea.store()
        .resolve_conflict(&id, version, "status", &"ready".into())
        .unwrap();
    converge(&mut [&mut bea, &mut ana, &mut cal]);
    for laptop in [&mut ana, &mut bea, &mut cal] {
        assert_eq!(laptop.article(&id).status, Status::Ready);
        assert!(laptop.store().open_conflicts(&id).unwrap().is_empty());
    }
}

#[test]
fn a_wrong_token_is_refused_with_a_clear_error_and_no_retries() {
    let relay = Relay::start();
    let mut ana = Laptop::new("Ana Ruiz");
    ana.write("A story", "Its body.");
    let started = std::time::Instant::now();
    let refused = newsdesk_sync::join(&ana.root, &relay.url(), "not-the-desk-token").unwrap_err();
    assert_eq!(refused.kind(), "desk_refused", "{refused}");
    assert!(
        refused.to_string().contains("refused the desk token"),
        "{refused}"
    );
    assert!(
        ana.store().desk().unwrap().is_none(),
        "a refused join joins nothing"
    );

    // A laptop that joined, then syncs with a wrong token: the websocket's 401 is final too.
    ana.join(&relay);
    let refused = newsdesk_sync::sync(&ana.root, "not-the-desk-token").unwrap_err();
    assert_eq!(refused.kind(), "desk_refused", "{refused}");
    // Refused, not retried until some patience ran out (that takes 20 s or more).
    assert!(started.elapsed() < std::time::Duration::from_secs(15));
    let _ = TOKEN;
}

#[test]
fn the_relay_killed_during_a_sync_and_restarted_converges() {
    let mut relay = Relay::start();
    let mut ana = Laptop::new("Ana Ruiz");
    let ids: Vec<String> = (0..300)
        .map(|n| {
            ana.write(
                &format!("Story {n}"),
                &format!("Body of story {n}, long enough to matter."),
            )
            .id
        })
        .collect();
    // The first sync runs while the relay is killed and restarted under it.
    let root = ana.root.clone();
    let url = relay.url();
    let syncing =
        std::thread::spawn(move || newsdesk_sync::join(&root, &url, crate::common::TOKEN));
    // Killed once it holds some of the stories, not all.
    let documents = relay.folder.path().join("documents");
    while std::fs::read_dir(&documents).map_or(0, |d| d.count()) < 20 {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(!syncing.is_finished(), "the sync ended before the crash");
    relay.kill();
    std::thread::sleep(std::time::Duration::from_millis(300));
    relay.restart();
    // The sync reconnects and finishes; the next ones change nothing and lose nothing.
    let report = syncing.join().unwrap().unwrap();
    assert_eq!((report.added, report.stories), (300, 300));
    let mut bea = Laptop::new("Bea Osei");
    bea.join(&relay);
    converge(&mut [&mut ana, &mut bea]);
    for id in &ids {
        assert_eq!(bea.article(id).fields, ana.article(id).fields);
    }
}

#[test]
fn a_laptop_that_never_joins_writes_no_document_and_names_its_person_on_revisions() {
    let mut solo = Laptop::new("Dee Hale");
    let id = solo.write("Alone", "Nobody else sees this.").id;
    solo.edit(&id, |f| f.dek = "Still alone".into());
    assert!(solo.store().desk().unwrap().is_none());
    assert!(solo.store().desk_documents().unwrap().is_empty());
    assert!(solo.store().desk_chunks_under("").unwrap().is_empty());
    let authors: Vec<String> = solo
        .store()
        .revisions(&id)
        .unwrap()
        .into_iter()
        .map(|r| r.author)
        .collect();
    assert_eq!(authors, ["Dee Hale", "Dee Hale"]);
    // Syncing without a desk says what to do.
    let error = newsdesk_sync::sync(&solo.root, TOKEN).unwrap_err();
    assert!(matches!(error, newsdesk_sync::Error::NotJoined), "{error}");
}

/// A relay keeps nothing in memory for laptops that have hung up. samod 0.16 never frees a
/// stopped repo's documents by itself, and the relay makes a repo per connection: it kept every
/// document each connection had loaded (and each repo's tasks) until it ended them
/// (`repo_tasks`). Counted by the relay (`GET /desk`), so the figures are what it holds.
#[test]
fn the_relay_lets_go_of_what_a_laptop_loaded_once_it_hangs_up() {
    let relay = Relay::start();
    assert_eq!(relay.settled(), (0, 0), "the repo that made the index");
    let mut ana = Laptop::new("Ana Ruiz");
    let ids: Vec<String> = (0..9)
        .map(|n| ana.write(&format!("Story {n}"), "Body.").id)
        .collect();
    ana.join(&relay);
    assert_eq!(relay.settled(), (0, 0), "after Ana joined with 9 stories");
    let mut bea = Laptop::new("Bea Osei");
    bea.join(&relay);
    assert_eq!(relay.settled(), (0, 0), "after Bea fetched them");
    for id in &ids {
        ana.edit(id, |f| f.body.push_str(" Ana's line."));
    }
    newsdesk_sync::desk::sync_in_rounds_of(&ana.root, TOKEN, 2).unwrap();
    newsdesk_sync::desk::sync_in_rounds_of(&bea.root, TOKEN, 2).unwrap();
    assert_eq!(
        relay.settled(),
        (0, 0),
        "after ten rounds each on a new connection"
    );

    // While a laptop is connected, what it asked for is loaded and counted.
    let index: samod::DocumentId = ana
        .store()
        .desk()
        .unwrap()
        .and_then(|desk| desk.index_doc_id)
        .unwrap()
        .parse()
        .unwrap();
    let url = url::Url::parse(&relay.url()).unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let connected = runtime.block_on(async {
        let laptop = samod::Repo::build_tokio().load().await;
        let dialer = laptop
            .dial(
                samod::BackoffConfig::default(),
                std::sync::Arc::new(newsdesk_sync::dialer::DeskDialer::new(url, TOKEN.into())),
            )
            .unwrap();
        dialer.established().await.unwrap();
        laptop
            .find(index)
            .await
            .unwrap()
            .expect("the relay has the index");
        let connected = relay.resident();
        laptop.stop().await;
        connected
    });
    assert_eq!(connected, (1, 1), "one laptop, which asked for the index");
    assert_eq!(relay.settled(), (0, 0), "once it hung up");
}
