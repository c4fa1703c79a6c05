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

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use automerge::transaction::Transactable;
use automerge::{ObjType, ReadDoc, Value};
use newsdesk_core::library::DB_FILE;
use newsdesk_core::store::{DeskDocument, MergedChange, Store};
use samod::{BackoffConfig, DialerFailed, DialerHandle, DocHandle, DocumentId, Repo};
use serde::Serialize;

use crate::dialer::{DeskDialer, Refused};
use crate::document::{self, Session, Writer};
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
/// One round of waiting for the relay to agree; a round that times out starts again on the
/// current connection (the old one may have died with a relay restart).
const ROUND: Duration = Duration::from_secs(5);
/// The key of the index document's map of stories: article id -> document id.
pub(crate) const STORIES: &str = "stories";
/// The key of the index's map of where each story stands: article id -> its document's heads
/// (comma-joined hex) as the last laptop to sync it left them. A library that agreed with the
/// document at exactly those heads has nothing to fetch, and does not open it.
const HEADS: &str = "heads";

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
    drop(library);
    sync(root, token)
}

/// Syncs the library in `root` with its desk once, and returns when every story agrees with
/// the relay (or with an error saying why not).
pub fn sync(root: &Path, token: &str) -> Result<SyncReport> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::Library(io_error("starting the sync", e)))?;
    runtime.block_on(sync_async(root, token))
}

fn io_error(context: &str, source: std::io::Error) -> newsdesk_core::Error {
    newsdesk_core::Error::Io {
        context: context.to_owned(),
        source,
    }
}

fn desk_url(url: &str) -> Result<url::Url> {
    let parsed = url::Url::parse(url.trim())
        .map_err(|e| Error::Invalid(format!("{url:?} is not a desk address: {e}")))?;
    if !matches!(parsed.scheme(), "ws" | "wss") || parsed.host().is_none() {
        return Err(Error::Invalid(format!(
            "{url:?} is not a desk address: use ws://host:port (or wss:// behind a TLS proxy)"
        )));
    }
    Ok(parsed)
}

/// The relay's `GET /desk`: the desk's index document, behind the same token.
fn fetch_index_id(url: &url::Url, token: &str) -> Result<String> {
    let mut http = url.clone();
    http.set_scheme(if url.scheme() == "wss" {
        "https"
    } else {
        "http"
    })
    .expect("http and https are valid schemes for a ws URL");
    http.set_path("/desk");
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

async fn sync_async(root: &Path, token: &str) -> Result<SyncReport> {
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
    // The laptop's default share policy (read-write, announce) is right: its one peer is the
    // desk's relay, and everything it holds belongs to that desk.
    let repo = Repo::build_tokio()
        .with_storage(storage.clone())
        .load()
        .await;
    let result = Sync {
        repo: &repo,
        store,
        session,
        url,
    }
    .run(index_id, token)
    .await;
    // Waits for samod's pending writes to the library.
    repo.stop().await;
    if let Some(failure) = storage.take_failure() {
        return Err(failure.into());
    }
    result
}

struct Sync<'a> {
    repo: &'a Repo,
    store: &'a mut Store,
    session: Session,
    url: url::Url,
}

/// A story document open in this sync, and the article version its local saves came from.
struct Open {
    handle: DocHandle,
    row: DeskDocument,
    /// The article version applied to the document in this sync (`None`: a story new here).
    applied_version: Option<i64>,
}

impl Sync<'_> {
    async fn run(&mut self, index_id: DocumentId, token: &str) -> Result<SyncReport> {
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

        let mut report = SyncReport::default();
        let listed = list_stories(&index).await?;
        let rows = self.store.desk_documents()?;
        let on_this_laptop: HashSet<String> =
            rows.iter().map(|row| row.article_id.clone()).collect();
        // Only the stories that moved are opened: at 2,000 stories, opening every document
        // made a sync with nothing new take two minutes.
        let moved: Vec<DeskDocument> = rows
            .into_iter()
            .filter(|row| row.saved_since_sync() || !agrees(row, listed.get(&row.article_id)))
            .collect();
        let found = self
            .find_all(moved.iter().map(|row| row.doc_id.as_str()))
            .await?;
        let mut open: BTreeMap<String, Open> = BTreeMap::new();
        for (row, handle) in moved.into_iter().zip(found) {
            let handle = handle.ok_or_else(|| {
                Error::Malformed(format!(
                    "story {}: its document {} is neither here nor on the relay",
                    row.article_id, row.doc_id
                ))
            })?;
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
        for article in self.store.articles_off_desk()? {
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
            report.added += 1;
        }

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
        let new_here: Vec<(String, String)> = listed
            .into_iter()
            .filter(|(article_id, _)| {
                !on_this_laptop.contains(article_id) && !open.contains_key(article_id)
            })
            .map(|(article_id, listing)| (article_id, listing.doc_id))
            .collect();
        let found = self
            .find_all(new_here.iter().map(|(_, doc_id)| doc_id.as_str()))
            .await?;
        let arrived: Vec<(String, DocHandle)> = new_here
            .into_iter()
            .zip(found)
            .filter_map(|((article_id, _), handle)| Some((article_id, handle?)))
            .collect();

        report.opened = open.len() - report.added + arrived.len();
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
        if self.list_on_index(&index, &stories).await? {
            self.converge(&dialer, std::slice::from_ref(&index), patience)
                .await?;
        }
        dialer.close();

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
        let rows = self.store.desk_documents()?;
        report.stories = rows.len();
        for row in &rows {
            report.open_conflicts += self.store.open_conflicts(&row.article_id)?.len();
        }
        Ok(report)
    }

    /// Lists `stories` on the index at their documents' current heads, where the index says
    /// otherwise. Returns whether it changed the index.
    async fn list_on_index(
        &self,
        index: &DocHandle,
        stories: &[(String, DocHandle)],
    ) -> Result<bool> {
        let listed = list_stories(index).await?;
        let mut listings = Vec::new();
        for (article_id, handle) in stories {
            let doc_id = handle.document_id().to_string();
            let heads = document::heads_to_strings(&heads_of(handle).await?).join(",");
            let current = listed
                .get(article_id)
                .is_some_and(|l| l.doc_id == doc_id && l.heads.len() == 1 && l.heads[0] == heads);
            if !current {
                listings.push((article_id.clone(), doc_id, heads));
            }
        }
        if listings.is_empty() {
            return Ok(false);
        }
        let session = self.session.clone();
        index
            .with_document_async(move |doc| {
                doc.set_actor(session.actor.clone());
                doc.transact::<_, _, automerge::AutomergeError>(|tx| {
                    let mut map = |key: &str| match tx.get(automerge::ROOT, key)? {
                        Some((Value::Object(ObjType::Map), id)) => Ok(id),
                        _ => tx.put_object(automerge::ROOT, key, ObjType::Map),
                    };
                    let (stories, heads) = (map(STORIES)?, map(HEADS)?);
                    for (article_id, doc_id, at) in &listings {
                        tx.put(&stories, article_id.as_str(), doc_id.as_str())?;
                        tx.put(&heads, article_id.as_str(), at.as_str())?;
                    }
                    Ok(())
                })
                .map(|_| ())
                .map_err(|failure| Error::document("listing stories on the desk", failure.error))
            })
            .await
            .map_err(|_| self.stopped())??;
        Ok(true)
    }

    /// Looks up many documents at once: one at a time, a laptop catching up on 2,000 stories
    /// waited for 2,000 round trips to the relay in a row.
    async fn find_all<'a>(
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

    fn stopped(&self) -> Error {
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
    async fn converge(
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

/// What the desk's index says of one story.
struct Listing {
    doc_id: String,
    /// Every value of the story's heads: two laptops that synced it at once each wrote theirs.
    heads: Vec<String>,
}

/// Whether the library agrees with the story as the index lists it: same document, and the
/// heads it last synced at are the only heads listed.
fn agrees(row: &DeskDocument, listing: Option<&Listing>) -> bool {
    let synced = row.synced_heads.join(",");
    listing.is_some_and(|l| {
        l.doc_id == row.doc_id && !l.heads.is_empty() && l.heads.iter().all(|h| *h == synced)
    })
}

/// The index's stories: article id -> document id and heads.
async fn list_stories(index: &DocHandle) -> Result<HashMap<String, Listing>> {
    index
        .with_document_async(|doc| {
            let map = |key: &str| match doc.get(automerge::ROOT, key) {
                Ok(Some((Value::Object(ObjType::Map), id))) => Some(id),
                _ => None,
            };
            let Some(stories) = map(STORIES) else {
                return HashMap::new();
            };
            let heads = map(HEADS);
            doc.map_range(&stories, ..)
                .filter_map(|item| {
                    let Value::Scalar(s) = Value::from(item.value) else {
                        return None;
                    };
                    let doc_id = s.as_str()?.to_owned();
                    let article_id = item.key.to_string();
                    let heads = heads
                        .as_ref()
                        .and_then(|heads| doc.get_all(heads, article_id.as_str()).ok())
                        .unwrap_or_default()
                        .into_iter()
                        .filter_map(|(value, _)| value.into_string().ok())
                        .collect();
                    Some((article_id, Listing { doc_id, heads }))
                })
                .collect()
        })
        .await
        .map_err(|_| Error::Invalid("the sync engine stopped".into()))
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
