//! Delivery through the outbox to a real HTTP receiver on loopback, written here the way CMS
//! receivers for Superdesk's HTTP push are: it checks signatures, answers media lookups,
//! stores uploads and items, and keeps one item per uri and version.

use std::collections::BTreeMap;
use std::net::{SocketAddr, TcpListener};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use newsdesk_core::delivery::{self, DeliveryState, Destination, HttpPush, OutboxRun, Target};
use newsdesk_core::store::SaveKind;
use newsdesk_core::{Article, Library, delivery::signature};
use serde_json::Value;

use super::common::{library, this_test_binary};
use super::package::{export, illustrated_article};

const SECRET: &str = "shared-secret";

/// What the receiver does with the n-th item POST (counting from 1).
#[derive(Clone)]
enum OnItem {
    Accept,
    /// Answer with this status and message for the first `times` posts, then accept.
    Answer {
        status: u16,
        message: &'static str,
        times: usize,
    },
    /// Store the item, then keep the request open until told to go on (the sender is killed
    /// meanwhile).
    StoreAndHold,
}

#[derive(Default)]
struct Received {
    /// media_id -> bytes
    media: BTreeMap<String, Vec<u8>>,
    media_uploads: usize,
    /// (uri, version) -> item
    items: BTreeMap<(String, String), Value>,
    item_posts: usize,
    bad_signatures: usize,
}

struct Receiver {
    addr: SocketAddr,
    received: Arc<Mutex<Received>>,
    server: Arc<tiny_http::Server>,
    holding: mpsc::Receiver<()>,
    release: mpsc::Sender<()>,
    thread: Option<thread::JoinHandle<()>>,
}

impl Receiver {
    fn start(on_item: OnItem) -> Receiver {
        Receiver::serve(tiny_http::Server::http("127.0.0.1:0").unwrap(), on_item)
    }

    /// A receiver answering on `socket`, a bound port that refused connections until now.
    fn start_on(socket: socket2::Socket, on_item: OnItem) -> Receiver {
        socket.listen(128).unwrap();
        Receiver::serve(
            tiny_http::Server::from_listener(std::net::TcpListener::from(socket), None).unwrap(),
            on_item,
        )
    }

    fn serve(server: tiny_http::Server, on_item: OnItem) -> Receiver {
        let server = Arc::new(server);
        let addr = server.server_addr().to_ip().unwrap();
        let received = Arc::new(Mutex::new(Received::default()));
        let (held, holding) = mpsc::channel();
        let (release, released) = mpsc::channel();
        let thread = {
            let (server, received) = (server.clone(), received.clone());
            thread::spawn(move || {
                while let Ok(request) = server.recv() {
                    handle(request, &received, &on_item, &held, &released);
                }
            })
        };
        Receiver {
            addr,
            received,
            server,
            holding,
            release,
            thread: Some(thread),
        }
    }

    fn destination(&self, name: &str, secret: Option<&str>) -> Destination {
        http_destination(name, self.addr, secret)
    }

    fn received<T>(&self, read: impl FnOnce(&Received) -> T) -> T {
        read(&self.received.lock().unwrap())
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.release.send(());
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn http_destination(name: &str, addr: SocketAddr, secret: Option<&str>) -> Destination {
    let mut push = HttpPush::new(
        format!("http://{addr}/items"),
        format!("http://{addr}/assets"),
    );
    push.secret = secret.map(str::to_owned);
    push.connect_timeout_secs = 2;
    // Longer than the held request below is ever held (the test's two-minute bound), so a
    // loaded machine never turns a slow answer into a timeout.
    push.read_timeout_secs = 180;
    Destination {
        name: name.into(),
        target: Target::HttpPush(push),
    }
}

fn handle(
    mut request: tiny_http::Request,
    received: &Mutex<Received>,
    on_item: &OnItem,
    held: &mpsc::Sender<()>,
    released: &mpsc::Receiver<()>,
) {
    let mut body = Vec::new();
    request.as_reader().read_to_end(&mut body).unwrap();
    let header = |name: &'static str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.equiv(name))
            .map(|h| h.value.as_str().to_owned())
    };
    let respond = |request: tiny_http::Request, status: u16, text: &str| {
        let _ = request.respond(tiny_http::Response::from_string(text).with_status_code(status));
    };
    if header("x-superdesk-signature") != Some(signature(SECRET, &body)) {
        received.lock().unwrap().bad_signatures += 1;
        return respond(request, 403, "signature does not match");
    }
    let url = request.url().to_owned();
    match (request.method(), url.as_str()) {
        (tiny_http::Method::Get, path) if path.starts_with("/assets/") => {
            let known = received
                .lock()
                .unwrap()
                .media
                .contains_key(&path["/assets/".len()..]);
            if known {
                respond(request, 200, "{}")
            } else {
                respond(request, 404, "not found")
            }
        }
        (tiny_http::Method::Post, "/assets") => {
            let content_type = header("content-type").unwrap_or_default();
            let (media_id, media) = parse_multipart(&content_type, &body);
            let mut r = received.lock().unwrap();
            r.media_uploads += 1;
            r.media.insert(media_id, media);
            drop(r);
            respond(request, 201, "{}")
        }
        (tiny_http::Method::Post, "/items") => {
            let item: Value = serde_json::from_slice(&body).unwrap();
            let key = (
                item["uri"].as_str().unwrap().to_owned(),
                item["version"].as_str().unwrap().to_owned(),
            );
            let posts = {
                let mut r = received.lock().unwrap();
                r.item_posts += 1;
                r.item_posts
            };
            match on_item {
                OnItem::Answer {
                    status,
                    message,
                    times,
                } if posts <= *times => respond(request, *status, message),
                OnItem::StoreAndHold if posts == 1 => {
                    received.lock().unwrap().items.entry(key).or_insert(item);
                    held.send(()).unwrap();
                    let _ = released.recv_timeout(Duration::from_secs(150));
                    respond(request, 201, "{}")
                }
                _ => {
                    // Same uri and version again: already have it, nothing new stored.
                    received.lock().unwrap().items.entry(key).or_insert(item);
                    respond(request, 201, "{}")
                }
            }
        }
        _ => respond(request, 404, "no such endpoint"),
    }
}

/// The `media_id` field and the `media` file of a multipart/form-data body.
fn parse_multipart(content_type: &str, body: &[u8]) -> (String, Vec<u8>) {
    let boundary = content_type
        .split("boundary=")
        .nth(1)
        .expect("multipart has a boundary");
    let delimiter = format!("\r\n--{boundary}");
    let mut body_with_crlf = b"\r\n".to_vec();
    body_with_crlf.extend_from_slice(body);
    let parts = split(&body_with_crlf, delimiter.as_bytes());
    let (mut media_id, mut media) = (None, None);
    for part in parts {
        let Some(end) = find(part, b"\r\n\r\n") else {
            continue;
        };
        let headers = String::from_utf8_lossy(&part[..end]);
        let content = &part[end + 4..];
        if headers.contains("name=\"media_id\"") {
            media_id = Some(String::from_utf8(content.to_vec()).unwrap());
        } else if headers.contains("name=\"media\"") {
            media = Some(content.to_vec());
        }
    }
    (
        media_id.expect("media_id field"),
        media.expect("media field"),
    )
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn split<'a>(mut data: &'a [u8], delimiter: &[u8]) -> Vec<&'a [u8]> {
    let mut parts = Vec::new();
    while let Some(at) = find(data, delimiter) {
        parts.push(&data[..at]);
        data = &data[at + delimiter.len()..];
    }
    parts.push(data);
    parts
}

fn quick() -> OutboxRun {
    OutboxRun {
        base_delay: Duration::ZERO,
        lease: Duration::from_secs(60),
    }
}

/// A library with an illustrated article and a receiver it knows as destination `cms`, which
/// it signs for with `secret`.
fn receiver_and_article(
    on_item: OnItem,
    secret: &str,
) -> (tempfile::TempDir, Library, Receiver, Article) {
    let (dir, mut library) = library();
    let receiver = Receiver::start(on_item);
    library
        .store_mut()
        .add_destination(&receiver.destination("cms", Some(secret)))
        .unwrap();
    let article = illustrated_article(&mut library);
    (dir, library, receiver, article)
}

fn rendition_count(library: &Library, article_id: &str) -> usize {
    let delivery = library
        .store()
        .outbox()
        .unwrap()
        .into_iter()
        .find(|d| d.article_id == article_id)
        .unwrap();
    std::fs::read_dir(delivery.package_path.join("renditions"))
        .unwrap()
        .count()
}

#[test]
fn a_delivery_reaches_the_receiver_exactly_once() {
    let (_dir, mut library, receiver, article) = receiver_and_article(OnItem::Accept, SECRET);

    let queued = delivery::deliver(&mut library, &article.id, "cms").unwrap();
    assert_eq!(
        queued.state,
        DeliveryState::Pending,
        "nothing is sent before the outbox runs"
    );
    assert_eq!(receiver.received(|r| r.item_posts), 0);
    let media = rendition_count(&library, &article.id);

    let ran = delivery::run_due(&mut library, &quick()).unwrap();
    assert_eq!(
        ran.iter().map(|d| d.state).collect::<Vec<_>>(),
        [DeliveryState::Delivered]
    );

    // Asked again, and the outbox run again: nothing more reaches the receiver.
    let again = delivery::deliver(&mut library, &article.id, "cms").unwrap();
    assert_eq!(
        (again.id, again.state),
        (queued.id, DeliveryState::Delivered)
    );
    assert!(
        delivery::run_due(&mut library, &quick())
            .unwrap()
            .is_empty()
    );
    receiver.received(|r| {
        assert_eq!(
            (r.item_posts, r.items.len(), r.media_uploads, r.media.len()),
            (1, 1, media, media)
        );
        assert_eq!(r.bad_signatures, 0);
        let item = r.items.values().next().unwrap();
        assert_eq!(item["uri"], format!("urn:newsdesk:article:{}", article.id));
        // Every photo the item points at is where it says, {assets_url}/{media_id}, byte for
        // byte as packaged; the item is valid ninjs even with `format: uri` enforced.
        let package = queued.package_path.clone();
        let assets = format!("http://{}/assets/", receiver.addr);
        for association in item["associations"].as_array().unwrap() {
            for rendition in association["renditions"].as_array().unwrap() {
                let media_id = rendition["href"]
                    .as_str()
                    .unwrap()
                    .strip_prefix(&assets)
                    .expect("href on the receiver");
                let packaged = std::fs::read(package.join("renditions").join(media_id)).unwrap();
                assert_eq!(r.media.get(media_id), Some(&packaged), "{media_id}");
            }
        }
        let body = item["bodies"][0]["value"].as_str().unwrap();
        assert!(
            body.contains(&format!("src=\"{assets}")) && !body.contains("src=\"renditions/"),
            "{body}"
        );
        let strict = super::ninjs::validator_with_formats(true);
        assert!(
            strict.is_valid(item),
            "{:?}",
            strict
                .iter_errors(item)
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
        );
    });

    // A correction goes out as a new version of the same uri; photos already there are not
    // uploaded again.
    let mut corrected = article.fields.clone();
    corrected
        .body
        .push_str("\n\nCorrection: the fire started on Quay Street.");
    library
        .store_mut()
        .save_article(&article.id, article.version, &corrected, SaveKind::Save)
        .unwrap();
    let second = delivery::deliver(&mut library, &article.id, "cms").unwrap();
    assert_ne!(second.id, queued.id);
    delivery::run_due(&mut library, &quick()).unwrap();
    receiver.received(|r| {
        let versions: Vec<&str> = r.items.keys().map(|(_, v)| v.as_str()).collect();
        assert_eq!(versions, ["1", "2"]);
        assert_eq!(
            r.media_uploads, media,
            "unchanged photos are found by GET and not uploaded twice"
        );
    });

    // A credit corrected on the photo desk changes the renditions (the credit is embedded):
    // a new version, and the corrected files reach the receiver under new names.
    let lead = article.fields.lead_photo.as_ref().unwrap().photo_id.clone();
    let edit = newsdesk_core::photo::DeskEdit {
        credit: Some("Corrected Agency".into()),
        ..Default::default()
    };
    let version = library.store().photo(&lead).unwrap().version;
    library
        .store_mut()
        .edit_photo_desk(&lead, version, edit)
        .unwrap();
    let third = delivery::deliver(&mut library, &article.id, "cms").unwrap();
    assert_eq!(third.ninjs_version, 3);
    delivery::run_due(&mut library, &quick()).unwrap();
    receiver.received(|r| {
        assert_eq!(r.items.len(), 3);
        let lead_renditions = r.items[&(
            format!("urn:newsdesk:article:{}", article.id),
            "3".to_owned(),
        )]["associations"][0]["renditions"]
            .as_array()
            .unwrap()
            .len();
        assert_eq!(r.media_uploads, media + lead_renditions);
        let needle = b"Corrected Agency";
        let corrected = r
            .media
            .values()
            .filter(|m| m.windows(needle.len()).any(|w| w == needle))
            .count();
        assert_eq!(corrected, lead_renditions);
    });
}

#[test]
fn a_receiver_that_is_down_gets_the_delivery_once_it_is_up() {
    let (_dir, mut library) = library();
    // A port that is ours but not listening yet: connections are refused, and no other test
    // can take it before the receiver comes up on it.
    let down = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).unwrap();
    down.bind(&SocketAddr::from(([127, 0, 0, 1], 0)).into())
        .unwrap();
    let addr = down.local_addr().unwrap().as_socket().unwrap();
    library
        .store_mut()
        .add_destination(&http_destination("cms", addr, Some(SECRET)))
        .unwrap();
    let article = illustrated_article(&mut library);
    delivery::deliver(&mut library, &article.id, "cms").unwrap();

    let offline = delivery::run_due(&mut library, &quick()).unwrap();
    assert_eq!(offline[0].state, DeliveryState::Retrying);
    assert!(
        offline[0]
            .last_error
            .as_deref()
            .unwrap_or("")
            .contains("could not send"),
        "{:?}",
        offline[0].last_error
    );

    let receiver = Receiver::start_on(down, OnItem::Accept);
    let online = delivery::run_due(&mut library, &quick()).unwrap();
    assert_eq!(
        (online[0].state, online[0].attempts),
        (DeliveryState::Delivered, 2)
    );
    receiver.received(|r| assert_eq!((r.item_posts, r.items.len()), (1, 1)));
}

#[test]
fn a_server_error_is_retried_with_backoff_and_a_refusal_is_not() {
    for (status, message, retried) in [
        (500, "database is down", true),
        (503, "busy", true),
        (400, "headline too long for our CMS", false),
    ] {
        let answer = OnItem::Answer {
            status,
            message,
            times: 1,
        };
        let (_dir, mut library, receiver, article) = receiver_and_article(answer, SECRET);
        let queued = delivery::deliver(&mut library, &article.id, "cms").unwrap();
        let patient = OutboxRun {
            base_delay: Duration::from_secs(3600),
            ..quick()
        };

        let first = delivery::run_due(&mut library, &patient).unwrap().remove(0);

        let error = first.last_error.clone().unwrap_or_default();
        assert!(
            error.contains(message) && error.contains(&status.to_string()),
            "{status}: {error}"
        );
        if retried {
            assert_eq!(first.state, DeliveryState::Retrying, "{status}");
            // Backoff: two hours (2 × base) before the next try, so a run now does nothing...
            assert_eq!(
                first.next_attempt_at - first.updated_at,
                time::Duration::hours(2)
            );
            assert!(
                delivery::run_due(&mut library, &patient)
                    .unwrap()
                    .is_empty()
            );
            // ...and sending it by hand works.
            library.store_mut().retry_delivery(queued.id).unwrap();
            let second = delivery::run_due(&mut library, &patient).unwrap().remove(0);
            assert_eq!(second.state, DeliveryState::Delivered, "{status}");
            receiver.received(|r| assert_eq!((r.item_posts, r.items.len()), (2, 1)));
        } else {
            assert_eq!(first.state, DeliveryState::Failed, "{status}");
            assert!(
                delivery::run_due(&mut library, &quick())
                    .unwrap()
                    .is_empty(),
                "a refusal is never retried"
            );
            receiver.received(|r| assert_eq!((r.item_posts, r.items.len()), (1, 0)));
        }
    }
}

#[test]
fn a_receiver_that_never_answers_times_out_and_is_retried() {
    let (_dir, mut library) = library();
    // Accepts connections and reads nothing, answers nothing.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = silent.local_addr().unwrap();
    let held = thread::spawn(move || {
        silent
            .incoming()
            .take(1)
            .map(|c| c.unwrap())
            .collect::<Vec<_>>()
    });
    let mut destination = http_destination("cms", addr, Some(SECRET));
    if let Target::HttpPush(push) = &mut destination.target {
        push.read_timeout_secs = 1;
    }
    library.store_mut().add_destination(&destination).unwrap();
    let article = illustrated_article(&mut library);
    delivery::deliver(&mut library, &article.id, "cms").unwrap();

    let ran = delivery::run_due(&mut library, &quick()).unwrap().remove(0);

    assert_eq!(ran.state, DeliveryState::Retrying);
    let error = ran.last_error.unwrap();
    assert!(
        error.contains("imeout") || error.contains("timed out"),
        "{error}"
    );
    drop(held.join());
}

#[test]
fn a_wrong_secret_is_refused_by_the_receiver() {
    let (_dir, mut library, receiver, article) =
        receiver_and_article(OnItem::Accept, "not the secret");
    delivery::deliver(&mut library, &article.id, "cms").unwrap();

    let ran = delivery::run_due(&mut library, &quick()).unwrap().remove(0);

    assert_eq!(ran.state, DeliveryState::Failed);
    assert!(ran.last_error.unwrap().contains("signature does not match"));
    receiver.received(|r| assert_eq!((r.bad_signatures, r.items.len(), r.media.len()), (1, 0, 0)));
}

const CHILD_LEASE: Duration = Duration::from_secs(4);

/// Run in a child process by the test below; killed while the receiver holds its request.
#[test]
#[ignore = "run as a child process by a_delivery_killed_half_way_resumes_after_restart"]
fn outbox_child_process() {
    let mut library =
        Library::open(std::env::var("NEWSDESK_TEST_LIBRARY").expect("set by the parent test"))
            .unwrap();
    let run = OutboxRun {
        base_delay: Duration::ZERO,
        lease: CHILD_LEASE,
    };
    delivery::run_due(&mut library, &run).unwrap();
}

/// Polls `check` until it gives something; `None` after two minutes, a bound only a hung test
/// reaches.
fn wait_for<T>(mut check: impl FnMut() -> Option<T>) -> Option<T> {
    let deadline = std::time::Instant::now() + Duration::from_secs(120);
    while std::time::Instant::now() < deadline {
        if let Some(found) = check() {
            return Some(found);
        }
        thread::sleep(Duration::from_millis(100));
    }
    None
}

#[test]
fn a_delivery_killed_half_way_resumes_after_restart_without_a_duplicate() {
    let (_dir, mut library, receiver, article) = receiver_and_article(OnItem::StoreAndHold, SECRET);
    let queued = delivery::deliver(&mut library, &article.id, "cms").unwrap();
    let media = rendition_count(&library, &article.id);

    let mut child = Command::new(this_test_binary())
        .args([
            "--exact",
            "delivery::outbox_child_process",
            "--ignored",
            "--test-threads=1",
        ])
        .env("NEWSDESK_TEST_LIBRARY", library.root())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    receiver
        .holding
        .recv_timeout(Duration::from_secs(120))
        .expect("the child reached the item POST");
    // While the sender lives it keeps renewing its claim, however long the receiver takes: a
    // renewal is seen after the claim first seen here would have run out, and the attempt is
    // still the child's. Nothing here races the child's renewals (no run takes over meanwhile),
    // so a slow machine only makes the wait longer.
    let first_seen = library
        .store()
        .delivery(queued.id)
        .unwrap()
        .lease_until
        .expect("a claimed delivery has a lease");
    let renewed = wait_for(|| {
        let now = library.store().delivery(queued.id).unwrap();
        (now.lease_until? > first_seen + CHILD_LEASE).then_some(now)
    })
    .expect("the live sender renewed its claim");
    assert_eq!(
        (renewed.state, renewed.attempts),
        (DeliveryState::Sending, 1),
        "a live sender's delivery was taken over"
    );
    child.kill().unwrap(); // SIGKILL: no clean-up of any kind
    child.wait().unwrap();
    receiver.release.send(()).unwrap();
    let stuck = library.store().delivery(queued.id).unwrap();
    assert_eq!((stuck.state, stuck.attempts), (DeliveryState::Sending, 1));

    // After a restart the delivery is taken over once the dead process's lease has run out.
    let resumed = wait_for(|| {
        delivery::run_due(&mut library, &quick())
            .unwrap()
            .into_iter()
            .next()
    })
    .expect("the delivery was resumed");
    assert_eq!(
        (resumed.state, resumed.attempts),
        (DeliveryState::Delivered, 2)
    );
    receiver.received(|r| {
        assert_eq!(r.item_posts, 2, "the item was sent again");
        assert_eq!(r.items.len(), 1, "but the receiver holds it once");
        assert_eq!(
            r.media_uploads, media,
            "photos uploaded before the kill were not uploaded again"
        );
    });
}

#[test]
fn a_hot_folder_gets_the_same_zip_as_an_export() {
    let (dir, mut library) = library();
    let hot = dir.path().join("hot");
    library
        .store_mut()
        .add_destination(&Destination {
            name: "wire".into(),
            target: Target::Folder { path: hot.clone() },
        })
        .unwrap();
    let article = illustrated_article(&mut library);
    export(&mut library, &article.id, &dir.path().join("export.zip")).unwrap();
    delivery::deliver(&mut library, &article.id, "wire").unwrap();

    // The share is not mounted yet: the delivery waits rather than creating the folder.
    let unmounted = delivery::run_due(&mut library, &quick()).unwrap().remove(0);
    assert_eq!(unmounted.state, DeliveryState::Retrying);
    assert!(unmounted.last_error.unwrap().contains("is not there"));
    assert!(!hot.exists());

    std::fs::create_dir(&hot).unwrap();
    let ran = delivery::run_due(&mut library, &quick()).unwrap();

    assert_eq!(ran[0].state, DeliveryState::Delivered);
    let dropped: Vec<_> = std::fs::read_dir(&hot)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        dropped,
        [std::ffi::OsString::from(format!("{}-v1.zip", article.id))]
    );
    assert_eq!(
        std::fs::read(hot.join(&dropped[0])).unwrap(),
        std::fs::read(dir.path().join("export.zip")).unwrap()
    );
    let destinations: Vec<String> = library
        .store()
        .exports(&article.id)
        .unwrap()
        .into_iter()
        .map(|e| e.destination)
        .collect();
    assert_eq!(destinations.last().map(String::as_str), Some("wire"));
}

#[test]
fn the_outbox_can_be_cancelled_and_retried_by_hand() {
    let (_dir, mut library) = library();
    let addr = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    library
        .store_mut()
        .add_destination(&http_destination("cms", addr, None))
        .unwrap();
    let article = illustrated_article(&mut library);
    let queued = delivery::deliver(&mut library, &article.id, "cms").unwrap();

    assert!(
        library.store_mut().remove_destination("cms").is_err(),
        "a destination with waiting deliveries stays"
    );
    let cancelled = library.store_mut().cancel_delivery(queued.id).unwrap();
    assert_eq!(cancelled.state, DeliveryState::Cancelled);
    assert!(
        delivery::run_due(&mut library, &quick())
            .unwrap()
            .is_empty(),
        "a cancelled delivery is not sent"
    );
    assert_eq!(
        library.store_mut().retry_delivery(queued.id).unwrap().state,
        DeliveryState::Pending
    );
    assert!(
        library.store_mut().retry_delivery(queued.id).is_err(),
        "a pending delivery is already waiting"
    );
    library.store_mut().cancel_delivery(queued.id).unwrap();
    library.store_mut().remove_destination("cms").unwrap();
    assert!(library.store().destinations().unwrap().is_empty());
    assert_eq!(
        library.store().outbox().unwrap().len(),
        1,
        "the history outlives the destination"
    );
}

#[test]
fn destinations_are_checked_when_added() {
    let (_dir, mut library) = library();
    let mut bad_url = http_destination("cms", "127.0.0.1:9".parse().unwrap(), None);
    if let Target::HttpPush(push) = &mut bad_url.target {
        push.resource_url = "ftp://example.invalid/items".into();
    }
    for (destination, complaint) in [
        (bad_url, "must start with http"),
        (
            Destination {
                name: "hot".into(),
                target: Target::Folder {
                    path: "relative/dir".into(),
                },
            },
            "absolute path",
        ),
        (
            Destination {
                name: " ".into(),
                target: Target::Folder {
                    path: "/tmp".into(),
                },
            },
            "needs a name",
        ),
    ] {
        let err = library
            .store_mut()
            .add_destination(&destination)
            .unwrap_err();
        assert!(err.to_string().contains(complaint), "{err}");
    }
    let ok = Destination {
        name: "hot".into(),
        target: Target::Folder {
            path: "/tmp/hot".into(),
        },
    };
    library.store_mut().add_destination(&ok).unwrap();
    assert!(
        library
            .store_mut()
            .add_destination(&ok)
            .unwrap_err()
            .to_string()
            .contains("already")
    );
    assert_eq!(library.store().destinations().unwrap(), [ok]);
}
