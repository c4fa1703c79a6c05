use crate::{CharString, LSend, Token, patterns::Pattern};

/// An atomic step within a larger expression.
///
/// Its principle job is to identify (if any) the next position of the cursor.
/// When cursor is moved, all tokens between the current cursor and the target position will be
/// added to the match group.
pub trait Step: LSend {
    fn step(&self, tokens: &[Token], cursor: usize, source: &[char]) -> Option<isize>;

    /// Newsdesk's patch: see [`crate::expr::Expr::first_words`].
    fn first_words(&self) -> Option<Vec<CharString>> {
        None
    }
}

impl<P> Step for P
where
    P: Pattern,
{
    fn step(&self, tokens: &[Token], cursor: usize, source: &[char]) -> Option<isize> {
        self.matches(&tokens[cursor..], source).map(|i| i as isize)
    }

    fn first_words(&self) -> Option<Vec<CharString>> {
        Pattern::first_words(self)
    }
}
