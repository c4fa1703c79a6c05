//! Keeps the search index merged while the desk is idle. Saves never merge it (that was the
//! slow tail of saving in a large library), so a thread of its own does, a few pages at a time
//! on its own connection: each step is one short write, and a save waits at most for one.

use std::path::PathBuf;
use std::time::Duration;

use newsdesk_core::Library;

const EVERY: Duration = Duration::from_secs(20);
/// Pages merged in one step: a few milliseconds of work.
const PAGES_A_STEP: u32 = 64;

pub fn start(root: Option<PathBuf>) {
    let Some(root) = root else { return };
    let tidy = move || {
        let Ok(mut library) = Library::open(&root) else { return };
        loop {
            std::thread::sleep(EVERY);
            while let Ok(true) = library.store_mut().tidy_search_index(PAGES_A_STEP) {}
        }
    };
    if let Err(e) = std::thread::Builder::new().name("search-tidy".into()).spawn(tidy) {
        eprintln!("newsdesk: the search index will not be tidied in the background: {e}");
    }
}
