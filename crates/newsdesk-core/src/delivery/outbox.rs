//! The outbox worker. Deliveries wait in SQLite; a run takes each due one under a lease, tries
//! it once and records the outcome: delivered, failed for good (the receiver refused it), or
//! retrying after an exponential backoff. Working offline just leaves them queued.
//!
//! Each destination kind is one file with the same entry point, `deliver(settings, outgoing)`,
//! answering where the story now lives ([`Remote`]) or why it did not land
//! ([`DeliveryError`]); the outbox alone decides what that means for the row (retry, fail).

use std::sync::mpsc;
use std::time::Duration;

use super::{Delivery, DeliveryError, Outgoing, Remote, Target, ghost, http_push, wordpress};
use crate::library::Library;
use crate::package::{self, Existing, Package};
use crate::store::AttemptOutcome;
use crate::{Error, Result};

/// How a run of the outbox behaves.
#[derive(Debug, Clone, Copy)]
pub struct OutboxRun {
    /// The first retry waits `2 × base_delay`, then 4×, 8×... up to 64× (Superdesk waits
    /// `2^min(6, attempt)` minutes: a base of one minute).
    pub base_delay: Duration,
    /// How long a claimed delivery stays ours without news from us; it is renewed every
    /// third of it while the attempt runs. Past it, a later run presumes this process dead
    /// and takes the delivery over: after a crash, deliveries resume this soon.
    pub lease: Duration,
}

impl Default for OutboxRun {
    fn default() -> Self {
        OutboxRun {
            base_delay: Duration::from_secs(60),
            lease: Duration::from_secs(30),
        }
    }
}

impl OutboxRun {
    fn backoff(&self, attempt: i64) -> Duration {
        self.base_delay.saturating_mul(1 << attempt.clamp(0, 6))
    }
}

/// Queues the current version of an article for a destination. The package is built now and
/// kept in the library, so every attempt sends the same bytes. Nothing is sent yet; an
/// embargoed story waits in the outbox until its embargo lifts unless the destination
/// schedules it itself.
pub fn deliver(library: &mut Library, article_id: &str, destination: &str) -> Result<Delivery> {
    let target = library.store().destination(destination)?.target;
    let (exported, embargo) = package::export_for_delivery(library, article_id, destination)?;
    let not_before = embargo.filter(|_| !target.schedules_embargoes());
    library.store_mut().enqueue_delivery(
        article_id,
        exported.article_version,
        exported.ninjs_version,
        destination,
        &exported.path,
        not_before,
    )
}

/// Tries every delivery that is due now, once each; returns them with their new state.
pub fn run_due(library: &mut Library, run: &OutboxRun) -> Result<Vec<Delivery>> {
    // Only what was due when the run began: a delivery retried with no delay would
    // otherwise come straight back within the same run.
    let started = crate::store::now();
    let mut attempted = Vec::new();
    while let Some(claimed) = library.store_mut().claim_delivery(run.lease, started)? {
        let outcome = with_lease_renewed(library.root(), &claimed, run.lease, || {
            attempt(library, &claimed, run)
        });
        library
            .store_mut()
            .finish_attempt(claimed.id, claimed.attempts, outcome)?;
        attempted.push(claimed.id);
    }
    attempted
        .into_iter()
        .map(|id| library.store().delivery(id))
        .collect()
}

/// Runs `work` while a second thread, with its own connection, keeps renewing the lease, so a
/// long upload is not mistaken for a dead process. If the library cannot be reached for the
/// renewal the attempt still runs; at worst another run takes over and the receiver dedups.
fn with_lease_renewed<T>(
    root: &std::path::Path,
    claimed: &Delivery,
    lease: Duration,
    work: impl FnOnce() -> T,
) -> T {
    let (finished, wait) = mpsc::channel::<()>();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let Ok(mut library) = Library::open(root) else {
                return;
            };
            while let Err(mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(lease / 3) {
                match library
                    .store_mut()
                    .renew_lease(claimed.id, claimed.attempts, lease)
                {
                    Ok(true) => {}
                    _ => return,
                }
            }
        });
        let result = work();
        drop(finished);
        result
    })
}

fn attempt(library: &Library, delivery: &Delivery, run: &OutboxRun) -> AttemptOutcome {
    let retry = |message: String| AttemptOutcome::Retry {
        after: run.backoff(delivery.attempts),
        message,
    };
    let destination = match library.store().destination(&delivery.destination) {
        Ok(destination) => destination,
        Err(Error::NotFound { .. }) => {
            return AttemptOutcome::Failed(format!(
                "destination {} no longer exists",
                delivery.destination
            ));
        }
        Err(e) => return retry(e.to_string()),
    };
    let package = match Package::read_folder(&delivery.package_path) {
        Ok(package) => package,
        Err(e) => {
            return AttemptOutcome::Failed(format!("the package to send is damaged or gone: {e}"));
        }
    };
    let outgoing = Outgoing {
        package: &package,
        remote: match library
            .store()
            .remote(&delivery.article_id, &delivery.destination)
        {
            Ok(remote) => remote,
            Err(e) => return retry(e.to_string()),
        },
    };
    match send(library, &destination.target, &outgoing) {
        // A receiver that gives no id of its own this time keeps the one it gave before.
        Ok(remote) => AttemptOutcome::Delivered(remote.or(outgoing.remote)),
        Err(e) if e.is_temporary() => retry(e.to_string()),
        Err(e) => AttemptOutcome::Failed(e.to_string()),
    }
}

fn send(
    library: &Library,
    target: &Target,
    outgoing: &Outgoing<'_>,
) -> std::result::Result<Option<Remote>, DeliveryError> {
    let package = outgoing.package;
    match target {
        // Never created here: a missing hot folder is usually a share that is not mounted,
        // and a local folder in its place would swallow the delivery.
        Target::Folder { path } if !path.is_dir() => Err(DeliveryError::Unavailable(format!(
            "the hot folder {} is not there (is the share mounted?)",
            path.display()
        ))),
        // Replacing is right for a hot folder: the zip's name holds the story and its ninjs
        // version, so one already there is this story sent before (an attempt not recorded
        // as done), and the watcher takes whatever is there now.
        Target::Folder { path } => package
            .write_zip(
                &path.join(package.zip_name()),
                library.root(),
                Existing::Replace,
            )
            .map(|_| None)
            .map_err(|e| DeliveryError::Unavailable(e.to_string())),
        Target::HttpPush(settings) => http_push::push(settings, package).map(|()| None),
        Target::Ghost(settings) => ghost::deliver(settings, outgoing),
        Target::WordPress(site) => wordpress::send(site, outgoing),
    }
}
