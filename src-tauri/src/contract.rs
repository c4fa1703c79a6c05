//! The TypeScript side of the contract, generated from the Rust types that cross IPC:
//! `ui/src/generated/contract.ts` holds every boundary type, the error kinds, the event map
//! and the command names. The file is checked in; the app's tests fail when it is stale, and
//! `./dev.sh generate` (or `NEWSDESK_WRITE_GENERATED=1` on the tests) writes it anew.
//!
//! Why ts-rs: it is a stable release line (12.x) that reads serde's attributes (`rename_all`,
//! `tag`, `flatten`, `skip_serializing_if`), derives one declaration per type and nothing else,
//! so the core only gains an optional derive behind its `ts` feature (Yaak, also a Tauri 2
//! app, generates its window's types the same way). specta with tauri-specta would also type
//! the commands, but tauri-specta 2 is still a release candidate and wraps the invoke handler;
//! the command names come from our own one list (`command_list.rs`) instead.

use std::fmt::Write as _;

use newsdesk_core::article::{Correction, PhotoPlacement};
use newsdesk_core::check::{CheckedField, FieldReport, ProblemKind, TextProblem};
use newsdesk_core::delivery::{
    Delivery, DeliveryState, Destination, Ghost, HttpPush, PostStatus, PushProfile, Remote, Target,
    WordPress,
};
use newsdesk_core::demo::DemoReport;
use newsdesk_core::history::{FieldDiff, Op, WordOp};
use newsdesk_core::package::{Exported, Preflight, Problem};
use newsdesk_core::photo::{
    BatchReport, Crop, DeskEdit, DeskRecord, Photo, PhotoMetadata, Rect, Refused,
};
use newsdesk_core::recovery::UnsavedText;
use newsdesk_core::render::{TextStats, Warning};
use newsdesk_core::search::{SearchHit, SearchQuery};
use newsdesk_core::store::{
    ArticleFilter, ArticlePage, ArticleSummary, Revision, RevisionKind, SaveKind, SortOrder,
};
use newsdesk_core::{
    Article, ArticleFields, Author, Dateline, ErrorKind, ErrorReport, RelatedStory, Status,
};
use ts_rs::{Config, TS};

use crate::commands::{FieldLimits, LibraryInfo, PhotoReference, Preview};
use crate::commands_wire::{WireFolderSetting, WireShown};
use crate::events::{self, ExportProgress, Here, ImportProgress, OutboxChanged, WireChanged};
use newsdesk_core::store::{ConflictCandidate, FieldConflict, Identity, PhotoConflict};
use newsdesk_core::wire_item::{
    WireCopy, WireFilter, WireItem, WireKind, WireLink, WireOrigin, WirePhoto, WireStatus,
    WireStop, WireSummary, WireVersion,
};
use newsdesk_sync::background::{DeskStatus, Trouble};
use newsdesk_sync::presence::Present;

/// Where the generated file lives, relative to the repository root.
pub const GENERATED_FILE: &str = "ui/src/generated/contract.ts";

/// The generated file: declarations (with their doc comments), the event map, the commands.
pub fn typescript() -> String {
    Generated::new().text
}

/// Type names the declarations refer to but do not declare (empty when the file compiles).
pub fn undeclared() -> Vec<String> {
    let generated = Generated::new();
    let mut missing: Vec<String> = generated
        .referenced
        .into_iter()
        .filter(|name| !generated.declared.contains(name))
        .collect();
    missing.sort();
    missing.dedup();
    missing
}

struct Generated {
    text: String,
    declared: Vec<String>,
    referenced: Vec<String>,
}

impl Generated {
    fn new() -> Generated {
        // Versions and counts stay far below 2^53, so JavaScript numbers hold them exactly.
        let cfg = Config::new().with_large_int("number");
        let mut generated = Generated {
            text: String::from(
                "// Generated from the Rust types by src-tauri/src/contract.rs: do not edit.\n\
                 // Regenerate with `./dev.sh generate`; `./dev.sh test` fails when this is stale.\n\n",
            ),
            declared: Vec::new(),
            referenced: Vec::new(),
        };
        macro_rules! declare {
            ($($t:ty),* $(,)?) => {$(generated.declare::<$t>(&cfg);)*};
        }
        declare!(
            // articles
            Status,
            Author,
            Dateline,
            RelatedStory,
            Correction,
            PhotoPlacement,
            ArticleFields,
            Article,
            ArticleSummary,
            ArticlePage,
            SortOrder,
            ArticleFilter,
            SaveKind,
            RevisionKind,
            Revision,
            Op,
            WordOp,
            FieldDiff,
            SearchQuery,
            SearchHit,
            TextStats,
            Warning,
            Preview,
            UnsavedText,
            // photos
            PhotoMetadata,
            DeskRecord,
            DeskEdit,
            Rect,
            Crop,
            Photo,
            Refused,
            BatchReport,
            // publishing
            Problem,
            Preflight,
            Exported,
            HttpPush,
            PushProfile,
            PostStatus,
            WordPress,
            Ghost,
            Target,
            Destination,
            DeliveryState,
            Delivery,
            Remote,
            // the writing desk
            ProblemKind,
            CheckedField,
            TextProblem,
            FieldReport,
            // the team desk
            Identity,
            Trouble,
            DeskStatus,
            Present,
            ConflictCandidate,
            FieldConflict,
            PhotoConflict,
            // the wire desk
            WireKind,
            WireStatus,
            WirePhoto,
            WireLink,
            WireCopy,
            WireItem,
            WireVersion,
            WireSummary,
            WireFilter,
            WireStop,
            WireOrigin,
            WireShown,
            WireFolderSetting,
            // the library, errors, events
            FieldLimits,
            PhotoReference,
            LibraryInfo,
            DemoReport,
            ErrorKind,
            ErrorReport,
            ImportProgress,
            ExportProgress,
            OutboxChanged,
            Here,
            WireChanged,
        );
        let text = &mut generated.text;
        let core = serde_json::to_value(LibraryInfo::new(None)).expect("library info serialises");
        let core: serde_json::Map<_, _> = core
            .as_object()
            .unwrap()
            .clone()
            .into_iter()
            .filter(|(k, _)| k != "root")
            .collect();
        text.push_str("/** What `library_info` gives besides the folder: the core's limits, statuses, presets, photo syntax. */\n");
        let _ = writeln!(
            text,
            "export const CORE = {} as const satisfies Omit<LibraryInfo, \"root\">;\n",
            pretty(&core)
        );
        text.push_str("/** A new article's fields: every field the core has, empty. */\n");
        let _ = writeln!(
            text,
            "export const EMPTY_FIELDS: ArticleFields = {};\n",
            pretty(&ArticleFields::default())
        );
        text.push_str("/** Event name to payload: what `listen` receives. */\n");
        text.push_str(&events::typescript_map(&cfg));
        text.push_str(
            "\n/** The commands the window may invoke (the capability grants exactly these). */\n",
        );
        let names: Vec<String> = crate::COMMANDS
            .iter()
            .map(|c| format!("  {c:?},\n"))
            .collect();
        let _ = writeln!(
            text,
            "export const COMMANDS = [\n{}] as const;",
            names.concat()
        );
        text.push_str("export type Command = (typeof COMMANDS)[number];\n");
        generated
    }

    fn declare<T: TS + 'static>(&mut self, cfg: &Config) {
        if let Some(docs) = T::docs() {
            self.text.push_str(&docs);
        }
        let _ = writeln!(self.text, "export {}\n", T::decl(cfg));
        self.declared.push(T::ident(cfg));
        self.referenced
            .extend(T::dependencies(cfg).into_iter().map(|d| d.ts_name));
    }
}

fn pretty<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).expect("constants serialise")
}
