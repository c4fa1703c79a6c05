//! Delivery to a real WordPress (Debian's 6.1, started by `.ci/cms/wordpress-up.sh`), read back
//! through its REST API the way the site's editors and readers get it.
//!
//! The site is shared by every test and every run, so each story has its own slugline and is
//! found by the post id the outbox kept, or by its article id.

use std::sync::RwLock;
use std::time::Duration;

use newsdesk_core::article::PhotoPlacement;
use newsdesk_core::delivery::{
    self, DeliveryState, Destination, OutboxRun, PostStatus, Secret, Target, WordPress,
};
use newsdesk_core::package::{MANIFEST_FILE, Manifest};
use newsdesk_core::store::{RevisionKind, SaveKind};
use newsdesk_core::{Article, Library, Status};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::common::library;
use super::package::{credited_photo, fields};

/// Taken for writing by the test that stops WordPress, for reading by every other: they may
/// run side by side, but never while the site is down.
static SERVER: RwLock<()> = RwLock::new(());

struct Site {
    url: String,
    user: String,
    password: String,
}

/// The WordPress of `./dev.sh test`, or `None` (the test then skips) when it is not set up
/// and `NEWSDESK_REQUIRE_CMS` is not `1`.
fn wordpress_site() -> Option<Site> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    match (
        var("NEWSDESK_TEST_WORDPRESS_URL"),
        var("NEWSDESK_TEST_WORDPRESS_USER"),
        var("NEWSDESK_TEST_WORDPRESS_PASSWORD"),
    ) {
        (Some(url), Some(user), Some(password)) => Some(Site {
            url,
            user,
            password,
        }),
        _ if var("NEWSDESK_REQUIRE_CMS").as_deref() == Some("1") => panic!(
            "NEWSDESK_REQUIRE_CMS=1 but NEWSDESK_TEST_WORDPRESS_URL, _USER or _PASSWORD is not \
             set: start WordPress with .ci/cms/wordpress-up.sh (./dev.sh test does)"
        ),
        _ => {
            eprintln!("skipped: no WordPress to deliver to (NEWSDESK_TEST_WORDPRESS_URL unset)");
            None
        }
    }
}

impl Site {
    fn destination(&self, name: &str, publish: PostStatus) -> Destination {
        let mut site = WordPress::new(&self.url, &self.user, Secret::new(&self.password));
        site.publish = publish;
        Destination {
            name: name.into(),
            target: Target::WordPress(site),
        }
    }

    /// `GET {site}/wp-json/wp/v2{path}` as the test's user; the JSON answer.
    fn get(&self, path: &str) -> Value {
        use base64::Engine;
        let auth = base64::engine::general_purpose::STANDARD
            .encode(format!("{}:{}", self.user, self.password));
        let mut response = ureq::get(format!("{}/wp-json/wp/v2{path}", self.url))
            .header("authorization", format!("Basic {auth}"))
            .call()
            .unwrap_or_else(|e| panic!("GET {path}: {e}"));
        serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap()
    }

    fn post(&self, remote_id: &str) -> Value {
        self.get(&format!("/posts/{remote_id}?context=edit"))
    }

    /// Every post (drafts and scheduled ones included) that carries this story's marker.
    fn posts_of(&self, article_id: &str) -> Vec<Value> {
        let found = self.get(&format!(
            "/posts?search={article_id}&status=any&context=edit&per_page=100"
        ));
        let marker = format!("<!-- newsdesk:{article_id} -->");
        found
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["content"]["raw"].as_str().unwrap().contains(&marker))
            .cloned()
            .collect()
    }

    fn run(&self, command: &str) {
        let line = std::env::var(command)
            .unwrap_or_else(|_| panic!("{command} is not set (./dev.sh test sets it)"));
        let status = std::process::Command::new(&line)
            .stdout(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "{line}: {status}");
    }
}

/// A ready story with a lead photo and a photo in the body, under a slugline of its own.
fn story(library: &mut Library) -> Article {
    let token = uuid_like()[..8].to_owned();
    let lead = photo_of_this_test(library, "rubbish.jpg", &token);
    let inline = photo_of_this_test(library, "getty.jpg", &token);
    let mut f = fields(&format!(
        "The fire started shortly after midnight.\n\n![](photo:{inline})\n\nBy morning it was out."
    ));
    f.slugline = format!("harbour-fire-{token}");
    f.lead_photo = Some(PhotoPlacement {
        photo_id: lead,
        crop: String::new(),
    });
    library
        .store_mut()
        .create_article(None, &f, Status::Ready, RevisionKind::Create)
        .unwrap()
}

/// A credited wire photo whose renditions are this test's own: the token goes into the special
/// instructions, which renditions embed (IIM 2:40), so tests running side by side never share a
/// file on the site (two uploads of one file at the same moment make two media).
fn photo_of_this_test(library: &mut Library, file: &str, token: &str) -> String {
    let id = credited_photo(library, file);
    let version = library.store().photo(&id).unwrap().version;
    let edit = newsdesk_core::photo::DeskEdit {
        special_instructions: Some(format!("Newsdesk test {token}")),
        ..Default::default()
    };
    library
        .store_mut()
        .edit_photo_desk(&id, version, edit)
        .unwrap();
    id
}

fn uuid_like() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    hex(&Sha256::digest(format!(
        "{nanos}-{:?}",
        std::thread::current().id()
    )))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn quick() -> OutboxRun {
    OutboxRun {
        base_delay: Duration::ZERO,
        lease: Duration::from_secs(60),
    }
}

/// Queues the article for `destination` and runs the outbox once; the delivery as it ended.
fn deliver_now(library: &mut Library, article: &str, destination: &str) -> delivery::Delivery {
    let queued = delivery::deliver(library, article, destination).unwrap();
    delivery::run_due(library, &quick()).unwrap();
    library.store().delivery(queued.id).unwrap()
}

/// Every `src="..."` of an HTML text.
fn sources(html: &str) -> Vec<String> {
    html.split("src=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().to_owned())
        .collect()
}

#[test]
fn a_story_becomes_a_post_with_its_photos_credited_and_its_terms() {
    let Some(site) = wordpress_site() else { return };
    let _site_up = SERVER.read().unwrap();
    let (_dir, mut library) = library();
    library
        .store_mut()
        .add_destination(&site.destination("site", PostStatus::Draft))
        .unwrap();
    let article = story(&mut library);

    let delivered = deliver_now(&mut library, &article.id, "site");
    assert_eq!(
        delivered.state,
        DeliveryState::Delivered,
        "{:?}",
        delivered.last_error
    );
    let remote = delivered.remote.expect("the post's id and link are kept");
    let post = site.post(&remote.id);
    assert_eq!(remote.url.as_deref(), post["link"].as_str());
    assert_eq!(
        post["title"]["raw"], "Fire at the harbour &lt;script&gt;alert(1)&lt;/script&gt;",
        "the headline is text, never markup"
    );
    assert_eq!(
        post["excerpt"]["raw"],
        "Crews fought the blaze &quot;all night&quot; &amp; into the morning.\n\nBy Ana Lima"
    );
    assert_eq!(post["slug"], article.fields.slugline.as_str());
    assert_eq!(post["status"], "draft", "a drafts destination makes drafts");

    let names = |taxonomy: &str, ids: &Value| -> Vec<String> {
        let mut names: Vec<String> = ids
            .as_array()
            .unwrap()
            .iter()
            .map(|id| {
                site.get(&format!("/{taxonomy}/{id}"))["name"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        names.sort();
        names
    };
    assert_eq!(names("categories", &post["categories"]), ["Local"]);
    assert_eq!(names("tags", &post["tags"]), ["fire", "harbour"]);

    let content = post["content"]["raw"].as_str().unwrap();
    assert!(
        content.contains("<p class=\"byline\">By Ana Lima</p>"),
        "{content}"
    );
    assert!(content.contains("shortly after midnight"), "{content}");
    // Themes draw the featured image without its caption: the credit is in the text too.
    assert!(
        content.contains(
            "<p class=\"lead-photo-credit\"><small>Top photo: Caption of rubbish.jpg with \
             &lt;b&gt;markup&lt;/b&gt; &amp; an ampersand Photo: "
        ) && content.contains("Agency/Photographer</small></p>"),
        "{content}"
    );
    assert!(
        content.ends_with(&format!("<!-- newsdesk:{} -->", article.id)),
        "{content}"
    );
    assert!(!content.contains("renditions/"), "{content}");

    // The lead photo is the featured image; the body's photo is on the site too. Each as
    // WordPress keeps it: its credit read from the file, the desk's caption (with the credit
    // line) and alt text.
    let lead = site.get(&format!("/media/{}?context=edit", post["featured_media"]));
    let recent = site.get("/media?context=edit&per_page=100&orderby=id&order=desc");
    let figures = sources(content);
    assert_eq!(figures.len(), 1, "{content}");
    let inline = recent
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["source_url"].as_str() == Some(figures[0].as_str()))
        .unwrap_or_else(|| panic!("the body's photo {} is a media of the site", figures[0]))
        .clone();
    for (media, file) in [(&lead, "rubbish.jpg"), (&inline, "getty.jpg")] {
        assert_eq!(
            media["media_details"]["image_meta"]["credit"],
            "Agency/Photographer"
        );
        let caption = media["caption"]["raw"].as_str().unwrap();
        assert!(
            caption.starts_with(&format!(
                "Caption of {file} with &lt;b&gt;markup&lt;/b&gt; &amp; an ampersand Photo: "
            )) && caption.ends_with("Agency/Photographer"),
            "{caption}"
        );
        assert_eq!(media["alt_text"], format!("What {file} shows"));
        let served = ureq::get(media["source_url"].as_str().unwrap())
            .call()
            .unwrap();
        assert_eq!(served.headers()["content-type"], "image/jpeg");
    }
}

#[test]
fn a_correction_updates_the_same_post_and_uploads_no_photo_twice() {
    let Some(site) = wordpress_site() else { return };
    let _site_up = SERVER.read().unwrap();
    let (_dir, mut library) = library();
    library
        .store_mut()
        .add_destination(&site.destination("site", PostStatus::Publish))
        .unwrap();
    let article = story(&mut library);
    let first = deliver_now(&mut library, &article.id, "site");
    let first_remote = first.remote.clone().expect("delivered");
    let before = site.post(&first_remote.id);
    assert_eq!(before["status"], "publish");

    let mut corrected = article.fields.clone();
    corrected.headline = "Fire at the harbour: two crews".into();
    corrected.corrections = vec![newsdesk_core::article::Correction {
        date: "2026-11-27".into(),
        text: "Two crews, not three, fought the fire.".into(),
    }];
    library
        .store_mut()
        .save_article(&article.id, article.version, &corrected, SaveKind::Save)
        .unwrap();
    let second = deliver_now(&mut library, &article.id, "site");
    assert_eq!(
        second.state,
        DeliveryState::Delivered,
        "{:?}",
        second.last_error
    );
    assert!(second.update, "queued as an update of the post");
    assert_eq!(
        second.remote.as_ref().map(|r| &r.id),
        Some(&first_remote.id)
    );

    let after = site.post(&first_remote.id);
    assert_eq!(after["title"]["raw"], "Fire at the harbour: two crews");
    assert!(
        after["content"]["raw"]
            .as_str()
            .unwrap()
            .contains("Correction: 2026-11-27: Two crews, not three, fought the fire."),
        "{}",
        after["content"]["raw"]
    );
    assert_eq!(
        after["featured_media"], before["featured_media"],
        "the lead photo was found on the site, not uploaded again"
    );
    assert_eq!(
        sources(after["content"]["raw"].as_str().unwrap()),
        sources(before["content"]["raw"].as_str().unwrap())
    );
    assert_eq!(site.posts_of(&article.id).len(), 1);
}

#[test]
fn an_embargoed_story_is_scheduled_for_its_embargo() {
    let Some(site) = wordpress_site() else { return };
    let _site_up = SERVER.read().unwrap();
    let (_dir, mut library) = library();
    library
        .store_mut()
        .add_destination(&site.destination("site", PostStatus::Publish))
        .unwrap();
    let article = story(&mut library);
    let embargo = time::macros::datetime!(2031-05-04 09:30 UTC);
    let mut f = article.fields.clone();
    f.embargo = Some(embargo);
    let article = library
        .store_mut()
        .save_article(&article.id, article.version, &f, SaveKind::Save)
        .unwrap();

    let delivered = deliver_now(&mut library, &article.id, "site");
    assert_eq!(
        delivered.state,
        DeliveryState::Delivered,
        "WordPress schedules it, so the outbox does not hold it: {:?}",
        delivered.last_error
    );
    let post = site.post(&delivered.remote.unwrap().id);
    assert_eq!(post["status"], "future");
    assert_eq!(post["date_gmt"], "2031-05-04T09:30:00");
}

#[test]
fn a_spiked_story_takes_its_post_down_to_a_draft() {
    let Some(site) = wordpress_site() else { return };
    let _site_up = SERVER.read().unwrap();
    let (_dir, mut library) = library();
    library
        .store_mut()
        .add_destination(&site.destination("site", PostStatus::Publish))
        .unwrap();
    let article = story(&mut library);
    let published = deliver_now(&mut library, &article.id, "site");
    let id = published.remote.unwrap().id;
    assert_eq!(site.post(&id)["status"], "publish");

    library
        .store_mut()
        .set_status(&article.id, article.version, Status::Spiked)
        .unwrap();
    let spiked = deliver_now(&mut library, &article.id, "site");
    assert_eq!(
        spiked.state,
        DeliveryState::Delivered,
        "{:?}",
        spiked.last_error
    );
    assert_eq!(spiked.remote.unwrap().id, id);
    assert_eq!(site.post(&id)["status"], "draft");
    assert_eq!(site.posts_of(&article.id).len(), 1);
}

#[test]
fn a_wrong_application_password_fails_with_wordpress_words() {
    let Some(site) = wordpress_site() else { return };
    let _site_up = SERVER.read().unwrap();
    let (_dir, mut library) = library();
    let mut wrong = site.destination("site", PostStatus::Draft);
    if let Target::WordPress(settings) = &mut wrong.target {
        settings.application_password = Some(Secret::new("abcd efgh ijkl mnop qrst uvwx"));
    }
    library.store_mut().add_destination(&wrong).unwrap();
    let article = story(&mut library);

    let failed = deliver_now(&mut library, &article.id, "site");
    assert_eq!(
        failed.state,
        DeliveryState::Failed,
        "not retried: {failed:?}"
    );
    let said = failed.last_error.unwrap();
    assert!(
        said.contains("HTTP 401") && said.contains("application password"),
        "{said}"
    );
    // WordPress's own words and code: it takes a wrong application password for no sign-in.
    assert!(said.contains("rest_not_logged_in"), "{said}");
    assert!(site.posts_of(&article.id).is_empty());

    let checked = delivery::check(&wrong).unwrap_err().to_string();
    assert!(checked.contains("rest_not_logged_in"), "{checked}");
    let right = delivery::check(&site.destination("site", PostStatus::Draft)).unwrap();
    assert!(
        right.contains(&format!("as {}", site.user)) && right.contains("administrator"),
        "{right}"
    );
}

/// Newsdesk sends only JPEG renditions, which every WordPress takes. To see what a file the
/// site refuses does, the queued package's renditions are swapped (manifest and all) for a PHP
/// script under the same `.jpg` names: WordPress checks what a file really is and answers as
/// it does for any type it does not allow, HTTP 500 `rest_upload_sideload_error`.
#[test]
fn a_file_wordpress_refuses_fails_the_delivery_without_retrying() {
    let Some(site) = wordpress_site() else { return };
    let _site_up = SERVER.read().unwrap();
    let (_dir, mut library) = library();
    library
        .store_mut()
        .add_destination(&site.destination("site", PostStatus::Draft))
        .unwrap();
    let article = story(&mut library);
    let queued = delivery::deliver(&mut library, &article.id, "site").unwrap();

    let manifest_path = queued.package_path.join(MANIFEST_FILE);
    let mut manifest: Manifest =
        serde_json::from_slice(&std::fs::read(&manifest_path).unwrap()).unwrap();
    let refused: &[u8] = b"<?php echo 'not a photo'; ?>\n";
    for entry in manifest
        .files
        .iter_mut()
        .filter(|f| f.path.starts_with("renditions/"))
    {
        std::fs::write(queued.package_path.join(&entry.path), refused).unwrap();
        entry.size = refused.len() as u64;
        entry.sha256 = hex(&Sha256::digest(refused));
    }
    std::fs::write(&manifest_path, serde_json::to_vec(&manifest).unwrap()).unwrap();

    delivery::run_due(&mut library, &quick()).unwrap();
    let failed = library.store().delivery(queued.id).unwrap();
    assert_eq!(failed.state, DeliveryState::Failed, "{failed:?}");
    let said = failed.last_error.unwrap();
    assert!(
        said.contains("rest_upload_sideload_error") && said.contains("HTTP 500"),
        "{said}"
    );
    assert!(
        delivery::run_due(&mut library, &quick())
            .unwrap()
            .is_empty(),
        "not tried again"
    );
    assert!(site.posts_of(&article.id).is_empty());
}

#[test]
fn wordpress_stopped_during_delivery_gets_the_story_once_when_it_is_back() {
    let Some(site) = wordpress_site() else { return };
    let _site_down = SERVER.write().unwrap_or_else(|e| e.into_inner());
    let (_dir, mut library) = library();
    library
        .store_mut()
        .add_destination(&site.destination("site", PostStatus::Draft))
        .unwrap();
    let article = story(&mut library);

    site.run("NEWSDESK_TEST_WORDPRESS_STOP");
    let waiting = deliver_now(&mut library, &article.id, "site");
    site.run("NEWSDESK_TEST_WORDPRESS_START");
    assert_eq!(waiting.state, DeliveryState::Retrying, "{waiting:?}");
    assert!(
        waiting
            .last_error
            .as_deref()
            .is_some_and(|e| e.contains("could not send")),
        "{waiting:?}"
    );

    delivery::run_due(&mut library, &quick()).unwrap();
    let delivered = library.store().delivery(waiting.id).unwrap();
    assert_eq!(delivered.state, DeliveryState::Delivered, "{delivered:?}");
    let posts = site.posts_of(&article.id);
    assert_eq!(posts.len(), 1, "delivered once");
    assert_eq!(posts[0]["id"].to_string(), delivered.remote.unwrap().id);
}

/// The published page of a delivered story, as a reader's browser shows it: real Chromium,
/// headless, reads the page WordPress serves (its DOM must hold the headline, the photos from
/// the site's uploads and the credit under the body's photo) and leaves a screenshot at
/// `<target>/screenshots/wordpress-published-post.png` to look at.
#[test]
fn the_published_page_shows_headline_photos_and_credit_in_a_real_browser() {
    let Some(site) = wordpress_site() else { return };
    let chromium = std::env::var("NEWSDESK_CHROMIUM").unwrap_or_else(|_| "chromium".into());
    if std::process::Command::new(&chromium)
        .arg("--version")
        .output()
        .is_err()
    {
        assert_ne!(
            std::env::var("NEWSDESK_REQUIRE_CMS").as_deref(),
            Ok("1"),
            "{chromium} is not installed (./dev.sh installs it)"
        );
        eprintln!("skipped: no {chromium} to look at the page with");
        return;
    }
    let _site_up = SERVER.read().unwrap();
    let (_dir, mut library) = library();
    library
        .store_mut()
        .add_destination(&site.destination("site", PostStatus::Publish))
        .unwrap();
    let article = story(&mut library);
    let delivered = deliver_now(&mut library, &article.id, "site");
    let link = delivered.remote.unwrap().url.unwrap();
    assert!(
        link.contains(&article.fields.slugline),
        "a pretty link: {link}"
    );

    // Root in CI containers: Chromium's sandbox needs user namespaces it does not get there.
    let browse = |extra: &[&str]| {
        let out = std::process::Command::new(&chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
            ])
            .args(extra)
            .arg(&link)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let dom = browse(&["--dump-dom"]);
    assert!(
        dom.contains("Fire at the harbour &lt;script&gt;alert(1)&lt;/script&gt;"),
        "the headline, as text"
    );
    let uploads = format!("{}/wp-content/uploads/", site.url);
    assert!(
        dom.matches(&format!("src=\"{uploads}")).count() >= 2,
        "the featured image and the body's photo"
    );
    assert!(
        dom.contains("<span class=\"credit\">Agency/Photographer</span></figcaption>"),
        "the credit under the body's photo"
    );

    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"),
        std::path::PathBuf::from,
    );
    let shots = target.join("screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let shot = shots.join("wordpress-published-post.png");
    let _ = std::fs::remove_file(&shot);
    browse(&[
        "--window-size=1280,2600",
        &format!("--screenshot={}", shot.display()),
    ]);
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 50_000,
        "{}",
        shot.display()
    );
    eprintln!("the published page: {}", shot.display());
}
