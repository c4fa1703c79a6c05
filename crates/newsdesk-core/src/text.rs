//! Cutting and cleaning text that came from a person or a file. Such text is never sliced at a
//! byte offset: a character of two to four bytes there makes the slice panic (a photo id
//! `aaaaaaaaaaaé` cut at byte 12 took preflight, export and delivery down), so it is cut by
//! characters here, and everything that shortens text for a message or a name uses this.

use std::borrow::Cow;

/// How many characters of a photo id (a SHA-256 in hex) name it in messages and file names.
pub const SHORT_PHOTO_ID: usize = 12;
/// How many characters of an article id (a UUID) name it in lists: the CLI accepts them back.
pub const SHORT_ARTICLE_ID: usize = 8;

/// The first `max_chars` characters of `text`, or all of it when it is shorter.
pub fn truncate_chars(text: &str, max_chars: usize) -> &str {
    match text.char_indices().nth(max_chars) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

/// A photo id as messages show it. The id may be whatever a body's `photo:` reference says.
pub fn short_photo_id(id: &str) -> &str {
    truncate_chars(id, SHORT_PHOTO_ID)
}

/// An article id as lists show it.
pub fn short_article_id(id: &str) -> &str {
    truncate_chars(id, SHORT_ARTICLE_ID)
}

/// Control characters an editor never means to keep: every C0 and C1 control and DEL, except
/// tab and the line breaks (LF, CR) that text files and Markdown are made of. They are
/// invisible, a terminal obeys some of them, and XML cannot hold them.
pub fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// `text` without stray control characters (see [`is_stray_control`]): those that act as white
/// space (vertical tab and form feed, which word processors use as line and page breaks, and
/// C1's next-line) become a space so the words on either side stay two words; the others are
/// dropped, as the photo desk drops them. Borrowed when there is nothing to clean.
pub fn without_stray_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_stray_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                c if !is_stray_control(c) => Some(c),
                c if c.is_whitespace() => Some(' '),
                _ => None,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_fall_between_characters() {
        for (text, n, cut) in [
            ("aaaaaaaaaaaé", 12, "aaaaaaaaaaaé"),
            ("aaaaaaaaaaaéé", 12, "aaaaaaaaaaaé"),
            ("日本語", 2, "日本"),
            ("👩\u{200d}🚒x", 2, "👩\u{200d}"),
            ("", 3, ""),
            ("abc", 0, ""),
        ] {
            assert_eq!(truncate_chars(text, n), cut, "{text:?}");
        }
    }

    #[test]
    fn stray_controls_go_and_line_breaks_stay() {
        assert_eq!(
            without_stray_controls("a\u{0}b\u{1b}[31mc\u{7f}"),
            "ab[31mc"
        );
        assert_eq!(
            without_stray_controls("line\u{b}next\u{c}page\u{85}end"),
            "line next page end"
        );
        assert_eq!(
            without_stray_controls("tab\there\r\nnew"),
            "tab\there\r\nnew"
        );
        assert!(matches!(
            without_stray_controls("plain é"),
            Cow::Borrowed(_)
        ));
    }
}
