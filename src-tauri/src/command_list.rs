// The one list of the window's commands. It feeds three places that must agree:
// `tauri::generate_handler!` (lib.rs), the app manifest that makes each command a permission
// (build.rs, which `include!`s this file), and `COMMANDS`, which the tests hold against the
// capability file (capabilities/main.json) and which the generated TypeScript exports.
// Add a command here, then grant `allow-<name-with-dashes>` in the capability.
//
// This file is plain `macro_rules!` so build.rs can include it: no `use`, no crate paths.

/// Calls `$then! { module::command, ... }` with every command of the window.
macro_rules! desk_commands {
    ($then:ident) => {
        $then! {
            commands::library_info,
            commands::load_demo,
            commands::list_articles,
            commands::article_page,
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
            commands_photos::delete_crop,
            commands_photos::photos_in_conflict,
            commands_photos::photo_conflicts,
            commands_photos::resolve_photo_conflict,
            commands_publish::preflight,
            commands_publish::export_article,
            commands_publish::destinations,
            commands_publish::add_destination,
            commands_publish::remove_destination,
            commands_publish::check_destination,
            commands_publish::outbox,
            commands_publish::deliver,
            commands_publish::retry_delivery,
            commands_publish::cancel_delivery,
            commands_publish::open_post,
            commands_recovery::keep_unsaved,
            commands_recovery::unsaved_texts,
            commands_recovery::discard_unsaved,
            commands_desk::desk_status,
            commands_desk::set_identity,
            commands_desk::join_desk,
            commands_desk::sync_desk,
            commands_desk::open_story,
            commands_desk::field_conflicts,
            commands_desk::resolve_conflict,
            commands_wire::wire_list,
            commands_wire::wire_sources,
            commands_wire::wire_item,
            commands_wire::wire_start_story,
            commands_wire::wire_origin,
            commands_wire::wire_clear_stop,
            commands_wire::wire_folders,
            commands_wire::watch_wire_folder,
            commands_check::check_field,
            commands_check::check_article,
            commands_check::add_desk_word,
        }
    };
}

/// The names alone, as Tauri's permissions and the webview's `invoke` know them.
macro_rules! command_names {
    ($($module:ident :: $command:ident),* $(,)?) => {
        &[$(stringify!($command)),*]
    };
}
