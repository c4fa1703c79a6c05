//! `newsdesk outbox run` killed (SIGKILL) between WordPress's answer to the post it created and
//! the outbox recording it: the next run must find that post and update it, not make another.
//!
//! Needs the real WordPress that `./dev.sh test` starts (`.ci/cms/wordpress-up.sh`); see
//! `wordpress_site` for what happens without it.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use serde_json::Value;

use super::common::{json, newsdesk, wire};

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
    /// Every post (drafts included) whose content carries `text`, as WordPress keeps it.
    fn posts_containing(&self, text: &str) -> Vec<Value> {
        let url = format!(
            "{}/wp-json/wp/v2/posts?search={text}&status=any&context=edit&per_page=100",
            self.url
        );
        let mut response = ureq::get(&url)
            .header("authorization", basic_auth(&self.user, &self.password))
            .call()
            .unwrap();
        let posts: Vec<Value> =
            serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap();
        posts
            .into_iter()
            .filter(|p| p["content"]["raw"].as_str().unwrap_or("").contains(text))
            .collect()
    }
}

fn basic_auth(user: &str, password: &str) -> String {
    use base64::Engine;
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
    )
}

/// A loopback TCP proxy in front of WordPress. It forwards bytes both ways untouched, except
/// that when WordPress starts answering the post creation (`POST /wp-json/wp/v2/posts`), the
/// first time, it kills `sender` before a byte of that answer reaches it: WordPress has made
/// the post, and Newsdesk never learns so.
struct KillingProxy {
    port: u16,
    killed: Arc<AtomicBool>,
}

impl KillingProxy {
    fn start(upstream: &str, sender: Arc<Mutex<Option<Child>>>) -> KillingProxy {
        let upstream = upstream
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_owned();
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let killed = Arc::new(AtomicBool::new(false));
        let done = killed.clone();
        thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { return };
                let Ok(server) = TcpStream::connect(&upstream) else {
                    continue;
                };
                // Whether the request this connection is waiting on is the post creation.
                let creating = Arc::new(AtomicBool::new(false));
                let (c, s) = (client.try_clone().unwrap(), server.try_clone().unwrap());
                let flag = creating.clone();
                thread::spawn(move || {
                    pump(c, s, |chunk| {
                        if let Some(line) = request_line(chunk) {
                            flag.store(line == "POST /wp-json/wp/v2/posts", Ordering::SeqCst);
                        }
                        true
                    })
                });
                let (sender, done) = (sender.clone(), done.clone());
                thread::spawn(move || {
                    pump(server, client, |_| {
                        if creating.load(Ordering::SeqCst) && !done.swap(true, Ordering::SeqCst) {
                            if let Some(child) = sender.lock().unwrap().as_mut() {
                                child.kill().unwrap(); // SIGKILL: no clean-up of any kind
                                child.wait().unwrap();
                            }
                            return false;
                        }
                        true
                    })
                });
            }
        });
        KillingProxy { port, killed }
    }
}

/// `METHOD /path` of a chunk that starts an HTTP request.
fn request_line(chunk: &[u8]) -> Option<String> {
    let line = chunk.split(|b| *b == b'\r').next()?;
    let line = std::str::from_utf8(line).ok()?;
    let mut words = line.split(' ');
    let (method, target, version) = (words.next()?, words.next()?, words.next()?);
    version
        .starts_with("HTTP/")
        .then(|| format!("{method} {}", target.split('?').next().unwrap_or(target)))
}

/// Copies `from` to `to` chunk by chunk while `forward` says so; then closes both.
fn pump(mut from: TcpStream, mut to: TcpStream, mut forward: impl FnMut(&[u8]) -> bool) {
    let mut buf = vec![0; 64 * 1024];
    while let Ok(n) = from.read(&mut buf) {
        if n == 0 || !forward(&buf[..n]) || to.write_all(&buf[..n]).is_err() {
            break;
        }
    }
    let _ = to.shutdown(Shutdown::Both);
    let _ = from.shutdown(Shutdown::Both);
}

/// A story that passes preflight, with a credited lead photo, made through the command line;
/// returns its id.
fn story_with_photo(lib: &Path) -> String {
    let run = |args: &[&str]| {
        let (code, stdout, stderr) = newsdesk(lib, args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        json(&stdout)
    };
    run(&["--json", "photo", "import", &wire("rubbish.jpg")]);
    let photo = run(&["--json", "photo", "list"])[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    run(&[
        "--json",
        "photo",
        "edit",
        &photo,
        "--credit",
        "Agency/Photographer",
        "--caption",
        "Rubbish on the quay after the fire.",
        "--alt",
        "Bags of rubbish on a quay",
    ]);
    let created = run(&[
        "--json",
        "new",
        "--headline",
        "Harbour fire",
        "--author",
        "Ana Lima:Reporter",
        "--body",
        "It burned all night.",
    ]);
    let id = created["id"].as_str().unwrap().to_owned();
    run(&[
        "--json",
        "attach",
        &id,
        &photo,
        "--lead",
        "--base-version",
        "1",
    ]);
    id
}

#[test]
fn outbox_run_killed_between_wordpress_creating_the_post_and_the_outbox_recording_it() {
    let Some(site) = wordpress_site() else { return };
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let id = story_with_photo(&lib);

    let sender: Arc<Mutex<Option<Child>>> = Arc::new(Mutex::new(None));
    let proxy = KillingProxy::start(&site.url, sender.clone());
    let add = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .arg("--library")
        .arg(&lib)
        .args(["destination", "add", "site", "--wordpress"])
        .arg(format!("http://127.0.0.1:{}", proxy.port))
        .args(["--user", &site.user])
        .env("NEWSDESK_WORDPRESS_PASSWORD", &site.password)
        .output()
        .unwrap();
    assert!(
        add.status.success(),
        "{}",
        String::from_utf8_lossy(&add.stderr)
    );
    let (_, listed, _) = newsdesk(&lib, &["--json", "destination", "list"]);
    assert!(!listed.contains(&site.password), "never shown: {listed}");
    assert_eq!(json(&listed)[0]["application_password_set"], true);
    let (code, _, stderr) = newsdesk(&lib, &["deliver", &id, "--to", "site"]);
    assert_eq!(code, 0, "{stderr}");

    // The lease is short so that the second run may take the delivery over soon after.
    let run = ["outbox", "run", "--lease", "2", "--base-delay", "1"];
    {
        let mut slot = sender.lock().unwrap();
        *slot = Some(
            Command::new(env!("CARGO_BIN_EXE_newsdesk"))
                .arg("--library")
                .arg(&lib)
                .args(run)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
    }
    let mut waited = Duration::ZERO;
    while !proxy.killed.load(Ordering::SeqCst) {
        let exited = sender.lock().unwrap().as_mut().unwrap().try_wait().unwrap();
        assert!(exited.is_none(), "the run ended before creating the post");
        assert!(
            waited < Duration::from_secs(120),
            "the run never created the post"
        );
        thread::sleep(Duration::from_millis(50));
        waited += Duration::from_millis(50);
    }
    let made = site.posts_containing(&format!("newsdesk:{id}"));
    assert_eq!(made.len(), 1, "WordPress made the post before the kill");
    let (_, listed, _) = newsdesk(&lib, &["--json", "outbox"]);
    assert_eq!(
        json(&listed)[0]["state"],
        "sending",
        "the outbox never heard"
    );

    thread::sleep(Duration::from_secs(3)); // the killed run's lease runs out
    let (code, ran, stderr) = newsdesk(&lib, &["--json", "outbox", "run", "--lease", "2"]);
    assert_eq!(code, 0, "{stderr}");
    let ran = json(&ran);
    assert_eq!(ran[0]["state"], "delivered", "{ran}");
    let posts = site.posts_containing(&format!("newsdesk:{id}"));
    assert_eq!(posts.len(), 1, "still one post: {posts:#?}");
    assert_eq!(posts[0]["id"], made[0]["id"]);
    assert_eq!(ran[0]["remote"]["id"], made[0]["id"].to_string());
}
