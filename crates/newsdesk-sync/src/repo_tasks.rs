//! samod's background tasks for one repo, ended once the repo has stopped.
//!
//! `Repo::load` (samod 0.16) spawns four tasks: the io loop, the loop passing the document
//! actors' messages to the hub, a connector tick every 100 ms and the actor runner. Each holds
//! the repo's state (`Arc<Mutex<Inner>>`) and waits on a channel whose sender that same state
//! holds, so none of them ever ends, `Repo::stop` included: the state, with every document the
//! repo loaded (each actor keeps its `Automerge`), stays in memory for the life of the process.
//! The relay makes a repo per laptop connection, so it kept every document each catch-up round
//! loaded, and a tick task per connection ever served: two laptops caught up on a 1,000-story
//! desk and hung up, then heaptrack found 66.3 MB of the relay's 73.7 MB peak heap still
//! allocated (automerge documents 41 MB, samod's actors and their queues 23 MB); with the tasks
//! ended, glibc counts 1.8 MB in use (`malloc_stats`). samod is not patched here:
//! `RepoTasks` is the runtime samod spawns those tasks on, and `end` aborts them once
//! `Repo::stop` has returned, which is after every document has finished its writes (samod-core
//! stops the hub only when all its document actors have flushed to storage).

use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Give it to `Repo::builder` instead of the tokio handle; after `Repo::stop`, call `end`.
#[derive(Clone)]
pub(crate) struct RepoTasks {
    runtime: tokio::runtime::Handle,
    spawned: Arc<Mutex<Vec<tokio::task::JoinHandle<()>>>>,
}

impl RepoTasks {
    /// On the tokio runtime this is called in (panics outside one, like `Repo::build_tokio`).
    pub(crate) fn new() -> RepoTasks {
        RepoTasks {
            runtime: tokio::runtime::Handle::current(),
            spawned: Arc::default(),
        }
    }

    /// Aborts the repo's tasks and waits until each is gone, so that what they held (the
    /// repo's state and its documents) has been dropped when this returns, unless a `Repo` or
    /// `DocHandle` clone is still held somewhere. Only after `Repo::stop`: before it, pending
    /// writes would be lost.
    pub(crate) async fn end(self) {
        let spawned = std::mem::take(&mut *self.spawned.lock().expect("repo tasks lock"));
        for task in spawned {
            task.abort();
            // Cancelled (or a panic samod's task already had): gone either way.
            let _ = task.await;
        }
    }
}

impl samod::runtime::RuntimeHandle for RepoTasks {
    fn spawn(&self, task: Pin<Box<dyn Future<Output = ()> + Send + 'static>>) {
        let handle = self.runtime.spawn(task);
        self.spawned.lock().expect("repo tasks lock").push(handle);
    }

    fn sleep(&self, duration: Duration) -> Pin<Box<dyn Future<Output = ()> + Send + 'static>> {
        Box::pin(tokio::time::sleep(duration))
    }
}
