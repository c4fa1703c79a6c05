-- The team desk (issue 13): who made each change, the desk a laptop has joined, the desk's
-- Automerge documents, and the field conflicts merging finds. A laptop that never joins a desk
-- only ever writes the author columns.

-- Who works on this laptop: set on first use (`newsdesk desk whoami --name`). One row.
CREATE TABLE identity (
    only      INTEGER PRIMARY KEY CHECK (only = 1),
    name      TEXT NOT NULL CHECK (name <> ''),
    -- A UUID made when the name is first set: two laptops of one person are two devices.
    device_id TEXT NOT NULL
);

-- revisions.kind gains 'merge' (a change merged from the desk) and every revision says who made
-- it. A CHECK constraint cannot be altered in SQLite, so the table is rebuilt; nothing
-- references it.
CREATE TABLE revisions_new (
    seq          INTEGER PRIMARY KEY,
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    number       INTEGER NOT NULL,
    version      INTEGER,
    base_version INTEGER,
    kind         TEXT NOT NULL
                 CHECK (kind IN ('create', 'save', 'autosave', 'status', 'restore', 'conflict', 'import', 'merge')),
    status       TEXT NOT NULL,
    saved_at     TEXT NOT NULL,
    fields       TEXT NOT NULL,
    -- The person who made the change ('' before this laptop had an identity); for a merge, the
    -- people whose changes were merged.
    author       TEXT NOT NULL DEFAULT '',
    -- For a merge: the Automerge change hashes (the document's heads) it brought in.
    change       TEXT,
    UNIQUE (article_id, number)
);
INSERT INTO revisions_new (seq, article_id, number, version, base_version, kind, status, saved_at, fields)
    SELECT seq, article_id, number, version, base_version, kind, status, saved_at, fields FROM revisions;
DROP TABLE revisions;
ALTER TABLE revisions_new RENAME TO revisions;

-- Who last changed the story, for the list.
ALTER TABLE articles ADD COLUMN last_author TEXT NOT NULL DEFAULT '';

-- The desk this laptop has joined (none: the laptop works alone). One row.
CREATE TABLE desk (
    only         INTEGER PRIMARY KEY CHECK (only = 1),
    url          TEXT NOT NULL,
    -- The desk's index document (the ids of its stories' documents); NULL until the first
    -- sync either finds it on the relay or creates it.
    index_doc_id TEXT,
    joined_at    TEXT NOT NULL
);

-- Each article's Automerge document, and where the library and the document last agreed: the
-- document's heads and the article version they became. Local saves since then are that
-- version's successors; remote changes since then are changes after those heads.
CREATE TABLE desk_documents (
    article_id     TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    doc_id         TEXT NOT NULL UNIQUE,
    synced_heads   TEXT NOT NULL,
    synced_version INTEGER NOT NULL
);

-- samod's storage (keys joined with '/'): the laptop's copy of the desk's documents lives in
-- the library, where every write is a transaction with synchronous = FULL, instead of samod's
-- filesystem storage, which writes in place without fsync.
CREATE TABLE desk_chunks (
    key  TEXT PRIMARY KEY,
    data BLOB NOT NULL
) WITHOUT ROWID;

-- Concurrent values of a single-valued field found by a merge, never silently picked. Open
-- while resolved_at is NULL; a save that names the field resolves it. `candidates` is JSON:
-- [{"value": ..., "by": "name"}, ...].
CREATE TABLE field_conflicts (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    field       TEXT NOT NULL,
    candidates  TEXT NOT NULL,
    opened_at   TEXT NOT NULL,
    resolved_at TEXT,
    resolved_by TEXT
);
CREATE UNIQUE INDEX field_conflicts_open ON field_conflicts (article_id, field) WHERE resolved_at IS NULL;
