//! What every HTTP destination shares: one way to build the connection (timeouts, TLS with the
//! system's roots plus a destination's CA file, redirects never followed) and one reading of a
//! failure, so an editor sees the same words for the same trouble whichever CMS it came from.
//!
//! Redirects are never followed. A request counts only by the answer of the receiver it was
//! sent to: a 302 to a page that answers 200 is not a delivery, and following it would send
//! credentials and embargoed copy to a host the destination does not name. A 3xx is a failed
//! attempt that names where it pointed.

use std::path::Path;
use std::time::Duration;

use serde_json::Value;

use super::DeliveryError;

/// The receiver's message is kept in the outbox; this much of it is plenty to read.
pub(super) const MESSAGE_LIMIT: usize = 500;

pub(super) type Response = ureq::http::Response<ureq::Body>;

/// How to reach one destination.
pub(super) struct Connection<'a> {
    pub ca_file: Option<&'a Path>,
    pub connect_timeout_secs: u64,
    pub read_timeout_secs: u64,
}

impl Connection<'_> {
    /// An agent for `urls`: TLS is set up when any of them is https.
    pub fn agent(&self, urls: &[&str]) -> Result<ureq::Agent, DeliveryError> {
        let read = Some(Duration::from_secs(self.read_timeout_secs));
        let mut config = ureq::Agent::config_builder()
            .timeout_connect(Some(Duration::from_secs(self.connect_timeout_secs)))
            .timeout_send_body(read)
            .timeout_recv_response(read)
            .timeout_recv_body(read)
            .http_status_as_error(false)
            // See the module comment: a 3xx comes back as the answer, and is not followed.
            .max_redirects(0);
        if urls.iter().any(|url| url.starts_with("https://")) {
            let tls = super::tls::config(self.ca_file).map_err(|reason| {
                DeliveryError::Misdirected(format!(
                    "cannot check the receiver's certificate: {reason}"
                ))
            })?;
            config = config.tls_config(tls);
        }
        Ok(config.build().into())
    }
}

/// No answer to give: the connection, TLS or the answer's form failed. Certificate
/// trouble and a mix-up of http and https are named; both stay until the settings (or
/// the receiver) change, so they are not retried by themselves.
pub(super) fn unreachable(what: &str, url: &str, err: ureq::Error) -> DeliveryError {
    let host = url
        .split("://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or(url);
    if let Some(tls) = rustls_error(&err) {
        return match tls {
            rustls::Error::InvalidCertificate(reason) => DeliveryError::Misdirected(format!(
                "could not send {what}: the certificate of {host} is not trusted ({reason:?}). If a \
                 newsroom-internal CA signed it, give the destination that CA file (PEM); otherwise \
                 check the destination's URL"
            )),
            rustls::Error::InvalidMessage(_) | rustls::Error::InappropriateMessage { .. } => {
                DeliveryError::Misdirected(format!(
                    "could not send {what}: {host} did not answer in TLS ({tls}); it seems to speak \
                     plain HTTP: if so, the destination's URL must start with http://, or the \
                     receiver needs https set up"
                ))
            }
            other => DeliveryError::Unavailable(format!(
                "could not send {what}: TLS with {host} failed: {other}"
            )),
        };
    }
    if url.starts_with("http://") && matches!(err, ureq::Error::Protocol(_)) {
        return DeliveryError::Misdirected(format!(
            "could not send {what}: {host} did not answer in HTTP ({err}); if it expects https, the \
             destination's URL must start with https://"
        ));
    }
    // Said with the address: "connection refused" alone does not tell an editor which of the
    // desk's receivers is down, or that the address may be what is wrong.
    DeliveryError::Unavailable(format!(
        "could not send {what} to {host} ({err}): is the receiver running, and is its address right?"
    ))
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
pub(super) fn classify(what: &str, mut response: Response) -> DeliveryError {
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
        return DeliveryError::Misdirected(format!(
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
    let mut message: String = receiver_message(&text)
        .chars()
        .take(MESSAGE_LIMIT)
        .collect();
    if message.is_empty() {
        message = response
            .status()
            .canonical_reason()
            .unwrap_or("no message")
            .to_owned();
    }
    match status {
        400..=499 => DeliveryError::Rejected {
            status,
            message: format!("{what}: {message}"),
        },
        500..=599 => DeliveryError::Unavailable(format!(
            "{what}: the receiver answered HTTP {status}: {message}"
        )),
        // A 2xx where the protocol knows only 200 and 404 (the lookup), or something stranger.
        _ => DeliveryError::Rejected {
            status,
            message: format!("{what}: an answer the protocol does not expect here: {message}"),
        },
    }
}

/// The receiver's own words from an error body: WordPress's `{code, message}`, Ghost's
/// `{errors: [{message, context}]}`, or the text as it came.
pub(super) fn receiver_message(text: &str) -> String {
    let Ok(json) = serde_json::from_str::<Value>(text) else {
        return text.trim().to_owned();
    };
    let words = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_owned);
    if let Some(message) = words(&json, "message") {
        return match words(&json, "code") {
            Some(code) => format!("{message} ({code})"),
            None => message,
        };
    }
    if let Some(errors) = json.get("errors").and_then(Value::as_array) {
        let said: Vec<String> = errors
            .iter()
            .filter_map(|e| {
                let message = words(e, "message")?;
                Some(match words(e, "context") {
                    Some(context) if !context.is_empty() => format!("{message} {context}"),
                    _ => message,
                })
            })
            .collect();
        if !said.is_empty() {
            return said.join("; ");
        }
    }
    text.trim().to_owned()
}
