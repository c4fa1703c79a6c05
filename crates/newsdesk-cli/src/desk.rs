//! The team desk: who works on this laptop, joining a desk, syncing, field conflicts. The work
//! is `newsdesk_sync`'s; these commands call it and print.

use std::path::Path;

use clap::Subcommand;
use newsdesk_core::Library;
use newsdesk_core::store::FieldConflict;
use newsdesk_sync::{Error, SyncReport};

use crate::output::{Output, visible};

#[derive(Subcommand)]
pub enum Command {
    /// Show who works on this laptop, or set it with --name (needed before joining a desk).
    Whoami {
        #[arg(long)]
        name: Option<String>,
    },
    /// Join the desk at URL (ws://host:port) and sync once: this library's stories go to the
    /// desk, the desk's come here. The token is read from NEWSDESK_DESK_TOKEN.
    Join {
        url: String,
        #[arg(long, env = "NEWSDESK_DESK_TOKEN", hide_env_values = true)]
        token: String,
    },
    /// Sync once with the desk and exit (for scripts and machines without the window).
    Sync {
        #[arg(long, env = "NEWSDESK_DESK_TOKEN", hide_env_values = true)]
        token: String,
    },
    /// The field conflicts of an article: every value and who wrote it.
    Conflicts { id: String },
    /// Resolve a field conflict: VALUE becomes the field's value (one of the candidates or a
    /// new one), saved on --base-version.
    Resolve {
        id: String,
        field: String,
        value: String,
        #[arg(long, value_name = "N")]
        base_version: i64,
        /// VALUE is JSON (for `lead_photo` or `embargo`, or `null`), not plain text.
        #[arg(long)]
        raw: bool,
    },
}

pub fn run(root: &Path, command: Command, out: &Output) -> Result<(), Error> {
    match command {
        Command::Whoami { name } => {
            let mut library = Library::open(root)?;
            let me = match name {
                Some(name) => Some(library.store_mut().set_identity(&name)?),
                None => library.store().identity()?,
            };
            let me = me.ok_or(Error::NoIdentity)?;
            out.print(&me, |me| {
                println!("{} (device {})", visible(&me.name), me.device_id)
            });
        }
        Command::Join { url, token } => {
            let report = newsdesk_sync::join(root, &url, &token)?;
            out.print(&report, print_report);
        }
        Command::Sync { token } => {
            let report = newsdesk_sync::sync(root, &token)?;
            out.print(&report, print_report);
        }
        Command::Conflicts { id } => {
            let library = Library::open(root)?;
            let id = library.store().resolve_article_id(&id)?;
            let conflicts = library.store().open_conflicts(&id)?;
            out.print(&conflicts, |conflicts| print_conflicts(conflicts));
        }
        Command::Resolve {
            id,
            field,
            value,
            base_version,
            raw,
        } => {
            let mut library = Library::open(root)?;
            let id = library.store().resolve_article_id(&id)?;
            let value = if raw {
                serde_json::from_str(&value)
                    .map_err(|e| Error::Invalid(format!("{value:?} is not JSON (--raw): {e}")))?
            } else {
                serde_json::Value::String(value)
            };
            let article =
                library
                    .store_mut()
                    .resolve_conflict(&id, base_version, &field, &value)?;
            out.print(&article, |a| {
                println!("resolved {field} of {}: now version {}", a.id, a.version)
            });
        }
    }
    Ok(())
}

fn print_report(report: &SyncReport) {
    println!(
        "synced: {} stories on the desk; {} added, {} sent, {} received, {} merged",
        report.stories, report.added, report.sent, report.received, report.merged
    );
    if report.waiting > 0 {
        println!(
            "{} stories were saved during the sync: their changes go out next time",
            report.waiting
        );
    }
    if report.open_conflicts > 0 {
        println!(
            "{} field conflicts wait for an editor (newsdesk desk conflicts ID)",
            report.open_conflicts
        );
    }
    let photos = &report.photos;
    println!(
        "photos: {} on the desk; {} added ({} originals sent), {} sent, {} received, {} merged",
        photos.photos, photos.added, photos.uploaded, photos.sent, photos.received, photos.merged
    );
    if photos.missing > 0 {
        println!(
            "{} photos the stories here use are not on the desk yet: the laptop that has them must sync",
            photos.missing
        );
    }
    if photos.open_conflicts > 0 {
        println!(
            "{} photo conflicts wait for the photo desk",
            photos.open_conflicts
        );
    }
}

fn print_conflicts(conflicts: &[FieldConflict]) {
    if conflicts.is_empty() {
        println!("no open conflicts");
    }
    for conflict in conflicts {
        println!("{}:", conflict.field);
        for candidate in &conflict.candidates {
            let by = if candidate.by.is_empty() {
                "someone"
            } else {
                &candidate.by
            };
            println!(
                "  {}  (by {})",
                visible(&candidate.value.to_string()),
                visible(by)
            );
        }
    }
}
