//! The article body as HTML, for the preview and for export, plus the figures an editor
//! checks before filing: word and character counts, reading time and editorial warnings.
//!
//! The body is Markdown typed by people and pasted from anywhere, so the output is treated as
//! hostile until proven otherwise: raw HTML is dropped, and every link or image URL whose
//! scheme is not http, https or mailto (or relative) is neutralised in the syntax tree before
//! comrak writes anything. comrak's own `unsafe_` stays off as a second line of defence.

use std::fmt::Write as _;

use comrak::nodes::{AstNode, NodeValue};
use comrak::{Arena, Options};
use serde::Serialize;

use crate::Result;
use crate::article::ArticleFields;

/// The URL scheme that places a library photo in the body: `photo:<photo-id>[/<crop>]`.
pub const PHOTO_SCHEME: &str = "photo:";
/// Average adult reading speed used by newsroom systems (Superdesk uses the same figure).
const WORDS_PER_MINUTE: usize = 250;
pub const HEADLINE_LIMIT: usize = 64;
pub const DEK_LIMIT: usize = 160;
pub const SLUGLINE_LIMIT: usize = 24;

/// A photo placed in the body: `![alt](photo:<photo-id>/<crop>)`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct PhotoRef {
    pub photo_id: String,
    pub crop: Option<String>,
}

impl PhotoRef {
    /// Reads `photo:<id>` or `photo:<id>/<crop>`; `None` for any other URL.
    fn parse(url: &str) -> Option<PhotoRef> {
        let rest = url.strip_prefix(PHOTO_SCHEME)?;
        let (id, crop) = match rest.split_once('/') {
            Some((id, crop)) => (id, Some(crop).filter(|c| !c.is_empty())),
            None => (rest, None),
        };
        Some(PhotoRef {
            photo_id: id.to_owned(),
            crop: crop.map(str::to_owned),
        })
    }
}

impl std::fmt::Display for PhotoRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.crop {
            Some(crop) => write!(f, "{}/{crop}", self.photo_id),
            None => f.write_str(&self.photo_id),
        }
    }
}

/// What the body needs to show a placed photo: the image to load and its caption and credit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// Where the page loads the image from (a rendition path or URL chosen by the caller).
    pub src: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
    pub caption: String,
    pub credit: String,
}

/// Looks up placed photos; the photo desk implements it over the library, export over the
/// package being built.
pub trait FigureSource {
    /// `Ok(None)` when the photo or the crop does not exist.
    fn figure(&self, reference: &PhotoRef) -> Result<Option<Figure>>;
}

/// A [`FigureSource`] that knows no photos: every reference is reported missing.
pub struct NoPhotos;

impl FigureSource for NoPhotos {
    fn figure(&self, _reference: &PhotoRef) -> Result<Option<Figure>> {
        Ok(None)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rendered {
    pub html: String,
    pub stats: TextStats,
    /// Photo references no figure could be found for, in body order; each is also shown in
    /// the HTML as a visible placeholder.
    pub missing: Vec<PhotoRef>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TextStats {
    /// Words of the text a reader sees (markup, URLs and photo references not counted).
    pub words: usize,
    /// Characters of that text including spaces; a run of white space counts as one.
    pub chars: usize,
    /// At 250 words a minute, rounded up; 0 for an empty body.
    pub reading_minutes: u32,
}

/// An editorial problem worth a look before filing; never blocks a save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Warning {
    pub field: String,
    pub message: String,
}

/// Comrak options shared by parsing and HTML output: what an editor expects from Markdown.
fn options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.autolink = true;
    options.extension.footnotes = true;
    options.parse.smart = true;
    // Kept off on purpose: the tree walk below removes raw HTML and unsafe URLs, and this is
    // the second guard should a future comrak add a node the walk does not know.
    options.render.r#unsafe = false;
    options
}

/// Every photo placed in the body, in order, duplicates included (preflight, export).
pub fn photo_refs(markdown: &str) -> Vec<PhotoRef> {
    let arena = Arena::new();
    let root = comrak::parse_document(&arena, markdown, &options());
    root.descendants()
        .filter_map(|node| match &node.data().value {
            NodeValue::Image(link) => PhotoRef::parse(&link.url),
            _ => None,
        })
        .collect()
}

/// Every photo a story places, each with whether it is the lead photo: the lead photo first
/// (its id and crop trimmed; none when its id is blank), then the body's figures in order.
pub fn placed_photos(fields: &ArticleFields) -> Vec<(PhotoRef, bool)> {
    let lead = fields
        .lead_photo
        .as_ref()
        .filter(|p| !p.photo_id.trim().is_empty())
        .map(|p| PhotoRef {
            photo_id: p.photo_id.trim().to_owned(),
            crop: Some(p.crop.trim().to_owned()).filter(|c| !c.is_empty()),
        });
    lead.map(|r| (r, true))
        .into_iter()
        .chain(photo_refs(&fields.body).into_iter().map(|r| (r, false)))
        .collect()
}

pub fn render(markdown: &str, figures: &dyn FigureSource) -> Result<Rendered> {
    let options = options();
    let arena = Arena::new();
    let root = comrak::parse_document(&arena, markdown, &options);
    let stats = text_stats(root);
    // Collected first: the tree cannot be changed while it is being walked.
    let nodes: Vec<_> = root.descendants().collect();
    let mut missing = Vec::new();
    for node in nodes {
        let replacement = match &node.data().value {
            NodeValue::HtmlBlock(_) | NodeValue::HtmlInline(_) => Replacement::Remove,
            NodeValue::Image(link) => match PhotoRef::parse(&link.url) {
                Some(reference) => Replacement::Photo(reference),
                None if is_safe_url(&link.url) => Replacement::Keep,
                None => Replacement::Unwrap,
            },
            NodeValue::Link(link) if !is_safe_url(&link.url) => Replacement::Unwrap,
            _ => Replacement::Keep,
        };
        match replacement {
            Replacement::Keep => {}
            Replacement::Remove => node.detach(),
            Replacement::Unwrap => unwrap(node),
            Replacement::Photo(reference) => {
                let html = match figures.figure(&reference)? {
                    Some(figure) => figure_html(&figure, &alt_text(node)),
                    None => {
                        let html = missing_html(&reference);
                        missing.push(reference);
                        html
                    }
                };
                place_block(&arena, node, html);
            }
        }
    }
    let mut html = String::with_capacity(markdown.len() + markdown.len() / 4);
    comrak::format_html(root, &options, &mut html)
        .map_err(|_| crate::Error::invalid("the article body could not be turned into HTML"))?;
    Ok(Rendered {
        html,
        stats,
        missing,
    })
}

enum Replacement {
    Keep,
    Remove,
    /// Keep the text (a link's words, an image's alt text), drop the element and its URL.
    Unwrap,
    Photo(PhotoRef),
}

fn unwrap<'a>(node: &'a AstNode<'a>) {
    let children: Vec<_> = node.children().collect();
    for child in children {
        node.insert_before(child);
    }
    node.detach();
}

fn alt_text<'a>(image: &'a AstNode<'a>) -> String {
    image.collect_text().trim().to_owned()
}

/// A figure is a block: when the photo stands alone in its paragraph (the usual way to place
/// one) it replaces the paragraph; otherwise it follows the paragraph, so the HTML stays valid
/// (`<figure>` inside `<p>` is not).
fn place_block<'a>(arena: &'a Arena<'a>, image: &'a AstNode<'a>, html: String) {
    let block = arena.alloc(NodeValue::Raw(html).into());
    let paragraph = image
        .ancestors()
        .skip(1)
        .find(|n| matches!(n.data().value, NodeValue::Paragraph));
    match paragraph {
        Some(paragraph) => {
            image.detach();
            // After the figures already placed from this paragraph (raw blocks are only ever
            // ours), so several photos in one paragraph keep the order they were written in.
            let mut last = paragraph;
            while let Some(next) = last
                .next_sibling()
                .filter(|n| matches!(n.data().value, NodeValue::Raw(_)))
            {
                last = next;
            }
            last.insert_after(block);
            if is_blank(paragraph) {
                paragraph.detach();
            }
        }
        // A photo in a heading or table cell: keep it where the editor put it.
        None => {
            image.insert_before(block);
            image.detach();
        }
    }
}

fn is_blank<'a>(node: &'a AstNode<'a>) -> bool {
    node.children().all(|child| match &child.data().value {
        NodeValue::Text(text) => text.trim().is_empty(),
        NodeValue::SoftBreak | NodeValue::LineBreak => true,
        _ => false,
    })
}

fn figure_html(figure: &Figure, markdown_alt: &str) -> String {
    let alt = if markdown_alt.is_empty() {
        &figure.alt
    } else {
        markdown_alt
    };
    // `src` comes from the FigureSource (the library's own renditions), not from the body;
    // it is escaped like everything else.
    let mut html = format!(
        "<figure><img src=\"{}\" alt=\"{}\" width=\"{}\" height=\"{}\"><figcaption>{}",
        escape(&figure.src),
        escape(alt),
        figure.width,
        figure.height,
        escape(&figure.caption),
    );
    if !figure.credit.is_empty() {
        let _ = write!(
            html,
            " <span class=\"credit\">{}</span>",
            escape(&figure.credit)
        );
    }
    html.push_str("</figcaption></figure>\n");
    html
}

fn missing_html(reference: &PhotoRef) -> String {
    format!(
        "<p class=\"missing-photo\">Missing photo {}: it is not in the library or has no such crop</p>\n",
        escape(&reference.to_string())
    )
}

/// HTML-escapes text for element content and double-quoted attributes.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// An allow-list rather than comrak's block-list: http, https, mailto and relative URLs pass,
/// everything else (javascript:, vbscript:, data: including images, file:, and schemes not
/// yet invented) does not. The URL is read the way a browser reads it: entities are already
/// decoded by the parser, then tabs and newlines anywhere and control characters and spaces at
/// the ends are ignored, and the scheme is case-insensitive.
pub fn is_safe_url(url: &str) -> bool {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let scheme_end = cleaned.find([':', '/', '?', '#']);
    match scheme_end {
        Some(i) if cleaned[i..].starts_with(':') => {
            let scheme = cleaned[..i].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto")
        }
        _ => true,
    }
}

/// Counts what a reader reads: text, code and footnotes, with blocks kept apart so that the
/// last word of one paragraph and the first of the next are two words. Images (alt text) and
/// raw HTML are not read.
fn text_stats<'a>(root: &'a AstNode<'a>) -> TextStats {
    let mut text = String::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        let value = &node.data().value;
        match value {
            NodeValue::Text(t) => text.push_str(t),
            NodeValue::Code(code) => text.push_str(&code.literal),
            NodeValue::CodeBlock(block) => {
                text.push(' ');
                text.push_str(&block.literal);
            }
            NodeValue::SoftBreak | NodeValue::LineBreak => text.push(' '),
            NodeValue::Image(_) | NodeValue::HtmlBlock(_) | NodeValue::HtmlInline(_) => {}
            _ => {
                if value.block() {
                    text.push(' ');
                }
                stack.extend(node.reverse_children());
            }
        }
    }
    stats_of_text(&text)
}

fn stats_of_text(text: &str) -> TextStats {
    let mut words = 0;
    let mut chars = 0;
    for word in text.split_whitespace() {
        // A lone dash or bullet between spaces is punctuation, not a word.
        if word.chars().any(char::is_alphanumeric) {
            words += 1;
        }
        chars += word.chars().count() + 1;
    }
    TextStats {
        words,
        chars: chars.saturating_sub(1),
        reading_minutes: words.div_ceil(WORDS_PER_MINUTE) as u32,
    }
}

/// Editorial warnings (Superdesk's field limits, a sensible newsroom default).
pub fn warnings(fields: &ArticleFields, stats: &TextStats) -> Vec<Warning> {
    let mut found = Vec::new();
    let mut warn = |field: &str, message: String| {
        found.push(Warning {
            field: field.to_owned(),
            message,
        })
    };
    for (field, name, value, limit) in [
        ("headline", "The headline", &fields.headline, HEADLINE_LIMIT),
        ("dek", "The dek", &fields.dek, DEK_LIMIT),
        ("slugline", "The slugline", &fields.slugline, SLUGLINE_LIMIT),
    ] {
        let length = value.chars().count();
        if length > limit {
            warn(
                field,
                format!("{name} has {length} characters; keep it to {limit}"),
            );
        }
    }
    if fields.byline().is_empty() {
        warn(
            "authors",
            "There is no byline: add at least one author".to_owned(),
        );
    }
    if stats.words == 0 {
        warn("body", "The body is empty".to_owned());
    }
    found
}
