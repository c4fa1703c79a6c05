//! English grammar and spelling with harper-core: its curated rule set and dictionary, one rule
//! set per dialect (built when a story of that dialect is first checked; American English at
//! start).

use std::collections::HashMap;
use std::sync::Arc;

use harper_core::linting::{LintGroup, LintKind, Linter};
use harper_core::parsers::{Markdown, PlainEnglish};
use harper_core::spell::FstDictionary;
use harper_core::{Dialect as HarperDialect, Document};

use super::{Finding, Markup, ProblemKind, suggestion_text};

/// The dialects harper knows, from the region of the article's language tag (`en-GB`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Dialect {
    American,
    British,
    Australian,
    Canadian,
    Indian,
}

impl Dialect {
    pub(super) fn from_region(region: &str) -> Dialect {
        match region {
            "gb" | "uk" | "ie" | "nz" => Dialect::British,
            "au" => Dialect::Australian,
            "ca" => Dialect::Canadian,
            "in" => Dialect::Indian,
            _ => Dialect::American,
        }
    }

    fn harper(self) -> HarperDialect {
        match self {
            Dialect::American => HarperDialect::American,
            Dialect::British => HarperDialect::British,
            Dialect::Australian => HarperDialect::Australian,
            Dialect::Canadian => HarperDialect::Canadian,
            Dialect::Indian => HarperDialect::Indian,
        }
    }
}

/// Harper rules the desk's house style contradicts: harper's `OkToOkay` asks for "okay" where
/// the house (and AP) write "OK", so the two would flag each other's fix for ever.
const OVERRULED_BY_THE_HOUSE: &[&str] = &["OkToOkay"];

fn rule_set(dictionary: Arc<FstDictionary>, dialect: Dialect) -> LintGroup {
    let mut rules = LintGroup::new_curated(dictionary, dialect.harper());
    for rule in OVERRULED_BY_THE_HOUSE {
        rules.config.set_rule_enabled(*rule, false);
    }
    rules
}

pub(super) struct English {
    dictionary: Arc<FstDictionary>,
    rules: HashMap<Dialect, LintGroup>,
}

impl English {
    pub(super) fn start() -> English {
        let dictionary = FstDictionary::curated();
        let mut rules = HashMap::new();
        rules.insert(
            Dialect::American,
            rule_set(dictionary.clone(), Dialect::American),
        );
        English { dictionary, rules }
    }

    /// Harper's reading of a paragraph (tokens, parts of speech), shared by its rules and the
    /// house's Weir rules.
    pub(super) fn read(&self, markup: Markup, text: &str) -> Document {
        match markup {
            Markup::Markdown => Document::new(text, &Markdown::default(), self.dictionary.as_ref()),
            Markup::Plain => Document::new(text, &PlainEnglish, self.dictionary.as_ref()),
        }
    }

    pub(super) fn check(&mut self, dialect: Dialect, document: &Document) -> Vec<Finding> {
        let dictionary = self.dictionary.clone();
        let rules = self
            .rules
            .entry(dialect)
            .or_insert_with(|| rule_set(dictionary, dialect));
        let source = document.get_source();
        rules
            .lint(document)
            .into_iter()
            .map(|lint| {
                let original = &source[lint.span.start..lint.span.end];
                Finding {
                    start: lint.span.start,
                    end: lint.span.end,
                    kind: kind_of(lint.lint_kind),
                    rule: lint.lint_kind.to_string_key(),
                    message: lint.message,
                    suggestions: lint
                        .suggestions
                        .iter()
                        .map(|s| suggestion_text(s, original))
                        .collect(),
                }
            })
            .collect()
    }
}

fn kind_of(kind: LintKind) -> ProblemKind {
    match kind {
        LintKind::Spelling => ProblemKind::Spelling,
        LintKind::Enhancement
        | LintKind::Readability
        | LintKind::Redundancy
        | LintKind::Regionalism
        | LintKind::Style
        | LintKind::WordChoice => ProblemKind::Style,
        _ => ProblemKind::Grammar,
    }
}
