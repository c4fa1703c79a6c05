//! Superdesk's HTTP push protocol, as CMS receivers built for it expect: every media file
//! first (`GET {assets_url}/{media_id}`, and only on 404 a multipart `POST {assets_url}`), then
//! the ninjs item (`POST {resource_url}`): Superdesk's ninjs (`superdesk_ninjs.rs`), or the
//! package's IPTC ninjs 3.1 for a destination with that profile. Asking before uploading is
//! what keeps a retried delivery from uploading a photo twice.
//!
//! Redirects are never followed (see `http.rs`): a 302 to a page that answers 200 is neither
//! a delivery nor a photo "already there".

use hmac::{Hmac, KeyInit, Mac};
use serde_json::Value;
use sha1::Sha1;

use super::http::{Connection, classify, unreachable};
use super::story::Story;
use super::{DeliveryError, HttpPush, PushProfile, superdesk_ninjs};
use crate::package::{NINJS_FILE, Package, PackageFile, RENDITIONS_DIR};

const SIGNATURE_HEADER: &str = "x-superdesk-signature";

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

/// The name a package file is uploaded under (the `media_id` field), and found by at
/// `{assets_url}/{media_id}`: its file name.
pub(super) fn media_id(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

/// Pushes the package's media, then its ninjs item.
pub fn push(settings: &HttpPush, package: &Package) -> Result<(), DeliveryError> {
    let client = Client::new(settings)?;
    for media in package.media() {
        client.upload_media_once(media)?;
    }
    let item = match settings.profile {
        PushProfile::Superdesk => crate::package::to_json_bytes(&superdesk_ninjs::item(
            &Story::of(package)?,
            &settings.assets_url,
        )),
        PushProfile::Iptc31 => item_for_receiver(settings, package)?,
    };
    let post = client
        .agent
        .post(&settings.resource_url)
        .header("content-type", "application/json");
    client.send(post, "the article", &settings.resource_url, &item)?;
    Ok(())
}

/// Asks the receiver for a photo it cannot have: a receiver that speaks the protocol answers
/// 404 (or 200), and the connection, TLS and URL are proven. The secret is checked only by a
/// delivery, the protocol having no request that proves it without sending an item.
pub(super) fn check(settings: &HttpPush) -> Result<String, DeliveryError> {
    let client = Client::new(settings)?;
    let url = format!(
        "{}/newsdesk-connection-check",
        settings.assets_url.trim_end_matches('/')
    );
    let what = "the connection check";
    let response = client
        .agent
        .get(&url)
        .call()
        .map_err(|e| unreachable(what, &url, e))?;
    match response.status().as_u16() {
        200 | 404 => Ok(format!(
            "{} answers; the secret is checked by the first delivery",
            settings.assets_url
        )),
        _ => Err(classify(what, response)),
    }
}

/// The package's ninjs with every rendition `href` (and every `src` in the body) pointing at
/// where the receiver now keeps the file, `{assets_url}/{media_id}`, instead of inside a
/// package it never sees. Absolute URLs also make the item valid with `format: uri` checked.
fn item_for_receiver(settings: &HttpPush, package: &Package) -> Result<Vec<u8>, DeliveryError> {
    let broken =
        |reason: String| DeliveryError::Unusable(format!("the package's {NINJS_FILE} {reason}"));
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
    fn new(settings: &'a HttpPush) -> Result<Client<'a>, DeliveryError> {
        let connection = Connection {
            ca_file: settings.ca_file.as_deref(),
            connect_timeout_secs: settings.connect_timeout_secs,
            read_timeout_secs: settings.read_timeout_secs,
        };
        Ok(Client {
            settings,
            agent: connection.agent(&[&settings.resource_url, &settings.assets_url])?,
        })
    }

    fn upload_media_once(&self, media: &PackageFile) -> Result<(), DeliveryError> {
        let media_id = media_id(&media.name);
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
            .map_err(|e| unreachable(&what, &url, e))?;
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

    fn send(
        &self,
        request: Request,
        what: &str,
        url: &str,
        body: &[u8],
    ) -> Result<(), DeliveryError> {
        let request = match &self.settings.secret {
            Some(secret) => request.header(SIGNATURE_HEADER, signature(secret.expose(), body)),
            None => request,
        };
        let response = request.send(body).map_err(|e| unreachable(what, url, e))?;
        if response.status().is_success() {
            Ok(())
        } else {
            Err(classify(what, response))
        }
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
