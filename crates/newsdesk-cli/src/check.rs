//! The writing desk: `newsdesk check ID` (spelling, grammar, house style; exit 1 while
//! problems remain, for scripts), `newsdesk check --rules` (the house rules' own tests) and
//! `newsdesk dictionary` (the desk dictionary the whole library shares).

use clap::{Args, Subcommand};
use newsdesk_core::check::{FieldReport, RuleTests};
use newsdesk_core::{Error, Library, Result};
use serde::Serialize;

use crate::output::{Output, visible};

#[derive(Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["id", "rules"])))]
pub struct Check {
    /// Article id (or its first characters): prints `field:line:col kind message ->
    /// suggestion` for each problem in its headline, dek and body.
    id: Option<String>,
    /// Run the tests of the library's house rules (its `house-style/*.weir` files and the
    /// built-in rules) instead.
    #[arg(long)]
    rules: bool,
}

#[derive(Subcommand)]
pub enum Dictionary {
    /// Add a word the whole library accepts as spelled right.
    Add { word: String },
    /// Take a word out of the desk dictionary.
    Remove { word: String },
    /// Every word of the desk dictionary.
    List,
}

#[derive(Serialize)]
struct Checked<'a> {
    id: &'a str,
    problems: usize,
    fields: &'a [FieldReport],
}

/// Whether the text (or the rules) came out clean.
pub fn check(library: &Library, args: Check, out: &Output) -> Result<bool> {
    if args.rules {
        let tested = library.test_house_rules()?;
        out.print(&tested, |t| print_rule_tests(t));
        return Ok(tested.iter().all(|t| t.failures.is_empty()));
    }
    let id = library
        .store()
        .resolve_article_id(args.id.as_deref().unwrap_or_default())?;
    let fields = library.check_article(&id)?;
    let problems = fields.iter().map(|f| f.problems.len()).sum();
    out.print(
        &Checked {
            id: &id,
            problems,
            fields: &fields,
        },
        |c| {
            for field in c.fields {
                if let Some(note) = &field.note {
                    eprintln!("{}: {}", field.field.as_str(), visible(note));
                }
                for p in &field.problems {
                    let suggestion = match p.suggestions.first() {
                        Some(s) if s.is_empty() => " -> (delete)".to_owned(),
                        Some(s) => format!(" -> {}", visible(s)),
                        None => String::new(),
                    };
                    println!(
                        "{}:{}:{} {} {}{suggestion}",
                        field.field.as_str(),
                        p.line,
                        p.column,
                        p.kind.as_str(),
                        visible(&p.message)
                    );
                }
            }
            if c.problems == 0 {
                println!("no problems found");
            }
        },
    );
    Ok(problems == 0)
}

fn print_rule_tests(tested: &[RuleTests]) {
    for rule in tested {
        if rule.failures.is_empty() {
            println!(
                "ok   {} ({}, {} tests)",
                rule.rule, rule.language, rule.tests
            );
            continue;
        }
        println!(
            "FAIL {} ({}, {} of {} tests failed)",
            rule.rule,
            rule.language,
            rule.failures.len(),
            rule.tests
        );
        for f in &rule.failures {
            if !f.input.is_empty() {
                println!("     text:     {}", visible(&f.input));
            }
            println!("     expected: {}", visible(&f.expected));
            println!("     got:      {}", visible(&f.got));
        }
    }
}

pub fn dictionary(library: &Library, command: Dictionary, out: &Output) -> Result<()> {
    match command {
        Dictionary::Add { word } => {
            let word = library.add_desk_word(&word)?;
            out.print(&word, |w| {
                println!("{} is in the desk dictionary", visible(w))
            });
        }
        Dictionary::Remove { word } => {
            if !library.store().remove_desk_word(&word)? {
                return Err(Error::NotFound {
                    what: "desk dictionary word",
                    id: word,
                });
            }
            out.print(&word, |w| {
                println!("{} is out of the desk dictionary", visible(w))
            });
        }
        Dictionary::List => {
            let words = library.store().desk_words()?;
            out.print(&words, |w| {
                w.iter().for_each(|w| println!("{}", visible(w)))
            });
        }
    }
    Ok(())
}
