//! Destinations, the record of exports and the outbox. An outbox row is claimed with a lease
//! and every later state change names the attempt it belongs to, so a process that lost its
//! claim (it was presumed dead and another took over) cannot overwrite the newer outcome.

use std::path::PathBuf;
use std::time::Duration;

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::{Store, format_time, now, parse_time};
use crate::delivery::{
    self, Delivery, DeliveryState, Destination, Ghost, HttpPush, PostStatus, PushProfile, Remote,
    Secret, Target, WordPress,
};
use crate::error::Context;
use crate::package::ExportRecord;
use crate::{Error, Result};

const OUTBOX_COLUMNS: &str = "seq, article_id, article_version, ninjs_version, destination, \
     package_path, state, attempts, next_attempt_at, lease_until, last_error, created_at, updated_at, \
     is_update, remote_id, remote_url";

fn delivery_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Delivery> {
    let state: String = row.get(6)?;
    let time_at =
        |i: usize| -> rusqlite::Result<OffsetDateTime> { parse_time(&row.get::<_, String>(i)?) };
    Ok(Delivery {
        id: row.get(0)?,
        article_id: row.get(1)?,
        article_version: row.get(2)?,
        ninjs_version: row.get(3)?,
        destination: row.get(4)?,
        package_path: row.get::<_, String>(5)?.into(),
        state: DeliveryState::parse(&state),
        attempts: row.get(7)?,
        next_attempt_at: time_at(8)?,
        lease_until: row
            .get::<_, Option<String>>(9)?
            .map(|s| parse_time(&s))
            .transpose()?,
        last_error: row.get(10)?,
        created_at: time_at(11)?,
        updated_at: time_at(12)?,
        update: row.get(13)?,
        remote: row
            .get::<_, Option<String>>(14)?
            .map(|id| -> rusqlite::Result<Remote> {
                Ok(Remote {
                    id,
                    url: row.get(15)?,
                })
            })
            .transpose()?,
    })
}

fn to_duration(d: Duration) -> time::Duration {
    time::Duration::try_from(d).unwrap_or(time::Duration::MAX)
}

impl Store {
    pub fn add_destination(&mut self, destination: &Destination) -> Result<()> {
        destination.validate()?;
        let settings =
            serde_json::to_string(&Settings::of(&destination.target)).expect("settings serialise");
        let inserted = self
            .conn
            .execute(
                "INSERT INTO destinations (name, kind, settings, created_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (name) DO NOTHING",
                params![destination.name, destination.target.kind(), settings, format_time(now())],
            )
            .context(|| format!("adding destination {}", destination.name))?;
        if inserted == 0 {
            return Err(Error::invalid(format!(
                "there is already a destination called {:?}; remove it first or pick another name",
                destination.name
            )));
        }
        Ok(())
    }

    pub fn destinations(&self) -> Result<Vec<Destination>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT name, settings FROM destinations ORDER BY name")
            .context(|| "listing destinations")?;
        let rows = stmt
            .query_map([], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
            })
            .context(|| "listing destinations")?;
        rows.map(|row| {
            let (name, settings) = row.context(|| "listing destinations")?;
            destination_from(name, &settings)
        })
        .collect()
    }

    pub fn destination(&self, name: &str) -> Result<Destination> {
        let settings: String = self
            .conn
            .query_row(
                "SELECT settings FROM destinations WHERE name = ?1",
                [name],
                |row| row.get(0),
            )
            .optional()
            .context(|| format!("reading destination {name}"))?
            .ok_or_else(|| Error::not_found("destination", name))?;
        destination_from(name.to_owned(), &settings)
    }

    /// Refused while deliveries to it are still waiting: they would have nowhere to go.
    pub fn remove_destination(&mut self, name: &str) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .context(|| "removing a destination")?;
        let waiting: i64 = tx
            .query_row(
                "SELECT COUNT(*) FROM outbox
                 WHERE destination = ?1 AND state IN ('pending', 'sending', 'retrying')",
                [name],
                |row| row.get(0),
            )
            .context(|| format!("checking the outbox for {name}"))?;
        if waiting > 0 {
            return Err(Error::invalid(format!(
                "{waiting} deliveries to {name} are still in the outbox; cancel them first"
            )));
        }
        let removed = tx
            .execute("DELETE FROM destinations WHERE name = ?1", [name])
            .context(|| format!("removing destination {name}"))?;
        if removed == 0 {
            return Err(Error::not_found("destination", name));
        }
        tx.commit()
            .context(|| format!("removing destination {name}"))
    }

    /// The ninjs version of a package with this content: the one it was given before, or one
    /// more than the last exported. Same content, same version, same bytes.
    pub fn ninjs_version(&self, article_id: &str, content_key: &str) -> Result<i64> {
        self.conn
            .query_row(
                "SELECT COALESCE(
                     (SELECT ninjs_version FROM exports WHERE article_id = ?1 AND content_key = ?2 LIMIT 1),
                     (SELECT MAX(ninjs_version) + 1 FROM exports WHERE article_id = ?1),
                     1)",
                params![article_id, content_key],
                |row| row.get(0),
            )
            .context(|| format!("numbering the package of article {article_id}"))
    }

    pub fn record_export(&mut self, record: &ExportRecord) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO exports (article_id, article_version, ninjs_version, content_key, destination,
                     manifest_sha256, exported_at)
                 VALUES (?1, ?2, ?3, ?7, ?4, ?5, ?6)",
                params![
                    record.article_id,
                    record.article_version,
                    record.ninjs_version,
                    record.destination,
                    record.manifest_sha256,
                    format_time(record.exported_at),
                    record.content_key
                ],
            )
            .context(|| format!("recording the export of article {}", record.article_id))?;
        Ok(())
    }

    /// Exports of an article, oldest first.
    pub fn exports(&self, article_id: &str) -> Result<Vec<ExportRecord>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT article_id, article_version, ninjs_version, destination, manifest_sha256, exported_at,
                     content_key
                 FROM exports WHERE article_id = ?1 ORDER BY seq",
            )
            .context(|| "listing exports")?;
        let rows = stmt
            .query_map([article_id], |row| {
                Ok(ExportRecord {
                    article_id: row.get(0)?,
                    article_version: row.get(1)?,
                    ninjs_version: row.get(2)?,
                    destination: row.get(3)?,
                    manifest_sha256: row.get(4)?,
                    exported_at: parse_time(&row.get::<_, String>(5)?)?,
                    content_key: row.get(6)?,
                })
            })
            .context(|| "listing exports")?;
        rows.collect::<rusqlite::Result<_>>()
            .context(|| "listing exports")
    }

    /// Queues a delivery, first tried at `not_before` (an embargo) or now; asking twice for
    /// the same package and destination while the first is still under way (or done) returns
    /// the first rather than sending it twice.
    pub fn enqueue_delivery(
        &mut self,
        article_id: &str,
        article_version: i64,
        ninjs_version: i64,
        destination: &str,
        package_path: &std::path::Path,
        not_before: Option<OffsetDateTime>,
    ) -> Result<Delivery> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .context(|| "queueing a delivery")?;
        let existing: Option<i64> = tx
            .query_row(
                "SELECT seq FROM outbox WHERE article_id = ?1 AND ninjs_version = ?2 AND destination = ?3
                     AND state IN ('pending', 'sending', 'retrying', 'delivered')",
                params![article_id, ninjs_version, destination],
                |row| row.get(0),
            )
            .optional()
            .context(|| "queueing a delivery")?;
        let id = match existing {
            Some(id) => id,
            None => {
                let at = now();
                let first_try = not_before.map_or(at, |embargo| embargo.max(at));
                let update: bool = tx
                    .query_row(
                        "SELECT EXISTS (SELECT 1 FROM outbox WHERE article_id = ?1 AND destination = ?2
                             AND state = 'delivered')",
                        params![article_id, destination],
                        |row| row.get(0),
                    )
                    .context(|| "queueing a delivery")?;
                tx.execute(
                    "INSERT INTO outbox (article_id, article_version, ninjs_version, destination,
                         package_path, state, next_attempt_at, created_at, updated_at, is_update)
                     VALUES (?1, ?2, ?3, ?4, ?5, 'pending', ?6, ?7, ?7, ?8)",
                    params![
                        article_id,
                        article_version,
                        ninjs_version,
                        destination,
                        package_path.to_string_lossy(),
                        format_time(first_try),
                        format_time(at),
                        update
                    ],
                )
                .context(|| "queueing a delivery")?;
                tx.last_insert_rowid()
            }
        };
        tx.commit().context(|| "queueing a delivery")?;
        self.delivery(id)
    }

    /// The receiver's record of a story from its newest delivery to `destination` that
    /// named one: the post a new version updates.
    pub fn remote(&self, article_id: &str, destination: &str) -> Result<Option<Remote>> {
        self.conn
            .query_row(
                "SELECT remote_id, remote_url FROM outbox
                 WHERE article_id = ?1 AND destination = ?2 AND state = 'delivered'
                     AND remote_id IS NOT NULL
                 ORDER BY seq DESC LIMIT 1",
                params![article_id, destination],
                |row| {
                    Ok(Remote {
                        id: row.get(0)?,
                        url: row.get(1)?,
                    })
                },
            )
            .optional()
            .context(|| format!("reading where {article_id} went at {destination}"))
    }

    pub fn delivery(&self, id: i64) -> Result<Delivery> {
        self.conn
            .query_row(
                &format!("SELECT {OUTBOX_COLUMNS} FROM outbox WHERE seq = ?1"),
                [id],
                delivery_from_row,
            )
            .optional()
            .context(|| format!("reading delivery {id}"))?
            .ok_or_else(|| Error::not_found("delivery", id.to_string()))
    }

    /// The outbox, newest first.
    pub fn outbox(&self) -> Result<Vec<Delivery>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {OUTBOX_COLUMNS} FROM outbox ORDER BY seq DESC"
            ))
            .context(|| "listing the outbox")?;
        let rows = stmt
            .query_map([], delivery_from_row)
            .context(|| "listing the outbox")?;
        rows.collect::<rusqlite::Result<_>>()
            .context(|| "listing the outbox")
    }

    /// Takes the oldest delivery due by `due_by`, or whose sender's lease ran out, and marks
    /// it `sending` until `now + lease`. One UPDATE, so two workers never take the same row.
    pub fn claim_delivery(
        &mut self,
        lease: Duration,
        due_by: OffsetDateTime,
    ) -> Result<Option<Delivery>> {
        let at = now();
        self.conn
            .query_row(
                &format!(
                    "UPDATE outbox SET state = 'sending', attempts = attempts + 1,
                         lease_until = ?2, updated_at = ?1
                     WHERE seq = (
                         SELECT seq FROM outbox
                         WHERE (state IN ('pending', 'retrying') AND {due} <= unixepoch(?3, 'subsec'))
                            OR (state = 'sending' AND unixepoch(lease_until, 'subsec') <= unixepoch(?1, 'subsec'))
                         ORDER BY {due}, seq LIMIT 1)
                     RETURNING {OUTBOX_COLUMNS}",
                    // RFC 3339 text leaves out a zero fraction, so it does not sort as time.
                    due = "unixepoch(next_attempt_at, 'subsec')"
                ),
                params![format_time(at), format_time(at + to_duration(lease)), format_time(due_by)],
                delivery_from_row,
            )
            .optional()
            .context(|| "taking a delivery from the outbox")
    }

    /// Extends the lease of attempt `attempt` to `now + lease`; false when it is no longer ours.
    pub fn renew_lease(&mut self, id: i64, attempt: i64, lease: Duration) -> Result<bool> {
        let at = now();
        let changed = self
            .conn
            .execute(
                "UPDATE outbox SET lease_until = ?3 WHERE seq = ?1 AND attempts = ?2 AND state = 'sending'",
                params![id, attempt, format_time(at + to_duration(lease))],
            )
            .context(|| format!("renewing the claim on delivery {id}"))?;
        Ok(changed == 1)
    }

    /// Records the outcome of attempt `attempt` of a claimed delivery. Returns false when the
    /// claim was lost meanwhile (another worker took over after the lease ran out).
    pub fn finish_attempt(
        &mut self,
        id: i64,
        attempt: i64,
        outcome: AttemptOutcome,
    ) -> Result<bool> {
        let at = now();
        let (state, next, error, remote) = match &outcome {
            AttemptOutcome::Delivered(remote) => {
                (DeliveryState::Delivered, at, None, remote.as_ref())
            }
            AttemptOutcome::Failed(message) => {
                (DeliveryState::Failed, at, Some(message.as_str()), None)
            }
            AttemptOutcome::Retry { after, message } => (
                DeliveryState::Retrying,
                at + to_duration(*after),
                Some(message.as_str()),
                None,
            ),
        };
        let changed = self
            .conn
            .execute(
                "UPDATE outbox SET state = ?3, next_attempt_at = ?4, last_error = ?5, lease_until = NULL,
                     updated_at = ?6, remote_id = ?7, remote_url = ?8
                 WHERE seq = ?1 AND attempts = ?2 AND state = 'sending'",
                params![
                    id,
                    attempt,
                    state.as_str(),
                    format_time(next),
                    error,
                    format_time(at),
                    remote.map(|r| &r.id),
                    remote.and_then(|r| r.url.as_ref())
                ],
            )
            .context(|| format!("recording the outcome of delivery {id}"))?;
        Ok(changed == 1)
    }

    /// Sends a failed or waiting delivery again now.
    pub fn retry_delivery(&mut self, id: i64) -> Result<Delivery> {
        self.move_delivery(
            id,
            &["failed", "retrying", "cancelled"],
            "pending",
            "retried",
        )
    }

    pub fn cancel_delivery(&mut self, id: i64) -> Result<Delivery> {
        self.move_delivery(
            id,
            &["pending", "retrying", "failed"],
            "cancelled",
            "cancelled",
        )
    }

    fn move_delivery(&mut self, id: i64, from: &[&str], to: &str, verb: &str) -> Result<Delivery> {
        let current = self.delivery(id)?;
        if !from.contains(&current.state.as_str()) {
            return Err(Error::invalid(format!(
                "delivery {id} is {} and cannot be {verb}",
                current.state.as_str()
            )));
        }
        let at = format_time(now());
        self.conn
            .execute(
                "UPDATE outbox SET state = ?2, next_attempt_at = ?3, lease_until = NULL, updated_at = ?3
                 WHERE seq = ?1 AND state = ?4",
                params![id, to, at, current.state.as_str()],
            )
            .context(|| format!("updating delivery {id}"))?;
        self.delivery(id)
    }
}

/// What one attempt at a delivery came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttemptOutcome {
    /// Landed; where the receiver keeps it, when it says.
    Delivered(Option<Remote>),
    /// The receiver refused it (HTTP 4xx) or it can never work: no retry.
    Failed(String),
    Retry {
        after: Duration,
        message: String,
    },
}

fn destination_from(name: String, settings: &str) -> Result<Destination> {
    let settings: Settings = serde_json::from_str(settings).map_err(|e| Error::Library {
        path: Default::default(),
        reason: format!("the settings of destination {name} are damaged: {e}"),
    })?;
    Ok(Destination {
        name,
        target: settings.into_target(),
    })
}

/// The `settings` column of `destinations` as stored: the shape migration 003 gave it, plus
/// `ca_file` and `profile`, optional keys that rows written before them simply lack (so no
/// migration: the column is the kind's settings as JSON). Kept apart from [`Target`] because this is the one
/// place the push secret is written out; everywhere else a destination shows only whether it
/// has one.
#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Settings {
    Folder {
        path: PathBuf,
    },
    HttpPush {
        resource_url: String,
        assets_url: String,
        #[serde(default)]
        secret: Option<String>,
        #[serde(default = "delivery::default_connect_timeout")]
        connect_timeout_secs: u64,
        #[serde(default = "delivery::default_read_timeout")]
        read_timeout_secs: u64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ca_file: Option<PathBuf>,
        /// Rows from before profiles lack it: they were pushed IPTC ninjs 3.1, which no
        /// Superdesk receiver reads, so they now get Superdesk's ninjs like a new one.
        #[serde(default)]
        profile: PushProfile,
    },
    Ghost {
        site_url: String,
        /// The Admin API key, `id:secret`.
        admin_key: Option<String>,
        #[serde(default)]
        publish: PostStatus,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ca_file: Option<PathBuf>,
        #[serde(default = "delivery::default_connect_timeout")]
        connect_timeout_secs: u64,
        #[serde(default = "delivery::default_read_timeout")]
        read_timeout_secs: u64,
    },
    #[serde(rename = "wordpress")]
    WordPress {
        site_url: String,
        user: String,
        #[serde(default)]
        application_password: Option<String>,
        #[serde(default)]
        publish: PostStatus,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ca_file: Option<PathBuf>,
        #[serde(default = "delivery::default_connect_timeout")]
        connect_timeout_secs: u64,
        #[serde(default = "delivery::default_read_timeout")]
        read_timeout_secs: u64,
    },
}

impl Settings {
    fn of(target: &Target) -> Settings {
        match target {
            Target::Folder { path } => Settings::Folder { path: path.clone() },
            Target::HttpPush(push) => Settings::HttpPush {
                resource_url: push.resource_url.clone(),
                assets_url: push.assets_url.clone(),
                secret: push.secret.as_ref().map(|s| s.expose().to_owned()),
                connect_timeout_secs: push.connect_timeout_secs,
                read_timeout_secs: push.read_timeout_secs,
                ca_file: push.ca_file.clone(),
                profile: push.profile,
            },
            Target::Ghost(ghost) => Settings::Ghost {
                site_url: ghost.site_url.clone(),
                admin_key: ghost.admin_key.as_ref().map(|k| k.expose().to_owned()),
                publish: ghost.publish,
                ca_file: ghost.ca_file.clone(),
                connect_timeout_secs: ghost.connect_timeout_secs,
                read_timeout_secs: ghost.read_timeout_secs,
            },
            Target::WordPress(site) => Settings::WordPress {
                site_url: site.site_url.clone(),
                user: site.user.clone(),
                application_password: site
                    .application_password
                    .as_ref()
                    .map(|s| s.expose().to_owned()),
                publish: site.publish,
                ca_file: site.ca_file.clone(),
                connect_timeout_secs: site.connect_timeout_secs,
                read_timeout_secs: site.read_timeout_secs,
            },
        }
    }

    fn into_target(self) -> Target {
        match self {
            Settings::Folder { path } => Target::Folder { path },
            Settings::HttpPush {
                resource_url,
                assets_url,
                secret,
                connect_timeout_secs,
                read_timeout_secs,
                ca_file,
                profile,
            } => Target::HttpPush(HttpPush {
                resource_url,
                assets_url,
                secret: secret.map(Secret::new),
                connect_timeout_secs,
                read_timeout_secs,
                ca_file,
                profile,
            }),
            Settings::Ghost {
                site_url,
                admin_key,
                publish,
                ca_file,
                connect_timeout_secs,
                read_timeout_secs,
            } => Target::Ghost(Ghost {
                site_url,
                admin_key: admin_key.map(Secret::new),
                publish,
                ca_file,
                connect_timeout_secs,
                read_timeout_secs,
            }),
            Settings::WordPress {
                site_url,
                user,
                application_password,
                publish,
                ca_file,
                connect_timeout_secs,
                read_timeout_secs,
            } => Target::WordPress(WordPress {
                site_url,
                user,
                application_password: application_password.map(Secret::new),
                publish,
                ca_file,
                connect_timeout_secs,
                read_timeout_secs,
            }),
        }
    }
}
