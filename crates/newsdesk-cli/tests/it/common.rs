//! Running the real binary the way a script does, for every area's tests.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// `newsdesk --library LIBRARY ARGS...` run in the library's parent folder (so relative paths
/// land beside it), with no library or push secret taken from the environment: (exit code,
/// stdout, stderr).
pub fn newsdesk(library: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .current_dir(library.parent().expect("a library folder has a parent"))
        .arg("--library")
        .arg(library)
        .args(args)
        .env_remove("NEWSDESK_LIBRARY")
        .env_remove("NEWSDESK_PUSH_SECRET")
        .output()
        .unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (
        out.status.code().expect("exited, not killed"),
        text(out.stdout),
        text(out.stderr),
    )
}

pub fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// The path of a photo of `shared/fixtures/photos/wire`, as an argument.
pub fn wire(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures/photos/wire")
        .join(name);
    path.to_str().unwrap().to_owned()
}
