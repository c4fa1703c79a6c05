//! Superdesk's HTTP push protocol, as CMS receivers built for it expect: every media file
//! first (`GET {assets_url}/{media_id}`, and only on 404 a multipart `POST {assets_url}`), then
//! the ninjs item (`POST {resource_url}`). Asking before uploading is what keeps a retried
//! delivery from uploading a photo twice.
//!
//! Redirects are never followed. A request counts only by the answer of the receiver it was
//! sent to: a 302 to a page that answers 200 is not a delivery, nor a photo "already there",
//! and following it would send the signature and embargoed copy to a host the destination
//! does not name. A 3xx is a failed attempt that names where it pointed.

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
    /// The destination's settings do not fit the receiver (a redirect, a certificate not
    /// trusted, http where it speaks https): trying again would not help until they are fixed.
    Misdirected(String),
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
            PushError::Misdirected(message)
            | PushError::Unavailable(message)
            | PushError::Unusable(message) => f.write_str(message),
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
    let client = Client::new(settings)?;
    for media in package.media() {
        client.upload_media_once(media)?;
    }
    let item = item_for_receiver(settings, package)?;
    let post = client
        .agent
        .post(&settings.resource_url)
        .header("content-type", "application/json");
    client.send(post, "the article", &settings.resource_url, &item)?;
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
    fn new(settings: &'a HttpPush) -> Result<Client<'a>, PushError> {
        let read = Some(Duration::from_secs(settings.read_timeout_secs));
        let mut config = ureq::Agent::config_builder()
            .timeout_connect(Some(Duration::from_secs(settings.connect_timeout_secs)))
            .timeout_send_body(read)
            .timeout_recv_response(read)
            .timeout_recv_body(read)
            .http_status_as_error(false)
            // See the module comment: a 3xx comes back as the answer, and is not followed.
            .max_redirects(0);
        let https = [&settings.resource_url, &settings.assets_url]
            .iter()
            .any(|url| url.starts_with("https://"));
        if https {
            let tls = super::tls::config(settings.ca_file.as_deref()).map_err(|reason| {
                PushError::Misdirected(format!("cannot check the receiver's certificate: {reason}"))
            })?;
            config = config.tls_config(tls);
        }
        Ok(Client {
            settings,
            agent: config.build().into(),
        })
    }

    fn upload_media_once(&self, media: &PackageFile) -> Result<(), PushError> {
        let media_id = media.name.rsplit('/').next().unwrap_or(&media.name);
        let url = format!(
            "{}/{media_id}",
            self.settings.assets_url.trim_end_matches('/')
        );
        // Unsigned, as Superdesk's transmitter sends it: `_media_exists` in
        // superdesk/publish/transmitters/http_push.py (superdesk-core 2.5.3, and develop) does
        // `response = requests.get(assets_url, timeout=self._get_timeout())` and nothing
        // more, and Superdesk's own receiver (Newsroom's `push_binary_get`) checks no
        // signature on it. Signing an empty body, as Newsdesk did, sent the same value for
        // every lookup: a token that proved nothing and that anyone who saw it could replay.
        let what = format!("photo {media_id}");
        let response = self
            .agent
            .get(&url)
            .call()
            .map_err(|e| self.unreachable(&what, &url, e))?;
        match response.status().as_u16() {
            // Only this request's own 200 means the receiver has it.
            200 => return Ok(()),
            404 => {}
            _ => return Err(classify(&what, response)),
        }
        let (content_type, body) = multipart(media_id, media);
        let upload = self
            .agent
            .post(&self.settings.assets_url)
            .header("content-type", content_type);
        self.send(upload, &what, &self.settings.assets_url, &body)
    }

    fn send(&self, request: Request, what: &str, url: &str, body: &[u8]) -> Result<(), PushError> {
        let request = match &self.settings.secret {
            Some(secret) => request.header(SIGNATURE_HEADER, signature(secret.expose(), body)),
            None => request,
        };
        let response = request
            .send(body)
            .map_err(|e| self.unreachable(what, url, e))?;
        if response.status().is_success() {
            Ok(())
        } else {
            Err(classify(what, response))
        }
    }

    /// No answer to give: the connection, TLS or the answer's form failed. Certificate
    /// trouble and a mix-up of http and https are named; both stay until the settings (or
    /// the receiver) change, so they are not retried by themselves.
    fn unreachable(&self, what: &str, url: &str, err: ureq::Error) -> PushError {
        let host = url
            .split("://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or(url);
        if let Some(tls) = rustls_error(&err) {
            return match tls {
                rustls::Error::InvalidCertificate(reason) => PushError::Misdirected(format!(
                    "could not send {what}: the certificate of {host} is not trusted ({reason:?}). If a \
                     newsroom-internal CA signed it, give the destination that CA file (PEM); otherwise \
                     check the destination's URL"
                )),
                rustls::Error::InvalidMessage(_) | rustls::Error::InappropriateMessage { .. } => {
                    PushError::Misdirected(format!(
                        "could not send {what}: {host} did not answer in TLS ({tls}); it seems to speak \
                         plain HTTP: if so, the destination's URL must start with http://, or the \
                         receiver needs https set up"
                    ))
                }
                other => PushError::Unavailable(format!(
                    "could not send {what}: TLS with {host} failed: {other}"
                )),
            };
        }
        if url.starts_with("http://") && matches!(err, ureq::Error::Protocol(_)) {
            return PushError::Misdirected(format!(
                "could not send {what}: {host} did not answer in HTTP ({err}); if it expects https, the \
                 destination's URL must start with https://"
            ));
        }
        PushError::Unavailable(format!("could not send {what}: {err}"))
    }
}

/// The rustls error behind a failed request, however ureq wrapped it.
fn rustls_error(err: &ureq::Error) -> Option<&rustls::Error> {
    match err {
        ureq::Error::Rustls(e) => Some(e),
        ureq::Error::Io(io) => io.get_ref()?.downcast_ref::<rustls::Error>(),
        _ => None,
    }
}

/// What a receiver's answer other than the hoped-for one means.
fn classify(what: &str, mut response: ureq::http::Response<ureq::Body>) -> PushError {
    let status = response.status().as_u16();
    if (300..400).contains(&status) {
        let location = response
            .headers()
            .get("location")
            .map(|l| String::from_utf8_lossy(l.as_bytes()).into_owned());
        let location = location.map_or_else(
            || "no Location at all".to_owned(),
            |l| l.chars().take(MESSAGE_LIMIT).collect(),
        );
        return PushError::Misdirected(format!(
            "{what}: the receiver answered HTTP {status} and points to {location}; redirects are not \
             followed (the item and its signature go only where the destination says): fix the \
             destination's URL"
        ));
    }
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
    match status {
        400..=499 => PushError::Rejected {
            status,
            message: format!("{what}: {message}"),
        },
        500..=599 => PushError::Unavailable(format!(
            "{what}: the receiver answered HTTP {status}: {message}"
        )),
        // A 2xx where the protocol knows only 200 and 404 (the lookup), or something stranger.
        _ => PushError::Rejected {
            status,
            message: format!("{what}: an answer the protocol does not expect here: {message}"),
        },
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
