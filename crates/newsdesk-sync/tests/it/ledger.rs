//! The check every desk test ends with: the laptops agree, and no acknowledged save is lost.
//!
//! Shared with the CLI's integration binary (`#[path]`), whose `kill -9` test drives the real
//! `newsdesk desk sync`: it needs only the core, so both binaries use the one check.
//!
//! A laptop's `Ledger` records each save that returned Ok (the article before and after it).
//! After the desk settles, every word a save typed into a text field (words it added to what it
//! was based on) must be in that field on every laptop, or among the values of an open conflict
//! on it, unless a later save on the same laptop took the word out; every other field a save
//! changed must hold the saved value (or offer it in an open conflict) unless the same laptop
//! saved that field again, or an editor since decided a conflict on it.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicU64, Ordering};

use std::path::Path;

use newsdesk_core::Library;
use newsdesk_core::store::{ConflictCandidate, Store};
use newsdesk_core::{Article, ArticleFields, Status};

/// One order for saves and decisions on every laptop of a test, so a decision can excuse the
/// saves made before it.
static CLOCK: AtomicU64 = AtomicU64::new(0);

fn tick() -> u64 {
    CLOCK.fetch_add(1, Ordering::SeqCst)
}

struct Save {
    at: u64,
    article_id: String,
    before: BTreeMap<String, serde_json::Value>,
    after: BTreeMap<String, serde_json::Value>,
}

/// The acknowledged saves of one laptop, and the conflicts decided there.
#[derive(Default)]
pub struct Ledger {
    saves: Vec<Save>,
    decisions: Vec<(u64, String, String)>,
}

/// Every field of an article by its JSON name, `status` among them.
fn fields_of(fields: &ArticleFields, status: Status) -> BTreeMap<String, serde_json::Value> {
    let serde_json::Value::Object(map) = serde_json::to_value(fields).unwrap() else {
        unreachable!("article fields serialise as an object")
    };
    let mut all: BTreeMap<String, serde_json::Value> = map.into_iter().collect();
    all.insert("status".into(), status.as_str().into());
    all
}

fn words(value: &serde_json::Value) -> BTreeSet<String> {
    value
        .as_str()
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

impl Ledger {
    /// A save that returned Ok: `before` is the article it was based on (`None`: a new story).
    pub fn saved(&mut self, before: Option<&Article>, after: &Article) {
        let before = before
            .map(|b| fields_of(&b.fields, b.status))
            .unwrap_or_default();
        self.saves.push(Save {
            at: tick(),
            article_id: after.id.clone(),
            before,
            after: fields_of(&after.fields, after.status),
        });
    }

    /// An editor resolved the conflict on `field`: the values it had are no longer owed.
    pub fn decided(&mut self, article_id: &str, field: &str) {
        self.decisions
            .push((tick(), article_id.to_owned(), field.to_owned()));
    }

    /// How many saves were acknowledged.
    pub fn count(&self) -> usize {
        self.saves.len()
    }
}

/// What every laptop must agree on: each story's status, fields (body included) and open
/// conflicts with their values and writers.
type Snapshot = BTreeMap<String, (Status, ArticleFields, Vec<(String, Vec<ConflictCandidate>)>)>;

fn snapshot(store: &Store) -> Snapshot {
    store
        .list_articles(&Default::default())
        .unwrap()
        .into_iter()
        .map(|summary| {
            let article = store.article(&summary.id).unwrap();
            let mut conflicts: Vec<(String, Vec<ConflictCandidate>)> = store
                .open_conflicts(&summary.id)
                .unwrap()
                .into_iter()
                .map(|c| (c.field, c.candidates))
                .collect();
            conflicts.sort_by(|a, b| a.0.cmp(&b.0));
            (summary.id, (article.status, article.fields, conflicts))
        })
        .collect()
}

/// The laptops (name, library, ledger) hold the same desk, with exactly the `expected`
/// conflicts open (article id, field), and every acknowledged save is kept.
pub fn check_desk(laptops: &[(&str, &Path, &Ledger)], expected: &[(&str, &str)]) {
    let libraries: Vec<Library> = laptops
        .iter()
        .map(|(name, root, _)| {
            let library = Library::open(root).unwrap();
            assert_eq!(
                library.store().integrity_check().unwrap(),
                "ok",
                "{name}'s library"
            );
            library
        })
        .collect();
    let first_name = laptops[0].0;
    let desk = snapshot(libraries[0].store());
    for ((name, _, _), library) in laptops.iter().zip(&libraries).skip(1) {
        let theirs = snapshot(library.store());
        assert_eq!(
            theirs.keys().collect::<Vec<_>>(),
            desk.keys().collect::<Vec<_>>(),
            "{name} and {first_name} hold different stories"
        );
        for (id, story) in &desk {
            assert_eq!(
                &theirs[id], story,
                "{name} and {first_name} disagree on story {id}"
            );
        }
    }
    let open: BTreeSet<(String, String)> = desk
        .iter()
        .flat_map(|(id, (_, _, conflicts))| {
            conflicts
                .iter()
                .map(move |(field, _)| (id.clone(), field.clone()))
        })
        .collect();
    let expected: BTreeSet<(String, String)> = expected
        .iter()
        .map(|(id, field)| ((*id).to_owned(), (*field).to_owned()))
        .collect();
    assert_eq!(open, expected, "the open conflicts");

    for (name, _, ledger) in laptops {
        for (n, save) in ledger.saves.iter().enumerate() {
            let (status, fields, conflicts) = desk
                .get(&save.article_id)
                .unwrap_or_else(|| panic!("{name}'s story {} is gone", save.article_id));
            let now = fields_of(fields, *status);
            let later: Vec<&Save> = ledger.saves[n + 1..]
                .iter()
                .filter(|s| s.article_id == save.article_id)
                .collect();
            // Saves anywhere after this one, by the clock all laptops share.
            let anywhere_later: Vec<&Save> = laptops
                .iter()
                .flat_map(|(_, _, l)| &l.saves)
                .filter(|s| s.at > save.at && s.article_id == save.article_id)
                .collect();
            for (field, value) in &save.after {
                if save.before.get(field) == Some(value) {
                    continue;
                }
                let decided = ledger_decided(laptops, &save.article_id, field, save.at);
                if decided {
                    continue;
                }
                let offered: Vec<&serde_json::Value> = conflicts
                    .iter()
                    .filter(|(f, _)| f == field)
                    .flat_map(|(_, candidates)| candidates.iter().map(|c| &c.value))
                    .collect();
                if value.is_string() && field != "status" {
                    let typed: BTreeSet<String> = words(value)
                        .difference(&words(save.before.get(field).unwrap_or(&"".into())))
                        .cloned()
                        .collect();
                    let mut kept = words(&now[field]);
                    for candidate in &offered {
                        kept.extend(words(candidate));
                    }
                    for word in typed {
                        let taken_out_later = later
                            .iter()
                            .any(|s| !words(&s.after[field]).contains(&word))
                            || anywhere_later.iter().any(|s| {
                                s.before
                                    .get(field)
                                    .is_some_and(|b| words(b).contains(&word))
                                    && !words(&s.after[field]).contains(&word)
                            });
                        assert!(
                            taken_out_later || kept.contains(&word),
                            "{name}'s save {n} typed {word:?} into the {field} of story {}, and \
                             it is lost: {:?}",
                            save.article_id,
                            now[field]
                        );
                    }
                } else {
                    let changed_later = later.iter().any(|s| &s.after[field] != value)
                        || anywhere_later.iter().any(|s| {
                            s.before.get(field) == Some(value) && &s.after[field] != value
                        });
                    assert!(
                        changed_later || &now[field] == value || offered.contains(&value),
                        "{name}'s save {n} set the {field} of story {} to {value}, and it is lost: \
                         now {}",
                        save.article_id,
                        now[field]
                    );
                }
            }
        }
    }
}

fn ledger_decided(
    laptops: &[(&str, &Path, &Ledger)],
    article_id: &str,
    field: &str,
    after: u64,
) -> bool {
    laptops.iter().any(|(_, _, ledger)| {
        ledger
            .decisions
            .iter()
            .any(|(at, a, f)| *at > after && a == article_id && f == field)
    })
}
