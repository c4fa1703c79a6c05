//! Joining a desk and syncing once: what `newsdesk desk join` and `newsdesk desk sync` run.
//!
//! One sync, in order:
//! 1. connect to the relay (a refused token ends it at once, with a clear error);
//! 2. bring the desk's index up to date (the ids of the desk's story documents: a laptop asks
//!    for exactly those, so it never receives another desk's documents);
//! 3. put every story not yet on the desk there (a library that joins brings them all);
//! 4. apply each local save since the last sync to its document, as a change made where the
//!    two last agreed (`document::apply_local`);
//! 5. fetch the stories other laptops added;
//! 6. wait until the relay has all our changes and we have all of its, again until nothing
//!    moves (heads move after a merge: notes/samod-relay.md, trap 5);
//! 7. bring each changed document into the library as a merge revision naming whose changes
//!    they were, with the field conflicts it holds (`Store::merge_desk_change`).
//!
//! Every step that changes the library is one store transaction, so a sync killed anywhere
//! leaves the library as it was after some step, and the next sync carries on from there.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use newsdesk_core::library::DB_FILE;
use newsdesk_core::store::{DeskDocument, MergedChange, Store};
use samod::{BackoffConfig, DialerFailed, DialerHandle, DocHandle, DocumentId, Repo};
use serde::Serialize;

use crate::dialer::{DeskDialer, Refused};
use crate::document::{self, Session, Writer};
use crate::index;
use crate::repo_tasks::RepoTasks;
use crate::storage::LibraryStorage;
use crate::{Error, Result};

/// How long a sync keeps trying to reach the relay, and to finish, before it reports that it
/// did not. Generous: a relay restarting, or a laptop fetching a large desk, takes seconds.
const CONNECT_PATIENCE: Duration = Duration::from_secs(20);
const SYNC_PATIENCE: Duration = Duration::from_secs(120);
/// And a little more for each story: 2,000 stories took about 2 minutes to reach a relay
/// (debug build, measured on 2 busy cores).
const PATIENCE_PER_STORY: Duration = Duration::from_millis(100);
/// Documents looked up at once.
const FINDS_AT_ONCE: usize = 64;
/// Stories one round of a sync opens; a sync with more to do runs rounds, each on a fresh samod
/// repo. samod's hub checks every loaded document against every connection on every event and
/// never unloads one (samod-core 0.16, `ensure_connections`; notes/samod-relay.md, trap 6), so
/// the work of one repo grows with the square of its documents: a laptop catching up on 2,000
/// stories in one repo took 117 s, and on 10,000 had not finished after 19 minutes.
const STORIES_PER_ROUND: usize = 500;
/// One round of waiting for the relay to agree; a round that times out starts again on the
/// current connection (the old one may have died with a relay restart).
const ROUND: Duration = Duration::from_secs(5);

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    /// Stories on the desk, as this laptop knows them now.
    pub stories: usize,
    /// Stories this laptop put on the desk for the first time.
    pub added: usize,
    /// Stories whose local saves went out.
    pub sent: usize,
    /// Stories that came in from the desk for the first time.
    pub received: usize,
    /// Stories changed by a merge of others' changes.
    pub merged: usize,
    /// Story documents this sync opened: only those saved here or moved on the desk since
    /// the last sync (and those new here).
    pub opened: usize,
    /// Stories saved here during the sync: their saves go out next time.
    pub waiting: usize,
    /// Field conflicts open in the library after the sync.
    pub open_conflicts: usize,
    /// The photo phase: records, crops and originals (`photos`).
    pub photos: crate::photos::PhotoReport,
}

/// Joins the library in `root` to the desk at `url` (`ws://host:port`) with `token`, then syncs
/// once: its stories go to the desk, the desk's come here.
pub fn join(root: &Path, url: &str, token: &str) -> Result<SyncReport> {
    let url = desk_url(url)?;
    // Opening the library the usual way makes its folder for a laptop starting from nothing.
    let mut library = newsdesk_core::Library::open(root)?;
    library.store().identity()?.ok_or(Error::NoIdentity)?;
    let index = fetch_index_id(&url, token)?;
    library.store_mut().join_desk(url.as_str(), &index)?;
    // The relay took the token: kept, so the window's background syncs need nobody to type it.
    library.store_mut().keep_desk_token(token)?;
    drop(library);
    sync(root, token)
}

/// Syncs the library in `root` with its desk once, and returns when every story agrees with
/// the relay (or with an error saying why not).
pub fn sync(root: &Path, token: &str) -> Result<SyncReport> {
    sync_in_rounds_of(root, token, STORIES_PER_ROUND)
}

/// `sync`, opening at most `stories` stories in each round (tests use small rounds; `sync`
/// uses `STORIES_PER_ROUND`).
pub fn sync_in_rounds_of(root: &Path, token: &str, stories: usize) -> Result<SyncReport> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::Library(io_error("starting the sync", e)))?;
    runtime.block_on(sync_async(root, token, stories.max(1)))
}

fn io_error(context: &str, source: std::io::Error) -> newsdesk_core::Error {
    newsdesk_core::Error::Io {
        context: context.to_owned(),
        source,
    }
}

pub(crate) fn desk_url(url: &str) -> Result<url::Url> {
    let parsed = url::Url::parse(url.trim())
        .map_err(|e| Error::Invalid(format!("{url:?} is not a desk address: {e}")))?;
    if !matches!(parsed.scheme(), "ws" | "wss") || parsed.host().is_none() {
        return Err(Error::Invalid(format!(
            "{url:?} is not a desk address: use ws://host:port (or wss:// behind a TLS proxy)"
        )));
    }
    Ok(parsed)
}

/// The relay's HTTP address for `path`, from the desk's `ws://` (or `wss://`) address.
pub(crate) fn http_address(url: &str, path: &str) -> Result<url::Url> {
    let url = desk_url(url)?;
    let mut http = url.clone();
    http.set_scheme(if url.scheme() == "wss" {
        "https"
    } else {
        "http"
    })
    .expect("http and https are valid schemes for a ws URL");
    http.set_path(path);
    Ok(http)
}

/// The relay's `GET /desk`: the desk's index document, behind the same token.
pub(crate) fn fetch_index_id(url: &url::Url, token: &str) -> Result<String> {
    let http = http_address(url.as_str(), "/desk")?;
    let unreachable = |reason: String| Error::Unreachable {
        url: url.to_string(),
        reason,
    };
    let response = ureq::get(http.as_str())
        .header("Authorization", &format!("Bearer {token}"))
        .call();
    let mut response = match response {
        Ok(response) => response,
        Err(ureq::Error::StatusCode(status @ (401 | 403))) => {
            return Err(Error::Refused {
                url: url.to_string(),
                status,
            });
        }
        Err(e) => return Err(unreachable(e.to_string())),
    };
    let body = response
        .body_mut()
        .read_to_string()
        .map_err(|e| unreachable(e.to_string()))?;
    let answer: serde_json::Value = serde_json::from_str(&body)
        .map_err(|_| unreachable("it does not answer like a Newsdesk relay".into()))?;
    answer["index"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| unreachable("it does not answer like a Newsdesk relay".into()))
}

async fn sync_async(root: &Path, token: &str, per_round: usize) -> Result<SyncReport> {
    let mut library = newsdesk_core::Library::open(root)?;
    let store = library.store_mut();
    let db = root.join(DB_FILE);
    let me = store.identity()?.ok_or(Error::NoIdentity)?;
    let desk = store.desk()?.ok_or(Error::NotJoined)?;
    let index_id: DocumentId = desk
        .index_doc_id
        .as_deref()
        .ok_or(Error::NotJoined)?
        .parse()
        .map_err(|_| Error::Malformed("the desk's index id".into()))?;
    let url = desk_url(&desk.url)?;
    let session = Session::new(Writer {
        name: me.name,
        device: me.device_id,
    });
    let storage = LibraryStorage::new(Store::open(&db)?);
    let mut report = SyncReport::default();
    loop {
        // The laptop's default share policy (read-write, announce) is right: its one peer is
        // the desk's relay, and everything it holds belongs to that desk.
        // Ended after each round, not only stopped (`repo_tasks`): samod would keep every
        // document of every round in memory until the sync returns.
        let tasks = RepoTasks::new();
        let repo = Repo::builder(tasks.clone())
            .with_storage(storage.clone())
            .load()
            .await;
        let round = Sync {
            repo: &repo,
            store,
            session: session.clone(),
            url: url.clone(),
            root,
        }
        .run(index_id.clone(), token, per_round, &mut report)
        .await;
        // Waits for samod's pending writes to the library.
        repo.stop().await;
        drop(repo);
        tasks.end().await;
        if let Some(failure) = storage.take_failure() {
            return Err(failure.into());
        }
        match round? {
            Round::More => continue,
            Round::Last => break,
        }
    }
    let rows = store.desk_documents()?;
    report.stories = rows.len();
    for row in &rows {
        report.open_conflicts += store.open_conflicts(&row.article_id)?.len();
    }
    Ok(report)
}

/// Whether a round of a sync left stories for the next.
enum Round {
    More,
    Last,
}

pub(crate) struct Sync<'a> {
    pub(crate) repo: &'a Repo,
    pub(crate) store: &'a mut Store,
    pub(crate) session: Session,
    pub(crate) url: url::Url,
    /// The library folder (photo originals live under it).
    pub(crate) root: &'a Path,
}

/// A story document open in this sync, and the article version its local saves came from.
struct Open {
    handle: DocHandle,
    row: DeskDocument,
    /// The article version applied to the document in this sync (`None`: a story new here).
    applied_version: Option<i64>,
}

impl Sync<'_> {
    /// One round: at most `per_round` stories (this laptop's saves first, then what moved on
    /// the desk, then stories new to the desk or to this laptop, the newest first), and the
    /// photos in the last round.
    async fn run(
        &mut self,
        index_id: DocumentId,
        token: &str,
        per_round: usize,
        report: &mut SyncReport,
    ) -> Result<Round> {
        let dialer = self
            .repo
            .dial(
                BackoffConfig {
                    initial_delay: Duration::from_millis(100),
                    max_delay: Duration::from_secs(2),
                    max_retries: Some(60),
                },
                Arc::new(DeskDialer::new(self.url.clone(), token.to_owned())),
            )
            .map_err(|_| self.stopped())?;
        self.connected(&dialer).await?;

        let index = self
            .repo
            .find(index_id)
            .await
            .map_err(|_| self.stopped())?
            .ok_or_else(|| Error::Unreachable {
                url: self.url.to_string(),
                reason: "the relay does not hold this desk's index (was its folder replaced?)"
                    .into(),
            })?;
        self.converge(&dialer, std::slice::from_ref(&index), SYNC_PATIENCE)
            .await?;

        let listed = index::listings(&index, index::STORIES).await?;
        let rows = self.store.desk_documents()?;
        let on_this_laptop: HashSet<String> =
            rows.iter().map(|row| row.article_id.clone()).collect();
        // Only the stories that moved are opened: at 2,000 stories, opening every document
        // made a sync with nothing new take two minutes.
        let (mut moved, moved_there): (Vec<DeskDocument>, Vec<DeskDocument>) = rows
            .into_iter()
            .filter(|row| {
                row.saved_since_sync()
                    || !index::agrees(&row.doc_id, &row.synced_heads, listed.get(&row.article_id))
            })
            .partition(DeskDocument::saved_since_sync);
        moved.extend(moved_there);
        let mut budget = Budget {
            left: per_round,
            left_some_out: false,
        };
        let moved = budget.take(moved);
        let found = self
            .find_all(moved.iter().map(|row| row.doc_id.as_str()))
            .await?;
        let mut open: BTreeMap<String, Open> = BTreeMap::new();
        for (row, handle) in moved.into_iter().zip(found) {
            let Some(handle) = handle else {
                if listed.contains_key(&row.article_id) {
                    return Err(Error::Malformed(format!(
                        "story {}: its document {} is neither here nor on the relay",
                        row.article_id, row.doc_id
                    )));
                }
                // Recorded as made, then killed before samod wrote it (the kill -9 test: every
                // later sync failed here). Never listed, so no one else has it: the story goes
                // on the desk again, from the library.
                self.store.forget_desk_document(&row.article_id)?;
                continue;
            };
            open.insert(
                row.article_id.clone(),
                Open {
                    handle,
                    row,
                    applied_version: None,
                },
            );
        }

        // Stories not on the desk yet: a new document each.
        let off_desk = self.store.articles_off_desk(budget.left + 1)?;
        let mut added = 0;
        for article in budget.take(off_desk) {
            let doc = document::new_document(&article, &self.session)?;
            let handle = self.repo.create(doc).await.map_err(|_| self.stopped())?;
            let heads = heads_of(&handle).await?;
            let row = DeskDocument {
                article_id: article.id.clone(),
                doc_id: handle.document_id().to_string(),
                synced_heads: document::heads_to_strings(&heads),
                synced_version: article.version,
                version: article.version,
            };
            self.store.mark_desk_document(
                &row.article_id,
                &row.doc_id,
                &row.synced_heads,
                row.synced_version,
            )?;
            open.insert(
                article.id.clone(),
                Open {
                    handle,
                    row,
                    applied_version: Some(article.version),
                },
            );
            added += 1;
        }

        report.added += added;

        // Local saves since the last sync.
        for (article_id, story) in open.iter_mut() {
            if story.applied_version.is_some() || !story.row.saved_since_sync() {
                continue;
            }
            let article = self.store.article(article_id)?;
            let conflicts: Vec<String> = self
                .store
                .open_conflicts(article_id)?
                .into_iter()
                .map(|c| c.field)
                .collect();
            let heads = document::heads_from_strings(&story.row.synced_heads)?;
            let session = self.session.clone();
            let version = article.version;
            story
                .handle
                .with_document_async(move |doc| {
                    document::apply_local(doc, &heads, &article, &conflicts, &session)
                })
                .await
                .map_err(|_| self.stopped())??;
            story.applied_version = Some(version);
            report.sent += 1;
        }

        // Stories others put on the desk.
        let mut new_here: Vec<(i64, String, String)> = listed
            .into_iter()
            .filter(|(article_id, _)| {
                !on_this_laptop.contains(article_id) && !open.contains_key(article_id)
            })
            .map(|(article_id, listing)| (listing.listed_at, article_id, listing.doc_id))
            .collect();
        // The latest first, so a laptop catching up on a large desk has today's stories in the
        // first round; ties in a fixed order, so a round's choice never depends on a hash map.
        new_here.sort_unstable_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let new_here: Vec<(String, String)> = budget
            .take(new_here)
            .into_iter()
            .map(|(_, article_id, doc_id)| (article_id, doc_id))
            .collect();
        let found = self
            .find_all(new_here.iter().map(|(_, doc_id)| doc_id.as_str()))
            .await?;
        let arrived: Vec<(String, DocHandle)> = new_here
            .into_iter()
            .zip(found)
            .filter_map(|((article_id, _), handle)| Some((article_id, handle?)))
            .collect();

        report.opened += open.len() - added + arrived.len();
        let mut handles: Vec<DocHandle> = vec![index.clone()];
        handles.extend(open.values().map(|o| o.handle.clone()));
        handles.extend(arrived.iter().map(|(_, h)| h.clone()));
        let patience = SYNC_PATIENCE + PATIENCE_PER_STORY * handles.len() as u32;
        self.converge(&dialer, &handles, patience).await?;

        // The index says where every story opened here now stands, so laptops that already
        // agree need not open it. Written after the relay has the documents' changes: a sync
        // killed in between leaves the index behind, and a story it lists as behind is only
        // opened once more.
        let stories: Vec<(String, DocHandle)> = open
            .iter()
            .map(|(id, o)| (id.clone(), o.handle.clone()))
            .chain(arrived.iter().cloned())
            .collect();
        if index::list(&index, index::STORIES, &stories, &self.session).await? {
            self.converge(&dialer, std::slice::from_ref(&index), patience)
                .await?;
        }

        // Into the library.
        for (article_id, handle) in arrived {
            let (story, author) = read_story(&handle, &[], &self.session).await?;
            if story.article_id != article_id {
                return Err(Error::Malformed(format!(
                    "the desk lists {} as story {article_id}",
                    story.article_id
                )));
            }
            let merged = merged_change(story, author, handle.document_id());
            self.store.create_from_desk(&article_id, &merged)?;
            report.received += 1;
        }
        for (article_id, story) in open {
            let synced = document::heads_from_strings(&story.row.synced_heads)?;
            let (read, author) = read_story(&story.handle, &synced, &self.session).await?;
            let base = story.applied_version.unwrap_or(story.row.synced_version);
            let article = self.store.article(&article_id)?;
            if article.version != base {
                // Saved here while this sync ran: that save goes out next time, then this
                // merge is made on top of it.
                report.waiting += 1;
                continue;
            }
            if document::heads_to_strings(&read.heads) == story.row.synced_heads
                && article.version == story.row.synced_version
            {
                continue;
            }
            let open_now = self.store.open_conflicts(&article_id)?;
            let same_conflicts = open_now.len() == read.conflicts.len()
                && open_now.iter().all(|c| {
                    read.conflicts
                        .iter()
                        .any(|(f, cands)| *f == c.field && *cands == c.candidates)
                });
            if read.fields == article.fields && read.status == article.status && same_conflicts {
                // Only our own changes, or nothing: the two agree.
                self.store.mark_desk_document(
                    &article_id,
                    &story.row.doc_id,
                    &document::heads_to_strings(&read.heads),
                    article.version,
                )?;
                continue;
            }
            let merged = merged_change(read, author, story.handle.document_id());
            match self.store.merge_desk_change(&article_id, base, &merged) {
                Ok(_) => report.merged += 1,
                Err(newsdesk_core::Error::Stale { .. }) => report.waiting += 1,
                Err(e) => return Err(e.into()),
            }
        }
        if budget.left_some_out {
            dialer.close();
            return Ok(Round::More);
        }
        report.photos = crate::photos::sync_photos(self, &dialer, &index, token).await?;
        dialer.close();
        Ok(Round::Last)
    }

    /// Looks up many documents at once: one at a time, a laptop catching up on 2,000 stories
    /// waited for 2,000 round trips to the relay in a row.
    pub(crate) async fn find_all<'a>(
        &self,
        doc_ids: impl Iterator<Item = &'a str>,
    ) -> Result<Vec<Option<DocHandle>>> {
        use futures::StreamExt;
        let finds = doc_ids
            .map(|id| parse_doc_id(id).map(|id| self.repo.find(id)))
            .collect::<Result<Vec<_>>>()?;
        let found: Vec<_> = futures::stream::iter(finds)
            .buffered(FINDS_AT_ONCE)
            .collect()
            .await;
        found
            .into_iter()
            .map(|f| f.map_err(|_| self.stopped()))
            .collect()
    }

    pub(crate) fn stopped(&self) -> Error {
        Error::Unfinished {
            url: self.url.to_string(),
            seconds: 0,
            reason: "the sync engine stopped".into(),
        }
    }

    async fn connected(&self, dialer: &DialerHandle<Refused>) -> Result<()> {
        match tokio::time::timeout(CONNECT_PATIENCE, dialer.established()).await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(DialerFailed::PermanentFailure(refused))) => Err(Error::Refused {
                url: self.url.to_string(),
                status: refused.status,
            }),
            Ok(Err(DialerFailed::MaxRetriesReached)) | Err(_) => {
                dialer.close();
                Err(Error::Unreachable {
                    url: self.url.to_string(),
                    reason: format!(
                        "no connection within {} s (is the relay running?)",
                        CONNECT_PATIENCE.as_secs()
                    ),
                })
            }
        }
    }

    /// Waits until the relay has every change of `handles` and we have every change it has,
    /// and nothing moved while we waited. Starts a round again on the current connection
    /// when one takes too long (a relay restarted mid-sync means a new connection).
    pub(crate) async fn converge(
        &self,
        dialer: &DialerHandle<Refused>,
        handles: &[DocHandle],
        patience: Duration,
    ) -> Result<()> {
        let deadline = Instant::now() + patience;
        let unfinished = |reason: &str| Error::Unfinished {
            url: self.url.to_string(),
            seconds: patience.as_secs(),
            reason: reason.to_owned(),
        };
        loop {
            if Instant::now() > deadline {
                return Err(unfinished("the relay did not answer for every story"));
            }
            let Some(conn) = dialer.connection_id() else {
                match tokio::time::timeout(ROUND, dialer.established()).await {
                    Ok(Err(DialerFailed::PermanentFailure(refused))) => {
                        return Err(Error::Refused {
                            url: self.url.to_string(),
                            status: refused.status,
                        });
                    }
                    Ok(Err(DialerFailed::MaxRetriesReached)) => {
                        return Err(unfinished("the connection was lost and not regained"));
                    }
                    _ => continue,
                }
            };
            let before = all_heads(handles).await?;
            let agreed = futures::future::join_all(handles.iter().map(|h| {
                let ours = h.they_have_our_changes(conn);
                let theirs = h.we_have_their_changes(conn);
                async move {
                    ours.await;
                    theirs.await;
                }
            }));
            if tokio::time::timeout(ROUND, agreed).await.is_err() {
                continue;
            }
            if all_heads(handles).await? == before {
                return Ok(());
            }
        }
    }
}

/// The stories a round may still open, and whether it had to leave some for the next.
struct Budget {
    left: usize,
    left_some_out: bool,
}

impl Budget {
    fn take<T>(&mut self, mut wanted: Vec<T>) -> Vec<T> {
        if wanted.len() > self.left {
            wanted.truncate(self.left);
            self.left_some_out = true;
        }
        self.left -= wanted.len();
        wanted
    }
}

fn parse_doc_id(id: &str) -> Result<DocumentId> {
    id.parse()
        .map_err(|_| Error::Malformed(format!("{id:?} is not a document id")))
}

async fn heads_of(handle: &DocHandle) -> Result<Vec<automerge::ChangeHash>> {
    handle
        .with_document_async(|doc| doc.get_heads())
        .await
        .map_err(|_| Error::Invalid("the sync engine stopped".into()))
}

async fn all_heads(handles: &[DocHandle]) -> Result<Vec<Vec<automerge::ChangeHash>>> {
    let mut all = Vec::with_capacity(handles.len());
    for handle in handles {
        all.push(heads_of(handle).await?);
    }
    Ok(all)
}

async fn read_story(
    handle: &DocHandle,
    since: &[automerge::ChangeHash],
    session: &Session,
) -> Result<(document::Story, String)> {
    let since = since.to_vec();
    let device = session.writer.device.clone();
    handle
        .with_document_async(move |doc| {
            let story = document::read(doc)?;
            let author = document::writers_since(doc, &since, &device);
            Ok((story, author))
        })
        .await
        .map_err(|_| Error::Invalid("the sync engine stopped".into()))?
}

fn merged_change(story: document::Story, author: String, doc_id: &DocumentId) -> MergedChange {
    MergedChange {
        fields: story.fields,
        status: story.status,
        author,
        doc_id: doc_id.to_string(),
        heads: document::heads_to_strings(&story.heads),
        conflicts: story.conflicts,
    }
}
