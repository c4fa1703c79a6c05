//! The writing desk: grammar, spelling and house style over an article's text, offline. Pure
//! like `render`: text in, problems out; the library only supplies the words it knows and its
//! house rules.
//!
//! - English: `harper-core` (grammar and spelling, the dialect from the article's language).
//! - French, German, Spanish: spelling only, `spellbook` over Debian's Hunspell dictionaries;
//!   no grammar checker exists for them here, and the result says so.
//! - House style: Weir rules in the library's `house-style/` folder (one rule a file, each with
//!   its own tests), plus the few rules Weir cannot say, in `house.rs`.
//!
//! A field is checked paragraph by paragraph and each paragraph's findings are kept by its
//! text, so while an editor types only the paragraph that changed is checked again: a
//! 5,000-word body costs its full check once, then a few milliseconds a keystroke.

mod copy_desk;
mod english;
pub mod house;
mod hunspell;
mod known;

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::article::ArticleFields;
use crate::{Error, Result};

pub use copy_desk::{CopyDesk, FREQUENT_NAMES_FROM};
pub use house::{HOUSE_STYLE_DIR, HouseRules, RuleTestFailure, RuleTests};
pub use known::KnownWords;

/// What kind of problem it is, for the underline's colour and for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    Spelling,
    Grammar,
    /// Correct but weaker: wordiness, redundancy, a regional word.
    Style,
    /// The desk's own rules.
    House,
}

impl ProblemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemKind::Spelling => "spelling",
            ProblemKind::Grammar => "grammar",
            ProblemKind::Style => "style",
            ProblemKind::House => "house",
        }
    }
}

/// The fields the desk checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum CheckedField {
    Headline,
    Dek,
    /// Markdown: code, links' addresses and `photo:` figures are not prose and are skipped.
    Body,
}

impl CheckedField {
    pub const ALL: [CheckedField; 3] = [
        CheckedField::Headline,
        CheckedField::Dek,
        CheckedField::Body,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CheckedField::Headline => "headline",
            CheckedField::Dek => "dek",
            CheckedField::Body => "body",
        }
    }

    pub fn text(self, fields: &ArticleFields) -> &str {
        match self {
            CheckedField::Headline => &fields.headline,
            CheckedField::Dek => &fields.dek,
            CheckedField::Body => &fields.body,
        }
    }
}

impl std::str::FromStr for CheckedField {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        CheckedField::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| {
                Error::invalid(format!("the desk checks headline, dek and body, not {s:?}"))
            })
    }
}

/// One problem in a field's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TextProblem {
    /// Where it is, in UTF-16 code units from the start of the field: what the window's
    /// editor (and any JavaScript string) counts in.
    pub from: u32,
    pub to: u32,
    /// 1-based line and column (in characters), for people and the CLI.
    pub line: u32,
    pub column: u32,
    pub kind: ProblemKind,
    /// The rule that found it (harper's lint kind, `house:<rule>`, `hunspell`), kinds joined
    /// by `+` when several rules reported the same span.
    pub rule: String,
    pub message: String,
    /// The flagged text as it stands.
    pub text: String,
    /// Replacements for `text`, best first; `""` means delete it.
    pub suggestions: Vec<String>,
}

/// The check of one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FieldReport {
    pub field: CheckedField,
    pub problems: Vec<TextProblem>,
    /// The language checked (the article's, `en` when it has none).
    pub language: String,
    /// Whether grammar was checked; false for languages with spelling only.
    pub grammar: bool,
    /// Said to the editor when the check is partial: "French: spelling only, no grammar checker".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A paragraph's findings, positions in characters from the paragraph's start.
#[derive(Debug, Clone)]
struct Finding {
    start: usize,
    end: usize,
    kind: ProblemKind,
    rule: String,
    message: String,
    suggestions: Vec<String>,
}

/// How to read a field's text: the body is Markdown, headline and dek plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Markup {
    Markdown,
    Plain,
}

/// A language's checker, chosen from the article's BCP 47 tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Language {
    English(english::Dialect),
    Hunspell(hunspell::Language),
    /// Nothing to check it with.
    Unchecked,
}

impl Language {
    fn from_tag(tag: &str) -> Language {
        let tag = tag.trim().to_ascii_lowercase();
        let mut parts = tag.split(['-', '_']);
        let primary = parts.next().unwrap_or("");
        let region = parts.find(|p| p.len() == 2).unwrap_or("");
        match primary {
            "" | "en" => Language::English(english::Dialect::from_region(region)),
            _ => hunspell::Language::from_primary(primary)
                .map(Language::Hunspell)
                .unwrap_or(Language::Unchecked),
        }
    }
}

/// Paragraphs of one language and markup checked so far, by text. Bounded: a library's
/// stories are checked one at a time, and 4,096 paragraphs is a few long stories' worth.
const CACHE_PARAGRAPHS: usize = 4096;

/// The checker a library keeps: harper's rule set per dialect, the Hunspell dictionaries
/// loaded so far, the house rules, the words the desk knows and the paragraph cache.
pub struct Checker {
    english: english::English,
    hunspell: hunspell::Dictionaries,
    house: HouseRules,
    /// Why the library's house rules are not in use (a rule that does not compile): said in
    /// every report's note until it is fixed.
    house_problem: Option<String>,
    /// The desk dictionary and the library's frequent names.
    desk_words: KnownWords,
    cache: HashMap<(Language, Markup, String), std::sync::Arc<Vec<Finding>>>,
    /// Paragraphs checked (not found in the cache) since start: what typing costs.
    paragraphs_checked: u64,
}

impl Checker {
    /// Starts the checker: harper's dictionary and rules for American English (0.85 s
    /// measured here, so a library starts it on a thread when it opens), the house rules
    /// from `house_dir` (written there from the built-in set when the folder is missing; the
    /// built-in set, and a note saying why, when a rule there does not compile).
    pub fn start(house_dir: &Path, desk_words: KnownWords) -> Checker {
        let (house, house_problem) = match HouseRules::load(house_dir) {
            Ok(rules) => (rules, None),
            Err(e) => {
                let mut built_in = HouseRules::built_in();
                built_in.watch(house_dir);
                (
                    built_in,
                    Some(format!("{e}; the built-in house rules are used meanwhile")),
                )
            }
        };
        Checker {
            english: english::English::start(),
            hunspell: hunspell::Dictionaries::default(),
            house,
            house_problem,
            desk_words,
            cache: HashMap::new(),
            paragraphs_checked: 0,
        }
    }

    /// A checker without a library: the built-in house rules, no desk words (tests, benches).
    pub fn without_library() -> Checker {
        Checker {
            english: english::English::start(),
            hunspell: hunspell::Dictionaries::default(),
            house: HouseRules::built_in(),
            house_problem: None,
            desk_words: KnownWords::default(),
            cache: HashMap::new(),
            paragraphs_checked: 0,
        }
    }

    pub fn house_rules(&self) -> &HouseRules {
        &self.house
    }

    /// Reads the house rules again when their folder changed since they were loaded (the
    /// desk edited a rule): a folder listing, no more, when nothing changed.
    fn refresh_house_rules(&mut self) {
        if !self.house.changed_on_disk() {
            return;
        }
        let Some(folder) = self.house.folder().map(Path::to_path_buf) else {
            return;
        };
        match HouseRules::load(&folder) {
            Ok(rules) => {
                self.house = rules;
                self.house_problem = None;
            }
            Err(e) => {
                self.house = HouseRules::built_in();
                self.house.watch(&folder);
                self.house_problem =
                    Some(format!("{e}; the built-in house rules are used meanwhile"));
            }
        }
        self.cache.clear();
    }

    /// A word the desk now knows (added to the desk dictionary). Findings are filtered by
    /// known words after the cache, so the cache stays.
    pub fn learn(&mut self, word: &str) {
        self.desk_words.extend([word]);
    }

    /// Paragraphs checked since start; the others came from the cache.
    pub fn paragraphs_checked(&self) -> u64 {
        self.paragraphs_checked
    }

    pub fn desk_words(&self) -> &KnownWords {
        &self.desk_words
    }

    /// Checks one field of an article. `story_words` are the story's own names (bylines,
    /// dateline, keywords: see [`KnownWords::of_story`]); the desk's words are added here.
    pub fn check(
        &mut self,
        field: CheckedField,
        text: &str,
        language_tag: &str,
        story_words: &KnownWords,
    ) -> FieldReport {
        self.refresh_house_rules();
        let language = Language::from_tag(language_tag);
        let markup = match field {
            CheckedField::Body => Markup::Markdown,
            CheckedField::Headline | CheckedField::Dek => Markup::Plain,
        };
        let mut problems = Vec::new();
        let lines = LineIndex::new(text);
        for paragraph in paragraphs(text) {
            let key = (language, markup, paragraph.text.to_owned());
            let findings = match self.cache.get(&key) {
                Some(found) => found.clone(),
                None => {
                    let found =
                        std::sync::Arc::new(self.check_paragraph(language, markup, paragraph.text));
                    if self.cache.len() >= CACHE_PARAGRAPHS {
                        self.cache.clear();
                    }
                    self.cache.insert(key, found.clone());
                    found
                }
            };
            let chars: Vec<char> = paragraph.text.chars().collect();
            for finding in findings.iter() {
                let flagged: String = chars[finding.start..finding.end].iter().collect();
                // A known name is neither misspelt nor a repeated word ("Wagga Wagga").
                if (finding.kind == ProblemKind::Spelling || finding.rule == "Repetition")
                    && (story_words.knows(&flagged) || self.desk_words.knows(&flagged))
                {
                    continue;
                }
                let start = paragraph.start_char + finding.start;
                let end = paragraph.start_char + finding.end;
                let (line, column) = lines.line_col(start);
                problems.push(TextProblem {
                    from: lines.utf16(start),
                    to: lines.utf16(end),
                    line,
                    column,
                    kind: finding.kind,
                    rule: finding.rule.clone(),
                    message: finding.message.clone(),
                    text: flagged,
                    suggestions: finding.suggestions.clone(),
                });
            }
        }
        let (grammar, mut note) = match language {
            Language::English(_) => (true, None),
            Language::Hunspell(lang) => (
                false,
                Some(match self.hunspell.available(lang) {
                    true => format!("{}: spelling only, no grammar checker", lang.name()),
                    false => format!(
                        "{}: not checked, the Hunspell dictionary is not installed ({})",
                        lang.name(),
                        lang.debian_package()
                    ),
                }),
            ),
            Language::Unchecked => (
                false,
                Some(format!(
                    "{language_tag}: not checked, no spelling or grammar checker for this language"
                )),
            ),
        };
        if let Some(problem) = &self.house_problem {
            note = Some(match note {
                Some(n) => format!("{n}. {problem}"),
                None => problem.clone(),
            });
        }
        FieldReport {
            field,
            problems,
            language: if language_tag.trim().is_empty() {
                "en".into()
            } else {
                language_tag.trim().into()
            },
            grammar,
            note,
        }
    }

    fn check_paragraph(&mut self, language: Language, markup: Markup, text: &str) -> Vec<Finding> {
        self.paragraphs_checked += 1;
        let mut findings = match language {
            Language::English(dialect) => {
                let document = self.english.read(markup, text);
                let mut found = self.english.check(dialect, &document);
                found.extend(self.house.check(&document, text, markup));
                found
            }
            Language::Hunspell(lang) => self.hunspell.check(lang, markup, text),
            Language::Unchecked => Vec::new(),
        };
        merge_same_span(&mut findings);
        findings
    }
}

/// Several rules reporting one span (harper's spelling and a house rule on "per cent", two
/// harper rules on one word) are one problem for the editor: one underline, the messages
/// joined, every distinct suggestion once, the stronger kind (spelling before grammar before
/// style before house) shown.
fn merge_same_span(findings: &mut Vec<Finding>) {
    findings.sort_by_key(|f| (f.start, f.end, f.kind));
    let mut merged: Vec<Finding> = Vec::with_capacity(findings.len());
    for finding in findings.drain(..) {
        match merged.last_mut() {
            Some(last) if last.start == finding.start && last.end == finding.end => {
                if !last.message.contains(&finding.message) {
                    last.message = format!("{}; {}", last.message, finding.message);
                }
                if !last.rule.split('+').any(|r| r == finding.rule) {
                    last.rule = format!("{}+{}", last.rule, finding.rule);
                }
                for suggestion in finding.suggestions {
                    if !last.suggestions.contains(&suggestion) {
                        last.suggestions.push(suggestion);
                    }
                }
            }
            _ => merged.push(finding),
        }
    }
    *findings = merged;
}

/// A run of non-blank lines, and where it starts (in characters).
struct Paragraph<'a> {
    text: &'a str,
    start_char: usize,
}

/// Paragraphs are runs of non-blank lines: the unit an editor changes while typing, and one a
/// sentence never crosses.
fn paragraphs(text: &str) -> Vec<Paragraph<'_>> {
    let mut out = Vec::new();
    let mut char_pos = 0;
    let mut start: Option<(usize, usize)> = None; // (byte, char)
    let mut byte_pos = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (false, None) => start = Some((byte_pos, char_pos)),
            (true, Some((b, c))) => {
                out.push(Paragraph {
                    text: text[b..byte_pos].trim_end_matches(['\n', '\r']),
                    start_char: c,
                });
                start = None;
            }
            _ => {}
        }
        byte_pos += line.len();
        char_pos += line.chars().count();
    }
    if let Some((b, c)) = start {
        out.push(Paragraph {
            text: text[b..].trim_end_matches(['\n', '\r']),
            start_char: c,
        });
    }
    out
}

/// Character positions to UTF-16 positions and line:column. Built once a check: a table of
/// 60,000 entries for a 10,000-word body, far under a millisecond.
struct LineIndex {
    utf16_at: Vec<u32>,
    line_starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut utf16_at = Vec::with_capacity(text.len() + 1);
        let mut line_starts = vec![0];
        let mut at = 0u32;
        for (i, c) in text.chars().enumerate() {
            utf16_at.push(at);
            at += c.len_utf16() as u32;
            if c == '\n' {
                line_starts.push(i + 1);
            }
        }
        utf16_at.push(at);
        LineIndex {
            utf16_at,
            line_starts,
        }
    }

    fn utf16(&self, char_pos: usize) -> u32 {
        self.utf16_at[char_pos.min(self.utf16_at.len() - 1)]
    }

    fn line_col(&self, char_pos: usize) -> (u32, u32) {
        let line = self.line_starts.partition_point(|&s| s <= char_pos);
        let column = char_pos - self.line_starts[line - 1] + 1;
        (line as u32, column as u32)
    }
}

/// Text that is not prose in Markdown: code, images (`photo:` figures), link targets, bare
/// addresses. Blanked with spaces of the same length, so positions stay.
static NOT_PROSE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"`[^`]*`|!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|<[^>\s]+>|https?://\S+")
        .expect("a valid pattern")
});

fn mask_not_prose(text: &str) -> std::borrow::Cow<'_, str> {
    NOT_PROSE.replace_all(text, |c: &regex::Captures| " ".repeat(c[0].len()))
}

/// Replacement text for a harper suggestion applied to `original`.
fn suggestion_text(suggestion: &harper_core::linting::Suggestion, original: &[char]) -> String {
    use harper_core::linting::Suggestion;
    match suggestion {
        Suggestion::ReplaceWith(with) => with.iter().collect(),
        Suggestion::InsertAfter(more) => original.iter().chain(more.iter()).collect(),
        Suggestion::Remove => String::new(),
    }
}
