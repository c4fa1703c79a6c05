// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    newsdesk_app::run(give_back_heap);
}

/// Freed heap back to the system (`heap` in the library says when and why).
fn give_back_heap() {
    #[cfg(target_env = "gnu")]
    // SAFETY: malloc_trim only walks and trims glibc's own arenas, under their locks.
    #[allow(unsafe_code)]
    unsafe {
        libc::malloc_trim(0);
    }
}
