//! How every command prints: text for people, JSON for scripts.

use newsdesk_core::Error;
use serde::Serialize;

pub struct Output {
    pub json: bool,
}

impl Output {
    /// Prints `value` as JSON, or calls `text` to print it for a person.
    pub fn print<T: Serialize>(&self, value: &T, text: impl FnOnce(&T)) {
        if self.json {
            println!("{}", serde_json::to_string_pretty(value).expect("output serialises"));
        } else {
            text(value);
        }
    }

    pub fn error(&self, err: &Error) {
        if self.json {
            eprintln!("{}", serde_json::to_string(&err.report()).expect("report serialises"));
        } else {
            eprintln!("newsdesk: {err}");
        }
    }

    /// Progress for long jobs, on stderr so it never mixes with --json on stdout.
    pub fn progress(&self, done: usize, total: usize, what: &str) {
        eprintln!("[{done}/{total}] {what}");
    }
}

/// A clap usage error as one line: the message clap prints above its usage block, without
/// the "error: " prefix, plus where to look for help.
pub fn usage_message(err: &clap::Error) -> String {
    let text = err.to_string();
    let message: Vec<&str> = text
        .lines()
        .map(str::trim)
        .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
        .filter(|l| !l.is_empty())
        .collect();
    let message = message.join(" ");
    format!("{} (see newsdesk --help)", message.strip_prefix("error: ").unwrap_or(&message))
}
