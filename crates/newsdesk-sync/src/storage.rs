//! samod's storage in the library: the laptop's copy of the desk's documents is rows of
//! `desk_chunks` in `newsdesk.db`, each write a transaction with `synchronous = FULL`. samod's
//! own filesystem storage writes in place without a temporary file or fsync and ignores errors
//! (notes/samod-relay.md, trap 7); a laptop's copy must survive a crash like its saves do.
//!
//! samod's `Storage` cannot return errors, so the first one is kept and the sync reports it
//! when it ends instead of claiming success.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use newsdesk_core::store::Store;
use samod::storage::{Storage, StorageKey};

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
