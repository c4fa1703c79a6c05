//! Deterministic news-like text: the articles the articles bench fills its library with, and
//! the stories the desk bench puts on its desk, from one generator (was inside articles.rs).

use newsdesk_core::{ArticleFields, Author, Dateline, Status};

pub const SECTIONS: &[&str] = &[
    "politics", "world", "business", "sport", "culture", "science", "city", "opinion", "health",
    "tech",
];

/// The most frequent words of English news copy, most frequent first; a long tail of invented
/// words (place names, surnames, jargon) follows them in the vocabulary.
const COMMON: &str = "the of to and a in that for is on was with said he it as at by from his be \
have has are but an they not this who were had their been will more would after also one its \
about when two which up new year there last we or people than first out over government she \
city could all into other years time may percent three police state against million before \
during officials told week can just like president some only since while minister our if where \
what them most company say because under next between now country four day many group him \
including former back team made public home school national party court market says season \
children found family work second high news report world months still north water part later \
local election council health workers plan support help budget power war security director \
bank price prices billion game league players coach match final cup win victory defeat goal \
hospital doctors patients study research scientists climate energy oil gas rain flood storm \
fire village town region border troops talks peace deal trade tax law bill vote votes voters \
campaign leader leaders opposition protest protesters strike union rail bridge road airport \
festival film music museum artist book theatre university students teachers prison judge \
trial case evidence investigation report minister's spokesman agency chief executive shares \
investors inflation rates growth economy jobs housing rent farmers harvest drought wildfire \
vaccine hospital's emergency ambulance crash injured killed dead missing rescue search";

const SYLLABLES: &[&str] = &[
    "ba", "ker", "lin", "do", "ma", "ri", "son", "tel", "va", "no", "qui", "ze", "ra", "mon",
    "est", "al", "ur", "fen", "gor", "pi", "sa", "lo", "ven", "tra", "mi", "ko", "dal", "ber",
];
const FIRST_NAMES: &[&str] = &[
    "Ana", "Li", "Omar", "Sofia", "Jonas", "Amara", "Kenji", "Marta", "David", "Chloé", "Tomás",
    "Ingrid", "Priya", "Lucas", "Fatima", "Élodie", "Samuel", "Zainab", "Nikolai", "Grace",
];
const LAST_NAMES: &[&str] = &[
    "Ruiz", "Wei", "Haddad", "Rossi", "Berg", "Okafor", "Sato", "Nowak", "Cohen", "Dubois",
    "García", "Larsen", "Patel", "Moreau", "Ahmed", "Müller", "Mensah", "Ivanova", "Kim", "Walsh",
];

/// Deterministic news-like text. The generator is written here rather than taken from `rand`
/// because `rand`'s seeded generators do not promise the same sequence across versions, and
/// the cached library must match what this code would build.
pub struct Text {
    state: u64,
    vocabulary: Vec<String>,
    /// Zipf weights, cumulative: word frequencies in real text follow rank^-1 closely.
    cumulative: Vec<f64>,
}

impl Text {
    pub fn new(seed: u64) -> Text {
        let mut vocabulary: Vec<String> = COMMON.split_whitespace().map(str::to_owned).collect();
        for a in SYLLABLES {
            for b in SYLLABLES {
                vocabulary.push(format!("{a}{b}"));
                for c in SYLLABLES.iter().step_by(3) {
                    vocabulary.push(format!("{a}{b}{c}"));
                }
            }
        }
        let mut total = 0.0;
        let cumulative = (1..=vocabulary.len())
            .map(|rank| {
                total += 1.0 / rank as f64;
                total
            })
            .collect();
        Text {
            state: seed,
            vocabulary,
            cumulative,
        }
    }

    /// SplitMix64.
    pub fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    pub fn word(&mut self) -> &str {
        let total = *self.cumulative.last().expect("vocabulary is not empty");
        let x = (self.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let rank = self
            .cumulative
            .partition_point(|&c| c < x)
            .min(self.vocabulary.len() - 1);
        &self.vocabulary[rank]
    }

    /// A word people would search for: past the function words, not yet the rarest.
    pub fn topical_word(&mut self) -> String {
        let rank = self.between(40, 3_000.min(self.vocabulary.len() - 1));
        self.vocabulary[rank].clone()
    }

    pub fn name(&mut self) -> String {
        format!("{} {}", self.pick(FIRST_NAMES), self.pick(LAST_NAMES))
    }

    pub fn words(&mut self, n: usize) -> String {
        let mut out = String::new();
        for i in 0..n {
            if i > 0 {
                out.push(' ');
            }
            let word = self.word().to_owned();
            out.push_str(&word);
        }
        out
    }

    pub fn sentence(&mut self) -> String {
        let n = self.between(8, 25);
        let mut sentence = capitalised(&self.words(n));
        if self.below(6) == 0 {
            let name = self.name();
            sentence = format!("{sentence}, {name} said");
        }
        sentence.push('.');
        sentence
    }

    /// Markdown paragraphs of `target` words with the occasional emphasis, link and
    /// subheading an article has.
    pub fn body(&mut self, target: usize) -> String {
        let mut body = String::new();
        let mut words = 0;
        while words < target {
            if words > 0 && self.below(8) == 0 {
                let heading = capitalised(&self.words(4));
                body.push_str(&format!("## {heading}\n\n"));
            }
            let mut paragraph = Vec::new();
            for _ in 0..self.between(2, 5) {
                let sentence = self.sentence();
                words += sentence.split_whitespace().count();
                paragraph.push(sentence);
            }
            let mut paragraph = paragraph.join(" ");
            match self.below(5) {
                0 => paragraph.push_str(" **Update:** more to follow."),
                1 => paragraph.push_str(&format!(
                    " See [the report](https://example.com/{}).",
                    self.below(9_999)
                )),
                _ => {}
            }
            body.push_str(&paragraph);
            body.push_str("\n\n");
        }
        body
    }

    pub fn article(&mut self) -> ArticleFields {
        let headline_words = self.between(6, 12);
        let dek_words = self.between(15, 30);
        let body_words = self.between(300, 1_200);
        let authors = (0..self.between(1, 2))
            .map(|_| Author {
                name: self.name(),
                role: "Staff writer".into(),
            })
            .collect();
        let keywords = (0..self.between(2, 5))
            .map(|_| self.topical_word())
            .collect();
        ArticleFields {
            slugline: self.words(2).replace(' ', "-"),
            section: self.pick(SECTIONS).to_owned(),
            headline: capitalised(&self.words(headline_words)),
            dek: capitalised(&self.words(dek_words)),
            authors,
            dateline: Dateline {
                place: capitalised(&self.topical_word()),
                date: String::new(),
            },
            body: self.body(body_words),
            keywords,
            ..ArticleFields::default()
        }
    }

    pub fn status(&mut self) -> Status {
        match self.below(20) {
            0..=11 => Status::Published,
            12..=14 => Status::Draft,
            15..=16 => Status::Editing,
            17..=18 => Status::Ready,
            _ => Status::Spiked,
        }
    }

    pub fn query(&mut self) -> String {
        match self.below(10) {
            0..=3 => self.topical_word(),
            4..=5 => format!("{} {}", self.topical_word(), self.topical_word()),
            6 => {
                let (first, middle) = (self.topical_word(), self.word().to_owned());
                format!("{first} {middle} {}", self.topical_word())
            }
            7 => self.pick(LAST_NAMES).to_owned(),
            // Still typing: the first letters of a word.
            _ => {
                let word = self.topical_word();
                let typed = self.between(3, word.chars().count().max(3));
                word.chars().take(typed).collect()
            }
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
