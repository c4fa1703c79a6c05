//! Giving freed heap back to the system after the work that frees the most: a full check of a
//! story (harper's documents, and the dictionary's building on the first one) and a photo
//! import (24-megapixel decodes on worker threads). glibc keeps what a thread freed in that
//! thread's arena, resident, until it is trimmed: after a 5,000-word story and 20 photos,
//! `malloc_trim`, called from gdb at that point, gave back 41 MiB of the app's 278 MiB (PSS,
//! `tests/e2e/bench.js`).
//!
//! The trim itself is the binary's (`main.rs`): the library forbids `unsafe`.

use std::sync::OnceLock;

static GIVE_BACK: OnceLock<fn()> = OnceLock::new();

/// `give_back` returns freed heap to the system; set once, at start.
pub fn set(give_back: fn()) {
    let _ = GIVE_BACK.set(give_back);
}

/// Trims on a thread of its own: walking the arenas takes milliseconds no reply should wait.
pub fn give_back_soon() {
    if let Some(&give_back) = GIVE_BACK.get() {
        let _ = std::thread::Builder::new()
            .name("give-back-heap".into())
            .spawn(give_back);
    }
}
