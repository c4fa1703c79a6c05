//! Words that are not typos though no dictionary has them: the story's own names (bylines,
//! dateline, keywords), the names the library writes often, the desk dictionary.
//!
//! Applied after the check, to spelling findings only, rather than merged into harper's
//! dictionary: harper's rule set is built over one dictionary (0.85 s), and a story's names
//! change with every story.

use std::collections::{HashMap, HashSet};

use crate::article::ArticleFields;

/// A name written in at least this many of the recent stories is one the desk knows.
const FREQUENT_IN_STORIES: usize = 3;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KnownWords {
    folded: HashSet<String>,
}

impl KnownWords {
    pub fn new<S: AsRef<str>>(words: impl IntoIterator<Item = S>) -> KnownWords {
        let mut known = KnownWords::default();
        known.extend(words);
        known
    }

    pub fn extend<S: AsRef<str>>(&mut self, words: impl IntoIterator<Item = S>) {
        for text in words {
            for word in words_of(text.as_ref()) {
                self.folded.insert(word.to_lowercase());
                // Harper reads "Okonkwo-Adeyemi" and "O'Brien" as their parts.
                if word.contains(['-', '\'', '’']) {
                    for part in word.split(['-', '\'', '’']).filter(|p| !p.is_empty()) {
                        self.folded.insert(part.to_lowercase());
                    }
                }
            }
        }
    }

    pub fn merge(&mut self, other: KnownWords) {
        self.folded.extend(other.folded);
    }

    pub fn len(&self) -> usize {
        self.folded.len()
    }

    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }

    /// The story's own names: its authors, dateline place and keywords.
    pub fn of_story(fields: &ArticleFields) -> KnownWords {
        let mut known = KnownWords::default();
        known.extend(fields.authors.iter().map(|a| a.name.as_str()));
        known.extend([fields.dateline.place.as_str()]);
        known.extend(fields.keywords.iter());
        known
    }

    /// Capitalised words met inside sentences (not first in one) in at least three of
    /// `stories`: the people, places and teams the desk writes about.
    pub fn frequent_names<S: AsRef<str>>(stories: &[S]) -> KnownWords {
        let mut stories_with: HashMap<String, usize> = HashMap::new();
        for story in stories {
            let mut seen = HashSet::new();
            let mut sentence_start = true;
            for token in story.as_ref().split_whitespace() {
                let word: &str = token.trim_matches(|c: char| !c.is_alphanumeric());
                if !sentence_start
                    && word.chars().next().is_some_and(char::is_uppercase)
                    && word.chars().skip(1).any(char::is_lowercase)
                {
                    seen.insert(word.to_lowercase());
                }
                if token.ends_with(['.', '!', '?', ':', '"', '”']) {
                    sentence_start = true;
                } else if !word.is_empty() {
                    sentence_start = false;
                }
            }
            for word in seen {
                *stories_with.entry(word).or_default() += 1;
            }
        }
        KnownWords {
            folded: stories_with
                .into_iter()
                .filter(|(_, n)| *n >= FREQUENT_IN_STORIES)
                .map(|(w, _)| w)
                .collect(),
        }
    }

    /// Whether every word of `flagged` (one word, or a name harper flagged as a whole) is known;
    /// a possessive `'s` is not part of the name.
    pub fn knows(&self, flagged: &str) -> bool {
        let mut words = words_of(flagged).peekable();
        words.peek().is_some()
            && words.all(|w| {
                let w = w.to_lowercase();
                let bare = w
                    .strip_suffix("'s")
                    .or_else(|| w.strip_suffix("’s"))
                    .unwrap_or(&w);
                self.folded.contains(&w) || self.folded.contains(bare)
            })
    }
}

/// The words of a name or phrase: split on spaces and on punctuation other than apostrophes
/// and hyphens inside a word ("Jean-Pierre", "O'Brien").
fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || (c.is_ascii_punctuation() && c != '\'' && c != '-'))
        .map(|w| w.trim_matches(['\'', '-', '’']))
        .filter(|w| !w.is_empty())
}
