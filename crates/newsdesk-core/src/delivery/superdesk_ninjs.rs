//! A story in Superdesk's ninjs: the shape Superdesk's own formatter sends over its HTTP push
//! (`NINJSFormatter` in superdesk-core 2.5.3: ninjs 1.x plus Superdesk's fields), and so the
//! shape every receiver built for that push reads: Superdesk's ninjs ingest parser, its
//! WordPress plugin, Newsroom and Publisher. IPTC ninjs 3.1 (`headlines[]`, `bodies[]`, an
//! associations array) means nothing to them: Superdesk's parser keeps only the guid, type,
//! language, slugline and keywords of it, and crashes on the array.
//!
//! What each receiver reads, checked in its code:
//! - the parser (`superdesk/io/feed_parsers/ninjs.py`): `headline`, `body_html`, `byline`,
//!   `description_text` (its `abstract`), `located` (its dateline), `pubstatus`, `ednote`,
//!   `keywords`, `subject` (name and `code`), `priority`, times as `%Y-%m-%dT%H:%M:%S+0000`
//!   (anything else, fractions of a second included, raises), `embargoed`, and `associations`
//!   as an object, each kept whole and also read as an item of its own;
//! - the WordPress plugin (`autoload.php`): `description_html` before `<!--more-->` and the
//!   body, `located`, `featuremedia.renditions.original.href` and `.media` (the file it
//!   fetches and names), a photo's caption built from `description_text`, `byline` and
//!   `copyrightholder`, its alt text from `body_text`, `pubstatus: canceled` to unpublish.
//!
//! Neither reads a `credit` key: in Superdesk a picture's `byline` is its credit (the desk
//! shows that field as "Credit:"), and that is where the desk's credit line goes.

use serde_json::{Map, Value, json};
use time::OffsetDateTime;
use time::macros::format_description;

use super::http_push::media_id;
use super::story::{Story, StoryPhoto, StoryRendition};
use crate::render::escape;

/// Superdesk's picture renditions and the box each fits in, as Superdesk makes them by default
/// (`RENDITIONS["picture"]` in superdesk-core 2.5.3's `default_settings.py`). `original` is the
/// widest file the package has.
const RENDITION_BOXES: [(&str, u32, u32); 3] = [
    ("baseImage", 1400, 1400),
    ("viewImage", 640, 640),
    ("thumbnail", 220, 120),
];

/// What Superdesk's formatter sends for a story without a priority. Sent rather than left out:
/// the WordPress plugin makes a post sticky when `threshold >= priority`, which a missing
/// priority (PHP's null) always passes.
const DEFAULT_PRIORITY: u8 = 5;

/// Words a minute for `readtime`, as Superdesk counts it (`text_utils.get_reading_time`).
const WORDS_PER_MINUTE: u64 = 250;

/// The item POSTed to the resource URL. Photos point at `{assets_url}/{media_id}`, where the
/// push has put each rendition before sending the item.
pub(crate) fn item(story: &Story, assets_url: &str) -> Value {
    let assets = assets_url.trim_end_matches('/');
    let mut item = Map::new();
    let mut put = |key: &str, value: Value| {
        item.insert(key.to_owned(), value);
    };
    put("guid", json!(story.uri));
    put("version", json!(story.version));
    put("type", json!("text"));
    put(
        "versioncreated",
        json!(superdesk_time(story.version_created)),
    );
    put("firstcreated", json!(superdesk_time(story.first_created)));
    put(
        "pubstatus",
        json!(if story.canceled { "canceled" } else { "usable" }),
    );
    if let Some(embargo) = story.embargo {
        put("embargoed", json!(superdesk_time(embargo)));
    }
    put("language", json!(story.language));
    put("priority", json!(DEFAULT_PRIORITY));
    if !story.slugline.is_empty() {
        put("slugline", json!(story.slugline));
    }
    put("headline", json!(story.headline));
    if !story.dek.is_empty() {
        put("description_text", json!(story.dek));
        put(
            "description_html",
            json!(format!("<p>{}</p>", escape(&story.dek))),
        );
    }
    if !story.byline.is_empty() {
        put("byline", json!(story.byline));
    }
    if !story.located.is_empty() {
        put("located", json!(story.located));
    }
    let (associations, body) = associations_and_body(story, assets);
    put("body_html", json!(body));
    put("wordcount", json!(story.word_count));
    put("readtime", json!(reading_minutes(story.word_count)));
    if !story.keywords.is_empty() {
        put("keywords", json!(story.keywords));
    }
    if !story.section.is_empty() {
        // A code from the section's name, as Superdesk's own vocabularies have one; the
        // WordPress plugin files the post by the name.
        put(
            "subject",
            json!([{"name": story.section, "code": section_code(&story.section), "scheme": "section"}]),
        );
    }
    let ednote = editorial_note(story);
    if !ednote.is_empty() {
        put("ednote", json!(ednote));
    }
    if !story.kicker.is_empty() {
        put("extra", json!({"kicker": story.kicker}));
    }
    if !associations.is_empty() {
        put("associations", Value::Object(associations));
    }
    Value::Object(item)
}

/// `2026-11-26T09:30:00+0000`: UTC, whole seconds, the offset without a colon, the first of
/// the three forms Superdesk's parser accepts (and the one its formatter writes).
fn superdesk_time(at: OffsetDateTime) -> String {
    at.to_offset(time::UtcOffset::UTC)
        .format(format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second]+0000"
        ))
        .expect("a UTC time in a fixed format always formats")
}

fn reading_minutes(words: u64) -> u64 {
    // Rounded to the nearest minute, as Superdesk does (30 seconds and over count as one).
    (words + WORDS_PER_MINUTE / 2) / WORDS_PER_MINUTE
}

fn section_code(section: &str) -> String {
    let code: String = section
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    code.trim_matches('-').to_owned()
}

/// Superdesk's editorial note (`ednote`), the note a receiving desk reads before it runs the
/// story: each correction first, newest first ("Correction 2026-11-27: ..."), then the editors'
/// note. A correction goes out as a new `version` of the same `guid`, as Superdesk's own do.
fn editorial_note(story: &Story) -> String {
    let mut lines: Vec<String> = story
        .corrections
        .iter()
        .rev()
        .map(|c| format!("Correction {c}"))
        .collect();
    if !story.editors_note.is_empty() {
        lines.push(story.editors_note.clone());
    }
    lines.join("\n")
}

/// `associations` (`featuremedia` for the lead photo, `editor_0`, `editor_1`... for the body's
/// photos, in the body's order) and the body pointing at them: each figure between the
/// `EMBED START`/`EMBED END` comments Superdesk's editor writes around a picture (Newsroom and
/// Publisher find a body photo's association by them; the WordPress plugin by the `src`), and
/// every `src` on the receiver. Corrections follow the text, where readers of the page see
/// them.
fn associations_and_body(story: &Story, assets: &str) -> (Map<String, Value>, String) {
    let mut associations = Map::new();
    let mut body = story.body_html.clone();
    let mut inline = 0;
    for photo in &story.photos {
        if photo.lead {
            associations.insert("featuremedia".to_owned(), picture(photo, assets));
            continue;
        }
        let key = format!("editor_{inline}");
        inline += 1;
        if let Some(shown) = photo.display(&story.body_html) {
            body = mark_embeds(&body, &shown.href, &key);
        }
        associations.insert(key, picture(photo, assets));
    }
    let body = body.replace(
        &format!("src=\"{}/", crate::package::RENDITIONS_DIR),
        &format!("src=\"{}/", escape(assets)),
    );
    let mut body = body.trim_end().to_owned();
    for correction in &story.corrections {
        body.push_str(&format!(
            "\n<p class=\"correction\"><strong>Correction</strong> {}</p>",
            escape(correction)
        ));
    }
    (associations, body)
}

/// Puts each `<figure>` whose image is `href` between Superdesk's embed comments for `key`.
/// The body is Newsdesk's own rendering (`render::figure_html`): a figure is
/// `<figure><img src="..." ...>...</figure>`, its text escaped, so the first `</figure>` after
/// the image closes it.
fn mark_embeds(body: &str, href: &str, key: &str) -> String {
    let image = format!("<figure><img src=\"{}\"", escape(href));
    let mut marked = String::with_capacity(body.len() + 128);
    let mut rest = body;
    while let Some(start) = rest.find(&image) {
        let Some(length) = rest[start..].find("</figure>") else {
            break;
        };
        let end = start + length + "</figure>".len();
        marked.push_str(&rest[..start]);
        marked.push_str(&format!(
            "<!-- EMBED START Image {{id: \"{key}\"}} -->\n{}\n<!-- EMBED END Image {{id: \"{key}\"}} -->",
            &rest[start..end]
        ));
        rest = &rest[end..];
    }
    marked.push_str(rest);
    marked
}

/// A photo as Superdesk's picture item.
fn picture(photo: &StoryPhoto, assets: &str) -> Value {
    let mut picture = Map::new();
    let mut put = |key: &str, value: Value| {
        picture.insert(key.to_owned(), value);
    };
    put("guid", json!(photo.uri));
    put("type", json!("picture"));
    put("pubstatus", json!("usable"));
    if let Some(widest) = photo.renditions.last() {
        put("mimetype", json!(widest.content_type));
    }
    // Superdesk's picture headline is a title the desk gives it; the caption is the nearest
    // Newsdesk has (the WordPress plugin names the attachment after it).
    if !photo.caption.is_empty() {
        put("headline", json!(photo.caption));
        put("description_text", json!(photo.caption));
    }
    put("byline", json!(photo.credit_line()));
    if !photo.copyright.is_empty() {
        put("copyrightholder", json!(photo.copyright));
    }
    if !photo.usage_terms.is_empty() {
        put("usageterms", json!(photo.usage_terms));
    }
    if !photo.alt_text.is_empty() {
        // `body_text` is where Superdesk 2.5 sends a picture's alt text and where its parser
        // and the WordPress plugin read it; `alt_text` is the field's own name in Superdesk.
        put("body_text", json!(photo.alt_text));
        put("alt_text", json!(photo.alt_text));
    }
    put(
        "renditions",
        Value::Object(renditions(&photo.renditions, assets)),
    );
    Value::Object(picture)
}

/// `original` is the widest file (the list is narrowest first); each of Superdesk's other
/// renditions is the widest file that fits its box, or the narrowest there is when none fits.
fn renditions(renditions: &[StoryRendition], assets: &str) -> Map<String, Value> {
    let mut named = Map::new();
    let Some(widest) = renditions.last() else {
        return named;
    };
    named.insert("original".to_owned(), rendition(widest, assets));
    for (name, width, height) in RENDITION_BOXES {
        let fitting = renditions
            .iter()
            .rev()
            .find(|r| r.width <= width && r.height <= height)
            .or(renditions.first());
        if let Some(r) = fitting {
            named.insert(name.to_owned(), rendition(r, assets));
        }
    }
    named
}

fn rendition(r: &StoryRendition, assets: &str) -> Value {
    let media_id = media_id(&r.href);
    json!({
        "href": format!("{assets}/{media_id}"),
        "media": media_id,
        "mimetype": r.content_type,
        "width": r.width,
        "height": r.height,
    })
}
