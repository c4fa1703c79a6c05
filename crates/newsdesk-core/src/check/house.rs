//! House style: the desk's own rules.
//!
//! Most are Weir rules (harper's language for finding errors), one rule a file in the
//! library's `house-style/` folder, each carrying its own tests (`test "wrong" "right"`,
//! `allows "fine"`), so the desk can edit a rule and run its tests (`newsdesk check --rules`).
//! A library gets the built-in set (`house_style/*.weir` here) the first time it is checked.
//!
//! Four rules are in Rust, because Weir (harper-core 3.0) has no pattern for a number token:
//! its lexer refuses a digit in a rule ("unsupported token"), and each of these turns on one
//! (numbers one to nine in words, month abbreviations with dates, "more than" before a
//! quantity) or on the shape of a paragraph's opening (dateline capitals). They carry their
//! tests in the same form, and `--rules` runs them too.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::SystemTime;

use harper_core::Document;
use harper_core::linting::Linter;
use harper_core::weir::WeirLinter;
use regex::Regex;
use serde::Serialize;

use super::{Finding, Markup, ProblemKind, mask_not_prose, suggestion_text};
use crate::error::Context;
use crate::{Error, Result};

/// The folder of a library that holds its house rules.
pub const HOUSE_STYLE_DIR: &str = "house-style";

/// The built-in Weir rules, written into a library's folder when it has none.
const BUILT_IN: &[(&str, &str)] = &[
    ("percent", include_str!("house_style/percent.weir")),
    ("ok", include_str!("house_style/ok.weir")),
    ("toward", include_str!("house_style/toward.weir")),
    ("email", include_str!("house_style/email.weir")),
    ("website", include_str!("house_style/website.weir")),
    ("in-order-to", include_str!("house_style/in-order-to.weir")),
];

struct WeirRule {
    name: String,
    /// Kept to compile the rule again for another thread: a Weir linter keeps state while it
    /// runs and cannot be shared.
    source: String,
    linter: WeirLinter,
}

/// The house rules of a library (or the built-in set).
pub struct HouseRules {
    weir: Vec<WeirRule>,
    folder: Option<PathBuf>,
    /// What the folder looked like when read: (file count, newest change).
    read_as: Option<(usize, SystemTime)>,
}

/// One failing test of a rule: the text, what the rule should have made of it, what it made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RuleTestFailure {
    pub input: String,
    pub expected: String,
    pub got: String,
}

/// A rule's tests, run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RuleTests {
    /// `percent` (a Weir file's name) or `numbers-in-words` (a rule in Rust).
    pub rule: String,
    /// `weir` or `built-in`.
    pub language: String,
    pub tests: usize,
    pub failures: Vec<RuleTestFailure>,
}

fn folder_state(folder: &Path) -> Option<(usize, SystemTime)> {
    let mut count = 0;
    let mut newest = std::fs::metadata(folder).ok()?.modified().ok()?;
    for entry in std::fs::read_dir(folder).ok()?.flatten() {
        count += 1;
        if let Ok(modified) = entry.metadata().and_then(|m| m.modified()) {
            newest = newest.max(modified);
        }
    }
    Some((count, newest))
}

fn compile(name: &str, source: &str, path: Option<&Path>) -> Result<WeirRule> {
    let linter = WeirLinter::new(source).map_err(|e| {
        Error::invalid(format!(
            "house rule {}: {e:?}",
            path.map(|p| p.display().to_string())
                .unwrap_or_else(|| name.to_owned())
        ))
    })?;
    Ok(WeirRule {
        name: name.to_owned(),
        source: source.to_owned(),
        linter,
    })
}

impl HouseRules {
    /// The built-in set, read from no folder.
    pub fn built_in() -> HouseRules {
        HouseRules {
            weir: BUILT_IN
                .iter()
                .map(|(name, source)| compile(name, source, None).expect("built-in rules compile"))
                .collect(),
            folder: None,
            read_as: None,
        }
    }

    /// Reads every `*.weir` file of `folder`, writing the built-in set there first when the
    /// folder does not exist. A rule that does not compile is an error naming its file: the
    /// desk should hear it, not lose the rule silently.
    pub fn load(folder: &Path) -> Result<HouseRules> {
        if !folder.exists() {
            std::fs::create_dir_all(folder)
                .context(|| format!("creating the house style folder {}", folder.display()))?;
            for (name, source) in BUILT_IN {
                let path = folder.join(format!("{name}.weir"));
                std::fs::write(&path, source)
                    .context(|| format!("writing house rule {}", path.display()))?;
            }
        }
        let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
            .context(|| format!("reading the house style folder {}", folder.display()))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "weir"))
            .collect();
        paths.sort();
        let mut weir = Vec::with_capacity(paths.len());
        for path in paths {
            let source = std::fs::read_to_string(&path)
                .context(|| format!("reading house rule {}", path.display()))?;
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            weir.push(compile(&name, &source, Some(&path))?);
        }
        Ok(HouseRules {
            weir,
            folder: Some(folder.to_owned()),
            read_as: folder_state(folder),
        })
    }

    /// The same rules, compiled again, for a second thread's checks.
    pub(super) fn twin(&self) -> HouseRules {
        HouseRules {
            weir: self
                .weir
                .iter()
                .map(|rule| {
                    compile(&rule.name, &rule.source, None).expect("the rule compiled once")
                })
                .collect(),
            folder: self.folder.clone(),
            read_as: self.read_as,
        }
    }

    /// Watches `folder` for changes though the rules were not read from it (its rules did not
    /// compile: the next change may fix them).
    pub(super) fn watch(&mut self, folder: &Path) {
        self.folder = Some(folder.to_owned());
        self.read_as = folder_state(folder);
    }

    pub fn folder(&self) -> Option<&Path> {
        self.folder.as_deref()
    }

    pub(super) fn changed_on_disk(&self) -> bool {
        match &self.folder {
            Some(folder) => folder_state(folder) != self.read_as,
            None => false,
        }
    }

    /// The names of the rules, Weir's first.
    pub fn names(&self) -> Vec<String> {
        self.weir
            .iter()
            .map(|r| r.name.clone())
            .chain(BUILT_IN_RUST.iter().map(|r| r.name.to_owned()))
            .collect()
    }

    /// Runs every rule's tests.
    pub fn run_tests(&mut self) -> Vec<RuleTests> {
        let mut out = Vec::new();
        for rule in &mut self.weir {
            let tests = rule.linter.count_tests();
            let failures = rule
                .linter
                .run_tests()
                .into_iter()
                .map(|r| RuleTestFailure {
                    input: String::new(),
                    expected: r.expected,
                    got: r.got,
                })
                .collect();
            out.push(RuleTests {
                rule: rule.name.clone(),
                language: "weir".into(),
                tests,
                failures,
            });
        }
        for rule in BUILT_IN_RUST {
            out.push(rule.run_tests());
        }
        out
    }

    /// The paragraph's house-style findings: the Weir rules over harper's reading of it, the
    /// Rust rules over its text.
    pub(super) fn check(
        &mut self,
        document: &Document,
        text: &str,
        markup: Markup,
    ) -> Vec<Finding> {
        let source = document.get_source();
        let mut found = Vec::new();
        for rule in &mut self.weir {
            for lint in rule.linter.lint(document) {
                let original = &source[lint.span.start..lint.span.end];
                found.push(Finding {
                    start: lint.span.start,
                    end: lint.span.end,
                    kind: ProblemKind::House,
                    rule: format!("house:{}", rule.name),
                    message: lint.message.clone(),
                    suggestions: lint
                        .suggestions
                        .iter()
                        .map(|s| suggestion_text(s, original))
                        .collect(),
                });
            }
        }
        let prose = match markup {
            Markup::Markdown => mask_not_prose(text),
            Markup::Plain => std::borrow::Cow::Borrowed(text),
        };
        for rule in BUILT_IN_RUST {
            found.extend(rule.find(&prose));
        }
        found
    }
}

/// What a rule in Rust finds: byte span of the text, message, replacements.
type Found = (usize, usize, String, Vec<String>);

/// A house rule Weir cannot say: a finder over the paragraph's text and its tests.
struct RustRule {
    name: &'static str,
    /// Byte spans of `text`, their message and replacements.
    find: fn(&str) -> Vec<Found>,
    /// (text, what it should become); equal for text the rule must leave alone.
    tests: &'static [(&'static str, &'static str)],
}

impl RustRule {
    fn find(&self, text: &str) -> Vec<Finding> {
        (self.find)(text)
            .into_iter()
            .map(|(start, end, message, suggestions)| {
                let start_char = text[..start].chars().count();
                Finding {
                    start: start_char,
                    end: start_char + text[start..end].chars().count(),
                    kind: ProblemKind::House,
                    rule: format!("house:{}", self.name),
                    message,
                    suggestions,
                }
            })
            .collect()
    }

    /// Applies the first suggestion of the first finding until none is left (at most ten
    /// times), as harper runs a Weir rule's tests.
    fn apply(&self, text: &str) -> String {
        let mut text = text.to_owned();
        for _ in 0..10 {
            let found = (self.find)(&text);
            let Some((start, end, _, suggestions)) = found.into_iter().next() else {
                break;
            };
            let Some(with) = suggestions.first() else {
                break;
            };
            text.replace_range(start..end, with);
        }
        text
    }

    fn run_tests(&self) -> RuleTests {
        let failures = self
            .tests
            .iter()
            .filter_map(|(input, expected)| {
                let got = self.apply(input);
                (got != *expected).then(|| RuleTestFailure {
                    input: (*input).to_owned(),
                    expected: (*expected).to_owned(),
                    got,
                })
            })
            .collect();
        RuleTests {
            rule: self.name.to_owned(),
            language: "built-in".into(),
            tests: self.tests.len(),
            failures,
        }
    }
}

const BUILT_IN_RUST: &[RustRule] = &[
    RustRule {
        name: "numbers-in-words",
        find: numbers_in_words,
        tests: &[
            ("The council met 3 times.", "The council met three times."),
            (
                "She has 2 sons and 1 daughter.",
                "She has two sons and one daughter.",
            ),
            ("9 people were hurt.", "Nine people were hurt."),
            ("The bill passed 52 to 48.", "The bill passed 52 to 48."),
            (
                "Inflation rose to 3% in May.",
                "Inflation rose to 3% in May.",
            ),
            (
                "Inflation rose to 3 percent.",
                "Inflation rose to 3 percent.",
            ),
            (
                "The score was 3-1 at half time.",
                "The score was 3-1 at half time.",
            ),
            (
                "The meeting starts at 9:30 a.m.",
                "The meeting starts at 9:30 a.m.",
            ),
            (
                "The meeting starts at 9 a.m.",
                "The meeting starts at 9 a.m.",
            ),
            (
                "It cost $5 and took 2.5 hours.",
                "It cost $5 and took 2.5 hours.",
            ),
            (
                "The vote is on Jan. 5 in Geneva.",
                "The vote is on Jan. 5 in Geneva.",
            ),
            ("The boy, 7, was unhurt.", "The boy, 7, was unhurt."),
            ("A 5-year-old was rescued.", "A 5-year-old was rescued."),
            (
                "It raised 4 million dollars.",
                "It raised 4 million dollars.",
            ),
            ("He is No. 1 in the world.", "He is No. 1 in the world."),
        ],
    },
    RustRule {
        name: "month-abbreviation",
        find: month_abbreviation,
        tests: &[
            ("The vote is on January 5.", "The vote is on Jan. 5."),
            ("It opened September 12, 2024.", "It opened Sept. 12, 2024."),
            ("They met on Dec 3.", "They met on Dec. 3."),
            ("They met on Sep. 3.", "They met on Sept. 3."),
            ("The vote is on March 5.", "The vote is on March 5."),
            ("The vote is in January.", "The vote is in January."),
            ("The vote is on Feb. 5.", "The vote is on Feb. 5."),
        ],
    },
    RustRule {
        name: "more-than",
        find: more_than,
        tests: &[
            ("Over 200 people came.", "More than 200 people came."),
            ("It cost over $5 million.", "It cost more than $5 million."),
            (
                "They waited over three hours.",
                "They waited more than three hours.",
            ),
            (
                "The plane flew over the city.",
                "The plane flew over the city.",
            ),
            ("The game is over.", "The game is over."),
        ],
    },
    RustRule {
        name: "dateline-capitals",
        find: dateline_capitals,
        tests: &[
            (
                "Geneva — Talks resumed on Monday.",
                "GENEVA — Talks resumed on Monday.",
            ),
            (
                "Port Moresby, Papua New Guinea (AP) — The vote was held.",
                "PORT MORESBY, Papua New Guinea (AP) — The vote was held.",
            ),
            (
                "GENEVA — Talks resumed on Monday.",
                "GENEVA — Talks resumed on Monday.",
            ),
            (
                "Talks resumed in Geneva — at last — on Monday.",
                "Talks resumed in Geneva — at last — on Monday.",
            ),
        ],
    },
];

const SMALL_NUMBERS: [&str; 9] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A word of `text` just before `at` (skipping spaces), and just after `end`.
fn word_before(text: &str, at: usize) -> &str {
    let before = text[..at].trim_end();
    let start = before
        .rfind(|c: char| c.is_whitespace() || c == '(')
        .map(|i| i + 1)
        .unwrap_or(0);
    &before[start..]
}

fn word_after(text: &str, end: usize) -> &str {
    let after = text[end..].trim_start();
    let stop = after.find(char::is_whitespace).unwrap_or(after.len());
    &after[..stop]
}

fn match_case(like: &str, word: &str) -> String {
    if like.chars().next().is_some_and(char::is_uppercase) {
        let mut c = word.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    } else {
        word.to_owned()
    }
}

static SINGLE_DIGIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[1-9]\b").expect("a valid pattern"));

/// One to nine in words; figures stay for ages ("The boy, 7,"), percentages, money, times,
/// scores, dates, ranks ("No. 1"), decimals and millions, as the stylebooks have it.
fn numbers_in_words(text: &str) -> Vec<Found> {
    const STAYS_BEFORE: &[&str] = &[
        "percent", "per", "a.m.", "p.m.", "million", "billion", "trillion", "%",
    ];
    const STAYS_AFTER: &[&str] = &[
        "No.", "no.", "page", "aged", "Chapter", "chapter", "Article",
    ];
    let mut out = Vec::new();
    for m in SINGLE_DIGIT.find_iter(text) {
        let prev = text[..m.start()].chars().next_back();
        let next = text[m.end()..].chars().next();
        let next2 = text[m.end()..].chars().nth(1);
        if prev.is_some_and(|c| "$£€#.:/-–".contains(c))
            || next.is_some_and(|c| ":/%-–".contains(c))
            || (matches!(next, Some('.' | ',')) && next2.is_some_and(|c| c.is_ascii_digit()))
        {
            continue;
        }
        let before = word_before(text, m.start());
        let after = word_after(text, m.end());
        let after_bare = after.trim_end_matches(['.', ',', ';', ':', '!', '?']);
        if STAYS_BEFORE.contains(&after_bare)
            || STAYS_BEFORE.contains(&after)
            || STAYS_AFTER.contains(&before)
            || MONTHS.iter().any(|mo| before.starts_with(&mo[..3]))
            // an age between commas: "The boy, 7, was"
            || (before.ends_with(',') && next == Some(','))
        {
            continue;
        }
        let digit = m.as_str().parse::<usize>().unwrap_or(1);
        let word = SMALL_NUMBERS[digit - 1];
        let sentence_start = text[..m.start()].trim_end().is_empty()
            || text[..m.start()].trim_end().ends_with(['.', '!', '?']);
        let word = if sentence_start {
            match_case("A", word)
        } else {
            word.to_owned()
        };
        out.push((
            m.start(),
            m.end(),
            format!("Spell out numbers under 10: {word}"),
            vec![word],
        ));
    }
    out
}

static MONTH_WITH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(January|February|August|September|October|November|December|Jan|Feb|Aug|Sep|Sept|Oct|Nov|Dec)(\.?) ([1-9]|[12][0-9]|3[01])\b",
    )
    .expect("a valid pattern")
});

/// With a date, the long months are abbreviated (Jan., Feb., Aug., Sept., Oct., Nov., Dec.);
/// March to July never are.
fn month_abbreviation(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for c in MONTH_WITH_DATE.captures_iter(text) {
        let month = c.get(1).expect("group 1");
        let dot = c.get(2).expect("group 2").as_str();
        let short = match &month.as_str()[..3] {
            "Sep" => "Sept.".to_owned(),
            other => format!("{other}."),
        };
        let written = format!("{}{dot}", month.as_str());
        if written == short {
            continue;
        }
        out.push((
            month.start(),
            month.end() + dot.len(),
            format!("With a date, write the month {short}"),
            vec![short],
        ));
    }
    out
}

static OVER_QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b([Oo]ver) (?:[$£€]?[0-9]+|one|two|three|four|five|six|seven|eight|nine|ten|a dozen|a hundred|a thousand|a million|half|dozens|hundreds|thousands|millions)\b",
    )
    .expect("a valid pattern")
});

/// "More than" for quantities; "over" for place ("over the city").
fn more_than(text: &str) -> Vec<Found> {
    OVER_QUANTITY
        .captures_iter(text)
        .map(|c| {
            let over = c.get(1).expect("group 1");
            (
                over.start(),
                over.end(),
                "Use \"more than\" with numbers".to_owned(),
                vec![match_case(over.as_str(), "more than")],
            )
        })
        .collect()
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\p{Lu}[\p{L}.'’\-]*(?: \p{Lu}[\p{L}.'’\-]*){0,3})(?:, \p{Lu}[\p{L}.\-]*(?: \p{L}[\p{L}.\-]*){0,3})?(?: \((?:AP|Reuters|AFP|dpa)\))? (?:—|–|--) ",
    )
    .expect("a valid pattern")
});

/// A dateline opens a story with its place in capitals: "GENEVA —", "PORT MORESBY, Papua New
/// Guinea (AP) —".
fn dateline_capitals(text: &str) -> Vec<Found> {
    let Some(c) = DATELINE.captures(text) else {
        return Vec::new();
    };
    let place = c.get(1).expect("group 1");
    if !place.as_str().chars().any(char::is_lowercase) {
        return Vec::new();
    }
    let upper = place.as_str().to_uppercase();
    vec![(
        place.start(),
        place.end(),
        format!("A dateline's place is in capitals: {upper}"),
        vec![upper],
    )]
}
