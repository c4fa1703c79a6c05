//! Which of a bench's cases run: `cargo bench --bench NAME -- CASE...` runs only the cases
//! named, and naming none runs them all. Flags (`--bench`) are cargo's, not cases.

pub struct Chosen(Vec<String>);

impl Chosen {
    pub fn from_args() -> Chosen {
        Chosen(
            std::env::args()
                .skip(1)
                .filter(|a| !a.starts_with('-'))
                .collect(),
        )
    }

    pub fn wants(&self, case: &str) -> bool {
        self.0.is_empty() || self.0.iter().any(|c| c == case)
    }
}
