//! Where samod keeps documents. samod's own filesystem storage writes in place without a
//! temporary file or fsync and ignores errors (notes/samod-relay.md, trap 7), so neither end
//! uses it for writing:
//! - the laptop's copy of the desk's documents is rows of `desk_chunks` in `newsdesk.db`, each
//!   write a transaction with `synchronous = FULL` (`LibraryStorage`): it must survive a crash
//!   like the laptop's saves do. samod's `Storage` cannot return errors, so the first one is
//!   kept and the sync reports it when it ends instead of claiming success;
//! - the relay's folder (`RelayStorage`) gets whole chunks, written beside and renamed into
//!   place, because the relay runs one repo per connection over one folder (`relay.rs`): two
//!   repos may write the same chunk (two laptops' repos compacting a story at the same heads)
//!   while a third reads it, and an in-place write can be read half-way. A chunk being written
//!   or deleted is read from memory by every repo until the disk has it (`InFlight`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use newsdesk_core::store::Store;
use samod::storage::{Storage, StorageKey, TokioFilesystemStorage};

#[derive(Clone)]
pub struct LibraryStorage {
    store: Arc<Mutex<Store>>,
    failure: Arc<Mutex<Option<newsdesk_core::Error>>>,
}

impl LibraryStorage {
    /// Over its own connection to the library (SQLite serialises it with the others).
    pub fn new(store: Store) -> LibraryStorage {
        LibraryStorage {
            store: Arc::new(Mutex::new(store)),
            failure: Arc::new(Mutex::new(None)),
        }
    }

    /// The first write or read that failed, if any.
    pub fn take_failure(&self) -> Option<newsdesk_core::Error> {
        self.failure.lock().expect("storage failure lock").take()
    }

    fn keep<T>(&self, result: newsdesk_core::Result<T>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(e) => {
                let mut failure = self.failure.lock().expect("storage failure lock");
                failure.get_or_insert(e);
                None
            }
        }
    }

    fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> newsdesk_core::Result<T>) -> Option<T> {
        let result = f(&mut self.store.lock().expect("storage lock"));
        self.keep(result)
    }
}

fn key_text(key: &StorageKey) -> String {
    // StorageKey guarantees no part holds a '/'.
    key.into_iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join("/")
}

fn key_from_text(text: &str) -> Option<StorageKey> {
    StorageKey::from_parts(text.split('/')).ok()
}

impl Storage for LibraryStorage {
    async fn load(&self, key: StorageKey) -> Option<Vec<u8>> {
        let key = key_text(&key);
        self.with_store(|store| store.desk_chunk(&key)).flatten()
    }

    async fn load_range(&self, prefix: StorageKey) -> HashMap<StorageKey, Vec<u8>> {
        let wanted = prefix.clone();
        let text = key_text(&prefix);
        self.with_store(|store| store.desk_chunks_under(&text))
            .unwrap_or_default()
            .into_iter()
            .filter_map(|(key, data)| Some((key_from_text(&key)?, data)))
            .filter(|(key, _)| wanted.is_prefix_of(key))
            .collect()
    }

    async fn put(&self, key: StorageKey, data: Vec<u8>) {
        let key = key_text(&key);
        self.with_store(|store| store.put_desk_chunk(&key, &data));
    }

    async fn delete(&self, key: StorageKey) {
        let key = key_text(&key);
        self.with_store(|store| store.delete_desk_chunk(&key));
    }
}

/// The relay's documents in a folder, in the layout of automerge-repo's Node filesystem storage
/// (`automerge-repo-storage-nodefs`), which samod's `TokioFilesystemStorage` also reads and
/// writes: reads go through samod's, only writes are our own.
#[derive(Clone)]
pub struct RelayStorage {
    in_flight: Arc<Mutex<InFlight>>,
    documents: Arc<Path>,
    /// Chunks being written, on the same file system so a rename moves them into place, and
    /// outside `documents` so no read of a document's chunks ever sees one half-written.
    incoming: Arc<Path>,
    reads: TokioFilesystemStorage,
}

impl RelayStorage {
    /// Over `documents`, with chunks written in `incoming` first (both created if missing).
    pub fn new(documents: &Path, incoming: &Path) -> std::io::Result<RelayStorage> {
        std::fs::create_dir_all(documents)?;
        std::fs::create_dir_all(incoming)?;
        // What a relay killed mid-write left behind.
        for entry in std::fs::read_dir(incoming)?.flatten() {
            let _ = std::fs::remove_file(entry.path());
        }
        Ok(RelayStorage {
            in_flight: Arc::default(),
            documents: documents.into(),
            incoming: incoming.into(),
            reads: TokioFilesystemStorage::new(documents),
        })
    }

    /// The nodefs layout: the first part of the key split after two characters (so no folder
    /// holds every document), then the other parts as folders and file.
    fn path(&self, key: &StorageKey) -> PathBuf {
        let mut path = self.documents.to_path_buf();
        for (n, part) in key.into_iter().enumerate() {
            if n == 0 {
                let split = part.char_indices().nth(2).map_or(part.len(), |(i, _)| i);
                path.push(&part[..split]);
                path.push(&part[split..]);
            } else {
                path.push(part);
            }
        }
        path
    }
}

/// A whole chunk or none: written in `incoming`, synced, renamed into place. The folder is not
/// synced on every write: a power cut may lose the last chunks, never tear one, and every laptop
/// holds a full copy of what it sent, which its next sync sends again.
fn write_whole(incoming: &Path, path: &Path, data: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let temp = incoming.join(uuid::Uuid::new_v4().to_string());
    let mut file = std::fs::File::create(&temp)?;
    file.write_all(data)?;
    file.sync_all()?;
    std::fs::rename(&temp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temp);
    })
}

/// The chunks some repo of this relay is writing or deleting, as every repo must see them.
///
/// samod hands a repo's writes to storage and its sync replies to the network separately, so
/// a laptop can hear "agreed", hang up, and have the next laptop's repo load the document from
/// the folder before the first repo's chunk is there: the next laptop then missed a change
/// (the photo sync test saw the photos one laptop listed missing for the next in 5 of 15 runs
/// on this loaded machine before this layer, 0 of 15 with it). A write is entered here before it touches the disk and left once
/// the rename is done, so a load sees it from the moment samod asks for it. The tickets keep a
/// later write to the same key from being forgotten when an earlier one finishes.
#[derive(Default)]
struct InFlight {
    /// Each key's ticket and bytes (`None`: being deleted).
    chunks: HashMap<StorageKey, (u64, Landing)>,
    tickets: u64,
}

type Landing = Option<Arc<Vec<u8>>>;

impl RelayStorage {
    /// `data` (or, with `None`, a deletion) for `key` until [`RelayStorage::landed`].
    fn starting(&self, key: &StorageKey, data: Landing) -> u64 {
        let mut in_flight = self.in_flight.lock().expect("relay storage lock");
        in_flight.tickets += 1;
        let ticket = in_flight.tickets;
        in_flight.chunks.insert(key.clone(), (ticket, data));
        ticket
    }

    fn landed(&self, key: &StorageKey, ticket: u64) {
        let mut in_flight = self.in_flight.lock().expect("relay storage lock");
        if in_flight.chunks.get(key).is_some_and(|(t, _)| *t == ticket) {
            in_flight.chunks.remove(key);
        }
    }
}

impl Storage for RelayStorage {
    async fn load(&self, key: StorageKey) -> Option<Vec<u8>> {
        let landing = {
            let in_flight = self.in_flight.lock().expect("relay storage lock");
            in_flight.chunks.get(&key).map(|(_, data)| data.clone())
        };
        match landing {
            Some(data) => data.as_deref().cloned(),
            None => self.reads.load(key).await,
        }
    }

    async fn load_range(&self, prefix: StorageKey) -> HashMap<StorageKey, Vec<u8>> {
        // Taken before the folder is read: a write that lands during the read is in one or
        // the other, never in neither.
        let landing: Vec<(StorageKey, Landing)> = {
            let in_flight = self.in_flight.lock().expect("relay storage lock");
            in_flight
                .chunks
                .iter()
                .filter(|(key, _)| prefix.is_prefix_of(key))
                .map(|(key, (_, data))| (key.clone(), data.clone()))
                .collect()
        };
        let mut chunks = self.reads.load_range(prefix).await;
        for (key, data) in landing {
            match data {
                Some(data) => chunks.insert(key, data.as_ref().clone()),
                None => chunks.remove(&key),
            };
        }
        chunks
    }

    async fn put(&self, key: StorageKey, data: Vec<u8>) {
        let data = Arc::new(data);
        let ticket = self.starting(&key, Some(data.clone()));
        let path = self.path(&key);
        let incoming = self.incoming.clone();
        let written =
            tokio::task::spawn_blocking(move || write_whole(&incoming, &path, &data)).await;
        if let Ok(Err(e)) | Err(e) = written.map_err(std::io::Error::other) {
            // samod's `put` cannot fail; the laptop that sent the change still has it.
            eprintln!("newsdesk-relay: a document chunk was not kept: {e}");
        }
        self.landed(&key, ticket);
    }

    async fn delete(&self, key: StorageKey) {
        let ticket = self.starting(&key, None);
        self.reads.delete(key.clone()).await;
        self.landed(&key, ticket);
    }
}
