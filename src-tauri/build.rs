// The app's commands are declared here so capabilities/ can grant them one by one: a command
// the UI does not use stays unreachable from the webview. The list itself lives in
// src/command_list.rs, shared with `generate_handler!`.
include!("src/command_list.rs");

const COMMANDS: &[&str] = desk_commands!(command_names);

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/src/command_list.rs");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri build step");
}
