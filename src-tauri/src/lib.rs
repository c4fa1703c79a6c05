//! The desktop shell: opens the library once at start and exposes the core to the webview as
//! thin commands (see `commands`). Nothing editorial is decided here.

mod commands;
mod commands_photos;
mod commands_publish;
mod desk;
mod idle;
mod photo_protocol;

use std::path::PathBuf;

use tauri::Manager;

pub use desk::Desk;

/// Starts the window on the library named by `--library DIR`, `NEWSDESK_LIBRARY` or the
/// platform default.
pub fn run() {
    let desk = Desk::open(library_arg(std::env::args().skip(1)));
    let root = desk.root().cloned();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(desk)
        .register_asynchronous_uri_scheme_protocol("photo", photo_protocol::respond)
        .setup(move |app| {
            idle::start(root.clone());
            app.manage(commands_publish::Outbox::start(app.handle().clone(), root));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::library_info,
            commands::list_articles,
            commands::create_article,
            commands::get_article,
            commands::save_article,
            commands::set_status,
            commands::revisions,
            commands::revision,
            commands::restore_revision,
            commands::search,
            commands::preview,
            commands::diff_revisions,
            commands_photos::list_photos,
            commands_photos::get_photo,
            commands_photos::import_photos,
            commands_photos::edit_photo,
            commands_photos::set_focal_point,
            commands_photos::default_crop,
            commands_photos::save_crop,
            commands_publish::preflight,
            commands_publish::export_article,
            commands_publish::destinations,
            commands_publish::add_destination,
            commands_publish::outbox,
            commands_publish::deliver,
            commands_publish::retry_delivery,
        ])
        .run(tauri::generate_context!())
        .expect("the Newsdesk window could not start");
}

/// The app takes a single flag, so a hand-rolled scan is enough (no argument parser needed).
fn library_arg(mut args: impl Iterator<Item = String>) -> Option<PathBuf> {
    while let Some(arg) = args.next() {
        if arg == "--library" {
            return args.next().map(PathBuf::from);
        }
        if let Some(dir) = arg.strip_prefix("--library=") {
            return Some(PathBuf::from(dir));
        }
    }
    None
}
