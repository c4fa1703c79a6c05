//! `newsdesk check`: each problem as `field:line:col kind message -> suggestion`, `--json`,
//! exit 1 while problems remain; `--rules` runs the house rules' tests; `dictionary add` makes
//! a word known to the whole library.

use crate::common::{json, newsdesk};

fn new_story(library: &std::path::Path, headline: &str, body: &str) -> String {
    let (code, out, err) = newsdesk(
        library,
        &[
            "new",
            "--headline",
            headline,
            "--body",
            body,
            "--author",
            "Ana Ruiz:Reporter",
        ],
    );
    assert_eq!(code, 0, "{err}");
    out.trim().to_owned()
}

#[test]
fn check_prints_each_problem_and_fails_until_the_copy_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("library");
    let id = new_story(
        &lib,
        "Council backs budget",
        "The council met on Monday.\n\nThe mayor recieved 3 letters from Blorptown.",
    );

    let (code, out, _) = newsdesk(&lib, &["check", &id]);
    assert_eq!(code, 1, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines
            .contains(&"body:3:11 spelling Did you mean to spell “recieved” this way? -> received")
            || lines
                .iter()
                .any(|l| l.starts_with("body:3:11 spelling ") && l.ends_with("-> received")),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("body:3:20 house ") && l.ends_with("-> three")),
        "{out}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("body:3:35 spelling ")),
        "{out}"
    );

    let (code, out, _) = newsdesk(&lib, &["check", &id, "--json"]);
    assert_eq!(code, 1);
    let checked = json(&out);
    assert_eq!(checked["problems"], 3, "{out}");
    let body = &checked["fields"][2];
    assert_eq!(body["field"], "body");
    assert_eq!(body["problems"][0]["text"], "recieved");
    assert_eq!(body["problems"][0]["suggestions"][0], "received");
    assert_eq!(body["problems"][0]["line"], 3);

    // Fixed copy and a known name: clean, exit 0.
    let (code, _, err) = newsdesk(&lib, &["dictionary", "add", "Blorptown"]);
    assert_eq!(code, 0, "{err}");
    let (code, out, _) = newsdesk(&lib, &["dictionary", "list"]);
    assert_eq!((code, out.as_str()), (0, "Blorptown\n"));
    let clean = new_story(
        &lib,
        "Council backs budget",
        "The council met on Monday.\n\nThe mayor received three letters from Blorptown.",
    );
    let (code, out, _) = newsdesk(&lib, &["check", &clean]);
    assert_eq!((code, out.as_str()), (0, "no problems found\n"));
}

#[test]
fn check_rules_runs_the_house_rules_tests_and_fails_on_a_failing_one() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("library");
    let (code, out, err) = newsdesk(&lib, &["check", "--rules"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.lines().any(|l| l.starts_with("ok   percent (weir, ")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("ok   numbers-in-words (built-in, ")),
        "{out}"
    );

    std::fs::write(
        lib.join("house-style/stadium.weir"),
        "expr main (sports ground)\nlet message \"Say stadium\"\nlet description \"d\"\nlet kind \"Style\"\nlet becomes \"stadium\"\ntest \"At the sports ground.\" \"At the arena.\"\n",
    )
    .unwrap();
    let (code, out, _) = newsdesk(&lib, &["check", "--rules"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("FAIL stadium (weir, 1 of 1 tests failed)"),
        "{out}"
    );
    assert!(out.contains("got:      At the stadium."), "{out}");

    let (code, out, _) = newsdesk(&lib, &["check", "--rules", "--json"]);
    assert_eq!(code, 1);
    let stadium = json(&out)
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == "stadium")
        .cloned()
        .unwrap();
    assert_eq!(stadium["failures"][0]["expected"], "At the arena.");
}

/// A French story on a machine without the French Hunspell dictionary: the check says so and
/// which Debian package brings it, it does not panic or pretend to have checked.
#[test]
fn a_missing_hunspell_dictionary_is_named_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("library");
    let (code, id, err) = newsdesk(
        &lib,
        &[
            "new",
            "--headline",
            "Le budget",
            "--body",
            "Le gouvernement a présenté un budjet ce matin.",
            "--language",
            "fr",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let empty = dir.path().join("no-dictionaries");
    std::fs::create_dir(&empty).unwrap();
    let check = |hunspell_dir: Option<&std::path::Path>| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_newsdesk"));
        command
            .arg("--library")
            .arg(&lib)
            .args(["check", id.trim()])
            .env_remove("NEWSDESK_LIBRARY")
            .env_remove("NEWSDESK_HUNSPELL_DIR");
        if let Some(d) = hunspell_dir {
            command.env("NEWSDESK_HUNSPELL_DIR", d);
        }
        let out = command.output().unwrap();
        (
            out.status.code().expect("exited, not killed"),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };

    let (code, out, err) = check(None);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("body:1:31 spelling") && out.contains("-> budget"),
        "{out}{err}"
    );
    assert!(
        err.contains("body: French: spelling only, no grammar checker"),
        "{err}"
    );

    let (code, out, err) = check(Some(&empty));
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        err.contains("French: not checked, the Hunspell dictionary is not installed (hunspell-fr)"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}
