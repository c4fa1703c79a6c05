//! What every area's tests start from: an empty library in a temp folder (real migrations,
//! real files) and the shared wire photos.

use std::path::{Path, PathBuf};

use newsdesk_core::Library;

/// A fresh library in `<temp>/library`; the temp folder lives as long as the returned guard.
pub fn library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(dir.path().join("library")).unwrap();
    (dir, library)
}

/// A photo of `shared/fixtures/photos/wire`.
pub fn wire(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures/photos/wire")
        .join(name)
}

/// This very test binary, for tests that run part of themselves in a child process. Through
/// `/proc/<pid>/exe`, which stays this program even if cargo replaces the file meanwhile (a
/// build running beside the tests would otherwise hand the child a different binary).
pub fn this_test_binary() -> PathBuf {
    let own = PathBuf::from(format!("/proc/{}/exe", std::process::id()));
    if own.exists() {
        own
    } else {
        std::env::current_exe().unwrap()
    }
}
