//! Who is here: which people have a story open right now, so two of them see each other
//! before they collide.
//!
//! Each window tells the relay every few seconds who it is and which story it has open
//! (`POST /presence`, behind the desk token) and hears back who else was seen on that story in
//! the last `RECENT`. Why not automerge-repo's ephemeral messages: samod has them
//! (`DocHandle::broadcast`), but they reach only peers connected to the document at that
//! instant, and a laptop here connects for one sync and closes (`desk::sync`); a standing
//! connection per open story would be a second sync path to keep alive. A heartbeat is one
//! small request that works the same through a reverse proxy, and the relay keeps the table in
//! memory only: a restart forgets it, and the next heartbeats fill it again.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// How long a heartbeat counts: three missed beats (windows beat every `BEAT`) and the person
/// has gone.
pub const RECENT: Duration = Duration::from_secs(15);
/// How often a window beats.
pub const BEAT: Duration = Duration::from_secs(5);
/// People listed at most: a table past this is pruned of the oldest (a relay is not a
/// directory of every laptop that ever beat).
const TABLE_LIMIT: usize = 10_000;

/// What a window sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heartbeat {
    pub name: String,
    pub device: String,
    /// The story open in the window (its article id), if any.
    pub story: Option<String>,
}

/// Someone else with the same story open.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Present {
    pub name: String,
    pub device: String,
}

/// The relay's table: the last heartbeat of each device.
#[derive(Default)]
pub struct Presence {
    seen: Mutex<HashMap<String, (Heartbeat, Instant)>>,
}

impl Presence {
    /// Records `beat` at `now` and answers who else had the same story open within `RECENT`.
    pub fn beat(&self, beat: Heartbeat, now: Instant) -> Vec<Present> {
        let mut seen = self
            .seen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        seen.retain(|_, (_, at)| now.saturating_duration_since(*at) < RECENT);
        if seen.len() >= TABLE_LIMIT
            && let Some(oldest) = seen
                .iter()
                .min_by_key(|(_, (_, at))| *at)
                .map(|(d, _)| d.clone())
        {
            seen.remove(&oldest);
        }
        let mut others: Vec<Present> = match &beat.story {
            None => Vec::new(),
            Some(story) => seen
                .values()
                .filter(|(b, _)| b.device != beat.device && b.story.as_ref() == Some(story))
                .map(|(b, _)| Present {
                    name: b.name.clone(),
                    device: b.device.clone(),
                })
                .collect(),
        };
        others.sort();
        seen.insert(beat.device.clone(), (beat, now));
        others
    }
}

/// A window's heartbeat: who else has `beat.story` open, as the relay at `url` (`ws://...`)
/// saw them.
pub fn heartbeat(url: &str, token: &str, beat: &Heartbeat) -> Result<Vec<Present>> {
    let address = crate::desk::http_address(url, "/presence")?;
    let body = serde_json::to_string(beat).expect("a heartbeat serialises");
    let response = ureq::post(address.as_str())
        .header("Authorization", &format!("Bearer {token}"))
        .header("Content-Type", "application/json")
        .config()
        .timeout_global(Some(BEAT))
        .build()
        .send(body.as_bytes());
    let unreachable = |reason: String| Error::Unreachable {
        url: url.to_owned(),
        reason,
    };
    let mut response = match response {
        Ok(response) => response,
        Err(ureq::Error::StatusCode(status @ (401 | 403))) => {
            return Err(Error::Refused {
                url: url.to_owned(),
                status,
            });
        }
        Err(e) => return Err(unreachable(e.to_string())),
    };
    let text = response
        .body_mut()
        .read_to_string()
        .map_err(|e| unreachable(e.to_string()))?;
    serde_json::from_str(&text)
        .map_err(|_| unreachable("it does not answer like a Newsdesk relay".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn beat(name: &str, story: Option<&str>) -> Heartbeat {
        Heartbeat {
            name: name.into(),
            device: format!("{name}-laptop"),
            story: story.map(str::to_owned),
        }
    }

    #[test]
    fn a_person_is_here_while_they_beat_and_gone_after_recent() {
        let table = Presence::default();
        let t0 = Instant::now();
        assert!(table.beat(beat("Ana", Some("s1")), t0).is_empty());
        let here = table.beat(beat("Bea", Some("s1")), t0 + Duration::from_secs(1));
        assert_eq!(
            here.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            ["Ana"]
        );
        // Another story: nobody; no story: nobody.
        assert!(table.beat(beat("Cal", Some("s2")), t0).is_empty());
        assert!(table.beat(beat("Dan", None), t0).is_empty());
        // Ana's last beat is older than RECENT when Bea beats again.
        let later = t0 + RECENT + Duration::from_secs(1);
        assert!(table.beat(beat("Bea", Some("s1")), later).is_empty());
    }
}
