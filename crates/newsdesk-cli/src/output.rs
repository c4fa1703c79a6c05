//! How every command prints: text for people, JSON for scripts.

use std::borrow::Cow;
use std::fmt::Write;

use newsdesk_core::Error;
use serde::Serialize;

pub struct Output {
    pub json: bool,
}

impl Output {
    /// Prints `value` as JSON, or calls `text` to print it for a person.
    pub fn print<T: Serialize>(&self, value: &T, text: impl FnOnce(&T)) {
        if self.json {
            println!(
                "{}",
                serde_json::to_string_pretty(value).expect("output serialises")
            );
        } else {
            text(value);
        }
    }

    pub fn error(&self, err: &Error) {
        if self.json {
            eprintln!(
                "{}",
                serde_json::to_string(&err.report()).expect("report serialises")
            );
        } else {
            // Messages quote what the user typed and what files said.
            eprintln!("newsdesk: {}", visible(&err.to_string()));
        }
    }

    /// A desk command's error: the core's as usual, the desk's own (`desk_refused`,
    /// `desk_unreachable`...) in the same shape.
    pub fn desk_error(&self, err: &newsdesk_sync::Error) {
        if let newsdesk_sync::Error::Library(core) = err {
            return self.error(core);
        }
        if self.json {
            eprintln!(
                "{}",
                serde_json::json!({ "kind": err.kind(), "message": err.to_string() })
            );
        } else {
            eprintln!("newsdesk: {}", visible(&err.to_string()));
        }
    }

    /// Progress for long jobs, on stderr so it never mixes with --json on stdout.
    pub fn progress(&self, done: usize, total: usize, what: &str) {
        eprintln!("[{done}/{total}] {}", visible(what));
    }
}

/// Text from data (agency metadata, file names, what an editor typed) as it may reach a
/// terminal: every control character, the line breaks and tabs of a one-line field included,
/// is shown as its Rust escape (`\u{1b}`, `\n`) rather than acted on, so a caption cannot
/// clear the screen, move the cursor, retitle the window or hide a line. `--json` needs none
/// of this: serde escapes control characters.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A clap usage error as one line: the message clap prints above its usage block, without
/// the "error: " prefix, plus where to look for help. `cli` is the whole command line
/// interface, to name what a missing command could be.
pub fn usage_message(err: &clap::Error, cli: clap::Command) -> String {
    if err.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        return missing_command(cli);
    }
    let text = err.to_string();
    let message: Vec<&str> = text
        .lines()
        .map(str::trim)
        .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
        .filter(|l| !l.is_empty())
        .collect();
    let message = message.join(" ");
    format!(
        "{} (see newsdesk --help)",
        message.strip_prefix("error: ").unwrap_or(&message)
    )
}

/// For `newsdesk photo` and the like, where clap's message is the whole help: the commands
/// named so far and the ones that could follow.
fn missing_command(mut command: clap::Command) -> String {
    let mut typed = vec![command.get_name().to_owned()];
    for arg in std::env::args().skip(1) {
        if let Some(sub) = command.find_subcommand(&arg).cloned() {
            typed.push(arg);
            command = sub;
        }
    }
    let typed = typed.join(" ");
    let choices: Vec<&str> = command
        .get_subcommands()
        .map(clap::Command::get_name)
        .collect();
    format!(
        "{typed} needs a command: {} (see {typed} --help)",
        choices.join(", ")
    )
}
