//! `photo://localhost/<photo-id>`: the library's photo thumbnails, and nothing else, for the
//! webview; `photo://localhost/<photo-id>/<crop>`: a crop as the story runs it (the body's
//! figures, the preview). The id and crop are looked up in the library, so no path the page
//! sends reaches the disk.

use tauri::http::{Request, Response, StatusCode, header};
use tauri::{Manager, UriSchemeContext, UriSchemeResponder, Wry};

use newsdesk_core::ErrorKind;

use crate::desk::Desk;

pub fn respond(
    ctx: UriSchemeContext<'_, Wry>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    let path = request.uri().path().trim_start_matches('/').to_owned();
    let (id, crop) = match path.split_once('/') {
        Some((id, crop)) => (id.to_owned(), Some(percent_decoded(crop))),
        None => (path, None),
    };
    // Thumbnails may have to be decoded from the original: keep that off the UI thread.
    tauri::async_runtime::spawn_blocking(move || {
        let desk = app.state::<Desk>();
        // Only the look-up holds the library: decoding an original can take seconds, and
        // every save waits for the lock meanwhile. A crop's rendition is made on a connection
        // of its own for the same reason (and cached, like the thumbnail).
        let file = match crop {
            None => desk
                .with(|library| newsdesk_core::photo::Thumbnail::look_up(library, &id))
                .and_then(|thumbnail| thumbnail.make().map_err(|e| e.report())),
            Some(crop) => desk
                .with(|library| Ok(library.root().to_path_buf()))
                .and_then(|root| {
                    let library = newsdesk_core::Library::open(root).map_err(|e| e.report())?;
                    newsdesk_core::photo::renditions(&library, &id, Some(&crop), &[CROP_WIDTH])
                        .map_err(|e| e.report())?
                        .into_iter()
                        .next()
                        .map(|r| r.path)
                        .ok_or_else(|| {
                            newsdesk_core::Error::not_found("crop", format!("{crop} of photo {id}"))
                                .report()
                        })
                }),
        };
        let response = match file.map(std::fs::read) {
            Ok(Ok(bytes)) => Response::builder()
                .header(header::CONTENT_TYPE, "image/jpeg")
                .header(header::CACHE_CONTROL, "max-age=3600")
                .body(bytes),
            Ok(Err(e)) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
            Err(report) => error(status_of(report.kind()), report.message().to_owned()),
        };
        responder.respond(response.unwrap_or_else(|_| Response::new(Vec::new())));
    });
}

/// A photo from the desk whose original (and so its thumbnail) has not arrived yet has no
/// picture here, like an unknown one: the page shows its placeholder and asks again after the
/// next sync. A server error would say something broke.
fn status_of(kind: ErrorKind) -> StatusCode {
    match kind {
        ErrorKind::NotFound | ErrorKind::OriginalPending => StatusCode::NOT_FOUND,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// Wide enough for the editor's figure and the preview column at twice the pixel density.
const CROP_WIDTH: u32 = 640;

/// A crop name as the page escaped it (`encodeURIComponent`); names avoid `/` and `:` anyway.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1..i + 3)) {
            (b'%', Some(hex)) => match std::str::from_utf8(hex)
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                Some(b) => {
                    out.push(b);
                    i += 3;
                    continue;
                }
                None => out.push(b'%'),
            },
            (b, _) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn error(status: StatusCode, message: String) -> tauri::http::Result<Response<Vec<u8>>> {
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "text/plain")
        .body(message.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photo_not_here_yet_is_not_found_and_anything_else_is_a_server_error() {
        for (kind, status) in [
            (ErrorKind::NotFound, StatusCode::NOT_FOUND),
            (ErrorKind::OriginalPending, StatusCode::NOT_FOUND),
            (ErrorKind::Io, StatusCode::INTERNAL_SERVER_ERROR),
            (ErrorKind::Invalid, StatusCode::INTERNAL_SERVER_ERROR),
        ] {
            assert_eq!(status_of(kind), status, "{kind:?}");
        }
    }
}
