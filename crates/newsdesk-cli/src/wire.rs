//! The wire desk: `wire import`, `wire watch`, `wire list`, `wire show`, `wire use`, `wire clear`.

use std::path::PathBuf;
use std::time::Duration;

use clap::Subcommand;
use newsdesk_core::text::short_article_id;
use newsdesk_core::wire::{FolderReport, WireFileReport, WireFolder};
use newsdesk_core::wire_item::{WireFilter, WireStatus};
use newsdesk_core::{Error, Library, Result};
use serde::Serialize;

use crate::output::{Output, visible};

#[derive(Subcommand)]
pub enum Command {
    /// Read agency files (ninjs, NewsML-G2, photos) into the wire queue; refused files are
    /// reported, never moved.
    Import {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The feed the files came from.
        #[arg(long, default_value = "import")]
        source: String,
    },
    /// Watch a wire folder until interrupted: files that stand still between two polls are
    /// read and moved to ingested/, refused ones to quarantine/ with the reason beside them.
    Watch {
        dir: PathBuf,
        /// The feed's name (AP, dpa, NTB...).
        #[arg(long)]
        source: String,
        /// Poll twice (a file must stand still between polls) and stop: for scripts.
        #[arg(long)]
        once: bool,
        /// Milliseconds between polls.
        #[arg(long, default_value_t = 2000, value_name = "MS")]
        every: u64,
    },
    /// The wire queue, newest first; with --search, best match first.
    List {
        #[arg(long)]
        source: Option<String>,
        /// At least this urgent (1 is a flash).
        #[arg(long)]
        urgency: Option<u8>,
        #[arg(long)]
        subject: Option<String>,
        #[arg(long, value_name = "WORDS")]
        search: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Show a wire item, with its earlier versions.
    Show { id: String },
    /// Start a story from a wire item; prints the new story's id.
    Use { id: String },
    /// Clear the agency's kill or withhold on a story started from the wire.
    Clear { article: String },
}

pub fn run(library: &mut Library, command: Command, out: &Output) -> Result<()> {
    match command {
        Command::Import { files, source } => {
            let reports = library.wire_import(&files, &source)?;
            out.print(&reports, |reports| reports.iter().for_each(print_file));
            // As `photo import`: a refused file makes the command fail, after the others.
            let refused = reports.iter().filter(|r| r.refused.is_some()).count();
            if refused == 0 {
                Ok(())
            } else {
                Err(Error::invalid(format!(
                    "{refused} of {} files were refused",
                    files.len()
                )))
            }
        }
        Command::Watch {
            dir,
            source,
            once,
            every,
        } => {
            let mut folder = WireFolder::new(dir, &source)?;
            let pause = Duration::from_millis(every);
            if once {
                let mut report = library.wire_poll(&mut folder)?;
                std::thread::sleep(pause);
                let second = library.wire_poll(&mut folder)?;
                report.files.extend(second.files);
                report.failed.extend(second.failed);
                report.waiting = second.waiting;
                out.print(&report, print_folder);
                return Ok(());
            }
            loop {
                let report = library.wire_poll(&mut folder)?;
                if !report.files.is_empty() || !report.failed.is_empty() {
                    if out.json {
                        // One report a line, so a script can read them as they come.
                        println!(
                            "{}",
                            serde_json::to_string(&report).expect("report serialises")
                        );
                    } else {
                        print_folder(&report);
                    }
                }
                std::thread::sleep(pause);
            }
        }
        Command::List {
            source,
            urgency,
            subject,
            search,
            limit,
        } => {
            let filter = WireFilter {
                source,
                urgency,
                subject,
                text: search.unwrap_or_default(),
                limit,
                offset: 0,
            };
            let items = library.wire_list(&filter)?;
            out.print(&items, |items| {
                for item in items {
                    let mark = match item.status {
                        WireStatus::Usable => "",
                        WireStatus::Withheld => " WITHHELD",
                        WireStatus::Canceled => " KILLED",
                    };
                    println!(
                        "{}  {:<10} u{} v{:<3} {}{}",
                        short_article_id(&item.id),
                        visible(&item.source),
                        item.urgency.map_or("-".to_owned(), |u| u.to_string()),
                        item.version,
                        visible(&item.headline),
                        mark
                    );
                }
            });
            Ok(())
        }
        Command::Show { id } => {
            let (item, earlier) = library.wire_item(&id)?;
            #[derive(Serialize)]
            struct Shown {
                #[serde(flatten)]
                item: newsdesk_core::wire_item::WireItem,
                earlier: Vec<newsdesk_core::wire_item::WireVersion>,
            }
            out.print(&Shown { item, earlier }, |shown| {
                let copy = &shown.item.copy;
                println!("{}", visible(&copy.headline));
                println!(
                    "{} · {} · {} v{} · {}",
                    visible(&shown.item.source),
                    visible(&copy.agency),
                    copy.format,
                    copy.version,
                    copy.status.as_str()
                );
                if !copy.byline.is_empty() {
                    println!("By {}", visible(&copy.byline));
                }
                if !copy.dateline.is_empty() {
                    println!("{}", visible(&copy.dateline));
                }
                if !copy.subjects.is_empty() {
                    println!("Subjects: {}", visible(&copy.subjects.join(", ")));
                }
                println!();
                println!("{}", copy.body);
                for p in &copy.photos {
                    println!(
                        "\nPhoto: {} ({}){}",
                        visible(&p.credit),
                        visible(&p.href),
                        if p.photo_id.is_some() {
                            ""
                        } else {
                            " not in the library"
                        }
                    );
                }
                for v in &shown.earlier {
                    println!("Earlier: v{} {}", v.copy.version, visible(&v.copy.headline));
                }
            });
            Ok(())
        }
        Command::Use { id } => {
            let article = library.wire_start_story(&id)?;
            out.print(&article, |a| println!("{}", a.id));
            Ok(())
        }
        Command::Clear { article } => {
            let origin = library.wire_clear_stop(&article)?;
            out.print(&origin, |o| {
                println!(
                    "cleared: story {} may go out again",
                    short_article_id(&o.article_id)
                )
            });
            Ok(())
        }
    }
}

fn print_file(report: &WireFileReport) {
    match (&report.refused, &report.recorded) {
        (Some(reason), _) => println!("refused   {}: {}", visible(&report.file), visible(reason)),
        (None, Some(recorded)) => println!(
            "{:<9} {}  {}",
            match recorded {
                newsdesk_core::store::Recorded::New => "new",
                newsdesk_core::store::Recorded::Updated { .. } => "updated",
                newsdesk_core::store::Recorded::Earlier => "earlier",
                newsdesk_core::store::Recorded::Duplicate => "duplicate",
            },
            report
                .item_id
                .as_deref()
                .map(short_article_id)
                .unwrap_or_default(),
            visible(&report.headline)
        ),
        (None, None) => {}
    }
}

fn print_folder(report: &FolderReport) {
    report.files.iter().for_each(print_file);
    for failed in &report.failed {
        eprintln!("newsdesk: {}", visible(failed));
    }
}
