//! IPTC ninjs 1.x, 2.x and 3.x to a wire item. The three generations name the same things
//! differently (`headline` / `headlines[]`, `body_html` / `bodies[]`, `versioncreated` /
//! `versionCreated`, associations as a map / an array); each field is read from whichever the
//! file has.
//!
//! The file is parsed by serde_json, whose recursion limit (128 levels, on by default) refuses
//! a nesting bomb with an error instead of overflowing the stack (`tests/it/wire.rs` sends one
//! 100,000 levels deep).

use serde_json::{Map, Value};
use time::OffsetDateTime;

use super::body::{html_to_markdown, one_line, plain_to_markdown};
use super::{Refusal, agency_of_uri, without_by};
use crate::article::web_address;
use crate::wire_item::{WireCopy, WireKind, WireLink, WirePhoto, WireStatus};

pub(super) fn read(text: &str) -> Result<WireCopy, Refusal> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        if e.to_string().contains("recursion limit") {
            Refusal::new(format!(
                "its JSON nests deeper than serde_json's limit of 128 levels ({e})"
            ))
        } else {
            Refusal::new(format!("it is not valid JSON ({e})"))
        }
    })?;
    let Value::Object(item) = value else {
        return Err(Refusal::new("it is JSON but not a ninjs object"));
    };
    if str_of(&item, &["uri", "guid"]).is_empty() {
        return Err(Refusal::new("it has no ninjs uri: not a ninjs item"));
    }
    let format = generation(&item);
    let kind = match str_of(&item, &["type"]).as_str() {
        "picture" | "graphic" => WireKind::Picture,
        "composite" => WireKind::Package,
        _ => WireKind::Text,
    };
    let uri = str_of(&item, &["uri", "guid"]);
    let mut copy = WireCopy {
        format: format.to_owned(),
        version: number_of(item.get("version")).unwrap_or(1),
        kind,
        status: match str_of(&item, &["pubStatus", "pubstatus"]).as_str() {
            "withheld" => WireStatus::Withheld,
            "canceled" | "cancelled" => WireStatus::Canceled,
            _ => WireStatus::Usable,
        },
        urgency: number_of(item.get("urgency"))
            .and_then(|n| u8::try_from(n).ok())
            .filter(|n| (1..=9).contains(n)),
        agency: agency(&item, &uri),
        sent_at: time_of(
            &item,
            &[
                "versionCreated",
                "versioncreated",
                "firstCreated",
                "firstcreated",
            ],
        ),
        embargo: time_of(&item, &["embargoedUntil", "embargoed"]),
        headline: one_line(&headline(&item)),
        byline: without_by(&one_line(&str_of(&item, &["by", "byline"]))),
        dateline: one_line(&str_of(&item, &["located"])),
        language: str_of(&item, &["language"]),
        slugline: one_line(&str_of(&item, &["slugline"])),
        subjects: subjects(&item),
        ed_note: one_line(&str_of(&item, &["edNote", "ednote"])),
        guid: uri,
        ..WireCopy::default()
    };
    let caption = description(&item, &["caption"])
        .or_else(|| {
            (kind == WireKind::Picture).then(|| description(&item, &["text", "summary"]))?
        })
        .or_else(|| non_empty(str_of(&item, &["description_text"])));
    copy.dek = one_line(
        &description(&item, &["summary", "abstract", "text", "lead"])
            .or_else(|| non_empty(str_of(&item, &["description_text"])))
            .unwrap_or_default(),
    );
    copy.body = body(&item)?
        .or_else(|| caption.as_deref().map(plain_to_markdown))
        .unwrap_or_default();
    if kind == WireKind::Picture {
        copy.photos.push(WirePhoto {
            uri: copy.guid.clone(),
            href: largest_rendition(item.get("renditions")),
            caption: one_line(caption.as_deref().unwrap_or_default()),
            by: copy.byline.clone(),
            credit: credit(&item).unwrap_or_else(|| copy.agency.clone()),
            photo_id: None,
        });
    }
    for association in associations(&item) {
        let is_picture = matches!(
            str_of(association, &["type"]).as_str(),
            "picture" | "graphic"
        );
        if is_picture {
            copy.photos.push(WirePhoto {
                uri: str_of(association, &["uri", "guid"]),
                href: largest_rendition(association.get("renditions")),
                caption: one_line(
                    &description(association, &["caption", "text", "summary"])
                        .or_else(|| non_empty(str_of(association, &["description_text"])))
                        .or_else(|| {
                            association
                                .get("descriptions")
                                .and_then(Value::as_array)
                                .and_then(|all| all.first())
                                .and_then(|d| d.get("value"))
                                .and_then(Value::as_str)
                                .map(str::to_owned)
                        })
                        .unwrap_or_default(),
                ),
                by: without_by(&one_line(&str_of(association, &["by", "byline"]))),
                credit: credit(association).unwrap_or_else(|| copy.agency.clone()),
                photo_id: None,
            });
        } else if let Some(url) = web_address(&str_of(association, &["uri"])) {
            copy.links.push(WireLink {
                title: one_line(&headline(association)),
                url: url.to_string(),
            });
        }
    }
    Ok(copy)
}

/// Which ninjs: the `$schema` when the file names it, else the spelling it uses.
fn generation(item: &Map<String, Value>) -> &'static str {
    let schema = str_of(item, &["$schema"]);
    if schema.contains("schema_3") || schema.contains("/3.") {
        "ninjs 3.x"
    } else if schema.contains("schema_2") || schema.contains("/2.") {
        "ninjs 2.x"
    } else if schema.contains("schema_1") || schema.contains("/1.") {
        "ninjs 1.x"
    } else if item.contains_key("bodies")
        || item.contains_key("versionCreated")
        || item.contains_key("pubStatus")
    {
        "ninjs 3.x"
    } else if item.contains_key("headlines") || item.contains_key("descriptions") {
        "ninjs 2.x"
    } else {
        "ninjs 1.x"
    }
}

fn str_of(item: &Map<String, Value>, keys: &[&str]) -> String {
    keys.iter()
        .filter_map(|k| item.get(*k))
        .find_map(|v| match v {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            // ninjs 1.x `located` and some `by` values are objects with a name.
            Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::to_owned),
            _ => None,
        })
        .unwrap_or_default()
}

fn non_empty(s: String) -> Option<String> {
    (!s.trim().is_empty()).then_some(s)
}

fn number_of(value: Option<&Value>) -> Option<i64> {
    match value? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn time_of(item: &Map<String, Value>, keys: &[&str]) -> Option<OffsetDateTime> {
    keys.iter()
        .filter_map(|k| item.get(*k)?.as_str())
        .find_map(super::parse_agency_time)
}

fn headline(item: &Map<String, Value>) -> String {
    if let Some(Value::Array(headlines)) = item.get("headlines") {
        let value = |h: &Value| h.get("value").and_then(Value::as_str).map(str::to_owned);
        let main = headlines
            .iter()
            .find(|h| h.get("role").and_then(Value::as_str) == Some("main"))
            .and_then(value);
        if let Some(found) = main.or_else(|| headlines.iter().find_map(value)) {
            return found;
        }
    }
    str_of(item, &["headline", "title", "name"])
}

/// The first description whose role is one of `roles` (in that order of preference).
fn description(item: &Map<String, Value>, roles: &[&str]) -> Option<String> {
    let descriptions = item.get("descriptions")?.as_array()?;
    roles.iter().find_map(|role| {
        descriptions
            .iter()
            .filter(|d| d.get("role").and_then(Value::as_str) == Some(role))
            .find_map(|d| d.get("value")?.as_str().map(str::to_owned))
            .filter(|v| !v.trim().is_empty())
    })
}

/// The credit line an agency asks for: a `creditline` description, then an info source.
fn credit(item: &Map<String, Value>) -> Option<String> {
    description(item, &["creditline", "credit"])
        .or_else(|| {
            item.get("infoSources")?
                .as_array()?
                .iter()
                .find_map(|s| s.get("name")?.as_str().map(str::to_owned))
        })
        .map(|c| one_line(&c))
        .filter(|c| !c.is_empty())
}

fn agency(item: &Map<String, Value>, uri: &str) -> String {
    let holder = str_of(item, &["copyrightHolder", "copyrightholder"]);
    if !holder.is_empty() {
        return one_line(&holder);
    }
    credit(item)
        .or_else(|| non_empty(str_of(item, &["provider"])))
        .unwrap_or_else(|| agency_of_uri(uri))
}

fn subjects(item: &Map<String, Value>) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for key in ["subjects", "subject"] {
        let Some(Value::Array(list)) = item.get(key) else {
            continue;
        };
        for subject in list {
            let name = subject
                .get("name")
                .and_then(Value::as_str)
                .or_else(|| subject.get("literal").and_then(Value::as_str))
                .or_else(|| subject.as_str())
                .map(one_line)
                .unwrap_or_default();
            if !name.is_empty() && !found.contains(&name) {
                found.push(name);
            }
        }
    }
    found
}

/// The body in Markdown: an HTML body first (it carries the structure), else plain text.
fn body(item: &Map<String, Value>) -> Result<Option<String>, Refusal> {
    let mut html = None;
    let mut plain = None;
    if let Some(Value::Array(bodies)) = item.get("bodies") {
        for body in bodies {
            let Some(value) = body.get("value").and_then(Value::as_str) else {
                continue;
            };
            let content_type = body
                .get("contentType")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let role = body.get("role").and_then(Value::as_str).unwrap_or_default();
            if content_type.contains("html") || role.contains("html") {
                html.get_or_insert(value.to_owned());
            } else {
                plain.get_or_insert(value.to_owned());
            }
        }
    }
    for key in ["body_html", "body_xhtml"] {
        if let Some(value) = item.get(key).and_then(Value::as_str) {
            html.get_or_insert(value.to_owned());
        }
    }
    if let Some(value) = item.get("body_text").and_then(Value::as_str) {
        plain.get_or_insert(value.to_owned());
    }
    if let Some(html) = html.filter(|h| !h.trim().is_empty()) {
        return html_to_markdown(&html).map(Some).map_err(Refusal::new);
    }
    Ok(plain.map(|p| plain_to_markdown(&p)))
}

fn associations(item: &Map<String, Value>) -> Vec<&Map<String, Value>> {
    match item.get("associations") {
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_object).collect(),
        // ninjs 1.x: a map from the association's name to the item.
        Some(Value::Object(map)) => map.values().filter_map(Value::as_object).collect(),
        _ => Vec::new(),
    }
}

/// The href of the widest image rendition (the agency's full resolution), or of the first.
fn largest_rendition(renditions: Option<&Value>) -> String {
    let list: Vec<&Value> = match renditions {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(Value::Object(map)) => map.values().collect(),
        _ => return String::new(),
    };
    let is_image = |r: &&Value| {
        ["contentType", "mimetype"]
            .iter()
            .filter_map(|k| r.get(*k)?.as_str())
            .next()
            .is_none_or(|t| t.starts_with("image/"))
    };
    list.iter()
        .filter(|r| is_image(r))
        .max_by_key(|r| number_of(r.get("width")).unwrap_or(0))
        .or(list.first())
        .and_then(|r| r.get("href")?.as_str())
        .unwrap_or_default()
        .to_owned()
}
