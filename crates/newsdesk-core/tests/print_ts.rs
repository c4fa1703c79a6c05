// Temporary (not committed): prints the wire desk's TypeScript declarations as
// src-tauri/src/contract.rs writes them.
#![cfg(feature = "ts")]
use newsdesk_core::wire_item::*;
use serde::Serialize;
use ts_rs::{Config, TS};

/// An item as the preview shows it: the latest version and the earlier ones.
#[derive(Debug, Clone, Serialize, TS)]
pub struct WireShown {
    pub item: WireItem,
    pub earlier: Vec<WireVersion>,
}

/// A folder the window watches, and its feed's name.
#[derive(Debug, Clone, Serialize, TS)]
pub struct WireFolderSetting {
    pub dir: String,
    pub source: String,
}

/// A poll of the wire folders read or quarantined files: the window lists the queue again.
#[derive(Debug, Clone, Default, Serialize, TS)]
pub struct WireChanged {
    /// Files that became (or updated) items.
    pub read: usize,
    /// Files moved to a quarantine folder.
    pub quarantined: usize,
    /// Files or folders the library could not take now, with why.
    pub failed: Vec<String>,
}

fn declare<T: TS + 'static>(out: &mut String, cfg: &Config) {
    if let Some(docs) = T::docs() {
        out.push_str(&docs);
    }
    out.push_str(&format!("export {}\n\n", T::decl(cfg)));
}

#[test]
fn print() {
    let cfg = Config::new().with_large_int("number");
    let mut out = String::new();
    declare::<WireKind>(&mut out, &cfg);
    declare::<WireStatus>(&mut out, &cfg);
    declare::<WirePhoto>(&mut out, &cfg);
    declare::<WireLink>(&mut out, &cfg);
    declare::<WireCopy>(&mut out, &cfg);
    declare::<WireItem>(&mut out, &cfg);
    declare::<WireVersion>(&mut out, &cfg);
    declare::<WireSummary>(&mut out, &cfg);
    declare::<WireFilter>(&mut out, &cfg);
    declare::<WireStop>(&mut out, &cfg);
    declare::<WireOrigin>(&mut out, &cfg);
    declare::<WireShown>(&mut out, &cfg);
    declare::<WireFolderSetting>(&mut out, &cfg);
    let mut changed = String::new();
    declare::<WireChanged>(&mut changed, &cfg);
    std::fs::write("/tmp/wirets/wire.ts", out).unwrap();
    std::fs::write("/tmp/wirets/changed.ts", changed).unwrap();
}
