//! Package and delivery commands: preflight, export, destination, deliver, outbox.

use std::path::PathBuf;
use std::time::Duration;

use clap::Subcommand;
use newsdesk_core::delivery::{
    self, Delivery, Destination, Ghost, HttpPush, OutboxRun, PostStatus, PushProfile, Secret,
    Target, WordPress,
};
use newsdesk_core::package::{self, Problem};
use newsdesk_core::text::short_article_id;
use newsdesk_core::{Error, Library, Result};
use serde::Serialize;

use crate::output::Output;

#[derive(Subcommand)]
pub enum Command {
    /// Check an article for what blocks publishing, without writing anything.
    Preflight {
        /// Article id (or its first characters).
        id: String,
    },
    /// Export an article as a package: a folder, or a zip when PATH ends in .zip.
    Export {
        id: String,
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Replace a file already at PATH (without it, the export is refused and the file kept).
        #[arg(long)]
        replace: bool,
    },
    /// Queue an article for delivery to a destination (sent by `outbox run`).
    Deliver {
        id: String,
        #[arg(long = "to", value_name = "DESTINATION")]
        destination: String,
        /// Try to send right away instead of waiting for the next `outbox run`.
        #[arg(long)]
        now: bool,
    },
    /// Where packages are delivered.
    #[command(subcommand)]
    Destination(DestinationCommand),
    /// Deliveries waiting, made and failed.
    Outbox {
        #[command(subcommand)]
        command: Option<OutboxCommand>,
    },
}

#[derive(Subcommand)]
pub enum DestinationCommand {
    /// Add a hot folder (--folder), an HTTP push receiver (--resource-url and --assets-url), a
    /// WordPress site (--wordpress SITE_URL --user NAME) or a Ghost site (--ghost URL). Secrets
    /// come from the environment, never from the command line (where shell history and `ps`
    /// would keep them): the push receiver's x-superdesk-signature secret from
    /// NEWSDESK_PUSH_SECRET, the WordPress user's application password from
    /// NEWSDESK_WORDPRESS_PASSWORD, Ghost's Admin API key from NEWSDESK_GHOST_ADMIN_KEY. A CMS
    /// gets drafts unless --publish.
    Add {
        name: String,
        #[arg(long, value_name = "DIR", conflicts_with_all = ["resource_url", "assets_url", "wordpress"])]
        folder: Option<PathBuf>,
        #[arg(long, value_name = "SITE_URL", requires = "user", conflicts_with_all = ["resource_url", "assets_url"])]
        wordpress: Option<String>,
        /// The WordPress user the posts are made by.
        #[arg(long, value_name = "NAME", requires = "wordpress")]
        user: Option<String>,
        /// Publish delivered stories at once in the CMS (embargoed ones are scheduled) instead
        /// of leaving drafts for the site's editors.
        #[arg(long)]
        publish: bool,
        #[arg(long, value_name = "URL", requires = "assets_url")]
        resource_url: Option<String>,
        #[arg(long, value_name = "URL", requires = "resource_url")]
        assets_url: Option<String>,
        /// A Ghost site's address (the Admin API is under {URL}/ghost/api/admin/).
        #[arg(long, value_name = "URL", conflicts_with_all = ["folder", "resource_url", "assets_url"])]
        ghost: Option<String>,
        /// An extra CA certificate (PEM) to trust for an https receiver, besides the system's.
        #[arg(long, value_name = "FILE", conflicts_with = "folder")]
        ca_file: Option<PathBuf>,
        #[arg(long, value_name = "SECONDS", default_value_t = 10)]
        connect_timeout: u64,
        #[arg(long, value_name = "SECONDS", default_value_t = 60)]
        read_timeout: u64,
        /// What the receiver reads: superdesk (Superdesk's ninjs, the default) or iptc-3.1.
        #[arg(long, value_name = "PROFILE", requires = "resource_url")]
        profile: Option<PushProfile>,
    },
    List,
    Remove {
        name: String,
    },
    /// Connect to a destination and check that it would take a delivery (the folder is
    /// writable, the receiver answers, the CMS accepts the credentials); sends no story.
    Check {
        name: String,
    },
}

#[derive(Subcommand)]
pub enum OutboxCommand {
    List,
    /// Send a failed, waiting or cancelled delivery again at the next run.
    Retry {
        id: i64,
    },
    Cancel {
        id: i64,
    },
    /// Try every delivery that is due now, once (with --watch: again and again, for a
    /// machine without the window).
    Run {
        /// Keep running: look for due deliveries every --every seconds until stopped.
        #[arg(long)]
        watch: bool,
        #[arg(long, value_name = "SECONDS", default_value_t = 15, requires = "watch")]
        every: u64,
        /// First retry after twice this (then 4x, 8x... up to 64x).
        #[arg(long, value_name = "SECONDS", default_value_t = 60)]
        base_delay: u64,
        /// How long a claim lasts without renewal before another run may take it over.
        #[arg(long, value_name = "SECONDS", default_value_t = 30)]
        lease: u64,
    },
}

pub fn run(library: &mut Library, command: Command, out: &Output) -> Result<()> {
    match command {
        Command::Preflight { id } => {
            let id = library.store().resolve_article_id(&id)?;
            let article = library.store().article(&id)?;
            let checked = package::preflight(library, &article)?;
            out.print(&checked, |c| {
                print_problems("blocks publishing", &c.problems);
                print_problems("warning", &c.warnings);
                if c.problems.is_empty() {
                    println!("ready to export");
                }
            });
            if checked.problems.is_empty() {
                Ok(())
            } else {
                Err(Error::Preflight {
                    article_id: id,
                    problems: checked.problems,
                })
            }
        }
        Command::Export {
            id,
            out: path,
            replace,
        } => {
            let id = library.store().resolve_article_id(&id)?;
            let existing = if replace {
                package::Existing::Replace
            } else {
                package::Existing::Refuse
            };
            let exported =
                package::export(library, &id, &path, existing, &mut |done, total, what| {
                    out.progress(done, total, what)
                })
                .inspect_err(|e| report_preflight(e, out))?;
            out.print(&exported, |e| {
                print_problems("warning", &e.warnings);
                println!(
                    "exported version {} (ninjs version {}) to {}: {} files, {} bytes",
                    e.article_version,
                    e.ninjs_version,
                    e.path.display(),
                    e.files,
                    e.bytes
                );
            });
            Ok(())
        }
        Command::Deliver {
            id,
            destination,
            now,
        } => {
            let id = library.store().resolve_article_id(&id)?;
            let queued = delivery::deliver(library, &id, &destination)
                .inspect_err(|e| report_preflight(e, out))?;
            if now {
                delivery::run_due(library, &OutboxRun::default())?;
            }
            let current = library.store().delivery(queued.id)?;
            out.print(&current, |d| println!("{}", delivery_line(d)));
            Ok(())
        }
        Command::Destination(command) => destination(library, command, out),
        Command::Outbox { command } => outbox(library, command.unwrap_or(OutboxCommand::List), out),
    }
}

fn destination(library: &mut Library, command: DestinationCommand, out: &Output) -> Result<()> {
    match command {
        DestinationCommand::Add {
            name,
            folder,
            wordpress,
            user,
            publish,
            resource_url,
            assets_url,
            ghost,
            ca_file,
            connect_timeout,
            read_timeout,
            profile,
        } => {
            let ca_file = ca_file.map(|path| std::path::absolute(&path).unwrap_or(path));
            let publish = if publish {
                PostStatus::Publish
            } else {
                PostStatus::Draft
            };
            let target = match (folder, resource_url, assets_url, wordpress, ghost) {
                (None, None, None, None, Some(site_url)) => Target::Ghost(Ghost {
                    site_url,
                    admin_key: std::env::var("NEWSDESK_GHOST_ADMIN_KEY")
                        .ok()
                        .filter(|k| !k.is_empty())
                        .map(Secret::new),
                    publish,
                    ca_file,
                    connect_timeout_secs: connect_timeout,
                    read_timeout_secs: read_timeout,
                }),
                (Some(path), None, None, None, None) => Target::Folder {
                    path: std::path::absolute(&path).unwrap_or(path),
                },
                (None, None, None, Some(site_url), None) => Target::WordPress(WordPress {
                    site_url,
                    user: user.unwrap_or_default(),
                    application_password: Some(wordpress_password().ok_or_else(|| {
                        Error::invalid(
                            "set NEWSDESK_WORDPRESS_PASSWORD to an application password of the \
                             WordPress user (Users → Profile → Application Passwords)",
                        )
                    })?),
                    publish,
                    ca_file,
                    connect_timeout_secs: connect_timeout,
                    read_timeout_secs: read_timeout,
                }),
                (None, Some(resource_url), Some(assets_url), None, None) => {
                    Target::HttpPush(HttpPush {
                        resource_url,
                        assets_url,
                        secret: push_secret(),
                        ca_file,
                        connect_timeout_secs: connect_timeout,
                        read_timeout_secs: read_timeout,
                        profile: profile.unwrap_or_default(),
                    })
                }
                _ => {
                    return Err(Error::invalid(
                        "give --folder DIR, both --resource-url and --assets-url, --wordpress \
                         SITE_URL with --user, or --ghost URL",
                    ));
                }
            };
            let destination = Destination { name, target };
            library.store_mut().add_destination(&destination)?;
            out.print(&destination, |d| println!("added {}", destination_line(d)));
            Ok(())
        }
        DestinationCommand::List => {
            let list: Vec<Destination> = library.store().destinations()?;
            out.print(&list, |list| {
                list.iter()
                    .for_each(|d| println!("{}", destination_line(d)))
            });
            Ok(())
        }
        DestinationCommand::Remove { name } => {
            library.store_mut().remove_destination(&name)?;
            out.print(&name, |name| println!("removed {name}"));
            Ok(())
        }
        DestinationCommand::Check { name } => {
            let destination = library.store().destination(&name)?;
            let checked = delivery::check(&destination)?;
            out.print(&checked, |c| println!("{name}: {c}"));
            Ok(())
        }
    }
}

fn outbox(library: &mut Library, command: OutboxCommand, out: &Output) -> Result<()> {
    let deliveries = match command {
        OutboxCommand::List => library.store().outbox()?,
        OutboxCommand::Retry { id } => vec![library.store_mut().retry_delivery(id)?],
        OutboxCommand::Cancel { id } => vec![library.store_mut().cancel_delivery(id)?],
        OutboxCommand::Run {
            watch,
            every,
            base_delay,
            lease,
        } => {
            let run = OutboxRun {
                base_delay: Duration::from_secs(base_delay),
                lease: Duration::from_secs(lease),
            };
            if watch {
                return watch_outbox(library, &run, Duration::from_secs(every.max(1)), out);
            }
            delivery::run_due(library, &run)?
        }
    };
    out.print(&deliveries, |list| {
        list.iter().for_each(|d| println!("{}", delivery_line(d)))
    });
    Ok(())
}

/// Runs the outbox until the process is stopped, printing each attempt as it is made. A
/// failing run (the library busy, a disk full) is reported and tried again at the next turn:
/// a watcher that stopped at the first hiccup would leave stories unsent overnight.
fn watch_outbox(
    library: &mut Library,
    run: &OutboxRun,
    every: Duration,
    out: &Output,
) -> Result<()> {
    loop {
        match delivery::run_due(library, run) {
            Ok(attempted) => {
                for d in &attempted {
                    out.print(d, |d| println!("{}", delivery_line(d)));
                }
            }
            Err(e) => eprintln!("newsdesk: this outbox run failed, trying again: {e}"),
        }
        std::thread::sleep(every);
    }
}

/// The push secret, from `NEWSDESK_PUSH_SECRET`; none when it is unset or empty. (Printing a
/// destination shows only whether it has one: see `delivery::Secret`.)
fn push_secret() -> Option<Secret> {
    std::env::var("NEWSDESK_PUSH_SECRET")
        .ok()
        .filter(|s| !s.is_empty())
        .map(Secret::new)
}

/// A WordPress application password, from `NEWSDESK_WORDPRESS_PASSWORD` (never the command
/// line, for the same reason as the push secret); none when it is unset or empty.
fn wordpress_password() -> Option<Secret> {
    std::env::var("NEWSDESK_WORDPRESS_PASSWORD")
        .ok()
        .filter(|s| !s.is_empty())
        .map(Secret::new)
}

fn destination_line(d: &Destination) -> String {
    match &d.target {
        Target::Folder { path } => format!("{}  hot folder  {}", d.name, path.display()),
        Target::HttpPush(push) => format!(
            "{}  http push ({})  {} (assets {}){}",
            d.name,
            push.profile.as_str(),
            push.resource_url,
            push.assets_url,
            if push.secret.is_some() {
                ", signed"
            } else {
                ""
            }
        ),
        Target::Ghost(ghost) => format!(
            "{}  ghost  {} ({}){}",
            d.name,
            ghost.site_url,
            match ghost.publish {
                PostStatus::Draft => "drafts",
                PostStatus::Publish => "publishes",
            },
            if ghost.admin_key.is_some() {
                ""
            } else {
                ", no Admin API key"
            }
        ),
        Target::WordPress(site) => format!(
            "{}  wordpress  {} as {}{}",
            d.name,
            site.site_url,
            site.user,
            match site.publish {
                PostStatus::Publish => ", publishes",
                PostStatus::Draft => ", drafts",
            }
        ),
    }
}

fn delivery_line(d: &Delivery) -> String {
    let mut line = format!(
        "{:>4}  {:<9}  {}  v{}  to {}  attempts {}",
        d.id,
        d.state.as_str(),
        short_article_id(&d.article_id),
        d.ninjs_version,
        d.destination,
        d.attempts
    );
    if d.update {
        line.push_str("  update");
    }
    if let Some(remote) = &d.remote {
        line.push_str(&format!(
            "  at {}",
            remote.url.as_deref().unwrap_or(&remote.id)
        ));
    }
    if let Some(error) = &d.last_error {
        line.push_str(&format!("  ({error})"));
    }
    line
}

fn print_problems(label: &str, problems: &[Problem]) {
    for p in problems {
        println!("{label}: {} [{}]", p.message, p.field);
    }
}

#[derive(Serialize)]
struct Problems<'a> {
    problems: &'a [Problem],
}

/// Preflight problems one per line (or as JSON on stdout) before the one-line error.
fn report_preflight(err: &Error, out: &Output) {
    if let Error::Preflight { problems, .. } = err {
        out.print(&Problems { problems }, |p| {
            print_problems("blocks publishing", p.problems)
        });
    }
}
