//! Delivering a 12-photo story to each real CMS the environment names (issue 12): the time
//! from the outbox taking the delivery to the post standing on the site, 12 photos uploaded.
//!
//!     .ci/cms/wordpress-up.sh; .ci/cms/ghost-up.sh   # print the variables below
//!     NEWSDESK_TEST_WORDPRESS_URL=... NEWSDESK_TEST_WORDPRESS_USER=... \
//!     NEWSDESK_TEST_WORDPRESS_PASSWORD=... NEWSDESK_TEST_GHOST_URL=... \
//!     NEWSDESK_TEST_GHOST_ADMIN_KEY=... cargo bench -p newsdesk-core --bench cms
//!
//! Three figures per CMS: queueing (the package built and its renditions made, nothing sent),
//! the first delivery (12 uploads, each credit checked where the CMS reads it, terms, the
//! post), and a correction (every photo found on the site by its hash, the post updated). The
//! photos are the export bench's (3000x2000 JPEGs under target/bench-photos) with a fresh token
//! in their special instructions, so the site has never seen their renditions and really
//! uploads them. A CMS whose variables are unset is skipped with a line saying so.

use std::path::PathBuf;
use std::time::{Duration, Instant};

#[path = "shared/photos.rs"]
mod bench_photos;

use bench_photos::{HEIGHT, PHOTOS, WIDTH, bench_photos};
use newsdesk_core::article::PhotoPlacement;
use newsdesk_core::delivery::{
    self, DeliveryState, Destination, Ghost, OutboxRun, Secret, Target, WordPress,
};
use newsdesk_core::photo::{self, DeskEdit};
use newsdesk_core::store::{RevisionKind, SaveKind};
use newsdesk_core::{ArticleFields, Author, Library, Status};

fn main() {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let wordpress = match (
        var("NEWSDESK_TEST_WORDPRESS_URL"),
        var("NEWSDESK_TEST_WORDPRESS_USER"),
        var("NEWSDESK_TEST_WORDPRESS_PASSWORD"),
    ) {
        (Some(url), Some(user), Some(password)) => Some(Target::WordPress(WordPress::new(
            &url,
            &user,
            Secret::new(password),
        ))),
        _ => None,
    };
    let ghost = match (
        var("NEWSDESK_TEST_GHOST_URL"),
        var("NEWSDESK_TEST_GHOST_ADMIN_KEY"),
    ) {
        (Some(url), Some(key)) => Some(Target::Ghost(Ghost::new(&url, Secret::new(key)))),
        _ => None,
    };
    let photos = bench_photos();
    for (cms, target, unset) in [
        (
            "WordPress",
            wordpress,
            "NEWSDESK_TEST_WORDPRESS_URL, _USER and _PASSWORD",
        ),
        ("Ghost", ghost, "NEWSDESK_TEST_GHOST_URL and _ADMIN_KEY"),
    ] {
        match target {
            Some(target) => deliver_twelve_photos(cms, target, &photos),
            None => println!("{cms} skipped: set {unset} (see .ci/cms/)"),
        }
    }
}

fn deliver_twelve_photos(cms: &str, target: Target, photos: &[PathBuf]) {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path().join("library")).unwrap();
    library
        .store_mut()
        .add_destination(&Destination {
            name: "site".into(),
            target,
        })
        .unwrap();
    let article = article_with_photos(&mut library, photos);
    let run = OutboxRun {
        base_delay: Duration::ZERO,
        lease: Duration::from_secs(60),
    };
    println!("delivery of 1 story with {PHOTOS} photos ({WIDTH}x{HEIGHT} originals) to {cms}");

    let started = Instant::now();
    delivery::deliver(&mut library, &article, "site").unwrap();
    println!(
        "  queued (package and renditions made): {:.2} s",
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    let done = delivery::run_due(&mut library, &run).unwrap();
    let first = started.elapsed();
    assert_eq!(
        done[0].state,
        DeliveryState::Delivered,
        "{:?}",
        done[0].last_error
    );
    println!(
        "  first delivery ({PHOTOS} uploads, post created): {:.2} s  -> {}",
        first.as_secs_f64(),
        done[0]
            .remote
            .as_ref()
            .and_then(|r| r.url.as_deref())
            .unwrap_or("?")
    );

    let current = library.store().article(&article).unwrap();
    let mut corrected = current.fields.clone();
    corrected.headline.push_str(" (corrected)");
    library
        .store_mut()
        .save_article(&article, current.version, &corrected, SaveKind::Save)
        .unwrap();
    delivery::deliver(&mut library, &article, "site").unwrap();
    let started = Instant::now();
    let done = delivery::run_due(&mut library, &run).unwrap();
    assert_eq!(
        done[0].state,
        DeliveryState::Delivered,
        "{:?}",
        done[0].last_error
    );
    println!(
        "  correction (photos found on the site, post updated): {:.2} s",
        started.elapsed().as_secs_f64()
    );
}

fn article_with_photos(library: &mut Library, photos: &[PathBuf]) -> String {
    let token = format!(
        "{}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    );
    let ids: Vec<String> = photos
        .iter()
        .enumerate()
        .map(|(i, path)| {
            let id = photo::import_file(library, path).unwrap().photo.id;
            let edit = DeskEdit {
                credit: Some(format!("Photographer {i}/Agency")),
                caption: Some(format!("Caption of photo {i}")),
                alt_text: Some(format!("What photo {i} shows")),
                special_instructions: Some(format!("Newsdesk bench {token}")),
                ..Default::default()
            };
            let version = library.store().photo(&id).unwrap().version;
            library
                .store_mut()
                .edit_photo_desk(&id, version, edit)
                .unwrap();
            id
        })
        .collect();
    let body: String = ids[1..]
        .iter()
        .enumerate()
        .map(|(i, id)| {
            format!(
                "Paragraph {i} of the story, with enough words to read like one.\n\n![](photo:{id})\n\n"
            )
        })
        .collect();
    let fields = ArticleFields {
        slugline: format!("twelve-photos-{token}"),
        headline: "Twelve photos from the harbour fire".into(),
        section: "Local".into(),
        keywords: vec!["fire".into(), "harbour".into()],
        authors: vec![Author {
            name: "Ana Lima".into(),
            role: "Reporter".into(),
        }],
        body,
        lead_photo: Some(PhotoPlacement {
            photo_id: ids[0].clone(),
            crop: String::new(),
        }),
        ..Default::default()
    };
    library
        .store_mut()
        .create_article(None, &fields, Status::Ready, RevisionKind::Create)
        .unwrap()
        .id
}
