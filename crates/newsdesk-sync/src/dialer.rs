//! The laptop's connection to the relay: a websocket from tokio-tungstenite (`wss://` through
//! rustls and the system's roots; samod's own `tungstenite` feature would force OpenSSL), the
//! desk token as an `Authorization`
//! header rather than in the URL (where proxies log it), and a refusal (401, 403) as a final
//! failure. samod's built-in dialer treats every connect error as transient, so a laptop with a
//! bad token would retry for ever (notes/samod-relay.md, trap 3).

use futures::future::BoxFuture;
use futures::{SinkExt, StreamExt, TryStreamExt};
use samod::{DialError, Dialer, Transport};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::{self, Message, http};

/// Why the relay will never take this laptop's connection.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the relay refused the desk token (HTTP {status})")]
pub struct Refused {
    pub status: u16,
}

pub struct DeskDialer {
    url: url::Url,
    token: String,
}

impl DeskDialer {
    pub fn new(url: url::Url, token: String) -> DeskDialer {
        DeskDialer { url, token }
    }
}

/// The request every desk connection starts with: the relay's websocket with the token.
fn request(url: &url::Url, token: &str) -> Result<http::Request<()>, Box<tungstenite::Error>> {
    let mut request = url.as_str().into_client_request()?;
    let value = http::HeaderValue::from_str(&format!("Bearer {token}"))
        .map_err(|e| Box::new(tungstenite::Error::HttpFormat(e.into())))?;
    request
        .headers_mut()
        .insert(http::header::AUTHORIZATION, value);
    Ok(request)
}

impl Dialer for DeskDialer {
    type Error = Refused;

    fn url(&self) -> url::Url {
        self.url.clone()
    }

    fn connect(&self) -> BoxFuture<'static, Result<Transport, DialError<Refused>>> {
        let request = request(&self.url, &self.token);
        Box::pin(async move {
            let request = request.map_err(DialError::transient)?;
            match tokio_tungstenite::connect_async(request).await {
                Ok((socket, _response)) => {
                    let (sink, stream) = socket.split();
                    // Only binary messages carry the protocol; pings are answered by
                    // tungstenite itself and a close ends the stream.
                    let stream = stream.try_filter_map(|message| async move {
                        Ok(match message {
                            Message::Binary(bytes) => Some(bytes.to_vec()),
                            _ => None,
                        })
                    });
                    let sink = sink.with(|bytes: Vec<u8>| async move {
                        Ok::<_, tungstenite::Error>(Message::Binary(bytes.into()))
                    });
                    Ok(Transport::new(Box::pin(stream), Box::pin(sink)))
                }
                Err(tungstenite::Error::Http(response))
                    if matches!(response.status().as_u16(), 401 | 403) =>
                {
                    Err(DialError::PermanentFailure(Refused {
                        status: response.status().as_u16(),
                    }))
                }
                Err(e) => Err(DialError::transient(e)),
            }
        })
    }
}
