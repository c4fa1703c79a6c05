//! `newsdesk`: the command line over newsdesk-core. Each command opens the library, calls one
//! or two core functions and prints the result, as text or as `--json` for scripts.
//! On error: a one-line message on stderr (or `{kind, message}` with --json) and exit code 1.

mod articles;
mod check;
mod desk;
mod output;
mod packages;
mod photos;
mod wire;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use newsdesk_core::{Library, Result};

use crate::output::Output;

#[derive(Parser)]
#[command(
    name = "newsdesk",
    version,
    about = "Newsdesk: write, illustrate and deliver news articles, offline"
)]
struct Cli {
    /// Library folder (default: $NEWSDESK_LIBRARY, then ~/.local/share/newsdesk).
    #[arg(long, global = true, value_name = "DIR")]
    library: Option<PathBuf>,

    /// Print machine-readable JSON instead of text.
    #[arg(long, global = true)]
    json: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    #[command(flatten)]
    Articles(articles::Command),
    #[command(flatten)]
    Packages(packages::Command),
    /// The photo desk: import, show, edit, crop, render.
    #[command(subcommand)]
    Photo(photos::Command),
    /// Attach a photo to an article, as its lead photo or inline in the body.
    Attach(photos::Attach),
    /// Check an article's spelling, grammar and house style (exit 1 while problems remain),
    /// or with --rules run the house rules' tests.
    Check(check::Check),
    /// The desk dictionary: words the whole library accepts as spelled right.
    #[command(subcommand)]
    Dictionary(check::Dictionary),
    /// The team desk: who you are, joining a desk, syncing, field conflicts.
    #[command(subcommand)]
    Desk(desk::Command),
    /// The wire desk: agency copy in (import, watch), the queue (list, show), a story out (use).
    #[command(subcommand)]
    Wire(wire::Command),
}

fn main() -> ExitCode {
    // `newsdesk list | head`: when the reader goes away, stop quietly like other Unix tools
    // instead of panicking on the failed print. Rust sets SIGPIPE to "ignore" before main.
    // SAFETY: nothing else runs yet, and SIG_DFL is a valid disposition for SIGPIPE.
    #[allow(unsafe_code)]
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL)
    };
    let json = std::env::args().any(|a| a == "--json");
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // Help and --version go to stdout as clap prints them, and so does the help for a
        // missing command (exit 2) for a person; a usage mistake, or any with --json, is an
        // error like any other: one line (or JSON), exit 1.
        Err(err)
            if !err.use_stderr()
                || (err.kind()
                    == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
                    && !json) =>
        {
            err.exit()
        }
        Err(err) => {
            Output { json }.error(&newsdesk_core::Error::invalid(output::usage_message(
                &err,
                Cli::command(),
            )));
            return ExitCode::FAILURE;
        }
    };
    let out = Output { json: cli.json };
    if let Command::Desk(command) = cli.command {
        let done = Library::resolve_root(cli.library)
            .map_err(newsdesk_sync::Error::from)
            .and_then(|root| desk::run(&root, command, &out));
        return match done {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                out.desk_error(&err);
                ExitCode::FAILURE
            }
        };
    }
    match run(cli.library, cli.command, &out) {
        Ok(Clean::Yes) => ExitCode::SUCCESS,
        // Printed already: the problems (or failing rule tests) are the answer, not an error.
        Ok(Clean::No) => ExitCode::FAILURE,
        Err(err) => {
            out.error(&err);
            ExitCode::FAILURE
        }
    }
}

/// Whether a command that checks found nothing to report (every other command is clean when
/// it succeeds).
enum Clean {
    Yes,
    No,
}

fn run(library: Option<PathBuf>, command: Command, out: &Output) -> Result<Clean> {
    let mut library = Library::open(Library::resolve_root(library)?)?;
    match command {
        Command::Articles(cmd) => articles::run(&mut library, cmd, out),
        Command::Packages(cmd) => packages::run(&mut library, cmd, out),
        Command::Photo(cmd) => photos::run(&mut library, cmd, out),
        Command::Attach(args) => photos::attach(&mut library, args, out),
        Command::Check(args) => {
            return Ok(match check::check(&library, args, out)? {
                true => Clean::Yes,
                false => Clean::No,
            });
        }
        Command::Dictionary(cmd) => check::dictionary(&library, cmd, out),
        Command::Wire(cmd) => wire::run(&mut library, cmd, out),
        Command::Desk(_) => unreachable!("desk commands run before the library is opened"),
    }
    .map(|()| Clean::Yes)
}
