//! The relay: one desk's documents in a folder, served to laptops holding the desk token.
//!
//! - The token is checked before the websocket upgrade (and on `GET /desk`); a refused laptop
//!   gets 401 and never reaches samod.
//! - The share policy is read-write without announcing: the default would push every document
//!   the relay has loaded to every laptop that connects (notes/samod-relay.md, trap 1). A
//!   laptop receives what it asks for by id, and it learns the ids from the desk's index.
//! - The index document is made once, on the relay's first start, and its id kept in
//!   `desk.json` in the folder (written to a temporary file, synced and renamed).
//! - Each laptop's connection gets a samod repo of its own, over the one folder of documents.
//!   samod's hub subscribes every loaded document to every connection and checks all of those
//!   pairs again on every event (samod-core 0.16, `ensure_connections`), and it never unloads a
//!   document (trap 6): a relay serving everyone from one repo did O(connections x documents
//!   ever loaded) work per message, and 50 laptops on a 10,000-story desk had not synced after
//!   16 minutes. A repo per connection loads only what that laptop asks for and is stopped
//!   (its writes finished) when the laptop hangs up. Laptops sync and hang up (`desk.rs`), so
//!   nothing relies on the relay pushing one laptop's change to another that stays connected.
//!   A stopped samod repo never frees its documents by itself (`repo_tasks`): the relay ends
//!   its tasks after the stop, and `GET /desk` tells how many repos and loaded documents are
//!   still in memory (`resident`), which is none once every laptop has hung up.
//! - Storage is the folder `documents/` in automerge-repo's layout, written whole (temporary
//!   file, fsync, rename: `storage::RelayStorage`), since several repos share it. The folder is
//!   not synced on each write; every laptop holds a full copy of the desk's documents in its
//!   library, so a chunk a power cut costs the relay comes back with the next laptop that syncs.
//!
//! - Photo originals and their thumbnails live under `blobs/<sha256>`, behind the same token: `HEAD` (is it here?),
//!   `PUT` (streamed to a temporary file while hashed, refused with 422 unless its SHA-256 is
//!   its name, else fsynced and renamed into place: a blob is whole or absent) and `GET`
//!   (streamed). A file already here is not written again. `GET /blobs` lists them, one name a
//!   line, with an ETag made from the list: a laptop asks with the ETag it last checked at and
//!   hears "304 Not Modified" while no blob has come or gone (`photos`, step 8).
//!
//! Plain `ws://`: behind a TLS reverse proxy, laptops join `wss://` (README).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::ws::{WebSocket, WebSocketUpgrade, rejection::WebSocketUpgradeRejection};
use axum::extract::{DefaultBodyLimit, Path as UrlPath, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use samod::{Repo, RepoEvent, RepoObserver, ShareConfig};

use crate::index;
use crate::presence::{Heartbeat, Presence};
use crate::repo_tasks::RepoTasks;
use crate::storage::RelayStorage;
use crate::{Error, Result};

const DESK_FILE: &str = "desk.json";
const BLOBS: &str = "blobs";
/// A blob arrives and leaves in pieces of this size: memory stays flat whatever the photo.
const BLOB_CHUNK: usize = 256 * 1024;

pub struct RelayConfig {
    pub folder: PathBuf,
    pub token: String,
    pub listen: SocketAddr,
    /// Called (on a blocking thread) each time a laptop's repo has been freed and no other
    /// laptop is connected: the binary gives the freed heap back to the system there (glibc's
    /// `malloc_trim`, which this crate, free of `unsafe`, cannot call).
    pub give_back_memory: fn(),
}

#[derive(Clone)]
struct Relay {
    documents: RelayStorage,
    /// The relay's own address, which samod's acceptors are named by.
    url: url::Url,
    /// The repos of the laptops connected now, stopped on shutdown so their writes finish.
    laptops: Arc<Mutex<HashMap<u64, RelayRepo>>>,
    resident: Arc<Resident>,
    next_laptop: Arc<AtomicU64>,
    token: Arc<str>,
    index: Arc<str>,
    blobs: Arc<Path>,
    presence: Arc<Presence>,
    give_back_memory: fn(),
}

/// Serves until `shutdown` resolves, then lets samod finish its writes. `ready` is told the
/// address actually bound (the port when `listen` asked for 0) and the desk's index id.
pub async fn serve(
    config: RelayConfig,
    ready: impl FnOnce(SocketAddr, &str),
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<()> {
    if config.token.trim().len() < 16 {
        return Err(Error::Invalid(
            "the desk token must be at least 16 characters: it is the desk's only lock".into(),
        ));
    }
    let io = |context: String| move |e: std::io::Error| Error::Library(io_error(context, e));
    let documents = RelayStorage::new(
        &config.folder.join("documents"),
        &config.folder.join("incoming"),
    )
    .map_err(io(format!("creating {}", config.folder.display())))?;
    let blobs = config.folder.join(BLOBS);
    std::fs::create_dir_all(&blobs).map_err(io(format!("creating {}", blobs.display())))?;
    clear_partial_blobs(&blobs);
    let resident = Arc::<Resident>::default();
    let repo = RelayRepo::load(&documents, &resident).await;
    let index = desk_index(&repo.repo, &config.folder).await;
    repo.stop().await;
    let index = index?;
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(io(format!("listening on {}", config.listen)))?;
    let bound = listener
        .local_addr()
        .map_err(io("reading the address".into()))?;
    let relay = Relay {
        documents,
        url: url::Url::parse(&format!("ws://{bound}/")).expect("a socket address is a valid host"),
        laptops: Arc::default(),
        resident,
        next_laptop: Arc::default(),
        token: config.token.trim().into(),
        index: index.as_str().into(),
        blobs: blobs.into(),
        presence: Arc::default(),
        give_back_memory: config.give_back_memory,
    };
    let app = axum::Router::new()
        .route("/", get(connect))
        .route("/desk", get(desk))
        .route("/blobs", get(list_blobs))
        .route(
            "/blobs/{sha256}",
            get(get_blob).head(head_blob).put(put_blob),
        )
        // A blob is streamed to disk and its size checked there (`put_blob`).
        .layer(DefaultBodyLimit::disable())
        .route("/presence", post(presence))
        .with_state(relay.clone());
    ready(bound, &index);
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(io("serving the desk".into()));
    // Upgraded connections outlive the server: their repos finish their writes here.
    let connected: Vec<RelayRepo> = relay
        .laptops
        .lock()
        .expect("laptops lock")
        .drain()
        .map(|(_, repo)| repo)
        .collect();
    for repo in connected {
        repo.stop().await;
    }
    served
}

/// Waits until the acceptor's one laptop has gone: its disconnection, or (a connection that
/// never finished its handshake) no connection left at a periodic look.
async fn until_hung_up(
    acceptor: &samod::AcceptorHandle,
    events: &mut (impl futures::Stream<Item = samod::AcceptorEvent> + Unpin),
) {
    use futures::StreamExt;
    loop {
        match tokio::time::timeout(std::time::Duration::from_secs(30), events.next()).await {
            Ok(Some(samod::AcceptorEvent::ClientDisconnected { .. }) | None) => return,
            Ok(Some(_)) => {}
            Err(_) if acceptor.connection_count() == 0 => return,
            Err(_) => {}
        }
    }
}

/// A samod repo over the desk's folder that answers what it is asked and announces nothing,
/// with the tasks samod runs it on.
struct RelayRepo {
    repo: Repo,
    tasks: RepoTasks,
}

impl RelayRepo {
    async fn load(documents: &RelayStorage, resident: &Arc<Resident>) -> RelayRepo {
        let tasks = RepoTasks::new();
        let repo = Repo::builder(tasks.clone())
            .with_storage(documents.clone())
            .with_share_policy(ShareConfig::read_write().with_announce(false))
            .with_observer(Loaded::new(resident))
            .load()
            .await;
        RelayRepo { repo, tasks }
    }

    /// Finishes the repo's writes, then frees it and the documents it loaded.
    async fn stop(self) {
        self.repo.stop().await;
        drop(self.repo);
        self.tasks.end().await;
    }
}

/// The samod repos whose state is still in memory, and the documents they loaded: what
/// `GET /desk` reports as `resident`. Counted by the repo's observer, which lives in the repo's
/// state and is dropped with it, so the figures are what is held, not what was asked.
#[derive(Default)]
struct Resident {
    repos: AtomicU64,
    documents: AtomicU64,
}

/// One repo's share of `Resident`.
struct Loaded {
    resident: Arc<Resident>,
    documents: AtomicU64,
}

impl Loaded {
    fn new(resident: &Arc<Resident>) -> Loaded {
        resident.repos.fetch_add(1, Ordering::Relaxed);
        Loaded {
            resident: resident.clone(),
            documents: AtomicU64::new(0),
        }
    }
}

impl RepoObserver for Loaded {
    fn observe(&self, event: &RepoEvent) {
        // An actor, once spawned, keeps its document until the repo's state goes (samod 0.16
        // sends `DocumentClosed` when the actor stops, but the repo still holds it).
        if let RepoEvent::DocumentOpened { .. } = event {
            self.documents.fetch_add(1, Ordering::Relaxed);
            self.resident.documents.fetch_add(1, Ordering::Relaxed);
        }
    }
}

impl Drop for Loaded {
    fn drop(&mut self) {
        self.resident.repos.fetch_sub(1, Ordering::Relaxed);
        self.resident
            .documents
            .fetch_sub(*self.documents.get_mut(), Ordering::Relaxed);
    }
}

impl Relay {
    /// One laptop's connection, on a repo of its own (see the module's comment), until the
    /// laptop hangs up or the relay stops.
    async fn serve_laptop(self, socket: WebSocket) {
        let repo = RelayRepo::load(&self.documents, &self.resident).await;
        let acceptor = repo.repo.make_acceptor(self.url.clone());
        let laptop = self.next_laptop.fetch_add(1, Ordering::Relaxed);
        self.laptops
            .lock()
            .expect("laptops lock")
            .insert(laptop, repo);
        // Each fails only when the repo is stopping (the relay shutting down).
        if let Ok(acceptor) = acceptor {
            // Listened to before the laptop is let in, so its hanging up cannot be missed.
            let mut events = acceptor.events();
            if acceptor.accept_axum(socket, None).is_ok() {
                until_hung_up(&acceptor, &mut events).await;
            }
            // The repo keeps its acceptors and an acceptor keeps its repo: a cycle nothing
            // else breaks, which would keep the repo and its documents after it stopped.
            acceptor.close();
        }
        let ours = self.laptops.lock().expect("laptops lock").remove(&laptop);
        if let Some(repo) = ours {
            repo.stop().await;
            if self.laptops.lock().expect("laptops lock").is_empty() {
                let _ = tokio::task::spawn_blocking(self.give_back_memory).await;
            }
        }
    }
}

fn io_error(context: String, source: std::io::Error) -> newsdesk_core::Error {
    newsdesk_core::Error::Io { context, source }
}

/// The desk's index id: read from `desk.json`, or the index made now and recorded there.
async fn desk_index(repo: &Repo, folder: &Path) -> Result<String> {
    let path = folder.join(DESK_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let desk: serde_json::Value = serde_json::from_str(&text)
                .map_err(|e| Error::Invalid(format!("{} is damaged: {e}", path.display())))?;
            return desk["index"]
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| Error::Invalid(format!("{} names no index", path.display())));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => {
            return Err(Error::Library(io_error(
                format!("reading {}", path.display()),
                e,
            )));
        }
    }
    let mut doc = automerge::Automerge::new();
    doc.transact::<_, _, automerge::AutomergeError>(|tx| {
        use automerge::transaction::Transactable;
        tx.put_object(
            automerge::ROOT,
            index::STORIES.documents,
            automerge::ObjType::Map,
        )?;
        Ok(())
    })
    .map_err(|failure| Error::document("making the desk's index", failure.error))?;
    let handle = repo
        .create(doc)
        .await
        .map_err(|_| Error::Invalid("the relay stopped while starting".into()))?;
    let index = handle.document_id().to_string();
    let text = serde_json::json!({ "index": index }).to_string();
    write_synced(&path, text.as_bytes())
        .map_err(|e| Error::Library(io_error(format!("writing {}", path.display()), e)))?;
    Ok(index)
}

/// A whole file or none: written beside, synced, renamed over, and the folder synced.
fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let folder = path.parent().unwrap_or(Path::new("."));
    let temp = folder.join(format!(".tmp-{}", uuid::Uuid::new_v4()));
    let mut file = std::fs::File::create(&temp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    std::fs::rename(&temp, path)?;
    std::fs::File::open(folder)?.sync_all()
}

/// Compares without stopping at the first difference, so the time taken does not tell a
/// guesser how much of the token was right.
fn same_token(given: &str, expected: &str) -> bool {
    given.len() == expected.len()
        && given
            .bytes()
            .zip(expected.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

fn authorised(headers: &HeaderMap, token: &str) -> bool {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .is_some_and(|given| same_token(given.trim(), token))
}

fn refused() -> Response {
    (
        StatusCode::UNAUTHORIZED,
        [(header::WWW_AUTHENTICATE, "Bearer")],
        "this desk needs its token\n",
    )
        .into_response()
}

async fn connect(
    State(relay): State<Relay>,
    headers: HeaderMap,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    if !authorised(&headers, &relay.token) {
        return refused();
    }
    match upgrade {
        Ok(upgrade) => upgrade.on_upgrade(move |socket| relay.serve_laptop(socket)),
        Err(rejection) => rejection.into_response(),
    }
}

async fn desk(State(relay): State<Relay>, headers: HeaderMap) -> Response {
    if !authorised(&headers, &relay.token) {
        return refused();
    }
    let resident = serde_json::json!({
        "repos": relay.resident.repos.load(Ordering::Relaxed),
        "documents": relay.resident.documents.load(Ordering::Relaxed),
    });
    (
        [(header::CONTENT_TYPE, "application/json")],
        serde_json::json!({ "index": &*relay.index, "resident": resident }).to_string(),
    )
        .into_response()
}

/// Removes what `PUT`s cut short by a crash left (`.tmp-*`): no request is running at start.
fn clear_partial_blobs(blobs: &Path) {
    for entry in std::fs::read_dir(blobs).into_iter().flatten().flatten() {
        if entry.file_name().to_string_lossy().starts_with(".tmp-") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// A blob's name is its SHA-256 in lower-case hex, and nothing else reaches the file system.
fn blob_name(sha256: &str) -> Option<&str> {
    (sha256.len() == 64
        && sha256
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
    .then_some(sha256)
}

fn not_a_blob() -> Response {
    (
        StatusCode::BAD_REQUEST,
        "a blob is named by its SHA-256 in lower-case hex\n",
    )
        .into_response()
}

/// The names of every blob held, sorted, one a line; the ETag is the SHA-256 of that text, so
/// it changes whenever a blob comes or goes (a file removed by hand included), and a laptop
/// that sends the ETag it last saw hears 304 and no list while nothing did. A read of the
/// folder per request, against 65 bytes a blob that a list sent every time would cost each
/// laptop on each sync: with 4,000 blobs (2,000 photos and their thumbnails) the 304 took
/// 8 to 16 ms and the whole list (260 KB) 8 to 9 ms, debug build, loopback.
async fn list_blobs(State(relay): State<Relay>, headers: HeaderMap) -> Response {
    use sha2::Digest;
    if !authorised(&headers, &relay.token) {
        return refused();
    }
    let folder = relay.blobs.clone();
    let listed = tokio::task::spawn_blocking(move || -> std::io::Result<String> {
        let mut names: Vec<String> = std::fs::read_dir(&*folder)?
            .filter_map(|entry| {
                let name = entry.ok()?.file_name().into_string().ok()?;
                blob_name(&name).is_some().then_some(name)
            })
            .collect();
        names.sort_unstable();
        Ok(names.join("\n"))
    })
    .await;
    let Ok(Ok(text)) = listed else {
        return (
            StatusCode::INTERNAL_SERVER_ERROR,
            "the relay could not read its blobs\n",
        )
            .into_response();
    };
    let etag = format!("\"{}\"", hex::encode(sha2::Sha256::digest(text.as_bytes())));
    let known = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == etag);
    if known {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response();
    }
    (
        [
            (header::CONTENT_TYPE, "text/plain".to_owned()),
            (header::ETAG, etag),
        ],
        text,
    )
        .into_response()
}

async fn head_blob(
    State(relay): State<Relay>,
    UrlPath(sha256): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    if !authorised(&headers, &relay.token) {
        return refused();
    }
    let Some(name) = blob_name(&sha256) else {
        return not_a_blob();
    };
    match tokio::fs::metadata(relay.blobs.join(name)).await {
        Ok(meta) => ([(header::CONTENT_LENGTH, meta.len())], ()).into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn get_blob(
    State(relay): State<Relay>,
    UrlPath(sha256): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    use tokio::io::AsyncReadExt;
    if !authorised(&headers, &relay.token) {
        return refused();
    }
    let Some(name) = blob_name(&sha256) else {
        return not_a_blob();
    };
    let file = match tokio::fs::File::open(relay.blobs.join(name)).await {
        Ok(file) => file,
        Err(_) => return StatusCode::NOT_FOUND.into_response(),
    };
    let length = match file.metadata().await {
        Ok(meta) => meta.len(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let chunks = futures::stream::unfold(file, |mut file| async move {
        let mut buffer = vec![0u8; BLOB_CHUNK];
        match file.read(&mut buffer).await {
            Ok(0) => None,
            Ok(n) => {
                buffer.truncate(n);
                Some((Ok::<_, std::io::Error>(buffer), file))
            }
            Err(e) => Some((Err(e), file)),
        }
    });
    (
        [
            (header::CONTENT_TYPE, "application/octet-stream".to_owned()),
            (header::CONTENT_LENGTH, length.to_string()),
        ],
        Body::from_stream(chunks),
    )
        .into_response()
}

async fn put_blob(
    State(relay): State<Relay>,
    UrlPath(sha256): UrlPath<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    if !authorised(&headers, &relay.token) {
        return refused();
    }
    let Some(name) = blob_name(&sha256) else {
        return not_a_blob();
    };
    let target = relay.blobs.join(name);
    if tokio::fs::metadata(&target).await.is_ok() {
        // Already here: the same name is the same bytes. Read to its end all the same: a
        // body answered unread met a closed connection when it was larger than the socket's
        // buffers (two laptops putting one photo at once: the second's sync failed with
        // "broken pipe").
        discard(body).await;
        return StatusCode::OK.into_response();
    }
    let temp = relay.blobs.join(format!(".tmp-{}", uuid::Uuid::new_v4()));
    let outcome = receive_blob(body, &temp, name).await;
    match outcome {
        Ok(()) => {}
        Err(answer) => {
            let _ = tokio::fs::remove_file(&temp).await;
            return answer;
        }
    }
    let folder = relay.blobs.clone();
    let placed = tokio::task::spawn_blocking(move || {
        std::fs::rename(&temp, &target)?;
        std::fs::File::open(&*folder)?.sync_all()
    })
    .await;
    match placed {
        Ok(Ok(())) => StatusCode::CREATED.into_response(),
        _ => (
            StatusCode::INTERNAL_SERVER_ERROR,
            "the relay could not keep the blob\n",
        )
            .into_response(),
    }
}

/// Reads a body to its end, or to the most a photo may be, keeping nothing.
async fn discard(body: Body) {
    use futures::StreamExt;
    let mut stream = body.into_data_stream();
    let mut bytes = 0u64;
    while let Some(Ok(chunk)) = stream.next().await {
        bytes += chunk.len() as u64;
        if bytes > newsdesk_core::photo::MAX_FILE_BYTES {
            return;
        }
    }
}

/// Streams a `PUT` body to `temp`, hashing it; fsynced when its SHA-256 is `name`.
async fn receive_blob(body: Body, temp: &Path, name: &str) -> Result<(), Response> {
    use futures::StreamExt;
    use sha2::Digest;
    use tokio::io::AsyncWriteExt;
    let failed = |what: &str| {
        (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("the relay could not keep the blob: {what}\n"),
        )
            .into_response()
    };
    let mut file = tokio::fs::File::create(temp)
        .await
        .map_err(|e| failed(&e.to_string()))?;
    let mut hasher = sha2::Sha256::new();
    let mut bytes = 0u64;
    let mut stream = body.into_data_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| {
            (
                StatusCode::BAD_REQUEST,
                format!("the upload broke off: {e}\n"),
            )
                .into_response()
        })?;
        bytes += chunk.len() as u64;
        if bytes > newsdesk_core::photo::MAX_FILE_BYTES {
            return Err((
                StatusCode::PAYLOAD_TOO_LARGE,
                format!(
                    "a photo may be at most {} MB\n",
                    newsdesk_core::photo::MAX_FILE_BYTES / (1024 * 1024)
                ),
            )
                .into_response());
        }
        hasher.update(&chunk);
        file.write_all(&chunk)
            .await
            .map_err(|e| failed(&e.to_string()))?;
    }
    let got = hex::encode(hasher.finalize());
    if got != name {
        return Err((
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("the {bytes} bytes sent have SHA-256 {got}, not {name}: refused\n"),
        )
            .into_response());
    }
    file.sync_all().await.map_err(|e| failed(&e.to_string()))?;
    Ok(())
}

/// A window's heartbeat: who else has its story open (`presence.rs`).
async fn presence(State(relay): State<Relay>, headers: HeaderMap, body: String) -> Response {
    if !authorised(&headers, &relay.token) {
        return refused();
    }
    let Ok(beat) = serde_json::from_str::<Heartbeat>(&body) else {
        return (StatusCode::BAD_REQUEST, "not a heartbeat\n").into_response();
    };
    let here = relay.presence.beat(beat, std::time::Instant::now());
    (
        [(header::CONTENT_TYPE, "application/json")],
        serde_json::to_string(&here).expect("a list of people serialises"),
    )
        .into_response()
}
