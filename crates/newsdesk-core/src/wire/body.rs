//! Agency bodies (HTML, NITF, XHTML, plain text) to the Markdown a story is written in:
//! headings, paragraphs, lists, quotes and links kept; scripts, styles and everything else
//! that would act in a page dropped.
//!
//! HTML goes through `htmd` (html5ever, the browsers' parsing algorithm, so a tag soup reads
//! as a browser reads it). The core had only the other direction (comrak, Markdown to HTML).
//! NITF and XHTML are XML already parsed by roxmltree: they are written out as the few HTML
//! elements they map to and converted the same way, so there is one conversion to trust.

use roxmltree::Node;

use crate::render::escape;

/// Elements whose content is never text for a reader.
const SKIPPED: &[&str] = &[
    "script", "style", "head", "title", "noscript", "iframe", "object", "embed", "template", "svg",
    "math", "form", "img", "picture", "video", "audio", "source",
];

/// How deep a body's elements may nest. Both walks (htmd's over the HTML tree, ours over NITF)
/// recurse, and a file of a million `<div>`s would overflow the stack; real agency bodies
/// nest a handful of levels (the examples here at most 6).
pub(crate) const MAX_NESTING: usize = 256;

/// HTML to Markdown. `Err` for a body nested deeper than [`MAX_NESTING`].
pub(crate) fn html_to_markdown(html: &str) -> Result<String, String> {
    let depth = html_nesting(html);
    if depth > MAX_NESTING {
        return Err(format!(
            "its HTML body nests {depth} elements deep (at most {MAX_NESTING} are read)"
        ));
    }
    let converter = htmd::HtmlToMarkdown::builder()
        .skip_tags(SKIPPED.to_vec())
        .build();
    let markdown = converter
        .convert(html)
        .map_err(|e| format!("its HTML body cannot be read: {e}"))?;
    Ok(tidy(&markdown))
}

/// Plain text to Markdown: each line a paragraph, and what Markdown would take as syntax at
/// the start of a line (a heading's `#`, a quote's `>`, a list's `-` or `1.`) escaped.
pub(crate) fn plain_to_markdown(text: &str) -> String {
    let paragraphs: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| {
            let mut out = String::with_capacity(line.len() + 1);
            let starts_block = line.starts_with(['#', '>', '-', '+', '*', '=', '|'])
                || line
                    .split_once(['.', ')'])
                    .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            if starts_block {
                out.push('\\');
            }
            for c in line.chars() {
                if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<') {
                    out.push('\\');
                }
                out.push(c);
            }
            out
        })
        .collect();
    paragraphs.join("\n\n")
}

/// A NITF or XHTML element (the `body.content`, or an XHTML `body`) as HTML: paragraphs,
/// headings, lists, quotes, links and emphasis, with every text escaped; other elements give
/// their text only.
pub(crate) fn xml_to_html(node: Node<'_, '_>) -> String {
    let mut out = String::new();
    write_html(node, &mut out, 0);
    out
}

fn write_html(node: Node<'_, '_>, out: &mut String, depth: usize) {
    for child in node.children() {
        if child.is_text() {
            out.push_str(&escape(child.text().unwrap_or_default()));
            continue;
        }
        if !child.is_element() {
            continue;
        }
        let name = child.tag_name().name();
        if SKIPPED.contains(&name) || name == "body.head" {
            continue;
        }
        // Past the limit the text is kept and the structure flattened.
        if depth >= MAX_NESTING {
            write_html(child, out, depth);
            continue;
        }
        let tag = match name {
            "hl1" | "h1" => Some("h1"),
            "hl2" | "h2" => Some("h2"),
            "h3" | "h4" | "h5" | "h6" | "p" | "ul" | "ol" | "li" | "em" | "strong" | "b" | "i"
            | "blockquote" | "pre" | "code" | "table" | "tr" | "td" | "th" | "dl" | "dt" | "dd" => {
                Some(name)
            }
            "bq" => Some("blockquote"),
            "block" | "div" | "section" => Some("div"),
            "br" => {
                out.push_str("<br>");
                continue;
            }
            "a" => None,
            _ => None,
        };
        if name == "a" {
            let href = child.attribute("href").unwrap_or_default();
            out.push_str(&format!("<a href=\"{}\">", escape(href)));
            write_html(child, out, depth + 1);
            out.push_str("</a>");
            continue;
        }
        match tag {
            Some(tag) => {
                out.push_str(&format!("<{tag}>"));
                write_html(child, out, depth + 1);
                out.push_str(&format!("</{tag}>"));
            }
            None => write_html(child, out, depth + 1),
        }
    }
}

/// The deepest nesting of elements in `html`, counted from its tags alone (void elements and
/// self-closed tags do not nest): an upper bound of what a parser builds.
fn html_nesting(html: &str) -> usize {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "p", "li",
    ];
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        if let Some(closing) = tag.strip_prefix('/') {
            if !VOID.iter().any(|v| closing.trim().eq_ignore_ascii_case(v)) {
                depth = depth.saturating_sub(1);
            }
        } else if tag.starts_with(|c: char| c.is_ascii_alphabetic()) && !tag.ends_with('/') {
            let name = tag
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()
                .unwrap_or_default();
            if !VOID.iter().any(|v| name.eq_ignore_ascii_case(v)) {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        rest = &rest[end.min(rest.len())..];
    }
    deepest
}

/// Trailing blanks off each line, no run of more than one empty line, none at either end.
fn tidy(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut blank = 0;
    for line in markdown.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

/// Runs of white space (line breaks and indentation of XML text) as one space, trimmed.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
