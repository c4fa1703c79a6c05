//! Superdesk's HTTP push as Superdesk's receivers read it. Every item Newsdesk pushes (a story
//! with a lead photo and two body photos, its correction, an embargoed story, a spiked one) is
//! captured at the loopback receiver of `delivery.rs`, written to a file and read by
//! Superdesk's own ninjs parser (superdesk-core 2.5.3, installed by
//! `.ci/superdesk-ninjs/install.sh`): what it keeps is what a Superdesk-fed system shows.
//! The `iptc-3.1` profile still sends the package's IPTC ninjs 3.1.

use std::path::{Path, PathBuf};
use std::process::Command;

use newsdesk_core::article::PhotoPlacement;
use newsdesk_core::delivery::{self, DeliveryState, PushProfile, Target};
use newsdesk_core::photo::{Aspect, Rect};
use newsdesk_core::store::{RevisionKind, SaveKind};
use newsdesk_core::{Article, Library, Status};
use serde_json::Value;
use time::OffsetDateTime;
use time::macros::format_description;

use super::common::library;
use super::delivery::{OnItem, Receiver, SECRET, quick};
use super::package::{credited_photo, fields};

/// Superdesk's own ninjs ingest parser; `./dev.sh test` installs it and sets the variable.
/// Without it a test fails when `NEWSDESK_REQUIRE_CMS=1` (as in CI), and otherwise says that
/// it skipped.
fn superdesk_parser() -> Option<PathBuf> {
    match std::env::var_os("NEWSDESK_TEST_SUPERDESK_PARSER") {
        Some(parser) if !parser.is_empty() => Some(PathBuf::from(parser)),
        _ if std::env::var("NEWSDESK_REQUIRE_CMS").as_deref() == Ok("1") => panic!(
            "NEWSDESK_TEST_SUPERDESK_PARSER is not set and NEWSDESK_REQUIRE_CMS=1: run \
             .ci/superdesk-ninjs/install.sh and set it to the command it prints"
        ),
        _ => {
            eprintln!(
                "skipped: Superdesk's parser is not installed here (set \
                 NEWSDESK_TEST_SUPERDESK_PARSER to what .ci/superdesk-ninjs/install.sh prints)"
            );
            None
        }
    }
}

/// What Superdesk makes of `item`: the item written to a file and read by its parser, as
/// (the story, the pictures): the parser returns each association as an item of its own too,
/// before the story.
fn superdesk_reads(parser: &Path, item: &Value) -> (Value, Vec<Value>) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("item.json");
    std::fs::write(&file, serde_json::to_vec(item).unwrap()).unwrap();
    let output = Command::new(parser).arg(&file).output().unwrap();
    assert!(
        output.status.success(),
        "Superdesk's parser refused the item:\n{}\n{}",
        String::from_utf8_lossy(&output.stderr),
        serde_json::to_string_pretty(item).unwrap()
    );
    let mut items: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    let story = items.pop().expect("the parser returns the story last");
    (story, items)
}

/// A time as the parser gives it back (Python's `isoformat()` of a UTC time, whole seconds).
fn as_parsed(at: OffsetDateTime) -> String {
    at.to_offset(time::UtcOffset::UTC)
        .format(format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second]+00:00"
        ))
        .unwrap()
}

/// A story with a lead photo (a named crop) and two more photos in the body.
fn photographed_story(library: &mut Library) -> Article {
    let lead = credited_photo(library, "rubbish.jpg");
    library
        .store_mut()
        .save_crop(
            &lead,
            2,
            "wide",
            Aspect::Free,
            Rect {
                x: 0,
                y: 100,
                width: 564,
                height: 400,
            },
        )
        .unwrap();
    let first = credited_photo(library, "getty.jpg");
    let second = credited_photo(library, "pa.jpg");
    let mut f = fields(&format!(
        "The fire started shortly after midnight.\n\n![](photo:{first})\n\nCrews came from \
         three towns.\n\n![](photo:{second})\n\nBy morning it was out."
    ));
    f.lead_photo = Some(PhotoPlacement {
        photo_id: lead,
        crop: "wide".into(),
    });
    library
        .store_mut()
        .create_article(None, &f, Status::Ready, RevisionKind::Create)
        .unwrap()
}

/// What one pushed item must read as, beyond what every item shares.
struct Expected {
    version: &'static str,
    pubstatus: &'static str,
    /// Text the body ends with, and the editorial note holds.
    correction: Option<&'static str>,
    embargo: Option<OffsetDateTime>,
}

/// Reads `item` with Superdesk's parser and checks what it kept of `article` (as it was when
/// queued): the story's text and times, and its photos as pictures whose files the receiver
/// holds, byte for byte as packaged.
fn assert_superdesk_reads(
    parser: &Path,
    receiver: &Receiver,
    item: &Value,
    article: &Article,
    package: &Path,
    expected: &Expected,
) {
    let (story, pictures) = superdesk_reads(parser, item);
    let f = &article.fields;
    let context = serde_json::to_string_pretty(&story).unwrap();
    assert_eq!(
        story["guid"],
        format!("urn:newsdesk:article:{}", article.id),
        "{context}"
    );
    assert_eq!(story["type"], "text");
    assert_eq!(
        story["version"],
        Value::Null,
        "the parser leaves the version to Superdesk"
    );
    assert_eq!(item["version"], expected.version);
    assert_eq!(story["headline"], f.headline.as_str(), "{context}");
    assert_eq!(
        story["abstract"],
        f.dek.as_str(),
        "the dek, as Superdesk's abstract"
    );
    assert_eq!(story["description_text"], f.dek.as_str());
    assert_eq!(story["byline"], "Ana Lima");
    assert_eq!(story["dateline"]["located"]["city"], "PORTO");
    assert_eq!(story["slugline"], "harbour-fire");
    assert_eq!(story["language"], "en");
    assert_eq!(story["keywords"], serde_json::json!(["fire", "harbour"]));
    assert_eq!(story["subject"][0]["name"], "Local");
    assert_eq!(story["pubstatus"], expected.pubstatus);
    assert_eq!(
        story["firstcreated"],
        as_parsed(article.created_at),
        "{context}"
    );
    assert_eq!(
        story["versioncreated"],
        as_parsed(article.updated_at),
        "{context}"
    );
    assert_eq!(
        story["embargoed"],
        expected
            .embargo
            .map_or(Value::Null, |e| Value::from(as_parsed(e)))
    );

    // The body: its text, each body photo on the receiver between Superdesk's embed markers
    // for its association, and the correction where readers see it.
    let assets = format!("http://{}/assets/", receiver.addr);
    let body = story["body_html"].as_str().unwrap();
    assert!(body.contains("Crews came from three towns."), "{body}");
    assert!(!body.contains("src=\"renditions/"), "{body}");
    let associations = story["associations"].as_object().unwrap();
    let mut keys: Vec<&str> = associations.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["editor_0", "editor_1", "featuremedia"]);
    for key in ["editor_0", "editor_1"] {
        let start = body
            .find(&format!("<!-- EMBED START Image {{id: \"{key}\"}} -->"))
            .unwrap_or_else(|| panic!("no embed marker for {key}: {body}"));
        let end = body
            .find(&format!("<!-- EMBED END Image {{id: \"{key}\"}} -->"))
            .unwrap();
        let figure = &body[start..end];
        let shown = associations[key]["renditions"]
            .as_object()
            .unwrap()
            .values()
            .map(|r| r["href"].as_str().unwrap())
            .find(|href| figure.contains(&format!("src=\"{href}\"")));
        assert!(
            shown.is_some(),
            "{key}'s figure shows one of its renditions: {figure}"
        );
    }
    assert!(
        body.find("editor_0").unwrap() < body.find("editor_1").unwrap(),
        "body photos keep their order"
    );
    match expected.correction {
        Some(correction) => {
            assert!(body.contains(correction), "{body}");
            assert!(story["ednote"].as_str().unwrap().contains(correction));
        }
        None => assert!(!body.contains("Correction")),
    }

    // The photos: the lead as featuremedia, credited as Superdesk credits a picture (its
    // byline), with its renditions on the receiver, and every association read by the parser
    // as a picture of its own.
    let lead = &associations["featuremedia"];
    assert_eq!(lead["type"], "picture");
    assert_eq!(lead["byline"], "Agency/Photographer", "the desk's credit");
    assert_eq!(
        lead["description_text"],
        "Caption of rubbish.jpg with <b>markup</b> & an ampersand"
    );
    assert_eq!(lead["body_text"], "What rubbish.jpg shows", "the alt text");
    assert_eq!(lead["copyrightholder"], "Agency Ltd");
    assert_eq!(lead["usageterms"], "Editorial use only");
    let renditions = lead["renditions"].as_object().unwrap();
    for name in ["original", "baseImage", "viewImage", "thumbnail"] {
        let rendition = &renditions[name];
        let media_id = rendition["media"].as_str().unwrap();
        assert_eq!(rendition["href"], format!("{assets}{media_id}"), "{name}");
        assert_eq!(rendition["mimetype"], "image/jpeg");
        assert!(
            rendition["width"].as_u64().unwrap() > 0 && rendition["height"].as_u64().unwrap() > 0
        );
        let packaged = std::fs::read(package.join("renditions").join(media_id)).unwrap();
        receiver.received(|r| assert_eq!(r.media.get(media_id), Some(&packaged), "{name}"));
    }
    // The crop is 564 pixels wide: its renditions are 564 and 320 wide. `original` is the
    // widest; the thumbnail's box (220 by 120) fits neither, so it is the narrowest.
    let width = |name: &str| renditions[name]["width"].as_u64().unwrap();
    assert_eq!(
        ["original", "baseImage", "viewImage", "thumbnail"].map(width),
        [564, 564, 564, 320]
    );
    assert_eq!(pictures.len(), 3, "one picture item per association");
    for picture in &pictures {
        assert_eq!(picture["type"], "picture");
        // The credit line a caption ends with: the photographer the wire embedded, if any,
        // then the desk's credit ("CHRISTOF STACHE / Agency/Photographer").
        let credit = picture["byline"].as_str().unwrap();
        assert!(credit.ends_with("Agency/Photographer"), "{credit}");
        assert_eq!(picture["copyrightholder"], "Agency Ltd");
        assert!(
            picture["description_text"]
                .as_str()
                .unwrap()
                .starts_with("Caption of ")
        );
    }
}

/// The last item the receiver was sent, and the delivery that sent it.
fn deliver_and_capture(
    library: &mut Library,
    receiver: &Receiver,
    article_id: &str,
) -> (Value, delivery::Delivery) {
    let posted = receiver.received(|r| r.posted.len());
    let queued = delivery::deliver(library, article_id, "superdesk").unwrap();
    let ran = delivery::run_due(library, &quick()).unwrap();
    assert_eq!(
        ran.iter().map(|d| (d.id, d.state)).collect::<Vec<_>>(),
        [(queued.id, DeliveryState::Delivered)],
        "{:?}",
        ran.iter().map(|d| &d.last_error).collect::<Vec<_>>()
    );
    receiver.received(|r| {
        assert_eq!(r.posted.len(), posted + 1);
        assert_eq!(r.bad_signatures, 0);
        (r.posted.last().unwrap().clone(), queued)
    })
}

/// A story's life at a Superdesk receiver: delivered with its photos, corrected, spiked. Each
/// item as pushed, read by Superdesk's parser.
#[test]
fn a_story_pushed_through_its_life_reads_right_in_superdesks_parser() {
    let Some(parser) = superdesk_parser() else {
        return;
    };
    let (_dir, mut library) = library();
    let receiver = Receiver::start(OnItem::Accept);
    library
        .store_mut()
        .add_destination(&receiver.destination("superdesk", Some(SECRET)))
        .unwrap();
    let article = photographed_story(&mut library);

    let (first, delivered) = deliver_and_capture(&mut library, &receiver, &article.id);
    let mut expected = Expected {
        version: "1",
        pubstatus: "usable",
        correction: None,
        embargo: None,
    };
    assert_superdesk_reads(
        &parser,
        &receiver,
        &first,
        &article,
        &delivered.package_path,
        &expected,
    );

    let mut corrected = article.fields.clone();
    corrected
        .corrections
        .push(newsdesk_core::article::Correction {
            date: "2026-11-27".into(),
            text: "The fire started on Quay Street, not Dock Road.".into(),
        });
    let corrected = library
        .store_mut()
        .save_article(&article.id, article.version, &corrected, SaveKind::Save)
        .unwrap();
    let (second, delivered) = deliver_and_capture(&mut library, &receiver, &article.id);
    expected.version = "2";
    expected.correction = Some("The fire started on Quay Street, not Dock Road.");
    assert_superdesk_reads(
        &parser,
        &receiver,
        &second,
        &corrected,
        &delivered.package_path,
        &expected,
    );

    let spiked = library
        .store_mut()
        .set_status(&article.id, corrected.version, Status::Spiked)
        .unwrap();
    let (third, delivered) = deliver_and_capture(&mut library, &receiver, &article.id);
    expected.version = "3";
    expected.pubstatus = "canceled";
    assert_superdesk_reads(
        &parser,
        &receiver,
        &third,
        &spiked,
        &delivered.package_path,
        &expected,
    );
}

/// An embargoed story is not pushed before its embargo (a push receiver publishes what it is
/// given): the outbox holds it until then, then the item carries the embargo.
#[test]
fn an_embargoed_story_is_pushed_when_its_embargo_lifts_and_reads_right() {
    let parser = superdesk_parser();
    let (_dir, mut library) = library();
    let receiver = Receiver::start(OnItem::Accept);
    library
        .store_mut()
        .add_destination(&receiver.destination("superdesk", Some(SECRET)))
        .unwrap();
    let story = photographed_story(&mut library);
    // A few seconds ahead, in whole seconds as an editor sets it.
    let embargo = (OffsetDateTime::now_utc() + std::time::Duration::from_secs(3))
        .replace_nanosecond(0)
        .unwrap();
    let mut f = story.fields.clone();
    f.embargo = Some(embargo);
    let story = library
        .store_mut()
        .save_article(&story.id, story.version, &f, SaveKind::Save)
        .unwrap();

    let queued = delivery::deliver(&mut library, &story.id, "superdesk").unwrap();
    assert_eq!(
        queued.next_attempt_at, embargo,
        "the first attempt waits for the embargo"
    );
    let ran = delivery::run_due(&mut library, &quick()).unwrap();
    assert!(ran.is_empty(), "nothing is due before the embargo: {ran:?}");
    assert_eq!(receiver.received(|r| r.posted.len()), 0);
    let row = library.store().delivery(queued.id).unwrap();
    assert_eq!(
        (row.state, row.next_attempt_at),
        (DeliveryState::Pending, embargo)
    );

    while OffsetDateTime::now_utc() <= embargo {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let ran = delivery::run_due(&mut library, &quick()).unwrap();
    assert_eq!(
        ran.iter().map(|d| d.state).collect::<Vec<_>>(),
        [DeliveryState::Delivered]
    );
    let item = receiver
        .received(|r| r.posted.last().cloned())
        .expect("pushed once due");
    if let Some(parser) = parser {
        let expected = Expected {
            version: "1",
            pubstatus: "usable",
            correction: None,
            embargo: Some(embargo),
        };
        assert_superdesk_reads(
            &parser,
            &receiver,
            &item,
            &story,
            &queued.package_path,
            &expected,
        );
    }
}

/// A destination set to `iptc-3.1` still gets the package's own IPTC ninjs 3.1; one without a
/// profile gets Superdesk's.
#[test]
fn the_profile_picks_the_shape_of_the_item() {
    let (_dir, mut library) = library();
    let receiver = Receiver::start(OnItem::Accept);
    let mut iptc = receiver.destination("iptc", Some(SECRET));
    let Target::HttpPush(push) = &mut iptc.target else {
        unreachable!()
    };
    push.profile = PushProfile::Iptc31;
    library.store_mut().add_destination(&iptc).unwrap();
    library
        .store_mut()
        .add_destination(&receiver.destination("superdesk", Some(SECRET)))
        .unwrap();
    let stored: Vec<_> = library
        .store()
        .destinations()
        .unwrap()
        .into_iter()
        .map(|d| match d.target {
            Target::HttpPush(push) => (d.name, push.profile),
            other => panic!("{} is not a push destination: {other:?}", d.name),
        })
        .collect();
    assert_eq!(
        stored,
        [
            ("iptc".to_owned(), PushProfile::Iptc31),
            ("superdesk".to_owned(), PushProfile::Superdesk)
        ]
    );
    let article = photographed_story(&mut library);
    for destination in ["iptc", "superdesk"] {
        delivery::deliver(&mut library, &article.id, destination).unwrap();
    }
    delivery::run_due(&mut library, &quick()).unwrap();
    receiver.received(|r| {
        let shapes: Vec<(bool, bool)> = r
            .posted
            .iter()
            .map(|item| (item["headlines"].is_array(), item["headline"].is_string()))
            .collect();
        assert_eq!(shapes.len(), 2);
        assert!(
            shapes.contains(&(true, false)),
            "IPTC ninjs 3.1: {shapes:?}"
        );
        assert!(
            shapes.contains(&(false, true)),
            "Superdesk's ninjs: {shapes:?}"
        );
        let iptc = r.posted.iter().find(|i| i["headlines"].is_array()).unwrap();
        assert_eq!(iptc["uri"], format!("urn:newsdesk:article:{}", article.id));
        assert!(iptc["associations"].is_array());
    });
}
