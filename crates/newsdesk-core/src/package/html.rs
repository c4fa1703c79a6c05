//! `article.html`: the story as a standalone page, with its figures, captions and credits, and
//! schema.org `NewsArticle` JSON-LD for search engines. Every text is escaped; the body HTML
//! comes from `render`, which already drops raw HTML and unsafe links.

use std::fmt::Write;

use serde_json::json;

use super::photos::PlacedPhoto;
use crate::article::Article;
use crate::render::{Rendered, escape};
use crate::store::format_time;

const STYLE: &str = "body{font:18px/1.5 Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#222}\
img{max-width:100%;height:auto}figure{margin:1.5rem 0}figcaption{font-size:.85rem;color:#555}\
.credit{text-transform:uppercase;font-size:.75rem}.kicker,.dateline{text-transform:uppercase;font-size:.8rem}\
.dek{font-size:1.2rem;color:#444}.byline{font-style:italic}";

pub(crate) fn page(
    article: &Article,
    body: &Rendered,
    lead: Option<&str>,
    photos: &[PlacedPhoto],
) -> String {
    let f = &article.fields;
    let mut html = String::with_capacity(body.html.len() + 4096);
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n",
        escape(&f.language),
        escape(&f.headline)
    );
    if !f.dek.is_empty() {
        let _ = writeln!(
            html,
            "<meta name=\"description\" content=\"{}\">",
            escape(&f.dek)
        );
    }
    let _ = write!(
        html,
        "<script type=\"application/ld+json\">\n{}\n</script>\n<style>{STYLE}</style>\n</head>\n<body>\n<article>\n<header>\n",
        json_ld(article, body, photos)
    );
    let mut line = |class: &str, tag: &str, text: &str| {
        if !text.is_empty() {
            let _ = writeln!(html, "<{tag} class=\"{class}\">{}</{tag}>", escape(text));
        }
    };
    line("kicker", "p", &f.kicker);
    line("headline", "h1", &f.headline);
    line("dek", "p", &f.dek);
    let byline = f.byline();
    line(
        "byline",
        "p",
        &if byline.is_empty() {
            byline
        } else {
            format!("By {byline}")
        },
    );
    let dateline = [f.dateline.place.as_str(), f.dateline.date.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    line("dateline", "p", &dateline);
    html.push_str("</header>\n");
    if let Some(lead) = lead {
        html.push_str(lead);
    }
    html.push_str(&body.html);
    if !f.corrections.is_empty() {
        html.push_str("<section class=\"corrections\">\n<h2>Corrections</h2>\n");
        for c in &f.corrections {
            let _ = writeln!(
                html,
                "<p><time>{}</time> {}</p>",
                escape(&c.date),
                escape(&c.text)
            );
        }
        html.push_str("</section>\n");
    }
    html.push_str("</article>\n</body>\n</html>\n");
    html
}

/// schema.org `NewsArticle`. `<` is written as `\u003c` so no text can close the script.
fn json_ld(article: &Article, body: &Rendered, photos: &[PlacedPhoto]) -> String {
    let f = &article.fields;
    let authors: Vec<_> = f
        .authors
        .iter()
        .map(|a| json!({"@type": "Person", "name": a.name}))
        .collect();
    let images: Vec<_> = photos
        .iter()
        .map(|p| {
            let shown = p.display();
            json!({
                "@type": "ImageObject",
                "contentUrl": shown.href,
                "width": shown.width,
                "height": shown.height,
                "caption": p.photo.desk.caption,
                "creditText": p.photo.desk.credit,
                "copyrightHolder": p.photo.desk.copyright,
            })
        })
        .collect();
    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "identifier": super::uri(&article.id),
        "headline": f.headline,
        "description": f.dek,
        "author": authors,
        "dateCreated": format_time(article.created_at),
        "dateModified": format_time(article.updated_at),
        "inLanguage": f.language,
        "keywords": f.keywords.join(", "),
        "wordCount": body.stats.words,
        "image": images,
    });
    if !f.section.is_empty() {
        ld["articleSection"] = json!(f.section);
    }
    if !f.dateline.place.is_empty() {
        ld["locationCreated"] = json!({"@type": "Place", "name": f.dateline.place});
    }
    drop_empty_text(&mut ld);
    serde_json::to_string_pretty(&ld)
        .expect("JSON-LD serialises")
        .replace('<', "\\u003c")
}

/// An empty property says something false ("no copyright holder"); leave it out instead.
fn drop_empty_text(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.retain(|_, v| v.as_str() != Some(""));
            map.values_mut().for_each(drop_empty_text);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(drop_empty_text),
        _ => {}
    }
}
