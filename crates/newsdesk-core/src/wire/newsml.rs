//! NewsML-G2 news items (text with an NITF or XHTML body, pictures) and package items to a
//! wire item.
//!
//! Parsed with roxmltree, whose DTD support is off unless asked for (`ParsingOptions::
//! allow_dtd` defaults to false, read in roxmltree 0.21's source): a document with a DTD is
//! refused before anything is read, so no entity is ever declared, expanded or fetched (XXE,
//! billion laughs). What parses is then validated against the NewsML-G2 2.35 Power schema
//! (see [`super::schema`]) before it is mapped.

use roxmltree::{Document, Node};

use super::body::{html_to_markdown, one_line, plain_to_markdown, xml_to_html};
use super::{Refusal, agency_of_uri, without_by};
use crate::article::web_address;
use crate::wire_item::{WireCopy, WireKind, WireLink, WirePhoto, WireStatus};

pub(super) const NAMESPACE: &str = "http://iptc.org/std/nar/2006-10-01/";

/// The encoding an XML declaration names, when it is not UTF-8 (`<?xml version="1.0"
/// encoding="ISO-8859-1"?>`, which older agency systems still write). An unknown label is no
/// encoding: the file is then read as UTF-8 and refused if it is not.
pub(super) fn declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let declaration = bytes.strip_prefix(b"<?xml")?;
    let end = declaration.windows(2).take(200).position(|w| w == b"?>")?;
    let declaration = std::str::from_utf8(&declaration[..end]).ok()?;
    let (_, after) = declaration.split_once("encoding")?;
    let after = after.trim_start().strip_prefix('=')?.trim_start();
    let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let label = after[1..].split(quote).next()?;
    let encoding = encoding_rs::Encoding::for_label(label.trim().as_bytes())?;
    (encoding != encoding_rs::UTF_8).then_some(encoding)
}

/// The file as UTF-8 text, its declaration saying so (the schema check reads the text again
/// and would otherwise decode it a second time). Bytes the encoding lacks become U+FFFD.
pub(super) fn as_utf8(bytes: &[u8], encoding: &'static encoding_rs::Encoding) -> String {
    let (text, _, _) = encoding.decode(bytes);
    // The label between the quotes, whatever it was, becomes UTF-8 (`declared_encoding` found
    // the declaration, its `encoding`, and both quotes).
    let relabelled = text.find("?>").and_then(|end| {
        let at = text[..end].find("encoding")?;
        let open = at + text[at..end].find(['"', '\''])?;
        let quote = &text[open..=open];
        let close = open + 1 + text[open + 1..end].find(quote)?;
        Some(format!("{}UTF-8{}", &text[..=open], &text[close..]))
    });
    relabelled.unwrap_or_else(|| text.into_owned())
}

/// Parses the XML, refusing a DTD. `Ok(None)` for XML that is not a NewsML-G2 item.
pub(super) fn parse(text: &str) -> Result<Document<'_>, Refusal> {
    Document::parse(text).map_err(|e| match e {
        roxmltree::Error::DtdDetected => Refusal::new(
            "it declares a DTD: entities and external files are never read from wire XML \
             (XML external entities, entity bombs)",
        ),
        other => Refusal::new(format!("it is not well-formed XML ({other})")),
    })
}

pub(super) fn is_newsml(doc: &Document<'_>) -> bool {
    let root = doc.root_element();
    root.tag_name().namespace() == Some(NAMESPACE)
        && matches!(root.tag_name().name(), "newsItem" | "packageItem")
}

pub(super) fn read(doc: &Document<'_>) -> Result<WireCopy, Refusal> {
    let root = doc.root_element();
    let item_meta = child(root, "itemMeta");
    let content_meta = child(root, "contentMeta");
    let rights = child(root, "rightsInfo");
    let guid = root.attribute("guid").unwrap_or_default().trim().to_owned();
    if guid.is_empty() {
        return Err(Refusal::new("the NewsML-G2 item has no guid"));
    }
    let class = item_meta
        .and_then(|m| child(m, "itemClass"))
        .and_then(|c| c.attribute("qcode"))
        .unwrap_or_default();
    let kind = if root.tag_name().name() == "packageItem" || class.ends_with(":composite") {
        WireKind::Package
    } else if class.ends_with(":picture") || class.ends_with(":graphic") {
        WireKind::Picture
    } else {
        WireKind::Text
    };
    let meta_text = |node: Option<Node<'_, '_>>, name: &str| {
        node.and_then(|n| child(n, name))
            .map(|n| one_line(&text_of(n)))
            .unwrap_or_default()
    };
    let provider = item_meta
        .and_then(|m| child(m, "provider"))
        .map(name_or_code)
        .unwrap_or_default();
    let holder = rights
        .and_then(|r| child(r, "copyrightHolder"))
        .map(name_or_code)
        .unwrap_or_default();
    let info_source = content_meta
        .and_then(|m| child(m, "infoSource"))
        .map(name_or_code)
        .unwrap_or_default();
    let creditline = meta_text(content_meta, "creditline");
    let agency = [&provider, &holder, &info_source, &creditline]
        .into_iter()
        .find(|a| !a.is_empty())
        .cloned()
        .unwrap_or_else(|| agency_of_uri(&guid));
    let mut copy = WireCopy {
        format: "NewsML-G2".into(),
        version: root
            .attribute("version")
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(1),
        kind,
        status: match item_meta
            .and_then(|m| child(m, "pubStatus"))
            .and_then(|s| s.attribute("qcode"))
            .unwrap_or_default()
        {
            "stat:withheld" => WireStatus::Withheld,
            "stat:canceled" => WireStatus::Canceled,
            _ => WireStatus::Usable,
        },
        urgency: content_meta
            .and_then(|m| child(m, "urgency"))
            .and_then(|u| text_of(u).trim().parse().ok())
            .filter(|u| (1..=9).contains(u)),
        sent_at: ["versionCreated", "firstCreated"]
            .iter()
            .find_map(|name| super::parse_agency_time(&meta_text(item_meta, name))),
        embargo: super::parse_agency_time(&meta_text(item_meta, "embargoed")),
        headline: {
            let headline = meta_text(content_meta, "headline");
            if headline.is_empty() {
                meta_text(item_meta, "title")
            } else {
                headline
            }
        },
        dek: content_meta
            .map(|m| descriptions(m, &["drol:summary", "drol:abstract", "drol:lead"]))
            .unwrap_or_default(),
        byline: without_by(
            &content_meta
                .map(|m| {
                    children(m, "creator")
                        .map(name_or_code)
                        .filter(|n| !n.is_empty())
                        .collect::<Vec<_>>()
                        .join(" and ")
                })
                .unwrap_or_default(),
        ),
        dateline: content_meta
            .and_then(|m| child(m, "located"))
            .and_then(|l| child(l, "name"))
            .map(|n| one_line(&text_of(n)))
            .unwrap_or_default(),
        language: content_meta
            .and_then(|m| child(m, "language"))
            .and_then(|l| l.attribute("tag"))
            .or_else(|| root.attribute(("http://www.w3.org/XML/1998/namespace", "lang")))
            .unwrap_or_default()
            .to_owned(),
        slugline: meta_text(content_meta, "slugline"),
        subjects: content_meta.map(|m| subjects(root, m)).unwrap_or_default(),
        ed_note: meta_text(item_meta, "edNote"),
        agency,
        guid,
        ..WireCopy::default()
    };
    if let Some(meta) = item_meta {
        for link in children(meta, "link") {
            if let Some(url) = link.attribute("href").and_then(web_address) {
                copy.links.push(WireLink {
                    title: link.attribute("title").unwrap_or_default().to_owned(),
                    url: url.to_string(),
                });
            }
        }
    }
    let caption = content_meta
        .map(|m| descriptions(m, &["drol:caption"]))
        .unwrap_or_default();
    let credit = [creditline, holder, copy.agency.clone()]
        .into_iter()
        .find(|c| !c.is_empty())
        .unwrap_or_default();
    match kind {
        WireKind::Package => package(root, &mut copy),
        WireKind::Picture => {
            copy.body = plain_to_markdown(&caption);
            copy.photos.push(WirePhoto {
                uri: copy.guid.clone(),
                href: widest_remote_content(root),
                caption,
                by: copy.byline.clone(),
                credit,
                photo_id: None,
            });
        }
        WireKind::Text => copy.body = text_body(root)?,
    }
    Ok(copy)
}

fn text_body(root: Node<'_, '_>) -> Result<String, Refusal> {
    let Some(set) = child(root, "contentSet") else {
        return Ok(String::new());
    };
    for content in set.children().filter(Node::is_element) {
        match content.tag_name().name() {
            "inlineXML" => {
                // NITF's `body.content`, else an XHTML (or NITF) `body`.
                let body = content
                    .descendants()
                    .find(|n| n.tag_name().name() == "body.content")
                    .or_else(|| {
                        content
                            .descendants()
                            .find(|n| n.tag_name().name() == "body")
                    });
                if let Some(body) = body {
                    return html_to_markdown(&xml_to_html(body)).map_err(Refusal::new);
                }
            }
            "inlineData" => {
                let data = text_of(content);
                let is_html = content
                    .attribute("contenttype")
                    .is_some_and(|t| t.contains("html"));
                return if is_html {
                    html_to_markdown(&data).map_err(Refusal::new)
                } else {
                    Ok(plain_to_markdown(&data))
                };
            }
            _ => {}
        }
    }
    Ok(String::new())
}

/// A package's body: the items it lists, by group, as a Markdown list; its pictures as photos.
fn package(root: Node<'_, '_>, copy: &mut WireCopy) {
    let mut lines = Vec::new();
    for item in root
        .descendants()
        .filter(|n| n.tag_name().name() == "itemRef")
    {
        let title = child(item, "title")
            .map(|t| one_line(&text_of(t)))
            .unwrap_or_default();
        let description = child(item, "description")
            .map(|d| one_line(&text_of(d)))
            .unwrap_or_default();
        let reference = item
            .attribute("residref")
            .or_else(|| item.attribute("href"))
            .unwrap_or_default()
            .to_owned();
        let class = child(item, "itemClass")
            .and_then(|c| c.attribute("qcode"))
            .unwrap_or_default();
        if class.ends_with(":picture") {
            copy.photos.push(WirePhoto {
                uri: reference.clone(),
                caption: description.clone(),
                credit: copy.agency.clone(),
                ..WirePhoto::default()
            });
        }
        let mut line = format!("- **{}**", plain_to_markdown(&title));
        if !description.is_empty() {
            line.push_str(&format!(": {}", plain_to_markdown(&description)));
        }
        line.push_str(&format!(" ({})", plain_to_markdown(&reference)));
        lines.push(line);
    }
    copy.body = lines.join("\n");
}

/// The href of the widest `remoteContent` (the agency's full resolution).
fn widest_remote_content(root: Node<'_, '_>) -> String {
    child(root, "contentSet")
        .into_iter()
        .flat_map(|set| children(set, "remoteContent"))
        .max_by_key(|r| {
            r.attribute("width")
                .and_then(|w| w.parse::<u64>().ok())
                .unwrap_or(0)
        })
        .and_then(|r| r.attribute("href"))
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// Subjects and keywords by name. A subject given only by its code takes the name the item's
/// own `assert` gives that code (AP names its machine-tagged subjects that way).
fn subjects(root: Node<'_, '_>, meta: Node<'_, '_>) -> Vec<String> {
    let asserted = |code: &str| {
        children(root, "assert")
            .find(|a| a.attribute("qcode") == Some(code))
            .and_then(|a| child(a, "name"))
            .map(|n| one_line(&text_of(n)))
    };
    let mut found: Vec<String> = Vec::new();
    for node in meta.children().filter(Node::is_element) {
        let name = match node.tag_name().name() {
            "subject" => child(node, "name")
                .map(|n| one_line(&text_of(n)))
                .or_else(|| node.attribute("qcode").and_then(asserted))
                .unwrap_or_default(),
            "keyword" => one_line(&text_of(node)),
            _ => continue,
        };
        if !name.is_empty() && !found.contains(&name) {
            found.push(name);
        }
    }
    found
}

fn descriptions(meta: Node<'_, '_>, roles: &[&str]) -> String {
    roles
        .iter()
        .find_map(|role| {
            children(meta, "description")
                .find(|d| d.attribute("role") == Some(*role))
                .map(|d| one_line(&text_of(d)))
        })
        .unwrap_or_default()
}

fn name_or_code(node: Node<'_, '_>) -> String {
    child(node, "name")
        .map(|n| one_line(&text_of(n)))
        .filter(|n| !n.is_empty())
        .or_else(|| {
            node.attribute("qcode")
                .or_else(|| node.attribute("literal"))
                .map(|code| code.rsplit(':').next().unwrap_or(code).to_owned())
        })
        .unwrap_or_default()
}

fn child<'a, 'input>(node: Node<'a, 'input>, name: &str) -> Option<Node<'a, 'input>> {
    node.children()
        .find(|n| n.is_element() && n.tag_name().name() == name)
}

fn children<'a, 'input: 'a>(
    node: Node<'a, 'input>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'input>> + 'a {
    node.children()
        .filter(move |n| n.is_element() && n.tag_name().name() == name)
}

/// All the text inside a node.
fn text_of(node: Node<'_, '_>) -> String {
    node.descendants()
        .filter(Node::is_text)
        .filter_map(|n| n.text())
        .collect()
}
