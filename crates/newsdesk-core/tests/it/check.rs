//! The writing desk: a corpus with planted errors and a clean wire story (figures recorded,
//! never to get worse), the house rules' own tests, known words, the desk dictionary, other
//! languages, positions the window can use, and re-checking only what changed.

use newsdesk_core::article::{Author, Dateline};
use newsdesk_core::check::{
    CheckedField, Checker, HOUSE_STYLE_DIR, HouseRules, KnownWords, ProblemKind,
};
use newsdesk_core::package;
use newsdesk_core::store::RevisionKind;
use newsdesk_core::{ArticleFields, Library, Status};

use crate::common::library;

const PLANTED: &str = include_str!("../check/planted.md");
const WIRE: &str = include_str!("../check/wire-sports-diplomacy.txt");

/// Recorded on this corpus with harper-core 3.0 and the built-in house rules. The test fails
/// when a change finds fewer planted errors or flags more clean text; raise these when it
/// gets better.
/// 45 of 53: harper misses subject-verb agreement after a relative clause
/// ("The minister, who were"), "there"/"their" and "who's"/"whose" confusions, and "an" before
/// a consonant in "an new"; the two false flags are "kilometres" (British spelling in an
/// American story: right) and "UN official" (harper reads UN as a prefix).
const PLANTED_FOUND_AT_LEAST: usize = 45;
const PLANTED_FALSE_FLAGS_AT_MOST: usize = 2;
/// Of the wire story's 17 sentences, with the names a desk would hold as the story's keywords
/// (the people in it), 3 are flagged: a 42-word sentence (harper's readability note) and
/// "E. coli" (read as a misspelt "coli").
const WIRE_SENTENCES_FLAGGED_AT_MOST: usize = 3;

/// A planted error: `{{wrong|right|kind}}` in the corpus, the text as written and where.
struct Planted {
    from: usize,
    to: usize,
    wrong: String,
    kind: String,
}

/// The corpus with its markers replaced by the wrong text, and the planted errors (positions
/// in UTF-16 units, as problems report them).
fn plant(marked: &str) -> (String, Vec<Planted>) {
    let mut text = String::new();
    let mut planted = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find("{{") {
        text.push_str(&rest[..open]);
        let close = rest[open..].find("}}").expect("a closed marker") + open;
        let parts: Vec<&str> = rest[open + 2..close].split('|').collect();
        let from = text.encode_utf16().count();
        text.push_str(parts[0]);
        planted.push(Planted {
            from,
            to: text.encode_utf16().count(),
            wrong: parts[0].to_owned(),
            kind: parts[2].to_owned(),
        });
        rest = &rest[close + 2..];
    }
    text.push_str(rest);
    (text, planted)
}

#[test]
fn the_corpus_finds_planted_errors_and_leaves_clean_copy_alone() {
    let mut checker = Checker::without_library();
    let (body, planted) = plant(PLANTED);
    assert!(planted.len() >= 40, "{} planted", planted.len());
    let kinds: std::collections::BTreeSet<&str> = planted.iter().map(|p| p.kind.as_str()).collect();
    assert!(kinds.len() >= 8, "{kinds:?}");

    let report = checker.check(CheckedField::Body, &body, "en-US", &KnownWords::default());
    let overlaps =
        |p: &Planted, from: u32, to: u32| (from as usize) < p.to && (to as usize) > p.from;
    let mut missed = Vec::new();
    for p in &planted {
        if !report.problems.iter().any(|r| overlaps(p, r.from, r.to)) {
            missed.push(format!("{} ({})", p.wrong, p.kind));
        }
    }
    let found = planted.len() - missed.len();
    let false_flags: Vec<String> = report
        .problems
        .iter()
        .filter(|r| !planted.iter().any(|p| overlaps(p, r.from, r.to)))
        .map(|r| format!("{:?} {}: {}", r.text, r.rule, r.message))
        .collect();

    // The wire story: its own names (people in it, the agency) are what a desk dictionary and
    // the story's keywords would hold; the rest of it must come out clean.
    let mut wire_names = KnownWords::default();
    wire_names.extend([
        "NewsWorld",
        "Lim Jonghoon",
        "Ri Jong-sik",
        "Kim Kum-yong",
        "Wang Chuqin",
        "Sun Yingsha",
        "Shin Yubin",
        "Petros Giannakouris",
        "IOC",
    ]);
    let wire = checker.check(CheckedField::Body, WIRE, "en-US", &wire_names);
    let sentences = sentences_of(WIRE);
    let utf16_of = |byte: usize| WIRE[..byte].encode_utf16().count() as u32;
    let flagged: Vec<&str> = sentences
        .iter()
        .filter(|(start, end, _)| {
            wire.problems
                .iter()
                .any(|p| p.from < utf16_of(*end) && p.to > utf16_of(*start))
        })
        .map(|(_, _, s)| *s)
        .collect();

    eprintln!(
        "planted: {found}/{} found; missed: {missed:?}\nfalse flags in the planted body ({}): {false_flags:#?}\nwire: {} of {} sentences flagged: {:#?}",
        planted.len(),
        false_flags.len(),
        flagged.len(),
        sentences.len(),
        wire.problems
            .iter()
            .map(|p| format!("{:?} {}: {}", p.text, p.rule, p.message))
            .collect::<Vec<_>>()
    );
    assert!(
        found >= PLANTED_FOUND_AT_LEAST,
        "found {found}, recorded {PLANTED_FOUND_AT_LEAST}; missed {missed:?}"
    );
    assert!(
        false_flags.len() <= PLANTED_FALSE_FLAGS_AT_MOST,
        "{false_flags:#?}"
    );
    assert!(
        flagged.len() <= WIRE_SENTENCES_FLAGGED_AT_MOST,
        "{flagged:#?}"
    );
}

/// Sentences as byte ranges: split after `.`, `?`, `!` followed by a space, and at line ends.
fn sentences_of(text: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        let end_of_sentence = (matches!(c, '.' | '?' | '!')
            && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()))
            || c == '\n';
        if end_of_sentence {
            let end = i + c.len_utf8();
            if !text[start..end].trim().is_empty() {
                out.push((start, end, text[start..end].trim()));
            }
            start = end;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push((start, text.len(), text[start..].trim()));
    }
    out
}

#[test]
fn every_built_in_house_rule_passes_its_tests() {
    let tested = HouseRules::built_in().run_tests();
    let names: Vec<&str> = tested.iter().map(|t| t.rule.as_str()).collect();
    for rule in [
        "percent",
        "ok",
        "numbers-in-words",
        "month-abbreviation",
        "more-than",
        "dateline-capitals",
    ] {
        assert!(names.contains(&rule), "{rule} missing from {names:?}");
    }
    for rule in &tested {
        assert!(rule.tests >= 2, "{} has {} tests", rule.rule, rule.tests);
        assert!(
            rule.failures.is_empty(),
            "{}: {:#?}",
            rule.rule,
            rule.failures
        );
    }
}

/// Each house rule finds its error in running copy, with the fix it suggests.
#[test]
fn house_rules_find_their_errors_in_copy() {
    let mut checker = Checker::without_library();
    for (text, flagged, fix) in [
        ("Turnout was 62 per cent on Sunday.", "per cent", "percent"),
        ("The minister said it was okay.", "okay", "OK"),
        ("The council met 3 times.", "3", "three"),
        ("The vote is on January 5.", "January", "Jan."),
        ("Over 200 people came.", "Over", "More than"),
        ("Geneva — Talks resumed on Monday.", "Geneva", "GENEVA"),
    ] {
        let report = checker.check(CheckedField::Body, text, "en", &KnownWords::default());
        let problem = report
            .problems
            .iter()
            .find(|p| p.kind == ProblemKind::House)
            .unwrap_or_else(|| panic!("{text}: {:#?}", report.problems));
        assert_eq!(
            (problem.text.as_str(), problem.suggestions[0].as_str()),
            (flagged, fix),
            "{text}"
        );
    }
}

#[test]
fn a_library_gets_the_house_rules_as_files_it_can_edit_and_test() {
    let (_dir, library) = library();
    let tested = library.test_house_rules().unwrap();
    assert!(tested.iter().all(|t| t.failures.is_empty()), "{tested:#?}");
    let folder = library.root().join(HOUSE_STYLE_DIR);
    assert!(folder.join("percent.weir").is_file());

    // The desk writes a rule of its own, with a test that its rule does not pass.
    std::fs::write(
        folder.join("stadium.weir"),
        "expr main (sports ground)\nlet message \"Say stadium\"\nlet description \"d\"\nlet kind \"Style\"\nlet becomes \"stadium\"\ntest \"They met at the sports ground.\" \"They met at the arena.\"\n",
    )
    .unwrap();
    let tested = library.test_house_rules().unwrap();
    let stadium = tested.iter().find(|t| t.rule == "stadium").unwrap();
    assert_eq!(stadium.failures.len(), 1, "{stadium:#?}");
    assert_eq!(stadium.failures[0].got, "They met at the stadium.");

    // And its rule flags copy from the next check on.
    let id = story(&library, "They met at the sports ground on Sunday.");
    let report = library
        .check_field(&id, CheckedField::Body, "They met at the sports ground.")
        .unwrap();
    assert!(
        report.problems.iter().any(|p| p.rule == "house:stadium"),
        "{report:#?}"
    );

    // A rule that does not compile is named, and the built-in rules stand in meanwhile.
    std::fs::write(folder.join("broken.weir"), "expr main (unclosed\n").unwrap();
    let err = library.test_house_rules().unwrap_err();
    assert!(err.to_string().contains("broken.weir"), "{err}");
    let report = library
        .check_field(&id, CheckedField::Body, "Over 200 came.")
        .unwrap();
    assert!(
        report.note.as_deref().unwrap_or("").contains("broken.weir"),
        "{report:#?}"
    );
    assert!(
        report.problems.iter().any(|p| p.rule == "house:more-than"),
        "{report:#?}"
    );
}

fn story(library: &Library, body: &str) -> String {
    let fields = ArticleFields {
        headline: "Talks resume".into(),
        body: body.into(),
        authors: vec![Author {
            name: "Ngozi Okonkwo-Adeyemi".into(),
            role: "Reporter".into(),
        }],
        dateline: Dateline {
            place: "Wagga Wagga".into(),
            date: String::new(),
        },
        keywords: vec!["Zhytomyrska".into()],
        language: "en".into(),
        ..ArticleFields::default()
    };
    create(library, &fields)
}

fn create(library: &Library, fields: &ArticleFields) -> String {
    // create_article needs the store mutably; a second Library on the folder shares the
    // checker (one copy desk per folder) and writes the same database.
    let mut writer = Library::open(library.root()).unwrap();
    writer
        .store_mut()
        .create_article(None, fields, Status::Draft, RevisionKind::Create)
        .unwrap()
        .id
}

#[test]
fn the_storys_own_names_and_the_desk_dictionary_are_not_typos() {
    let (_dir, library) = library();
    let text =
        "Ngozi Okonkwo-Adeyemi reported from Wagga Wagga on Zhytomyrska. Blorptown was quiet.";
    let id = story(&library, text);
    let report = library.check_field(&id, CheckedField::Body, text).unwrap();
    let flagged: Vec<&str> = report
        .problems
        .iter()
        .filter(|p| p.kind == ProblemKind::Spelling)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(flagged, ["Blorptown"], "{report:#?}");

    assert_eq!(library.add_desk_word("Blorptown").unwrap(), "Blorptown");
    let report = library.check_field(&id, CheckedField::Body, text).unwrap();
    assert!(
        report
            .problems
            .iter()
            .all(|p| p.kind != ProblemKind::Spelling),
        "{report:#?}"
    );
    // The whole library knows it, from the next time it opens too.
    drop(library);
    let library = Library::open(_dir.path().join("library")).unwrap();
    assert_eq!(library.store().desk_words().unwrap(), ["Blorptown"]);
    let other = story(&library, "Blorptown again.");
    let report = library.check_article(&other).unwrap();
    assert!(
        report
            .iter()
            .all(|f| f.problems.iter().all(|p| p.text != "Blorptown")),
        "{report:#?}"
    );
    assert!(library.add_desk_word("two words").is_err());
}

#[test]
fn names_the_library_writes_often_are_known() {
    let stories: Vec<String> = (0..3)
        .map(|n| format!("Talks went on as Mr Vandersloot met the delegates for day {n}."))
        .collect();
    let known = KnownWords::frequent_names(&stories);
    assert!(known.knows("Vandersloot"));
    // In two stories only: not yet a name the desk writes often.
    assert!(!KnownWords::frequent_names(&stories[..2]).knows("Vandersloot"));
}

#[test]
fn positions_are_what_the_windows_editor_counts() {
    let mut checker = Checker::without_library();
    // Emoji are two UTF-16 units, accented letters one; lines are counted from 1.
    let text = "Caf\u{e9} \u{1F600} opened.\n\nThe mayor recieved them.";
    let report = checker.check(CheckedField::Body, text, "en", &KnownWords::default());
    let problem = report
        .problems
        .iter()
        .find(|p| p.text == "recieved")
        .unwrap_or_else(|| panic!("{report:#?}"));
    let utf16: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(
        String::from_utf16(&utf16[problem.from as usize..problem.to as usize]).unwrap(),
        "recieved"
    );
    assert_eq!((problem.line, problem.column), (3, 11));
    assert_eq!(problem.suggestions[0], "received");
}

#[test]
fn only_the_changed_paragraph_is_checked_again() {
    let mut checker = Checker::without_library();
    let known = KnownWords::default();
    let body = "The council met on Monday.\n\nThe mayor spoke.\n\nThe vote is on Friday.";
    checker.check(CheckedField::Body, body, "en", &known);
    let after_first = checker.paragraphs_checked();
    assert_eq!(after_first, 3);
    let edited = body.replace("The mayor spoke.", "The mayor spoke twice.");
    let report = checker.check(CheckedField::Body, &edited, "en", &known);
    assert_eq!(checker.paragraphs_checked(), after_first + 1);
    assert!(report.problems.is_empty(), "{report:#?}");
}

#[test]
fn a_long_story_shared_between_threads_finds_what_its_paragraphs_find_alone() {
    let (_dir, library) = library();
    let house = library.root().join(HOUSE_STYLE_DIR);
    library.test_house_rules().unwrap();
    std::fs::write(
        house.join("recieved.weir"),
        "expr main recieved\nlet message \"The desk spells it received\"\nlet description \"d\"\nlet kind \"Spelling\"\nlet becomes \"received\"\ntest \"We recieved it.\" \"We received it.\"\n",
    )
    .unwrap();
    let (planted, _) = plant(PLANTED);
    // Long enough to be shared out; its last paragraph, checked by the second thread, needs
    // the library's own house rule.
    let body = format!("{planted}\n\n{WIRE}\n\nThe mayor recieved the letter.");
    assert!(body.len() > 4_500, "{}", body.len());
    let known = KnownWords::default();
    let seen = |problems: Vec<newsdesk_core::check::TextProblem>| {
        problems
            .into_iter()
            .map(|p| (p.text, p.kind, p.rule, p.message, p.suggestions))
            .collect::<Vec<_>>()
    };
    let whole = Checker::start(&house, KnownWords::default())
        .check(CheckedField::Body, &body, "en", &known)
        .problems;
    let mut alone = Checker::start(&house, KnownWords::default());
    let one_by_one: Vec<_> = body
        .split("\n\n")
        .flat_map(|paragraph| {
            alone
                .check(CheckedField::Body, paragraph, "en", &known)
                .problems
        })
        .collect();
    assert!(whole.len() > 40, "{whole:#?}");
    assert!(
        whole.last().unwrap().rule.contains("house:recieved"),
        "{whole:#?}"
    );
    assert_eq!(seen(whole), seen(one_by_one));
}

#[test]
fn one_span_reported_by_two_rules_is_one_problem() {
    let (_dir, library) = library();
    // The desk writes a rule for a typo harper's spelling also finds: one underline, both
    // rules named, each suggestion once.
    library.test_house_rules().unwrap();
    std::fs::write(
        library.root().join(HOUSE_STYLE_DIR).join("recieved.weir"),
        "expr main recieved\nlet message \"The desk spells it received\"\nlet description \"d\"\nlet kind \"Spelling\"\nlet becomes \"received\"\ntest \"We recieved it.\" \"We received it.\"\n",
    )
    .unwrap();
    let id = story(&library, "x");
    let report = library
        .check_field(&id, CheckedField::Body, "The mayor recieved the letter.")
        .unwrap();
    assert_eq!(report.problems.len(), 1, "{report:#?}");
    let problem = &report.problems[0];
    assert_eq!(problem.text, "recieved");
    assert!(
        problem.rule.contains('+') && problem.rule.contains("house:recieved"),
        "{problem:#?}"
    );
    assert!(
        problem.message.contains("The desk spells it received"),
        "{problem:#?}"
    );
    assert_eq!(
        problem
            .suggestions
            .iter()
            .filter(|s| *s == "received")
            .count(),
        1,
        "{problem:#?}"
    );
}

#[test]
fn the_house_style_wins_over_harpers_own_rules() {
    let mut checker = Checker::without_library();
    // Harper alone asks for "okay"; the house writes "OK": OK stands, okay is flagged.
    let known = KnownWords::default();
    let ok = checker.check(
        CheckedField::Body,
        "The mayor said the plan was OK.",
        "en",
        &known,
    );
    assert!(ok.problems.is_empty(), "{ok:#?}");
    let okay = checker.check(
        CheckedField::Body,
        "The mayor said the plan was okay.",
        "en",
        &known,
    );
    assert_eq!(okay.problems.len(), 1, "{okay:#?}");
}

#[test]
fn headline_and_dek_are_checked_as_plain_text() {
    let mut checker = Checker::without_library();
    let report = checker.check(
        CheckedField::Headline,
        "Goverment recieves the report",
        "en-GB",
        &KnownWords::default(),
    );
    let flagged: Vec<&str> = report.problems.iter().map(|p| p.text.as_str()).collect();
    assert!(
        flagged.contains(&"Goverment") && flagged.contains(&"recieves"),
        "{report:#?}"
    );
    assert!(report.grammar);
}

/// French, German and Spanish get spelling from Debian's Hunspell dictionaries and say that
/// grammar is not checked.
#[test]
fn other_languages_get_spelling_only() {
    let mut checker = Checker::without_library();
    for (tag, text, wrong, right) in [
        (
            "fr",
            "Le gouvernement a présenté un budjet ce matin.",
            "budjet",
            "budget",
        ),
        (
            "de-DE",
            "Die Regierung hat den Haushalt vorgestelt.",
            "vorgestelt",
            "vorgestellt",
        ),
        (
            "es",
            "El gobierno presentó el presupuesto esta mañnana.",
            "mañnana",
            "mañana",
        ),
    ] {
        let report = checker.check(CheckedField::Body, text, tag, &KnownWords::default());
        let note = report.note.as_deref().unwrap_or("");
        assert!(
            !note.contains("not installed"),
            "{tag}: {note}; ./dev.sh's set-up installs hunspell-fr, hunspell-de-de and hunspell-es"
        );
        assert!(!report.grammar, "{tag}");
        assert!(
            report
                .note
                .as_deref()
                .unwrap_or("")
                .contains("spelling only"),
            "{tag}: {report:#?}"
        );
        let flagged: Vec<&str> = report.problems.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(flagged, [wrong], "{tag}: {report:#?}");
        assert!(
            report.problems[0].suggestions.iter().any(|s| s == right),
            "{tag}: {report:#?}"
        );
    }
    let report = checker.check(
        CheckedField::Body,
        "Tekst po polsku.",
        "pl",
        &KnownWords::default(),
    );
    assert!(report.problems.is_empty() && report.note.unwrap().contains("not checked"));
}

#[test]
fn preflight_warns_of_writing_problems_without_blocking() {
    let (_dir, library) = library();
    let id = story(&library, "The goverment recieved the report on Monday.");
    let article = library.store().article(&id).unwrap();
    let checked = package::preflight(&library, &article).unwrap();
    let warning = checked
        .warnings
        .iter()
        .find(|w| w.field == "body" && w.message.contains("writing problem"))
        .unwrap_or_else(|| panic!("{checked:#?}"));
    assert_eq!(
        warning.message,
        "The body has 2 writing problems (spelling, grammar, house style)"
    );
    assert!(
        checked
            .problems
            .iter()
            .all(|p| !p.message.contains("writing"))
    );
}
