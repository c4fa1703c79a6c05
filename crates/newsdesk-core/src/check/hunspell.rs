//! Spelling for the languages harper does not speak, with `spellbook` over the Hunspell
//! dictionaries Debian installs in `/usr/share/hunspell` (`hunspell-fr`, `hunspell-de-de`,
//! `hunspell-es`). Spelling only: no grammar checker exists for them here.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::LazyLock;

use regex::Regex;

use super::{Finding, Markup, ProblemKind, mask_not_prose};

/// Where Debian puts Hunspell dictionaries; `NEWSDESK_HUNSPELL_DIR` points elsewhere.
const SYSTEM_DIR: &str = "/usr/share/hunspell";

/// Suggestions asked of Hunspell per word: its suggester is the slow part (milliseconds a
/// word), and an editor reads three.
const MAX_SUGGESTIONS: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Language {
    French,
    German,
    Spanish,
}

impl Language {
    pub(super) fn from_primary(primary: &str) -> Option<Language> {
        match primary {
            "fr" => Some(Language::French),
            "de" => Some(Language::German),
            "es" => Some(Language::Spanish),
            _ => None,
        }
    }

    pub(super) fn name(self) -> &'static str {
        match self {
            Language::French => "French",
            Language::German => "German",
            Language::Spanish => "Spanish",
        }
    }

    pub(super) fn debian_package(self) -> &'static str {
        match self {
            Language::French => "hunspell-fr",
            Language::German => "hunspell-de-de",
            Language::Spanish => "hunspell-es",
        }
    }

    fn file_stem(self) -> &'static str {
        match self {
            Language::French => "fr_FR",
            Language::German => "de_DE",
            Language::Spanish => "es_ES",
        }
    }
}

/// The dictionaries loaded so far (each on first use: French takes about a second to read).
#[derive(Default)]
pub(super) struct Dictionaries {
    loaded: HashMap<Language, Option<spellbook::Dictionary>>,
}

fn dictionary_dir() -> PathBuf {
    std::env::var_os("NEWSDESK_HUNSPELL_DIR")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(SYSTEM_DIR))
}

fn load(language: Language) -> Option<spellbook::Dictionary> {
    let dir = dictionary_dir();
    let aff = std::fs::read_to_string(dir.join(format!("{}.aff", language.file_stem()))).ok()?;
    let dic = std::fs::read_to_string(dir.join(format!("{}.dic", language.file_stem()))).ok()?;
    spellbook::Dictionary::new(&aff, &dic).ok()
}

/// A word: letters, with apostrophes and hyphens inside it.
static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\p{L}+(?:['’\-]\p{L}+)*").expect("a valid pattern"));

impl Dictionaries {
    pub(super) fn available(&mut self, language: Language) -> bool {
        self.loaded
            .entry(language)
            .or_insert_with(|| load(language))
            .is_some()
    }

    pub(super) fn check(&mut self, language: Language, markup: Markup, text: &str) -> Vec<Finding> {
        let Some(dictionary) = self
            .loaded
            .entry(language)
            .or_insert_with(|| load(language))
            .as_ref()
        else {
            return Vec::new();
        };
        let masked = match markup {
            Markup::Markdown => mask_not_prose(text),
            Markup::Plain => std::borrow::Cow::Borrowed(text),
        };
        let mut findings = Vec::new();
        for word in WORD.find_iter(&masked) {
            if is_spelled_right(dictionary, word.as_str()) {
                continue;
            }
            let mut suggestions = Vec::new();
            dictionary.suggest(word.as_str(), &mut suggestions);
            suggestions.truncate(MAX_SUGGESTIONS);
            let start = masked[..word.start()].chars().count();
            findings.push(Finding {
                start,
                end: start + word.as_str().chars().count(),
                kind: ProblemKind::Spelling,
                rule: "hunspell".into(),
                message: format!(
                    "{:?} is not in the {} dictionary",
                    word.as_str(),
                    language.name()
                ),
                suggestions,
            });
        }
        findings
    }
}

/// Hunspell's answer, allowing what a newsroom writes that a dictionary lacks: acronyms (all
/// capitals), and words joined by hyphens or elided with an apostrophe (`l'homme`) whose parts
/// are each right.
fn is_spelled_right(dictionary: &spellbook::Dictionary, word: &str) -> bool {
    if dictionary.check(word) {
        return true;
    }
    if word.chars().count() > 1 && word.chars().all(|c| !c.is_lowercase()) {
        return true;
    }
    let parts: Vec<&str> = word.split(['-', '\'', '’']).collect();
    if parts.len() > 1 {
        return parts.iter().enumerate().all(|(i, part)| {
            part.is_empty()
                || dictionary.check(part)
                // an elided article or pronoun: l', d', qu', j'...
                || (i + 1 < parts.len() && part.chars().count() <= 3)
        });
    }
    false
}
