//! `photo://localhost/<photo-id>`: the library's photo thumbnails, and nothing else, for the
//! webview. The id is looked up in the library, so no path the page sends reaches the disk.

use tauri::http::{Request, Response, StatusCode, header};
use tauri::{Manager, UriSchemeContext, UriSchemeResponder, Wry};

use crate::desk::Desk;

pub fn respond(
    ctx: UriSchemeContext<'_, Wry>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    let id = request.uri().path().trim_start_matches('/').to_owned();
    // Thumbnails may have to be decoded from the original: keep that off the UI thread.
    tauri::async_runtime::spawn_blocking(move || {
        let desk = app.state::<Desk>();
        // Only the look-up holds the library: decoding an original can take seconds, and
        // every save waits for the lock meanwhile.
        let file = desk
            .with(|library| newsdesk_core::photo::Thumbnail::look_up(library, &id))
            .and_then(|thumbnail| thumbnail.make().map_err(|e| e.report()));
        let response = match file.map(std::fs::read) {
            Ok(Ok(bytes)) => Response::builder()
                .header(header::CONTENT_TYPE, "image/jpeg")
                .header(header::CACHE_CONTROL, "max-age=3600")
                .body(bytes),
            Ok(Err(e)) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
            Err(report) if report.kind() == "not_found" => {
                error(StatusCode::NOT_FOUND, report.message().to_owned())
            }
            Err(report) => error(
                StatusCode::INTERNAL_SERVER_ERROR,
                report.message().to_owned(),
            ),
        };
        responder.respond(response.unwrap_or_else(|_| Response::new(Vec::new())));
    });
}

fn error(status: StatusCode, message: String) -> tauri::http::Result<Response<Vec<u8>>> {
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "text/plain")
        .body(message.into_bytes())
}
