//! The upkeep saves leave for later, done while the desk is idle: merging the search index
//! (saves merge only a few pages each; a large merge was the slow tail of saving in a large
//! library) and copying the
//! write-ahead log into the database. A thread of its own does it on its own connection, in
//! small steps: each is one short write, and a save waits at most for one.

use std::path::PathBuf;
use std::time::Duration;

use newsdesk_core::Library;

const EVERY: Duration = Duration::from_secs(20);
/// Search index pages merged in one step: a few milliseconds of work.
const PAGES_A_STEP: u32 = 64;

pub fn start(root: Option<PathBuf>) {
    let Some(root) = root else { return };
    let upkeep = move || {
        let Ok(mut library) = Library::open(&root) else {
            return;
        };
        loop {
            std::thread::sleep(EVERY);
            while let Ok(true) = library.store_mut().tidy_search_index(PAGES_A_STEP) {}
            // A failed checkpoint is retried next time; the commits themselves are safe in the log.
            let _ = library.store().checkpoint();
        }
    };
    if let Err(e) = std::thread::Builder::new()
        .name("idle-upkeep".into())
        .spawn(upkeep)
    {
        eprintln!("newsdesk: no background upkeep of the library: {e}");
    }
}
