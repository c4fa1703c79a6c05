//! Delivery to a real Ghost 5 on loopback (`./dev.sh test` starts it with
//! `.ci/cms/ghost-up.sh` and names it in the environment), read back through Ghost's Admin API
//! the way the newsroom will find it: one post per story, its photos on Ghost with the credit in
//! every caption, corrections on the same post, embargoes scheduled, refusals in Ghost's words.

use std::sync::RwLock;
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, KeyInit, Mac};
use newsdesk_core::delivery::{
    self, Delivery, DeliveryState, Destination, Ghost, OutboxRun, PostStatus, Secret, Target,
};
use newsdesk_core::store::SaveKind;
use newsdesk_core::{Article, ArticleFields, Library, Status};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::common::{library, wire};
use super::package::illustrated_article;

/// The test that stops Ghost holds this for writing; every other Ghost test for reading.
static GHOST: RwLock<()> = RwLock::new(());

/// The Ghost under test.
struct Site {
    url: String,
    key: String,
}

/// Ghost from the environment `./dev.sh test` sets; `None` (the test says it skipped) when it is
/// not set, unless NEWSDESK_REQUIRE_CMS=1 says this run must have it.
fn site(test: &str, also: &[&str]) -> Option<Site> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let wanted = ["NEWSDESK_TEST_GHOST_URL", "NEWSDESK_TEST_GHOST_ADMIN_KEY"];
    let missing: Vec<&str> = wanted
        .iter()
        .chain(also)
        .copied()
        .filter(|name| var(name).is_none())
        .collect();
    if !missing.is_empty() {
        assert!(
            var("NEWSDESK_REQUIRE_CMS").as_deref() != Some("1"),
            "{test}: NEWSDESK_REQUIRE_CMS=1 but {missing:?} unset (./dev.sh test starts Ghost)"
        );
        eprintln!("{test}: skipped, no Ghost ({missing:?} unset; ./dev.sh test sets them)");
        return None;
    }
    Some(Site {
        url: var(wanted[0])?.trim_end_matches('/').to_owned(),
        key: var(wanted[1])?,
    })
}

impl Site {
    fn destination(&self, name: &str, publish: PostStatus) -> Destination {
        self.destination_at(name, &self.url, &self.key, publish)
    }

    fn destination_at(&self, name: &str, url: &str, key: &str, publish: PostStatus) -> Destination {
        let mut ghost = Ghost::new(url, Secret::new(key));
        ghost.publish = publish;
        // Ghost resizes uploads and builds the post's lexical: seconds on a busy 2-core box.
        ghost.read_timeout_secs = 120;
        Destination {
            name: name.into(),
            target: Target::Ghost(ghost),
        }
    }

    /// Our own reading of Ghost's token rules, apart from the core's: HS256 over the
    /// hex-decoded secret, `kid` the key's id, audience `/admin/`, five minutes.
    fn token(&self) -> String {
        let b64 = |b: &[u8]| URL_SAFE_NO_PAD.encode(b);
        let (id, secret) = self.key.split_once(':').unwrap();
        let secret: Vec<u8> = (0..secret.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&secret[i..i + 2], 16).unwrap())
            .collect();
        let now = OffsetDateTime::now_utc().unix_timestamp();
        let unsigned = format!(
            "{}.{}",
            b64(json!({"alg": "HS256", "typ": "JWT", "kid": id})
                .to_string()
                .as_bytes()),
            b64(json!({"iat": now, "exp": now + 300, "aud": "/admin/"})
                .to_string()
                .as_bytes())
        );
        let mut mac = Hmac::<Sha256>::new_from_slice(&secret).unwrap();
        mac.update(unsigned.as_bytes());
        format!("{unsigned}.{}", b64(&mac.finalize().into_bytes()))
    }

    fn admin(&self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        let url = format!("{}/ghost/api/admin/{path}", self.url);
        let auth = format!("Ghost {}", self.token());
        let mut response = match body {
            None => agent()
                .get(&url)
                .header("authorization", &auth)
                .header("accept-version", "v5.0")
                .call(),
            Some(body) => {
                let request = if method == "PUT" {
                    agent().put(&url)
                } else {
                    agent().post(&url)
                };
                request
                    .header("authorization", &auth)
                    .header("accept-version", "v5.0")
                    .header("content-type", "application/json")
                    .send(body.to_string())
            }
        }
        .unwrap();
        let status = response.status().as_u16();
        let text = response.body_mut().read_to_string().unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    fn post(&self, id: &str) -> Value {
        let (status, answer) = self.admin(
            "GET",
            &format!("posts/{id}/?formats=html&include=tags"),
            None,
        );
        assert_eq!(status, 200, "{answer}");
        answer["posts"][0].clone()
    }

    /// Every post carrying the story's internal tag: what a retry must never multiply.
    fn posts_of(&self, article: &Article) -> Vec<Value> {
        let (status, answer) = self.admin(
            "GET",
            &format!(
                "posts/?filter=tag:hash-newsdesk-{}&fields=id,title&limit=all",
                article.id
            ),
            None,
        );
        assert_eq!(status, 200, "{answer}");
        answer["posts"].as_array().unwrap().clone()
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .into()
}

fn quick() -> OutboxRun {
    OutboxRun {
        base_delay: Duration::ZERO,
        lease: Duration::from_secs(60),
    }
}

/// The illustrated story with a slugline of its own, so each test's post has its own slug.
fn story(library: &mut Library) -> Article {
    let article = illustrated_article(library);
    let fields = ArticleFields {
        slugline: format!("harbour-fire-{}", &article.id[..8]),
        ..article.fields.clone()
    };
    save(library, &article, fields)
}

fn save(library: &mut Library, article: &Article, fields: ArticleFields) -> Article {
    library
        .store_mut()
        .save_article(&article.id, article.version, &fields, SaveKind::Save)
        .unwrap()
}

/// Queues the story's current version for `destination` and runs the outbox once.
fn deliver(library: &mut Library, article: &Article, destination: &str) -> Delivery {
    let queued = delivery::deliver(library, &article.id, destination).unwrap();
    delivery::run_due(library, &quick()).unwrap();
    library.store().delivery(queued.id).unwrap()
}

fn delivered_post(site: &Site, delivery: &Delivery) -> Value {
    assert_eq!(
        delivery.state,
        DeliveryState::Delivered,
        "{:?}",
        delivery.last_error
    );
    let remote = delivery.remote.as_ref().expect("Ghost's post id is kept");
    let post = site.post(&remote.id);
    assert_eq!(remote.url.as_deref(), post["url"].as_str());
    post
}

fn ghost_image(site: &Site, url: &str) -> Vec<u8> {
    assert!(
        url.starts_with(&format!("{}/content/images/", site.url)),
        "{url} is not on Ghost"
    );
    let mut response = agent().get(url).call().unwrap();
    assert_eq!(response.status().as_u16(), 200, "{url}");
    assert_eq!(
        response.headers().get("content-type").unwrap(),
        "image/jpeg"
    );
    response.body_mut().read_to_vec().unwrap()
}

fn tag_names(post: &Value) -> Vec<String> {
    post["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_story_becomes_a_ghost_draft_with_its_photos_credits_and_tags() {
    let _ghost = GHOST.read();
    let Some(site) = site("a_story_becomes_a_ghost_draft", &[]) else {
        return;
    };
    let (_dir, mut library) = library();
    library
        .store_mut()
        .add_destination(&site.destination("ghost", PostStatus::Draft))
        .unwrap();
    let article = story(&mut library);
    let delivery = deliver(&mut library, &article, "ghost");
    let post = delivered_post(&site, &delivery);
    let fields = &article.fields;

    assert_eq!(post["title"], fields.headline.as_str());
    assert_eq!(post["custom_excerpt"], fields.dek.as_str());
    assert_eq!(post["slug"], fields.slugline.as_str());
    assert_eq!(post["status"], "draft");
    let tags = tag_names(&post);
    let internal = format!("#newsdesk-{}", article.id);
    for tag in ["Local", "fire", "harbour", internal.as_str()] {
        assert!(tags.iter().any(|t| t == tag), "{tag} not in {tags:?}");
    }
    assert_eq!(tags[0], "Local", "the section is the primary tag");

    // The lead photo is the feature image, with alt text and a caption that ends in its credit.
    let feature = post["feature_image"].as_str().unwrap();
    ghost_image(&site, feature);
    assert_eq!(post["feature_image_alt"], "What rubbish.jpg shows");
    let caption = post["feature_image_caption"].as_str().unwrap();
    assert!(
        caption
            .contains("Caption of rubbish.jpg with &lt;b&gt;markup&lt;/b&gt; &amp; an ampersand"),
        "{caption}"
    );
    assert!(caption.contains("Agency/Photographer"), "{caption}");

    // The body: the byline, and the inline photo as Ghost's own image card pointing at Ghost's
    // copy, its caption carrying the credit (Ghost strips the credit embedded in the file).
    let html = post["html"].as_str().unwrap();
    assert!(html.contains("By Ana Lima"), "{html}");
    assert!(!html.contains("renditions/"), "{html}");
    let figure = &html[html.find("<figure").expect("a figure")..];
    let figure = &figure[..figure.find("</figure>").unwrap()];
    let src = figure
        .split("src=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    ghost_image(&site, src);
    assert!(figure.contains("alt=\"What getty.jpg shows\""), "{figure}");
    let figcaption = &figure[figure.find("<figcaption>").expect("a caption")..];
    assert!(figcaption.contains("Caption of getty.jpg"), "{figcaption}");
    assert!(figcaption.contains("Agency/Photographer"), "{figcaption}");
}

#[test]
fn a_correction_updates_the_same_post_without_uploading_its_photos_again() {
    let _ghost = GHOST.read();
    let Some(site) = site("a_correction_updates_the_same_post", &[]) else {
        return;
    };
    let (_dir, mut library) = library();
    library
        .store_mut()
        .add_destination(&site.destination("ghost", PostStatus::Publish))
        .unwrap();
    let article = story(&mut library);
    let first = delivered_post(&site, &deliver(&mut library, &article, "ghost"));
    assert_eq!(first["status"], "published");

    let mut fields = article.fields.clone();
    fields.headline = "Fire at the harbour: two crews hurt".into();
    fields.corrections = vec![newsdesk_core::article::Correction {
        date: "2026-11-27".into(),
        text: "An earlier version gave the wrong number of crews.".into(),
    }];
    let corrected = save(&mut library, &article, fields);
    let delivery = deliver(&mut library, &corrected, "ghost");
    assert!(delivery.update, "queued as an update");
    let second = delivered_post(&site, &delivery);

    assert_eq!(second["id"], first["id"], "the same post");
    assert_eq!(site.posts_of(&article).len(), 1);
    assert_eq!(second["title"], "Fire at the harbour: two crews hurt");
    assert!(
        second["html"]
            .as_str()
            .unwrap()
            .contains("An earlier version gave the wrong number of crews."),
        "{}",
        second["html"]
    );
    assert_eq!(second["status"], "published");
    assert_eq!(
        second["published_at"], first["published_at"],
        "a correction keeps the time readers saw it published"
    );
    // The same file, not a second upload (Ghost would have named that one `-1`).
    assert_eq!(second["feature_image"], first["feature_image"]);
}

#[test]
fn an_embargoed_story_is_scheduled_for_the_embargo() {
    let _ghost = GHOST.read();
    let Some(site) = site("an_embargoed_story_is_scheduled", &[]) else {
        return;
    };
    let (_dir, mut library) = library();
    library
        .store_mut()
        .add_destination(&site.destination("ghost", PostStatus::Publish))
        .unwrap();
    let article = story(&mut library);
    let now = OffsetDateTime::now_utc().unix_timestamp();
    let embargo = OffsetDateTime::from_unix_timestamp(now + 3 * 3600).unwrap();
    let embargoed = save(
        &mut library,
        &article,
        ArticleFields {
            embargo: Some(embargo),
            ..article.fields.clone()
        },
    );
    // Ghost schedules by itself, so the outbox sends it now rather than holding it.
    let post = delivered_post(&site, &deliver(&mut library, &embargoed, "ghost"));
    assert_eq!(post["status"], "scheduled");
    let published_at =
        OffsetDateTime::parse(post["published_at"].as_str().unwrap(), &Rfc3339).unwrap();
    assert_eq!(published_at, embargo);
}

#[test]
fn a_spiked_story_takes_its_post_back_to_draft() {
    let _ghost = GHOST.read();
    let Some(site) = site("a_spiked_story_takes_its_post_back_to_draft", &[]) else {
        return;
    };
    let (_dir, mut library) = library();
    library
        .store_mut()
        .add_destination(&site.destination("ghost", PostStatus::Publish))
        .unwrap();
    let article = story(&mut library);
    let live = delivered_post(&site, &deliver(&mut library, &article, "ghost"));
    assert_eq!(live["status"], "published");

    let spiked = library
        .store_mut()
        .set_status(&article.id, article.version, Status::Spiked)
        .unwrap();
    let post = delivered_post(&site, &deliver(&mut library, &spiked, "ghost"));
    assert_eq!(post["id"], live["id"]);
    assert_eq!(post["status"], "draft");
    assert_eq!(site.posts_of(&article).len(), 1);
}

#[test]
fn a_wrong_admin_key_fails_with_ghosts_message() {
    let _ghost = GHOST.read();
    let Some(site) = site("a_wrong_admin_key_fails_with_ghosts_message", &[]) else {
        return;
    };
    let (_dir, mut library) = library();
    let (id, _) = site.key.split_once(':').unwrap();
    let wrong = format!("{id}:{}", "00".repeat(32));
    let destination = site.destination_at("ghost", &site.url, &wrong, PostStatus::Draft);
    library.store_mut().add_destination(&destination).unwrap();

    let checked = delivery::check(&destination).unwrap_err().to_string();
    assert!(checked.contains("Invalid token"), "{checked}");

    let article = story(&mut library);
    let delivery = deliver(&mut library, &article, "ghost");
    assert_eq!(delivery.state, DeliveryState::Failed);
    assert_eq!(delivery.attempts, 1);
    let said = delivery.last_error.unwrap();
    assert!(said.contains("HTTP 401"), "{said}");
    assert!(
        said.contains("Invalid token: invalid signature"),
        "Ghost's words: {said}"
    );
    assert!(said.contains("Admin API key"), "what to check: {said}");
    assert!(site.posts_of(&article).is_empty());
}

#[test]
fn a_photo_ghost_refuses_fails_the_delivery_once_and_for_all() {
    let _ghost = GHOST.read();
    let Some(site) = site("a_photo_ghost_refuses_fails_the_delivery", &[]) else {
        return;
    };
    let (_dir, mut library) = library();
    library
        .store_mut()
        .add_destination(&site.destination("ghost", PostStatus::Draft))
        .unwrap();
    let article = story(&mut library);
    let queued = delivery::deliver(&mut library, &article.id, "ghost").unwrap();
    // Every photo file in the package becomes one that is no image (the manifest kept true to
    // them, so only Ghost can object).
    let package = &queued.package_path;
    let manifest_path = package.join("manifest.json");
    let mut manifest: Value =
        serde_json::from_slice(&std::fs::read(&manifest_path).unwrap()).unwrap();
    let not_an_image = std::fs::read(wire("thisisnotanimage.jpg")).unwrap();
    let sha256: String = Sha256::digest(&not_an_image)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let entries = manifest["files"].as_array_mut().unwrap().iter_mut();
    for entry in entries.filter(|f| f["path"].as_str().unwrap().starts_with("renditions/")) {
        std::fs::write(package.join(entry["path"].as_str().unwrap()), &not_an_image).unwrap();
        entry["size"] = json!(not_an_image.len());
        entry["sha256"] = json!(sha256);
    }
    std::fs::write(&manifest_path, serde_json::to_vec(&manifest).unwrap()).unwrap();

    delivery::run_due(&mut library, &quick()).unwrap();
    let failed = library.store().delivery(queued.id).unwrap();
    assert_eq!(
        failed.state,
        DeliveryState::Failed,
        "{:?}",
        failed.last_error
    );
    let said = failed.last_error.unwrap();
    assert!(said.contains("HTTP 4"), "{said}");
    assert!(
        said.to_lowercase().contains("image"),
        "Ghost's words: {said}"
    );
    // Not retried: another run finds nothing due.
    assert!(
        delivery::run_due(&mut library, &quick())
            .unwrap()
            .is_empty()
    );
    assert_eq!(library.store().delivery(queued.id).unwrap().attempts, 1);
    assert!(site.posts_of(&article).is_empty());
}

/// Runs a script `./dev.sh test` names (stopping or starting Ghost).
fn run_script(variable: &str) {
    let script = std::env::var(variable).unwrap();
    let status = std::process::Command::new(&script)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "{script} failed");
}

#[test]
fn a_ghost_that_is_down_gets_the_story_once_it_is_back() {
    // Every other Ghost test waits while Ghost is down.
    let _ghost = GHOST.write();
    let Some(site) = site(
        "a_ghost_that_is_down_gets_the_story_once_it_is_back",
        &["NEWSDESK_TEST_GHOST_STOP", "NEWSDESK_TEST_GHOST_START"],
    ) else {
        return;
    };
    let (_dir, mut library) = library();
    library
        .store_mut()
        .add_destination(&site.destination("ghost", PostStatus::Draft))
        .unwrap();
    let article = story(&mut library);

    run_script("NEWSDESK_TEST_GHOST_STOP");
    let tried = deliver(&mut library, &article, "ghost");
    let started = std::panic::catch_unwind(|| run_script("NEWSDESK_TEST_GHOST_START"));
    assert!(started.is_ok(), "Ghost did not come back");
    assert_eq!(
        tried.state,
        DeliveryState::Retrying,
        "{:?}",
        tried.last_error
    );
    assert!(
        tried
            .last_error
            .as_deref()
            .unwrap()
            .contains("could not send"),
        "{:?}",
        tried.last_error
    );

    delivery::run_due(&mut library, &quick()).unwrap();
    let post = delivered_post(&site, &library.store().delivery(tried.id).unwrap());
    assert_eq!(site.posts_of(&article).len(), 1);
    assert_eq!(post["title"], article.fields.headline.as_str());
}

/// What the loopback proxy between Newsdesk and Ghost does to one request.
#[derive(Clone, Copy, PartialEq)]
enum Trouble {
    /// Before passing on the first edit of a post, saves that post in Ghost as an editor would
    /// (a second later, so Ghost's `updated_at`, kept to the second, moves on).
    EditBeforeFirstPut,
    /// Passes the first post creation on to Ghost, then answers 504 as a gateway whose wait for
    /// Ghost ran out would: Ghost made the post, Newsdesk does not know it.
    TimeOutFirstCreate,
}

/// A proxy in front of the real Ghost that makes one kind of trouble once, and logs what it
/// saw (method, path, the status it answered).
struct Proxy {
    url: String,
    server: std::sync::Arc<tiny_http::Server>,
    seen: std::sync::Arc<std::sync::Mutex<Vec<(String, String, u16)>>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Proxy {
    fn start(site: &Site, trouble: Trouble) -> Proxy {
        let server = std::sync::Arc::new(tiny_http::Server::http("127.0.0.1:0").unwrap());
        let url = format!("http://{}", server.server_addr().to_ip().unwrap());
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let (ghost, key) = (site.url.clone(), site.key.clone());
        let thread = std::thread::spawn({
            let (server, seen) = (server.clone(), seen.clone());
            move || {
                let site = Site { url: ghost, key };
                let mut troubled = false;
                for mut request in server.incoming_requests() {
                    let method = request.method().to_string();
                    let path = request.url().to_owned();
                    let mut body = Vec::new();
                    std::io::Read::read_to_end(request.as_reader(), &mut body).unwrap();
                    let header = |name: &str| {
                        request
                            .headers()
                            .iter()
                            .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
                            .map(|h| h.value.to_string())
                    };
                    let is_post = path.starts_with("/ghost/api/admin/posts/");
                    if trouble == Trouble::EditBeforeFirstPut
                        && !troubled
                        && method == "PUT"
                        && is_post
                    {
                        troubled = true;
                        let id = path.trim_start_matches("/ghost/api/admin/posts/");
                        site.edit_in_ghost(id.split('/').next().unwrap());
                    }
                    let mut forward = match method.as_str() {
                        "GET" => agent().get(format!("{}{path}", site.url)).force_send_body(),
                        "PUT" => agent().put(format!("{}{path}", site.url)),
                        _ => agent().post(format!("{}{path}", site.url)),
                    };
                    for name in ["authorization", "accept-version", "content-type"] {
                        if let Some(value) = header(name) {
                            forward = forward.header(name, value);
                        }
                    }
                    let mut answer = forward.send(&body[..]).unwrap();
                    let mut status = answer.status().as_u16();
                    let content_type = answer
                        .headers()
                        .get("content-type")
                        .map(|v| v.to_str().unwrap().to_owned())
                        .unwrap_or_else(|| "application/octet-stream".into());
                    let mut bytes = answer.body_mut().read_to_vec().unwrap();
                    if trouble == Trouble::TimeOutFirstCreate
                        && !troubled
                        && method == "POST"
                        && is_post
                    {
                        troubled = true;
                        status = 504;
                        bytes = b"<html><body>504 Gateway Time-out</body></html>".to_vec();
                    }
                    seen.lock().unwrap().push((method, path, status));
                    let response = tiny_http::Response::from_data(bytes)
                        .with_status_code(status)
                        .with_header(
                            tiny_http::Header::from_bytes("content-type", content_type).unwrap(),
                        );
                    let _ = request.respond(response);
                }
            }
        });
        Proxy {
            url,
            server,
            seen,
            thread: Some(thread),
        }
    }

    /// The status of each request to a post, in order (`PUT 409`, `PUT 200`...).
    fn post_requests(&self) -> Vec<String> {
        self.seen
            .lock()
            .unwrap()
            .iter()
            .filter(|(method, path, _)| method != "GET" && path.contains("/posts/"))
            .map(|(method, _, status)| format!("{method} {status}"))
            .collect()
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Site {
    /// Someone in Ghost features the post and saves: its `updated_at` moves on.
    fn edit_in_ghost(&self, id: &str) {
        let before = self.post(id)["updated_at"].as_str().unwrap().to_owned();
        let second = OffsetDateTime::parse(&before, &Rfc3339).unwrap();
        while OffsetDateTime::now_utc().unix_timestamp() <= second.unix_timestamp() {
            std::thread::sleep(Duration::from_millis(100));
        }
        let (status, answer) = self.admin(
            "PUT",
            &format!("posts/{id}/"),
            Some(json!({"posts": [{"featured": true, "updated_at": before}]})),
        );
        assert_eq!(status, 200, "{answer}");
    }
}

#[test]
fn an_edit_in_ghost_meanwhile_is_read_again_and_kept() {
    let _ghost = GHOST.read();
    let Some(site) = site("an_edit_in_ghost_meanwhile_is_read_again_and_kept", &[]) else {
        return;
    };
    let proxy = Proxy::start(&site, Trouble::EditBeforeFirstPut);
    let (_dir, mut library) = library();
    let destination = site.destination_at("ghost", &proxy.url, &site.key, PostStatus::Draft);
    library.store_mut().add_destination(&destination).unwrap();
    let article = story(&mut library);
    let first = delivered_post(&site, &deliver(&mut library, &article, "ghost"));

    let mut fields = article.fields.clone();
    fields.headline = "Fire at the harbour is out".into();
    let corrected = save(&mut library, &article, fields);
    let second = delivered_post(&site, &deliver(&mut library, &corrected, "ghost"));

    assert_eq!(
        proxy.post_requests(),
        ["POST 201", "PUT 409", "PUT 200"],
        "the stale edit is refused, read again and sent once more"
    );
    assert_eq!(second["id"], first["id"]);
    assert_eq!(second["title"], "Fire at the harbour is out");
    assert_eq!(
        second["featured"], true,
        "what the newsroom did in Ghost stays"
    );
}

#[test]
fn a_post_made_without_an_answer_is_found_again_not_made_twice() {
    let _ghost = GHOST.read();
    let Some(site) = site("a_post_made_without_an_answer_is_found_again", &[]) else {
        return;
    };
    let proxy = Proxy::start(&site, Trouble::TimeOutFirstCreate);
    let (_dir, mut library) = library();
    let destination = site.destination_at("ghost", &proxy.url, &site.key, PostStatus::Draft);
    library.store_mut().add_destination(&destination).unwrap();
    let article = story(&mut library);

    let unclear = deliver(&mut library, &article, "ghost");
    assert_eq!(
        unclear.state,
        DeliveryState::Retrying,
        "{:?}",
        unclear.last_error
    );
    assert!(
        unclear.remote.is_none(),
        "Newsdesk never heard the post's id"
    );
    assert_eq!(site.posts_of(&article).len(), 1, "but Ghost made it");

    delivery::run_due(&mut library, &quick()).unwrap();
    let post = delivered_post(&site, &library.store().delivery(unclear.id).unwrap());
    assert_eq!(site.posts_of(&article).len(), 1, "still one post");
    assert_eq!(post["id"], site.posts_of(&article)[0]["id"]);
    assert_eq!(proxy.post_requests(), ["POST 504", "PUT 200"]);
}
