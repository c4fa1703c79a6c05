//! `article.ninjs.json`: the article as IPTC ninjs 3.1. Every value comes from the article
//! version and the desk records of its photos, never from the clock, so the same version
//! always gives the same document.

use serde_json::{Map, Value, json};

use super::photos::PlacedPhoto;
use crate::article::{Article, Status, web_address};
use crate::render::Rendered;
use crate::store::format_time;
use crate::wire_item::WireOrigin;

/// The ninjs `uri` of an article: stable for its whole life, whatever its version.
pub fn uri(article_id: &str) -> String {
    format!("urn:newsdesk:article:{article_id}")
}

fn photo_uri(photo: &PlacedPhoto) -> String {
    match &photo.crop {
        Some(crop) => format!("urn:newsdesk:photo:{}:{crop}", photo.photo.id),
        None => format!("urn:newsdesk:photo:{}", photo.photo.id),
    }
}

pub(crate) fn ninjs(
    article: &Article,
    version: i64,
    body: &Rendered,
    photos: &[PlacedPhoto],
    origin: Option<&WireOrigin>,
) -> Value {
    let f = &article.fields;
    let mut item = Map::new();
    let mut put = |key: &str, value: Value| {
        item.insert(key.to_owned(), value);
    };
    put("uri", json!(uri(&article.id)));
    put("type", json!("text"));
    put("representationType", json!("full"));
    put("profile", json!("newsdesk-article"));
    put("version", json!(version.to_string()));
    put("firstCreated", json!(format_time(article.created_at)));
    put("versionCreated", json!(format_time(article.updated_at)));
    put(
        "pubStatus",
        json!(if article.status == Status::Spiked {
            "canceled"
        } else {
            "usable"
        }),
    );
    if let Some(embargo) = f.embargo {
        put("embargoedUntil", json!(format_time(embargo)));
    }
    put("language", json!(f.language));
    if !f.slugline.is_empty() {
        put("slugline", json!(f.slugline));
    }
    let mut headlines = vec![json!({"role": "main", "value": f.headline})];
    if !f.kicker.is_empty() {
        headlines.push(json!({"role": "kicker", "value": f.kicker}));
    }
    put("headlines", json!(headlines));
    let mut descriptions = Vec::new();
    if !f.dek.is_empty() {
        descriptions.push(json!({"role": "summary", "contentType": "text/plain", "value": f.dek}));
    }
    for correction in &f.corrections {
        descriptions.push(json!({
            "role": "correction",
            "contentType": "text/plain",
            "value": format!("{}: {}", correction.date, correction.text),
        }));
    }
    if !descriptions.is_empty() {
        put("descriptions", json!(descriptions));
    }
    put(
        "bodies",
        json!([{
            "role": "main",
            "contentType": "text/html",
            "value": body.html,
            "wordCount": body.stats.words,
            "charCount": body.stats.chars,
        }]),
    );
    put("by", json!(f.byline()));
    if !f.authors.is_empty() {
        let people: Vec<Value> = f
            .authors
            .iter()
            .map(|a| json!({"name": a.name, "rel": if a.role.is_empty() { "author".to_owned() } else { a.role.to_lowercase() }}))
            .collect();
        put("people", json!(people));
    }
    if !f.dateline.place.is_empty() {
        put("located", json!(f.dateline.place));
    }
    if !f.section.is_empty() {
        put("genres", json!([{"name": f.section, "literal": "section"}]));
    }
    if !f.keywords.is_empty() {
        let subjects: Vec<Value> = f
            .keywords
            .iter()
            .map(|k| json!({"name": k, "rel": "keyword"}))
            .collect();
        put("subjects", json!(subjects));
    }
    if !f.editors_note.is_empty() {
        put("edNote", json!(f.editors_note));
    }
    let mut associations: Vec<Value> = Vec::new();
    let mut inline = 0;
    for photo in photos {
        let name = if photo.lead {
            "lead".to_owned()
        } else {
            inline += 1;
            format!("inline-{inline}")
        };
        associations.push(association(photo, &name));
    }
    // Only web addresses, as the URL parser writes them: preflight stops an article with any
    // other link, and this keeps a `javascript:` link of an old row out even so.
    let links = f
        .related
        .iter()
        .filter_map(|r| web_address(&r.url).map(|url| (r, url)));
    for (i, (related, url)) in links.enumerate() {
        associations.push(json!({
            "name": format!("related-{}", i + 1),
            "rel": "related",
            "uri": url.as_str(),
            "title": related.title,
        }));
    }
    // The agency item the story was started from, as NewsML-G2's `irel:derivedFrom` link
    // says it: ninjs 3.1 has no property of its own for it, and an association may carry any
    // relation.
    if let Some(origin) = origin {
        let mut derived = json!({
            "name": "derived-from",
            "rel": "irel:derivedFrom",
            "uri": origin.guid,
            "version": origin.version.to_string(),
        });
        if !origin.agency.is_empty() {
            derived["infoSources"] = json!([{"name": origin.agency, "role": "wire"}]);
        }
        associations.push(derived);
    }
    if !associations.is_empty() {
        put("associations", json!(associations));
    }
    Value::Object(item)
}

fn association(placed: &PlacedPhoto, name: &str) -> Value {
    let desk = &placed.photo.desk;
    let mut photo = Map::new();
    let mut put = |key: &str, value: Value| {
        photo.insert(key.to_owned(), value);
    };
    put("name", json!(name));
    put("rel", json!(if placed.lead { "lead" } else { "inline" }));
    put("uri", json!(photo_uri(placed)));
    put("type", json!("picture"));
    for (key, value) in [
        ("by", &desk.creator),
        ("copyrightHolder", &desk.copyright),
        ("usageTerms", &desk.usage_terms),
    ] {
        if !value.is_empty() {
            put(key, json!(value));
        }
    }
    let mut descriptions = Vec::new();
    if !desk.caption.is_empty() {
        descriptions
            .push(json!({"role": "caption", "contentType": "text/plain", "value": desk.caption}));
    }
    descriptions.push(json!({"role": "alt", "contentType": "text/plain", "value": desk.alt_text}));
    put("descriptions", json!(descriptions));
    // ninjs 3.1 has no credit-line property; the credit is the party that supplied the photo.
    put(
        "infoSources",
        json!([{"name": desk.credit, "role": "credit"}]),
    );
    let renditions: Vec<Value> = placed
        .renditions
        .iter()
        .map(|r| {
            json!({
                "name": format!("w{}", r.width),
                "href": r.href,
                "contentType": r.content_type,
                "width": r.width,
                "height": r.height,
                "sizeInBytes": r.bytes.len(),
            })
        })
        .collect();
    put("renditions", json!(renditions));
    Value::Object(photo)
}
