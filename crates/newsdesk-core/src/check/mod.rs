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
//! 5,000-word body costs its full check once, then a few milliseconds a keystroke. The full
//! check is shared out between the machine's cores (two at most).

mod copy_desk;
mod english;
pub mod house;
mod hunspell;
mod known;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

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

/// At most this many threads check a long story's paragraphs side by side, one pair of hands
/// each. On this machine's 2 cores (`cargo bench -p newsdesk-core --bench check -- clean`),
/// 5,000 words of wire copy took p50 200 ms on one and 120 ms on two; the second pair of hands
/// costs 5 MiB to start (harper's rule set, the house rules) and 22 MiB once its caches have
/// filled (`-- memory`). More than two were never measured.
const MOST_HANDS: usize = 2;

/// Unchecked paragraphs shorter than this (UTF-8 bytes) together stay on one thread: typing
/// changes one paragraph, checked in a few milliseconds, and sharing it out is not worth a
/// thread.
const SHARED_FROM_BYTES: usize = 4_000;

/// What checks English paragraphs on one thread: harper's rule sets and the house rules. Both
/// keep state while they run (harper's caches, Weir's), so each thread has its own.
struct Hands {
    english: english::English,
    house: HouseRules,
}

impl Hands {
    fn check(&mut self, dialect: english::Dialect, markup: Markup, text: &str) -> Vec<Finding> {
        let document = self.english.read(markup, text);
        let mut found = self.english.check(dialect, &document);
        found.extend(self.house.check(&document, text, markup));
        merge_same_span(&mut found);
        found
    }

    fn check_all(
        &mut self,
        dialect: english::Dialect,
        markup: Markup,
        texts: &[&str],
    ) -> Vec<Vec<Finding>> {
        texts
            .iter()
            .map(|text| self.check(dialect, markup, text))
            .collect()
    }
}

/// The checker a library keeps: its hands (harper and the house rules, one set per thread),
/// the Hunspell dictionaries loaded so far, the words the desk knows and the paragraph cache.
pub struct Checker {
    /// At least one; one per core up to [`MOST_HANDS`].
    hands: Vec<Hands>,
    hunspell: hunspell::Dictionaries,
    /// Why the library's house rules are not in use (a rule that does not compile): said in
    /// every report's note until it is fixed.
    house_problem: Option<String>,
    /// The desk dictionary and the library's frequent names.
    desk_words: KnownWords,
    cache: HashMap<(Language, Markup, String), Arc<Vec<Finding>>>,
    /// Paragraphs checked (not found in the cache) since start: what typing costs.
    paragraphs_checked: u64,
}

impl Checker {
    /// Starts the checker: harper's dictionary and rules for American English (0.85 s
    /// measured here, so a library starts it on a thread when it opens), the house rules
    /// from `house_dir` (written there from the built-in set when the folder is missing; the
    /// built-in set, and a note saying why, when a rule there does not compile).
    pub fn start(house_dir: &Path, desk_words: KnownWords) -> Checker {
        let (house, house_problem) = load_house_rules(house_dir);
        Checker::with(house, house_problem, desk_words)
    }

    /// A checker without a library: the built-in house rules, no desk words (tests, benches).
    pub fn without_library() -> Checker {
        Checker::with(HouseRules::built_in(), None, KnownWords::default())
    }

    fn with(house: HouseRules, house_problem: Option<String>, desk_words: KnownWords) -> Checker {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let twins: Vec<HouseRules> = (1..cores.min(MOST_HANDS)).map(|_| house.twin()).collect();
        let hands = std::iter::once(house)
            .chain(twins)
            .map(|house| Hands {
                english: english::English::start(),
                house,
            })
            .collect();
        Checker {
            hands,
            hunspell: hunspell::Dictionaries::default(),
            house_problem,
            desk_words,
            cache: HashMap::new(),
            paragraphs_checked: 0,
        }
    }

    pub fn house_rules(&self) -> &HouseRules {
        &self.hands[0].house
    }

    /// Reads the house rules again when their folder changed since they were loaded (the
    /// desk edited a rule): a folder listing, no more, when nothing changed.
    fn refresh_house_rules(&mut self) {
        if !self.house_rules().changed_on_disk() {
            return;
        }
        let Some(folder) = self.house_rules().folder().map(Path::to_path_buf) else {
            return;
        };
        let (house, problem) = load_house_rules(&folder);
        self.house_problem = problem;
        for hands in &mut self.hands[1..] {
            hands.house = house.twin();
        }
        self.hands[0].house = house;
        self.cache.clear();
    }

    /// A word the desk now knows (added to the desk dictionary). Findings are filtered by
    /// known words after the cache, so the cache stays.
    pub fn learn(&mut self, word: &str) {
        self.desk_words.extend([word]);
    }

    /// Paragraphs checked (not found in the cache) since start.
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
        let paragraphs = paragraphs(text);
        // This check's findings by paragraph, taken from the cache before checking the rest
        // can clear it.
        let mut found: HashMap<&str, Arc<Vec<Finding>>> = HashMap::new();
        let mut unchecked = Vec::new();
        // Where the first unchecked paragraph starts, in characters.
        let mut first_unchecked_at = 0;
        for paragraph in &paragraphs {
            if found.contains_key(paragraph.text) {
                continue;
            }
            let findings = self
                .cache
                .get(&(language, markup, paragraph.text.to_owned()));
            match findings {
                Some(findings) => found.insert(paragraph.text, findings.clone()),
                None => {
                    if unchecked.is_empty() {
                        first_unchecked_at = paragraph.start_char;
                    }
                    unchecked.push(paragraph.text);
                    // A placeholder, so a paragraph written twice is checked once.
                    found.insert(paragraph.text, Arc::default())
                }
            };
        }
        let lines = LineIndex::new(text);
        let at = first_unchecked_at as f64 / lines.chars().max(1) as f64;
        let checked = self.check_paragraphs(language, markup, &unchecked, at);
        for (text, findings) in unchecked.into_iter().zip(checked) {
            let findings = Arc::new(findings);
            if self.cache.len() >= CACHE_PARAGRAPHS {
                self.cache.clear();
            }
            self.cache
                .insert((language, markup, text.to_owned()), findings.clone());
            found.insert(text, findings);
        }

        let mut problems = Vec::new();
        for paragraph in &paragraphs {
            let chars: Vec<char> = paragraph.text.chars().collect();
            for finding in found[paragraph.text].iter() {
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

    /// The findings of each of `texts`, in order. English paragraphs of a long story are
    /// shared out between the hands, each a run of paragraphs of about equal length. A few
    /// paragraphs (typing) go to the hands that checked that part of the field, `at` (0 to 1):
    /// harper keeps the suggestions for the words it did not know, and the paragraph being
    /// typed has most of its words from before. Sent to the other hands, a one-paragraph change
    /// in the generated bench story took p95 36 ms instead of 9.
    fn check_paragraphs(
        &mut self,
        language: Language,
        markup: Markup,
        texts: &[&str],
        at: f64,
    ) -> Vec<Vec<Finding>> {
        self.paragraphs_checked += texts.len() as u64;
        let dialect = match language {
            Language::English(dialect) => dialect,
            Language::Hunspell(lang) => {
                return texts
                    .iter()
                    .map(|text| {
                        let mut found = self.hunspell.check(lang, markup, text);
                        merge_same_span(&mut found);
                        found
                    })
                    .collect();
            }
            Language::Unchecked => return vec![Vec::new(); texts.len()],
        };
        let bytes: usize = texts.iter().map(|t| t.len()).sum();
        if bytes < SHARED_FROM_BYTES || self.hands.len() == 1 {
            let hands = ((at * self.hands.len() as f64) as usize).min(self.hands.len() - 1);
            return self.hands[hands].check_all(dialect, markup, texts);
        }
        let shares = shares(texts, self.hands.len());
        std::thread::scope(|scope| {
            let (mine, others) = self
                .hands
                .split_first_mut()
                .expect("at least one pair of hands");
            // Each share's thread, or the share itself when no thread was to be had: this
            // thread then checks it after its own.
            let mut running = Vec::new();
            for (hands, share) in others.iter_mut().zip(&shares[1..]) {
                running.push(
                    std::thread::Builder::new()
                        .name("copy-desk-hands".into())
                        .spawn_scoped(scope, move || hands.check_all(dialect, markup, share))
                        .map_err(|_| *share),
                );
            }
            let mut found = mine.check_all(dialect, markup, shares[0]);
            for thread in running {
                match thread {
                    Ok(thread) => match thread.join() {
                        Ok(more) => found.extend(more),
                        Err(panic) => std::panic::resume_unwind(panic),
                    },
                    Err(share) => found.extend(mine.check_all(dialect, markup, share)),
                }
            }
            found
        })
    }
}

/// `texts` cut into `count` runs of about equal length (in UTF-8 bytes), in order.
fn shares<'a, 't>(texts: &'a [&'t str], count: usize) -> Vec<&'a [&'t str]> {
    let total: usize = texts.iter().map(|t| t.len()).sum();
    let mut out = Vec::with_capacity(count);
    let (mut from, mut length) = (0, 0);
    for (i, text) in texts.iter().enumerate() {
        length += text.len();
        if length * count >= total * (out.len() + 1) && out.len() + 1 < count {
            out.push(&texts[from..=i]);
            from = i + 1;
        }
    }
    out.push(&texts[from..]);
    out
}

/// The house rules of `folder`; the built-in set and what is wrong, when a rule there does not
/// compile (the folder is still watched, so the next change may fix it).
fn load_house_rules(folder: &Path) -> (HouseRules, Option<String>) {
    match HouseRules::load(folder) {
        Ok(rules) => (rules, None),
        Err(e) => {
            let mut built_in = HouseRules::built_in();
            built_in.watch(folder);
            (
                built_in,
                Some(format!("{e}; the built-in house rules are used meanwhile")),
            )
        }
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

    /// The text's length in characters.
    fn chars(&self) -> usize {
        self.utf16_at.len() - 1
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

#[cfg(test)]
mod tests {
    use super::shares;

    #[test]
    fn shares_are_runs_of_about_equal_length_in_order() {
        // (paragraphs, how many shares, the shares)
        type Case<'a> = (&'a [&'a str], usize, &'a [&'a [&'a str]]);
        let cases: &[Case] = &[
            (
                &["aaaa", "bb", "bb", "aaaa"],
                2,
                &[&["aaaa", "bb"], &["bb", "aaaa"]],
            ),
            (&["aaaaaaaa", "b", "c"], 2, &[&["aaaaaaaa"], &["b", "c"]]),
            (&["a", "b", "cccccccc"], 2, &[&["a", "b", "cccccccc"], &[]]),
            (&["a"], 1, &[&["a"]]),
            (&[], 2, &[&[]]),
        ];
        for (texts, count, expected) in cases {
            assert_eq!(&shares(texts, *count), expected, "{texts:?} in {count}");
        }
    }
}
