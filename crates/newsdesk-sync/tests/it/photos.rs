//! Photos on the desk: a photo desk on one laptop attaches a photo to a story written on
//! another; records, crops, thumbnails and originals travel, the files by SHA-256 through the
//! relay, thumbnails first.

use std::path::{Path, PathBuf};

use newsdesk_core::package;
use newsdesk_core::photo::{self, Aspect, DeskEdit, Photo, Placement, Rect};
use sha2::Digest;

use crate::common::{Laptop, Relay, TOKEN, converge};

/// A photo of `shared/fixtures/photos/wire`.
fn wire(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures/photos/wire")
        .join(name)
}

pub(crate) fn import(laptop: &mut Laptop, file: &str) -> Photo {
    photo::import_file(&mut laptop.library, &wire(file))
        .unwrap()
        .photo
}

/// The photo desk's work on one photo: its record, a 16:9 `lead` crop and a focal point.
fn dress(laptop: &mut Laptop, photo: &Photo, credit: &str) -> Photo {
    let photo = laptop
        .store()
        .edit_photo_desk(
            &photo.id,
            photo.version,
            DeskEdit {
                credit: Some(credit.into()),
                caption: Some(format!("Caption of {}", photo.source_name)),
                alt_text: Some(format!("What {} shows", photo.source_name)),
                ..Default::default()
            },
        )
        .unwrap();
    let photo = laptop
        .store()
        .set_focal_point(&photo.id, photo.version, Some((0.25, 0.5)))
        .unwrap();
    let rect = photo::default_crop(
        Aspect::Ratio(16, 9),
        photo.width,
        photo.height,
        photo.focal_point,
    );
    laptop
        .store()
        .save_crop(&photo.id, photo.version, "lead", Aspect::Ratio(16, 9), rect)
        .unwrap()
}

/// Every blob the relay holds (not counting unfinished uploads).
fn relay_blobs(relay: &Relay) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(relay.folder.path().join("blobs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Every file under the library's photo folders, temporary ones included.
fn photo_files(laptop: &Laptop) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&laptop.root.join("photos"), &mut out);
    out
}

fn sha256_of(path: &Path) -> String {
    hex::encode(sha2::Sha256::digest(std::fs::read(path).unwrap()))
}

/// The SHA-256 of a laptop's thumbnail of photo `id` (the blob it sends beside the original).
fn thumbnail_sha(laptop: &Laptop, id: &str) -> String {
    sha256_of(&photo::thumbnail_path(&laptop.root, id))
}

/// Saves the `lead` crop of photo `id` anew on `laptop`: the square of `side` at (`x`, 0).
fn square_lead(laptop: &mut Laptop, id: &str, x: u32, side: u32) -> photo::Crop {
    square(laptop, id, "lead", x, side)
}

/// Saves the crop `name` of photo `id`: a square of `side` pixels at (`x`, 0).
fn square(laptop: &mut Laptop, id: &str, name: &str, x: u32, side: u32) -> photo::Crop {
    let photo = laptop.store().photo(id).unwrap();
    let rect = Rect {
        x,
        y: 0,
        width: side,
        height: side,
    };
    let photo = laptop
        .store()
        .save_crop(id, photo.version, name, Aspect::Ratio(1, 1), rect)
        .unwrap();
    photo.crop(name).unwrap().clone()
}

/// What a laptop's library says about a photo: record, focal point, crops, open conflicts.
type DeskView = (
    photo::DeskRecord,
    Option<(f64, f64)>,
    Vec<photo::Crop>,
    Vec<String>,
);

/// What a laptop's library says about a photo, without the times of this library.
fn desk_view(laptop: &mut Laptop, id: &str) -> DeskView {
    let photo = laptop.store().photo(id).unwrap();
    let conflicts = laptop
        .store()
        .open_photo_conflicts(id)
        .unwrap()
        .into_iter()
        .map(|c| c.field)
        .collect();
    (photo.desk, photo.focal_point, photo.crops, conflicts)
}

#[test]
fn a_photo_attached_on_one_laptop_reaches_the_others_with_its_crop_credit_and_original() {
    let relay = Relay::start();
    let mut ana = Laptop::new("Ana Ruiz");
    let story = ana
        .write(
            "Council approves harbour plan",
            "The council met on Tuesday.",
        )
        .id;
    ana.join(&relay);

    // The photo desk on Bea's laptop: two photos, one as the lead, one as a figure.
    let mut bea = Laptop::new("Bea Osei");
    bea.join(&relay);
    let lead = import(&mut bea, "rubbish.jpg");
    let lead = dress(&mut bea, &lead, "Photo Desk/Getty");
    let figure = import(&mut bea, "getty.jpg");
    let figure = dress(&mut bea, &figure, "Getty Images");
    let version = bea.article(&story).version;
    let attached = photo::attach(
        &mut bea.library,
        &story,
        &lead.id,
        Some("lead"),
        Placement::Lead,
        version,
    )
    .unwrap();
    photo::attach(
        &mut bea.library,
        &story,
        &figure.id,
        None,
        Placement::Inline,
        attached.version,
    )
    .unwrap();
    let report = bea.sync();
    assert_eq!(
        (report.sent, report.photos.added, report.photos.uploaded),
        (1, 2, 2),
        "{report:?}"
    );
    assert_eq!(report.photos.thumbnails_uploaded, 2, "{report:?}");
    // The originals and, each a blob of its own, the thumbnails made at import.
    let mut expected = vec![
        lead.id.clone(),
        figure.id.clone(),
        thumbnail_sha(&bea, &lead.id),
        thumbnail_sha(&bea, &figure.id),
    ];
    expected.sort();
    assert_eq!(relay_blobs(&relay), expected);

    // Ana sees the photo in her story, with its crop and credit, and the original itself.
    let report = ana.sync();
    assert_eq!(
        (
            report.merged,
            report.photos.received,
            report.photos.thumbnails,
            report.photos.originals
        ),
        (1, 2, 2, 2),
        "{report:?}"
    );
    let mut cal = Laptop::new("Cal Weir");
    let report = cal.join(&relay);
    assert_eq!(
        (
            report.received,
            report.photos.received,
            report.photos.originals
        ),
        (1, 2, 2),
        "{report:?}"
    );
    converge(&mut [&mut ana, &mut bea, &mut cal]);
    for laptop in [&mut ana, &mut cal] {
        let article = laptop.article(&story);
        let placed = article.fields.lead_photo.clone().unwrap();
        assert_eq!(
            (placed.photo_id.as_str(), placed.crop.as_str()),
            (lead.id.as_str(), "lead")
        );
        assert!(
            article
                .fields
                .body
                .contains(&format!("photo:{}", figure.id))
        );
        for sent in [&lead, &figure] {
            let got = laptop.store().photo(&sent.id).unwrap();
            assert_eq!(got.desk, sent.desk);
            assert_eq!(got.crops, sent.crops);
            assert_eq!(got.focal_point, sent.focal_point);
            assert_eq!(
                (got.format.as_str(), got.byte_size, got.width, got.height),
                (
                    sent.format.as_str(),
                    sent.byte_size,
                    sent.width,
                    sent.height
                )
            );
            assert_eq!(got.embedded, sent.embedded);
            // Exactly where an import puts originals, and the very bytes.
            assert_eq!(got.original, photo::original_path(&sent.id, "jpeg"));
            assert_eq!(sha256_of(&laptop.root.join(&got.original)), sent.id);
            assert_eq!(got.crop("lead").unwrap().aspect, Aspect::Ratio(16, 9));
            assert!(!got.awaiting_original);
            // The thumbnail Bea's laptop made, not one made here.
            assert_eq!(
                thumbnail_sha(laptop, &sent.id),
                thumbnail_sha(&bea, &sent.id)
            );
        }
        assert_eq!(
            laptop.store().photo(&lead.id).unwrap().desk.credit,
            "Photo Desk/Getty"
        );
        assert!(
            photo::thumbnail(&laptop.library, &lead.id)
                .unwrap()
                .exists()
        );
    }

    // Synced again, and by a laptop that imported the same file on its own: never sent twice.
    assert_eq!(bea.sync().photos.uploaded, 0);
    let mut dan = Laptop::new("Dan Moss");
    let own = import(&mut dan, "rubbish.jpg");
    assert_eq!(own.id, lead.id);
    let report = dan.join(&relay);
    assert_eq!(
        (report.photos.uploaded, report.photos.added),
        (0, 0),
        "{report:?}"
    );
    assert_eq!(relay_blobs(&relay), expected);
    converge(&mut [&mut ana, &mut bea, &mut cal, &mut dan]);
    let seen = desk_view(&mut bea, &lead.id);
    for laptop in [&mut ana, &mut cal, &mut dan] {
        assert_eq!(desk_view(laptop, &lead.id), seen);
    }
    assert_eq!(seen.0.credit, "Photo Desk/Getty");

    // A sync with nothing new opens no photo; a change opens that one photo, here and there.
    for laptop in [&mut ana, &mut bea, &mut cal, &mut dan] {
        assert_eq!(laptop.sync().photos.opened, 0);
    }
    let photo = cal.store().photo(&figure.id).unwrap();
    cal.store()
        .edit_photo_desk(
            &figure.id,
            photo.version,
            DeskEdit {
                caption: Some("Cal's caption".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let report = cal.sync();
    assert_eq!(
        (report.photos.opened, report.photos.sent),
        (1, 1),
        "{report:?}"
    );
    let report = ana.sync();
    assert_eq!(
        (report.photos.opened, report.photos.merged),
        (1, 1),
        "{report:?}"
    );
    assert_eq!(
        ana.store().photo(&figure.id).unwrap().desk.caption,
        "Cal's caption"
    );
}

#[test]
fn a_corrupted_original_on_the_relay_is_refused_and_nothing_is_written() {
    let relay = Relay::start();
    let (mut bea, story, lead) = desk_with_a_lead_photo(&relay);

    // One byte changed in the relay's copy.
    let blob = relay.folder.path().join("blobs").join(&lead.id);
    let good = std::fs::read(&blob).unwrap();
    let mut bad = good.clone();
    let middle = bad.len() / 2;
    bad[middle] ^= 0xff;
    std::fs::write(&blob, &bad).unwrap();

    let mut cal = Laptop::new("Cal Weir");
    let err = newsdesk_sync::join(&cal.root, &relay.url(), TOKEN).unwrap_err();
    assert_eq!(err.kind(), "desk_blob", "{err}");
    let message = err.to_string();
    assert!(
        message.contains(&format!("the original of photo {}", lead.id)),
        "{message}"
    );
    assert!(message.contains("damaged"), "{message}");
    // The story came, and the photo thumbnail first; of the original not even a part.
    assert_eq!(
        cal.article(&story).fields.lead_photo.unwrap().photo_id,
        lead.id
    );
    assert!(cal.store().photo(&lead.id).unwrap().awaiting_original);
    assert_eq!(
        photo_files(&cal),
        vec![photo::thumbnail_path(&cal.root, &lead.id)]
    );

    // Once the relay holds the right bytes again, the next sync brings it, and all agree.
    std::fs::write(&blob, &good).unwrap();
    let report = cal.sync();
    assert_eq!(
        (report.photos.received, report.photos.originals),
        (0, 1),
        "{report:?}"
    );
    converge(&mut [&mut bea, &mut cal]);
    assert_eq!(desk_view(&mut cal, &lead.id), desk_view(&mut bea, &lead.id));
    let got = cal.store().photo(&lead.id).unwrap();
    assert_eq!(sha256_of(&cal.root.join(&got.original)), lead.id);
}

#[test]
fn two_crops_of_one_photo_at_once_are_a_conflict_until_the_photo_desk_picks() {
    let relay = Relay::start();
    let mut bea = Laptop::new("Bea Osei");
    let story = bea.write("Harbour fire", "Smoke over the docks.").id;
    let lead = import(&mut bea, "rubbish.jpg");
    let lead = dress(&mut bea, &lead, "Getty");
    photo::attach(
        &mut bea.library,
        &story,
        &lead.id,
        Some("lead"),
        Placement::Lead,
        1,
    )
    .unwrap();
    bea.join(&relay);
    let mut ana = Laptop::new("Ana Ruiz");
    ana.join(&relay);

    // Offline on both: different lead crops; Ana also fixes the caption, Bea the credit.
    let side = lead.width.min(lead.height) / 2;
    let ana_crop = square_lead(&mut ana, &lead.id, 0, side);
    let bea_crop = square_lead(&mut bea, &lead.id, 10, side);
    let photo = ana.store().photo(&lead.id).unwrap();
    ana.store()
        .edit_photo_desk(
            &lead.id,
            photo.version,
            DeskEdit {
                caption: Some("Smoke over the docks at dawn".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let photo = bea.store().photo(&lead.id).unwrap();
    bea.store()
        .edit_photo_desk(
            &lead.id,
            photo.version,
            DeskEdit {
                credit: Some("Getty Images/Bea Osei".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(ana.sync().photos.sent, 1);
    let report = bea.sync();
    assert_eq!(
        (report.photos.sent, report.photos.merged),
        (1, 1),
        "{report:?}"
    );
    converge(&mut [&mut ana, &mut bea]);

    for laptop in [&mut ana, &mut bea] {
        let conflicts = laptop.store().open_photo_conflicts(&lead.id).unwrap();
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        assert_eq!(conflicts[0].field, "crop:lead");
        let mut by: Vec<(String, i64)> = conflicts[0]
            .candidates
            .iter()
            .map(|c| (c.by.clone(), c.value["x"].as_i64().unwrap()))
            .collect();
        by.sort();
        assert_eq!(
            by,
            vec![
                ("Ana Ruiz".to_owned(), ana_crop.x as i64),
                ("Bea Osei".to_owned(), bea_crop.x as i64)
            ]
        );
        // Different fields changed at once both stay.
        let photo = laptop.store().photo(&lead.id).unwrap();
        assert_eq!(photo.desk.caption, "Smoke over the docks at dawn");
        assert_eq!(photo.desk.credit, "Getty Images/Bea Osei");
    }

    // The story cannot go out meanwhile, and says why.
    let article = ana.article(&story);
    let problems = newsdesk_core::package::preflight(&ana.library, &article)
        .unwrap()
        .problems;
    assert!(
        problems
            .iter()
            .any(|p| p.field == "lead_photo" && p.message.contains("crop:lead was changed at once")),
        "{problems:?}"
    );

    // The photo desk picks Ana's crop on Bea's laptop; every laptop follows.
    let photo = bea.store().photo(&lead.id).unwrap();
    bea.store()
        .resolve_photo_conflict(
            &lead.id,
            photo.version,
            "crop:lead",
            &serde_json::to_value(&ana_crop).unwrap(),
        )
        .unwrap();
    converge(&mut [&mut ana, &mut bea]);
    for laptop in [&mut ana, &mut bea] {
        assert_eq!(
            laptop.store().open_photo_conflicts(&lead.id).unwrap(),
            vec![]
        );
        assert_eq!(
            laptop.store().photo(&lead.id).unwrap().crop("lead"),
            Some(&ana_crop)
        );
    }
    assert_eq!(desk_view(&mut ana, &lead.id), desk_view(&mut bea, &lead.id));
    let article = ana.article(&story);
    let problems = newsdesk_core::package::preflight(&ana.library, &article)
        .unwrap()
        .problems;
    assert_eq!(problems, vec![], "the story can go out again");
}

/// Who a laptop is on the desk: name and device, as a conflict names them.
fn who(laptop: &mut Laptop) -> (String, String) {
    let me = laptop.store().identity().unwrap().unwrap();
    (me.name, me.device_id)
}

/// Ana deletes the `spare` crop of a story's lead photo while Bea, offline, recrops it; Cal's
/// laptop watches. (Not the story's own `lead` crop: a crop a story uses is not deleted.)
/// Every laptop shows the conflict between "deleted" (by Ana) and Bea's crop, and the story
/// cannot go out; the photo desk on Cal's laptop answers `keep` (Bea's crop, or `None`:
/// deleted), and all three agree on it.
fn crop_deleted_while_edited(keep: bool) {
    let relay = Relay::start();
    let (mut bea, story, lead) = desk_with_a_lead_photo(&relay);
    let mut ana = Laptop::new("Ana Ruiz");
    ana.join(&relay);
    let mut cal = Laptop::new("Cal Weir");
    cal.join(&relay);
    let side = lead.width.min(lead.height);
    // The photo is 100x60: a crop needs 32 pixels a side.
    square(&mut bea, &lead.id, "spare", 0, 40);
    converge(&mut [&mut ana, &mut bea, &mut cal]);
    assert!(ana.store().photo(&lead.id).unwrap().crop("spare").is_some());

    let photo = ana.store().photo(&lead.id).unwrap();
    let used = ana
        .store()
        .delete_crop(&lead.id, photo.version, "lead")
        .unwrap_err();
    assert_eq!(used.kind(), "invalid", "{used}");
    ana.store()
        .delete_crop(&lead.id, photo.version, "spare")
        .unwrap();
    let recropped = square(&mut bea, &lead.id, "spare", 0, side);
    assert_eq!(ana.sync().photos.sent, 1);
    assert_eq!(bea.sync().photos.sent, 1);
    converge(&mut [&mut ana, &mut bea, &mut cal]);

    let (ana_is, bea_is) = (who(&mut ana), who(&mut bea));
    for laptop in [&mut ana, &mut bea, &mut cal] {
        assert_eq!(
            laptop.store().photos_in_conflict().unwrap(),
            vec![lead.id.clone()]
        );
        let conflicts = laptop.store().open_photo_conflicts(&lead.id).unwrap();
        assert_eq!(conflicts.len(), 1, "{}: {conflicts:?}", laptop.name);
        assert_eq!(conflicts[0].field, "crop:spare");
        let mut candidates: Vec<((String, String), Option<photo::Crop>)> = conflicts[0]
            .candidates
            .iter()
            .map(|c| {
                (
                    (c.by.clone(), c.device.clone()),
                    serde_json::from_value(c.value.clone()).unwrap(),
                )
            })
            .collect();
        candidates.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            candidates,
            vec![
                (ana_is.clone(), None),
                (bea_is.clone(), Some(recropped.clone()))
            ],
            "{}",
            laptop.name
        );
        let article = laptop.article(&story);
        let problems = package::preflight(&laptop.library, &article)
            .unwrap()
            .problems;
        assert!(
            problems.iter().any(|p| p.field == "lead_photo"
                && p.message.contains("crop:spare was changed at once")
                && p.message.contains("deleted (by Ana Ruiz)")),
            "{problems:?}"
        );
        let err = export(laptop, &story).unwrap_err();
        assert_eq!(err.kind(), "preflight", "{err}");
    }

    // The photo desk on Cal's laptop answers; every laptop follows.
    let answer = if keep {
        serde_json::to_value(&recropped).unwrap()
    } else {
        serde_json::Value::Null
    };
    let photo = cal.store().photo(&lead.id).unwrap();
    cal.store()
        .resolve_photo_conflict(&lead.id, photo.version, "crop:spare", &answer)
        .unwrap();
    converge(&mut [&mut ana, &mut bea, &mut cal]);
    let kept = keep.then_some(&recropped);
    for laptop in [&mut ana, &mut bea, &mut cal] {
        assert_eq!(
            laptop.store().open_photo_conflicts(&lead.id).unwrap(),
            vec![],
            "{}",
            laptop.name
        );
        assert_eq!(
            laptop.store().photos_in_conflict().unwrap(),
            Vec::<String>::new()
        );
        assert_eq!(
            laptop.store().photo(&lead.id).unwrap().crop("spare"),
            kept,
            "{}",
            laptop.name
        );
    }
    let view = desk_view(&mut cal, &lead.id);
    assert_eq!(desk_view(&mut ana, &lead.id), view);
    assert_eq!(desk_view(&mut bea, &lead.id), view);
    // The story's own crop was never in question: it goes out either way.
    export(&mut ana, &story).unwrap();
}

#[test]
fn a_crop_deleted_while_edited_elsewhere_is_a_conflict_until_the_edit_is_kept() {
    crop_deleted_while_edited(true);
}

#[test]
fn a_crop_deleted_while_edited_elsewhere_is_a_conflict_until_the_deletion_is_kept() {
    crop_deleted_while_edited(false);
}

/// A crop deleted in a photo document is a `null` under its name, which reads as no crop and
/// is written once; a document whose crop was deleted before (its key gone) reads the same.
#[test]
fn a_deleted_crop_reads_as_none_in_documents_of_either_kind() {
    use automerge::transaction::Transactable;
    use automerge::{ObjType, ReadDoc, Value};
    use newsdesk_sync::document::{Session, Writer};
    use newsdesk_sync::photo_document;

    let mut bea = Laptop::new("Bea Osei");
    let lead = import(&mut bea, "getty.jpg");
    let lead = dress(&mut bea, &lead, "Getty Images");
    let session = Session::new(Writer {
        name: "Bea Osei".into(),
        device: who(&mut bea).1,
    });
    let made = photo_document::new_document(&lead, None, &session).unwrap();
    assert_eq!(photo_document::read(&made).unwrap().crops, lead.crops);
    let uncropped = Photo {
        crops: vec![],
        ..lead.clone()
    };

    // Deleted now: `null`, written once.
    let mut now = made.clone();
    let heads = now.get_heads();
    assert!(photo_document::apply_local(&mut now, &heads, &uncropped, &[], &session).unwrap());
    let heads = now.get_heads();
    assert!(!photo_document::apply_local(&mut now, &heads, &uncropped, &[], &session).unwrap());

    // Deleted before this: the key is gone.
    let mut before = made.clone();
    before
        .transact::<_, _, automerge::AutomergeError>(|tx| {
            let Some((Value::Object(ObjType::Map), crops)) = tx.get(automerge::ROOT, "crops")?
            else {
                panic!("a photo document has a crops map")
            };
            tx.delete(&crops, "lead")
        })
        .unwrap();
    let heads = before.get_heads();
    assert!(!photo_document::apply_local(&mut before, &heads, &uncropped, &[], &session).unwrap());

    for doc in [&now, &before] {
        let record = photo_document::read(doc).unwrap();
        assert_eq!(record.crops, vec![]);
        assert!(record.conflicts.is_empty(), "{:?}", record.conflicts);
    }
}

#[test]
fn the_relay_keeps_only_blobs_whose_bytes_match_their_name_and_only_for_the_token() {
    let relay = Relay::start();
    let bytes = std::fs::read(wire("pa.jpg")).unwrap();
    let sha = hex::encode(sha2::Sha256::digest(&bytes));
    let url = |sha: &str| format!("http://127.0.0.1:{}/blobs/{sha}", relay.port);
    let auth = format!("Bearer {TOKEN}");
    let status = |r: Result<ureq::http::Response<ureq::Body>, ureq::Error>| match r {
        Ok(r) => r.status().as_u16(),
        Err(ureq::Error::StatusCode(s)) => s,
        Err(e) => panic!("{e}"),
    };

    // Not the bytes the name promises: refused, nothing kept.
    let mut other = bytes.clone();
    other[100] ^= 1;
    assert_eq!(
        status(
            ureq::put(&url(&sha))
                .header("Authorization", &auth)
                .send(&other[..])
        ),
        422
    );
    assert_eq!(relay_blobs(&relay), Vec::<String>::new());
    // Without the token, nothing at all.
    assert_eq!(status(ureq::put(&url(&sha)).send(&bytes[..])), 401);
    assert_eq!(status(ureq::get(&url(&sha)).call()), 401);
    // A name that is not a SHA-256 never reaches the file system.
    assert_eq!(
        status(
            ureq::get(&url("..%2Fdesk.json"))
                .header("Authorization", &auth)
                .call()
        ),
        400
    );
    assert_eq!(
        status(ureq::head(&url(&sha)).header("Authorization", &auth).call()),
        404
    );
    assert_eq!(
        status(
            ureq::put(&url(&sha))
                .header("Authorization", &auth)
                .send(&bytes[..])
        ),
        201
    );
    assert_eq!(relay_blobs(&relay), vec![sha.clone()]);
    let mut response = ureq::get(&url(&sha))
        .header("Authorization", &auth)
        .call()
        .unwrap();
    assert_eq!(response.body_mut().read_to_vec().unwrap(), bytes);

    // Sent again (two laptops putting one photo at once: both asked, neither found it), the
    // relay answers after reading it all. Answered unread, a body larger than the socket's
    // buffers met a closed connection: "broken pipe", and that laptop's sync failed.
    let large: Vec<u8> = (0..12_000_000u32)
        .map(|n| (n.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    let large_sha = hex::encode(sha2::Sha256::digest(&large));
    for answer in [201, 200] {
        assert_eq!(
            status(
                ureq::put(&url(&large_sha))
                    .header("Authorization", &auth)
                    .send(&large[..])
            ),
            answer
        );
    }
}

#[test]
fn the_same_file_put_on_the_desk_by_two_laptops_at_once_becomes_one_photo_with_both_edits() {
    let relay = Relay::start();
    let mut ana = Laptop::new("Ana Ruiz");
    ana.join(&relay);
    let mut bea = Laptop::new("Bea Osei");
    bea.join(&relay);
    // Both import the same agency file and work on different fields of it.
    let photo = import(&mut ana, "rubbish.jpg");
    ana.store()
        .edit_photo_desk(
            &photo.id,
            photo.version,
            DeskEdit {
                caption: Some("Ana's caption".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let photo = import(&mut bea, "rubbish.jpg");
    bea.store()
        .edit_photo_desk(
            &photo.id,
            photo.version,
            DeskEdit {
                credit: Some("Bea's credit".into()),
                ..Default::default()
            },
        )
        .unwrap();

    // Both sync at the same moment: each may put its own document on the desk.
    let barrier = std::sync::Barrier::new(2);
    let sync = |root: &Path| {
        barrier.wait();
        newsdesk_sync::sync(root, TOKEN).unwrap()
    };
    let (ana_report, bea_report) = std::thread::scope(|scope| {
        let a = scope.spawn(|| sync(&ana.root));
        let b = scope.spawn(|| sync(&bea.root));
        (a.join().unwrap(), b.join().unwrap())
    });
    eprintln!(
        "documents made for the one photo: {} (2: both laptops raced)",
        ana_report.photos.added + bea_report.photos.added
    );
    converge(&mut [&mut ana, &mut bea]);
    converge(&mut [&mut ana, &mut bea]);
    let seen = desk_view(&mut ana, &photo.id);
    assert_eq!(desk_view(&mut bea, &photo.id), seen);
    assert_eq!(
        (seen.0.caption.as_str(), seen.0.credit.as_str()),
        ("Ana's caption", "Bea's credit")
    );
    assert_eq!(
        seen.3,
        Vec::<String>::new(),
        "different fields: no conflict"
    );
    // One original, and one thumbnail: both laptops made the same bytes from the same file.
    let mut blobs = vec![photo.id.clone(), thumbnail_sha(&ana, &photo.id)];
    blobs.sort();
    assert_eq!(relay_blobs(&relay), blobs);
    assert_eq!(
        (ana.sync().photos.opened, bea.sync().photos.opened),
        (0, 0),
        "settled"
    );
}

/// Bea's photo desk puts `getty.jpg`, credited and cropped, as the lead photo of a story of her
/// own on the desk; the relay then holds its original and its thumbnail.
fn desk_with_a_lead_photo(relay: &Relay) -> (Laptop, String, Photo) {
    let mut bea = Laptop::new("Bea Osei");
    let story = bea.write("Harbour fire", "Smoke over the docks.").id;
    let lead = import(&mut bea, "getty.jpg");
    let lead = dress(&mut bea, &lead, "Getty Images");
    photo::attach(
        &mut bea.library,
        &story,
        &lead.id,
        Some("lead"),
        Placement::Lead,
        1,
    )
    .unwrap();
    bea.join(relay);
    (bea, story, lead)
}

/// Exports `story` into a fresh folder under the laptop's library.
fn export(laptop: &mut Laptop, story: &str) -> newsdesk_core::Result<package::Exported> {
    let out = laptop.root.join(format!("export-{}", next_number()));
    package::export(
        &mut laptop.library,
        story,
        &out,
        package::Existing::Refuse,
        &mut |_, _, _| {},
    )
}

fn next_number() -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed).to_string()
}

#[test]
fn a_photo_arrives_thumbnail_first_and_its_story_exports_once_the_original_follows() {
    let relay = Relay::start();
    let (mut bea, story, lead) = desk_with_a_lead_photo(&relay);

    // The relay has the thumbnail but not (yet) the original.
    let blob = relay.folder.path().join("blobs").join(&lead.id);
    let aside = relay.folder.path().join("original-aside");
    std::fs::rename(&blob, &aside).unwrap();

    let mut cal = Laptop::new("Cal Weir");
    let err = newsdesk_sync::join(&cal.root, &relay.url(), TOKEN).unwrap_err();
    assert_eq!(err.kind(), "desk_blob", "{err}");
    assert!(
        err.to_string()
            .contains(&format!("the original of photo {} ", lead.id)),
        "{err}"
    );

    // Cal's window shows the photo at once: its record, crop and focal point, and the very
    // thumbnail Bea's laptop made, checked; the original is on its way.
    let got = cal.store().photo(&lead.id).unwrap();
    assert!(got.awaiting_original);
    assert_eq!(desk_view(&mut cal, &lead.id), desk_view(&mut bea, &lead.id));
    assert_eq!(
        photo::thumbnail(&cal.library, &lead.id).unwrap(),
        photo::thumbnail_path(&cal.root, &lead.id)
    );
    assert_eq!(thumbnail_sha(&cal, &lead.id), thumbnail_sha(&bea, &lead.id));
    assert!(!cal.root.join(&got.original).exists());

    // What needs the original says so, and makes nothing.
    let err = photo::renditions(&cal.library, &lead.id, Some("lead"), &[640]).unwrap_err();
    assert_eq!(err.kind(), "original_pending", "{err}");
    assert!(err.to_string().contains(&lead.id), "{err}");
    let article = cal.article(&story);
    let problems = package::preflight(&cal.library, &article).unwrap().problems;
    assert!(
        problems.iter().any(|p| p.field == "lead_photo"
            && p.photo_id.as_deref() == Some(lead.id.as_str())
            && p.message
                .contains("original has not arrived from the desk yet")),
        "{problems:?}"
    );
    let err = export(&mut cal, &story).unwrap_err();
    assert_eq!(err.kind(), "preflight", "{err}");
    assert!(
        !photo_files(&cal)
            .iter()
            .any(|f| f.starts_with(cal.root.join("photos/renditions"))),
        "no rendition was made"
    );

    // Meanwhile the photo desk here fixes the caption: nothing typed waits for the original.
    let photo = cal.store().photo(&lead.id).unwrap();
    cal.store()
        .edit_photo_desk(
            &lead.id,
            photo.version,
            DeskEdit {
                caption: Some("Smoke over the docks at dawn".into()),
                ..Default::default()
            },
        )
        .unwrap();

    // The original reaches the relay; the next sync brings it, checked, and the story goes out.
    std::fs::rename(&aside, &blob).unwrap();
    let report = cal.sync();
    assert_eq!(
        (
            report.photos.received,
            report.photos.originals,
            report.photos.awaiting_originals,
            report.photos.sent
        ),
        (0, 1, 0, 1),
        "{report:?}"
    );
    let got = cal.store().photo(&lead.id).unwrap();
    assert!(!got.awaiting_original);
    assert_eq!(sha256_of(&cal.root.join(&got.original)), lead.id);
    let exported = export(&mut cal, &story).unwrap();
    assert!(exported.files > 3, "{exported:?}");
    converge(&mut [&mut bea, &mut cal]);
    assert_eq!(
        bea.store().photo(&lead.id).unwrap().desk.caption,
        "Smoke over the docks at dawn"
    );
    assert_eq!(desk_view(&mut cal, &lead.id), desk_view(&mut bea, &lead.id));
}

#[test]
fn a_damaged_thumbnail_on_the_relay_is_refused_and_the_photo_comes_with_its_original() {
    let relay = Relay::start();
    let (mut bea, story, lead) = desk_with_a_lead_photo(&relay);
    let thumb = thumbnail_sha(&bea, &lead.id);

    // One byte changed in the relay's copy of the thumbnail.
    let blob = relay.folder.path().join("blobs").join(&thumb);
    let mut bad = std::fs::read(&blob).unwrap();
    let middle = bad.len() / 2;
    bad[middle] ^= 0xff;
    std::fs::write(&blob, &bad).unwrap();

    let mut cal = Laptop::new("Cal Weir");
    let err = newsdesk_sync::join(&cal.root, &relay.url(), TOKEN).unwrap_err();
    assert_eq!(err.kind(), "desk_blob", "{err}");
    let message = err.to_string();
    assert!(
        message.contains(&format!(
            "the thumbnail of photo {} (SHA-256 {thumb})",
            lead.id
        )),
        "{message}"
    );
    assert!(message.contains("damaged"), "{message}");

    // Nothing of the damaged bytes was kept; the photo came all the same, with its original,
    // and its thumbnail is made here from that.
    assert!(
        photo_files(&cal)
            .iter()
            .all(|f| std::fs::read(f).unwrap() != bad)
    );
    assert!(!photo::thumbnail_path(&cal.root, &lead.id).exists());
    let got = cal.store().photo(&lead.id).unwrap();
    assert!(!got.awaiting_original);
    assert_eq!(sha256_of(&cal.root.join(&got.original)), lead.id);
    assert!(image_opens(
        &photo::thumbnail(&cal.library, &lead.id).unwrap()
    ));
    assert_eq!(
        cal.article(&story).fields.lead_photo.unwrap().photo_id,
        lead.id
    );
    converge(&mut [&mut bea, &mut cal]);
    assert_eq!(desk_view(&mut cal, &lead.id), desk_view(&mut bea, &lead.id));
}

fn image_opens(path: &Path) -> bool {
    let bytes = std::fs::read(path).unwrap();
    bytes.starts_with(&[0xff, 0xd8]) && bytes.ends_with(&[0xff, 0xd9])
}

#[test]
fn blobs_the_relay_lost_are_sent_again_by_a_laptop_holding_them_at_its_next_sync() {
    let relay = Relay::start();
    let (mut bea, story, lead) = desk_with_a_lead_photo(&relay);
    let mut cal = Laptop::new("Cal Weir");
    cal.join(&relay);
    let thumb = thumbnail_sha(&bea, &lead.id);
    let mut both = vec![lead.id.clone(), thumb.clone()];
    both.sort();
    assert_eq!(relay_blobs(&relay), both);

    // Nothing lost: once checked, a sync hears that the relay's list has not changed.
    for laptop in [&mut bea, &mut cal] {
        laptop.sync();
        let report = laptop.sync();
        assert_eq!(
            (report.photos.blobs_checked, report.photos.resent),
            (0, 0),
            "{report:?}"
        );
    }

    // The relay loses both files (a restored backup, a disk swapped); Cal, who received them,
    // sends them again at his next sync: the thumbnail he checked, the original.
    for name in &both {
        std::fs::remove_file(relay.folder.path().join("blobs").join(name)).unwrap();
    }
    let report = cal.sync();
    assert_eq!(
        (report.photos.blobs_checked, report.photos.resent),
        (2, 2),
        "{report:?}"
    );
    assert_eq!(relay_blobs(&relay), both);
    // The relay holds again just what it held when Bea last checked: nothing to do for her.
    let report = bea.sync();
    assert_eq!(
        (report.photos.blobs_checked, report.photos.resent),
        (0, 0),
        "{report:?}"
    );

    // A laptop joining now gets the photo whole, thumbnail first.
    let mut dan = Laptop::new("Dan Moss");
    let report = dan.join(&relay);
    assert_eq!(
        (report.photos.thumbnails, report.photos.originals),
        (1, 1),
        "{report:?}"
    );
    assert_eq!(thumbnail_sha(&dan, &lead.id), thumb);
    assert!(export(&mut dan, &story).is_ok());
}

#[test]
fn importing_the_file_whose_original_is_on_its_way_makes_the_photo_whole() {
    let relay = Relay::start();
    let (_bea, _story, lead) = desk_with_a_lead_photo(&relay);
    std::fs::remove_file(relay.folder.path().join("blobs").join(&lead.id)).unwrap();
    let mut cal = Laptop::new("Cal Weir");
    let err = newsdesk_sync::join(&cal.root, &relay.url(), TOKEN).unwrap_err();
    assert_eq!(err.kind(), "desk_blob", "{err}");
    assert!(cal.store().photo(&lead.id).unwrap().awaiting_original);

    // The agency's file reaches Cal another way, and he imports it: one photo, now whole,
    // with the desk's record kept.
    let imported = photo::import_file(&mut cal.library, &wire("getty.jpg")).unwrap();
    assert!(imported.duplicate);
    let got = cal.store().photo(&lead.id).unwrap();
    assert!(!got.awaiting_original);
    assert_eq!(got.desk, lead.desk);
    assert_eq!(
        photo::renditions(&cal.library, &lead.id, Some("lead"), &[320])
            .unwrap()
            .len(),
        1
    );
    // The desk's sync has nothing left to fetch, and gives the relay the original it lacks.
    let report = cal.sync();
    assert_eq!(
        (
            report.photos.originals,
            report.photos.awaiting_originals,
            report.photos.resent
        ),
        (0, 0, 1),
        "{report:?}"
    );
    assert!(relay_blobs(&relay).contains(&lead.id));
}
