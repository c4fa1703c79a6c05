-- WordPress and Ghost destinations, and what a receiver says about a delivered story.
-- SQLite cannot widen a CHECK in place, so `destinations` is copied into a new table.
CREATE TABLE destinations_007 (
    name       TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('folder', 'http_push', 'wordpress', 'ghost')),
    -- The kind's settings as JSON (see `Settings` in store/delivery.rs).
    settings   TEXT NOT NULL,
    created_at TEXT NOT NULL
);
INSERT INTO destinations_007 (name, kind, settings, created_at)
    SELECT name, kind, settings, created_at FROM destinations;
DROP TABLE destinations;
ALTER TABLE destinations_007 RENAME TO destinations;

-- The receiver's id of the story (a WordPress or Ghost post) and the address to open it at,
-- once delivered. The newest delivered row of an article and destination names the post a
-- new version updates.
ALTER TABLE outbox ADD COLUMN remote_id TEXT;
ALTER TABLE outbox ADD COLUMN remote_url TEXT;
-- 1 when an earlier version of the story had reached the destination at queueing time.
ALTER TABLE outbox ADD COLUMN is_update INTEGER NOT NULL DEFAULT 0;
CREATE INDEX outbox_by_story ON outbox (article_id, destination, state);
