//! The team desk: who works on this laptop, joining a desk, syncing, field conflicts. The work
//! is `newsdesk_sync`'s; these commands call it and print.

use std::path::Path;

use clap::Subcommand;
use newsdesk_core::Library;
use newsdesk_core::store::ConflictCandidate;
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
    /// Sync once with the desk and exit (for scripts and machines without the window). The
    /// token is NEWSDESK_DESK_TOKEN, or else the one the library kept when it joined.
    Sync {
        #[arg(long, env = "NEWSDESK_DESK_TOKEN", hide_env_values = true)]
        token: Option<String>,
    },
    /// The field conflicts of an article (or, with --photo, of a photo record): every value
    /// and who wrote it.
    Conflicts {
        id: String,
        /// ID is a photo: its desk fields, focal point and crops (`crop:NAME`).
        #[arg(long)]
        photo: bool,
    },
    /// Resolve a field conflict: VALUE becomes the field's value (a new one), or --pick N takes
    /// the Nth value `desk conflicts` lists; saved on --base-version.
    Resolve {
        id: String,
        /// ID is a photo (a desk field, `focal_point` or `crop:NAME`; --raw for the last two).
        #[arg(long)]
        photo: bool,
        field: String,
        #[arg(required_unless_present = "pick")]
        value: Option<String>,
        /// Take the Nth value `desk conflicts` lists (from 1).
        #[arg(long, value_name = "N", conflicts_with_all = ["value", "raw"])]
        pick: Option<usize>,
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
            let token = match token {
                Some(token) => token,
                None => {
                    let library = Library::open(root)?;
                    library.store().desk()?.ok_or(Error::NotJoined)?;
                    library.store().desk_token()?.ok_or_else(|| {
                        Error::Invalid(
                            "no desk token: set NEWSDESK_DESK_TOKEN (this library kept none)"
                                .into(),
                        )
                    })?
                }
            };
            let report = newsdesk_sync::sync(root, &token)?;
            out.print(&report, print_report);
        }
        Command::Conflicts { id, photo: false } => {
            let library = Library::open(root)?;
            let id = library.store().resolve_article_id(&id)?;
            let conflicts = library.store().open_conflicts(&id)?;
            out.print(&conflicts, |conflicts| {
                print_conflicts(conflicts.iter().map(|c| (&c.field, &c.candidates)))
            });
        }
        Command::Conflicts { id, photo: true } => {
            let library = Library::open(root)?;
            let id = library.store().resolve_photo_id(&id)?;
            let conflicts = library.store().open_photo_conflicts(&id)?;
            out.print(&conflicts, |conflicts| {
                print_conflicts(conflicts.iter().map(|c| (&c.field, &c.candidates)))
            });
        }
        Command::Resolve {
            id,
            photo,
            field,
            value,
            pick,
            base_version,
            raw,
        } => {
            let mut library = Library::open(root)?;
            let store = library.store();
            let (id, candidates): (String, Vec<_>) = if photo {
                let id = store.resolve_photo_id(&id)?;
                let open = store.open_photo_conflicts(&id)?;
                let open = open.into_iter().map(|c| (c.field, c.candidates)).collect();
                (id, open)
            } else {
                let id = store.resolve_article_id(&id)?;
                let open = store.open_conflicts(&id)?;
                let open = open.into_iter().map(|c| (c.field, c.candidates)).collect();
                (id, open)
            };
            let value = match (pick, value) {
                (Some(n), _) => picked(candidates, &field, n)?,
                (None, Some(value)) if raw => serde_json::from_str(&value)
                    .map_err(|e| Error::Invalid(format!("{value:?} is not JSON (--raw): {e}")))?,
                (None, Some(value)) => serde_json::Value::String(value),
                (None, None) => unreachable!("clap requires VALUE without --pick"),
            };
            if photo {
                let photo = library.store_mut().resolve_photo_conflict(
                    &id,
                    base_version,
                    &field,
                    &value,
                )?;
                out.print(&photo, |p| {
                    println!(
                        "resolved {field} of photo {}: now version {}",
                        p.id, p.version
                    )
                });
                return Ok(());
            }
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
            "{} photo conflicts wait for the photo desk (newsdesk desk conflicts --photo ID)",
            photos.open_conflicts
        );
    }
}

/// The `n`th value (from 1) of the open conflict on `field`, as `desk conflicts` lists them.
fn picked(
    open: Vec<(String, Vec<ConflictCandidate>)>,
    field: &str,
    n: usize,
) -> Result<serde_json::Value, Error> {
    let (_, candidates) = open
        .into_iter()
        .find(|(f, _)| f == field)
        .ok_or_else(|| Error::Invalid(format!("no open conflict on {field:?}")))?;
    let count = candidates.len();
    n.checked_sub(1)
        .and_then(|i| candidates.into_iter().nth(i))
        .map(|c| c.value)
        .ok_or_else(|| {
            Error::Invalid(format!(
                "--pick {n}: the conflict on {field:?} has values 1 to {count}"
            ))
        })
}

fn print_conflicts<'a>(
    conflicts: impl ExactSizeIterator<Item = (&'a String, &'a Vec<ConflictCandidate>)>,
) {
    if conflicts.len() == 0 {
        println!("no open conflicts");
    }
    for (field, candidates) in conflicts {
        println!("{field}:");
        for (n, candidate) in candidates.iter().enumerate() {
            let by = if candidate.by.is_empty() {
                "someone"
            } else {
                &candidate.by
            };
            println!(
                "  {}. {}  (by {})",
                n + 1,
                visible(&candidate.value.to_string()),
                visible(by)
            );
        }
    }
}
