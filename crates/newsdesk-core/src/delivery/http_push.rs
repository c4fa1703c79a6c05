//! Superdesk's HTTP push protocol, as CMS receivers built for it expect: every media file
//! first (`GET {assets_url}/{media_id}`, and only on 404 a multipart `POST {assets_url}`), then
//! the ninjs item (`POST {resource_url}`). Asking before uploading is what keeps a retried
//! delivery from uploading a photo twice.

use std::time::Duration;

use hmac::{Hmac, KeyInit, Mac};
use serde_json::Value;
use sha1::Sha1;

use super::HttpPush;
use crate::package::{NINJS_FILE, Package, PackageFile, RENDITIONS_DIR};

const SIGNATURE_HEADER: &str = "x-superdesk-signature";
/// The receiver's message is kept in the outbox; this much of it is plenty to read.
const MESSAGE_LIMIT: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PushError {
    /// HTTP 4xx: the receiver refuses this item; sending it again would not help.
    Rejected { status: u16, message: String },
    /// No connection, a timeout or an HTTP 5xx: worth trying again later.
    Unavailable(String),
    /// The package itself cannot be sent (its ninjs does not read): retrying would not help.
    Unusable(String),
}

impl PushError {
    /// Whether trying again later could succeed.
    pub fn is_temporary(&self) -> bool {
        matches!(self, PushError::Unavailable(_))
    }
}

impl std::fmt::Display for PushError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PushError::Rejected { status, message } => {
                write!(f, "refused by the receiver (HTTP {status}): {message}")
            }
            PushError::Unavailable(message) | PushError::Unusable(message) => f.write_str(message),
        }
    }
}

/// `sha1=<hex HMAC-SHA1(secret, body)>`, the value of `x-superdesk-signature`.
pub fn signature(secret: &str, body: &[u8]) -> String {
    let mut mac =
        Hmac::<Sha1>::new_from_slice(secret.as_bytes()).expect("HMAC takes keys of any length");
    mac.update(body);
    format!("sha1={}", hex(&mac.finalize().into_bytes()))
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Pushes the package's media, then its ninjs item.
pub fn push(settings: &HttpPush, package: &Package) -> Result<(), PushError> {
    let client = Client::new(settings);
    for media in package.media() {
        client.upload_media_once(media)?;
    }
    let item = item_for_receiver(settings, package)?;
    client.send(
        client
            .agent
            .post(&settings.resource_url)
            .header("content-type", "application/json"),
        "the article",
        &item,
    )?;
    Ok(())
}

/// The package's ninjs with every rendition `href` (and every `src` in the body) pointing at
/// where the receiver now keeps the file, `{assets_url}/{media_id}`, instead of inside a
/// package it never sees. Absolute URLs also make the item valid with `format: uri` checked.
fn item_for_receiver(settings: &HttpPush, package: &Package) -> Result<Vec<u8>, PushError> {
    let broken =
        |reason: String| PushError::Unusable(format!("the package's {NINJS_FILE} {reason}"));
    let file = package
        .file(NINJS_FILE)
        .ok_or_else(|| broken("is missing".into()))?;
    let mut item: Value =
        serde_json::from_slice(&file.bytes).map_err(|e| broken(format!("is damaged: {e}")))?;
    let local = format!("{RENDITIONS_DIR}/");
    let remote = format!("{}/", settings.assets_url.trim_end_matches('/'));
    let associations = item
        .get_mut("associations")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten();
    let renditions = associations
        .filter_map(|a| a.get_mut("renditions")?.as_array_mut())
        .flatten();
    for href in renditions.filter_map(|r| r.get_mut("href")) {
        if let Some(media_id) = href.as_str().and_then(|h| h.strip_prefix(&local)) {
            *href = Value::String(format!("{remote}{media_id}"));
        }
    }
    let bodies = item
        .get_mut("bodies")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten();
    for value in bodies.filter_map(|b| b.get_mut("value")) {
        if let Some(html) = value.as_str() {
            *value =
                Value::String(html.replace(&format!("src=\"{local}"), &format!("src=\"{remote}")));
        }
    }
    Ok(crate::package::to_json_bytes(&item))
}

struct Client<'a> {
    settings: &'a HttpPush,
    agent: ureq::Agent,
}

type Request = ureq::RequestBuilder<ureq::typestate::WithBody>;

impl<'a> Client<'a> {
    fn new(settings: &'a HttpPush) -> Client<'a> {
        let read = Some(Duration::from_secs(settings.read_timeout_secs));
        let agent = ureq::Agent::config_builder()
            .timeout_connect(Some(Duration::from_secs(settings.connect_timeout_secs)))
            .timeout_send_body(read)
            .timeout_recv_response(read)
            .timeout_recv_body(read)
            .http_status_as_error(false)
            .build()
            .into();
        Client { settings, agent }
    }

    fn upload_media_once(&self, media: &PackageFile) -> Result<(), PushError> {
        let media_id = media.name.rsplit('/').next().unwrap_or(&media.name);
        let url = format!(
            "{}/{media_id}",
            self.settings.assets_url.trim_end_matches('/')
        );
        let mut lookup = self.agent.get(&url);
        if let Some(secret) = &self.settings.secret {
            lookup = lookup.header(SIGNATURE_HEADER, signature(secret, b""));
        }
        let what = format!("photo {media_id}");
        let response = lookup.call().map_err(|e| unavailable(&what, &e))?;
        match response.status().as_u16() {
            200..=299 => return Ok(()),
            404 => {}
            _ => return Err(classify(&what, response)),
        }
        let (content_type, body) = multipart(media_id, media);
        let upload = self
            .agent
            .post(&self.settings.assets_url)
            .header("content-type", content_type);
        self.send(upload, &what, &body)
    }

    fn send(&self, request: Request, what: &str, body: &[u8]) -> Result<(), PushError> {
        let request = match &self.settings.secret {
            Some(secret) => request.header(SIGNATURE_HEADER, signature(secret, body)),
            None => request,
        };
        let response = request.send(body).map_err(|e| unavailable(what, &e))?;
        if response.status().is_success() {
            Ok(())
        } else {
            Err(classify(what, response))
        }
    }
}

fn unavailable(what: &str, err: &ureq::Error) -> PushError {
    PushError::Unavailable(format!("could not send {what}: {err}"))
}

fn classify(what: &str, mut response: ureq::http::Response<ureq::Body>) -> PushError {
    let status = response.status().as_u16();
    let text = response
        .body_mut()
        .with_config()
        .limit(64 * 1024)
        .read_to_string()
        .unwrap_or_default();
    let mut message: String = text.trim().chars().take(MESSAGE_LIMIT).collect();
    if message.is_empty() {
        message = response
            .status()
            .canonical_reason()
            .unwrap_or("no message")
            .to_owned();
    }
    if (400..500).contains(&status) {
        PushError::Rejected {
            status,
            message: format!("{what}: {message}"),
        }
    } else {
        PushError::Unavailable(format!(
            "{what}: the receiver answered HTTP {status}: {message}"
        ))
    }
}

/// `multipart/form-data` with the fields `media_id` and `media`. Written here because ureq's
/// own multipart feature draws a random boundary; this one is derived from the file's hash,
/// so a retried upload is byte-identical (and signs the same) and cannot clash with the data.
fn multipart(media_id: &str, media: &PackageFile) -> (String, Vec<u8>) {
    let boundary = format!("newsdesk-{}", crate::photo::sha256_hex(&media.bytes));
    let mut body = Vec::with_capacity(media.bytes.len() + 512);
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"media_id\"\r\n\r\n{media_id}\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"media\"; filename=\"{media_id}\"\r\n\
             Content-Type: {}\r\n\r\n",
            media.content_type()
        )
        .as_bytes(),
    );
    body.extend_from_slice(&media.bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}
