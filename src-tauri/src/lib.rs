//! The desktop shell: opens the library once at start and exposes the core to the webview as
//! thin commands (see `commands`). Nothing editorial is decided here.

#![forbid(unsafe_code)]

#[macro_use]
mod command_list;
mod commands;
mod commands_check;
mod commands_desk;
mod commands_photos;
mod commands_publish;
mod commands_recovery;
mod commands_wire;
pub mod contract;
mod desk;
pub mod events;
mod heap;
mod idle;
mod photo_protocol;
mod wire_watch;

use std::path::PathBuf;

use tauri::{Manager, Runtime};

pub use desk::Desk;

/// The window's commands by name, from the one list in `command_list.rs`.
pub const COMMANDS: &[&str] = desk_commands!(command_names);

/// Starts the window on the library named by `--library DIR`, `NEWSDESK_LIBRARY` or the
/// platform default. `give_back_heap` returns freed heap to the system (see `heap`).
pub fn run(give_back_heap: fn()) {
    heap::set(give_back_heap);
    let desk = Desk::open_in_window(library_arg(std::env::args().skip(1)));
    builder(tauri::Builder::default(), desk)
        .register_asynchronous_uri_scheme_protocol("photo", photo_protocol::respond)
        .run(context())
        .expect("the Newsdesk window could not start");
}

/// Everything the window talks to: the library, the commands, the background work. Generic
/// over the runtime, so the tests drive the same app through Tauri's mock runtime.
pub fn builder<R: Runtime>(builder: tauri::Builder<R>, desk: Desk) -> tauri::Builder<R> {
    let root = desk.root().cloned();
    macro_rules! handler {
        ($($module:ident :: $command:ident),* $(,)?) => {
            tauri::generate_handler![$($module::$command),*]
        };
    }
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(desk)
        .manage(commands_desk::DeskSync::default())
        .setup(move |app| {
            for window in app.webview_windows().values() {
                paint_without_gpu(window);
            }
            // Each opens the library itself: after an upgrade, not beside it.
            let handle = app.handle().clone();
            app.state::<Desk>().when_open(move || {
                idle::start(root.clone());
                wire_watch::start(handle.clone(), root.clone());
                handle.manage(commands_publish::Outbox::start(
                    handle.clone(),
                    root.clone(),
                ));
                handle
                    .state::<commands_desk::DeskSync>()
                    .start(handle.clone(), root);
            });
            Ok(())
        })
        .invoke_handler(desk_commands!(handler))
}

/// WebKitGTK composites the page with OpenGL by default. Where there is no GPU driver (a VM,
/// Xvfb, a laptop on Mesa's software renderer) that GL is llvmpipe: LLVM and the GL buffers
/// cost the web process about 140 MiB of PSS and the app 20 MiB more (611 -> 384 to 434 MiB for
/// the app's processes after a 5,000-word story and 20 photos, `tests/e2e/bench.js`), and the
/// page paints no faster: key-to-paint p95 20 -> 11 ms typing into a 10,000-word body. A
/// newsroom editor has no 3D, video or heavy CSS animation that compositing would help, so the
/// window paints without it, as GNOME's Evolution composer does.
fn paint_without_gpu<R: Runtime>(window: &tauri::WebviewWindow<R>) {
    #[cfg(target_os = "linux")]
    let _ = window.with_webview(|webview| {
        use webkit2gtk::{
            CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
        };
        let webview = webview.inner();
        if let Some(settings) = webview.settings() {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
        if let Some(context) = webview.context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
    });
}

/// The app's configuration, capabilities and embedded UI (tauri.conf.json, capabilities/).
pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
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
