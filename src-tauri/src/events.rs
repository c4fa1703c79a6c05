//! What the shell tells the window unasked: one typed map from event name to payload. The
//! window's `listen` goes through the generated `DeskEvents` map, so a name or a payload
//! cannot drift between the two sides.

use newsdesk_core::ErrorReport;
use newsdesk_sync::background::DeskStatus;
use newsdesk_sync::presence::Present;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Runtime};
use ts_rs::TS;

/// Sent once per file while a batch of photos imports.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportProgress {
    pub done: usize,
    pub total: usize,
    pub file: String,
    /// Why the file was refused; `None` when it came in (or was already in the library).
    pub refused: Option<String>,
}

/// Sent once per step of an export.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ExportProgress {
    pub done: usize,
    pub total: usize,
    pub step: String,
}

/// The outbox sent something: the window reloads the outbox.
#[derive(Debug, Clone, Serialize, TS)]
pub struct OutboxChanged;

/// The outbox could not run (the library is unreadable, the disk is full...).
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct OutboxError(pub ErrorReport);

/// Who else has the story open in their window (`story`), each time that changes.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Here {
    pub story: Option<String>,
    pub people: Vec<Present>,
}

/// A poll of the wire folders read or quarantined files: the window lists the queue again.
#[derive(Debug, Clone, Default, Serialize, TS)]
pub struct WireChanged {
    /// Files that became (or updated) items.
    pub read: usize,
    /// Of those, new versions of items already here: one may be a kill or withhold that
    /// stops stories, so the window lists its stories again.
    pub updated: usize,
    /// Files moved to a quarantine folder.
    pub quarantined: usize,
    /// Files or folders the library could not take now, with why.
    pub failed: Vec<String>,
}

/// An event the shell sends, and its name on the wire.
pub trait DeskEvent: Serialize + Clone {
    const NAME: &'static str;
}

/// The one list of events: name and payload. `EVENTS` and the generated TypeScript map come
/// from it.
macro_rules! desk_events {
    ($($payload:ty => $name:literal as $ts:ty),* $(,)?) => {
        $(impl DeskEvent for $payload {
            const NAME: &'static str = $name;
        })*

        /// `export type DeskEvents = { "name": Payload, ... }`.
        pub fn typescript_map(cfg: &ts_rs::Config) -> String {
            let mut out = String::from("export type DeskEvents = {\n");
            $(out.push_str(&format!("  {:?}: {},\n", $name, <$ts as TS>::name(cfg)));)*
            out.push_str("};\n");
            out
        }

        pub const EVENTS: &[&str] = &[$($name),*];
    };
}

desk_events! {
    ImportProgress => "import-progress" as ImportProgress,
    ExportProgress => "export-progress" as ExportProgress,
    OutboxChanged => "outbox-changed" as OutboxChanged,
    OutboxError => "outbox-error" as ErrorReport,
    DeskStatus => "desk-status" as DeskStatus,
    Here => "desk-here" as Here,
    WireChanged => "wire-changed" as WireChanged,
}

/// Sends `event` to every window. A closed window cannot be told; the work goes on regardless.
pub fn emit<R: Runtime, E: DeskEvent>(app: &AppHandle<R>, event: E) {
    let _ = app.emit(E::NAME, event);
}
