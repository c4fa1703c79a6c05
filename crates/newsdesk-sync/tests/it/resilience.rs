//! The desk on a hard day: an edit against a deletion, a laptop offline for 500 saves. (The
//! laptop killed during a sync is in the CLI's tests: it kills the real `newsdesk desk sync`.)

use newsdesk_core::Status;
use newsdesk_core::store::SaveKind;

use crate::common::{Laptop, Relay, settle};

/// Ana writes a story and joins; Bea and Cal join and receive it.
fn desk_of_three(body: &str) -> (Relay, Laptop, Laptop, Laptop, String) {
    let relay = Relay::start();
    let mut ana = Laptop::new("Ana Ruiz");
    let id = ana.write("Council approves harbour plan", body).id;
    ana.join(&relay);
    let mut bea = Laptop::new("Bea Osei");
    bea.join(&relay);
    let mut cal = Laptop::new("Cal Weir");
    cal.join(&relay);
    (relay, ana, bea, cal, id)
}

const THREE_PARAGRAPHS: &str = "The council met on Tuesday.\n\n\
    The mayor said the harbour plan would cost four million euros.\n\n\
    The vote is next week.";

#[test]
fn words_typed_into_a_paragraph_another_laptop_deleted_survive_the_merge() {
    let (_relay, mut ana, mut bea, mut cal, id) = desk_of_three(THREE_PARAGRAPHS);
    // Offline on both: Ana cuts the mayor's paragraph, Bea corrects the figure inside it.
    ana.edit(&id, |f| {
        f.body = "The council met on Tuesday.\n\nThe vote is next week.".into()
    });
    bea.edit(&id, |f| {
        f.body = f.body.replace(
            "said the harbour plan would cost four million",
            "said on Monday the harbour plan would cost almost five million",
        )
    });
    settle(&mut [&mut ana, &mut bea, &mut cal], &[]);
    // Automerge keeps every character Bea typed; the rest of the paragraph is gone, as Ana
    // wanted. What is left of the paragraph is Bea's words alone, for an editor to read.
    let merged = cal.article(&id).fields.body;
    assert_eq!(
        merged,
        "The council met on Tuesday.\n\non Monday almost five The vote is next week."
    );
}

/// The status each laptop sees, and the conflict on it, after Ana spikes the story while Bea
/// edits its body without having seen the spike.
#[test]
fn a_spike_against_an_edit_made_without_seeing_it_waits_for_an_editor() {
    // Either answer an editor may give: keep the story spiked, or bring it back.
    for decision in [Status::Spiked, Status::Editing] {
        let (_relay, mut ana, mut bea, mut cal, id) = desk_of_three(THREE_PARAGRAPHS);
        ana.set_status(&id, Status::Spiked);
        bea.edit(&id, |f| {
            f.body = f.body.replace("next week", "next Thursday at 10:00")
        });
        settle(&mut [&mut ana, &mut bea, &mut cal], &[(&id, "status")]);
        for laptop in [&mut ana, &mut bea, &mut cal] {
            let article = laptop.article(&id);
            // Bea's edit is kept, whatever becomes of the story.
            assert!(article.fields.body.contains("next Thursday at 10:00"));
            let conflicts = laptop.store().open_conflicts(&id).unwrap();
            let candidates: Vec<(&str, &str)> = conflicts[0]
                .candidates
                .iter()
                .map(|c| (c.value.as_str().unwrap(), c.by.as_str()))
                .collect();
            assert_eq!(candidates, [("spiked", "Ana Ruiz"), ("draft", "Bea Osei")]);
            let blocked = newsdesk_core::package::build(&laptop.library, &id, &mut |_, _, _| {});
            match blocked {
                Err(newsdesk_core::Error::Preflight { problems, .. }) => {
                    assert!(problems.iter().any(|p| p.field == "status"), "{problems:?}")
                }
                other => panic!("export was not blocked: {:?}", other.map(|_| ())),
            }
        }

        cal.resolve(&id, "status", decision.as_str().into());
        settle(&mut [&mut cal, &mut ana, &mut bea], &[]);
        for laptop in [&mut ana, &mut bea, &mut cal] {
            assert_eq!(laptop.article(&id).status, decision);
            assert!(
                laptop
                    .article(&id)
                    .fields
                    .body
                    .contains("next Thursday at 10:00")
            );
        }
    }
}

#[test]
fn a_spike_made_after_seeing_the_edit_is_the_editors_decision_and_stands() {
    let (_relay, mut ana, mut bea, mut cal, id) = desk_of_three(THREE_PARAGRAPHS);
    bea.edit(&id, |f| f.body.push_str(" Police were called."));
    bea.sync();
    ana.sync();
    ana.set_status(&id, Status::Spiked);
    // And an edit made after seeing the spike (a typo fixed in a spiked story) is no conflict.
    settle(&mut [&mut ana, &mut bea, &mut cal], &[]);
    bea.edit(&id, |f| f.body = f.body.replace("Police", "The police"));
    settle(&mut [&mut ana, &mut bea, &mut cal], &[]);
    for laptop in [&mut ana, &mut bea, &mut cal] {
        let article = laptop.article(&id);
        assert_eq!(article.status, Status::Spiked);
        assert!(article.fields.body.ends_with("The police were called."));
    }
}

#[test]
fn a_laptop_offline_for_500_saves_reconnects_and_loses_nothing() {
    let relay = Relay::start();
    let mut ana = Laptop::new("Ana Ruiz");
    let ids: Vec<String> = (0..4)
        .map(|n| {
            ana.write(
                &format!("Story {n}"),
                &format!("Opening of story {n}.\n\nMiddle of story {n}.\n\nEnd of story {n}."),
            )
            .id
        })
        .collect();
    ana.join(&relay);
    let mut bea = Laptop::new("Bea Osei");
    bea.join(&relay);
    let mut cal = Laptop::new("Cal Weir");
    cal.join(&relay);

    // Bea, offline, types into the middle paragraphs word by word as autosave catches it,
    // takes some words out again, and rewrites two deks; Ana and Cal keep editing the
    // openings and endings of the same stories, and sync now and then.
    for n in 0..500 {
        let id = &ids[n % ids.len()];
        let story = n % ids.len();
        if n % 50 == 7 {
            bea.edit(id, |f| f.dek = format!("Dek {story}, take {n}"));
        } else if n % 10 == 9 {
            // Backspace over the last word typed.
            bea.edit(id, |f| {
                let middle = format!("Middle of story {story}.");
                let start = f.body.find(&middle).unwrap() + middle.len();
                let typed_end = f.body[start..]
                    .find("\n\n")
                    .map_or(f.body.len(), |e| start + e);
                let cut = f.body[start..typed_end].rfind(' ').map(|c| start + c);
                if let Some(cut) = cut {
                    f.body.replace_range(cut..typed_end, "");
                }
            });
        } else {
            bea.edit(id, |f| {
                let middle = format!("Middle of story {story}.");
                let start = f.body.find(&middle).unwrap() + middle.len();
                let typed_end = f.body[start..]
                    .find("\n\n")
                    .map_or(f.body.len(), |e| start + e);
                f.body.insert_str(typed_end, &format!(" bea{n}"));
            });
        }
        if n % 25 == 0 {
            let other = &ids[(n / 25) % ids.len()];
            ana.edit(other, |f| {
                f.body = f.body.replacen("Opening", &format!("ana{n} Opening"), 1)
            });
            cal.edit(other, |f| f.body.push_str(&format!(" cal{n}")));
        }
        if n % 100 == 0 {
            ana.sync();
            cal.sync();
        }
    }
    assert_eq!(bea.ledger.count(), 500);

    let started = std::time::Instant::now();
    let report = bea.sync();
    eprintln!(
        "500 offline saves on 4 stories: one sync in {:.2} s ({report:?})",
        started.elapsed().as_secs_f64()
    );
    assert_eq!((report.sent, report.merged), (4, 4));
    settle(&mut [&mut bea, &mut ana, &mut cal], &[]);
}

#[test]
fn saves_made_while_a_sync_runs_go_out_once() {
    let relay = Relay::start();
    let mut ana = Laptop::new("Ana Ruiz");
    let id = ana
        .write("Storm closes the port", "Ferries are cancelled.")
        .id;
    ana.join(&relay);
    let mut bea = Laptop::new("Bea Osei");
    bea.join(&relay);
    ana.edit(&id, |f| f.body.push_str(" typed0"));

    // Ana keeps typing, autosave saving every few milliseconds, while her laptop syncs: the
    // sync applies one version and finds a newer one when it comes to merge.
    let typing = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let typist = {
        let (root, id, typing) = (ana.root.clone(), id.clone(), typing.clone());
        std::thread::spawn(move || {
            let mut library = newsdesk_core::Library::open(&root).unwrap();
            let mut saves = Vec::new();
            let mut n = 1;
            while typing.load(std::sync::atomic::Ordering::SeqCst) {
                let before = library.store().article(&id).unwrap();
                let mut fields = before.fields.clone();
                fields.body.push_str(&format!(" typed{n}"));
                let after = library
                    .store_mut()
                    .save_article(&id, before.version, &fields, SaveKind::Save)
                    .unwrap();
                saves.push((before, after));
                n += 1;
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            saves
        })
    };
    let report = ana.sync();
    typing.store(false, std::sync::atomic::Ordering::SeqCst);
    for (before, after) in typist.join().unwrap() {
        ana.ledger.saved(Some(&before), &after);
    }
    assert_eq!(
        report.waiting, 1,
        "no save landed during the sync: {report:?}"
    );

    let last = ana.article(&id).fields.body;
    settle(&mut [&mut ana, &mut bea], &[]);
    // Every word once: the version the first sync applied is not applied again.
    assert_eq!(bea.article(&id).fields.body, last);
}
