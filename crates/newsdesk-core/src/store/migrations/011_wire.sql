-- The wire desk (issue 10): agency items at their latest version, the earlier versions kept
-- for a diff, the files already read (by content hash), the stories started from an item
-- with the kill or withhold that stops them, and a search index like the articles'.
CREATE TABLE wire_items (
    -- An explicit integer key: FTS rows point at it.
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    -- The agency's name for the item; its versions share it.
    guid        TEXT NOT NULL UNIQUE,
    source      TEXT NOT NULL,
    version     INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('text', 'picture', 'package')),
    status      TEXT NOT NULL CHECK (status IN ('usable', 'withheld', 'canceled')),
    urgency     INTEGER,
    headline    TEXT NOT NULL,
    received_at TEXT NOT NULL,
    -- WireCopy as JSON.
    copy        TEXT NOT NULL
);
CREATE INDEX wire_items_by_received ON wire_items (received_at DESC);
CREATE INDEX wire_items_by_source ON wire_items (source, received_at DESC);
CREATE INDEX wire_items_by_urgency ON wire_items (urgency, received_at DESC);

CREATE TABLE wire_subjects (
    subject  TEXT NOT NULL,
    item_seq INTEGER NOT NULL REFERENCES wire_items (seq) ON DELETE CASCADE,
    PRIMARY KEY (subject, item_seq)
) WITHOUT ROWID;

CREATE TABLE wire_versions (
    item_id     TEXT NOT NULL REFERENCES wire_items (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    received_at TEXT NOT NULL,
    copy        TEXT NOT NULL,
    PRIMARY KEY (item_id, version, received_at)
);

-- Every file read, by the SHA-256 of its bytes: the same file dropped twice is one item.
CREATE TABLE wire_files (
    sha256      TEXT PRIMARY KEY,
    item_id     TEXT NOT NULL REFERENCES wire_items (id) ON DELETE CASCADE,
    file_name   TEXT NOT NULL,
    received_at TEXT NOT NULL
);

-- A story started from a wire item. `stop_status` is set (withheld, canceled) when a notice
-- comes for the item, and cleared only by an editor; preflight refuses the story meanwhile.
CREATE TABLE wire_stories (
    article_id   TEXT PRIMARY KEY REFERENCES articles (id),
    item_id      TEXT NOT NULL REFERENCES wire_items (id),
    item_version INTEGER NOT NULL,
    started_at   TEXT NOT NULL,
    stop_status  TEXT CHECK (stop_status IN ('withheld', 'canceled')),
    stop_note    TEXT NOT NULL DEFAULT '',
    stop_at      TEXT,
    cleared_by   TEXT NOT NULL DEFAULT '',
    cleared_at   TEXT
);
CREATE INDEX wire_stories_by_item ON wire_stories (item_id);

CREATE VIRTUAL TABLE wire_fts USING fts5 (
    headline, dek, body, byline, subjects,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '3 4 5 6'
);

-- The wire folders the window watches while it is open, each with its feed's name.
CREATE TABLE wire_folders (
    dir      TEXT PRIMARY KEY,
    source   TEXT NOT NULL,
    added_at TEXT NOT NULL
);
