-- Articles, their revisions and the search index.
CREATE TABLE articles (
    -- An explicit integer key: FTS rows point at it, and VACUUM may renumber implicit rowids.
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    version    INTEGER NOT NULL CHECK (version >= 1),
    status     TEXT NOT NULL CHECK (status IN ('draft', 'editing', 'ready', 'published', 'spiked')),
    section    TEXT NOT NULL DEFAULT '',
    headline   TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    -- ArticleFields as JSON: the whole authoring screen, saved as one.
    fields     TEXT NOT NULL
);
CREATE INDEX articles_by_update ON articles (updated_at DESC);
CREATE INDEX articles_by_status ON articles (status, updated_at DESC);
CREATE INDEX articles_by_section ON articles (section, updated_at DESC);

CREATE TABLE revisions (
    seq          INTEGER PRIMARY KEY,
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    -- 1, 2, 3... per article, in the order the library received them.
    number       INTEGER NOT NULL,
    -- The article version this revision became; NULL for a refused (conflict) save.
    version      INTEGER,
    base_version INTEGER,
    kind         TEXT NOT NULL
                 CHECK (kind IN ('create', 'save', 'autosave', 'status', 'restore', 'conflict', 'import')),
    status       TEXT NOT NULL,
    saved_at     TEXT NOT NULL,
    fields       TEXT NOT NULL,
    UNIQUE (article_id, number)
);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    headline, dek, body, byline, keywords,
    tokenize = 'unicode61 remove_diacritics 2'
);
