//! Writing desk benchmarks (issue 9): starting the checker, checking a 5,000-word story
//! whole, re-checking it after a one-paragraph change (what typing costs), and the memory the
//! checker adds.
//!
//!     cargo bench -p newsdesk-core --bench check
//!
//! Percentiles, as in the other benches: an editor feels the slow keystroke. A plain bench
//! binary (no criterion): criterion reports no p95. `cargo bench --bench check -- change`
//! runs only the benches named (start, stress, clean, dirty, change, memory, fresh; `rules`,
//! where a full check's time goes rule by rule, `spelling`, what suggestions cost, and
//! `dump`, every problem found, only when named).

use std::time::{Duration, Instant};

// The articles bench's text generator; this bench needs only its bodies.
#[allow(dead_code)]
#[path = "shared/text.rs"]
mod text;

use newsdesk_core::check::{CheckedField, Checker, KnownWords, ProblemKind};
use text::Text;

const STORY_WORDS: usize = 5_000;
const FULL_RUNS: usize = 20;
const CHANGES: usize = 300;

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    let chosen: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let wanted = |name: &str| chosen.is_empty() || chosen.iter().any(|c| c == name);
    let (full_runs, changes) = if benching {
        (FULL_RUNS, CHANGES)
    } else {
        (2, 10)
    };

    let before = resident_kib();
    let started = Instant::now();
    let mut checker = Checker::without_library();
    let start = started.elapsed();
    let after_start = resident_kib();
    if wanted("start") {
        println!(
            "start: {:.0} ms (harper's dictionary and rule set; goal: off the UI thread, at library open)",
            start.as_secs_f64() * 1e3
        );
    }
    let known = KnownWords::default();

    // Only when named: every problem found in five bodies, in American and British English,
    // one a line. Printed before and after a change to harper-core's patches, the two must
    // be the same (vendor/README.md).
    if chosen.iter().any(|c| c == "dump") {
        dump(&mut checker, &known);
        return;
    }

    if wanted("stress") {
        let mut timings = Vec::new();
        let mut flagged = Vec::new();
        for run in 0..full_runs {
            // A new story each time: nothing of it is in the paragraph cache.
            let body = Text::new(1000 + run as u64).body(STORY_WORDS);
            let t = Instant::now();
            let report = checker.check(CheckedField::Body, &body, "en-US", &known);
            let took = t.elapsed();
            flagged.push((
                report.problems.len(),
                report
                    .problems
                    .iter()
                    .filter(|p| p.kind == ProblemKind::Spelling)
                    .count(),
            ));
            std::hint::black_box(report);
            timings.push(took);
        }
        report(
            "full check, 5,000 generated words, a third of them invented",
            &mut timings,
            "none: a stress case, every unknown word's suggestions searched; copy is `clean` and `dirty`",
        );
        // The generated text invents names from syllables, and harper looks up suggestions
        // for every word it does not know: that search (fst + Levenshtein automata) is most
        // of a full check here (perf: 60% of the samples), so the count says how typo-ridden
        // the measured text was.
        let (problems, spelling) = flagged[0];
        println!(
            "  ({problems} problems in the first story, {spelling} of them spelling: real copy has far fewer)"
        );
    }

    if wanted("clean") {
        // Copy as the desk files it: the corpus test's wire story (17 sentences, 3 flagged),
        // its paragraphs numbered apart until the story reaches 5,000 words, so none comes
        // from the paragraph cache.
        let mut timings = Vec::new();
        let mut per_thousand = Vec::new();
        for run in 0..full_runs {
            let body = clean_wire(run);
            let words = body.split_whitespace().count();
            let t = Instant::now();
            let report = checker.check(CheckedField::Body, &body, "en-US", &known);
            let took = t.elapsed();
            timings.push(took);
            per_thousand.push(took.mul_f64(1000.0 / words as f64));
            std::hint::black_box(report);
        }
        report(
            "full check, 5,000 words of clean wire copy",
            &mut timings,
            "p95 < 150 ms",
        );
        report(
            "full check of clean wire copy, per 1,000 words",
            &mut per_thousand,
            "about 25 ms measured before",
        );
    }

    if wanted("dirty") {
        // Copy before the desk has seen it: the corpus test's planted paragraphs (53 errors
        // of 8 kinds in 457 words) between the wire story's, numbered apart to 5,000 words.
        let mut timings = Vec::new();
        let mut flagged = 0;
        for run in 0..full_runs {
            let body = dirty_copy(run);
            let t = Instant::now();
            let report = checker.check(CheckedField::Body, &body, "en-US", &known);
            timings.push(t.elapsed());
            flagged = report.problems.len();
        }
        report(
            "full check, 5,000 words of copy with the corpus's planted errors",
            &mut timings,
            "p95 < 150 ms",
        );
        println!("  ({flagged} problems in the last story)");
    }

    if wanted("change") {
        let body = Text::new(7).body(STORY_WORDS);
        checker.check(CheckedField::Body, &body, "en-US", &known);
        let paragraphs: Vec<&str> = body.split("\n\n").collect();
        let mut timings = Vec::new();
        let mut rng = Text::new(99);
        for n in 0..changes {
            // The editor types a word into one paragraph; the whole body goes to the check,
            // as the window sends it.
            let at = rng.below(paragraphs.len().saturating_sub(1).max(1));
            let mut edited: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
            edited[at] = format!("{} {} again{n}.", edited[at], rng.word());
            let edited = edited.join("\n\n");
            let t = Instant::now();
            let report = checker.check(CheckedField::Body, &edited, "en-US", &known);
            timings.push(t.elapsed());
            std::hint::black_box(report);
        }
        report(
            "one-paragraph change in a 5,000-word story",
            &mut timings,
            "p95 < 20 ms",
        );
    }

    // Only when named: tables of where the time goes, some 900 rules long, and seconds of
    // spelling searches.
    if chosen.iter().any(|c| c == "rules") {
        rules_alone(&[
            ("generated", Text::new(1000).body(STORY_WORDS)),
            ("wire", clean_wire(0)),
        ]);
    }
    if chosen.iter().any(|c| c == "spelling") {
        spelling(&[
            ("generated", Text::new(1000).body(STORY_WORDS)),
            ("wire", clean_wire(0)),
        ]);
    }

    if wanted("memory") {
        let after_checks = resident_kib();
        println!(
            "memory: +{:.1} MiB resident to start the checker, +{:.1} MiB after the checks above (paragraph cache, rule caches)",
            (after_start.saturating_sub(before)) as f64 / 1024.0,
            (after_checks.saturating_sub(before)) as f64 / 1024.0,
        );
    }

    // After the memory figure, which other checkers would inflate. The `clean` bench's
    // checker has met the wire story's names before (harper keeps the suggestions it found
    // for an unknown word); a story new to the desk brings names nobody searched yet, and a
    // search within 3 edits costs ~3.5 ms a name (`-- spelling`).
    if wanted("fresh") {
        let mut timings = Vec::new();
        for run in 0..full_runs {
            let mut fresh = Checker::without_library();
            let body = clean_wire(run);
            let t = Instant::now();
            let report = fresh.check(CheckedField::Body, &body, "en-US", &known);
            timings.push(t.elapsed());
            std::hint::black_box(report);
        }
        report(
            "full check, 5,000 words of clean wire copy, the first check of a fresh checker",
            &mut timings,
            "p95 < 150 ms",
        );
    }
}

fn dump(checker: &mut Checker, known: &KnownWords) {
    let bodies = [
        Text::new(1000).body(STORY_WORDS),
        Text::new(1001).body(STORY_WORDS),
        clean_wire(0),
        include_str!("../tests/check/planted.md").to_owned(),
        include_str!("../tests/check/wire-sports-diplomacy.txt").to_owned(),
    ];
    for (n, body) in bodies.iter().enumerate() {
        for language in ["en-US", "en-GB"] {
            let report = checker.check(CheckedField::Body, body, language, known);
            for p in report.problems {
                println!(
                    "{n} {language} {}:{} {}-{} {:?} {} | {} | {:?}",
                    p.line, p.column, p.from, p.to, p.kind, p.rule, p.message, p.suggestions
                );
            }
        }
    }
}

/// The corpus test's wire story (17 sentences, 3 flagged), its paragraphs numbered apart until
/// the story reaches 5,000 words, so none comes from the paragraph cache.
fn clean_wire(run: usize) -> String {
    story_of(
        &[include_str!("../tests/check/wire-sports-diplomacy.txt")],
        run,
    )
}

/// The corpus test's planted paragraphs, the errors as written, and the wire story's, in turn,
/// numbered apart until the story reaches 5,000 words.
fn dirty_copy(run: usize) -> String {
    let planted = include_str!("../tests/check/planted.md");
    // `{{wrong|right|kind}}` -> `wrong`
    let marker = regex::Regex::new(r"\{\{([^|}]*)\|[^}]*\}\}").expect("a valid pattern");
    let planted = marker.replace_all(planted, "$1");
    story_of(
        &[
            &planted,
            include_str!("../tests/check/wire-sports-diplomacy.txt"),
        ],
        run,
    )
}

/// The paragraphs of `texts`, one of each in turn, each numbered apart (`(run.n)`), until the
/// story reaches 5,000 words.
fn story_of(texts: &[&str], run: usize) -> String {
    let paragraphs: Vec<Vec<&str>> = texts
        .iter()
        .map(|text| {
            text.split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect()
        })
        .collect();
    let mut body = Vec::new();
    let mut words = 0;
    for n in 0.. {
        if words >= STORY_WORDS {
            break;
        }
        let of = &paragraphs[n % paragraphs.len()];
        let paragraph = format!("{} ({run}.{n})", of[(n / paragraphs.len()) % of.len()]);
        words += paragraph.split_whitespace().count();
        body.push(paragraph);
    }
    body.join("\n\n")
}

/// Where a full check's time goes: harper's reading of the paragraphs (`Document::new`), the
/// curated rule set over them, then each rule alone over the same documents, slowest first.
/// Each rule alone runs on a rule set of its own, so the spelling rule's suggestion cache is
/// cold for it as it is for a new story; harper's chunk caches key on the configuration, so
/// every rule alone runs uncached. "none" is the rule set with every rule off: what a rule
/// alone costs beyond it is its own.
fn rules_alone(stories: &[(&str, String)]) {
    use harper_core::linting::{LintGroup, Linter};
    use harper_core::parsers::Markdown;
    use harper_core::spell::FstDictionary;
    use harper_core::{Dialect, Document};

    let dictionary = FstDictionary::curated();
    let read = |text: &str| Document::new(text, &Markdown::default(), dictionary.as_ref());
    let mut together = LintGroup::new_curated(dictionary.clone(), Dialect::American);
    let mut alone = LintGroup::new_curated(dictionary.clone(), Dialect::American);
    // Harper's lazily built statics (Weir programs, patterns) are not a story's cost.
    let warm_up = read("The minister said on Tuesday that talks would resume.");
    together.lint(&warm_up);
    alone.lint(&warm_up);
    let curated = together.config.clone();
    let mut names: Vec<String> = together
        .iter_keys()
        .filter(|k| curated.is_rule_enabled(k))
        .map(str::to_owned)
        .collect();
    names.sort();
    names.insert(0, "none".into());
    let mut table: Vec<(String, Vec<f64>)> =
        names.iter().map(|n| (n.clone(), Vec::new())).collect();
    let lint_all = |group: &mut LintGroup, documents: &[Document]| {
        let t = Instant::now();
        for document in documents {
            std::hint::black_box(group.lint(document));
        }
        t.elapsed().as_secs_f64() * 1e3
    };
    let mut totals = Vec::new();
    for (label, body) in stories {
        let t = Instant::now();
        let documents: Vec<Document> = body
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
            .map(read)
            .collect();
        let read_ms = t.elapsed().as_secs_f64() * 1e3;
        let all = lint_all(&mut together, &documents);
        for (name, ms) in table.iter_mut() {
            alone.config.clear();
            alone.config.set_rule_enabled(name.as_str(), true);
            ms.push(lint_all(&mut alone, &documents));
        }
        // "none" again, last: run first, it also pays for bringing the story into the caches.
        alone.config.clear();
        let none_again = lint_all(&mut alone, &documents);
        let none = table[0].1.last_mut().expect("none was run");
        *none = none.min(none_again);
        totals.push((*label, documents.len(), read_ms, all));
    }
    for (label, paragraphs, read, all) in &totals {
        println!(
            "rules, {label} story ({paragraphs} paragraphs): Document::new {read:.1} ms, the {} curated rules together {all:.1} ms",
            names.len() - 1
        );
    }
    let none = table[0].1.clone();
    table.sort_by(|a, b| (b.1[0] - none[0]).total_cmp(&(a.1[0] - none[0])));
    let labels: Vec<&str> = totals.iter().map(|t| t.0).collect();
    println!(
        "rule alone, ms beyond none (share of the rules together): {}",
        labels.join(" | ")
    );
    for (name, ms) in &table {
        let cells: Vec<String> = ms
            .iter()
            .zip(&none)
            .zip(&totals)
            .map(|((ms, none), total)| {
                let own = if name == "none" { *ms } else { ms - none };
                format!("{own:8.2} ({:4.1}%)", own / total.3 * 100.0)
            })
            .collect();
        println!("  {name:<40} {}", cells.join(" | "));
    }
}

/// What spelling suggestions cost: harper searches its dictionary for each unknown word within 2
/// edits, then more until something is found, with a Levenshtein automaton builder per
/// distance, built the first time that distance is searched.
fn spelling(stories: &[(&str, String)]) {
    use harper_core::spell::{Dictionary, FstDictionary, suggest_correct_spelling};
    use harper_core::{Document, TokenStringExt, parsers::Markdown};

    let dictionary = FstDictionary::curated();
    // On threads of their own, as on the app's blocking pool, whose threads end after 10 s
    // idle: what the first search of a distance costs a new thread, twice.
    for distance in 1..=4u8 {
        let mut firsts = Vec::new();
        for _ in 0..2 {
            let dictionary = dictionary.clone();
            firsts.push(
                std::thread::spawn(move || {
                    let word: Vec<char> = "bakerlinmo".chars().collect();
                    let before = resident_kib();
                    let t = Instant::now();
                    suggest_correct_spelling(&word, 200, distance, dictionary.as_ref());
                    let took = t.elapsed().as_secs_f64() * 1e3;
                    let grew = resident_kib().saturating_sub(before) as f64 / 1024.0;
                    format!("{took:.1} ms (+{grew:.1} MiB resident)")
                })
                .join()
                .expect("the search ran"),
            );
        }
        println!(
            "spelling: first search within {distance} edits on a new thread {}, on the next new thread {}",
            firsts[0], firsts[1]
        );
    }
    for (label, body) in stories {
        let mut unknown: Vec<Vec<char>> = Vec::new();
        for paragraph in body.split("\n\n") {
            let document = Document::new(paragraph, &Markdown::default(), dictionary.as_ref());
            for word in document.iter_words() {
                let chars = document.get_span_content(&word.span).to_vec();
                if !dictionary.contains_word(&chars) && !unknown.contains(&chars) {
                    unknown.push(chars);
                }
            }
        }
        for distance in 1..=4u8 {
            let t = Instant::now();
            let found = unknown
                .iter()
                .filter(|w| {
                    !suggest_correct_spelling(w, 200, distance, dictionary.as_ref()).is_empty()
                })
                .count();
            println!(
                "spelling, {label} story: {} distinct unknown words, all searched within {distance} edits {:.1} ms, {found} with a suggestion",
                unknown.len(),
                t.elapsed().as_secs_f64() * 1e3
            );
        }
    }
}

/// VmRSS of this process, KiB (0 where /proc is missing).
fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn report(what: &str, timings: &mut [Duration], goal: &str) {
    if timings.is_empty() {
        return;
    }
    timings.sort();
    let at = |p: f64| {
        let rank = ((p / 100.0 * timings.len() as f64).ceil() as usize).clamp(1, timings.len());
        timings[rank - 1].as_secs_f64() * 1e3
    };
    println!(
        "{what}: p50 {:.2} ms, p95 {:.2} ms (max {:.2} ms, n = {}; goal {goal})",
        at(50.0),
        at(95.0),
        timings.last().map_or(0.0, |d| d.as_secs_f64() * 1e3),
        timings.len()
    );
}
