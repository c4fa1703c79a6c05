//! WordPress through its REST API (`{site}/wp-json/wp/v2/`), signed in with an Application
//! Password (HTTP Basic; built into WordPress since 5.6).
//!
//! A delivery is: every photo as media (the rendition the page shows, which carries the credit
//! in IPTC-IIM, the only place WordPress reads one), the section and keywords as a category
//! and tags, then the post. What WordPress kept is checked, because it drops what it does not
//! like without a word: a credit it could not read, an unknown `featured_media` id (answered
//! 200 all the same).
//!
//! WordPress has no idempotency key: a POST sent twice makes two posts (the second slug gets
//! `-2`). So nothing is made before looking for it: a photo is found by its slug, made from the
//! hash of its bytes; a post by the id the outbox kept from the last delivery, or else by the
//! marker `<!-- newsdesk:<article id> -->` its content ends with. An attempt cut off after
//! WordPress made the post (the app killed, the answer lost) is finished by the next one as an
//! update of that post. The slug is no key: WordPress gives a second story with the same
//! slugline `-2`, and an editor may change it.

use base64::Engine;
use serde_json::{Value, json};
use time::OffsetDateTime;
use time::macros::format_description;

use super::http::{self, Connection, MESSAGE_LIMIT, Response};
use super::story::{Story, StoryPhoto};
use super::{DeliveryError, Outgoing, PostStatus, Remote, WordPress};
use crate::package::PackageFile;
use crate::render::escape;

/// The most a JSON answer of WordPress may be; a post with its content is a few hundred KB.
const ANSWER_LIMIT: u64 = 16 * 1024 * 1024;

/// Delivers the story of `outgoing` as a post; see the module comment.
pub(super) fn send(
    settings: &WordPress,
    outgoing: &Outgoing<'_>,
) -> Result<Option<Remote>, DeliveryError> {
    let story = Story::of(outgoing.package)?;
    let site = Site::new(settings)?;
    // First of all: WordPress takes a wrong application password for no sign-in at all, and
    // then answers the lookups below with refusals that do not say why (a 400 for
    // `status=any`). Asked first, it says 401 `rest_not_logged_in`, and nothing is sent.
    site.get("/users/me?_fields=id", "the sign-in")?;
    let marker = format!("<!-- newsdesk:{} -->", story.article_id());
    let existing = site.our_post(outgoing.remote.as_ref(), story.article_id(), &marker)?;
    if story.canceled {
        // Spiked: the post leaves the site as a draft, kept for the site's editors to see
        // why; a story never delivered makes no post at all.
        let Some(id) = existing else { return Ok(None) };
        let post = site.save_post(Some(id), &json!({"status": "draft"}), "the spiked story")?;
        return remote(&post).map(Some);
    }

    let mut content = story.body_html.clone();
    let mut featured = 0;
    for photo in &story.photos {
        let rendition = photo.display(&story.body_html).ok_or_else(|| {
            DeliveryError::Unusable(format!("photo {} has no rendition to send", photo.name))
        })?;
        let media = site.media(photo, Story::file(outgoing.package, rendition)?)?;
        content = content.replace(
            &format!("src=\"{}\"", rendition.href),
            &format!("src=\"{}\"", escape(&media.source_url)),
        );
        if photo.lead {
            featured = media.id;
        }
    }
    if let Some(at) = content.find("src=\"renditions/") {
        let figure: String = content[at..].chars().take(80).collect();
        return Err(DeliveryError::Unusable(format!(
            "the body shows a photo the story does not list ({figure}...)"
        )));
    }

    let mut categories = Vec::new();
    if !story.section.trim().is_empty() {
        categories.push(site.term("categories", "category", &story.section)?);
    }
    let mut tags = Vec::new();
    for keyword in story.keywords.iter().filter(|k| !k.trim().is_empty()) {
        tags.push(site.term("tags", "tag", keyword)?);
    }

    let mut post = json!({
        "title": escape(&story.headline),
        "excerpt": excerpt(&story),
        "content": post_content(&story, &content, &marker),
        "featured_media": featured,
        "categories": categories,
        "tags": tags,
    });
    if !story.slugline.trim().is_empty() {
        post["slug"] = json!(story.slugline);
    }
    let embargo = story
        .embargo
        .filter(|embargo| *embargo > OffsetDateTime::now_utc());
    if let Some(embargo) = embargo {
        post["date_gmt"] = json!(wordpress_time(embargo));
    }
    // A published site schedules an embargoed story (`future` publishes it at `date_gmt`). A
    // drafts-only site gets a draft dated at the embargo: when an editor publishes it early,
    // WordPress schedules it instead. An update to a drafts-only site leaves the status as
    // the site's editors set it: a correction must not take down a post they published.
    match (settings.publish, embargo, existing) {
        (PostStatus::Publish, Some(_), _) => post["status"] = json!("future"),
        (PostStatus::Publish, None, _) => post["status"] = json!("publish"),
        (PostStatus::Draft, _, None) => post["status"] = json!("draft"),
        (PostStatus::Draft, _, Some(_)) => {}
    }
    let saved = site.save_post(existing, &post, "the post")?;
    // WordPress answers 200 and drops an unknown `featured_media` without a word.
    if saved.get("featured_media").and_then(Value::as_i64) != Some(featured) {
        return Err(DeliveryError::Rejected {
            status: 200,
            message: format!(
                "WordPress did not keep photo {featured} as the featured image of post {} \
                 (it answered featured_media {})",
                saved["id"], saved["featured_media"]
            ),
        });
    }
    remote(&saved).map(Some)
}

/// "Connect and check credentials": who WordPress says the application password signs in.
pub(super) fn check(settings: &WordPress) -> Result<String, DeliveryError> {
    let site = Site::new(settings)?;
    let me = site.get("/users/me?context=edit", "the sign-in check")?;
    let name = me.get("name").and_then(Value::as_str).unwrap_or("?");
    let roles: Vec<&str> = me
        .get("roles")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    Ok(format!(
        "signed in to {} as {name} ({})",
        settings.site_url,
        roles.join(", ")
    ))
}

/// The excerpt: the dek, then the byline line. Plain text for WordPress, which treats it as
/// HTML, so escaped.
fn excerpt(story: &Story) -> String {
    let mut lines = Vec::new();
    if !story.dek.trim().is_empty() {
        lines.push(escape(story.dek.trim()));
    }
    if !story.byline.trim().is_empty() {
        lines.push(format!("By {}", escape(story.byline.trim())));
    }
    lines.join("\n\n")
}

/// The post's HTML: the byline, the lead photo's caption and credit, the body (its figures
/// already on WordPress), the corrections, and the marker that finds the post again (see the
/// module comment).
///
/// The lead photo goes out as the featured image, and themes draw that without its caption
/// (Twenty Twenty-Three does: seen on the test site's page), so the credit the agency is owed
/// would reach no reader. A "Top photo" line, as newspapers print one, carries it on every
/// theme without showing the photo twice.
fn post_content(story: &Story, body: &str, marker: &str) -> String {
    let mut html = String::with_capacity(body.len() + 256);
    if !story.byline.trim().is_empty() {
        html.push_str(&format!(
            "<p class=\"byline\">By {}</p>\n",
            escape(story.byline.trim())
        ));
    }
    if let Some(lead) = story.photos.iter().find(|p| p.lead) {
        let said: Vec<String> = [lead.caption.trim().to_owned(), lead.credit_line()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .map(|s| escape(&s))
            .collect();
        if !said.is_empty() {
            html.push_str(&format!(
                "<p class=\"lead-photo-credit\"><small>Top photo: {}</small></p>\n",
                said.join(" Photo: ")
            ));
        }
    }
    html.push_str(body.trim_end());
    html.push('\n');
    for correction in &story.corrections {
        html.push_str(&format!(
            "<p class=\"correction\"><em>Correction: {}</em></p>\n",
            escape(correction)
        ));
    }
    html.push_str(marker);
    html
}

/// `date_gmt` as WordPress takes it: UTC without an offset.
fn wordpress_time(t: OffsetDateTime) -> String {
    t.to_offset(time::UtcOffset::UTC)
        .format(format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second]"
        ))
        .unwrap_or_default()
}

fn remote(post: &Value) -> Result<Remote, DeliveryError> {
    let id = post
        .get("id")
        .and_then(Value::as_i64)
        .ok_or_else(|| DeliveryError::Rejected {
            status: 200,
            message: "WordPress answered the post without its id".into(),
        })?;
    Ok(Remote {
        id: id.to_string(),
        url: post.get("link").and_then(Value::as_str).map(str::to_owned),
    })
}

/// A photo as WordPress keeps it.
struct Media {
    id: i64,
    source_url: String,
}

struct Site<'a> {
    settings: &'a WordPress,
    agent: ureq::Agent,
    /// `{site_url}/wp-json/wp/v2`
    api: String,
    authorization: String,
}

impl<'a> Site<'a> {
    fn new(settings: &'a WordPress) -> Result<Site<'a>, DeliveryError> {
        let api = format!("{}/wp-json/wp/v2", settings.site_url.trim_end_matches('/'));
        let agent = Connection {
            ca_file: settings.ca_file.as_deref(),
            connect_timeout_secs: settings.connect_timeout_secs,
            read_timeout_secs: settings.read_timeout_secs,
        }
        .agent(&[&api])?;
        let password = settings
            .application_password
            .as_ref()
            .map(|p| p.expose())
            .unwrap_or_default();
        let credentials = format!("{}:{password}", settings.user);
        Ok(Site {
            settings,
            agent,
            api,
            authorization: format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(credentials)
            ),
        })
    }

    /// The post this story already has on the site, if any: the one the outbox kept, else the
    /// one whose content carries our marker (drafts and scheduled posts included).
    fn our_post(
        &self,
        remote: Option<&Remote>,
        article_id: &str,
        marker: &str,
    ) -> Result<Option<i64>, DeliveryError> {
        let ours = |post: &Value| {
            let raw = post.pointer("/content/raw").and_then(Value::as_str);
            let status = post.get("status").and_then(Value::as_str);
            // A trashed post is one the site's editors threw away: a new version starts anew.
            raw.is_some_and(|raw| raw.contains(marker)) && status != Some("trash")
        };
        if let Some(id) = remote.and_then(|r| r.id.parse::<i64>().ok()) {
            let path = format!("/posts/{id}?context=edit&_fields=id,status,content");
            match self.get_maybe(&path, "the post delivered before")? {
                Some(post) if ours(&post) => return Ok(Some(id)),
                // Deleted on the site, or no longer ours: looked for below, else made anew.
                _ => {}
            }
        }
        // WordPress's search reads title, excerpt and content; the article id is one word.
        let path = format!(
            "/posts?search={}&status=any&context=edit&orderby=id&order=asc&per_page=100\
             &_fields=id,status,content",
            query_value(article_id)
        );
        let found = self.get(&path, "the search for this story's post")?;
        Ok(found
            .as_array()
            .into_iter()
            .flatten()
            .find(|post| ours(post))
            .and_then(|post| post.get("id").and_then(Value::as_i64)))
    }

    /// Creates the post (`id` none) or updates post `id`; WordPress's answer.
    fn save_post(&self, id: Option<i64>, post: &Value, what: &str) -> Result<Value, DeliveryError> {
        let url = match id {
            Some(id) => format!("{}/posts/{id}", self.api),
            None => format!("{}/posts", self.api),
        };
        let body = serde_json::to_vec(post).expect("a JSON value serialises");
        let response = self
            .agent
            .post(&url)
            .header("authorization", &self.authorization)
            .header("content-type", "application/json")
            .send(&body[..])
            .map_err(|e| http::unreachable(what, &url, e))?;
        self.answer(what, response)
    }

    /// The photo on the site: found by the slug its bytes give it, else uploaded. Either way
    /// its title, caption and alt text are the desk's, and its credit is checked.
    fn media(&self, photo: &StoryPhoto, file: &PackageFile) -> Result<Media, DeliveryError> {
        let what = format!("photo {}", photo.name);
        let hash = crate::photo::sha256_hex(&file.bytes);
        let slug = format!("newsdesk-{}", &hash[..32]);
        let title = escape(if photo.alt_text.trim().is_empty() {
            &photo.name
        } else {
            photo.alt_text.trim()
        });
        let caption = caption(photo);
        let fields = "id,source_url,title,caption,alt_text,media_details";
        let path = format!("/media?slug={slug}&context=edit&_fields={fields}");
        let found = self.get(&path, &what)?;
        let mut media = match found.as_array().and_then(|list| list.first()) {
            Some(media) => media.clone(),
            None => {
                let file_name = file.name.rsplit('/').next().unwrap_or(&file.name);
                let url = format!("{}/media", self.api);
                let response = self
                    .agent
                    .post(&url)
                    .query("slug", &slug)
                    .query("title", &title)
                    .query("caption", &caption)
                    .query("alt_text", &photo.alt_text)
                    .query("_fields", fields)
                    .header("authorization", &self.authorization)
                    .header("content-type", file.content_type())
                    .header(
                        "content-disposition",
                        format!("attachment; filename=\"{}\"", file_name.replace('"', "")),
                    )
                    .send(&file.bytes[..])
                    .map_err(|e| http::unreachable(&what, &url, e))?;
                self.answer(&what, response)?
            }
        };
        let id =
            media
                .get("id")
                .and_then(Value::as_i64)
                .ok_or_else(|| DeliveryError::Rejected {
                    status: 200,
                    message: format!("{what}: WordPress answered without a media id"),
                })?;
        // Found from an earlier delivery: the desk may have changed the words since.
        let kept = |key: &str| {
            media
                .pointer(&format!("/{key}/raw"))
                .and_then(Value::as_str)
        };
        if kept("title") != Some(title.as_str())
            || kept("caption") != Some(caption.as_str())
            || media.get("alt_text").and_then(Value::as_str) != Some(photo.alt_text.as_str())
        {
            let url = format!("{}/media/{id}?_fields={fields}&context=edit", self.api);
            let words = json!({"title": title, "caption": caption, "alt_text": photo.alt_text});
            let response = self
                .agent
                .post(&url)
                .header("authorization", &self.authorization)
                .header("content-type", "application/json")
                .send(&serde_json::to_vec(&words).expect("a JSON value serialises")[..])
                .map_err(|e| http::unreachable(&what, &url, e))?;
            media = self.answer(&what, response)?;
        }
        let credit = media
            .pointer("/media_details/image_meta/credit")
            .and_then(Value::as_str)
            .unwrap_or("");
        if !photo.credit.trim().is_empty() && credit.trim() != photo.credit.trim() {
            return Err(DeliveryError::Unusable(format!(
                "{what}: WordPress read the credit {credit:?} from the photo, not the desk's \
                 {:?}; it takes credits only from the photo's IPTC-IIM Credit Line, so the photo \
                 would run with the wrong credit",
                photo.credit
            )));
        }
        let source_url = media
            .get("source_url")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        Ok(Media { id, source_url })
    }

    /// The id of the category or tag called `name`, made when the site has none yet.
    fn term(&self, taxonomy: &str, one: &str, name: &str) -> Result<i64, DeliveryError> {
        let what = format!("the {one} {name:?}");
        let name = name.trim();
        let path = format!(
            "/{taxonomy}?search={}&per_page=100&_fields=id,name",
            query_value(name)
        );
        let found = self.get(&path, &what)?;
        // WordPress keeps names as HTML (`&` as `&amp;`) and compares them without case.
        let wanted = escape(name).to_lowercase();
        let same = found.as_array().into_iter().flatten().find(|term| {
            term.get("name").and_then(Value::as_str).is_some_and(|n| {
                n.to_lowercase() == wanted || n.to_lowercase() == name.to_lowercase()
            })
        });
        if let Some(id) = same.and_then(|t| t.get("id")).and_then(Value::as_i64) {
            return Ok(id);
        }
        let url = format!("{}/{taxonomy}", self.api);
        let body = serde_json::to_vec(&json!({"name": name})).expect("a JSON value serialises");
        let mut response = self
            .agent
            .post(&url)
            .header("authorization", &self.authorization)
            .header("content-type", "application/json")
            .send(&body[..])
            .map_err(|e| http::unreachable(&what, &url, e))?;
        // Made meanwhile, or a name the search did not match as we do: WordPress names it.
        if response.status().as_u16() == 400 {
            let text = read_text(&mut response);
            let refusal: Value = serde_json::from_str(&text).unwrap_or_default();
            if refusal.get("code").and_then(Value::as_str) == Some("term_exists")
                && let Some(id) = refusal.pointer("/data/term_id").and_then(Value::as_i64)
            {
                return Ok(id);
            }
            return Err(self.refusal(&what, 400, &text));
        }
        let term = self.answer(&what, response)?;
        term.get("id")
            .and_then(Value::as_i64)
            .ok_or_else(|| DeliveryError::Rejected {
                status: 200,
                message: format!("{what}: WordPress answered without its id"),
            })
    }

    fn get(&self, path: &str, what: &str) -> Result<Value, DeliveryError> {
        let url = format!("{}{path}", self.api);
        let response = self
            .agent
            .get(&url)
            .header("authorization", &self.authorization)
            .call()
            .map_err(|e| http::unreachable(what, &url, e))?;
        self.answer(what, response)
    }

    /// Like `get`, but a 404 is `None`.
    fn get_maybe(&self, path: &str, what: &str) -> Result<Option<Value>, DeliveryError> {
        let url = format!("{}{path}", self.api);
        let response = self
            .agent
            .get(&url)
            .header("authorization", &self.authorization)
            .call()
            .map_err(|e| http::unreachable(what, &url, e))?;
        if response.status().as_u16() == 404 {
            return Ok(None);
        }
        self.answer(what, response).map(Some)
    }

    /// The JSON of a 2xx answer, or what the refusal means.
    fn answer(&self, what: &str, mut response: Response) -> Result<Value, DeliveryError> {
        let status = response.status().as_u16();
        if (300..400).contains(&status) {
            return Err(http::classify(what, response));
        }
        if !response.status().is_success() {
            let text = read_text(&mut response);
            return Err(self.refusal(what, status, &text));
        }
        let text = response
            .body_mut()
            .with_config()
            .limit(ANSWER_LIMIT)
            .read_to_string()
            .map_err(|e| http::unreachable(what, &self.api, e))?;
        serde_json::from_str(&text).map_err(|e| {
            DeliveryError::Misdirected(format!(
                "{what}: {} did not answer as WordPress's REST API does ({e}); check the \
                     site URL",
                self.settings.site_url
            ))
        })
    }

    /// What a WordPress refusal (`{code, message, data: {status}}`) means for the delivery.
    fn refusal(&self, what: &str, status: u16, text: &str) -> DeliveryError {
        let code = serde_json::from_str::<Value>(text)
            .ok()
            .and_then(|v| v.get("code").and_then(Value::as_str).map(str::to_owned))
            .unwrap_or_default();
        let mut said: String = http::receiver_message(text)
            .chars()
            .take(MESSAGE_LIMIT)
            .collect();
        if said.is_empty() {
            said = format!("HTTP {status}");
        }
        let site = &self.settings.site_url;
        match status {
            401 | 403 => DeliveryError::Rejected {
                status,
                message: format!(
                    "{what}: WordPress refused {user}: {said}. Check the user name and the \
                     application password of the destination (and that {user} may publish \
                     posts and upload files on {site})",
                    user = self.settings.user
                ),
            },
            // No REST API at this address: a wrong site URL, or a site that turned it off.
            404 if code == "rest_no_route" || code.is_empty() => {
                DeliveryError::Misdirected(format!(
                    "{what}: {site} has no WordPress REST API at /wp-json/wp/v2/ ({said}); check the \
                 site URL"
                ))
            }
            // A file type the site does not allow is a 500 (`rest_upload_sideload_error`,
            // `rest_upload_unknown_error`...): it will not pass by itself, so not retried.
            500..=599 if code.starts_with("rest_upload_") => DeliveryError::Rejected {
                status,
                message: format!("{what}: WordPress refused the file: {said}"),
            },
            500..=599 => DeliveryError::Unavailable(format!(
                "{what}: WordPress answered HTTP {status}: {said}"
            )),
            _ => DeliveryError::Rejected {
                status,
                message: format!("{what}: {said}"),
            },
        }
    }
}

/// The caption as WordPress shows it under the photo: the desk's caption and credit line.
fn caption(photo: &StoryPhoto) -> String {
    let credit = photo.credit_line();
    match (photo.caption.trim(), credit.trim()) {
        (caption, "") => escape(caption),
        ("", credit) => format!("Photo: {}", escape(credit)),
        (caption, credit) => format!("{} Photo: {}", escape(caption), escape(credit)),
    }
}

fn read_text(response: &mut Response) -> String {
    response
        .body_mut()
        .with_config()
        .limit(64 * 1024)
        .read_to_string()
        .unwrap_or_default()
}

/// A value for a URL's query string.
fn query_value(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}
