//! The contract's two checked-in halves agree with the Rust: the capability grants exactly the
//! commands of the one list, and the generated TypeScript is what the types generate today.

use std::collections::BTreeSet;
use std::path::Path;

use newsdesk_app::contract::{GENERATED_FILE, typescript, undeclared};

fn repo_file(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The app's own permissions the capability grants, as command names.
fn granted(capability: &serde_json::Value) -> BTreeSet<String> {
    capability["permissions"]
        .as_array()
        .expect("a permissions list")
        .iter()
        .filter_map(|p| p.as_str())
        .filter(|p| !p.contains(':'))
        .map(|p| {
            p.strip_prefix("allow-")
                .unwrap_or_else(|| panic!("{p}: only allow- permissions here"))
                .replace('-', "_")
        })
        .collect()
}

#[test]
fn the_capability_grants_exactly_the_commands_of_the_list() {
    let text = std::fs::read_to_string(repo_file("src-tauri/capabilities/main.json")).unwrap();
    let capability: serde_json::Value = serde_json::from_str(&text).unwrap();
    let granted = granted(&capability);
    let listed: BTreeSet<String> = newsdesk_app::COMMANDS
        .iter()
        .map(|c| (*c).to_owned())
        .collect();
    let not_listed: Vec<_> = granted.difference(&listed).collect();
    let not_granted: Vec<_> = listed.difference(&granted).collect();
    assert!(
        not_listed.is_empty() && not_granted.is_empty(),
        "capabilities/main.json grants commands the list lacks: {not_listed:?}; \
         the list (src-tauri/src/command_list.rs) has commands the capability does not grant: {not_granted:?}"
    );
}

/// `NEWSDESK_WRITE_GENERATED=1` writes the file instead (`./dev.sh generate`).
#[test]
fn generated_typescript_is_current() {
    let path = repo_file(GENERATED_FILE);
    let fresh = typescript();
    if std::env::var_os("NEWSDESK_WRITE_GENERATED").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &fresh).unwrap();
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == fresh,
        "{GENERATED_FILE} is stale: the Rust types changed. Run `./dev.sh generate` and commit the result."
    );
}

#[test]
fn generated_typescript_declares_every_type_it_names() {
    assert_eq!(undeclared(), Vec::<String>::new());
}

#[test]
fn every_event_is_in_the_generated_map() {
    let fresh = typescript();
    for event in newsdesk_app::events::EVENTS {
        assert!(fresh.contains(&format!("{event:?}: ")), "{event}");
    }
}
