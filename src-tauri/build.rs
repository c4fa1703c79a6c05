// The app's commands are declared here so capabilities/ can grant them one by one: a command
// the UI does not use stays unreachable from the webview.
const COMMANDS: &[&str] = &[
    "library_info",
    "list_articles",
    "create_article",
    "get_article",
    "save_article",
    "set_status",
    "revisions",
    "revision",
    "restore_revision",
    "search",
    "preview",
    "diff_revisions",
    "list_photos",
    "get_photo",
    "import_photos",
    "edit_photo",
    "set_focal_point",
    "default_crop",
    "save_crop",
    "preflight",
    "export_article",
    "destinations",
    "add_destination",
    "outbox",
    "deliver",
    "retry_delivery",
    "keep_unsaved",
    "unsaved_texts",
    "discard_unsaved",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri build step");
}
