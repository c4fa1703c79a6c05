-- Photos on the team desk (issue 13): each photo record an Automerge document, the original
-- travelling by its SHA-256 through the relay. A laptop that never joins a desk writes nothing
-- here.

-- Each photo's document, and where the library and the document last agreed: the document's
-- heads and the photo version (desk record, focal point, crops) they became. Local changes
-- since then are that version's successors; remote changes are changes after those heads.
CREATE TABLE desk_photos (
    photo_id       TEXT PRIMARY KEY REFERENCES photos (id) ON DELETE CASCADE,
    doc_id         TEXT NOT NULL UNIQUE,
    synced_heads   TEXT NOT NULL,
    synced_version INTEGER NOT NULL
);

-- Concurrent values of one desk field, the focal point or one crop of a photo (`crop:<name>`),
-- found by a merge and never silently picked; like field_conflicts for articles. Open while
-- resolved_at is NULL. `candidates` is JSON: [{"value": ..., "by": "name"}, ...].
CREATE TABLE photo_conflicts (
    photo_id    TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    field       TEXT NOT NULL,
    candidates  TEXT NOT NULL,
    opened_at   TEXT NOT NULL,
    resolved_at TEXT,
    resolved_by TEXT
);
CREATE UNIQUE INDEX photo_conflicts_open ON photo_conflicts (photo_id, field) WHERE resolved_at IS NULL;
