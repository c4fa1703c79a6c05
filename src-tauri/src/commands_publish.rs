//! Preflight, export, destinations and the outbox. Exports and deliveries run on their own
//! threads with their own connection to the library, reporting progress as events, so the
//! editor keeps typing and saving meanwhile.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use newsdesk_core::delivery::{self, Delivery, Destination, OutboxRun};
use newsdesk_core::error::Context;
use newsdesk_core::package::{self, Exported, Preflight};
use newsdesk_core::{Error, Library};
use tauri::{AppHandle, Runtime, State};

use crate::desk::{Desk, Reply};
use crate::events::{self, ExportProgress, OutboxChanged, OutboxError};

/// How often the outbox looks for deliveries that are due (retries wait minutes, so this is
/// only the worst delay before a retry that came due is sent).
const OUTBOX_TICK: Duration = Duration::from_secs(20);

/// Runs `job` on a blocking thread with a connection of its own to the library.
async fn in_background<T: Send + 'static>(
    desk: &Desk,
    job: impl FnOnce(&mut Library) -> newsdesk_core::Result<T> + Send + 'static,
) -> Reply<T> {
    let root = desk.with(|library| Ok(library.root().to_path_buf()))?;
    tauri::async_runtime::spawn_blocking(move || job(&mut Library::open(&root)?))
        .await
        .map_err(|e| Error::invalid(format!("the job stopped unexpectedly: {e}")).report())?
        .map_err(|e| e.report())
}

#[tauri::command]
pub async fn preflight(desk: State<'_, Desk>, id: String) -> Reply<Preflight> {
    desk.with(|library| package::preflight(library, &library.store().article(&id)?))
}

/// `replace`: the user chose to replace a zip already at `out` (the save dialog asked);
/// without it, an existing file is refused and kept.
#[tauri::command]
pub async fn export_article<R: Runtime>(
    app: AppHandle<R>,
    desk: State<'_, Desk>,
    id: String,
    out: PathBuf,
    replace: Option<bool>,
) -> Reply<Exported> {
    let existing = if replace == Some(true) {
        package::Existing::Replace
    } else {
        package::Existing::Refuse
    };
    in_background(&desk, move |library| {
        package::export(library, &id, &out, existing, &mut |done, total, step| {
            events::emit(
                &app,
                ExportProgress {
                    done,
                    total,
                    step: step.to_owned(),
                },
            );
        })
    })
    .await
}

/// The destinations as the window sees them: a push secret shows only as `secret_set`, never
/// its value (a `Destination` cannot serialise one: see `delivery::Secret`).
#[tauri::command]
pub async fn destinations(desk: State<'_, Desk>) -> Reply<Vec<Destination>> {
    desk.with(|library| library.store().destinations())
}

/// The window may send a `secret` here: it is stored, and never sent back.
#[tauri::command]
pub async fn add_destination(desk: State<'_, Desk>, destination: Destination) -> Reply<()> {
    desk.with(|library| library.store_mut().add_destination(&destination))
}

#[tauri::command]
pub async fn remove_destination(desk: State<'_, Desk>, name: String) -> Reply<()> {
    desk.with(|library| library.store_mut().remove_destination(&name))
}

/// "Connect and check credentials": reaches the destination without sending a story.
#[tauri::command]
pub async fn check_destination(desk: State<'_, Desk>, name: String) -> Reply<String> {
    in_background(&desk, move |library| {
        delivery::check(&library.store().destination(&name)?)
    })
    .await
}

#[tauri::command]
pub async fn outbox(desk: State<'_, Desk>) -> Reply<Vec<Delivery>> {
    desk.with(|library| library.store().outbox())
}

/// Queues the article for `destination` and wakes the outbox to send it.
#[tauri::command]
pub async fn deliver(
    desk: State<'_, Desk>,
    outbox: State<'_, Outbox>,
    id: String,
    destination: String,
) -> Reply<Delivery> {
    let queued = in_background(&desk, move |library| {
        delivery::deliver(library, &id, &destination)
    })
    .await?;
    outbox.wake();
    Ok(queued)
}

#[tauri::command]
pub async fn retry_delivery(
    desk: State<'_, Desk>,
    outbox: State<'_, Outbox>,
    id: i64,
) -> Reply<Delivery> {
    let delivery = desk.with(|library| library.store_mut().retry_delivery(id))?;
    outbox.wake();
    Ok(delivery)
}

#[tauri::command]
pub async fn cancel_delivery(desk: State<'_, Desk>, id: i64) -> Reply<Delivery> {
    desk.with(|library| library.store_mut().cancel_delivery(id))
}

/// Opens a delivered story's post in the system browser. The address is the one the receiver
/// answered for this delivery, read here from the outbox: the window names a delivery, never a
/// URL, so it can open nothing else. Only http(s) addresses are opened (a receiver's answer is
/// not trusted to name a program or a file).
#[tauri::command]
pub async fn open_post(desk: State<'_, Desk>, id: i64) -> Reply<()> {
    let delivery = desk.with(|library| library.store().delivery(id))?;
    let url = delivery
        .remote
        .and_then(|remote| remote.url)
        .filter(|url| url.starts_with("https://") || url.starts_with("http://"))
        .ok_or_else(|| {
            Error::invalid(format!("delivery {id} has no web address to open")).report()
        })?;
    // `open` hands the address to the desktop's opener (xdg-open and its kin) and returns
    // without waiting for the browser.
    open::that_detached(&url)
        .context(|| format!("opening {url} in the browser"))
        .map_err(|e| e.report())
}

/// The sender thread: tries due deliveries on every tick or when woken, and tells the window
/// (`outbox-changed`) after each run that sent something.
pub struct Outbox {
    wake: mpsc::Sender<()>,
}

impl Outbox {
    pub fn start<R: Runtime>(app: AppHandle<R>, root: Option<PathBuf>) -> Outbox {
        let (wake, woken) = mpsc::channel();
        std::thread::spawn(move || {
            let Some(root) = root else { return };
            loop {
                match woken.recv_timeout(OUTBOX_TICK) {
                    Ok(()) | Err(mpsc::RecvTimeoutError::Timeout) => {}
                    Err(mpsc::RecvTimeoutError::Disconnected) => return,
                }
                let run = Library::open(&root)
                    .and_then(|mut l| delivery::run_due(&mut l, &OutboxRun::default()));
                match run {
                    Ok(sent) if sent.is_empty() => {}
                    Ok(_) => events::emit(&app, OutboxChanged),
                    Err(e) => events::emit(&app, OutboxError(e.report())),
                }
            }
        });
        Outbox { wake }
    }

    fn wake(&self) {
        let _ = self.wake.send(());
    }
}
