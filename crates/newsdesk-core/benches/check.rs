//! Writing desk benchmarks (issue 9): starting the checker, checking a 5,000-word story
//! whole, re-checking it after a one-paragraph change (what typing costs), and the memory the
//! checker adds.
//!
//!     cargo bench -p newsdesk-core --bench check
//!
//! Percentiles, as in the other benches: an editor feels the slow keystroke. A plain bench
//! binary (no criterion): criterion reports no p95. `cargo bench --bench check -- change`
//! runs only the benches named (start, full, clean, change, memory).

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

    if wanted("full") {
        let mut timings = Vec::new();
        let mut per_thousand = Vec::new();
        let mut flagged = Vec::new();
        for run in 0..full_runs {
            // A new story each time: nothing of it is in the paragraph cache.
            let body = Text::new(1000 + run as u64).body(STORY_WORDS);
            let words = body.split_whitespace().count();
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
            per_thousand.push(took.mul_f64(1000.0 / words as f64));
        }
        report("full check, 5,000-word story", &mut timings, "p95 < 150 ms");
        // The generated text invents names from syllables, and harper looks up suggestions
        // for every word it does not know: that search (fst + Levenshtein automata) is most
        // of a full check here (perf: 60% of the samples), so the count says how typo-ridden
        // the measured text was.
        let (problems, spelling) = flagged[0];
        println!(
            "  ({problems} problems in the first story, {spelling} of them spelling: real copy has far fewer)"
        );
        report(
            "full check, per 1,000 words",
            &mut per_thousand,
            "about 25 ms measured before",
        );
    }

    if wanted("clean") {
        // Copy as the desk files it: the corpus test's wire story (17 sentences, 3 flagged),
        // its paragraphs numbered apart until the story reaches 5,000 words, so none comes
        // from the paragraph cache.
        let wire = include_str!("../tests/check/wire-sports-diplomacy.txt");
        let paragraphs: Vec<&str> = wire
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
            .collect();
        let mut timings = Vec::new();
        for run in 0..full_runs {
            let mut body = Vec::new();
            let mut words = 0;
            for n in 0.. {
                if words >= STORY_WORDS {
                    break;
                }
                let paragraph = format!("{} ({run}.{n})", paragraphs[n % paragraphs.len()].trim());
                words += paragraph.split_whitespace().count();
                body.push(paragraph);
            }
            let body = body.join("\n\n");
            let t = Instant::now();
            let report = checker.check(CheckedField::Body, &body, "en-US", &known);
            timings.push(t.elapsed());
            std::hint::black_box(report);
        }
        report(
            "full check, 5,000 words of clean wire copy",
            &mut timings,
            "p95 < 150 ms",
        );
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

    if wanted("memory") {
        let after_checks = resident_kib();
        println!(
            "memory: +{:.1} MiB resident to start the checker, +{:.1} MiB after the checks above (paragraph cache, rule caches)",
            (after_start.saturating_sub(before)) as f64 / 1024.0,
            (after_checks.saturating_sub(before)) as f64 / 1024.0,
        );
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
